/**
 * Tables as they really come back, read from real files: title and unit lines, a two-row
 * merged header, columns reordered and extra, blank rows, 合计/小计 rows, notes below,
 * headers typed differently, CSV in GB18030, and files written by LibreOffice.
 */
import * as fs from 'fs';
import * as path from 'path';
import { compileForm } from '../../src/core/definitions/compile';
import { shippedForms } from '../../src/core/definitions/shipped';
import type { CellValue } from '../../src/core/values/types';
import { checkFile } from '../../src/files/checkFile';
import { convertWithLibreOffice, describeWithOffice } from '../helpers/libreoffice';
import { activityRow, idsOf, labelsOf, tempDir, writeCsv, writeXlsx } from '../helpers/workbooks';

const forms = shippedForms.map(compileForm);
const today = '2024-03-25';
const dir = tempDir();

function check(file: string) {
  return checkFile(path.basename(file), new Uint8Array(fs.readFileSync(file)), forms, { today });
}

const ids = idsOf('activity-summary');
const labels = labelsOf('activity-summary');
const col = (id: string) => ids.indexOf(id);

describe('a returned activity summary with the usual extras', () => {
  const rows: CellValue[][] = [
    ['2023年女职工维权行动月活动数据汇总表'],
    ['填报单位（盖章）：河东区总工会', null, null, '填报日期：2024年3月20日'],
    labels,
    activityRow({ unitName: '天津市河东区总工会女职工委员会' }),
    [],
    activityRow({ unitName: '河东区二号桥街道总工会', publicityEvents: '１２场', fillDate: '3月18日' }),
    ['合计', null, null, 24, 2400],
    ['注：本表数据截至3月20日。'],
    ['填表人：孔迪', null, '联系电话：24316934'],
  ];
  const file = writeXlsx(path.join(dir, '河东区.xlsx'), [{ name: '汇总表', rows }]);
  const report = check(file);
  const table = report.tables[0]!;

  test('finds the header under the title and unit lines, and the form by its labels', () => {
    expect(report.tables).toHaveLength(1);
    expect(table.form).toBe('activity-summary');
    expect(table.headerRows).toEqual({ top: 3, bottom: 3 });
  });

  test('reads the data rows, skipping the blank row, and never takes 合计 or notes as data', () => {
    expect(table.rows.map((r) => r.row)).toEqual([4, 6]);
    expect(table.rows.map((r) => r.values.unitName)).toEqual(['天津市河东区总工会女职工委员会', '河东区二号桥街道总工会']);
    expect(table.totalRows.map((r) => r.row)).toEqual([7]);
    expect(table.noteRows).toEqual([8, 9]);
  });

  test('reads 12场 in a 场次 column as 12 and says how to write it', () => {
    expect(table.rows[1]!.values.publicityEvents).toBe(12);
    const messages = table.rows[1]!.issues.map((i) => i.message);
    expect(messages).toContain('D6 开展宣传活动（场次）：“１２场”含全角字符，已按 12 读取；请改用半角数字');
    expect(messages).toContain('D6 开展宣传活动（场次）：“１２场”带有单位，已按 12 读取；单位已在表头中，请只填数字');
  });

  test('takes the year of a date without one from the title line', () => {
    expect(table.year).toBe(2023);
    expect(table.rows[1]!.values.fillDate).toBe('2023-03-18');
  });

  test('checks the 合计 row against the detail rows', () => {
    // 24 场次 and 2400 人次 are the sums of the two rows: nothing to report.
    expect(table.totalRows[0]!.values).toMatchObject({ publicityEvents: 24, publicityParticipants: 2400 });
    expect(report.issues.filter((i) => i.code === 'table.total-mismatch')).toEqual([]);
  });

  test('names file and sheet on every issue', () => {
    for (const issue of report.issues) {
      expect(issue.file).toBe('河东区.xlsx');
      expect(issue.sheet).toBe('汇总表');
    }
  });
});

describe('合计 rows', () => {
  test('a wrong 合计 is reported on its cell, and 小计 rows are recognised too', () => {
    const rows: CellValue[][] = [labels, activityRow({ unitName: '甲' }), activityRow({ unitName: '乙' }), ['小计', null, null, 24, 2000]];
    const report = check(writeXlsx(path.join(dir, 'total.xlsx'), [{ name: 'Sheet1', rows }]));
    const table = report.tables[0]!;
    expect(table.rows).toHaveLength(2);
    expect(table.totalRows.map((r) => r.row)).toEqual([4]);
    const mismatch = report.issues.filter((i) => i.code === 'table.total-mismatch');
    expect(mismatch.map((i) => i.message)).toEqual([
      'E4 宣传活动参与人数（人次）：合计行为 2000，明细行之和为 2400，请核对；汇总按明细行计算',
    ]);
    expect(mismatch[0]!.severity).toBe('warning');
  });
});

