// The result cells — 执行率, its 得分, each indicator's 得分 and the 总分 — as the user left them: an empty one is
// reported with the value 填写 writes (RESULT_BLANK), and a formula is the user's work: never overwritten, its
// result held against the rule's value, naming the cells it reads when they are the cause (FORMULA_RESULT_DIFFERS).
import { parseA1, toA1 } from '../a1';
import { Decimal, fixed } from '../decimal';
import { MESSAGES, type MessageParams, type Text } from '../messages';
import type { FindingCode, FormReport, Printed } from '../report';
import type { Context, Pos } from './context';
import type { Funds } from './funds';
import type { Indicators } from './indicators';

/** One result cell: what the rules put there, and the cells a sum or ratio of the rules reads. */
interface ResultCell {
  at: Pos;
  report: { printed: string | null; formula?: string };
  /** The value 填写/改正 write, as a plain decimal string (percent for the rate). */
  value: string;
  percent: boolean;
  what: Text;
  /** Whether the printed value is wrong by the rules (the plan's reason to correct it). */
  wrong: boolean;
  /** The cells the rule reads, when the rule is a sum or a ratio of cells (the total, the rate). */
  reads: Pos[] | null;
}

const WRONG: readonly ('error' | 'warning')[] = ['error', 'warning'];

export function checkResults(ctx: Context, funds: Funds, ind: Indicators, total: FormReport['total']): void {
  const cells = resultCells(ctx, funds, ind, total);
  // The cells whose printed values the rules change: a formula reading them differs because of them.
  const wrongAt = new Set(cells.filter((c) => c.wrong).map((c) => key(c.at)));
  for (const c of cells) {
    const formula = ctx.grid.formula(c.at.row, c.at.col);
    if (formula !== null) {
      c.report.formula = formula;
      if (ctx.grid.isUncalculated(c.at.row, c.at.col)) continue; // FORMULA_UNCALCULATED says so
      if (c.report.printed === null || c.wrong) formulaDiffers(ctx, c, formula, wrongAt);
    } else if (c.report.printed === null && blank(ctx, c.at)) {
      ctx.findings.add(
        'RESULT_BLANK',
        'info',
        c.at,
        MESSAGES.resultBlank({ what: c.what.zh, whatEn: c.what.en, value: shown(c, c.value) }),
        c.value,
      );
    }
  }
}

function resultCells(ctx: Context, funds: Funds, ind: Indicators, total: FormReport['total']): ResultCell[] {
  const { findings } = ctx;
  const out: ResultCell[] = [];
  const add = (
    cell: string | null,
    report: Printed | FormReport['total'],
    value: string | null,
    rest: Omit<ResultCell, 'at' | 'report' | 'value'>,
  ): void => {
    if (cell === null || value === null) return;
    out.push({ at: parseA1(cell), report, value, ...rest });
  };
  const wrong = (cell: string | null, codes: FindingCode[]): boolean =>
    cell !== null && findings.has(parseA1(cell), codes, WRONG);
  const fr = funds.report;
  const denominator = funds.cell(ctx.book.executionRate.denominator);
  const executed = funds.cell('executed');
  add(fr.rate.cell, fr.rate, fr.rate.computed, {
    percent: true,
    what: { zh: '执行率', en: 'The execution rate' },
    wrong: wrong(fr.rate.cell, ['RATE_MISMATCH']),
    // R2: 全年执行数 ÷ 全年预算数
    reads: executed && denominator ? [executed, denominator] : null,
  });
  add(fr.score.cell, fr.score, fr.score.computed, {
    percent: false,
    what: { zh: '执行率得分', en: 'The execution-rate score' },
    wrong: wrong(fr.score.cell, ['FUNDS_SCORE_MISMATCH']),
    reads: null,
  });
  ind.reports.forEach((r) => {
    const name = r.name || `第 ${r.row} 行`;
    add(r.score.cell, r.score, r.score.computed, {
      percent: false,
      what: { zh: `“${name}”的得分`, en: `The score of "${name}"` },
      wrong: wrong(r.score.cell, ['SCORE_MISMATCH', 'SCORE_OUT_OF_RANGE']),
      reads: null,
    });
  });
  const value = total.afterDeductions ?? total.computed;
  const printed = total.printed === null ? null : new Decimal(total.printed);
  // R11: 总分 = 执行率得分 + Σ 得分 of the applicable rows.
  const reads = [
    fr.score.cell,
    ...ind.reports.filter((_, i) => ind.scores[i].applicable).map((r) => r.score.cell),
  ]
    .filter((c): c is string => c !== null)
    .map(parseA1);
  add(total.cell, total, value, {
    percent: false,
    what: { zh: '总分', en: 'The total' },
    wrong: printed !== null && value !== null && ctx.differs(printed, new Decimal(value)),
    reads,
  });
  return out;
}

