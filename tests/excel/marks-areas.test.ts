/**
 * Clearing and re-marking read conditional formats only where Huizong recorded its marks, the
 * types first and a rule only for custom formats: a user's format elsewhere on the sheet is
 * never read, and one whose rule cannot be read (office-js #6827, #6835, #2180) costs a few
 * syncs but never stops the action. Played on the double; Excel itself was not run.
 */
import { createOfficeGateway, isHuizongMark } from '../../src/excel/officeGateway';
import type { ConditionalFormatModel, FakeExcel } from './excelDouble';
import { SHEET, validateOnce, workbookWithTable } from './scenarios';

const ours = (fake: FakeExcel) => fake.model.sheet(SHEET)!.conditionalFormats.filter((cf) => isHuizongMark(cf.formula));
const users = (fake: FakeExcel) => fake.model.sheet(SHEET)!.conditionalFormats.filter((cf) => !isHuizongMark(cf.formula));
const formatLoads = (fake: FakeExcel) => fake.commands.filter((c) => c.api.startsWith('ConditionalFormatCollection.load'));

test('a user’s unreadable format outside the marked cells is never read: 校验本表 3 syncs, 清除标记 2', async () => {
  const fake = workbookWithTable(30);
  // Column A and rows below the table: no mark of Huizong's there.
  const elsewhere: ConditionalFormatModel[] = [
    { id: 'user-1', type: 'CellValue', areas: ['A3:A32'], unreadable: true },
    { id: 'user-2', type: 'Custom', formula: '=$A40>1', areas: ['A40:Z60'], unreadable: true },
  ];
  fake.model.sheet(SHEET)!.conditionalFormats.push(...elsewhere);
  await validateOnce(fake);
  fake.model.sheet(SHEET)!.setValues('D10', [['很多']]);
  const gateway = createOfficeGateway({ host: fake.host() });
  fake.resetCounts();
  const run = await validateOnce(fake);
  expect(run.syncs).toBe(3);
  expect(
    formatLoads(fake).every((c) => c.api === 'ConditionalFormatCollection.load(items/type,items/customOrNullObject/rule/formula)'),
  ).toBe(true);
  expect(ours(fake).length).toBeGreaterThan(0);
  await gateway.readActiveSheet();
  fake.resetCounts();
  await gateway.clearMarks(SHEET);
  expect(fake.syncs).toBe(2);
  expect(ours(fake)).toEqual([]);
  expect(users(fake)).toEqual(elsewhere);
});

test('a first marking reads no conditional format at all', async () => {
  const fake = workbookWithTable(30);
  fake.model
    .sheet(SHEET)!
    .conditionalFormats.push({ id: 'user-1', type: 'Custom', formula: '=TRUE', areas: ['A1:AL32'], unreadable: true });
  const run = await validateOnce(fake);
  expect(run.syncs).toBe(3);
  expect(formatLoads(fake)).toEqual([]);
});

test('an unreadable cellValue format among the marks: types, then the custom rules together — not one sync per format', async () => {
  const fake = workbookWithTable(30);
  const sheet = fake.model.sheet(SHEET)!;
  const mine: ConditionalFormatModel[] = [{ id: 'user-0', type: 'CellValue', areas: ['D3:D32'], unreadable: true }];
  for (let i = 1; i <= 8; i++) mine.push({ id: `user-${i}`, type: 'Custom', formula: `=$D3>${i}`, areas: ['D3:D32'] });
  sheet.conditionalFormats.push(...mine);
  await validateOnce(fake);
  fake.resetCounts();
  const run = await validateOnce(fake);
  // 1 read + the read failed (sent again once by syncWithMeta) + types + custom rules + the write.
  expect(run.applySyncs).toBeLessThanOrEqual(5);
  expect(ours(fake).length).toBe(2);
  await createOfficeGateway({ host: fake.host() }).clearMarks(SHEET);
  expect(ours(fake)).toEqual([]);
  expect(users(fake)).toEqual(mine);
});
