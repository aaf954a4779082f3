/** @jest-environment jsdom */
// 改正 asks first (once per opening of the workbook, with the number of values it changes, planned from a read),
// says every value it wrote (cell, old → new), shows the figures as the cells hold them now, and 清除标记 marks
// the findings as cleared. Real scoreWorkbook / previewWorkbook and core over a host serving the seed form.
import * as React from 'react';
import { configure, fireEvent, render, screen, within } from '@testing-library/react';
import { App, SETTING_MODE } from '../../src/taskpane/App';
import { writtenValues } from '../../src/app/score-flow';
import { getPreset, planWrites, scoreSheets, type SheetTable, type WritePlan } from '../../src/core';
import { initialPaneState, paneReducer } from '../../src/taskpane/state';
import { seedPrinted } from '../fixtures/forms';
import { fakeHost } from '../fixtures/pane';

configure({ asyncUtilTimeout: 10000 });

/** The seed form with a wrong 总分 (90 where the scores add up to 99.43): 改正 has a value to write. (The sample's own
 *  9.7 is an explained self-deduction, which 改正 keeps.) */
function wrongTotal(): ReturnType<typeof seedPrinted> {
  const sheet = seedPrinted('自评表');
  sheet.values[21][8] = 90;
  return sheet;
}

function seedHost(settings: Record<string, string> = {}) {
  const applied: WritePlan[] = [];
  let marked = false;
  const base = fakeHost({ settings });
  const host = {
    ...base,
    hasMarks: jest.fn(async () => marked),
    read: jest.fn(async () => ({ source: 'seed.xlsx', sheets: [wrongTotal()], errors: [] })),
    apply: jest.fn(async (plan: WritePlan, tables: SheetTable[]) => {
      applied.push(plan);
      marked = true;
      return {
        cellsMarked: plan.edits.length,
        valuesWritten: plan.edits.filter((e) => e.value !== undefined).length,
        explanation: 'note' as const,
        tableSheets: tables.map((t) => t.name),
      };
    }),
  };
  base.restore.mockImplementation(async () => {
    marked = false;
    return { restored: 3, kept: 0 };
  });
  return { host, applied };
}

/** What 改正 writes on the seed form, by the core itself. */
function expectedWrites() {
  const sheets = [wrongTotal()];
  const report = scoreSheets(sheets, { rulebook: getPreset('mof-2020'), source: 'seed.xlsx' });
  return writtenValues(planWrites(report, 'correct', 'zh-CN'), sheets);
}

describe('改正 in the pane', () => {
  it('a remembered 改正 starts as 检查 when the workbook is opened again', () => {
    expect(initialPaneState({ mode: 'correct', rulebook: 'mof-2020' }).mode).toBe('check');
    expect(initialPaneState({ mode: 'fill', rulebook: 'mof-2020' }).mode).toBe('fill');
    const { host } = seedHost({ [SETTING_MODE]: 'correct' });
    render(<App host={host} lang="zh-CN" />);
    expect((screen.getByRole('combobox', { name: '模式' }) as HTMLSelectElement).value).toBe('check');
  });

  it('the reducer refuses to start 改正 before the user said yes', () => {
    const s = paneReducer(initialPaneState({ mode: 'check', rulebook: 'mof-2020' }), {
      type: 'modeChosen',
      mode: 'correct',
    });
    expect(paneReducer(s, { type: 'workStarted', work: 'score' })).toBe(s);
    const asked = paneReducer(s, { type: 'previewed', confirm: { changes: 2 } });
    const yes = paneReducer(asked, { type: 'confirmAccepted' });
    expect(yes.correctConfirmed).toBe(true);
    expect(paneReducer(yes, { type: 'workStarted', work: 'score' }).busy).toBe('score');
  });

  it('asks with the count, writes on yes, lists every value written and shows the figures as now', async () => {
    const expected = expectedWrites();
    expect(expected.length).toBeGreaterThan(0);
    const { host, applied } = seedHost();
    render(<App host={host} lang="zh-CN" />);
    fireEvent.change(screen.getByRole('combobox', { name: '模式' }), { target: { value: 'correct' } });
    fireEvent.click(screen.getByRole('button', { name: '评分' }));

    const ask = await screen.findByTestId('confirm-correct');
    expect(ask.textContent).toContain(`将改写 ${expected.length} 个数值`);
    // Planned from one read: nothing applied, nothing cleared.
    expect(host.read).toHaveBeenCalledTimes(1);
    expect(host.hasMarks).not.toHaveBeenCalled();
    expect(applied).toHaveLength(0);
    expect(host.restore).not.toHaveBeenCalled();

    fireEvent.click(within(ask).getByTestId('confirm-yes'));
    const list = await screen.findByTestId('written');
    expect(applied).toHaveLength(1);
    expect(applied[0].mode).toBe('correct');
    const items = within(list)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(items).toEqual(expected.map((w) => `${w.cell}：${w.beforeText || '空'} → ${w.afterText}`));
    expect(screen.queryByTestId('confirm-correct')).toBeNull();

    // The figures show what the cells hold now, not the value printed before.
    const total = expected.find((w) => w.cell === 'H21');
    if (total) {
      const shown = screen.getByTestId('total').textContent ?? '';
      expect(shown).toContain(`表中 ${total.afterText}`);
      expect(shown).toContain(`原为 ${total.beforeText}`);
    }

    // Asked once: scoring again in 改正 goes straight through.
    fireEvent.click(screen.getByRole('button', { name: '评分' }));
    await screen.findByTestId('written');
    await screen.findByRole('button', { name: '评分' });
    expect(screen.queryByTestId('confirm-correct')).toBeNull();

    // 清除标记: the findings stay on show, marked as cleared; the figures are the printed ones again.
    fireEvent.click(screen.getByRole('button', { name: '清除标记' }));
    expect((await screen.findByTestId('marks-cleared')).textContent).toContain('标记已清除');
    expect(screen.getByTestId('total').textContent).not.toContain('原为');
  });

  it('cancel writes nothing and leaves the pane as it was', async () => {
    const { host, applied } = seedHost();
    render(<App host={host} lang="en" />);
    fireEvent.change(screen.getByRole('combobox', { name: 'Mode' }), { target: { value: 'correct' } });
    fireEvent.click(screen.getByRole('button', { name: 'Score' }));
    const ask = await screen.findByTestId('confirm-correct');
    expect(ask.textContent).toMatch(/This overwrites \d+ values?/);
    fireEvent.click(within(ask).getByTestId('confirm-no'));
    expect(screen.queryByTestId('confirm-correct')).toBeNull();
    expect(applied).toHaveLength(0);
  });
});
