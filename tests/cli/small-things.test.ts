/**
 * Small things of issue #14: --form twice is refused, a roll-up without a roster lists who
 * reported, English summary lines use English punctuation. And a file that cannot be read or
 * written is said in plain words, never Node's ("ENOENT: no such file or directory, open …").
 */
import * as fs from 'fs';
import * as path from 'path';
import * as XLSX from '@e965/xlsx';
import { reportFileFailure, writeOut } from '../../src/cli/fileFailure';
import { main } from '../../src/cli/main';
import { messageFor } from '../../src/core/issues/catalogue';
import { readRosterFile } from '../../src/files/rollupFiles';
import { activityRow, labelsOf, tempDir, writeXlsx } from '../helpers/workbooks';

/** Whether making the roll-up's workbook fails (as a bug in the writer would), for one test. */
const mockMaking = { fails: false, calls: 0 };
jest.mock('../../src/files/writeRollup', () => {
  const actual = jest.requireActual<typeof import('../../src/files/writeRollup')>('../../src/files/writeRollup');
  return {
    ...actual,
    writeRollupWorkbook: (...args: Parameters<typeof actual.writeRollupWorkbook>) => {
      mockMaking.calls++;
      return mockMaking.fails ? Promise.reject(new Error('exceljs: something broke')) : actual.writeRollupWorkbook(...args);
    },
  };
});

async function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const dir = tempDir('huizong-small-');
const labels = labelsOf('activity-summary');
writeXlsx(path.join(dir, '甲.xlsx'), [{ name: 'Sheet1', rows: [labels, activityRow({ unitName: '甲工会' })] }]);
writeXlsx(path.join(dir, '乙.xlsx'), [{ name: 'Sheet1', rows: [labels, activityRow({ unitName: '乙工会' })] }]);

test('--form given twice is refused, not silently the last', async () => {
  const result = await run('rollup', dir, '--form', 'activity-summary', '--form', 'quiz-results', '--out', path.join(dir, 'x.xlsx'));
  expect(result.code).toBe(2);
  expect(result.err.split('\n')[0]).toBe(
    '--form 只能写一次（这里写了：activity-summary, quiz-results）；一次汇总只汇总一张表，请只保留一个。',
  );
  expect(fs.existsSync(path.join(dir, 'x.xlsx'))).toBe(false);
});

test('without a roster, 报送情况 lists the units that did report', async () => {
  const out = path.join(tempDir(), 'o.xlsx');
  expect((await run('rollup', dir, '--form', 'activity-summary', '--out', out, '--today', '2024-03-26')).code).toBe(0);
  const book = XLSX.read(fs.readFileSync(out));
  const rows: unknown[][] = XLSX.utils.sheet_to_json(book.Sheets['报送情况']!, { header: 1 });
  expect(rows[1]![0]).toBe('未提供单位名单：以下 2 个单位报送了数据（提供单位名单后可看出未报送和逾期的单位）');
  const units = rows.filter((r) => r[0] === '甲工会' || r[0] === '乙工会');
  // In file order (乙.xlsx before 甲.xlsx).
  expect(units.map((r) => [r[0], r[3]])).toEqual([
    ['乙工会', '已报送'],
    ['甲工会', '已报送'],
  ]);
});

test('English: a rejected file is listed with an English colon', async () => {
  const bad = tempDir('huizong-small-en-');
  fs.writeFileSync(path.join(bad, 'notes.csv'), '姓名,年龄\n张三,30\n');
  const result = await run(
    'rollup',
    bad,
    '--form',
    'activity-summary',
    '--out',
    path.join(bad, 'o.xlsx'),
    '--lang',
    'en',
    '--today',
    '2024-03-26',
  );
  const line = result.out.split('\n').find((l) => l.includes('notes.csv'))!;
  expect(line).toMatch(/notes\.csv: /);
  expect(line).not.toContain('：');
});

