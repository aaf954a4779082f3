// selfeval --explain [CODE]: what a finding code means and what to do, in the language of --lang; without a code,
// every code with one line each. An unknown code is a usage error (exit 2) that lists the codes.
import type { Lang } from '../core';
import { EXPLAINED_CODES, explanationIndex, explanationLines, explanationOf } from '../core/explanations';

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
