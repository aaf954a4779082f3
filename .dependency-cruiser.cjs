// dependency-cruiser: the layering of src, checked by `npm run lint:deps` (part of `npm test`) and by
// test/layering/deps.test.ts. Layers, bottom to top:
//   core (pure rules and arithmetic) → app (the flow every host shares) → hosts/* (one per spreadsheet API)
//   office-standin (the stand-in Excel API for tests and the demo) sits on core alone;
//   cli, taskpane, taskpane-legacy, harness, commands and selftest (the self-test page) are the entry points on top.
// Paths of npm packages are matched anywhere (`(^|/)node_modules/`) because node_modules may be a symlink.

/** Where a host may reach: the core, the app flow, the shared record of marks, and its own folder. */
const HOST_ALLOWED = '^src/(core|app)/|^src/hosts/(record|$1)(/|\\.ts$)';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'core-is-pure',
      comment:
        'The core scores the form for every host, in the browser and in Node, so it may use only itself, ' +
        'decimal.js (exact arithmetic) and valibot (the rulebook schema): no Office, DOM, Node, UI or host code.',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { pathNot: '^src/core/|(^|/)node_modules/(decimal\\.js|valibot)/' },
    },
    {
      name: 'app-only-core',
      comment:
        'The app flow (read → score → mark) is shared by the task pane and the command line; it talks to a ' +
        'host only through the interface it declares, so it may import the core and nothing else.',
      severity: 'error',
      from: { path: '^src/app/' },
      to: { pathNot: '^src/(app|core)/' },
    },
    {
      name: 'host-below-entry-points',
      comment:
        'A host adapts one spreadsheet API (Office.js, ExcelJS) to the app flow: inside src it may use only ' +
        'the core, the app and the shared record of marks (hosts/record), never an entry point or the stand-in.',
      severity: 'error',
      from: { path: '^src/hosts/' },
      to: { path: '^src/', pathNot: '^src/(core|app|hosts)/' },
    },
    {
      name: 'no-host-to-host',
      comment:
        'Hosts are siblings: the Office host must not load ExcelJS code or the other way round (each ships ' +
        'in a different bundle). What both need lives in src/hosts/record, the app or the core.',
      severity: 'error',
      from: { path: '^src/hosts/([^/.]+)' },
      to: { path: '^src/hosts/', pathNot: HOST_ALLOWED },
    },
    {
      name: 'standin-only-core',
      comment:
        'The stand-in Excel imitates the Office.js API for tests and the demo; it may share the core (A1 ' +
        'addresses) but nothing of the add-in it stands in for, or the tests would check the add-in against itself.',
      severity: 'error',
      from: { path: '^src/office-standin/' },
      to: { pathNot: '^src/(office-standin|core)/' },
    },
    {
      name: 'taskpane-not-cli-or-harness',
      comment:
        'The task pane is what ships to Excel: the command line (Node, ExcelJS) and the demo harness must not ' +
        'end up in its bundle; neither must the stand-in Excel, which exists for tests and the demo.',
      severity: 'error',
      from: { path: '^src/taskpane/' },
      to: { path: '^src/(cli|harness|office-standin|commands)/' },
    },
    {
      name: 'legacy-pane-not-react-cli-or-harness',
      comment:
        'The legacy pane (IE11, Edge Legacy) is compiled for ES5 and ships beside the modern one: it may share ' +
        "the modern pane's plain modules (state, problems, format …) but no React or Fluent UI (neither runs " +
        'in those engines), and, like the modern pane, nothing of the command line, the demo or the stand-in.',
      severity: 'error',
      from: { path: '^src/taskpane-legacy/' },
      to: {
        path: [
          '^src/(cli|harness|office-standin|commands)/',
          '^src/taskpane/.*\\.tsx$',
          '^src/taskpane/store\\.ts$',
          '(^|/)node_modules/(react|react-dom|scheduler|@fluentui)/',
        ],
      },
    },
    {
      name: 'modern-pane-not-legacy',
      comment:
        'The modern pane does not reach into the legacy one (the legacy one builds on the modern state).',
      severity: 'error',
      from: { path: '^src/(taskpane|hosts|app|core)/' },
      to: { path: '^src/taskpane-legacy/' },
    },
    {
      name: 'cli-not-pane',
      comment:
        'The command line runs in Node on .xlsx files: the task pane (React), the demo harness and the ' +
        'Office.js host would pull browser and Office code into it.',
      severity: 'error',
      from: { path: '^src/cli/' },
      to: { path: '^src/(taskpane|taskpane-legacy|harness|commands|office-standin|hosts/office)/' },
    },
    {
      name: 'src-not-test-or-scripts',
      comment: 'What ships is built from src alone; tests and scripts use src, never the other way round.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(test|scripts)/' },
    },
    {
      name: 'selftest-top-layer',
      comment:
        'The self-test page ships with the add-in and runs the Office host against the Excel it is in: it may ' +
        'use the core and the Office host, never the stand-in (it would test Excel against our imitation), the ' +
        'command line, the harness or the pane; and nothing below it imports it.',
      severity: 'error',
      from: { path: '^src/selftest/' },
      to: { path: '^src/(cli|harness|office-standin|taskpane|commands|hosts/xlsx)/' },
    },
    {
      name: 'nothing-imports-selftest',
      comment: 'The self-test is a top layer: tests import it, src does not.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/selftest/' },
      to: { path: '^src/selftest/' },
    },
    {
      name: 'no-circular',
      comment: 'A cycle makes the layers meaningless and the load order fragile.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-orphans',
      comment:
        'A module nothing imports is dead code, unless it is an entry point (webpack: taskpane, ' +
        'taskpane-legacy, commands, harness; Node: the command line).',
      severity: 'error',
      from: {
        orphan: true,
        pathNot: [
          '(^|/)\\.[^/]+\\.(js|cjs|mjs|ts|json)$',
          '\\.d\\.ts$',
          '^src/cli/main\\.ts$',
          '^src/commands/commands\\.ts$',
          '^src/harness/index\\.tsx$',
          '^src/taskpane/index\\.tsx$',
          '^src/taskpane-legacy/index\\.ts$',
          '^src/selftest/index\\.ts$',
        ],
      },
      to: {},
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that does not resolve fails at build time; catch it with the layering.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: '(^|/)node_modules/' },
    // Type-only imports count: a host that imports the types of another host still depends on it.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
