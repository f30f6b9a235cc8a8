/**
 * The double's Range.insert / Range.delete and sheet names, which 清除标记 relies on to find
 * moved marks: they move, grow, shrink and break as the rules cited in excelDouble.ts say, and
 * refuse what Excel refuses.
 */
import { FakeExcel, parseArea } from './excelDouble';

function workbook(): FakeExcel {
  const fake = new FakeExcel();
  const sheet = fake.model.addSheet('S');
  sheet.conditionalFormats.push({ id: 'cf', type: 'Custom', formula: '=TRUE', areas: ['C3:D6'] });
  for (let r = 2; r <= 5; r++)
    sheet.validations.set(r * 16_384 + 2, { rule: { list: { source: 'a,b' } }, prompt: { showPrompt: true, title: 't', message: 'm' } });
  return fake;
}

async function run(fake: FakeExcel, batch: (context: Excel.RequestContext) => void | Promise<void>): Promise<void> {
  await fake.host().run(async (context) => {
    await batch(context);
    await context.sync();
  });
}

test('Range.delete up: formats and validations below move up, the deleted cells take theirs, a name shrinks', async () => {
  const fake = workbook();
  await run(fake, (context) => {
    const sheet = context.workbook.worksheets.getItem('S');
    sheet.names.add('_huizong_mark_C3_C6', sheet.getRange('C3:C6')).visible = false;
  });
  await run(fake, (context) => context.workbook.worksheets.getItem('S').getRange('2:3').delete('Up'));
  const sheet = fake.model.sheet('S')!;
  expect(sheet.conditionalFormats[0]!.areas).toEqual(['C2:D4']);
  expect([...sheet.validations.keys()].sort((a, b) => a - b)).toEqual([1, 2, 3].map((r) => r * 16_384 + 2));
  expect(sheet.names[0]).toMatchObject({ ref: parseArea('C2:C4'), visible: false });
});

test('Range.delete left of a whole column: a name all of whose cells went reads #REF!, a format all gone goes', async () => {
  const fake = workbook();
  await run(fake, (context) => {
    const sheet = context.workbook.worksheets.getItem('S');
    sheet.names.add('_huizong_mark_C3_C6', sheet.getRange('C3:C6'));
  });
  await run(fake, (context) => context.workbook.worksheets.getItem('S').getRange('C:D').delete('Left'));
  expect(fake.model.sheet('S')!.conditionalFormats).toEqual([]);
  let loaded: { name: string; type: string; value: string }[] = [];
  await run(fake, async (context) => {
    const names = context.workbook.worksheets.getItem('S').names.load('items/name,items/type,items/value');
    await context.sync();
    loaded = names.items.map((n) => ({ name: n.name, type: n.type, value: n.value as string }));
  });
  expect(loaded).toEqual([{ name: '_huizong_mark_C3_C6', type: 'Error', value: '#REF!' }]);
});

test('Range.insert right: a name and a format move sideways, and the name reads where its cells are', async () => {
  const fake = workbook();
  await run(fake, (context) => {
    const sheet = context.workbook.worksheets.getItem('S');
    sheet.names.add('mine', sheet.getRange('C3:C6'));
    sheet.getRange('A:B').insert('Right');
  });
  expect(fake.model.sheet('S')!.conditionalFormats[0]!.areas).toEqual(['E3:F6']);
  let value = '';
  await run(fake, async (context) => {
    const names = context.workbook.worksheets.getItem('S').names.load('items/name,items/type,items/value');
    await context.sync();
    value = names.items[0]!.value as string;
  });
  expect(value).toBe('S!$E$3:$E$6');
});

test('what Excel refuses: a name twice in one scope, a name like a cell or of Excel’s (_xl), a shift through a table', async () => {
  const fake = workbook();
  const refused = (batch: (context: Excel.RequestContext) => void) =>
    expect(run(fake, batch)).rejects.toMatchObject({ code: expect.stringMatching(/ItemAlreadyExists|InvalidArgument/) });
  await run(fake, (context) => {
    const sheet = context.workbook.worksheets.getItem('S');
    sheet.names.add('Mine', sheet.getRange('C3'));
  });
  await refused((context) => {
    const sheet = context.workbook.worksheets.getItem('S');
    sheet.names.add('MINE', sheet.getRange('C4'));
  });
  await refused((context) => {
    const sheet = context.workbook.worksheets.getItem('S');
    sheet.names.add('AB12', sheet.getRange('C4'));
  });
  await refused((context) => {
    const sheet = context.workbook.worksheets.getItem('S');
    sheet.names.add('_XLmine', sheet.getRange('C4'));
  });
  fake.model.sheet('S')!.tables.push({ name: 'T', range: 'A10:H12' });
  await expect(run(fake, (context) => context.workbook.worksheets.getItem('S').getRange('C2:D2').delete('Up'))).rejects.toMatchObject({
    code: 'InsertDeleteConflict',
  });
  expect(fake.model.sheet('S')!.names.map((n) => n.name)).toEqual(['Mine']);
});

test('a row inserted between two cells of one validation takes it, prompt and all; one below the rule does not', () => {
  const fake = workbook();
  const sheet = fake.model.sheet('S')!;
  sheet.shift(parseArea('4:4'), 'Down');
  expect(sheet.validation('C4')).toEqual(sheet.validation('C3'));
  sheet.shift(parseArea('8:8'), 'Down');
  expect(sheet.validation('C8')).toBeUndefined();
});

test('a #REF! name cannot be shown or hidden (office-js #5174, #5882), and can be deleted', async () => {
  const fake = workbook();
  await run(fake, (context) => {
    const sheet = context.workbook.worksheets.getItem('S');
    sheet.names.add('gone', sheet.getRange('C3'));
  });
  fake.model.sheet('S')!.shift(parseArea('3:3'), 'Up');
  await expect(
    run(fake, async (context) => {
      const names = context.workbook.worksheets.getItem('S').names.load('items/name,items/type,items/value');
      await context.sync();
      names.items[0]!.visible = false;
    }),
  ).rejects.toMatchObject({ code: 'InvalidArgument' });
  await run(fake, async (context) => {
    const names = context.workbook.worksheets.getItem('S').names.load('items/name,items/type,items/value');
    await context.sync();
    names.items[0]!.delete();
  });
  expect(fake.model.sheet('S')!.names).toEqual([]);
});
