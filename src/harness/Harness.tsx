// The harness page: a workbook drawn as Excel would draw it, with the real, built task pane beside it in an
// iframe as wide as Excel's task pane. The pane runs against the stand-in Office API (installed in its frame
// by pane-frame.ts) on the workbook opened here; every change it makes shows in the grid.
import * as React from 'react';
import {
  Button,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  Tooltip,
  webLightTheme,
} from '@fluentui/react-components';
import {
  ArrowDownloadRegular,
  ArrowSyncRegular,
  DocumentTableRegular,
  FolderOpenRegular,
} from '@fluentui/react-icons';
import type { FakeWorkbookModel } from '../office-standin/model';
import {
  API_LEVELS,
  DEFAULT_API_LEVEL,
  DISPLAY_LANGUAGES,
  isApiLevel,
  isDisplayLanguage,
  type ApiLevel,
  type DisplayLanguage,
  type HarnessBridge,
  type HarnessWindow,
  type PaneStats,
  type PaneWindow,
} from './bridge';
import { Grid } from './Grid';
import { workbookLook, type WorkbookLook } from './look';
import { loadPanePage } from './pane-page';
import { harnessText } from './text';
import { sheetView } from './view';
import {
  SAMPLE_PATH,
  downloadName,
  fetchWorkbook,
  fileNameOf,
  openWorkbook,
  saveWorkbook,
  type OpenWorkbook,
} from './workbook';

/** Excel's task pane: 320–350 px wide on a desktop screen. */
export const PANE_WIDTH = 340;
const ZOOMS = [0.5, 0.75, 0.9, 1, 1.25];

export interface HarnessProps {
  /** The URL of the harness bundle, which the pane's page loads in place of office.js. */
  bundleUrl: string;
}

interface Loaded {
  open: OpenWorkbook;
  look: WorkbookLook;
}

function query(): URLSearchParams {
  return new URLSearchParams(window.location.search);
}

function initialApi(): ApiLevel {
  const v = query().get('api');
  return isApiLevel(v) ? v : DEFAULT_API_LEVEL;
}

function initialLang(): DisplayLanguage {
  const v = query().get('lang');
  return isDisplayLanguage(v) ? v : 'zh-CN';
}

function errorText(e: unknown): string {
  if (typeof e === 'object' && e !== null && typeof (e as { message?: unknown }).message === 'string') {
    return (e as { message: string }).message;
  }
  return String(e);
}

function visibleSheets(model: FakeWorkbookModel | null): string[] {
  return (model?.sheets ?? []).filter((s) => s.visibility !== 'Hidden').map((s) => s.name);
}

