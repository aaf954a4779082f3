// The Office.js host: the workbook open in Excel, read as grids and marked from a write plan, with an exact
// restore kept in the workbook.
//
// Requirement sets. The host needs ExcelApi 1.4 and nothing newer (Worksheet.getUsedRangeOrNullObject and
// WorksheetCollection.getItemOrNullObject; Range.values / formulas / numberFormat, RangeFill, RangeFont,
// Range.select are 1.1, WorksheetProtection and RangeFormat.columnWidth 1.2). Everything newer is used only
// after Office.context.requirements.isSetSupported:
//   1.5  workbook.customXmlParts      the restore record (else: document settings)
//   1.7  Workbook.name, Range.hyperlink  the workbook's name (else: the document URL), links in 审核意见
//   1.9  RangeFill.pattern            tells "no fill" from a white fill (else white is taken as no fill)
//   1.10 workbook.comments            explanations as threaded comments when notes are not available
//   1.13 Range.getMergedAreasOrNullObject  merged areas (else none: the core fills level names down anyway)
//   1.18 worksheet.notes              explanations as notes
// Office 2019 (ExcelApi 1.8): comments are not available, explanations go to the 审核意见 sheet and the task pane.
// Office 2021 (1.14): comments and merged areas. Microsoft 365 (1.18+): notes.
//
// Round trips (context.sync), the same for any number of sheets or cells below the payload limit:
//   read()      2  sheet names and record parts; every used range (values, number formats) and merged areas at
//                  once. 3 when a record part is in the workbook (a read with no restore before it, or cells a
//                  restore left on protected sheets): its XML names the sheets the add-in added, not read.
//   hasMarks()  1  record parts and sheet names (0 when the document setting holds a record)
//   restore()   4  record parts, sheets, comments; record XML, comment places and the used range of the CLI's
//                  record sheet (selfeval_restore, a file scored by the command line: see cli-record.ts); the
//                  touched cells of both records as they are now; all the writes
//   apply()     3  survey; the originals of the cells to touch; the record, the tables, every edit and its
//                  note or comment at once. With marks from before, the restore's 4 and one more survey first.
//   select()    1
// Only a read or write estimated above the payload limit (Excel on the web: 5 MB a request; we keep 4 MB) is
// cut into several syncs.
import type {
  ApplyResult,
  ExplanationMode,
  HostCapabilities,
  RestoreResult,
  WorkbookHost,
  WorkbookRead,
} from '../../app/host';
import {
  REVIEW_SHEET_NAME,
  columnLetters,
  parseA1,
  parseAddress,
  quoteSheet,
  splitAreas,
  type CellEdit,
  type CellRange,
  type CellValue,
  type SheetGrid,
  type SheetTable,
  type WorkbookError,
  type WritePlan,
} from '../../core';
import {
  CLI_RECORD_SHEET,
  parseCliRecord,
  withCliRecord,
  type CliRecord,
  type RestoreCell,
} from './cli-record';
import {
  RESTORE_NAMESPACE,
  RESTORE_SCHEMA,
  RESTORE_SETTING,
  literal,
  mergeRecords,
  parseRecord,
  recordFromXml,
  recordToXml,
  sameColor,
  sameValue,
  utf8Length,
  type CellBefore,
  type RecordedCell,
  type RestoreRecord,
  type Scalar,
} from './record';

export { RESTORE_NAMESPACE, RESTORE_SETTING } from './record';
export type { RestoreRecord } from './record';

/** The requirement set the add-in cannot work without (the manifest's minimum). */
export const MIN_EXCEL_API = '1.4';

/** Round trips of each operation (see the top of this file); the tests hold the host to them. The CLI's record
 *  costs none more: restore reads its sheet in the sync that reads the add-in's record XML. */
export const SYNCS = {
  read: 2,
  hasMarks: 1,
  restore: 4,
  apply: 3,
  select: 1,
} as const;

const KNOWN_VERSIONS = [
  '1.1',
  '1.2',
  '1.3',
  '1.4',
  '1.5',
  '1.6',
  '1.7',
  '1.8',
  '1.9',
  '1.10',
  '1.11',
  '1.12',
].concat(['1.13', '1.14', '1.15', '1.16', '1.17', '1.18', '1.19', '1.20']);

/** The very hidden sheets of the xlsx host (the CLI's restore record, the harness's document): never read. The
 *  table sheets the add-in wrote are skipped by its record, not by name: a user's own sheet named 审核意见 or
 *  评分汇总 is kept when scoring (ours then goes to 审核意见(2)) and is read like any other sheet. */
