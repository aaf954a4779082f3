/** @jest-environment jsdom */
// The pane with the real scoreWorkbook and core over a host that serves the seed form (shared/seed, as printed):
// what Excel users see is what the core computed, and the host is asked to apply the core's plan.
import * as React from 'react';
import { configure, fireEvent, render, screen, within } from '@testing-library/react';
import { App } from '../../src/taskpane/App';
import type { SheetTable, WritePlan } from '../../src/core';
import { seedPrinted } from '../fixtures/forms';
import { fakeHost } from '../fixtures/pane';

configure({ asyncUtilTimeout: 10000 });

it('scores the seed form end to end and shows the core figures', async () => {
  const applied: { plan: WritePlan; tables: SheetTable[] }[] = [];
  const host = {
    ...fakeHost(),
    hasMarks: async () => false,
    read: async () => ({ source: 'seed.xlsx', sheets: [seedPrinted('自评表')], errors: [] }),
    apply: async (plan: WritePlan, tables: SheetTable[]) => {
      applied.push({ plan, tables });
      return {
        cellsMarked: plan.edits.length,
        valuesWritten: 0,
        explanation: 'note' as const,
        tableSheets: tables.map((t) => t.name),
      };
    },
  };
  render(<App host={host} lang="zh-CN" />);
  fireEvent.click(screen.getByRole('button', { name: '评分' }));
  await screen.findByText('找到 1 张自评表');

  const card = screen.getByRole('region', { name: /^1\. / });
  expect(within(card).getByTestId('rate').textContent).toContain('97.34%');
  expect(within(card).getByTestId('rate-score').textContent).toContain('9.73');
  expect(within(card).getByTestId('total').textContent).toContain('99.73');
  expect(applied).toHaveLength(1);
  expect(applied[0].plan.mode).toBe('check');
  expect(applied[0].tables.map((t) => t.name)).toContain('审核意见');
  expect(screen.getByTestId('notice').textContent).toContain(
    `已标记 ${applied[0].plan.edits.length} 个单元格`,
  );
});
