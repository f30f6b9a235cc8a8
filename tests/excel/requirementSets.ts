/** The requirement sets `manifest.xml` declares: every Excel API the gateway used is within ExcelApi 1.9. */
import { REQUIREMENT_SETS, type FakeExcel } from './excelDouble';

export function expectWithin19(fake: FakeExcel): void {
  for (const api of fake.apis) {
    const set = REQUIREMENT_SETS[api];
    expect([api, set]).toEqual([api, expect.any(String)]);
    const [major, minor] = set!.split('.').map(Number);
    expect([api, major === 1 && minor! <= 9]).toEqual([api, true]);
  }
}
