// Cell looks in ExcelJS without side effects: ExcelJS shares one style object between every cell that had the
// same style in the file (and between a row/column and its cells), so a style is always replaced by a copy,
// never changed in place.
import type ExcelJS from 'exceljs';

/** "#ffc7ce" → "FFFFC7CE" (ExcelJS ARGB). */
export function hexToArgb(hex: string): string {
  const m = /^#?([0-9a-fA-F]{6})$/.exec(hex.trim());
  if (!m) throw new Error(`不是颜色 / not a colour: ${hex}`);
  return `FF${m[1].toUpperCase()}`;
}

// The default Office theme (2013–2022), by theme index: lt1, dk1, lt2, dk2, accent1…6, hyperlink, followed.
const OFFICE_THEME = [
  'FFFFFF',
  '000000',
  'E7E6E6',
  '44546A',
  '4472C4',
  'ED7D31',
  'A5A5A5',
  'FFC000',
  '5B9BD5',
  '70AD47',
  '0563C1',
  '954F72',
];

/**
 * An ExcelJS colour as "#RRGGBB", or undefined when it has none. Theme colours are resolved against the default
 * Office theme with their tint applied (close to what Excel shows for an untouched theme); indexed colours other
 * than the 8 basic ones are not resolved.
 */
export function colorToHex(color: Partial<ExcelJS.Color> | undefined): string | undefined {
  if (!color) return undefined;
  if (typeof color.argb === 'string' && /^[0-9a-fA-F]{8}$/.test(color.argb)) {
    return `#${color.argb.slice(2).toUpperCase()}`;
  }
  if (typeof color.argb === 'string' && /^[0-9a-fA-F]{6}$/.test(color.argb))
    return `#${color.argb.toUpperCase()}`;
  const theme = (color as { theme?: number }).theme;
  if (typeof theme === 'number' && OFFICE_THEME[theme]) {
    const tint = (color as { tint?: number }).tint ?? 0;
    return `#${applyTint(OFFICE_THEME[theme], tint)}`;
  }
  const indexed = (color as { indexed?: number }).indexed;
  const BASIC = ['000000', 'FFFFFF', 'FF0000', '00FF00', '0000FF', 'FFFF00', 'FF00FF', '00FFFF'];
  if (typeof indexed === 'number') {
    if (indexed >= 0 && indexed < 8) return `#${BASIC[indexed]}`;
    if (indexed >= 8 && indexed < 16) return `#${BASIC[indexed - 8]}`;
  }
  return undefined;
}

/** ECMA-376 tint: lighten (tint > 0) or darken (tint < 0) the colour's HSL luminance. */
function applyTint(rgb: string, tint: number): string {
  if (!tint) return rgb;
  const r = parseInt(rgb.slice(0, 2), 16) / 255;
  const g = parseInt(rgb.slice(2, 4), 16) / 255;
  const b = parseInt(rgb.slice(4, 6), 16) / 255;
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  let h = 0;
  let s = 0;
  let l = (max + min) / 2;
  if (max !== min) {
    const d = max - min;
    s = l > 0.5 ? d / (2 - max - min) : d / (max + min);
    if (max === r) h = (g - b) / d + (g < b ? 6 : 0);
    else if (max === g) h = (b - r) / d + 2;
    else h = (r - g) / d + 4;
    h /= 6;
  }
  l = tint < 0 ? l * (1 + tint) : l * (1 - tint) + tint;
  const hue = (p: number, q: number, t: number): number => {
    if (t < 0) t += 1;
    if (t > 1) t -= 1;
    if (t < 1 / 6) return p + (q - p) * 6 * t;
    if (t < 1 / 2) return q;
    if (t < 2 / 3) return p + (q - p) * (2 / 3 - t) * 6;
    return p;
  };
  let rr = l;
  let gg = l;
  let bb = l;
  if (s !== 0) {
    const q = l < 0.5 ? l * (1 + s) : l + s - l * s;
    const p = 2 * l - q;
    rr = hue(p, q, h + 1 / 3);
    gg = hue(p, q, h);
    bb = hue(p, q, h - 1 / 3);
  }
  const hex = (x: number): string =>
    Math.round(Math.min(1, Math.max(0, x)) * 255)
      .toString(16)
      .padStart(2, '0')
      .toUpperCase();
  return `${hex(rr)}${hex(gg)}${hex(bb)}`;
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
