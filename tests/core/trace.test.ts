/**
 * Tracing in words (spec "Tracing every figure"): an issue on a row that came inside a district's
 * roll-up says both where the unit typed it and the district file it came in; an issue on a
 * unit's own row says where that is; a file's issue is on no row.
 */
import { makeIssue, type Issue } from '../../src/core/issues/issue';
import { rowOf, traceIssue } from '../../src/core/rollup/trace';
import type { RollupRow } from '../../src/core/rollup/types';
import { row as quizRow } from '../helpers/quizRollup';

const rows: RollupRow[] = [
  quizRow({
    unit: '大王庄街道总工会',
    file: '河东区汇总.xlsx',
    sheet: '汇总',
    row: 5,
    values: {},
    origin: { file: '大王庄.xlsx', sheet: '数据', row: 3 },
  }),
  quizRow({ unit: '和平区总工会', file: '和平区.xlsx', sheet: '知识竞赛情况', row: 4, values: {} }),
];

function issueAt(file: string, sheet: string, where: { cell?: string; row?: number }): Issue {
  const issue = makeIssue({ code: 'outlier.peers', params: { value: 12000, median: 46, peers: 11 }, ...where }, 'zh-CN');
  return { ...issue, file, sheet };
}

test('a row from a district’s roll-up: the unit’s file, sheet and row, and the district file it came in', () => {
  const issue = issueAt('河东区汇总.xlsx', '汇总', { cell: 'I5', row: 5 });
  expect(traceIssue({ rows }, issue, 'zh-CN')).toBe(
    '这一行最初填在 大王庄.xlsx 的工作表“数据”第 3 行；随下级的汇总 河东区汇总.xlsx 的工作表“汇总”第 5 行 报来。要更正，请找原单位核对后，由下级重新汇总报送',
  );
  expect(traceIssue({ rows }, issue, 'en')).toBe(
    'This row was first typed in 大王庄.xlsx, sheet "数据", row 3; it came in the level below\'s roll-up 河东区汇总.xlsx, sheet "汇总", row 5. To correct it, check with that unit, then have the level below roll up and send again',
  );
});

test('found by its cell where the issue has no row', () => {
  expect(rowOf({ rows }, { file: '河东区汇总.xlsx', sheet: '汇总', cell: 'I5' })?.unit).toBe('大王庄街道总工会');
});

test('a unit’s own row: where it was typed', () => {
  expect(traceIssue({ rows }, issueAt('和平区.xlsx', '知识竞赛情况', { row: 4 }), 'zh-CN')).toBe(
    '这一行填在 和平区.xlsx 的工作表“知识竞赛情况”第 4 行',
  );
});

test('a file’s issue, or one on another row, is on no row', () => {
  const fileIssue = { ...makeIssue({ code: 'file.empty' }, 'zh-CN'), file: '河东区汇总.xlsx' };
  expect(traceIssue({ rows }, fileIssue, 'zh-CN')).toBeUndefined();
  expect(traceIssue({ rows }, issueAt('河东区汇总.xlsx', '汇总', { row: 6 }), 'zh-CN')).toBeUndefined();
});
