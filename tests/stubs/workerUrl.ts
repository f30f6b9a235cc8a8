// Jest stub: jsdom has no Worker; the pane then runs the roll-up on its own thread.
export function createRollupWorker(): Worker {
  throw new Error('no workers under jest');
}
