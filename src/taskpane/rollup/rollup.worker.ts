/// <reference lib="webworker" />
/**
 * The roll-up worker: reads, checks and rolls up the files away from the pane's thread (and
 * peeks at them to propose the form). The pane keeps it for its later requests; every message
 * carries the id of the request it answers. A roll-up and the whole notice may run here at
 * once: each steps aside between files, so that a cancel of one is heard and the other goes on.
 */
import { performNotice } from './performNotice';
import { performPeek } from './performPeek';
import { performRollup } from './performRollup';
import type { NoticeMessage, RollupMessage, WorkerRequest } from './protocol';
import { breather, messagePause, type RunControl } from './runControl';

const scope = self as unknown as DedicatedWorkerGlobalScope;
/** The runs under way here, and those of them cancelled. */
const running = new Set<number>();
const cancelled = new Set<number>();

/** The control of run `id`, and its end (when it is forgotten). */
function controlOf(id: number | undefined): { control: RunControl; end: () => void } {
  if (id === undefined) return { control: {}, end: () => {} };
  running.add(id);
  return {
    control: { cancelled: () => cancelled.has(id), breathe: breather(messagePause) },
    end: () => {
      running.delete(id);
      cancelled.delete(id);
    },
  };
}

scope.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  if (request.type === 'cancel') {
    // A run already over has nothing to stop.
    if (running.has(request.id)) cancelled.add(request.id);
    return;
  }
  const id = request.id;
  if (request.type === 'peek') {
    void performPeek(request, (message) => scope.postMessage({ ...message, id }));
    return;
  }
  const { control, end } = controlOf(id);
  // A written workbook is handed over, not copied: it is the largest thing the worker sends.
  const post = (message: RollupMessage | NoticeMessage) => {
    const workbook = 'workbook' in message ? message.workbook : undefined;
    scope.postMessage({ ...message, id }, workbook ? [workbook.buffer as ArrayBuffer] : []);
  };
  const run = request.type === 'notice' ? performNotice(request, post, control) : performRollup(request, post, control);
  void run.finally(end);
};
