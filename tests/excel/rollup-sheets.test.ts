/**
 * The roll-up written into the open workbook through the Office.js gateway, on the Excel test
 * double (./excelDouble.ts): the three sheets and the chart, the round trips (≤ 4 syncs
 * whatever the number of files and rows, each request under Excel on the web's 5 MB), and
 * that re-running replaces only the sheets Huizong wrote. Excel itself cannot run here: the
 * double records and counts, it does not render a chart or a fill.
 */
import { rollupSheetsPlan, issueCell, ROLLUP_COLORS } from '../../src/core/plan/rollupSheetsPlan';
import type { RollupSheetsPlan } from '../../src/core/plan/types';
import { rollUp, type ReturnInput } from '../../src/core/rollup/rollup';
import type { Roster, RollupResult } from '../../src/core/rollup/types';
import { columnName } from '../../src/core/table/grid';
import { validateGrids } from '../../src/core/validate/workbook';
import { createOfficeGateway, readRollupSheetsRecord, REQUEST_BUDGET, ROLLUP_SHEETS_KEY } from '../../src/excel/officeGateway';
import { errorText } from '../../src/excel/officeErrors';
import { FakeExcel, type DoubleOptions } from './excelDouble';
import { expectWithin19 } from './requirementSets';
import { activity, returnedTable } from './scenarios';

const FIVE_MB = 5 * 1024 * 1024;
const letter = (id: string) => columnName(activity.fields.findIndex((f) => f.id === id));

/**
 * `files` district returns of `rows` unit rows each (returnedTable: every 10th row 若干, every
 * 7th 1,200, every 13th a broken phone), rolled up. With `roster`, each file's first unit is on
 * the roster — the first one late, the last file's not at all — and one unit sent nothing.
 */
function districtResult(files: number, rows: number, roster = true): RollupResult {
  const inputs: ReturnInput[] = [];
  for (let f = 1; f <= files; f++) {
    const district = `第${f}区`;
    const table = returnedTable(rows).map((row, i) => (i >= 2 ? [`${district}${row[0]}`, ...row.slice(1)] : row));
    const file = `${district}.xlsx`;
    inputs.push({
      file,
      report: validateGrids(file, [{ sheet: 'Sheet1', rows: table, typed: true }], [activity], { today: '2024-03-25' }),
    });
  }
  const list: Roster = {
    source: '单位名单',
    units: [
      ...Array.from({ length: Math.max(0, files - 1) }, (_, i) => ({
        name: `第${i + 1}区第1基层工会`,
        aliases: [],
        row: i + 2,
        deadline: i === 0 ? '2024-03-18' : '2024-03-25',
      })),
      { name: '第99区总工会', aliases: [], row: files + 1, deadline: '2024-03-25' },
    ],
    issues: [],
  };
  return rollUp(inputs, {
    form: activity,
    forms: [activity],
    ...(roster ? { roster: list } : {}),
    unit: '河东区总工会',
    level: '区（市）县总工会',
    createdAt: '2024-03-26T02:30:00.000Z',
  });
}

function planOf(files: number, rows: number, roster = true): RollupSheetsPlan {
  return rollupSheetsPlan(districtResult(files, rows, roster), activity, 'zh-CN');
}

/** A workbook with a sheet of the user's (其他, with a value in it). */
function workbook(options: DoubleOptions = {}): FakeExcel {
  const fake = new FakeExcel(options);
  fake.model.addSheet('其他').setValues('A1', [['用户自己的表'], [42]]);
  fake.model.active = '其他';
  return fake;
}

function metaPairs(fake: FakeExcel): [string, string][] {
  const meta = fake.model.sheet('_huizong');
  if (!meta) return [];
  const pairs: [string, string][] = [];
  for (let r = 1; ; r++) {
    const k = meta.value(`A${r}`);
    if (k === '') break;
    pairs.push([String(k), String(meta.value(`B${r}`))]);
  }
  return pairs;
}

