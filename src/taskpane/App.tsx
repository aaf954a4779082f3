// The task pane: a thin UI over scoreWorkbook(). It holds UI state (settings, busy, outcome, problem), calls the
// host and renders the Report; it computes nothing.
import * as React from 'react';
import {
  Button,
  Caption1,
  Field,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Spinner,
  Text,
  makeStyles,
  tokens,
  webLightTheme,
} from '@fluentui/react-components';
import { ArrowUndoRegular, CheckmarkCircleRegular } from '@fluentui/react-icons';
import {
  DEFAULT_RULEBOOK_ID,
  WRITE_MODES,
  getPreset,
  presetNames,
  type Report,
  type WriteMode,
} from '../core';
import type { HostCapabilities, RestoreResult, WorkbookHost } from '../app/host';
import { scoreWorkbook, type ScoreOutcome, type ScoreRequest } from '../app/score-flow';
import { messages, type Messages, type UiLang } from './i18n';
import {
  classifyError,
  protectedInReport,
  protectedLeftovers,
  reportProblem,
  type Problem,
} from './problems';
import { meetsRequirement, MIN_EXCEL_API } from './requirements';
import { Banner, DismissAction } from './components/Banner';
import { BUILD_LABEL } from './build-info';
import type { ScoreFn } from './types';
import { FormCard } from './components/FormCard';

/** Document settings keys (saved in the workbook through host.setSetting). */
export const SETTING_MODE = 'selfeval.mode';
export const SETTING_RULEBOOK = 'selfeval.rulebook';

export type { ScoreFn } from './types';

export interface AppProps {
  host: WorkbookHost;
  lang: UiLang;
  /** One scoring pass; scoreWorkbook(host, request) unless a test or the harness injects another. */
  score?: ScoreFn;
}

type Busy = 'score' | 'restore' | null;

type Notice = { kind: 'scored'; outcome: ScoreOutcome } | { kind: 'restored'; result: RestoreResult };

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
  settings: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    border: 'none',
    margin: 0,
    padding: 0,
    minWidth: 0,
  },
  legend: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)' },
  actions: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: '6px' },
  grow: { flexGrow: 1, minWidth: '8em' },
  // Always in the page for screen readers; out of the flow (and of the column gap) while empty.
  status: { ':empty': { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden' } },
  forms: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  list: { margin: 0, paddingInlineStart: '1.2em' },
  about: { color: tokens.colorNeutralForeground3, marginTop: 'auto' },
});

function isMode(v: string | null): v is WriteMode {
  return v !== null && (WRITE_MODES as readonly string[]).includes(v);
}

function rulebookLabel(id: string, m: Messages): string {
  if (m.rulebookNames[id]) return m.rulebookNames[id];
  try {
    return getPreset(id).name;
  } catch {
    return id;
  }
}

function safeCapabilities(host: WorkbookHost): HostCapabilities | null {
  try {
    return host.capabilities();
  } catch {
    return null;
  }
}

function initialSetting<T extends string>(
  host: WorkbookHost,
  key: string,
  ok: (v: string | null) => v is T,
  def: T,
): T {
  try {
    const v = host.getSetting(key);
    return ok(v) ? v : def;
  } catch {
    return def;
  }
}

