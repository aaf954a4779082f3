// The Office.js host: the workbook open in Excel, read as grids and marked from a write plan, with an exact
// restore kept in the workbook. This file only wires the parts together: requirement sets (capabilities.ts),
// round trips (syncs.ts), reading (read.ts), applying (apply.ts, tables.ts), restoring (restore.ts, with the
// command line's record through cli-record.ts), payload batching (batching.ts).
import type { HostCapabilities, WorkbookHost, WorkbookRead } from '../../app/host';
import type { SheetTable, WritePlan } from '../../core';
import { applyPlan } from './apply';
import { hostCapabilities } from './capabilities';
import { OfficeEnv } from './env';
import { readWorkbook } from './read';
import { hasMarks, restore } from './restore';
import { sheetOperationError } from './sheet-errors';
import type { OfficeApplyResult, OfficeHostOptions, OfficeRestoreResult } from './types';

export { MIN_EXCEL_API } from './capabilities';
export { SYNCS } from './syncs';
export { RESTORE_NAMESPACE, RESTORE_SETTING } from '../record';
export type { RestoreRecord } from '../record';
export type {
  ExcelGlobal,
  OfficeApplyResult,
  OfficeGlobal,
  OfficeHostOptions,
  OfficeRestoreResult,
  SettingsLike,
  SkippedEdit,
} from './types';

export function createOfficeHost(opts: OfficeHostOptions = {}): OfficeHost {
  return new OfficeHost(opts);
}

export class OfficeHost implements WorkbookHost {
  private readonly env: OfficeEnv;

  constructor(opts: OfficeHostOptions = {}) {
    this.env = new OfficeEnv(opts);
  }

  capabilities(): HostCapabilities {
    return hostCapabilities(this.env.supports);
  }

  read(): Promise<WorkbookRead> {
    return readWorkbook(this.env);
  }

  /** Applies only: marks from an earlier scoring are cleared by the app flow (restore, then read) first. */
  apply(plan: WritePlan, tables: SheetTable[]): Promise<OfficeApplyResult> {
    return applyPlan(this.env, plan, tables);
  }

  hasMarks(): Promise<boolean> {
    return hasMarks(this.env);
  }

  restore(): Promise<OfficeRestoreResult> {
    return restore(this.env);
  }

  async select(sheet: string, cell: string): Promise<void> {
    await this.env.excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(cell).select();
      try {
        await context.sync();
      } catch (e) {
        throw sheetOperationError(e);
      }
    });
  }

  getSetting(key: string): string | null {
    return this.env.getSetting(key);
  }

  async setSetting(key: string, value: string): Promise<void> {
    await this.env.saveSetting(key, value);
  }
}
