#!/usr/bin/env node
// selfeval command line launcher, in this order: the tsc build (npm run build:cli → dist/node, what `npm run score`
// uses), the one-file bundle (npm run build:bundle → dist/cli/selfeval.cjs, what `npm pack` of this folder ships),
// or, in a fresh clone that has built neither, the TypeScript source through tsx (a devDependency).
// The release's own package (npm run release → selfeval-<version>.tgz) runs selfeval.cjs directly, without this file.
'use strict';
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..');
const built = path.join(root, 'dist', 'node', 'cli', 'main.js');
const bundle = path.join(root, 'dist', 'cli', 'selfeval.cjs');
const NOT_BUILT = '尚未构建：请先运行 npm run build:cli / not built yet: run npm run build:cli first\n';

if (fs.existsSync(built)) {
  require(built).cliEntry();
} else if (fs.existsSync(bundle)) {
  // Loading the bundle runs the command: main.ts's `require.main === module` is, once bundled, "is the entry module".
  require(bundle);
} else {
  let tsx = null;
  try {
    tsx = require.resolve('tsx/cjs');
  } catch (e) {
    tsx = e && null;
  }
  if (!tsx) {
    process.stderr.write(NOT_BUILT);
    process.exit(2);
  }
  require(tsx);
  require(path.join(root, 'src', 'cli', 'main.ts')).cliEntry();
}
