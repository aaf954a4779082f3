// Addresses as Excel's API writes them: "Sheet1!B2:H40", "'My sheet'!A1", areas joined by commas.
import { parseRangeA1, type CellRange } from '../../core';

/** Always quoted: valid for every sheet name ('Sheet1'!A1 is as good as Sheet1!A1). */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
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
  const a = address.trim();
  let sheet: string | null = null;
  let ref = a;
  if (a.startsWith("'")) {
    let i = 1;
    let name = '';
    while (i < a.length) {
      if (a[i] === "'" && a[i + 1] === "'") {
        name += "'";
        i += 2;
      } else if (a[i] === "'") break;
      else name += a[i++];
    }
    sheet = name;
    ref = a.slice(i + 2);
  } else {
    const bang = a.lastIndexOf('!');
    if (bang >= 0) {
      sheet = a.slice(0, bang);
      ref = a.slice(bang + 1);
    }
  }
  return { sheet, box: parseRangeA1(ref.replace(/\$/g, '')) };
}
