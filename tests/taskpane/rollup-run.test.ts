/** The pane's roll-up runner on files, where no worker is at hand (jsdom): same engine, progress, cancel. */
import * as fs from 'fs';
import * as path from 'path';
import * as XLSX from '@e965/xlsx';
import { shippedForms } from '../../src/core/definitions/shipped';
import { RollupCancelled, startRollup } from '../../src/taskpane/rollup/startRollup';
import type { RollupFile } from '../../src/taskpane/rollup/protocol';

const examples = path.resolve(__dirname, '../../examples/河东区-2024');
const files: RollupFile[] = fs
  .readdirSync(path.join(examples, 'returns'))
  .sort()
  .map((name) => ({ name, bytes: new Uint8Array(fs.readFileSync(path.join(examples, 'returns', name))) }));
const roster = { name: '单位名单.csv', bytes: new Uint8Array(fs.readFileSync(path.join(examples, '单位名单.csv'))) };

test('rolls up the example returns with progress and a workbook to download', async () => {
  const progress: string[] = [];
  const run = startRollup(
    {
      files,
      roster,
      definitions: [...shippedForms],
      form: 'activity-summary',
      deadline: '2024-03-25',
      unit: '河东区总工会',
      lang: 'zh-CN',
      workbook: true,
    },
    (p) => progress.push(`${p.index}/${p.total} ${p.file}`),
  );
  const done = await run.done;
  expect(progress).toHaveLength(files.length);
  expect(progress[0]).toBe(`1/${files.length} ${files[0]!.name}`);
  expect(
    done.result.files
      .filter((f) => f.status === 'rejected')
      .map((f) => f.file)
      .sort(),
  ).toEqual(['损坏的文件.xlsx', '知识竞赛情况表.xlsx']);
  expect(done.result.units.find((u) => u.unit === '天津市第一热电厂工会')?.status).toBe('late');
  const book = XLSX.read(done.workbook!);
  expect(book.SheetNames.slice(0, 3)).toEqual(['汇总', '报送情况', '问题清单']);
});

test('a run can be cancelled', async () => {
  const run = startRollup({ files, definitions: [...shippedForms], form: 'activity-summary', lang: 'zh-CN', workbook: false }, () => {});
  run.cancel();
  await expect(run.done).rejects.toBeInstanceOf(RollupCancelled);
});
