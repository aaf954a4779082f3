/**
 * The legacy path as Office 2019's webviews (Internet Explorer 11, Edge Legacy) load it: taskpane.html's inline
 * loader, the legacy pane's bundle, and the ribbon's function file (commands.html). Built once, in production
 * mode, into a temporary folder (./build.ts). Every script must parse as ECMAScript 5 (acorn, ecmaVersion 5),
 * and may use only what IE11 has (./ie11.ts) or what src/taskpane-legacy/polyfills.ts adds.
 */
import * as acorn from 'acorn';
import * as fs from 'fs';
import * as path from 'path';
import { createOfficeHost } from '../../src/hosts/office';
import { scoreWorkbook } from '../../src/app/score-flow';
import { getPreset } from '../../src/core';
import { createFakeOffice } from '../../src/office-standin';
import type { FakeWorkbookModel } from '../../src/office-standin/model';
import { openWorkbook } from '../../src/harness/workbook';
import { EXAMPLES_DIR } from '../../scripts/demo';
import { SEED_FILE } from '../fixtures/examples';
import { buildLegacy, type LegacyBuild } from './build';
import { usesBeyondIE11 } from './ie11';
import { JSDOM } from 'jsdom';
import { ABSENT, ie11Window } from './ie11-realm';

/** What src/taskpane-legacy/polyfills.ts installs where the engine lacks it (the test below checks it does). */
export const POLYFILLED = {
  globals: ['globalThis', 'Map', 'Promise', 'Set', 'Symbol'],
  statics: [
    'Array.from',
    'Number.isFinite',
    'Number.isInteger',
    'Number.isNaN',
    'Object.assign',
    'Object.entries',
    'Object.fromEntries',
    'Object.values',
    'String.fromCodePoint',
  ],
  methods: [
    'endsWith',
    'find',
    'flatMap',
    'includes',
    'normalize',
    'padStart',
    'startsWith',
    // Map and Set (the polyfill's iterators); no array calls them
    'entries',
    'keys',
    'values',
  ],
};

/** Globals the bundle names only behind a `typeof` test, so their absence is harmless. */
const FEATURE_TESTED = {
  // decimal.js: only when Decimal.set({ crypto: true }), which nothing does
  crypto: 'decimal.js',
  // TypeScript's __generator helper: Object.create((typeof Iterator === "function" ? Iterator : Object).prototype)
  Iterator: 'tslib __generator',
};

let build: LegacyBuild;

beforeAll(async () => {
  build = await buildLegacy();
}, 600_000);

afterAll(() => build?.remove());

function read(file: string): string {
  return fs.readFileSync(path.join(build.dir, file), 'utf8');
}

