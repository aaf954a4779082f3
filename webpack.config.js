// Builds the add-in's web pages: the task pane, the ribbon's function file and (when present) the browser harness.
//   npm run build         production bundle in dist/, manifest URLs rewritten to $ADDIN_PUBLIC_URL
//   npm run build:dev     development bundle
//   npm run dev-server    https://localhost:3000 with office-addin-dev-certs (or plain http on 127.0.0.1 with
//                         `npm run dev-server -- --env http` or ADDIN_HTTP=1, for the browser harness)
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

/** Resolves to the dev server's options. */
function devServerOptions(env) {
  const plainHttp = Boolean(env.http) || process.env.ADDIN_HTTP === '1';
  const port = Number(process.env.ADDIN_PORT || process.env.npm_package_config_dev_server_port || DEV_PORT);
  const options = {
    port,
    host: plainHttp ? '127.0.0.1' : 'localhost',
    headers: { 'Access-Control-Allow-Origin': '*' },
    client: { overlay: { warnings: false, errors: true } },
    hot: false,
    // Only the bundle and the copied files: no folder of the working tree is served.
    static: false,
    liveReload: true,
  };
  if (plainHttp) {
    options.server = 'http';
    // The browser harness opens the bundled sample from /examples/.
    options.static = [
      { directory: path.resolve(__dirname, 'examples'), publicPath: '/examples', watch: false },
    ];
    return Promise.resolve(options);
  }
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
  const withHarness = fs.existsSync(HARNESS_ENTRY) && fs.existsSync(HARNESS_HTML);

  if (production && !publicUrl) {
    const zh = 'ADDIN_PUBLIC_URL 未设置：dist/web/manifest.xml 仍指向 https://localhost:3000/';
    const en = 'ADDIN_PUBLIC_URL is not set: dist/web/manifest.xml still points at https://localhost:3000/';
    console.warn(`[selfeval] ${zh} / ${en}`);
  }
  const transformManifest = (content) =>
    production && publicUrl ? Buffer.from(rewriteManifest(content.toString('utf8'), publicUrl)) : content;

  const entry = {
    taskpane: './src/taskpane/index.tsx',
    commands: './src/commands/commands.ts',
  };
  const pages = [
    new HtmlWebpackPlugin({
      filename: 'taskpane.html',
      template: './src/taskpane/taskpane.html',
      chunks: ['taskpane'],
    }),
    new HtmlWebpackPlugin({
      filename: 'commands.html',
      template: './src/commands/commands.html',
      chunks: ['commands'],
    }),
  ];
  if (withHarness) {
    entry.harness = HARNESS_ENTRY;
    const harness = { filename: 'harness.html', template: HARNESS_HTML, chunks: ['harness'] };
    pages.push(new HtmlWebpackPlugin(harness));
  }

  const config = {
    mode: production ? 'production' : 'development',
    context: __dirname,
    entry,
    output: {
      path: path.resolve(__dirname, 'dist/web'),
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
          test: /\.tsx?$/,
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
      new DefinePlugin(buildDefines()),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          { from: 'src/taskpane/help.html', to: 'help.html' },
          { from: 'manifest.xml', to: 'manifest.xml', transform: transformManifest },
        ],
      }),
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
  };
  if (!env.WEBPACK_SERVE) return Promise.resolve(config);
  return devServerOptions(env).then((devServer) => {
    config.devServer = devServer;
    return config;
  });
};

module.exports.DEV_URL = DEV_URL;
module.exports.normalisePublicUrl = normalisePublicUrl;
module.exports.rewriteManifest = rewriteManifest;
