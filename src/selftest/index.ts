// The self-test page shipped with the add-in (selftest.html, linked from the task pane's About area): runs the
// checks of checks.ts against the Excel it is in, shows pass/fail with what Excel answered, and copies a
// plain-text report for a bug report. zh-CN or English as Office's display language says.
import { createOfficeHost } from '../hosts/office';
import { reportText, runSelfTest, type CheckResult } from './checks';

declare const __SELFEVAL_VERSION__: string | undefined;

type Lang = 'zh' | 'en';

const TEXT = {
  zh: {
    title: '自检',
    intro:
      '在一张临时工作表上检查本加载项在此 Excel 中的行为，约一分钟；不会改动您自己的工作表，临时表会删除。',
    run: '运行自检',
    running: '正在运行…',
    copy: '复制结果',
    copied: '已复制',
    summary: (p: number, f: number, s: number) => `通过 ${p}，失败 ${f}，跳过 ${s}`,
    status: { pass: '通过', fail: '失败', skip: '跳过' },
    noExcel: '此页面需要在 Excel 中打开。',
  },
  en: {
    title: 'Self-test',
    intro:
      'Checks how the add-in behaves in this Excel, on a scratch sheet, in about a minute; your own sheets are not touched and the scratch sheet is removed.',
    run: 'Run the self-test',
    running: 'Running…',
    copy: 'Copy result',
    copied: 'Copied',
    summary: (p: number, f: number, s: number) => `${p} passed, ${f} failed, ${s} skipped`,
    status: { pass: 'PASS', fail: 'FAIL', skip: 'SKIP' },
    noExcel: 'Open this page in Excel.',
  },
};

function byId<T extends HTMLElement>(id: string): T {
  return document.getElementById(id) as T;
}

function pageLang(): Lang {
  const asked = new URLSearchParams(location.search).get('lang');
  let display = asked ?? '';
  try {
    display ||= Office.context.displayLanguage;
  } catch {
    display ||= navigator.language;
  }
  return /^zh/i.test(display) ? 'zh' : 'en';
}

function show(results: CheckResult[], lang: Lang): void {
  const t = TEXT[lang];
  const body = byId<HTMLTableSectionElement>('results');
  body.textContent = '';
  for (const r of results) {
    const tr = document.createElement('tr');
    tr.className = r.status;
    tr.dataset.check = r.id;
    for (const [cls, text] of [
      ['status', t.status[r.status]],
      ['name', lang === 'zh' ? r.zh : r.en],
      ['observed', r.observed],
    ]) {
      const td = document.createElement('td');
      td.className = cls;
      td.textContent = text;
      tr.appendChild(td);
    }
    body.appendChild(tr);
  }
  const count = (s: CheckResult['status']) => results.filter((r) => r.status === s).length;
  byId('summary').textContent = t.summary(count('pass'), count('fail'), count('skip'));
}

async function copy(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    // Older webviews: select the text and copy it the old way.
    const area = document.createElement('textarea');
    area.value = text;
    document.body.appendChild(area);
    area.select();
    document.execCommand('copy');
    area.remove();
  }
}

function start(inExcel: boolean): void {
  const lang = pageLang();
  const t = TEXT[lang];
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  byId('title').textContent = t.title;
  byId('intro').textContent = inExcel ? t.intro : t.noExcel;
  const run = byId<HTMLButtonElement>('run');
  const copyButton = byId<HTMLButtonElement>('copy');
  run.textContent = t.run;
  copyButton.textContent = t.copy;
  if (!inExcel) return;
  run.disabled = false;
  let report = '';
  run.onclick = async () => {
    run.disabled = true;
    run.textContent = t.running;
    const host = createOfficeHost();
    const results = await runSelfTest({ excel: Excel, office: Office as never }).catch((e: unknown) => [
      { id: 'run', zh: '运行自检', en: 'Run the self-test', status: 'fail' as const, observed: String(e) },
    ]);
    show(results, lang);
    report = reportText(results, {
      version: typeof __SELFEVAL_VERSION__ === 'string' ? __SELFEVAL_VERSION__ : 'dev',
      excelApi: host.capabilities().excelApi,
      platform: String(Office.context.platform ?? ''),
      lang,
    });
    const pre = byId('report');
    pre.textContent = report;
    pre.hidden = false;
    copyButton.disabled = false;
    run.disabled = false;
    run.textContent = t.run;
  };
  copyButton.onclick = async () => {
    await copy(report);
    copyButton.textContent = t.copied;
  };
}

if (typeof Office === 'undefined') start(false);
else void Office.onReady((info) => start(info.host === Office.HostType.Excel));
