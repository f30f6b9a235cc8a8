/**
 * Starts a roll-up on files chosen in the pane off the main thread (a Web Worker, kept for the
 * pane's later requests), so the pane stays responsive and a run can be cancelled. The engine,
 * SheetJS and exceljs load only in the worker (or, where there are no workers, on demand).
 */
import type { CancelRequest, NoticeMessage, NoticeRequest, PeekMessage, PeekRequest, RollupMessage, RollupRequest } from './protocol';
import { breather, timeoutPause, type RunControl } from './runControl';
import { createRollupWorker } from './workerUrl';

export type RollupRun = WorkerRun<Extract<RollupMessage, { type: 'done' }>>;

export class RollupCancelled extends Error {}

interface WorkerRun<R> {
  done: Promise<R>;
  cancel(): void;
}

/**
 * The pane's worker, kept between requests: the peek at the chosen files starts it and warms
 * it up (its script loaded, the readers compiled by the JavaScript engine), so the roll-up
 * they lead to starts at once, and so does running it again with a corrected file. Requests
 * are answered in turn; each message names the request it answers.
 */
interface KeptWorker {
  worker: Worker;
  /** Per request in flight: its messages, and how it ends when the worker does. */
  runs: Map<number, { message(data: unknown): void; end(error: Error): void }>;
}

let kept: KeptWorker | undefined;
let lastId = 0;

function keptWorker(): KeptWorker {
  if (kept) return kept;
  const worker = createRollupWorker();
  const mine: KeptWorker = { worker, runs: new Map() };
  worker.onmessage = (event: MessageEvent<{ id?: number }>) => {
    if (event.data.id !== undefined) mine.runs.get(event.data.id)?.message(event.data);
  };
  // The browser's words on the crash stay in the error, for the console: the pane says what to do (errorText).
  worker.onerror = (event) => stopWorker(mine, new Error(event.message));
  kept = mine;
  return mine;
}

/** Ends the worker, and with it every request still in flight there. */
function stopWorker(which: KeptWorker, error: Error): void {
  which.worker.terminate();
  if (kept === which) kept = undefined;
  const runs = [...which.runs.values()];
  which.runs.clear();
  for (const run of runs) run.end(error);
}

/** Ends the pane's worker (when the pane closes): the next request starts another. */
export function releaseWorker(): void {
  if (kept) stopWorker(kept, new RollupCancelled());
}

/** Set once a worker could not be made: the page is not allowed one, and will not be. */
let workersRefused = false;

/**
 * The pane's worker, or undefined where there are none, or where the page may not start one:
 * opened from a folder (file://, origin 'null'), Chrome refuses `new Worker` outright. The work
 * then runs on the page itself — slower to answer while it runs, but it runs.
 */
function workerIfAllowed(): KeptWorker | undefined {
  if (typeof Worker === 'undefined' || workersRefused) return undefined;
  try {
    return keptWorker();
  } catch {
    workersRefused = true;
    return undefined;
  }
}

/**
 * One request to the pane's worker (or, where there are no workers, to the same code loaded on
 * demand): its messages go to `handle` until it says the request is over. `cancel` of a long
 * run (`stopsWorker`) alone in the worker ends the worker at once (the run must stop now, and a
 * worker cannot be interrupted otherwise); with another request in flight there (the roll-up
 * and the whole notice both running, a peek), the worker is told to stop this run before its
 * next file, and the others go on. A peek's answer is only ignored: a few files, soon over.
 */
