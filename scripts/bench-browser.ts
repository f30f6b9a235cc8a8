/**
 * `npx tsx scripts/bench-browser.ts` (and `npm run bench`): the roll-up in a real browser.
 * 200 realistic activity-summary returns rolled up in Chromium (playwright-core, Debian's
 * /usr/bin/chromium, never downloaded) by the pane's own path — startRollup(): a Web Worker
 * from the built bundle given a RollupRequest, until 'done' — against the same files merely
 * unzipped with fflate in a worker of the same page. Also the context.sync() count of writing
 * that roll-up into the workbook, on the Office.js TEST DOUBLE in the page (Excel does not run).
 *
 * One production build of scripts/bench-page/ (the pane's webpack config, another entry) into
 * a temp folder, served with the returns on 127.0.0.1; every other origin is refused. The
 * returns are fetched into the page before any clock starts. Median of 3 interleaved rounds
 * after a warm-up round; each run is timed as the first after the pane opens: as the pane runs
 * it (its worker started by the peek at the chosen files, untimed; the roll-up timed from the
 * moment it is asked for) and from a cold start (a new worker, timed from before it is made).
 *
 * HUIZONG_BENCH_PAGE_DIST=<folder of an existing build of scripts/bench-page> skips the build
 * (the folder is then left alone).
 */
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import type { AddressInfo } from 'net';
import * as os from 'os';
import * as path from 'path';
import { promisify } from 'util';
import * as XLSX from '@e965/xlsx';
import { chromium, type Browser } from 'playwright-core';
import { shippedForm } from '../src/core/definitions/shipped';
import type { CellValue } from '../src/core/values/types';
import { activityRow, idsOf, labelsOf } from '../tests/helpers/workbooks';
import type { FloorStats, RollupStats, SheetsStats } from './bench-page/entry';
import { CHROMIUM, CHROMIUM_ARGS } from '../tests/helpers/browserPane';

const root = path.resolve(__dirname, '..');
const BENCH_CONFIG = path.join(__dirname, 'bench-page/webpack.bench.js');
const BUILD_TIMEOUT_MS = 8 * 60_000;
const PAGE_TIMEOUT_MS = 5 * 60_000;
const RETURNS = 200;
const ROUNDS = 3;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const fmt = (ms: number) => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));
const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;

// ── The returns ─────────────────────────────────────────────────────────────────────────────

const YEAR = 2024;
const SHEET = shippedForm('activity-summary')!.sheet?.name ?? '活动数据汇总';
const TITLE = `${YEAR}年女职工维权行动月活动数据汇总表`;

interface Return {
  name: string;
  modified: number;
  bytes: Uint8Array;
  units: number;
}

/**
 * One district's or system union's return as units send them: the title row merged over the
 * table, the real header, 3–30 unit rows; every 4th ends with a 合计 row (equal to the sum of
 * its rows, as checked by the roll-up, never added) and every 5th with a note row.
 */
export function returnFile(index: number, labels: string[], ids: string[]): Return {
  const units = 3 + ((index * 11) % 28);
  const district = `第${index + 1}街道`;
  const rows: CellValue[][] = [[TITLE], labels];
  for (let u = 0; u < units; u++) {
    rows.push(
      activityRow(
        {
          unitName: `${district}第${u + 1}基层工会`,
          unitLevel: '基层工会',
          parentUnit: `${district}总工会`,
          contactPerson: '孔迪',
          contactEmail: `unit${index}x${u}@example.com`,
          fillDate: `${YEAR}-03-${String(15 + ((index + u) % 10)).padStart(2, '0')}`,
          publicityEvents: 10 + ((index + u) % 7),
        },
        ids,
      ),
    );
  }
  if (index % 4 === 0) {
    // Only the integer columns are summed; the text columns of a 合计 row stay empty.
    const details = rows.slice(2);
    rows.push(
      ids.map((id, c) =>
        id === 'unitName'
          ? '合计'
          : details.every((r) => typeof r[c] === 'number')
            ? details.reduce((n, r) => n + (r[c] as number), 0)
            : null,
      ),
    );
  }
  if (index % 5 === 0) rows.push(['注：以上数据截至3月20日，由街道女职工委员会统计。']);
  const sheet = XLSX.utils.aoa_to_sheet(rows);
  sheet['!merges'] = [{ s: { r: 0, c: 0 }, e: { r: 0, c: labels.length - 1 } }];
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, SHEET);
  const bytes = new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer);
  return { name: `returns/${district}.xlsx`, modified: Date.UTC(YEAR, 2, 20) + index * 60_000, bytes, units };
}

