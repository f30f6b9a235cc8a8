/**
 * Requests to Excel and their size: Excel on the web refuses a request or response over 5 MB,
 * so a batch counts what it queues and is sent early past a budget; and the errors that no
 * other route can cure.
 */
import type { CallOptions } from './gateway';

/** Excel on the web refuses a request over 5 MB; a batch is sent once it holds about 4 MB. */
export const REQUEST_BUDGET = 4 * 1024 * 1024;

/** Bytes of one queued command besides its data (action, object path and their ids). */
export const COMMAND_OVERHEAD = 200;

/**
 * The size of a value in a request, roughly: its JSON in UTF-8 (a Chinese character 3 bytes,
 * a quote or backslash escaped). Office.js sends the batch as JSON text; 4 MB of it leaves a
 * fifth of the 5 MB limit for what this estimate misses.
 */
export function payloadBytes(value: unknown): number {
  if (value === null || value === undefined) return 4;
  if (typeof value === 'string') {
    let n = value.length + 2;
    for (let i = 0; i < value.length; i++) {
      const code = value.charCodeAt(i);
      if (code > 0x7ff) n += 2;
      else if (code > 0x7e || code === 0x22 || code === 0x5c || code < 0x20) n += 1;
    }
    return n;
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value).length;
  if (Array.isArray(value)) {
    let n = 2;
    for (const item of value) n += payloadBytes(item) + 1;
    return n;
  }
  if (typeof value === 'object') {
    let n = 2;
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) n += key.length + 4 + payloadBytes(item);
    return n;
  }
  return 8;
}

/**
 * The commands of one batch, counted: a command that would take the batch past the budget
 * sends what is queued first. A plan under the budget is one sync; each further ~4 MB of
 * commands adds one — so the sync counts stated below are exact up to 4 MB per batch.
 */
export class Batch {
  private bytes = 0;
  /** Syncs sent early because of the budget. */
  extraSyncs = 0;
  constructor(
    readonly context: Excel.RequestContext,
    private readonly budget = REQUEST_BUDGET,
  ) {}

  /** Makes room for a command carrying `data` (call before queueing it). */
  async room(data: unknown): Promise<void> {
    const bytes = payloadBytes(data) + COMMAND_OVERHEAD;
    if (this.bytes > 0 && this.bytes + bytes > this.budget) {
      await this.context.sync();
      this.extraSyncs++;
      this.bytes = 0;
    }
    this.bytes += bytes;
  }

  async sync(): Promise<void> {
    await this.context.sync();
    this.bytes = 0;
  }
}

export function errorCode(error: unknown): unknown {
  return (error as { code?: unknown } | null)?.code;
}

export function isPayloadError(error: unknown): boolean {
  const code = errorCode(error);
  return code === 'RequestPayloadSizeLimitExceeded' || code === 'ResponsePayloadSizeLimitExceeded';
}

/** A chart or shape selected instead of cells (https://github.com/OfficeDev/office-js/issues/2268). */
export function isSelectionError(error: unknown): boolean {
  return errorCode(error) === 'InvalidSelection';
}

/** Errors no retry through another route can cure: they go straight to the caller. */
export function isFinal(error: unknown): boolean {
  return isPayloadError(error) || isSelectionError(error) || errorCode(error) === 'InvalidOperationInCellEditMode';
}

export function runOptions(call: CallOptions | undefined): Excel.RunOptions | undefined {
  return call?.automatic ? { delayForCellEdit: true } : undefined;
}

/** The smallest budget a refused request is retried with. */
export const SMALLEST_BUDGET = 64 * 1024;

/**
 * Runs `work` with a request budget; should Excel refuse a request as too large
 * (RequestPayloadSizeLimitExceeded: the refused request changed nothing), runs the same work
 * again with a quarter of the budget, so it goes in more, smaller requests. Other errors, and
 * a refusal at the smallest budget, go to the caller.
 */
export async function withShrinkingBudget<T>(budget: number, work: (budget: number) => Promise<T>): Promise<T> {
  for (let current = budget; ; current = Math.max(SMALLEST_BUDGET, Math.floor(current / 4))) {
    try {
      return await work(current);
    } catch (error) {
      if (errorCode(error) !== 'RequestPayloadSizeLimitExceeded' || current <= SMALLEST_BUDGET) throw error;
    }
  }
}
