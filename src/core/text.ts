// Text normalisation for labels and values: forms are typed by hand, printed from PDFs and converted back, so
// labels come split by line breaks (绩/效/指/标), spaced (总  分), in full-width forms (（万元）：) and traditional
// characters (項目資金（萬元）).
import { Decimal } from './decimal';
import type { CellValue } from './grid';

const TRADITIONAL: Record<string, string> = {
  萬: '万',
  項: '项',
  資: '资',
  預: '预',
  數: '数',
  執: '执',
  總: '总',
  額: '额',
  標: '标',
  績: '绩',
  實: '实',
  際: '际',
  級: '级',
  單: '单',
  門: '门',
  稱: '称',
  億: '亿',
  權: '权',
  較: '较',
  與: '与',
  計: '计',
  劃: '划',
  達: '达',
  質: '质',
  時: '时',
  產: '产',
  滿: '满',
  義: '义',
  結: '结',
  轉: '转',
  撥: '拨',
  財: '财',
  當: '当',
  體: '体',
  況: '况',
  應: '应',
  偏: '偏',
  差: '差',
  進: '进',
  措: '措',
  施: '施',
  盤: '盘',
  議: '议',
};

/** A cell value as text: numbers in plain notation, booleans as 是/否, null as "". */
export function cellText(value: CellValue): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'number') return numberText(value);
  return value;
}

/** Results by input, each emptied when it passes `limit` entries: the same labels and numbers recur on every
 *  form, and a huge sheet of prose must not grow a cache forever. */
function memo<K, V>(fn: (k: K) => V, limit = 20000): (k: K) => V {
  const cache = new Map<K, V>();
  return (k) => {
    let v = cache.get(k);
    if (v === undefined) {
      v = fn(k);
      if (cache.size >= limit) cache.clear();
      cache.set(k, v);
    }
    return v;
  };
}

/** A JS number as Excel shows it at most: 15 significant digits, plain notation. */
export function numberText(n: number): string {
  // Integers below 10^15 print as they are (String never uses exponents below 10^21).
  if (Math.floor(n) === n && Math.abs(n) < 1e15) return String(n); // an integer (no isSafeInteger: IE11)
  return numberTextCached(n);
}

const numberTextCached = memo((n: number): string => {
  if (!Number.isFinite(n)) return String(n);
  const p = Number(n.toPrecision(15));
  const s = String(p);
  // Exponent notation (below 1e-6, from 1e21): written out in full by decimal.js. Number.toFixed itself falls back
  // to an exponent from 1e21, which stripping zeros turned into "1e+3" (1e300 read as 1000).
  return /e/i.test(s) ? new Decimal(s).toFixed() : s;
});

/** Printable ASCII: NFKC, the traditional characters and the punctuation below leave it as it is. */
const PLAIN_ASCII = /^[\x20-\x7e]*$/;

/** NFKC (full-width → half-width, ﹦ → =), traditional → simplified for the few characters forms use,
 *  zero-width characters dropped; keeps spaces. */
export function normalizeWidth(text: string): string {
  if (PLAIN_ASCII.test(text)) return text;
  return normalizeCached(text);
}

const normalizeCached = memo((text: string): string => {
  let s = text.normalize('NFKC').replace(/[\u200B-\u200D\uFEFF]/g, '');
  s = s.replace(/[\u4e00-\u9fff]/g, (ch) => TRADITIONAL[ch] ?? ch);
  // Chinese and other punctuation NFKC leaves alone.
  return s
    .replace(/[“”]/g, '"')
    .replace(/[‘’]/g, "'")
    .replace(/[—–－]/g, '—');
});

/** Value text for comparison: normalised width, all white space removed. */
export function compact(value: CellValue): string {
  return normalizeWidth(cellText(value)).replace(/\s+/g, '');
}

/** A label as a key: compact, no trailing colon, no bracketed parts ("全年预算数(A)" → "全年预算数"). Each
 *  text's or number's key is computed once (the same labels and amounts recur on every form). */
export function labelKey(value: CellValue): string {
  if (value === null) return '';
  // A number's text has no space, bracket or colon: its key is its text.
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'boolean') return value ? '是' : '否';
  return stringKey(value);
}

const stringKey = memo((value: string): string => computeKey(value));

function computeKey(value: CellValue): string {
  let s = compact(value);
  s = s.replace(/[(（[【][^)）\]】]*[)）\]】]/g, '');
  s = s.replace(/[:：]+$/, '');
  s = s.replace(/^[:：]+/, '');
  return s;
}

/** The bracketed parts of a label: "项目资金（万元）" → ["万元"], "产出指标(50分)" → ["50分"]. */
export function labelBrackets(value: CellValue): string[] {
  const s = compact(value);
  const out: string[] = [];
  const re = /[(（[【]([^)）\]】]*)[)）\]】]/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) out.push(m[1]);
  return out;
}

/** The money unit a label states, if any: "项目资金（万元）", "年初预算数(元)", "预算执行情况(万元)(10分)". */
export function unitOfLabel(value: CellValue): '元' | '万元' | null {
  for (const part of labelBrackets(value)) {
    if (part.includes('万元')) return '万元';
    if (part === '元' || part.includes('单位:元') || part.endsWith('元')) return '元';
  }
  return null;
}

/** Points a label states: "产出指标(50分)" → "50". */
export function pointsOfLabel(value: CellValue): string | null {
  for (const part of labelBrackets(value)) {
    const m = /^(\d+(?:\.\d+)?)分$/.exec(part);
    if (m) return m[1];
  }
  return null;
}

/** Cells that mean "does not apply": —, /, -, 无, 不适用. */
export function isNotApplicable(value: CellValue): boolean {
  const s = compact(value);
  return /^(—+|-+|\/|\\|无|不适用|不涉及|N\/?A)$/i.test(s);
}

export function isBlank(value: CellValue): boolean {
  return value === null || (typeof value === 'string' && value.trim() === '');
}
