// The Excel objects of the stand-in API: the subset the selfeval host uses, with Excel's property names,
// requirement sets and load rules (see runtime.ts). Pure TypeScript over a FakeWorkbookModel.
import { columnLetters, quoteSheetAsExcel, rangeA1, sheetAddress, toA1, type CellRange } from '../core/a1';
import { columnWidthPoints as charsToPoints } from '../core/column-width';
import {
  AUTOMATIC_FONT_COLOR,
  NO_FILL_COLOR,
  WHOLE_SHEET,
  boxCells,
  coerceInput,
  editCell,
  findSheet,
  forEachCell,
  intersects,
  normColor,
  parseRef,
  readFormula,
  readNumberFormat,
  readValue,
  splitSheetRef,
  usedBox,
} from './cells';
import { calculate } from './calc';
import { FakeOfficeError } from './errors';
import type { FakeCell, FakeComment, FakeHyperlink, FakeSheet, FakeWorkbookModel } from './model';
import {
  FakeClientObject,
  FakeCollection,
  FakeRequestContext,
  requireSet,
  type AnyFakeObject,
  type FakeClientResult,
  type ScalarSpec,
} from './runtime';

/** Largest range whose cells the stand-in will list or change one by one. */
const MAX_CELLS = 5_000_000;

interface RangeTarget {
  sheet: FakeSheet;
  box: CellRange;
}

function sheetOf(model: FakeWorkbookModel, name: string, location: string): FakeSheet {
  const s = findSheet(model, name);
  if (!s) throw new FakeOfficeError('ItemNotFound', location, `no worksheet named "${name}"`);
  return s;
}

function guardWrite(sheet: FakeSheet, location: string): void {
  if (sheet.protected)
    throw new FakeOfficeError('AccessDenied', location, `worksheet "${sheet.name}" is protected`);
}

function guardSize(box: CellRange, location: string): void {
  if (boxCells(box) > MAX_CELLS) {
    throw new FakeOfficeError('ResponsePayloadSizeLimitExceeded', location, `${boxCells(box)} cells`);
  }
}

function grid<V>(t: RangeTarget, location: string, read: (c: FakeCell | undefined) => V): V[][] {
  guardSize(t.box, location);
  const out: V[][] = [];
  forEachCell(t.box, (row, col, r) => {
    (out[r] ??= []).push(read(t.sheet.cells[toA1(row, col)]));
  });
  return out;
}

/** One value when every cell of the range agrees, else null (as Excel reports a mixed format). Cells that do
 *  not exist in the model count as default cells. */
function uniform<V>(t: RangeTarget, read: (c: FakeCell | undefined) => V): V | null {
  const seen = new Set<string>();
  let first: V | undefined;
  let count = 0;
  for (const [addr, cell] of Object.entries(t.sheet.cells)) {
    const box = parseRef(addr);
    if (!intersects(box, t.box)) continue;
    count++;
    const v = read(cell);
    seen.add(JSON.stringify(v));
    first ??= v;
  }
  if (count < boxCells(t.box)) {
    const v = read(undefined);
    seen.add(JSON.stringify(v));
    first ??= v;
  }
  return seen.size === 1 ? (first as V) : null;
}

/** Apply `change` to every cell of the range (creating cells as needed). */
function editRange(
  t: RangeTarget,
  location: string,
  change: (c: FakeCell, r: number, col: number) => void,
): void {
  guardWrite(t.sheet, location);
  if (boxCells(t.box) > 1_000_000) {
    throw new FakeOfficeError(
      'InvalidArgument',
      location,
      'the stand-in does not format more than 1,000,000 cells',
    );
  }
  forEachCell(t.box, (row, col, r, c) => editCell(t.sheet, row, col, (cell) => change(cell, r, c)));
}

/** Values or formulas written to a range: a 2-D array of the range's size, or one value for every cell. */
function writeInputs(env: FakeRequestContext['env'], t: RangeTarget, input: unknown, location: string): void {
  const rows = t.box.bottom - t.box.top + 1;
  const cols = t.box.right - t.box.left + 1;
  if (Array.isArray(input)) {
    const ok =
      input.length === rows && input.every((row: unknown) => Array.isArray(row) && row.length === cols);
    if (!ok) {
      throw new FakeOfficeError(
        'InvalidArgument',
        location,
        `the array is not ${rows}×${cols}, the size of ${rangeA1(t.box)}`,
      );
    }
  }
  // Check everything first: Excel rejects a bad array before changing any cell.
  const at = (r: number, c: number): unknown => (Array.isArray(input) ? (input[r] as unknown[])[c] : input);
  forEachCell(t.box, (row, col, r, c) => coerceInput(at(r, c), t.sheet.cells[toA1(row, col)]?.numberFormat));
  editRange(t, location, (cell, r, c) => {
    const addr = toA1(t.box.top + r, t.box.left + c);
    const co = coerceInput(at(r, c), cell.numberFormat);
    const memoryKey = `${t.sheet.name}!${addr}`;
    if (cell.formula !== undefined) {
      const m = env.formulaMemory.get(memoryKey) ?? new Map();
      m.set(cell.formula, cell.value);
      env.formulaMemory.set(memoryKey, m);
    }
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
      cell.value = evaluate(co.formula, t.sheet, env.formulaMemory.get(memoryKey));
    }
  });
}

