// How the harness page and the task pane in its iframe talk. The harness owns the workbook as the user sees it
// (the grid); the pane's frame runs the stand-in Office API on its own copy of the workbook model, in its own
// JavaScript realm as office.js would, and reports every change back. Plain JSON crosses the frame boundary,
// so no object of one realm is ever used by code of the other.

import {
  API_LEVELS,
  DISPLAY_LANGUAGES,
  PANE_KINDS,
  type ApiLevel,
  type DisplayLanguage,
  type PaneKind,
} from '../ui-text/harness';

// The lists the toolbar names live with its words (src/ui-text), so that the catalogue imports nothing above it.
// PANE_KINDS: which task pane the frame loads, today's (React, for WebView2) or the legacy one (ES5, for the IE11
// and Edge Legacy webviews of Office 2019); taskpane.html's loader reads the choice from `__selfevalPaneKind`.
export { API_LEVELS, DISPLAY_LANGUAGES, PANE_KINDS, type ApiLevel, type DisplayLanguage, type PaneKind };
export const DEFAULT_API_LEVEL: ApiLevel = '1.18';

/** The attribute that marks the script tag put in place of office.js in the pane's page. */
export const FAKE_OFFICE_ROLE = 'fake-office';

/** What the pane's frame gets when it starts: the workbook as it now is and the Excel it should pretend to be. */
export interface PaneOpening {
  modelJson: string;
  apiVersion: ApiLevel;
  displayLanguage: DisplayLanguage;
  pane: PaneKind;
}

/** Round trips and calls the pane made, as the stand-in counts them. */
export type PaneStats = Record<string, number>;

/** Installed by the harness page on its window as `__selfevalHarness`. */
export interface HarnessBridge {
  /** Called once by the pane's frame, before the task pane's own scripts run. */
  paneOpening(): PaneOpening;
  /** The pane's copy of the workbook changed (after an Excel.run batch, a settings save …). */
  paneChanged(modelJson: string, stats: PaneStats): void;
  /** The stand-in could not be installed: the pane then shows its "not in Excel" page. */
  paneFailed(message: string): void;
}

/** Installed by the pane's frame on its window as `__selfevalPane`: what the user does in the grid. */
export interface PaneControl {
  /** The user clicked a cell or a sheet tab in the grid. */
  select(sheet: string, address: string | null): void;
}

export interface HarnessWindow {
  __selfevalHarness?: HarnessBridge;
}

export interface PaneWindow {
  __selfevalPane?: PaneControl;
  /** Read by taskpane.html's loader: the pane to load whatever the browser could run. */
  __selfevalPaneKind?: PaneKind;
  Office?: unknown;
  Excel?: unknown;
  OfficeExtension?: unknown;
}

export function isApiLevel(v: string | null | undefined): v is ApiLevel {
  return typeof v === 'string' && (API_LEVELS as readonly string[]).includes(v);
}

export function isPaneKind(v: string | null | undefined): v is PaneKind {
  return typeof v === 'string' && (PANE_KINDS as readonly string[]).includes(v);
}

export function isDisplayLanguage(v: string | null | undefined): v is DisplayLanguage {
  return typeof v === 'string' && (DISPLAY_LANGUAGES as readonly string[]).includes(v);
}
