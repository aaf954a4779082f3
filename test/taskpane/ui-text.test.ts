// The one catalogue of UI strings (src/ui-text): both languages for every key, in the pane and the harness.
import {
  HARNESS_TEXT,
  MESSAGES,
  PANE_TEXT,
  harnessText,
  langFromDisplayLanguage,
  messages,
  pick,
  type SideBySide,
} from '../../src/ui-text';

/** Every leaf of a side-by-side tree, with its path. */
function leaves(tree: object, path = ''): Array<[string, unknown, unknown]> {
  return Object.entries(tree).flatMap(([k, v]: [string, Record<string, unknown>]) =>
    'zh-CN' in v && 'en' in v && Object.keys(v).length === 2
      ? [[`${path}${k}`, v['zh-CN'], v.en] as [string, unknown, unknown]]
      : leaves(v, `${path}${k}.`),
  );
}

describe('the UI text catalogue', () => {
  test.each([
    ['pane', PANE_TEXT],
    ['harness', HARNESS_TEXT],
  ])('%s: every entry has a Chinese and an English text of the same kind', (_name, tree) => {
    const all = leaves(tree);
    expect(all.length).toBeGreaterThan(20);
    for (const [path, zh, en] of all) {
      expect({ path, kind: typeof en }).toEqual({ path, kind: typeof zh });
      if (typeof zh === 'string')
        expect({ path, empty: zh === '' || en === '' }).toEqual({ path, empty: false });
    }
  });

  test('Chinese texts are Chinese and English ones are not, where the words differ', () => {
    const cjk = /[\u4e00-\u9fff]/;
    expect(messages('zh-CN').score).toBe('评分');
    expect(messages('en').score).toBe('Score');
    expect(messages('en').formsFound(2)).toBe('Found 2 forms');
    expect(messages('en').formsFound(1)).toBe('Found 1 form');
    expect(messages('zh-CN').severityCount('warning', 3)).toBe('警告 3 条');
    expect(messages('en').severityCount('error', 1)).toBe('1 error');
    expect(messages('en').severityCount('info', 4)).toBe('4 info');
    expect(cjk.test(messages('en').banner.otherBody('x'))).toBe(false);
    expect(cjk.test(messages('zh-CN').banner.otherBody('x'))).toBe(true);
  });

  test('one object per language, the same every time', () => {
    expect(messages('en')).toBe(MESSAGES.en);
    expect(harnessText('en-US')).toBe(harnessText('en-US'));
    expect(harnessText('en-US').open).toBe('Open .xlsx');
    expect(harnessText('zh-CN').open).toBe('打开 .xlsx');
    expect(harnessText('zh-CN').displayLanguages['en-US']).toBe('English (en-US)');
  });

  test('pick walks groups and takes one side of each pair', () => {
    const tree: SideBySide<{ a: string; g: { b: (n: number) => string } }> = {
      a: { 'zh-CN': '甲', en: 'A' },
      g: { b: { 'zh-CN': (n) => `${n} 个`, en: (n) => `${n} items` } },
    };
    const en = pick(tree, 'en');
    expect(en.a).toBe('A');
    expect(en.g.b(2)).toBe('2 items');
    expect(pick(tree, 'zh-CN').g.b(2)).toBe('2 个');
    // @ts-expect-error a key without its English text does not compile
    const missing: SideBySide<{ a: string }> = { a: { 'zh-CN': '甲' } };
    expect(missing).toBeDefined();
  });

  test('the display language: English for any en-*, Chinese otherwise', () => {
    expect(langFromDisplayLanguage('en-GB')).toBe('en');
    expect(langFromDisplayLanguage('EN')).toBe('en');
    expect(langFromDisplayLanguage('zh-TW')).toBe('zh-CN');
    expect(langFromDisplayLanguage('eng')).toBe('zh-CN');
    expect(langFromDisplayLanguage(undefined)).toBe('zh-CN');
  });
});
