/**
 * Starts a roll-up on files chosen in the pane off the main thread (a Web Worker), so the
 * pane stays responsive and a run can be cancelled. The engine, SheetJS and exceljs load only
 * in the worker (or, where there are no workers, on demand).
 */
import type { PeekMessage, PeekRequest, RollupMessage, RollupRequest } from './protocol';
import { createRollupWorker } from './workerUrl';

export interface RollupRun {
  done: Promise<Extract<RollupMessage, { type: 'done' }>>;
  cancel(): void;
}

export class RollupCancelled extends Error {}

/** Starts a roll-up in a worker; `cancel` stops it at once (the worker is terminated). */
export function startRollup(request: RollupRequest, onProgress: (message: Extract<RollupMessage, { type: 'progress' }>) => void): RollupRun {
  let cancel = () => {};
  const done = new Promise<Extract<RollupMessage, { type: 'done' }>>((resolve, reject) => {
    const settle = (message: RollupMessage) => {
      if (message.type === 'progress') onProgress(message);
      else if (message.type === 'done') resolve(message);
      else reject(new Error(message.message));
    };
    if (typeof Worker === 'undefined') {
      let cancelled = false;
      cancel = () => {
        cancelled = true;
        reject(new RollupCancelled());
      };
      void import('./performRollup').then(({ performRollup }) => performRollup(request, (m) => !cancelled && settle(m)));
      return;
    }
    const worker = createRollupWorker();
    worker.onmessage = (event: MessageEvent<RollupMessage>) => {
      if (event.data.type !== 'progress') worker.terminate();
      settle(event.data);
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message));
    };
    cancel = () => {
      worker.terminate();
      reject(new RollupCancelled());
    };
    const transfer = [...request.files, ...(request.roster ? [request.roster] : [])].map((f) => f.bytes.buffer as ArrayBuffer);
    worker.postMessage(request, transfer);
  });
  return { done, cancel: () => cancel() };
}

/** How many of the chosen files the peek reads: enough to tell the form, without reading a hundred files twice. */
export const PEEK_FILES = 20;

export interface PeekRun {
  done: Promise<Extract<PeekMessage, { type: 'peeked' }>>;
  cancel(): void;
}

/**
 * Reads the first PEEK_FILES files in a worker of its own and tells which forms they hold;
 * `cancel` ends it (a newer choice of files, the pane closing). Copies of the bytes go over:
 * the pane keeps its own for the roll-up.
 */
export function startPeek(request: Omit<PeekRequest, 'type'>): PeekRun {
  const message: PeekRequest = { type: 'peek', definitions: request.definitions, files: request.files.slice(0, PEEK_FILES).map((f) => ({ ...f, bytes: f.bytes.slice() })) };
  let cancel = () => {};
  const done = new Promise<Extract<PeekMessage, { type: 'peeked' }>>((resolve, reject) => {
    const settle = (answer: PeekMessage) => (answer.type === 'peeked' ? resolve(answer) : reject(new Error(answer.message)));
    if (typeof Worker === 'undefined') {
      let cancelled = false;
      cancel = () => {
        cancelled = true;
        reject(new RollupCancelled());
      };
      void import('./performPeek').then(({ performPeek }) => performPeek(message, (m) => !cancelled && settle(m)));
      return;
    }
    const worker = createRollupWorker();
    worker.onmessage = (event: MessageEvent<PeekMessage>) => {
      worker.terminate();
      settle(event.data);
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message));
    };
    cancel = () => {
      worker.terminate();
      reject(new RollupCancelled());
    };
    worker.postMessage(message, message.files.map((f) => f.bytes.buffer as ArrayBuffer));
  });
  return { done, cancel: () => cancel() };
}
