#!/usr/bin/env node
// npm start: the task pane on https://localhost:3000 (or http:// when no trusted certificate
// can be made), with webpack-dev-server.
//
// HTTPS needs a localhost certificate whose CA the system trusts; office-addin-dev-certs makes
// one and installs the CA (Windows: a prompt; macOS: the keychain; Linux: sudo). When that fails
// (no sudo, CI, a locked-down PC) the pane is served over http, which a plain browser accepts
// but Office does not. Set HUIZONG_DEV_SERVER=http to skip the certificate step, or
// HUIZONG_DEV_SERVER=https to use whatever certificate files exist even if their CA is not trusted.
// HUIZONG_START_CHECK_ONLY=1 stops after the port check (exit 0 when free) and HUIZONG_PORT names
// the port to check: the tests use them so that no dev server is ever started by a test.
// HUIZONG_DEBUG=1 prints the raw error after the catalogue's message when npm start fails.
'use strict';

const path = require('path');
const os = require('os');
const fs = require('fs');

const CHECK_ONLY = process.env.HUIZONG_START_CHECK_ONLY === '1';
// The manifest and webpack.config.js serve on 3000: another port only makes sense for the check.
const PORT = CHECK_ONLY && process.env.HUIZONG_PORT ? Number(process.env.HUIZONG_PORT) : 3000;
const root = path.resolve(__dirname, '..');
const certDir = process.env.HUIZONG_CERT_DIR || path.join(os.homedir(), '.office-addin-dev-certs');
const certFiles = ['localhost.key', 'localhost.crt', 'ca.crt'].map((name) => path.join(certDir, name));

async function chooseTransport() {
  const wanted = process.env.HUIZONG_DEV_SERVER;
  if (wanted === 'http') return { type: 'http', reason: 'HUIZONG_DEV_SERVER=http' };
  try {
    // Makes the certificates if needed and installs their CA; throws when it cannot.
    await require('office-addin-dev-certs').ensureCertificatesAreInstalled();
    return { type: 'https' };
  } catch (err) {
    const reason = String((err && err.message) || err).trim();
    if (wanted === 'https' && certFiles.every((file) => fs.existsSync(file))) {
      return { type: 'https', reason: `${reason} (HUIZONG_DEV_SERVER=https: using the untrusted certificate anyway)` };
    }
    return { type: 'http', reason };
  }
}

function banner(type, reason) {
  const origin = `${type}://localhost:${PORT}`;
  const lines = [
    '',
    '────────────────────────────────────────────────────────────',
    ` 汇总 Huizong 任务窗格 / task pane:  ${origin}/taskpane.html`,
    '────────────────────────────────────────────────────────────',
  ];
  if (type === 'https') {
    lines.push(
      ' 在 Excel 中旁加载 / Sideload into Excel:',
      `   manifest: ${path.join(root, 'manifest.xml')}`,
      '   Excel: 插入 → 加载项 → 我的加载项 → 上载我的加载项（选 manifest.xml）',
      '          Insert → Add-ins → My Add-ins → Upload My Add-in (pick manifest.xml)',
      '   或 / or: npx office-addin-debugging start manifest.xml  (不是本项目的依赖 / not a dependency)',
      '   详见 / see docs/addin.md',
    );
  } else {
    lines.push(
      ' ⚠ 没有可信的 localhost 证书，改用 http。Excel 只加载 https 的加载项，',
      '   因此现在只能在普通浏览器中打开上面的地址，使用文件功能。',
      ' ⚠ No trusted localhost certificate, serving over http. Excel loads add-ins over https',
      '   only, so open the address above in a plain browser for the file features.',
      `   原因 / reason: ${reason}`,
      '   要用 https：运行 npx office-addin-dev-certs install（需要管理员权限），再 npm start。',
      '   For https: run npx office-addin-dev-certs install (needs admin rights), then npm start.',
    );
  }
  lines.push(' 按 Ctrl+C 停止 / Ctrl+C to stop', '');
  console.log(lines.join('\n'));
}

/** True when something already listens on the port (another npm start, say). */
function portBusy(port) {
  return new Promise((resolve) => {
    const probe = require('net').createServer();
    probe.once('error', (err) => resolve(err && err.code === 'EADDRINUSE'));
    probe.once('listening', () => probe.close(() => resolve(false)));
    probe.listen(port, 'localhost');
  });
}

/** The catalogue's message (both languages: a terminal has no language setting we trust). */
function catalogueMessage(code) {
  // The catalogue is TypeScript: tsx (a dependency) loads it, as npm run huizong does the CLI.
  const { messageFor } = require('tsx/cjs/api').require('../src/core/issues/catalogue.ts', path.join(__dirname, 'start.js'));
  const params = { port: PORT };
  return ['', ` ✗ ${messageFor(code, params, 'zh-CN')}`, ` ✗ ${messageFor(code, params, 'en')}`, ''].join('\n');
}

async function main() {
  if (await portBusy(PORT)) {
    console.error(catalogueMessage('devserver.port-busy'));
    process.exit(1);
  }
  if (CHECK_ONLY) process.exit(0);
  const { type, reason } = await chooseTransport();
  process.env.HUIZONG_DEV_SERVER = type;
  process.env.HUIZONG_CERT_DIR = certDir;

  const webpack = require('webpack');
  const WebpackDevServer = require('webpack-dev-server');
  const config = require(path.join(root, 'webpack.config.js'))({ WEBPACK_SERVE: true }, { mode: 'development' });

  const server = new WebpackDevServer(config.devServer, webpack(config));
  await server.start();
  banner(type, reason);

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    server.stop().finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err) => {
  if (err && err.code === 'EADDRINUSE') {
    console.error(catalogueMessage('devserver.port-busy'));
    process.exit(1);
  }
  console.error(catalogueMessage('devserver.start-failed'));
  // A library's own words are for whoever maintains the add-in, and only when asked for.
  if (process.env.HUIZONG_DEBUG === '1') console.error(err && err.stack ? err.stack : err);
  process.exit(1);
});