function runInWorker<M, R>(
  request: RollupRequest | PeekRequest | NoticeRequest,
  transfer: ArrayBuffer[],
  runHere: (post: (message: M) => void, control: Required<RunControl>) => Promise<void>,
  handle: (message: M, resolve: (result: R) => void, reject: (error: Error) => void) => 'more' | 'over',
  stopsWorker: boolean,
): WorkerRun<R> {
  let cancel = () => {};
  const done = new Promise<R>((resolve, reject) => {
    const target = workerIfAllowed();
    if (!target) {
      let cancelled = false;
      cancel = () => {
        cancelled = true;
        reject(new RollupCancelled());
      };
      void runHere((message) => !cancelled && handle(message, resolve, reject), {
        cancelled: () => cancelled,
        breathe: breather(timeoutPause),
      });
      return;
    }
    const id = ++lastId;
    target.runs.set(id, {
      message: (data) => {
        if (handle(data as M, resolve, reject) === 'over') target.runs.delete(id);
      },
      end: reject,
    });
    cancel = () => {
      if (!target.runs.has(id)) return;
      if (stopsWorker && target.runs.size === 1) {
        stopWorker(target, new RollupCancelled());
        return;
      }
      target.runs.delete(id);
      if (stopsWorker) target.worker.postMessage({ type: 'cancel', id } satisfies CancelRequest);
      reject(new RollupCancelled());
    };
    target.worker.postMessage({ ...request, id }, transfer);
  });
  return { done, cancel: () => cancel() };
}

/** Starts a roll-up in the pane's worker; `cancel` stops it (see runInWorker), and never the whole notice. */
export function startRollup(
  request: RollupRequest,
  onProgress: (message: Extract<RollupMessage, { type: 'progress' }>) => void,
): RollupRun {
  const transfer = [...request.files, ...(request.roster ? [request.roster] : []), ...(request.lastYear ? [request.lastYear] : [])].map(
    (f) => f.bytes.buffer as ArrayBuffer,
  );
  return runInWorker<RollupMessage, Extract<RollupMessage, { type: 'done' }>>(
    request,
    transfer,
    (post, control) => import('./performRollup').then(({ performRollup }) => performRollup(request, post, control)),
    (message, resolve, reject) => {
      if (message.type === 'progress') {
        onProgress(message);
        return 'more';
      }
      if (message.type === 'done') resolve(message);
      else reject(new Error(message.message));
      return 'over';
    },
    true,
  );
}

/** How many of the chosen files the peek reads: enough to tell the form, without reading a hundred files twice. */
export const PEEK_FILES = 20;

export type PeekRun = WorkerRun<Extract<PeekMessage, { type: 'peeked' }>>;

/**
 * Reads the first PEEK_FILES files in the pane's worker and tells which forms they hold;
 * `cancel` drops its answer (a newer choice of files, the pane closing). Copies of the bytes
 * go over: the pane keeps its own for the roll-up.
 */
export function startPeek(request: Omit<PeekRequest, 'type'>): PeekRun {
  const message: PeekRequest = {
    type: 'peek',
    definitions: request.definitions,
    files: request.files.slice(0, PEEK_FILES).map((f) => ({ ...f, bytes: f.bytes.slice() })),
  };
  return runInWorker<PeekMessage, Extract<PeekMessage, { type: 'peeked' }>>(
    message,
    message.files.map((f) => f.bytes.buffer as ArrayBuffer),
    (post) => import('./performPeek').then(({ performPeek }) => performPeek(message, post)),
    (answer, resolve, reject) => {
      if (answer.type === 'peeked') resolve(answer);
      else reject(new Error('the peek failed (see the worker console)'));
      return 'over';
    },
    false,
  );
}

export type NoticeRun = WorkerRun<Extract<NoticeMessage, { type: 'notice-done' }>>;

/**
 * Starts the whole notice in the pane's worker; `cancel` stops it (see runInWorker), and never
 * the roll-up. Where no worker may be made (file://), it runs on the page, stepping aside
 * between files so the page stays responsive, and `cancel` stops it before the next file.
 */
export function startNoticeRun(
  request: Omit<NoticeRequest, 'type'>,
  onProgress: (message: Extract<NoticeMessage, { type: 'progress' }>) => void,
): NoticeRun {
  const message: NoticeRequest = { ...request, type: 'notice' };
  return runInWorker<NoticeMessage, Extract<NoticeMessage, { type: 'notice-done' }>>(
    message,
    request.roster ? [request.roster.bytes.buffer as ArrayBuffer] : [],
    (post, control) => import('./performNotice').then(({ performNotice }) => performNotice(message, post, control)),
    (answer, resolve, reject) => {
      if (answer.type === 'progress') {
        onProgress(answer);
        return 'more';
      }
      if (answer.type === 'notice-done') resolve(answer);
      else reject(new Error(answer.message));
      return 'over';
    },
    true,
  );
}
