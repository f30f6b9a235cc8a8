// Build of the browser bench page (bench.html) for scripts/bench-browser.ts: the Excel-mode
// harness's config (tests/browser/excel-harness/webpack.harness.js — itself the project's
// webpack.config.js plus the swc rule that lets the Office.js test double run in a page) with
// another entry, another page and another output folder. Loaders, chunk splitting and the
// roll-up worker are therefore the pane's own; the examples are not copied (not used here).
//
//   HUIZONG_BENCH_DIST=/tmp/x npx webpack --config scripts/bench-page/webpack.bench.js --mode production
//
// Environment:
//   HUIZONG_BENCH_DIST  output folder (default: <tmp>/huizong-bench-page).

const os = require('os');
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const harnessConfig = require('../../tests/browser/excel-harness/webpack.harness.js');

const BENCH_HTML = `<!doctype html>
<html lang="zh-CN">
  <head><meta charset="utf-8" /><title>汇总 · 浏览器性能测试</title></head>
  <body><p>bench page: driven by scripts/bench-browser.ts</p></body>
</html>
`;

module.exports = (env = {}, argv = {}) => {
  const base = harnessConfig(env, argv);
  const dist = path.resolve(process.env.HUIZONG_BENCH_DIST || path.join(os.tmpdir(), 'huizong-bench-page'));
  return {
    ...base,
    entry: { bench: path.resolve(__dirname, 'entry.ts') },
    output: { ...base.output, path: dist },
    // No source maps: they only lengthen the build, and nothing reads them here.
    devtool: false,
    plugins: [
      ...base.plugins.filter((plugin) => !(plugin instanceof HtmlWebpackPlugin) && !(plugin instanceof CopyWebpackPlugin)),
      new HtmlWebpackPlugin({ filename: 'bench.html', templateContent: BENCH_HTML, chunks: ['bench'] }),
    ],
    performance: false,
  };
};
