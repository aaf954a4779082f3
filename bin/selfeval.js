#!/usr/bin/env node
// selfeval command line launcher: runs the build (npm run build:cli → dist/node), or, in a fresh clone that has
// not been built yet, the TypeScript source through tsx (a devDependency).
'use strict';
const fs = require('fs');
const path = require('path');

const built = path.join(__dirname, '..', 'dist', 'node', 'cli', 'main.js');
const NOT_BUILT = '尚未构建：请先运行 npm run build:cli / not built yet: run npm run build:cli first\n';

if (fs.existsSync(built)) {
  require(built).cliEntry();
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
  require(path.join(__dirname, '..', 'src', 'cli', 'main.ts')).cliEntry();
}
