// The harness bundle in its "fake office" role, loaded by the task pane's page in place of office.js: it takes
// the workbook from the harness page, puts the stand-in Office / Excel API (src/office-standin) on the
// frame's window, and tells the harness whenever the pane changed the workbook.
import { createFakeOffice, type FakeStats, type FakeWorkbookModel } from '../office-standin';
import type { HarnessWindow, PaneStats, PaneWindow } from './bridge';

/** Visible round trips: long enough to see the pane's spinner, short enough not to slow the tests. */
const SYNC_DELAY_MS = 15;

function numbers(stats: FakeStats): PaneStats {
  const out: PaneStats = {};
  for (const [k, v] of Object.entries(stats)) if (typeof v === 'number') out[k] = v;
  return out;
}

export function installFakeOffice(win: Window): void {
  const parent = win.parent as unknown as HarnessWindow;
  const bridge = parent === (win as unknown) ? undefined : parent.__selfevalHarness;
  if (!bridge) {
    // Opened on its own: leave Office undefined, the pane shows its "open me in Excel" page.
    return;
  }
  try {
    const opening = bridge.paneOpening();
    const model = JSON.parse(opening.modelJson) as FakeWorkbookModel;
    const fake = createFakeOffice(model, {
      apiVersion: opening.apiVersion,
      displayLanguage: opening.displayLanguage,
      syncDelayMs: SYNC_DELAY_MS,
    });

    const report = (): void => bridge.paneChanged(JSON.stringify(model), numbers(fake.stats));

    // After every batch (whether it succeeded or threw) the grid shows the workbook as the batch left it.
    const run = fake.Excel.run.bind(fake.Excel);
    fake.Excel.run = <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
      const done = run(batch);
      done.then(report, report);
      return done;
    };
    // Saved settings are part of the workbook too.
    const settings = fake.Office.context.document.settings;
    const save = settings.saveAsync.bind(settings);
    settings.saveAsync = (optionsOrCallback?: unknown, callback?: Parameters<typeof save>[1]): void => {
      const cb = typeof optionsOrCallback === 'function' ? (optionsOrCallback as typeof callback) : callback;
      const options = typeof optionsOrCallback === 'function' ? undefined : optionsOrCallback;
      save(options, (result) => {
        report();
        cb?.(result);
      });
    };

    const w = win as unknown as PaneWindow;
    w.__selfevalPaneKind = opening.pane;
    w.Office = fake.Office;
    w.Excel = fake.Excel;
    w.OfficeExtension = fake.OfficeExtension;
    w.__selfevalPane = {
      select(sheet: string, address: string | null): void {
        model.activeSheet = sheet;
        if (address) model.selection = { sheet, address };
        else delete model.selection;
      },
    };
  } catch (e) {
    bridge.paneFailed(e instanceof Error ? e.message : String(e));
  }
}
