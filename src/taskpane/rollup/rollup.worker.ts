/// <reference lib="webworker" />
/** The roll-up worker: reads, checks and rolls up the files away from the pane's thread. */
import { performRollup } from './performRollup';
import type { RollupRequest } from './protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = (event: MessageEvent<RollupRequest>) => {
  void performRollup(event.data, (message) => {
    if (message.type === 'done' && message.workbook) scope.postMessage(message, [message.workbook.buffer as ArrayBuffer]);
    else scope.postMessage(message);
  });
};