/** A formula's result: calculated when the small calculator knows it (and again after every sync that
 *  changed something), else the result it last had in that cell; HYPERLINK(…, text) shows its text; anything
 *  else shows nothing. */
function evaluate(
  formula: string,
  sheet: FakeSheet,
  memory: Map<string, string | number | boolean | null> | undefined,
): FakeCell['value'] {
  const v = calculate(formula, sheet);
  if (v !== undefined) return v;
  if (memory?.has(formula)) return memory.get(formula) ?? null;
  const link = /^=HYPERLINK\(\s*"[^"]*"\s*,\s*"((?:[^"]|"")*)"\s*\)$/i.exec(formula);
  if (link) return link[1].replace(/""/g, '"');
  return null;
}

// Column widths: the model keeps characters (as in a .xlsx), Excel's API speaks points.
export { charsToPoints };
export function pointsToChars(points: number): number {
  return Math.round(((points / 0.75 - 5) / 7) * 100) / 100;
}
const DEFAULT_WIDTH_CHARS = 8.43;

// ---------------------------------------------------------------------------------------------------------
// Workbook

export class FakeWorkbook extends FakeClientObject<FakeWorkbookModel> {
  private _worksheets?: FakeWorksheetCollection;
  private _parts?: FakeCustomXmlPartCollection;
  private _notes?: FakeNoteCollection;
  private _comments?: FakeCommentCollection;

  constructor(ctx: FakeRequestContext) {
    super(ctx, 'Workbook', () => ctx.env.model, null);
  }

  protected _scalars(): Record<string, ScalarSpec<FakeWorkbookModel>> {
    return { name: { get: (m) => m.name, requires: '1.7' } };
  }

  protected override _navs(): Record<string, () => AnyFakeObject> {
    return {
      worksheets: () => this.worksheets,
      customXmlParts: () => this.customXmlParts,
      notes: () => this.notes,
      comments: () => this.comments,
    };
  }

  get name(): string {
    return this._get('name') as string;
  }

  get worksheets(): FakeWorksheetCollection {
    return (this._worksheets ??= new FakeWorksheetCollection(this.context, this));
  }

  /** ExcelApi 1.5. */
  get customXmlParts(): FakeCustomXmlPartCollection {
    return (this._parts ??= new FakeCustomXmlPartCollection(this.context, this));
  }

  /** ExcelApi 1.18. */
  get notes(): FakeNoteCollection {
    return (this._notes ??= new FakeNoteCollection(this.context, this, null));
  }

  /** ExcelApi 1.10. */
  get comments(): FakeCommentCollection {
    return (this._comments ??= new FakeCommentCollection(this.context, this, null));
  }
}

// ---------------------------------------------------------------------------------------------------------
// Worksheets

export class FakeWorksheetCollection extends FakeCollection<FakeWorkbookModel, FakeWorksheet> {
  constructor(ctx: FakeRequestContext, parent: FakeWorkbook) {
    super(ctx, 'WorksheetCollection', () => ctx.env.model, parent);
  }

  protected _keys(m: FakeWorkbookModel): string[] {
    return m.sheets.map((s) => s.name);
  }

  protected _makeItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => sheetOf(this._env.model, name, 'Worksheet'), this);
  }

  getItem(key: string): FakeWorksheet {
    return new FakeWorksheet(
      this.context,
      () => sheetOf(this._env.model, key, 'WorksheetCollection.getItem'),
      this,
    );
  }

  /** ExcelApi 1.4. */
  getItemOrNullObject(key: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => findSheet(this._env.model, key) ?? null, this, {
      requires: '1.4',
      orNull: true,
    });
  }

  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(
      this.context,
      () => {
        const m = this._env.model;
        const active = m.activeSheet ? findSheet(m, m.activeSheet) : undefined;
        return active ?? m.sheets.find((s) => s.visibility !== 'Hidden') ?? m.sheets[0];
      },
      this,
    );
  }

  /** ExcelApi 1.4. */
  getCount(): FakeClientResult<number> {
    return this._call('getCount', (m) => m.sheets.length, '1.4');
  }

  add(name?: string): FakeWorksheet {
    const ref = { name: name ?? '' };
    this._do('add', name ?? null, (m, location) => {
      if (name !== undefined) {
        if (!name || name.length > 31 || /[[\]:*?/\\]/.test(name) || /^'|'$/.test(name)) {
          throw new FakeOfficeError('InvalidArgument', location, `not a valid sheet name: "${name}"`);
        }
        if (findSheet(m, name)) {
          throw new FakeOfficeError('ItemAlreadyExists', location, `a sheet named "${name}" already exists`);
        }
      } else {
        let n = m.sheets.length + 1;
        while (findSheet(m, `Sheet${n}`)) n++;
        ref.name = `Sheet${n}`;
      }
      m.sheets.push({ name: ref.name, cells: {}, merges: [], comments: [] });
    });
    return new FakeWorksheet(this.context, () => sheetOf(this._env.model, ref.name, 'Worksheet'), this);
  }
}

