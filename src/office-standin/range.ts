// Range (and RangeAreas, what Range.getMergedAreasOrNullObject gives): a rectangle of cells on a worksheet,
// its values, formulas, number formats and hyperlink, read and written with Excel's rules (cells.ts).
import { rangeA1, sheetAddress, toA1, type CellRange } from '../core/a1';
import { calculate } from './calc';
import {
  boxCells,
  boxSize,
  cellBox,
  checkGridShape,
  coerceInput,
  editRange,
  forEachCell,
  grid,
  guardWrite,
  inputAt,
  intersects,
  parseRef,
  readFormula,
  readNumberFormat,
  readValue,
  readValueType,
  type RangeTarget,
} from './cells';
import { FakeClientObject, type AnyFakeObject, type ScalarSpec } from './client-object';
import { FakeOfficeError } from './errors';
import { FakeRangeFormat } from './format';
import { formatValue } from './number-format';
import type { FakeHyperlink, FakeSheet, FakeValue } from './model';
import { focusLoss, rememberFormula, type FakeEnv, type FakeRequestContext } from './runtime';

function boxRows(box: CellRange): CellRange[] {
  const out: CellRange[] = [];
  for (let top = box.top; top <= box.bottom; top++) out.push({ ...box, top, bottom: top });
  return out;
}

/** "Note that if the merged areas count in this range is more than 512, then this method will fail to return the
 *  result." (Range.getMergedAreasOrNullObject, @types/office-js 1.0.612 index.d.ts:39143) */
export const MAX_MERGED_AREAS = 512;

/** Values or formulas written to a range: a 2-D array of the range's size, or one value for every cell. */
function writeInputs(env: FakeEnv, t: RangeTarget, input: unknown, location: string): void {
  checkGridShape(input, t.box, location, `, the size of ${rangeA1(t.box)}`);
  // Check everything first: Excel rejects a bad array before changing any cell.
  const toText = env.behaviours.numberIntoTextCell;
  forEachCell(t.box, (row, col, r, c) =>
    coerceInput(inputAt(input, r, c), t.sheet.cells[toA1(row, col)]?.numberFormat, toText),
  );
  editRange(t, location, (cell, r, c) => {
    const addr = toA1(t.box.top + r, t.box.left + c);
    const co = coerceInput(inputAt(input, r, c), cell.numberFormat, toText);
    const memory = rememberFormula(env, t.sheet.name, addr, cell);
    if (co.kind === 'skip') return;
    if (co.kind === 'clear') {
      cell.value = null;
      cell.formula = undefined;
    } else if (co.kind === 'value') {
      cell.value = co.value;
      cell.formula = undefined;
      if (co.numberFormat) cell.numberFormat = co.numberFormat;
    } else {
      cell.formula = co.formula;
      cell.value = evaluate(co.formula, t.sheet, memory);
    }
  });
}

/** A formula's result: calculated when the small calculator knows it (and again after every sync that
 *  changed something), else the result it last had in that cell; HYPERLINK(…, text) shows its text; anything
 *  else shows nothing. */
