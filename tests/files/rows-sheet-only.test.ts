/**
 * Last year's roll-up is read for its rows alone: of a workbook Huizong wrote, `rowsSheetOnly`
 * reads the sheet its `_huizong` record names (and the record), not 报送情况, 问题清单 or the
 * rest; any other workbook is read whole, as without it.
 */
import * as fs from 'fs';
import * as path from 'path';
import { compileForm } from '../../src/core/definitions/compile';
import { shippedForm, shippedForms } from '../../src/core/definitions/shipped';
import { readLastYear, rollUpFiles } from '../../src/files/rollupFiles';
import { readWorkbook } from '../../src/files/readWorkbook';
import { writeRollupWorkbook } from '../../src/files/writeRollup';
import { activityRow, labelsOf, tempDir, writeXlsx } from '../helpers/workbooks';

const form = compileForm(shippedForm('activity-summary')!);
const forms = shippedForms.map(compileForm);
const labels = labelsOf('activity-summary');
const TITLE = '2023年女职工维权行动月活动数据汇总表';

function unitReturn(unitName: string, trainingParticipants: number) {
  const dir = tempDir('huizong-rows-only-');
  const file = writeXlsx(path.join(dir, `${unitName}.xlsx`), [
    { name: 'Sheet1', rows: [[TITLE], labels, activityRow({ unitName, unitLevel: '基层工会', trainingParticipants })] },
  ]);
  return { name: path.basename(file), bytes: new Uint8Array(fs.readFileSync(file)) };
}

describe('rowsSheetOnly', () => {
  let rollup: Uint8Array;
  let rowsSheet: string;

  beforeAll(async () => {
    const result = rollUpFiles([unitReturn('甲工会', 100), unitReturn('乙工会', 150)], {
      form,
      forms,
      lang: 'zh-CN',
      today: '2023-03-25',
    });
    rollup = await writeRollupWorkbook(result, form, { lang: 'zh-CN' });
    const whole = readWorkbook('2023汇总.xlsx', rollup);
    if (!whole.ok) throw new Error(whole.code);
    rowsSheet = whole.meta!.sheet!;
  });

  test('of a Huizong roll-up, only the sheet of its rows is read, with its record', () => {
    const whole = readWorkbook('2023汇总.xlsx', rollup);
    const only = readWorkbook('2023汇总.xlsx', rollup, { rowsSheetOnly: true });
    if (!whole.ok || !only.ok) throw new Error('not read');
    expect(whole.grids.length).toBeGreaterThan(1);
    expect(only.grids.map((g) => g.sheet)).toEqual([rowsSheet]);
    expect(only.grids[0]!.rows).toEqual(whole.grids.find((g) => g.sheet === rowsSheet)!.rows);
    expect(only.meta).toEqual(whole.meta);
  });

  test('last year read that way still gives each unit its figures', () => {
    const last = readLastYear({ name: '2023汇总.xlsx', bytes: rollup }, form, forms, 'zh-CN');
    const training = Object.fromEntries(last.data!.units.map((u) => [u.unit, u.values.trainingParticipants]));
    expect(training).toEqual({ 甲工会: 100, 乙工会: 150 });
  });

  test('any other workbook is read whole', () => {
    const dir = tempDir('huizong-rows-only-');
    const file = writeXlsx(path.join(dir, 'two.xlsx'), [
      { name: '甲', rows: [['a']] },
      { name: '乙', rows: [['b']] },
    ]);
    const read = readWorkbook('two.xlsx', new Uint8Array(fs.readFileSync(file)), { rowsSheetOnly: true });
    if (!read.ok) throw new Error(read.code);
    expect(read.grids.map((g) => g.sheet)).toEqual(['甲', '乙']);
  });
});
