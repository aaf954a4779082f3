// A1 addresses: the one place where columns become letters, cells become "B7" and sheet names are quoted in
// an address. Every host and the stand-in Excel use these; none keeps its own copy of the arithmetic.

/** A rectangle of cells, inclusive, 0-based. */
export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Excel's grid: 1,048,576 rows by 16,384 columns (XFD). */
export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;

/** 0 → "A", 25 → "Z", 26 → "AA". */
export function columnLetters(col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** "A" → 0, "AA" → 26. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) {
    const code = ch.charCodeAt(0);
    if (code < 65 || code > 90) throw new Error(`不是列号 / not a column: ${letters}`);
    n = n * 26 + (code - 64);
  }
  return n - 1;
}

/** (row 0, col 0) → "A1". */
export function toA1(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** "B7" or "$B$7" → { row: 6, col: 1 }. */
export function parseA1(address: string): { row: number; col: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!m) throw new Error(`不是单元格地址 / not a cell address: ${address}`);
  return { row: Number(m[2]) - 1, col: columnIndex(m[1]) };
}

/** A range as "A1:I30" (a single cell as "A1"). */
export function rangeA1(range: CellRange): string {
  const a = toA1(range.top, range.left);
  const b = toA1(range.bottom, range.right);
  return a === b ? a : `${a}:${b}`;
}

/** "A1:I30" → range; a single address gives a one-cell range. */
export function parseRangeA1(address: string): CellRange {
  const [a, b] = address.split(':');
  const p = parseA1(a);
  const q = b ? parseA1(b) : p;
  return {
    top: Math.min(p.row, q.row),
    left: Math.min(p.col, q.col),
    bottom: Math.max(p.row, q.row),
    right: Math.max(p.col, q.col),
  };
}

/** "A1", "$A$1:B2", "B:D" (whole columns), "3:5" (whole rows) → a rectangle inside Excel's grid. */
export function parseRangeRef(ref: string): CellRange {
  const clean = ref.replace(/\$/g, '').trim().toUpperCase();
  const cols = /^([A-Z]{1,3}):([A-Z]{1,3})$/.exec(clean);
  if (cols) {
    const a = columnIndex(cols[1]);
    const b = columnIndex(cols[2]);
    return { top: 0, bottom: MAX_ROWS - 1, left: Math.min(a, b), right: Math.max(a, b) };
  }
  const rows = /^(\d+):(\d+)$/.exec(clean);
  if (rows) {
    const a = Number(rows[1]) - 1;
    const b = Number(rows[2]) - 1;
    return { top: Math.min(a, b), bottom: Math.max(a, b), left: 0, right: MAX_COLS - 1 };
  }
  if (!/^[A-Z]{1,3}\d+(?::[A-Z]{1,3}\d+)?$/.test(clean)) {
    throw new Error(`不是区域地址 / not a range address: ${ref}`);
  }
  const box = parseRangeA1(clean);
  if (box.bottom >= MAX_ROWS || box.right >= MAX_COLS)
    throw new Error(`超出工作表 / outside the sheet: ${ref}`);
  return box;
}

/** A sheet name as it goes into a formula or an address, always quoted: 'It''s'!A1 (valid for every name,
 *  'Sheet1'!A1 is as good as Sheet1!A1). */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** A sheet name as Excel itself writes it in Range.address: bare when it is letters, digits, '_' and '.', not
 *  starting with a digit and not itself a cell reference; quoted otherwise. */
export function quoteSheetAsExcel(name: string): string {
  const plain = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name);
  return plain ? name : quoteSheet(name);
}

/** "'My ''x'' sheet'!A1:B2" → { sheet: "My 'x' sheet", ref: "A1:B2" }; "A1" → { sheet: null, ref: "A1" }.
 *  Throws when a quoted name is not followed by "!". */
export function splitSheetRef(address: string): { sheet: string | null; ref: string } {
  const a = address.trim();
  if (a.startsWith("'")) {
    let i = 1;
    let name = '';
    while (i < a.length) {
      if (a[i] === "'") {
        if (a[i + 1] === "'") {
          name += "'";
          i += 2;
          continue;
        }
        break;
      }
      name += a[i];
      i++;
    }
    if (a[i + 1] !== '!') throw new Error(`不是地址 / not an address: ${address}`);
    return { sheet: name, ref: a.slice(i + 2) };
  }
  const bang = a.lastIndexOf('!');
  return bang < 0 ? { sheet: null, ref: a } : { sheet: a.slice(0, bang), ref: a.slice(bang + 1) };
}

/** Split "'a,b'!A1:B2, Sheet2!C3" into its areas, ignoring commas inside quoted sheet names. */
export function splitAreas(address: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (const ch of address) {
    if (ch === "'") quoted = !quoted;
    if (ch === ',' && !quoted) {
      if (cur.trim()) out.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

/** "'It''s'!$B$2:H40" → { sheet: "It's", box } (sheet null when the address has none). */
export function parseAddress(address: string): { sheet: string | null; box: CellRange } {
  const { sheet, ref } = splitSheetRef(address);
  return { sheet, box: parseRangeA1(ref.replace(/\$/g, '')) };
}

/** "'My sheet'!B2:H40", with the sheet quoted as Excel writes it. */
export function sheetAddress(sheet: string, box: CellRange): string {
  return `${quoteSheetAsExcel(sheet)}!${rangeA1(box)}`;
}
