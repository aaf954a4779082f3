// selfeval --explain [CODE]: what a finding code means and what to do, in the language of --lang; without a code,
// every code with one line each. An unknown code is a usage error (exit 2) that lists the codes.
import type { Lang } from '../core';
import type { FindingCode } from '../core';
import { EXPLAINED_CODES, EXPLANATIONS, explanationOf } from '../core/explanations';

export function explain(
  code: string | true,
  lang: Lang,
  out: (s: string) => void,
  err: (s: string) => void,
): number {
  if (code === true) {
    const head =
      lang === 'en'
        ? 'Finding codes (selfeval --explain CODE for one of them):'
        : '问题代码（selfeval --explain 代码 查看其中一个的说明）：';
    out(`${[head, ...explanationIndex(lang)].join('\n')}\n`);
    return 0;
  }
  const found = explanationOf(code);
  if (!found) {
    err(
      `未知的问题代码：${code} / unknown finding code: ${code}\n` +
        `可用的代码 / known codes:\n  ${EXPLAINED_CODES.join('\n  ')}\n`,
    );
    return 2;
  }
  out(`${explanationLines(found.code, lang).join('\n')}\n`);
  return 0;
}

const LABELS: Record<Lang, Record<'where' | 'severity' | 'rules' | 'when' | 'todo' | 'none', string>> = {
  'zh-CN': { where: '位置', severity: '级别', rules: '依据', when: '何时', todo: '怎么办', none: '无' },
  en: {
    where: 'Where',
    severity: 'Severity',
    rules: 'Rules',
    when: 'When',
    todo: 'What to do',
    none: 'none',
  },
};

/** The explanation as plain text lines, for a terminal. */
export function explanationLines(code: FindingCode, lang: Lang): string[] {
  const e = EXPLANATIONS[code];
  const l = LABELS[lang];
  const sep = lang === 'en' ? ': ' : '：';
  return [
    `${code}  ${e.title[lang]}`,
    `  ${l.where}${sep}${e.where[lang]}`,
    `  ${l.severity}${sep}${e.severity[lang]}`,
    `  ${l.rules}${sep}${e.rules.length > 0 ? e.rules.join(', ') : l.none}`,
    `  ${l.when}${sep}${e.when[lang]}`,
    `  ${l.todo}${sep}${e.todo[lang]}`,
  ];
}

/** One line per code: the code and what it means. */
export function explanationIndex(lang: Lang): string[] {
  const width = Math.max(...EXPLAINED_CODES.map((c) => c.length));
  return EXPLAINED_CODES.map((c) => `${c.padEnd(width)}  ${EXPLANATIONS[c].title[lang]}`);
}