// ── The server ──────────────────────────────────────────────────────────────────────────────

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
};

/**
 * The build under `/` and the returns under `/returns/<index>` (GET only, nothing else).
 * Scripts may be cached, as a deployed pane's are: each run's new worker then loads its
 * script as it would in a user's second roll-up, not over the wire again.
 */
function serve(dist: string, returns: readonly Return[], scripts: string[]): http.Server {
  const base = path.resolve(dist);
  return http.createServer((req, res) => {
    const fail = (status: number) => {
      res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(String(status));
    };
    if (req.method !== 'GET') return fail(405);
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    } catch {
      return fail(400);
    }
    const match = /^\/returns\/(\d+)$/.exec(pathname);
    if (match) {
      const file = returns[Number(match[1])];
      if (!file) return fail(404);
      res.writeHead(200, {
        'Content-Type': 'application/octet-stream',
        'Content-Length': file.bytes.length,
        'X-Huizong-Name': encodeURIComponent(file.name),
        'X-Huizong-Modified': String(file.modified),
        'Cache-Control': 'no-store',
      });
      return res.end(file.bytes);
    }
    const file = path.resolve(base, '.' + pathname);
    if (!file.startsWith(base + path.sep)) return fail(403);
    fs.readFile(file, (error, data) => {
      if (error) return fail(404);
      if (file.endsWith('.js')) scripts.push(file);
      res.writeHead(200, {
        'Content-Type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
        'Cache-Control': 'max-age=3600',
      });
      res.end(data);
    });
  });
}

async function listen(server: http.Server): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function build(dist: string): Promise<number> {
  const started = performance.now();
  const cli = require.resolve('webpack-cli/bin/cli.js', { paths: [root] });
  await promisify(execFile)(process.execPath, [cli, '--config', BENCH_CONFIG, '--mode', 'production'], {
    cwd: root,
    env: { ...process.env, HUIZONG_BENCH_DIST: dist },
    timeout: BUILD_TIMEOUT_MS,
    maxBuffer: 64 * 1024 * 1024,
  });
  return performance.now() - started;
}

// ── The bench ───────────────────────────────────────────────────────────────────────────────

const describe = (s: RollupStats) =>
  `${s.accepted} accepted, ${s.rejected} rejected, ${s.counted} rows counted, ${s.superseded} superseded, ${s.errors} error / ${s.warnings} other issues`;

