/** @jest-environment jsdom */
// The task pane with an injected score function and a fake host: what it shows, what it calls.
import * as React from 'react';
import { act, configure, fireEvent, render, screen, within } from '@testing-library/react';
import { App, SETTING_MODE, SETTING_RULEBOOK } from '../../src/taskpane/App';
import type { ScoreOutcome, ScoreRequest } from '../../src/app/score-flow';
import { MIN_EXCEL_API } from '../../src/taskpane/requirements';
import { deferred, fakeHost, outcome, report, shanghaiForm } from '../fixtures/pane';

// Fluent in jsdom is slow on a loaded 2-core machine: give async queries room.
configure({ asyncUtilTimeout: 10000 });

function button(name: RegExp | string): HTMLButtonElement {
  return screen.getByRole('button', { name }) as HTMLButtonElement;
}

async function flush(): Promise<void> {
  await act(async () => {
    await Promise.resolve();
  });
}

describe('task pane', () => {
  it('renders a report with the figures as the report states them', async () => {
    const host = fakeHost();
    const score = jest.fn<Promise<ScoreOutcome>, [ScoreRequest]>(async () => outcome());
    render(<App host={host} lang="zh-CN" score={score} />);
    fireEvent.click(button('评分'));
    await screen.findByText('找到 1 张自评表');

    expect(score).toHaveBeenCalledTimes(1);
    const req = score.mock.calls[0][0];
    expect(req.mode).toBe('check');
    expect(req.rulebook.id).toBe('mof-2020');
    expect(req.lang).toBe('zh-CN');

    const card = screen.getByRole('region', { name: '1. 计生特殊家庭帮扶及权益维护' });
    expect(within(card).getByTestId('annual-budget').textContent).toBe('991,403.00');
    expect(within(card).getByTestId('executed').textContent).toBe('965,043.97');
    const rate = within(card).getByTestId('rate').textContent ?? '';
    expect(rate).toContain('97.34%');
    expect(rate).toContain('表中 97.35%');
    expect(within(card).getByTestId('rate-score').textContent).toContain('9.73');
    const total = within(card).getByTestId('total').textContent ?? '';
    expect(total).toContain('99.73');
    expect(total).toContain('表中 99.43');
    expect(within(card).getByTestId('grade').textContent).toContain('优');
    expect(within(card).getByTestId('count-error').textContent).toBe('错误 2 条');
    expect(within(card).getByTestId('count-warning').textContent).toBe('警告 2 条');
    expect(within(card).getByTestId('count-info').textContent).toBe('提示 1 条');
    // Findings grouped by severity: errors and warnings open, each with its cell and the report's message.
    expect(within(card).getByRole('button', { name: /错误 \(2\)/ })).toBeTruthy();
    expect(within(card).getByText('得分应为 20.00，表中为 19.70')).toBeTruthy();
    expect(within(card).getByText('未填写绩效目标实际完成情况')).toBeTruthy();
    // The outcome of applying the plan.
    expect(screen.getByTestId('notice').textContent).toContain('已标记 4 个单元格');
    expect(screen.getByTestId('about').textContent).toBe('Excel API 1.8 · 说明方式：注释');
  });

  it('selects the cell of a clicked finding', async () => {
    const host = fakeHost();
    render(<App host={host} lang="zh-CN" score={async () => outcome()} />);
    fireEvent.click(button('评分'));
    const finding = await screen.findByRole('button', { name: /单元格 H13/ });
    fireEvent.click(finding);
    expect(host.select).toHaveBeenCalledWith('Sheet1', 'H13');
    // Keyboard: the finding is a real button, reachable with Tab and pressed with Enter.
    expect(finding.tagName).toBe('BUTTON');
    expect(finding.getAttribute('aria-label')).toBe('错误，单元格 H13：得分应为 20.00，表中为 19.70');
  });

  it('is busy while scoring: button disabled, spinner shown, a second click starts nothing', async () => {
    const host = fakeHost();
    const pending = deferred<ScoreOutcome>();
    const score = jest.fn(() => pending.promise);
    render(<App host={host} lang="zh-CN" score={score} />);
    const scoreButton = button('评分');
    fireEvent.click(scoreButton);
    fireEvent.click(scoreButton);
    expect(score).toHaveBeenCalledTimes(1);
    expect(scoreButton.disabled).toBe(true);
    expect(button('清除标记').disabled).toBe(true);
    // Settings cannot change under a running score.
    expect((screen.getByRole('combobox', { name: '模式' }) as HTMLSelectElement).disabled).toBe(true);
    expect((screen.getByRole('combobox', { name: '评分规则' }) as HTMLSelectElement).disabled).toBe(true);
    expect(screen.getByRole('status').textContent).toContain('正在评分…');
    expect(screen.getByRole('main').getAttribute('aria-busy')).toBe('true');

    await act(async () => {
      pending.resolve(outcome());
      await pending.promise;
    });
    expect(scoreButton.disabled).toBe(false);
    expect(screen.getByRole('status').textContent).toBe('');
    expect(screen.getByText('找到 1 张自评表')).toBeTruthy();
  });

  it('explains a workbook with no form', async () => {
    const host = fakeHost();
    const empty = report(
      [],
      [
        { code: 'FORM_NOT_FOUND', sheet: 'Sheet1', message: '未找到自评表', messageEn: 'no form' },
        {
          code: 'SHEET_UNREADABLE',
          sheet: '附表',
          message: '工作表“附表”无法读取',
          messageEn: 'cannot read',
        },
      ],
    );
    render(<App host={host} lang="zh-CN" score={async () => outcome(empty)} />);
    fireEvent.click(button('评分'));
    const banner = await screen.findByTestId('banner');
    expect(banner.getAttribute('data-kind')).toBe('noForm');
    expect(banner.textContent).toContain('没有找到绩效自评表');
    expect(banner.textContent).toContain('一级指标 / 二级指标 / 三级指标');
    expect(banner.textContent).toContain('全年预算数');
    // Sheet-level problems other than "no form here" are listed too.
    expect(screen.getByText(/工作表“附表”无法读取/)).toBeTruthy();
    expect(screen.queryByText('未找到自评表')).toBeNull();
  });

  it('explains an API this Excel does not support', async () => {
    const host = fakeHost({ caps: { excelApi: '1.8' } });
    const error = Object.assign(new Error('This API is not available'), { code: 'ApiNotFound' });
    render(<App host={host} lang="zh-CN" score={() => Promise.reject(error)} />);
    fireEvent.click(button('评分'));
    const banner = await screen.findByTestId('banner');
    expect(banner.getAttribute('data-kind')).toBe('unsupported');
    expect(banner.textContent).toContain('Excel 2019');
    expect(banner.textContent).toContain(`ExcelApi ${MIN_EXCEL_API}`);
    expect(banner.textContent).toContain('只支持到 ExcelApi 1.8');
    expect(button('评分').disabled).toBe(false);
  });

  it('warns at once, and keeps warning, when the host reports too old an ExcelApi', async () => {
    const error = Object.assign(new Error('nope'), { code: 'ApiNotFound' });
    render(
      <App host={fakeHost({ caps: { excelApi: '1.3' } })} lang="en" score={() => Promise.reject(error)} />,
    );
    const banner = screen.getByTestId('banner');
    expect(banner.getAttribute('data-kind')).toBe('unsupported');
    expect(banner.textContent).toContain('Excel 2019, 2021, 2024, Microsoft 365');
    expect(banner.textContent).toContain('supports up to ExcelApi 1.3');
    fireEvent.click(button('Score'));
    await flush();
    // Still one banner saying so, not two.
    expect(screen.getAllByTestId('banner').map((b) => b.getAttribute('data-kind'))).toEqual(['unsupported']);
  });

  it('explains a protected sheet', async () => {
    const error = Object.assign(new Error('The cell you are trying to change is on a protected sheet.'), {
      code: 'AccessDenied',
    });
    render(<App host={fakeHost()} lang="zh-CN" score={() => Promise.reject(error)} />);
    fireEvent.click(button('评分'));
    const banner = await screen.findByTestId('banner');
    expect(banner.getAttribute('data-kind')).toBe('protected');
    expect(banner.textContent).toContain('撤消工作表保护');
  });

  it('says which sheets were protected when the marks could not all be made', async () => {
    const scored = outcome();
    const applied = Object.assign({}, scored.applied, {
      skipped: [
        { sheet: '表2', cell: 'H6', reason: 'protected' },
        { sheet: '表2', cell: 'H7', reason: 'protected' },
      ],
    });
    render(<App host={fakeHost()} lang="zh-CN" score={async () => ({ ...scored, applied })} />);
    fireEvent.click(button('评分'));
    const banner = await screen.findByTestId('banner');
    expect(banner.getAttribute('data-kind')).toBe('protected');
    expect(banner.textContent).toContain('工作表“表2”');
    // The report is still shown: the scoring itself worked.
    expect(screen.getByText('找到 1 张自评表')).toBeTruthy();
  });

  it('names the sheets the report says are protected', async () => {
    const r = report(
      [shanghaiForm()],
      [{ code: 'SHEET_PROTECTED', sheet: 'Sheet1', message: '工作表“Sheet1”受保护', messageEn: 'protected' }],
    );
    render(<App host={fakeHost()} lang="en" score={async () => outcome(r)} />);
    fireEvent.click(button('Score'));
    const banner = await screen.findByTestId('banner');
    expect(banner.getAttribute('data-kind')).toBe('protected');
    expect(banner.textContent).toContain('the protected sheet "Sheet1"');
    expect(banner.textContent).toContain('Unprotect Sheet');
  });

  it('shows any other error with its message and asks to try again', async () => {
    render(<App host={fakeHost()} lang="zh-CN" score={() => Promise.reject(new Error('读取失败'))} />);
    fireEvent.click(button('评分'));
    const banner = await screen.findByTestId('banner');
    expect(banner.getAttribute('data-kind')).toBe('other');
    expect(banner.textContent).toContain('读取失败');
    expect(banner.textContent).toContain('请重试');
    expect(button('评分').disabled).toBe(false);
  });

  it('shows a banner, not an unhandled rejection, when selecting a cell fails', async () => {
    const host = fakeHost();
    host.select.mockRejectedValueOnce(Object.assign(new Error('protected'), { code: 'AccessDenied' }));
    render(<App host={host} lang="zh-CN" score={async () => outcome()} />);
    fireEvent.click(button('评分'));
    fireEvent.click(await screen.findByRole('button', { name: /单元格 H13/ }));
    await flush();
    expect(screen.getByTestId('banner').getAttribute('data-kind')).toBe('protected');
  });

  it('speaks English when Office does', async () => {
    const host = fakeHost({ caps: { explanation: 'comment' } });
    render(<App host={host} lang="en" score={async () => outcome()} />);
    expect(screen.getByRole('combobox', { name: 'Mode' })).toBeTruthy();
    expect(screen.getByRole('combobox', { name: 'Rulebook' })).toBeTruthy();
    expect(screen.getByRole('option', { name: 'Check' })).toBeTruthy();
    expect(screen.getByRole('option', { name: 'Fill in' })).toBeTruthy();
    expect(screen.getByRole('option', { name: 'Correct' })).toBeTruthy();
    expect(button('Clear marks')).toBeTruthy();
    fireEvent.click(button('Score'));
    await screen.findByText('Found 1 form');
    const card = screen.getByRole('region', { name: '1. 计生特殊家庭帮扶及权益维护' });
    expect(within(card).getByTestId('rate').textContent).toContain('printed 97.35%');
    expect(within(card).getByTestId('count-error').textContent).toBe('2 errors');
    expect(within(card).getByText('The score should be 20.00; the form shows 19.70')).toBeTruthy();
    expect(within(card).queryByText('得分应为 20.00，表中为 19.70')).toBeNull();
    expect(screen.getByTestId('notice').textContent).toContain('Marked 4 cells.');
    expect(screen.getByTestId('about').textContent).toBe('Excel API 1.8 · explanations: comments');
  });

  it('remembers mode and rulebook in the document settings and uses them', async () => {
    const host = fakeHost({ settings: { [SETTING_MODE]: 'fill', [SETTING_RULEBOOK]: 'shanghai' } });
    const score = jest.fn<Promise<ScoreOutcome>, [ScoreRequest]>(async () => outcome());
    render(<App host={host} lang="zh-CN" score={score} />);
    const mode = screen.getByRole('combobox', { name: '模式' }) as HTMLSelectElement;
    const rulebook = screen.getByRole('combobox', { name: '评分规则' }) as HTMLSelectElement;
    expect(mode.value).toBe('fill');
    expect(rulebook.value).toBe('shanghai');

    fireEvent.change(mode, { target: { value: 'check' } });
    fireEvent.change(mode, { target: { value: 'fill' } });
    fireEvent.change(rulebook, { target: { value: 'local-platform' } });
    expect(host.setSetting).toHaveBeenCalledWith(SETTING_MODE, 'fill');
    expect(host.setSetting).toHaveBeenCalledWith(SETTING_RULEBOOK, 'local-platform');
    expect(screen.getByText(/填入空白单元格/)).toBeTruthy();

    fireEvent.click(button('评分'));
    await screen.findByText('找到 1 张自评表');
    expect(score.mock.calls[0][0].mode).toBe('fill');
    expect(score.mock.calls[0][0].rulebook.id).toBe('local-platform');
  });

  it('ignores a stored setting it does not know', () => {
    const host = fakeHost({ settings: { [SETTING_MODE]: 'erase', [SETTING_RULEBOOK]: 'nowhere' } });
    render(<App host={host} lang="zh-CN" score={async () => outcome()} />);
    expect((screen.getByRole('combobox', { name: '模式' }) as HTMLSelectElement).value).toBe('check');
    expect((screen.getByRole('combobox', { name: '评分规则' }) as HTMLSelectElement).value).toBe('mof-2020');
  });

  it('clears the marks and says what was put back', async () => {
    const host = fakeHost();
    render(<App host={host} lang="zh-CN" score={async () => outcome()} />);
    fireEvent.click(button('清除标记'));
    const notice = await screen.findByTestId('notice');
    expect(host.restore).toHaveBeenCalledTimes(1);
    expect(notice.textContent).toContain('已恢复 5 个单元格');
    expect(notice.textContent).toContain('1 个单元格在评分后被您改过');
  });

  it('shows several forms, each with its own findings', async () => {
    const second = { ...shanghaiForm(), sheet: '表2', project: null, findings: [] };
    render(
      <App host={fakeHost()} lang="zh-CN" score={async () => outcome(report([shanghaiForm(), second]))} />,
    );
    fireEvent.click(button('评分'));
    await screen.findByText('找到 2 张自评表');
    const card2 = screen.getByRole('region', { name: '2. （未填项目名称）' });
    expect(within(card2).getByText('未发现问题。')).toBeTruthy();
    expect(within(card2).getByText(/工作表: 表2/)).toBeTruthy();
  });
});

describe('the About area', () => {
  it('links the help page of finding codes and the self-test, in the pane language', () => {
    render(<App host={fakeHost()} lang="en" />);
    expect(screen.getByTestId('help-link').getAttribute('href')).toBe('help.html#codes');
    expect(screen.getByTestId('help-link').textContent).toMatch(/finding code/);
    expect(screen.getByTestId('selftest-link').getAttribute('href')).toBe('selftest.html');
  });
});
