// Colours of the restore records: an .xlsx colour (ARGB, theme with tint, or indexed, as ExcelJS holds it) as
// the "#RRGGBB" Excel's API shows, and the comparison both hosts use to tell their own marks from the user's.

/** A colour as the .xlsx format holds it (ExcelJS's Color, without depending on ExcelJS). */
export interface ColorLike {
  argb?: string;
  theme?: number;
  tint?: number;
  indexed?: number;
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
 * A spreadsheet colour as the .xlsx format (and ExcelJS) holds it, as "#RRGGBB", or undefined when it has none. Theme colours are resolved against the default
 * Office theme with their tint applied (close to what Excel shows for an untouched theme); indexed colours other
 * than the 8 basic ones are not resolved.
 */
export function colorToHex(color: ColorLike | undefined): string | undefined {
  if (!color) return undefined;
  if (typeof color.argb === 'string' && /^[0-9a-fA-F]{8}$/.test(color.argb)) {
    return `#${color.argb.slice(2).toUpperCase()}`;
  }
  if (typeof color.argb === 'string' && /^[0-9a-fA-F]{6}$/.test(color.argb))
    return `#${color.argb.toUpperCase()}`;
  const theme = color.theme;
  if (typeof theme === 'number' && OFFICE_THEME[theme]) {
    const tint = color.tint ?? 0;
    return `#${applyTint(OFFICE_THEME[theme], tint)}`;
  }
  const indexed = color.indexed;
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

/** Two "#RRGGBB" colours are the same whatever their case; absent is the same as absent. */
export function sameColor(a: string | null | undefined, b: string | null | undefined): boolean {
  return (a ?? '').toUpperCase() === (b ?? '').toUpperCase();
}
