// The text Excel shows for a value in a number format (Range.text), for the formats forms use: General, '@',
// fixed decimals with thousands separators, percentages, and dates and times in either date system. Excel keeps a
// date as a serial number with a date format: `Range.values` gives the serial, `Range.text` the shown text
// (excel-add-ins-ranges-dates.md, https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-dates;
// Range.text "will not depend on the cell width": @types/office-js 1.0.612 index.d.ts:38722).
import type { FakeValue } from './model';

const DAY_MS = 86_400_000;
const WEEKDAYS_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const WEEKDAYS_ZH = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];
const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** The UTC date-time of a serial. 1900 system: day 1 is 1900-01-01 and day 60 the 29 February 1900 Excel
 *  believes in (kept from Lotus 1-2-3), so days after it count from 1899-12-30. 1904 system: day 0 is 1904-01-01.
 *  https://learn.microsoft.com/office/troubleshoot/excel/1900-and-1904-date-system */
export function serialToDate(serial: number, date1904 = false): Date {
  const base = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, serial < 60 ? 31 : 30);
  return new Date(base + Math.round(serial * DAY_MS));
}

/** The serial of a UTC date-time in either date system. */
export function dateToSerial(date: Date, date1904 = false): number {
  if (date1904) return (date.getTime() - Date.UTC(1904, 0, 1)) / DAY_MS;
  const days = (date.getTime() - Date.UTC(1899, 11, 30)) / DAY_MS;
  return days < 61 ? days - 1 : days;
}

/** Quoted text and escaped characters as literals, [colour]/[$-804] tags dropped: the tokens of a section. */
function tokens(section: string): { text: string; literal: boolean }[] {
  const out: { text: string; literal: boolean }[] = [];
  for (let i = 0; i < section.length; i++) {
    const ch = section[i];
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      const stop = end < 0 ? section.length : end;
      out.push({ text: section.slice(i + 1, stop), literal: true });
      i = stop;
    } else if (ch === '\\') {
      out.push({ text: section[i + 1] ?? '', literal: true });
      i++;
    } else if (ch === '[') {
      const end = section.indexOf(']', i);
      i = end < 0 ? section.length : end;
    } else if (/^(AM\/PM|A\/P)/i.test(section.slice(i))) {
      const marker = /^AM\/PM/i.test(section.slice(i)) ? 'AM/PM' : 'A/P';
      out.push({ text: marker, literal: false });
      i += marker.length - 1;
    } else if (ch === '_' || ch === '*') {
      i++; // a space the width of the next character, or a fill: nothing in Range.text
    } else out.push({ text: ch, literal: false });
  }
  return out;
}

