// ExcelJS workbook ⇄ the plain FakeWorkbookModel behind the stand-in Excel API. The browser harness opens an
// .xlsx with ExcelJS, hands workbookToModel() to the stand-in API (the add-in works on the model), and saves
// with applyModelToWorkbook(), which writes back only what differs, so every style the model cannot express
// (borders, fonts, alignment, widths it does not list) stays as it was. Browser-safe: no Node import.
import type ExcelJS from 'exceljs';
import type { FakeCell, FakeHyperlink, FakeSheet, FakeWorkbookModel } from '../office-standin/model';
import { parseRangeA1, rangeA1 } from '../core';
import { cellToValue, mergedAreas, orderedWorksheets } from '../hosts/xlsx/read';
import {
  clearNote,
  colorToHex,
  fillToHex,
  noteText,
  setBold,
  setFill,
  setFontColor,
  setNumFmt,
} from '../hosts/xlsx/style';

/** A very hidden sheet holding the model's document settings and custom XML parts, which ExcelJS cannot keep. */
export const DOCUMENT_SHEET_NAME = 'selfeval_document';

/** The date of a date cell (a value, or a formula's result), which ExcelJS reads as a Date. */
function dateOf(value: ExcelJS.CellValue): Date | undefined {
  if (value instanceof Date) return value;
  if (value && typeof value === 'object' && 'result' in value && value.result instanceof Date)
    return value.result;
  return undefined;
}

/** A Date as ExcelJS made it back into the serial number the file holds (its own formula, inverted), in the
 *  workbook's date system. */
function serialOf(date: Date, date1904: boolean): number {
  return 25569 + date.getTime() / 86_400_000 - (date1904 ? 1462 : 0);
}

/** One cell as the model sees it; undefined when it is empty and plain. Merged cells other than the top-left
 *  one are left out (Excel shows the area's value and look from its top-left cell). A date is what Excel's API
 *  gives: its serial number with its number format (excel-add-ins-ranges-dates.md). */
export function cellToModel(cell: ExcelJS.Cell): FakeCell | undefined {
  if (cell.isMerged && cell.master !== cell) return undefined;
  const date = dateOf(cell.value);
  const date1904 = cell.workbook?.properties?.date1904 === true;
  const out: FakeCell = {
    value: date && !Number.isNaN(date.getTime()) ? serialOf(date, date1904) : cellToValue(cell.value),
  };
  const formula = cell.formula;
  if (typeof formula === 'string' && formula !== '') out.formula = `=${formula}`;
  const numFmt = cell.numFmt;
  if (typeof numFmt === 'string' && numFmt !== '' && numFmt !== 'General') out.numberFormat = numFmt;
  // A Date set without a format is written with Excel's short date (built-in format 14).
  else if (typeof out.value === 'number' && date) out.numberFormat = 'm/d/yyyy';
  const fill = fillToHex(cell.fill);
  if (fill) out.fill = fill;
  const fontColor = colorToHex(cell.font?.color);
  if (fontColor) out.fontColor = fontColor;
  if (cell.font?.bold) out.bold = true;
  const note = noteText(cell.note);
  if (note !== undefined) out.note = note;
  const link = hyperlinkOf(cell.value);
  if (link) out.hyperlink = link;
  const plain = out.value === null && Object.keys(out).length === 1;
  return plain ? undefined : out;
}

/** A hyperlink value ({ text, hyperlink }) as Range.hyperlink: "#Sheet!A1" is a place in the workbook. */
function hyperlinkOf(value: ExcelJS.CellValue): FakeHyperlink | undefined {
  if (!value || typeof value !== 'object' || !('hyperlink' in value)) return undefined;
  const v = value as ExcelJS.CellHyperlinkValue;
  const link: FakeHyperlink = {};
  if (v.hyperlink.startsWith('#')) link.documentReference = v.hyperlink.slice(1);
  else link.address = v.hyperlink;
  const text = cellToValue(value);
  if (typeof text === 'string') link.textToDisplay = text;
  if (v.tooltip) link.screenTip = v.tooltip;
  return link;
}

/**
 * The ExcelJS value for a cell with a hyperlink. A URL becomes a hyperlink value. A place in the workbook
 * becomes a HYPERLINK formula: ExcelJS writes in-workbook hyperlinks with an external relationship as well,
 * which Excel follows to a file that does not exist, while the formula works in Excel, WPS and LibreOffice.
 */
