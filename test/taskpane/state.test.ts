// The task pane's reducer on its own: every transition, and the ones it must refuse.
import { initialPaneState, paneReducer, type PaneAction, type PaneState } from '../../src/taskpane/state';
import { outcome, report } from '../fixtures/pane';

function start(): PaneState {
  return initialPaneState({ mode: 'check', rulebook: 'mof-2020' });
}

function apply(state: PaneState, ...actions: PaneAction[]): PaneState {
  return actions.reduce(paneReducer, state);
}

describe('paneReducer', () => {
  test('starts idle, with the stored settings and nothing to show', () => {
    expect(start()).toEqual({
      mode: 'check',
      rulebook: 'mof-2020',
      busy: null,
      report: null,
      notice: null,
      problem: null,
      correctConfirmed: false,
      confirm: null,
      written: [],
      marksCleared: false,
    });
  });

  test('settings: known values are taken, unknown ones and changes during work are refused', () => {
    const s = start();
    expect(paneReducer(s, { type: 'modeChosen', mode: 'correct' }).mode).toBe('correct');
    expect(paneReducer(s, { type: 'rulebookChosen', rulebook: 'shanghai' }).rulebook).toBe('shanghai');
    expect(paneReducer(s, { type: 'modeChosen', mode: 'rewrite' })).toBe(s);
    expect(paneReducer(s, { type: 'rulebookChosen', rulebook: 'no-such-rulebook' })).toBe(s);
    const busy = paneReducer(s, { type: 'workStarted', work: 'score' });
    expect(paneReducer(busy, { type: 'modeChosen', mode: 'fill' })).toBe(busy);
    expect(paneReducer(busy, { type: 'rulebookChosen', rulebook: 'shanghai' })).toBe(busy);
  });

  test('one piece of work at a time: a second start is refused, finishing frees the pane', () => {
    const scoring = apply(start(), { type: 'workStarted', work: 'score' });
    expect(scoring.busy).toBe('score');
    expect(paneReducer(scoring, { type: 'workStarted', work: 'restore' })).toBe(scoring);
    const done = paneReducer(scoring, { type: 'workFinished' });
    expect(done.busy).toBeNull();
    expect(paneReducer(done, { type: 'workFinished' })).toBe(done);
    expect(paneReducer(done, { type: 'workStarted', work: 'restore' }).busy).toBe('restore');
  });

  test('starting work clears the last problem and notice but keeps the last report', () => {
    const scored = apply(
      start(),
      { type: 'workStarted', work: 'score' },
      { type: 'scored', outcome: outcome() },
    );
    const failed = paneReducer(scored, { type: 'failed', problem: { kind: 'cellEdit' } });
    expect(failed.notice?.kind).toBe('scored');
    const again = apply(failed, { type: 'workFinished' }, { type: 'workStarted', work: 'score' });
    expect(again).toMatchObject({ busy: 'score', problem: null, notice: null });
    expect(again.report).toBe(scored.report);
  });

  test('a scored workbook: report and notice; protected sheets left over become a problem', () => {
    const ok = outcome();
    expect(paneReducer(start(), { type: 'scored', outcome: ok })).toMatchObject({
      report: ok.report,
      notice: { kind: 'scored', outcome: ok },
      problem: null,
    });
    const applied = { ...ok.applied, skipped: [{ sheet: '表2', cell: 'H6', reason: 'protected' }] };
    const partial = paneReducer(start(), { type: 'scored', outcome: { ...ok, applied } });
    expect(partial.problem).toEqual({ kind: 'protected', sheet: '表2', partial: true });
    expect(partial.notice?.kind).toBe('scored');
  });

  test('a report without a form is a problem, not a success', () => {
    const none = outcome(report([]));
    const s = paneReducer(start(), { type: 'scored', outcome: none });
    expect(s.problem).toEqual({ kind: 'noForm' });
    expect(s.notice).toBeNull();
    expect(s.report).toBe(none.report);
  });

  test('restored: says what was put back; cells on protected sheets left alone are a problem', () => {
    const s = paneReducer(start(), { type: 'restored', result: { restored: 3, kept: 1 } });
    expect(s.notice).toEqual({ kind: 'restored', result: { restored: 3, kept: 1 } });
    expect(s.problem).toBeNull();
    const blocked = { restored: 0, kept: 0, blocked: 2 };
    expect(paneReducer(start(), { type: 'restored', result: blocked }).problem).toEqual({
      kind: 'protected',
      sheet: null,
      partial: true,
    });
  });

  test('only a setting that was not saved can be dismissed; notices always can', () => {
    const setting = paneReducer(start(), { type: 'settingFailed', message: 'quota' });
    expect(setting.problem).toEqual({ kind: 'setting', message: 'quota' });
    expect(paneReducer(setting, { type: 'problemDismissed' }).problem).toBeNull();
    const other = paneReducer(start(), { type: 'failed', problem: { kind: 'other', message: 'x' } });
    expect(paneReducer(other, { type: 'problemDismissed' })).toBe(other);
    const noticed = paneReducer(start(), { type: 'restored', result: { restored: 1, kept: 0 } });
    expect(paneReducer(noticed, { type: 'noticeDismissed' }).notice).toBeNull();
    const plain = start();
    expect(paneReducer(plain, { type: 'noticeDismissed' })).toBe(plain);
  });
});
