import type { Issue } from '../../src/core/issues/issue';
import { issueListSheet, wrappedLines } from '../../src/core/plan/rollupSheetsPlan';

describe('问题清单 row heights', () => {
  it('gives a long message a taller row so printed rows do not overlap', () => {
    const long = '“其中女职工人数”大于“职工人数”，请核对第 5 行的两个数。'.repeat(6);
    const issue = (cell: string, message: string): Issue => ({
      file: 'a.xlsx',
      sheet: 'Sheet1',
      cell,
      severity: 'error',
      code: 'value.not-integer',
      rule: 'value.not-integer',
      message,
      params: {},
    });
    const issues = [issue('B2', '应为整数'), issue('B3', long)];
    const sheet = issueListSheet(issues, () => undefined, 'zh-CN');
    expect(sheet.rowHeights).toHaveLength(1);
    const height = sheet.rowHeights[0]!;
    expect(height.row).toBe(3);
    expect(height.points).toBeGreaterThanOrEqual(wrappedLines(long, 70) * 15);
    expect(sheet.wrap.length).toBeGreaterThan(0);
  });

  it('counts a Chinese character as two columns wide', () => {
    expect(wrappedLines('汉'.repeat(34), 70)).toBe(1);
    expect(wrappedLines('汉'.repeat(35), 70)).toBe(2);
    expect(wrappedLines('a'.repeat(68), 70)).toBe(1);
  });
});
