// The one way through for every interactive host: clear old marks, read, score, plan, apply. This is the only
// place that clears marks: the hosts' apply() just applies.
import {
  planWrites,
  reviewTable,
  scoreSheets,
  summaryTable,
  type Lang,
  type Report,
  type Rulebook,
  type SheetTable,
  type WriteMode,
  type WritePlan,
} from '../core';
import type { ApplyResult, RestoreResult, WorkbookHost } from './host';

export interface ScoreRequest {
  rulebook: Rulebook;
  mode: WriteMode;
  lang: Lang;
}

/** What the host applied, with the previous marks that were cleared first (scoring again never stacks marks). */
export interface ScoreApplied extends ApplyResult {
  cleared: RestoreResult | null;
}

export interface ScoreOutcome {
  report: Report;
  plan: WritePlan;
  applied: ScoreApplied;
}

export async function scoreWorkbook(host: WorkbookHost, request: ScoreRequest): Promise<ScoreOutcome> {
  // Restore first so that the form is read as the user left it, not with our previous marks and values.
  const hadMarks = await host.hasMarks();
  const cleared = hadMarks ? await host.restore() : null;
  const read = await host.read();
  const report = scoreSheets(read.sheets, { rulebook: request.rulebook, source: read.source });
  report.errors.push(...read.errors);
  const plan = planWrites(report, request.mode, request.lang);
  const tables: SheetTable[] = [reviewTable(report, request.lang)];
  if (report.forms.length > 1) tables.push(summaryTable(report, request.lang));
  const applied = report.forms.length > 0 ? await host.apply(plan, tables) : emptyApply(host);
  return { report, plan, applied: { ...applied, cleared } };
}

function emptyApply(host: WorkbookHost): ApplyResult {
  return { cellsMarked: 0, valuesWritten: 0, explanation: host.capabilities().explanation, tableSheets: [] };
}
