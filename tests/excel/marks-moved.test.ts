/**
 * 清除标记 after the user moved the marked cells: rows inserted above the table, a column
 * inserted left of the marks, rows deleted above or through them. Each workbook is played
 * twice on the double — once checked, moved and cleared, once only moved — and the two must
 * then hold the same prompts, rules and conditional formats on the checked sheet: nothing of
 * Huizong's left anywhere, the user's own prompt and format back on the cells wherever they
 * are now. Excel itself was not run.
 */
import { MARK_TITLES, expandAreas } from '../../src/core/plan/markPlan';
import { createOfficeGateway, isHuizongMark } from '../../src/excel/officeGateway';
import { FakeExcel, areaAddress, parseArea, type SheetModel, type ValidationModel } from './excelDouble';
import { returnedTable, SHEET, validateOnce, workbookWithTable } from './scenarios';

type Move = (fake: FakeExcel) => void;

/** The table as a Huizong template leaves it: each data cell with a rule, and the field's prompt where it has one. */
async function preparedWorkbook(count = 30, plant?: (sheet: SheetModel) => void): Promise<FakeExcel> {
  const probe = workbookWithTable(30);
  const { plan } = await validateOnce(probe);
  const prompts = new Map((plan.fieldPrompts ?? []).map((p) => [p.column, p]));
  expect(prompts.size).toBeGreaterThan(0);
  const fake = workbookWithTable(count);
  const sheet = fake.model.sheet(SHEET)!;
  // Unless told otherwise, 若干 for units 10 to 12: one marked area of three rows, D12:D14.
  if (plant) plant(sheet);
  else sheet.setValues('D13', [['若干'], ['若干']]);
  for (const [r, c] of [...Array(count).keys()].flatMap((i) => [...Array(38).keys()].map((c) => [i + 2, c] as const))) {
    const column = String.fromCharCode(65 + (c % 26));
    const letter = c < 26 ? column : `A${column}`;
    const own = prompts.get(letter);
    // One rule per column, as a template's validation over the column's data rows.
    const validation: ValidationModel = { rule: { custom: { formula: `=LEN(${letter}3)<100` } } };
    if (own) validation.prompt = { showPrompt: true, title: own.title, message: own.message };
    sheet.validations.set(r * 16_384 + c, validation);
  }
  // The user's own format on the phone numbers' column, under Huizong's marks.
  sheet.conditionalFormats.push({ id: 'user-1', type: 'Custom', formula: '=LEN($AI3)<>11', fill: '#DDEBF7', areas: ['AI3:AI32'] });
  return fake;
}

/** What a user sees of a sheet's prompts, rules and conditional formats. */
function visible(fake: FakeExcel) {
  const sheet = fake.model.sheet(SHEET)!;
  const prompts = [...sheet.validations]
    .map(([k, v]) => [k, { rule: v.rule ?? null, prompt: v.prompt?.showPrompt ? [v.prompt.title, v.prompt.message] : null }] as const)
    .sort((a, b) => a[0] - b[0]);
  return { prompts, formats: sheet.conditionalFormats.map((cf) => ({ formula: cf.formula, areas: cf.areas })) };
}

/** Checks the table, makes `move`, clears; and compares with the same workbook only moved. */
async function checkMoveClear(move: Move): Promise<{ fake: FakeExcel; clearSyncs: number }> {
  const fake = await preparedWorkbook();
  const untouched = await preparedWorkbook();
  await validateOnce(fake);
  expect(fake.model.sheet(SHEET)!.conditionalFormats.some((cf) => isHuizongMark(cf.formula))).toBe(true);
  move(fake);
  move(untouched);
  const gateway = createOfficeGateway({ host: fake.host() });
  await gateway.readActiveSheet();
  fake.resetCounts();
  await gateway.clearMarks(SHEET);
  const clearSyncs = fake.syncs;
  const after = visible(fake);
  expect(after.formats.filter((cf) => isHuizongMark(cf.formula))).toEqual([]);
  expect(after).toEqual(visible(untouched));
  expect(fake.model.sheet(SHEET)!.names).toEqual([]);
  return { fake, clearSyncs };
}

