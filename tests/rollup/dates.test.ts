/* eslint-disable @typescript-eslint/no-explicit-any -- the CLI's --json output is read back as untyped JSON, as a user's script would */
/**
 * The dates a roll-up decides by (spec "Dates a roll-up decides by"): a district's roll-up is
 * dated by the day it was made, a date without a year takes the activity's year and never the
 * clock's, and a deadline that is no day on the calendar is refused in plain words.
 */
import * as fs from 'fs';
import * as path from 'path';
import { main } from '../../src/cli/main';
import { shippedForms } from '../../src/core/definitions/shipped';
import { compileForm } from '../../src/core/definitions/compile';
import { checkReturn } from '../../src/files/checkReturn';
import { readWorkbook } from '../../src/files/readWorkbook';
import { activityRow, labelsOf, tempDir, writeCsv, writeXlsx } from '../helpers/workbooks';

const labels = labelsOf('activity-summary');
const forms = shippedForms.map(compileForm);
const activity = forms.find((f) => f.def.id === 'activity-summary')!;

async function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('a district roll-up at the city is dated by the day it was made', () => {
  const dir = tempDir('huizong-dates-');
  const returns = path.join(dir, 'returns');
  fs.mkdirSync(returns);
  // Every unit reported early, on 2024-03-18.
  writeXlsx(path.join(returns, '甲.xlsx'), [
    { name: 'Sheet1', rows: [labels, activityRow({ unitName: '甲街道总工会', parentUnit: '河东区总工会', fillDate: '2024-03-18' })] },
  ]);
  writeXlsx(path.join(returns, '乙.xlsx'), [
    { name: 'Sheet1', rows: [labels, activityRow({ unitName: '乙街道总工会', parentUnit: '河东区总工会', fillDate: '2024-03-18' })] },
  ]);
  const city = path.join(dir, 'city');
  fs.mkdirSync(city);
  const cityRoster = writeCsv(path.join(dir, '市名单.csv'), [
    ['单位名称', '单位层级'],
    ['河东区总工会', '区（市）县总工会'],
    ['河西区总工会', '区（市）县总工会'],
  ]);

  async function cityStatus(districtDay: string) {
    const made = path.join(city, '河东区汇总.xlsx');
    const district = await run(
      'rollup',
      returns,
      '--form',
      'activity-summary',
      '--unit',
      '河东区总工会',
      '--out',
      made,
      '--json',
      '--today',
      districtDay,
    );
    expect(district.code).toBe(0);
    const result = await run(
      'rollup',
      city,
      '--form',
      'activity-summary',
      '--roster',
      cityRoster,
      '--deadline',
      '2024-03-26',
      '--out',
      path.join(dir, '市汇总.xlsx'),
      '--json',
      '--today',
      '2024-04-01',
    );
    return JSON.parse(result.out);
  }

  test('rolled up after the city deadline: late, although every unit inside was early', async () => {
    const report = await cityStatus('2024-03-29');
    expect(report.units).toEqual([
      { unit: '河东区总工会', status: 'late' },
      { unit: '河西区总工会', status: 'missing' },
    ]);
    expect(report.issues.map((i: any) => i.message)).toContain('“河东区总工会”于 2024-03-29 报送，晚于截止日期 2024-03-26，已计入汇总');
    // Its rows keep their own dates (and are all counted).
    expect(report.rows.map((r: any) => r.status)).toEqual(['counted', 'counted']);
  });

  test('rolled up before the city deadline: reported', async () => {
    const report = await cityStatus('2024-03-24');
    expect(report.units[0]).toEqual({ unit: '河东区总工会', status: 'reported' });
  });
});

