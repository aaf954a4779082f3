// Builds the command line as ONE file for Node ≥ 20: dist/cli/selfeval.cjs, with ExcelJS, commander, decimal.js and
// valibot inside, so that it runs with nothing but `node` (no node_modules). `npm run build:bundle`; `npm run release`
// copies it to release/selfeval.cjs and packs it into selfeval-<version>.tgz.
// webpack rather than esbuild: webpack and ts-loader are declared devDependencies and already build the pane, whereas
// esbuild is here only as tsx's own dependency, which a tsx update could move or drop.
// The version and build date are defined at build time (buildDefines), the same way and with the same values as in
// the task pane (webpack.config.js), so `selfeval --version` and the pane's About line agree.
const path = require('path');
const webpack = require('webpack');

/** The build date, YYYY-MM-DD in UTC: $SELFEVAL_BUILD_DATE, else $SOURCE_DATE_EPOCH (reproducible builds), else today. */
function buildDate() {
  const given = process.env.SELFEVAL_BUILD_DATE;
  if (given) {
    if (!/^\d{4}-\d\d-\d\d$/.test(given)) {
      throw new Error(`SELFEVAL_BUILD_DATE 须为 YYYY-MM-DD / must be YYYY-MM-DD: "${given}"`);
    }
    return given;
  }
  const epoch = Number(process.env.SOURCE_DATE_EPOCH);
  const when = Number.isFinite(epoch) && epoch > 0 ? new Date(epoch * 1000) : new Date();
  return when.toISOString().slice(0, 10);
}

/** The DefinePlugin values both builds use: the version from package.json and the build date. */
function buildDefines() {
  const pkg = require('./package.json');
  return {
    __SELFEVAL_VERSION__: JSON.stringify(pkg.version),
    __SELFEVAL_BUILD_DATE__: JSON.stringify(buildDate()),
  };
}

module.exports = () => ({
  mode: 'production',
  target: 'node20',
  context: __dirname,
  // main.ts ends with `if (require.main === module) cliEntry()`, which webpack turns into "is the entry module".
  entry: { selfeval: './src/cli/main.ts' },
  output: {
    path: path.resolve(__dirname, 'dist/cli'),
    filename: '[name].cjs',
    clean: true,
  },
  devtool: false,
  resolve: { extensions: ['.ts', '.js', '.json'] },
  module: {
    rules: [
      {
        test: /\.ts$/,
        exclude: /node_modules/,
        use: {
          loader: 'ts-loader',
          options: { transpileOnly: true, onlyCompileBundledFiles: true, configFile: 'tsconfig.node.json' },
        },
      },
    ],
  },
  plugins: [
    new webpack.DefinePlugin(buildDefines()),
    new webpack.BannerPlugin({ banner: '#!/usr/bin/env node', raw: true, entryOnly: true }),
  ],
  optimization: {
    // Unminified: stack traces of a bug report stay readable, and terser would rename classes ExcelJS relies on.
    minimize: false,
  },
  performance: { hints: false },
  stats: 'errors-warnings',
});

module.exports.buildDate = buildDate;
module.exports.buildDefines = buildDefines;