test('two rows inserted above the table: 清除标记 puts each prompt back where its cell is now, 2 syncs', async () => {
  const { clearSyncs } = await checkMoveClear((fake) => fake.model.sheet(SHEET)!.shift(parseArea('1:2'), 'Down'));
  expect(clearSyncs).toBe(2);
});

test('a row inserted inside a marked area: the area grown with it, every prompt back where its cell is', async () => {
  await checkMoveClear((fake) => {
    const sheet = fake.model.sheet(SHEET)!;
    const names = sheet.names.map((n) => n.name);
    if (names.length) expect(names).toContain('_huizong_mark_D12_D14');
    sheet.shift(parseArea('13:13'), 'Down');
    if (names.length) expect(sheet.names.find((n) => n.name === '_huizong_mark_D12_D14')!.ref).toEqual(parseArea('D12:D15'));
  });
});

test('a column inserted left of the marks: every mark found and cleared, 3 syncs whatever the rows', async () => {
  const { clearSyncs } = await checkMoveClear((fake) => fake.model.sheet(SHEET)!.shift(parseArea('B:B'), 'Right'));
  expect(clearSyncs).toBe(3);
});

test('rows deleted above the table and through marked rows: the rest go back where they are, 2 syncs', async () => {
  const { clearSyncs } = await checkMoveClear((fake) => {
    const sheet = fake.model.sheet(SHEET)!;
    const names = sheet.names.map((n) => n.name);
    if (names.length) expect(names).toEqual(expect.arrayContaining(['_huizong_mark_D12_D14', '_huizong_mark_AI15']));
    sheet.shift(parseArea('1:1'), 'Up');
    // Unit 11 (now row 12), inside the marked area D11:D13; then unit 13 (now row 13), whose
    // phone number alone was marked in its column: that name becomes #REF!.
    sheet.shift(parseArea('12:12'), 'Up');
    sheet.shift(parseArea('13:13'), 'Up');
  });
  expect(clearSyncs).toBe(2);
});

test('checking again after rows were inserted: the earlier marks go where their cells are, still 3 syncs', async () => {
  const fake = await preparedWorkbook();
  const untouched = await preparedWorkbook();
  // A mark in the first data row: once two rows go in above, its recorded address holds the
  // old title row, where no prompt may be put back.
  for (const f of [fake, untouched]) f.model.sheet(SHEET)!.setValues('D3', [['若干']]);
  await validateOnce(fake);
  expect(fake.model.sheet(SHEET)!.validation('D3')?.prompt?.title).toBe(MARK_TITLES.error);
  for (const f of [fake, untouched]) f.model.sheet(SHEET)!.shift(parseArea('1:2'), 'Down');
  fake.resetCounts();
  expect((await validateOnce(fake)).syncs).toBe(3);
  await createOfficeGateway({ host: fake.host() }).clearMarks(SHEET);
  expect(visible(fake)).toEqual(visible(untouched));
});

test('the syncs of 清除标记 after a column insert do not grow with the rows', async () => {
  const counts: number[] = [];
  for (const rows of [30, 600]) {
    const fake = workbookWithTable(rows);
    await validateOnce(fake);
    fake.model.sheet(SHEET)!.shift(parseArea('A:A'), 'Right');
    const gateway = createOfficeGateway({ host: fake.host() });
    await gateway.readActiveSheet();
    fake.resetCounts();
    await gateway.clearMarks(SHEET);
    expect(fake.model.sheet(SHEET)!.conditionalFormats).toEqual([]);
    counts.push(fake.syncs);
  }
  expect(counts[1]).toBe(counts[0]);
});

