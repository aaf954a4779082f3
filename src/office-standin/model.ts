// A workbook as plain data, behind the stand-in Excel API (tests and the browser harness).
// Serializable (JSON), so the harness can build it from an .xlsx and turn it back into one.

export type FakeValue = string | number | boolean | null;

export interface FakeCell {
  value: FakeValue;
  /** "=SUM(A1:A3)" when the cell holds a formula; `value` is then its last result. */
  formula?: string;
  numberFormat?: string;
  /** "#RRGGBB", or absent for no fill. */
  fill?: string;
  /** "#RRGGBB", or absent for the default font colour. */
  fontColor?: string;
  /** A note (ExcelApi 1.18 notes; a "comment" in ExcelJS terms). */
  note?: string;
  bold?: boolean;
  /** RangeFormat.wrapText. */
  wrapText?: boolean;
  /** Range.hyperlink (ExcelApi 1.7): a link to a place in the workbook (documentReference) or a URL (address). */
  hyperlink?: FakeHyperlink;
}

export interface FakeHyperlink {
  address?: string;
  documentReference?: string;
  textToDisplay?: string;
  screenTip?: string;
}

/** A threaded comment (ExcelApi 1.10) and its replies. */
export interface FakeComment {
  cell: string;
  content: string;
  author?: string;
  /** Replies in the thread (Comment.replies, CommentReplyCollection). */
  replies?: FakeCommentReply[];
}

export interface FakeCommentReply {
  content: string;
  author?: string;
}

export interface FakeSheet {
  name: string;
  /** Cells by A1 address ("B7"); absent cells are empty. */
  cells: Record<string, FakeCell>;
  /** Merged areas as "A1:C2". */
  merges: string[];
  /** Threaded comments (ExcelApi 1.10). */
  comments: FakeComment[];
  /** Column widths in characters by column letter, for the harness view. */
  columnWidths?: Record<string, number>;
  protected?: boolean;
  /** Absent for Visible. A very hidden sheet can be shown only through the API, not from Excel's UI. */
  visibility?: 'Visible' | 'Hidden' | 'VeryHidden';
  /** Worksheet.pageLayout (ExcelApi 1.9): what was set of it. */
  pageLayout?: FakePageLayoutModel;
}

export interface FakePageLayoutModel {
  orientation?: 'Portrait' | 'Landscape';
  zoom?: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  /** Rows repeated at the top of each printed page ("$1:$1"). */
  printTitleRows?: string;
}

export interface FakeWorkbookModel {
  name: string;
  sheets: FakeSheet[];
  /** Document settings (Office.context.document.settings), saved with the workbook. */
  settings: Record<string, string>;
  /** Settings are "saved per add-in and per document": those of add-ins other than the default one, by the id of
   *  their manifest (FakeOfficeOptions.addinId). */
  addinSettings?: Record<string, Record<string, string>>;
  /** Workbook structure protection (WorkbookProtection, ExcelApi 1.7): sheets cannot be added, deleted, renamed,
   *  hidden or shown. */
  structureProtected?: boolean;
  /** The 1904 date system (workbooks made on older Macs): serial 0 is 1 January 1904; otherwise serial 1 is
   *  1 January 1900. */
  date1904?: boolean;
  /** Custom XML parts by id. */
  customXmlParts: { id: string; xml: string }[];
  activeSheet?: string;
  selection?: { sheet: string; address: string };
}
