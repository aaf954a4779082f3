// Task pane entry: wait for Office, make the Office.js host, render the pane. Nothing here computes.
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { createOfficeHost } from '../hosts/office';
import { App } from './App';
import { Standalone } from './components/Standalone';
import { langFromDisplayLanguage, type UiLang } from '../ui-text';
import { classifyError } from './problems';

function container(): HTMLElement {
  const el = document.getElementById('container');
  if (el) return el;
  const div = document.createElement('div');
  div.id = 'container';
  document.body.appendChild(div);
  return div;
}

function officeLang(): UiLang {
  try {
    return langFromDisplayLanguage(Office.context.displayLanguage);
  } catch {
    return langFromDisplayLanguage(navigator.language);
  }
}

async function start(info: { host: Office.HostType | null }): Promise<void> {
  const root = createRoot(container());
  const lang = officeLang();
  document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
  if (info.host !== Office.HostType.Excel) {
    root.render(<Standalone lang={lang} problem={null} />);
    return;
  }
  try {
    const host = await createOfficeHost();
    root.render(<App host={host} lang={lang} />);
  } catch (e) {
    root.render(<Standalone lang={lang} problem={classifyError(e)} />);
  }
}

if (typeof Office === 'undefined') {
  // office.js did not load (no network, or the page was opened in a plain browser).
  const lang = langFromDisplayLanguage(navigator.language);
  createRoot(container()).render(<Standalone lang={lang} problem={null} officeJsMissing />);
} else {
  Office.onReady((info) => {
    start(info).catch((e: unknown) => {
      createRoot(container()).render(<Standalone lang={officeLang()} problem={classifyError(e)} />);
    });
  });
}
