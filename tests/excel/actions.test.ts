/**
 * The pane's Excel actions end to end on the Office.js double: check the active sheet, see the
 * marks, edit and be re-checked, clear; create a template and enter a row into it; write a
 * roll-up into the workbook and select an issue — with the context.sync() counts.
 */
import * as fs from 'fs';
import * as path from 'path';
import { compileForm } from '../../src/core/definitions/compile';
import { shippedForms } from '../../src/core/definitions/shipped';
import { createOfficeGateway } from '../../src/excel/officeGateway';
import { readRosterFile, rollUpFiles } from '../../src/files/rollupFiles';
import { excelActions } from '../../src/taskpane/excelActions';
import type { SheetCheck } from '../../src/taskpane/sheetCheck';
import { FakeExcel } from './excelDouble';
import { SHEET, activity, workbookWithTable } from './scenarios';

const forms = shippedForms.map(compileForm);
const immediate = { debounce: { delayMs: 0 } };

function actionsOn(fake: FakeExcel) {
  return excelActions(createOfficeGateway({ host: fake.host(), ...immediate }));
}

const huizongMarks = (fake: FakeExcel, sheet = SHEET) =>
  fake.model.sheet(sheet)!.conditionalFormats.filter((f) => JSON.stringify(f).includes('huizong'));

