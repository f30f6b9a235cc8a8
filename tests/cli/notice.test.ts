/**
 * `huizong rollup` without --form: the whole notice from an inbox on disk — folders per unit,
 * flat files, documents, photos — and the bad input an inbox brings, each a line in the file
 * list with its reason while the rest goes on.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as XLSX from '@e965/xlsx';
import { readdirSync } from 'node:fs';
import { main } from '../../src/cli/main';
import { walkInbox } from '../../src/cli/walkInbox';
import { activityRow, labelsOf, tempDir, writeCsv, writeXlsx } from '../helpers/workbooks';
import { quizRow, ROSTER_ROWS } from '../notice/helpers';

async function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

function touch(file: string, text = 'x') {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

function inbox(dir: string) {
  const root = path.join(dir, '收件箱');
  fs.mkdirSync(path.join(root, '大王庄街道总工会'), { recursive: true });
  writeXlsx(path.join(root, '大王庄街道总工会', '数据汇总表.xlsx'), [
    { name: 'Sheet1', rows: [labelsOf('activity-summary'), activityRow({ unitName: '大王庄街道总工会', parentUnit: '', photos: 2 })] },
  ]);
  writeXlsx(path.join(root, '大王庄街道总工会', '知识竞赛.xlsx'), [{ name: 'Sheet1', rows: [labelsOf('quiz-results'), quizRow()] }]);
  touch(path.join(root, '大王庄街道总工会', '活动总结.docx'));
  touch(path.join(root, '大王庄街道总工会', '照片', 'a.jpg'));
  touch(path.join(root, '大王庄街道总工会', '照片', 'b.jpg'));
  writeXlsx(path.join(root, '二号桥-数据汇总表.xlsx'), [
    { name: 'Sheet1', rows: [labelsOf('activity-summary'), activityRow({ unitName: '二号桥街道总工会', parentUnit: '', photos: 1 })] },
  ]);
  touch(path.join(root, '二号桥图片.png'));
  // Documents and photos are dated by their file's time: this one came before 二号桥's deadline (03-22).
  fs.utimesSync(path.join(root, '二号桥图片.png'), new Date('2024-03-21T10:00:00Z'), new Date('2024-03-21T10:00:00Z'));
  touch(path.join(root, '二号桥活动照片2.jpg'));
  // A name an old zip tool wrote in GBK: 第一热电厂活动总结.docx.
  const gbk = Buffer.from([0xb5, 0xda, 0xd2, 0xbb, 0xc8, 0xc8, 0xb5, 0xe7, 0xb3, 0xa7, 0xbb, 0xee, 0xb6, 0xaf, 0xd7, 0xdc, 0xbd, 0xe1]);
  fs.writeFileSync(Buffer.concat([Buffer.from(root + '/'), gbk, Buffer.from('.docx')]), 'x');
  touch(path.join(root, '大王庄与二号桥联合活动总结.pdf'));
  fs.mkdirSync(path.join(root, '空文件夹'));
  fs.symlinkSync('..', path.join(root, '大王庄街道总工会', '回到上层'));
  fs.mkdirSync(path.join(root, '锁住的文件夹'));
  touch(path.join(root, '锁住的文件夹', '教育系统活动总结.docx'));
  const roster = writeCsv(path.join(dir, '单位名单.csv'), ROSTER_ROWS, 'utf8-bom');
  return { root, roster };
}

describe('huizong rollup --materials (the whole notice)', () => {
  const dir = tempDir('huizong-notice-cli-');
  const { root, roster } = inbox(dir);
  const out = path.join(dir, '通知汇总.xlsx');
  let json: {
    forms: Record<string, { form: string; units: { unit: string; status: string }[] }>;
    materials: { unit: string; items: Record<string, string> }[];
    reminders: {
      unit: string;
      missing: string[];
      deadline: string | null;
      contact: string | null;
      phone: string | null;
      message: string;
    }[];
    files: { file: string; unit: string | null; material: string | null; status: string; reason: string | null }[];
    issues: { rule: string; message: string }[];
  };
  let result: { code: number; out: string; err: string };
  beforeAll(async () => {
    result = await run(
      'rollup',
      root,
      '--materials',
      'activity-summary,quiz-results,activity-report,photos',
      '--roster',
      roster,
      '--deadline',
      '2099-12-31',
      '--out',
      out,
      '--json',
    );
    json = JSON.parse(result.out);
  });
  const file = (suffix: string) => json.files.find((f) => f.file.endsWith(suffix));

  test('writes the workbook and the JSON of the contract', () => {
    expect(result.code).toBe(0);
    expect(Object.keys(json).sort()).toEqual(['files', 'forms', 'issues', 'materials', 'reminders']);
    expect(Object.keys(json.forms).sort()).toEqual(['activity-summary', 'quiz-results']);
    expect(json.forms['activity-summary']!.form).toBe('activity-summary');
    const names = XLSX.read(fs.readFileSync(out)).SheetNames;
    expect(names).toEqual(expect.arrayContaining(['报送材料', '催报名单', '问题清单', '汇总-数据汇总表', '汇总-知识竞赛活动情况表']));
  });

  test('each roster unit × material', () => {
    const items = (unit: string) => json.materials.find((m) => m.unit === unit)?.items;
    expect(items('大王庄街道总工会')).toEqual({
      'activity-summary': 'received',
      'quiz-results': 'received',
      'activity-report': 'received',
      photos: 'received',
    });
    expect(items('二号桥街道总工会')).toEqual({
      'activity-summary': 'received',
      'quiz-results': 'missing',
      'activity-report': 'missing',
      photos: 'received',
    });
    // A later photo does not make the material late: its first copy dates it.
    expect(file('二号桥活动照片2.jpg')).toMatchObject({ unit: '二号桥街道总工会', material: 'photos', status: 'accepted' });
    // The GBK name is read as GBK: 第一热电厂's report is recognised.
    expect(items('天津市第一热电厂工会')?.['activity-report']).toBe('received');
    expect(file('第一热电厂活动总结.docx')).toMatchObject({
      unit: '天津市第一热电厂工会',
      material: 'activity-report',
      status: 'accepted',
    });
  });

  test('bad input: each a line with its reason, the rest goes on', () => {
    expect(file('大王庄与二号桥联合活动总结.pdf')).toMatchObject({ status: 'unattributed', unit: null });
    expect(file('大王庄与二号桥联合活动总结.pdf')?.reason).toContain('二号桥街道总工会');
    expect(file('空文件夹')).toMatchObject({ status: 'skipped' });
    expect(file('空文件夹')?.reason).toContain('空');
    expect(file('回到上层')).toMatchObject({ status: 'skipped' });
    expect(file('回到上层')?.reason).toContain('循环');
  });

  test('the reminder list carries the roster contact and a message', () => {
    const reminder = json.reminders.find((r) => r.unit === '二号桥街道总工会');
    expect(reminder).toMatchObject({
      missing: ['quiz-results', 'activity-report'],
      deadline: '2024-03-22',
      contact: '李娜',
      phone: '13800000002',
    });
    expect(reminder?.message).toContain('活动总结');
    expect(json.reminders.map((r) => r.unit)).not.toContain('大王庄街道总工会');
  });

  test('the summary without --json speaks the users’ words', async () => {
    const plain = await run(
      'rollup',
      root,
      '--materials',
      'activity-summary,photos',
      '--roster',
      roster,
      '--out',
      path.join(dir, 'plain.xlsx'),
    );
    expect(plain.code).toBe(0);
    expect(plain.out).toMatch(/数据汇总表：已收到 2，逾期 0，退回 0，未报送 2/);
    expect(plain.out).toMatch(/需催报 \d+ 个单位/);
  });

  test('usage: no --form and no --materials, or an unknown material, is refused with code 2', async () => {
    expect((await run('rollup', root, '--out', path.join(dir, 'x.xlsx'))).code).toBe(2);
    const unknown = await run('rollup', root, '--materials', 'activity-summary,video', '--out', path.join(dir, 'x.xlsx'));
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('video');
  });
});

describe('listing an inbox', () => {
  const dir = tempDir('huizong-walk-');

  test('a folder that cannot be opened is a line; its siblings are listed', () => {
    const root = path.join(dir, 'a');
    touch(path.join(root, '锁住', 'x.docx'));
    touch(path.join(root, '二号桥', '活动总结.docx'));
    const locked = Buffer.from(path.join(root, '锁住'));
    const listing = walkInbox([root], (d) => {
      if (d.equals(locked)) throw Object.assign(new Error('EACCES'), { code: 'EACCES' });
      return readdirSync(d, { withFileTypes: true, encoding: 'buffer' });
    });
    expect(listing.problems).toEqual([{ file: path.join(root, '锁住'), code: 'notice.folder-unreadable' }]);
    expect(listing.files.map((f) => f.within)).toEqual(['a/二号桥/活动总结.docx']);
  });

  test('10,000 files in one folder are all listed, in name order', () => {
    const root = path.join(dir, 'many');
    fs.mkdirSync(root);
    for (let i = 0; i < 10_000; i++) fs.writeFileSync(path.join(root, `图片${String(i).padStart(5, '0')}.jpg`), '');
    const listing = walkInbox([root]);
    expect(listing.files).toHaveLength(10_000);
    expect(listing.files[0]?.within).toBe('many/图片00000.jpg');
    expect(listing.files.at(-1)?.within).toBe('many/图片09999.jpg');
  });
});
