// The ribbon's function file (manifest <FunctionFile>). The only ribbon button opens the task pane
// (ShowTaskpane), which needs no code; the file must still exist and call Office.onReady.
Office.onReady(() => {
  // Nothing to register: no ExecuteFunction commands.
});
export {};
