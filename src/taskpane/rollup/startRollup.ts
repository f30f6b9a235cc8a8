/**
 * Starts a roll-up on files chosen in the pane off the main thread (a Web Worker), so the
 * pane stays responsive and a run can be cancelled. The engine, SheetJS and exceljs load only
 * in the worker (or, where there are no workers, on demand).
 */
import type { PeekMessage, PeekRequest, RollupMessage, RollupRequest } from './protocol';
import { createRollupWorker } from './workerUrl';

export type RollupRun = WorkerRun<Extract<RollupMessage, { type: 'done' }>>;

export class RollupCancelled extends Error {}

interface WorkerRun<R> {
  done: Promise<R>;
  cancel(): void;
}

/**
 * One request to a roll-up worker of its own (or, where there are no workers, to the same code
 * loaded on demand): its messages go to `handle` until it says the run is over, which ends the
 * worker; `cancel` ends it at once.
 */
function runInWorker<M, R>(
  request: RollupRequest | PeekRequest,
  transfer: ArrayBuffer[],
  runHere: (post: (message: M) => void) => Promise<void>,
  handle: (message: M, resolve: (result: R) => void, reject: (error: Error) => void) => 'more' | 'over',
): WorkerRun<R> {
  let cancel = () => {};
  const done = new Promise<R>((resolve, reject) => {
    if (typeof Worker === 'undefined') {
      let cancelled = false;
      cancel = () => {
        cancelled = true;
        reject(new RollupCancelled());
      };
      void runHere((message) => !cancelled && handle(message, resolve, reject));
      return;
    }
    const worker = createRollupWorker();
    worker.onmessage = (event: MessageEvent<M>) => {
      if (handle(event.data, resolve, reject) === 'over') worker.terminate();
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message));
    };
    cancel = () => {
      worker.terminate();
      reject(new RollupCancelled());
    };
    worker.postMessage(request, transfer);
  });
  return { done, cancel: () => cancel() };
}

/** Starts a roll-up in a worker; `cancel` stops it at once (the worker is terminated). */
export function startRollup(request: RollupRequest, onProgress: (message: Extract<RollupMessage, { type: 'progress' }>) => void): RollupRun {
  const transfer = [...request.files, ...(request.roster ? [request.roster] : [])].map((f) => f.bytes.buffer as ArrayBuffer);
  return runInWorker<RollupMessage, Extract<RollupMessage, { type: 'done' }>>(
    request,
    transfer,
    (post) => import('./performRollup').then(({ performRollup }) => performRollup(request, post)),
    (message, resolve, reject) => {
      if (message.type === 'progress') {
        onProgress(message);
        return 'more';
      }
      if (message.type === 'done') resolve(message);
      else reject(new Error(message.message));
      return 'over';
    },
  );
}

/** How many of the chosen files the peek reads: enough to tell the form, without reading a hundred files twice. */
export const PEEK_FILES = 20;

export type PeekRun = WorkerRun<Extract<PeekMessage, { type: 'peeked' }>>;

/**
 * Reads the first PEEK_FILES files in a worker of its own and tells which forms they hold;
 * `cancel` ends it (a newer choice of files, the pane closing). Copies of the bytes go over:
 * the pane keeps its own for the roll-up.
 */
export function startPeek(request: Omit<PeekRequest, 'type'>): PeekRun {
  const message: PeekRequest = { type: 'peek', definitions: request.definitions, files: request.files.slice(0, PEEK_FILES).map((f) => ({ ...f, bytes: f.bytes.slice() })) };
  return runInWorker<PeekMessage, Extract<PeekMessage, { type: 'peeked' }>>(
    message,
    message.files.map((f) => f.bytes.buffer as ArrayBuffer),
    (post) => import('./performPeek').then(({ performPeek }) => performPeek(message, post)),
    (answer, resolve, reject) => {
      if (answer.type === 'peeked') resolve(answer);
      else reject(new Error(answer.message));
      return 'over';
    },
  );
}
