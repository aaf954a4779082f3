// From a report, the cell edits for a mode (check / fill / correct), coloured with Excel's own cell styles.
import type { Finding, FormReport, Printed, Report, Severity } from './report';
import type { CellEdit, MarkKind, WriteMode, WritePlan } from './plan-types';
import type { Lang } from './messages';
import { Decimal } from './decimal';

/** design.md, highlight palette: Excel's Bad / Neutral / Good styles and a light blue for info. */
export const PALETTE: Readonly<Record<MarkKind, { fill: string; fontColor?: string }>> = {
  error: { fill: '#FFC7CE', fontColor: '#9C0006' },
  warning: { fill: '#FFEB9C', fontColor: '#9C5700' },
  info: { fill: '#DDEBF7' },
  written: { fill: '#C6EFCE', fontColor: '#006100' },
};

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

/** Marker that starts every note the add-in writes, so a reader knows where it came from. */
export const NOTE_TITLE = { 'zh-CN': 'selfeval 审核意见', en: 'selfeval review' } as const;

interface Pending {
  sheet: string;
  cell: string;
  severity: Severity | null;
  lines: string[];
  value?: number | string;
  numberFormat?: string;
}

/**
 * Build the write plan. `check` marks every finding's cell; `fill` also writes the computed 执行率, 得分 and 总分
 * into cells the form leaves empty; `correct` also overwrites printed values the rules show to be wrong
 * (errors and warnings; an info-level rate display difference and an explained self-deduction are left as
 * printed). No mode writes into a formula: it is the user's work (FORMULA_RESULT_DIFFERS gives the right value).
 * The total written keeps the explained self-deductions (`total.afterDeductions`).
 */
export function planWrites(report: Report, mode: WriteMode, lang: Lang = 'zh-CN'): WritePlan {
  const pending = new Map<string, Pending>();
  const at = (sheet: string, cell: string): Pending => {
    const key = `${sheet}!${cell}`;
    let p = pending.get(key);
    if (!p) {
      p = { sheet, cell, severity: null, lines: [] };
      pending.set(key, p);
    }
    return p;
  };

  for (const form of report.forms) {
    for (const f of form.findings) {
      if (!f.cell) continue;
      const p = at(form.sheet, f.cell);
      if (!p.severity || RANK[f.severity] > RANK[p.severity]) p.severity = f.severity;
      p.lines.push(
        lang === 'en'
          ? `${severityWord(f.severity, lang)}: ${f.messageEn}`
          : `${severityWord(f.severity, lang)}：${f.message}`,
      );
    }
    if (mode !== 'check') planValues(form, mode, lang, at);
  }

  const edits: CellEdit[] = [];
  for (const p of pending.values()) {
    const kind: MarkKind = p.value !== undefined ? 'written' : (p.severity ?? 'info');
    const colours = PALETTE[kind];
    const edit: CellEdit = {
      sheet: p.sheet,
      cell: p.cell,
      kind,
      fill: colours.fill,
      note: `${NOTE_TITLE[lang]}\n${p.lines.join('\n')}`,
    };
    if (colours.fontColor) edit.fontColor = colours.fontColor;
    if (p.value !== undefined) edit.value = p.value;
    if (p.numberFormat !== undefined) edit.numberFormat = p.numberFormat;
    edits.push(edit);
  }
  return { mode, edits };
}

function severityWord(s: Severity, lang: Lang): string {
  if (lang === 'en') return s === 'error' ? 'Error' : s === 'warning' ? 'Warning' : 'Info';
  return s === 'error' ? '错误' : s === 'warning' ? '警告' : '提示';
}

function planValues(
  form: FormReport,
  mode: WriteMode,
  lang: Lang,
  at: (sheet: string, cell: string) => Pending,
): void {
  const wrong = (cell: string | null, codes: string[]): boolean =>
    form.findings.some(
      (f: Finding) =>
        f.cell === cell && codes.includes(f.code) && (f.severity === 'error' || f.severity === 'warning'),
    );
  const write = (
    { cell, printed, computed, formula }: Printed,
    codes: string[],
    asPercent: boolean,
  ): void => {
    if (!cell || computed === null || formula !== undefined) return;
    const empty = printed === null;
    if (!empty && !(mode === 'correct' && wrong(cell, codes))) return;
    const p = at(form.sheet, cell);
    // A rate is written as a fraction with a percentage format, as Excel users enter it.
    p.value = asPercent ? Number(shiftPercent(computed)) : Number(computed);
    if (asPercent) p.numberFormat = '0.00%';
    const shown = asPercent ? `${computed}%` : computed;
    p.lines.push(
      empty
        ? lang === 'en'
          ? `Written: ${shown} (computed by the rulebook)`
          : `已填写：${shown}（按规则计算）`
        : lang === 'en'
          ? `Corrected: ${asPercent ? `${printed}%` : printed} → ${shown}`
          : `已改正：原值 ${asPercent ? `${printed}%` : printed}，改为 ${shown}`,
    );
  };

  write(form.funds.rate, ['RATE_MISMATCH'], true);
  write(form.funds.score, ['FUNDS_SCORE_MISMATCH'], false);
  for (const ind of form.indicators) write(ind.score, ['SCORE_MISMATCH', 'SCORE_OUT_OF_RANGE'], false);
  const { total } = form;
  const value = total.afterDeductions ?? total.computed;
  const totalWrong =
    mode === 'correct' && total.printed !== null && value !== null && !new Decimal(total.printed).eq(value);
  if (total.cell && value !== null && total.formula === undefined && (total.printed === null || totalWrong)) {
    const p = at(form.sheet, total.cell);
    p.value = Number(value);
    p.lines.push(
      total.printed === null
        ? lang === 'en'
          ? `Written: ${value} (computed by the rulebook)`
          : `已填写：${value}（按规则计算）`
        : lang === 'en'
          ? `Corrected: ${total.printed} → ${value}`
          : `已改正：原值 ${total.printed}，改为 ${value}`,
    );
  }
}

/** "97.34" (percent) → "0.9734" without floating point: move the decimal point two places left. */
export function shiftPercent(percent: string): string {
  const negative = percent.startsWith('-');
  const digits = negative ? percent.slice(1) : percent;
  const [int, frac = ''] = digits.split('.');
  const padded = int.padStart(3, '0');
  const whole = padded.slice(0, -2).replace(/^0+(?=\d)/, '');
  const fraction = (padded.slice(-2) + frac).replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}
