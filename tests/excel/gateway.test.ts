/**
 * The Office.js gateway on the Excel test double (./excelDouble.ts): how many round trips
 * each action takes, what lands where, that clearing removes only Huizong's marks, and that
 * every API used is within ExcelApi 1.9. Excel itself cannot run here; the double records
 * and counts, it does not render.
 */
import { compileForm } from '../../src/core/definitions/compile';
import { shippedForm } from '../../src/core/definitions/shipped';
import { expandAreas, MARK_TITLES, parseCell, rowWritePlan } from '../../src/core/plan/markPlan';
import { templatePlan } from '../../src/core/plan/templatePlan';
import { columnName } from '../../src/core/table/grid';
import { locateTable } from '../../src/core/table/locate';
import {
  createOfficeGateway,
  isHuizongMark,
  MARK_FILLS,
  MARK_FORMULAS,
  marksKey,
  marksRecordPairs,
  payloadBytes,
  readMarksRecord,
  REQUEST_BUDGET,
} from '../../src/excel/officeGateway';
import { snapshotGrid } from '../../src/excel/snapshotGrid';
import type { Timers } from '../../src/excel/debounce';
import { FakeExcel, type SheetModel } from './excelDouble';
import { expectWithin19 } from './requirementSets';
import { activity, SHEET, templateSyncs, validateOnce, workbookWithTable } from './scenarios';

const FIVE_MB = 5 * 1024 * 1024;
const letter = (id: string) => columnName(activity.fields.findIndex((f) => f.id === id));

function huizongFormats(sheet: SheetModel) {
  return sheet.conditionalFormats.filter((cf) => isHuizongMark(cf.formula));
}

/** Cells covered by Huizong's conditional formats of one severity. */
function markedCells(sheet: SheetModel, severity: 'error' | 'warning'): string[] {
  return expandAreas(
    huizongFormats(sheet)
      .filter((cf) => cf.formula === MARK_FORMULAS[severity])
      .flatMap((cf) => cf.areas),
  ).sort();
}

function metaPairs(fake: FakeExcel): [string, string][] {
  const meta = fake.model.sheet('_huizong');
  if (!meta) return [];
  const pairs: [string, string][] = [];
  for (let r = 1; ; r++) {
    const k = meta.value(`A${r}`);
    if (k === '') break;
    pairs.push([String(k), String(meta.value(`B${r}`))]);
  }
  return pairs;
}

function expectRangesWithinLimits(fake: FakeExcel) {
  const areaCommands = fake.commands.filter((c) => c.api === 'ConditionalFormatCollection.add' || c.api.startsWith('RangeAreas.'));
  for (const c of areaCommands) {
    expect(c.address!.length).toBeLessThanOrEqual(1500);
    expect(c.address!.split(',').length).toBeLessThanOrEqual(200);
  }
  return areaCommands;
}