describe('marks of an earlier version, without names', () => {
  /** Checked, then the names taken away: as an earlier Huizong left its marks. */
  async function markedWithoutNames(): Promise<{ fake: FakeExcel; untouched: FakeExcel }> {
    const fake = await preparedWorkbook();
    await validateOnce(fake);
    fake.model.sheet(SHEET)!.names = [];
    return { fake, untouched: await preparedWorkbook() };
  }

  async function clear(fake: FakeExcel): Promise<number> {
    const gateway = createOfficeGateway({ host: fake.host() });
    await gateway.readActiveSheet();
    fake.resetCounts();
    await gateway.clearMarks(SHEET);
    return fake.syncs;
  }

  test('not moved: put back at the recorded addresses as before, one sync more', async () => {
    const { fake, untouched } = await markedWithoutNames();
    expect(await clear(fake)).toBe(3);
    expect(visible(fake)).toEqual(visible(untouched));
  });

  test('rows deleted: no cell given a prompt not its own; Huizong’s stay on the moved cells', async () => {
    const { fake, untouched } = await markedWithoutNames();
    // Units 1 to 18 deleted: the recorded rows of units 26 to 30 are now below the table.
    for (const f of [fake, untouched]) f.model.sheet(SHEET)!.shift(parseArea('3:20'), 'Up');
    const syncs = await clear(fake);
    const after = visible(fake);
    const own = new Map(visible(untouched).prompts);
    expect(after.formats.filter((cf) => isHuizongMark(cf.formula))).toEqual([]);
    const changed = after.prompts.filter(([k, v]) => JSON.stringify(v) !== JSON.stringify(own.get(k)));
    expect(changed.length).toBeGreaterThan(0);
    for (const [, v] of changed) expect(Object.values(MARK_TITLES)).toContain(v.prompt?.[0]);
    expect(syncs).toBe(3);
  });

  test('not moved, on a sheet named with a comma and an exclamation mark: put back at the recorded addresses', async () => {
    const fake = new FakeExcel();
    const sheet = fake.model.addSheet('报送!A1,2024');
    sheet.setValues('A1', returnedTable(30));
    fake.model.active = sheet.name;
    await validateOnce(fake);
    expect([...sheet.validations.values()].some((v) => Object.values(MARK_TITLES).includes(v.prompt?.title ?? ''))).toBe(true);
    sheet.names = [];
    await createOfficeGateway({ host: fake.host() }).clearMarks(sheet.name);
    expect(sheet.conditionalFormats).toEqual([]);
    expect([...sheet.validations.values()].filter((v) => Object.values(MARK_TITLES).includes(v.prompt?.title ?? ''))).toEqual([]);
  });

  // Huizong's formats are then left in the moved column: without a name nothing says where they went.
  test('a column inserted: the formats are not where recorded, and no prompt is written', async () => {
    const { fake, untouched } = await markedWithoutNames();
    for (const f of [fake, untouched]) f.model.sheet(SHEET)!.shift(parseArea('B:B'), 'Right');
    await clear(fake);
    const own = new Map(visible(untouched).prompts);
    for (const [k, v] of visible(fake).prompts)
      if (JSON.stringify(v) !== JSON.stringify(own.get(k))) expect(Object.values(MARK_TITLES)).toContain(v.prompt?.[0]);
    expect(fake.commands.filter((c) => c.api.endsWith('dataValidation.prompt'))).toEqual([]);
  });
});

test('a name refused while checking: the marks stand, said partly written, and 清除标记 clears them', async () => {
  const fake = await preparedWorkbook();
  const untouched = await preparedWorkbook();
  fake.failCommand((c) => c.api === 'NamedItemCollection.add');
  await expect(validateOnce(fake)).rejects.toThrow(/marks partly written/);
  const sheet = fake.model.sheet(SHEET)!;
  expect(sheet.conditionalFormats.filter((cf) => isHuizongMark(cf.formula)).length).toBeGreaterThan(0);
  expect(sheet.validation('D12')?.prompt?.title).toBe(MARK_TITLES.error);
  await createOfficeGateway({ host: fake.host() }).clearMarks(SHEET);
  expect(visible(fake)).toEqual(visible(untouched));
});

