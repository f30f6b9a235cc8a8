/**
 * Vertical cards (spec, "vertically"): one unit's return written down the page is read as that
 * unit's one row, each figure traced to its cell, checked by the same rules as a table's row;
 * a card that cannot be read says why, in the catalogue's words.
 */
import { compileForm } from '../../src/core/definitions/compile';
import { shippedForms } from '../../src/core/definitions/shipped';
import type { Grid } from '../../src/core/table/grid';
import type { CellValue } from '../../src/core/values/types';
import { validateGrids } from '../../src/core/validate/workbook';

const forms = shippedForms.map(compileForm);
const activity = forms.find((f) => f.def.id === 'activity-summary')!;
const TODAY = '2024-04-01';

const grid = (rows: CellValue[][], sheet = 'Sheet1'): Grid => ({ sheet, rows, typed: true });
const check = (rows: CellValue[][], expected?: typeof activity) =>
  validateGrids('卡片.xlsx', [grid(rows)], forms, { today: TODAY, ...(expected ? { expected } : {}) });

/** `序号 | 指标 | 计量单位 | 数量 | 备注`, labels split from their unit, lines above and below. */
const fiveColumnCard: CellValue[][] = [
  ['2024年维权行动月活动数据汇总表'],
  ['填报单位（盖章）：向阳路街道总工会      填表日期：2024年3月20日'],
  ['序号', '指标', '计量单位', '数量', '备注'],
  [null, '基本信息'],
  [1, '单位层级', null, '街道（乡镇）工会'],
  [2, '开展宣传活动', '场次', 4],
  [3, '宣传活动参与人数', '人次', 300],
  [4, '其中女职工', '人次', 180],
  [5, '知识竞赛参赛人数', '人', 50],
  [6, '其中女职工', '人', 30],
  [7, '新签女职工专项集体合同', '份', 1],
  [8, '有效期内女职工专项集体合同', '份', 2],
  [],
  ['填表人：李红', null, '联系电话：13812345678'],
];

test('a five-column card reads as the unit’s one row, each figure at its cell', () => {
  const report = check(fiveColumnCard);
  expect(report.tables).toHaveLength(1);
  const table = report.tables[0]!;
  expect(table.form).toBe('activity-summary');
  expect(table.layout).toBe('card');
  expect(table.rows).toHaveLength(1);
  const row = table.rows[0]!;
  expect(row.values).toMatchObject({
    unitName: '向阳路街道总工会',
    unitLevel: '街道（乡镇）工会',
    fillDate: '2024-03-20',
    publicityEvents: 4,
    publicityParticipants: 300,
    publicityFemale: 180,
    quizParticipants: 50,
    quizFemale: 30,
    contractsNew: 1,
    contractsInForce: 2,
    contactPerson: '李红',
    contactPhone: '13812345678',
  });
  // 其中女职工 twice, told apart by its unit; each figure traced to its own cell
  expect(row.cells).toMatchObject({ publicityFemale: 'D8', quizFemale: 'D10', contractsInForce: 'D12', unitName: 'A2' });
  expect(report.issues.filter((i) => i.severity === 'error')).toEqual([]);
});

test('`项目 | 数量` with the label and its unit in one cell, the date in a cell of its own', () => {
  const report = check([
    ['维权行动月活动数据汇总表'],
    ['填报单位（盖章）：', '河东区总工会', '填表日期：', '2024-03-18'],
    ['项目', '数量'],
    ['单位层级', '区（市）县总工会'],
    ['开展宣传活动（场次）', 2],
    ['宣传活动参与人数（人次）', 80],
    ['新签女职工专项集体合同（份）', 0],
    ['有效期内女职工专项集体合同（份）', 5],
    ['填表人：王芳  联系电话：022-24316934'],
  ]);
  expect(report.tables[0]?.rows[0]?.values).toMatchObject({
    unitName: '河东区总工会',
    fillDate: '2024-03-18',
    publicityEvents: 2,
    contractsInForce: 5,
    contactPerson: '王芳',
    contactPhone: '022-24316934',
  });
  expect(report.tables[0]?.rows[0]?.cells).toMatchObject({ unitName: 'B2', fillDate: 'D2', publicityEvents: 'B5' });
  expect(report.issues.filter((i) => i.severity === 'error')).toEqual([]);
});