const XLSX_HOST_SHEETS = new Set(['selfeval_restore', 'selfeval_document']);

/** Estimated response bytes of one cell of a used range (value and number format). */
const BYTES_PER_CELL = 48;

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

interface SheetInfo {
  name: string;
  protected: boolean;
}

interface Survey {
  parts: Excel.CustomXmlPart[];
  settingsRecord: RestoreRecord | null;
  /** The name of the command line's record sheet (selfeval_restore) when the workbook has one. */
  cliSheet: string | null;
  sheets: Map<string, SheetInfo>;
  comments: Excel.Comment[];
}

/** One unit of a batched read or write: its estimated size and the calls that queue it. */
interface Job {
  bytes: number;
  queue: () => void;
}

interface CellState {
  value: Scalar;
  formula: string | null;
  numberFormat: string;
  fill: string | null;
  fontColor: string;
}

export function createOfficeHost(opts: OfficeHostOptions = {}): OfficeHost {
  return new OfficeHost(opts);
}

export class OfficeHost implements WorkbookHost {
  private readonly opts: OfficeHostOptions;

  constructor(opts: OfficeHostOptions = {}) {
    this.opts = opts;
  }

  private get excel(): ExcelGlobal {
    const e = this.opts.excel ?? (globalThis as { Excel?: ExcelGlobal }).Excel;
    if (!e) throw new Error('Office.js 未加载 / Office.js is not loaded (no Excel namespace)');
    return e;
  }

  private get office(): OfficeGlobal {
    const o = this.opts.office ?? (globalThis as { Office?: OfficeGlobal }).Office;
    if (!o) throw new Error('Office.js 未加载 / Office.js is not loaded (no Office namespace)');
    return o;
  }

  private get limit(): number {
    return this.opts.payloadLimitBytes ?? 4_000_000;
  }

  private supports(version: string): boolean {
    return this.office.context.requirements.isSetSupported('ExcelApi', version);
  }

  private explanationMode(): ExplanationMode {
    if (this.supports('1.18')) return 'note';
    if (this.supports('1.10')) return 'comment';
    return 'none';
  }

  capabilities(): HostCapabilities {
    let excelApi = '1.1';
    for (const v of KNOWN_VERSIONS) if (this.supports(v)) excelApi = v;
    return { excelApi, explanation: this.explanationMode(), mergedAreas: this.supports('1.13') };
  }

  // ---------------------------------------------------------------------------------------------------------
  // Reading

  async read(): Promise<WorkbookRead> {
    return this.excel.run(async (context) => {
      const workbook = context.workbook;
      const worksheets = workbook.worksheets;
      worksheets.load(this.supports('1.2') ? 'items/name,items/protection/protected' : 'items/name');
      if (this.supports('1.7')) workbook.load('name');
      const parts = this.supports('1.5')
        ? workbook.customXmlParts.getByNamespace(RESTORE_NAMESPACE).load('items/id')
        : null;
      await context.sync();

      const source = this.supports('1.7') ? workbook.name : this.documentName();
      const errors: WorkbookError[] = [];
      const own = await this.recordedSheets(context, parts ? parts.items : []);
      const sheets = worksheets.items.filter((ws) => {
        const name = ws.name.toLowerCase();
        return !XLSX_HOST_SHEETS.has(name) && !own.has(name);
      });
      for (const ws of sheets) {
        if (this.supports('1.2') && ws.protection.protected) errors.push(protectedSheetError(ws.name));
      }
      const withMerges = this.supports('1.13');
      const used = sheets.map((ws) => ws.getUsedRangeOrNullObject(true).load('address,values,numberFormat'));
      const merged = withMerges
        ? sheets.map((ws) => ws.getRange().getMergedAreasOrNullObject().load('address'))
        : [];
      try {
        await context.sync();
      } catch (e) {
        if (!isPayloadError(e)) throw e;
        return { source, sheets: await this.readInChunks(context, sheets), errors };
      }
      const grids = sheets.map((ws, i) => {
        const range = used[i];
        const merges = withMerges && !merged[i].isNullObject ? merged[i].address : null;
        if (range.isNullObject) return emptyGrid(ws.name, merges);
        return toGrid(ws.name, range.address, range.values, range.numberFormat, merges);
      });
      return { source, sheets: grids, errors };
    });
  }

