/* eslint-disable @typescript-eslint/no-explicit-any -- the CLI's --json output is read back as untyped JSON, as a user's script would */
/**
 * Tracing across levels (spec "Tracing every figure"): a row that reached this level inside a
 * roll-up from the level below keeps where it was typed (the unit's file, sheet and row) beside
 * the roll-up file it came in, in the JSON and in 汇总 — over two levels as over one.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as XLSX from '@e965/xlsx';
import { main } from '../../src/cli/main';
import { activityRow, labelsOf, tempDir, writeXlsx } from '../helpers/workbooks';

async function run(...args: string[]) {
  const out: string[] = [];
  const code = await main(args, { out: (t) => out.push(t), err: () => {} });
  return { code, json: JSON.parse(out.join('\n')) };
}

const labels = labelsOf('activity-summary');

describe('a unit’s row at the city leads back to the unit’s own file', () => {
  const dir = tempDir('huizong-trace-');
  const units = path.join(dir, 'units');
  fs.mkdirSync(units);
  const unitFile = writeXlsx(path.join(units, '大王庄.xlsx'), [
    {
      name: '数据',
      rows: [['2024年女职工维权行动月活动数据汇总表'], labels, activityRow({ unitName: '大王庄街道总工会', publicityEvents: 7 })],
    },
  ]);
  const district = path.join(dir, 'district');
  const city = path.join(dir, 'city');
  const province = path.join(dir, 'province');
  for (const d of [district, city, province]) fs.mkdirSync(d);
  let cityReport: any;

  beforeAll(async () => {
    expect(
      (
        await run(
          'rollup',
          units,
          '--form',
          'activity-summary',
          '--unit',
          '河东区总工会',
          '--out',
          path.join(district, '河东区汇总.xlsx'),
          '--json',
          '--today',
          '2024-03-26',
        )
      ).code,
    ).toBe(0);
    cityReport = (
      await run(
        'rollup',
        district,
        '--form',
        'activity-summary',
        '--unit',
        '天津市总工会',
        '--out',
        path.join(city, '天津市汇总.xlsx'),
        '--json',
        '--today',
        '2024-03-28',
      )
    ).json;
  });

  test('JSON: the district file it came in, and the original source beside it', () => {
    const row = cityReport.rows[0];
    expect(row).toMatchObject({
      unit: '大王庄街道总工会',
      file: path.join(district, '河东区汇总.xlsx'),
      sheet: '汇总',
      row: 5,
      status: 'counted',
    });
    expect(row.origin).toEqual({ file: unitFile, sheet: '数据', row: 3 });
  });

  test('汇总: the source columns name where it was typed, 说明 the roll-up it came in', () => {
    const book = XLSX.read(fs.readFileSync(path.join(city, '天津市汇总.xlsx')));
    const rows: unknown[][] = XLSX.utils.sheet_to_json(book.Sheets['汇总']!, { header: 1 });
    const header = rows[3]!;
    const row = rows.find((r) => r[0] === '大王庄街道总工会')!;
    expect([row[header.indexOf('来源文件')], row[header.indexOf('工作表')], row[header.indexOf('行号')]]).toEqual([unitFile, '数据', 3]);
    expect(String(row[header.indexOf('说明')])).toContain(`随 ${path.join(district, '河东区汇总.xlsx')} 汇总 第5行报来`);
  });

  test('one level further up, the origin is still the unit’s own file', async () => {
    const report = (
      await run('rollup', city, '--form', 'activity-summary', '--out', path.join(province, 'out.xlsx'), '--json', '--today', '2024-03-30')
    ).json;
    expect(report.rows[0].file).toBe(path.join(city, '天津市汇总.xlsx'));
    expect(report.rows[0].origin).toEqual({ file: unitFile, sheet: '数据', row: 3 });
    expect(report.totals.publicityEvents).toBe(7);
  });
});