function evaluate(formula: string, sheet: FakeSheet, memory: Map<string, FakeValue> | undefined): FakeValue {
  const v = calculate(formula, sheet);
  if (v !== undefined) return v;
  if (memory?.has(formula)) return memory.get(formula) ?? null;
  const link = /^=HYPERLINK\(\s*"[^"]*"\s*,\s*"((?:[^"]|"")*)"\s*\)$/i.exec(formula);
  if (link) return link[1].replace(/""/g, '"');
  return null;
}

export class FakeRange extends FakeClientObject<RangeTarget> {
  private _format?: FakeRangeFormat;

  constructor(
    ctx: FakeRequestContext,
    locate: () => RangeTarget | null,
    parent: AnyFakeObject,
    options: { requires?: string; orNull?: boolean } = {},
  ) {
    super(ctx, 'Range', locate, parent, options);
  }

  protected _scalars(): Record<string, ScalarSpec<RangeTarget>> {
    const env = this._env;
    const over = env.behaviours.overFiveMillionCells;
    // The stand-in has no user language for addresses: addressLocal is the address.
    const address: ScalarSpec<RangeTarget> = { get: (t) => sheetAddress(t.sheet.name, t.box) };
    return {
      address,
      addressLocal: address,
      rowIndex: { get: (t) => t.box.top },
      columnIndex: { get: (t) => t.box.left },
      rowCount: { get: (t) => boxSize(t.box).rows },
      columnCount: { get: (t) => boxSize(t.box).cols },
      cellCount: { get: (t) => boxCells(t.box) },
      // Strings, numbers and booleans, an error as its text (index.d.ts:38743); a 2-D array of the range's size;
      // null above five million cells in 'values-null'.
      values: {
        get: (t) => grid(t, 'Range.values', readValue, over),
        set: (t, v, location) => writeInputs(env, t, v, location),
      },
      // "If a cell has no formula, its value is returned instead" (index.d.ts:38581). Text kept as text with a
      // leading apostrophe comes back without it, as the model does not keep it (office-js#6687,
      // https://github.com/OfficeDev/office-js/issues/6687).
      formulas: {
        get: (t) => grid(t, 'Range.formulas', readFormula, over),
        set: (t, v, location) => writeInputs(env, t, v, location),
      },
      numberFormat: {
        get: (t) => grid(t, 'Range.numberFormat', readNumberFormat, over),
        set: (t, v, location) => {
          checkGridShape(v, t.box, location);
          editRange(t, location, (cell, r, c) => {
            const f = inputAt(v, r, c);
            if (f === null || f === undefined) return;
            if (typeof f !== 'string')
              throw new FakeOfficeError('InvalidArgument', location, 'format must be text');
            cell.numberFormat = f === 'General' ? undefined : f;
          });
        },
      },
      // Range.text (index.d.ts:38722): each value as the cell shows it in its number format; a date's serial in
      // the workbook's date system.
      text: {
        get: (t) =>
          grid(
            t,
            'Range.text',
            (c) => formatValue(c?.value ?? null, c?.numberFormat, env.model.date1904 === true),
            over,
          ),
      },
      valueTypes: { get: (t) => grid(t, 'Range.valueTypes', readValueType, over) },
      hyperlink: {
        requires: '1.7',
        get: (t) => t.sheet.cells[toA1(t.box.top, t.box.left)]?.hyperlink ?? null,
        set: (t, v, location) => {
          const link = v as FakeHyperlink | null;
          editRange(t, location, (cell) => {
            if (!link || (!link.address && !link.documentReference)) {
              cell.hyperlink = undefined;
              return;
            }
            const h: FakeHyperlink = {};
            if (link.address) h.address = link.address;
            if (link.documentReference) h.documentReference = link.documentReference;
            if (link.textToDisplay !== undefined) h.textToDisplay = link.textToDisplay;
            if (link.screenTip !== undefined) h.screenTip = link.screenTip;
            cell.hyperlink = h;
            if (link.textToDisplay !== undefined) {
              cell.value = link.textToDisplay;
              cell.formula = undefined;
            }
          });
        },
      },
    };
  }

  protected override _navs(): Record<string, () => AnyFakeObject> {
    return { format: () => this.format };
  }

  declare readonly address: string;
  declare readonly addressLocal: string;
  declare readonly rowIndex: number;
  declare readonly columnIndex: number;
  declare readonly rowCount: number;
  declare readonly columnCount: number;
  declare readonly cellCount: number;
  declare values: unknown[][];
  declare formulas: unknown[][];
  declare numberFormat: unknown[][];
  declare readonly text: string[][];
  declare readonly valueTypes: string[][];
  /** ExcelApi 1.7. */
  declare hyperlink: FakeHyperlink | null;

  get format(): FakeRangeFormat {
    return (this._format ??= new FakeRangeFormat(this.context, this));
  }

  /** Fails like activate when another workbook takes focus (excel-add-ins-troubleshooting.md). */
  select(): void {
    this._do('select', null, (t, location) => {
      focusLoss(this._env, 'Range.select', location);
      const m = this._env.model;
      m.activeSheet = t.sheet.name;
      m.selection = { sheet: t.sheet.name, address: rangeA1(t.box) };
    });
  }

  /** Range.merge(across?) (ExcelApi 1.2, index.d.ts Range.merge): one merged area (one per row when `across`);
   *  what the built-in self-test prepares its form with. Refused on a protected sheet. */
  merge(across?: boolean): void {
    this._do('merge', across ?? null, (t, location) => {
      guardWrite(t.sheet, location);
      const rows = across ? boxRows(t.box) : [t.box];
      for (const b of rows) t.sheet.merges.push(rangeA1(b));
    });
  }

  getCell(row: number, column: number): FakeRange {
    return new FakeRange(
      this.context,
      () => {
        const t = this._target();
        if (t === null) return null;
        return { sheet: t.sheet, box: cellBox(t.box.top + row, t.box.left + column) };
      },
      this,
    );
  }

  /** ExcelApi 1.13: the merged areas that lie in this range, or a null object when there are none. Over 512
   *  areas it "will fail to return the result" (index.d.ts:39143): it throws, or gives a null object, as the
   *  UNVERIFIED behaviour mergedAreasOver512 says. */
  getMergedAreasOrNullObject(): FakeRangeAreas {
    return new FakeRangeAreas(
      this.context,
      () => {
        const t = this._target();
        if (t === null) return null;
        const boxes = t.sheet.merges.map((m) => parseRef(m)).filter((b) => intersects(b, t.box));
        if (boxes.length > MAX_MERGED_AREAS) {
          if (this._env.behaviours.mergedAreasOver512 === 'null-object') return null;
          throw new FakeOfficeError(
            'GeneralException',
            'Range.getMergedAreasOrNullObject',
            `${boxes.length} merged areas, more than ${MAX_MERGED_AREAS}`,
          );
        }
        return boxes.length ? { sheet: t.sheet, boxes } : null;
      },
      this,
      { requires: '1.13', orNull: true },
    );
  }
}

interface AreasTarget {
  sheet: FakeSheet;
  boxes: CellRange[];
}

export class FakeRangeAreas extends FakeClientObject<AreasTarget> {
  constructor(
    ctx: FakeRequestContext,
    locate: () => AreasTarget | null,
    parent: AnyFakeObject,
    options: { requires?: string; orNull?: boolean },
  ) {
    super(ctx, 'RangeAreas', locate, parent, options);
  }

  protected _scalars(): Record<string, ScalarSpec<AreasTarget>> {
    const address: ScalarSpec<AreasTarget> = {
      get: (t) => t.boxes.map((b) => sheetAddress(t.sheet.name, b)).join(','),
    };
    return {
      address,
      addressLocal: address,
      areaCount: { get: (t) => t.boxes.length },
      cellCount: { get: (t) => t.boxes.reduce((n, b) => n + boxCells(b), 0) },
    };
  }

  declare readonly address: string;
  declare readonly addressLocal: string;
  declare readonly areaCount: number;
  declare readonly cellCount: number;
}