/** A fingerprint of everything on a sheet, to show it untouched. */
function snapshotOf(fake: FakeExcel, name: string) {
  const sheet = fake.model.sheet(name)!;
  return JSON.stringify({
    name: sheet.name,
    id: sheet.id,
    values: [...sheet.values],
    formats: [...sheet.numberFormats],
    styles: [...sheet.styles],
    merges: sheet.merges,
    charts: sheet.charts,
    frozen: sheet.frozen,
  });
}

describe('writeRollupSheets: what lands where', () => {
  let fake: FakeExcel;
  let plan: RollupSheetsPlan;
  let names: unknown;

  beforeAll(async () => {
    fake = workbook();
    plan = planOf(10, 1);
    names = await createOfficeGateway({ host: fake.host() }).writeRollupSheets(plan);
  });

  it('adds 汇总, 报送情况 and 问题清单, records them on _huizong, and opens 汇总', () => {
    expect(names).toEqual({ rows: '汇总', status: '报送情况', issues: '问题清单' });
    expect(fake.model.sheets.map((s) => s.name)).toEqual(['其他', '汇总', '报送情况', '问题清单', '_huizong']);
    expect(fake.model.sheet('_huizong')!.visibility).toBe('VeryHidden');
    const record = readRollupSheetsRecord(metaPairs(fake))!;
    expect(record.sheets).toEqual([
      { role: 'rows', name: '汇总', id: fake.model.sheet('汇总')!.id },
      { role: 'status', name: '报送情况', id: fake.model.sheet('报送情况')!.id },
      { role: 'issues', name: '问题清单', id: fake.model.sheet('问题清单')!.id },
    ]);
    expect(fake.model.active).toBe('汇总');
    expect(fake.model.sheet('汇总')!.selected).toBe('A5');
    expect(fake.leftovers).toBe(0);
  });

  it('汇总: title, groups, the Chinese labels, one row per counted row with its source, the 合计 row', () => {
    const sheet = fake.model.sheet('汇总')!;
    expect(sheet.value('A1')).toBe('2024年女职工维权行动月活动数据汇总表（河东区总工会汇总）');
    expect(String(sheet.value('A2'))).toMatch(/^汇总单位：河东区总工会\s+生成时间：/);
    expect(sheet.value('A3')).toBe('基本信息');
    expect(sheet.value('A4')).toBe('填报单位');
    expect(sheet.value(`${letter('publicityEvents')}4`)).toBe('开展宣传活动（场次）');
    expect(sheet.value(`${letter('notes')}4`)).toBe('备注');
    const source = activity.fields.length;
    expect([0, 1, 2, 3].map((i) => sheet.value(`${columnName(source + i)}4`))).toEqual(['来源文件', '工作表', '行号', '说明']);
    expect(sheet.value('A5')).toBe('第10区第1基层工会');
    expect(sheet.value('A14')).toBe('第9区第1基层工会');
    expect(sheet.value(`${letter('publicityEvents')}5`)).toBe(12);
    expect(sheet.value(`${columnName(source)}5`)).toBe('第10区.xlsx');
    expect(sheet.value(`${columnName(source + 2)}5`)).toBe(3);
    expect(sheet.value(`${columnName(source + 3)}5`)).toBe('不在单位名单');
    expect(sheet.value('A15')).toBe('合计');
    expect(sheet.value(`${letter('publicityEvents')}15`)).toBe(120);
    expect(sheet.value(`${letter('publicityParticipants')}15`)).toBe(12_000);
    expect(sheet.value('A16')).toBe('');
    expect(sheet.merges).toEqual(expect.arrayContaining([`A1:${columnName(source + 3)}1`, 'A3:C3']));
    expect(sheet.frozen).toBe('A1:A4');
    // Formats, and the look of the header and the total.
    expect(sheet.numberFormats.get(4 * 16_384 + activity.fields.findIndex((f) => f.id === 'publicityEvents'))).toBe('#,##0');
    expect(sheet.numberFormats.get(4 * 16_384 + activity.fields.findIndex((f) => f.id === 'fillDate'))).toBe('yyyy-mm-dd');
    expect(sheet.value(`${letter('fillDate')}5`)).toBe(45371);
    expect(sheet.style('A4')['fill.color']).toBe('#DDEBF7');
    expect(sheet.style('A4')['font.bold']).toBe(true);
    expect(sheet.style('A15')['fill.color']).toBe(ROLLUP_COLORS.total);
    expect(sheet.style('A15')['font.bold']).toBe(true);
    expect(sheet.style('A1')['font.size']).toBe(16);
    expect(sheet.style(`B14`)['borders.EdgeBottom.style']).toBe('Continuous');
    expect(sheet.columnWidths.get('A')).toBeGreaterThan(150);
  });

  it('汇总: the error and warning cells filled, through range areas', () => {
    const big = workbook();
    return (async () => {
      const p = planOf(1, 30);
      await createOfficeGateway({ host: big.host() }).writeRollupSheets(p);
      const sheet = big.model.sheet('汇总')!;
      // Row 10 of the return (若干) is the 10th counted row: sheet row 14.
      expect(sheet.value(`${letter('publicityEvents')}14`)).toBe('若干');
      expect(sheet.style(`${letter('publicityEvents')}14`)['fill.color']).toBe(ROLLUP_COLORS.error);
      expect(sheet.style(`${letter('publicityParticipants')}11`)['fill.color']).toBe(ROLLUP_COLORS.warning);
      expect(sheet.style(`${letter('publicityEvents')}13`)['fill.color']).toBeUndefined();
      const fills = big.commands.filter((c) => c.sheet === '汇总' && c.api === 'RangeFormat.fill.color' && c.address!.includes(','));
      expect(fills.length).toBeGreaterThan(0);
    })();
  });

  it('报送情况: counts on top, statuses coloured (已报送 green, 逾期 amber, 未报送 red, 不在名单 grey), then the files', () => {
    const sheet = fake.model.sheet('报送情况')!;
    expect(sheet.value('A1')).toBe(`${activity.def.title['zh-CN']}报送情况`);
    expect(sheet.value('A2')).toBe('应报 10，已报送 8，逾期 1，未报送 1，不在名单 1');
    expect(sheet.value('D4')).toBe('状态');
    const lines = Array.from({ length: 11 }, (_, i) => [
      sheet.value(`A${i + 5}`),
      sheet.value(`D${i + 5}`),
      sheet.style(`D${i + 5}`)['fill.color'],
    ]);
    expect(lines[0]).toEqual(['第1区第1基层工会', '逾期', '#FFEB9C']);
    expect(lines[1]).toEqual(['第2区第1基层工会', '已报送', '#C6EFCE']);
    expect(lines[9]).toEqual(['第99区总工会', '未报送', '#FFC7CE']);
    expect(lines[10]).toEqual(['第10区第1基层工会', '不在名单', '#E7E6E6']);
    expect(sheet.value('A17')).toBe('收到的文件：共 10 个，已接收 10，已拒收 0');
    expect([sheet.value('A18'), sheet.value('D18')]).toEqual(['文件', '原因']);
    expect([sheet.value('A19'), sheet.value('B19'), sheet.value('C19')]).toEqual(['第10区.xlsx', '已接收', 1]);
    // Fills went through getRanges.
    expect(fake.commands.some((c) => c.sheet === '报送情况' && c.api === 'RangeFormat.fill.color' && c.address!.includes('D6:D13'))).toBe(
      true,
    );
  });

  it('the chart: the main indicators by unit, fed from 汇总, on 报送情况', () => {
    expect(fake.model.sheet('汇总')!.charts).toEqual([]);
    const [chart, ...others] = fake.model.sheet('报送情况')!.charts;
    expect(others).toEqual([]);
    expect(chart).toEqual({
      type: 'ColumnClustered',
      seriesBy: 'Columns',
      source: `汇总!${letter('publicityEvents')}5:${letter('publicityEvents')}14`,
      title: plan.chart!.title,
      legend: 'Bottom',
      position: { from: 'L4', to: 'T22' },
      series: [
        {
          name: '开展宣传活动（场次）',
          values: `汇总!${letter('publicityEvents')}5:${letter('publicityEvents')}14`,
          xValues: '汇总!A5:A14',
        },
        {
          name: '宣传活动参与人数（人次）',
          values: `汇总!${letter('publicityParticipants')}5:${letter('publicityParticipants')}14`,
          xValues: '汇总!A5:A14',
        },
        {
          name: '新签女职工专项集体合同（份）',
          values: `汇总!${letter('contractsNew')}5:${letter('contractsNew')}14`,
          xValues: '汇总!A5:A14',
        },
      ],
    });
    expect(plan.chart!.source).toBe(`A4:A14,D4:E14,${letter('contractsNew')}4:${letter('contractsNew')}14`);
  });

  it('问题清单: the issues under their header, severities coloured, filter and frozen header; an issue selected from the pane', async () => {
    const sheet = fake.model.sheet('问题清单')!;
    expect(['A1', 'B1', 'C1', 'D1', 'E1', 'F1', 'G1', 'H1'].map((a) => sheet.value(a))).toEqual([
      '单位',
      '文件',
      '工作表',
      '单元格',
      '字段',
      '严重程度',
      '规则',
      '说明',
    ]);
    expect(sheet.autoFilter).toBe(`A1:H${1 + (plan.sheets[2]!.values.length - 1)}`);
    expect(sheet.frozen).toBe('rows:1');
    const n = plan.sheets[2]!.values.length - 1;
    expect(n).toBeGreaterThan(0);
    for (let r = 2; r <= n + 1; r++)
      expect(sheet.style(`F${r}`)['fill.color']).toBe(sheet.value(`F${r}`) === '错误' ? '#FFC7CE' : '#FFEB9C');

    const gateway = createOfficeGateway({ host: fake.host() });
    fake.resetCounts();
    const { sheet: name, address } = issueCell(n - 1);
    await gateway.selectCell(name, address);
    expect(fake.syncs).toBe(1);
    expect(fake.model.active).toBe('问题清单');
    expect(sheet.selected).toBe(`A${n + 1}:H${n + 1}`);
    expect(sheet.value(`H${n + 1}`)).toBe(plan.sheets[2]!.values[n]![7]);
  });

  it('keeps text a unit typed that looks like a formula as text', async () => {
    const result = districtResult(1, 1);
    result.rows[0]!.values = { ...result.rows[0]!.values, contactPerson: '=HYPERLINK("http://x")', notes: '@SUM(A1)' };
    const f = workbook();
    await createOfficeGateway({ host: f.host() }).writeRollupSheets(rollupSheetsPlan(result, activity, 'zh-CN'));
    const sheet = f.model.sheet('汇总')!;
    // Excel takes the leading ' as "text" and keeps the rest (the double turns unguarded formula text into a formula).
    expect(sheet.value(`${letter('contactPerson')}5`)).toBe(`=HYPERLINK("http://x")`);
    expect(sheet.value(`${letter('notes')}5`)).toBe('@SUM(A1)');
    expect(sheet.value(`${letter('contactPhone')}5`)).toBe('022-24316934');
  });

  it('a first indicator no unit filled in: the chart starts from the next one, and the sheets are written whole', async () => {
    const result = districtResult(5, 1);
    for (const row of result.rows) row.values = { ...row.values, publicityEvents: null };
    const f = workbook();
    const written = rollupSheetsPlan(result, activity, 'zh-CN');
    await createOfficeGateway({ host: f.host() }).writeRollupSheets(written);
    const [chart] = f.model.sheet('报送情况')!.charts;
    expect(chart!.series.map((s) => s.name)).toEqual(['宣传活动参与人数（人次）', '新签女职工专项集体合同（份）']);
    expect(chart!.source).toBe(`汇总!${letter('publicityParticipants')}5:${letter('publicityParticipants')}9`);
    expect(f.model.active).toBe('汇总');
  });

  it('stays within ExcelApi 1.9', () => {
    expectWithin19(fake);
    for (const api of [
      'ChartCollection.add',
      'ChartSeriesCollection.add',
      'ChartSeries.setXAxisValues',
      'Worksheet.getRanges',
      'RangeAreas.format',
      'Worksheet.autoFilter.apply',
    ])
      expect(fake.apis).toContain(api);
  });
});

