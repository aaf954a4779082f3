// The harness page's reducer on its own: every transition, and the ones it must refuse.
import type { FakeSheet, FakeWorkbookModel } from '../../src/office-standin/model';
import {
  activeSheet,
  harnessReducer,
  initialHarnessState,
  selectedCell,
  visibleSheets,
  type HarnessAction,
  type HarnessState,
  type Loaded,
} from '../../src/harness/state';
import type { OpenWorkbook } from '../../src/harness/workbook';

function sheet(name: string, visibility?: 'Hidden'): FakeSheet {
  return {
    name,
    cells: { A1: { value: 1 } },
    merges: [],
    comments: [],
    ...(visibility ? { visibility } : {}),
  };
}

function model(extra: Partial<FakeWorkbookModel> = {}): FakeWorkbookModel {
  return {
    name: 'a.xlsx',
    sheets: [sheet('自评表'), sheet('隐藏', 'Hidden'), sheet('审核意见')],
    settings: {},
    customXmlParts: [],
    activeSheet: '自评表',
    ...extra,
  };
}

function loaded(m: FakeWorkbookModel = model()): Loaded {
  return { open: { name: m.name, model: m, workbook: {} as OpenWorkbook['workbook'] }, look: {} };
}

function apply(state: HarnessState, ...actions: HarnessAction[]): HarnessState {
  return actions.reduce(harnessReducer, state);
}

const stats = { runs: 1, syncs: 2, roundTrips: 2 };

describe('harnessReducer', () => {
  test('starts from the page query: a known ExcelApi level and display language, else the defaults', () => {
    expect(initialHarnessState({ api: '1.8', lang: 'en-US' })).toMatchObject({ api: '1.8', lang: 'en-US' });
    expect(initialHarnessState({ api: '2.0', lang: 'fr' })).toMatchObject({ api: '1.18', lang: 'zh-CN' });
    expect(initialHarnessState()).toMatchObject({ session: 0, model: null, zoom: 1, error: null });
  });

  test('another Excel or language starts the pane again; unknown values are refused', () => {
    const s = initialHarnessState();
    expect(harnessReducer(s, { type: 'apiChosen', api: '1.10' })).toMatchObject({ api: '1.10', session: 1 });
    expect(harnessReducer(s, { type: 'langChosen', lang: 'en-US' })).toMatchObject({
      lang: 'en-US',
      session: 1,
    });
    expect(harnessReducer(s, { type: 'apiChosen', api: '1.9' })).toBe(s);
    expect(harnessReducer(s, { type: 'apiChosen', api: '1.18' })).toBe(s);
    expect(harnessReducer(s, { type: 'langChosen', lang: 'de-DE' })).toBe(s);
    expect(harnessReducer(s, { type: 'zoomChosen', zoom: 0.75 }).zoom).toBe(0.75);
    expect(harnessReducer(s, { type: 'zoomChosen', zoom: 3 })).toBe(s);
  });

  test('opening: loading until finished; a new workbook clears the error and the counts, and a new pane opens', () => {
    const failed = apply(initialHarnessState(), { type: 'failed', message: 'x' }, { type: 'openStarted' });
    expect(failed.loading).toBe(true);
    const withStats = { ...failed, stats };
    const l = loaded();
    const open = apply(withStats, { type: 'opened', loaded: l }, { type: 'openFinished' });
    expect(open).toMatchObject({
      loading: false,
      error: null,
      stats: null,
      session: 1,
      loaded: l,
      model: l.open.model,
    });
  });

  test('the pane can be reopened only on an open workbook', () => {
    const none = initialHarnessState();
    expect(harnessReducer(none, { type: 'paneReopened' })).toBe(none);
    const open = harnessReducer(none, { type: 'opened', loaded: loaded() });
    expect(harnessReducer(open, { type: 'paneReopened' }).session).toBe(open.session + 1);
  });

  test("the pane's changes: counts always, the model only when it differs, the grid scrolls when the selection moved", () => {
    const open = harnessReducer(initialHarnessState(), { type: 'opened', loaded: loaded() });
    const same = harnessReducer(open, { type: 'paneChanged', modelJson: JSON.stringify(open.model), stats });
    expect(same.stats).toBe(stats);
    expect(same.model).toBe(open.model);
    const marked = model({ settings: { 'selfeval.mode': 'fill' } });
    const changed = harnessReducer(open, { type: 'paneChanged', modelJson: JSON.stringify(marked), stats });
    expect(changed.model).toEqual(marked);
    expect(changed.reveal).toBe(open.reveal);
    const moved = model({ selection: { sheet: '自评表', address: 'H6' } });
    expect(
      harnessReducer(open, { type: 'paneChanged', modelJson: JSON.stringify(moved), stats }).reveal,
    ).toBe(open.reveal + 1);
  });

  test('a click in the grid moves the selection; a sheet the workbook lacks is refused', () => {
    const open = harnessReducer(initialHarnessState(), { type: 'opened', loaded: loaded() });
    const clicked = harnessReducer(open, { type: 'cellSelected', sheet: '审核意见', address: 'B2:C3' });
    expect(clicked.model).toMatchObject({
      activeSheet: '审核意见',
      selection: { sheet: '审核意见', address: 'B2:C3' },
    });
    expect(selectedCell(clicked.model)).toBe('B2');
    const tab = harnessReducer(clicked, { type: 'cellSelected', sheet: '自评表', address: null });
    expect(tab.model?.selection).toBeUndefined();
    expect(harnessReducer(open, { type: 'cellSelected', sheet: '没有', address: 'A1' })).toBe(open);
    const none = initialHarnessState();
    expect(harnessReducer(none, { type: 'cellSelected', sheet: '自评表', address: 'A1' })).toBe(none);
  });

  test('saving: only with a workbook open and one save at a time', () => {
    const none = initialHarnessState();
    expect(harnessReducer(none, { type: 'saveStarted' })).toBe(none);
    const saving = apply(none, { type: 'opened', loaded: loaded() }, { type: 'saveStarted' });
    expect(saving.saving).toBe(true);
    expect(harnessReducer(saving, { type: 'saveStarted' })).toBe(saving);
    expect(harnessReducer(saving, { type: 'saveFinished' }).saving).toBe(false);
  });

  test('dragging a file over the page toggles the drop hint once', () => {
    const s = initialHarnessState();
    const over = harnessReducer(s, { type: 'dragged', over: true });
    expect(over.dragging).toBe(true);
    expect(harnessReducer(over, { type: 'dragged', over: true })).toBe(over);
    expect(harnessReducer(over, { type: 'dragged', over: false }).dragging).toBe(false);
  });
});

describe('what the grid shows', () => {
  test('hidden sheets get no tab; a hidden or unknown active sheet falls back to the first visible one', () => {
    expect(visibleSheets(model())).toEqual(['自评表', '审核意见']);
    expect(activeSheet(model({ activeSheet: '审核意见' }))).toBe('审核意见');
    expect(activeSheet(model({ activeSheet: '隐藏' }))).toBe('自评表');
    expect(activeSheet(null)).toBeNull();
    expect(selectedCell(model({ selection: { sheet: '审核意见', address: 'C4' } }))).toBeNull();
  });
});