export class FakeWorksheet extends FakeClientObject<FakeSheet> {
  private _protection?: FakeWorksheetProtection;
  private _notes?: FakeNoteCollection;
  private _comments?: FakeCommentCollection;

  constructor(
    ctx: FakeRequestContext,
    locate: () => FakeSheet | null,
    parent: AnyFakeObject,
    options: { requires?: string; orNull?: boolean } = {},
  ) {
    super(ctx, 'Worksheet', locate, parent, options);
  }

  protected _scalars(): Record<string, ScalarSpec<FakeSheet>> {
    const model = (): FakeWorkbookModel => this._env.model;
    return {
      name: { get: (s) => s.name },
      position: { get: (s) => model().sheets.indexOf(s) },
      visibility: {
        get: (s) => s.visibility ?? 'Visible',
        set: (s, v, location) => {
          if (v !== 'Visible' && v !== 'Hidden')
            throw new FakeOfficeError('InvalidArgument', location, String(v));
          if (v === 'Visible') delete s.visibility;
          else s.visibility = 'Hidden';
        },
      },
    };
  }

  protected override _navs(): Record<string, () => AnyFakeObject> {
    return { protection: () => this.protection, notes: () => this.notes, comments: () => this.comments };
  }

  get name(): string {
    return this._get('name') as string;
  }
  get position(): number {
    return this._get('position') as number;
  }
  get visibility(): string {
    return this._get('visibility') as string;
  }
  set visibility(v: string) {
    this._set('visibility', v);
  }

  /** ExcelApi 1.2. */
  get protection(): FakeWorksheetProtection {
    return (this._protection ??= new FakeWorksheetProtection(this.context, this));
  }

  /** ExcelApi 1.18. */
  get notes(): FakeNoteCollection {
    return (this._notes ??= new FakeNoteCollection(this.context, this, this));
  }

  /** ExcelApi 1.10. */
  get comments(): FakeCommentCollection {
    return (this._comments ??= new FakeCommentCollection(this.context, this, this));
  }

  /** The whole sheet without an address. */
  getRange(address?: string): FakeRange {
    return new FakeRange(
      this.context,
      () => {
        const sheet = this._target();
        if (sheet === null) return null;
        if (address === undefined) return { sheet, box: WHOLE_SHEET };
        const { sheet: named, ref } = splitSheetRef(address);
        if (named !== null && named.toLowerCase() !== sheet.name.toLowerCase()) {
          throw new FakeOfficeError(
            'InvalidArgument',
            'Worksheet.getRange',
            `${address} is not on ${sheet.name}`,
          );
        }
        return { sheet, box: parseRef(ref) };
      },
      this,
    );
  }

  getCell(row: number, column: number): FakeRange {
    return this.getRange(toA1(row, column));
  }

  /** An empty sheet gives A1, as in Excel. valuesOnly needs ExcelApi 1.2. */
  getUsedRange(valuesOnly?: boolean): FakeRange {
    return new FakeRange(
      this.context,
      () => {
        const sheet = this._target();
        if (sheet === null) return null;
        if (valuesOnly !== undefined) requireSet(this._env, '1.2', 'Worksheet.getUsedRange(valuesOnly)');
        return {
          sheet,
          box: usedBox(sheet, valuesOnly ?? false) ?? { top: 0, left: 0, bottom: 0, right: 0 },
        };
      },
      this,
    );
  }

  /** ExcelApi 1.4: a null object for an empty sheet. */
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    return new FakeRange(
      this.context,
      () => {
        const sheet = this._target();
        if (sheet === null) return null;
        const box = usedBox(sheet, valuesOnly ?? false);
        return box ? { sheet, box } : null;
      },
      this,
      { requires: '1.4', orNull: true },
    );
  }

  activate(): void {
    this._do('activate', null, (s) => {
      this._env.model.activeSheet = s.name;
    });
  }

  delete(): void {
    this._do('delete', null, (s, location) => {
      const m = this._env.model;
      const visible = m.sheets.filter((x) => x.visibility !== 'Hidden');
      if (visible.length === 1 && visible[0] === s) {
        throw new FakeOfficeError(
          'InvalidOperation',
          location,
          'a workbook must keep at least one visible sheet',
        );
      }
      m.sheets.splice(m.sheets.indexOf(s), 1);
      if (m.activeSheet === s.name) m.activeSheet = m.sheets.find((x) => x.visibility !== 'Hidden')?.name;
      if (m.selection?.sheet === s.name) delete m.selection;
      if (m.activeSheet === undefined) delete m.activeSheet;
    });
  }
}

export class FakeWorksheetProtection extends FakeClientObject<FakeSheet> {
  constructor(ctx: FakeRequestContext, parent: FakeWorksheet) {
    super(ctx, 'WorksheetProtection', () => parent._target(), parent, { requires: '1.2' });
  }

  protected _scalars(): Record<string, ScalarSpec<FakeSheet>> {
    return { protected: { get: (s) => s.protected === true } };
  }

  get protected(): boolean {
    return this._get('protected') as boolean;
  }

  protect(): void {
    this._do('protect', null, (s) => {
      s.protected = true;
    });
  }

  unprotect(): void {
    this._do('unprotect', null, (s) => {
      delete s.protected;
    });
  }
}

