// The task pane: a thin UI over scoreWorkbook(). Its state lives in one reducer (state.ts); App calls the host
// and reports what happened as actions, PaneView renders the state. It computes nothing.
import * as React from 'react';
import {
  Caption1,
  FluentProvider,
  Text,
  makeStyles,
  tokens,
  webLightTheme,
} from '@fluentui/react-components';
import { DEFAULT_RULEBOOK_ID, getPreset } from '../core';
import type { HostCapabilities, WorkbookHost } from '../app/host';
import { previewWorkbook, scoreWorkbook, type ScoreRequest } from '../app/score-flow';
import { messages, type Messages, type UiLang } from '../ui-text';
import { classifyError, type Problem } from './problems';
import { meetsRequirement, MIN_EXCEL_API } from './requirements';
import { Actions } from './components/Actions';
import { Banner } from './components/Banner';
import { ConfirmCorrect } from './components/ConfirmCorrect';
import { BUILD_LABEL } from './build-info';
import { FormCard } from './components/FormCard';
import { NoticeBar, WorkbookNotes } from './components/Notices';
import { Settings } from './components/Settings';
import {
  SETTING_MODE,
  SETTING_RULEBOOK,
  initialPaneState,
  isMode,
  isRulebook,
  needsConfirm,
  paneReducer,
  type PaneState,
  type Work,
} from './state';
import { useStore } from './store';
import type { Pick, PreviewFn, ScoreFn, SelectCell } from './types';
import { errorMessage, initialSetting, safeCapabilities } from './host-reads';

export { SETTING_MODE, SETTING_RULEBOOK };

export type { PreviewFn, ScoreFn } from './types';

export interface AppProps {
  host: WorkbookHost;
  lang: UiLang;
  /** One scoring pass; scoreWorkbook(host, request) unless a test or the harness injects another. */
  score?: ScoreFn;
  /** Plans a scoring without writing (改正 asks first); previewWorkbook(host, request) unless injected. */
  preview?: PreviewFn;
}

