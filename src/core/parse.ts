// Reading what a cell says: money, percentages, targets with operators and units, qualitative grades.
import type { CellValue } from './grid';
import { Decimal, fixed } from './decimal';
import { cellText, compact, isBlank, isNotApplicable, normalizeWidth, numberText } from './text';

export type Operator = '=' | '≥' | '≤' | '>' | '<';

/** A number as the form shows it. `percentSign`: written with "%" or held in a %-formatted cell (then `value`
 *  is already on the percent scale: 0.9735 shown as 97.35% reads as 97.35). */
export interface NumberRead {
  value: Decimal;
  unit: string | null;
  percentSign: boolean;
  /** Decimal places as written ("97.35%" → 2). */
  decimals: number;
}

export type CellRead =
  | { kind: 'empty' }
  | { kind: 'na'; text: string }
  | { kind: 'number'; text: string; number: NumberRead }
  | { kind: 'text'; text: string };

const NUMBER_RE = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))(.*)$/;

function decimalsOf(s: string): number {
  const i = s.indexOf('.');
  return i < 0 ? 0 : s.length - i - 1;
}

/** Whether a number format shows a percentage ("0.00%", "0%"). */
export function isPercentFormat(format: string | null): boolean {
  if (!format) return false;
  // Ignore quoted literals and escaped characters.
  const bare = format.replace(/"[^"]*"/g, '').replace(/\\./g, '');
  return bare.includes('%');
}

