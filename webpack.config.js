// Build of the task pane, modelled on Office's React task-pane template (swc instead of babel).
//
//   npm run build                  → dist/ (production, contenthash names)
//   npm start                      → scripts/start.js: dev server on localhost:3000
//
// Environment:
//   HUIZONG_DIST        output folder (default dist/); the build test points it at a temp dir.
//   HUIZONG_DEV_SERVER  'https' or 'http' (default 'http'); scripts/start.js sets it after
//                       trying office-addin-dev-certs.
//   HUIZONG_CERT_DIR    folder with localhost.key, localhost.crt and ca.crt for https
//                       (default: office-addin-dev-certs' ~/.office-addin-dev-certs).

const os = require('os');
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const fs = require('fs');
const webpack = require('webpack');

/** The example returns and roster, as paths under examples/, for the pane's 示例数据 button. */
function exampleFiles() {
  const root = path.join(__dirname, 'examples');
  const walk = (dir) =>
    fs
      .readdirSync(dir, { withFileTypes: true })
      .flatMap((e) =>
        e.isDirectory() ? walk(path.join(dir, e.name)) : [path.relative(root, path.join(dir, e.name)).split(path.sep).join('/')],
      );
  return fs.existsSync(root) ? walk(root).sort() : [];
}

/**
 * The same files' bytes (base64), for a pane opened from a folder (file://), where fetch cannot
 * read them: only the lazily loaded examplesInline module uses this, so only its chunk holds it.
 */
function exampleData() {
  const root = path.join(__dirname, 'examples');
  return Object.fromEntries(exampleFiles().map((p) => [p, fs.readFileSync(path.join(root, ...p.split('/'))).toString('base64')]));
}

const PORT = 3000;

/** Modules every page needs at once; kept in their own long-cached chunks. */
const initialVendors = {
  react: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/,
  fluent:
    /[\\/]node_modules[\\/](@fluentui|@griffel|@floating-ui|tabster|keyborg|@swc[\\/]helpers|tslib|use-sync-external-store|rtl-css-js|stylis|@emotion)[\\/]/,
};

function devServerTransport() {
  if (process.env.HUIZONG_DEV_SERVER !== 'https') return { type: 'http' };
  const dir = process.env.HUIZONG_CERT_DIR || path.join(os.homedir(), '.office-addin-dev-certs');
  // webpack-dev-server reads these paths itself.
  return {
    type: 'https',
    options: {
      key: path.join(dir, 'localhost.key'),
      cert: path.join(dir, 'localhost.crt'),
      ca: path.join(dir, 'ca.crt'),
    },
  };
}

module.exports = (_env = {}, argv = {}) => {
  const dev = argv.mode !== 'production';

  return {
    context: __dirname,
    mode: dev ? 'development' : 'production',
    devtool: dev ? 'eval-cheap-module-source-map' : 'source-map',
    entry: {
      taskpane: './src/taskpane/index.tsx',
    },
    output: {
      path: path.resolve(__dirname, process.env.HUIZONG_DIST || 'dist'),
      filename: dev ? '[name].js' : '[name].[contenthash:8].js',
      chunkFilename: dev ? '[name].js' : '[name].[contenthash:8].js',
      clean: true,
    },
    resolve: {
      // forms/*.json are imported with their extension; webpack parses JSON natively.
      extensions: ['.ts', '.tsx', '.js'],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'swc-loader',
            options: {
              swcrc: false,
              jsc: {
                parser: { syntax: 'typescript', tsx: true },
                transform: { react: { runtime: 'automatic', development: dev } },
                target: 'es2020',
              },
            },
          },
        },
        {
          test: /\.(png|jpe?g|gif|ico|woff2?)$/,
          type: 'asset/resource',
          generator: { filename: 'assets/[name][ext][query]' },
        },
      ],
    },
    optimization: {
      runtimeChunk: 'single',
      splitChunks: {
        // The roll-up worker's own script is one file, not split with the pane's: a worker loads
        // each of its chunks in turn before it starts (~40 ms of a first roll-up as five files).
        // Its on-demand chunks (SheetJS, exceljs) are split as any.
        chunks: (chunk) => chunk.name !== 'rollup-worker',
        cacheGroups: {
          // 'initial' only: a module reached only through import() (xlsx, exceljs) must stay in
          // its own on-demand chunk instead of being pulled into these named, always-loaded ones.
          react: { test: initialVendors.react, name: 'react', chunks: 'initial', priority: 20, enforce: true },
          fluent: { test: initialVendors.fluent, name: 'fluent', chunks: 'initial', priority: 10, enforce: true },
        },
      },
    },
    performance: dev ? false : { hints: 'warning', maxEntrypointSize: 1024 * 1024, maxAssetSize: 768 * 1024 },
    plugins: [
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane'],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*', to: 'assets/[name][ext]' },
          { from: 'manifest.xml', to: 'manifest.xml' },
          // 示例数据: the bundled example returns, so a newcomer can try the roll-up at once.
          { from: 'examples', to: 'examples' },
        ],
      }),
      new webpack.DefinePlugin({ HUIZONG_EXAMPLES: JSON.stringify(exampleFiles()), HUIZONG_EXAMPLE_DATA: JSON.stringify(exampleData()) }),
    ],
    devServer: {
      port: PORT,
      host: 'localhost',
      hot: true,
      static: false,
      headers: { 'Access-Control-Allow-Origin': '*' },
      server: devServerTransport(),
      client: { overlay: { errors: true, warnings: false } },
    },
  };
};
