// What the task pane needs from a workbook host (Office.js in Excel, or the browser harness's stand-in).
import type { Report, SheetGrid, SheetTable, WorkbookError, WritePlan } from '../core';

export interface WorkbookRead {
  /** Workbook name for the report's `source`. */
  source: string;
  sheets: SheetGrid[];
  /** Sheets that could not be read (protected, too large …): reported, the rest goes on. */
  errors: WorkbookError[];
}

/** How the host explains a finding on a cell: a note (ExcelApi 1.18), a threaded comment (1.10), or neither
 *  (the 审核意见 sheet and the task pane only). */
export type ExplanationMode = 'note' | 'comment' | 'none';

export interface RestoreResult {
  /** Cells put back exactly as they were. */
  restored: number;
  /** Cells the user changed after scoring: left as the user made them. */
  kept: number;
}

export interface ApplyResult {
  /** Cells the plan touched. */
  cellsMarked: number;
  /** Cells whose value the add-in wrote (fill / correct). */
  valuesWritten: number;
  explanation: ExplanationMode;
  /** The sheets the tables went to, in the order given (审核意见, or 审核意见(2) when a user's sheet has the
   *  name). */
  tableSheets: string[];
}

export interface HostCapabilities {
  /** The highest ExcelApi minor version the host supports (1.8 on Office 2019 …), for the About box. */
  excelApi: string;
  explanation: ExplanationMode;
  mergedAreas: boolean;
}

export interface WorkbookHost {
  capabilities(): HostCapabilities;
  /** Every sheet's used range as grids, in a constant number of round trips. */
  read(): Promise<WorkbookRead>;
  /** Record the originals of every cell the plan touches in the workbook, apply the plan and write the tables
   *  (审核意见, 评分汇总) as sheets of their own. It only applies: marks from an earlier scoring are cleared
   *  by the app flow (restore before read, src/app/score-flow.ts), never here. */
  apply(plan: WritePlan, tables: SheetTable[]): Promise<ApplyResult>;
  /** Put back every cell the add-in changed, from the record kept in the workbook; remove its sheets. */
  restore(): Promise<RestoreResult>;
  /** Whether the workbook holds marks the add-in can restore. */
  hasMarks(): Promise<boolean>;
  /** Select a cell and bring it into view. */
  select(sheet: string, cell: string): Promise<void>;
  /** Document settings (mode, rulebook), saved with the workbook. */
  getSetting(key: string): string | null;
  setSetting(key: string, value: string): Promise<void>;
}

export type { Report };