describe('createTemplate', () => {
  it('builds the template sheet in 2 syncs, laid out as the .xlsx template', async () => {
    const { fake, syncs } = await templateSyncs();
    expect(syncs).toBe(2);
    expect(fake.leftovers).toBe(0);
    const sheet = fake.model.sheet('活动数据汇总')!;
    expect(fake.model.active).toBe('活动数据汇总');
    expect(sheet.value('A1')).toBe('2024年女职工维权行动月活动数据汇总表');
    expect(sheet.merges).toEqual(expect.arrayContaining(['A1:AL1', 'A3:C3', 'D3:G3']));
    expect(String(sheet.value('A2'))).toMatch(/^填报单位：\s+填报日期：$/);
    expect(sheet.value('A3')).toBe('基本信息');
    expect(sheet.value('A4')).toBe('＊填报单位');
    expect(sheet.value('C4')).toBe('上级单位');
    expect(sheet.style('A4')['fill.color']).toBe('#DDEBF7');
    expect(sheet.style('A4')['font.bold']).toBe(true);
    expect(sheet.style('A204')['borders.EdgeBottom.style']).toBe('Continuous');
    expect(sheet.columnWidths.get('A')).toBeGreaterThan(150);
    expect(
      sheet.numberFormats.get(parseCell(`${letter('publicityEvents')}5`)!.r * 16_384 + parseCell(`${letter('publicityEvents')}5`)!.c),
    ).toBe('#,##0');
    expect(sheet.tables).toEqual([{ name: 'HZ_activity_summary', range: 'A4:AL204', style: 'TableStyleLight1' }]);
    expect(sheet.frozen).toBe('A1:A4');
    expect(sheet.pageLayout.orientation).toBe('Landscape');

    // Validations: one per column over its whole range, prompts and stop alerts in Chinese.
    const list = sheet.validation('B204')!;
    expect(list.rule).toEqual({ list: { inCellDropDown: true, source: activity.byId.get('unitLevel')!.schema.enum!.join(',') } });
    expect(list.prompt).toEqual({ showPrompt: true, title: '单位层级', message: activity.def.fields.unitLevel!.help!['zh-CN'] });
    const whole = sheet.validation(`${letter('publicityEvents')}5`)!;
    expect(whole.rule).toEqual({ wholeNumber: { formula1: 0, operator: 'GreaterThanOrEqualTo' } });
    expect(whole.errorAlert).toEqual({
      showAlert: true,
      style: 'Stop',
      title: '输入有误',
      message: '请填写不小于0的整数，不要带单位或文字；没有的填0，未统计的留空。',
    });
    expect(sheet.validation(`${letter('fillDate')}100`)!.rule).toEqual({
      date: { formula1: '2000-01-01', formula2: '2099-12-31', operator: 'Between' },
    });
    expect(sheet.validation('A5')!.rule).toBeUndefined();
    expect(sheet.validation('A5')!.prompt!.title).toBe('填报单位');
    expect(sheet.validation('A205')).toBeUndefined();

    // The metadata, very hidden.
    const meta = fake.model.sheet('_huizong')!;
    expect(meta.visibility).toBe('VeryHidden');
    const pairs = new Map(metaPairs(fake));
    expect(pairs.get('generator')).toBe('huizong');
    expect(pairs.get('kind')).toBe('template');
    expect(pairs.get('form')).toBe('activity-summary');
    expect(pairs.get('formVersion')).toBe(activity.def.version);
    expect(pairs.get('year')).toBe('2024');
    expect(pairs.get('sheet')).toBe('活动数据汇总');
    expect(pairs.get('createdAt')).toMatch(/^\d{4}-\d\d-\d\dT/);
    expectWithin19(fake);
  });

  it('takes 2 syncs whatever its size, and names a second copy apart', async () => {
    expect((await templateSyncs(10)).syncs).toBe(2);
    const { fake } = await templateSyncs(10_000);
    expect(fake.syncs).toBe(2);
    for (const batch of fake.batches) expect(batch.requestBytes).toBeLessThan(FIVE_MB);
    const gateway = createOfficeGateway({ host: fake.host() });
    fake.resetCounts();
    await gateway.createTemplate(templatePlan(activity, 2025));
    expect(fake.syncs).toBe(2);
    const second = fake.model.sheet('活动数据汇总(2)')!;
    expect(second.value('A1')).toBe('2025年女职工维权行动月活动数据汇总表');
    expect(second.tables[0]!.name).toBe('HZ_activity_summary_2');
    expect(new Map(metaPairs(fake)).get('sheet')).toBe('活动数据汇总(2)');
  });

  it('is read back as the form, its stored form id found in the same sync', async () => {
    const { fake } = await templateSyncs(20);
    const gateway = createOfficeGateway({ host: fake.host() });
    fake.resetCounts();
    const snapshot = await gateway.readActiveSheet();
    expect(fake.syncs).toBe(1);
    expect(snapshot.storedForm).toBe('activity-summary');
    expect(snapshot.origin).toBe('A1');
    const table = locateTable(snapshotGrid(snapshot), [activity])!;
    expect(table.headerBottom).toBe(3);
    expect(table.matched).toBe(38);
  });

  it('puts a long option list on _huizong and points the validation at it', async () => {
    const def = structuredClone(shippedForm('activity-summary')!);
    def.schema.properties.unitLevel!.enum = Array.from({ length: 40 }, (_, i) => `很长的单位层级名称第${i + 1}种`);
    const form = compileForm(def);
    const fake = new FakeExcel();
    fake.model.addSheet('Sheet1');
    await createOfficeGateway({ host: fake.host() }).createTemplate(templatePlan(form, 2024, 5));
    const rule = fake.model.sheet('活动数据汇总')!.validation('B5')!.rule as { list: { source: string } };
    expect(rule.list.source).toBe("='_huizong'!$D$2:$D$41");
    expect(fake.model.sheet('_huizong')!.value('D41')).toBe('很长的单位层级名称第40种');
    expect(fake.syncs).toBe(2);
  });

  it('keeps every validation text within Excel’s limits (error alert 225, prompt 255, titles 32), which the double enforces', async () => {
    const def = structuredClone(shippedForm('activity-summary')!);
    // 13 options of 17 characters: the alert listing them is 243 characters, over 225.
    def.schema.properties.unitLevel!.enum = Array.from(
      { length: 13 },
      (_, i) => `单位层级名称写得比较长的第${String(i + 1).padStart(2, '0')}种类`,
    );
    def.schema.properties.unitLevel!.title = '单位层级（请按照上级工会下发的最新单位分类目录中的名称准确填写）';
    def.fields.unitLevel!.help = { 'zh-CN': '说明'.repeat(200) };
    const form = compileForm(def);
    const fake = new FakeExcel();
    fake.model.addSheet('Sheet1');
    await createOfficeGateway({ host: fake.host() }).createTemplate(templatePlan(form, 2024, 5));
    const validation = fake.model.sheet('活动数据汇总')!.validation('B5')!;
    const alert = validation.errorAlert as { title: string; message: string };
    const prompt = validation.prompt as { title: string; message: string };
    expect(alert.message.length).toBeLessThanOrEqual(224);
    expect(prompt.message.length).toBeLessThanOrEqual(255);
    expect(prompt.title.length).toBeLessThanOrEqual(32);
    expect((validation.rule as { list: { source: string } }).list.source.split(',')).toHaveLength(13);
  });
});

