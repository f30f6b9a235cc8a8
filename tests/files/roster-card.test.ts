/**
 * A unit's return picked as the roster by mistake is told for what it is, whether its table runs
 * across the sheet or is written down the page as a card (spec, "vertically"): else the roll-up
 * would go on with no units and say only that the roster is empty.
 */
import * as XLSX from '@e965/xlsx';
import { compileForm } from '../../src/core/definitions/compile';
import { formsOfGrids } from '../../src/core/definitions/proposeForm';
import { shippedForms } from '../../src/core/definitions/shipped';
import { messageFor } from '../../src/core/issues/catalogue';
import type { CellValue } from '../../src/core/values/types';
import { readRosterFile } from '../../src/files/rollupFiles';

const forms = shippedForms.map(compileForm);
const activityTitle = shippedForms.find((f) => f.id === 'activity-summary')!.title['zh-CN'];

/** One street union's activity figures written down the page, as many units send them. */
const card: CellValue[][] = [
  ['2024年维权行动月活动数据汇总表'],
  ['填报单位（盖章）：向阳路街道总工会      填表日期：2024年3月20日'],
  ['序号', '指标', '计量单位', '数量', '备注'],
  [1, '单位层级', null, '街道（乡镇）工会'],
  [2, '开展宣传活动', '场次', 4],
  [3, '宣传活动参与人数', '人次', 300],
  [4, '其中女职工', '人次', 180],
  [5, '新签女职工专项集体合同', '份', 1],
];

function xlsxOf(rows: CellValue[][]): Uint8Array {
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), 'Sheet1');
  return new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

test('a card is the form whose items it lists', () => {
  expect(formsOfGrids([{ sheet: 'Sheet1', rows: card, typed: true }], forms)).toEqual(['activity-summary']);
});

test('a card picked as the roster is told as a return, and gives no units', () => {
  const bytes = xlsxOf(card);
  const roster = readRosterFile({ name: '向阳路街道.xlsx', bytes: () => bytes }, 'zh-CN', forms);
  expect(roster.units).toEqual([]);
  expect(roster.issues.map((i) => [i.code, i.file, i.message])).toEqual([
    ['roster.is-a-return', '向阳路街道.xlsx', messageFor('roster.is-a-return', { form: activityTitle }, 'zh-CN')],
  ]);
});

test('a roster with a 单位名称 column is still a roster', () => {
  const bytes = xlsxOf([
    ['单位名称', '单位层级', '上级单位', '联系人', '联系电话'],
    ['向阳路街道总工会', '街道（乡镇）工会', '河东区总工会', '李红', '13812345678'],
    ['大王庄街道总工会', '街道（乡镇）工会', '河东区总工会', '王芳', '13912345678'],
  ]);
  const roster = readRosterFile({ name: '单位名单.xlsx', bytes: () => bytes }, 'zh-CN', forms);
  expect(roster.issues).toEqual([]);
  expect(roster.units.map((u) => u.name)).toEqual(['向阳路街道总工会', '大王庄街道总工会']);
});
