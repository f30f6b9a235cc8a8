/**
 * A value picked from a drop-down list fires no onChanged on Excel on the web (office-js #4066,
 * #3888): the re-check after edits would miss it. The cell the user leaves is looked at again
 * (leftCellWatch.ts). Played on the double (pickFromList fires no event); Excel itself was not run.
 */
import { compileForm } from '../../src/core/definitions/compile';
import { shippedForms } from '../../src/core/definitions/shipped';
import { columnName } from '../../src/core/table/grid';
import type { Timers } from '../../src/excel/debounce';
import { createOfficeGateway } from '../../src/excel/officeGateway';
import { firstCell, watchLeftCell } from '../../src/excel/leftCellWatch';
import { excelActions } from '../../src/taskpane/excelActions';
import type { SheetCheck } from '../../src/taskpane/sheetCheck';
import { activity, SHEET, workbookWithTable } from './scenarios';

const forms = shippedForms.map(compileForm);
const events = columnName(activity.fields.findIndex((f) => f.id === 'publicityEvents'));

/**
 * The debounce's clock, run by hand: what the batcher set to run, runs when the test says, so
 * a test sees deterministically whether anything was handed on to re-check the sheet.
 */
function handClock() {
  const due = new Set<() => void>();
  const timers: Timers = {
    set: (fn) => (due.add(fn), fn),
    clear: (handle) => void due.delete(handle as () => void),
    now: () => 0,
  };
  return {
    timers,
    /** Runs what is due; how many ran. */
    run(): number {
      const now = [...due];
      due.clear();
      now.forEach((fn) => fn());
      return now.length;
    },
  };
}

async function checked() {
  const fake = workbookWithTable(10);
  const clock = handClock();
  const gateway = createOfficeGateway({ host: fake.host(), debounce: { delayMs: 0, timers: clock.timers } });
  // Every re-check starts from the gateway's handler: counted as it is handed on.
  const handedOn: string[] = [];
  const onSheetChanged = gateway.onSheetChanged.bind(gateway);
  gateway.onSheetChanged = (sheet, handler) =>
    onSheetChanged(sheet, (address) => {
      handedOn.push(address);
      handler(address);
    });
  const actions = excelActions(gateway);
  const rechecks: SheetCheck[] = [];
  actions.onRecheck((check) => rechecks.push(check));
  const rechecked = () => new Promise<SheetCheck>((resolve) => actions.onRecheck(resolve));
  const first = await actions.checkSheet(forms, 'zh-CN');
  return { fake, clock, handedOn, rechecks, rechecked, first };
}

const cellsOf = (check: SheetCheck | undefined) => (check && check.ok ? check.issues.map((i) => i.cell) : []);

test('a value picked from the drop-down, the cell then left: the sheet is checked again and the mark goes', async () => {
  const { fake, clock, handedOn, rechecks, rechecked, first } = await checked();
  expect(cellsOf(first)).toContain(`${events}12`);
  await fake.select(SHEET, `${events}12`);
  fake.pickFromList(SHEET, `${events}12`, 3);
  await fake.select(SHEET, `${events}13`);
  const next = rechecked();
  expect(clock.run()).toBe(1);
  expect(handedOn).toEqual([`${events}12`]);
  const check = await next;
  expect(rechecks).toEqual([check]);
  expect(cellsOf(check)).not.toContain(`${events}12`);
});

test('moving about without changing anything checks nothing again', async () => {
  const { fake, clock, handedOn, rechecks } = await checked();
  const before = fake.syncs;
  await fake.select(SHEET, 'B3');
  await fake.select(SHEET, 'C4:D5');
  await fake.select(SHEET, 'B6');
  // Each move's read is done (select waits for the handler): nothing is due, nothing handed on.
  expect(clock.run()).toBe(0);
  expect(handedOn).toEqual([]);
  expect(rechecks).toEqual([]);
  // One small read per move, nothing written.
  expect(fake.syncs - before).toBe(3);
});

test('an edit onChanged reported is checked once, not again when the cell is left', async () => {
  const { fake, clock, handedOn, rechecks, rechecked } = await checked();
  await fake.select(SHEET, `${events}12`);
  await fake.edit(SHEET, `${events}12`, [[4]]);
  const next = rechecked();
  expect(clock.run()).toBe(1);
  await next;
  await fake.select(SHEET, `${events}13`);
  expect(clock.run()).toBe(0);
  expect(handedOn).toEqual([`${events}12`]);
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
