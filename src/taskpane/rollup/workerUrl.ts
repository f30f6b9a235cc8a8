/** Where the roll-up worker is: webpack bundles it from this reference. Jest maps this module to a stub. */
export function createRollupWorker(): Worker {
  return new Worker(new URL('./rollup.worker.ts', import.meta.url));
}
