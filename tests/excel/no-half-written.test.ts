/**
 * No half-written workbook: each action, failed at each of its syncs (a request refused whole)
 * and by a command failing half-way through a batch (the commands before it stay applied),
 * either leaves the workbook as it was or says what it wrote and how to undo it.
 * Played on the double (excelDouble.ts: failSync, failCommand); Excel itself was not run.
 */
import { rowWritePlan } from '../../src/core/plan/markPlan';
import { templatePlan } from '../../src/core/plan/templatePlan';
import { locateTable } from '../../src/core/table/locate';
import { createOfficeGateway } from '../../src/excel/officeGateway';
import { errorText } from '../../src/excel/officeErrors';
import { snapshotGrid } from '../../src/excel/snapshotGrid';
import { FakeExcel, type CommandRecord } from './excelDouble';
import { activity, SHEET, templateSyncs, validateOnce, workbookWithTable } from './scenarios';

/**
 * Runs `act`: it completes (a read refused is sent again), or it fails and the workbook is as
 * before, or the message says what was written and how to undo it.
 */
async function expectWholeOrSaid(fake: FakeExcel, act: () => Promise<unknown>, said: RegExp): Promise<'completed' | 'as it was' | 'said'> {
  const before = fake.fingerprint();
  const error = await act().then(
    () => undefined,
    (e: unknown) => e ?? new Error('rejected without a reason'),
  );
  if (error === undefined) return 'completed';
  if (fake.fingerprint() === before) return 'as it was';
  expect(errorText(error, 'zh-CN')).toMatch(said);
  return 'said';
}

function freshWorkbook(): FakeExcel {
  const fake = new FakeExcel();
  fake.model.addSheet('Sheet1').setValues('A1', [['用户的数据']]);
  return fake;
}

describe('生成模板', () => {
  test.each([
    [1, 'completed'],
    [2, 'as it was'],
  ])('refused at sync %i: %s', async (k, expected) => {
    const fake = freshWorkbook();
    fake.failSync(k);
    const outcome = await expectWholeOrSaid(
      fake,
      () => createOfficeGateway({ host: fake.host() }).createTemplate(templatePlan(activity, 2024, 5)),
      /生成模板没有做完/,
    );
    expect(outcome).toBe(expected);
  });

  test.each<[string, (c: CommandRecord) => boolean]>([
    ['the table', (c) => c.api === 'TableCollection.add'],
    ['the last command', (c) => c.api === 'Range.select'],
  ])('a command failing half-way (%s): the new sheet and _huizong are taken back', async (_, test) => {
    const { fake } = await templateSyncs();
    fake.failCommand(test);
    const outcome = await expectWholeOrSaid(
      fake,
      () => createOfficeGateway({ host: fake.host() }).createTemplate(templatePlan(activity, 2024, 5)),
      /生成模板没有做完/,
    );
    expect(outcome).toBe('as it was');
  });
});

describe('校验本表 (marks)', () => {
  test.each([1, 2, 3])('refused at sync %i: as it was, or says to clear the marks', async (k) => {
    const fake = workbookWithTable(20);
    await validateOnce(fake);
    fake.model.sheet(SHEET)!.setValues('D10', [['很多']]);
    fake.failSync(k);
    await expectWholeOrSaid(fake, () => validateOnce(fake), /标记没有做完.*清除标记/);
  });

  test('a prompt failing half-way: the message says to clear, and 清除标记 then leaves no mark', async () => {
    const fake = workbookWithTable(20);
    fake.failCommand((c) => c.api.endsWith('dataValidation.prompt'));
    const outcome = await expectWholeOrSaid(
      fake,
      () => validateOnce(fake),
      /标记没有做完：工作表“各单位报送”中部分单元格已标出。请点“清除标记”/,
    );
    expect(outcome).toBe('said');
    await createOfficeGateway({ host: fake.host() }).clearMarks(SHEET);
    expect(fake.model.sheet(SHEET)!.conditionalFormats).toEqual([]);
  });
});

describe('保存 (a row from the entry form)', () => {
  async function rowPlan(fake: FakeExcel) {
    const sheet = fake.model.sheet(SHEET)!;
    sheet.setValues('A6', [['合计']]);
    const gateway = createOfficeGateway({ host: fake.host() });
    const grid = snapshotGrid(await gateway.readActiveSheet());
    return { gateway, plan: rowWritePlan(grid, locateTable(grid, [activity])!, { unitName: '新单位', contactPhone: '01012345678' }) };
  }

  test('refused: as it was', async () => {
    const fake = workbookWithTable(3);
    const { gateway, plan } = await rowPlan(fake);
    fake.failSync(1);
    expect(await expectWholeOrSaid(fake, () => gateway.writeRow(plan), /保存没有做完/)).toBe('as it was');
  });

  test('the values failing after the row was inserted: the message names the row and what to check', async () => {
    const fake = workbookWithTable(3);
    const { gateway, plan } = await rowPlan(fake);
    fake.failCommand((c) => c.api === 'Range.values');
    expect(
      await expectWholeOrSaid(
        fake,
        () => gateway.writeRow(plan),
        /保存没有做完：工作表“各单位报送”第 6 行可能只写入了一部分，或多插入了一个空行/,
      ),
    ).toBe('said');
  });
});
