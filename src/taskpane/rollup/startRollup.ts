/**
 * Starts a roll-up on files chosen in the pane off the main thread (a Web Worker), so the
 * pane stays responsive and a run can be cancelled. The engine, SheetJS and exceljs load only
 * in the worker (or, where there are no workers, on demand).
 */
import type { RollupMessage, RollupRequest } from './protocol';
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
