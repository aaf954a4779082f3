// The harness bundle has two roles. Loaded by harness.html it draws the harness (grid, toolbar, the task pane
// beside it). Loaded by the task pane's page in place of office.js (the script tag carries
// data-selfeval-role="fake-office") it installs the stand-in Office API in that frame, synchronously, before the
// pane's own scripts run; the harness's UI (ExcelJS, the grid) is then never loaded there.
import { FAKE_OFFICE_ROLE } from './bridge';
import { installFakeOffice } from './pane-frame';

const script =
  (document.currentScript as HTMLScriptElement | null) ??
  document.querySelector<HTMLScriptElement>('script[src*="harness"]');

if (script?.dataset.selfevalRole === FAKE_OFFICE_ROLE) {
  installFakeOffice(window);
} else {
  const bundleUrl = script?.src ?? '';
  import('./main').then(
    (m) => m.mount(bundleUrl),
    (e: unknown) => {
      document.body.textContent = `无法加载演示页面 / the harness could not load: ${String(e)}`;
    },
  );
}