describe('validate: read snapshot + clear old marks + apply new ones', () => {
  it.each([10, 10_000])('takes 3 syncs at %i rows', async (rows) => {
    const fake = workbookWithTable(rows);
    const run = await validateOnce(fake);
    expect(run.readSyncs).toBe(1);
    expect(run.applySyncs).toBe(2);
    expect(run.syncs).toBe(3);
    expect(run.report.rows).toHaveLength(rows);
    for (const batch of fake.batches) {
      expect(batch.requestBytes).toBeLessThan(REQUEST_BUDGET + 1024 * 1024);
      expect(batch.responseBytes).toBeLessThan(FIVE_MB);
    }
    expect(fake.leftovers).toBe(0);
  });

  it('marks every cell through range areas, by severity, each getRanges address within the limits', async () => {
    const fake = workbookWithTable(10_000, { maxAddressChars: 1500 });
    const { plan } = await validateOnce(fake);
    const sheet = fake.model.sheet(SHEET)!;
    expect(plan.cells.error.length).toBeGreaterThan(1500);
    expect(markedCells(sheet, 'error')).toEqual([...plan.cells.error].sort());
    expect(markedCells(sheet, 'warning')).toEqual([...plan.cells.warning].sort());
    for (const cf of huizongFormats(sheet))
      expect(cf.fill).toBe(cf.formula === MARK_FORMULAS.error ? MARK_FILLS.error : MARK_FILLS.warning);
    const areaCommands = expectRangesWithinLimits(fake);
    // Never cell by cell: far fewer commands than marked cells.
    expect(areaCommands.length).toBeLessThan((plan.cells.error.length + plan.cells.warning.length) / 20);
    // The data sheet's values and formats are never written.
    expect(
      fake.commands.filter(
        (c) => c.sheet === SHEET && (c.api.startsWith('RangeFormat.') || c.api === 'Range.values' || c.api === 'Range.numberFormat'),
      ),
    ).toEqual([]);
    expectWithin19(fake);
  });

  it('sets each marked cell’s message as its input prompt', async () => {
    const fake = workbookWithTable(30);
    const { plan } = await validateOnce(fake);
    const sheet = fake.model.sheet(SHEET)!;
    for (const { address, text } of plan.messages) {
      const severity = plan.cells.error.includes(address) ? 'error' : 'warning';
      expect([address, sheet.validation(address)?.prompt]).toEqual([
        address,
        { showPrompt: true, title: MARK_TITLES[severity], message: text },
      ]);
    }
    const phone = plan.messages.find((m) => m.address === `${letter('contactPhone')}15`)!;
    expect(phone.text).toContain('联系电话');
    const record = metaPairs(fake).filter(([k]) => k === marksKey(SHEET));
    expect(record.length).toBeGreaterThan(0);
    expect(fake.model.sheet('_huizong')!.visibility).toBe('VeryHidden');
  });

  it('replaces the earlier marks when validated again (no marks pile up)', async () => {
    const fake = workbookWithTable(50);
    await validateOnce(fake);
    const sheet = fake.model.sheet(SHEET)!;
    const first = huizongFormats(sheet).length;
    // The unit fixes row 12 (若干 → 3) and validates again.
    sheet.setValues(`${letter('publicityEvents')}12`, [[3]]);
    const again = await validateOnce(fake);
    expect(again.syncs).toBe(3);
    expect(huizongFormats(sheet).length).toBe(first);
    expect(markedCells(sheet, 'error')).not.toContain(`${letter('publicityEvents')}12`);
    expect(sheet.validation(`${letter('publicityEvents')}12`)!.prompt).toEqual({
      showPrompt: true,
      ...{ title: '开展宣传活动（场次）', message: activity.def.fields.publicityEvents!.help!['zh-CN'] },
    });
    expect(metaPairs(fake).filter(([k]) => k === marksKey(SHEET)).length).toBe(1);
  });

  it('estimates a request as UTF-8 JSON', () => {
    expect(payloadBytes('汉')).toBe(5);
    expect(payloadBytes(['D5', 7])).toBe(2 + 4 + 1 + 1 + 1);
    expect(payloadBytes({ title: '"' })).toBe(2 + 5 + 4 + 4);
  });

  it('splits a plan larger than the request budget into more syncs, each under the limit', async () => {
    const fake = workbookWithTable(2_000, { requestLimit: 12 * 1024 });
    const run = await validateOnce(fake, { requestBudget: 8 * 1024 });
    expect(run.applySyncs).toBeGreaterThan(3);
    for (const batch of fake.batches) expect(batch.requestBytes).toBeLessThanOrEqual(12 * 1024);
    expect(markedCells(fake.model.sheet(SHEET)!, 'error')).toEqual([...run.plan.cells.error].sort());
  });
});

