// Workbooks for the Office host tests: the Shanghai seed form as a FakeWorkbookModel, and a fake Excel + host.
import { createOfficeHost, type OfficeHost } from '../../src/hosts/office';
import { createFakeOffice, type FakeOffice, type FakeOfficeOptions } from '../../src/office-standin';
import type { FakeCell, FakeSheet, FakeWorkbookModel } from '../../src/office-standin/model';
import { PALETTE, type CellEdit, type MarkKind, type WritePlan } from '../../src/core';
import { SEED_CELLS, SEED_MERGES } from '../fixtures/shanghai';

export function seedSheet(name = '自评表', extra: Record<string, FakeCell> = {}): FakeSheet {
  const cells: Record<string, FakeCell> = {};
  for (const [addr, value] of Object.entries(SEED_CELLS)) {
    if (value !== null) cells[addr] = { value };
  }
  cells.H6 = { value: 0.9735, numberFormat: '0.00%' };
  Object.assign(cells, extra);
  return { name, cells, merges: [...SEED_MERGES], comments: [] };
}

/** The seed form with a few cells that make restoring hard: a formula, a user's note, a white fill, an explicit
 *  font colour, a rate printed as text. */
export function richSeedSheet(name = '自评表'): FakeSheet {
  return seedSheet(name, {
    // The printed total as a formula; its value as Excel computes it (H14 is text and left out of the SUM).
    H21: { value: 9.73 + (20 + 10 + 9.7 + 15 + 15 + 5 + 5), formula: '=I6+SUM(H13:H20)' },
    I16: { value: '疫情原因减少部分\n工作培训。', note: '用户自己的批注' },
    G13: { value: 20, fill: '#FFFFFF' },
    H13: { value: 20, fontColor: '#1F4E79', bold: true },
    H14: { value: '10%' },
  });
}

export function workbook(sheets: FakeSheet[], name = '2021自评表.xlsx'): FakeWorkbookModel {
  return { name, sheets, settings: {}, customXmlParts: [] };
}

export function clone<T>(x: T): T {
  return JSON.parse(JSON.stringify(x)) as T;
}

export interface Setup {
  fake: FakeOffice;
  host: OfficeHost;
  model: FakeWorkbookModel;
}

export function setup(
  model: FakeWorkbookModel,
  options: FakeOfficeOptions = {},
  payloadLimitBytes?: number,
): Setup {
  const fake = createFakeOffice(model, options);
  const host = createOfficeHost({ excel: fake.Excel, office: fake.Office, payloadLimitBytes });
  return { fake, host, model };
}

export function edit(
  sheet: string,
  cell: string,
  kind: MarkKind,
  note: string,
  value?: number | string,
): CellEdit {
  const e: CellEdit = { sheet, cell, kind, fill: PALETTE[kind].fill, note };
  const font = PALETTE[kind].fontColor;
  if (font) e.fontColor = font;
  if (value !== undefined) e.value = value;
  return e;
}

/** A plan over the rich seed sheet: marks, written values (one over a formula, one over text), a note over a
 *  user's note, a mark on a white-filled cell and on a cell with its own font colour. */
export function richPlan(sheet = '自评表'): WritePlan {
  const rate = edit(sheet, 'H6', 'written', 'selfeval 审核意见\n已改正：原值 97.35%，改为 97.34%', 0.9734);
  rate.numberFormat = '0.00%';
  return {
    mode: 'correct',
    edits: [
      rate,
      edit(sheet, 'H21', 'written', 'selfeval 审核意见\n已改正：原值 99.43，改为 99.73', 99.73),
      edit(sheet, 'H16', 'warning', 'selfeval 审核意见\n警告：得分 9.7 低于计算值 10'),
      edit(sheet, 'I16', 'warning', 'selfeval 审核意见\n警告：偏差原因'),
      edit(sheet, 'E6', 'info', 'selfeval 审核意见\n提示：全年预算数与年初预算数不同'),
      edit(sheet, 'G13', 'error', 'selfeval 审核意见\n错误：分值'),
      edit(sheet, 'H13', 'error', 'selfeval 审核意见\n错误：得分'),
      edit(sheet, 'H14', 'written', 'selfeval 审核意见\n已改正：原值 10%，改为 10', 10),
      edit(sheet, 'J30', 'error', 'selfeval 审核意见\n错误：空白单元格'),
    ],
  };
}

/** Excel's API reads the automatic font colour as #000000 and cannot set "automatic" back: a cell whose font
 *  colour was automatic comes back explicitly black. This view of a model treats the two as the same, and
 *  nothing else. */
export function automaticFontAsBlack(model: FakeWorkbookModel): FakeWorkbookModel {
  const m = clone(model);
  for (const s of m.sheets) {
    for (const [addr, c] of Object.entries(s.cells)) {
      if (c.fontColor !== '#000000') continue;
      delete c.fontColor;
      if (Object.keys(c).length === 1 && c.value === null) delete s.cells[addr];
    }
  }
  return m;
}

export function cell(model: FakeWorkbookModel, sheet: string, addr: string): FakeCell | undefined {
  return model.sheets.find((s) => s.name === sheet)?.cells[addr];
}