/** The formula's result differs from the rule's value: say so, and why when the cells it reads tell. */
function formulaDiffers(ctx: Context, c: ResultCell, formula: string, wrongAt: Set<string>): void {
  const refs = referencedCells(formula);
  const holdsNumber = (p: Pos): boolean => ctx.number(p) !== null;
  let cause: MessageParams['formulaDiffers']['cause'] = 'unknown';
  let missing: Pos[] = [];
  let extra: Pos[] = [];
  let inputs: Pos[] = [];
  if (refs !== null) {
    const refKeys = new Set(refs.map(key));
    if (c.reads) {
      const readKeys = new Set(c.reads.map(key));
      missing = c.reads.filter((p) => !refKeys.has(key(p)) && holdsNumber(p));
      extra = refs.filter((p) => !readKeys.has(key(p)) && holdsNumber(p));
    }
    inputs = refs.filter((p) => wrongAt.has(key(p)) && key(p) !== key(c.at));
    cause = missing.length || extra.length ? 'reads' : inputs.length ? 'inputs' : 'unknown';
  }
  const found = c.report.printed === null ? '（空）' : shown(c, foundText(ctx, c));
  const foundEn = c.report.printed === null ? '(empty)' : shown(c, foundText(ctx, c));
  const params = {
    formula,
    expected: shown(c, c.value),
    cause,
    missing: missing.map(a1),
    extra: extra.map(a1),
    inputs: inputs.map(a1),
  };
  const zh = MESSAGES.formulaDiffers({ ...params, found }).zh;
  const en = MESSAGES.formulaDiffers({ ...params, found: foundEn }).en;
  ctx.findings.add(
    'FORMULA_RESULT_DIFFERS',
    cause === 'reads' ? 'warning' : 'info',
    c.at,
    { zh, en },
    c.value,
    c.report.printed === null ? null : foundText(ctx, c),
  );
}

/** A printed result as the message shows it: a rate to the decimals the rulebook displays. */
function foundText(ctx: Context, c: ResultCell): string {
  const printed = c.report.printed as string;
  if (!c.percent) return printed;
  const { displayDecimals } = ctx.book.executionRate;
  return fixed(new Decimal(printed), displayDecimals, 'half-up');
}

function shown(c: ResultCell, value: string): string {
  return c.percent ? `${value}%` : value;
}

/** Nothing in the cell at all (a cell with text the rules cannot read is not blank). */
function blank(ctx: Context, at: Pos): boolean {
  const v = ctx.grid.raw(at.row, at.col);
  return v === null || (typeof v === 'string' && v.trim() === '');
}

/** An A1 reference or range that is not a function name ("LOG10("); matchesNotAfter() also makes sure it is not
 *  the tail of a longer name. (No lookbehind: the legacy pane's engines, IE11 and EdgeHTML, have none.) */
const REF = /\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?(?![\w.(])/g;
/** A word: a function name when "(" follows, else a name or TRUE/FALSE. */
const WORD = /([A-Za-z_\u4e00-\u9fff][\w.\u4e00-\u9fff]*)(\s*\()?/g;

/** Every match of a global `re` in `text` whose first character does not follow one of `notAfter` (what a
 *  lookbehind `(?<!…)` would say); a refused start is tried again one character on, as a lookbehind would. */
function matchesNotAfter(re: RegExp, text: string, notAfter: RegExp): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (m.index > 0 && notAfter.test(text.charAt(m.index - 1))) {
      re.lastIndex = m.index + 1;
      continue;
    }
    out.push(m);
    if (m[0] === '') re.lastIndex++;
  }
  return out;
}

/** The cells a formula reads, or null when it reads anything that cannot be placed on this sheet (another sheet or
 *  workbook, a name, a whole column) or more cells than a form holds. Text in quotes is skipped. */
export function referencedCells(formula: string): Pos[] | null {
  const body = formula.replace(/^=/, '').replace(/"[^"]*"/g, '""');
  if (/[![]/.test(body)) return null;
  const cells: Pos[] = [];
  const refs = matchesNotAfter(REF, body, /[\w.$]/);
  for (const m of refs) {
    const from = parseA1(`${m[1]}${m[2]}`);
    const to = m[3] !== undefined ? parseA1(`${m[3]}${m[4]}`) : from;
    const [top, bottom] = [Math.min(from.row, to.row), Math.max(from.row, to.row)];
    const [left, right] = [Math.min(from.col, to.col), Math.max(from.col, to.col)];
    if ((bottom - top + 1) * (right - left + 1) > 10000) return null;
    for (let row = top; row <= bottom; row++) {
      for (let col = left; col <= right; col++) cells.push({ row, col });
    }
  }
  // Besides references, only functions, numbers, operators and TRUE/FALSE: any other word is a name.
  let rest = '';
  let at = 0;
  for (const m of refs) {
    rest += `${body.slice(at, m.index)} `;
    at = m.index + m[0].length;
  }
  rest += body.slice(at);
  for (const w of matchesNotAfter(WORD, rest, /[\w.]/)) {
    if (w[2] === undefined && !/^(TRUE|FALSE)$/i.test(w[1])) return null;
  }
  return cells;
}

function key(p: Pos): string {
  return `${p.row},${p.col}`;
}

function a1(p: Pos): string {
  return toA1(p.row, p.col);
}
