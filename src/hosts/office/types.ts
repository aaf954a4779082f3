// The Office host's options and results, and the Office.js globals it runs with (injected by tests and the
// harness, else the globals of Office.js).
import type { ApplyResult, RestoreResult } from '../../app/host';

export interface ExcelGlobal {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
}

export interface SettingsLike {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  remove(name: string): void;
  saveAsync(callback?: (result: { status: string; error?: { message: string } | null }) => void): void;
}

export interface OfficeGlobal {
  context: {
    requirements: { isSetSupported(name: string, minVersion?: string): boolean };
    document: { settings: SettingsLike; url?: string };
    displayLanguage?: string;
  };
}

export interface OfficeHostOptions {
  /** Excel and Office namespaces; default the globals of Office.js. */
  excel?: ExcelGlobal;
  office?: OfficeGlobal;
  /** Payload budget of one sync in bytes (default 4 MB, under Excel on the web's 5 MB). */
  payloadLimitBytes?: number;
}

export interface SkippedEdit {
  sheet: string;
  cell: string;
  reason: 'protected' | 'missing-sheet';
}

export interface OfficeApplyResult extends ApplyResult {
  /** Edits not applied: their sheet is protected or gone. The 审核意见 sheet still lists their findings. */
  skipped: SkippedEdit[];
  /** Excel refused a threaded comment (a cell holding an old-style note cannot take one): the comments from
   *  there on are missing. The marks, the record and the tables are all in. */
  commentsIncomplete: boolean;
}

export interface OfficeRestoreResult extends RestoreResult {
  /** Cells on sheets protected since scoring: left marked, kept in the record for a later restore. */
  blocked: number;
}
