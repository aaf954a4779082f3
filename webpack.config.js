// Builds the add-in's web pages (the task pane and the ribbon's function file), or the browser demo.
//   npm run build         production add-in in dist/web, manifest URLs rewritten to $ADDIN_PUBLIC_URL; no harness
//   npm run build:dev     development add-in in dist/web
//   npm run build:demo    the browser demo in dist/demo: the harness page (with ExcelJS) and its own build of the
//                         pane pages it frames (`--env demo`); `npm run demo` builds it when stale and serves it
//   npm run dev-server    https://localhost:3000 with office-addin-dev-certs, for Excel (never the harness)
// Two panes in one compilation: the modern one (React 18 + Fluent UI 9, ES2020) and the legacy one for the
// Internet Explorer 11 (Trident) and Edge Legacy (EdgeHTML) webviews of Office 2019 and older (plain DOM, ES5;
// src/taskpane-legacy). The legacy entry and the function file sit in webpack's "legacy" layer, where every
// module, the core and the Office host included, is compiled again by ts-loader for ES5; taskpane.html lists
// both panes' scripts for its inline loader, which picks one by feature detection (inject: false).
// office.js is not bundled: the pages load it from Microsoft's CDN, the supported way. Everything else is ours.
const fs = require('fs');
const path = require('path');
const { URL } = require('url');
const { Buffer } = require('buffer');

const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { DefinePlugin } = require('webpack');
// The version and build date of the pane's About line, the same as `selfeval --version`.
const { buildDefines } = require('./webpack.cli.config.js');

/** Where the manifest points during development. */
const DEV_URL = 'https://localhost:3000/';
const DEV_ORIGIN = 'https://localhost:3000';
const DEV_PORT = 3000;

/** Libraries that arrive minified: bundled into a chunk of their own that the minimizer leaves alone. */
const PRE_MINIFIED = /[\\/]exceljs[\\/]dist[\\/]exceljs\.min\.js$/;
const PRE_MINIFIED_CHUNK = 'exceljs';

/** Marks the pre-minified chunk as minimized, so that terser does not spend half the build on ExcelJS again. */
class SkipPreMinifiedPlugin {
  apply(compiler) {
    const name = 'SkipPreMinifiedPlugin';
    const stage = compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_SIZE - 1;
    compiler.hooks.thisCompilation.tap(name, (compilation) => {
      compilation.hooks.processAssets.tap({ name, stage }, () => {
        for (const chunk of compilation.chunks) {
          if (chunk.name !== PRE_MINIFIED_CHUNK) continue;
          for (const file of chunk.files) {
            if (/\.js$/.test(file)) compilation.updateAsset(file, (source) => source, { minimized: true });
          }
        }
      });
    });
  }
}

/** Where the two builds go (relative to the repository). */
const WEB_DIR = 'dist/web';
const DEMO_DIR = 'dist/demo';

/** The layer whose modules are compiled for ES5 (the legacy pane and the ribbon's function file). */
const LEGACY_LAYER = 'legacy';
const LEGACY_ENTRY = 'taskpane-legacy';

/** ts-loader for the legacy layer: ES5 out, with downlevelIteration for for-of / spread over Map and Set.
 *  allowJs: the packages the core uses ship newer JavaScript (valibot is ES2020), so they are compiled too. */
function legacyTsLoader(production) {
  return {
    loader: 'ts-loader',
    options: {
      instance: LEGACY_LAYER,
      transpileOnly: true,
      onlyCompileBundledFiles: true,
      compilerOptions: {
        target: 'es5',
        downlevelIteration: true,
        allowJs: true,
        module: 'esnext',
        moduleResolution: 'node',
        sourceMap: !production,
      },
    },
  };
}

/** The script URLs of an entry point, as the page loads them (for the loader in taskpane.html). */
function entryScripts(compilation, name, publicPath) {
  const entry = compilation.entrypoints.get(name);
  if (!entry) return [];
  return entry
    .getFiles()
    .filter((f) => /\.js$/.test(f))
    .map((f) => publicPath + f);
}

