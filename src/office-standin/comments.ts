// Notes (ExcelApi 1.18) and threaded comments (ExcelApi 1.10): the collections of the workbook or of one
// worksheet, and the items in them. A cell has a note or a comment thread, never both.
import { sheetAddress, toA1, type CellRange } from '../core/a1';
import { boxCells, cellBox, editCell, guardWrite, parseRef, sheetOf, splitSheetRef } from './cells';
import { FakeClientObject, FakeCollection, type AnyFakeObject, type ScalarSpec } from './client-object';
import { FakeOfficeError } from './errors';
import type { FakeComment, FakeSheet, FakeWorkbookModel } from './model';
import { FakeRange } from './range';
import type { FakeRequestContext } from './runtime';

/** The worksheet proxy a collection is scoped to (worksheet.notes, worksheet.comments). */
type SheetProxy = FakeClientObject<FakeSheet>;

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
  return sheetAddress(t.sheet.name, cellBox(t.row, t.col));
}

function hasNote(sheet: FakeSheet, addr: string): boolean {
  return sheet.cells[addr]?.note !== undefined;
}

function hasThread(sheet: FakeSheet, addr: string): boolean {
  return sheet.comments.some((c) => c.cell === addr);
}

/** Write (or with undefined, delete) the note of a cell. */
function writeNote(t: CellTarget, location: string, note: string | undefined): void {
  guardWrite(t.sheet, location);
  editCell(t.sheet, t.row, t.col, (c) => {
    c.note = note;
  });
}

function keyCell(
  model: FakeWorkbookModel,
  key: string,
  scope: FakeSheet | null,
  location: string,
): CellTarget {
  return resolveCell(model, scope, key, false, location);
}

/** Cells in reading order: by row, then by column. */
function sortedCells(addrs: string[]): CellRange[] {
  return addrs.map((a) => parseRef(a)).sort((x, y) => x.top - y.top || x.left - y.left);
}

/** A collection over the sheets of the workbook, or of one worksheet (worksheet.notes, worksheet.comments). */
abstract class FakeSheetScopedCollection<I extends AnyFakeObject> extends FakeCollection<FakeSheet[], I> {
  private readonly sheetProxy: SheetProxy | null;

  constructor(
    ctx: FakeRequestContext,
    kind: string,
    parent: AnyFakeObject,
    sheet: SheetProxy | null,
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
}

export class FakeNoteCollection extends FakeSheetScopedCollection<FakeNote> {
  constructor(ctx: FakeRequestContext, parent: AnyFakeObject, sheet: SheetProxy | null) {
    super(ctx, 'NoteCollection', parent, sheet, '1.18');
  }

  protected _keys(sheets: FakeSheet[]): string[] {
    return sheets.flatMap((s) =>
      sortedCells(Object.keys(s.cells).filter((a) => hasNote(s, a))).map((box) => sheetAddress(s.name, box)),
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
        if (hasNote(t.sheet, toA1(t.row, t.col))) return t;
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
      if (hasNote(t.sheet, addr)) {
        throw new FakeOfficeError('InvalidOperation', location, `${addr} already has a note`);
      }
      if (hasThread(t.sheet, addr)) {
        throw new FakeOfficeError('InvalidOperation', location, `${addr} already has a threaded comment`);
      }
      writeNote(t, location, String(content));
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
        set: (t, v, location) => writeNote(t, location, String(v)),
      },
      authorName: { get: () => this._env.userName },
    };
  }

  declare content: string;
  declare readonly authorName: string;

  delete(): void {
    this._do('delete', null, (t, location) => writeNote(t, location, undefined));
  }

  getLocation(): FakeRange {
    return new FakeRange(
      this.context,
      () => {
        const t = this._target();
        return t === null ? null : { sheet: t.sheet, box: cellBox(t.row, t.col) };
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
  constructor(ctx: FakeRequestContext, parent: AnyFakeObject, sheet: SheetProxy | null) {
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
      if (hasThread(t.sheet, addr)) {
        throw new FakeOfficeError('InvalidOperation', location, `${addr} already has a comment thread`);
      }
      if (hasNote(t.sheet, addr)) {
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

  declare readonly id: string;
  declare content: string;
  declare readonly authorName: string;

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
