// Score an .xlsx held in memory: bytes in, the report and the scored copy's bytes out. Used by the command line
// and usable in the browser (no Node import). The input bytes are never changed.
import type ExcelJS from 'exceljs';
import { scoreWorkbook, type WrittenValue } from '../app/score-flow';
import {
  DEFAULT_RULEBOOK_ID,
  getPreset,
  type Lang,
  type Report,
  type Rulebook,
  type WriteMode,
} from '../core';
import type { WritePlan } from '../core';
import { XlsxHost } from '../hosts/xlsx/host';
import { loadWorkbook } from '../hosts/xlsx/load';

export interface ScoreXlsxOptions {
  /** The file name shown in the report's `source`. */
  source: string;
  rulebook?: Rulebook;
  mode?: WriteMode;
  lang?: Lang;
}

export interface ScoreXlsxResult {
  report: Report;
  plan: WritePlan;
  /** The scored workbook (marks, notes, 审核意见 and 评分汇总 applied) when a form was found. */
  workbook: ExcelJS.Workbook;
  /** Cells marked and values written; 0 when the workbook holds no form (nothing is applied). */
  cellsMarked: number;
  valuesWritten: number;
  /** Every value written (填写 / 改正): cell, old → new. */
  written: WrittenValue[];
  /** The names the tables were written under ("审核意见", "评分汇总"). */
  tableSheets: string[];
}

/** Score an open workbook in place (it becomes the scored copy). */
export async function scoreXlsxWorkbook(
  wb: ExcelJS.Workbook,
  options: ScoreXlsxOptions,
): Promise<ScoreXlsxResult> {
  const host = new XlsxHost(wb, options.source);
  const outcome = await scoreWorkbook(host, {
    rulebook: options.rulebook ?? getPreset(DEFAULT_RULEBOOK_ID),
    mode: options.mode ?? 'check',
    lang: options.lang ?? 'zh-CN',
  });
  return {
    report: outcome.report,
    plan: outcome.plan,
    workbook: wb,
    cellsMarked: outcome.applied.cellsMarked,
    valuesWritten: outcome.applied.valuesWritten,
    written: outcome.applied.written,
    tableSheets: outcome.applied.tableSheets,
  };
}

/** Open the bytes (XlsxReadError when they are not a readable .xlsx) and score them. */
export async function scoreXlsxBytes(
  bytes: Uint8Array | ArrayBuffer,
  options: ScoreXlsxOptions,
): Promise<ScoreXlsxResult> {
  const wb = await loadWorkbook(bytes);
  return scoreXlsxWorkbook(wb, options);
}