export function Harness({ bundleUrl }: HarnessProps): React.ReactElement {
  const [api, setApi] = React.useState<ApiLevel>(initialApi);
  const [lang, setLang] = React.useState<DisplayLanguage>(initialLang);
  const t = harnessText(lang);
  const [loaded, setLoaded] = React.useState<Loaded | null>(null);
  const [model, setModel] = React.useState<FakeWorkbookModel | null>(null);
  const [loading, setLoading] = React.useState(false);
  const [error, setError] = React.useState<string | null>(null);
  const [paneHtml, setPaneHtml] = React.useState<string | null>(null);
  const [session, setSession] = React.useState(0);
  const [stats, setStats] = React.useState<PaneStats | null>(null);
  const [reveal, setReveal] = React.useState(0);
  const [zoom, setZoom] = React.useState(1);
  const [dragging, setDragging] = React.useState(false);
  const [busySaving, setBusySaving] = React.useState(false);

  // What the pane's frame reads when it starts, kept current without re-creating the bridge.
  const modelRef = React.useRef<FakeWorkbookModel | null>(null);
  const apiRef = React.useRef(api);
  const langRef = React.useRef(lang);
  apiRef.current = api;
  langRef.current = lang;
  const frameRef = React.useRef<HTMLIFrameElement>(null);
  const fileInput = React.useRef<HTMLInputElement>(null);

  React.useEffect(() => {
    const bridge: HarnessBridge = {
      paneOpening: () => ({
        modelJson: JSON.stringify(modelRef.current),
        apiVersion: apiRef.current,
        displayLanguage: langRef.current,
      }),
      paneChanged: (json, s) => {
        setStats(s);
        if (json === JSON.stringify(modelRef.current)) return;
        const next = JSON.parse(json) as FakeWorkbookModel;
        const before = modelRef.current;
        modelRef.current = next;
        setModel(next);
        const moved =
          next.selection?.sheet !== before?.selection?.sheet ||
          next.selection?.address !== before?.selection?.address;
        if (moved) setReveal((k) => k + 1);
      },
      paneFailed: (message) => setError(harnessText(langRef.current).failedPane(message)),
    };
    (window as unknown as HarnessWindow).__selfevalHarness = bridge;
    return () => {
      delete (window as unknown as HarnessWindow).__selfevalHarness;
    };
  }, []);

  React.useEffect(() => {
    loadPanePage(bundleUrl).then(setPaneHtml, (e: unknown) => setError(errorText(e)));
  }, [bundleUrl]);

  const show = React.useCallback((open: OpenWorkbook) => {
    modelRef.current = open.model;
    setLoaded({ open, look: workbookLook(open.workbook) });
    setModel(open.model);
    setStats(null);
    setError(null);
    setSession((k) => k + 1);
  }, []);

  const openFrom = React.useCallback(
    async (what: () => Promise<OpenWorkbook>, name: string) => {
      setLoading(true);
      try {
        show(await what());
      } catch (e) {
        setError(harnessText(langRef.current).failedOpen(name, errorText(e)));
      } finally {
        setLoading(false);
      }
    },
    [show],
  );

  const openUrl = React.useCallback(
    (path: string) => {
      const url = new URL(path, document.baseURI).href;
      void openFrom(() => fetchWorkbook(url), fileNameOf(path));
    },
    [openFrom],
  );

  const openFile = React.useCallback(
    (file: File) => {
      void openFrom(async () => openWorkbook(await file.arrayBuffer(), file.name), file.name);
    },
    [openFrom],
  );

  React.useEffect(() => {
    openUrl(query().get('file') ?? SAMPLE_PATH);
  }, [openUrl]);

  const download = async (): Promise<void> => {
    if (!loaded || !modelRef.current) return;
    setBusySaving(true);
    try {
      const bytes = await saveWorkbook(loaded.open, modelRef.current);
      const blob = new Blob([bytes as Uint8Array<ArrayBuffer>], {
        type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      });
      const a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = downloadName(loaded.open.name);
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusySaving(false);
    }
  };

  const sheets = visibleSheets(model);
  const active =
    model?.activeSheet && sheets.includes(model.activeSheet) ? model.activeSheet : (sheets[0] ?? null);
  const sheet = model?.sheets.find((s) => s.name === active) ?? null;
  const view = React.useMemo(() => (sheet ? sheetView(sheet) : null), [sheet]);
  const selected =
    model?.selection && model.selection.sheet === active ? model.selection.address.split(':')[0] : null;
  const selectedCell = selected && sheet ? sheet.cells[selected] : undefined;

  /** The user clicked in the grid: the workbook's selection moves, in the pane's copy too. */
  const select = (sheetName: string, address: string | null): void => {
    const current = modelRef.current;
    if (!current || !current.sheets.some((s) => s.name === sheetName)) return;
    const next: FakeWorkbookModel = { ...current, activeSheet: sheetName };
    if (address) next.selection = { sheet: sheetName, address };
    else delete next.selection;
    modelRef.current = next;
    setModel(next);
    const pane = frameRef.current?.contentWindow as unknown as PaneWindow | null;
    pane?.__selfevalPane?.select(sheetName, address);
  };

  const onDrop = (e: React.DragEvent): void => {
    e.preventDefault();
    setDragging(false);
    const file = e.dataTransfer.files[0];
    if (file) openFile(file);
  };

  return (
    <FluentProvider theme={webLightTheme} lang={lang === 'en-US' ? 'en' : 'zh-CN'}>
      <div
        className="hx-app"
        onDragOver={(e) => {
          e.preventDefault();
          if (!dragging) setDragging(true);
        }}
        onDragLeave={(e) => {
          if (e.currentTarget === e.target) setDragging(false);
        }}
        onDrop={onDrop}
      >
        <header className="hx-titlebar">
          <DocumentTableRegular fontSize={18} />
          <span className="hx-filename" data-testid="file-name">
            {loaded?.open.name ?? '—'}
          </span>
          <span className="hx-apptitle">{t.title}</span>
        </header>

        <div className="hx-toolbar" role="toolbar" aria-label={t.title}>
          <Tooltip content={t.openHint} relationship="description">
            <Button
              icon={<FolderOpenRegular />}
              onClick={() => fileInput.current?.click()}
              data-testid="open"
            >
              {t.open}
            </Button>
          </Tooltip>
          <input
            ref={fileInput}
            type="file"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            hidden
            data-testid="open-file"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) openFile(file);
              e.target.value = '';
            }}
          />
          <Tooltip content={t.sampleHint} relationship="description">
            <Button appearance="subtle" onClick={() => openUrl(SAMPLE_PATH)} data-testid="open-sample">
              {t.sample}
            </Button>
          </Tooltip>
          <Tooltip content={t.downloadHint} relationship="description">
            <Button
              icon={busySaving ? <Spinner size="tiny" /> : <ArrowDownloadRegular />}
              disabled={!loaded || busySaving}
              onClick={() => void download()}
              data-testid="download"
            >
              {t.download}
            </Button>
          </Tooltip>
          <span className="hx-sep" />
          <label className="hx-field">
            <span>{t.apiLevel}</span>
            <Select
              size="small"
              value={api}
              title={t.apiHints[api]}
              data-testid="api-level"
              onChange={(_e, d) => {
                if (!isApiLevel(d.value)) return;
                setApi(d.value);
                setSession((k) => k + 1);
              }}
            >
              {API_LEVELS.map((v) => (
                <option key={v} value={v}>
                  {t.apiLevels[v]}
                </option>
              ))}
            </Select>
          </label>
          <label className="hx-field">
            <span>{t.language}</span>
            <Select
              size="small"
              value={lang}
              data-testid="display-language"
              onChange={(_e, d) => {
                if (!isDisplayLanguage(d.value)) return;
                setLang(d.value);
                setSession((k) => k + 1);
              }}
            >
              {DISPLAY_LANGUAGES.map((v) => (
                <option key={v} value={v}>
                  {v === 'zh-CN' ? '中文 (zh-CN)' : 'English (en-US)'}
                </option>
              ))}
            </Select>
          </label>
          <label className="hx-field">
            <span>{t.zoom}</span>
            <Select
              size="small"
              value={String(zoom)}
              data-testid="zoom"
              onChange={(_e, d) => setZoom(Number(d.value))}
            >
              {ZOOMS.map((z) => (
                <option key={z} value={String(z)}>
                  {Math.round(z * 100)}%
                </option>
              ))}
            </Select>
          </label>
          <span className="hx-sep" />
          <Tooltip content={t.reopenHint} relationship="description">
            <Button
              appearance="subtle"
              icon={<ArrowSyncRegular />}
              disabled={!loaded}
              onClick={() => setSession((k) => k + 1)}
              data-testid="reopen"
            >
              {t.reopen}
            </Button>
          </Tooltip>
        </div>

        <div className="hx-formulabar">
          <input
            className="hx-namebox"
            readOnly
            aria-label={t.nameBox}
            value={selected ?? ''}
            data-testid="name-box"
          />
          <span className="hx-fx" aria-hidden="true">
            fx
          </span>
          <input
            className="hx-formula"
            readOnly
            aria-label={t.formulaBar}
            data-testid="formula-bar"
            value={
              selectedCell
                ? (selectedCell.formula ?? (selectedCell.value === null ? '' : String(selectedCell.value)))
                : ''
            }
          />
        </div>

        {error ? (
          <MessageBar intent="error" className="hx-error" data-testid="harness-error">
            <MessageBarBody>{error}</MessageBarBody>
          </MessageBar>
        ) : null}

        <div className="hx-main">
          <section className="hx-sheet" aria-label={active ?? t.sheets}>
            {view ? (
              <Grid
                view={view}
                look={active ? loaded?.look[active] : undefined}
                selected={selected}
                revealKey={reveal}
                zoom={zoom}
                onSelect={(address) => active && select(active, address)}
                onFollow={(s, address) => select(s ?? active ?? '', address)}
                labels={{ note: t.note, comment: t.comment, truncated: t.truncated }}
              />
            ) : (
              <div className="hx-empty">{loading ? <Spinner label={t.loading} /> : t.noWorkbook}</div>
            )}
            <nav className="hx-tabs" aria-label={t.sheets}>
              {sheets.map((name) => (
                <button
                  key={name}
                  type="button"
                  role="tab"
                  aria-selected={name === active}
                  className={`hx-tab${name === active ? ' hx-tab-active' : ''}`}
                  data-testid="sheet-tab"
                  data-sheet={name}
                  onClick={() => select(name, 'A1')}
                >
                  {name}
                </button>
              ))}
            </nav>
          </section>

          <aside className="hx-pane" style={{ width: `${PANE_WIDTH}px` }} aria-label={t.pane}>
            <div className="hx-pane-title">
              <img src="assets/icon-32.png" alt="" width={16} height={16} />
              <span>{t.paneTitle}</span>
            </div>
            {paneHtml && loaded ? (
              <iframe
                key={session}
                ref={frameRef}
                className="hx-pane-frame"
                title={t.pane}
                srcDoc={paneHtml}
                data-testid="pane-frame"
                data-session={session}
              />
            ) : (
              <div className="hx-empty">
                <Spinner size="small" />
              </div>
            )}
          </aside>
        </div>

        <footer className="hx-status" data-testid="stats">
          <span>{t.stats(stats)}</span>
          <span className="hx-status-api">{t.apiLevels[api]}</span>
        </footer>

        {dragging ? (
          <div className="hx-drop" aria-hidden="true">
            {t.dropHere}
          </div>
        ) : null}
      </div>
    </FluentProvider>
  );
}
