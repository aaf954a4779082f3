// Notes (ExcelApi 1.18) and threaded comments (ExcelApi 1.10) with their replies: the collections of the workbook
// or of one worksheet, and the items in them.
// A cell has a note or a comment thread, never both ("The difference between threaded comments and notes", linked
// from https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-notes); what Excel does when asked for
// both is UNVERIFIED (behaviours.ts noteOnCommentedCell, commentOnNotedCell).
// "Deleting a comment also deletes all replies in that thread" (excel-add-ins-comments.md,
// https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-comments; Comment.delete, @types/office-js
// 1.0.612 index.d.ts:55564).
import { sheetAddress, toA1, type CellRange } from '../core/a1';
import { boxCells, cellBox, editCell, guardWrite, parseRef, sheetOf, splitSheetRef } from './cells';
import { FakeClientObject, FakeCollection, type AnyFakeObject, type ScalarSpec } from './client-object';
import { FakeOfficeError } from './errors';
import type { FakeComment, FakeCommentReply, FakeSheet, FakeWorkbookModel } from './model';
import { FakeRange } from './range';
import type { FakeEnv, FakeRequestContext } from './runtime';

/** Note and comment text as Excel gives it back: as written, or with "\r\n" line ends (UNVERIFIED, F6). */
function readText(env: FakeEnv, text: string): string {
  return env.behaviours.lineEndings === 'crlf' ? text.replace(/\r?\n/g, '\r\n') : text;
}

/** A note on a cell that has a comment thread, or the other way round: refused with the code the behaviour names,
 *  or the new one replaces the old (`replace` runs). */
function conflict(
  behaviour: 'InvalidOperation' | 'GeneralException' | 'replaces',
  location: string,
  detail: string,
  replace: () => void,
): void {
  if (behaviour === 'replaces') replace();
  else throw new FakeOfficeError(behaviour, location, detail);
}

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

/** Notes (ExcelApi 1.18, index.d.ts:65467; https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-notes):
 *  add, getItem("A1") and getItemOrNullObject, content, delete. */
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
        conflict(this._env.behaviours.noteOnCommentedCell, location, `${addr} has a threaded comment`, () => {
          t.sheet.comments = t.sheet.comments.filter((c) => c.cell !== addr);
        });
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
        get: (t) => {
          const note = t.sheet.cells[toA1(t.row, t.col)]?.note;
          return note === undefined ? null : readText(this._env, note);
        },
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

  /** The string form must name the sheet ("Sheet1!B7"); a multi-cell range is InvalidArgument; the author is
   *  the current user (CommentCollection.add, index.d.ts:55344; excel-behaviours.md §2.9). */
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
        conflict(this._env.behaviours.commentOnNotedCell, location, `${addr} has a note`, () =>
          writeNote(t, location, undefined),
        );
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
        get: (t) => readText(this._env, t.comment.content),
        set: (t, v, location) => {
          guardWrite(t.sheet, location);
          t.comment.content = String(v);
        },
      },
      authorName: { get: (t) => t.comment.author ?? '' },
    };
  }

  protected override _navs(): Record<string, () => AnyFakeObject> {
    return { replies: () => this.replies };
  }

  declare readonly id: string;
  declare content: string;
  declare readonly authorName: string;

  private _replies?: FakeCommentReplyCollection;

  /** ExcelApi 1.10 (index.d.ts:55491). */
  get replies(): FakeCommentReplyCollection {
    return (this._replies ??= new FakeCommentReplyCollection(this.context, this));
  }

  /** "Deletes the comment and all the connected replies." (index.d.ts:55564) */
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

interface ReplyTarget extends CommentTarget {
  reply: FakeCommentReply;
}

/** Reply ids: opaque to the add-in and stable while the reply exists. */
const replyIds = new WeakMap<FakeCommentReply, string>();
let nextReplyId = 1;
function replyId(reply: FakeCommentReply): string {
  let id = replyIds.get(reply);
  if (id === undefined) {
    id = `{reply:${nextReplyId++}}`;
    replyIds.set(reply, id);
  }
  return id;
}

/** Comment.replies: the replies of one thread, in order (CommentReplyCollection, ExcelApi 1.10,
 *  index.d.ts:55619). */
