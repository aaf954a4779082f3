// What the grid borrows from the opened .xlsx to look like Excel: row heights, alignment, borders, font sizes,
// gridlines on or off. The add-in never changes these (the model it works on does not even hold them), so they
// are read once from the file; sheets the add-in creates get Excel's defaults.
import type ExcelJS from 'exceljs';

export type Horizontal = 'left' | 'center' | 'right' | 'justify';
export type Vertical = 'top' | 'middle' | 'bottom';

export interface CellLook {
  horizontal?: Horizontal;
  vertical?: Vertical;
  wrap?: boolean;
  /** Points. */
  fontSize?: number;
  italic?: boolean;
  underline?: boolean;
  /** CSS borders ("1px solid #000000"), present sides only. */
  borderTop?: string;
  borderRight?: string;
  borderBottom?: string;
  borderLeft?: string;
}

export interface SheetLook {
  gridLines: boolean;
  /** Row heights in points by 1-based row. */
  rowHeights: Record<number, number>;
  cells: Record<string, CellLook>;
}

export type WorkbookLook = Record<string, SheetLook>;

const BORDER_WIDTH: Record<string, string> = {
  thin: '1px solid',
  hair: '1px solid',
  dotted: '1px dotted',
  dashed: '1px dashed',
  dashDot: '1px dashed',
  dashDotDot: '1px dashed',
  medium: '2px solid',
  mediumDashed: '2px dashed',
  mediumDashDot: '2px dashed',
  mediumDashDotDot: '2px dashed',
  slantDashDot: '2px dashed',
  thick: '3px solid',
  double: '3px double',
};

function border(b: Partial<ExcelJS.Border> | undefined): string | undefined {
  if (!b || !b.style) return undefined;
  const argb = b.color?.argb;
  const colour = typeof argb === 'string' && /^[0-9A-Fa-f]{8}$/.test(argb) ? `#${argb.slice(2)}` : '#000000';
  return `${BORDER_WIDTH[b.style] ?? '1px solid'} ${colour}`;
}

export function cellLook(cell: ExcelJS.Cell): CellLook | undefined {
  const look: CellLook = {};
  const a = cell.alignment;
  if (
    a?.horizontal === 'left' ||
    a?.horizontal === 'center' ||
    a?.horizontal === 'right' ||
    a?.horizontal === 'justify'
  ) {
    look.horizontal = a.horizontal;
  } else if (a?.horizontal === 'centerContinuous' || a?.horizontal === 'distributed') {
    look.horizontal = 'center';
  }
  if (a?.vertical === 'top' || a?.vertical === 'bottom') look.vertical = a.vertical;
  else if (a?.vertical === 'middle' || a?.vertical === 'distributed' || a?.vertical === 'justify')
    look.vertical = 'middle';
  if (a?.wrapText) look.wrap = true;
  const f = cell.font;
  if (typeof f?.size === 'number') look.fontSize = f.size;
  if (f?.italic) look.italic = true;
  if (f?.underline) look.underline = true;
  const b = cell.border;
  const top = border(b?.top);
  const right = border(b?.right);
  const bottom = border(b?.bottom);
  const left = border(b?.left);
  if (top) look.borderTop = top;
  if (right) look.borderRight = right;
  if (bottom) look.borderBottom = bottom;
  if (left) look.borderLeft = left;
  return Object.keys(look).length > 0 ? look : undefined;
}

export function sheetLook(ws: ExcelJS.Worksheet): SheetLook {
  const rowHeights: Record<number, number> = {};
  const cells: Record<string, CellLook> = {};
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    if (typeof row.height === 'number') rowHeights[n] = row.height;
    row.eachCell({ includeEmpty: true }, (cell) => {
      const look = cellLook(cell);
      if (look) cells[cell.address] = look;
    });
  });
  const view = ws.views?.[0] as { showGridLines?: boolean } | undefined;
  return { gridLines: view?.showGridLines !== false, rowHeights, cells };
}

export function workbookLook(wb: ExcelJS.Workbook): WorkbookLook {
  const out: WorkbookLook = {};
  wb.eachSheet((ws) => {
    out[ws.name] = sheetLook(ws);
  });
  return out;
}
