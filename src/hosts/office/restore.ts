// Restoring: every cell the add-in's record (custom XML parts or the document setting) and the command line's
// (the very hidden sheet of a file the CLI scored, read through cli-record.ts) name is put back property by
// property while it still holds our mark; our table sheets and the records go. Four syncs.
import {
  mergeRecords,
  recordToXml,
  RESTORE_SCHEMA,
  RESTORE_SETTING,
  sameColor,
  SHEET_RECORD_NAME,
  recordFromXml,
  type RestoreRecord,
} from '../record';
import { parseAddress } from '../../core';
import { runJobs, utf8Length, type Job } from './batching';
import { cellProps, cellState, literal, placeKey, sameText, sameValue, worksheetsByName } from './cells';
import {
  parseCliRecord,
  unreadableRecordError,
  withCliRecord,
  type CliRecord,
  type RestoreCell,
} from './cli-record';
import type { OfficeEnv } from './env';
import { sheetOperationError, structureProtectedError } from './sheet-errors';
import { recordParts, settingsRecord, survey, type Survey } from './survey';
import type { OfficeRestoreResult } from './types';

type SheetOf = (name: string) => Excel.Worksheet;

/** Both records as one, with what the CLI's adds (its table sheets). */
interface Records {
  record: ReturnType<typeof withCliRecord>;
  cli: CliRecord | null;
  commentAt: Map<string, Excel.Comment>;
  /** Threads with replies (by comment id): never deleted, "Deleting a comment also deletes all replies in that
   *  thread" (excel-add-ins-comments.md) (F3). */
  answered: Set<string>;
}

/** A recorded cell with its range and note, loaded as they are now. */
interface Probe {
  rec: RestoreCell;
  range: Excel.Range;
  note: Excel.Note | null;
}

/** The add-in's record (a custom XML part or the document setting) or the command line's (the very hidden
 *  sheet selfeval_restore of a file the CLI scored) is in the workbook. */
export async function hasMarks(env: OfficeEnv): Promise<boolean> {
  if (settingsRecord(env)) return true;
  return env.excel.run(async (context) => {
    let parts = recordParts(env, context);
    let worksheets = context.workbook.worksheets.load('items/name');
    try {
      await context.sync();
    } catch (e) {
      if (!parts) throw e;
      // Custom XML parts failing (F10): the CLI's record sheet is still looked for.
      parts = null;
      worksheets = context.workbook.worksheets.load('items/name');
      await context.sync();
    }
    return (
      (parts !== null && parts.items.length > 0) ||
      worksheets.items.some((ws) => ws.name.toLowerCase() === SHEET_RECORD_NAME)
    );
  });
}

export async function restore(env: OfficeEnv): Promise<OfficeRestoreResult> {
  return env.excel.run(async (context) => restoreFrom(env, context, await survey(env, context)));
}

async function restoreFrom(
  env: OfficeEnv,
  context: Excel.RequestContext,
  surveyed: Survey,
): Promise<OfficeRestoreResult> {
  if (surveyed.parts.length === 0 && !surveyed.settingsRecord && !surveyed.cliSheet)
    return { restored: 0, kept: 0, blocked: 0 };
  const records = await loadRecords(env, context, surveyed);
  if (!records) {
    dropParts(surveyed);
    await context.sync();
    await dropSettingsRecord(env, surveyed);
    return { restored: 0, kept: 0, blocked: 0 };
  }
  const { record } = records;
  // Nothing is put back when our sheets cannot go (F8): a restore that stops half-way helps nobody.
  if (surveyed.structureProtected && sheetsToRemove(surveyed, records).length > 0)
    throw structureProtectedError();
  const sheetOf = worksheetsByName(context);
  const now = await loadNow(env, context, surveyed, record, sheetOf);
  const writes = restoreJobs(env, now.probes, records, sheetOf);
  // Entries of notes not put back (the user's own note lives only there) stay in the record (F6).
  const remaining = [...now.remaining, ...writes.unrestored];
  writes.jobs.push({
    bytes: 200,
    queue: () => {
      removeSheets(context, surveyed, records);
      if (remaining.length > 0 && surveyed.parts.length > 0) {
        surveyed.parts[0].setXml(
          recordToXml({ ...record, schema: RESTORE_SCHEMA, sheets: [], cells: remaining }),
        );
        surveyed.parts.slice(1).forEach((p) => p.delete());
      } else dropParts(surveyed);
    },
  });
  try {
    await runJobs(context, writes.jobs, env.limit);
  } catch (e) {
    throw sheetOperationError(e);
  }
  if (remaining.length > 0 && surveyed.parts.length === 0) {
    await env.saveSetting(RESTORE_SETTING, JSON.stringify({ ...record, sheets: [], cells: remaining }));
  } else await dropSettingsRecord(env, surveyed);
  return { restored: writes.restored, kept: now.kept + writes.kept, blocked: now.remaining.length };
}

