/**
 * The pane's roll-up and the whole notice running at once in the pane's one worker: 取消 of
 * either stops that run only — the other goes on and comes back with its result. Driven with
 * a stand-in Worker that runs the real worker script (rollup.worker.ts) on this thread
 * (jsdom and Node have no Web Worker): the pane's messages reach it a task later, as a
 * worker's do; what it posts reaches the pane at once.
 */
import * as fs from 'fs';
import * as path from 'path';
import { shippedForms } from '../../src/core/definitions/shipped';
import type { NoticeFile, RollupFile, WorkerRequest } from '../../src/taskpane/rollup/protocol';
import { activityRow, labelsOf, tempDir, writeCsv, writeXlsx } from '../helpers/workbooks';
import { ROSTER_ROWS } from '../notice/helpers';

/** The worker's whole-notice runs, to await their end (they end without a word when cancelled). */
const mockNoticeWork: Promise<void>[] = [];
jest.mock('../../src/taskpane/rollup/performNotice', () => {
  const actual = jest.requireActual<typeof import('../../src/taskpane/rollup/performNotice')>('../../src/taskpane/rollup/performNotice');
  return {
    performNotice: (...args: Parameters<typeof actual.performNotice>) => {
      const work = actual.performNotice(...args);
      mockNoticeWork.push(work);
      return work;
    },
  };
});

/**
 * The worker's roll-ups, to await their end: whether each was told it was cancelled, and how
 * many files it still began after that (each begun file posts its progress).
 */
const mockRollupWork: { work: Promise<void>; toldCancelled: boolean; begunAfterCancel: number }[] = [];
jest.mock('../../src/taskpane/rollup/performRollup', () => {
  const actual = jest.requireActual<typeof import('../../src/taskpane/rollup/performRollup')>('../../src/taskpane/rollup/performRollup');
  return {
    performRollup: (...[request, post, control]: Parameters<typeof actual.performRollup>) => {
      const run = { work: Promise.resolve(), toldCancelled: false, begunAfterCancel: 0 };
      const asked = control?.cancelled;
      const watched = asked
        ? {
            cancelled: () => {
              const yes = asked();
              if (yes) run.toldCancelled = true;
              return yes;
            },
            // Steps aside after every file, not only once busy BUSY_MS: on a fast machine the
            // example's few files take less, and the cancel would come after the run's end.
            breathe: async () => {
              await control?.breathe?.();
              await new Promise((resolve) => setTimeout(resolve, 0));
            },
          }
        : control;
      const counted: typeof post = (message) => {
        if (message.type === 'progress' && run.toldCancelled) run.begunAfterCancel++;
        post(message);
      };
      run.work = actual.performRollup(request, counted, watched);
      mockRollupWork.push(run);
      return run.work;
    },
  };
});

interface Posted {
  type: string;
  id?: number;
}

class InProcessWorker {
  static made: InProcessWorker[] = [];
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onerror: ((event: { message: string }) => void) | null = null;
  terminated = false;
  /** What the worker script posted, in order. */
  posted: Posted[] = [];
  /** What reached the worker script, in order. */
  heard: WorkerRequest[] = [];
  private readonly scope: { onmessage: ((event: { data: unknown }) => void) | null; postMessage(message: Posted): void };
  private waiting: { type: string; resolve: () => void }[] = [];

  constructor() {
    InProcessWorker.made.push(this);
    this.scope = {
      onmessage: null,
      postMessage: (message) => {
        if (this.terminated) return;
        this.posted.push(message);
        this.onmessage?.({ data: message });
      },
    };
    // The worker script, loaded afresh with this worker's `self`, as a new worker loads it.
    jest.isolateModules(() => {
      (globalThis as { self?: unknown }).self = this.scope;
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded per worker, after `self` is set
      require('../../src/taskpane/rollup/rollup.worker');
    });
  }
  postMessage(message: WorkerRequest): void {
    setTimeout(() => {
      if (this.terminated) return;
      this.heard.push(message);
      this.scope.onmessage?.({ data: message });
      for (const w of this.waiting.filter((w) => w.type === message.type)) w.resolve();
    }, 0);
  }
  terminate(): void {
    this.terminated = true;
  }
  /** Resolves once a message of this type has reached the worker script. */
  hears(type: string): Promise<void> {
    if (this.heard.some((m) => m.type === type)) return Promise.resolve();
    return new Promise((resolve) => this.waiting.push({ type, resolve }));
  }
}

jest.mock('../../src/taskpane/rollup/workerUrl', () => ({ createRollupWorker: () => new InProcessWorker() }));
(globalThis as { Worker?: unknown }).Worker = InProcessWorker;
/* eslint-disable @typescript-eslint/no-require-imports -- required, not imported: it must load after the mock above */
const { RollupCancelled, releaseWorker, startNoticeRun, startRollup } =
  require('../../src/taskpane/rollup/startRollup') as typeof import('../../src/taskpane/rollup/startRollup');
/* eslint-enable @typescript-eslint/no-require-imports */

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = () => {};
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

const dir = tempDir('huizong-two-runs-');
const noticeRoster = {
  name: '单位名单.csv',
  bytes: new Uint8Array(fs.readFileSync(writeCsv(path.join(dir, '单位名单.csv'), ROSTER_ROWS, 'utf8-bom'))),
};
const UNITS = ['大王庄街道总工会', '二号桥街道总工会', '天津市第一热电厂工会'];

