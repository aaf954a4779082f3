// The task pane's state and every way it changes: one pure reducer, tested on its own
// (test/taskpane/state.test.ts). Components render a PaneState and dispatch PaneActions; the host calls
// (score, restore, settings) stay in App.tsx and report their results as actions.
import { WRITE_MODES, presetNames, type Report, type WriteMode } from '../core';
import type { RestoreResult } from '../app/host';
import type { ScoreOutcome } from '../app/score-flow';
import { protectedInReport, protectedLeftovers, reportProblem, type Problem } from './problems';

/** Document settings keys (saved in the workbook through host.setSetting); the legacy pane uses the same. */
export const SETTING_MODE = 'selfeval.mode';
export const SETTING_RULEBOOK = 'selfeval.rulebook';

/** The long piece of work under way, if any. */
export type Work = 'score' | 'restore';

/** What the last piece of work did, shown until the next one starts or the user dismisses it. */
export type Notice = { kind: 'scored'; outcome: ScoreOutcome } | { kind: 'restored'; result: RestoreResult };

export interface PaneState {
  mode: WriteMode;
  /** The id of the rulebook preset. */
  rulebook: string;
  busy: Work | null;
  /** The last report, kept while the next scoring runs. */
  report: Report | null;
  notice: Notice | null;
  problem: Problem | null;
}

export type PaneAction =
  | { type: 'modeChosen'; mode: string }
  | { type: 'rulebookChosen'; rulebook: string }
  /** Refused while another piece of work runs (a second click does nothing). */
  | { type: 'workStarted'; work: Work }
  | { type: 'workFinished' }
  | { type: 'scored'; outcome: ScoreOutcome }
  | { type: 'restored'; result: RestoreResult }
  | { type: 'failed'; problem: Problem }
  | { type: 'settingFailed'; message: string }
  | { type: 'problemDismissed' }
  | { type: 'noticeDismissed' };

export function isMode(v: string | null): v is WriteMode {
  return v !== null && (WRITE_MODES as readonly string[]).includes(v);
}

export function isRulebook(v: string | null): v is string {
  return v !== null && presetNames().includes(v);
}

export function initialPaneState(settings: { mode: WriteMode; rulebook: string }): PaneState {
  return { ...settings, busy: null, report: null, notice: null, problem: null };
}

export function paneReducer(state: PaneState, action: PaneAction): PaneState {
  switch (action.type) {
    case 'modeChosen':
      // The settings are locked while work runs (the fieldset is disabled).
      return isMode(action.mode) && state.busy === null && action.mode !== state.mode
        ? { ...state, mode: action.mode }
        : state;
    case 'rulebookChosen':
      return isRulebook(action.rulebook) && state.busy === null && action.rulebook !== state.rulebook
        ? { ...state, rulebook: action.rulebook }
        : state;
    case 'workStarted':
      if (state.busy !== null) return state;
      return { ...state, busy: action.work, problem: null, notice: null };
    case 'workFinished':
      return state.busy === null ? state : { ...state, busy: null };
    case 'scored': {
      const report = action.outcome.report;
      // A report that says there is nothing to mark (no form, …) is a problem, not a success.
      const problem = reportProblem(report);
      if (problem) return { ...state, report, problem };
      const leftover = protectedLeftovers(action.outcome.applied) ?? protectedInReport(report);
      return { ...state, report, notice: { kind: 'scored', outcome: action.outcome }, problem: leftover };
    }
    case 'restored':
      return {
        ...state,
        notice: { kind: 'restored', result: action.result },
        problem: protectedLeftovers(action.result),
      };
    case 'failed':
      return { ...state, problem: action.problem };
    case 'settingFailed':
      return { ...state, problem: { kind: 'setting', message: action.message } };
    case 'problemDismissed':
      // Only a setting that was not saved can be dismissed; the others stay until the next piece of work.
      return state.problem?.kind === 'setting' ? { ...state, problem: null } : state;
    case 'noticeDismissed':
      return state.notice === null ? state : { ...state, notice: null };
  }
}