export class FakeCommentReplyCollection extends FakeCollection<CommentTarget, FakeCommentReply_> {
  constructor(ctx: FakeRequestContext, parent: FakeComment_) {
    super(ctx, 'CommentReplyCollection', () => parent._target(), parent, { requires: '1.10' });
  }

  protected _keys(t: CommentTarget): string[] {
    return (t.comment.replies ?? []).map(replyId);
  }

  protected _makeItem(id: string): FakeCommentReply_ {
    return this.byId(id, false);
  }

  private byId(id: string, orNull: boolean, requires?: string): FakeCommentReply_ {
    return new FakeCommentReply_(
      this.context,
      () => {
        const t = this._target();
        const reply = t?.comment.replies?.find((r) => replyId(r) === id);
        if (t && reply) return { ...t, reply };
        if (orNull) return null;
        throw new FakeOfficeError('ItemNotFound', 'CommentReplyCollection.getItem', `no reply ${id}`);
      },
      this,
      { orNull, requires },
    );
  }

  add(content: unknown, contentType?: string): FakeCommentReply_ {
    const ref: { t: ReplyTarget | null } = { t: null };
    this._do('add', { content, contentType }, (t, location) => {
      if (typeof content !== 'string') {
        throw new FakeOfficeError('InvalidArgument', location, 'rich reply content needs ExcelApi 1.11');
      }
      guardWrite(t.sheet, location);
      const reply: FakeCommentReply = { content, author: this._env.userName };
      (t.comment.replies ??= []).push(reply);
      ref.t = { ...t, reply };
    });
    return new FakeCommentReply_(
      this.context,
      () => {
        if (!ref.t || !ref.t.comment.replies?.includes(ref.t.reply)) {
          throw new FakeOfficeError('ItemNotFound', 'CommentReply');
        }
        return ref.t;
      },
      this,
    );
  }

  getItem(commentReplyId: string): FakeCommentReply_ {
    return this.byId(commentReplyId, false);
  }

  /** ExcelApi 1.14. */
  getItemOrNullObject(commentReplyId: string): FakeCommentReply_ {
    return this.byId(commentReplyId, true, '1.14');
  }

  getItemAt(index: number): FakeCommentReply_ {
    return new FakeCommentReply_(
      this.context,
      () => {
        const t = this._target();
        const reply = t?.comment.replies?.[index];
        if (!t || !reply)
          throw new FakeOfficeError('ItemNotFound', 'CommentReplyCollection.getItemAt', `no reply #${index}`);
        return { ...t, reply };
      },
      this,
    );
  }
}

/** One reply of a thread (CommentReply, ExcelApi 1.10, index.d.ts:55710). */
export class FakeCommentReply_ extends FakeClientObject<ReplyTarget> {
  constructor(
    ctx: FakeRequestContext,
    locate: () => ReplyTarget | null,
    parent: AnyFakeObject,
    options: { orNull?: boolean; requires?: string } = {},
  ) {
    super(ctx, 'CommentReply', locate, parent, options);
  }

  protected _scalars(): Record<string, ScalarSpec<ReplyTarget>> {
    return {
      id: { get: (t) => replyId(t.reply) },
      content: {
        get: (t) => readText(this._env, t.reply.content),
        set: (t, v, location) => {
          guardWrite(t.sheet, location);
          t.reply.content = String(v);
        },
      },
      authorName: { get: (t) => t.reply.author ?? '' },
    };
  }

  declare readonly id: string;
  declare content: string;
  declare readonly authorName: string;

  /** "Deletes the comment reply." (index.d.ts:55785): the thread stays. */
  delete(): void {
    this._do('delete', null, (t, location) => {
      guardWrite(t.sheet, location);
      const replies = t.comment.replies ?? [];
      replies.splice(replies.indexOf(t.reply), 1);
      if (replies.length === 0) delete t.comment.replies;
    });
  }

  getParentComment(): FakeComment_ {
    return new FakeComment_(
      this.context,
      () => {
        const t = this._target();
        return t === null ? null : { sheet: t.sheet, comment: t.comment };
      },
      this,
    );
  }
}
