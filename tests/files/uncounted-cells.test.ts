/**
 * Cells that used to drop out without a word, or to make rows of their own, found by the
 * hostile corpus (tests/files/hostile-corpus.test.ts): a formula with no cached value, a stray
 * cell far from the table, a sheet thousands of columns wide, and the hint of a workbook with no
 * table during a roll-up of one form.
 */
import { compileForm } from '../../src/core/definitions/compile';
import { shippedForms } from '../../src/core/definitions/shipped';
import type { Grid } from '../../src/core/table/grid';
import { classifyRows } from '../../src/core/table/rows';
import { validateGrids } from '../../src/core/validate/workbook';
import type { CellValue } from '../../src/core/values/types';
import { prepareReturn, rollUpFiles } from '../../src/files/rollupFiles';
import { readWorkbook } from '../../src/files/readWorkbook';
import { readXlsxFast } from '../../src/files/xlsx/fastXlsx';
import { colName, rowsXml, workbookParts, worksheet, zipParts, type RawCell } from '../helpers/hostile';
import { activityRow, idsOf, labelsOf } from '../helpers/workbooks';

const forms = shippedForms.map(compileForm);
const activity = forms.find((f) => f.def.id === 'activity-summary')!;
const IDS = idsOf('activity-summary');
const LABELS = labelsOf('activity-summary');
const TODAY = '2024-03-31';
const col = (id: string) => colName(IDS.indexOf(id));

/** A clean row of 甲工会 with some cells as written in the file. */
function row(cells: Record<string, RawCell>): RawCell[] {
  const clean = activityRow({ unitName: '甲工会' }) as RawCell[];
  return IDS.map((id, i) => (id in cells ? cells[id] : clean[i]));
}

const xlsx = (rows: RawCell[][], tail = '') => zipParts(workbookParts(worksheet(rowsXml(rows)) + tail));

function check(name: string, bytes: Uint8Array, lang: 'zh-CN' | 'en' = 'zh-CN') {
  const input = prepareReturn({ name, bytes }, forms, { lang, today: TODAY, expected: activity });
  if (!input.report) throw new Error(`${name} not read`);
  return input.report;
}

describe('a formula with no cached value', () => {
  // 发放宣传资料 is not required: read as blank it used to leave the totals with nothing said.
  const bytes = xlsx([LABELS, row({ materialsDistributed: { formula: 'B2*0+500' } })]);
  const cell = `${col('materialsDistributed')}2`;

  test('both readers give the cell as blank and list it', () => {
    const fast = readXlsxFast(bytes).grids[0]!;
    const sheetjs = readWorkbook('x.xlsx', bytes, { reader: 'sheetjs' });
    if (!sheetjs.ok) throw new Error(sheetjs.detail);
    const c = IDS.indexOf('materialsDistributed');
    expect(fast.rows[1]![c]).toBeNull();
    expect(sheetjs.grids[0]!.rows[1]![c]).toBeNull();
    expect(fast.formulasWithoutValue).toEqual([{ r: 1, c }]);
    expect(sheetjs.grids[0]!.formulasWithoutValue).toEqual([{ r: 1, c }]);
  });

  test('is an error on its cell, left out of the totals and listed as unreadable', () => {
    const report = check('公式.xlsx', bytes);
    expect(report.issues.map((i) => [i.cell, i.severity, i.code])).toEqual([[cell, 'error', 'value.formula-no-result']]);
    expect(report.issues[0]!.message).toBe(
      `${cell} 发放宣传资料（份）：单元格是公式，但文件中没有保存计算结果（可能是用 WPS 或程序生成后没有在 Excel 中打开保存过），未计入汇总；请在 Excel 中打开、确认数值显示后保存，再重新报送`,
    );
    const read = report.tables[0]!.rows[0]!;
    expect(read.values.materialsDistributed).toBeNull();
    expect(read.unreadable).toEqual(['materialsDistributed']);
    expect(check('formula.xlsx', bytes, 'en').issues[0]!.message).toContain('holds a formula, but the file carries no calculated result');
  });

  test('in a required field it is the formula that is named, not 本项必填', () => {
    const report = check('公式.xlsx', xlsx([LABELS, row({ publicityEvents: { formula: 'SUM(10,19)' } })]));
    expect(report.issues.map((i) => [i.cell, i.code])).toEqual([[`${col('publicityEvents')}2`, 'value.formula-no-result']]);
  });

  test('a formula with its cached value, and a text formula (an empty text result is <v></v>), are read as before', () => {
    const m = `${col('materialsDistributed')}2`;
    const n = `${col('notes')}2`;
    const sheet = worksheet(rowsXml([LABELS, row({ materialsDistributed: 777, notes: 888 })]))
      .replace(`<c r="${m}"><v>777</v></c>`, `<c r="${m}"><f>B2*0+500</f><v>500</v></c>`)
      .replace(`<c r="${n}"><v>888</v></c>`, `<c r="${n}" t="str"><f>""</f></c>`);
    const bytes = zipParts(workbookParts(sheet));
    for (const grid of [
      readXlsxFast(bytes).grids[0]!,
      (readWorkbook('x.xlsx', bytes, { reader: 'sheetjs' }) as { grids: Grid[] }).grids[0]!,
    ]) {
      expect(grid.formulasWithoutValue).toBeUndefined();
    }
    const report = check('缓存.xlsx', bytes);
    expect(report.issues).toEqual([]);
    expect(report.tables[0]!.rows[0]!.values).toMatchObject({ materialsDistributed: 500, notes: null });
  });
});

