/** Gathering worksheet change events before re-validating (pure, with a hand-driven clock). */
import { changedRows, createChangeBatcher, mergeAddresses, type Timers } from '../../src/excel/debounce';

function clock() {
  let now = 0;
  let next = 0;
  const waiting = new Map<number, { at: number; fn: () => void }>();
  const timers: Timers = {
    set: (fn, ms) => {
      waiting.set(++next, { at: now + ms, fn });
      return next;
    },
    clear: (id) => void waiting.delete(id as number),
    now: () => now,
  };
  const advance = (ms: number) => {
    now += ms;
    for (const [id, w] of [...waiting].sort((a, b) => a[1].at - b[1].at)) {
      if (w.at > now) continue;
      waiting.delete(id);
      w.fn();
    }
  };
  return { timers, advance, pending: () => waiting.size };
}

describe('createChangeBatcher', () => {
  it('hands on a burst once the sheet is quiet, addresses merged', () => {
    const { timers, advance } = clock();
    const heard: string[] = [];
    const batcher = createChangeBatcher((a) => heard.push(a), { delayMs: 300, timers });
    batcher.push('B5');
    advance(200);
    batcher.push('B6');
    advance(200);
    batcher.push('Sheet1!$B$7');
    advance(299);
    expect(heard).toEqual([]);
    advance(1);
    expect(heard).toEqual(['B5:B7']);
    advance(5000);
    expect(heard).toHaveLength(1);
  });

  it('does not wait for ever while edits go on', () => {
    const { timers, advance } = clock();
    const heard: string[] = [];
    const batcher = createChangeBatcher((a) => heard.push(a), { delayMs: 300, maxWaitMs: 1000, timers });
    for (let i = 0; i < 20; i++) {
      batcher.push(`C${i + 1}`);
      advance(100);
    }
    expect(heard.length).toBeGreaterThanOrEqual(2);
    expect(heard[0]).toBe('C1:C10');
  });

  it('flushes on demand and stops when cancelled', () => {
    const { timers, advance, pending } = clock();
    const heard: string[] = [];
    const batcher = createChangeBatcher((a) => heard.push(a), { timers });
    batcher.push('A1:C1');
    batcher.flush();
    expect(heard).toEqual(['A1,B1,C1']);
    batcher.push('D4');
    batcher.cancel();
    advance(10_000);
    batcher.push('D5');
    advance(10_000);
    expect(heard).toHaveLength(1);
    expect(pending()).toBe(0);
  });
});

describe('address helpers', () => {
  it('merges duplicates and runs, and keeps a huge paste as it came', () => {
    expect(mergeAddresses(['D5', 'D5', 'D6', 'E2:E3'])).toBe('D5:D6,E2:E3');
    expect(mergeAddresses(['A1:Z10000'])).toBe('A1:Z10000');
    // A row deleted or a column pasted comes as a whole-row or whole-column address: kept, so the sheet is re-checked.
    expect(mergeAddresses(['5:5'])).toBe('5:5');
    expect(mergeAddresses(['D5', 'C:C', '5:5', '5:5'])).toBe('D5,C:C,5:5');
  });

  it('lists the rows an address touches', () => {
    expect(changedRows('B5:C7, F6, A10')).toEqual([5, 6, 7, 10]);
    expect(changedRows('')).toEqual([]);
  });
});
