// The harness page's state and every way it changes: one pure reducer, tested on its own
// (test/harness/state.test.ts). The components render a HarnessState and dispatch HarnessActions; the work with
// files, frames and ExcelJS stays in Harness.tsx and reports its results as actions.
import type { FakeWorkbookModel } from '../office-standin/model';
import {
  DEFAULT_API_LEVEL,
  isApiLevel,
  isDisplayLanguage,
  isPaneKind,
  type ApiLevel,
  type DisplayLanguage,
  type PaneKind,
  type PaneStats,
} from './bridge';
import type { WorkbookLook } from './look';
import type { OpenWorkbook } from './workbook';

/** The grid's zoom levels. */
export const ZOOMS: readonly number[] = [0.5, 0.75, 0.9, 1, 1.25];

/** The workbook as opened, and how its cells look (drawn from the .xlsx styles once). */
export interface Loaded {
  open: OpenWorkbook;
  look: WorkbookLook;
}

export interface HarnessState {
  api: ApiLevel;
  lang: DisplayLanguage;
  /** The task pane in the frame: the modern one, or the legacy one of Office 2019's older webviews. */
  pane: PaneKind;
  loaded: Loaded | null;
  /** The workbook as it now is: the pane's changes and the user's clicks in the grid. */
  model: FakeWorkbookModel | null;
  loading: boolean;
  saving: boolean;
  error: string | null;
  /** The pane's page with office.js replaced by the stand-in, once fetched. */
  paneHtml: string | null;
  /** Bumped to close the pane's frame and open it again. */
  session: number;
  stats: PaneStats | null;
  /** Bumped when the selection moved, so that the grid scrolls it into view. */
  reveal: number;
  zoom: number;
  dragging: boolean;
}

export type HarnessAction =
  | { type: 'apiChosen'; api: string }
  | { type: 'langChosen'; lang: string }
  | { type: 'paneKindChosen'; pane: string }
  | { type: 'zoomChosen'; zoom: number }
  | { type: 'paneReopened' }
  | { type: 'panePageLoaded'; html: string }
  | { type: 'openStarted' }
  | { type: 'opened'; loaded: Loaded }
  | { type: 'openFinished' }
  | { type: 'saveStarted' }
  | { type: 'saveFinished' }
  | { type: 'failed'; message: string }
  /** The pane's copy of the workbook changed (as JSON, as it crossed the frame boundary). */
  | { type: 'paneChanged'; modelJson: string; stats: PaneStats }
  /** The user clicked a cell (null: the sheet's tab) in the grid. */
  | { type: 'cellSelected'; sheet: string; address: string | null }
  | { type: 'dragged'; over: boolean };

export function initialHarnessState(
  query: { api?: string | null; lang?: string | null; pane?: string | null } = {},
): HarnessState {
  return {
    api: isApiLevel(query.api) ? query.api : DEFAULT_API_LEVEL,
    lang: isDisplayLanguage(query.lang) ? query.lang : 'zh-CN',
    pane: isPaneKind(query.pane) ? query.pane : 'modern',
    loaded: null,
    model: null,
    loading: false,
    saving: false,
    error: null,
    paneHtml: null,
    session: 0,
    stats: null,
    reveal: 0,
    zoom: 1,
    dragging: false,
  };
}

function selectionMoved(before: FakeWorkbookModel | null, after: FakeWorkbookModel): boolean {
  return (
    after.selection?.sheet !== before?.selection?.sheet ||
    after.selection?.address !== before?.selection?.address
  );
}

function selectCell(state: HarnessState, sheet: string, address: string | null): HarnessState {
  const current = state.model;
  if (!current || !current.sheets.some((s) => s.name === sheet)) return state;
  const next: FakeWorkbookModel = { ...current, activeSheet: sheet };
  if (address) next.selection = { sheet, address };
  else delete next.selection;
  return { ...state, model: next };
}

function paneChanged(state: HarnessState, modelJson: string, stats: PaneStats): HarnessState {
  if (modelJson === JSON.stringify(state.model)) return { ...state, stats };
  const next = JSON.parse(modelJson) as FakeWorkbookModel;
  const reveal = selectionMoved(state.model, next) ? state.reveal + 1 : state.reveal;
  return { ...state, stats, model: next, reveal };
}

export function harnessReducer(state: HarnessState, action: HarnessAction): HarnessState {
  switch (action.type) {
    case 'apiChosen':
      // Another Excel: the pane starts again in it.
      return isApiLevel(action.api) && action.api !== state.api
        ? { ...state, api: action.api, session: state.session + 1 }
        : state;
    case 'langChosen':
      return isDisplayLanguage(action.lang) && action.lang !== state.lang
        ? { ...state, lang: action.lang, session: state.session + 1 }
        : state;
    case 'paneKindChosen':
      // The other pane is loaded in a new frame, on the workbook as it now is.
      return isPaneKind(action.pane) && action.pane !== state.pane
        ? { ...state, pane: action.pane, session: state.session + 1 }
        : state;
    case 'zoomChosen':
      return ZOOMS.includes(action.zoom) ? { ...state, zoom: action.zoom } : state;
    case 'paneReopened':
      return state.loaded ? { ...state, session: state.session + 1 } : state;
    case 'panePageLoaded':
      return { ...state, paneHtml: action.html };
    case 'openStarted':
      return { ...state, loading: true };
    case 'opened':
      // A new workbook: a new pane session on it, with fresh counts.
      return {
        ...state,
        loaded: action.loaded,
        model: action.loaded.open.model,
        stats: null,
        error: null,
        session: state.session + 1,
      };
    case 'openFinished':
      return { ...state, loading: false };
    case 'saveStarted':
      return state.loaded && !state.saving ? { ...state, saving: true } : state;
    case 'saveFinished':
      return { ...state, saving: false };
    case 'failed':
      return { ...state, error: action.message };
    case 'paneChanged':
      return paneChanged(state, action.modelJson, action.stats);
    case 'cellSelected':
      return selectCell(state, action.sheet, action.address);
    case 'dragged':
      return action.over === state.dragging ? state : { ...state, dragging: action.over };
  }
}

/** The sheets the tabs show (hidden ones are not). */
export function visibleSheets(model: FakeWorkbookModel | null): string[] {
  return (model?.sheets ?? []).filter((s) => s.visibility !== 'Hidden').map((s) => s.name);
}

/** The sheet the grid shows: the workbook's active sheet when visible, else the first visible one. */
export function activeSheet(model: FakeWorkbookModel | null): string | null {
  const sheets = visibleSheets(model);
  return model?.activeSheet && sheets.includes(model.activeSheet) ? model.activeSheet : (sheets[0] ?? null);
}

/** The selected cell on the shown sheet (the top-left one of a range), for the name box and formula bar. */
export function selectedCell(model: FakeWorkbookModel | null): string | null {
  const active = activeSheet(model);
  return model?.selection && model.selection.sheet === active ? model.selection.address.split(':')[0] : null;
}
