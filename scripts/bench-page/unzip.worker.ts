/// <reference lib="webworker" />
/**
 * The floor of the browser bench: the same files merely unzipped with fflate (the library the
 * lean .xlsx reader uses), in a Web Worker like the roll-up, so both sides pay for a worker.
 */
import { strFromU8, unzipSync } from 'fflate';
import { FLOOR_PARTS as PARTS, countCells } from '../bench-floor';
import type { FloorReply, FloorRequest } from './protocol';

function floor({ mode, files }: FloorRequest): FloorReply {
  const started = performance.now();
  let parts = 0;
  let size = 0;
  let cells = 0;
  for (const bytes of files) {
    if (mode === 'unzip') {
      for (const part of Object.values(unzipSync(bytes))) {
        parts++;
        size += part.length;
      }
    } else {
      const found = unzipSync(bytes, { filter: (entry) => PARTS.includes(entry.name) });
      for (const name of PARTS) {
        const part = found[name];
        if (!part) continue;
        const xml = strFromU8(part);
        parts++;
        size += xml.length;
        cells += countCells(xml);
      }
    }
  }
  return { workerMs: performance.now() - started, parts, size, cells };
}

const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = (event: MessageEvent<FloorRequest>) => scope.postMessage(floor(event.data));