describe('校验本表 on a returned table', () => {
  test.each([10, 2000])('%i rows: marked in at most 3 syncs, issues listed by cell in Chinese', async (rows) => {
    const fake = workbookWithTable(rows);
    const actions = actionsOn(fake);
    const result = (await actions.checkSheet(forms, 'zh-CN')) as Extract<SheetCheck, { ok: true }>;
    expect(result.ok).toBe(true);
    // Read (1) + clear old and apply new marks (≤ 2), plus registering the change watch (1).
    expect(fake.syncs).toBeLessThanOrEqual(4);
    expect(result.summary).toMatch(new RegExp(`^工作表“${SHEET}”：维权行动月活动数据汇总表，${rows} 行数据，\\d+ 个错误，\\d+ 个警告。`));
    expect(result.issues.map((i) => i.message)).toContain('D12 开展宣传活动（场次）：“若干”不是整数，请填写不小于0的整数');
    expect(result.issues.every((i) => i.sheet === SHEET)).toBe(true);
    expect(huizongMarks(fake).length).toBeGreaterThan(0);
  });

  test('the sync count does not grow with the rows', async () => {
    const counts: number[] = [];
    for (const rows of [10, 10_000]) {
      const fake = workbookWithTable(rows);
      await actionsOn(fake).checkSheet(forms, 'zh-CN');
      counts.push(fake.syncs);
    }
    expect(counts[0]).toBe(counts[1]);
  });

  test('an edit re-checks the sheet, and 清除标记 removes only our marks', async () => {
    const fake = workbookWithTable(10);
    const actions = actionsOn(fake);
    const rechecks: SheetCheck[] = [];
    actions.onRecheck((check) => rechecks.push(check));
    await actions.checkSheet(forms, 'zh-CN');
    const users = { id: 'user-1', type: 'Custom', formula: '=A1>100', fill: '#00FF00', areas: ['A3:A12'] };
    fake.model.sheet(SHEET)!.conditionalFormats.push(users);
    // Row 12 said 若干; the unit corrects it.
    await fake.edit(SHEET, 'D12', [[12]]);
    for (let waited = 0; rechecks.length === 0 && waited < 120_000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
    const last = rechecks.at(-1) as Extract<SheetCheck, { ok: true }>;
    expect(last.ok).toBe(true);
    expect(last.issues.map((i) => i.cell)).not.toContain('D12');
    await actions.clearMarks();
    expect(huizongMarks(fake)).toEqual([]);
    expect(fake.model.sheet(SHEET)!.conditionalFormats).toEqual([users]);
  });

  test('a sheet without any known table says which labels are expected', async () => {
    const fake = new FakeExcel();
    fake.model.addSheet('Sheet1').setValues('A1', [['姓名', '年龄']]);
    const result = await actionsOn(fake).checkSheet(forms, 'zh-CN');
    expect(result).toEqual({ ok: false, message: expect.stringMatching(/^没有找到可识别的报表：表头应包含“.+”等列$/) });
  });
});

describe('生成模板 and 填写', () => {
  test('a template is made in ≤ 2 syncs, and a saved row lands under its header', async () => {
    const fake = new FakeExcel();
    fake.model.addSheet('Sheet1');
    const actions = actionsOn(fake);
    await actions.createTemplate(activity, 2024);
    expect(fake.syncs).toBeLessThanOrEqual(2);
    const template = fake.model.sheets.find((s) => s.tables.length > 0)!;
    fake.model.active = template.name;
    fake.resetCounts();
    const saved = await actions.saveRow(activity, forms, {
      unitName: '河东区总工会',
      unitLevel: '区（市）县总工会',
      publicityEvents: 12,
      publicityParticipants: 300,
      contractsNew: 1,
      contractsInForce: 5,
      contactPerson: '孔迪',
      contactPhone: '022-24316934',
      fillDate: '2024-03-20',
    });
    expect(saved).toBe(true);
    expect(template.value('A5')).toBe('河东区总工会');
    expect(template.value('D5')).toBe(12);
    const check = (await actions.checkSheet(forms, 'zh-CN')) as Extract<SheetCheck, { ok: true }>;
    expect(check.summary).toContain('1 行数据，没有发现问题');

    // 编辑所选行: the selected data row comes back as the form reads it, and saving updates it in place.
    template.selected = 'C5';
    const selected = await actions.readSelectedRow(activity, forms);
    expect(selected?.row).toBe(5);
    expect(selected?.data).toMatchObject({ unitName: '河东区总工会', publicityEvents: 12, fillDate: '2024-03-20' });
    await actions.saveRow(activity, forms, { ...selected!.data, publicityEvents: 15 }, selected!.row);
    expect(template.value('D5')).toBe(15);
    expect(template.value('A6') ?? '').toBe('');
    template.selected = 'A2';
    expect(await actions.readSelectedRow(activity, forms)).toBeUndefined();
  });
});

describe('汇总 into the open workbook', () => {
  const examples = path.resolve(__dirname, '../../examples/河东区-2024');
  const files = fs
    .readdirSync(path.join(examples, 'returns'))
    .sort()
    .map((name) => ({ name, bytes: new Uint8Array(fs.readFileSync(path.join(examples, 'returns', name))) }));
  const roster = readRosterFile(
    { name: '单位名单.csv', bytes: new Uint8Array(fs.readFileSync(path.join(examples, '单位名单.csv'))) },
    'zh-CN',
  );
  const result = rollUpFiles(files, { form: activity, forms, roster, deadline: '2024-03-25', unit: '河东区总工会', lang: 'zh-CN' });

  test('the three sheets are written in ≤ 4 syncs, re-running replaces only them, and an issue is selected in 问题清单', async () => {
    const fake = new FakeExcel();
    fake.model.addSheet('我的工作表').setValues('A1', [['自己的数据']]);
    const actions = actionsOn(fake);
    await actions.writeRollup(result, activity, 'zh-CN');
    expect(fake.syncs).toBeLessThanOrEqual(4);
    expect(fake.model.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(['我的工作表', '汇总', '报送情况', '问题清单']));
    fake.resetCounts();
    await actions.writeRollup(result, activity, 'zh-CN');
    expect(fake.syncs).toBeLessThanOrEqual(4);
    expect(fake.model.sheets.filter((s) => s.name.startsWith('汇总'))).toHaveLength(1);
    expect(fake.model.sheet('我的工作表')!.value('A1')).toBe('自己的数据');
    await actions.selectRollupIssue(0);
    expect(fake.model.sheet('问题清单')!.selected).toMatch(/^A\d+:H\d+$/);
  });
});
