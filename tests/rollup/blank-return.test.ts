/**
 * A template sent back as it was downloaded — the row-per-unit table or the one-page card — gets
 * one verdict, the same in 校验 and in 汇总: an error saying the form is blank, not a warning in
 * one and a rejection for another reason in the other, nor a required-item error per line.
 */
import * as XLSX from '@e965/xlsx';
import { compileForm } from '../../src/core/definitions/compile';
import { shippedForms } from '../../src/core/definitions/shipped';
import { checkFile } from '../../src/files/checkFile';
import { rollUpFiles } from '../../src/files/rollupFiles';
import { writeCardTemplateWorkbook } from '../../src/files/writeCardTemplate';
import { writeTemplateWorkbook } from '../../src/files/writeTemplate';
import { messageFor } from '../../src/core/issues/catalogue';
import { labelsOf } from '../helpers/workbooks';

const forms = shippedForms.map(compileForm);
const activity = forms.find((f) => f.def.id === 'activity-summary')!;

let table: Uint8Array;
let card: Uint8Array;
beforeAll(async () => {
  table = await writeTemplateWorkbook(activity, { lang: 'zh-CN', year: 2024 });
  card = await writeCardTemplateWorkbook(activity, { lang: 'zh-CN', year: 2024 });
});

const BLANK = '表中没有填写数据：这是一张空白表，请填写本单位的数据后再报送';

test.each([
  ['the row-per-unit table', () => table],
  ['the one-page card', () => card],
])('%s sent back blank: one error in 校验, the same rejection in 汇总', (_name, bytes) => {
  const report = checkFile('空白.xlsx', bytes(), forms, { lang: 'zh-CN', today: '2024-03-26' });
  expect(report.issues.map((i) => [i.code, i.severity])).toEqual([['table.no-rows', 'error']]);
  expect(report.issues[0]!.message).toMatch(new RegExp(`^第\\d+行：${BLANK}$`));

  const result = rollUpFiles([{ name: '空白.xlsx', bytes: bytes() }], { form: activity, forms, lang: 'zh-CN', today: '2024-03-26' });
  expect(result.files).toEqual([
    { file: '空白.xlsx', status: 'rejected', code: 'table.no-rows', reason: report.issues[0]!.message, rows: 0 },
  ]);
  expect(result.issues.map((i) => [i.code, i.message])).toEqual([['table.no-rows', report.issues[0]!.message]]);
  expect(result.rows).toEqual([]);
});

/** An activity-summary sheet: its header, then the given rows. */
function sheetOf(rows: unknown[][]): Uint8Array {
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([labelsOf('activity-summary'), ...rows]), 'Sheet1');
  return new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

test.each([
  ['only a 合计 row with figures', () => sheetOf([['合计', null, null, 99, 9999]]), 'table.only-totals'],
  [
    'cells only outside the table',
    () => sheetOf([[...labelsOf('activity-summary').map(() => null), null, '甲工会 12']]),
    'table.no-unit-rows',
  ],
] as const)('%s: not called a blank form, and 汇总 rejects it with 校验’s words', (_name, bytes, code) => {
  const report = checkFile('没有单位行.xlsx', bytes(), forms, { lang: 'zh-CN', today: '2024-03-26' });
  const verdict = report.issues.find((i) => i.severity === 'error')!;
  expect(verdict.code).toBe(code);
  expect(verdict.message).not.toContain('空白表');
  expect(verdict.message).toContain(messageFor(code, {}, 'zh-CN'));

  const result = rollUpFiles([{ name: '没有单位行.xlsx', bytes: bytes() }], { form: activity, forms, lang: 'zh-CN', today: '2024-03-26' });
  expect(result.files).toEqual([{ file: '没有单位行.xlsx', status: 'rejected', code, reason: verdict.message, rows: 0 }]);
  expect(result.rows).toEqual([]);
});