describe('writeRollupSheets: round trips', () => {
  it.each([
    ['10 files, 10 rows', 10, 1, true],
    ['10 files, 10,000 rows', 10, 1_000, false],
    ['10 files, 10,000 rows, every unit off the roster', 10, 1_000, true],
  ])('%s: at most 4 syncs, each request under 5 MB', async (_, files, rows, roster) => {
    const plan = planOf(files, rows, roster);
    const counted = plan.layout.lastDataRow! - plan.layout.firstDataRow + 1;
    expect(counted).toBe(files * rows);
    const fake = workbook();
    await createOfficeGateway({ host: fake.host() }).writeRollupSheets(plan);
    expect(fake.syncs).toBeLessThanOrEqual(4);
    if (files * rows <= 10) expect(fake.syncs).toBe(3);
    for (const batch of fake.batches) {
      expect(batch.requestBytes).toBeLessThan(REQUEST_BUDGET + 512 * 1024);
      expect(batch.requestBytes).toBeLessThan(FIVE_MB);
      expect(batch.responseBytes).toBeLessThan(FIVE_MB);
    }
    const sheet = fake.model.sheet('汇总')!;
    expect(sheet.value(`A${plan.layout.totalRow}`)).toBe('合计');
    expect(sheet.value(`A${plan.layout.lastDataRow}`)).toBe(plan.sheets[0]!.values[plan.layout.lastDataRow! - 1]![0]);
    expect(fake.leftovers).toBe(0);
  });

  it('splits a roll-up larger than the request budget into more syncs, each under the limit, all written', async () => {
    const plan = planOf(2, 300);
    const fake = workbook({ requestLimit: 96 * 1024 });
    await createOfficeGateway({ host: fake.host(), requestBudget: 64 * 1024 }).writeRollupSheets(plan);
    expect(fake.syncs).toBeGreaterThan(4);
    for (const batch of fake.batches) expect(batch.requestBytes).toBeLessThanOrEqual(96 * 1024);
    const sheet = fake.model.sheet('汇总')!;
    expect(sheet.value(`A${plan.layout.totalRow}`)).toBe('合计');
    expect(fake.model.sheet('问题清单')!.value(`G${plan.sheets[2]!.values.length}`)).toBe(
      plan.sheets[2]!.values[plan.sheets[2]!.values.length - 1]![6],
    );
  });

  it('where Excel refuses a read through the missing _huizong, takes 1 more sync on that path only', async () => {
    const fake = workbook({ nullChain: 'throw' });
    const gateway = createOfficeGateway({ host: fake.host() });
    await gateway.writeRollupSheets(planOf(3, 2));
    expect(fake.syncs).toBe(4);
    expect(fake.model.sheet('汇总')!.value('A5')).toBe('第1区第1基层工会');
    fake.resetCounts();
    await gateway.writeRollupSheets(planOf(3, 2));
    expect(fake.syncs).toBe(3);
  });
});

