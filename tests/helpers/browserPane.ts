/**
 * What a browser test of the task pane needs: Debian's Chromium (never downloaded), one
 * production build (or HUIZONG_PANE_DIST's), and a static server on 127.0.0.1 that records
 * the paths asked for. For tests/browser/*.test.ts.
 */
import { execFile } from 'child_process';
import fs from 'fs';
import http from 'http';
import type { AddressInfo } from 'net';
import os from 'os';
import path from 'path';
import { promisify } from 'util';
import { isCI } from './libreoffice';

export const root = path.resolve(__dirname, '../..');
export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
export const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
export const BUILD_TIMEOUT_MS = 15 * 60 * 1000;
export const MISSING_CHROMIUM_MESSAGE = `Chromium is missing (${CHROMIUM}): .ci/run installs Debian's chromium`;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** `describe` that needs Chromium: skipped locally without it (said once), a failure under CI. */
export function describeWithChromium(name: string, fn: () => void): void {
  if (fs.existsSync(CHROMIUM)) describe(name, fn);
  else if (isCI())
    describe(name, () => {
      it('needs Chromium', () => {
        throw new Error(MISSING_CHROMIUM_MESSAGE);
      });
    });
  else {
    console.warn(`Skipping the browser tests: ${MISSING_CHROMIUM_MESSAGE}`);
    describe.skip(name, fn);
  }
}

/**
 * The production build to test: `envDist`'s folder when set, or one made now (removed by
 * `done`) — the pane's (webpack.config.js), or the Excel-mode harness's with `config`.
 */
export async function paneBuild(
  options: { config?: string; envDist?: string; outputVar?: string } = {},
): Promise<{ dist: string; done: () => void }> {
  const given = process.env[options.envDist ?? 'HUIZONG_PANE_DIST'];
  if (given) return { dist: path.resolve(given), done: () => {} };
  const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'huizong-dist-'));
  const cli = require.resolve('webpack-cli/bin/cli.js', { paths: [root] });
  await promisify(execFile)(process.execPath, [cli, ...(options.config ? ['--config', options.config] : []), '--mode', 'production'], {
    cwd: root,
    env: { ...process.env, [options.outputVar ?? 'HUIZONG_DIST']: dist },
    timeout: BUILD_TIMEOUT_MS,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { dist, done: () => fs.rmSync(dist, { recursive: true, force: true }) };
}

/** Serves the files under `dir` (GET only, nothing outside it) on 127.0.0.1; records the paths asked for. */
export async function serveStatic(dir: string, requested: string[]): Promise<{ origin: string; close: () => Promise<void> }> {
  const base = path.resolve(dir);
  const server = http.createServer((req, res) => {
    const fail = (status: number) => {
      res.writeHead(status);
      res.end(String(status));
    };
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    } catch {
      return fail(400);
    }
    requested.push(pathname);
    const file = path.resolve(base, '.' + pathname);
    if (req.method !== 'GET' || !file.startsWith(base + path.sep)) return fail(403);
    fs.stat(file, (error, stat) => {
      if (error || !stat.isFile()) return fail(404);
      res.writeHead(200, {
        'Content-Type': CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
        'Content-Length': stat.size,
        'Cache-Control': 'no-store',
      });
      fs.createReadStream(file).pipe(res);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