export function App({ host, lang, score }: AppProps): React.ReactElement {
  const m = messages(lang);
  const styles = useStyles();
  const rulebooks = React.useMemo(() => presetNames(), []);
  const isRulebook = (v: string | null): v is string => v !== null && rulebooks.includes(v);
  const caps = React.useMemo(() => safeCapabilities(host), [host]);

  const [mode, setMode] = React.useState<WriteMode>(() =>
    initialSetting(host, SETTING_MODE, isMode, 'check'),
  );
  const [rulebook, setRulebook] = React.useState<string>(() =>
    initialSetting(host, SETTING_RULEBOOK, isRulebook, DEFAULT_RULEBOOK_ID),
  );
  const [busy, setBusy] = React.useState<Busy>(null);
  const busyRef = React.useRef<Busy>(null);
  const [report, setReport] = React.useState<Report | null>(null);
  const [notice, setNotice] = React.useState<Notice | null>(null);
  const [problem, setProblem] = React.useState<Problem | null>(null);
  // An Excel below the minimum set: said at once and kept while the pane is open (scoring may still be tried).
  const tooOld = React.useMemo<Problem | null>(
    () =>
      caps && !meetsRequirement(caps.excelApi)
        ? { kind: 'unsupported', needed: MIN_EXCEL_API, have: caps.excelApi }
        : null,
    [caps],
  );
  const mounted = React.useRef(true);
  React.useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const fail = React.useCallback(
    (e: unknown) => {
      if (mounted.current) setProblem(classifyError(e, caps?.excelApi ?? null));
    },
    [caps],
  );

  const remember = (key: string, value: string): void => {
    try {
      host.setSetting(key, value).catch((e: unknown) => {
        if (mounted.current) setProblem({ kind: 'setting', message: errorMessage(e) });
      });
    } catch (e) {
      setProblem({ kind: 'setting', message: errorMessage(e) });
    }
  };

  /** Runs one piece of long work; a second click while one runs does nothing. */
  const run = async (kind: Exclude<Busy, null>, work: () => Promise<void>): Promise<void> => {
    if (busyRef.current !== null) return;
    busyRef.current = kind;
    setBusy(kind);
    setProblem(null);
    setNotice(null);
    try {
      await work();
    } catch (e) {
      fail(e);
    } finally {
      busyRef.current = null;
      if (mounted.current) setBusy(null);
    }
  };

  const onScore = (): void => {
    void run('score', async () => {
      const request: ScoreRequest = { rulebook: getPreset(rulebook), mode, lang };
      const outcome = await (score ?? ((r: ScoreRequest) => scoreWorkbook(host, r)))(request);
      if (!mounted.current) return;
      setReport(outcome.report);
      const p = reportProblem(outcome.report);
      if (p) {
        setProblem(p);
        return;
      }
      setNotice({ kind: 'scored', outcome });
      setProblem(protectedLeftovers(outcome.applied) ?? protectedInReport(outcome.report));
    });
  };

  const onRestore = (): void => {
    void run('restore', async () => {
      const result = await host.restore();
      if (!mounted.current) return;
      setNotice({ kind: 'restored', result });
      setProblem(protectedLeftovers(result));
    });
  };

  const onSelect = (sheet: string, cell: string): void => {
    try {
      host.select(sheet, cell).catch(fail);
    } catch (e) {
      fail(e);
    }
  };

  const workbookErrors = (report?.errors ?? []).filter((e) => e.code !== 'FORM_NOT_FOUND');

  return (
    <FluentProvider theme={webLightTheme} lang={m.htmlLang} dir="ltr">
      <main className={styles.root} aria-busy={busy !== null}>
        <header className={styles.header}>
          <h1 className={styles.title}>{m.title}</h1>
          <Caption1 className={styles.subtitle}>{m.subtitle}</Caption1>
        </header>

        <fieldset className={styles.settings} disabled={busy !== null}>
          <legend className={styles.legend}>{m.settingsGroup}</legend>
          <Field label={m.mode} hint={m.modeHints[mode]} size="small">
            <Select
              value={mode}
              disabled={busy !== null}
              onChange={(_e, d) => {
                if (!isMode(d.value)) return;
                setMode(d.value);
                remember(SETTING_MODE, d.value);
              }}
            >
              {WRITE_MODES.map((v) => (
                <option key={v} value={v}>
                  {m.modes[v]}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={m.rulebook} size="small">
            <Select
              value={rulebook}
              disabled={busy !== null}
              onChange={(_e, d) => {
                if (!isRulebook(d.value)) return;
                setRulebook(d.value);
                remember(SETTING_RULEBOOK, d.value);
              }}
            >
              {rulebooks.map((id) => (
                <option key={id} value={id}>
                  {rulebookLabel(id, m)}
                </option>
              ))}
            </Select>
          </Field>
        </fieldset>

        <div className={styles.actions}>
          <Button
            appearance="primary"
            className={styles.grow}
            icon={busy === 'score' ? <Spinner size="tiny" /> : <CheckmarkCircleRegular />}
            disabled={busy !== null}
            onClick={onScore}
            title={m.scoreHint}
          >
            {m.score}
          </Button>
          <Button
            icon={busy === 'restore' ? <Spinner size="tiny" /> : <ArrowUndoRegular />}
            disabled={busy !== null}
            onClick={onRestore}
            title={m.restoreHint}
          >
            {m.restore}
          </Button>
        </div>

        <div className={styles.status} role="status" aria-live="polite">
          {busy ? (
            <Spinner
              size="extra-small"
              labelPosition="after"
              label={busy === 'score' ? m.scoring : m.restoring}
            />
          ) : null}
        </div>

        {tooOld ? <Banner problem={tooOld} m={m} /> : null}

        {problem && !(tooOld && problem.kind === 'unsupported') ? (
          <Banner
            problem={problem}
            m={m}
            onDismiss={problem.kind === 'setting' ? () => setProblem(null) : undefined}
          />
        ) : null}

        {notice ? <NoticeBar notice={notice} m={m} onDismiss={() => setNotice(null)} /> : null}

        {workbookErrors.length > 0 ? (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{m.workbookNotes}</MessageBarTitle>
              <ul className={styles.list}>
                {workbookErrors.map((e, i) => (
                  <li key={i}>
                    {e.sheet ? `${e.sheet}: ` : ''}
                    {lang === 'en' ? e.messageEn : e.message}
                  </li>
                ))}
              </ul>
            </MessageBarBody>
          </MessageBar>
        ) : null}

        {report && report.forms.length > 0 ? (
          <section className={styles.forms} aria-label={m.formsFound(report.forms.length)}>
            <Text weight="semibold">{m.formsFound(report.forms.length)}</Text>
            {report.forms.map((form, i) => (
              <FormCard
                key={`${form.sheet}!${form.range}`}
                form={form}
                index={i + 1}
                m={m}
                lang={lang}
                onSelect={onSelect}
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
      </main>
    </FluentProvider>
  );
}

function NoticeBar(props: { notice: Notice; m: Messages; onDismiss: () => void }): React.ReactElement {
  const { notice, m, onDismiss } = props;
  let lines: string[];
  if (notice.kind === 'scored') {
    const a = notice.outcome.applied;
    lines = [m.applied(a.cellsMarked, a.valuesWritten), m.explanationLine(a.explanation)];
    if (a.cleared && a.cleared.restored > 0) lines.unshift(m.clearedFirst(a.cleared.restored));
  } else {
    const r = notice.result;
    lines = [r.restored === 0 && r.kept === 0 ? m.nothingToRestore : m.restored(r.restored, r.kept)];
  }
  return (
    <MessageBar
      intent={notice.kind === 'scored' ? 'success' : 'info'}
      layout="multiline"
      data-testid="notice"
    >
      <MessageBarBody>
        {lines.map((l, i) => (
          <div key={i}>{l}</div>
        ))}
      </MessageBarBody>
      <DismissAction label={m.dismiss} onDismiss={onDismiss} />
    </MessageBar>
  );
}

function errorMessage(e: unknown): string {
  if (typeof e === 'object' && e !== null && typeof (e as { message?: unknown }).message === 'string') {
    return (e as { message: string }).message;
  }
  return String(e);
}
