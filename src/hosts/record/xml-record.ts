// The add-in's restore record: what every cell the add-in touched looked like before, and what the add-in
// wrote, kept in the workbook itself (a custom XML part, or document settings before ExcelApi 1.5) so that
// 清除标记 can put the workbook back exactly, in this session or after the file was saved and reopened. Its schema
// id is its own (the command line's sheet record has another: see sheet-record.ts).
import type { ExplanationMode } from '../../app/host';

export const RESTORE_NAMESPACE = 'urn:selfeval:restore:1';
export const RESTORE_SETTING = 'selfeval.restore';
export const RESTORE_SCHEMA = 'selfeval-restore/1';
const ROOT = 'selfevalRestore';

export type Scalar = string | number | boolean;

export interface CellBefore {
  /** Range.values as Excel read it ("" for an empty cell). */
  value: Scalar;
  /** The formula when the cell held one. */
  formula: string | null;
  numberFormat: string;
  /** "#RRGGBB", or null for no fill. */
  fill: string | null;
  fontColor: string;
  /** The note's text, null for none; absent when notes were not used. */
  note?: string | null;
  /** The cell already had a threaded comment (the add-in then added none). */
  hadComment?: boolean;
}

export interface CellWrote {
  value?: Scalar;
  numberFormat?: string;
  fill: string;
  fontColor?: string;
  note?: string;
  comment?: string;
}

export interface RecordedCell {
  sheet: string;
  cell: string;
  before: CellBefore;
  wrote: CellWrote;
}

export interface RestoreRecord {
  schema: typeof RESTORE_SCHEMA;
  explanation: ExplanationMode;
  /** Sheets the add-in added (审核意见, 评分汇总): removed on restore. */
  sheets: string[];
  cells: RecordedCell[];
}

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function unescapeXml(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (_, e: string) => {
    if (e.startsWith('#x')) return String.fromCodePoint(parseInt(e.slice(2), 16));
    if (e.startsWith('#')) return String.fromCodePoint(parseInt(e.slice(1), 10));
    return { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }[e] as string;
  });
}

/** The record as the XML of a custom XML part: JSON text inside one element of our namespace. JSON.stringify
 *  escapes control characters, so the text is always valid XML 1.0. */
export function recordToXml(record: RestoreRecord): string {
  return `<${ROOT} xmlns="${RESTORE_NAMESPACE}" version="1">${escapeXml(JSON.stringify(record))}</${ROOT}>`;
}

/** Read a record back from the part's XML (Excel may add a declaration, or write a CDATA section). */
export function recordFromXml(xml: string): RestoreRecord | null {
  const m = new RegExp(`<(?:\\w+:)?${ROOT}\\b[^>]*>([\\s\\S]*)</(?:\\w+:)?${ROOT}>`).exec(xml);
  if (!m) return null;
  const cdata = /^\s*<!\[CDATA\[([\s\S]*)\]\]>\s*$/.exec(m[1]);
  return parseRecord(cdata ? cdata[1] : unescapeXml(m[1]));
}

export function parseRecord(json: string | null | undefined): RestoreRecord | null {
  if (!json) return null;
  try {
    const r = JSON.parse(json) as RestoreRecord;
    return r && r.schema === RESTORE_SCHEMA && Array.isArray(r.cells) && Array.isArray(r.sheets) ? r : null;
  } catch {
    return null;
  }
}

/** Several records (should there ever be more than one part) as one: the oldest original of a cell wins. */
export function mergeRecords(records: RestoreRecord[]): RestoreRecord | null {
  if (records.length === 0) return null;
  const cells = new Map<string, RecordedCell>();
  const sheets = new Set<string>();
  for (const r of records) {
    for (const s of r.sheets) sheets.add(s);
    for (const c of r.cells) {
      const key = `${c.sheet}!${c.cell}`;
      if (!cells.has(key)) cells.set(key, c);
    }
  }
  return {
    schema: RESTORE_SCHEMA,
    explanation: records[0].explanation,
    sheets: [...sheets],
    cells: [...cells.values()],
  };
}
