// WorksheetCollection and Worksheet: the sheets of the workbook, found by name (case-insensitive, as in
// Excel), added, activated, renamed, hidden and deleted; a worksheet hands out its ranges, protection, notes and
// comments. Sheet operations fail on a structure-protected workbook (protection.ts) and, when injected, when
// another workbook takes focus (runtime.ts focusLoss).
import { toA1 } from '../core/a1';
import { WHOLE_SHEET, findSheet, parseRef, sheetOf, splitSheetRef, usedBox } from './cells';
import {
  FakeClientObject,
  FakeCollection,
  type AnyFakeObject,
  type FakeClientResult,
  type ScalarSpec,
} from './client-object';
import { FakeCommentCollection, FakeNoteCollection } from './comments';
import { FakeOfficeError } from './errors';
import type { FakeSheet, FakeWorkbookModel } from './model';
import { FakePageLayout } from './page-layout';
import { FakeWorksheetProtection, guardStructure } from './protection';
import { FakeRange } from './range';
import { focusLoss, requireSet, type FakeRequestContext } from './runtime';

/** Neither Hidden nor VeryHidden. */
function isVisible(sheet: FakeSheet): boolean {
  return sheet.visibility === undefined || sheet.visibility === 'Visible';
}

/** At most 31 characters; none of \ / ? * [ ] :; no leading or trailing apostrophe; unique whatever the case
 *  (Excel's rules for sheet names, as checked in excel-behaviours.md §2.14). */
function checkSheetName(m: FakeWorkbookModel, name: string, location: string, self?: FakeSheet): void {
  if (!name || name.length > 31 || /[[\]:*?/\\]/.test(name) || /^'|'$/.test(name)) {
    throw new FakeOfficeError('InvalidArgument', location, `not a valid sheet name: "${name}"`);
  }
  const other = findSheet(m, name);
  if (other && other !== self) {
    throw new FakeOfficeError('ItemAlreadyExists', location, `a sheet named "${name}" already exists`);
  }
}

export class FakeWorksheetCollection extends FakeCollection<FakeWorkbookModel, FakeWorksheet> {
  constructor(ctx: FakeRequestContext, parent: AnyFakeObject) {
    super(ctx, 'WorksheetCollection', () => ctx.env.model, parent);
  }

  protected _keys(m: FakeWorkbookModel): string[] {
    return m.sheets.map((s) => s.name);
  }

  protected _makeItem(name: string): FakeWorksheet {
    return this.named(() => name, 'Worksheet');
  }

  /** The sheet named `name()` when an action runs; ItemNotFound if there is none. */
  private named(name: () => string, location: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => sheetOf(this._env.model, name(), location), this);
  }

  getItem(key: string): FakeWorksheet {
    return this.named(() => key, 'WorksheetCollection.getItem');
  }

  /** ExcelApi 1.4 (index.d.ts:37924). */
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
        return active ?? m.sheets.find(isVisible) ?? m.sheets[0];
      },
      this,
    );
  }

  /** ExcelApi 1.4. */
  override getCount(): FakeClientResult<number> {
    return this._count('1.4');
  }

  /** "The worksheet will be added at the end of existing worksheets", not activated (index.d.ts:37872). */
  add(name?: string): FakeWorksheet {
    const ref = { name: name ?? '' };
    this._do('add', name ?? null, (m, location) => {
      guardStructure(this._env, location);
      focusLoss(this._env, 'WorksheetCollection.add', location);
      if (name !== undefined) checkSheetName(m, name, location);
      else {
        let n = m.sheets.length + 1;
        while (findSheet(m, `Sheet${n}`)) n++;
        ref.name = `Sheet${n}`;
      }
      m.sheets.push({ name: ref.name, cells: {}, merges: [], comments: [] });
    });
    return this.named(() => ref.name, 'Worksheet');
  }
}

export class FakeWorksheet extends FakeClientObject<FakeSheet> {
  private _protection?: FakeWorksheetProtection;
  private _notes?: FakeNoteCollection;
  private _comments?: FakeCommentCollection;
  private _pageLayout?: FakePageLayout;