/** The record (and where the comments are), with the command line's record sheet: its used range, in the same
 *  sync (the survey told whether the sheet is there). Null when neither holds a record. */
async function loadRecords(
  env: OfficeEnv,
  context: Excel.RequestContext,
  surveyed: Survey,
): Promise<Records | null> {
  const xmls = surveyed.parts.map((p) => p.getXml());
  const places = surveyed.comments.map((c) => c.getLocation().load('address'));
  const replies = surveyed.comments.map((c) => c.replies.load('items/id'));
  const cliRange = surveyed.cliSheet
    ? context.workbook.worksheets
        .getItem(surveyed.cliSheet)
        .getUsedRangeOrNullObject(true)
        .load('address,values')
    : null;
  await context.sync();
  const records = xmls.map((x) => recordFromXml(x.value)).filter((r): r is RestoreRecord => r !== null);
  if (surveyed.settingsRecord) records.push(surveyed.settingsRecord);
  const own = mergeRecords(records);
  // A sheet of that name that is not a CLI record (A1 is not its schema) is left as it is.
  const cli: CliRecord | null =
    cliRange && !cliRange.isNullObject && startsAtA1(cliRange.address)
      ? parseCliRecord(cliRange.values)
      : null;
  // Never remove a record that cannot be put back whole: the marks it alone could undo would stay for good.
  if (cli && cli.unreadable > 0) throw unreadableRecordError(cli.unreadable);
  const record = cli ? withCliRecord(own, cli, env.explanationMode()) : own;
  if (!record) return null;
  const commentAt = new Map<string, Excel.Comment>();
  places.forEach((r, i) => commentAt.set(placeKey(r.address), surveyed.comments[i]));
  const answered = new Set(surveyed.comments.filter((_, i) => replies[i].items.length > 0).map((c) => c.id));
  return { record, cli, commentAt, answered };
}

/** The touched cells as they are now. Notes are Excel's API from 1.18 only: below it a note the CLI left stays
 *  (its 审核意见 sheet and the task pane say the same), and everything else of the cell is put back. Cells on
 *  sheets gone count as kept; cells on protected sheets remain in the record. */
async function loadNow(
  env: OfficeEnv,
  context: Excel.RequestContext,
  surveyed: Survey,
  record: Records['record'],
  sheetOf: SheetOf,
): Promise<{ probes: Probe[]; remaining: RestoreCell[]; kept: number }> {
  const notes = env.supports('1.18');
  const ownNotes = record.explanation === 'note';
  const props = cellProps(env.supports('1.9'));
  let kept = 0;
  const remaining: RestoreCell[] = [];
  const probes: Probe[] = [];
  for (const rec of record.cells) {
    const info = surveyed.sheets.get(rec.sheet.toLowerCase());
    if (!info) kept++;
    else if (info.protected) remaining.push(rec);
    else probes.push({ rec, range: sheetOf(info.name).getRange(rec.cell), note: null });
  }
  await runJobs(
    context,
    probes.map((p) => ({
      bytes: 400 + utf8Length(p.rec.wrote.note ?? ''),
      queue: () => {
        p.range.load(props);
        const noted = p.rec.cli
          ? !p.rec.markOnly && p.rec.before.note !== undefined
          : ownNotes && p.rec.wrote.note !== undefined;
        if (notes && noted) {
          p.note = sheetOf(p.rec.sheet).notes.getItemOrNullObject(p.rec.cell).load('content');
        }
      },
    })),
    env.limit,
  );
  return { probes, remaining, kept };
}

/** Every write at once: a cell's content where it still holds what the marks left, and each mark while it is
 *  still ours (a colour or note the user set since stays). */
