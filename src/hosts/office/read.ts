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
import { BYTES_PER_CELL, isPayloadError, runJobs } from './batching';
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
    worksheets.load(env.supports('1.2') ? 'items/name,items/protection/protected' : 'items/name');
    if (env.supports('1.7')) workbook.load('name');
    const parts = recordParts(env, context);
    await context.sync();

    const source = env.supports('1.7') ? workbook.name : documentName(env);
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
      if (!isPayloadError(e)) throw e;
      return { source, sheets: await readInChunks(env, context, sheets), errors };
    }
    const grids = sheets.map((ws, i) => {
      const range = used[i];
      const merges = withMerges && !merged[i].isNullObject ? merged[i].address : null;
      if (range.isNullObject) return emptyGrid(ws.name, merges);
      return toGrid(ws.name, range.address, range.values, range.numberFormat, merges, range.formulas);
    });
    return { source, sheets: grids, errors };
  });
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
  const merged = withMerges
    ? sheets.map((ws) => ws.getRange().getMergedAreasOrNullObject().load('address'))
    : [];
  await context.sync();
  const parts: {
    sheet: number;
    box: CellRange;
    values?: unknown[][];
    formats?: unknown[][];
    formulas?: unknown[][];
  }[] = [];
  sheets.forEach((_, i) => {
    if (used[i].isNullObject) return;
    const { box } = parseAddress(used[i].address);
    const width = box.right - box.left + 1;
    const rows = Math.max(1, Math.floor(env.limit / 2 / (width * READ_BYTES_PER_CELL)));
    for (let top = box.top; top <= box.bottom; top += rows) {
      parts.push({ sheet: i, box: { ...box, top, bottom: Math.min(box.bottom, top + rows - 1) } });
    }
  });
  const pending: (() => void)[] = [];
  await runJobs(
    context,
    parts.map((p) => ({
      bytes: (p.box.bottom - p.box.top + 1) * (p.box.right - p.box.left + 1) * READ_BYTES_PER_CELL,
      queue: () => {
        const r = sheets[p.sheet].getRange(boxAddress(p.box)).load('values,numberFormat,formulas');
        // Read back after the sync that carries this job.
        pending.push(() => {
          p.values = r.values;
          p.formats = r.numberFormat;
          p.formulas = r.formulas;
        });
      },
    })),
    env.limit,
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
    const formulas = mine.flatMap((p) => p.formulas ?? []);
    return toGrid(ws.name, used[i].address, values, formats, merges, formulas);
  });
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
