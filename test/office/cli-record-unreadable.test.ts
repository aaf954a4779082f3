// Issue 13 item 2 in Excel: a CLI record cut or rewritten by another program is kept, not deleted, and 清除标记
// says so (Chinese first) before changing anything: the marks only it could undo are not left for good.
import { readFileSync } from 'fs';
import { join } from 'path';
import { loadRulebook, planWrites, reviewTable, scoreSheets } from '../../src/core';
import type { FakeWorkbookModel } from '../../src/office-standin/model';
import { applyWritePlan, loadWorkbook, RESTORE_SHEET_NAME, workbookToGrids } from '../../src/hosts/xlsx';
import { workbookToModel } from '../../src/harness/xlsx-model';
import { clone, setup } from './helpers';

const SAMPLE = join(__dirname, '../../examples/2021-计生特殊家庭帮扶及权益维护.xlsx');
const NAME = 'a.xlsx';

async function scoredModel(): Promise<FakeWorkbookModel> {
  const wb = await loadWorkbook(readFileSync(SAMPLE));
  const rulebook = loadRulebook({ reasons: { acceptExplainedDeduction: false } });
  const report = scoreSheets(workbookToGrids(wb), { rulebook, source: NAME });
  applyWritePlan(wb, planWrites(report, 'correct', 'zh-CN'), [reviewTable(report, 'zh-CN')]);
  return workbookToModel(wb, NAME);
}

describe('a CLI record that cannot be read whole', () => {
  it('is kept and nothing is changed; the error says so', async () => {
    const model = await scoredModel();
    const record = model.sheets.find((s) => s.name === RESTORE_SHEET_NAME)!;
    record.cells.C2 = { value: String(record.cells.C2.value).slice(0, 30) };
    const before = clone(model);
    const { host } = setup(model, { apiVersion: '1.18' });
    await expect(host.restore()).rejects.toThrow(/无法读取.*记录已保留.*cannot be read.*record is kept/s);
    expect(model.sheets.map((s) => s.name)).toEqual(before.sheets.map((s) => s.name));
    expect(model.sheets).toEqual(before.sheets);
  });

  it('a whole record is still put back (the entries split over cells joined)', async () => {
    const model = await scoredModel();
    const { host } = setup(model, { apiVersion: '1.18' });
    const result = await host.restore();
    expect(result.restored).toBeGreaterThan(0);
    expect(model.sheets.some((s) => s.name === RESTORE_SHEET_NAME)).toBe(false);
  });
});