describe('a two-row merged header', () => {
  // Row 1: fields merged down two rows, and groups merged across; row 2: the group's parts.
  const top: CellValue[] = [];
  const bottom: CellValue[] = [];
  const merges: string[] = [];
  const letter = (c: number) => String.fromCharCode(65 + c);
  const plan: [string, string[] | null][] = [
    ['填报单位', null],
    ['单位层级', null],
    ['开展宣传活动', ['场次']],
    ['宣传活动参与人数', ['人次', '其中女职工（人次）']],
    ['新签女职工专项集体合同（份）', null],
    ['有效期内女职工专项集体合同', ['份']],
    ['填表人', null],
    ['联系电话', null],
    ['填表日期', null],
  ];
  for (const [label, parts] of plan) {
    const c = top.length;
    if (!parts) {
      top.push(label);
      bottom.push(null);
      merges.push(`${letter(c)}1:${letter(c)}2`);
      continue;
    }
    parts.forEach((part, i) => {
      top.push(i === 0 ? label : null);
      bottom.push(part);
    });
    if (parts.length > 1) merges.push(`${letter(c)}1:${letter(c + parts.length - 1)}1`);
  }
  const data: CellValue[] = ['河东区总工会', '区（市）县总工会', 12, 1200, 800, 5, 40, '孔迪', '13812345678', '2024-03-20'];
  const report = check(writeXlsx(path.join(dir, 'merged.xlsx'), [{ name: 'Sheet1', rows: [top, bottom, data], merges }]));

  test('matches each column through its group and part', () => {
    const table = report.tables[0]!;
    expect(table.headerRows).toEqual({ top: 1, bottom: 2 });
    expect(table.fieldColumns).toMatchObject({
      unitName: 0,
      unitLevel: 1,
      publicityEvents: 2,
      publicityParticipants: 3,
      publicityFemale: 4,
      contractsNew: 5,
      contractsInForce: 6,
      contactPerson: 7,
      contactPhone: 8,
      fillDate: 9,
    });
    expect(table.rows[0]!.values).toMatchObject({
      publicityEvents: 12,
      publicityParticipants: 1200,
      publicityFemale: 800,
      contractsInForce: 40,
    });
    expect(report.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });
});

describe('columns in another order, extra columns, headers typed differently', () => {
  const order = [
    'fillDate',
    'contactPhone',
    'unitName',
    'publicityParticipants',
    'publicityEvents',
    'contactPerson',
    'unitLevel',
    'contractsNew',
    'contractsInForce',
  ];
  const typed: Record<string, string> = {
    fillDate: '填表 日期',
    contactPhone: '联系\n电话',
    unitName: '填报单位：',
    publicityParticipants: '宣传活动参与人数(人次)',
    publicityEvents: '开展宣传活动【场次】',
    contactPerson: '＊填表人',
    unitLevel: '单位层级',
    contractsNew: '新签女职工专项集体合同 （份）',
    contractsInForce: '有效期内女职工专项集体合同（份）',
  };
  const header = [...order.map((id) => typed[id]!), '序号'];
  const row = [...order.map((id) => activityRow()[col(id)]!), 1];
  const report = check(writeXlsx(path.join(dir, 'reordered.xlsx'), [{ name: 'Sheet1', rows: [header, row] }]));
  const table = report.tables[0]!;

  test('every column is matched by its label, whatever the width, brackets and spaces', () => {
    expect(Object.keys(table.fieldColumns).sort()).toEqual([...order].sort());
    expect(table.rows[0]!.values).toMatchObject({
      unitName: '河东区总工会',
      publicityEvents: 12,
      publicityParticipants: 1200,
      contractsInForce: 40,
    });
  });

  test('an extra column is kept, reported, and not read as data', () => {
    expect(table.extraColumns).toEqual([{ column: 9, header: '序号' }]);
    expect(report.issues.map((i) => i.message)).toContain('J1：列“序号”不是本表的指标，已保留，不参与汇总');
  });

  test('required columns that are missing are named', () => {
    const missing = report.issues.filter((i) => i.code === 'table.missing-column');
    expect(missing).toEqual([]);
    const fewer = check(writeXlsx(path.join(dir, 'fewer.xlsx'), [{ name: 'Sheet1', rows: [header.slice(0, 7), row.slice(0, 7)] }]));
    expect(fewer.issues.filter((i) => i.code === 'table.missing-column').map((i) => i.message)).toEqual([
      '第1行：表中没有“新签女职工专项集体合同（份）”列，请按模板补上',
      '第1行：表中没有“有效期内女职工专项集体合同（份）”列，请按模板补上',
    ]);
  });
});

describe('which form a table is', () => {
  test('a quiz table is read as the quiz form, not the activity summary', () => {
    const quiz = labelsOf('quiz-results');
    const report = check(
      writeXlsx(path.join(dir, 'quiz.xlsx'), [
        {
          name: '竞赛',
          rows: [
            quiz,
            [
              '河东区总工会',
              '知识竞赛',
              '本级组织',
              '线上答题',
              '2024-03-01',
              '2024-03-10',
              1,
              10,
              2,
              300,
              200,
              450,
              300,
              290,
              30,
              '孔迪',
              '13812345678',
              '2024-03-20',
            ],
          ],
        },
      ]),
    );
    expect(report.tables.map((t) => t.form)).toEqual(['quiz-results']);
    expect(report.issues).toEqual([]);
  });

  test('a sheet with no known header says which labels were expected', () => {
    const report = check(
      writeXlsx(path.join(dir, 'other.xlsx'), [
        {
          name: 'Sheet1',
          rows: [
            ['姓名', '年龄'],
            ['张三', 30],
          ],
        },
      ]),
    );
    expect(report.tables).toEqual([]);
    expect(report.issues).toHaveLength(1);
    expect(report.issues[0]!.code).toBe('table.not-found');
    expect(report.issues[0]!.message).toMatch(/^没有找到可识别的报表：表头应包含“.+”等列$/);
  });

  test('each sheet of a workbook is checked on its own', () => {
    const report = check(
      writeXlsx(path.join(dir, 'two.xlsx'), [
        { name: '说明', rows: [['填表说明：请按要求填写']] },
        { name: '活动', rows: [labels, activityRow({ publicityParticipants: '若干' })] },
      ]),
    );
    expect(report.tables.map((t) => t.sheet)).toEqual(['活动']);
    expect(report.issues.map((i) => `${i.sheet} ${i.message}`)).toEqual([
      '活动 E2 宣传活动参与人数（人次）：“若干”不是整数，请填写不小于0的整数',
    ]);
  });
});

describe('CSV returns', () => {
  const rows = [labels, activityRow({ publicityEvents: '1,200' })];

  test.each(['utf8', 'utf8-bom', 'gb18030'] as const)('a %s CSV reads its Chinese headers and values', (encoding) => {
    const report = check(writeCsv(path.join(dir, `csv-${encoding}.csv`), rows, encoding, '\r\n'));
    const table = report.tables[0]!;
    expect(table.form).toBe('activity-summary');
    expect(table.rows[0]!.values).toMatchObject({ unitName: '河东区总工会', unitLevel: '区（市）县总工会', publicityEvents: 1200 });
    // In a CSV every cell is text: no "stored as text" note, but the separator is still named.
    expect(report.issues.map((i) => i.code)).toEqual(['value.thousands']);
  });
});

describeWithOffice('returns written by LibreOffice', () => {
  const rows = [
    ['2024年女职工维权行动月活动数据汇总表'],
    labels,
    activityRow({ unitName: '河东区总工会', publicityParticipants: '约1200' }),
    activityRow({ unitName: '大王庄街道总工会', publicityParticipants: '很多' }),
    ['合计'],
  ];
  let csv: string;
  beforeAll(() => {
    csv = writeCsv(path.join(dir, 'lo-source.csv'), rows);
  });

  test.each(['xlsx', 'xls'] as const)('a .%s saved by LibreOffice from CSV is read and checked', async (ext) => {
    const out = await convertWithLibreOffice(csv, ext, tempDir('huizong-lo-'));
    const report = check(out);
    const table = report.tables[0]!;
    expect(table.form).toBe('activity-summary');
    expect(table.rows.map((r) => r.values.unitName)).toEqual(['河东区总工会', '大王庄街道总工会']);
    expect(table.rows[0]!.values.publicityParticipants).toBe(1200);
    expect(table.rows[1]!.unreadable).toEqual(['publicityParticipants']);
    expect(report.issues.filter((i) => i.severity === 'error').map((i) => i.message)).toEqual([
      'E4 宣传活动参与人数（人次）：“很多”不是整数，请填写不小于0的整数',
    ]);
    expect(report.issues.some((i) => i.code === 'value.approximate' && i.cell === 'E3')).toBe(true);
  });

  test('a merged two-row header re-saved by LibreOffice keeps its meaning', async () => {
    const source = writeXlsx(path.join(dir, 'lo-merged-src.xlsx'), [
      {
        name: 'Sheet1',
        rows: [
          [
            '填报单位',
            '单位层级',
            '开展宣传活动',
            null,
            '新签女职工专项集体合同（份）',
            '有效期内女职工专项集体合同（份）',
            '填表人',
            '联系电话',
            '填表日期',
          ],
          [null, null, '场次', '参与人数（人次）'],
          ['河东区总工会', '区（市）县总工会', 12, 1200, 5, 40, '孔迪', '13812345678', '2024-03-20'],
        ],
        merges: ['A1:A2', 'B1:B2', 'C1:D1', 'E1:E2', 'F1:F2', 'G1:G2', 'H1:H2', 'I1:I2'],
      },
    ]);
    const out = await convertWithLibreOffice(source, 'xls', tempDir('huizong-lo-'));
    const table = check(out).tables[0]!;
    expect(table.fieldColumns).toMatchObject({ publicityEvents: 2, unitName: 0, contractsInForce: 5 });
    expect(table.rows[0]!.values.publicityEvents).toBe(12);
  });
});
