// Function types shared by the pane's components (kept in a .ts file: the .tsx lint rules read the parameter
// names of a function type as unused variables).
import type { ScoreOutcome, ScorePreview, ScoreRequest } from '../app/score-flow';

/** One scoring pass: scoreWorkbook(host, request) in Excel; injected by tests and the browser harness. */
export type ScoreFn = (request: ScoreRequest) => Promise<ScoreOutcome>;

/** Select a cell in the sheet and bring it into view. */
export type SelectCell = (sheet: string, cell: string) => void;

/** How a decimal string from the report is shown ("97.34" → "97.34%"). */
export type Show = (value: string) => string;

/** The user picked a value in a list (not yet checked: the reducer refuses values it does not know). */
export type Pick = (value: string) => void;

/** A scoring planned from a read, nothing written: previewWorkbook(host, request) in Excel. */
export type PreviewFn = (request: ScoreRequest) => Promise<ScorePreview>;
