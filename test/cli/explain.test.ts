// Every finding code explained: src/core/explanations.ts has an entry for each FindingCode, in Chinese and
// English, saying what docs/finding-codes.md says; `selfeval --explain` prints it; the help page shows it.
import * as fs from 'fs';
import * as path from 'path';
import { helpCodesHtml } from '../../src/cli/html-report';
import { EXPLAINED_CODES, EXPLANATIONS, type Explanation } from '../../src/core/explanations';
import { run, tempDir } from './helpers';

const ROOT = path.join(__dirname, '..', '..');
const read = (rel: string): string => fs.readFileSync(path.join(ROOT, rel), 'utf8');

/** The codes of `export type FindingCode = …` in src/core/report.ts. */
function codesInType(): string[] {
  const m = /export type FindingCode =([^;]*);/.exec(read('src/core/report.ts'));
  if (!m) throw new Error('no FindingCode type');
  return [...m[1].matchAll(/'([A-Z0-9_]+)'/g)].map((x) => x[1]);
}

// ---- docs/finding-codes.md, without its markdown

const CJK = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”（）]/;

/** Continuation lines joined: no space between two Chinese characters, one space otherwise. */
function joinLines(lines: string[]): string {
  let s = '';
  for (const raw of lines) {
    const l = raw.trim();
    if (s === '') s = l;
    else s += CJK.test(s[s.length - 1]) && CJK.test(l[0]) ? l : ` ${l}`;
  }
  return s;
}

