/// <reference lib="webworker" />
/** The roll-up worker: reads, checks and rolls up the files away from the pane's thread (and peeks at them to propose the form). */
import { performPeek } from './performPeek';
import { performRollup } from './performRollup';
import type { WorkerRequest } from './protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  if (request.type === 'peek') {
    performPeek(request, (message) => scope.postMessage(message));
    return;
  }
  void performRollup(request, (message) => {
    if (message.type === 'done' && message.workbook) scope.postMessage(message, [message.workbook.buffer as ArrayBuffer]);
    else scope.postMessage(message);
  });
};
