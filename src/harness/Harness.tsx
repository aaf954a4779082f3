// The harness page: a workbook drawn as Excel would draw it, with the real, built task pane beside it in an
// iframe as wide as Excel's task pane. The pane runs against the stand-in Office API (installed in its frame
// by pane-frame.ts) on the workbook opened here; every change it makes shows in the grid. The page's state is
// one reducer (state.ts); this component does the work (files, frames, downloads) and dispatches what happened.
import * as React from 'react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { useStore } from '../taskpane/store';
import type { HarnessBridge, HarnessWindow, PaneWindow } from './bridge';
import type { HarnessHandlers } from './handlers';
import { workbookLook } from './look';
import { loadPanePage } from './pane-page';
import { harnessReducer, initialHarnessState, type HarnessAction, type HarnessState } from './state';
import { harnessText } from '../ui-text';
import { TitleBar, Toolbar } from './Toolbar';
import { Workspace } from './Workspace';
import {
  SAMPLE_PATH,
  downloadName,
  demoFileUrl,
  fetchWorkbook,
  fileNameOf,
  openWorkbook,
  saveWorkbook,
  type OpenWorkbook,
} from './workbook';

export { PANE_WIDTH } from './Workspace';

export interface HarnessProps {
  /** The URL of the harness bundle, which the pane's page loads in place of office.js. */
  bundleUrl: string;
}

type Dispatch = (action: HarnessAction) => HarnessState;

function query(): URLSearchParams {
  return new URLSearchParams(window.location.search);
}

function errorText(e: unknown): string {
  if (typeof e === 'object' && e !== null && typeof (e as { message?: unknown }).message === 'string') {
    return (e as { message: string }).message;
  }
  return String(e);
}

/** Installs the bridge the pane's frame talks to; it reads the current state, never a stale render's. */
function useBridge(get: () => HarnessState, dispatch: Dispatch): void {
  React.useEffect(() => {
    const bridge: HarnessBridge = {
      paneOpening: () => ({
        modelJson: JSON.stringify(get().model),
        apiVersion: get().api,
        displayLanguage: get().lang,
        pane: get().pane,
      }),
      paneChanged: (modelJson, stats) => void dispatch({ type: 'paneChanged', modelJson, stats }),
      paneFailed: (message) =>
        void dispatch({ type: 'failed', message: harnessText(get().lang).failedPane(message) }),
    };
    (window as unknown as HarnessWindow).__selfevalHarness = bridge;
    return () => {
      delete (window as unknown as HarnessWindow).__selfevalHarness;
    };
  }, [get, dispatch]);
}

/** Save the workbook as it now is and hand it to the browser as a download. */
async function download(open: OpenWorkbook, state: HarnessState): Promise<void> {
  if (!state.model) return;
  const bytes = await saveWorkbook(open, state.model);
  const blob = new Blob([bytes as Uint8Array<ArrayBuffer>], {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = downloadName(open.name);
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

export function Harness({ bundleUrl }: HarnessProps): React.ReactElement {
  const { state, dispatch, get } = useStore(harnessReducer, () =>
    initialHarnessState({ api: query().get('api'), lang: query().get('lang'), pane: query().get('pane') }),
  );
  const t = harnessText(state.lang);
  const frameRef = React.useRef<HTMLIFrameElement>(null);
  useBridge(get, dispatch);

  React.useEffect(() => {
    // ?page=selftest frames the self-test page (src/selftest) instead of the task pane.
    const page = query().get('page') === 'selftest' ? 'selftest.html' : 'taskpane.html';
    loadPanePage(bundleUrl, page).then(
      (html) => dispatch({ type: 'panePageLoaded', html }),
      (e: unknown) => dispatch({ type: 'failed', message: errorText(e) }),
    );
  }, [bundleUrl, dispatch]);

  const openFrom = React.useCallback(
    async (what: () => Promise<OpenWorkbook>, name: string) => {
      dispatch({ type: 'openStarted' });
      try {
        const open = await what();
        dispatch({ type: 'opened', loaded: { open, look: workbookLook(open.workbook) } });
      } catch (e) {
        dispatch({ type: 'failed', message: harnessText(get().lang).failedOpen(name, errorText(e)) });
      } finally {
        dispatch({ type: 'openFinished' });
      }
    },
    [dispatch, get],
  );

  const openUrl = React.useCallback(
    (path: string) => {
      // Only the demo's own origin: ?file=//host/x.xlsx is refused, not fetched (demoFileUrl).
      void openFrom(async () => fetchWorkbook(demoFileUrl(path, document.baseURI)), fileNameOf(path));
    },
    [openFrom],
  );

  React.useEffect(() => {
    openUrl(query().get('file') ?? SAMPLE_PATH);
  }, [openUrl]);

  const on: HarnessHandlers = {
    openUrl,
    openFile: (file) =>
      void openFrom(async () => openWorkbook(await file.arrayBuffer(), file.name), file.name),
    download: () => {
      const before = get();
      if (!before.loaded || dispatch({ type: 'saveStarted' }) === before) return;
      download(before.loaded.open, before)
        .catch((e: unknown) => dispatch({ type: 'failed', message: errorText(e) }))
        .finally(() => dispatch({ type: 'saveFinished' }));
    },
    chooseApi: (api) => void dispatch({ type: 'apiChosen', api }),
    chooseLang: (lang) => void dispatch({ type: 'langChosen', lang }),
    choosePane: (pane) => void dispatch({ type: 'paneKindChosen', pane }),
    chooseZoom: (zoom) => void dispatch({ type: 'zoomChosen', zoom }),
    reopenPane: () => void dispatch({ type: 'paneReopened' }),
    // The workbook's selection moves, in the pane's copy too.
    select: (sheet, address) => {
      const before = get();
      if (dispatch({ type: 'cellSelected', sheet, address }) === before) return;
      const pane = frameRef.current?.contentWindow as unknown as PaneWindow | null;
      pane?.__selfevalPane?.select(sheet, address);
    },
    dragged: (over) => void dispatch({ type: 'dragged', over }),
  };

  return (
    <FluentProvider theme={webLightTheme} lang={state.lang === 'en-US' ? 'en' : 'zh-CN'}>
      <div
        className="hx-app"
        onDragOver={(e) => {
          e.preventDefault();
          on.dragged(true);
        }}
        onDragLeave={(e) => {
          if (e.currentTarget === e.target) on.dragged(false);
        }}
        onDrop={(e) => {
          e.preventDefault();
          on.dragged(false);
          const file = e.dataTransfer.files[0];
          if (file) on.openFile(file);
        }}
      >
        <TitleBar name={state.loaded?.open.name ?? null} t={t} />
        <Toolbar state={state} t={t} on={on} />
        <Workspace state={state} t={t} on={on} frameRef={frameRef} />
      </div>
    </FluentProvider>
  );
}