describe('clearMarks', () => {
  it('removes only what Huizong added: the user’s conditional format and fill stay, prompts come back', async () => {
    const fake = workbookWithTable(40);
    const sheet = fake.model.sheet(SHEET)!;
    const events = letter('publicityEvents');
    sheet.conditionalFormats.push({
      id: 'user-1',
      type: 'Custom',
      formula: `=$${events}3>100`,
      fill: '#00B050',
      areas: [`${events}3:${events}42`],
    });
    sheet.setStyle(`${events}12`, 'fill.color', '#FFFF00');
    await validateOnce(fake);
    expect(huizongFormats(sheet).length).toBeGreaterThan(0);
    expect(markedCells(sheet, 'error')).toContain(`${events}12`);

    // After saving and opening again: a new gateway, nothing in memory. The pane reads the
    // sheet first (its record comes with it); the gateway alone takes 1 more sync to find where
    // the marks are before reading their formats there.
    const reopened = createOfficeGateway({ host: fake.host() });
    await reopened.readActiveSheet();
    fake.resetCounts();
    await reopened.clearMarks(SHEET);
    expect(fake.syncs).toBe(2);
    expect(huizongFormats(sheet)).toEqual([]);
    expect(sheet.conditionalFormats).toEqual([
      { id: 'user-1', type: 'Custom', formula: `=$${events}3>100`, fill: '#00B050', areas: [`${events}3:${events}42`] },
    ]);
    expect(sheet.style(`${events}12`)['fill.color']).toBe('#FFFF00');
    expect(sheet.validation(`${events}12`)!.prompt).toEqual({
      showPrompt: true,
      title: '开展宣传活动（场次）',
      message: activity.def.fields.publicityEvents!.help!['zh-CN'],
    });
    expect(sheet.validation(`${letter('contactPhone')}15`)!.prompt!.title).toBe('联系电话');
    expect(metaPairs(fake).some(([k]) => k === marksKey(SHEET))).toBe(false);
    expect(fake.commands.filter((c) => c.sheet === SHEET && c.api.startsWith('RangeFormat.'))).toEqual([]);
    expectWithin19(fake);
  });

  it('keeps a template’s own validation rules under the prompts it sets and puts back', async () => {
    const { fake } = await templateSyncs(20);
    const sheet = fake.model.sheet('活动数据汇总')!;
    sheet.setValues('A5', [[`第1基层工会`, '区（市）县总工会', '', '若干']]);
    const gateway = createOfficeGateway({ host: fake.host() });
    const snapshot = await gateway.readActiveSheet();
    const grid = snapshotGrid(snapshot);
    const { markPlan } = await import('../../src/core/plan/markPlan');
    const { validateTable } = await import('../../src/core/validate/table');
    const plan = markPlan(validateTable(grid, locateTable(grid, [activity])!, { today: '2024-03-25' }));
    await gateway.applyMarks(plan);
    expect(sheet.validation('D5')!.rule).toEqual({ wholeNumber: { formula1: 0, operator: 'GreaterThanOrEqualTo' } });
    expect(sheet.validation('D5')!.prompt!.title).toBe(MARK_TITLES.error);
    await gateway.clearMarks('活动数据汇总');
    expect(sheet.validation('D5')!.rule).toEqual({ wholeNumber: { formula1: 0, operator: 'GreaterThanOrEqualTo' } });
    expect(sheet.validation('D5')!.prompt!.title).toBe('开展宣传活动（场次）');
    // The template's metadata stays.
    expect(new Map(metaPairs(fake)).get('form')).toBe('activity-summary');
  });
});

