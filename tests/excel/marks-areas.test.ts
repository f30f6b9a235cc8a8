/**
 * Clearing and re-marking read conditional formats only in the columns where Huizong recorded
 * its marks (Excel moves a format with its cells when the user inserts rows, so the recorded
 * rows may be stale), the types first and a rule only for custom formats: a user's format in
 * other columns is never read, and one whose rule cannot be read (office-js #6827, #6835,
 * #2180) costs a few syncs but never stops the action. Played on the double; Excel itself was
 * not run.
 */
import { createOfficeGateway, isHuizongMark } from '../../src/excel/officeGateway';
import { parseArea, type ConditionalFormatModel, type FakeExcel } from './excelDouble';
import { SHEET, validateOnce, workbookWithTable } from './scenarios';

const ours = (fake: FakeExcel) => fake.model.sheet(SHEET)!.conditionalFormats.filter((cf) => isHuizongMark(cf.formula));
const users = (fake: FakeExcel) => fake.model.sheet(SHEET)!.conditionalFormats.filter((cf) => !isHuizongMark(cf.formula));
const formatLoads = (fake: FakeExcel) => fake.commands.filter((c) => c.api.startsWith('ConditionalFormatCollection.load'));

test('a user’s unreadable format outside the marked columns is never read: 校验本表 3 syncs, 清除标记 2', async () => {
  const fake = workbookWithTable(30);
  // Columns A and F:Z: no mark of Huizong's there (it marks D, E and AI).
  const elsewhere: ConditionalFormatModel[] = [
    { id: 'user-1', type: 'CellValue', areas: ['A3:A32'], unreadable: true },
    { id: 'user-2', type: 'Custom', formula: '=$F40>1', areas: ['F40:Z60'], unreadable: true },
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

test('rows the user inserted above the marks move them: 清除标记 still removes every one, 校验本表 still 3 syncs', async () => {
  const fake = workbookWithTable(30);
  await validateOnce(fake);
  const marked = ours(fake).flatMap((cf) => cf.areas);
  expect(marked.length).toBeGreaterThan(0);
  // The user inserts two rows above the table (开始 → 插入 → 插入工作表行).
  fake.model.sheet(SHEET)!.shiftDown(parseArea('1:2'));
  expect(ours(fake).flatMap((cf) => cf.areas)).not.toEqual(marked);
  fake.resetCounts();
  expect((await validateOnce(fake)).syncs).toBe(3);
  const gateway = createOfficeGateway({ host: fake.host() });
  fake.model.sheet(SHEET)!.shiftDown(parseArea('1:1'));
  await gateway.clearMarks(SHEET);
  expect(ours(fake)).toEqual([]);
});
