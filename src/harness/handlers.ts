// What the harness's components may ask of it (kept in a .ts file: the .tsx lint rules read the parameter names
// of a function type as unused variables).

export interface HarnessHandlers {
  /** Open a workbook file chosen or dropped by the user. */
  openFile: (file: File) => void;
  /** Open a workbook served beside the harness (the sample). */
  openUrl: (path: string) => void;
  download: () => void;
  chooseApi: (value: string) => void;
  chooseLang: (value: string) => void;
  /** Load the modern or the legacy task pane in the frame. */
  choosePane: (value: string) => void;
  chooseZoom: (value: number) => void;
  reopenPane: () => void;
  /** A click in the grid (address null: a sheet tab). */
  select: (sheet: string, address: string | null) => void;
  dragged: (over: boolean) => void;
}