describe('marks on a sheet as users leave it', () => {
  it('a user’s conditional format whose rule cannot be read (office-js #6827, #6835) does not stop 校验本表 nor 清除标记', async () => {
    const fake = workbookWithTable(30);
    const sheet = fake.model.sheet(SHEET)!;
    const users = { id: 'user-1', type: 'CellValue', areas: ['E3:E32'], unreadable: true };
    const usersCustom = { id: 'user-2', type: 'Custom', formula: '=$E3>5', areas: ['E3:E32'], unreadable: true };
    sheet.conditionalFormats.push(users, usersCustom);
    await validateOnce(fake);
    await validateOnce(fake);
    expect(huizongFormats(sheet).length).toBe(2);
    await createOfficeGateway({ host: fake.host() }).clearMarks(SHEET);
    expect(sheet.conditionalFormats).toEqual([users, usersCustom]);
  });

  it('a pasted-into sheet with mixed validation in a column: every marked cell still gets its message', async () => {
    const fake = workbookWithTable(40);
    const sheet = fake.model.sheet(SHEET)!;
    const events = letter('publicityEvents');
    // Rows pasted from a template carry its whole-number rule; the rest have none; row 22 a list.
    for (let r = 3; r <= 21; r++)
      sheet.validations.set((r - 1) * 16_384 + parseCell(`${events}1`)!.c, {
        rule: { wholeNumber: { formula1: 0, operator: 'GreaterThanOrEqualTo' } },
      });
    sheet.validations.set(21 * 16_384 + parseCell(`${events}1`)!.c, { rule: { list: { source: '1,2' } } });
    const run = await validateOnce(fake);
    expect(run.applySyncs).toBe(2);
    const marked = run.plan.cells.error.filter((cell) => cell.startsWith(events));
    expect(marked.length).toBeGreaterThan(2);
    for (const cell of marked) expect([cell, sheet.validation(cell)?.prompt?.title]).toEqual([cell, MARK_TITLES.error]);
    expect(sheet.validation(`${events}12`)!.rule).toEqual({ wholeNumber: { formula1: 0, operator: 'GreaterThanOrEqualTo' } });
    await createOfficeGateway({ host: fake.host() }).clearMarks(SHEET);
    expect(huizongFormats(sheet)).toEqual([]);
  });

  it('the record is written before the marks: a batch failing half-way leaves marks 清除标记 still finds', async () => {
    const fake = workbookWithTable(40);
    const sheet = fake.model.sheet(SHEET)!;
    // The error prompts are set, then the first warning prompt fails.
    fake.failCommand((c) => c.api.endsWith('dataValidation.prompt') && JSON.stringify(c.data ?? '').includes(MARK_TITLES.warning));
    await expect(validateOnce(fake)).rejects.toMatchObject({ code: 'HuizongPartlyWritten', action: 'marks' });
    expect(readMarksRecord(metaPairs(fake), SHEET)).toBeDefined();
    await createOfficeGateway({ host: fake.host() }).clearMarks(SHEET);
    expect(huizongFormats(sheet)).toEqual([]);
    for (const [, v] of sheet.validations)
      expect(v.prompt?.title === MARK_TITLES.error || v.prompt?.title === MARK_TITLES.warning).toBe(false);
  });
});