test('the same value and cross-field rules as a row, each issue at the card’s cell', () => {
  const rows = fiveColumnCard.map((r) => [...r]);
  rows[7]![3] = 500; // 其中女职工 500 of 300
  rows[6]![3] = '三百'; // not a number
  rows[13]![2] = '联系电话：12345';
  const report = check(rows);
  const byCell = Object.fromEntries(report.issues.filter((i) => i.severity === 'error').map((i) => [i.cell, i.code]));
  expect(byCell).toMatchObject({ D7: 'value.not-integer', C14: 'value.phone' });
  expect(report.issues.find((i) => i.cell === 'D7')!.message).toMatch(/^D7 宣传活动参与人数（人次）：/);
  expect(report.issues.every((i) => i.file === '卡片.xlsx' && i.sheet === 'Sheet1')).toBe(true);
  const fixed = fiveColumnCard.map((r) => [...r]);
  fixed[7]![3] = 500;
  const rule = check(fixed).issues.find((i) => i.code === 'rule.not-more-than')!;
  expect(rule.cell).toBe('D8');
  expect(rule.message).toBe('D8 其中女职工（人次）：500，不应大于“宣传活动参与人数（人次）”（300），请核对');
});

test('a card with two value columns (this year / last year) says so and is not guessed', () => {
  const report = check([
    ['填报单位（盖章）：向阳路街道总工会  填表日期：2024年3月20日'],
    ['指标', '计量单位', '本年', '上年同期'],
    ['开展宣传活动', '场次', 4, 3],
    ['宣传活动参与人数', '人次', 300, 200],
    ['新签女职工专项集体合同', '份', 1, 0],
  ]);
  expect(report.tables).toEqual([]);
  expect(report.issues).toHaveLength(1);
  expect(report.issues[0]).toMatchObject({ code: 'card.two-value-columns', cell: 'D2', sheet: 'Sheet1', file: '卡片.xlsx' });
  expect(report.issues[0]!.message).toBe(
    'D2：竖版报表《维权行动月活动数据汇总表》有两列数量（“本年”、“上年同期”），无法确定哪一列是本次填报的数字：请只保留本次的一列（如删去上年同期数），再报送',
  );
});

test('a card without its unit line is read, and says the unit is missing', () => {
  const rows = fiveColumnCard.filter((_, i) => i !== 1);
  const report = check(rows);
  expect(report.tables[0]?.rows[0]?.values.publicityEvents).toBe(4);
  const noUnit = report.issues.find((i) => i.code === 'card.no-unit');
  expect(noUnit?.message).toBe('第1行：竖版报表没有写明填报单位：请在表格上方写“填报单位（盖章）：单位名称”');
  expect(noUnit?.severity).toBe('error');
  // the date line went with it: said once, as an item the card lacks
  expect(report.issues.filter((i) => i.code === 'card.missing-item').map((i) => i.params.label)).toEqual(['填表日期']);
});

test('a card whose items fit two forms equally names both; its title decides', () => {
  const rows: CellValue[][] = [
    ['填报单位（盖章）：向阳路街道总工会'],
    ['项目', '数量'],
    ['其中女职工（人）', 30],
    ['填表人', '李红'],
    ['联系电话', '13812345678'],
    ['填表日期', '2024-03-20'],
  ];
  const report = check(rows);
  expect(report.issues.map((i) => i.code)).toEqual(['card.ambiguous-form']);
  expect(report.issues[0]!.message).toMatch(/^竖版报表的4个项目既符合《.+》也符合《.+》，无法确定是哪一张表/);
  const titled = check([['女职工权益保护法律法规知识竞赛活动情况表'], ...rows]);
  expect(titled.tables[0]?.form).toBe('quiz-results');
});

