/**
 * Frozen panes and page setup as Excel takes them, on the double (excelDouble.ts): fit to pages
 * in one direction alone is not taken (office-js #1860); freezing panes on a sheet that is not
 * active makes Excel take it as active unseen (office-js #3148); `pageLayout` needs ExcelApi
 * 1.9. Excel itself was not run.
 */
import { rosterSheetPlan } from '../../src/core/plan/rosterSheetPlan';
import { templatePlan } from '../../src/core/plan/templatePlan';
import { createOfficeGateway } from '../../src/excel/officeGateway';
import { FakeExcel } from './excelDouble';
import { activity, rollupPlan } from './scenarios';

/** One page wide, and more pages tall than the rows can fill (so the width decides the scale). */
const ONE_PAGE_WIDE = { horizontalFitToPages: 1, verticalFitToPages: expect.any(Number) };

function workbook(options: ConstructorParameters<typeof FakeExcel>[0] = {}): FakeExcel {
  const fake = new FakeExcel(options);
  fake.model.addSheet('Sheet1').setValues('A1', [['用户的数据']]);
  fake.model.active = 'Sheet1';
  return fake;
}

describe('生成模板', () => {
  test('prints one page wide, header frozen while the new sheet is the one shown, which the user then sees', async () => {
    const fake = workbook();
    await createOfficeGateway({ host: fake.host() }).createTemplate(templatePlan(activity, 2024, 5));
    const sheet = fake.model.sheets.find((s) => s.name !== 'Sheet1' && s.name !== '_huizong')!;
    expect(sheet.pageLayout.zoom).toEqual(ONE_PAGE_WIDE);
    expect((sheet.pageLayout.zoom as { verticalFitToPages: number }).verticalFitToPages).toBeGreaterThanOrEqual(2);
    expect(sheet.pageLayout.orientation).toBe('Landscape');
    expect(sheet.frozen).toBeDefined();
    expect(fake.spuriousActivations).toEqual([]);
    expect(fake.model.active).toBe(sheet.name);
    expect(fake.model.activeForApi).toBe(sheet.name);
    expect(fake.syncs).toBe(2);
  });

  test('on an Excel without ExcelApi 1.9 the template is written whole, without the page setup', async () => {
    const fake = workbook({ apiVersion: '1.8' });
    await createOfficeGateway({ host: fake.host() }).createTemplate(templatePlan(activity, 2024, 5));
    const sheet = fake.model.sheets.find((s) => s.name !== 'Sheet1' && s.name !== '_huizong')!;
    expect(sheet.pageLayout).toEqual({});
    expect(sheet.tables).toHaveLength(1);
    expect(sheet.frozen).toBeDefined();
    expect(fake.commands.some((c) => c.api.startsWith('Worksheet.pageLayout'))).toBe(false);
  });
});

describe('the roll-up’s sheets and the roster sheet', () => {
  test('each roll-up sheet prints one page wide and is frozen while shown; 汇总 is the one seen and read', async () => {
    const fake = workbook();
    const gateway = createOfficeGateway({ host: fake.host() });
    await gateway.writeRollupSheets(rollupPlan());
    for (const name of ['汇总', '报送情况', '问题清单']) {
      const sheet = fake.model.sheet(name)!;
      expect([name, sheet.pageLayout.zoom]).toEqual([name, ONE_PAGE_WIDE]);
      // A wrapped row may fill a page: as many pages as rows, so the height never shrinks the print.
      const rows = sheet.used(true)!.e.r + 1;
      const tall = (sheet.pageLayout.zoom as { verticalFitToPages: number }).verticalFitToPages;
      expect([name, tall >= rows]).toEqual([name, true]);
      expect([name, sheet.frozen]).toEqual([name, expect.any(String)]);
    }
    expect(fake.spuriousActivations).toEqual([]);
    expect(fake.model.active).toBe('汇总');
    expect((await gateway.readActiveSheet()).sheet).toBe('汇总');
  });

  test('the roster sheet is frozen while shown', async () => {
    const fake = workbook();
    const name = await createOfficeGateway({ host: fake.host() }).createRosterSheet(rosterSheetPlan('zh-CN'));
    expect(fake.model.sheet(name)!.frozen).toBeDefined();
    expect(fake.spuriousActivations).toEqual([]);
    expect(fake.model.active).toBe(name);
  });
});