// ---------------------------------------------------------------------------------------------------------
// Ranges

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
    return {
      address: { get: (t) => sheetAddress(t.sheet.name, t.box) },
      addressLocal: { get: (t) => sheetAddress(t.sheet.name, t.box) },
      rowIndex: { get: (t) => t.box.top },
      columnIndex: { get: (t) => t.box.left },
      rowCount: { get: (t) => t.box.bottom - t.box.top + 1 },
      columnCount: { get: (t) => t.box.right - t.box.left + 1 },
      cellCount: { get: (t) => boxCells(t.box) },
      values: {
        get: (t) => grid(t, 'Range.values', readValue),
        set: (t, v, location) => writeInputs(env, t, v, location),
      },
      formulas: {
        get: (t) => grid(t, 'Range.formulas', readFormula),
        set: (t, v, location) => writeInputs(env, t, v, location),
      },
      numberFormat: {
        get: (t) => grid(t, 'Range.numberFormat', readNumberFormat),
        set: (t, v, location) => {
          const rows = t.box.bottom - t.box.top + 1;
          const cols = t.box.right - t.box.left + 1;
          if (
            Array.isArray(v) &&
            !(v.length === rows && v.every((r) => Array.isArray(r) && r.length === cols))
          ) {
            throw new FakeOfficeError('InvalidArgument', location, `the array is not ${rows}×${cols}`);
          }
          editRange(t, location, (cell, r, c) => {
            const f = Array.isArray(v) ? (v[r] as unknown[])[c] : v;
            if (f === null || f === undefined) return;
            if (typeof f !== 'string')
              throw new FakeOfficeError('InvalidArgument', location, 'format must be text');
            cell.numberFormat = f === 'General' ? undefined : f;
          });
        },
      },
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

  get address(): string {
    return this._get('address') as string;
  }
  get addressLocal(): string {
    return this._get('addressLocal') as string;
  }
  get rowIndex(): number {
    return this._get('rowIndex') as number;
  }
  get columnIndex(): number {
    return this._get('columnIndex') as number;
  }
  get rowCount(): number {
    return this._get('rowCount') as number;
  }
  get columnCount(): number {
    return this._get('columnCount') as number;
  }
  get cellCount(): number {
    return this._get('cellCount') as number;
  }
  get values(): unknown[][] {
    return this._get('values') as unknown[][];
  }
  set values(v: unknown[][]) {
    this._set('values', v);
  }
  get formulas(): unknown[][] {
    return this._get('formulas') as unknown[][];
  }
  set formulas(v: unknown[][]) {
    this._set('formulas', v);
  }
  get numberFormat(): unknown[][] {
    return this._get('numberFormat') as unknown[][];
  }
  set numberFormat(v: unknown[][]) {
    this._set('numberFormat', v);
  }
  /** ExcelApi 1.7. */
  get hyperlink(): FakeHyperlink | null {
    return this._get('hyperlink') as FakeHyperlink | null;
  }
  set hyperlink(v: FakeHyperlink | null) {
    this._set('hyperlink', v);
  }

  get format(): FakeRangeFormat {
    return (this._format ??= new FakeRangeFormat(this.context, this));
  }

  select(): void {
    this._do('select', null, (t) => {
      const m = this._env.model;
      m.activeSheet = t.sheet.name;
      m.selection = { sheet: t.sheet.name, address: rangeA1(t.box) };
    });
  }

  getCell(row: number, column: number): FakeRange {
    return new FakeRange(
      this.context,
      () => {
        const t = this._target();
        if (t === null) return null;
        const r = t.box.top + row;
        const c = t.box.left + column;
        return { sheet: t.sheet, box: { top: r, left: c, bottom: r, right: c } };
      },
      this,
    );
  }

  /** ExcelApi 1.13: the merged areas that lie in this range, or a null object when there are none. */
  getMergedAreasOrNullObject(): FakeRangeAreas {
    return new FakeRangeAreas(
      this.context,
      () => {
        const t = this._target();
        if (t === null) return null;
        const boxes = t.sheet.merges.map((m) => parseRef(m)).filter((b) => intersects(b, t.box));
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
    return {
      address: { get: (t) => t.boxes.map((b) => sheetAddress(t.sheet.name, b)).join(',') },
      addressLocal: { get: (t) => t.boxes.map((b) => sheetAddress(t.sheet.name, b)).join(',') },
      areaCount: { get: (t) => t.boxes.length },
      cellCount: { get: (t) => t.boxes.reduce((n, b) => n + boxCells(b), 0) },
    };
  }

  get address(): string {
    return this._get('address') as string;
  }
  get areaCount(): number {
    return this._get('areaCount') as number;
  }
  get cellCount(): number {
    return this._get('cellCount') as number;
  }
}

export class FakeRangeFormat extends FakeClientObject<RangeTarget> {
  private _fill?: FakeRangeFill;
  private _font?: FakeRangeFont;

  constructor(ctx: FakeRequestContext, parent: FakeRange) {
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
    };
  }

  protected override _navs(): Record<string, () => AnyFakeObject> {
    return { fill: () => this.fill, font: () => this.font };
  }

  get columnWidth(): number {
    return this._get('columnWidth') as number;
  }
  set columnWidth(v: number) {
    this._set('columnWidth', v);
  }

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
    return {
      // Excel reports "no fill" as white.
      color: {
        get: (t) => uniform(t, (c) => c?.fill ?? NO_FILL_COLOR),
        set: (t, v, location) => {
          const color = normColor(v, location);
          editRange(t, location, (cell) => {
            cell.fill = color;
          });
        },
      },
      pattern: { requires: '1.9', get: (t) => uniform(t, (c) => (c?.fill ? 'Solid' : 'None')) },
    };
  }

  get color(): string {
    return this._get('color') as string;
  }
  set color(v: string) {
    this._set('color', v);
  }
  /** ExcelApi 1.9. */
  get pattern(): string {
    return this._get('pattern') as string;
  }

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
      // Excel reports the automatic font colour as black, and its API cannot set "automatic" back.
      color: {
        get: (t) => uniform(t, (c) => c?.fontColor ?? AUTOMATIC_FONT_COLOR),
        set: (t, v, location) => {
          const color = normColor(v, location);
          editRange(t, location, (cell) => {
            cell.fontColor = color;
          });
        },
      },
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

  get color(): string {
    return this._get('color') as string;
  }
  set color(v: string) {
    this._set('color', v);
  }
  get bold(): boolean {
    return this._get('bold') as boolean;
  }
  set bold(v: boolean) {
    this._set('bold', v);
  }
}