function restoreJobs(
  env: OfficeEnv,
  probes: Probe[],
  records: Pick<Records, 'commentAt' | 'answered'>,
  sheetOf: SheetOf,
): { jobs: Job[]; restored: number; kept: number; unrestored: RestoreCell[] } {
  const { commentAt, answered } = records;
  const unrestored: RestoreCell[] = [];
  const withPattern = env.supports('1.9');
  let restored = 0;
  let kept = 0;
  const jobs = probes.map((p): Job => {
    const { before, wrote } = p.rec;
    const now = cellState(p.range, withPattern);
    const content = contentUnchanged(p.rec, now);
    // A record without what was written (the CLI's before it kept it): every mark is taken as still ours.
    const anyMark = p.rec.anyMark === true;
    const noteNow = p.note && !p.note.isNullObject ? p.note.content : null;
    // Text compared after normalising line ends and whitespace: Excel may give it back changed (F6).
    const noteOurs = p.note !== null && (anyMark || (noteNow !== null && sameText(noteNow, wrote.note)));
    const found =
      wrote.comment !== undefined ? commentAt.get(`${p.rec.sheet.toLowerCase()}!${p.rec.cell}`) : undefined;
    const comment = found && sameText(found.content, wrote.comment) ? found : undefined;
    const threadKept = comment !== undefined && answered.has(comment.id);
    // A user's own note the add-in overwrote and cannot put back: its record entry is kept, not lost.
    const noteLost =
      p.note !== null && !noteOurs && typeof before.note === 'string' && !sameText(noteNow, before.note);
    if (noteLost) unrestored.push(p.rec);
    if (content && !threadKept && !noteLost) restored++;
    else kept++;
    return {
      bytes: 300 + utf8Length(JSON.stringify(p.rec)),
      queue: () => {
        const r = p.range;
        if (content && wrote.value !== undefined) {
          r.numberFormat = [[before.numberFormat]];
          if (before.formula !== null) r.formulas = [[before.formula]];
          else r.values = [[literal(before.value, before.numberFormat)]];
        }
        // Marks come off only where they are still ours: a colour or note the user set since stays.
        if (anyMark || sameColor(now.fill, wrote.fill)) {
          if (before.fill === null) r.format.fill.clear();
          else r.format.fill.color = before.fill;
        }
        if (anyMark || (wrote.fontColor && sameColor(now.fontColor, wrote.fontColor)))
          r.format.font.color = before.fontColor;
        if (p.note && noteOurs) {
          if (before.note === null || before.note === undefined) {
            if (noteNow !== null) p.note.delete();
          } else if (noteNow !== null) p.note.content = before.note;
          else sheetOf(p.rec.sheet).notes.add(r, before.note);
        }
        if (comment && !threadKept) comment.delete();
      },
    };
  });
  return { jobs, restored, kept, unrestored };
}

/** The cell still holds what the marks left: the value written, or else the value it had. A cell of a merged
 *  area other than its top-left one holds none; a shared formula's text was never recorded. */
function contentUnchanged(rec: RestoreCell, now: ReturnType<typeof cellState>): boolean {
  const { before, wrote } = rec;
  if (rec.markOnly) return true;
  if (rec.shared) return wrote.value === undefined && now.formula !== null;
  if (wrote.value !== undefined) return now.formula === null && sameValue(now.value, wrote.value);
  if (before.formula !== null) return now.formula === before.formula;
  return now.formula === null && sameValue(now.value, before.value);
}

/** Our table sheets, the CLI's (as its record names them) and the CLI's record sheet. The harness's
 *  selfeval_document sheet stays: it is not the CLI's, and holds the document settings and custom XML parts
 *  the workbook had when the harness saved it. */
function removeSheets(context: Excel.RequestContext, surveyed: Survey, records: Records): void {
  for (const name of sheetsToRemove(surveyed, records)) {
    const ws = context.workbook.worksheets.getItem(name);
    // Excel refuses to delete a very hidden sheet.
    if (name.toLowerCase() === SHEET_RECORD_NAME) ws.visibility = 'Hidden';
    ws.delete();
  }
}

/** The names (as in the workbook) of the sheets a restore deletes. */
function sheetsToRemove(surveyed: Survey, records: Records): string[] {
  const { record, cli } = records;
  const gone = new Set<string>();
  for (const name of [...record.sheets, ...(cli?.tables ?? []), ...(cli ? [SHEET_RECORD_NAME] : [])]) {
    const info = surveyed.sheets.get(name.toLowerCase());
    if (info) gone.add(info.name);
  }
  return [...gone];
}

function dropParts(surveyed: Survey): void {
  for (const p of surveyed.parts) p.delete();
}

async function dropSettingsRecord(env: OfficeEnv, surveyed: Survey): Promise<void> {
  if (!surveyed.settingsRecord) return;
  await env.removeSetting(RESTORE_SETTING);
}

/** The used range starts at A1 (where the CLI's record has its schema). */
function startsAtA1(address: string): boolean {
  const { box } = parseAddress(address);
  return box.top === 0 && box.left === 0;
}
