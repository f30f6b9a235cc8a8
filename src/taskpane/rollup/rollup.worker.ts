/// <reference lib="webworker" />
/**
 * The roll-up worker: reads, checks and rolls up the files away from the pane's thread (and
 * peeks at them to propose the form). The pane keeps it for its later requests; every message
 * carries the id of the request it answers.
 */
import { performNotice } from './performNotice';
import { performPeek } from './performPeek';
import { performRollup } from './performRollup';
import type { WorkerRequest } from './protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  const id = request.id;
  if (request.type === 'peek') {
    void performPeek(request, (message) => scope.postMessage({ ...message, id }));
    return;
  }
  if (request.type === 'notice') {
    void performNotice(request, (message) => {
      if (message.type === 'notice-done' && message.workbook)
        scope.postMessage({ ...message, id }, [message.workbook.buffer as ArrayBuffer]);
      else scope.postMessage({ ...message, id });
    });
    return;
  }
  void performRollup(request, (message) => {
    if (message.type === 'done' && message.workbook) scope.postMessage({ ...message, id }, [message.workbook.buffer as ArrayBuffer]);
    else scope.postMessage({ ...message, id });
  });
};
