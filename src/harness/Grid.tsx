// One sheet of the workbook as Excel draws it: column letters and row numbers, merged areas, fills, font
// colours, borders, the red corner of a note (shown on hover) and the selected cell. Clicking a cell selects it;
// clicking a link to a place in the workbook goes there.
import * as React from 'react';
import { toA1 } from '../core';
import type { CellLook, SheetLook } from './look';
import type { FollowLink, GridLabels, HoverCell, SelectCell, SheetView, ViewCell } from './view';

export interface GridProps {
  view: SheetView;
  look: SheetLook | undefined;
  /** The selected cell on this sheet ("G16"), or null. */
  selected: string | null;
  /** Bumped when the add-in selects a cell, to bring it into view. */
  revealKey: number;
  zoom: number;
  onSelect: SelectCell;
  onFollow: FollowLink;
  labels: GridLabels;
}

/** Excel's row height when none is set: 15 pt (20 px). */
const DEFAULT_ROW_PT = 15;
const PT_TO_PX = 4 / 3;
/** The row numbers' column (.xl-rowhead-col in harness.html). */
const ROW_HEAD_WIDTH = 40;

/**
 * The borders a cell draws. The table's borders are not collapsed (Chromium does not paint sticky headers over
 * a collapsed table), so every cell draws only its right and bottom edges, taking the neighbour's facing border
 * when it has none itself, so that a border set on either side shows once, as in Excel; cells of the first row
 * and column also draw their top and left edges. A merged area takes its right edge from its top-right cell and
 * its bottom edge from its bottom-left cell.
 */
function edgeLook(look: SheetLook | undefined, cell: ViewCell): CellLook {
  const at = (row0: number, col: number): CellLook | undefined => look?.cells[toA1(row0, col)];
  const here = at(cell.row - 1, cell.col) ?? {};
  const lastRow = cell.row - 1 + cell.rowSpan - 1;
  const lastCol = cell.col + cell.colSpan - 1;
  const out: CellLook = { ...here };
  delete out.borderTop;
  delete out.borderLeft;
  if (cell.row === 1 && here.borderTop) out.borderTop = here.borderTop;
  if (cell.col === 0 && here.borderLeft) out.borderLeft = here.borderLeft;
  const right = at(cell.row - 1, lastCol)?.borderRight ?? at(cell.row - 1, lastCol + 1)?.borderLeft;
  const bottom = at(lastRow, cell.col)?.borderBottom ?? at(lastRow + 1, cell.col)?.borderTop;
  if (right) out.borderRight = right;
  else delete out.borderRight;
  if (bottom) out.borderBottom = bottom;
  else delete out.borderBottom;
  return out;
}

function cellStyle(cell: ViewCell, look: CellLook): React.CSSProperties {
  const style: React.CSSProperties = {};
  if (cell.fill) style.backgroundColor = cell.fill;
  if (cell.fontColor) style.color = cell.fontColor;
  if (cell.bold) style.fontWeight = 700;
  if (look.italic) style.fontStyle = 'italic';
  if (look.underline || cell.link) style.textDecoration = 'underline';
  if (cell.link && !cell.fontColor) style.color = '#0563C1';
  if (look.fontSize) style.fontSize = `${look.fontSize * PT_TO_PX}px`;
  style.textAlign = look.horizontal ?? (cell.numeric ? 'right' : 'left');
  style.verticalAlign = look.vertical ?? 'bottom';
  if (look.borderTop) style.borderTop = look.borderTop;
  if (look.borderRight) style.borderRight = look.borderRight;
  if (look.borderBottom) style.borderBottom = look.borderBottom;
  if (look.borderLeft) style.borderLeft = look.borderLeft;
  return style;
}

/** The text box of a cell: a wrapped cell is clipped to its rows' set heights; a plain text runs over the empty
 *  cells to its right, as far as they go, and is clipped there. */
