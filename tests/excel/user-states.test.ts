/**
 * What the user is doing while the pane talks to Excel, as the double plays it (each rule's
 * source is written beside it in excelDouble.ts): several areas or a chart selected, a cell
 * being typed in. Excel itself was not run.
 */
import { compileForm } from '../../src/core/definitions/compile';
import { shippedForms } from '../../src/core/definitions/shipped';
import { createOfficeGateway } from '../../src/excel/officeGateway';
import { errorText } from '../../src/excel/officeErrors';
import { excelActions } from '../../src/taskpane/excelActions';
import type { SheetCheck } from '../../src/taskpane/panels/ValidatePanel';
import { SHEET, workbookWithTable } from './scenarios';

const forms = shippedForms.map(compileForm);

describe('the selection', () => {
  test('several areas selected: the sheet is read in 1 sync, the row is the active cell’s', async () => {
    const fake = workbookWithTable(10);
    fake.model.sheet(SHEET)!.selected = 'C7:D8,F12';
    const snapshot = await createOfficeGateway({ host: fake.host() }).readActiveSheet();
    expect(fake.syncs).toBe(1);
    expect(snapshot.selectedRow).toBe(7);
    expect(snapshot.values.length).toBe(12);
    expect(fake.apis.has('Workbook.getSelectedRange')).toBe(false);
  });

  test('a chart selected: 校验本表 still reads and marks the sheet (one more read), the row is not known', async () => {
    const fake = workbookWithTable(10);
    fake.chartSelected = true;
    const gateway = createOfficeGateway({ host: fake.host() });
    const snapshot = await gateway.readActiveSheet();
    expect(fake.syncs).toBe(2);
    expect(snapshot.selectedRow).toBeUndefined();
    expect(snapshot.values.length).toBe(12);
    const result = await excelActions(gateway).checkSheet(forms, 'zh-CN');
    expect(result.ok).toBe(true);
  });

  test('Excel’s InvalidSelection says, in the user’s words, to click a cell', () => {
    const error = Object.assign(new Error('InvalidSelection'), { code: 'InvalidSelection' });
    expect(errorText(error, 'zh-CN')).toBe('当前选中的是图表或图形，不是单元格：请点一下表格中的单元格后再试。');
  });
});

describe('a cell being edited', () => {
  test('a click of the user’s fails at once and says to press Enter first; nothing is written', async () => {
    const fake = workbookWithTable(10);
    const actions = excelActions(createOfficeGateway({ host: fake.host(), debounce: { delayMs: 0 } }));
    fake.startEditing();
    const failure = await actions.checkSheet(forms, 'zh-CN').then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(errorText(failure, 'zh-CN')).toBe('Excel 正在编辑一个单元格：请按 Enter 结束编辑后再试。');
    expect(errorText(failure, 'en')).toBe('Excel is editing a cell: press Enter to finish editing, then try again.');
    expect(fake.model.sheet(SHEET)!.conditionalFormats).toEqual([]);
    expect(fake.runOptions.every((o) => !o?.delayForCellEdit)).toBe(true);
  });

  test('the re-check after an edit waits for the edit to end, then marks, without an error shown', async () => {
    const fake = workbookWithTable(10);
    const actions = excelActions(createOfficeGateway({ host: fake.host(), debounce: { delayMs: 0 } }));
    const rechecks: SheetCheck[] = [];
    actions.onRecheck((check) => rechecks.push(check));
    await actions.checkSheet(forms, 'zh-CN');
    // The unit corrects D12, then starts typing in the next cell before the re-check runs.
    fake.startEditing();
    await fake.edit(SHEET, 'D12', [[12]]);
    for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
    expect(rechecks).toEqual([]);
    fake.finishEditing();
    for (let waited = 0; rechecks.length === 0 && waited < 2000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
    const last = rechecks.at(-1) as Extract<SheetCheck, { ok: true }>;
    expect(last.ok).toBe(true);
    expect(last.issues.map((i) => i.cell)).not.toContain('D12');
    expect(fake.runOptions.at(-1)).toEqual({ delayForCellEdit: true });
  });

  test('where Excel cannot wait (a host that ignores delayForCellEdit), the re-check is dropped quietly', async () => {
    const fake = workbookWithTable(10, { ignoreDelayForCellEdit: true });
    const actions = excelActions(createOfficeGateway({ host: fake.host(), debounce: { delayMs: 0 } }));
    const rechecks: SheetCheck[] = [];
    actions.onRecheck((check) => rechecks.push(check));
    await actions.checkSheet(forms, 'zh-CN');
    const before = fake.syncs;
    fake.startEditing();
    await fake.edit(SHEET, 'D12', [[12]]);
    for (let waited = 0; fake.syncs === before && waited < 2000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
    for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
    expect(fake.syncs).toBeGreaterThan(before);
    expect(rechecks).toEqual([]);
  });
});
