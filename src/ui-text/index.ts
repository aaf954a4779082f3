// The one catalogue of UI strings: the task pane's (pane.ts) and the browser demo's (harness.ts), each entry in
// Chinese and English side by side (side-by-side.ts), typed by the Messages and HarnessText interfaces so that a
// key cannot be missing or misspelt in either language. A folder of its own, not the pane's: the harness uses
// it without depending on the add-in's code, and the add-in's bundle takes only the pane's part (the harness's
// strings are picked lazily, so webpack leaves them out of dist/web). Finding messages come from
// src/core/messages.ts, through the report.
export {
  byLang,
  langFromDisplayLanguage,
  pick,
  type Pair,
  type SideBySide,
  type UiLang,
} from './side-by-side';
export { MESSAGES, PANE_TEXT, messages, type BannerMessages, type Messages } from './pane';
export { HARNESS_TEXT, harnessText, type HarnessText } from './harness';