/** The <script> elements of a page that run: their src, or their inline text (data blocks left out). */
function scripts(html: string): { src: string | null; text: string }[] {
  const out: { src: string | null; text: string }[] = [];
  const re = /<script\b([^>]*)>([\s\S]*?)<\/script>/gi;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    if (/\btype=["']?application\/json/i.test(m[1])) continue;
    const src = /\bsrc=("([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(m[1]);
    out.push({ src: src ? (src[2] ?? src[3] ?? src[4]) : null, text: m[2] });
  }
  return out;
}

/** The scripts taskpane.html's loader adds for one pane (its JSON data block, #pane-scripts). */
export function loaderList(html: string, kind: 'legacy' | 'modern'): string[] {
  const m = /<script\b[^>]*\bid=["']?pane-scripts["']?[^>]*>([\s\S]*?)<\/script>/i.exec(html);
  if (!m) throw new Error('taskpane.html has no #pane-scripts list for its loader');
  return (JSON.parse(m[1]) as Record<string, string[]>)[kind];
}

function parseES5(source: string, name: string): void {
  try {
    acorn.parse(source, { ecmaVersion: 5 });
  } catch (e) {
    const pos = (e as { pos?: number }).pos ?? 0;
    throw new Error(`${name} is not ES5: ${(e as Error).message} near …${source.slice(pos - 60, pos + 60)}…`);
  }
}

/** Every script of the legacy path: [name, source]. */
function legacyPathScripts(): [string, string][] {
  const out: [string, string][] = [];
  for (const page of ['taskpane.html', 'commands.html']) {
    const html = read(page);
    for (const s of scripts(html)) {
      if (s.src === null) out.push([`${page} (inline)`, s.text]);
      else if (!/^https:\/\//.test(s.src)) out.push([s.src, read(s.src)]);
    }
  }
  for (const src of loaderList(read('taskpane.html'), 'legacy')) out.push([src, read(src)]);
  return out;
}

describe('the legacy path (IE11, Edge Legacy)', () => {
  test('the checker can fail: acorn at ES5 refuses ES2015+ syntax', () => {
    for (const bad of ['let a = 1;', 'var f = () => 1;', 'var o = a?.b;', 'class A {}', 'var r = /x/u;']) {
      expect(() => parseES5(bad, 'sample')).toThrow(/is not ES5/);
    }
    expect(usesBeyondIE11('[1].includes(1); new Map(); Object.assign({}, {});', POLYFILLED)).toEqual([]);
    expect(usesBeyondIE11('fetch("x"); "a".repeat(2); Object.is(1, 1);', POLYFILLED)).toEqual([
      { kind: 'global', name: 'fetch' },
      { kind: 'method', name: 'repeat' },
      { kind: 'static', name: 'Object.is' },
    ]);
  });

  test('taskpane.html loads office.js from outside and nothing else; its loader lists both panes', () => {
    const html = read('taskpane.html');
    const external = scripts(html)
      .map((s) => s.src)
      .filter((src): src is string => src !== null);
    expect(external).toEqual(['https://appsforoffice.microsoft.com/lib/1/hosted/office.js']);
    const legacy = loaderList(html, 'legacy');
    expect(legacy.length).toBeGreaterThan(0);
    for (const src of legacy) {
      expect(src).toMatch(new RegExp(`^${build.legacyEntry}\\.[0-9a-f]{8}\\.js$`));
      expect(fs.existsSync(path.join(build.dir, src))).toBe(true);
    }
    // No stylesheet or script from elsewhere in the function file either.
    expect(read('commands.html')).not.toMatch(
      /(href|src)=["']?https?:\/\/(?!appsforoffice\.microsoft\.com\/)/,
    );
  });

  test('every script of the legacy path parses as ECMAScript 5', () => {
    const all = legacyPathScripts();
    expect(all.map(([name]) => name)).toEqual(
      expect.arrayContaining(['taskpane.html (inline)', expect.stringMatching(/^commands\./)]),
    );
    for (const [name, source] of all) parseES5(source, name);
  });

  test('the legacy scripts call only what IE11 has, or what the polyfills add', () => {
    const beyond = legacyPathScripts().flatMap(([name, source]) =>
      usesBeyondIE11(source, POLYFILLED)
        .filter((u) => !(u.kind === 'global' && u.name in FEATURE_TESTED))
        .map((u) => `${name}: ${u.kind} ${u.name}`),
    );
    expect(beyond).toEqual([]);
  });

  test('the polyfills list is no longer than it needs to be: each one is used by the bundle', () => {
    const bundle = loaderList(read('taskpane.html'), 'legacy')
      .map((src) => read(src))
      .join('\n');
    const used = usesBeyondIE11(bundle, { globals: [], statics: [], methods: [] }).map((u) => u.name);
    for (const name of [...POLYFILLED.globals, ...POLYFILLED.statics, ...POLYFILLED.methods]) {
      expect({ name, used: used.includes(name) }).toEqual({ name, used: true });
    }
  });
});

async function sampleModel(): Promise<FakeWorkbookModel> {
  const bytes = fs.readFileSync(path.join(EXAMPLES_DIR, SEED_FILE));
  const open = await openWorkbook(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length),
    SEED_FILE,
  );
  return open.model;
}

async function waitFor<T>(read: () => T, ok: (v: T) => boolean, what: string): Promise<T> {
  const end = Date.now() + 20_000;
  for (;;) {
    const v = read();
    if (ok(v)) return v;
    if (Date.now() > end) throw new Error(`${what}: still ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('the legacy bundle in a window without the built-ins IE11 lacks', () => {
  test('the polyfills stand in, and the pane scores the sample to the same marks as the modern path', async () => {
    const model = await sampleModel();
    const legacyModel = JSON.parse(JSON.stringify(model)) as FakeWorkbookModel;
    const modernModel = JSON.parse(JSON.stringify(model)) as FakeWorkbookModel;

    const dom = ie11Window();
    const w = dom.window as unknown as Record<string, unknown> & { eval(code: string): unknown };
    for (const probe of ABSENT) expect({ probe, type: w.eval(probe) }).toEqual({ probe, type: 'undefined' });

    const fake = createFakeOffice(legacyModel, { apiVersion: '1.18', displayLanguage: 'zh-CN' });
    w.Office = fake.Office;
    w.Excel = fake.Excel;
    w.OfficeExtension = fake.OfficeExtension;
    for (const src of loaderList(read('taskpane.html'), 'legacy')) w.eval(read(src));

    const doc = dom.window.document;
    const scoreButton = await waitFor(
      () => doc.querySelector<HTMLButtonElement>('main[data-pane="legacy"] button.lp-primary'),
      (b) => b !== null,
      'the legacy pane',
    );
    expect(scoreButton?.textContent).toBe('评分');
    scoreButton?.click();
    await waitFor(
      () => doc.querySelector('[data-testid="notice"], [data-testid="banner"]'),
      (n) => n !== null,
      'score',
    );
    await waitFor(
      () => doc.querySelector('main')?.getAttribute('aria-busy'),
      (v) => v === 'false',
      'idle',
    );
    expect(doc.querySelector('[data-testid="banner"]')).toBeNull();
    const text = (id: string): string =>
      (doc.querySelector(`[data-testid="${id}"]`)?.textContent ?? '').trim();
    expect(text('rate')).toContain('97.34%');
    expect(text('total')).toContain('99.73');
    expect(text('grade')).toContain('优');

    // The modern path, in Node, on its own copy of the sample: the same workbook afterwards.
    const modernFake = createFakeOffice(modernModel, { apiVersion: '1.18', displayLanguage: 'zh-CN' });
    const host = createOfficeHost({
      office: modernFake.Office as never,
      excel: modernFake.Excel as never,
    });
    const outcome = await scoreWorkbook(host, {
      rulebook: getPreset('mof-2020'),
      mode: 'check',
      lang: 'zh-CN',
    });
    expect(outcome.report.forms).toHaveLength(1);
    expect(text('rate-score')).toContain(outcome.report.forms[0].funds.score.computed ?? '?');
    expect(JSON.parse(JSON.stringify(legacyModel))).toEqual(JSON.parse(JSON.stringify(modernModel)));

    // 清除标记 gives the original back, there too.
    const restore = doc.querySelectorAll<HTMLButtonElement>('.lp-actions button')[1];
    restore.click();
    await waitFor(
      () => doc.querySelector('[data-testid="notice"]')?.textContent ?? '',
      (t) => /已恢复/.test(t),
      'restore',
    );
    await waitFor(
      () => doc.querySelector('main')?.getAttribute('aria-busy'),
      (v) => v === 'false',
      'idle',
    );
    expect(legacyModel.sheets.map((s) => s.name)).toEqual(model.sheets.map((s) => s.name));
    dom.window.close();
  }, 60_000);
});

describe("taskpane.html's loader", () => {
  /** Runs the page's inline loader in `dom` (scripts it adds are not fetched: runScripts is outside-only). */
  function runLoader(dom: JSDOM): { pane: string | null; added: string[] } {
    const html = read('taskpane.html');
    const doc = dom.window.document;
    const list = doc.createElement('script');
    list.type = 'application/json';
    list.id = 'pane-scripts';
    list.text = /<script\b[^>]*\bid=["']?pane-scripts["']?[^>]*>([\s\S]*?)<\/script>/i.exec(html)?.[1] ?? '';
    doc.body.appendChild(list);
    const loader = scripts(html).find((x) => x.src === null);
    if (!loader) throw new Error('no inline loader');
    dom.window.eval(loader.text);
    const added = Array.from(doc.head.querySelectorAll('script[src]')).map(
      (x) => x.getAttribute('src') ?? '',
    );
    return { pane: doc.documentElement.getAttribute('data-pane'), added };
  }

  function modernWindow(url = 'https://localhost:3000/taskpane.html'): JSDOM {
    const dom = new JSDOM('<!doctype html><html><head></head><body></body></html>', {
      runScripts: 'outside-only',
      url,
    });
    // jsdom has no fetch; a modern webview has.
    dom.window.eval('window.fetch = function () {};');
    return dom;
  }

  test('an engine with what the modern bundle needs gets the modern pane', () => {
    expect(runLoader(modernWindow()).pane).toBe('modern');
  });

  test('an engine without it (IE11: no Promise, Map, Symbol …) gets the legacy pane, and only its scripts', () => {
    const result = runLoader(ie11Window());
    expect(result.pane).toBe('legacy');
    expect(result.added).toEqual(loaderList(read('taskpane.html'), 'legacy'));
  });

  test('an engine that cannot parse ES2020 syntax gets the legacy pane, whatever its built-ins', () => {
    const dom = modernWindow();
    // Edge Legacy has the built-ins but no optional chaining: a Function that refuses such source stands in.
    dom.window.eval(
      'var F = Function; window.Function = function (src) { if (/\\?\\./.test(src)) throw new SyntaxError("?."); return F(src); };',
    );
    expect(runLoader(dom).pane).toBe('legacy');
  });

  test('?pane=legacy (or the demo switch) forces the legacy pane', () => {
    expect(runLoader(modernWindow('https://localhost:3000/taskpane.html?pane=legacy')).pane).toBe('legacy');
    const dom = modernWindow();
    dom.window.eval('window.__selfevalPaneKind = "legacy";');
    expect(runLoader(dom).pane).toBe('legacy');
  });
});
