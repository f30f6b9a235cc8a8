/**
 * A value picked from a drop-down list fires no onChanged on Excel on the web (office-js #4066,
 * #3888): the re-check after edits would miss it. The cell the user leaves is looked at again
 * (leftCellWatch.ts). Played on the double (pickFromList fires no event); Excel itself was not run.
 */
import { compileForm } from '../../src/core/definitions/compile';
import { shippedForms } from '../../src/core/definitions/shipped';
import { columnName } from '../../src/core/table/grid';
import { createOfficeGateway } from '../../src/excel/officeGateway';
import { firstCell, watchLeftCell } from '../../src/excel/leftCellWatch';
import { excelActions } from '../../src/taskpane/excelActions';
import type { SheetCheck } from '../../src/taskpane/sheetCheck';
import { activity, SHEET, workbookWithTable } from './scenarios';

const forms = shippedForms.map(compileForm);
const events = columnName(activity.fields.findIndex((f) => f.id === 'publicityEvents'));

/** Waits until `until()` (at most 2 s), or a short while for what should not happen. */
async function settle(until: () => boolean, most = 2000): Promise<void> {
  for (let waited = 0; !until() && waited < most; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
  for (let i = 0; i < 10; i++) await new Promise((resolve) => setImmediate(resolve));
}

async function checked() {
  const fake = workbookWithTable(10);
  const actions = excelActions(createOfficeGateway({ host: fake.host(), debounce: { delayMs: 0 } }));
  const rechecks: SheetCheck[] = [];
  actions.onRecheck((check) => rechecks.push(check));
  const first = await actions.checkSheet(forms, 'zh-CN');
  return { fake, rechecks, first };
}

const cellsOf = (check: SheetCheck | undefined) => (check && check.ok ? check.issues.map((i) => i.cell) : []);

test('a value picked from the drop-down, the cell then left: the sheet is checked again and the mark goes', async () => {
  const { fake, rechecks, first } = await checked();
  expect(cellsOf(first)).toContain(`${events}12`);
  await fake.select(SHEET, `${events}12`);
  fake.pickFromList(SHEET, `${events}12`, 3);
  await fake.select(SHEET, `${events}13`);
  await settle(() => rechecks.length > 0);
  expect(rechecks).toHaveLength(1);
  expect(cellsOf(rechecks[0])).not.toContain(`${events}12`);
});

test('moving about without changing anything checks nothing again', async () => {
  const { fake, rechecks } = await checked();
  const before = fake.syncs;
  await fake.select(SHEET, 'B3');
  await fake.select(SHEET, 'C4:D5');
  await fake.select(SHEET, 'B6');
  await settle(() => false, 200);
  expect(rechecks).toEqual([]);
  // One small read per move, nothing written.
  expect(fake.syncs - before).toBe(3);
});

test('an edit onChanged reported is checked once, not again when the cell is left', async () => {
  const { fake, rechecks } = await checked();
  await fake.select(SHEET, `${events}12`);
  await fake.edit(SHEET, `${events}12`, [[4]]);
  await settle(() => rechecks.length > 0);
  await fake.select(SHEET, `${events}13`);
  await settle(() => false, 200);
  expect(rechecks).toHaveLength(1);
});

test('the first cell of a selection address; a move while a read is under way is taken from where it got to', async () => {
  expect(firstCell("'Sheet 1'!$B$3:C4")).toBe('B3');
  expect(firstCell('D7,F9')).toBe('D7');
  expect(firstCell('C:C')).toBeUndefined();
  const values: Record<string, unknown> = { A1: 1, A2: 2, A3: 3 };
  const changed: string[] = [];
  const watch = watchLeftCell(
    async (cells) => cells.map((c) => values[c]),
    (cell) => changed.push(cell),
  );
  await watch.moved('A1');
  values.A1 = 'x';
  void watch.moved('A2');
  await watch.moved('A3');
  expect(changed).toEqual(['A1']);
});
