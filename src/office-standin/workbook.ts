// Workbook: the root of the stand-in Excel API (context.workbook), with its worksheets, custom XML parts,
// notes and comments. The Excel objects are the subset the selfeval host uses, with Excel's property names,
// requirement sets and load rules (client-object.ts), one office.js object family per file: worksheet.ts,
// protection.ts, range.ts, format.ts, comments.ts (notes and threaded comments), custom-xml.ts.
import { FakeClientObject, type AnyFakeObject, type ScalarSpec } from './client-object';
import { FakeCommentCollection, FakeNoteCollection } from './comments';
import { FakeCustomXmlPartCollection } from './custom-xml';
import { FakeFunctions } from './functions';
import type { FakeWorkbookModel } from './model';
import { FakeWorkbookProtection } from './protection';
import type { FakeRequestContext } from './runtime';
import { FakeWorksheetCollection } from './worksheet';

export class FakeWorkbook extends FakeClientObject<FakeWorkbookModel> {
  private _worksheets?: FakeWorksheetCollection;
  private _parts?: FakeCustomXmlPartCollection;
  private _notes?: FakeNoteCollection;
  private _comments?: FakeCommentCollection;
  private _protection?: FakeWorkbookProtection;
  private _functions?: FakeFunctions;

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
      protection: () => this.protection,
      functions: () => this.functions,
    };
  }

  declare readonly name: string;

  get worksheets(): FakeWorksheetCollection {
    return (this._worksheets ??= new FakeWorksheetCollection(this.context, this));
  }

  /** ExcelApi 1.7 (index.d.ts:36816). */
  get protection(): FakeWorkbookProtection {
    return (this._protection ??= new FakeWorkbookProtection(this.context, this));
  }

  /** ExcelApi 1.2: worksheet functions (DATE tells the date system). */
  get functions(): FakeFunctions {
    return (this._functions ??= new FakeFunctions(this.context, this));
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