test('the printed summary and 问题清单 name files, not the folders they were found in', async () => {
  const folder = tempDir('huizong-small-names-');
  writeXlsx(path.join(folder, '丙.xlsx'), [
    { name: 'Sheet1', rows: [labels, activityRow({ unitName: '丙工会', publicityEvents: '若干' })] },
  ]);
  writeXlsx(path.join(folder, '丙（更正）.xlsx'), [
    { name: 'Sheet1', rows: [labels, activityRow({ unitName: '丙工会', fillDate: '2024-03-22' })] },
  ]);
  const out = path.join(tempDir(), 'o.xlsx');
  const result = await run('rollup', folder, '--form', 'activity-summary', '--out', out, '--today', '2024-03-26');
  expect(result.code).toBe(0);
  expect(result.out).not.toContain(folder);
  expect(result.out).toMatch(/^ {2}错误 {2}丙\.xlsx D2 /m);
  expect(result.out).toContain('已被更正版本替代（丙（更正）.xlsx 第2行）');
  const rows: unknown[][] = XLSX.utils.sheet_to_json(XLSX.read(fs.readFileSync(out)).Sheets['问题清单']!, { header: 1 });
  expect(rows[0]!.slice(0, 2)).toEqual(['单位', '文件']);
  expect(rows.slice(1).map((r) => r.slice(0, 2))).toContainEqual(['丙工会', '丙.xlsx']);
  expect(JSON.stringify(rows)).not.toContain(folder);
});

test('huizong template roster writes the blank roster the roll-up reads, contact columns and all', async () => {
  const out = path.join(tempDir(), '单位名单.xlsx');
  const result = await run('template', 'roster', '--out', out);
  expect(result.code).toBe(0);
  const book = XLSX.read(fs.readFileSync(out));
  expect(book.SheetNames).toEqual(['单位名单']);
  const sheet = book.Sheets['单位名单']!;
  const header: unknown[][] = XLSX.utils.sheet_to_json(sheet, { header: 1 });
  expect(header[0]).toEqual(['单位名称', '单位层级', '上级单位', '别名', '截止日期', '联系人', '联系电话']);
  // Filled in by a person and given back as --roster: its units, contact and phone as typed.
  XLSX.utils.sheet_add_aoa(sheet, [['大王庄街道总工会', '街道（乡镇）工会', '河东区总工会', '', '', '李红', '022-24316934']], {
    origin: 'A2',
  });
  const filled = path.join(tempDir(), '填好的名单.xlsx');
  XLSX.writeFile(book, filled);
  const roster = readRosterFile({ name: filled, bytes: () => fs.readFileSync(filled) }, 'zh-CN');
  expect(roster.issues).toEqual([]);
  expect(roster.units).toEqual([
    expect.objectContaining({ name: '大王庄街道总工会', level: '街道（乡镇）工会', contact: '李红', phone: '022-24316934' }),
  ]);
});

test.each([
  [['--roster', 'x.xlsx'], '--roster'],
  [['--layout', 'card'], '--layout'],
  [['--year', '2024'], '--year'],
])('huizong template roster refuses %j, naming the option, and writes nothing', async (extra, option) => {
  const out = path.join(tempDir(), '单位名单.xlsx');
  const result = await run('template', 'roster', '--out', out, ...extra);
  expect(result.code).toBe(2);
  expect(result.err.split('\n')[0]).toBe(messageFor('cli.option-not-for-roster-template', { option }, 'zh-CN'));
  expect(fs.existsSync(out)).toBe(false);
});

