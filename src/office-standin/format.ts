// RangeFormat and what hangs off it: column width, fill (RangeFill) and font (RangeFont: colour, bold), read
// as one value when every cell of the range agrees (else null) and written to every cell.
import { columnLetters } from '../core/a1';
import { columnWidthPoints as charsToPoints } from '../core/column-width';
import {
  AUTOMATIC_FONT_COLOR,
  NO_FILL_COLOR,
  editRange,
  guardWrite,
  normColor,
  uniform,
  type RangeTarget,
} from './cells';
import { FakeClientObject, type AnyFakeObject, type ScalarSpec } from './client-object';
import { FakeOfficeError } from './errors';
import type { FakeRequestContext } from './runtime';

// Column widths: the model keeps characters (as in a .xlsx), Excel's API speaks points.
export { charsToPoints };
export function pointsToChars(points: number): number {
  return Math.round(((points / 0.75 - 5) / 7) * 100) / 100;
}
const DEFAULT_WIDTH_CHARS = 8.43;

/** A colour kept cell by cell (fill, font colour): read as one colour when every cell agrees, else null ("A
 *  `null` value indicates that the range doesn't have uniform … settings", index.d.ts:43061); `unset` is what
 *  Excel reports for a cell without one. */
function cellColor(key: 'fill' | 'fontColor', unset: string): ScalarSpec<RangeTarget> {
  return {
    get: (t) => uniform(t, (c) => c?.[key] ?? unset),
    set: (t, v, location) => {
      const color = normColor(v, location);
      editRange(t, location, (cell) => {
        cell[key] = color;
      });
    },
  };
}

export class FakeRangeFormat extends FakeClientObject<RangeTarget> {
  private _fill?: FakeRangeFill;
  private _font?: FakeRangeFont;

  constructor(ctx: FakeRequestContext, parent: FakeClientObject<RangeTarget>) {
    super(ctx, 'RangeFormat', () => parent._target(), parent);
  }

  protected _scalars(): Record<string, ScalarSpec<RangeTarget>> {
    return {
      columnWidth: {
        requires: '1.2',
        get: (t) => {
          const widths = new Set<number>();
          for (let c = t.box.left; c <= Math.min(t.box.right, t.box.left + 1000); c++) {
            widths.add(charsToPoints(t.sheet.columnWidths?.[columnLetters(c)] ?? DEFAULT_WIDTH_CHARS));
          }
          return widths.size === 1 ? [...widths][0] : null;
        },
        set: (t, v, location) => {
          if (typeof v !== 'number' || !(v >= 0))
            throw new FakeOfficeError('InvalidArgument', location, String(v));
          guardWrite(t.sheet, location);
          const widths = (t.sheet.columnWidths ??= {});
          for (let c = t.box.left; c <= t.box.right; c++) widths[columnLetters(c)] = pointsToChars(v);
        },
      },
      wrapText: {
        get: (t) => uniform(t, (c) => c?.wrapText === true),
        set: (t, v, location) => {
          if (typeof v !== 'boolean') throw new FakeOfficeError('InvalidArgument', location, String(v));
          editRange(t, location, (cell) => {
            cell.wrapText = v ? true : undefined;
          });
        },
      },
    };
  }

  protected override _navs(): Record<string, () => AnyFakeObject> {
    return { fill: () => this.fill, font: () => this.font };
  }

  declare columnWidth: number;
  declare wrapText: boolean;

  get fill(): FakeRangeFill {
    return (this._fill ??= new FakeRangeFill(this.context, this));
  }
  get font(): FakeRangeFont {
    return (this._font ??= new FakeRangeFont(this.context, this));
  }

  /** ExcelApi 1.2. The stand-in has no text metrics: nothing changes. */
  autofitColumns(): void {
    this._do('autofitColumns', null, () => undefined, '1.2');
  }
}

export class FakeRangeFill extends FakeClientObject<RangeTarget> {
  constructor(ctx: FakeRequestContext, parent: FakeRangeFormat) {
    super(ctx, 'RangeFill', () => parent._target(), parent);
  }

  protected _scalars(): Record<string, ScalarSpec<RangeTarget>> {
    const nullPattern = this._env.behaviours.noFillPattern === 'null';
    return {
      // Excel reports "no fill" as white (office-js#4900, #6218).
      color: cellColor('fill', NO_FILL_COLOR),
      // 'Solid' for a filled cell, and for a cell without fill 'None', or null for No Fill and white alike as
      // office-js#4900 reports (UNVERIFIED: behaviours.ts noFillPattern). null also means "not uniform"
      // (index.d.ts RangeFill.pattern).
      pattern: {
        requires: '1.9',
        get: (t) =>
          uniform(t, (c) => {
            if (nullPattern && (!c?.fill || c.fill === NO_FILL_COLOR)) return null;
            return c?.fill ? 'Solid' : 'None';
          }),
      },
      // null for No Fill, 0 for a colour as it is (Microsoft's answer in office-js#4900); the model keeps no
      // tint, so a filled cell reads 0. null also means "not uniform" (index.d.ts:43066).
      tintAndShade: { requires: '1.9', get: (t) => uniform(t, (c) => (c?.fill ? 0 : null)) },
    };
  }

  declare color: string;
  /** ExcelApi 1.9. */
  declare readonly pattern: string | null;
  /** ExcelApi 1.9. */
  declare readonly tintAndShade: number | null;

  /** "Resets the range background": no fill again (office-js#2349, Microsoft's answer). */
  clear(): void {
    this._do('clear', null, (t, location) =>
      editRange(t, location, (cell) => {
        cell.fill = undefined;
      }),
    );
  }
}

export class FakeRangeFont extends FakeClientObject<RangeTarget> {
  constructor(ctx: FakeRequestContext, parent: FakeRangeFormat) {
    super(ctx, 'RangeFont', () => parent._target(), parent);
  }

  protected _scalars(): Record<string, ScalarSpec<RangeTarget>> {
    return {
      // Excel reports the automatic font colour as black, and its API cannot set "automatic" back (README's known
      // limit; excel-behaviours.md §2.7). A cell with mixed font colours reads null.
      color: cellColor('fontColor', AUTOMATIC_FONT_COLOR),
      bold: {
        get: (t) => uniform(t, (c) => c?.bold === true),
        set: (t, v, location) => {
          if (typeof v !== 'boolean') throw new FakeOfficeError('InvalidArgument', location, String(v));
          editRange(t, location, (cell) => {
            cell.bold = v ? true : undefined;
          });
        },
      },
    };
  }

  declare color: string;
  declare bold: boolean;
}
