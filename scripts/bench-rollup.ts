/**
 * `npx tsx scripts/bench-rollup.ts`: the roll-up's performance targets, measured as ratios
 * within one run (these machines are noisy; absolute times are printed for context only).
 *
 *   1. 1,000 returns rolled up, against the "unzip + scan" floor over the very same bytes:
 *      each file unzipped and the XML text of sharedStrings + sheet1 scanned once.
 *      The floor unzips with fflate (the library the lean reader uses); as a stricter floor for
 *      information, Node's native zlib on a minimal zip reader.
 *      The same with last year's roll-up of those returns (`--last-year`): reading it, the
 *      同比 comparison and the last-year outliers are inside the timed run.
 *   2. 100 against 10,000 returns: time per file and peak memory (RSS / heapUsed).
 *   (HUIZONG_BENCH_ROLLUP_PART=1 stops after part 1.)
 *
 * The returns are real .xlsx bytes written up front, in memory, by SheetJS: a title row merged
 * over the table, the header of the real 38 columns, and 1–3 unit rows.
 */
import * as XLSX from '@e965/xlsx';
import { strFromU8, unzipSync } from 'fflate';
import { PerformanceObserver, constants } from 'perf_hooks';
import * as v8 from 'v8';
import * as vm from 'vm';
import * as zlib from 'zlib';
import { compileForm } from '../src/core/definitions/compile';
import { shippedForm, shippedForms } from '../src/core/definitions/shipped';
import type { CellValue } from '../src/core/values/types';
import type { RollupResult } from '../src/core/rollup/types';
import { bytesOf, readLastYear, rollUpFiles, type SourceFile } from '../src/files/rollupFiles';
import { writeRollupWorkbook } from '../src/files/writeRollup';
import { activityRow, idsOf, labelsOf } from '../tests/helpers/workbooks';
import { rollupCounts, type RollupCounts } from './bench-counts';
import { FLOOR_PARTS as PARTS, countCells } from './bench-floor';

const TODAY = '2024-03-25';
const TIME_LIMIT_MS = 3 * 60_000;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const mb = (bytes: number) => bytes / (1024 * 1024);
const fmt = (ms: number) => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));
const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');

/** `global.gc` without asking for `--expose-gc` on the command line; a no-op where refused. */
function gcFunction(): () => void {
  try {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as unknown;
    if (typeof gc === 'function') return gc as () => void;
  } catch {
    // fall through
  }
  return () => undefined;
}
const collectGarbage = gcFunction();

interface Span {
  start: number;
  end: number;
}

/**
 * The main thread's GC pauses while it runs, from Node's `gc` performance entries (same clock
 * as performance.now()); `stop` gives, for a list of timed spans, the pause time inside them
 * and how many major GCs began there. Work done beside the main thread (concurrent marking,
 * sweeping) is not in the pauses; a major GC is where most of it would be.
 */
