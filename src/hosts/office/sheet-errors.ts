// Sheet operations Excel can refuse (F8): a structure-protected workbook refuses to add or delete sheets
// (WorkbookProtection, ExcelApi 1.7), and on Windows and Mac adding, deleting, activating and selecting fail
// when another workbook gains focus while they run ("API limitations when the active workbook switches",
// https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-troubleshooting). Clear messages for both.
import { errorLocation } from './batching';

/** The workbook's structure is protected: nothing was written. */
export function structureProtectedError(): Error {
  return new Error(
    '工作簿结构受保护，无法添加或删除工作表；请在“审阅 > 保护工作簿”中取消保护后再试。 / ' +
      'The workbook structure is protected, so sheets cannot be added or deleted; unprotect it ' +
      '(Review > Protect Workbook) and try again.',
  );
}

/** A failure of a sheet operation (another workbook took focus) as a clear message; other errors as they are. */
export function sheetOperationError(e: unknown): unknown {
  const where = errorLocation(e);
  if (!/^(WorksheetCollection\.add|Worksheet\.(activate|delete)|Range\.select)/.test(where)) return e;
  return new Error(
    `另一个工作簿在操作进行时获得了焦点，Excel 拒绝了“${where}”；请停留在此工作簿中再试一次。 / ` +
      `Another workbook gained focus while the add-in worked, and Excel refused ${where}; stay in this ` +
      'workbook and try again.',
  );
}
