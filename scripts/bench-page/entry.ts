/**
 * The browser bench page (bench.html), driven by scripts/bench-browser.ts through
 * `window.__huizongBench`. Everything timed here runs in the page, after the returns' bytes
 * are already in it:
 *
 *  - `rollup`: the pane's own roll-up path — startRollup() from src/taskpane/rollup: the
 *    pane's Web Worker from the built bundle given a RollupRequest, until its 'done' message —
 *    without the workbook (Excel mode) or with it (browser mode). `pane`: as the pane runs it,
 *    the worker started by the peek at the chosen files (startPeek, untimed: it runs when the
 *    files are chosen) and the roll-up timed from the moment it is asked for; `cold`: a new
 *    worker that has read nothing, timed from before it is created;
 *  - `floor`: the same files merely unzipped with fflate, in a fresh worker of their own;
 *  - `writeSheets`: the last roll-up written as the pane does in Excel mode (excelActions →
 *    gateway.writeRollupSheets) on the Office.js TEST DOUBLE, counting context.sync() calls.
 *    Excel itself does not run here.
 *
 * The worker takes the bytes over (transferred), so each run gets fresh copies, made before
 * its clock starts — as RollupPanel copies them before starting.
 */
import { compileForm } from '../../src/core/definitions/compile';
import { shippedForms } from '../../src/core/definitions/shipped';
import type { RollupResult } from '../../src/core/rollup/types';
import { createOfficeGateway } from '../../src/excel/officeGateway';
import { excelActions } from '../../src/taskpane/excelActions';
import type { RollupFile } from '../../src/taskpane/rollup/protocol';
import { releaseWorker, startPeek, startRollup } from '../../src/taskpane/rollup/startRollup';
import { FakeExcel } from '../../tests/excel/excelDouble';
import { rollupCounts, type RollupCounts } from '../bench-counts';
import type { FloorMode, FloorReply, FloorRequest } from './protocol';

const FORM = 'activity-summary';

/** How the roll-up starts: after the pane's peek at the files (`pane`), or in a new worker (`cold`). */
export type RollupStart = 'pane' | 'cold';

export interface LoadStats {
  files: number;
  bytes: number;
  ms: number;
}

export interface RollupStats extends RollupCounts {
  ms: number;
  /** Size of the .xlsx written in the worker (0 without it). */
  workbookBytes: number;
  /**
   * When the page heard of the first and of the last file being begun (ms from the start):
   * the worker's start-up, then reading and checking the files, then the rest (finishing,
   * sending the result over) — progress messages arrive a little late, so these are rough.
   */
  firstFileMs?: number;
  lastFileMs?: number;
}

export interface FloorStats extends FloorReply {
  /** From before the worker is created to its reply, as for the roll-up. */
  ms: number;
}

export interface SheetsStats {
  syncs: number;
  ms: number;
  requestBytes: number[];
  rows: number;
}

export interface BenchApi {
  /** Fetches returns/0 … returns/(count-1) from the bench server into the page (not timed). */
  load(count: number): Promise<LoadStats>;
  /** The first `limit` returns (all by default) rolled up; 0 gives a roll-up's fixed cost. */
  rollup(workbook: boolean, start: RollupStart, limit?: number): Promise<RollupStats>;
  floor(mode: FloorMode): Promise<FloorStats>;
  /** Writes the last workbook-less roll-up into a fresh double; fails if there is none. */
  writeSheets(): Promise<SheetsStats>;
}

declare global {
  interface Window {
    __huizongBench?: BenchApi;
  }
}

let returns: RollupFile[] = [];
let lastResult: RollupResult | undefined;

const copies = (limit = returns.length): RollupFile[] => returns.slice(0, limit).map((f) => ({ ...f, bytes: f.bytes.slice() }));

async function load(count: number): Promise<LoadStats> {
  const started = performance.now();
  returns = await Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const response = await fetch(`returns/${i}`);
      if (!response.ok) throw new Error(`returns/${i}: HTTP ${response.status}`);
      const name = decodeURIComponent(response.headers.get('X-Huizong-Name') ?? `${i}.xlsx`);
      const modified = Number(response.headers.get('X-Huizong-Modified'));
      return { name, bytes: new Uint8Array(await response.arrayBuffer()), modified };
    }),
  );
  return { files: returns.length, bytes: returns.reduce((n, f) => n + f.bytes.length, 0), ms: performance.now() - started };
}

async function rollup(workbook: boolean, start: RollupStart, limit?: number): Promise<RollupStats> {
  const files = copies(limit);
  // Every run as the first after the pane opens: no worker yet.
  releaseWorker();
  if (start === 'pane') await startPeek({ files: copies(limit), definitions: [...shippedForms] }).done;
  const started = performance.now();
  let firstFileMs: number | undefined;
  let lastFileMs: number | undefined;
  const done = await startRollup({ files, definitions: [...shippedForms], form: FORM, lang: 'zh-CN', workbook }, (progress) => {
    const at = performance.now() - started;
    if (progress.index === 1) firstFileMs = at;
    if (progress.index === progress.total) lastFileMs = at;
  }).done;
  const ms = performance.now() - started;
  const { result } = done;
  if (!workbook && files.length === returns.length) lastResult = result;
  return {
    ms,
    ...rollupCounts(result),
    workbookBytes: done.workbook?.length ?? 0,
    ...(firstFileMs !== undefined ? { firstFileMs } : {}),
    ...(lastFileMs !== undefined ? { lastFileMs } : {}),
  };
}

async function floor(mode: FloorMode): Promise<FloorStats> {
  const files = copies().map((f) => f.bytes);
  const started = performance.now();
  const worker = new Worker(new URL('./unzip.worker.ts', import.meta.url));
  try {
    const reply = await new Promise<FloorReply>((resolve, reject) => {
      worker.onmessage = (event: MessageEvent<FloorReply>) => resolve(event.data);
      worker.onerror = (event) => reject(new Error(event.message));
      const request: FloorRequest = { mode, files };
      worker.postMessage(
        request,
        files.map((b) => b.buffer as ArrayBuffer),
      );
    });
    return { ...reply, ms: performance.now() - started };
  } finally {
    worker.terminate();
  }
}

async function writeSheets(): Promise<SheetsStats> {
  if (!lastResult) throw new Error('writeSheets: no roll-up without the workbook has run yet');
  const form = compileForm(shippedForms.find((d) => d.id === FORM)!);
  const fake = new FakeExcel();
  fake.model.addSheet('Sheet1');
  const actions = excelActions(createOfficeGateway({ host: fake.host() }));
  const started = performance.now();
  await actions.writeRollup(lastResult, form, 'zh-CN');
  return {
    syncs: fake.syncs,
    ms: performance.now() - started,
    requestBytes: fake.batches.map((b) => b.requestBytes),
    rows: lastResult.rows.length,
  };
}

window.__huizongBench = { load, rollup, floor, writeSheets };
