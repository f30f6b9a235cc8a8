/**
 * Last year's sheet (同比) remembered on `_huizong` (Office.js TEST DOUBLE, not Excel): one sync
 * to read, two to write, beside the other keys and never over them.
 */
import { createOfficeGateway } from '../../src/excel/officeGateway';
import { FakeExcel } from './excelDouble';

test('picked, read back, forgotten; the notice materials beside it survive', async () => {
  const fake = new FakeExcel();
  fake.model.addSheet('2023汇总');
  const gateway = createOfficeGateway({ host: fake.host() });
  fake.syncs = 0;
  expect(await gateway.readLastYearSheet()).toBeUndefined();
  expect(fake.syncs).toBe(1);
  await gateway.writeNoticeMaterials(['photos']);
  fake.syncs = 0;
  await gateway.writeLastYearSheet('2023汇总');
  expect(fake.syncs).toBe(2);
  expect(fake.model.sheet('_huizong')!.visibility).toBe('VeryHidden');
  expect(await gateway.readLastYearSheet()).toBe('2023汇总');
  await gateway.writeLastYearSheet(undefined);
  expect(await gateway.readLastYearSheet()).toBeUndefined();
  expect(await gateway.readNoticeMaterials()).toEqual(['photos']);
});
