// The harness's grid model: what Excel would display for a cell, and how a sheet is laid out (merged areas,
// notes, comments, links, text running over empty cells).
import {
  displayText,
  formatNumber,
  linkTarget,
  sheetView,
  usedArea,
  widthToPixels,
} from '../../src/harness/view';
import type { FakeSheet } from '../../src/office-standin/model';

describe('formatNumber: the text Excel shows for a number under a format', () => {
  test.each([
    [0.9735, '0.00%', '97.35%'],
    [0.9734, '0.00%', '97.34%'],
    [0.5, '0%', '50%'],
    [1100000, '0.00', '1100000.00'],
    [965043.97, '#,##0.00', '965,043.97'],
    [1234.5, '#,##0', '1,235'],
    [1234.5, '"¥"#,##0.00', '¥1,234.50'],
    [97.35, '0.00"分"', '97.35分'],
    [12, '0.0#', '12.0'],
    [12.345, '0.0#', '12.35'],
    [-5, '0.00', '-5.00'],
    [-5, '0.00;(0.00)', '(5.00)'],
    [-1234.5, '#,##0.00_);[Red](#,##0.00)', '(1,234.50)'],
    [0.125, '0.00', '0.13'], // half-up on the decimal value, not the binary float
    [2.675, '0.00', '2.68'],
  ])('%p under %p → %p', (value, format, shown) => {
    expect(formatNumber(value, format)).toBe(shown);
  });

  test('General shows the number without float noise, up to 11 significant digits', () => {
    expect(formatNumber(0.1 + 0.2, undefined)).toBe('0.3');
    expect(formatNumber(965043.97, 'General')).toBe('965043.97');
    expect(formatNumber(10, undefined)).toBe('10');
    expect(formatNumber(1 / 3, undefined)).toBe('0.33333333333');
  });

  test('text format and date formats fall back to General', () => {
    expect(formatNumber(42, '@')).toBe('42');
    expect(formatNumber(44561, 'yyyy-mm-dd')).toBe('44561');
  });

  test('displayText: strings as they are, booleans as Excel writes them, empty as nothing', () => {
    expect(displayText({ value: '965,043.97' })).toBe('965,043.97');
    expect(displayText({ value: true })).toBe('TRUE');
    expect(displayText({ value: null })).toBe('');
    expect(displayText({ value: 0.9735, numberFormat: '0.00%' })).toBe('97.35%');
  });
});

function sheet(partial: Partial<FakeSheet>): FakeSheet {
  return { name: '自评表', cells: {}, merges: [], comments: [], ...partial };
}

describe('sheetView: a sheet laid out as the grid draws it', () => {
  const s = sheet({
    cells: {
      A1: { value: '财政项目支出绩效自评表', bold: true },
      A3: { value: '项目名称' },
      C3: { value: '计生特殊家庭帮扶及权益维护' },
      H6: { value: 0.9735, numberFormat: '0.00%', fill: '#DDEBF7', note: 'selfeval 审核意见\n提示：…' },
      B8: { value: 'a long label' },
      F8: { value: 1 },
      A9: { value: '审核意见', hyperlink: { documentReference: "'审核意见'!A1" } },
    },
    merges: ['A1:I1', 'A3:B3'],
    comments: [{ cell: 'D4', content: '请核对', author: '审核人' }],
    columnWidths: { A: 6, D: 28 },
  });
  const view = sheetView(s);
  const at = (address: string) => view.cells.flat().find((c) => c.address === address);

  test('draws the used area and more rows and columns beyond it, at least an empty sheet’s worth', () => {
    expect(usedArea(s)).toEqual({ rows: 9, cols: 9 });
    expect(view.rows.length).toBe(40); // an empty sheet's worth
    const long = sheetView(sheet({ cells: { B100: { value: 1 } } }));
    expect(long.rows.length).toBe(100 + 30);
    expect(long.rows[129]).toBe(130);
    expect(view.columns.map((c) => c.letter).slice(0, 3)).toEqual(['A', 'B', 'C']);
    expect(view.columns.length).toBe(9 + 3);
  });

  test('column widths in Excel characters become pixels; unlisted columns get the default width', () => {
    expect(view.columns[0].width).toBe(widthToPixels(6));
    expect(view.columns[3].width).toBe(widthToPixels(28));
    expect(view.columns[1].width).toBe(64);
  });

  test('a merged area is one cell spanning its area; the cells it covers are not drawn', () => {
    expect(at('A1')).toMatchObject({ colSpan: 9, rowSpan: 1, text: '财政项目支出绩效自评表', bold: true });
    expect(at('B1')).toBeUndefined();
    expect(at('I1')).toBeUndefined();
    expect(at('J1')).toBeDefined();
    expect(at('A3')).toMatchObject({ colSpan: 2 });
    expect(at('B3')).toBeUndefined();
  });

  test('fills, notes, formats, comments and links are carried to the cell', () => {
    expect(at('H6')).toMatchObject({
      text: '97.35%',
      numeric: true,
      fill: '#DDEBF7',
      note: 'selfeval 审核意见\n提示：…',
    });
    expect(at('D4')?.comments).toEqual([{ cell: 'D4', content: '请核对', author: '审核人' }]);
    expect(at('A9')?.link).toEqual({ sheet: '审核意见', address: 'A1', url: null });
  });

  test('a text may run over the empty cells to its right, up to the next filled one', () => {
    expect(at('B8')?.emptyAfter).toBe(3); // C8, D8, E8; F8 holds a number
    expect(at('F8')?.emptyAfter).toBeGreaterThan(0);
    expect(at('C3')?.emptyAfter).toBeGreaterThan(0);
  });

  test('links: a place in the workbook or a URL', () => {
    expect(linkTarget({ value: 'x', hyperlink: { address: '#Sheet1!B2' } })).toEqual({
      sheet: 'Sheet1',
      address: 'B2',
      url: null,
    });
    expect(linkTarget({ value: 'x', hyperlink: { documentReference: "'It''s'!$C$3:$D$4" } })).toEqual({
      sheet: "It's",
      address: 'C3',
      url: null,
    });
    expect(linkTarget({ value: 'x', hyperlink: { address: 'https://example.org/' } })).toEqual({
      sheet: null,
      address: null,
      url: 'https://example.org/',
    });
  });
});