describe('the marks record on _huizong', () => {
  it('is cut into cell-sized pieces that Excel will not read as formulas, and read back whole', () => {
    const record = {
      v: 1 as const,
      error: Array.from({ length: 9000 }, (_, i) => `D${i * 2 + 5}`),
      warning: ['E7'],
      prompts: { D: ['开展宣传活动（场次）', '=+-@ 说明'] as [string, string] },
    };
    const pairs = marksRecordPairs('表', record);
    expect(pairs.length).toBeGreaterThan(2);
    for (const [key, value] of pairs) {
      expect(key).toBe('marks:表');
      expect(value.length).toBeLessThanOrEqual(30_000);
      expect(value).not.toMatch(/^[=+\-@]/);
    }
    expect(readMarksRecord([['generator', 'huizong'], ...pairs], '表')).toEqual(record);
    expect(readMarksRecord(pairs, '别的表')).toBeUndefined();
  });
});

describe('rows typed below a template’s validated range', () => {
  it('never sets one prompt across the end of the template’s rules', async () => {
    const { fake } = await templateSyncs(20); // validations on rows 5–24
    const sheet = fake.model.sheet('活动数据汇总')!;
    for (const row of [6, 20, 23, 24, 25, 28]) sheet.setValues(`A${row}`, [[`第${row}基层工会`, '区（市）县总工会', '', '若干']]);
    const gateway = createOfficeGateway({ host: fake.host() });
    const grid = snapshotGrid(await gateway.readActiveSheet());
    const { markPlan } = await import('../../src/core/plan/markPlan');
    const { validateTable } = await import('../../src/core/validate/table');
    const plan = markPlan(validateTable(grid, locateTable(grid, [activity])!, { today: '2024-03-25' }));
    expect(plan.cells.error).toEqual(expect.arrayContaining(['D6', 'D20', 'D23', 'D24', 'D25', 'D28']));
    await gateway.applyMarks(plan); // the double fails a prompt over mixed rules
    expect(sheet.validation('D28')!.prompt!.title).toBe(MARK_TITLES.error);
    expect(sheet.validation('D24')!.rule).toBeDefined();
    await gateway.clearMarks('活动数据汇总');
    expect(sheet.validation('D28')!.prompt!.title).toBe('开展宣传活动（场次）');
    expect(sheet.validation('D28')!.rule).toBeUndefined();
  });
});

describe('null objects: a workbook without _huizong', () => {
  it('reads in 1 sync where Excel gives a null object', async () => {
    const fake = workbookWithTable(10, { nullChain: 'propagate' });
    const snapshot = await createOfficeGateway({ host: fake.host() }).readActiveSheet();
    expect(fake.syncs).toBe(1);
    expect(snapshot.storedForm).toBeUndefined();
  });

  it('still works where Excel refuses a read through a missing sheet, at one more sync', async () => {
    const fake = workbookWithTable(10, { nullChain: 'throw' });
    const run = await validateOnce(fake);
    expect(run.readSyncs).toBe(2);
    expect(run.applySyncs).toBe(3);
    expect(markedCells(fake.model.sheet(SHEET)!, 'error')).toEqual([...run.plan.cells.error].sort());
    // Once _huizong exists (the marks record), the chained read succeeds again.
    const again = await validateOnce(fake);
    expect(again.syncs).toBe(3);
  });
});