export async function benchBrowser(): Promise<void> {
  if (!fs.existsSync(CHROMIUM))
    throw new Error(
      `bench-browser: Chromium is missing (${CHROMIUM}); install Debian's chromium (apt-get install chromium) — it is never downloaded`,
    );
  const began = performance.now();

  const labels = labelsOf('activity-summary');
  const ids = idsOf('activity-summary');
  const genStarted = performance.now();
  const returns = Array.from({ length: RETURNS }, (_, i) => returnFile(i, labels, ids));
  const totalBytes = returns.reduce((n, r) => n + r.bytes.length, 0);
  const totalUnits = returns.reduce((n, r) => n + r.units, 0);
  console.log(
    `browser: ${RETURNS} activity-summary .xlsx returns (title row + header + 3–30 unit rows, ${totalUnits} unit rows in all, a 合计 row in every 4th, a note in every 5th), ` +
      `${kb(totalBytes)} (${(totalBytes / RETURNS / 1024).toFixed(1)} KB each on average), generated in ${fmt(performance.now() - genStarted)} ms`,
  );

  const given = process.env.HUIZONG_BENCH_PAGE_DIST;
  const dist = given ? path.resolve(given) : fs.mkdtempSync(path.join(os.tmpdir(), 'huizong-bench-page-'));
  let server: http.Server | undefined;
  let browser: Browser | undefined;
  try {
    if (given) console.log(`browser: using the existing build in ${dist} (HUIZONG_BENCH_PAGE_DIST)`);
    else
      console.log(
        `browser: production build of scripts/bench-page (the pane's webpack config, roll-up worker included) in ${((await build(dist)) / 1000).toFixed(1)} s`,
      );

    const scripts: string[] = [];
    server = serve(dist, returns, scripts);
    const origin = await listen(server);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    page.setDefaultTimeout(PAGE_TIMEOUT_MS);
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(`${error.name}: ${error.message}`));
    await context.route(
      (url) => url.origin !== origin,
      (route) => route.abort('internetdisconnected'),
    );
    await page.goto(`${origin}/bench.html`, { waitUntil: 'load' });
    await page.waitForFunction(() => window.__huizongBench !== undefined);

    /** One call into the page, with the page's own errors in the message when it fails. */
    const call = async <T>(run: () => Promise<T>): Promise<T> => {
      try {
        return await run();
      } catch (error) {
        throw new Error(
          `bench-browser: the page failed: ${error instanceof Error ? error.message : String(error)}${pageErrors.length ? ` (page errors: ${pageErrors.join('; ')})` : ''}`,
          { cause: error },
        );
      }
    };
    const loaded = await call(() => page.evaluate((count) => window.__huizongBench!.load(count), RETURNS));
    if (loaded.files !== RETURNS || loaded.bytes !== totalBytes)
      throw new Error(`bench-browser: the page holds ${loaded.files} files, ${loaded.bytes} bytes`);
    console.log(`browser: the ${RETURNS} files fetched into the page from 127.0.0.1 in ${fmt(loaded.ms)} ms (not timed below)`);

    const rollupBare = () => call(() => page.evaluate(() => window.__huizongBench!.rollup(false, 'pane')));
    const rollupCold = () => call(() => page.evaluate(() => window.__huizongBench!.rollup(false, 'cold')));
    const rollupBook = () => call(() => page.evaluate(() => window.__huizongBench!.rollup(true, 'pane')));
    const rollupEmpty = () => call(() => page.evaluate(() => window.__huizongBench!.rollup(false, 'cold', 0)));
    const unzip = () => call(() => page.evaluate(() => window.__huizongBench!.floor('unzip')));
    const scan = () => call(() => page.evaluate(() => window.__huizongBench!.floor('scan')));

    // Warm-up round: the scripts into the cache, the page's own JIT. The scripts the first
    // roll-up worker asks for are what the pane's worker loads for a roll-up in Excel mode.
    const before = scripts.length;
    await rollupCold();
    const workerBytes = scripts.slice(before).reduce((n, file) => n + fs.statSync(file).size, 0);
    await rollupBare();
    await rollupBook();
    await unzip();
    await scan();
    await rollupEmpty();

    const bare: RollupStats[] = [];
    const colds: RollupStats[] = [];
    const book: RollupStats[] = [];
    const unzips: FloorStats[] = [];
    const scans: FloorStats[] = [];
    const empties: RollupStats[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      empties.push(await rollupEmpty());
      bare.push(await rollupBare());
      unzips.push(await unzip());
      colds.push(await rollupCold());
      book.push(await rollupBook());
      scans.push(await scan());
    }
    const sheets: SheetsStats = await call(() => page.evaluate(() => window.__huizongBench!.writeSheets()));
    if (pageErrors.length) throw new Error(`bench-browser: page errors: ${pageErrors.join('; ')}`);

    const rollupMs = median(bare.map((s) => s.ms));
    const coldMs = median(colds.map((s) => s.ms));
    const bookMs = median(book.map((s) => s.ms));
    const unzipMs = median(unzips.map((s) => s.ms));
    const scanMs = median(scans.map((s) => s.ms));
    const unzipInside = median(unzips.map((s) => s.workerMs));
    const scanInside = median(scans.map((s) => s.workerMs));
    const emptyMs = median(empties.map((s) => s.ms));
    const stats = bare[bare.length - 1]!;
    const u = unzips[0]!;
    const sc = scans[0]!;
    console.log(`browser: roll-up result: ${describe(stats)}; workbook ${kb(book[0]!.workbookBytes)}`);
    console.log(`browser: floor unzipped ${u.parts} parts (${kb(u.size)}); scan floor ${sc.parts} parts, ${sc.cells} <c> cells`);
    console.log(
      `   (median of ${ROUNDS} interleaved rounds after a warm-up; every run as the first after the pane opens. As the pane runs it: the files chosen, ` +
        `the pane's worker started by its peek at them (untimed: it happens when they are chosen; its answer awaited, the roll-up asked for at once), the roll-up timed from then to its reply. ` +
        `Cold: a new worker that has read nothing, timed from before it is created. The floor: a new worker of its own, timed from before it is created)`,
    );
    console.log(
      `browser-rollup: ${RETURNS} returns as the pane runs them ${fmt(rollupMs)} ms; unzip in page ${fmt(unzipMs)} ms; ratio ${(rollupMs / unzipMs).toFixed(2)}× (target ≤ 3×: ${verdict(rollupMs / unzipMs <= 3)})`,
    );
    console.log(
      `browser-rollup: ${RETURNS} returns from a cold start ${fmt(coldMs)} ms; ratio ${(coldMs / unzipMs).toFixed(2)}× the unzip (for information: in the pane, a roll-up of files comes after its peek at them)`,
    );
    console.log(
      `browser-rollup: as the pane runs them, against the unzip alone inside its worker (${fmt(unzipInside)} ms, no worker start): ${(rollupMs / unzipInside).toFixed(2)}× (for information)`,
    );
    console.log(
      `browser-rollup: with the workbook written in the worker (browser mode) ${fmt(bookMs)} ms; ratio ${(bookMs / unzipMs).toFixed(2)}× the unzip (for information)`,
    );
    console.log(
      `browser-rollup: unzip+scan floor of bench-rollup (sharedStrings + sheet1 decoded and scanned) ${fmt(scanMs)} ms; roll-up ratio ${(rollupMs / scanMs).toFixed(2)}× (for information)`,
    );
    console.log(
      `   inside the floor worker: unzip ${fmt(unzipInside)} ms, unzip+scan ${fmt(scanInside)} ms; so starting a worker and loading its script costs about ${fmt(unzipMs - unzipInside)} ms of the floor's ${fmt(unzipMs)}`,
    );
    console.log(
      `   a cold roll-up of 0 files (starting the worker, loading its ${kb(workerBytes)} of script, reading the 3 form definitions) takes ${fmt(emptyMs)} ms`,
    );
    const phase = (runs: RollupStats[], pick: (s: RollupStats) => number | undefined) => median(runs.map((s) => pick(s) ?? Number.NaN));
    for (const [label, runs, total] of [
      ['as the pane runs it', bare, rollupMs],
      ['cold', colds, coldMs],
    ] as const) {
      const firstFile = phase(runs, (s) => s.firstFileMs);
      const lastFile = phase(runs, (s) => s.lastFileMs);
      console.log(
        `   where the time goes, ${label} (medians, as the page hears of progress): until the first file ${fmt(firstFile)} ms, ` +
          `files until the last is begun ${fmt(lastFile - firstFile)} ms, the last file, finishing and the result's trip back ${fmt(total - lastFile)} ms`,
      );
    }
    console.log(
      `   runs (ms): roll-up ${bare.map((s) => fmt(s.ms)).join(', ')}; cold ${colds.map((s) => fmt(s.ms)).join(', ')}; with workbook ${book.map((s) => fmt(s.ms)).join(', ')}; ` +
        `unzip ${unzips.map((s) => fmt(s.ms)).join(', ')}; scan ${scans.map((s) => fmt(s.ms)).join(', ')}; 0 files ${empties.map((s) => fmt(s.ms)).join(', ')}`,
    );
    console.log(
      `browser-rollup: roll-up sheets of these ${RETURNS} returns (${sheets.rows} rows) written on the Office.js test double in the page: ${sheets.syncs} syncs (target ≤ 4: ${verdict(sheets.syncs <= 4)}), ` +
        `requests ${sheets.requestBytes.map(kb).join(' + ')}, ${fmt(sheets.ms)} ms in the double`,
    );
  } finally {
    if (browser) await browser.close().catch(() => undefined);
    if (server) await new Promise<void>((resolve) => server!.close(() => resolve()));
    if (!given) fs.rmSync(dist, { recursive: true, force: true });
  }
  console.log(`bench-browser: ${((performance.now() - began) / 1000).toFixed(1)} s in all`);
}

if (require.main === module) {
  benchBrowser().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
