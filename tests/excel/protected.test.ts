/**
 * User states that make Excel refuse a write, as the double plays them: a protected sheet, a
 * workbook whose structure is protected (AccessDenied), another workbook in front
 * (GeneralException, office-js #771). Each action either completes, or leaves the workbook as
 * it was and says, in the user's words, what to do. Excel itself was not run.
 */
import { compileForm } from '../../src/core/definitions/compile';
import { shippedForms } from '../../src/core/definitions/shipped';
import { rosterSheetPlan } from '../../src/core/plan/rosterSheetPlan';
import { templatePlan } from '../../src/core/plan/templatePlan';
import { createOfficeGateway } from '../../src/excel/officeGateway';
import { errorText } from '../../src/excel/officeErrors';
import { excelActions } from '../../src/taskpane/excelActions';
import { FakeExcel } from './excelDouble';
import { activity, rollupPlan, SHEET, validateOnce, workbookWithTable } from './scenarios';

const forms = shippedForms.map(compileForm);

/** What the pane shows after `act`, and whether the workbook changed. */
async function outcome(fake: FakeExcel, act: () => Promise<unknown>): Promise<{ said: string; saidEn: string; changed: boolean }> {
  const before = fake.fingerprint();
  const error = await act().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeDefined();
  return { said: errorText(error, 'zh-CN'), saidEn: errorText(error, 'en'), changed: fake.fingerprint() !== before };
}

describe('a protected sheet', () => {
  test('校验本表 changes nothing and names the sheet and how to unprotect it', async () => {
    const fake = workbookWithTable(20);
    fake.model.sheet(SHEET)!.protected = true;
    const actions = excelActions(createOfficeGateway({ host: fake.host() }));
    const { said, saidEn, changed } = await outcome(fake, () => actions.checkSheet(forms, 'zh-CN'));
    expect(said).toBe(
      '工作表“各单位报送”受保护，汇总不能在上面写入，什么也没有改动：请点 审阅 → 撤消工作表保护（有密码时输入密码）后再试。',
    );
    expect(saidEn).toContain('Review → Unprotect Sheet');
    expect(changed).toBe(false);
  });

  test('清除标记 on a sheet protected after it was marked changes nothing and says so', async () => {
    const fake = workbookWithTable(20);
    await validateOnce(fake);
    fake.model.sheet(SHEET)!.protected = true;
    const { said, changed } = await outcome(fake, () => createOfficeGateway({ host: fake.host() }).clearMarks(SHEET));
    expect(said).toContain('撤消工作表保护');
    expect(changed).toBe(false);
  });

  test('保存 a row refused by the protected sheet says so, not “partly written”', async () => {
    const fake = workbookWithTable(3);
    const actions = excelActions(createOfficeGateway({ host: fake.host() }));
    fake.model.sheet(SHEET)!.protected = true;
    const { said, changed } = await outcome(fake, () => actions.saveRow(activity, forms, { unitName: '新单位' }));
    expect(said).toContain('工作表“各单位报送”受保护');
    expect(changed).toBe(false);
  });
});

describe('a workbook whose structure is protected', () => {
  function protectedWorkbook(): FakeExcel {
    const fake = new FakeExcel();
    fake.model.addSheet('Sheet1').setValues('A1', [['用户的数据']]);
    fake.model.structureProtected = true;
    return fake;
  }

  test('生成模板 changes nothing and says how to unprotect the workbook', async () => {
    const fake = protectedWorkbook();
    const { said, changed } = await outcome(fake, () =>
      createOfficeGateway({ host: fake.host() }).createTemplate(templatePlan(activity, 2024, 5)),
    );
    expect(said).toBe(
      '工作簿的结构受保护，不能添加或删除工作表，什么也没有改动：请点 审阅 → 保护工作簿 取消保护（有密码时输入密码）后再试。',
    );
    expect(changed).toBe(false);
  });

  test('a new roster sheet, and the notice’s ticks where _huizong is still to be added: nothing changed, said', async () => {
    const fake = protectedWorkbook();
    const gateway = createOfficeGateway({ host: fake.host() });
    const roster = await outcome(fake, () => gateway.createRosterSheet(rosterSheetPlan('zh-CN')));
    expect(roster.said).toContain('保护工作簿');
    expect(roster.changed).toBe(false);
    const ticks = await outcome(fake, () => gateway.writeNoticeMaterials([]));
    expect(ticks.said).toContain('保护工作簿');
    expect(ticks.changed).toBe(false);
  });

  test('writing the roll-up changes nothing and says so', async () => {
    const fake = protectedWorkbook();
    const { said, changed } = await outcome(fake, () => createOfficeGateway({ host: fake.host() }).writeRollupSheets(rollupPlan()));
    expect(said).toContain('保护工作簿');
    expect(changed).toBe(false);
  });

  test('保存 refused for another reason is not blamed on the protected structure: a row adds no sheet', async () => {
    const fake = workbookWithTable(3);
    fake.model.structureProtected = true;
    fake.failCommand((c) => c.api === 'Range.values', 'AccessDenied');
    const actions = excelActions(createOfficeGateway({ host: fake.host() }));
    const { said } = await outcome(fake, () => actions.saveRow(activity, forms, { unitName: '新单位' }));
    expect(said).not.toContain('工作簿的结构受保护');
    expect(said).not.toContain('工作表“各单位报送”受保护');
  });
});

describe('another workbook in front (office-js #771)', () => {
  test('生成模板 leaves the workbook as it was and says to bring it to the front', async () => {
    const fake = new FakeExcel();
    fake.model.addSheet('Sheet1');
    fake.otherWorkbookInFront = true;
    const { said, changed } = await outcome(fake, () =>
      createOfficeGateway({ host: fake.host() }).createTemplate(templatePlan(activity, 2024, 5)),
    );
    expect(said).toBe('Excel 没能完成这次操作，什么原因它没有说。请再试一次；如果另一个工作簿窗口在前面，先点一下这个工作簿，再试。');
    expect(changed).toBe(false);
  });

  test('writing the roll-up again leaves the earlier one as it was, or says what to delete', async () => {
    const fake = new FakeExcel();
    fake.model.addSheet('Sheet1');
    await createOfficeGateway({ host: fake.host() }).writeRollupSheets(rollupPlan());
    fake.otherWorkbookInFront = true;
    const { said, changed } = await outcome(fake, () => createOfficeGateway({ host: fake.host() }).writeRollupSheets(rollupPlan()));
    if (changed) expect(said).toMatch(/写入汇总没有做完.*请删除/);
    else expect(said).toContain('另一个工作簿窗口在前面');
  });
});