/**
 * Three units' tables for the whole notice; reading the second waits for `gate` (a unit's
 * file on a slow disk), so the notice is under way in the worker while the roll-up starts.
 */
function noticeFiles(gate: Promise<void>, reads: string[]): NoticeFile[] {
  return UNITS.map((unit, i) => {
    const file = writeXlsx(path.join(dir, `${unit}.xlsx`), [
      { name: 'Sheet1', rows: [labelsOf('activity-summary'), activityRow({ unitName: unit, parentUnit: '' })] },
    ]);
    const content = new Blob([fs.readFileSync(file)]);
    const spied = new Blob([content]);
    Object.defineProperty(spied, 'arrayBuffer', {
      value: async () => {
        reads.push(unit);
        if (i === 1) await gate;
        return content.arrayBuffer();
      },
    });
    return { file: `${unit}/数据汇总表.xlsx`, within: `${unit}/数据汇总表.xlsx`, content: spied };
  });
}

const noticeRequest = (files: NoticeFile[]) => ({
  files,
  problems: [],
  materials: ['activity-summary' as const],
  roster: { ...noticeRoster, bytes: noticeRoster.bytes.slice() },
  definitions: [...shippedForms],
  deadline: '2099-12-31',
  lang: 'zh-CN' as const,
  workbook: false,
});

const examples = path.resolve(__dirname, '../../examples/河东区-2024');
const rollupRequest = () => ({
  files: fs
    .readdirSync(path.join(examples, 'returns'))
    .sort()
    .map((name): RollupFile => ({ name, bytes: new Uint8Array(fs.readFileSync(path.join(examples, 'returns', name))) })),
  definitions: [...shippedForms],
  form: 'activity-summary',
  lang: 'zh-CN' as const,
  workbook: false,
});

/** The notice started, and waiting in the worker on its second file. */
async function noticeUnderWay() {
  const gate = deferred();
  const atSecond = deferred();
  const reads: string[] = [];
  const notice = startNoticeRun(noticeRequest(noticeFiles(gate.promise, reads)), (p) => {
    if (p.index === 2) atSecond.resolve();
  });
  await atSecond.promise;
  // A test that fails before awaiting the notice must not leave its rejection unhandled.
  notice.done.catch(() => undefined);
  return { notice, gate, reads };
}

beforeEach(() => {
  releaseWorker();
  InProcessWorker.made = [];
  mockNoticeWork.length = 0;
  mockRollupWork.length = 0;
});

afterAll(() => releaseWorker());

test('取消 of the whole notice while the roll-up runs: the roll-up comes back with its result, the notice stops', async () => {
  const { notice, gate, reads } = await noticeUnderWay();
  const rollup = startRollup(rollupRequest(), (p) => {
    if (p.index === 1) notice.cancel();
  });
  const { result } = await rollup.done;
  await expect(notice.done).rejects.toBeInstanceOf(RollupCancelled);
  expect(
    result.files
      .filter((f) => f.status === 'rejected')
      .map((f) => f.file)
      .sort(),
  ).toEqual(['损坏的文件.xlsx', '知识竞赛情况表.xlsx']);
  expect(InProcessWorker.made).toHaveLength(1);
  const worker = InProcessWorker.made[0]!;
  expect(worker.terminated).toBe(false);

  // The worker heard the cancel; the notice's second file comes in, and the third is never read.
  await worker.hears('cancel');
  gate.resolve();
  expect(mockNoticeWork).toHaveLength(1);
  await mockNoticeWork[0];
  expect(reads).toEqual(UNITS.slice(0, 2));
  expect(worker.posted.filter((m) => m.type === 'notice-done')).toEqual([]);
});

test('取消 of the roll-up while the whole notice runs: the notice comes back with every unit’s materials', async () => {
  const { notice, gate } = await noticeUnderWay();
  const rollup = startRollup(rollupRequest(), (p) => {
    if (p.index === 1) rollup.cancel();
  });
  await expect(rollup.done).rejects.toBeInstanceOf(RollupCancelled);
  const worker = InProcessWorker.made[0]!;
  expect(worker.terminated).toBe(false);
  // In the worker, the roll-up heard its cancel and stopped before its end: it posts no result.
  await worker.hears('cancel');
  expect(mockRollupWork).toHaveLength(1);
  await mockRollupWork[0]!.work;
  expect(mockRollupWork[0]!.toldCancelled).toBe(true);
  expect(mockRollupWork[0]!.begunAfterCancel).toBe(0);
  expect(worker.posted.filter((m) => m.type === 'done')).toEqual([]);
  gate.resolve();
  const { result } = await notice.done;
  expect(Object.fromEntries(result.units.map((u) => [u.unit, u.items['activity-summary']!.status]))).toEqual({
    大王庄街道总工会: 'received',
    二号桥街道总工会: 'received',
    河东区教育系统工会: 'missing',
    天津市第一热电厂工会: 'received',
  });
  expect(result.reminders.map((r) => r.unit)).toEqual(['河东区教育系统工会']);
});

test('取消 of a run alone in the worker still ends the worker at once; the next run starts another', async () => {
  const { notice, gate } = await noticeUnderWay();
  notice.cancel();
  await expect(notice.done).rejects.toBeInstanceOf(RollupCancelled);
  expect(InProcessWorker.made[0]!.terminated).toBe(true);
  gate.resolve();
  const rollup = startRollup(rollupRequest(), () => {});
  expect(InProcessWorker.made).toHaveLength(2);
  expect((await rollup.done).result.form).toBe('activity-summary');
});