describe('a date without a year takes the activity year, never the clock', () => {
  const dir = tempDir('huizong-year-');
  // No title row: the table itself does not say the year.
  const file = writeXlsx(path.join(dir, '丙.xlsx'), [
    { name: 'Sheet1', rows: [labels, activityRow({ unitName: '丙街道总工会', fillDate: '3月20日' })] },
  ]);
  const roster = writeCsv(path.join(dir, '名单.csv'), [['单位名称'], ['丙街道总工会']]);

  test("the deadline's year: 3月20日 before a 2024-03-25 deadline is on time", async () => {
    const result = await run(
      'rollup',
      file,
      '--form',
      'activity-summary',
      '--roster',
      roster,
      '--deadline',
      '2024-03-25',
      '--out',
      path.join(dir, 'a.xlsx'),
      '--json',
      '--today',
      '2026-12-05',
    );
    const report = JSON.parse(result.out);
    expect(report.rows[0].values.fillDate).toBe('2024-03-20');
    expect(report.units).toEqual([{ unit: '丙街道总工会', status: 'reported' }]);
  });

  test('--year where no deadline is given', async () => {
    const result = await run(
      'rollup',
      file,
      '--form',
      'activity-summary',
      '--year',
      '2023',
      '--out',
      path.join(dir, 'b.xlsx'),
      '--json',
      '--today',
      '2026-12-05',
    );
    expect(JSON.parse(result.out).rows[0].values.fillDate).toBe('2023-03-20');
  });

  test('nothing says the year: an error naming the cell, not a guess from the clock', async () => {
    const result = await run('validate', file, '--json', '--today', '2026-12-05');
    const issues = JSON.parse(result.out).issues;
    const issue = issues.find((i: any) => i.field === 'fillDate');
    expect(issue).toMatchObject({ cell: 'AK2', severity: 'error', code: 'value.date-no-year' });
    expect(issue.message).toContain('“3月20日”没有写年份');
  });

  test("a filled-in template's record gives its year", () => {
    const read = readWorkbook('丙.xlsx', fs.readFileSync(file));
    if (!read.ok) throw new Error('unreadable');
    const withRecord = { ...read, meta: { generator: 'huizong', kind: 'template', form: 'activity-summary', year: '2022' } };
    const input = checkReturn({ name: '丙.xlsx', bytes: new Uint8Array() }, withRecord, forms, {
      lang: 'zh-CN',
      expected: activity,
      year: 2030,
      today: '2026-12-05',
    });
    expect(input.report?.tables[0]?.rows[0]?.values.fillDate).toBe('2022-03-20');
  });
});

describe('impossible dates are refused in plain words', () => {
  test.each([
    ['2024-02-30', '选项 --deadline：“2024-02-30”不是真实的日期：2024 年 2 月只有 29 天，没有 30 日；请核对后重新填写'],
    ['2024-99-99', '选项 --deadline：“2024-99-99”不是真实的日期：一年只有 12 个月，没有 99 月；请核对后按 2024-03-20 的格式填写'],
  ])('--deadline %s', async (deadline, message) => {
    const result = await run('rollup', 'x.xlsx', '--form', 'activity-summary', '--deadline', deadline, '--out', 'x-out.xlsx');
    expect(result.code).toBe(2);
    expect(result.err.split('\n')[0]).toBe(message);
  });

  test('--deadline in English', async () => {
    const result = await run(
      'rollup',
      'x.xlsx',
      '--form',
      'activity-summary',
      '--deadline',
      '2023-02-29',
      '--out',
      'x-out.xlsx',
      '--lang',
      'en',
    );
    expect(result.err.split('\n')[0]).toBe(
      '--deadline: "2023-02-29" is not a real date: month 2 of 2023 has 28 days, not 29. Please check it',
    );
  });

  test('a roster 截止日期 that is no day: the unit keeps the general deadline, the cell is named', async () => {
    const dir = tempDir('huizong-roster-date-');
    const roster = writeCsv(path.join(dir, '名单.csv'), [
      ['单位名称', '截止日期'],
      ['丁工会', '2024-02-30'],
    ]);
    const file = writeXlsx(path.join(dir, '丁.xlsx'), [
      { name: 'Sheet1', rows: [labels, activityRow({ unitName: '丁工会', fillDate: '2024-03-01' })] },
    ]);
    const result = await run(
      'rollup',
      file,
      '--form',
      'activity-summary',
      '--roster',
      roster,
      '--deadline',
      '2024-03-25',
      '--out',
      path.join(dir, 'o.xlsx'),
      '--json',
      '--today',
      '2024-03-26',
    );
    const report = JSON.parse(result.out);
    const issue = report.issues.find((i: any) => i.cell === 'B2');
    expect(issue.message).toContain('“2024-02-30”不是真实的日期：2024 年 2 月只有 29 天');
    expect(issue.message).toContain('该单位暂不设单独的截止日期');
    expect(report.units).toEqual([{ unit: '丁工会', status: 'reported' }]);
  });

  test('template --year 24 says the year is wrong', async () => {
    const result = await run('template', 'activity-summary', '--year', '24', '--out', path.join(tempDir(), 't.xlsx'));
    expect(result.code).toBe(2);
    expect(result.err.split('\n')[0]).toBe('年份“24”有误：请写四位数的年份，例如 --year 2024。');
  });
});