describe('a cell far from the table', () => {
  const bytes = xlsx([LABELS, row({})]);
  const far = zipParts(workbookParts(worksheet(rowsXml([LABELS, row({})]) + '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>')));

  test('makes no row; one warning names the cell', () => {
    const report = check('远端.xlsx', far);
    expect(report.tables[0]!.rows.map((r) => r.row)).toEqual([2]);
    expect(report.issues.map((i) => [i.cell, i.row, i.severity, i.code])).toEqual([
      ['XFD1048576', undefined, 'warning', 'table.outside-cells'],
    ]);
    expect(report.issues[0]!.message).toBe('XFD1048576：表格的列以外有内容“1”，未读取；如果是本表的数据，请填到表格对应的列中');
    expect(check('远端.xlsx', bytes).issues).toEqual([]);
  });

  test('rows with something only beyond the table: one warning for them all; 合计 still found anywhere', () => {
    const width = LABELS.length;
    const beyond = (r: number, value: CellValue) => Object.assign(new Array<CellValue>(width + 3).fill(null), { [width + 2]: value });
    const grid: Grid = {
      sheet: 'S',
      typed: true,
      rows: [LABELS, activityRow({ unitName: '甲工会' }), beyond(2, '旁注'), beyond(3, 5), activityRow({ unitName: '乙工会' })],
    };
    const report = validateGrids('x.xlsx', [grid], forms, { today: TODAY });
    expect(report.tables[0]!.rows.map((r) => r.row)).toEqual([2, 5]);
    const outside = report.issues.filter((i) => i.code === 'table.outside-cells');
    expect(outside.map((i) => [i.cell, i.message])).toEqual([
      [`${colName(width + 2)}3`, `${colName(width + 2)}3：表格的列以外有内容“旁注”等 2 处，未读取；如果是本表的数据，请填到表格对应的列中`],
    ]);
    // Without the table's columns (a roster, the add-in's row writer) the kinds are as before.
    expect(classifyRows(grid, 1).map((r) => r.kind)).toEqual(['data', 'data', 'data', 'data']);
    expect(classifyRows(grid, 1, 0, { first: 0, last: width - 1 }).map((r) => r.kind)).toEqual(['data', 'outside', 'outside', 'data']);
    // A 合计 label in a column with no header, left of the table, still makes a total row.
    const shifted: Grid = {
      sheet: 'S',
      typed: true,
      rows: [
        [null, ...LABELS],
        ['合计', null, null, null, 10],
      ],
    };
    expect(classifyRows(shifted, 1, 1, { first: 1, last: width }).map((r) => r.kind)).toEqual(['total']);
  });
});

describe('extra columns', () => {
  const table = (extra: number) => {
    const header = [...LABELS, ...Array.from({ length: extra }, (_, i) => `附加列${i + 1}`)];
    return { sheet: 'S', typed: true, rows: [header, activityRow({ unitName: '甲工会' })] } satisfies Grid;
  };

  test('up to five: one warning each, as before', () => {
    const report = validateGrids('x.xlsx', [table(5)], forms, { today: TODAY });
    expect(report.issues.map((i) => [i.code, i.cell])).toEqual(
      [0, 1, 2, 3, 4].map((i) => ['table.extra-column', `${colName(LABELS.length + i)}1`]),
    );
    expect(report.tables[0]!.extraColumns).toHaveLength(5);
  });

  test('more than five: one warning for them all, naming the count and the first three', () => {
    const report = validateGrids('x.xlsx', [table(16_384 - LABELS.length)], forms, { today: TODAY });
    expect(report.issues.map((i) => [i.code, i.severity, i.cell])).toEqual([['table.extra-columns', 'warning', 'AM1']]);
    expect(report.issues[0]!.message).toBe(
      'AM1：表中有 16,346 列不是本表的指标（第 AM 列“附加列1”、第 AN 列“附加列2”、第 AO 列“附加列3”等），已保留，不参与汇总；请删去多余的列，或核对是否用错了模板',
    );
    // Every column is still listed in the report.
    expect(report.tables[0]!.extraColumns).toHaveLength(16_346);
    const en = validateGrids('x.xlsx', [table(6)], forms, { today: TODAY, lang: 'en' });
    expect(en.issues[0]!.message).toBe(
      'AM1: 6 columns are not part of this form (column AM "附加列1", column AN "附加列2", column AO "附加列3" and more); kept, but not rolled up. Please delete the extra columns, or check that the right template was used',
    );
  });
});

describe('a workbook with no table, in a roll-up of one form', () => {
  const bytes = xlsx([LABELS, row({})], '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>');

  test("names the rolled-up form's required labels, whichever form the sheet resembles", () => {
    const result = rollUpFiles([{ name: '整表合并.xlsx', bytes }], { form: activity, forms, lang: 'zh-CN', today: TODAY });
    expect(result.files[0]!.reason).toBe('没有找到可识别的报表：表头应包含“填报单位”“单位层级”“开展宣传活动（场次）”等列');
    const quiz = forms.find((f) => f.def.id === 'quiz-results')!;
    const asQuiz = rollUpFiles([{ name: '整表合并.xlsx', bytes }], { form: quiz, forms, lang: 'zh-CN', today: TODAY });
    expect(asQuiz.files[0]!.reason).toContain('表头应包含“单位名称”');
  });

  test('without a form to check for, the best-ranked form is named, as before', () => {
    const input = prepareReturn({ name: '整表合并.xlsx', bytes }, forms, { lang: 'zh-CN', today: TODAY });
    // The merge over the whole sheet hides every cell but A1, as Excel shows it: said too.
    expect(input.report!.issues.map((i) => i.code)).toEqual(['table.not-found', 'table.hidden-under-merge']);
  });
});
