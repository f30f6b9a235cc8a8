/**
 * The lean reader parses a workbook's own parts (workbook.xml, its relationships, styles) once
 * per distinct content: returns made from one template share them. Reuse must never carry one
 * file's sheet names or checks over to another.
 */
import * as XLSX from '@e965/xlsx';
import { readWorkbook } from '../../src/files/readWorkbook';
import { partData } from '../helpers/hostile';

function book(sheet: string, rows: (string | number)[][]): Uint8Array {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), sheet);
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer);
}

describe('parts seen before', () => {
  it('files alike but for their sheet names keep their own names', () => {
    const names = ['报表', '报表A', '报表', 'Sheet1', '报表A'];
    for (const [i, name] of names.entries()) {
      const read = readWorkbook(
        `r${i}.xlsx`,
        book(name, [
          ['单位名称', '人数'],
          [`单位${i}`, i],
        ]),
      );
      expect(read.ok && read.grids.map((g) => [g.sheet, g.rows[1]])).toEqual([[name, [`单位${i}`, i]]]);
    }
  });

  it('a workbook part flipped after an identical one was read is still refused', () => {
    const good = book('报表', [
      ['单位名称', '人数'],
      ['甲', 1],
    ]);
    expect(readWorkbook('good.xlsx', good).ok).toBe(true);
    const { start, length } = partData(good, 'xl/workbook.xml');
    const bad = good.slice();
    bad[start + Math.floor(length / 2)] ^= 0x24;
    expect(readWorkbook('bad.xlsx', bad)).toMatchObject({ ok: false, code: expect.stringMatching(/^file\.corrupt-/) });
  });
});