const plain = (s: string): string =>
  s
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/`/g, '')
    .replace(/\*\*/g, '');

/** The `- **Label**: text` items of each `### \`CODE\`` section. */
function documented(): Map<string, Record<string, string>> {
  const text = read('docs/finding-codes.md');
  const heads = [...text.matchAll(/^### `([A-Z0-9_]+)`.*$/gm)];
  const out = new Map<string, Record<string, string>>();
  heads.forEach((h, i) => {
    const body = text.slice(h.index, i + 1 < heads.length ? heads[i + 1].index : undefined);
    const items: Record<string, string[]> = {};
    let current: string | null = null;
    for (const line of body.split('\n').slice(1)) {
      const m = /^- \*\*(.+?)\*\*[:：] ?(.*)$/.exec(line);
      if (m) {
        current = m[1];
        items[current] = [m[2]];
      } else if (current && /^ {2}\S/.test(line)) items[current].push(line);
      else current = null;
    }
    out.set(h[1], Object.fromEntries(Object.entries(items).map(([k, v]) => [k, plain(joinLines(v))])));
  });
  return out;
}

/** "English · 中文" → [English, 中文]; one part when there is no Chinese one. */
function bilingual(s: string): [string, string | null] {
  const i = s.lastIndexOf(' · ');
  return i < 0 ? [s, null] : [s.slice(0, i), s.slice(i + 3)];
}

describe('the explanations', () => {
  it('cover every FindingCode, and nothing else', () => {
    const codes = codesInType();
    expect(codes.length).toBeGreaterThan(20);
    expect([...EXPLAINED_CODES].sort()).toEqual([...codes].sort());
  });

  it('say everything in Chinese and in English, differently', () => {
    const fields: (keyof Explanation)[] = ['title', 'where', 'severity', 'when', 'todo'];
    const bad: string[] = [];
    for (const code of EXPLAINED_CODES) {
      for (const f of fields) {
        const t = EXPLANATIONS[code][f] as { 'zh-CN': string; en: string };
        if (!t['zh-CN'].trim() || !t.en.trim() || t['zh-CN'] === t.en) bad.push(`${code}.${f}`);
        if (!/[\u4e00-\u9fff]/.test(t['zh-CN'])) bad.push(`${code}.${f} has no Chinese`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('say what docs/finding-codes.md says, code by code and in its order', () => {
    const docs = documented();
    expect([...docs.keys()]).toEqual(EXPLAINED_CODES);
    for (const code of EXPLAINED_CODES) {
      const d = docs.get(code)!;
      const e = EXPLANATIONS[code];
      const [whereEn, whereZh] = bilingual(d['Where · 位置']);
      const [sevEn, sevZh] = bilingual(d['Severity · 级别']);
      const rules = d['Rules · 依据'].startsWith('none') ? [] : d['Rules · 依据'].split(', ');
      const fromDocs = {
        where: { 'zh-CN': whereZh, en: whereEn },
        severity: sevZh === null ? sevEn : { 'zh-CN': sevZh, en: sevEn },
        rules,
        when: { 'zh-CN': d['何时'], en: d.When },
        todo: { 'zh-CN': d['怎么办'], en: d['What to do'] },
      };
      const fromModule = {
        where: e.where,
        severity: sevZh === null ? e.severity.en : e.severity,
        rules: e.rules,
        when: e.when,
        todo: e.todo,
      };
      expect({ code, ...fromModule }).toEqual({ code, ...fromDocs });
    }
  });
});

describe('selfeval --explain', () => {
  const dir = tempDir();
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('explains a code in Chinese by default, no files needed', async () => {
    const r = await run(['--explain', 'SCORE_MISMATCH'], dir);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    const e = EXPLANATIONS.SCORE_MISMATCH;
    expect(r.out.split('\n')[0]).toBe(`SCORE_MISMATCH  ${e.title['zh-CN']}`);
    expect(r.out).toContain(`怎么办：${e.todo['zh-CN']}`);
    expect(r.out).toContain(`依据：${e.rules.join(', ')}`);
  });

  it('explains it in English with --lang en, whatever the case of the code', async () => {
    const r = await run(['--lang', 'en', '--explain', 'reason_missing'], dir);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`REASON_MISSING  ${EXPLANATIONS.REASON_MISSING.title.en}`);
    expect(r.out).toContain(`What to do: ${EXPLANATIONS.REASON_MISSING.todo.en}`);
    expect(r.out).not.toMatch(/[。，；：]/); // no Chinese sentence (the form's own terms like 得分 may appear)
  });

  it('lists every code with one line each when no code is given', async () => {
    const r = await run(['--explain'], dir);
    expect(r.code).toBe(0);
    const lines = r.out.trimEnd().split('\n');
    expect(lines).toHaveLength(EXPLAINED_CODES.length + 1);
    expect(lines.slice(1).map((l) => l.split(/\s+/)[0])).toEqual(EXPLAINED_CODES);
    expect(lines[1]).toContain(EXPLANATIONS.RATE_MISMATCH.title['zh-CN']);
  });

  it('says so for an unknown code, lists the codes and exits 2', async () => {
    const r = await run(['--explain', 'NO_SUCH_CODE'], dir);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain('未知的问题代码：NO_SUCH_CODE / unknown finding code: NO_SUCH_CODE');
    for (const code of EXPLAINED_CODES) expect(r.err).toContain(`  ${code}\n`);
  });

  it('still wants files when not asked to explain', async () => {
    const r = await run([], dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain('no file or folder to score was given');
  });
});

describe('the help page', () => {
  const words = (html: string): string =>
    html
      .replace(/<[^>]*>/g, '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&')
      .replace(/\s+/g, '');

  it('shows every code, in Chinese and English, as the module says (npx tsx scripts/help-codes.ts)', () => {
    const page = read('src/taskpane/help.html');
    const from = page.indexOf('<!-- codes:begin -->');
    const to = page.indexOf('<!-- codes:end -->');
    expect(from).toBeGreaterThan(0);
    expect(to).toBeGreaterThan(from);
    const part = page.slice(from, to);
    expect(words(part)).toBe(words(helpCodesHtml()));
    for (const code of EXPLAINED_CODES) {
      expect(part).toContain(`id="code-${code}"`);
      expect(part).toContain(`id="code-${code}-en"`);
    }
  });
});