describe('files that cannot be read or written', () => {
  const NODE_WORDS = /ENOENT|EISDIR|no such file|illegal operation|at \S+ \(/;
  const missingFolder = () => path.join(tempDir(), 'no-such-folder', 'out.xlsx');

  test('a file named for validate that is not there', async () => {
    const missing = path.join(dir, '不存在.xlsx');
    const result = await run('validate', missing);
    expect(result.err).toBe(`无法读取 ${missing}：没有这个文件，请检查路径和文件名`);
    expect(result.err + result.out).not.toMatch(NODE_WORDS);
  });

  test('rollup and template into a folder that does not exist: what to do, and exit code 1', async () => {
    const rollupOut = missingFolder();
    const rolled = await run('rollup', dir, '--form', 'activity-summary', '--out', rollupOut, '--lang', 'en');
    expect(rolled.code).toBe(1);
    expect(rolled.err).toContain(
      `Cannot write ${rollupOut}: the folder to write in does not exist; create it first, or choose another path`,
    );
    const templateOut = missingFolder();
    const template = await run('template', 'activity-summary', '--out', templateOut);
    expect(template.code).toBe(1);
    expect(template.err).toBe(`无法写出 ${templateOut}：要写入的文件夹不存在，请先建好这个文件夹，或换一个路径`);
    for (const said of [rolled.err, template.err]) expect(said).not.toMatch(NODE_WORDS);
  });

  test("with HUIZONG_DEBUG=1, Node's own words follow, for a maintainer", async () => {
    process.env.HUIZONG_DEBUG = '1';
    try {
      const result = await run('template', 'roster', '--out', dir);
      expect(result.code).toBe(1);
      const [said, ...debug] = result.err.split('\n');
      expect(said).toBe(`无法写出 ${dir}：这是一个文件夹，不是文件，请写出文件名`);
      expect(debug.join('\n')).toMatch(/EISDIR/);
    } finally {
      delete process.env.HUIZONG_DEBUG;
    }
  });

  test('a failure nothing foresaw is plain words and exit code 2, not a stack trace', async () => {
    // Standard output closed under it (huizong validate … | head): Node's "write EPIPE".
    const err: string[] = [];
    const broken = Object.assign(new Error('write EPIPE'), { code: 'EPIPE' });
    const io = {
      out: () => {
        throw broken;
      },
      err: (t: string) => void err.push(t),
    };
    expect(await main(['validate', path.join(dir, '甲.xlsx')], io)).toBe(2);
    expect(err).toEqual([messageFor('cli.unexpected', {}, 'zh-CN')]);
  });

  test('a workbook that could not be made is not blamed on the file it was to be written to', async () => {
    const err: string[] = [];
    const io = { out: () => undefined, err: (t: string) => void err.push(t) };
    const out = path.join(tempDir(), 'out.xlsx');
    const making = writeOut(io, 'zh-CN', out, () => Promise.reject(new Error('making failed')));
    await expect(making).rejects.toThrow('making failed');
    expect(err).toEqual([]);
    expect(fs.existsSync(out)).toBe(false);
  });

  test("an error code that is a name on every object (constructor) is an unknown reason, not Object's", () => {
    const err: string[] = [];
    const io = { out: () => undefined, err: (t: string) => void err.push(t) };
    reportFileFailure(io, 'en', 'read', 'a.xlsx', Object.assign(new Error('odd'), { code: 'constructor' }));
    expect(err).toEqual([messageFor('cli.cannot-read', { path: 'a.xlsx', reason: messageFor('cli.file.other', {}, 'en') }, 'en')]);
  });

  test('a roll-up whose workbook could not be made: plain words, exit code 2, no file blamed', async () => {
    mockMaking.fails = true;
    mockMaking.calls = 0;
    try {
      const out = path.join(tempDir(), '汇总.xlsx');
      const result = await run('rollup', dir, '--form', 'activity-summary', '--out', out);
      expect(mockMaking.calls).toBe(1);
      expect(result.code).toBe(2);
      expect(result.err.split('\n')).toContain(messageFor('cli.unexpected', {}, 'zh-CN'));
      expect(result.err).not.toContain('无法写出');
      expect(result.err).not.toContain('something broke');
    } finally {
      mockMaking.fails = false;
    }
  });
});
