// Build of the Excel-mode harness page (harness.html): the project's webpack.config.js with
// another entry (./index.tsx: the pane on the Office.js TEST DOUBLE, not on Excel), another
// page and another output folder. Everything else — loaders, chunks, the roll-up worker, the
// copied examples, HUIZONG_EXAMPLES — is the project's own.
//
//   HUIZONG_HARNESS_DIST=/tmp/x npx webpack --config tests/browser/excel-harness/webpack.harness.js --mode production
//
// Environment:
//   HUIZONG_HARNESS_DIST  output folder (default: <tmp>/huizong-excel-harness).
//
// The double and its scenarios are test code written for Node; to run them in the page:
//   - tests/helpers/workbooks.ts (the scenarios' row helpers) also writes files: its fs, os and
//     path imports become empty modules and iconv-lite is left out (none is called here);
//   - the double sizes requests with Buffer.byteLength: in excelDouble.ts alone (swc's
//     optimizer.globals), that expression becomes a TextEncoder count — the same UTF-8 byte
//     count. No global Buffer is defined, so SheetJS and exceljs keep their browser paths.
//     (webpack's DefinePlugin does not replace a member that is called, hence swc.)

const os = require('os');
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const projectConfig = require('../../../webpack.config.js');

const HARNESS_HTML = `<!doctype html>
<html lang="zh-CN">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>汇总 · Excel 模式（测试替身，不是 Excel）</title>
    <style>html, body { margin: 0; padding: 0; }</style>
    <link rel="icon" type="image/png" href="assets/icon-32.png" />
  </head>
  <body>
    <div id="container"></div>
  </body>
</html>
`;

const DOUBLE = path.resolve(__dirname, '../../excel/excelDouble.ts');
const BYTE_LENGTH = '((text) => new TextEncoder().encode(String(text)).length)';

/** The project's swc rule, minus the double; and the same rule for the double, with Buffer.byteLength replaced. */
function swcRules(rules) {
  const swc = rules.find((rule) => rule.use && rule.use.loader === 'swc-loader');
  if (!swc) throw new Error('webpack.config.js has no swc-loader rule any more: update webpack.harness.js');
  const options = swc.use.options;
  const forDouble = {
    test: DOUBLE,
    use: {
      loader: 'swc-loader',
      options: {
        ...options,
        jsc: {
          ...options.jsc,
          transform: { ...options.jsc.transform, optimizer: { globals: { vars: { 'Buffer.byteLength': BYTE_LENGTH } } } },
        },
      },
    },
  };
  return rules.map((rule) => (rule === swc ? { ...swc, exclude: [swc.exclude, DOUBLE].filter(Boolean) } : rule)).concat(forDouble);
}

module.exports = (env = {}, argv = {}) => {
  const base = projectConfig(env, argv);
  const dist = path.resolve(process.env.HUIZONG_HARNESS_DIST || path.join(os.tmpdir(), 'huizong-excel-harness'));
  return {
    ...base,
    entry: { harness: path.resolve(__dirname, 'index.tsx') },
    output: { ...base.output, path: dist },
    module: { ...base.module, rules: swcRules(base.module.rules) },
    resolve: {
      ...base.resolve,
      alias: { ...(base.resolve && base.resolve.alias), 'iconv-lite': false },
      fallback: { ...(base.resolve && base.resolve.fallback), fs: false, os: false, path: false },
    },
    plugins: [
      ...base.plugins.filter((plugin) => !(plugin instanceof HtmlWebpackPlugin)),
      new HtmlWebpackPlugin({ filename: 'harness.html', templateContent: HARNESS_HTML, chunks: ['harness'] }),
    ],
    // A test page: the double and the scenarios' helpers make it larger than the pane.
    performance: false,
  };
};