test('checking again with nothing moved sends no name command, and every marked area keeps its name', async () => {
  const fake = await preparedWorkbook();
  await validateOnce(fake);
  const names = fake.model.sheet(SHEET)!.names.map((n) => ({ ...n }));
  expect(names.length).toBeGreaterThan(0);
  fake.resetCounts();
  await validateOnce(fake);
  expect(fake.commands.filter((c) => c.api.startsWith('NamedItem') && !c.api.includes('.load('))).toEqual([]);
  expect(fake.model.sheet(SHEET)!.names).toEqual(names);
});

test('checking again after a fix: the name of the area no longer marked goes, the others stay', async () => {
  const fake = await preparedWorkbook();
  await validateOnce(fake);
  const before = fake.model.sheet(SHEET)!.names.map((n) => n.name);
  expect(before).toContain('_huizong_mark_D12_D14');
  fake.model.sheet(SHEET)!.setValues('D12', [[3], [4], [5]]);
  fake.resetCounts();
  await validateOnce(fake);
  const after = fake.model.sheet(SHEET)!.names.map((n) => n.name);
  expect(after).toEqual(before.filter((n) => n !== '_huizong_mark_D12_D14'));
  expect(fake.commands.filter((c) => c.api === 'NamedItem.delete')).toHaveLength(1);
  expect(fake.commands.filter((c) => c.api === 'NamedItemCollection.add')).toEqual([]);
});

test('a re-check stopped at a new mark’s name, after a fix: 清除标记 still puts every prompt back', async () => {
  const fake = await preparedWorkbook();
  const untouched = await preparedWorkbook();
  await validateOnce(fake);
  // D12:D14 fixed, D20 newly wrong: the re-check's record lists D12:D14 as stale and D20 as new.
  const sheet = fake.model.sheet(SHEET)!;
  sheet.setValues('D12', [[3], [4], [5]]);
  sheet.setValues('D20', [['若干']]);
  untouched.model.sheet(SHEET)!.setValues('D12', [[3], [4], [5]]);
  untouched.model.sheet(SHEET)!.setValues('D20', [['若干']]);
  fake.failCommand((c) => c.api === 'NamedItemCollection.add');
  await expect(validateOnce(fake)).rejects.toThrow(/marks partly written/);
  expect(sheet.validation('D20')?.prompt?.title).toBe(MARK_TITLES.error);
  await createOfficeGateway({ host: fake.host() }).clearMarks(SHEET);
  expect(visible(fake)).toEqual(visible(untouched));
  expect(sheet.names).toEqual([]);
});

test('marked cells cut and pasted on another sheet: 清除标记 writes no prompt where they were, and their name goes', async () => {
  const fake = await preparedWorkbook();
  await validateOnce(fake);
  fake.model.addSheet('Sheet2');
  const name = fake.model.sheet(SHEET)!.names.find((n) => n.name === '_huizong_mark_D12_D14')!;
  // The name follows its cells to Sheet2!D12:D14; the checked sheet's D12:D14 are others now.
  name.refSheet = 'Sheet2';
  const gateway = createOfficeGateway({ host: fake.host() });
  await gateway.readActiveSheet();
  fake.resetCounts();
  await gateway.clearMarks(SHEET);
  const prompts = fake.commands.filter((c) => c.api.endsWith('dataValidation.prompt'));
  expect(prompts.length).toBeGreaterThan(0);
  expect(prompts.filter((c) => /D1[2-4]/.test(c.address ?? ''))).toEqual([]);
  expect(fake.model.sheet(SHEET)!.names).toEqual([]);
});

test('names capped per sheet: no more are added, and 清除标记 finds the areas beyond at their recorded addresses', async () => {
  const fake = await preparedWorkbook();
  const untouched = await preparedWorkbook();
  const { plan } = await validateOnce(fake, { markNames: 3 });
  expect(plan.cells.error.length + plan.cells.warning.length).toBeGreaterThan(3);
  expect(fake.model.sheet(SHEET)!.names).toHaveLength(3);
  fake.resetCounts();
  await validateOnce(fake, { markNames: 3 });
  expect(fake.commands.filter((c) => c.api === 'NamedItemCollection.add')).toEqual([]);
  expect(fake.model.sheet(SHEET)!.names).toHaveLength(3);
  await createOfficeGateway({ host: fake.host() }).clearMarks(SHEET);
  expect(visible(fake)).toEqual(visible(untouched));
  expect(fake.model.sheet(SHEET)!.names).toEqual([]);
});

