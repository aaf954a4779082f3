// A small calculator for the stand-in: Excel recalculates formulas after every change, and a restore that
// writes a formula back relies on that. The stand-in evaluates what forms use — numbers, same-sheet cell
// references, + - * / and parentheses, SUM over cells and ranges — and leaves any other formula's last result
// as it was.
import { parseA1, toA1 } from '../core/a1';
import type { FakeSheet, FakeValue } from './model';

type Result = number | string;

class Unsupported extends Error {}

const ERR_VALUE = '#VALUE!';
const ERR_DIV0 = '#DIV/0!';

/** The formula's result on `sheet`, or undefined when the calculator does not know the formula. */
export function calculate(formula: string, sheet: FakeSheet): FakeValue | undefined {
  try {
    const p = new Parser(formula.replace(/^=/, ''), sheet);
    const v = p.expression();
    p.end();
    return v;
  } catch (e) {
    if (e instanceof Unsupported) return undefined;
    throw e;
  }
}

/** Recalculate every formula the calculator knows, until nothing changes (formulas may depend on formulas). */
export function recalculate(sheets: FakeSheet[]): void {
  for (let pass = 0; pass < 20; pass++) {
    let changed = false;
    for (const sheet of sheets) {
      for (const cell of Object.values(sheet.cells)) {
        if (cell.formula === undefined) continue;
        const v = calculate(cell.formula, sheet);
        if (v !== undefined && v !== cell.value) {
          cell.value = v;
          changed = true;
        }
      }
    }
    if (!changed) return;
  }
}

class Parser {
  private i = 0;
  private readonly s: string;
  private readonly sheet: FakeSheet;

  constructor(s: string, sheet: FakeSheet) {
    this.s = s;
    this.sheet = sheet;
  }

  end(): void {
    this.ws();
    if (this.i < this.s.length) throw new Unsupported();
  }

  private ws(): void {
    while (this.s[this.i] === ' ') this.i++;
  }

  private peek(): string {
    this.ws();
    return this.s[this.i] ?? '';
  }

  expression(): Result {
    let v = this.term();
    for (let op = this.peek(); op === '+' || op === '-'; op = this.peek()) {
      this.i++;
      v = arith(v, this.term(), op);
    }
    return v;
  }

  private term(): Result {
    let v = this.factor();
    for (let op = this.peek(); op === '*' || op === '/'; op = this.peek()) {
      this.i++;
      v = arith(v, this.factor(), op);
    }
    return v;
  }

  private factor(): Result {
    const c = this.peek();
    if (c === '-' || c === '+') {
      this.i++;
      const v = this.factor();
      return c === '-' ? arith(0, v, '-') : arith(0, v, '+');
    }
    if (c === '(') {
      this.i++;
      const v = this.expression();
      if (this.peek() !== ')') throw new Unsupported();
      this.i++;
      return v;
    }
    const rest = this.s.slice(this.i);
    const num = /^\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(rest);
    if (num) {
      this.i += num[0].length;
      return Number(num[0]);
    }
    const fn = /^SUM\s*\(/i.exec(rest);
    if (fn) {
      this.i += fn[0].length;
      let total = 0;
      for (;;) {
        total += this.sumArgument();
        const sep = this.peek();
        this.i++;
        if (sep === ')') return total;
        if (sep !== ',') throw new Unsupported();
      }
    }
    const ref = /^\$?([A-Za-z]{1,3})\$?(\d+)(?![\w(!:])/.exec(rest);
    if (ref) {
      this.i += ref[0].length;
      const v = this.cellValue(`${ref[1]}${ref[2]}`);
      if (v === null || v === '') return 0;
      if (typeof v === 'number') return v;
      if (typeof v === 'boolean') return v ? 1 : 0;
      return typeof v === 'string' && v.startsWith('#') ? v : ERR_VALUE;
    }
    throw new Unsupported();
  }

  /** One argument of SUM: a range or a cell adds its numbers (text and booleans in cells are skipped). */
  private sumArgument(): number {
    const rest = this.s.slice(this.i);
    this.ws();
    const range = /^\s*\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?(?![\w(!])/.exec(rest);
    if (range) {
      this.i += range[0].length;
      const a = parseA1(`${range[1]}${range[2]}`);
      const b = range[3] ? parseA1(`${range[3]}${range[4]}`) : a;
      let total = 0;
      for (let r = Math.min(a.row, b.row); r <= Math.max(a.row, b.row); r++) {
        for (let c = Math.min(a.col, b.col); c <= Math.max(a.col, b.col); c++) {
          const v = this.cellValueAt(r, c);
          if (typeof v === 'number') total += v;
          else if (typeof v === 'string' && v.startsWith('#')) throw new Unsupported();
        }
      }
      return total;
    }
    const v = this.expression();
    if (typeof v !== 'number') throw new Unsupported();
    return v;
  }

  private cellValue(addr: string): FakeValue {
    const { row, col } = parseA1(addr);
    return this.cellValueAt(row, col);
  }

  private cellValueAt(row: number, col: number): FakeValue {
    return this.sheet.cells[toA1(row, col)]?.value ?? null;
  }
}

function arith(a: Result, b: Result, op: string): Result {
  if (typeof a === 'string') return a;
  if (typeof b === 'string') return b;
  if (op === '+') return a + b;
  if (op === '-') return a - b;
  if (op === '*') return a * b;
  if (b === 0) return ERR_DIV0;
  return a / b;
}