test('nothing recognised: the message names the nearest form and what it lacks', () => {
  const report = check([['填报单位：向阳路街道总工会'], ['项目', '数量'], ['开展宣传活动（场次）', 4], ['发放宣传资料（份）', 100]]);
  expect(report.tables).toEqual([]);
  expect(report.issues.map((i) => i.code)).toEqual(['table.not-found-near']);
  expect(report.issues[0]!.message).toBe(
    '没有找到可识别的报表：最接近的是《维权行动月活动数据汇总表》，但缺少“单位层级”“宣传活动参与人数（人次）”“新签女职工专项集体合同（份）”。横版报表的表头应有这些列；竖版（单位填报）报表应在“指标”或“项目”列写出这些项目，数量写在右边一列',
  );
});

test('a row-per-unit table is still a table', () => {
  const report = check([
    [
      '填报单位',
      '单位层级',
      '开展宣传活动（场次）',
      '宣传活动参与人数（人次）',
      '新签女职工专项集体合同（份）',
      '有效期内女职工专项集体合同（份）',
      '填表人',
      '联系电话',
      '填表日期',
    ],
    ['河东区总工会', '区（市）县总工会', 1, 10, 0, 1, '张三', '13812345678', '2024-03-20'],
  ]);
  expect(report.tables[0]?.layout).toBeUndefined();
  expect(report.tables[0]?.rows[0]?.values.unitName).toBe('河东区总工会');
});

test('cards from one template, read one after another for a roll-up, each give their own values', () => {
  const card = (unit: string, events: number, phone: string): CellValue[][] =>
    fiveColumnCard.map((row, i) =>
      i === 1
        ? [`填报单位（盖章）：${unit}      填表日期：2024年3月2${events % 10}日`]
        : i === 5
          ? [2, '开展宣传活动', '场次', events]
          : i === 13
            ? ['填表人：李红', null, `联系电话：${phone}`]
            : row,
    );
  const read = (rows: CellValue[][]) => check(rows, activity).tables[0]!.rows[0]!;
  const first = read(card('甲街道总工会', 4, '13812345678'));
  const second = read(card('乙街道总工会', 7, '12345'));
  expect([first.values.unitName, first.values.publicityEvents, first.values.fillDate]).toEqual(['甲街道总工会', 4, '2024-03-24']);
  expect([second.values.unitName, second.values.publicityEvents, second.values.fillDate]).toEqual(['乙街道总工会', 7, '2024-03-27']);
  expect(check(card('乙街道总工会', 7, '12345'), activity).issues.find((i) => i.code === 'value.phone')?.cell).toBe('C14');
  // another shape (a label changed) is searched afresh, not taken for the first
  const changed = card('丙街道总工会', 5, '13812345678').map((row, i) => (i === 8 ? [5, '发放宣传资料', '份', 40] : row));
  expect(read(changed).values).toMatchObject({ unitName: '丙街道总工会', materialsDistributed: 40, quizParticipants: null });
});

test('a hostile card: a huge cell with a colon, a sheet of 16,384 columns, read without a hang', () => {
  const rows = fiveColumnCard.map((r) => [...r]);
  rows[0] = ['填'.repeat(32_000) + '：'];
  const wide: CellValue[] = [];
  wide[16_383] = '填报单位：';
  rows.push(wide);
  const report = check(rows);
  expect(report.tables[0]?.rows[0]?.values.publicityEvents).toBe(4);
});

describe('a card’s date written without a year takes the activity’s year, never the clock’s', () => {
  // No title line: the card itself does not say the year.
  const untitled = fiveColumnCard.slice(1).map((row, i) => (i === 0 ? ['填报单位（盖章）：向阳路街道总工会      填表日期：3月20日'] : row));
  const fillDate = (options: { year?: number }) => {
    const report = validateGrids('卡片.xlsx', [grid(untitled)], forms, { today: '2026-05-01', ...options });
    const table = report.tables[0]!;
    return { date: table.rows[0]!.values.fillDate, codes: report.issues.map((i) => i.code) };
  };

  test('the roll-up’s year (deadline, --year) is taken', () => {
    const read = fillDate({ year: 2024 });
    expect(read.date).toBe('2024-03-20');
    expect(read.codes).toContain('value.date-year-assumed');
  });

  test('without one, the date is said to need its year, not dated by today', () => {
    const read = fillDate({});
    expect(read.date).toBeNull();
    expect(read.codes).toContain('value.date-no-year');
  });
});
