// The legacy pane's start: wait for Office, make the Office.js host, mount the pane (the same steps as the
// modern pane's index.tsx).
import { createOfficeHost } from '../hosts/office';
import { langFromDisplayLanguage, type UiLang } from '../ui-text';
import { classifyError } from '../taskpane/problems';
import { mountLegacyPane, mountStandalone } from './pane';

function container(): HTMLElement {
  const found = document.getElementById('container');
  if (found) return found;
  const div = document.createElement('div');
  div.id = 'container';
  document.body.appendChild(div);
  return div;
}

function officeLang(): UiLang {
  try {
    return langFromDisplayLanguage(Office.context.displayLanguage);
  } catch {
    return langFromDisplayLanguage(navigator.language || '');
  }
}

function start(info: { host: Office.HostType | null }): void {
  const lang = officeLang();
  if (info.host !== Office.HostType.Excel) {
    mountStandalone(container(), lang, null);
    return;
  }
  try {
    mountLegacyPane(container(), { host: createOfficeHost(), lang });
  } catch (e) {
    mountStandalone(container(), lang, classifyError(e));
  }
}

/** Starts the pane once Office is ready, or says why it cannot. */
export function startLegacyPane(): void {
  if (typeof Office === 'undefined') {
    // office.js did not load (no network, or the page was opened in a plain browser).
    mountStandalone(container(), langFromDisplayLanguage(navigator.language || ''), null, true);
    return;
  }
  Office.onReady((info) => {
    try {
      start(info);
    } catch (e) {
      mountStandalone(container(), officeLang(), classifyError(e));
    }
  });
}