/** Prints the gzip size of the legacy pane's scripts after a production build (recorded in the README). */
class LegacySizePlugin {
  apply(compiler) {
    const name = 'LegacySizePlugin';
    const stage = compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT;
    let line = null;
    compiler.hooks.thisCompilation.tap(name, (compilation) => {
      compilation.hooks.processAssets.tap({ name, stage }, () => {
        const zlib = require('zlib');
        const entry = compilation.entrypoints.get(LEGACY_ENTRY);
        if (!entry) return;
        let raw = 0;
        let gzip = 0;
        for (const file of entry.getFiles()) {
          const asset = compilation.getAsset(file);
          if (!asset || !/\.js$/.test(file)) continue;
          const buffer = Buffer.from(asset.source.buffer());
          raw += buffer.length;
          gzip += zlib.gzipSync(buffer, { level: 9 }).length;
        }
        const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
        line = `[selfeval] 旧版任务窗格 / legacy pane (ES5): ${kb(raw)}, gzip ${kb(gzip)}`;
      });
    });
    compiler.hooks.done.tap(name, () => {
      if (line) console.log(line);
    });
  }
}

const HARNESS_ENTRY = path.resolve(__dirname, 'src/harness/index.tsx');
const HARNESS_HTML = path.resolve(__dirname, 'src/harness/harness.html');

/** The public base URL as the manifest needs it: https, ending in "/". Throws with a readable message otherwise. */
function normalisePublicUrl(url) {
  let parsed;
  try {
    parsed = new URL(String(url).trim());
  } catch (err) {
    throw new Error(`ADDIN_PUBLIC_URL 不是有效的网址 / is not a valid URL: "${url}" (${err.message})`);
  }
  if (parsed.protocol !== 'https:') {
    const why = 'Office loads add-ins over https only';
    throw new Error(`ADDIN_PUBLIC_URL 必须以 https:// 开头 / must start with https:// (${why}): "${url}"`);
  }
  if (parsed.search || parsed.hash) {
    throw new Error(`ADDIN_PUBLIC_URL 不能含 ? 或 # / must have no query or fragment: "${url}"`);
  }
  const href = parsed.href;
  return href.endsWith('/') ? href : `${href}/`;
}

/** The manifest with every development URL replaced by the public one (AppDomain entries get its origin). */
function rewriteManifest(xml, publicUrl) {
  const base = normalisePublicUrl(publicUrl);
  const origin = new URL(base).origin;
  return xml.split(DEV_URL).join(base).split(DEV_ORIGIN).join(origin);
}

/** Resolves to the dev server's options: https on localhost, as Office needs. The demo has its own server. */
function devServerOptions() {
  const port = Number(process.env.ADDIN_PORT || process.env.npm_package_config_dev_server_port || DEV_PORT);
  const options = {
    port,
    host: 'localhost',
    headers: { 'Access-Control-Allow-Origin': '*' },
    client: { overlay: { warnings: false, errors: true } },
    hot: false,
    // Only the bundle and the copied files: no folder of the working tree is served.
    static: false,
    liveReload: true,
  };
  // Only when a developer serves: trusts (and on first use installs) a localhost CA for Office to accept.
  const devCerts = require('office-addin-dev-certs');
  return devCerts.getHttpsServerOptions().then((https) => {
    options.server = { type: 'https', options: https };
    return options;
  });
}

