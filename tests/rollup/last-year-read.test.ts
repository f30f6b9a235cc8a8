/**
 * Last year's table is read for its units and the figures compared, nothing more: a cell of
 * another column that would fail a check does not stop it, and a compared figure that cannot
 * be read is shown as not given, never as 0.
 */
import * as fs from 'fs';
import * as path from 'path';
import { compileForm } from '../../src/core/definitions/compile';
import { shippedForm, shippedForms } from '../../src/core/definitions/shipped';
import { readLastYear, rollUpFiles } from '../../src/files/rollupFiles';
import { activityRow, labelsOf, tempDir, writeXlsx } from '../helpers/workbooks';

const form = compileForm(shippedForm('activity-summary')!);
const forms = shippedForms.map(compileForm);

test('a last-year figure typed as words is not given last year; the other units compare as usual', () => {
  const dir = tempDir('huizong-last-year-read-');
  const file = writeXlsx(path.join(dir, '2023.xlsx'), [
    {
      name: 'Sheet1',
      rows: [
        ['2023年女职工维权行动月活动数据汇总表'],
        labelsOf('activity-summary'),
        activityRow({ unitName: '甲工会', trainingParticipants: 100, contactEmail: 'not an address', fillDate: '2023-03-20' }),
        activityRow({ unitName: '乙工会', trainingParticipants: '一百五十', fillDate: '2023-03-20' }),
      ],
    },
  ]);
  const last = readLastYear({ name: file, bytes: new Uint8Array(fs.readFileSync(file)) }, form, forms, 'zh-CN');
  expect(last.issue).toBeUndefined();
  const thisYear = writeXlsx(path.join(dir, '2024.xlsx'), [
    {
      name: 'Sheet1',
      rows: [
        ['2024年女职工维权行动月活动数据汇总表'],
        labelsOf('activity-summary'),
        activityRow({ unitName: '甲工会', trainingParticipants: 110, fillDate: '2024-03-20' }),
        activityRow({ unitName: '乙工会', trainingParticipants: 160, fillDate: '2024-03-20' }),
      ],
    },
  ]);
  const result = rollUpFiles([{ name: thisYear, bytes: new Uint8Array(fs.readFileSync(thisYear)) }], {
    form,
    forms,
    lang: 'zh-CN',
    today: '2024-03-25',
    lastYear: last.data!,
  });
  const units = Object.fromEntries(result.lastYear!.units.map((u) => [u.unit, u.values.trainingParticipants]));
  expect(units['甲工会']).toEqual({ thisYear: 110, lastYear: 100, change: 10 });
  expect(units['乙工会']).toEqual({ thisYear: 160, lastYear: null, change: null });
  expect(result.lastYear!.total.trainingParticipants).toEqual({ thisYear: 270, lastYear: 100, change: 170 });
});

test('a last-year file that cannot serve is told why in the words its roll-up verdict would say', () => {
  const dir = tempDir('huizong-last-year-unusable-');
  const cases = [
    // The header alone: no unit's row.
    writeXlsx(path.join(dir, '空表.xlsx'), [
      { name: 'Sheet1', rows: [['2023年女职工维权行动月活动数据汇总表'], labelsOf('activity-summary')] },
    ]),
    // A table of another form.
    writeXlsx(path.join(dir, '别的表.xlsx'), [
      { name: 'Sheet1', rows: [labelsOf(shippedForms.find((f) => f.id !== 'activity-summary')!.id)] },
    ]),
    // No table at all.
    writeXlsx(path.join(dir, '无表.xlsx'), [{ name: 'Sheet1', rows: [['说明'], ['今年无数据']] }]),
  ];
  const reasons = cases.map((file) => {
    const source = { name: file, bytes: new Uint8Array(fs.readFileSync(file)) };
    const last = readLastYear(source, form, forms, 'zh-CN');
    expect(last.data).toBeUndefined();
    expect(last.issue?.code).toBe('last-year.unusable');
    const verdict = rollUpFiles([source], { form, forms, lang: 'zh-CN', today: '2024-03-25' }).files[0]!;
    expect(verdict.status).toBe('rejected');
    expect(last.issue?.params?.reason).toBe(verdict.reason);
    return verdict.code;
  });
  expect(new Set(reasons).size).toBe(3);
});