function isDateSection(section: string): boolean {
  const bare = tokens(section)
    .filter((t) => !t.literal)
    .map((t) => t.text)
    .join('');
  return /[ymdhse]|aaa/i.test(bare) && !/[0#?]/.test(bare.replace(/[hms]\.0+/gi, ''));
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function formatDate(serial: number, section: string, date1904: boolean): string {
  const d = serialToDate(serial, date1904);
  const bare = tokens(section);
  const code = bare.map((t) => (t.literal ? '' : t.text)).join('');
  const ampm = /AM\/PM|A\/P/i.test(code);
  const zh = /aaa/.test(code);
  let out = '';
  let lastWasHour = false;
  for (let i = 0; i < bare.length;) {
    const t = bare[i];
    if (t.literal) {
      out += t.text;
      i++;
      continue;
    }
    let j = i;
    while (j < bare.length && !bare[j].literal && bare[j].text.toLowerCase() === t.text.toLowerCase()) j++;
    const run = j - i;
    const c = t.text.toLowerCase();
    i = j;
    if (c === 'y' || c === 'e') {
      out += run <= 2 && c === 'y' ? pad(d.getUTCFullYear() % 100, 2) : String(d.getUTCFullYear());
    } else if (c === 'm') {
      // "m" after an hour or before seconds is minutes.
      const rest = bare
        .slice(i)
        .filter((x) => !x.literal)
        .map((x) => x.text.toLowerCase())
        .join('');
      if (lastWasHour || /^[^a-z]*s/.test(rest))
        out += run >= 2 ? pad(d.getUTCMinutes(), 2) : d.getUTCMinutes();
      else if (run >= 4) out += MONTHS_EN[d.getUTCMonth()];
      else if (run === 3) out += MONTHS_EN[d.getUTCMonth()].slice(0, 3);
      else out += run === 2 ? pad(d.getUTCMonth() + 1, 2) : String(d.getUTCMonth() + 1);
    } else if (c === 'd') {
      if (run >= 4) out += WEEKDAYS_EN[d.getUTCDay()];
      else if (run === 3) out += WEEKDAYS_EN[d.getUTCDay()].slice(0, 3);
      else out += run === 2 ? pad(d.getUTCDate(), 2) : String(d.getUTCDate());
    } else if (c === 'a' && zh && run >= 3) {
      out += run >= 4 ? WEEKDAYS_ZH[d.getUTCDay()] : WEEKDAYS_ZH[d.getUTCDay()].slice(2);
    } else if (c === 'h') {
      const h = d.getUTCHours();
      const shown = ampm ? h % 12 || 12 : h;
      out += run >= 2 ? pad(shown, 2) : String(shown);
      lastWasHour = true;
      continue;
    } else if (c === 's') {
      out += run >= 2 ? pad(d.getUTCSeconds(), 2) : String(d.getUTCSeconds());
    } else if (c === 'am/pm' || c === 'a/p') {
      const am = d.getUTCHours() < 12;
      out += c === 'am/pm' ? (am ? 'AM' : 'PM') : am ? 'A' : 'P';
    } else out += t.text.repeat(run);
    if (c !== ' ' && c !== ':') lastWasHour = false;
  }
  return out;
}

function formatNumber(n: number, section: string): string {
  const toks = tokens(section);
  const code = toks.map((t) => (t.literal ? '' : t.text)).join('');
  const percent = (code.match(/%/g) ?? []).length;
  const value = Math.abs(n) * 100 ** percent;
  const m = /[0#?,]*(\.[0#?]*)?/.exec(code.slice(code.search(/[0#?.]/)));
  const digits = m ? m[0] : '';
  const decimals = digits.includes('.') ? digits.split('.')[1].length : 0;
  const grouped = /[0#?],[0#?]/.test(digits);
  let body = value.toFixed(decimals);
  if (grouped) {
    const [int, frac] = body.split('.');
    body = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (frac !== undefined ? `.${frac}` : '');
  }
  const minInt = (digits.split('.')[0].match(/0/g) ?? []).length;
  if (minInt === 0 && body.startsWith('0') && body.length > 1 && body[1] === '.') body = body.slice(1);
  // The number takes the place of its digits; everything else is shown as it is.
  let out = '';
  let placed = false;
  for (const t of toks) {
    if (!t.literal && /[0#?.,]/.test(t.text)) {
      if (!placed) out += body;
      placed = true;
    } else out += t.text;
  }
  return out;
}

/** Excel's "General": up to 11 significant characters, no trailing zeros. */
function general(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e11) return String(n);
  if (Math.abs(n) >= 1e11 || (Math.abs(n) < 1e-9 && n !== 0)) {
    return Number(n.toPrecision(6)).toExponential().replace('e', 'E');
  }
  return String(Number(n.toPrecision(10)));
}

/** What Range.text shows for `value` in `numberFormat`. */
export function formatValue(value: FakeValue, numberFormat: string | undefined, date1904 = false): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  const format = numberFormat ?? 'General';
  const sections = format.split(/;(?=(?:[^"]*"[^"]*")*[^"]*$)/);
  if (typeof value === 'string') {
    const textSection =
      sections[3] ?? (sections.length === 1 && sections[0].includes('@') ? sections[0] : null);
    return textSection ? textSection.replace(/"([^"]*)"/g, '$1').replace('@', value) : value;
  }
  let section = sections[0];
  if (value < 0 && sections[1] !== undefined) section = sections[1];
  else if (value === 0 && sections[2] !== undefined) section = sections[2];
  const code = tokens(section)
    .filter((t) => !t.literal)
    .map((t) => t.text)
    .join('')
    .trim();
  if (code === '' || code === '@' || /^general$/i.test(code)) return general(value);
  if (isDateSection(section)) return value < 0 ? '#'.repeat(11) : formatDate(value, section, date1904);
  const sign = value < 0 && sections[1] === undefined ? '-' : '';
  return sign + formatNumber(value, section);
}
