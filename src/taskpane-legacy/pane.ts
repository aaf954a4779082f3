// The legacy task pane: the modern pane's job (mode, rulebook, 评分, 清除标记, the figures of each form, the
// findings that select their cells) with plain DOM, for the Internet Explorer 11 and Edge Legacy webviews of
// Office 2019 and older. Plain DOM because there is nothing to gain from a framework here: one screen, a few
// controls, a re-render after each piece of work; no framework means nothing to polyfill for it and a bundle
// that is mostly our own core (see README, "Which pane").
//
// It computes nothing: the state and its transitions are the modern pane's reducer (src/taskpane/state.ts),
// errors are classified by the same problems.ts, scoring is the app flow (src/app/score-flow.ts) over the same
// Office host. The controls are built once (focus stays where the user left it); the banners, the notice and the
// forms are rebuilt when the state they show changes.
import { DEFAULT_RULEBOOK_ID, getPreset, type Severity } from '../core';
import type { HostCapabilities, WorkbookHost } from '../app/host';
import { previewWorkbook, scoreWorkbook, type ScoreRequest } from '../app/score-flow';
import { messages, type Messages, type UiLang } from '../ui-text';
import { classifyError, type Problem } from '../taskpane/problems';
import { meetsRequirement, MIN_EXCEL_API } from '../taskpane/requirements';
import {
  SETTING_MODE,
  SETTING_RULEBOOK,
  initialPaneState,
  isMode,
  isRulebook,
  needsConfirm,
  paneReducer,
  type PaneAction,
  type PaneState,
  type Work,
} from '../taskpane/state';
import type { ScoreFn } from '../taskpane/types';
import { el, fill } from './dom';
import { buildShell, type Shell } from './shell';
import { installStyle } from './style';
import { bannerView, confirmView, formsView, noticeView, workbookNotesView } from './view';
import { errorMessage, initialSetting, safeCapabilities } from '../taskpane/host-reads';

export interface LegacyPaneOptions {
  host: WorkbookHost;
  lang: UiLang;
  /** One scoring pass; scoreWorkbook(host, request) unless a test injects another. */
  score?: ScoreFn;
}

/** What the controls call back: 改正 confirmed (score now) or cancelled. */
interface ConfirmHandlers {
  onConfirm: () => void;
  onCancel: () => void;
}

export interface LegacyPane {
  /** The state as of the last action. */
  state(): PaneState;
}

/** An Excel below the minimum set: said at once and kept while the pane is open (as in the modern pane). */
function tooOldProblem(caps: HostCapabilities | null): Problem | null {
  return caps && !meetsRequirement(caps.excelApi)
    ? { kind: 'unsupported', needed: MIN_EXCEL_API, have: caps.excelApi }
    : null;
}

/** Puts the state into the controls, the banners and the notice (the forms are rebuilt by the caller). */
function renderControls(
  shell: Shell,
  state: PaneState,
  m: Messages,
  tooOld: Problem | null,
  dispatch: (action: PaneAction) => PaneState,
  confirm: ConfirmHandlers,
): void {
  const busy = state.busy !== null;
  shell.main.setAttribute('aria-busy', busy ? 'true' : 'false');
  shell.mode.select.value = state.mode;
  shell.rulebook.select.value = state.rulebook;
  shell.mode.hint.textContent = m.modeHints[state.mode];
  shell.mode.select.disabled = busy;
  shell.rulebook.select.disabled = busy;
  shell.scoreButton.disabled = busy;
  shell.restoreButton.disabled = busy;
  shell.status.textContent =
    state.busy === 'score' || state.busy === 'preview'
      ? m.scoring
      : state.busy === 'restore'
        ? m.restoring
        : '';

  const problem = state.problem;
  fill(shell.banners, [
    tooOld ? bannerView(tooOld, m) : null,
    problem && !(tooOld && problem.kind === 'unsupported')
      ? bannerView(
          problem,
          m,
          problem.kind === 'setting' ? () => void dispatch({ type: 'problemDismissed' }) : undefined,
        )
      : null,
  ]);
  // 改正 planned and waiting for the user's yes (as in the modern pane): the question stands where notices do.
  fill(
    shell.notices,
    state.confirm
      ? confirmView(state.confirm.changes, m, confirm.onConfirm, confirm.onCancel)
      : state.notice
        ? noticeView(state.notice, m, () => void dispatch({ type: 'noticeDismissed' }))
        : null,
  );
}

/** The forms of the report, rebuilt when the report changes; each severity group opens and closes. */
function makeFormsArea(
  forms: HTMLElement,
  m: Messages,
  lang: UiLang,
  onSelect: (sheet: string, cell: string) => void,
): { show: (report: PaneState['report']) => void } {
  /** Which severity groups the user opened or closed, per form ("2:info"); reset with each new report. */
  let toggled: Record<string, boolean> = {};
  let shown: PaneState['report'] | undefined;
  const handlers = {
    onSelect,
    isOpen: (index: number, severity: Severity): boolean => {
      const key = `${index}:${severity}`;
      return Object.prototype.hasOwnProperty.call(toggled, key) ? toggled[key] : severity !== 'info';
    },
    onToggle: (index: number, severity: Severity): void => {
      toggled[`${index}:${severity}`] = !handlers.isOpen(index, severity);
      render();
      // Focus goes back to the toggle the user pressed.
      const form = forms.querySelectorAll('.lp-form')[index - 1];
      const target = form
        ? (form.querySelector(`[data-severity="${severity}"]`) as HTMLElement | null)
        : null;
      if (target) target.focus();
    },
  };
  const render = (): void => {
    const report = shown === undefined ? null : shown;
    fill(forms, [workbookNotesView(report, m, lang), formsView(report, m, lang, handlers)]);
  };
  return {
    show: (report) => {
      if (report === shown) return;
      shown = report;
      toggled = {};
      render();
    },
  };
}

