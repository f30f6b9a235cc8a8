/**
 * The pane keeps one worker for its peeks and roll-ups: the peek at the chosen files starts it,
 * the roll-up finds it ready. Each answer reaches the request it answers; a cancelled roll-up
 * alone there ends the worker, beside another request it is told to stop (the other goes on:
 * tests/taskpane/two-runs.test.ts), a cancelled peek only drops its answer.
 * Driven with a stand-in Worker that records what it is sent (jsdom has none).
 */
import { shippedForms } from '../../src/core/definitions/shipped';
import type { NoticeRequest, RollupRequest, WorkerRequest } from '../../src/taskpane/rollup/protocol';

class FakeWorker {
  static made: FakeWorker[] = [];
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onerror: ((event: { message: string }) => void) | null = null;
  sent: WorkerRequest[] = [];
  terminated = false;
  constructor() {
    FakeWorker.made.push(this);
  }
  postMessage(message: WorkerRequest): void {
    this.sent.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
  /** The worker's answer to its `n`th request. */
  answer(n: number, message: object): void {
    this.onmessage?.({ data: { ...message, id: this.sent[n]!.id } });
  }
}

jest.mock('../../src/taskpane/rollup/workerUrl', () => ({ createRollupWorker: () => new FakeWorker() }));

// Imported after the mock, with a Worker the runner sees.
(globalThis as { Worker?: unknown }).Worker = FakeWorker;
/* eslint-disable @typescript-eslint/no-require-imports -- required, not imported: it must load after the mock above */
const { RollupCancelled, releaseWorker, startNoticeRun, startPeek, startRollup } =
  require('../../src/taskpane/rollup/startRollup') as typeof import('../../src/taskpane/rollup/startRollup');
/* eslint-enable @typescript-eslint/no-require-imports */

const file = () => ({ name: 'a.xlsx', bytes: new Uint8Array([1, 2, 3]) });
const definitions = [...shippedForms];
const rollupRequest = (): RollupRequest => ({ files: [file()], definitions, form: 'activity-summary', lang: 'zh-CN', workbook: false });
const emptyResult = {
  form: 'activity-summary',
  formVersion: '1',
  totals: {},
  rows: [],
  files: [],
  units: [],
  issues: [],
  meta: { generator: 'huizong', form: 'activity-summary', formVersion: '1', createdAt: '' },
};

beforeEach(() => {
  releaseWorker();
  FakeWorker.made = [];
});

test('the peek starts the worker and the roll-up after it runs in the same one', async () => {
  const peek = startPeek({ files: [file()], definitions });
  const progress: number[] = [];
  const rollup = startRollup(rollupRequest(), (p) => progress.push(p.index));
  expect(FakeWorker.made).toHaveLength(1);
  const worker = FakeWorker.made[0]!;
  expect(worker.sent.map((m) => m.type ?? 'rollup')).toEqual(['peek', 'rollup']);
  expect(worker.sent[0]!.id).not.toBe(worker.sent[1]!.id);

  // Answers go to the request they name, in whatever order they come.
  worker.answer(1, { type: 'progress', index: 1, total: 1, file: 'a.xlsx' });
  worker.answer(0, { type: 'peeked', sources: [{ source: 'a.xlsx', forms: ['activity-summary'] }] });
  expect((await peek.done).sources[0]!.forms).toEqual(['activity-summary']);
  worker.answer(1, { type: 'done', result: emptyResult });
  expect((await rollup.done).result.form).toBe('activity-summary');
  expect(progress).toEqual([1]);
  expect(worker.terminated).toBe(false);

  // Run again (a corrected file added): the same worker, still.
  const again = startRollup(rollupRequest(), () => {});
  expect(FakeWorker.made).toHaveLength(1);
  worker.answer(2, { type: 'done', result: emptyResult });
  await again.done;
});

test('cancelling a roll-up alone in the worker ends the worker at once; the next request starts another', async () => {
  const rollup = startRollup(rollupRequest(), () => {});
  const worker = FakeWorker.made[0]!;
  rollup.cancel();
  expect(worker.terminated).toBe(true);
  await expect(rollup.done).rejects.toBeInstanceOf(RollupCancelled);

  const next = startRollup(rollupRequest(), () => {});
  expect(FakeWorker.made).toHaveLength(2);
  FakeWorker.made[1]!.answer(0, { type: 'done', result: emptyResult });
  await next.done;
});

test('cancelling a roll-up while a peek is in flight there tells the worker to stop that run only', async () => {
  const peek = startPeek({ files: [file()], definitions });
  const rollup = startRollup(rollupRequest(), () => {});
  const worker = FakeWorker.made[0]!;
  rollup.cancel();
  await expect(rollup.done).rejects.toBeInstanceOf(RollupCancelled);
  expect(worker.terminated).toBe(false);
  expect(worker.sent[2]).toEqual({ type: 'cancel', id: worker.sent[1]!.id });
  worker.answer(0, { type: 'peeked', sources: [{ source: 'a.xlsx', forms: ['activity-summary'] }] });
  expect((await peek.done).sources[0]!.forms).toEqual(['activity-summary']);
  // The roll-up's late answer reaches no one.
  expect(() => worker.answer(1, { type: 'done', result: emptyResult })).not.toThrow();
});

test('cancelling a peek only drops its answer: the worker goes on for the roll-up', async () => {
  const peek = startPeek({ files: [file()], definitions });
  const worker = FakeWorker.made[0]!;
  peek.cancel();
  await expect(peek.done).rejects.toBeInstanceOf(RollupCancelled);
  expect(worker.terminated).toBe(false);
  // Its late answer reaches no one.
  expect(() => worker.answer(0, { type: 'peeked', sources: [] })).not.toThrow();
  const rollup = startRollup(rollupRequest(), () => {});
  expect(FakeWorker.made).toHaveLength(1);
  worker.answer(1, { type: 'done', result: emptyResult });
  await rollup.done;
});

test('a worker that fails fails what runs there, with its message; the next request starts another', async () => {
  const rollup = startRollup(rollupRequest(), () => {});
  const worker = FakeWorker.made[0]!;
  worker.onerror?.({ message: 'out of memory' });
  await expect(rollup.done).rejects.toThrow('out of memory');
  expect(worker.terminated).toBe(true);
  startPeek({ files: [file()], definitions }).done.catch(() => undefined);
  expect(FakeWorker.made).toHaveLength(2);
});

test('a failed roll-up is reported and leaves the worker for the next', async () => {
  const rollup = startRollup(rollupRequest(), () => {});
  const worker = FakeWorker.made[0]!;
  worker.answer(0, { type: 'failed', message: 'unknown form x' });
  await expect(rollup.done).rejects.toThrow('unknown form x');
  expect(worker.terminated).toBe(false);
});

test('the pane closing ends the worker', () => {
  startPeek({ files: [file()], definitions }).done.catch(() => undefined);
  const worker = FakeWorker.made[0]!;
  releaseWorker();
  expect(worker.terminated).toBe(true);
});

test('the whole notice goes to the worker: spreadsheets as Files to read there, the rest by name; 取消 ends the worker', async () => {
  const sheet = new Blob([new Uint8Array([1, 2, 3])]);
  const notice = () =>
    startNoticeRun(
      {
        files: [
          { file: '大王庄/数据汇总表.xlsx', within: '大王庄/数据汇总表.xlsx', content: sheet },
          { file: '大王庄/活动总结.docx', within: '大王庄/活动总结.docx', size: 10 },
        ],
        problems: [],
        materials: ['activity-summary', 'activity-report'],
        definitions,
        lang: 'zh-CN',
        workbook: false,
      },
      (p) => progress.push(`${p.index}/${p.total}`),
    );
  const progress: string[] = [];
  const first = notice();
  const worker = FakeWorker.made[0]!;
  const sent = worker.sent[0] as NoticeRequest;
  expect(sent.type).toBe('notice');
  expect(sent.files.map((f) => f.content)).toEqual([sheet, undefined]);
  worker.answer(0, { type: 'progress', index: 1, total: 2, file: '大王庄/数据汇总表.xlsx' });
  worker.answer(0, {
    type: 'notice-done',
    result: { materials: [], forms: {}, units: [], reminders: [], files: [], issues: [], createdAt: '' },
  });
  expect((await first.done).result.materials).toEqual([]);
  expect(progress).toEqual(['1/2']);
  expect(worker.terminated).toBe(false);

  const second = notice();
  second.cancel();
  expect(worker.terminated).toBe(true);
  await expect(second.done).rejects.toBeInstanceOf(RollupCancelled);
});
