// The one way through for every interactive host: clear old marks, read, score, plan, apply. This is the only
// place that clears marks: the hosts' apply() just applies. previewWorkbook() stops before applying: the pane
// asks before 改正 with the number of values it will change.
import {
  Grid,
  parseA1,
  planWrites,
  reviewTable,
  scoreSheets,
  summaryTable,
  type CellValue,
  type Lang,
  type Report,
  type Rulebook,
  type SheetGrid,
  type SheetTable,
  type WriteMode,
  type WritePlan,
} from '../core';
import { Decimal } from '../core/decimal';
import type { ApplyResult, RestoreResult, WorkbookHost } from './host';

export interface ScoreRequest {
  rulebook: Rulebook;
  mode: WriteMode;
  lang: Lang;
}

/** A value the add-in wrote (填写 / 改正): the cell as it was read and what it holds now. */
export interface WrittenValue {
  sheet: string;
  cell: string;
  /** The cell as read before writing (null when it was empty). */
  before: CellValue;
  /** What was written (a rate as a fraction, shown with `numberFormat`). */
  after: number | string;
  numberFormat?: string;
  /** Both as a reader sees them: "97.34%" for a rate, "99.43"; "" for an empty cell. */
  beforeText: string;
  afterText: string;
}

/** What the host applied, with the previous marks that were cleared first (scoring again never stacks marks)
 *  and every value written (cell, old → new). */
export interface ScoreApplied extends ApplyResult {
  cleared: RestoreResult | null;
  written: WrittenValue[];
}

export interface ScoreOutcome {
  report: Report;
  plan: WritePlan;
  applied: ScoreApplied;
}

/** What a scoring would do, worked out from a read only: nothing is cleared, applied or written. */
export interface ScorePreview {
  report: Report;
  plan: WritePlan;
  /** The values the plan writes, with the cells' current contents. Values an earlier 改正 wrote are read as
   *  they stand: scoring puts them back and writes them again, which leaves them as they are. */
  written: WrittenValue[];
}

export async function scoreWorkbook(host: WorkbookHost, request: ScoreRequest): Promise<ScoreOutcome> {
  // Restore first so that the form is read as the user left it, not with our previous marks and values.
  const hadMarks = await host.hasMarks();
  const cleared = hadMarks ? await host.restore() : null;
  const { report, plan, sheets } = await readAndPlan(host, request);
  const tables: SheetTable[] = [reviewTable(report, request.lang)];
  if (report.forms.length > 1) tables.push(summaryTable(report, request.lang));
  const applied = report.forms.length > 0 ? await host.apply(plan, tables) : emptyApply(host);
  // Only the edits a host applied: a protected sheet's are skipped (OfficeApplyResult.skipped).
  const skipped = new Set(
    ((applied as { skipped?: { sheet: string; cell: string }[] }).skipped ?? []).map(
      (s) => `${s.sheet}!${s.cell}`,
    ),
  );
  const written =
    report.forms.length > 0
      ? writtenValues(plan, sheets).filter((w) => !skipped.has(`${w.sheet}!${w.cell}`))
      : [];
  return { report, plan, applied: { ...applied, cleared, written } };
}

/** Read, score and plan as scoreWorkbook() would, and stop: one read, nothing cleared, applied or written. */
export async function previewWorkbook(host: WorkbookHost, request: ScoreRequest): Promise<ScorePreview> {
  const { report, plan, sheets } = await readAndPlan(host, request);
  return { report, plan, written: writtenValues(plan, sheets) };
}

async function readAndPlan(
  host: WorkbookHost,
  request: ScoreRequest,
): Promise<{ report: Report; plan: WritePlan; sheets: SheetGrid[] }> {
  const read = await host.read();
  const report = scoreSheets(read.sheets, { rulebook: request.rulebook, source: read.source });
  report.errors.push(...read.errors);
  const plan = planWrites(report, request.mode, request.lang);
  return { report, plan, sheets: read.sheets };
}

/** Every edit of the plan that writes a value, with the cell's content as read. */
export function writtenValues(plan: WritePlan, sheets: SheetGrid[]): WrittenValue[] {
  const grids = new Map<string, Grid>();
  const gridOf = (name: string): Grid | undefined => {
    if (!grids.has(name)) {
      const sheet = sheets.find((s) => s.name === name);
      if (sheet) grids.set(name, new Grid(sheet));
    }
    return grids.get(name);
  };
  const out: WrittenValue[] = [];
  for (const e of plan.edits) {
    if (e.value === undefined) continue;
    const grid = gridOf(e.sheet);
    const { row, col } = parseA1(e.cell);
    const before = grid ? grid.raw(row, col) : null;
    const beforeFormat = grid ? grid.format(row, col) : null;
    const w: WrittenValue = {
      sheet: e.sheet,
      cell: e.cell,
      before,
      after: e.value,
      beforeText: cellText(before, beforeFormat),
      afterText: cellText(e.value, e.numberFormat ?? beforeFormat),
    };
    if (e.numberFormat) w.numberFormat = e.numberFormat;
    out.push(w);
  }
  return out;
}

/** A cell's value as its number format shows it: a percentage format as a percentage with its decimals
 *  ("0.00%": 0.9734 → "97.34%"), any other number as it is; "" for an empty cell. */
export function cellText(v: CellValue | number | string, format: string | null | undefined): string {
  if (v === null) return '';
  if (typeof v === 'number' && format && /%/.test(format)) {
    const decimals = /\.(0+)%/.exec(format)?.[1].length ?? 0;
    return `${new Decimal(String(v)).times(100).toFixed(decimals)}%`;
  }
  return String(v);
}

function emptyApply(host: WorkbookHost): ApplyResult {
  return { cellsMarked: 0, valuesWritten: 0, explanation: host.capabilities().explanation, tableSheets: [] };
}
