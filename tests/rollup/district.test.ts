/* eslint-disable @typescript-eslint/no-explicit-any -- the CLI's --json output is read back as untyped JSON, as a user's script would */
/**
 * A district's returns rolled up from real files, as `huizong rollup` does it: totals,
 * each roster unit's status, superseded versions, rejected files, and the district's
 * roll-up counted at the city without counting any unit twice.
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import * as XLSX from '@e965/xlsx';
import { main } from '../../src/cli/main';
import { convertWithLibreOffice, describeWithOffice } from '../helpers/libreoffice';
import { activityRow, labelsOf, tempDir, writeCsv, writeXlsx } from '../helpers/workbooks';

const labels = labelsOf('activity-summary');
const roster = [
  ['单位名称', '单位层级', '上级单位', '别名', '截止日期'],
  ['大王庄街道总工会', '街道（乡镇）工会', '河东区总工会', '大王庄街工会', ''],
  ['二号桥街道总工会', '街道（乡镇）工会', '河东区总工会', '', '2024-03-22'],
  ['河东区教育系统工会', '产业（系统）工会', '河东区总工会', '', ''],
  ['天津市第一热电厂工会', '基层工会', '河东区总工会', '', ''],
];

async function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

function district(dir: string) {
  const returns = path.join(dir, 'returns');
  fs.mkdirSync(returns, { recursive: true });
  const title = ['2024年女职工维权行动月活动数据汇总表'];
  writeXlsx(path.join(returns, '大王庄.xlsx'), [
    {
      name: 'Sheet1',
      rows: [
        title,
        labels,
        activityRow({ unitName: '大王庄街工会（女职委）', publicityEvents: 10, publicityParticipants: '约500', fillDate: '2024-03-20' }),
      ],
    },
  ]);
  // Sent twice: the corrected version has the later 填表日期 and wins.
  writeXlsx(path.join(returns, '二号桥.xlsx'), [
    { name: 'Sheet1', rows: [labels, activityRow({ unitName: '二号桥街道总工会', publicityEvents: 99, fillDate: '2024-03-18' })] },
  ]);
  writeXlsx(path.join(returns, '二号桥（更正）.xlsx'), [
    { name: 'Sheet1', rows: [labels, activityRow({ unitName: '二号桥街道总工会', publicityEvents: 7, fillDate: '2024-03-23' })] },
  ]);
  // A system union returns its subordinates' rows and a 合计 row: they count for it.
  writeXlsx(path.join(returns, '教育系统.xlsx'), [
    {
      name: 'Sheet1',
      rows: [
        labels,
        activityRow({
          unitName: '河东区第一中学工会',
          parentUnit: '河东区教育系统工会',
          publicityEvents: 2,
          publicityParticipants: '若干',
          fillDate: '2024-03-21',
        }),
        activityRow({ unitName: '河东区实验小学工会', parentUnit: '河东区教育系统工会', publicityEvents: 3, fillDate: '2024-03-21' }),
        ['合计', null, null, 5],
      ],
    },
  ]);
  writeXlsx(path.join(returns, '不在名单.xlsx'), [
    { name: 'Sheet1', rows: [labels, activityRow({ unitName: '河东区某某公司工会', parentUnit: '', publicityEvents: 1 })] },
  ]);
  writeXlsx(path.join(returns, '知识竞赛.xlsx'), [
    { name: 'Sheet1', rows: [labelsOf('quiz-results'), ['河东区总工会', '竞赛', '本级组织', '线上答题']] },
  ]);
  fs.writeFileSync(path.join(returns, '损坏.xlsx'), fs.readFileSync(path.join(returns, '大王庄.xlsx')).subarray(0, 300));
  const rosterFile = writeCsv(path.join(dir, '单位名单.csv'), roster, 'utf8-bom');
  return { returns, rosterFile };
}

describe('a district roll-up from the command line', () => {
  const dir = tempDir('huizong-district-');
  const { returns, rosterFile } = district(dir);
  const out = path.join(dir, '河东区汇总.xlsx');
  let report: any;
  let code: number;

  const hashes = () =>
    Object.fromEntries(
      [...fs.readdirSync(returns).map((f) => path.join(returns, f)), rosterFile].map((f) => [
        f,
        createHash('sha256').update(fs.readFileSync(f)).digest('hex'),
      ]),
    );
  let before: Record<string, string>;

  beforeAll(async () => {
    before = hashes();
    const result = await run(
      'rollup',
      returns,
      '--form',
      'activity-summary',
      '--roster',
      rosterFile,
      '--deadline',
      '2024-03-25',
      '--unit',
      '河东区总工会',
      '--out',
      out,
      '--json',
      '--today',
      '2024-03-26',
    );
    code = result.code;
    report = JSON.parse(result.out);
  });

  test('never changes an input file', () => {
    expect(hashes()).toEqual(before);
  });

  test('writes the workbook and exits 0 although some files were bad', () => {
    expect(code).toBe(0);
    expect(fs.existsSync(out)).toBe(true);
  });

  test('every file gets a verdict with a reason a person understands', () => {
    const verdicts = Object.fromEntries(report.files.map((f: any) => [path.basename(f.file), [f.status, f.reason]]));
    expect(verdicts['大王庄.xlsx']).toEqual(['accepted', null]);
    expect(verdicts['知识竞赛.xlsx']).toEqual([
      'rejected',
      '这是“女职工权益保护法律法规知识竞赛活动情况表”，不是本次汇总的“维权行动月活动数据汇总表”，未计入汇总',
    ]);
    expect(verdicts['损坏.xlsx'][0]).toBe('rejected');
    expect(verdicts['损坏.xlsx'][1]).toMatch(/^文件不完整（只有 \d+ B），可能没有下载完或没有保存完，无法读取/);
    expect(report.files).toHaveLength(7);
  });

  test('the later corrected return wins; the earlier one is listed as superseded, never summed', () => {
    const erhao = report.rows.filter((r: any) => r.unit === '二号桥街道总工会');
    expect(erhao.map((r: any) => [path.basename(r.file), r.status])).toEqual([
      ['二号桥.xlsx', 'superseded'],
      ['二号桥（更正）.xlsx', 'counted'],
    ]);
  });

  test('totals are the counted rows only: approximations counted, unreadable values left out, 合计 never added', () => {
    // 大王庄 10 + 二号桥（更正） 7 + 一中 2 + 实验小学 3 + 某某公司 1
    expect(report.totals.publicityEvents).toBe(23);
    // 约500 + 1200 + (若干: left out) + 1200 + 1200
    expect(report.totals.publicityParticipants).toBe(500 + 1200 * 3);
    expect(
      report.issues.some(
        (i: any) => i.message === 'E2 宣传活动参与人数（人次）：“若干”不是整数，请填写不小于0的整数' && i.file.endsWith('教育系统.xlsx'),
      ),
    ).toBe(true);
  });

  test('each roster unit has its status: by alias, through 上级单位, late, missing', () => {
    expect(report.units).toEqual([
      { unit: '大王庄街道总工会', status: 'reported' },
      { unit: '二号桥街道总工会', status: 'late' },
      { unit: '河东区教育系统工会', status: 'reported' },
      { unit: '天津市第一热电厂工会', status: 'missing' },
    ]);
  });

  test('a unit not on the roster is counted and flagged', () => {
    const row = report.rows.find((r: any) => r.unit === '河东区某某公司工会');
    expect(row.status).toBe('counted');
    expect(report.issues.map((i: any) => i.message)).toContain('第2行：“河东区某某公司工会”不在单位名单中，已计入汇总，请核对单位名称');
  });

  test('the workbook has the three sheets, and the totals in 汇总', () => {
    const book = XLSX.read(fs.readFileSync(out));
    expect(book.SheetNames.slice(0, 3)).toEqual(['汇总', '报送情况', '问题清单']);
    const rows = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets['汇总']!, { header: 1 });
    const total = rows.find((r) => r[0] === '合计');
    expect(total?.[3]).toBe(23);
  });

  test('the same inputs in another order give the same report', async () => {
    const again = await run(
      'rollup',
      ...fs
        .readdirSync(returns)
        .reverse()
        .map((f) => path.join(returns, f)),
      '--form',
      'activity-summary',
      '--roster',
      rosterFile,
      '--deadline',
      '2024-03-25',
      '--out',
      path.join(dir, 'again.xlsx'),
      '--json',
      '--today',
      '2024-03-26',
    );
    const other = JSON.parse(again.out);
    expect(other.totals).toEqual(report.totals);
    expect(other.units).toEqual(report.units);
    expect(other.rows.map((r: any) => [r.file, r.row, r.status])).toEqual(report.rows.map((r: any) => [r.file, r.row, r.status]));
  });

  test('at the city, the district roll-up counts as the district, with no unit counted twice', async () => {
    const city = tempDir('huizong-city-');
    const cityRoster = writeCsv(path.join(city, '名单.csv'), [
      ['单位名称', '单位层级'],
      ['河东区总工会', '区（市）县总工会'],
      ['河西区总工会', '区（市）县总工会'],
    ]);
    fs.copyFileSync(out, path.join(city, '河东区汇总.xlsx'));
    // 大王庄 also sent its (later) return straight to the city.
    writeXlsx(path.join(city, '大王庄直报.xlsx'), [
      {
        name: 'Sheet1',
        rows: [
          labels,
          activityRow({
            unitName: '大王庄街道总工会',
            parentUnit: '河东区总工会',
            publicityEvents: 11,
            publicityParticipants: 500,
            fillDate: '2024-03-24',
          }),
        ],
      },
    ]);
    const result = await run(
      'rollup',
      city,
      '--form',
      'activity-summary',
      '--roster',
      cityRoster,
      '--out',
      path.join(city, '市汇总.xlsx'),
      '--json',
      '--today',
      '2024-03-30',
    );
    const cityReport = JSON.parse(result.out);
    expect(cityReport.units).toEqual([
      { unit: '河东区总工会', status: 'reported' },
      { unit: '河西区总工会', status: 'missing' },
    ]);
    // The district's 23 with 大王庄's 10 replaced by its direct, later 11.
    expect(cityReport.totals.publicityEvents).toBe(24);
    const dawang = cityReport.rows.filter((r: any) => r.unit.startsWith('大王庄'));
    expect(dawang.map((r: any) => [path.basename(r.file), r.status])).toEqual([
      ['大王庄直报.xlsx', 'counted'],
      ['河东区汇总.xlsx', 'superseded'],
    ]);
  });
});

describeWithOffice('returns saved by LibreOffice', () => {
  test('an .xls and an .xlsx written by LibreOffice are rolled up like any other', async () => {
    const dir = tempDir('huizong-lo-rollup-');
    const csvA = writeCsv(path.join(dir, 'a.csv'), [labels, activityRow({ unitName: '甲工会', publicityEvents: 4 })]);
    const csvB = writeCsv(path.join(dir, 'b.csv'), [labels, activityRow({ unitName: '乙工会', publicityEvents: '５场' })]);
    const returns = path.join(dir, 'returns');
    fs.mkdirSync(returns);
    await convertWithLibreOffice(csvA, 'xls', returns);
    await convertWithLibreOffice(csvB, 'xlsx', returns);
    const result = await run(
      'rollup',
      returns,
      '--form',
      'activity-summary',
      '--out',
      path.join(dir, 'out.xlsx'),
      '--json',
      '--today',
      '2024-03-26',
    );
    const report = JSON.parse(result.out);
    expect(report.files.map((f: any) => [path.basename(f.file), f.status])).toEqual([
      ['a.xls', 'accepted'],
      ['b.xlsx', 'accepted'],
    ]);
    expect(report.totals.publicityEvents).toBe(9);
  });
});
