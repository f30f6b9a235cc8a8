/**
 * The whole notice as the pane runs it where no worker may be made (jsdom here, a pane opened
 * from file:// in a browser): the same engine on the page, progress per file, the download's
 * workbook, and 取消 that stops the work before the next file is read.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as XLSX from '@e965/xlsx';
import { shippedForms } from '../../src/core/definitions/shipped';
import type { NoticeFile } from '../../src/taskpane/rollup/protocol';
import { RollupCancelled, startNoticeRun } from '../../src/taskpane/rollup/startRollup';
import { activityRow, labelsOf, tempDir, writeCsv, writeXlsx } from '../helpers/workbooks';
import { ROSTER_ROWS } from '../notice/helpers';

/** The on-page work of each run (no worker here): awaited to its end, not for a while. */
const onPage: Promise<void>[] = [];
jest.mock('../../src/taskpane/rollup/performNotice', () => {
  const actual = jest.requireActual<typeof import('../../src/taskpane/rollup/performNotice')>('../../src/taskpane/rollup/performNotice');
  return {
    performNotice: (...args: Parameters<typeof actual.performNotice>) => {
      const work: Promise<void> = actual.performNotice(...args);
      onPage.push(work);
      return work;
    },
  };
});

const dir = tempDir('huizong-notice-run-');
const roster = {
  name: '单位名单.csv',
  bytes: new Uint8Array(fs.readFileSync(writeCsv(path.join(dir, '单位名单.csv'), ROSTER_ROWS, 'utf8-bom'))),
};

function table(unit: string): Blob {
  const file = writeXlsx(path.join(dir, `${unit}.xlsx`), [
    { name: 'Sheet1', rows: [labelsOf('activity-summary'), activityRow({ unitName: unit, parentUnit: '' })] },
  ]);
  return new Blob([fs.readFileSync(file)]);
}

const modified = Date.UTC(2024, 2, 20);
const request = (files: NoticeFile[], workbook = false) => ({
  files,
  problems: [],
  materials: ['activity-summary' as const, 'activity-report' as const],
  roster: { ...roster, bytes: roster.bytes.slice() },
  definitions: [...shippedForms],
  deadline: '2099-12-31',
  lang: 'zh-CN' as const,
  workbook,
});

test('on the page: every unit × material, progress per file, and the workbook to download', async () => {
  const progress: string[] = [];
  const run = startNoticeRun(
    request(
      [
        { file: '大王庄/数据汇总表.xlsx', within: '大王庄/数据汇总表.xlsx', modified, content: table('大王庄街道总工会') },
        { file: '大王庄/活动总结.docx', within: '大王庄/活动总结.docx', modified, size: 2_000_000_000 },
        { file: '二号桥活动总结.pdf', within: '二号桥活动总结.pdf', modified },
      ],
      true,
    ),
    (p) => progress.push(`${p.index}/${p.total}`),
  );
  const { result, workbook } = await run.done;
  expect(progress).toEqual(['1/3', '3/3']);
  const items = (unit: string) =>
    Object.fromEntries(Object.entries(result.units.find((u) => u.unit === unit)!.items).map(([m, c]) => [m, c!.status]));
  expect(items('大王庄街道总工会')).toEqual({ 'activity-summary': 'received', 'activity-report': 'received' });
  expect(items('二号桥街道总工会')).toEqual({ 'activity-summary': 'missing', 'activity-report': 'received' });
  expect(result.reminders.map((r) => r.unit)).toContain('二号桥街道总工会');
  const book = XLSX.read(workbook!);
  expect(book.SheetNames).toEqual(expect.arrayContaining(['报送材料', '催报名单', '问题清单']));
});

test('取消 on the page stops before the next file is read', async () => {
  onPage.length = 0;
  const reads: string[] = [];
  const files: NoticeFile[] = ['甲', '乙', '丙', '丁'].map((name) => {
    const content = table(`${name}单位`);
    const spied = new Blob([content]);
    Object.defineProperty(spied, 'arrayBuffer', {
      value: () => {
        reads.push(name);
        return content.arrayBuffer();
      },
    });
    return { file: `${name}/数据汇总表.xlsx`, within: `${name}/数据汇总表.xlsx`, content: spied };
  });
  const run = startNoticeRun(request(files), (p) => {
    if (p.index === 2) run.cancel();
  });
  await expect(run.done).rejects.toBeInstanceOf(RollupCancelled);
  // The work on the page, to its end: nothing after the second file was read.
  expect(onPage).toHaveLength(1);
  await onPage[0];
  expect(reads).toEqual(['甲', '乙']);
});

test('a spreadsheet that cannot be read any more is rejected with its unit, and the rest goes on', async () => {
  const gone = new Blob([]);
  Object.defineProperty(gone, 'arrayBuffer', { value: () => Promise.reject(new Error('NotReadableError')) });
  const run = startNoticeRun(
    request([
      { file: '大王庄/数据汇总表.xlsx', within: '大王庄/数据汇总表.xlsx', content: gone },
      { file: '二号桥/数据汇总表.xlsx', within: '二号桥/数据汇总表.xlsx', content: table('二号桥街道总工会') },
    ]),
    () => {},
  );
  const { result } = await run.done;
  const line = result.files.find((f) => f.file === '大王庄/数据汇总表.xlsx')!;
  expect(line).toMatchObject({ unit: '大王庄街道总工会', status: 'rejected' });
  expect(line.reason).toContain('无法读取该文件');
  expect(line.reason).not.toContain('NotReadableError');
  expect(result.units.find((u) => u.unit === '二号桥街道总工会')!.items['activity-summary']!.status).not.toBe('missing');
});
