// Below the toolbar: the formula bar, the sheet (grid and tabs) beside the task pane's frame, the status bar.
import * as React from 'react';
import { MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import { Grid } from './Grid';
import { StatusBar } from './StatusBar';
import type { HarnessHandlers } from './handlers';
import { activeSheet, selectedCell, visibleSheets, type HarnessState } from './state';
import type { HarnessText } from '../ui-text';
import { sheetView } from './view';

/** Excel's task pane: 320–350 px wide on a desktop screen. */
export const PANE_WIDTH = 340;

export interface WorkspaceProps {
  state: HarnessState;
  t: HarnessText;
  on: HarnessHandlers;
  frameRef: React.RefObject<HTMLIFrameElement>;
}

function FormulaBar({ state, t }: { state: HarnessState; t: HarnessText }): React.ReactElement {
  const selected = selectedCell(state.model);
  const sheet = state.model?.sheets.find((s) => s.name === activeSheet(state.model));
  const cell = selected && sheet ? sheet.cells[selected] : undefined;
  const content = cell ? (cell.formula ?? (cell.value === null ? '' : String(cell.value))) : '';
  return (
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
        value={content}
      />
    </div>
  );
}

function Sheet({ state, t, on }: Omit<WorkspaceProps, 'frameRef'>): React.ReactElement {
  const active = activeSheet(state.model);
  const sheet = state.model?.sheets.find((s) => s.name === active) ?? null;
  const view = React.useMemo(() => (sheet ? sheetView(sheet) : null), [sheet]);
  return (
    <section className="hx-sheet" aria-label={active ?? t.sheets}>
      {view ? (
        <Grid
          view={view}
          look={active ? state.loaded?.look[active] : undefined}
          selected={selectedCell(state.model)}
          revealKey={state.reveal}
          zoom={state.zoom}
          onSelect={(address) => active && on.select(active, address)}
          onFollow={(s, address) => on.select(s ?? active ?? '', address)}
          labels={{ note: t.note, comment: t.comment, truncated: t.truncated }}
        />
      ) : (
        <div className="hx-empty">{state.loading ? <Spinner label={t.loading} /> : t.noWorkbook}</div>
      )}
      <nav className="hx-tabs" aria-label={t.sheets}>
        {visibleSheets(state.model).map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            aria-selected={name === active}
            className={`hx-tab${name === active ? ' hx-tab-active' : ''}`}
            data-testid="sheet-tab"
            data-sheet={name}
            onClick={() => on.select(name, 'A1')}
          >
            {name}
          </button>
        ))}
      </nav>
    </section>
  );
}

function Pane({ state, t, frameRef }: Omit<WorkspaceProps, 'on'>): React.ReactElement {
  return (
    <aside className="hx-pane" style={{ width: `${PANE_WIDTH}px` }} aria-label={t.pane}>
      <div className="hx-pane-title">
        <img src="assets/icon-32.png" alt="" width={16} height={16} />
        <span>{t.paneTitle}</span>
      </div>
      {state.paneHtml && state.loaded ? (
        <iframe
          key={state.session}
          ref={frameRef}
          className="hx-pane-frame"
          title={t.pane}
          srcDoc={state.paneHtml}
          data-testid="pane-frame"
          data-session={state.session}
        />
      ) : (
        <div className="hx-empty">
          <Spinner size="small" />
        </div>
      )}
    </aside>
  );
}

export function Workspace(props: WorkspaceProps): React.ReactElement {
  const { state, t } = props;
  return (
    <>
      <FormulaBar state={state} t={t} />
      {state.error ? (
        <MessageBar intent="error" className="hx-error" data-testid="harness-error">
          <MessageBarBody>{state.error}</MessageBarBody>
        </MessageBar>
      ) : null}
      <div className="hx-main">
        <Sheet {...props} />
        <Pane {...props} />
      </div>
      <StatusBar stats={state.stats} api={t.apiLevels[state.api]} t={t} />
      {state.dragging ? (
        <div className="hx-drop" aria-hidden="true">
          {t.dropHere}
        </div>
      ) : null}
    </>
  );
}
