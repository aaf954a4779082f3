// Applying a write plan: the record of every cell's original first (a custom XML part, or the document setting
// before ExcelApi 1.5), then the tables, the edits and their notes, threaded comments last, in three syncs.
// apply() only applies: marks from an earlier scoring are cleared by the app flow before it reads.
import type { ExplanationMode } from '../../app/host';
import type { CellEdit, SheetTable, WritePlan } from '../../core';
import {
  mergeRecords,
  recordToXml,
  RESTORE_NAMESPACE,
  RESTORE_SCHEMA,
  RESTORE_SETTING,
  type CellBefore,
  type RecordedCell,
  type RestoreRecord,
} from '../record';
import { errorLocation, runJobs, utf8Length, type Job } from './batching';
import { cellProps, cellState, literal, normCell, placeKey, worksheetsByName } from './cells';
import type { OfficeEnv } from './env';
import { sheetOperationError, structureProtectedError } from './sheet-errors';
import { survey, type Survey } from './survey';
import { tableJobs } from './tables';
import type { OfficeApplyResult, SkippedEdit } from './types';

/** An edit with its cell's range and note (loaded with the originals). */
interface Probe {
  edit: CellEdit;
  range: Excel.Range;
  note: Excel.Note | null;
}

type SheetOf = (name: string) => Excel.Worksheet;

export async function applyPlan(
  env: OfficeEnv,
  plan: WritePlan,
  tables: SheetTable[],
): Promise<OfficeApplyResult> {
  return env.excel.run(async (context) => applyTo(env, context, await survey(env, context), plan, tables));
}

async function applyTo(
  env: OfficeEnv,
  context: Excel.RequestContext,
  surveyed: Survey,
  plan: WritePlan,
  tables: SheetTable[],
): Promise<OfficeApplyResult> {
  const mode = env.explanationMode();
  // Before anything is written: the table sheets cannot be added (F8).
  if (surveyed.structureProtected && tables.length > 0) throw structureProtectedError();
  const { edits, skipped } = markable(plan.edits, surveyed);
  const sheetOf = worksheetsByName(context);
  const probes = await loadOriginals(env, context, surveyed, edits, mode, sheetOf);
  const record: RestoreRecord = {
    schema: RESTORE_SCHEMA,
    explanation: mode,
    sheets: tableNames(tables, surveyed),
    cells: probes.list.map((p) => recordedCell(env, p, mode, probes.commented)),
  };

  // The record goes first: whatever happens after it, the workbook can be put back.
  const jobs: Job[] = [];
  if (surveyed.partsOk) {
    const xml = recordToXml(record);
    jobs.push({ bytes: utf8Length(xml) + 200, queue: () => context.workbook.customXmlParts.add(xml) });
  } else {
    // One setting holds the record: keep the cells a restore left marked (sheets protected since scoring).
    const kept = surveyed.settingsRecord ? mergeRecords([surveyed.settingsRecord, record]) : record;
    await env.saveSetting(RESTORE_SETTING, JSON.stringify(kept));
  }
  const tableOpts = { links: env.supports('1.7'), limit: env.limit, pageLayout: env.supports('1.9') };
  tables.forEach((table, i) => jobs.push(...tableJobs(context, table, record.sheets[i], tableOpts)));
  jobs.push(...editJobs(probes.list, record, mode, sheetOf));
  // Threaded comments last: Excel stops a batch at an action it refuses (a cell holding an old-style note
  // cannot take a thread), and by then the record, the tables and every mark are in.
  const marks = [...jobs];
  if (mode === 'comment') jobs.push(...commentJobs(context, probes.list, record));
  let commentsIncomplete = false;
  try {
    await runJobs(context, jobs, env.limit);
  } catch (e) {
    if (!(mode === 'comment' && /^Comment/.test(errorLocation(e)))) {
      await forgetMissingSheets(env, context, surveyed, record);
      throw sheetOperationError(e);
    }
    // Restore removes whichever comments did land; the 审核意见 sheet has every explanation.
    commentsIncomplete = true;
    // If Excel applied nothing of the failed batch (UNVERIFIED, excel-behaviours.md §2.18), everything but the
    // comments goes again (syncs more only then).
    if (await rolledBack(context, surveyed, record)) await runJobs(context, marks, env.limit);
  }
  return {
    cellsMarked: edits.length,
    valuesWritten: edits.filter((e) => e.value !== undefined).length,
    explanation: mode,
    tableSheets: record.sheets,
    skipped,
    commentsIncomplete,
  };
}

