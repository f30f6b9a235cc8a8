/**
 * A vertical card as a unit really sends it: an .xlsx written by exceljs (merged title, the unit
 * line, `序号 | 指标 | 计量单位 | 数量 | 备注`), checked as a file and rolled up beside a
 * row-per-unit return: the card is that unit's one row, its figures in the totals.
 */
import ExcelJS from 'exceljs';
import { compileForm } from '../../src/core/definitions/compile';
import { shippedForms } from '../../src/core/definitions/shipped';
import { checkFile } from '../../src/files/checkFile';
import { rollUpFiles } from '../../src/files/rollupFiles';

const forms = shippedForms.map(compileForm);
const activity = forms.find((f) => f.def.id === 'activity-summary')!;
const TODAY = '2024-04-01';

async function cardBytes(twoValues = false): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('活动数据');
  ws.mergeCells('A1:E1');
  ws.getCell('A1').value = '2024年维权行动月活动数据汇总表';
  ws.getCell('A2').value = '填报单位（盖章）：';
  ws.mergeCells('B2:C2');
  ws.getCell('B2').value = '向阳路街道总工会';
  ws.getCell('D2').value = '填表日期：';
  ws.getCell('E2').value = new Date(Date.UTC(2024, 2, 20));
  ws.addRow(['序号', '指标', '计量单位', twoValues ? '本年' : '数量', twoValues ? '上年' : '备注']);
  ws.addRow([null, '基本信息']);
  ws.addRow([1, '单位层级', null, '街道（乡镇）工会']);
  ws.addRow([2, '开展宣传活动', '场次', 4]);
  ws.addRow([3, '宣传活动参与人数', '人次', 300]);
  ws.addRow([4, '其中女职工', '人次', 180]);
  ws.addRow([5, '新签女职工专项集体合同', '份', 1]);
  ws.addRow([6, '有效期内女职工专项集体合同', '份', 2]);
  ws.addRow([]);
  ws.addRow(['填表人：李红', null, '联系电话：13812345678']);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function tableBytes(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  ws.addRow([
    '填报单位',
    '单位层级',
    '开展宣传活动（场次）',
    '宣传活动参与人数（人次）',
    '其中女职工（人次）',
    '新签女职工专项集体合同（份）',
    '有效期内女职工专项集体合同（份）',
    '填表人',
    '联系电话',
    '填表日期',
  ]);
  ws.addRow(['河东区大王庄街道总工会', '街道（乡镇）工会', 2, 100, 60, 0, 3, '张三', '13812345678', '2024-03-19']);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

test('an .xlsx card is checked as one row, its issues at its cells', async () => {
  const report = checkFile('向阳路街道.xlsx', await cardBytes(), forms, { today: TODAY });
  expect(report.tables.map((t) => [t.sheet, t.form, t.layout, t.rows.length])).toEqual([['活动数据', 'activity-summary', 'card', 1]]);
  expect(report.tables[0]!.rows[0]!.values).toMatchObject({
    unitName: '向阳路街道总工会',
    fillDate: '2024-03-20',
    publicityFemale: 180,
    contactPhone: '13812345678',
  });
  expect(report.tables[0]!.rows[0]!.cells).toMatchObject({ unitName: 'B2', fillDate: 'E2', publicityFemale: 'D8' });
  expect(report.issues.filter((i) => i.severity === 'error')).toEqual([]);
});

test('a quarter of the returns as cards: rolled up with the tables, the card’s figures in the totals', async () => {
  const result = rollUpFiles(
    [
      { name: '向阳路街道.xlsx', bytes: await cardBytes() },
      { name: '大王庄街道.xlsx', bytes: await tableBytes() },
    ],
    { form: activity, forms, lang: 'zh-CN', today: TODAY },
  );
  expect(result.files.map((f) => [f.file, f.status, f.rows])).toEqual([
    ['向阳路街道.xlsx', 'accepted', 1],
    ['大王庄街道.xlsx', 'accepted', 1],
  ]);
  expect(result.totals).toMatchObject({ publicityEvents: 6, publicityParticipants: 400, publicityFemale: 240, contractsInForce: 5 });
  expect(result.rows.find((r) => r.file === '向阳路街道.xlsx')).toMatchObject({
    unit: '向阳路街道总工会',
    sheet: '活动数据',
    row: 4,
    status: 'counted',
  });
});

test('a card with this year and last year is not counted, and the roll-up says why', async () => {
  const result = rollUpFiles([{ name: '向阳路街道.xlsx', bytes: await cardBytes(true) }], {
    form: activity,
    forms,
    lang: 'zh-CN',
    today: TODAY,
  });
  expect(result.files[0]).toMatchObject({ status: 'rejected', code: 'card.two-value-columns' });
  expect(result.files[0]!.reason).toMatch(/有两列数量（“本年”、“上年”）/);
});