function hyperlinkValue(link: FakeHyperlink, value: FakeCell['value']): ExcelJS.CellValue {
  const text = link.textToDisplay ?? (value === null ? '' : String(value));
  if (link.address) {
    const v: ExcelJS.CellHyperlinkValue = { text, hyperlink: link.address };
    if (link.screenTip) v.tooltip = link.screenTip;
    return v;
  }
  const ref = link.documentReference ?? '';
  const q = (s: string): string => `"${s.replace(/"/g, '""')}"`;
  return { formula: `HYPERLINK(${q(`#${ref}`)},${q(text)})`, result: text };
}

export function worksheetToModel(ws: ExcelJS.Worksheet): FakeSheet {
  const cells: Record<string, FakeCell> = {};
  ws.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell) => {
      const m = cellToModel(cell);
      if (m) cells[cell.address] = m;
    });
  });
  const merges = [...mergedAreas(ws).values()]
    .sort((a, b) => a.top - b.top || a.left - b.left)
    .map((a) => rangeA1(a));
  const sheet: FakeSheet = { name: ws.name, cells, merges, comments: [] };
  const widths: Record<string, number> = {};
  for (let c = 1; c <= ws.columnCount; c++) {
    const col = ws.getColumn(c);
    if (typeof col.width === 'number') widths[col.letter] = col.width;
  }
  if (Object.keys(widths).length > 0) sheet.columnWidths = widths;
  if (ws.state !== 'visible') sheet.visibility = 'Hidden';
  const protection = (ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection;
  if (protection?.sheet) sheet.protected = true;
  return sheet;
}

/** The whole workbook as a model named `name`. */
export function workbookToModel(wb: ExcelJS.Workbook, name: string): FakeWorkbookModel {
  const sheets: FakeSheet[] = [];
  let doc: { settings: Record<string, string>; customXmlParts: { id: string; xml: string }[] } = {
    settings: {},
    customXmlParts: [],
  };
  for (const ws of orderedWorksheets(wb)) {
    if (ws.name === DOCUMENT_SHEET_NAME) {
      doc = readDocumentSheet(ws) ?? doc;
      continue;
    }
    sheets.push(worksheetToModel(ws));
  }
  const model: FakeWorkbookModel = {
    name,
    sheets,
    settings: doc.settings,
    customXmlParts: doc.customXmlParts,
  };
  if (wb.properties?.date1904) model.date1904 = true;
  const tab = wb.views?.[0]?.activeTab;
  const visible = orderedWorksheets(wb);
  if (typeof tab === 'number' && visible[tab] && visible[tab].name !== DOCUMENT_SHEET_NAME) {
    model.activeSheet = visible[tab].name;
  }
  return model;
}

/**
 * Make the workbook match the model, touching only what differs: sheets added, removed and reordered; cell
 * values, formulas, number formats, fills, font colours, bold and notes; merges; listed column widths;
 * visibility; settings and custom XML parts (kept in a very hidden sheet). Threaded comments, which .xlsx files
 * written by ExcelJS cannot hold, become notes on cells that have none.
 */
export function applyModelToWorkbook(model: FakeWorkbookModel, wb: ExcelJS.Workbook): void {
  const wanted = new Set(model.sheets.map((s) => s.name));
  for (const ws of orderedWorksheets(wb)) {
    if (!wanted.has(ws.name) && ws.name !== DOCUMENT_SHEET_NAME) wb.removeWorksheet(ws.id);
  }
  for (const sheet of model.sheets) {
    let ws = wb.getWorksheet(sheet.name);
    if (!ws) ws = wb.addWorksheet(sheet.name);
    applySheet(sheet, ws);
  }
  writeDocumentSheet(wb, model);

  // Tab order: the model's order, the document sheet last.
  const order = [...model.sheets.map((s) => s.name), DOCUMENT_SHEET_NAME];
  const current = orderedWorksheets(wb).map((w) => w.name);
  if (current.join('\u0000') !== order.filter((n) => current.includes(n)).join('\u0000')) {
    order.forEach((n, i) => {
      const ws = wb.getWorksheet(n);
      // ExcelJS keeps the tab position in a field its typings leave out.
      if (ws) (ws as unknown as { orderNo: number }).orderNo = i;
    });
  }
  if (model.activeSheet) {
    const tab = orderedWorksheets(wb).findIndex((w) => w.name === model.activeSheet);
    if (tab >= 0) wb.views = [{ ...(wb.views?.[0] ?? {}), activeTab: tab } as ExcelJS.WorkbookView];
  }
}