describe('readActiveSheet', () => {
  it('gives values from the used range’s corner, with the formats that tell dates', async () => {
    const fake = new FakeExcel();
    const sheet = fake.model.addSheet('表');
    sheet.setValues('C4', [
      ['填表日期', '人数'],
      [45371, 12],
    ]);
    sheet.numberFormats.set(4 * 16_384 + 2, 'yyyy-mm-dd');
    const snapshot = await createOfficeGateway({ host: fake.host() }).readActiveSheet();
    expect(fake.syncs).toBe(1);
    expect(snapshot).toEqual({
      sheet: '表',
      origin: 'C4',
      selectedRow: 1,
      values: [
        ['填表日期', '人数'],
        [45371, 12],
      ],
      numberFormats: [
        ['General', 'General'],
        ['yyyy-mm-dd', 'General'],
      ],
    });
    expect(snapshotGrid(snapshot).rows[4]![2]).toEqual(new Date(Date.UTC(2024, 2, 20)));
  });

  it('reads a table far down the sheet without formats, in the same one sync', async () => {
    const fake = new FakeExcel();
    fake.model.addSheet('表').setValues('A3001', [['人数'], [12]]);
    const snapshot = await createOfficeGateway({ host: fake.host() }).readActiveSheet();
    expect(fake.syncs).toBe(1);
    expect(snapshot.numberFormats).toEqual([]);
    expect(snapshot.values).toEqual([['人数'], [12]]);
    expect(snapshotGrid(snapshot).rows[3001]).toEqual([12]);
  });
});

describe('a sheet too large for one response (Excel on the web)', () => {
  it('is read again in blocks, the values unchanged', async () => {
    const big = workbookWithTable(6_000, { responseLimit: 1024 * 1024 });
    const small = workbookWithTable(6_000);
    const viaBlocks = await createOfficeGateway({ host: big.host() }).readActiveSheet();
    const direct = await createOfficeGateway({ host: small.host() }).readActiveSheet();
    expect(viaBlocks.values).toEqual(direct.values);
    expect(viaBlocks.origin).toBe('A1');
    expect(big.syncs).toBeGreaterThan(2);
    expect(big.batches[0]!.responseBytes).toBeGreaterThan(1024 * 1024);
    for (const batch of big.batches.slice(1)) expect(batch.responseBytes).toBeLessThanOrEqual(1024 * 1024);
  });
});