  constructor(
    ctx: FakeRequestContext,
    locate: () => FakeSheet | null,
    parent: AnyFakeObject,
    options: { requires?: string; orNull?: boolean } = {},
  ) {
    // Once found, the proxy stands for that sheet whatever it is renamed to, as Excel's proxies keep its id.
    let found: FakeSheet | null = null;
    const byId = (): FakeSheet | null => {
      if (found && ctx.env.model.sheets.includes(found)) return found;
      found = locate();
      return found;
    };
    super(ctx, 'Worksheet', byId, parent, options);
  }

  protected _scalars(): Record<string, ScalarSpec<FakeSheet>> {
    const model = (): FakeWorkbookModel => this._env.model;
    return {
      name: {
        get: (s) => s.name,
        // Renaming is a change of the workbook's structure.
        set: (s, v, location) => {
          guardStructure(this._env, location);
          const name = String(v);
          checkSheetName(model(), name, location, s);
          const m = model();
          if (m.activeSheet === s.name) m.activeSheet = name;
          if (m.selection?.sheet === s.name) m.selection.sheet = name;
          s.name = name;
        },
      },
      position: { get: (s) => model().sheets.indexOf(s) },
      // Visible, Hidden or VeryHidden (index.d.ts:37447); hiding or showing a sheet changes the structure.
      visibility: {
        get: (s) => s.visibility ?? 'Visible',
        set: (s, v, location) => {
          if (v !== 'Visible' && v !== 'Hidden' && v !== 'VeryHidden')
            throw new FakeOfficeError('InvalidArgument', location, String(v));
          if ((s.visibility ?? 'Visible') === v) return;
          guardStructure(this._env, location);
          if (v !== 'Visible' && isVisible(s) && model().sheets.filter(isVisible).length === 1) {
            throw new FakeOfficeError('InvalidOperation', location, 'a workbook must keep one visible sheet');
          }
          if (v === 'Visible') delete s.visibility;
          else s.visibility = v;
        },
      },
    };
  }

  protected override _navs(): Record<string, () => AnyFakeObject> {
    return {
      protection: () => this.protection,
      notes: () => this.notes,
      comments: () => this.comments,
      pageLayout: () => this.pageLayout,
    };
  }

  declare name: string;
  declare readonly position: number;
  declare visibility: string;

  /** ExcelApi 1.2. */
  get protection(): FakeWorksheetProtection {
    return (this._protection ??= new FakeWorksheetProtection(this.context, this));
  }

  /** ExcelApi 1.18. */
  get notes(): FakeNoteCollection {
    return (this._notes ??= new FakeNoteCollection(this.context, this, this));
  }

  /** ExcelApi 1.9. */
  get pageLayout(): FakePageLayout {
    return (this._pageLayout ??= new FakePageLayout(this.context, this));
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

  /** An empty sheet gives A1, as in Excel; valuesOnly (ExcelApi 1.2) ignores formatting (index.d.ts:37640). */
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

  /** ExcelApi 1.4: a null object for an empty sheet (index.d.ts:37651). */
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
    this._do('activate', null, (s, location) => {
      focusLoss(this._env, 'Worksheet.activate', location);
      this._env.model.activeSheet = s.name;
    });
  }

  /** "If the worksheet's visibility is set to "VeryHidden", the delete operation will fail with an
   *  InvalidOperation exception" (index.d.ts:37511). */
  delete(): void {
    this._do('delete', null, (s, location) => {
      guardStructure(this._env, location);
      focusLoss(this._env, 'Worksheet.delete', location);
      if (s.visibility === 'VeryHidden') {
        throw new FakeOfficeError('InvalidOperation', location, `"${s.name}" is very hidden`);
      }
      const m = this._env.model;
      const visible = m.sheets.filter(isVisible);
      if (visible.length === 1 && visible[0] === s) {
        throw new FakeOfficeError(
          'InvalidOperation',
          location,
          'a workbook must keep at least one visible sheet',
        );
      }
      m.sheets.splice(m.sheets.indexOf(s), 1);
      if (m.activeSheet === s.name) m.activeSheet = m.sheets.find(isVisible)?.name;
      if (m.selection?.sheet === s.name) delete m.selection;
      if (m.activeSheet === undefined) delete m.activeSheet;
    });
  }
}
