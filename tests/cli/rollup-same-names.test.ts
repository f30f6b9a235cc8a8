/**
 * Units often return the template under its own name: files of one name, from different
 * folders, are told apart by their folders everywhere a file is named.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as XLSX from '@e965/xlsx';
import { main } from '../../src/cli/main';
import { activityRow, labelsOf, tempDir, writeXlsx } from '../helpers/workbooks';

async function run(...args: string[]) {
  const out: string[] = [];
  const code = await main(args, { out: (t) => out.push(t), err: (t) => out.push(t) });
  return { code, out: out.join('\n') };
}

const labels = labelsOf('activity-summary');
const inbox = tempDir('huizong-same-names-');
const file = (...parts: string[]) => {
  fs.mkdirSync(path.join(inbox, ...parts.slice(0, -1)), { recursive: true });
  return path.join(inbox, ...parts);
};
const first = writeXlsx(file('甲', '报表.xlsx'), [
  { name: 'Sheet1', rows: [labels, activityRow({ unitName: '丙工会', publicityEvents: '若干', fillDate: '2024-03-20' })] },
]);
const second = writeXlsx(file('乙', '报表.xlsx'), [
  { name: 'Sheet1', rows: [labels, activityRow({ unitName: '丙工会', fillDate: '2024-03-22' })] },
]);
const blankA = writeXlsx(file('丁', '报表.xlsx'), [{ name: 'Sheet1', rows: [labels] }]);
const blankB = writeXlsx(file('戊', '报表.xlsx'), [{ name: 'Sheet1', rows: [labels] }]);
const alone = writeXlsx(file('己', '己工会.xlsx'), [{ name: 'Sheet1', rows: [labels, activityRow({ unitName: '己工会' })] }]);

let result: { code: number; out: string };
let book: XLSX.WorkBook;
const sheet = (name: string): unknown[][] => XLSX.utils.sheet_to_json(book.Sheets[name]!, { header: 1 });

beforeAll(async () => {
  const out = path.join(tempDir(), 'o.xlsx');
  result = await run('rollup', first, second, blankA, blankB, alone, '--form', 'activity-summary', '--out', out, '--today', '2024-03-26');
  book = XLSX.read(fs.readFileSync(out));
});

test('the CLI summary names same-named files with their folders, never the whole path', () => {
  expect(result.code).toBe(0);
  expect(result.out).not.toContain(inbox);
  // Two rejected blanks: two lines that say which is which.
  expect(result.out).toMatch(/^ {2}拒收 {2}丁\/报表\.xlsx：/m);
  expect(result.out).toMatch(/^ {2}拒收 {2}戊\/报表\.xlsx：/m);
  expect(result.out).toMatch(/^ {2}错误 {2}甲\/报表\.xlsx D2 /m);
});

test('the superseded message names the file that won with its folder', () => {
  expect(result.out).toContain('已被更正版本替代（乙/报表.xlsx 第2行）');
});

test('问题清单 names the file with its folder', () => {
  expect(
    sheet('问题清单')
      .slice(1)
      .map((r) => r.slice(0, 2)),
  ).toContainEqual(['丙工会', '甲/报表.xlsx']);
});

test('汇总 says which file replaced a superseded row', () => {
  const remarks = sheet('汇总')
    .flat()
    .filter((v): v is string => typeof v === 'string' && v.includes('报表.xlsx'));
  expect(remarks.some((v) => v.includes('乙/报表.xlsx') && !v.includes(inbox))).toBe(true);
});

test('报送情况 names same-named files with their folders, a file of its own name by its name', () => {
  const status = JSON.stringify(sheet('报送情况'));
  expect(status).toContain('"丁/报表.xlsx"');
  expect(status).toContain('"己工会.xlsx"');
  expect(status).not.toContain(inbox);
});