/** Builds the pane in `root` and runs it until the page closes. */
export function mountLegacyPane(root: HTMLElement, options: LegacyPaneOptions): LegacyPane {
  const { host, lang } = options;
  const m = messages(lang);
  const caps = safeCapabilities(host);
  const tooOld = tooOldProblem(caps);
  let state = initialPaneState({
    mode: initialSetting(host, SETTING_MODE, isMode, 'check'),
    rulebook: initialSetting(host, SETTING_RULEBOOK, isRulebook, DEFAULT_RULEBOOK_ID),
  });

  installStyle(root.ownerDocument || document);
  document.documentElement.setAttribute('lang', m.htmlLang);

  const shell = buildShell(m, caps, {
    onMode: (v) => dispatchSetting({ type: 'modeChosen', mode: v }, SETTING_MODE, v),
    onRulebook: (v) => dispatchSetting({ type: 'rulebookChosen', rulebook: v }, SETTING_RULEBOOK, v),
    onScore,
    onRestore,
  });
  const formsArea = makeFormsArea(shell.forms, m, lang, onSelect);
  fill(root, shell.main);

  function dispatch(action: PaneAction): PaneState {
    const next = paneReducer(state, action);
    if (next !== state) {
      state = next;
      render();
    }
    return next;
  }

  function fail(e: unknown): void {
    dispatch({ type: 'failed', problem: classifyError(e, caps ? caps.excelApi : null) });
  }

  function remember(key: string, value: string): void {
    const failed = (e: unknown): void => void dispatch({ type: 'settingFailed', message: errorMessage(e) });
    try {
      host.setSetting(key, value).then(undefined, failed);
    } catch (e) {
      failed(e);
    }
  }

  function dispatchSetting(action: PaneAction, key: string, value: string): void {
    const next = dispatch(action);
    if ((key === SETTING_MODE ? next.mode : next.rulebook) === value) remember(key, value);
    else render(); // refused (busy, unknown value): the select shows the state again
  }

  /** Runs one piece of long work; the reducer refuses a second one while one runs. */
  function run(work: Work, job: () => Promise<void>): Promise<void> {
    if (dispatch({ type: 'workStarted', work }).busy !== work) return Promise.resolve();
    const finish = (): void => void dispatch({ type: 'workFinished' });
    let started: Promise<void>;
    try {
      started = job();
    } catch (e) {
      started = Promise.reject(e);
    }
    return started.then(finish, (e: unknown) => {
      fail(e);
      finish();
    });
  }

  function onScore(): void {
    const request: ScoreRequest = { rulebook: getPreset(state.rulebook), mode: state.mode, lang };
    if (needsConfirm(state)) {
      // 改正 overwrites values: plan it from a read, say how many values it changes, and wait for a yes.
      void run('preview', () =>
        previewWorkbook(host, request).then(
          (p) => void dispatch({ type: 'previewed', confirm: { changes: p.written.length } }),
        ),
      );
      return;
    }
    void run('score', () => {
      const scoring = options.score ? options.score(request) : scoreWorkbook(host, request);
      return scoring.then((outcome) => void dispatch({ type: 'scored', outcome }));
    });
  }

  const confirmHandlers: ConfirmHandlers = {
    onConfirm: () => {
      if (dispatch({ type: 'confirmAccepted' }).correctConfirmed) onScore();
    },
    onCancel: () => void dispatch({ type: 'confirmCancelled' }),
  };

  function onRestore(): void {
    void run('restore', () => host.restore().then((result) => void dispatch({ type: 'restored', result })));
  }

  function onSelect(sheet: string, cell: string): void {
    try {
      host.select(sheet, cell).then(undefined, fail);
    } catch (e) {
      fail(e);
    }
  }

  function render(): void {
    renderControls(shell, state, m, tooOld, dispatch, confirmHandlers);
    formsArea.show(state.report);
  }

  render();
  return { state: () => state };
}

/** A pane with only a message: opened outside Excel, office.js missing, or the host could not start. */
export function mountStandalone(
  root: HTMLElement,
  lang: UiLang,
  problem: Problem | null,
  officeJsMissing = false,
): void {
  const m = messages(lang);
  installStyle(root.ownerDocument || document);
  document.documentElement.setAttribute('lang', m.htmlLang);
  const body = problem
    ? bannerView(problem, m)
    : el('div', { role: 'alert', 'data-testid': 'not-in-excel' }, [
        el('h2', { class: 'lp-title' }, officeJsMissing ? m.banner.officeJsTitle : m.banner.notInExcelTitle),
        el('p', null, officeJsMissing ? m.banner.officeJsBody : m.banner.notInExcelBody),
      ]);
  fill(
    root,
    el('main', { class: 'lp-root', lang: m.htmlLang, 'data-pane': 'legacy' }, [
      el('h1', { class: 'lp-title' }, m.title),
      body,
    ]),
  );
}
