// What every rule family reads a form with: the grid, the rulebook, the findings collector, and the readers of
// amounts, numbers and free text at a cell.
import { Decimal, fixed } from '../decimal';
import { Grid } from '../grid';
import { HEADER_FIELD_LABELS } from '../locate';
import { readCell, readMoney, readShown } from '../parse';
import type { Rulebook } from '../rulebook';
import { labelKey } from '../text';
import { Findings, type Pos } from './findings';

export type { Pos };

export interface Context {
  grid: Grid;
  book: Rulebook;
  findings: Findings;
  /** A score as the rulebook rounds it (R14). */
  round(d: Decimal): string;
  /** A score of a row worth `weight` points, rounded (R14) and kept within 0–weight: rounding never lifts it above
   *  its weight (9.999 stays 9.99 at 2 decimals, not 10.00, which the next check would flag as out of range). */
  score(d: Decimal, weight: Decimal): string;
  /** Whether two scores differ by more than scoring.tolerance (C8). */
  differs(a: Decimal, b: Decimal): boolean;
  /** The amount in a cell, or null when it holds none. */
  money(at: Pos | null): Decimal | null;
  /** The number in a cell, or null when it holds none. */
  number(at: Pos | null): Decimal | null;
  /** An amount as the form prints it ("991403.00" for 991403 in a "0.00" cell), for the report. */
  shown(at: Pos | null): string | null;
  /** Whether a printed score differs from the computed one at the precision its cell shows: a score in a "0.0"
   *  cell is compared with the computed score rounded to one decimal (what the reader sees); otherwise as differs. */
  differsShown(at: Pos | null, printed: Decimal, computed: Decimal): boolean;
}

export function makeContext(grid: Grid, book: Rulebook): Context {
  const sc = book.scoring;
  const tolerance = new Decimal(sc.tolerance);
  return {
    grid,
    book,
    findings: new Findings(),
    round: (d) => fixed(d, sc.decimals, sc.rounding),
    score: (d, weight) => {
      const top = Decimal.max(weight, 0);
      const rounded = fixed(Decimal.min(Decimal.max(d, 0), top), sc.decimals, sc.rounding);
      return new Decimal(rounded).gt(top) ? fixed(top, sc.decimals, 'down') : rounded;
    },
    differs: (a, b) => a.minus(b).abs().gt(tolerance),
    money: (at) =>
      at ? (readMoney(grid.raw(at.row, at.col), grid.format(at.row, at.col))?.amount ?? null) : null,
    number: (at) => {
      if (!at) return null;
      const r = readCell(grid.raw(at.row, at.col), grid.format(at.row, at.col));
      return r.kind === 'number' ? r.number.value : null;
    },
    shown: (at) =>
      at ? (readMoney(grid.raw(at.row, at.col), grid.format(at.row, at.col))?.shown ?? null) : null,
    differsShown: (at, printed, computed) => {
      const s = at ? readShown(grid.raw(at.row, at.col), grid.format(at.row, at.col)) : null;
      if (s?.byFormat && s.decimals < sc.decimals) {
        return s.value
          .minus(fixed(computed, s.decimals, 'half-up'))
          .abs()
          .gt(tolerance);
      }
      return printed.minus(computed).abs().gt(tolerance);
    },
  };
}

export function pos(row: number, col: number | undefined): Pos | null {
  return col === undefined ? null : { row, col };
}

/** Free text of a cell as the form means it: line breaks from wrapping removed. */
export function plainText(grid: Grid, at: Pos | null): string {
  if (!at) return '';
  const v = grid.raw(at.row, at.col);
  if (v === null) return '';
  return String(v)
    .replace(/\s*[\r\n]+\s*/g, '')
    .trim();
}

/** The value of a header field: the next filled cell right of its label that is not itself a label. */
export function fieldValue(
  grid: Grid,
  label: Pos | null,
  right: number,
): { text: string | null; at: Pos | null } {
  if (!label) return { text: null, at: null };
  const m = grid.mergeOf(label.row, label.col);
  const start = (m ? m.right : label.col) + 1;
  for (let c = start; c <= right + 3; c++) {
    if (!grid.isAnchor(label.row, c)) continue;
    const v = grid.raw(label.row, c);
    if (v === null || String(v).trim() === '') continue;
    if (HEADER_FIELD_LABELS.includes(labelKey(v))) break;
    return { text: plainText(grid, { row: label.row, col: c }), at: { row: label.row, col: c } };
  }
  return { text: null, at: { row: label.row, col: start } };
}
