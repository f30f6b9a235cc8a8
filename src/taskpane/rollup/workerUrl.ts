/** Where the roll-up worker is: webpack bundles it from this reference. Jest maps this module to a stub. */
export function createRollupWorker(): Worker {
  return new Worker(/* webpackChunkName: "rollup-worker" */ new URL('./rollup.worker.ts', import.meta.url));
}