function gcPauses(): { stop: () => Promise<(spans: readonly Span[]) => { ms: number; major: number }> } {
  const seen: { start: number; duration: number; major: boolean }[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      // Node gives a gc entry its kind in `detail`, which @types/node does not declare.
      const kind = (entry as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind;
      seen.push({ start: entry.startTime, duration: entry.duration, major: kind === constants.NODE_PERFORMANCE_GC_MAJOR });
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  return {
    async stop() {
      // The entries are delivered on a later turn of the event loop.
      await new Promise((resolve) => setTimeout(resolve, 50));
      observer.disconnect();
      return (spans) => {
        const inside = seen.filter((p) => spans.some((s) => p.start >= s.start && p.start < s.end));
        return { ms: inside.reduce((n, p) => n + p.duration, 0), major: inside.filter((p) => p.major).length };
      };
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The returns

const YEAR = 2024;
const SHEET = shippedForm('activity-summary')!.sheet?.name ?? '活动数据汇总';
const TITLE = `${YEAR}年女职工维权行动月活动数据汇总表`;

/** One unit's return: title row, header, 1–3 rows of units of its own (unit names unique per index). */
function returnBytes(index: number, labels: string[], ids: string[]): Uint8Array {
  const rows: CellValue[][] = [[TITLE], labels];
  const unitCount = 1 + (index % 3);
  for (let u = 0; u < unitCount; u++) {
    rows.push(
      activityRow(
        {
          unitName: `第${index + 1}街道第${u + 1}基层工会`,
          unitLevel: '基层工会',
          parentUnit: `第${index + 1}街道总工会`,
          contactEmail: `unit${index}x${u}@example.com`,
          publicityEvents: 10 + ((index + u) % 7),
        },
        ids,
      ),
    );
  }
  const sheet = XLSX.utils.aoa_to_sheet(rows);
  sheet['!merges'] = [{ s: { r: 0, c: 0 }, e: { r: 0, c: labels.length - 1 } }];
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, SHEET);
  const out = XLSX.write(book, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer;
  return new Uint8Array(out);
}

/** `count` returns over a pool of distinct byte arrays: names and modified times differ, bytes cycle. */
function filesFrom(pool: readonly Uint8Array[], count: number): SourceFile[] {
  const base = Date.UTC(2024, 2, 20);
  return Array.from({ length: count }, (_, i) => ({
    name: `returns/return-${String(i).padStart(5, '0')}.xlsx`,
    bytes: pool[i % pool.length]!,
    modified: base + i * 1000,
  }));
}

// ---------------------------------------------------------------------------------------------
// The floor: unzip, then scan the XML text of sharedStrings + sheet1 once

/** The floor: each file unzipped with fflate (only the two parts) and their XML scanned once. */
function fflateFloor(files: readonly SourceFile[]): number {
  let cells = 0;
  for (const file of files) {
    const parts = unzipSync(bytesOf(file), { filter: (entry) => PARTS.includes(entry.name) });
    for (const part of PARTS) if (parts[part]) cells += countCells(strFromU8(parts[part]!));
  }
  return cells;
}

/** A minimal zip reader (central directory → local header → raw deflate) on Node's native zlib. */
function unzipParts(bytes: Uint8Array, wanted: readonly string[]): Map<string, string> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = bytes.length - 22;
  while (eocd >= 0 && view.getUint32(eocd, true) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error('no end of central directory');
  const entries = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  const out = new Map<string, string>();
  const decoder = new TextDecoder();
  for (let e = 0; e < entries; e++) {
    const method = view.getUint16(at + 10, true);
    const compressed = view.getUint32(at + 20, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;
    if (!wanted.includes(name)) continue;
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const data = bytes.subarray(start, start + compressed);
    out.set(name, decoder.decode(method === 0 ? data : zlib.inflateRawSync(data)));
  }
  return out;
}

function zlibFloor(files: readonly SourceFile[]): number {
  let cells = 0;
  for (const file of files) for (const xml of unzipParts(bytesOf(file), PARTS).values()) cells += countCells(xml);
  return cells;
}

// ---------------------------------------------------------------------------------------------
// The roll-up, with memory sampled

interface Peak {
  rss: number;
  heapUsed: number;
  samples: number;
}

/**
 * Samples `process.memoryUsage()` every 50 ms. `rollUpFiles` is synchronous, so a timer alone
 * never fires while it runs: the progress callback samples too, whenever 50 ms have passed.
 */
function memorySampler(): { sample: (force?: boolean) => void; stop: () => Peak } {
  const peak: Peak = { rss: 0, heapUsed: 0, samples: 0 };
  let last = 0;
  const sample = (force = false) => {
    const now = performance.now();
    if (!force && now - last < 50) return;
    last = now;
    const usage = process.memoryUsage();
    peak.rss = Math.max(peak.rss, usage.rss);
    peak.heapUsed = Math.max(peak.heapUsed, usage.heapUsed);
    peak.samples++;
  };
  const timer = setInterval(() => sample(true), 50);
  sample(true);
  return {
    sample,
    stop: () => {
      clearInterval(timer);
      sample(true);
      return peak;
    },
  };
}

const forms = shippedForms.map(compileForm);
const form = compileForm(shippedForm('activity-summary')!);

interface RunStats extends RollupCounts {
  ms: number;
}

function rollupRun(files: readonly SourceFile[], onProgress?: () => void, keep?: (result: RollupResult) => void): RunStats {
  const start = performance.now();
  const result = rollUpFiles(files, { form, forms, lang: 'zh-CN', today: TODAY, createdAt: '2024-03-25T00:00:00Z' }, onProgress);
  const ms = performance.now() - start;
  keep?.(result);
  return { ms, ...rollupCounts(result) };
}

/** As `huizong rollup … --last-year LAST.xlsx`: last year's roll-up read, then this year's compared with it. */
function rollupRunWithLastYear(files: readonly SourceFile[], lastYear: SourceFile): RunStats {
  const start = performance.now();
  const last = readLastYear(lastYear, form, forms, 'zh-CN');
  if (!last.data) throw new Error('last year could not be read');
  const result = rollUpFiles(files, { form, forms, lang: 'zh-CN', today: TODAY, createdAt: '2024-03-25T00:00:00Z', lastYear: last.data });
  const ms = performance.now() - start;
  if (!result.lastYear) throw new Error('no comparison');
  return { ms, ...rollupCounts(result) };
}

interface Measured {
  stats: RunStats;
  peak: Peak;
  baseline: NodeJS.MemoryUsage;
  /** heapUsed after a full GC with the RollupResult still held: what the result itself keeps. */
  retainedHeap: number;
}

async function measuredRun(files: readonly SourceFile[]): Promise<Measured> {
  collectGarbage();
  await new Promise((resolve) => setTimeout(resolve, 20));
  const baseline = process.memoryUsage();
  const sampler = memorySampler();
  let result: RollupResult | undefined;
  const stats = rollupRun(
    files,
    () => sampler.sample(),
    (r) => (result = r),
  );
  // Let the 50 ms timer have its turn after the run too.
  await new Promise((resolve) => setTimeout(resolve, 60));
  const peak = sampler.stop();
  collectGarbage();
  const retainedHeap = process.memoryUsage().heapUsed - baseline.heapUsed;
  if (result && result.files.length !== files.length) throw new Error('roll-up lost files');
  return { stats, peak, baseline, retainedHeap };
}

/**
 * Live memory, not garbage: a full GC at ten points of a run, the heap then measured against
 * the share of the final result built so far. What is left over is the working memory of
 * reading files, which must not grow with their number. Untimed (the GCs take time).
 */
async function liveWorkingMemory(files: readonly SourceFile[]): Promise<{ worst: number; result: number }> {
  collectGarbage();
  await new Promise((resolve) => setTimeout(resolve, 20));
  const base = process.memoryUsage().heapUsed;
  const step = Math.max(1, Math.floor(files.length / 10));
  const live: { done: number; heap: number }[] = [];
  let done = 0;
  const result: RollupResult = rollUpFiles(files, { form, forms, lang: 'zh-CN', today: TODAY, createdAt: '2024-03-25T00:00:00Z' }, () => {
    if (done > 0 && done % step === 0) {
      collectGarbage();
      live.push({ done, heap: process.memoryUsage().heapUsed - base });
    }
    done++;
  });
  collectGarbage();
  const retained = process.memoryUsage().heapUsed - base;
  if (result.files.length !== files.length) throw new Error('roll-up lost files');
  const worst = Math.max(0, ...live.map((l) => l.heap - (retained * l.done) / files.length));
  return { worst, result: retained };
}

const describe = (s: RunStats) =>
  `${s.accepted} accepted, ${s.rejected} rejected, ${s.counted} rows counted, ${s.superseded} superseded, ${s.errors} error issues`;

// ---------------------------------------------------------------------------------------------

/** Last year's roll-up of `files` as a workbook; the roll-up itself is not kept past this call. */
async function lastYearWorkbook(files: readonly SourceFile[]): Promise<{ file: SourceFile; ms: number }> {
  let result: RollupResult | undefined;
  const { ms } = rollupRun(files, undefined, (r) => (result = r));
  return { file: { name: 'last-year.xlsx', bytes: await writeRollupWorkbook(result!, form, { lang: 'zh-CN' }) }, ms };
}

export async function benchRollup(): Promise<void> {
  const began = performance.now();
  const labels = labelsOf('activity-summary');
  const ids = idsOf('activity-summary');

  // The returns, written once up front.
  const POOL = 1000;
  const genStart = performance.now();
  const pool = Array.from({ length: POOL }, (_, i) => returnBytes(i, labels, ids));
  const poolBytes = pool.reduce((n, b) => n + b.length, 0);
  console.log(
    `returns: ${POOL} distinct activity-summary .xlsx files (${labels.length} columns, title row + header + 1–3 unit rows), ` +
      `${(poolBytes / POOL / 1024).toFixed(1)} KB each on average, generated in ${fmt(performance.now() - genStart)} ms (not timed below)`,
  );
  const thousand = filesFrom(pool, POOL);

  // Last year's roll-up of the same units, as a workbook Huizong wrote (not timed).
  // It is also this process's first roll-up, and the floor's first run follows: a CLI run is
  // one such cold run, printed for information.
  const { file: lastYear, ms: coldRollup } = await lastYearWorkbook(thousand);
  const coldStart = performance.now();
  fflateFloor(thousand);
  const coldFloor = performance.now() - coldStart;

  // Warm-up: the JIT, Ajv and SheetJS caches, the same for each side: a whole untimed round,
  // so that the timed rounds run the code the engine has settled on, not its first tiers.
  rollupRun(thousand);
  rollupRunWithLastYear(thousand, lastYear);
  fflateFloor([...thousand, lastYear]);
  zlibFloor(thousand);

  // 1. 1,000 returns against the unzip + scan floor, rounds interleaved, medians compared.
  // Seven rounds: the median stays put with up to three rounds slowed by the machine (five: two),
  // and here several in a row often are.
  // No forced GC between these runs (part 2 forces them, for memory): a full GC throws away
  // optimised code that holds objects of the run just ended (V8 keeps them weakly;
  // `--trace-deopt` says "weak objects"), so each timed roll-up began half cold, while the
  // floor's few loops hardly noticed. V8 collects as it goes, as in a CLI run; because the
  // runs are interleaved, a run may pause for the garbage of the one before it, so the time
  // each side spent in GC pauses, and the major GCs that began in its runs, are printed beside
  // its figures. The result is the steady state of a long-running process (the pane's worker
  // after its first files); the cold first run is printed apart.
  const pauses = gcPauses();
  /** One side's runs: each run's time and when it ran (for the GC pauses inside it). */
  interface Side {
    ms: number[];
    spans: Span[];
  }
  const side = (): Side => ({ ms: [], spans: [] });
  /** Times `fn`, or takes the roll-up's own time where `fn` gives it (its counts are not timed). */
  const timed = (into: Side, fn: () => RunStats | number): void => {
    const start = performance.now();
    const run = fn();
    const end = performance.now();
    into.ms.push(typeof run === 'number' ? end - start : run.ms);
    into.spans.push({ start, end });
  };
  const rounds = 7;
  const runs = { rollup: side(), withLastYear: side(), withLastYearFloor: side(), fflate: side(), zlib: side() };
  let stats: RunStats | undefined;
  let cellsFflate = 0;
  let cellsZlib = 0;
  for (let r = 0; r < rounds; r++) {
    timed(runs.rollup, () => (stats = rollupRun(thousand)));
    timed(runs.withLastYear, () => rollupRunWithLastYear(thousand, lastYear));
    // Its floor is over the same bytes: this year's returns and last year's roll-up.
    timed(runs.withLastYearFloor, () => fflateFloor([...thousand, lastYear]));
    timed(runs.fflate, () => (cellsFflate = fflateFloor(thousand)));
    timed(runs.zlib, () => (cellsZlib = zlibFloor(thousand)));
  }
  const gcIn = await pauses.stop();
  const rollup = median(runs.rollup.ms);
  const fflate = median(runs.fflate.ms);
  const native = median(runs.zlib.ms);
  console.log(`\n1. roll-up of ${POOL} returns against unzip + scan of the same bytes (median of ${rounds} interleaved rounds)`);
  console.log(`   roll-up result: ${describe(stats!)}`);
  console.log(`   floor scanned ${cellsFflate} <c> cells (fflate) / ${cellsZlib} (zlib) in sharedStrings + sheet1`);
  console.log(
    `rollup: ${POOL} returns ${fmt(rollup)} ms; unzip+scan floor (fflate) ${fmt(fflate)} ms; ratio ${(rollup / fflate).toFixed(2)}× (target ≤ 3×: ${verdict(rollup / fflate <= 3)})`,
  );
  console.log(
    `rollup: ${POOL} returns ${fmt(rollup)} ms; unzip+scan floor (node zlib, native inflate, stricter) ${fmt(native)} ms; ratio ${(rollup / native).toFixed(2)}× (for information: the reader inflates with fflate, in Node and in the browser alike)`,
  );
  console.log(
    `   per file: roll-up ${(rollup / POOL).toFixed(2)} ms, fflate floor ${(fflate / POOL).toFixed(2)} ms, zlib floor ${(native / POOL).toFixed(2)} ms`,
  );
  const withLastYear = median(runs.withLastYear.ms);
  const withLastYearFloor = median(runs.withLastYearFloor.ms);
  console.log(
    `rollup --last-year: ${POOL} returns + last year's roll-up (${(bytesOf(lastYear).length / 1024).toFixed(0)} KB) ${fmt(withLastYear)} ms; unzip+scan floor of the same bytes (fflate) ${fmt(withLastYearFloor)} ms; ratio ${(withLastYear / withLastYearFloor).toFixed(2)}× (target ≤ 3×: ${verdict(withLastYear / withLastYearFloor <= 3)}); ${(withLastYear / rollup).toFixed(2)}× the roll-up without it`,
  );
  const gcOf = (of: Side) => {
    const { ms, major } = gcIn(of.spans);
    return `${fmt(ms / rounds)} ms${major ? ` (${major} major GC${major > 1 ? 's' : ''} in ${rounds} runs)` : ''}`;
  };
  console.log(
    `   GC pauses inside the timed runs, per run on average: roll-up ${gcOf(runs.rollup)}, with last year ${gcOf(runs.withLastYear)}, ` +
      `its floor ${gcOf(runs.withLastYearFloor)}, fflate floor ${gcOf(runs.fflate)}, zlib floor ${gcOf(runs.zlib)}`,
  );
  console.log(
    `   the first roll-up in this process, cold (for information; a CLI run is one such): ${fmt(coldRollup)} ms; the fflate floor's first run, after it (fflate warmed by the roll-up's reads), ${fmt(coldFloor)} ms; ratio ${(coldRollup / coldFloor).toFixed(2)}×`,
  );
  if (process.env.HUIZONG_BENCH_ROLLUP_PART === '1') return;

  // 2. 100 against 10,000 (or 2,000 when 10,000 would take over ~3 minutes here).
  const perFile = rollup / POOL;
  const estimate = perFile * 10_000;
  const large = estimate > TIME_LIMIT_MS ? 2000 : 10_000;
  const small = 100;
  console.log(`\n2. ${small} against ${large} returns`);
  if (large !== 10_000) {
    console.log(
      `   NOTE: 10,000 returns would take about ${(estimate / 1000).toFixed(0)} s here (> 3 min): measuring ${small} vs ${large} INSTEAD of 100 vs 10,000`,
    );
  } else {
    console.log(`   (10,000 estimated at ${(estimate / 1000).toFixed(0)} s from part 1, under the 3-minute limit)`);
  }
  console.log(
    `   the ${large} files reuse the ${POOL} distinct byte arrays under different names and modified times, so each unit arrives ` +
      `${large / POOL} times and all but the latest are superseded (realistic enough: units do resend); ${small} are all distinct`,
  );
  const smallFiles = filesFrom(pool, small);
  const largeFiles = filesFrom(pool, large);

  // Small first (memory only grows in a process); time per file the median of 7 runs.
  const smallMeasured = await measuredRun(smallFiles);
  const smallTimes: number[] = [smallMeasured.stats.ms];
  for (let r = 0; r < 6; r++) {
    collectGarbage();
    smallTimes.push(rollupRun(smallFiles).ms);
  }
  const smallMs = median(smallTimes);
  const largeMeasured = await measuredRun(largeFiles);
  const largeMs = largeMeasured.stats.ms;
  const smallPer = smallMs / small;
  const largePer = largeMs / large;
  console.log(`   ${small}: ${describe(smallMeasured.stats)}`);
  console.log(`   ${large}: ${describe(largeMeasured.stats)}`);
  console.log(
    `rollup: ${small} returns ${fmt(smallMs)} ms (median of 7) = ${smallPer.toFixed(2)} ms/file; ${large} returns ${fmt(largeMs)} ms (1 run) = ${largePer.toFixed(2)} ms/file`,
  );
  console.log(
    `rollup: per-file time ${large}/${small} ratio ${(largePer / smallPer).toFixed(2)}× (target ≤ 1.2×: ${verdict(largePer / smallPer <= 1.2)})`,
  );
  for (const [count, m] of [
    [small, smallMeasured],
    [large, largeMeasured],
  ] as const) {
    console.log(
      `memory: ${count} returns peak RSS ${mb(m.peak.rss).toFixed(0)} MB (before ${mb(m.baseline.rss).toFixed(0)} MB, +${mb(m.peak.rss - m.baseline.rss).toFixed(0)}), ` +
        `peak heapUsed ${mb(m.peak.heapUsed).toFixed(0)} MB (before ${mb(m.baseline.heapUsed).toFixed(0)} MB, +${mb(m.peak.heapUsed - m.baseline.heapUsed).toFixed(0)}); ` +
        `the RollupResult alone retains ${mb(m.retainedHeap).toFixed(1)} MB after GC; ${m.peak.samples} samples`,
    );
  }
  // What grows with the number of files splits in two: the result itself (every row read is
  // kept, for the 汇总 sheet and the JSON report) and the working memory of reading the files,
  // which must not grow: each file is read, checked and taken in before the next.
  const liveSmall = await liveWorkingMemory(smallFiles);
  const liveLarge = await liveWorkingMemory(largeFiles);
  const resultPerFile = liveLarge.result / large;
  const workingGrowth = liveLarge.worst - liveSmall.worst;
  const rssHeadroom = 400 * 1024 * 1024 - largeMeasured.baseline.rss;
  console.log(
    `memory: peak RSS ≤ 400 MB: ${verdict(largeMeasured.peak.rss <= 400 * 1024 * 1024 && smallMeasured.peak.rss <= 400 * 1024 * 1024)}`,
  );
  console.log(
    `memory: the result keeps ${(resultPerFile / 1024).toFixed(1)} KB per file (its rows and issues, which 汇总 and --json list; ${mb(liveLarge.result).toFixed(1)} MB at ${large}); ` +
      `at that rate RSS would reach 400 MB near ${Math.round(rssHeadroom / resultPerFile / 1000) * 1000} returns`,
  );
  console.log(
    `memory: live working memory (heap after a full GC at ten points of the run, less the result built so far) ${small} returns ${mb(liveSmall.worst).toFixed(1)} MB, ` +
      `${large} returns ${mb(liveLarge.worst).toFixed(1)} MB: growth ${mb(workingGrowth).toFixed(1)} MB — not growing with the number of files (< 20 MB growth): ${verdict(mb(workingGrowth) < 20)}`,
  );
  console.log(
    `   (the input bytes, ${(poolBytes / 1024 / 1024).toFixed(1)} MB, are in memory throughout and in both baselines; sampled every 50 ms from the progress callback + a timer, since rollUpFiles is synchronous)`,
  );
  console.log(`\nbench-rollup: ${((performance.now() - began) / 1000).toFixed(1)} s in all`);
}

if (require.main === module) void benchRollup();
