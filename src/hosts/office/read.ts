// Reading: every sheet's used range (values, number formats) and merged areas as the core's grids, in two
// syncs (three when a record part names the sheets the add-in added), in more only above the payload budget.
import type { WorkbookRead } from '../../app/host';
import {
  REVIEW_SHEET_NAME,
  columnLetters,
  parseAddress,
  splitAreas,
  type CellRange,
  type CellValue,
  type SheetGrid,
  type WorkbookError,
} from '../../core';
import { recordFromXml, SHEET_RECORD_NAME, type RestoreRecord } from '../record';
import { BYTES_PER_CELL, isCellLimitError, isPayloadError, runJobs } from './batching';
import type { OfficeEnv } from './env';
import { recordParts, settingsRecord } from './survey';

/** The harness's very hidden store of document settings and custom XML parts (src/harness/xlsx-model.ts): not
 *  the CLI's, and kept. */
export const DOCUMENT_SHEET_NAME = 'selfeval_document';

/** Estimated response bytes of one cell read with its formula too: Range.formulas repeats a constant's value. */
const READ_BYTES_PER_CELL = BYTES_PER_CELL * 2;

/** The very hidden sheets of the xlsx host (the CLI's restore record, the harness's document): never read. The
 *  table sheets the add-in wrote are skipped by its record, not by name: a user's own sheet named 审核意见 or
 *  评分汇总 is kept when scoring (ours then goes to 审核意见(2)) and is read like any other sheet. */
const XLSX_HOST_SHEETS = new Set([SHEET_RECORD_NAME, DOCUMENT_SHEET_NAME]);

export async function readWorkbook(env: OfficeEnv): Promise<WorkbookRead> {
  return env.excel.run(async (context) => {
    const workbook = context.workbook;
    const worksheets = workbook.worksheets;
    let epoch: Excel.FunctionResult<number> | null = null;
    const queue = (): void => {
      worksheets.load(env.supports('1.2') ? 'items/name,items/protection/protected' : 'items/name');
      if (env.supports('1.7')) workbook.load('name');
      // DATE(1904,1,1) is 0 in the 1904 date system, 1462 in 1900's (F9): no API tells the system directly.
      if (env.supports('1.2')) epoch = workbook.functions.date(1904, 1, 1).load('value');
    };
    queue();
    let parts = recordParts(env, context);
    try {
      await context.sync();
    } catch (e) {
      if (!parts) throw e;
      // Custom XML parts failing (F10, office-js#3936): read without the record (one sync more, only then).
      parts = null;
      queue();
      await context.sync();
    }

    const source = env.supports('1.7') ? workbook.name : documentName(env);
    const date1904 = isDate1904(epoch);
    const errors: WorkbookError[] = [];
    const own = await recordedSheets(env, context, parts ? parts.items : []);
    const sheets = worksheets.items.filter((ws) => {
      const name = ws.name.toLowerCase();
      return !XLSX_HOST_SHEETS.has(name) && !own.has(name);
    });
    for (const ws of sheets) {
      if (env.supports('1.2') && ws.protection.protected) errors.push(protectedSheetError(ws.name));
    }
    const withMerges = env.supports('1.13');
    const used = sheets.map((ws) =>
      ws.getUsedRangeOrNullObject(true).load('address,values,numberFormat,formulas'),
    );
    const merged = withMerges
      ? sheets.map((ws) => ws.getRange().getMergedAreasOrNullObject().load('address'))
      : [];
    try {
      await context.sync();
    } catch (e) {
      // Too large for one response (F7: RangeExceedsLimit on every platform), or more than 512 merged areas on
      // a sheet (F4: "will fail to return the result"): read in blocks, merges in blocks that cannot fail.
      if (!isPayloadError(e) && !isCellLimitError(e) && !withMerges) throw e;
      return { source, sheets: dated(await readInChunks(env, context, sheets), date1904), errors };
    }
    // Over five million cells `values` may come back null instead of an error (F7, performance.md).
    if (used.some((r) => !r.isNullObject && (r.values === null || r.numberFormat === null)))
      return { source, sheets: dated(await readInChunks(env, context, sheets), date1904), errors };
    // A null object over a large range may mean more than 512 areas, not none (F4): ask again in blocks.
    const unsure = withMerges
      ? sheets.map(
          (_, i) => merged[i].isNullObject && !used[i].isNullObject && cellCount(used[i].address) > 1024,
        )
      : [];
    const more = unsure.some(Boolean) ? await mergesInBlocks(context, sheets, used, unsure) : [];
    const grids = sheets.map((ws, i) => {
      const range = used[i];
      const merges = more[i] ?? (withMerges && !merged[i].isNullObject ? merged[i].address : null);
      if (range.isNullObject) return emptyGrid(ws.name, merges);
      return toGrid(ws.name, range.address, range.values, range.numberFormat, merges, range.formulas);
    });
    return { source, sheets: dated(grids, date1904), errors };
  });
}

