/** @jest-environment jsdom */
// The demo's status bar keeps the Excel.run / context.sync counters behind a "details" toggle.
import * as React from 'react';
import { fireEvent, render, screen } from '@testing-library/react';
import { StatusBar } from '../../src/harness/StatusBar';
import { harnessText } from '../../src/ui-text';

it('shows 就绪 and hides the counters until 详情 is pressed', () => {
  const t = harnessText('zh-CN');
  render(<StatusBar stats={{ runs: 3, syncs: 5, roundTrips: 5 }} api="ExcelApi 1.18" t={t} />);
  const bar = screen.getByTestId('status-bar');
  expect(bar.textContent).toContain('就绪');
  expect(bar.textContent).not.toMatch(/context\.sync/);
  fireEvent.click(screen.getByRole('button', { name: '详情' }));
  expect(screen.getByTestId('stats').textContent).toBe('Excel.run 3 次 · context.sync 5 次 · 往返 5 次');
  fireEvent.click(screen.getByRole('button', { name: '详情' }));
  expect(screen.queryByTestId('stats')).toBeNull();
});
