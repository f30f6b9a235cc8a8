/* eslint-disable @typescript-eslint/no-explicit-any -- the CLI's --json output is read back as untyped JSON, as a user's script would */
/**
 * Outliers (spec "Outliers"): a readable figure ten times off its level's median, or off the
 * unit's own last year, is a warning on its cell; never changed, never left out of the total.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as XLSX from '@e965/xlsx';
import { main } from '../../src/cli/main';
import { compileForm } from '../../src/core/definitions/compile';
import { shippedForms } from '../../src/core/definitions/shipped';
import { farFromLastYear, farFromPeers, findOutliers } from '../../src/core/rollup/outliers';
import type { RollupRow } from '../../src/core/rollup/types';
import { activityRow, labelsOf, tempDir, writeXlsx } from '../helpers/workbooks';

const activity = compileForm(shippedForms.find((f) => f.id === 'activity-summary')!);

async function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('the rules, at their edges', () => {
  test('peers: ten times the median (or a tenth of it, when the median is at least 10)', () => {
    expect(farFromPeers(460, 46)).toBe(true);
    expect(farFromPeers(459, 46)).toBe(false);
    expect(farFromPeers(4.6, 46)).toBe(true);
    expect(farFromPeers(5, 46)).toBe(false);
    // A median under 10: a small value is no sign of a slip.
    expect(farFromPeers(0, 8)).toBe(false);
    expect(farFromPeers(80, 8)).toBe(true);
    // A median of 0 says nothing.
    expect(farFromPeers(1000, 0)).toBe(false);
  });

  test('last year: ten times off, and by at least 50', () => {
    expect(farFromLastYear(1200, 120)).toBe(true);
    expect(farFromLastYear(50, 5)).toBe(false);
    expect(farFromLastYear(60, 5)).toBe(true);
    expect(farFromLastYear(12, 120)).toBe(true);
    expect(farFromLastYear(13, 120)).toBe(false);
    expect(farFromLastYear(500, 0)).toBe(false);
  });

  function rows(values: number[], level = '基层工会'): RollupRow[] {
    return values.map((v, i) => ({
      unit: `单位${i}`,
      notOnRoster: false,
      file: `${i}.xlsx`,
      sheet: 'Sheet1',
      row: 2,
      status: 'counted',
      values: { unitLevel: level, trainingParticipants: v },
      fieldColumns: { trainingParticipants: 8 },
      unreadable: [],
      errors: 0,
      warnings: 0,
    }));
  }
  const levelOf = (row: RollupRow) => String(row.values.unitLevel);

  test('the median is of the others; five others are needed', () => {
    const five = rows([100, 95, 110, 105, 12000]);
    expect(findOutliers(five, { form: activity, lang: 'zh-CN', levelOf })).toEqual([]);
    const six = rows([100, 95, 110, 105, 98, 12000]);
    const issues = findOutliers(six, { form: activity, lang: 'zh-CN', levelOf });
    expect(issues.map((i) => [i.file, i.cell, i.code, i.field])).toEqual([['5.xlsx', 'I2', 'outlier.peers', 'trainingParticipants']]);
    expect(issues[0]!.message).toBe(
      'I2 培训人数（人次）：12000 与同级单位相差十倍以上：同级 5 个单位的中位数为 100。请核对是否多写了 0、误用了“万”，或填到了别的列；该数照常计入合计',
    );
    expect(six[5]!.warnings).toBe(1);
    expect(six[5]!.values.trainingParticipants).toBe(12000);
  });

  test('a value far below: the median said is that of the six others, the middle two averaged', () => {
    const seven = rows([1, 100, 110, 120, 130, 140, 150]);
    const issues = findOutliers(seven, { form: activity, lang: 'zh-CN', levelOf });
    expect(issues.map((i) => i.file)).toEqual(['0.xlsx']);
    expect(issues[0]!.message).toContain('同级 6 个单位的中位数为 125。请核对是否漏写了 0，或填到了别的列；');
  });

  test('a 0 among peers who all did the work: flagged, saying that a figure not counted is left blank, not 0', () => {
    const seven = rows([0, 100, 110, 120, 130, 140, 150]);
    const issues = findOutliers(seven, { form: activity, lang: 'zh-CN', levelOf });
    expect(issues.map((i) => [i.file, i.code])).toEqual([['0.xlsx', 'outlier.peers']]);
    expect(issues[0]!.message).toBe(
      'I2 培训人数（人次）：0 与同级单位相差十倍以上：同级 6 个单位的中位数为 125。确实没有的可不必理会；未统计的应留空，不要填 0；也请核对是否填到了别的列；该数照常计入合计',
    );
    expect(seven[0]!.values.trainingParticipants).toBe(0);
    const en = findOutliers(rows([0, 100, 110, 120, 130, 140, 150]), { form: activity, lang: 'en', levelOf });
    expect(en[0]!.message).toContain('if it was not counted, leave the cell blank instead of 0');
  });

  test('units of another level are not peers', () => {
    const mixed = [...rows([100, 95, 110], '基层工会'), ...rows([105, 98, 12000], '区（市）县总工会')];
    expect(findOutliers(mixed, { form: activity, lang: 'zh-CN', levelOf })).toEqual([]);
  });

  test('last year: the unit against itself, fields added since not compared', () => {
    const now = rows([1500]);
    const last = { trainingParticipants: 150 };
    const issues = findOutliers(now, {
      form: activity,
      lang: 'en',
      levelOf,
      lastYearOf: () => last,
      lastYearFields: new Set(['trainingParticipants']),
    });
    expect(issues.map((i) => i.code)).toEqual(['outlier.last-year']);
    expect(issues[0]!.message).toContain("1500 is ten times off this unit's 150 of last year");
    expect(findOutliers(rows([1500]), { form: activity, lang: 'en', levelOf, lastYearOf: () => last, lastYearFields: new Set() })).toEqual(
      [],
    );
  });
});

describe('from the command line: twelve units train about 50, one types 1.2万', () => {
  const dir = tempDir('huizong-outliers-');
  const labels = labelsOf('activity-summary');
  const typical = [46, 50, 48, 52, 45, 55, 47, 51, 44, 49, 53];
  typical.forEach((n, i) => {
    writeXlsx(path.join(dir, `单位${String(i + 1).padStart(2, '0')}.xlsx`), [
      {
        name: 'Sheet1',
        rows: [
          labels,
          activityRow({ unitName: `第${i + 1}基层工会`, unitLevel: '基层工会', parentUnit: '河东区总工会', trainingParticipants: n }),
        ],
      },
    ]);
  });
  writeXlsx(path.join(dir, '单位12.xlsx'), [
    {
      name: 'Sheet1',
      rows: [
        labels,
        activityRow({ unitName: '第12基层工会', unitLevel: '基层工会', parentUnit: '河东区总工会', trainingParticipants: '1.2万' }),
      ],
    },
  ]);
  const out = path.join(dir, '汇总.xlsx');
  let report: any;

  beforeAll(async () => {
    const result = await run('rollup', dir, '--form', 'activity-summary', '--out', out, '--json', '--today', '2024-03-26');
    report = JSON.parse(result.out);
  });

  test('the 12000 is warned about on its cell, saying what the peers reported and what to check', () => {
    const outliers = report.issues.filter((i: any) => i.rule === 'outlier.peers');
    expect(outliers).toHaveLength(1);
    expect(outliers[0]).toMatchObject({ sheet: 'Sheet1', cell: 'I2', field: 'trainingParticipants', severity: 'warning' });
    expect(path.basename(outliers[0].file)).toBe('单位12.xlsx');
    expect(outliers[0].message).toContain('同级 11 个单位的中位数为 49');
    expect(outliers[0].message).toContain('“万”');
  });

  test('the value is counted as it is', () => {
    expect(report.totals.trainingParticipants).toBe(typical.reduce((a, b) => a + b, 0) + 12000);
  });

  test("汇总's 说明 of that row says what to check", () => {
    const book = XLSX.read(fs.readFileSync(out));
    const rows: unknown[][] = XLSX.utils.sheet_to_json(book.Sheets['汇总']!, { header: 1 });
    const header = rows[3]!;
    const row = rows.find((r) => r[0] === '第12基层工会')!;
    expect(String(row[header.indexOf('说明')])).toContain('请核对培训人数（人次）（同级 11 个单位的中位数为 49）');
  });
});
