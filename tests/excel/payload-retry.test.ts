/**
 * Excel on the web refuses a request over 5 MB whole (RequestPayloadSizeLimitExceeded: a
 * refused request changed nothing, https://learn.microsoft.com/en-us/office/dev/add-ins/concepts/resource-limits-and-performance-optimization).
 * Where Huizong's estimate of a request falls short of what Excel measures, the template and
 * the roll-up's sheets are written again in smaller requests, as the marks are. Played on the
 * double, whose limit is set low so that a small plan meets it; Excel itself was not run.
 */
import { rollupSheetsPlan } from '../../src/core/plan/rollupSheetsPlan';
import { templatePlan } from '../../src/core/plan/templatePlan';
import { rollUp, type ReturnInput } from '../../src/core/rollup/rollup';
import { validateGrids } from '../../src/core/validate/workbook';
import { createOfficeGateway } from '../../src/excel/officeGateway';
import { FakeExcel } from './excelDouble';
import { activity, returnedTable } from './scenarios';

function workbook(requestLimit: number): FakeExcel {
  const fake = new FakeExcel({ requestLimit });
  fake.model.addSheet('Sheet1').setValues('A1', [['用户的数据']]);
  fake.model.active = 'Sheet1';
  return fake;
}

const refused = (fake: FakeExcel) => fake.batches.filter((b) => b.requestBytes > fake.options.requestLimit).length;

test('a template refused as too large is built again in smaller requests: one whole sheet, nothing left over', async () => {
  const fake = workbook(192 * 1024);
  await createOfficeGateway({ host: fake.host() }).createTemplate(templatePlan(activity, 2024, 1_000));
  expect(refused(fake)).toBeGreaterThan(0);
  const added = fake.model.sheets.filter((s) => s.name !== 'Sheet1' && s.name !== '_huizong');
  expect(added).toHaveLength(1);
  const sheet = added[0]!;
  expect(sheet.tables).toHaveLength(1);
  expect(sheet.frozen).toBeDefined();
  expect(fake.model.active).toBe(sheet.name);
  expect(fake.model.sheet('Sheet1')!.value('A1')).toBe('用户的数据');
});

test('a roll-up refused as too large is written again in smaller requests: its sheets whole, recorded once', async () => {
  const inputs: ReturnInput[] = [1, 2, 3].map((f) => {
    const file = `第${f}区.xlsx`;
    const rows = returnedTable(150).map((row, i) => (i >= 2 ? [`第${f}区${row[0]}`, ...row.slice(1)] : row));
    return { file, report: validateGrids(file, [{ sheet: 'Sheet1', rows, typed: true }], [activity], { today: '2024-03-25' }) };
  });
  const result = rollUp(inputs, { form: activity, forms: [activity], unit: '河东区总工会', createdAt: '2024-03-26T02:30:00.000Z' });
  const plan = rollupSheetsPlan(result, activity, 'zh-CN');
  const fake = workbook(96 * 1024);
  const names = await createOfficeGateway({ host: fake.host() }).writeRollupSheets(plan);
  expect(refused(fake)).toBeGreaterThan(0);
  expect(names).toMatchObject({ rows: '汇总', status: '报送情况', issues: '问题清单' });
  expect(fake.model.sheets.map((s) => s.name).sort()).toEqual(['Sheet1', '_huizong', '报送情况', '问题清单', '汇总'].sort());
  const rows = plan.sheets[0]!;
  expect(fake.model.sheet('汇总')!.value(`A${plan.layout.totalRow}`)).toBe('合计');
  expect(fake.model.sheet('汇总')!.value(`A${rows.values.length}`)).toBe(rows.values[rows.values.length - 1]![0] ?? '');
  expect(fake.model.active).toBe('汇总');
});