// ---------------------------------------------------------------------------------------------------------
// Notes (ExcelApi 1.18) and threaded comments (ExcelApi 1.10)

interface CellTarget {
  sheet: FakeSheet;
  row: number;
  col: number;
}

/** A single cell named by a Range proxy or an address ("A1" within a sheet's collection, "Sheet1!A1"). */
function resolveCell(
  model: FakeWorkbookModel,
  scope: FakeSheet | null,
  cellAddress: string | FakeRange,
  requireSheetName: boolean,
  location: string,
): CellTarget {
  let sheet: FakeSheet;
  let box: CellRange;
  if (typeof cellAddress === 'string') {
    const { sheet: named, ref } = splitSheetRef(cellAddress);
    if (named === null && (requireSheetName || !scope)) {
      throw new FakeOfficeError(
        'InvalidArgument',
        location,
        `"${cellAddress}" must name its sheet ("Sheet1!A1")`,
      );
    }
    sheet = named === null ? (scope as FakeSheet) : sheetOf(model, named, location);
    box = parseRef(ref);
  } else {
    const t = cellAddress._target();
    if (t === null) throw new FakeOfficeError('InvalidObjectPath', location, 'the range is a null object');
    sheet = t.sheet;
    box = t.box;
  }
  if (scope && sheet !== scope)
    throw new FakeOfficeError('InvalidArgument', location, 'the cell is on another sheet');
  if (boxCells(box) !== 1)
    throw new FakeOfficeError('InvalidArgument', location, 'not a single cell (InvalidCellAddress)');
  return { sheet, row: box.top, col: box.left };
}

function cellKey(t: CellTarget): string {
  return `${quoteSheetAsExcel(t.sheet.name)}!${toA1(t.row, t.col)}`;
}

function keyCell(
  model: FakeWorkbookModel,
  key: string,
  scope: FakeSheet | null,
  location: string,
): CellTarget {
  return resolveCell(model, scope, key, false, location);
}

function sortedAddresses(addrs: string[]): string[] {
  return addrs
    .map((a) => ({ a, b: parseRef(a) }))
    .sort((x, y) => x.b.top - y.b.top || x.b.left - y.b.left)
    .map((x) => x.a);
}

/** A collection over the sheets of the workbook, or of one worksheet (worksheet.notes, worksheet.comments). */
abstract class FakeSheetScopedCollection<I extends AnyFakeObject> extends FakeCollection<FakeSheet[], I> {
  private readonly sheetProxy: FakeWorksheet | null;

  constructor(
    ctx: FakeRequestContext,
    kind: string,
    parent: AnyFakeObject,
    sheet: FakeWorksheet | null,
    requires: string,
  ) {
    super(
      ctx,
      kind,
      () => {
        if (!sheet) return ctx.env.model.sheets;
        const s = sheet._target();
        return s === null ? null : [s];
      },
      parent,
      { requires },
    );
    this.sheetProxy = sheet;
  }

  protected scope(): FakeSheet | null {
    return this.sheetProxy ? this.sheetProxy._target() : null;
  }

  getCount(): FakeClientResult<number> {
    return this._call('getCount', (sheets) => this._keys(sheets).length);
  }
}

export class FakeNoteCollection extends FakeSheetScopedCollection<FakeNote> {
  constructor(ctx: FakeRequestContext, parent: AnyFakeObject, sheet: FakeWorksheet | null) {
    super(ctx, 'NoteCollection', parent, sheet, '1.18');
  }

  protected _keys(sheets: FakeSheet[]): string[] {
    return sheets.flatMap((s) =>
      sortedAddresses(Object.keys(s.cells).filter((a) => s.cells[a].note !== undefined)).map(
        (a) => `${quoteSheetAsExcel(s.name)}!${a}`,
      ),
    );
  }

  protected _makeItem(key: string): FakeNote {
    return this.noteAt(key, false);
  }