describe('writeRow, selectCell, openWorkbook', () => {
  it('writes the entry form’s row in 1 sync, above the 合计 line', async () => {
    const fake = workbookWithTable(3);
    const sheet = fake.model.sheet(SHEET)!;
    sheet.setValues('A6', [['合计']]);
    const gateway = createOfficeGateway({ host: fake.host() });
    const grid = snapshotGrid(await gateway.readActiveSheet());
    const plan = rowWritePlan(grid, locateTable(grid, [activity])!, { unitName: '新单位', publicityEvents: 7 });
    expect(plan).toMatchObject({ range: 'A6:AL6', insert: true });
    fake.resetCounts();
    await gateway.writeRow(plan);
    expect(fake.syncs).toBe(1);
    expect(sheet.value('A6')).toBe('新单位');
    expect(sheet.value(`${letter('publicityEvents')}6`)).toBe(7);
    expect(sheet.value('A7')).toBe('合计');
  });

  it('keeps text as typed: a phone’s leading 0, 3-20 not a date, no stray quote in a text cell', async () => {
    const fake = workbookWithTable(3);
    const sheet = fake.model.sheet(SHEET)!;
    const phone = letter('contactPhone');
    const notes = letter('notes');
    // The notes column of row 6 is a text cell already (as a template makes them).
    sheet.numberFormats.set(5 * 16_384 + parseCell(`${notes}6`)!.c, '@');
    const gateway = createOfficeGateway({ host: fake.host() });
    const grid = snapshotGrid(await gateway.readActiveSheet());
    const plan = rowWritePlan(grid, locateTable(grid, [activity])!, {
      unitName: '新单位',
      contactPhone: '01012345678',
      contactPerson: '3-20',
      notes: '=1+1',
    });
    fake.resetCounts();
    await gateway.writeRow(plan);
    expect(fake.syncs).toBe(1);
    expect(sheet.value(`${phone}6`)).toBe('01012345678');
    expect(sheet.value(`${letter('contactPerson')}6`)).toBe('3-20');
    expect(sheet.value(`${notes}6`)).toBe('=1+1');
  });

  it('inserts whole rows where a table or merged cells beside the row refuse a partial shift', async () => {
    const fake = workbookWithTable(3);
    const sheet = fake.model.sheet(SHEET)!;
    sheet.setValues('A6', [['合计']]);
    // A table of the user's below the 合计 line, reaching out right of the returned table's columns.
    sheet.tables.push({ name: '备注表', range: 'AK8:AO10' });
    const gateway = createOfficeGateway({ host: fake.host() });
    const grid = snapshotGrid(await gateway.readActiveSheet());
    const plan = rowWritePlan(grid, locateTable(grid, [activity])!, { unitName: '新单位', publicityEvents: 7 });
    expect(plan.insert).toBe(true);
    fake.resetCounts();
    await gateway.writeRow(plan);
    expect(fake.syncs).toBe(2);
    expect(sheet.value('A6')).toBe('新单位');
    expect(sheet.value('A7')).toBe('合计');
    expect(fake.batches[0]!.commands.some((c) => c.api === 'Range.insert' && c.address === 'A6:AL6')).toBe(true);
    expect(fake.batches[1]!.commands.some((c) => c.api === 'Range.insert' && c.address === '6:6')).toBe(true);
  });

  it('selects a cell in 1 sync and opens a workbook without one', async () => {
    const fake = workbookWithTable(3);
    fake.model.addSheet('其他');
    const gateway = createOfficeGateway({ host: fake.host() });
    await gateway.selectCell(SHEET, 'D4');
    expect(fake.syncs).toBe(1);
    expect(fake.model.sheet(SHEET)!.selected).toBe('D4');
    await gateway.openWorkbook('UEsDBA==');
    expect(fake.createdWorkbooks).toEqual(['UEsDBA==']);
    expect(fake.syncs).toBe(1);
  });
});

describe('onSheetChanged', () => {
  it('hands on a burst of edits once, as one address list, and stops when removed', async () => {
    let now = 0;
    const waiting: { at: number; fn: () => void; id: number }[] = [];
    let ids = 0;
    const timers: Timers = {
      set: (fn, ms) => {
        const id = ++ids;
        waiting.push({ at: now + ms, fn, id });
        return id;
      },
      clear: (id) => {
        const i = waiting.findIndex((w) => w.id === id);
        if (i >= 0) waiting.splice(i, 1);
      },
      now: () => now,
    };
    const advance = (ms: number) => {
      now += ms;
      for (const w of waiting.filter((w) => w.at <= now)) {
        waiting.splice(waiting.indexOf(w), 1);
        w.fn();
      }
    };
    const fake = workbookWithTable(5);
    const gateway = createOfficeGateway({ host: fake.host(), debounce: { delayMs: 500, timers } });
    const heard: string[] = [];
    const stop = await gateway.onSheetChanged(SHEET, (address) => heard.push(address));
    expect(fake.syncs).toBe(1);
    await fake.edit(SHEET, 'D3', [[1]]);
    advance(100);
    await fake.edit(SHEET, 'D4', [[2]]);
    await fake.edit(SHEET, 'F7:G7', [[1, 2]]);
    advance(499);
    expect(heard).toEqual([]);
    advance(1);
    expect(heard).toEqual(['D3:D4,F7,G7']);
    await stop();
    expect(fake.syncs).toBe(2);
    await fake.edit(SHEET, 'D5', [[3]]);
    advance(1000);
    expect(heard).toHaveLength(1);
    expectWithin19(fake);
  });
});
