/**
 * A value under a merged area's other cells: Excel shows only the top-left cell, so the
 * readers leave such a value out of the grid, as Excel shows it, and the check reports it.
 */
import { messageFor } from '../../src/core/issues/catalogue';
import { checkReturn } from '../../src/files/checkReturn';
import { readWorkbook } from '../../src/files/readWorkbook';
import { inline, workbookParts, worksheet, zipParts } from '../helpers/hostile';

const MERGES = '<mergeCells count="2"><mergeCell ref="B2:C2"/><mergeCell ref="A3:A4"/></mergeCells>';
const SHEET = worksheet(
  `<row r="1">${inline('A1', '单位名称')}${inline('B1', '参加人数')}${inline('C1', '备注')}</row>` +
    `<row r="2">${inline('A2', '甲单位')}<c r="B2"><v>12</v></c><c r="C2"><v>99</v></c></row>` +
    `<row r="3">${inline('A3', '乙单位')}<c r="B3"><v>5</v></c></row>` +
    `<row r="4">${inline('A4', '藏起来的')}<c r="B4"><v>7</v></c></row>`,
  '',
  MERGES,
);

describe.each(['auto', 'sheetjs'] as const)('reader %s', (reader) => {
  test('values under merged cells other than the top-left are blank in the grid and listed', () => {
    const read = readWorkbook('合并.xlsx', zipParts(workbookParts(SHEET)), { reader });
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const rows = read.grids[0]!.rows;
    expect(rows[1]).toEqual(['甲单位', 12, null]);
    expect(rows[3]!.slice(0, 2)).toEqual([null, 7]);
    expect(read.hidden).toEqual([
      { sheet: '报表', range: 'B2:C2', r: 1, c: 2, value: 99, count: 1 },
      { sheet: '报表', range: 'A3:A4', r: 3, c: 0, value: '藏起来的', count: 1 },
    ]);
  });
});

test('the check reports each such area at its first hidden cell, in both languages', () => {
  const file = { name: '合并.xlsx', bytes: zipParts(workbookParts(SHEET)) };
  for (const lang of ['zh-CN', 'en'] as const) {
    const input = checkReturn(file, readWorkbook(file.name, file.bytes), [], { lang });
    const hidden = input.report!.issues.filter((i) => i.code === 'table.hidden-under-merge');
    expect(hidden.map((i) => [i.sheet, i.cell, i.severity])).toEqual([
      ['报表', 'C2', 'warning'],
      ['报表', 'A4', 'warning'],
    ]);
    expect(hidden[1]!.message).toBe(
      `A4${lang === 'en' ? ': ' : '：'}${messageFor('table.hidden-under-merge', { range: 'A3:A4', count: 1, value: '藏起来的' }, lang)}`,
    );
  }
});