  private noteAt(key: string, orNull: boolean): FakeNote {
    return new FakeNote(
      this.context,
      () => {
        this._target();
        const t = keyCell(this._env.model, key, this.scope(), 'NoteCollection.getItem');
        if (t.sheet.cells[toA1(t.row, t.col)]?.note !== undefined) return t;
        if (orNull) return null;
        throw new FakeOfficeError('ItemNotFound', 'NoteCollection.getItem', `no note at ${key}`);
      },
      this,
      { orNull },
    );
  }

  add(cellAddress: string | FakeRange, content: unknown): FakeNote {
    const ref = { key: '' };
    this._do('add', { content }, (_sheets, location) => {
      const t = resolveCell(this._env.model, this.scope(), cellAddress, false, location);
      guardWrite(t.sheet, location);
      const addr = toA1(t.row, t.col);
      if (t.sheet.cells[addr]?.note !== undefined) {
        throw new FakeOfficeError('InvalidOperation', location, `${addr} already has a note`);
      }
      if (t.sheet.comments.some((c) => c.cell === addr)) {
        throw new FakeOfficeError('InvalidOperation', location, `${addr} already has a threaded comment`);
      }
      editCell(t.sheet, t.row, t.col, (c) => {
        c.note = String(content);
      });
      ref.key = cellKey(t);
    });
    return new FakeNote(this.context, () => keyCell(this._env.model, ref.key, null, 'Note'), this);
  }

  getItem(key: string): FakeNote {
    return this.noteAt(key, false);
  }

  getItemOrNullObject(key: string): FakeNote {
    return this.noteAt(key, true);
  }
}

export class FakeNote extends FakeClientObject<CellTarget> {
  constructor(
    ctx: FakeRequestContext,
    locate: () => CellTarget | null,
    parent: AnyFakeObject,
    options: { orNull?: boolean } = {},
  ) {
    super(ctx, 'Note', locate, parent, options);
  }

  protected _scalars(): Record<string, ScalarSpec<CellTarget>> {
    return {
      content: {
        get: (t) => t.sheet.cells[toA1(t.row, t.col)]?.note ?? null,
        set: (t, v, location) => {
          guardWrite(t.sheet, location);
          editCell(t.sheet, t.row, t.col, (c) => {
            c.note = String(v);
          });
        },
      },
      authorName: { get: () => this._env.userName },
    };
  }

  get content(): string {
    return this._get('content') as string;
  }
  set content(v: string) {
    this._set('content', v);
  }
  get authorName(): string {
    return this._get('authorName') as string;
  }

  delete(): void {
    this._do('delete', null, (t, location) => {
      guardWrite(t.sheet, location);
      editCell(t.sheet, t.row, t.col, (c) => {
        c.note = undefined;
      });
    });
  }

  getLocation(): FakeRange {
    return new FakeRange(
      this.context,
      () => {
        const t = this._target();
        return t === null
          ? null
          : { sheet: t.sheet, box: { top: t.row, left: t.col, bottom: t.row, right: t.col } };
      },
      this,
    );
  }
}

interface CommentTarget {
  sheet: FakeSheet;
  comment: FakeComment;
}

/** Comment ids: opaque to the add-in, stable for a cell's thread. */
function commentId(sheet: FakeSheet, c: FakeComment): string {
  return `{comment:${sheet.name}!${c.cell}}`;
}

export class FakeCommentCollection extends FakeSheetScopedCollection<FakeComment_> {
  constructor(ctx: FakeRequestContext, parent: AnyFakeObject, sheet: FakeWorksheet | null) {
    super(ctx, 'CommentCollection', parent, sheet, '1.10');
  }

  protected _keys(sheets: FakeSheet[]): string[] {
    return sheets.flatMap((s) => s.comments.map((c) => commentId(s, c)));
  }

  protected _makeItem(id: string): FakeComment_ {
    return this.byId(id, false);
  }

  private find(id: string): CommentTarget | null {
    const sheets = this._target() ?? [];
    for (const sheet of sheets) {
      const comment = sheet.comments.find((c) => commentId(sheet, c) === id);
      if (comment) return { sheet, comment };
    }
    return null;
  }

  private byId(id: string, orNull: boolean, requires?: string): FakeComment_ {
    return new FakeComment_(
      this.context,
      () => {
        const found = this.find(id);
        if (found || orNull) return found;
        throw new FakeOfficeError('ItemNotFound', 'CommentCollection.getItem', `no comment ${id}`);
      },
      this,
      { orNull, requires },
    );
  }

  /** The string form must name the sheet ("Sheet1!B7"). */
  add(cellAddress: string | FakeRange, content: unknown, contentType?: string): FakeComment_ {
    const ref: { t: CommentTarget | null } = { t: null };
    this._do('add', { content, contentType }, (_sheets, location) => {
      if (typeof content !== 'string') {
        throw new FakeOfficeError('InvalidArgument', location, 'rich comment content needs ExcelApi 1.11');
      }
      const t = resolveCell(this._env.model, this.scope(), cellAddress, true, location);
      guardWrite(t.sheet, location);
      const addr = toA1(t.row, t.col);
      if (t.sheet.comments.some((c) => c.cell === addr)) {
        throw new FakeOfficeError('InvalidOperation', location, `${addr} already has a comment thread`);
      }
      if (t.sheet.cells[addr]?.note !== undefined) {
        throw new FakeOfficeError('InvalidOperation', location, `${addr} already has a note`);
      }
      const comment: FakeComment = { cell: addr, content, author: this._env.userName };
      t.sheet.comments.push(comment);
      ref.t = { sheet: t.sheet, comment };
    });
    return new FakeComment_(
      this.context,
      () => {
        if (!ref.t || !ref.t.sheet.comments.includes(ref.t.comment)) {
          throw new FakeOfficeError('ItemNotFound', 'Comment');
        }
        return ref.t;
      },
      this,
    );
  }