function applySheet(sheet: FakeSheet, ws: ExcelJS.Worksheet): void {
  // Merges first, so values land in the right (top-left) cells.
  const before = new Set([...mergedAreas(ws).values()].map((a) => rangeA1(a)));
  const after = new Set(sheet.merges.map((m) => rangeA1(parseRangeA1(m))));
  for (const m of before) if (!after.has(m)) ws.unMergeCells(m);
  for (const m of after) if (!before.has(m)) ws.mergeCellsWithoutStyle(m);

  const current = worksheetToModel(ws).cells;
  const cells = { ...sheet.cells };
  for (const c of sheet.comments) {
    const existing = cells[c.cell] ?? { value: null };
    if (existing.note === undefined) {
      cells[c.cell] = { ...existing, note: c.author ? `${c.author}:\n${c.content}` : c.content };
    }
  }
  const addresses = new Set([...Object.keys(current), ...Object.keys(cells)]);
  for (const address of addresses) {
    const next: FakeCell = cells[address] ?? { value: null };
    const cur: FakeCell = current[address] ?? { value: null };
    const cell = ws.getCell(address);
    const slave = cell.isMerged && cell.master !== cell;
    const linkChanged = JSON.stringify(next.hyperlink ?? null) !== JSON.stringify(cur.hyperlink ?? null);
    if (
      !slave &&
      (linkChanged || next.formula !== cur.formula || (!next.formula && next.value !== cur.value))
    ) {
      if (next.hyperlink) cell.value = hyperlinkValue(next.hyperlink, next.value);
      else if (next.formula) {
        cell.value = {
          formula: next.formula.replace(/^=/, ''),
          result: next.value ?? undefined,
        } as ExcelJS.CellValue;
      } else cell.value = next.value;
    }
    if (next.numberFormat !== cur.numberFormat) setNumFmt(cell, next.numberFormat);
    if (next.fill !== cur.fill) setFill(cell, next.fill);
    if (next.fontColor !== cur.fontColor) setFontColor(cell, next.fontColor);
    if (Boolean(next.bold) !== Boolean(cur.bold)) setBold(cell, Boolean(next.bold));
    if (next.note !== cur.note) {
      if (next.note === undefined) clearNote(cell);
      else cell.note = next.note;
    }
  }
  for (const [letter, width] of Object.entries(sheet.columnWidths ?? {})) {
    const col = ws.getColumn(letter);
    if (col.width !== width) col.width = width;
  }
  const state = { Hidden: 'hidden', VeryHidden: 'veryHidden', Visible: 'visible' }[
    sheet.visibility ?? 'Visible'
  ] as ExcelJS.WorksheetState;
  // A sheet read as hidden may be very hidden in the file: leave it so.
  if (state === 'hidden' ? ws.state === 'visible' : ws.state !== state) ws.state = state;
}

interface DocumentRecord {
  settings: Record<string, string>;
  customXmlParts: { id: string; xml: string }[];
}

// A cell holds at most 32 767 characters: the JSON is split over as many rows as it needs.
const CHUNK = 30000;

function writeDocumentSheet(wb: ExcelJS.Workbook, model: FakeWorkbookModel): void {
  const old = wb.getWorksheet(DOCUMENT_SHEET_NAME);
  if (old) wb.removeWorksheet(old.id);
  const empty = Object.keys(model.settings).length === 0 && model.customXmlParts.length === 0;
  if (empty) return;
  const json = JSON.stringify({ settings: model.settings, customXmlParts: model.customXmlParts });
  const ws = wb.addWorksheet(DOCUMENT_SHEET_NAME, { state: 'veryHidden' });
  ws.getCell('A1').value = 'selfeval-document/1';
  for (let i = 0, r = 2; i < json.length; i += CHUNK, r++)
    ws.getCell(`A${r}`).value = json.slice(i, i + CHUNK);
}

function readDocumentSheet(ws: ExcelJS.Worksheet): DocumentRecord | null {
  if (ws.getCell('A1').value !== 'selfeval-document/1') return null;
  let json = '';
  for (let r = 2; r <= ws.rowCount; r++) {
    const v = ws.getCell(`A${r}`).value;
    if (typeof v === 'string') json += v;
  }
  try {
    const parsed = JSON.parse(json) as DocumentRecord;
    return { settings: parsed.settings ?? {}, customXmlParts: parsed.customXmlParts ?? [] };
  } catch {
    return null;
  }
}