  /** The sheets the add-in's record says it added (lower case). Scoring restores first, which removes them and
   *  (but for cells on protected sheets) the record; a record part costs one more sync, for its XML. */
  private async recordedSheets(
    context: Excel.RequestContext,
    parts: Excel.CustomXmlPart[],
  ): Promise<Set<string>> {
    const records: RestoreRecord[] = [];
    const settings = this.settingsRecord();
    if (settings) records.push(settings);
    if (parts.length > 0) {
      const xmls = parts.map((p) => p.getXml());
      await context.sync();
      for (const x of xmls) {
        const r = recordFromXml(x.value);
        if (r) records.push(r);
      }
    }
    return new Set(records.flatMap((r) => r.sheets.map((name) => name.toLowerCase())));
  }

  /** A read too large for one response: used-range addresses first, then blocks of rows that fit the budget. */
  private async readInChunks(context: Excel.RequestContext, sheets: Excel.Worksheet[]): Promise<SheetGrid[]> {
    const withMerges = this.supports('1.13');
    const used = sheets.map((ws) => ws.getUsedRangeOrNullObject(true).load('address'));
    const merged = withMerges
      ? sheets.map((ws) => ws.getRange().getMergedAreasOrNullObject().load('address'))
      : [];
    await context.sync();
    const parts: { sheet: number; box: CellRange; values?: unknown[][]; formats?: unknown[][] }[] = [];
    sheets.forEach((_, i) => {
      if (used[i].isNullObject) return;
      const { box } = parseAddress(used[i].address);
      const width = box.right - box.left + 1;
      const rows = Math.max(1, Math.floor(this.limit / 2 / (width * BYTES_PER_CELL)));
      for (let top = box.top; top <= box.bottom; top += rows) {
        parts.push({ sheet: i, box: { ...box, top, bottom: Math.min(box.bottom, top + rows - 1) } });
      }
    });
    const pending: (() => void)[] = [];
    await this.runJobs(
      context,
      parts.map((p) => ({
        bytes: (p.box.bottom - p.box.top + 1) * (p.box.right - p.box.left + 1) * BYTES_PER_CELL,
        queue: () => {
          const r = sheets[p.sheet].getRange(boxAddress(p.box)).load('values,numberFormat');
          // Read back after the sync that carries this job.
          pending.push(() => {
            p.values = r.values;
            p.formats = r.numberFormat;
          });
        },
      })),
      () => {
        for (const take of pending.splice(0)) take();
      },
    );
    return sheets.map((ws, i) => {
      const merges = withMerges && !merged[i].isNullObject ? merged[i].address : null;
      if (used[i].isNullObject) return emptyGrid(ws.name, merges);
      const mine = parts.filter((p) => p.sheet === i);
      const values = mine.flatMap((p) => p.values ?? []);
      const formats = mine.flatMap((p) => p.formats ?? []);
      return toGrid(ws.name, used[i].address, values, formats, merges);
    });
  }

  private documentName(): string {
    const url = this.office.context.document.url ?? '';
    const name = url.split(/[\\/]/).pop() ?? '';
    return name ? decodeURIComponent(name) : 'workbook';
  }

  // ---------------------------------------------------------------------------------------------------------
  // Writing

  async apply(plan: WritePlan, tables: SheetTable[]): Promise<OfficeApplyResult> {
    return this.excel.run(async (context) => {
      let survey = await this.survey(context);
      let cleared: RestoreResult | null = null;
      if (survey.parts.length > 0 || survey.settingsRecord || survey.cliSheet) {
        cleared = await this.restoreFrom(context, survey);
        survey = await this.survey(context);
      }
      return { ...(await this.applyFresh(context, survey, plan, tables)), cleared };
    });
  }