test('names capped, then two rows inserted: the areas without a name get no prompt on the cells now at their old addresses', async () => {
  const fake = await preparedWorkbook();
  const { plan } = await validateOnce(fake, { markNames: 3 });
  const marked = expandAreas([...plan.cells.error, ...plan.cells.warning]);
  const sheet = fake.model.sheet(SHEET)!;
  const named = new Set(expandAreas(sheet.names.map((n) => areaAddress(n.ref!))));
  const nameless = marked.filter((cell) => !named.has(cell));
  expect(nameless.length).toBeGreaterThan(0);
  sheet.shift(parseArea('1:2'), 'Down');
  const gateway = createOfficeGateway({ host: fake.host() });
  await gateway.readActiveSheet();
  fake.resetCounts();
  await gateway.clearMarks(SHEET);
  const prompted = new Set(
    expandAreas(fake.commands.filter((c) => c.api.endsWith('dataValidation.prompt')).flatMap((c) => (c.address ?? '').split(','))),
  );
  // The named areas' cells, two rows down, get their field's prompt back; the old addresses of the others none.
  expect(prompted.size).toBeGreaterThan(0);
  expect(nameless.filter((cell) => prompted.has(cell))).toEqual([]);
  expect(sheet.names).toEqual([]);
});

test('names capped, then a column inserted: a named area moved onto a nameless one’s address gets its own prompt, not the other’s', async () => {
  // Six units, two marks side by side: 若干 in D5 (an error, named first) and 1,200 in E5 (a
  // warning, past a cap of one name). A column inserted left moves D5's mark to E5, where the
  // nameless mark was recorded, and that one's format to F5, a column not looked in.
  const plant = (sheet: SheetModel) => sheet.setValues('D5', [['若干', '1,200']]);
  const fake = await preparedWorkbook(6, plant);
  const untouched = await preparedWorkbook(6, plant);
  const { plan } = await validateOnce(fake, { markNames: 1 });
  expect([...plan.cells.error, ...plan.cells.warning].sort()).toEqual(['D5', 'E5']);
  expect(fake.model.sheet(SHEET)!.names.map((n) => areaAddress(n.ref!))).toEqual(['D5']);
  for (const f of [fake, untouched]) f.model.sheet(SHEET)!.shift(parseArea('B:B'), 'Right');
  const gateway = createOfficeGateway({ host: fake.host() });
  await gateway.readActiveSheet();
  await gateway.clearMarks(SHEET);
  // E5 holds the 宣传活动 cell now: its own prompt back, not 宣传活动参与人数's. Only F5, where
  // nothing said the nameless mark went, may differ, and only by Huizong's own prompt.
  const own = new Map(visible(untouched).prompts);
  const after = new Map(visible(fake).prompts);
  const key = (row: number, column: number) => (row - 1) * 16_384 + column; // as the double keys a cell
  const [e5, f5] = [key(5, 4), key(5, 5)];
  expect(after.get(e5)).toEqual(own.get(e5));
  const differing = [...new Set([...own.keys(), ...after.keys()])].filter(
    (k) => JSON.stringify(after.get(k)) !== JSON.stringify(own.get(k)),
  );
  expect(differing).toEqual([f5]);
  expect(Object.values(MARK_TITLES)).toContain(after.get(f5)?.prompt?.[0]);
  const sheet = fake.model.sheet(SHEET)!;
  expect(sheet.names).toEqual([]);
  expect(sheet.conditionalFormats.filter((cf) => isHuizongMark(cf.formula)).map((cf) => cf.areas)).toEqual([['F5']]);
});