/** Decimal places a number format always shows ("#,##0.00" → 2, "0" → 0); null for General or none. */
export function formatDecimals(format: string | null): number | null {
  if (!format || /^general$/i.test(format.trim())) return null;
  const section = format
    .split(';')[0]
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '');
  if (!/[0#?]/.test(section)) return null;
  const m = /\.([0#?]+)/.exec(section);
  return m ? (m[1].match(/0/g) ?? []).length : 0;
}

/** Read a cell: a number (from a number or from text with separators, units, %), "not applicable", or text. */
export function readCell(value: CellValue, format: string | null = null): CellRead {
  if (isBlank(value)) return { kind: 'empty' };
  const text = typeof value === 'string' ? value.trim() : cellText(value);
  if (typeof value === 'number') {
    const plain = numberText(value);
    if (isPercentFormat(format)) {
      const v = new Decimal(plain).times(100);
      return {
        kind: 'number',
        text: `${v.toFixed()}%`,
        number: { value: v, unit: '%', percentSign: true, decimals: decimalsOf(v.toFixed()) },
      };
    }
    // A number shows the decimals of its format: 991403 in a "0.00" cell is printed 991403.00.
    const decimals = Math.max(decimalsOf(plain), formatDecimals(format) ?? 0);
    return {
      kind: 'number',
      text: plain,
      number: { value: new Decimal(plain), unit: null, percentSign: false, decimals },
    };
  }
  if (typeof value === 'boolean') return { kind: 'text', text };
  if (isNotApplicable(value)) return { kind: 'na', text };
  const number = parseNumberText(text);
  if (number) return { kind: 'number', text, number };
  return { kind: 'text', text };
}

/** A number as its cell shows it, which is what a reader of the printed form sees: a number in a cell whose format
 *  fixes the decimals is rounded as Excel displays it (half away from zero) — 0.978 in "0.00%" shows 97.80(%),
 *  9.7349 in "0.0" shows 9.7; text ("97.8%") and General cells keep the precision they are written with.
 *  `byFormat` says the format set the decimals. Null when the cell holds no number. */
export function readShown(
  value: CellValue,
  format: string | null = null,
): (NumberRead & { byFormat: boolean }) | null {
  const r = readCell(value, format);
  if (r.kind !== 'number') return null;
  const d = typeof value === 'number' ? formatDecimals(format) : null;
  if (d === null) return { ...r.number, byFormat: false };
  return {
    ...r.number,
    value: new Decimal(fixed(r.number.value, d, 'half-up')),
    decimals: d,
    byFormat: true,
  };
}

/** "965,043.97" · "965043.97元" · "97.35%" · "１，０００" · "90 万元" → a number and its unit; null if not one. */
export function parseNumberText(text: string): NumberRead | null {
  let s = normalizeWidth(text).replace(/\s+/g, '');
  s = s.replace(/^[¥￥]/, '');
  // Thousands separators: a comma between digits with three digits after it.
  s = s.replace(/(\d),(?=\d{3}(?:\D|$))/g, '$1');
  const m = NUMBER_RE.exec(s);
  if (!m) return null;
  const digits = m[1];
  let unit = m[2];
  if (unit.startsWith('%') && unit.length > 1) return null;
  if (unit === '%') {
    return { value: new Decimal(digits), unit: '%', percentSign: true, decimals: decimalsOf(digits) };
  }
  unit = unit.replace(/^[.。]/, '');
  if (unit === '')
    return { value: new Decimal(digits), unit: null, percentSign: false, decimals: decimalsOf(digits) };
  // A unit is a short word with no digits; anything longer is prose that happens to start with a number.
  if (unit.length > 6 || /\d/.test(unit)) return null;
  return { value: new Decimal(digits), unit, percentSign: false, decimals: decimalsOf(digits) };
}

/** Money: a number, optionally with 元 / 万元. Returns null for empty, "—", or text that is not a number. */
export function readMoney(
  value: CellValue,
  format: string | null = null,
): { amount: Decimal; unit: string | null; shown: string } | null {
  const r = readCell(value, format);
  if (r.kind !== 'number') return null;
  const unit = r.number.unit;
  if (unit !== null && unit !== '元' && unit !== '万元') return null;
  // `shown`: the amount as the form prints it, with its decimals ("991403.00"), for the report.
  return { amount: r.number.value, unit, shown: r.number.value.toFixed(r.number.decimals) };
}

const OPERATORS: [RegExp, Operator][] = [
  [/^(>=|≥|≧|=>|大于等于|不低于|不少于)/, '≥'],
  [/^(<=|≤|≦|=<|小于等于|不高于|不超过|不多于)/, '≤'],
  [/^(=|═|==|等于)/, '='],
  [/^(>|大于|高于)/, '>'],
  [/^(<|小于|低于)/, '<'],
];

/** Operator words in a split 指标性质 column. */
const NATURE_WORDS: [RegExp, Operator][] = [
  [/^(正向|正向指标|≥|>=|≧)$/, '≥'],
  [/^(反向|反向指标|≤|<=|≦)$/, '≤'],
  [/^(=|═|==|等于)$/, '='],
  [/^>$/, '>'],
  [/^<$/, '<'],
];

export function operatorOfNature(value: CellValue): Operator | null {
  const s = compact(value);
  for (const [re, op] of NATURE_WORDS) if (re.test(s)) return op;
  return null;
}

/** A target or actual as written: "=90", ">=0.9百分比", "≥50个", "≤90万元", "100%以上", "及时". */
export interface ValueRead {
  text: string;
  operator: Operator | null;
  number: NumberRead | null;
  /** The words, when there is no number (qualitative: "及时", "达成预期指标"). */
  words: string | null;
  notApplicable: boolean;
  empty: boolean;
  /** A date, for 时效 rows ("≤2023年12月", "2023年11月", "2023年12月底前", a date cell). */
  date?: DateRead;
}

/** A calendar date as a form writes it; `day` null for a whole month ("2023年12月", "12月底"), `year` null when the
 *  form leaves it out ("9月前", "11月": the year of the form). */
export interface DateRead {
  year: number | null;
  month: number;
  day: number | null;
}

const YEAR = '((?:19|20)\\d{2})';
const BEFORE = '(前|之前|以前)?';
/** 2023年12月 · 2023年12月31日 · 2023年12月底前 */
const DATE_CN = new RegExp(`^${YEAR}年(\\d{1,2})月(?:(\\d{1,2})[日号])?(底|末)?${BEFORE}$`);
/** 9月前 · 12月底前 · 11月 · 6月30日 — a month of the form's own year */
const DATE_CN_NO_YEAR = new RegExp(`^(\\d{1,2})月(?:(\\d{1,2})[日号])?(底|末)?${BEFORE}$`);
/** 年底前 · 年底 · 年末: December of the form's year */
const YEAR_END = new RegExp(`^(?:当年|本年|年度)?年?(底|末)${BEFORE}$`);
/** 2023-12-31 · 2023/12/31 · 2023.12.31 (one separator throughout) */
const DATE_FULL = new RegExp(`^${YEAR}([-/.])(\\d{1,2})\\2(\\d{1,2})${BEFORE}$`);
/** 2023-12 · 2023/12 (not 2023.12, which is as likely a number) */
const DATE_MONTH = new RegExp(`^${YEAR}[-/](\\d{1,2})(底|末)?${BEFORE}$`);

/** "2023年12月", "2023-11-30", "2023/12", "2023年12月底前", "9月前", "年底前" → a date, and whether it says
 *  "before". */
export function parseDateText(s: string): { date: DateRead; before: boolean } | null {
  let year: number | null;
  let month: number;
  let day: number | null;
  let before: boolean;
  let m: RegExpExecArray | null;
  if ((m = DATE_CN.exec(s))) {
    [year, month, day, before] = [Number(m[1]), Number(m[2]), m[3] ? Number(m[3]) : null, m[5] !== undefined];
    if (m[4]) day = null;
  } else if ((m = DATE_CN_NO_YEAR.exec(s))) {
    [year, month, day, before] = [null, Number(m[1]), m[2] ? Number(m[2]) : null, m[4] !== undefined];
    if (m[3]) day = null;
  } else if ((m = YEAR_END.exec(s)) && s.includes('年')) {
    [year, month, day, before] = [null, 12, null, m[2] !== undefined];
  } else if ((m = DATE_FULL.exec(s))) {
    [year, month, day, before] = [Number(m[1]), Number(m[3]), Number(m[4]), m[5] !== undefined];
  } else if ((m = DATE_MONTH.exec(s))) {
    [year, month, day, before] = [Number(m[1]), Number(m[2]), null, m[4] !== undefined];
  } else {
    return null;
  }
  if (month < 1 || month > 12 || (day !== null && (day < 1 || day > 31))) return null;
  return { date: { year, month, day }, before };
}

/** A number format's date and time codes, without quoted text, escapes and [..] sections. */
function dateCodes(format: string): string {
  return format
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '');
}

/** Whether a number format shows a date, so that the number is an Excel date serial: a year (yyyy/m/d,
 *  yyyy"年"m"月"d"日", yyyy"年"m"月") or a month and a day (m"月"d"日", m/d). */
export function isDateFormat(format: string | null): boolean {
  if (!format) return false;
  const bare = dateCodes(format);
  if (bare.includes('%') || /general/i.test(bare)) return false;
  return /y/i.test(bare) ? /[md]/i.test(bare) : /m/i.test(bare) && /d/i.test(bare);
}

/** Whether a date format shows the day: yyyy"年"m"月" shows a whole month. */
export function formatShowsDay(format: string | null): boolean {
  return format !== null && /d/i.test(dateCodes(format));
}

/** An Excel date serial as a calendar date, in integer arithmetic: days from 1899-12-30 in the 1900 date system,
 *  from 1904-01-01 in the 1904 one (1462 days later). */
export function dateOfSerial(serial: number, date1904 = false): DateRead {
  // Days since 1970-01-01, then the civil-from-days algorithm (proleptic Gregorian).
  const z = Math.floor(serial) + (date1904 ? 1462 : 0) - 25569 + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** Compare two dates at the precision both give: a month without a day covers the whole month, and a date
 *  without a year ("9月前") is in the same year as the other. */
export function compareDates(a: DateRead, b: DateRead): number {
  if (a.year !== null && b.year !== null && a.year !== b.year) return a.year - b.year;
  if (a.month !== b.month) return a.month - b.month;
  if (a.day === null || b.day === null) return 0;
  return a.day - b.day;
}

export function dateText(d: DateRead): string {
  const y = d.year === null ? '' : `${d.year}年`;
  return d.day === null ? `${y}${d.month}月` : `${y}${d.month}月${d.day}日`;
}

export function readValue(value: CellValue, format: string | null = null, date1904 = false): ValueRead {
  const text = isBlank(value) ? '' : typeof value === 'string' ? value.trim() : cellText(value);
  const base: ValueRead = {
    text,
    operator: null,
    number: null,
    words: null,
    notApplicable: false,
    empty: false,
  };
  if (isBlank(value)) return { ...base, empty: true };
  if (isNotApplicable(value)) return { ...base, notApplicable: true };
  if (typeof value === 'number') {
    if (isDateFormat(format) && value > 0) {
      const date = dateOfSerial(value, date1904);
      if (!formatShowsDay(format)) date.day = null;
      return { ...base, text: dateText(date), date };
    }
    const r = readCell(value, format);
    return r.kind === 'number' ? { ...base, text: r.text, number: r.number } : base;
  }
  let s = normalizeWidth(text).replace(/\s+/g, '');
  let operator: Operator | null = null;
  for (const [re, op] of OPERATORS) {
    const m = re.exec(s);
    if (m) {
      operator = op;
      s = s.slice(m[0].length);
      break;
    }
  }
  // "100%以上" / "5天以内": a trailing word that is an operator.
  const tail = /(以上|及以上|以下|及以下|以内|之内)$/.exec(s);
  if (tail && !operator) operator = tail[1].includes('上') ? '≥' : '≤';
  if (tail) s = s.slice(0, -tail[1].length);
  s = s.replace(/(左右|余)$/, '');
  // "9月底前完成", "2023年11月完成": a deadline or a completion date with the word for done after it.
  const date = parseDateText(s) ?? parseDateText(s.replace(/(完成|完工|办结)$/, ''));
  if (date) return { ...base, operator: operator ?? (date.before ? '≤' : null), date: date.date };
  const number = s === '' ? null : parseNumberText(s);
  if (number) return { ...base, operator, number };
  return { ...base, operator, words: s || null };
}

/** The scale of a percentage value: fraction (0–1) or percent (0–100), and whether it was written or inferred. */
export type PercentScale = 'fraction' | 'percent';

export const PERCENT_UNITS = ['%', '百分比'];

export function isPercentUnit(unit: string | null): boolean {
  return unit !== null && PERCENT_UNITS.includes(unit);
}

/**
 * Decide the 百分比 scale for target and actual together (design.md): a "%" sign is explicit; 百分比 or no unit is
 * inferred — the target is a fraction when ≤ 1, and the actual takes whichever scale puts it nearer the target.
 * Returns both values on the percent scale, and whether the two sides were on different scales.
 */
export function alignPercent(
  target: NumberRead,
  actual: NumberRead,
): {
  target: Decimal;
  actual: Decimal;
  mixed: boolean;
  targetScale: PercentScale;
  actualScale: PercentScale;
} {
  const hundred = new Decimal(100);
  const targetScale: PercentScale = target.percentSign
    ? 'percent'
    : target.value.abs().lte(1) && !target.value.isZero()
      ? 'fraction'
      : 'percent';
  const t = targetScale === 'fraction' ? target.value.times(hundred) : target.value;
  let actualScale: PercentScale;
  if (actual.percentSign) actualScale = 'percent';
  else if (actual.value.isZero()) actualScale = targetScale;
  else if (target.value.isZero()) actualScale = actual.value.abs().lte(1) ? 'fraction' : 'percent';
  else {
    // Nearer on a log scale: |ln(a/t)| against |ln(100a/t)|, compared without logarithms.
    const a = actual.value.abs();
    const tt = t.abs();
    const asPercent = ratioDistance(a, tt);
    const asFraction = ratioDistance(a.times(hundred), tt);
    actualScale = asFraction.lt(asPercent) ? 'fraction' : 'percent';
  }
  const a = actualScale === 'fraction' ? actual.value.times(hundred) : actual.value;
  return { target: t, actual: a, mixed: targetScale !== actualScale, targetScale, actualScale };
}

/** max(x/y, y/x): how far apart two positive numbers are as a ratio. */
function ratioDistance(x: Decimal, y: Decimal): Decimal {
  if (x.isZero() || y.isZero()) return new Decimal(Infinity);
  const r = x.div(y);
  return r.gte(1) ? r : new Decimal(1).div(r);
}

/** Convert between money units: 万元 → 元 multiplies by 10000. Returns null for units that are not money. */
export function toYuan(value: Decimal, unit: string | null): Decimal | null {
  if (unit === '元') return value;
  if (unit === '万元') return value.times(10000);
  return null;
}

/** Plain decimal string of a Decimal, for reports ("965043.97"). */
export function dec(value: Decimal | null): string | null {
  return value === null ? null : value.toFixed();
}
