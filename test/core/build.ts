// Builds SheetGrids for tests: rows of values, merged areas as "A1:C2", number formats by address.
import { parseA1, parseRangeA1, type CellValue, type SheetGrid } from '../../src/core';

export function sheet(
  name: string,
  rows: CellValue[][],
  merges: string[] = [],
  formats: Record<string, string> = {},
): SheetGrid {
  const values = rows.map((r) => r.map((v) => (v === undefined ? null : v)));
  const grid: SheetGrid = { name, values, merges: merges.map(parseRangeA1) };
  if (Object.keys(formats).length) {
    const f: (string | null)[][] = values.map((r) => r.map(() => null));
    for (const [addr, fmt] of Object.entries(formats)) {
      const { row, col } = parseA1(addr);
      while (f.length <= row) f.push([]);
      f[row][col] = fmt;
    }
    grid.formats = f;
  }
  return grid;
}

/** Sets cells by address on an empty grid: { A1: 'x', B2: 3 }. */
export function cells(map: Record<string, CellValue>): CellValue[][] {
  const rows: CellValue[][] = [];
  for (const [addr, v] of Object.entries(map)) {
    const { row, col } = parseA1(addr);
    while (rows.length <= row) rows.push([]);
    const r = rows[row];
    while (r.length <= col) r.push(null);
    r[col] = v;
  }
  return rows;
}
