// The xlsx host: an ExcelJS workbook in memory behind the same WorkbookHost contract as the Office add-in, so the
// command line goes through the same scoreWorkbook() as the task pane. Browser-safe: no Node import.
import type ExcelJS from 'exceljs';
import type {
  ApplyResult,
  HostCapabilities,
  RestoreResult,
  WorkbookHost,
  WorkbookRead,
} from '../../app/host';
import type { SheetTable, WritePlan } from '../../core';
import { applyWritePlan, hasMarks, restoreMarks } from './apply';
import { workbookToGrids } from './read';

export class XlsxHost implements WorkbookHost {
  readonly workbook: ExcelJS.Workbook;
  readonly source: string;
  private readonly settings = new Map<string, string>();

  constructor(workbook: ExcelJS.Workbook, source: string) {
    this.workbook = workbook;
    this.source = source;
  }

  capabilities(): HostCapabilities {
    return { excelApi: 'ExcelJS (.xlsx)', explanation: 'note', mergedAreas: true };
  }

  async read(): Promise<WorkbookRead> {
    return { source: this.source, sheets: workbookToGrids(this.workbook), errors: [] };
  }

  async apply(plan: WritePlan, tables: SheetTable[]): Promise<ApplyResult> {
    const r = applyWritePlan(this.workbook, plan, tables);
    return {
      cellsMarked: r.cellsMarked,
      valuesWritten: r.valuesWritten,
      explanation: 'note',
      tableSheets: r.tableSheets,
    };
  }

  async restore(): Promise<RestoreResult> {
    return restoreMarks(this.workbook);
  }

  async hasMarks(): Promise<boolean> {
    return hasMarks(this.workbook);
  }

  async select(sheet: string, cell: string): Promise<void> {
    const ws = this.workbook.getWorksheet(sheet);
    if (!ws) return;
    const tab = this.workbook.worksheets.indexOf(ws);
    this.workbook.views = [{ ...(this.workbook.views?.[0] ?? {}), activeTab: tab } as ExcelJS.WorkbookView];
    ws.views = [{ ...(ws.views?.[0] ?? {}), activeCell: cell } as ExcelJS.WorksheetView];
  }

  getSetting(key: string): string | null {
    return this.settings.get(key) ?? null;
  }

  async setSetting(key: string, value: string): Promise<void> {
    this.settings.set(key, value);
  }
}
