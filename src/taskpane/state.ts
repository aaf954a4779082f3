// The task pane's state and every way it changes: one pure reducer, tested on its own
// (test/taskpane/state.test.ts). Components render a PaneState and dispatch PaneActions; the host calls
// (score, restore, settings) stay in App.tsx and report their results as actions.
import { WRITE_MODES, presetNames, type Report, type WriteMode } from '../core';
import type { RestoreResult } from '../app/host';
import type { ScoreOutcome, WrittenValue } from '../app/score-flow';
import { protectedInReport, protectedLeftovers, reportProblem, type Problem } from './problems';

/** Document settings keys (saved in the workbook through host.setSetting); the legacy pane uses the same. */
export const SETTING_MODE = 'selfeval.mode';
export const SETTING_RULEBOOK = 'selfeval.rulebook';

/** The long piece of work under way, if any (preview: planning 改正 to ask before it writes). */
export type Work = 'score' | 'restore' | 'preview';

/** 改正 planned and waiting for the user's yes: how many values it will change. */
export interface CorrectConfirm {
  changes: number;
}

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
  /** 改正 overwrites the form's values: it asks once each time the workbook is opened (the pane is loaded
   *  with it), and this says the user agreed in this session. */
  correctConfirmed: boolean;
  /** The question asked before 改正, while it waits for an answer. */
  confirm: CorrectConfirm | null;
  /** The values the last scoring wrote (填写 / 改正), until 清除标记 puts them back: the figures show them. */
  written: WrittenValue[];
  /** 清除标记 put the workbook back after the report was made: its findings are no longer marked. */
  marksCleared: boolean;
}

export type PaneAction =
  | { type: 'modeChosen'; mode: string }
  | { type: 'rulebookChosen'; rulebook: string }
  /** Refused while another piece of work runs (a second click does nothing). */
  | { type: 'workStarted'; work: Work }
  | { type: 'workFinished' }
  | { type: 'scored'; outcome: ScoreOutcome }
  | { type: 'restored'; result: RestoreResult }
  /** 改正 was planned without writing: ask before doing it. */
  | { type: 'previewed'; confirm: CorrectConfirm }
  | { type: 'confirmAccepted' }
  | { type: 'confirmCancelled' }
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

/** The pane as a workbook opens: a remembered 改正 starts as 检查 (改正 overwrites values and asks again each
 *  time the workbook is opened); 填写 and 检查 are kept. */
export function initialPaneState(settings: { mode: WriteMode; rulebook: string }): PaneState {
  return {
    mode: settings.mode === 'correct' ? 'check' : settings.mode,
    rulebook: settings.rulebook,
    busy: null,
    report: null,
    notice: null,
    problem: null,
    correctConfirmed: false,
    confirm: null,
    written: [],
    marksCleared: false,
  };
}

/** Whether 评分 must ask first: 改正 not yet agreed to in this session. */
export function needsConfirm(state: PaneState): boolean {
  return state.mode === 'correct' && !state.correctConfirmed;
}

export function paneReducer(state: PaneState, action: PaneAction): PaneState {
  switch (action.type) {
    case 'modeChosen':
      // The settings are locked while work runs (the fieldset is disabled).
      return isMode(action.mode) && state.busy === null && action.mode !== state.mode
        ? { ...state, mode: action.mode, confirm: null }
        : state;
    case 'rulebookChosen':
      return isRulebook(action.rulebook) && state.busy === null && action.rulebook !== state.rulebook
        ? { ...state, rulebook: action.rulebook }
        : state;
    case 'workStarted':
      if (state.busy !== null) return state;
      // Scoring 改正 unasked is refused: the pane previews and asks first.
      if (action.work === 'score' && needsConfirm(state)) return state;
      return {
        ...state,
        busy: action.work,
        problem: null,
        notice: action.work === 'preview' ? state.notice : null,
      };
    case 'workFinished':
      return state.busy === null ? state : { ...state, busy: null };
    case 'scored': {
      const report = action.outcome.report;
      // A report that says there is nothing to mark (no form, …) is a problem, not a success.
      const problem = reportProblem(report);
      if (problem) return { ...state, report, problem };
      const leftover = protectedLeftovers(action.outcome.applied) ?? protectedInReport(report);
      return {
        ...state,
        report,
        notice: { kind: 'scored', outcome: action.outcome },
        problem: leftover,
        written: action.outcome.applied.written,
        marksCleared: false,
      };
    }
    case 'restored':
      return {
        ...state,
        notice: { kind: 'restored', result: action.result },
        problem: protectedLeftovers(action.result),
        written: [],
        // The report stays on show; its marks are gone from the workbook.
        marksCleared: state.report !== null,
      };
    case 'previewed':
      return state.mode === 'correct' ? { ...state, confirm: action.confirm } : state;
    case 'confirmAccepted':
      return state.confirm === null ? state : { ...state, confirm: null, correctConfirmed: true };
    case 'confirmCancelled':
      return state.confirm === null ? state : { ...state, confirm: null };
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
