/**
 * What the pane's worker keeps between requests, and how it reads: forms compiled once per
 * kind of definitions (their row checks with them, ready after a peek), and every file read —
 * plain .xlsx the lean way, anything else with SheetJS loaded when first needed.
 */
import * as fs from 'fs';
import * as path from 'path';
import { shippedForms } from '../../src/core/definitions/shipped';
import { compiledForms } from '../../src/taskpane/rollup/compiledForms';
import { performPeek } from '../../src/taskpane/rollup/performPeek';
import { readInWorker } from '../../src/taskpane/rollup/readInWorker';
import type { PeekMessage } from '../../src/taskpane/rollup/protocol';
import { activityRow, idsOf, labelsOf, tempDir, writeCsv, writeXlsx } from '../helpers/workbooks';

const copy = <T>(value: T): T => structuredClone(value);

test('the same definitions, sent again, find their forms compiled', () => {
  const first = compiledForms(copy(shippedForms));
  const again = compiledForms(copy(shippedForms));
  expect(again).toBe(first);
  // Edited definitions are other forms.
  const edited = copy(shippedForms);
  edited[0]!.version = `${edited[0]!.version}-edited`;
  const other = compiledForms(edited);
  expect(other).not.toBe(first);
  expect(other[0]!.def.version).toMatch(/-edited$/);
});

test('after a peek, the row checks of the forms the files hold are compiled', async () => {
  const dir = tempDir();
  const ids = idsOf('activity-summary');
  const file = writeXlsx(path.join(dir, 'a.xlsx'), [
    { name: '活动数据汇总', rows: [labelsOf('activity-summary'), activityRow({ unitName: '甲单位' }, ids)] },
  ]);
  const definitions = copy(shippedForms).map((d) => ({ ...d, version: `${d.version}-peek` }));
  const forms = compiledForms(definitions);
  const activity = forms.find((f) => f.def.id === 'activity-summary')!;
  const quiz = forms.find((f) => f.def.id !== 'activity-summary')!;
  const compiles = { activity: jest.spyOn(activity, 'validateRow'), quiz: jest.spyOn(quiz, 'validateRow') };
  const messages: PeekMessage[] = [];
  await performPeek({ type: 'peek', definitions, files: [{ name: 'a.xlsx', bytes: new Uint8Array(fs.readFileSync(file)) }] }, (m) =>
    messages.push(m),
  );
  expect(messages).toEqual([{ type: 'peeked', sources: [{ source: 'a.xlsx', forms: ['activity-summary'] }] }]);
  expect(compiles.activity).toHaveBeenCalled();
  expect(compiles.quiz).not.toHaveBeenCalled();
});

test('files are read the lean way, or with SheetJS when they need it', async () => {
  const dir = tempDir();
  const rows = [labelsOf('activity-summary'), activityRow({ unitName: '甲单位' }, idsOf('activity-summary'))];
  const xlsx = writeXlsx(path.join(dir, 'a.xlsx'), [{ name: 'S', rows }]);
  const csv = writeCsv(path.join(dir, 'b.csv'), rows, 'gb18030');
  for (const [name, file] of [
    ['a.xlsx', xlsx],
    ['b.csv', csv],
  ] as const) {
    const read = await readInWorker({ name, bytes: new Uint8Array(fs.readFileSync(file)) });
    expect(read.ok && read.grids[0]!.rows[1]![0]).toBe('甲单位');
  }
  const cut = new Uint8Array(fs.readFileSync(xlsx)).subarray(0, 200);
  expect(await readInWorker({ name: 'cut.xlsx', bytes: cut })).toMatchObject({ ok: false, code: 'file.truncated' });
  expect(await readInWorker({ name: 'notes.txt', bytes: new Uint8Array([1]) })).toMatchObject({ ok: false, code: 'file.unsupported' });
});

test("a roll-up that fails in the worker posts what to do, not the engine's words", async () => {
  const { performRollup } = await import('../../src/taskpane/rollup/performRollup');
  const { messageFor } = await import('../../src/core/issues/catalogue');
  const logged = jest.spyOn(console, 'error').mockImplementation(() => {});
  const messages: { type: string; message?: string }[] = [];
  try {
    // A form the worker does not know: an internal error, never a user's doing.
    await performRollup(
      { type: 'rollup', form: 'no-such-form', files: [], definitions: [...copy(shippedForms)], lang: 'en', workbook: false },
      (m) => messages.push(m),
    );
    expect(messages).toEqual([{ type: 'failed', message: messageFor('rollup.failed', {}, 'en') }]);
    // The engine's words are kept for whoever looks into it.
    expect(logged).toHaveBeenCalledWith(expect.objectContaining({ message: 'unknown form no-such-form' }));
  } finally {
    logged.mockRestore();
  }
});

test("a peek that fails in the worker sends nothing of the engine's words to the pane", async () => {
  const logged = jest.spyOn(console, 'error').mockImplementation(() => {});
  const messages: PeekMessage[] = [];
  try {
    // A definition the worker cannot compile: an internal error, never a user's doing.
    const broken = [{ id: 'broken' }] as unknown as typeof shippedForms;
    await performPeek({ type: 'peek', definitions: [...broken], files: [] }, (m) => messages.push(m));
    expect(messages).toEqual([{ type: 'failed' }]);
    // The engine's words are kept for whoever looks into it.
    expect(logged).toHaveBeenCalledWith(expect.any(Error));
  } finally {
    logged.mockRestore();
  }
});

test('a roll-up told to stop (取消 beside another run) stops before its next file and says nothing more', async () => {
  const { performRollup } = await import('../../src/taskpane/rollup/performRollup');
  const dir = tempDir();
  const files = ['甲单位', '乙单位', '丙单位'].map((unit) => {
    const file = writeXlsx(path.join(dir, `${unit}.xlsx`), [
      { name: 'S', rows: [labelsOf('activity-summary'), activityRow({ unitName: unit }, idsOf('activity-summary'))] },
    ]);
    return { name: `${unit}.xlsx`, bytes: new Uint8Array(fs.readFileSync(file)) };
  });
  let stop = false;
  const messages: string[] = [];
  await performRollup(
    { type: 'rollup', form: 'activity-summary', files, definitions: [...copy(shippedForms)], lang: 'zh-CN', workbook: false },
    (m) => {
      messages.push(m.type === 'progress' ? `${m.type} ${m.file}` : m.type);
      stop = true;
    },
    { cancelled: () => stop },
  );
  expect(messages).toEqual(['progress 甲单位.xlsx']);
});