/** Whether the failed batch left nothing: our record part is not there, or else our first table sheet. */
async function rolledBack(
  context: Excel.RequestContext,
  surveyed: Survey,
  record: RestoreRecord,
): Promise<boolean> {
  const parts = surveyed.partsOk
    ? context.workbook.customXmlParts.getByNamespace(RESTORE_NAMESPACE).load('items/id')
    : null;
  const first = record.sheets[0];
  const sheet = first ? context.workbook.worksheets.getItemOrNullObject(first) : null;
  await context.sync();
  if (parts) return parts.items.length === surveyed.parts.length;
  return sheet !== null && sheet.isNullObject;
}

/** After a failed batch: the record must not name a table sheet that was never created (a sheet of that name the
 *  user makes later would be deleted by a restore) (F8). Costs syncs only then; never hides the first error. */
async function forgetMissingSheets(
  env: OfficeEnv,
  context: Excel.RequestContext,
  surveyed: Survey,
  record: RestoreRecord,
): Promise<void> {
  if (record.sheets.length === 0) return;
  try {
    const worksheets = context.workbook.worksheets.load('items/name');
    const parts = surveyed.partsOk
      ? context.workbook.customXmlParts.getByNamespace(RESTORE_NAMESPACE).load('items/id')
      : null;
    await context.sync();
    const names = new Set(worksheets.items.map((ws) => ws.name.toLowerCase()));
    const created = record.sheets.filter((n) => names.has(n.toLowerCase()));
    if (created.length === record.sheets.length) return;
    const fixed: RestoreRecord = { ...record, sheets: created };
    if (parts) {
      const old = new Set(surveyed.parts.map((p) => p.id));
      for (const p of parts.items) if (!old.has(p.id)) p.setXml(recordToXml(fixed));
      await context.sync();
    } else {
      const kept = surveyed.settingsRecord ? mergeRecords([surveyed.settingsRecord, fixed]) : fixed;
      await env.saveSetting(RESTORE_SETTING, JSON.stringify(kept));
    }
  } catch {
    // The first error is the one to report.
  }
}

/** The edits whose sheet is there and not protected; the others, skipped. */
function markable(all: CellEdit[], surveyed: Survey): { edits: CellEdit[]; skipped: SkippedEdit[] } {
  const skipped: SkippedEdit[] = [];
  const edits: CellEdit[] = [];
  for (const e of all) {
    const info = surveyed.sheets.get(e.sheet.toLowerCase());
    if (!info) skipped.push({ sheet: e.sheet, cell: e.cell, reason: 'missing-sheet' });
    else if (info.protected) skipped.push({ sheet: e.sheet, cell: e.cell, reason: 'protected' });
    else edits.push(e);
  }
  return { edits, skipped };
}

/** The originals of every cell to touch, in one sync (more only above the payload budget), with where
 *  threaded comments already are (their places were not known in the survey). */
