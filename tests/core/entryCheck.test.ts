/**
 * The entry form's check is 校验's: a row the form would refuse is the row 校验 rejects in the
 * CSV the pane downloads, finding for finding; a row the form saves passes 校验.
 */
import { compileForm } from '../../src/core/definitions/compile';
import { shippedForm } from '../../src/core/definitions/shipped';
import { checkEntryRow } from '../../src/core/validate/entry';
import { checkFile } from '../../src/files/checkFile';
import { rowsAsCsv } from '../../src/taskpane/fileIO';

const TODAY = '2026-12-05';
const activity = compileForm(shippedForm('activity-summary')!);
// As the entry form hands a row to 保存: numbers typed, dates as YYYY-MM-DD.
const good = {
  unitName: '河东区总工会',
  unitLevel: '区（市）县总工会',
  publicityEvents: 3,
  publicityParticipants: 100,
  publicityFemale: 60,
  contractsNew: 1,
  contractsInForce: 3,
  contactPerson: '张三',
  contactPhone: '13812345678',
  fillDate: '2026-11-20',
};

test('the four findings of the issue, the same in the entry check and in 校验 of the CSV', () => {
  const row = { ...good, publicityFemale: 500, contractsNew: 5, contactPhone: '12345', fillDate: '2027-03-01' };
  const entry = checkEntryRow(activity, row, { today: TODAY }).filter((f) => f.severity === 'error');
  const report = checkFile('河东区总工会.csv', rowsAsCsv(activity, [row]), [activity], { today: TODAY });
  const checked = report.issues.filter((i) => i.severity === 'error');
  expect(entry.map((f) => `${f.field}:${f.code}`).sort()).toEqual([
    'contactPhone:value.phone',
    'contractsNew:rule.not-more-than',
    'fillDate:rule.date-in-future',
    'publicityFemale:rule.not-more-than',
  ]);
  expect(checked.map((i) => `${i.field}:${i.code}`).sort()).toEqual(entry.map((f) => `${f.field}:${f.code}`).sort());
  // at the field the message needs no cell and no label; the list gives the label
  const female = entry.find((f) => f.field === 'publicityFemale')!;
  expect(female.text).toBe('500，不应大于“宣传活动参与人数（人次）”（100），请核对');
  expect(female.message).toBe('其中女职工（人次）：500，不应大于“宣传活动参与人数（人次）”（100），请核对');
});

test('a row the entry check passes is a row 校验 passes', () => {
  expect(checkEntryRow(activity, good, { today: TODAY }).filter((f) => f.severity === 'error')).toEqual([]);
  const report = checkFile('河东区总工会.csv', rowsAsCsv(activity, [good]), [activity], { today: TODAY });
  expect(report.tables[0]?.rows).toHaveLength(1);
  expect(report.issues.filter((i) => i.severity === 'error')).toEqual([]);
});

test('a warning rule (覆盖企业 fewer than contracts) is a warning, not a refusal', () => {
  const findings = checkEntryRow(activity, { ...good, contractEnterprises: 1 }, { today: TODAY });
  expect(findings.map((f) => [f.code, f.severity])).toEqual([['rule.not-less-than', 'warning']]);
});