  getItem(commentId: string): FakeComment_ {
    return this.byId(commentId, false);
  }

  /** ExcelApi 1.14. */
  getItemOrNullObject(commentId: string): FakeComment_ {
    return this.byId(commentId, true, '1.14');
  }

  getItemAt(index: number): FakeComment_ {
    return new FakeComment_(
      this.context,
      () => {
        const sheets = this._target() ?? [];
        const all = sheets.flatMap((sheet) => sheet.comments.map((comment) => ({ sheet, comment })));
        const t = all[index];
        if (!t)
          throw new FakeOfficeError('ItemNotFound', 'CommentCollection.getItemAt', `no comment #${index}`);
        return t;
      },
      this,
    );
  }

  getItemByCell(cellAddress: string | FakeRange): FakeComment_ {
    return new FakeComment_(
      this.context,
      () => {
        const location = 'CommentCollection.getItemByCell';
        this._target();
        const t = resolveCell(this._env.model, this.scope(), cellAddress, true, location);
        const comment = t.sheet.comments.find((c) => c.cell === toA1(t.row, t.col));
        if (!comment)
          throw new FakeOfficeError('ItemNotFound', location, `no comment at ${toA1(t.row, t.col)}`);
        return { sheet: t.sheet, comment };
      },
      this,
    );
  }
}

// Named with a trailing underscore so as not to clash with the model's FakeComment.
export class FakeComment_ extends FakeClientObject<CommentTarget> {
  constructor(
    ctx: FakeRequestContext,
    locate: () => CommentTarget | null,
    parent: AnyFakeObject,
    options: { orNull?: boolean; requires?: string } = {},
  ) {
    super(ctx, 'Comment', locate, parent, options);
  }

  protected _scalars(): Record<string, ScalarSpec<CommentTarget>> {
    return {
      id: { get: (t) => commentId(t.sheet, t.comment) },
      content: {
        get: (t) => t.comment.content,
        set: (t, v, location) => {
          guardWrite(t.sheet, location);
          t.comment.content = String(v);
        },
      },
      authorName: { get: (t) => t.comment.author ?? '' },
    };
  }

  get id(): string {
    return this._get('id') as string;
  }
  get content(): string {
    return this._get('content') as string;
  }
  set content(v: string) {
    this._set('content', v);
  }
  get authorName(): string {
    return this._get('authorName') as string;
  }

  delete(): void {
    this._do('delete', null, (t, location) => {
      guardWrite(t.sheet, location);
      t.sheet.comments.splice(t.sheet.comments.indexOf(t.comment), 1);
    });
  }

  getLocation(): FakeRange {
    return new FakeRange(
      this.context,
      () => {
        const t = this._target();
        if (t === null) return null;
        return { sheet: t.sheet, box: parseRef(t.comment.cell) };
      },
      this,
    );
  }
}

// ---------------------------------------------------------------------------------------------------------
// Custom XML parts (ExcelApi 1.5)

type Part = FakeWorkbookModel['customXmlParts'][number];