function textStyle(
  view: SheetView,
  look: SheetLook | undefined,
  cell: ViewCell,
  l: CellLook,
): React.CSSProperties {
  const style: React.CSSProperties = {};
  if (l.wrap) {
    let px = 0;
    for (let r = cell.row; r < cell.row + cell.rowSpan; r++) {
      const pt = look?.rowHeights[r];
      if (pt === undefined) return style;
      px += Math.round(pt * PT_TO_PX);
    }
    style.maxHeight = `${px - 2}px`;
    return style;
  }
  const align = l.horizontal ?? (cell.numeric ? 'right' : 'left');
  if (align === 'left' && !cell.numeric && cell.emptyAfter > 0 && cell.text !== '') {
    let px = 0;
    for (let c = cell.col; c < cell.col + cell.colSpan + cell.emptyAfter && c < view.columns.length; c++) {
      px += view.columns[c].width;
    }
    style.width = `${px - 6}px`;
  }
  return style;
}

const POPUP_ID = 'xl-note-popup';
const POPUP_WIDTH = 300;

/** A cell's note (or threaded comments), beside the cell as Excel shows it when the pointer rests on it: to the
 *  right, or to the left when there is no room before the edge of the sheet. */
function NotePopup(props: {
  cell: ViewCell;
  rect: DOMRect;
  bounds: HTMLElement | null;
  labels: GridLabels;
}): React.ReactElement | null {
  const { cell, rect, bounds, labels } = props;
  const area = bounds?.getBoundingClientRect();
  if (area && (rect.bottom < area.top || rect.top > area.bottom)) return null;
  const right = area ? area.right : window.innerWidth;
  const flip = rect.right + 12 + POPUP_WIDTH > right;
  const style: React.CSSProperties = {
    top: `${Math.max(0, rect.top - 1)}px`,
    left: flip ? `${rect.left - 12}px` : `${rect.right + 12}px`,
    transform: flip ? 'translateX(-100%)' : undefined,
    maxWidth: `${POPUP_WIDTH}px`,
  };
  const isNote = cell.note !== undefined;
  return (
    <div
      id={POPUP_ID}
      className={`xl-note${isNote ? '' : ' xl-comment'}`}
      role="tooltip"
      aria-label={isNote ? labels.note : labels.comment}
      data-testid="cell-popup"
      data-for={cell.address}
      style={style}
    >
      {isNote ? cell.note : null}
      {cell.comments.map((c, k) => (
        <div key={k} className={isNote ? 'xl-popup-comment' : undefined}>
          {c.author ? <b>{c.author}: </b> : null}
          {c.content}
        </div>
      ))}
    </div>
  );
}

interface GridCellProps {
  view: SheetView;
  look: SheetLook | undefined;
  cell: ViewCell;
  selected: boolean;
  /** The note popup is shown for this cell. */
  hovered: boolean;
  onSelect: SelectCell;
  onFollow: FollowLink;
  onHover: HoverCell;
}

/** One cell: its look, its text, the red corner of a note or the purple one of comments. */
function GridCell(props: GridCellProps): React.ReactElement {
  const { view, look, cell, selected, hovered, onSelect, onFollow, onHover } = props;
  const l = edgeLook(look, cell);
  const hasNote = cell.note !== undefined || cell.comments.length > 0;
  const classes = ['xl-cell'];
  if (selected) classes.push('xl-sel');
  if (l.wrap) classes.push('xl-wrap');
  if (hasNote) classes.push('xl-has-note');
  return (
    <td
      className={classes.join(' ')}
      rowSpan={cell.rowSpan > 1 ? cell.rowSpan : undefined}
      colSpan={cell.colSpan > 1 ? cell.colSpan : undefined}
      style={cellStyle(cell, l)}
      data-cell={cell.address}
      data-fill={cell.fill}
      data-font-color={cell.fontColor}
      data-note={cell.note}
      aria-selected={selected || undefined}
      onMouseDown={() => onSelect(cell.address)}
      onMouseEnter={hasNote ? (e) => onHover({ cell, td: e.currentTarget }) : undefined}
      onMouseLeave={() => onHover(null)}
      aria-describedby={hovered ? POPUP_ID : undefined}
      onClick={cell.link ? () => onFollow(cell.link?.sheet ?? null, cell.link?.address ?? null) : undefined}
    >
      <div className="xl-text" style={textStyle(view, look, cell, l)}>
        {cell.text}
      </div>
      {cell.note !== undefined ? <span className="xl-note-mark" aria-hidden="true" /> : null}
      {cell.comments.length > 0 ? <span className="xl-comment-mark" aria-hidden="true" /> : null}
    </td>
  );
}

