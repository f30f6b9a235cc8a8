/**
 * How a long run (a roll-up, the whole notice) is told to stop, and how it steps aside between
 * files: on the page, so that it paints and answers 取消; in the pane's worker, so that a
 * cancel message — and another run sent there meanwhile — is heard before the run ends.
 */

export interface RunControl {
  /** Asked between files: true once this run was cancelled. */
  cancelled?: () => boolean;
  /** Lets the thread take its other tasks (messages, clicks, painting) between files. */
  breathe?: () => Promise<void>;
}

/** Steps aside once the thread has been busy this long; less often costs answers, more often costs time. */
export const BUSY_MS = 40;

/**
 * A `breathe` that steps aside (with `pause`) only once the thread has been busy BUSY_MS,
 * so a thousand small files are not slowed by a thousand pauses.
 */
export function breather(pause: () => Promise<void>): () => Promise<void> {
  let since = Date.now();
  return async () => {
    if (Date.now() - since < BUSY_MS) return;
    await pause();
    since = Date.now();
  };
}

/** On the page: a timeout, after which the browser has had its chance to paint. */
export function timeoutPause(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * In the worker: one task later, through a message channel — nested timeouts are held back
 * to 4 ms each (HTML's timer nesting rule), a message is not. Messages queued meanwhile (a
 * cancel, another run) are taken first.
 */
export function messagePause(): Promise<void> {
  if (typeof MessageChannel === 'undefined') return timeoutPause();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
