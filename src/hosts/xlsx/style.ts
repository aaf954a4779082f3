// Cell looks in ExcelJS without side effects: ExcelJS shares one style object between every cell that had the
// same style in the file (and between a row/column and its cells), so a style is always replaced by a copy,
// never changed in place.
import type ExcelJS from 'exceljs';
import { colorToHex } from '../record/colors';

export { colorToHex } from '../record/colors';

/** "#ffc7ce" → "FFFFC7CE" (ExcelJS ARGB). */
export function hexToArgb(hex: string): string {
  const m = /^#?([0-9a-fA-F]{6})$/.exec(hex.trim());
  if (!m) throw new Error(`不是颜色 / not a colour: ${hex}`);
  return `FF${m[1].toUpperCase()}`;
}

/** A solid fill of the colour, as ExcelJS writes it. */
export function solidFill(hex: string): ExcelJS.Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb: hexToArgb(hex) } };
}

/** The colour a cell's fill shows: the foreground of a solid pattern; undefined for no fill or other fills. */
export function fillToHex(fill: ExcelJS.Fill | undefined): string | undefined {
  if (!fill || fill.type !== 'pattern' || fill.pattern !== 'solid') return undefined;
  return colorToHex(fill.fgColor);
}

export function setFill(cell: ExcelJS.Cell, hex: string | undefined): void {
  const style = cloneStyle(cell.style);
  if (hex === undefined) delete (style as Partial<ExcelJS.Style>).fill;
  else style.fill = solidFill(hex);
  cell.style = style;
}

export function setFontColor(cell: ExcelJS.Cell, hex: string | undefined): void {
  const style = cloneStyle(cell.style);
  const font: Partial<ExcelJS.Font> = { ...(style.font ?? {}) };
  if (hex === undefined) delete font.color;
  else font.color = { argb: hexToArgb(hex) };
  style.font = font;
  cell.style = style;
}

export function setBold(cell: ExcelJS.Cell, bold: boolean): void {
  const style = cloneStyle(cell.style);
  const font: Partial<ExcelJS.Font> = { ...(style.font ?? {}) };
  if (bold) font.bold = true;
  else delete font.bold;
  style.font = font;
  cell.style = style;
}

export function setNumFmt(cell: ExcelJS.Cell, numFmt: string | undefined): void {
  const style = cloneStyle(cell.style);
  if (numFmt === undefined || numFmt === 'General') delete (style as Partial<ExcelJS.Style>).numFmt;
  else style.numFmt = numFmt;
  cell.style = style;
}

/** A deep copy of a style (plain data: fonts, fills, borders, alignment, protection, number format). */
export function cloneStyle(style: Partial<ExcelJS.Style> | undefined): Partial<ExcelJS.Style> {
  if (!style) return {};
  return JSON.parse(JSON.stringify(style)) as Partial<ExcelJS.Style>;
}

/** A note's text, whether ExcelJS holds it as a string or as rich text parts. */
export function noteText(note: ExcelJS.Comment | string | undefined): string | undefined {
  if (note === undefined || note === null) return undefined;
  if (typeof note === 'string') return note;
  const texts = (note as { texts?: { text?: string }[] }).texts;
  if (!Array.isArray(texts)) return undefined;
  const s = texts.map((t) => t.text ?? '').join('');
  return s === '' ? undefined : s;
}

/**
 * Remove a cell's note. ExcelJS has no public way: assigning undefined leaves an empty note behind. The note
 * lives in the cell's private note holder and, for a cell read from a file, also in the value model it was
 * read with; both are dropped (test/xlsx checks the written file).
 */
export function clearNote(cell: ExcelJS.Cell): void {
  const inner = cell as unknown as { _comment?: unknown; _value?: { model?: { comment?: unknown } } };
  delete inner._comment;
  if (inner._value?.model) delete inner._value.model.comment;
}
