/* eslint-disable @typescript-eslint/no-explicit-any -- the CLI's --json output is read back as untyped JSON, as a user's script would */
/**
 * `rollup --last-year`: last year's roll-up of the same form beside this year's, per unit and
 * for the total (JSON `lastYear`, the 同比 sheet); a unit's figure ten times off its own last
 * year is warned about; a field added since last year is not compared.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as XLSX from '@e965/xlsx';
import { main } from '../../src/cli/main';
import { activityRow, idsOf, labelsOf, tempDir, trainingTable, writeXlsx } from '../helpers/workbooks';
import type { CellValue } from '../../src/core/values/types';

async function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const labels = labelsOf('activity-summary');

function returns(dir: string, year: number, units: Record<string, number>): string {
  fs.mkdirSync(dir, { recursive: true });
  for (const [unit, training] of Object.entries(units))
    writeXlsx(path.join(dir, `${unit}.xlsx`), [{ name: 'Sheet1', rows: trainingTable(year, { [unit]: training }) }]);
  return dir;
}

describe('this year against last year', () => {
  const dir = tempDir('huizong-last-year-');
  const last = path.join(dir, '2023汇总.xlsx');
  const out = path.join(dir, '2024汇总.xlsx');
  let report: any;

  beforeAll(async () => {
    const before = await run(
      'rollup',
      returns(path.join(dir, '2023'), 2023, { 甲工会: 100, 乙工会: 150, 丙工会: 80 }),
      '--form',
      'activity-summary',
      '--unit',
      '河东区总工会',
      '--out',
      last,
      '--json',
      '--today',
      '2023-03-26',
    );
    expect(before.code).toBe(0);
    // 乙 typed 1500 (an extra zero); 丙 did not report; 丁 is new.
    const now = await run(
      'rollup',
      returns(path.join(dir, '2024'), 2024, { 甲工会: 110, 乙工会: 1500, 丁工会: 60 }),
      '--form',
      'activity-summary',
      '--last-year',
      last,
      '--out',
      out,
      '--json',
      '--today',
      '2024-03-26',
    );
    expect(now.code).toBe(0);
    report = JSON.parse(now.out);
  });

  test('the total: this year, last year and the change', () => {
    expect(report.lastYear.file).toBe(last);
    expect(report.lastYear.total.trainingParticipants).toEqual({ thisYear: 1670, lastYear: 330, change: 1340 });
    expect(report.lastYear.fields).toContain('trainingParticipants');
    expect(report.lastYear.notCompared).toEqual([]);
  });

  test('each unit, new and gone ones marked', () => {
    const byUnit = Object.fromEntries(report.lastYear.units.map((u: any) => [u.unit, [u.status, u.values.trainingParticipants]]));
    expect(byUnit).toEqual({
      甲工会: ['both', { thisYear: 110, lastYear: 100, change: 10 }],
      乙工会: ['both', { thisYear: 1500, lastYear: 150, change: 1350 }],
      丁工会: ['new', { thisYear: 60, lastYear: null, change: null }],
      丙工会: ['gone', { thisYear: null, lastYear: 80, change: null }],
    });
  });

  test('a figure ten times its own last year is warned about on its cell, and counted', () => {
    const warned = report.issues.filter((i: any) => i.rule === 'outlier.last-year');
    expect(warned.map((i: any) => [path.basename(i.file), i.cell, i.field])).toEqual([['乙工会.xlsx', 'I3', 'trainingParticipants']]);
    expect(warned[0].message).toBe(
      'I3 培训人数（人次）：1500 与本单位去年的 150 相差十倍以上。请核对是否多写了 0、误用了“万”，或填到了别的列；该数照常计入合计',
    );
    expect(report.totals.trainingParticipants).toBe(1670);
  });

  test('the 同比 sheet: totals first, then each unit and indicator', () => {
    const book = XLSX.read(fs.readFileSync(out));
    expect(book.SheetNames).toContain('同比');
    const rows: unknown[][] = XLSX.utils.sheet_to_json(book.Sheets['同比']!, { header: 1 });
    expect(rows[0]![0]).toBe('维权行动月活动数据汇总表同比');
    expect(rows[2]).toEqual(['单位名称', '同比情况', '指标', '今年', '去年', '增减', '增减幅度']);
    const line = (unit: string) => rows.find((r) => r[0] === unit && r[2] === '培训人数（人次）');
    expect(line('合计')).toEqual(['合计', undefined, '培训人数（人次）', 1670, 330, 1340, 1340 / 330]);
    expect(line('丁工会')!.slice(0, 4)).toEqual(['丁工会', '今年新增', '培训人数（人次）', 60]);
    expect(line('丙工会')!.slice(0, 5)).toEqual(['丙工会', '去年有、今年未报', '培训人数（人次）', undefined, 80]);
  });

  test('the roll-up with its 同比 sheet still counts as one return at the level above', async () => {
    const city = tempDir('huizong-last-year-city-');
    fs.copyFileSync(out, path.join(city, '河东区.xlsx'));
    const result = JSON.parse(
      (await run('rollup', city, '--form', 'activity-summary', '--out', path.join(city, 'out.xlsx'), '--json', '--today', '2024-03-30'))
        .out,
    );
    expect(result.totals.trainingParticipants).toBe(1670);
    expect(result.rows).toHaveLength(3);
  });

  test('a last-year file of another form: said, and the roll-up goes on without the comparison', async () => {
    const other = writeXlsx(path.join(dir, '竞赛.xlsx'), [
      { name: 'Sheet1', rows: [labelsOf('quiz-results'), ['甲工会', '竞赛', '本级组织', '线上答题']] },
    ]);
    const result = await run(
      'rollup',
      path.join(dir, '2024'),
      '--form',
      'activity-summary',
      '--last-year',
      other,
      '--out',
      path.join(dir, 'x.xlsx'),
      '--json',
      '--today',
      '2024-03-26',
    );
    const json = JSON.parse(result.out);
    expect(json.lastYear).toBeUndefined();
    expect(json.issues[0].message).toMatch(/^去年的表无法用来同比：这是“女职工权益保护法律法规知识竞赛活动情况表”/);
    expect(json.totals.trainingParticipants).toBe(1670);
  });
});

test('a field added since last year (the quiz form’s 本单位女职工人数) is not compared', async () => {
  const dir = tempDir('huizong-last-year-quiz-');
  const ids = idsOf('quiz-results');
  const row = (unit: string, values: Record<string, CellValue>, fieldIds = ids) =>
    fieldIds.map((id) =>
      id in values
        ? values[id]!
        : ((
            {
              unitName: unit,
              competitionName: '竞赛',
              organisation: '本级组织',
              format: '线上答题',
              sessions: 1,
              contactPerson: '张敏',
              contactPhone: '13812345678',
              fillDate: '2024-03-20',
            } as Record<string, CellValue>
          )[id] ?? null),
    );
  const oldIds = ids.filter((id) => id !== 'femaleWorkers');
  const last = writeXlsx(path.join(dir, '2023.xlsx'), [
    {
      name: 'Sheet1',
      rows: [
        labelsOf('quiz-results').filter((l) => l !== '本单位女职工人数（人）'),
        row('甲工会', { participants: 100, femaleParticipants: 50, fillDate: '2023-03-20' }, oldIds),
      ],
    },
  ]);
  const now = writeXlsx(path.join(dir, '2024.xlsx'), [
    { name: 'Sheet1', rows: [labelsOf('quiz-results'), row('甲工会', { participants: 120, femaleParticipants: 60, femaleWorkers: 80 })] },
  ]);
  const result = JSON.parse(
    (
      await run(
        'rollup',
        now,
        '--form',
        'quiz-results',
        '--last-year',
        last,
        '--out',
        path.join(dir, 'o.xlsx'),
        '--json',
        '--today',
        '2024-03-26',
      )
    ).out,
  );
  expect(result.lastYear.notCompared).toEqual(['femaleWorkers']);
  expect(result.lastYear.fields).not.toContain('femaleWorkers');
  expect(result.lastYear.total.participants).toEqual({ thisYear: 120, lastYear: 100, change: 20 });
});

test('with a roster, a unit last year under an alias is the same unit this year', async () => {
  const dir = tempDir('huizong-last-year-alias-');
  const roster = path.join(dir, '名单.csv');
  fs.writeFileSync(roster, '单位名称,别名\n甲街道总工会,甲街工会\n');
  const last = writeXlsx(path.join(dir, '2023.xlsx'), [
    { name: 'Sheet1', rows: [labels, activityRow({ unitName: '甲街工会', trainingParticipants: 100, fillDate: '2023-03-20' })] },
  ]);
  const now = writeXlsx(path.join(dir, '2024.xlsx'), [
    { name: 'Sheet1', rows: [labels, activityRow({ unitName: '甲街道总工会', trainingParticipants: 120 })] },
  ]);
  const result = JSON.parse(
    (
      await run(
        'rollup',
        now,
        '--form',
        'activity-summary',
        '--roster',
        roster,
        '--last-year',
        last,
        '--out',
        path.join(dir, 'o.xlsx'),
        '--json',
        '--today',
        '2024-03-26',
      )
    ).out,
  );
  expect(result.lastYear.units.map((u: any) => [u.unit, u.status, u.values.trainingParticipants])).toEqual([
    ['甲街道总工会', 'both', { thisYear: 120, lastYear: 100, change: 20 }],
  ]);
});
