/**
 * Edits come as a burst of `worksheet.onChanged` events (typing, pasting, filling down):
 * they are gathered and handed on once the sheet has been quiet for a moment, so that the
 * rows changed are validated once, not once per keystroke. Pure: the clock is passed in.
 */
import { compressCells, expandAreas, parseRange } from '../core/plan/markPlan';

export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
  now(): number;
}

export const realTimers: Timers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  now: () => Date.now(),
};

export interface DebounceOptions {
  /** Quiet time before the changes are handed on. */
  delayMs?: number;
  /** Hand them on after this long even while the edits go on (a long paste, a macro). */
  maxWaitMs?: number;
  timers?: Timers;
}

export interface ChangeBatcher {
  /** One event's address (`B5`, `B5:D9`, or several joined by commas). */
  push(address: string): void;
  /** Hands on what is gathered now. */
  flush(): void;
  /** Drops what is gathered and stops. */
  cancel(): void;
}

/** Up to this many single cells are listed one by one; larger areas are passed on as they came. */
const EXPAND_LIMIT = 5000;

/** The changed areas, duplicates dropped and single cells folded into runs: `B5,B6,B7` → `B5:B7`. */
export function mergeAddresses(addresses: readonly string[]): string {
  const areas = addresses
    .flatMap((a) => a.split(/\s*[,;]\s*/))
    .map((a) =>
      a
        .slice(a.lastIndexOf('!') + 1)
        .replace(/\$/g, '')
        .toUpperCase(),
    )
    .filter(Boolean);
  let cells = 0;
  // Whole rows or columns (`5:5`, `C:C`: a row deleted, a column pasted) are kept as they are.
  const whole = areas.filter((area) => !parseRange(area));
  const bounded = areas.filter((area) => parseRange(area));
  for (const area of bounded) {
    const range = parseRange(area)!;
    cells += (range.e.r - range.s.r + 1) * (range.e.c - range.s.c + 1);
  }
  if (cells > EXPAND_LIMIT) return [...new Set(areas)].join(',');
  return [...compressCells(expandAreas(bounded)), ...new Set(whole)].join(',');
}

/** The 1-based sheet rows an address covers, each once, in order. */
export function changedRows(address: string): number[] {
  const rows = new Set<number>();
  for (const area of address.split(/\s*[,;]\s*/)) {
    const range = parseRange(area);
    if (!range) continue;
    for (let r = range.s.r; r <= range.e.r; r++) rows.add(r + 1);
  }
  return [...rows].sort((a, b) => a - b);
}

export function createChangeBatcher(emit: (address: string) => void, options: DebounceOptions = {}): ChangeBatcher {
  const delay = options.delayMs ?? 600;
  const maxWait = options.maxWaitMs ?? 3000;
  const timers = options.timers ?? realTimers;
  let pending: string[] = [];
  let timer: unknown;
  let firstAt: number | undefined;
  let stopped = false;

  const flush = () => {
    if (timer !== undefined) timers.clear(timer);
    timer = undefined;
    firstAt = undefined;
    if (!pending.length) return;
    const address = mergeAddresses(pending);
    pending = [];
    if (address) emit(address);
  };

  return {
    push(address: string) {
      if (stopped || !address) return;
      pending.push(address);
      const now = timers.now();
      firstAt ??= now;
      if (timer !== undefined) timers.clear(timer);
      const wait = Math.max(0, Math.min(delay, firstAt + maxWait - now));
      timer = timers.set(flush, wait);
    },
    flush,
    cancel() {
      stopped = true;
      if (timer !== undefined) timers.clear(timer);
      timer = undefined;
      pending = [];
    },
  };
}