describe('writeRollupSheets: no half-written workbook', () => {
  // The first roll-up is in; the second fails at each sync, or half-way through its last batch.
  test.each([1, 2, 3, 'chart'] as const)('failing at %s: the earlier roll-up and the user’s sheets are as they were', async (at) => {
    const fake = workbook();
    await createOfficeGateway({ host: fake.host() }).writeRollupSheets(planOf(3, 1));
    const before = fake.fingerprint();
    if (at === 'chart') fake.failCommand((c) => c.api === 'ChartCollection.add');
    else fake.failSync(at);
    const outcome = await createOfficeGateway({ host: fake.host() })
      .writeRollupSheets(planOf(5, 1))
      .then(
        () => 'completed',
        (error: unknown) => errorText(error, 'zh-CN'),
      );
    if (outcome !== 'completed') expect(fake.fingerprint()).toBe(before);
    if (at !== 1) expect(outcome).not.toBe('completed');
  });
});

describe('writeRollupSheets: running again', () => {
  it('replaces its own sheets and never touches the user’s, nor one of theirs called 汇总', async () => {
    const fake = workbook();
    const own = fake.model.addSheet('汇总');
    own.setValues('A1', [['我自己的汇总'], ['不要删']]);
    own.setStyle('A1', 'fill.color', '#00B050');
    const before = { other: snapshotOf(fake, '其他'), own: snapshotOf(fake, '汇总') };
    const gateway = createOfficeGateway({ host: fake.host() });

    const first = await gateway.writeRollupSheets(planOf(3, 2));
    expect(first).toEqual({ rows: '汇总(2)', status: '报送情况', issues: '问题清单' });
    const second = await gateway.writeRollupSheets(planOf(4, 2));
    expect(second).toEqual(first);
    fake.resetCounts();
    const third = await gateway.writeRollupSheets(planOf(5, 1));
    expect(third).toEqual(first);
    expect(fake.syncs).toBe(3);

    expect(fake.model.sheets.map((s) => s.name)).toEqual(['其他', '汇总', '_huizong', '汇总(2)', '报送情况', '问题清单']);
    expect(snapshotOf(fake, '其他')).toBe(before.other);
    expect(snapshotOf(fake, '汇总')).toBe(before.own);
    // Nothing was even sent to them.
    expect(fake.commands.filter((c) => c.sheet === '其他' || c.sheet === '汇总')).toEqual([]);
    // The latest roll-up only: 5 units, one chart.
    const rows = fake.model.sheet('汇总(2)')!;
    expect(rows.value('A5')).toBe('第1区第1基层工会');
    expect(rows.value('A10')).toBe('合计');
    expect(fake.model.sheet('报送情况')!.charts).toHaveLength(1);
    expect(fake.model.sheet('报送情况')!.value('A2')).toBe('应报 5，已报送 3，逾期 1，未报送 1，不在名单 1');
    // The issue list is selected on the sheet it was written as.
    await gateway.selectCell(third!.issues, issueCell(0, third!.issues).address);
    expect(fake.model.sheet('问题清单')!.selected).toBe('A2:H2');
    expect(metaPairs(fake).filter(([k]) => k === ROLLUP_SHEETS_KEY)).toHaveLength(1);
  });

  it('keeps a sheet of the user’s put in place of a deleted roll-up sheet of the same name, and one of ours the user renamed', async () => {
    const fake = workbook();
    const gateway = createOfficeGateway({ host: fake.host() });
    await gateway.writeRollupSheets(planOf(2, 1));
    // The user deletes our 汇总 and makes their own; renames our 问题清单 to keep it.
    fake.model.sheets = fake.model.sheets.filter((s) => s.name !== '汇总');
    fake.model.addSheet('汇总').setValues('A1', [['用户的新汇总']]);
    fake.model.sheet('问题清单')!.name = '三月问题';
    const keep = { own: snapshotOf(fake, '汇总'), renamed: snapshotOf(fake, '三月问题') };

    const names = await gateway.writeRollupSheets(planOf(3, 1));
    expect(names).toEqual({ rows: '汇总(2)', status: '报送情况', issues: '问题清单' });
    expect(snapshotOf(fake, '汇总')).toBe(keep.own);
    expect(snapshotOf(fake, '三月问题')).toBe(keep.renamed);
    expect(fake.model.sheets.filter((s) => s.name.startsWith('报送情况'))).toHaveLength(1);
  });

  it('works where its own sheets are the only visible ones (added before the old ones go)', async () => {
    const fake = new FakeExcel();
    fake.model.addSheet('Sheet1');
    const gateway = createOfficeGateway({ host: fake.host() });
    await gateway.writeRollupSheets(planOf(2, 1));
    fake.model.sheets = fake.model.sheets.filter((s) => s.name !== 'Sheet1');
    fake.resetCounts();
    await gateway.writeRollupSheets(planOf(2, 1));
    expect(fake.syncs).toBe(3);
    expect(fake.model.sheets.map((s) => s.name)).toEqual(['_huizong', '汇总', '报送情况', '问题清单']);
  });
});
