// The legacy pane's look: Office 2016–2019's own (the Office UI Fabric of those versions): Segoe UI (Microsoft
// YaHei for Chinese), white ground, flat grey borders, #0078D4 for the primary button, visible focus. CSS 2.1
// and IE11's flexbox only (no custom properties, no grid), put in the page as one <style>.

const CSS = `
.lp-root { display: block; box-sizing: border-box; min-width: 280px; min-height: 100vh; margin: 0; padding: 12px 14px;
  font-family: "Segoe UI", "Segoe UI Web (West European)", "Microsoft YaHei", "微软雅黑", Tahoma, Arial, sans-serif;
  font-size: 14px; line-height: 20px; color: #323130; background: #ffffff; }
.lp-root * { box-sizing: border-box; }
.lp-title { margin: 0; font-size: 20px; line-height: 28px; font-weight: 600; }
.lp-subtitle { margin: 2px 0 12px; font-size: 12px; line-height: 16px; color: #605e5c; }
.lp-settings { margin: 0 0 12px; padding: 0; border: 0; min-width: 0; }
.lp-legend { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
.lp-field { margin: 0 0 8px; }
.lp-label { display: block; margin: 0 0 2px; font-size: 12px; font-weight: 600; }
.lp-select { display: block; width: 100%; height: 28px; padding: 2px 6px; font: inherit; font-size: 13px;
  color: #323130; background: #ffffff; border: 1px solid #8a8886; border-radius: 0; }
.lp-select:hover { border-color: #323130; }
.lp-select:focus { outline: 2px solid #0078d4; outline-offset: -2px; }
.lp-hint { margin: 2px 0 0; font-size: 12px; line-height: 16px; color: #605e5c; }
.lp-actions { margin: 0 0 8px; }
.lp-button { display: inline-block; min-width: 80px; height: 32px; margin: 0 8px 4px 0; padding: 0 16px;
  font: inherit; font-size: 14px; font-weight: 600; color: #323130; background: #ffffff; border: 1px solid #8a8886;
  border-radius: 2px; cursor: pointer; }
.lp-button:hover { background: #f3f2f1; }
.lp-button:active { background: #edebe9; }
.lp-button:focus { outline: 1px solid #000000; outline-offset: 1px; }
.lp-primary { color: #ffffff; background: #0078d4; border-color: #0078d4; }
.lp-primary:hover { background: #106ebe; border-color: #106ebe; }
.lp-primary:active { background: #005a9e; border-color: #005a9e; }
.lp-button[disabled], .lp-button[disabled]:hover { color: #a19f9d; background: #f3f2f1; border-color: #f3f2f1;
  cursor: default; }
.lp-status { min-height: 20px; margin: 0 0 8px; font-size: 12px; color: #605e5c; }
.lp-bar { position: relative; margin: 0 0 10px; padding: 8px 32px 8px 12px; font-size: 13px; line-height: 18px;
  border-left: 4px solid #0078d4; background: #f3f2f1; word-wrap: break-word; }
.lp-bar-error { border-left-color: #a80000; background: #fde7e9; }
.lp-bar-warning { border-left-color: #d83b01; background: #fff4ce; }
.lp-bar-success { border-left-color: #107c10; background: #dff6dd; }
.lp-bar-title { margin: 0 0 2px; font-weight: 600; }
.lp-bar-list { margin: 0; padding: 0 0 0 18px; }
.lp-dismiss { position: absolute; top: 4px; right: 4px; width: 24px; height: 24px; padding: 0; font: inherit;
  font-size: 14px; line-height: 22px; color: #323130; background: transparent; border: 1px solid transparent;
  cursor: pointer; }
.lp-dismiss:hover { background: #edebe9; }
.lp-dismiss:focus { outline: 1px solid #000000; }
.lp-forms-title { margin: 4px 0 8px; font-size: 14px; font-weight: 600; }
.lp-form { margin: 0 0 12px; padding: 10px 12px; border: 1px solid #c8c6c4; background: #ffffff; }
.lp-form-heading { margin: 0; font-size: 16px; line-height: 22px; font-weight: 600; word-wrap: break-word; }
.lp-sheet { margin: 0 0 8px; font-size: 12px; color: #605e5c; }
.lp-figures { margin: 0 0 8px; padding: 0; }
.lp-figures dt { float: left; clear: left; width: 42%; margin: 0; padding: 2px 8px 2px 0; color: #605e5c; }
.lp-figures dd { margin: 0 0 0 42%; padding: 2px 0; word-wrap: break-word; }
.lp-figures:after { content: ""; display: block; clear: both; }
.lp-main { font-weight: 600; }
.lp-printed { display: block; font-size: 12px; color: #605e5c; }
.lp-error { color: #a80000; }
.lp-warning { color: #b7472a; }
.lp-info { color: #005a9e; }
.lp-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
.lp-counts { margin: 0 0 8px; }
.lp-count { display: inline-block; margin: 0 6px 4px 0; padding: 0 8px; font-size: 12px; line-height: 20px;
  border: 1px solid #c8c6c4; color: #605e5c; }
.lp-count-error { color: #ffffff; background: #a80000; border-color: #a80000; }
.lp-count-warning { color: #323130; background: #ffc83d; border-color: #ffc83d; }
.lp-count-info { color: #ffffff; background: #0078d4; border-color: #0078d4; }
.lp-group { margin: 0 0 4px; }
.lp-group-toggle { display: block; width: 100%; padding: 4px 0; font: inherit; font-size: 13px; font-weight: 600;
  text-align: left; color: #323130; background: transparent; border: 0; border-bottom: 1px solid #edebe9;
  cursor: pointer; }
.lp-group-toggle:focus { outline: 1px solid #000000; }
.lp-findings { margin: 2px 0 0; padding: 0; list-style: none; }
.lp-finding { display: block; width: 100%; margin: 0 0 2px; padding: 4px 6px; font: inherit; font-size: 12px;
  line-height: 16px; text-align: left; color: #323130; background: transparent; border: 1px solid transparent;
  cursor: pointer; }
.lp-finding:hover { background: #f3f2f1; }
.lp-finding:focus { outline: 1px solid #000000; border-color: #000000; }
.lp-static { cursor: default; }
.lp-static:hover { background: transparent; }
.lp-cell { float: left; width: 3.5em; font-family: Consolas, "Courier New", monospace; font-weight: 600; }
.lp-message { display: block; margin-left: 4em; word-wrap: break-word; }
.lp-none { margin: 0; font-size: 12px; color: #605e5c; }
.lp-about { margin: 12px 0 0; font-size: 12px; color: #605e5c; }
`;

/** Puts the pane's style sheet in the page once. */
export function installStyle(doc: Document): void {
  if (doc.getElementById('lp-style')) return;
  const style = doc.createElement('style');
  style.id = 'lp-style';
  style.setAttribute('type', 'text/css');
  style.appendChild(doc.createTextNode(CSS));
  (doc.getElementsByTagName('head')[0] || doc.body).appendChild(style);
}
