// The built task pane page (taskpane.html) as the harness loads it in its iframe: unchanged, except that the
// office.js script from Microsoft's CDN is replaced by the harness bundle in its "fake office" role, which puts
// the stand-in Office / Excel API on the frame's window before the task pane's own (deferred) scripts run.
import { FAKE_OFFICE_ROLE } from './bridge';

// Quoted or not: the production build minifies the page (<script src=https://…/office.js></script>).
const OFFICE_JS = /<script\b[^>]*\bsrc=(["']?)https?:\/\/[^"'\s>]*\/office\.js\1[^>]*>\s*<\/script>/i;

export class PanePageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PanePageError';
  }
}

/**
 * The task pane's HTML with office.js replaced by `fakeOfficeUrl`, and a <base> so that the page's relative
 * URLs (its bundle, help.html) resolve where taskpane.html was served. Throws when the page no longer loads
 * office.js the usual way, rather than let it reach for the network.
 */
export function rewritePanePage(html: string, fakeOfficeUrl: string, baseUrl: string): string {
  const matches = html.match(new RegExp(OFFICE_JS.source, 'gi')) ?? [];
  if (matches.length !== 1) {
    throw new PanePageError(
      `taskpane.html 中应恰有一个 office.js 脚本标签，实际 ${matches.length} 个 / ` +
        `taskpane.html should load office.js with exactly one script tag, found ${matches.length}`,
    );
  }
  const tag = `<script src="${escapeAttr(fakeOfficeUrl)}" data-selfeval-role="${FAKE_OFFICE_ROLE}"></script>`;
  let out = html.replace(OFFICE_JS, tag);
  const base = `<base href="${escapeAttr(baseUrl)}">`;
  out = /<head[^>]*>/i.test(out) ? out.replace(/<head[^>]*>/i, (h) => `${h}${base}`) : base + out;
  return out;
}

/** Fetch taskpane.html from beside the harness and rewrite it. */
export async function loadPanePage(fakeOfficeUrl: string, pageUrl = 'taskpane.html'): Promise<string> {
  const url = new URL(pageUrl, document.baseURI);
  const response = await fetch(url.href, { cache: 'no-store' });
  if (!response.ok) {
    throw new PanePageError(
      `无法读取任务窗格页面 / cannot fetch the task pane page ${url.pathname}: HTTP ${response.status}`,
    );
  }
  return rewritePanePage(await response.text(), fakeOfficeUrl, new URL('.', url).href);
}

function escapeAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}