/** The namespace of the root element: xmlns="…" (or xmlns:p="…" for a prefixed root). */
export function rootNamespace(xml: string): string | null {
  const body = xml.replace(/<\?[\s\S]*?\?>/g, '').replace(/<!--[\s\S]*?-->/g, '');
  const m = /<([A-Za-z_][\w.-]*)(?::([\w.-]+))?((?:\s+[^>]*?)?)\s*(\/?)>/.exec(body);
  if (!m) return null;
  const prefix = m[2] ? m[1] : null;
  const attrs = m[3] ?? '';
  const ns = new RegExp(`xmlns${prefix ? `:${prefix}` : ''}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attrs);
  return ns ? (ns[1] ?? ns[2]) : '';
}

function checkXml(xml: unknown, location: string): string {
  if (typeof xml !== 'string' || rootNamespace(xml) === null) {
    throw new FakeOfficeError('InvalidArgument', location, 'not an XML document');
  }
  const body = xml.replace(/<\?[\s\S]*?\?>/g, '').trim();
  const root = /^<([A-Za-z_][\w.:-]*)/.exec(body);
  const selfClosing = /\/>\s*$/.test(body) && (body.match(/</g) ?? []).length === 1;
  if (!root || (!selfClosing && !body.endsWith(`</${root[1]}>`))) {
    throw new FakeOfficeError('InvalidArgument', location, 'the XML is not well formed');
  }
  return xml;
}

function newPartId(model: FakeWorkbookModel): string {
  let n = model.customXmlParts.length + 1;
  const id = (k: number): string =>
    `{5E1FEA15-0000-4000-8000-${k.toString(16).toUpperCase().padStart(12, '0')}}`;
  while (model.customXmlParts.some((p) => p.id === id(n))) n++;
  return id(n);
}

export class FakeCustomXmlPartCollection extends FakeCollection<FakeWorkbookModel, FakeCustomXmlPart> {
  constructor(ctx: FakeRequestContext, parent: FakeWorkbook) {
    super(ctx, 'CustomXmlPartCollection', () => ctx.env.model, parent, { requires: '1.5' });
  }

  protected _keys(m: FakeWorkbookModel): string[] {
    return m.customXmlParts.map((p) => p.id);
  }

  protected _makeItem(id: string): FakeCustomXmlPart {
    return partById(this, id, false);
  }

  add(xml: string): FakeCustomXmlPart {
    const ref = { id: '' };
    this._do('add', xml, (m, location) => {
      checkXml(xml, location);
      ref.id = newPartId(m);
      m.customXmlParts.push({ id: ref.id, xml });
    });
    return new FakeCustomXmlPart(
      this.context,
      () => {
        const p = this._env.model.customXmlParts.find((x) => x.id === ref.id);
        if (!p) throw new FakeOfficeError('ItemNotFound', 'CustomXmlPart');
        return p;
      },
      this,
    );
  }

  getByNamespace(namespaceUri: string): FakeCustomXmlPartScopedCollection {
    return new FakeCustomXmlPartScopedCollection(this.context, this, namespaceUri);
  }

  getItem(id: string): FakeCustomXmlPart {
    return partById(this, id, false);
  }

  getItemOrNullObject(id: string): FakeCustomXmlPart {
    return partById(this, id, true);
  }

  getCount(): FakeClientResult<number> {
    return this._call('getCount', (m) => m.customXmlParts.length);
  }
}

function partById(
  parent: AnyFakeObject,
  id: string,
  orNull: boolean,
  scope?: () => Part[],
): FakeCustomXmlPart {
  return new FakeCustomXmlPart(
    parent.context,
    () => {
      parent._target();
      const list = scope ? scope() : parent.context.env.model.customXmlParts;
      const p = list.find((x) => x.id === id);
      if (p || orNull) return p ?? null;
      throw new FakeOfficeError('ItemNotFound', 'CustomXmlPartCollection.getItem', `no part ${id}`);
    },
    parent,
    { orNull },
  );
}

export class FakeCustomXmlPartScopedCollection extends FakeCollection<Part[], FakeCustomXmlPart> {
  constructor(ctx: FakeRequestContext, parent: FakeCustomXmlPartCollection, namespaceUri: string) {
    super(
      ctx,
      'CustomXmlPartScopedCollection',
      () => ctx.env.model.customXmlParts.filter((p) => rootNamespace(p.xml) === namespaceUri),
      parent,
    );
  }

  protected _keys(parts: Part[]): string[] {
    return parts.map((p) => p.id);
  }

  protected _makeItem(id: string): FakeCustomXmlPart {
    return partById(this, id, false, () => this._target() ?? []);
  }

  getItem(id: string): FakeCustomXmlPart {
    return partById(this, id, false, () => this._target() ?? []);
  }

  getItemOrNullObject(id: string): FakeCustomXmlPart {
    return partById(this, id, true, () => this._target() ?? []);
  }

  getCount(): FakeClientResult<number> {
    return this._call('getCount', (parts) => parts.length);
  }

  getOnlyItem(): FakeCustomXmlPart {
    return this.only(false);
  }

  getOnlyItemOrNullObject(): FakeCustomXmlPart {
    return this.only(true);
  }

  private only(orNull: boolean): FakeCustomXmlPart {
    return new FakeCustomXmlPart(
      this.context,
      () => {
        const parts = this._target() ?? [];
        if (parts.length === 1) return parts[0];
        if (orNull) return null;
        throw new FakeOfficeError(
          parts.length === 0 ? 'ItemNotFound' : 'InvalidOperation',
          'CustomXmlPartScopedCollection.getOnlyItem',
          `${parts.length} parts`,
        );
      },
      this,
      { orNull },
    );
  }
}

export class FakeCustomXmlPart extends FakeClientObject<Part> {
  constructor(
    ctx: FakeRequestContext,
    locate: () => Part | null,
    parent: AnyFakeObject,
    options: { orNull?: boolean } = {},
  ) {
    super(ctx, 'CustomXmlPart', locate, parent, options);
  }

  protected _scalars(): Record<string, ScalarSpec<Part>> {
    return {
      id: { get: (p) => p.id },
      namespaceUri: { get: (p) => rootNamespace(p.xml) ?? '' },
    };
  }

  get id(): string {
    return this._get('id') as string;
  }
  get namespaceUri(): string {
    return this._get('namespaceUri') as string;
  }

  getXml(): FakeClientResult<string> {
    return this._call('getXml', (p) => p.xml);
  }

  setXml(xml: string): void {
    this._do('setXml', xml, (p, location) => {
      p.xml = checkXml(xml, location);
    });
  }

  delete(): void {
    this._do('delete', null, (p) => {
      const parts = this._env.model.customXmlParts;
      parts.splice(parts.indexOf(p), 1);
    });
  }
}