/** webpack-cli calls this with `--env` values and the CLI arguments; resolves to the configuration. */
module.exports = (env = {}, argv = {}) => {
  const mode = argv.mode || process.env.NODE_ENV || 'development';
  const production = mode === 'production';
  const publicUrl = process.env.ADDIN_PUBLIC_URL;
  const demo = Boolean(env.demo);
  if (demo && env.WEBPACK_SERVE) {
    const zh = '演示页不由 dev-server 提供，请运行 npm run demo';
    throw new Error(`${zh} / the demo is not served by the dev server: run npm run demo`);
  }
  if (demo && !(fs.existsSync(HARNESS_ENTRY) && fs.existsSync(HARNESS_HTML))) {
    throw new Error(`找不到演示页源文件 / the harness sources are missing: ${HARNESS_ENTRY}`);
  }

  if (production && !demo && !publicUrl) {
    const zh = 'ADDIN_PUBLIC_URL 未设置：dist/web/manifest.xml 仍指向 https://localhost:3000/';
    const en = 'ADDIN_PUBLIC_URL is not set: dist/web/manifest.xml still points at https://localhost:3000/';
    console.warn(`[selfeval] ${zh} / ${en}`);
  }
  const transformManifest = (content) =>
    production && publicUrl ? Buffer.from(rewriteManifest(content.toString('utf8'), publicUrl)) : content;

  const entry = {
    taskpane: './src/taskpane/index.tsx',
    [LEGACY_ENTRY]: { import: './src/taskpane-legacy/index.ts', layer: LEGACY_LAYER },
    // The function file loads in every webview Office uses, IE11 included: ES5 as well.
    commands: { import: './src/commands/commands.ts', layer: LEGACY_LAYER },
    selftest: './src/selftest/index.ts',
  };
  const pages = [
    new HtmlWebpackPlugin({
      filename: 'taskpane.html',
      template: './src/taskpane/taskpane.html',
      // The page's inline loader adds the scripts of one pane or the other (see the template).
      inject: false,
      chunks: ['taskpane', LEGACY_ENTRY],
      templateParameters: (compilation, assets) => ({
        paneScripts: {
          modern: entryScripts(compilation, 'taskpane', assets.publicPath),
          legacy: entryScripts(compilation, LEGACY_ENTRY, assets.publicPath),
        },
      }),
    }),
    // The self-test page, linked from the pane's About area (src/selftest).
    new HtmlWebpackPlugin({
      filename: 'selftest.html',
      template: './src/selftest/selftest.html',
      chunks: ['selftest'],
    }),
    new HtmlWebpackPlugin({
      filename: 'commands.html',
      template: './src/commands/commands.html',
      chunks: ['commands'],
    }),
  ];
  const copies = [
    { from: 'assets/*.png', to: 'assets/[name][ext]' },
    { from: 'src/taskpane/help.html', to: 'help.html' },
  ];
  if (demo) {
    // The harness frames the pane pages built beside it; it has no manifest (Excel never loads the demo).
    entry.harness = HARNESS_ENTRY;
    const harness = { filename: 'harness.html', template: HARNESS_HTML, chunks: ['harness'] };
    pages.push(new HtmlWebpackPlugin(harness));
  } else {
    copies.push({ from: 'manifest.xml', to: 'manifest.xml', transform: transformManifest });
  }

  const config = {
    mode: production ? 'production' : 'development',
    context: __dirname,
    entry,
    output: {
      path: path.resolve(__dirname, demo ? DEMO_DIR : WEB_DIR),
      filename: production ? '[name].[contenthash:8].js' : '[name].js',
      clean: true,
    },
    devtool: production ? false : 'eval-cheap-module-source-map',
    resolve: {
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
      alias: {
        // The browser harness reads .xlsx files with ExcelJS's own browser build.
        exceljs$: require.resolve('exceljs/dist/exceljs.min.js'),
      },
    },
    module: {
      noParse: PRE_MINIFIED,
      rules: [
        {
          // Everything the legacy pane and the function file load, our code and the packages alike: ES5.
          issuerLayer: LEGACY_LAYER,
          test: /\.(tsx?|m?js)$/,
          exclude: [PRE_MINIFIED],
          use: legacyTsLoader(production),
        },
        {
          test: /\.tsx?$/,
          issuerLayer: { not: LEGACY_LAYER },
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              transpileOnly: true,
              onlyCompileBundledFiles: true,
              // ES modules so that webpack can drop the unused parts of Fluent UI.
              compilerOptions: { module: 'esnext', moduleResolution: 'node', sourceMap: !production },
            },
          },
        },
      ],
    },
    plugins: pages.concat([
      new SkipPreMinifiedPlugin(),
      ...(production ? [new LegacySizePlugin()] : []),
      new DefinePlugin(buildDefines()),
      new CopyWebpackPlugin({ patterns: copies }),
    ]),
    optimization: {
      splitChunks: {
        cacheGroups: {
          preMinified: {
            test: PRE_MINIFIED,
            name: PRE_MINIFIED_CHUNK,
            chunks: 'all',
            enforce: true,
            priority: 20,
          },
        },
      },
    },
    performance: {
      hints: production ? 'warning' : false,
      maxAssetSize: 2000000,
      maxEntrypointSize: 2000000,
    },
    stats: production ? 'normal' : 'minimal',
    // The webpack runtime itself in ES5 (the legacy pane's chunk carries it); the modern bundle is unaffected.
    target: ['web', 'es5'],
    experiments: { layers: true },
  };
  if (!env.WEBPACK_SERVE) return Promise.resolve(config);
  return devServerOptions().then((devServer) => {
    config.devServer = devServer;
    return config;
  });
};

module.exports.DEV_URL = DEV_URL;
module.exports.WEB_DIR = WEB_DIR;
module.exports.DEMO_DIR = DEMO_DIR;
module.exports.LEGACY_ENTRY = LEGACY_ENTRY;
module.exports.normalisePublicUrl = normalisePublicUrl;
module.exports.rewriteManifest = rewriteManifest;