  private async applyFresh(
    context: Excel.RequestContext,
    survey: Survey,
    plan: WritePlan,
    tables: SheetTable[],
  ): Promise<OfficeApplyResult> {
    const mode = this.explanationMode();
    const skipped: SkippedEdit[] = [];
    const edits: CellEdit[] = [];
    for (const e of plan.edits) {
      const info = survey.sheets.get(e.sheet.toLowerCase());
      if (!info) skipped.push({ sheet: e.sheet, cell: e.cell, reason: 'missing-sheet' });
      else if (info.protected) skipped.push({ sheet: e.sheet, cell: e.cell, reason: 'protected' });
      else edits.push(e);
    }
    const sheetOf = worksheetsByName(context);

    // Where threaded comments already are (their places were not known in the survey).
    const commentPlaces =
      mode === 'comment' ? survey.comments.map((c) => c.getLocation().load('address')) : [];

    // The originals of every cell to touch, in one sync (more only above the payload budget).
    const fillProps = this.supports('1.9') ? ',format/fill/pattern' : '';
    const probes = edits.map((e) => ({
      edit: e,
      range: sheetOf(e.sheet).getRange(e.cell),
      note: null as Excel.Note | null,
    }));
    await this.runJobs(
      context,
      probes.map((p) => ({
        bytes: 400 + utf8Length(p.edit.note),
        queue: () => {
          p.range.load(`values,formulas,numberFormat,format/fill/color,format/font/color${fillProps}`);
          if (mode === 'note')
            p.note = sheetOf(p.edit.sheet).notes.getItemOrNullObject(p.edit.cell).load('content');
        },
      })),
    );
    const commented = new Set(commentPlaces.map((r) => placeKey(r.address)));

    const record: RestoreRecord = { schema: RESTORE_SCHEMA, explanation: mode, sheets: [], cells: [] };
    for (const p of probes) {
      const before: CellBefore = { ...this.cellState(p.range) };
      if (mode === 'note') before.note = p.note && !p.note.isNullObject ? p.note.content : null;
      const key = `${p.edit.sheet.toLowerCase()}!${normCell(p.edit.cell)}`;
      if (mode === 'comment' && commented.has(key)) before.hadComment = true;
      const wrote: RecordedCell['wrote'] = { fill: p.edit.fill };
      if (p.edit.value !== undefined) {
        wrote.value = p.edit.value;
        if (p.edit.numberFormat) wrote.numberFormat = p.edit.numberFormat;
      }
      if (p.edit.fontColor) wrote.fontColor = p.edit.fontColor;
      if (mode === 'note') wrote.note = p.edit.note;
      if (mode === 'comment' && !before.hadComment) wrote.comment = p.edit.note;
      record.cells.push({ sheet: p.edit.sheet, cell: normCell(p.edit.cell), before, wrote });
    }
    // Every earlier table sheet of ours went with the restore: a sheet of a table's name now is the user's, and
    // is kept; the table takes the next free name ("审核意见(2)"), as in the xlsx host.
    const taken = new Set(survey.sheets.keys());
    record.sheets = tables.map((t) => {
      let name = t.name;
      for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${t.name}(${i})`;
      taken.add(name.toLowerCase());
      return name;
    });

    // The record goes first: whatever happens after it, the workbook can be put back.
    const jobs: Job[] = [];
    const useParts = this.supports('1.5');
    const xml = recordToXml(record);
    if (useParts)
      jobs.push({ bytes: utf8Length(xml) + 200, queue: () => context.workbook.customXmlParts.add(xml) });
    else {
      // One setting holds the record: keep the cells a restore left marked (sheets protected since scoring).
      const kept = survey.settingsRecord ? mergeRecords([survey.settingsRecord, record]) : record;
      await this.saveSetting(RESTORE_SETTING, JSON.stringify(kept));
    }

    tables.forEach((table, i) => jobs.push(...this.tableJobs(context, table, record.sheets[i])));

    probes.forEach((p, i) => {
      const e = p.edit;
      const rec = record.cells[i];
      jobs.push({
        bytes: 300 + utf8Length(JSON.stringify(e)),
        queue: () => {
          const r = p.range;
          if (e.value !== undefined) {
            if (e.numberFormat) r.numberFormat = [[e.numberFormat]];
            r.values = [[literal(e.value, e.numberFormat ?? rec.before.numberFormat)]];
          }
          r.format.fill.color = e.fill;
          if (e.fontColor) r.format.font.color = e.fontColor;
          if (mode === 'note') {
            if (p.note && !p.note.isNullObject) p.note.content = e.note;
            else sheetOf(e.sheet).notes.add(r, e.note);
          }
        },
      });
    });
    // Threaded comments last: Excel stops a batch at an action it refuses (a cell holding an old-style note
    // cannot take a thread), and by then the record, the tables and every mark are in.
    if (mode === 'comment') {
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
    }
    let commentsIncomplete = false;
    try {
      await this.runJobs(context, jobs);
    } catch (e) {
      if (!(mode === 'comment' && /^Comment/.test(errorLocation(e)))) throw e;
      // Restore removes whichever comments did land; the 审核意见 sheet has every explanation.
      commentsIncomplete = true;
    }

    return {
      cellsMarked: edits.length,
      valuesWritten: edits.filter((e) => e.value !== undefined).length,
      explanation: mode,
      cleared: null,
      skipped,
      commentsIncomplete,
    };
  }

  /** A table as a new sheet named `name`: header in bold, widths, links to the cells. */
  private tableJobs(context: Excel.RequestContext, table: SheetTable, name: string): Job[] {
    const jobs: Job[] = [];
    let ws: Excel.Worksheet | null = null;
    const width = Math.max(table.header.length, ...table.rows.map((r) => r.values.length));
    const last = columnLetters(Math.max(0, width - 1));
    jobs.push({
      bytes: 400 + width * 60,
      queue: () => {
        ws = context.workbook.worksheets.add(name);
        const header = ws.getRange(`A1:${last}1`);
        header.values = [pad(table.header, width)];
        header.format.font.bold = true;
        table.widths.forEach((w, c) => {
          if (ws)
            ws.getRange(`${columnLetters(c)}:${columnLetters(c)}`).format.columnWidth = charsToPoints(w);
        });
      },
    });
    const links = this.supports('1.7');
    // Blocks of rows, each well inside the payload budget (a block is one write of values).
    const rowBytes = (r: SheetTable['rows'][number]): number =>
      60 + utf8Length(JSON.stringify(r.values)) + (links ? (r.links?.length ?? 0) * 160 : 0);
    for (let start = 0; start < table.rows.length;) {
      let end = start;
      let bytes = 200;
      while (
        end < table.rows.length &&
        (end === start || bytes + rowBytes(table.rows[end]) <= this.limit / 2)
      ) {
        bytes += rowBytes(table.rows[end]);
        end++;
      }
      const rows = table.rows.slice(start, end);
      const top = start + 2;
      jobs.push({
        bytes,
        queue: () => {
          if (!ws) return;
          const block = ws.getRange(`A${top}:${last}${top + rows.length - 1}`);
          block.values = rows.map((r) => pad(r.values.map(tableValue), width));
          if (!links) return;
          rows.forEach((r, i) => {
            for (const l of r.links ?? []) {
              if (!ws) continue;
              ws.getRange(`${columnLetters(l.column)}${top + i}`).hyperlink = {
                documentReference: `${quoteSheet(l.sheet)}!${l.cell}`,
                textToDisplay: String(r.values[l.column] ?? `${l.sheet}!${l.cell}`),
              };
            }
          });
        },
      });
      start = end;
    }
    return jobs;
  }

  private cellState(range: Excel.Range): CellState {
    const value = range.values[0][0] as Scalar;
    const f = range.formulas[0][0] as unknown;
    const color = range.format.fill.color;
    const noFill = this.supports('1.9') ? range.format.fill.pattern === 'None' : sameColor(color, '#FFFFFF');
    return {
      value,
      formula: typeof f === 'string' && f.startsWith('=') ? f : null,
      numberFormat: String(range.numberFormat[0][0] ?? 'General'),
      fill: noFill || !color ? null : color.toUpperCase(),
      fontColor: (range.format.font.color ?? '#000000').toUpperCase(),
    };
  }

  // ---------------------------------------------------------------------------------------------------------
  // Restoring

  /** The add-in's record (a custom XML part or the document setting) or the command line's (the very hidden
   *  sheet selfeval_restore of a file the CLI scored) is in the workbook. */
  async hasMarks(): Promise<boolean> {
    if (this.settingsRecord()) return true;
    return this.excel.run(async (context) => {
      const parts = this.supports('1.5')
        ? context.workbook.customXmlParts.getByNamespace(RESTORE_NAMESPACE).load('items/id')
        : null;
      const worksheets = context.workbook.worksheets.load('items/name');
      await context.sync();
      return (
        (parts !== null && parts.items.length > 0) ||
        worksheets.items.some((ws) => ws.name.toLowerCase() === CLI_RECORD_SHEET)
      );
    });
  }

  async restore(): Promise<OfficeRestoreResult> {
    return this.excel.run(async (context) => this.restoreFrom(context, await this.survey(context)));
  }

  /** One sync: the record's parts, the sheets (name, protection) and the threaded comments. */
  private async survey(context: Excel.RequestContext): Promise<Survey> {
    const parts = this.supports('1.5')
      ? context.workbook.customXmlParts.getByNamespace(RESTORE_NAMESPACE).load('items/id')
      : null;
    const worksheets = context.workbook.worksheets.load(
      this.supports('1.2') ? 'items/name,items/protection/protected' : 'items/name',
    );
    const comments = this.supports('1.10') ? context.workbook.comments.load('items/id,items/content') : null;
    await context.sync();
    const sheets = new Map<string, SheetInfo>();
    for (const ws of worksheets.items) {
      sheets.set(ws.name.toLowerCase(), {
        name: ws.name,
        protected: this.supports('1.2') ? ws.protection.protected : false,
      });
    }
    return {
      parts: parts ? parts.items : [],
      settingsRecord: this.settingsRecord(),
      cliSheet: sheets.get(CLI_RECORD_SHEET)?.name ?? null,
      sheets,
      comments: comments ? comments.items : [],
    };
  }

  private async restoreFrom(context: Excel.RequestContext, survey: Survey): Promise<OfficeRestoreResult> {
    if (survey.parts.length === 0 && !survey.settingsRecord && !survey.cliSheet)
      return { restored: 0, kept: 0, blocked: 0 };
    // The record (and where the comments are), with the command line's record sheet: its used range, in the
    // same sync (the survey told whether the sheet is there).
    const xmls = survey.parts.map((p) => p.getXml());
    const places = survey.comments.map((c) => c.getLocation().load('address'));
    const cliRange = survey.cliSheet
      ? context.workbook.worksheets
          .getItem(survey.cliSheet)
          .getUsedRangeOrNullObject(true)
          .load('address,values')
      : null;
    await context.sync();
    const records = xmls.map((x) => recordFromXml(x.value)).filter((r): r is RestoreRecord => r !== null);
    if (survey.settingsRecord) records.push(survey.settingsRecord);
    const own = mergeRecords(records);
    // A sheet of that name that is not a CLI record (A1 is not its schema) is left as it is.
    const cli: CliRecord | null =
      cliRange && !cliRange.isNullObject && startsAtA1(cliRange.address)
        ? parseCliRecord(cliRange.values)
        : null;
    const record = cli ? withCliRecord(own, cli, this.explanationMode()) : own;
    if (!record) {
      this.dropRecord(survey);
      await context.sync();
      await this.dropSettingsRecord(survey);
      return { restored: 0, kept: 0, blocked: 0 };
    }
    const commentAt = new Map<string, Excel.Comment>();
    places.forEach((r, i) => commentAt.set(placeKey(r.address), survey.comments[i]));

    // The touched cells as they are now. Notes are Excel's API from 1.18 only: below it a note the CLI left stays
    // (its 审核意见 sheet and the task pane say the same), and everything else of the cell is put back.
    const notes = this.supports('1.18');
    const ownNotes = record.explanation === 'note';
    const fillProps = this.supports('1.9') ? ',format/fill/pattern' : '';
    const sheetOf = worksheetsByName(context);
    let kept = 0;
    const remaining: RestoreCell[] = [];
    const probes: { rec: RestoreCell; range: Excel.Range; note: Excel.Note | null }[] = [];
    for (const rec of record.cells) {
      const info = survey.sheets.get(rec.sheet.toLowerCase());
      if (!info) kept++;
      else if (info.protected) remaining.push(rec);
      else probes.push({ rec, range: sheetOf(info.name).getRange(rec.cell), note: null });
    }
    await this.runJobs(
      context,
      probes.map((p) => ({
        bytes: 400 + utf8Length(p.rec.wrote.note ?? ''),
        queue: () => {
          p.range.load(`values,formulas,numberFormat,format/fill/color,format/font/color${fillProps}`);
          const noted = p.rec.cli
            ? !p.rec.markOnly && p.rec.before.note !== undefined
            : ownNotes && p.rec.wrote.note !== undefined;
          if (notes && noted) {
            p.note = sheetOf(p.rec.sheet).notes.getItemOrNullObject(p.rec.cell).load('content');
          }
        },
      })),
    );

    // Every write at once.
    let restored = 0;
    const jobs: Job[] = [];
    for (const p of probes) {
      const { before, wrote } = p.rec;
      const now = this.cellState(p.range);
      // The cell still holds what the marks left: the value written, or else the value it had. A cell of a
      // merged area other than its top-left one holds none; a shared formula's text was never recorded.
      const content = p.rec.markOnly
        ? true
        : p.rec.shared
          ? wrote.value === undefined && now.formula !== null
          : wrote.value !== undefined
            ? now.formula === null && sameValue(now.value, wrote.value)
            : before.formula !== null
              ? now.formula === before.formula
              : now.formula === null && sameValue(now.value, before.value);
      // A record without what was written (the CLI's before it kept it): every mark is taken as still ours.
      const anyMark = p.rec.anyMark === true;
      if (content) restored++;
      else kept++;
      const noteNow = p.note && !p.note.isNullObject ? p.note.content : null;
      const comment =
        wrote.comment !== undefined ? commentAt.get(`${p.rec.sheet.toLowerCase()}!${p.rec.cell}`) : undefined;
      jobs.push({
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
          if (p.note && (anyMark || (noteNow !== null && noteNow === wrote.note))) {
            if (before.note === null || before.note === undefined) {
              if (noteNow !== null) p.note.delete();
            } else if (noteNow !== null) p.note.content = before.note;
            else sheetOf(p.rec.sheet).notes.add(r, before.note);
          }
          if (comment && comment.content === wrote.comment) comment.delete();
        },
      });
    }
    jobs.push({
      bytes: 200,
      queue: () => {
        // Our table sheets, the CLI's (as its record names them) and the CLI's record sheet. The harness's
        // selfeval_document sheet stays: it is not the CLI's, and holds the document settings and custom XML
        // parts the workbook had when the harness saved it.
        const gone = new Set<string>();
        for (const name of [...record.sheets, ...(cli?.tables ?? []), ...(cli ? [CLI_RECORD_SHEET] : [])]) {
          const info = survey.sheets.get(name.toLowerCase());
          if (!info || gone.has(info.name)) continue;
          gone.add(info.name);
          const ws = context.workbook.worksheets.getItem(info.name);
          // Excel refuses to delete a very hidden sheet.
          if (info.name.toLowerCase() === CLI_RECORD_SHEET) ws.visibility = 'Hidden';
          ws.delete();
        }
        if (remaining.length > 0 && survey.parts.length > 0) {
          survey.parts[0].setXml(
            recordToXml({ ...record, schema: RESTORE_SCHEMA, sheets: [], cells: remaining }),
          );
          survey.parts.slice(1).forEach((p) => p.delete());
        } else this.dropRecord(survey);
      },
    });
    await this.runJobs(context, jobs);
    if (remaining.length > 0 && survey.parts.length === 0) {
      await this.saveSetting(RESTORE_SETTING, JSON.stringify({ ...record, sheets: [], cells: remaining }));
    } else await this.dropSettingsRecord(survey);
    return { restored, kept, blocked: remaining.length };
  }

  private dropRecord(survey: Survey): void {
    for (const p of survey.parts) p.delete();
  }

  private async dropSettingsRecord(survey: Survey): Promise<void> {
    if (!survey.settingsRecord) return;
    this.office.context.document.settings.remove(RESTORE_SETTING);
    await this.saveSettings();
  }

  private settingsRecord(): RestoreRecord | null {
    const raw = this.office.context.document.settings.get(RESTORE_SETTING);
    return typeof raw === 'string' ? parseRecord(raw) : null;
  }

  // ---------------------------------------------------------------------------------------------------------
  // Selection and settings

  async select(sheet: string, cell: string): Promise<void> {
    await this.excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(cell).select();
      await context.sync();
    });
  }

  getSetting(key: string): string | null {
    const v = this.office.context.document.settings.get(key);
    return typeof v === 'string' ? v : null;
  }

  async setSetting(key: string, value: string): Promise<void> {
    await this.saveSetting(key, value);
  }

  private async saveSetting(key: string, value: string): Promise<void> {
    this.office.context.document.settings.set(key, value);
    await this.saveSettings();
  }

  private saveSettings(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.office.context.document.settings.saveAsync((result) => {
        if (result.status === 'failed') {
          reject(
            new Error(
              `保存文档设置失败 / Saving the document settings failed: ${result.error?.message ?? ''}`,
            ),
          );
        } else resolve();
      });
    });
  }

  // ---------------------------------------------------------------------------------------------------------
  // Batching

  /** Queue the jobs and sync: once when they fit the payload budget, in as few syncs as the budget allows when
   *  they do not. `after` runs after every sync (to collect what it loaded). */
  private async runJobs(context: Excel.RequestContext, jobs: Job[], after?: () => void): Promise<void> {
    const batches: Job[][] = [[]];
    let size = 0;
    for (const job of jobs) {
      const current = batches[batches.length - 1];
      if (current.length > 0 && size + job.bytes > this.limit) {
        batches.push([job]);
        size = job.bytes;
      } else {
        current.push(job);
        size += job.bytes;
      }
    }
    for (const batch of batches) {
      for (const job of batch) job.queue();
      // Several syncs only when the batch is over the payload budget (Excel on the web's 5 MB limit).
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
      after?.();
    }
  }
}

// -----------------------------------------------------------------------------------------------------------

function protectedSheetError(sheet: string): WorkbookError {
  return {
    code: 'SHEET_PROTECTED',
    sheet,
    message: `工作表“${sheet}”受保护：已读取并评分，但无法在其单元格上标记；问题见“${REVIEW_SHEET_NAME}”表。`,
    messageEn: `Sheet "${sheet}" is protected: it was read and scored, but its cells cannot be marked; see the ${REVIEW_SHEET_NAME} sheet for its findings.`,
  };
}

function isOfficeError(e: unknown): e is { code: string; message: string } {
  return typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'string';
}

function errorLocation(e: unknown): string {
  const info = (e as { debugInfo?: { errorLocation?: unknown } } | null)?.debugInfo;
  return typeof info?.errorLocation === 'string' ? info.errorLocation : '';
}

function isPayloadError(e: unknown): boolean {
  return (
    isOfficeError(e) &&
    (e.code === 'RequestPayloadSizeLimitExceeded' || e.code === 'ResponsePayloadSizeLimitExceeded')
  );
}

function emptyGrid(name: string, merges: string | null): SheetGrid {
  return { name, values: [], formats: [], merges: parseMerges(merges), origin: { row: 0, col: 0 } };
}

function toGrid(
  name: string,
  address: string,
  values: unknown[][],
  formats: unknown[][],
  merges: string | null,
): SheetGrid {
  const { box } = parseAddress(address);
  return {
    name,
    values: values.map((row) => row.map(toCellValue)),
    formats: formats.map((row) => row.map((f) => (typeof f === 'string' ? f : null))),
    merges: parseMerges(merges),
    origin: { row: box.top, col: box.left },
  };
}

function toCellValue(v: unknown): CellValue {
  if (v === '' || v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  return String(v);
}

function parseMerges(address: string | null): CellRange[] {
  return address ? splitAreas(address).map((a) => parseAddress(a).box) : [];
}

function boxAddress(box: CellRange): string {
  return `${columnLetters(box.left)}${box.top + 1}:${columnLetters(box.right)}${box.bottom + 1}`;
}

/** "sheet!A1" (sheet in lower case) of a comment's location, as the record's cells are keyed. */
function placeKey(address: string): string {
  const a = parseAddress(address);
  return `${(a.sheet ?? '').toLowerCase()}!${columnLetters(a.box.left)}${a.box.top + 1}`;
}

/** Worksheet proxies by name, each got once in a batch. */
function worksheetsByName(context: Excel.RequestContext): (name: string) => Excel.Worksheet {
  const proxies = new Map<string, Excel.Worksheet>();
  return (name) => {
    let ws = proxies.get(name);
    if (!ws) {
      ws = context.workbook.worksheets.getItem(name);
      proxies.set(name, ws);
    }
    return ws;
  };
}

function normCell(cell: string): string {
  const { row, col } = parseA1(cell);
  return `${columnLetters(col)}${row + 1}`;
}

function pad(values: (string | number | null)[], width: number): (string | number)[] {
  const out = values.map((v) => (v === null ? '' : v));
  while (out.length < width) out.push('');
  return out;
}

/** Table text is written as it is (Excel may read "97.34%" or "965043.97" as numbers, which suits a table),
 *  except text Excel would take for a formula. */
function tableValue(v: string | number | null): string | number | null {
  if (typeof v !== 'string') return v;
  const formulaLike = /^[=@]/.test(v) || (/^[+-]/.test(v) && !/^[+-]?\d+(\.\d+)?$/.test(v));
  return formulaLike ? `'${v}` : v;
}

/** Column width: characters (as the core gives them) to points (as Excel's API takes them). */
function charsToPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

/** The used range starts at A1 (where the CLI's record has its schema). */
function startsAtA1(address: string): boolean {
  const { box } = parseAddress(address);
  return box.top === 0 && box.left === 0;
}
