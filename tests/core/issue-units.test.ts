import { unitsOfIssues } from '../../src/core/plan/issueListSheet';
import type { Issue } from '../../src/core/issues/issue';
import type { RollupResult, RollupRow } from '../../src/core/rollup/types';

const row = (file: string, sheet: string, n: number, unit: string): RollupRow => ({
  unit,
  notOnRoster: false,
  file,
  sheet,
  row: n,
  status: 'counted',
  values: {},
  unreadable: [],
  errors: 0,
  warnings: 0,
});

const result = (form: string, rows: RollupRow[]): RollupResult =>
  ({ form, formVersion: '1', totals: {}, rows, files: [], units: [], issues: [], meta: {} }) as unknown as RollupResult;

const fileIssue = (file: string): Issue =>
  ({ file, severity: 'warning', code: 'table.no-rows', rule: 'table.no-rows', message: '', params: {} }) as unknown as Issue;

describe('the unit of a file-level issue in a notice', () => {
  it('is no one unit when the file has one unit in its first form and several in the next', () => {
    const unitOf = unitsOfIssues([
      result('a', [row('汇总.xlsx', '表一', 5, '甲单位')]),
      result('b', [row('汇总.xlsx', '表二', 5, '甲单位'), row('汇总.xlsx', '表二', 6, '乙单位')]),
    ]);
    expect(unitOf(fileIssue('汇总.xlsx'))).toBeUndefined();
  });

  it('is the one unit when every form of the file names only it', () => {
    const unitOf = unitsOfIssues([result('a', [row('甲.xlsx', '表一', 5, '甲单位')]), result('b', [row('甲.xlsx', '表二', 5, '甲单位')])]);
    expect(unitOf(fileIssue('甲.xlsx'))).toBe('甲单位');
  });
});
