/** Messages to and from the bench page's unzip worker (the floor). Plain data only. */

/**
 * What the floor does with each file:
 *  - 'unzip': every part inflated with fflate's unzipSync (the file merely unzipped);
 *  - 'scan': only sharedStrings + sheet1 inflated, decoded to text and scanned once
 *    (the floor of scripts/bench-rollup.ts, for comparison with the Node numbers).
 */
export type FloorMode = 'unzip' | 'scan';

export interface FloorRequest {
  mode: FloorMode;
  files: Uint8Array[];
}

export interface FloorReply {
  /** Time inside the worker, from the message's arrival to the reply. */
  workerMs: number;
  parts: number;
  /** Inflated bytes (unzip) or characters scanned (scan). */
  size: number;
  cells: number;
}