async function loadOriginals(
  env: OfficeEnv,
  context: Excel.RequestContext,
  surveyed: Survey,
  edits: CellEdit[],
  mode: ExplanationMode,
  sheetOf: SheetOf,
): Promise<{ list: Probe[]; commented: Set<string> }> {
  // Note mode too: a cell holds a threaded comment or a note, not both (F2), so a commented cell gets no note.
  const commentPlaces = mode !== 'none' ? surveyed.comments.map((c) => c.getLocation().load('address')) : [];
  const props = cellProps(env.supports('1.9'));
  const list: Probe[] = edits.map((e) => ({ edit: e, range: sheetOf(e.sheet).getRange(e.cell), note: null }));
  await runJobs(
    context,
    list.map((p) => ({
      bytes: 400 + utf8Length(p.edit.note),
      queue: () => {
        p.range.load(props);
        if (mode === 'note')
          p.note = sheetOf(p.edit.sheet).notes.getItemOrNullObject(p.edit.cell).load('content');
      },
    })),
    env.limit,
  );
  return { list, commented: new Set(commentPlaces.map((r) => placeKey(r.address))) };
}

/** A probed cell's entry in the record: how it was, and what the add-in writes. */
function recordedCell(env: OfficeEnv, p: Probe, mode: ExplanationMode, commented: Set<string>): RecordedCell {
  const before: CellBefore = { ...cellState(p.range, env.supports('1.9')) };
  if (mode === 'note') before.note = p.note && !p.note.isNullObject ? p.note.content : null;
  const key = `${p.edit.sheet.toLowerCase()}!${normCell(p.edit.cell)}`;
  if (mode !== 'none' && commented.has(key)) before.hadComment = true;
  const wrote: RecordedCell['wrote'] = { fill: p.edit.fill };
  if (p.edit.value !== undefined) {
    wrote.value = p.edit.value;
    if (p.edit.numberFormat) wrote.numberFormat = p.edit.numberFormat;
  }
  if (p.edit.fontColor) wrote.fontColor = p.edit.fontColor;
  if (mode === 'note' && !before.hadComment) wrote.note = p.edit.note;
  if (mode === 'comment' && !before.hadComment) wrote.comment = p.edit.note;
  return { sheet: p.edit.sheet, cell: normCell(p.edit.cell), before, wrote };
}

/** Every earlier table sheet of ours went with the restore: a sheet of a table's name now is the user's, and
 *  is kept; the table takes the next free name ("审核意见(2)"), as in the xlsx host. */
function tableNames(tables: SheetTable[], surveyed: Survey): string[] {
  const taken = new Set(surveyed.sheets.keys());
  return tables.map((t) => {
    let name = t.name;
    for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${t.name}(${i})`;
    taken.add(name.toLowerCase());
    return name;
  });
}

/** Each edit: its value (with number format), fill, font colour and note. */
function editJobs(probes: Probe[], record: RestoreRecord, mode: ExplanationMode, sheetOf: SheetOf): Job[] {
  return probes.map((p, i) => {
    const e = p.edit;
    const rec = record.cells[i];
    return {
      bytes: 300 + utf8Length(JSON.stringify(e)),
      queue: () => {
        const r = p.range;
        if (e.value !== undefined) {
          if (e.numberFormat) r.numberFormat = [[e.numberFormat]];
          // A number into a Text ('@') cell may stay text, which SUM ignores (F12): the cell becomes General.
          else if (typeof e.value === 'number' && rec.before.numberFormat === '@')
            r.numberFormat = [['General']];
          r.values = [[literal(e.value, e.numberFormat ?? rec.before.numberFormat)]];
        }
        r.format.fill.color = e.fill;
        if (e.fontColor) r.format.font.color = e.fontColor;
        if (rec.wrote.note !== undefined) {
          if (p.note && !p.note.isNullObject) p.note.content = e.note;
          else sheetOf(e.sheet).notes.add(r, e.note);
        }
      },
    };
  });
}

/** A threaded comment on each cell that had none. */
function commentJobs(context: Excel.RequestContext, probes: Probe[], record: RestoreRecord): Job[] {
  const jobs: Job[] = [];
  record.cells.forEach((c, i) => {
    const content = c.wrote.comment;
    if (content === undefined) return;
    jobs.push({
      bytes: 200 + utf8Length(content),
      queue: () => {
        context.workbook.comments.add(probes[i].range, content);
      },
    });
  });
  return jobs;
}
