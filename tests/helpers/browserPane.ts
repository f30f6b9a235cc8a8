/**
 * What a browser test of the task pane needs: Debian's Chromium (never downloaded), one
 * production build (or HUIZONG_PANE_DIST's), and a static server on 127.0.0.1 that records
 * the paths asked for (`servePane`: all three); pages on it with every other origin refused
 * (`openPage`); the CLI's roll-up of the same files, to compare with (`cliRollup`). For
 * tests/browser/*.test.ts.
 */
import { execFile } from 'child_process';
import fs from 'fs';
import http from 'http';
import type { AddressInfo } from 'net';
import os from 'os';
import path from 'path';
import { promisify } from 'util';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
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
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.svg': 'image/svg+xml',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.xlsm': 'application/vnd.ms-excel.sheet.macroEnabled.12',
  '.xls': 'application/vnd.ms-excel',
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

/** Serves the files under `dir` (GET and HEAD only, nothing outside it) on 127.0.0.1; records the paths asked for. */
export async function serveStatic(dir: string, requested: string[]): Promise<{ origin: string; close: () => Promise<void> }> {
  const base = path.resolve(dir);
  const server = http.createServer((req, res) => {
    const fail = (status: number) => {
      res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(String(status));
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return fail(405);
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    } catch {
      return fail(400);
    }
    requested.push(pathname);
    const file = path.resolve(base, '.' + pathname);
    if (!file.startsWith(base + path.sep)) return fail(403);
    fs.stat(file, (error, stat) => {
      if (error || !stat.isFile()) return fail(404);
      res.writeHead(200, {
        'Content-Type': CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
        'Content-Length': stat.size,
        'Cache-Control': 'no-store',
      });
      if (req.method === 'HEAD') return res.end();
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

/** A build served on 127.0.0.1 and Chromium to open it in. */
export interface ServedPane {
  browser: Browser;
  origin: string;
  /** The build's folder. */
  dist: string;
  /** The paths asked of the server, in order (a test may empty it). */
  requested: string[];
  /** Closes the browser and the server, and removes a build made for the test. */
  close(): Promise<void>;
}

/** `paneBuild(build)`, served (`serveStatic`), and Chromium launched: for a test's beforeAll. */
export async function servePane(build: Parameters<typeof paneBuild>[0] = {}): Promise<ServedPane> {
  const made = await paneBuild(build);
  const requested: string[] = [];
  let server: Awaited<ReturnType<typeof serveStatic>> | undefined;
  try {
    server = await serveStatic(made.dist, requested);
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    const served = server;
    return {
      browser,
      origin: served.origin,
      dist: made.dist,
      requested,
      close: async () => {
        await browser.close();
        await served.close();
        made.done();
      },
    };
  } catch (error) {
    await server?.close();
    made.done();
    throw error;
  }
}

/** A page of its own context, errors thrown on it collected. */
export interface OpenPage {
  context: BrowserContext;
  page: Page;
  pageErrors: string[];
}

/**
 * A fresh context (`options`) and a page in it on which every origin but the server's is
 * refused as if offline (office.js from Office's CDN among them), each such address told to
 * `onForeign`. The page is not navigated: the test goes where it means to.
 */
export async function openPage(
  served: ServedPane,
  options: BrowserContextOptions,
  onForeign: (url: string) => void = () => {},
): Promise<OpenPage> {
  const context = await served.browser.newContext(options);
  const page = await context.newPage();
  const open: OpenPage = { context, page, pageErrors: [] };
  page.on('pageerror', (error) => open.pageErrors.push(`${error.name}: ${error.message}`));
  await page.route(
    (url) => (url.protocol === 'http:' || url.protocol === 'https:') && url.origin !== served.origin,
    (route) => {
      onForeign(route.request().url());
      return route.abort('internetdisconnected');
    },
  );
  return open;
}

/** What `huizong rollup --json` reports, as far as the browser tests compare the pane with it. */
export interface CliReport {
  totals: Record<string, number>;
  rows: { status: string; values: Record<string, unknown> }[];
  files: { file: string; status: string; reason: string | null }[];
  units: { unit: string; status: string }[];
  issues: { rule: string }[];
}

/**
 * The CLI's roll-up of the files `names` in `dir` as activity-summary, with `roster` and the
 * 2024-03-25 deadline (`extra` options besides), written to `out`: what the pane is asked for.
 */
export async function cliRollup(dir: string, names: string[], roster: string, out: string, extra: string[] = []): Promise<CliReport> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [
      path.join(root, 'bin/huizong.js'),
      'rollup',
      ...names,
      '--form',
      'activity-summary',
      '--roster',
      roster,
      '--deadline',
      '2024-03-25',
      ...extra,
      '--json',
      '--out',
      out,
    ],
    { cwd: dir, maxBuffer: 64 * 1024 * 1024, timeout: BUILD_TIMEOUT_MS },
  );
  return JSON.parse(stdout) as CliReport;
}
