// The xlsx host (ExcelJS): files for the command line and the browser harness. Browser-safe: nothing here
// imports Node; the command line does its own file access.
export { cellToValue, worksheetToGrid, workbookToGrids, mergedAreas, RESTORE_SHEET_NAME } from './read';
export { applyWritePlan, restoreMarks, hasMarks } from './apply';
export type { XlsxApplyResult } from './apply';
export { writeTableSheet, fillTableSheet, hyperlinkFormula, isOwnTableSheet } from './tables';
export { loadWorkbook, sniffXlsx, workbookBytes, XlsxReadError } from './load';
export type { XlsxProblem } from './load';
export { XlsxHost } from './host';