export function Grid(props: GridProps): React.ReactElement {
  const { view, look, selected, zoom, onSelect, onFollow, labels } = props;
  const scroller = React.useRef<HTMLDivElement>(null);
  const [hover, setHover] = React.useState<{ cell: ViewCell; td: HTMLElement } | null>(null);
  // The popup follows its cell when the sheet scrolls (the browser sends mouseleave once the pointer is off it).
  const [, setScrolled] = React.useState(0);
  React.useEffect(() => setHover(null), [view]);

  React.useEffect(() => {
    if (!selected || !scroller.current) return;
    const el = scroller.current.querySelector<HTMLElement>(`[data-cell="${selected}"]`);
    el?.scrollIntoView({ block: 'center', inline: 'nearest' });
  }, [selected, props.revealKey, view.name]);

  const selRow = selected ? Number(/\d+$/.exec(selected)?.[0] ?? 0) : 0;
  const selCol = selected ? (/^[A-Z]+/.exec(selected)?.[0] ?? '') : '';
  const gridLines = look?.gridLines !== false;

  return (
    <div
      className="xl-scroll"
      ref={scroller}
      data-testid="grid-scroll"
      onScroll={() => hover && setScrolled((k) => k + 1)}
    >
      <table
        className={`xl-grid${gridLines ? '' : ' xl-nogrid'}`}
        style={{ zoom, width: `${ROW_HEAD_WIDTH + view.columns.reduce((w, c) => w + c.width, 0)}px` }}
        data-testid="grid"
        data-sheet={view.name}
        aria-label={view.name}
      >
        <colgroup>
          <col className="xl-rowhead-col" />
          {view.columns.map((c) => (
            <col key={c.letter} style={{ width: `${c.width}px` }} />
          ))}
        </colgroup>
        <thead>
          <tr>
            <th className="xl-corner" />
            {view.columns.map((c) => (
              <th
                key={c.letter}
                className={`xl-colhead${c.letter === selCol ? ' xl-head-sel' : ''}`}
                scope="col"
              >
                {c.letter}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {view.rows.map((row, i) => {
            const pt = look?.rowHeights[row] ?? DEFAULT_ROW_PT;
            return (
              <tr key={row} style={{ height: `${Math.round(pt * PT_TO_PX)}px` }}>
                <th className={`xl-rowhead${row === selRow ? ' xl-head-sel' : ''}`} scope="row">
                  {row}
                </th>
                {view.cells[i].map((cell) => (
                  <GridCell
                    key={cell.address}
                    view={view}
                    look={look}
                    cell={cell}
                    selected={cell.address === selected}
                    hovered={hover?.cell.address === cell.address}
                    onSelect={onSelect}
                    onFollow={onFollow}
                    onHover={setHover}
                  />
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
      {hover ? (
        <NotePopup
          cell={hover.cell}
          rect={hover.td.getBoundingClientRect()}
          bounds={scroller.current}
          labels={labels}
        />
      ) : null}
      {view.truncatedRows > 0 || view.truncatedCols > 0 ? (
        <p className="xl-truncated">{labels.truncated(view.truncatedRows, view.truncatedCols)}</p>
      ) : null}
    </div>
  );
}
