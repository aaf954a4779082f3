// Column widths: the core gives them in characters of the default font (as the .xlsx format stores them);
// Excel draws a column of w characters w × 7 + 5 pixels wide (Calibri 11: 7 pixels a digit, 5 of padding), and
// its API takes points (3/4 of a pixel at 96 dpi). The Office host, the stand-in and the harness all use these.

/** Characters → pixels, as Excel draws the column. */
export function columnWidthPixels(chars: number): number {
  return chars * 7 + 5;
}

/** Characters → points, as Excel's API takes the width (two decimals). */
export function columnWidthPoints(chars: number): number {
  return Math.round(columnWidthPixels(chars) * 0.75 * 100) / 100;
}