const useStyles = makeStyles({
  root: {
    boxSizing: 'border-box',
    minWidth: '280px',
    minHeight: '100vh',
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  header: { display: 'flex', flexDirection: 'column', rowGap: '2px' },
  title: {
    margin: 0,
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    fontWeight: tokens.fontWeightSemibold,
  },
  subtitle: { color: tokens.colorNeutralForeground3 },
  forms: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  about: { color: tokens.colorNeutralForeground3, marginTop: 'auto' },
  cleared: { color: tokens.colorNeutralForeground3, fontStyle: 'italic' },
});

export function App({ host, lang, score, preview }: AppProps): React.ReactElement {
  const caps = React.useMemo(() => safeCapabilities(host), [host]);
  const { state, dispatch, get } = useStore(paneReducer, () =>
    initialPaneState({
      mode: initialSetting(host, SETTING_MODE, isMode, 'check'),
      rulebook: initialSetting(host, SETTING_RULEBOOK, isRulebook, DEFAULT_RULEBOOK_ID),
    }),
  );

  const fail = (e: unknown): void => {
    dispatch({ type: 'failed', problem: classifyError(e, caps?.excelApi ?? null) });
  };

  const remember = (key: string, value: string): void => {
    const failed = (e: unknown): void => void dispatch({ type: 'settingFailed', message: errorMessage(e) });
    try {
      host.setSetting(key, value).catch(failed);
    } catch (e) {
      failed(e);
    }
  };

  /** Runs one piece of long work; the reducer refuses a second one while one runs. */
  const run = async (work: Work, job: () => Promise<void>): Promise<void> => {
    if (dispatch({ type: 'workStarted', work }).busy !== work) return;
    try {
      await job();
    } catch (e) {
      fail(e);
    } finally {
      dispatch({ type: 'workFinished' });
    }
  };

  const onScore = (): void => {
    const now = get();
    const request: ScoreRequest = { rulebook: getPreset(now.rulebook), mode: now.mode, lang };
    if (needsConfirm(now)) {
      // 改正 overwrites values: plan it from a read, say how many values it changes, and wait for a yes.
      void run('preview', async () => {
        const p = await (preview ?? ((r: ScoreRequest) => previewWorkbook(host, r)))(request);
        dispatch({ type: 'previewed', confirm: { changes: p.written.length } });
      });
      return;
    }
    void run('score', async () => {
      const outcome = await (score ?? ((r: ScoreRequest) => scoreWorkbook(host, r)))(request);
      dispatch({ type: 'scored', outcome });
    });
  };

  const onConfirm = (): void => {
    if (dispatch({ type: 'confirmAccepted' }).correctConfirmed) onScore();
  };

  const onRestore = (): void => {
    void run('restore', async () => {
      dispatch({ type: 'restored', result: await host.restore() });
    });
  };

  const onSelect = (sheet: string, cell: string): void => {
    try {
      host.select(sheet, cell).catch(fail);
    } catch (e) {
      fail(e);
    }
  };

  const onMode: Pick = (value) => {
    if (dispatch({ type: 'modeChosen', mode: value }).mode === value) remember(SETTING_MODE, value);
  };
  const onRulebook: Pick = (value) => {
    if (dispatch({ type: 'rulebookChosen', rulebook: value }).rulebook === value)
      remember(SETTING_RULEBOOK, value);
  };

  return (
    <PaneView
      state={state}
      lang={lang}
      caps={caps}
      handlers={{
        onMode,
        onRulebook,
        onScore,
        onRestore,
        onSelect,
        onDismissProblem: () => dispatch({ type: 'problemDismissed' }),
        onDismissNotice: () => dispatch({ type: 'noticeDismissed' }),
        onConfirm,
        onCancelConfirm: () => dispatch({ type: 'confirmCancelled' }),
      }}
    />
  );
}

export interface PaneHandlers {
  onMode: Pick;
  onRulebook: Pick;
  onScore: () => void;
  onRestore: () => void;
  onSelect: SelectCell;
  onDismissProblem: () => void;
  onDismissNotice: () => void;
  onConfirm: () => void;
  onCancelConfirm: () => void;
}

/** An Excel below the minimum set: said at once and kept while the pane is open (scoring may still be tried). */
function tooOldProblem(caps: HostCapabilities | null): Problem | null {
  return caps && !meetsRequirement(caps.excelApi)
    ? { kind: 'unsupported', needed: MIN_EXCEL_API, have: caps.excelApi }
    : null;
}

/** The pane as the state says it is: renders, never calls the host. */
export function PaneView(props: {
  state: PaneState;
  lang: UiLang;
  caps: HostCapabilities | null;
  handlers: PaneHandlers;
}): React.ReactElement {
  const { state, lang, caps, handlers: h } = props;
  const { busy, problem, notice, report } = state;
  const m: Messages = messages(lang);
  const styles = useStyles();
  const tooOld = React.useMemo(() => tooOldProblem(caps), [caps]);

  return (
    <FluentProvider theme={webLightTheme} lang={m.htmlLang} dir="ltr">
      <main className={styles.root} aria-busy={busy !== null}>
        <header className={styles.header}>
          <h1 className={styles.title}>{m.title}</h1>
          <Caption1 className={styles.subtitle}>{m.subtitle}</Caption1>
        </header>

        <Settings
          mode={state.mode}
          rulebook={state.rulebook}
          disabled={busy !== null}
          m={m}
          onMode={h.onMode}
          onRulebook={h.onRulebook}
        />
        <Actions busy={busy} m={m} onScore={h.onScore} onRestore={h.onRestore} />
        {state.confirm ? (
          <ConfirmCorrect
            confirm={state.confirm}
            m={m}
            onConfirm={h.onConfirm}
            onCancel={h.onCancelConfirm}
          />
        ) : null}

        {tooOld ? <Banner problem={tooOld} m={m} /> : null}
        {problem && !(tooOld && problem.kind === 'unsupported') ? (
          <Banner
            problem={problem}
            m={m}
            onDismiss={problem.kind === 'setting' ? h.onDismissProblem : undefined}
          />
        ) : null}
        {notice ? <NoticeBar notice={notice} m={m} onDismiss={h.onDismissNotice} /> : null}
        <WorkbookNotes report={report} m={m} lang={lang} />

        {report && report.forms.length > 0 ? (
          <section className={styles.forms} aria-label={m.formsFound(report.forms.length)}>
            <Text weight="semibold">{m.formsFound(report.forms.length)}</Text>
            {state.marksCleared ? (
              <Caption1 className={styles.cleared} data-testid="marks-cleared">
                {m.marksCleared}
              </Caption1>
            ) : null}
            {report.forms.map((form, i) => (
              <FormCard
                key={`${form.sheet}!${form.range}`}
                form={form}
                index={i + 1}
                m={m}
                lang={lang}
                onSelect={h.onSelect}
                written={state.written.filter((w) => w.sheet === form.sheet)}
                cleared={state.marksCleared}
              />
            ))}
          </section>
        ) : null}

        {caps ? (
          <Caption1 className={styles.about} data-testid="about">
            {m.about(caps.excelApi, caps.explanation)}
          </Caption1>
        ) : null}
        <Caption1 style={{ color: tokens.colorNeutralForeground3 }} data-testid="build">
          {BUILD_LABEL}
        </Caption1>
        <Caption1>
          <a href="help.html#codes" target="_blank" rel="noopener" data-testid="help-link">
            {m.helpLink}
          </a>
        </Caption1>
        <Caption1>
          <a href="selftest.html" data-testid="selftest-link">
            {m.selftestLink}
          </a>
        </Caption1>
      </main>
    </FluentProvider>
  );
}