function isDate1904(epoch: Excel.FunctionResult<number> | null): boolean {
  return epoch !== null && (epoch as Excel.FunctionResult<number>).value === 0;
}

/** Grids whose date serials count from 1904 when the workbook does (SheetGrid.date1904). */
function dated(grids: SheetGrid[], date1904: boolean): SheetGrid[] {
  return date1904 ? grids.map((g) => ({ ...g, date1904: true })) : grids;
}

/** The sheets the add-in's record says it added (lower case). Scoring restores first, which removes them and
 *  (but for cells on protected sheets) the record; a record part costs one more sync, for its XML. */
async function recordedSheets(
  env: OfficeEnv,
  context: Excel.RequestContext,
  parts: Excel.CustomXmlPart[],
): Promise<Set<string>> {
  const records: RestoreRecord[] = [];
  const settings = settingsRecord(env);
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
async function readInChunks(
  env: OfficeEnv,
  context: Excel.RequestContext,
  sheets: Excel.Worksheet[],
): Promise<SheetGrid[]> {
  const withMerges = env.supports('1.13');
  const used = sheets.map((ws) => ws.getUsedRangeOrNullObject(true).load('address'));
  await context.sync();
  const merged = withMerges
    ? await mergesInBlocks(
        context,
        sheets,
        used,
        sheets.map(() => true),
      )
    : [];
  const parts: ReadPart[] = [];
  sheets.forEach((_, i) => {
    if (used[i].isNullObject) return;
    const { box } = parseAddress(used[i].address);
    const width = box.right - box.left + 1;
    // Within the payload budget and within five million cells a get (F7).
    const rows = Math.max(
      1,
      Math.min(Math.floor(env.limit / 2 / (width * READ_BYTES_PER_CELL)), Math.floor(MAX_GET_CELLS / width)),
    );
    for (let top = box.top; top <= box.bottom; top += rows) {
      parts.push({ sheet: i, box: { ...box, top, bottom: Math.min(box.bottom, top + rows - 1) } });
    }
  });
  const done = await readParts(env, context, sheets, parts);
  return sheets.map((ws, i) => {
    const merges = merged[i] ?? null;
    if (used[i].isNullObject) return emptyGrid(ws.name, merges);
    const mine = done.filter((p) => p.sheet === i).sort((a, b) => a.box.top - b.box.top);
    const values = mine.flatMap((p) => p.values ?? []);
    const formats = mine.flatMap((p) => p.formats ?? []);
    const formulas = mine.flatMap((p) => p.formulas ?? []);
    return toGrid(ws.name, used[i].address, values, formats, merges, formulas);
  });
}

/** A get is limited to five million cells on all platforms (resource-limits doc). */
const MAX_GET_CELLS = 5_000_000;
/** "If the merged areas count in this range is more than 512, then this method will fail to return the result"
 *  (Range.getMergedAreasOrNullObject, index.d.ts:39143): a block of 1,024 cells cannot hold more. */
const MERGE_BLOCK_CELLS = 1024;

interface ReadPart {
  sheet: number;
  box: CellRange;
  values?: unknown[][];
  formats?: unknown[][];
  formulas?: unknown[][];
}

/** Reads every part, in as few syncs as the budget allows; a part refused for its size (Excel's own estimate,
 *  not ours: F11) or read back without values (F7) is split in two and read again. */
async function readParts(
  env: OfficeEnv,
  context: Excel.RequestContext,
  sheets: Excel.Worksheet[],
  parts: ReadPart[],
): Promise<ReadPart[]> {
  const done: ReadPart[] = [];
  let todo = parts;
  let limit = env.limit;
  while (todo.length > 0) {
    const pending: (() => void)[] = [];
    const batch = todo;
    try {
      await runJobs(
        context,
        batch.map((p) => ({
          bytes: boxCount(p.box) * READ_BYTES_PER_CELL,
          queue: () => {
            const r = sheets[p.sheet].getRange(boxAddress(p.box)).load('values,numberFormat,formulas');
            // Read back after the sync that carries this job.
            pending.push(() => {
              p.values = r.values ?? undefined;
              p.formats = r.numberFormat ?? undefined;
              p.formulas = r.formulas ?? undefined;
            });
          },
        })),
        limit,
        () => {
          for (const take of pending.splice(0)) take();
        },
      );
    } catch (e) {
      if (!isPayloadError(e) && !isCellLimitError(e) && !isGeneralError(e)) throw e;
      // Our estimate was too low for what Excel counts: smaller blocks, fewer to a sync.
      limit /= 2;
      if (limit < 1000) throw e;
    }
    done.push(...batch.filter((p) => p.values !== undefined && p.formats !== undefined));
    todo = batch
      .filter((p) => p.values === undefined || p.formats === undefined)
      .flatMap((p) => (p.box.top === p.box.bottom ? [p] : halves(p)));
  }
  return done;
}

function halves(p: ReadPart): ReadPart[] {
  const mid = p.box.top + Math.floor((p.box.bottom - p.box.top) / 2);
  return [
    { sheet: p.sheet, box: { ...p.box, bottom: mid } },
    { sheet: p.sheet, box: { ...p.box, top: mid + 1 } },
  ];
}

/** Older Excel on the web reported an oversize batch as GeneralException (office-js#1314). */
function isGeneralError(e: unknown): boolean {
  return (e as { code?: unknown } | null)?.code === 'GeneralException';
}

/** The merged areas of the `which` sheets, asked for in blocks too small to hold more than 512 (F4), as one
 *  address list per sheet (undefined for the others). */
async function mergesInBlocks(
  context: Excel.RequestContext,
  sheets: Excel.Worksheet[],
  used: Excel.Range[],
  which: boolean[],
): Promise<(string | null | undefined)[]> {
  const asked: { sheet: number; areas: Excel.RangeAreas }[] = [];
  sheets.forEach((ws, i) => {
    if (!which[i] || used[i].isNullObject) return;
    const { box } = parseAddress(used[i].address);
    const cols = Math.min(box.right - box.left + 1, MERGE_BLOCK_CELLS);
    const rows = Math.max(1, Math.floor(MERGE_BLOCK_CELLS / cols));
    for (let top = box.top; top <= box.bottom; top += rows) {
      for (let left = box.left; left <= box.right; left += cols) {
        const block = {
          top,
          bottom: Math.min(box.bottom, top + rows - 1),
          left,
          right: Math.min(box.right, left + cols - 1),
        };
        const areas = ws.getRange(boxAddress(block)).getMergedAreasOrNullObject().load('address');
        asked.push({ sheet: i, areas });
      }
    }
  });
  await context.sync();
  return sheets.map((_, i) => {
    if (!which[i]) return undefined;
    const seen = new Set<string>();
    for (const a of asked) {
      if (a.sheet !== i || a.areas.isNullObject) continue;
      for (const area of splitAreas(a.areas.address)) seen.add(area.replace(/\$/g, ''));
    }
    return seen.size > 0 ? [...seen].join(',') : null;
  });
}

function cellCount(address: string): number {
  return boxCount(parseAddress(address).box);
}

function boxCount(box: CellRange): number {
  return (box.bottom - box.top + 1) * (box.right - box.left + 1);
}

function documentName(env: OfficeEnv): string {
  const url = env.office.context.document.url ?? '';
  const name = url.split(/[\\/]/).pop() ?? '';
  return name ? decodeURIComponent(name) : 'workbook';
}

function protectedSheetError(sheet: string): WorkbookError {
  return {
    code: 'SHEET_PROTECTED',
    sheet,
    message: `工作表“${sheet}”受保护：已读取并评分，但无法在其单元格上标记；问题见“${REVIEW_SHEET_NAME}”表。`,
    messageEn: `Sheet "${sheet}" is protected: it was read and scored, but its cells cannot be marked; see the ${REVIEW_SHEET_NAME} sheet for its findings.`,
  };
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
  formulas: unknown[][] = [],
): SheetGrid {
  const { box } = parseAddress(address);
  const grid: SheetGrid = {
    name,
    values: values.map((row) => row.map(toCellValue)),
    formats: formats.map((row) => row.map((f) => (typeof f === 'string' ? f : null))),
    merges: parseMerges(merges),
    origin: { row: box.top, col: box.left },
  };
  // Range.formulas gives a formula cell's formula and any other cell's value: a formula starts with "=" and is
  // not the cell's own text (text typed as '=90 reads "=90" both ways).
  const cells: { row: number; col: number; formula: string }[] = [];
  formulas.forEach((row, r) =>
    row.forEach((f, c) => {
      if (typeof f === 'string' && f.startsWith('=') && f !== values[r]?.[c]) {
        cells.push({ row: box.top + r, col: box.left + c, formula: f });
      }
    }),
  );
  if (cells.length > 0) grid.formulas = cells;
  return grid;
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
