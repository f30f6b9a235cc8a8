/** Which form the chosen files are, from their labels: the form proposed in the 汇总 tab. */
import { compileForm } from '../../src/core/definitions/compile';
import { formsOfGrids, proposeForm } from '../../src/core/definitions/proposeForm';
import { shippedForms } from '../../src/core/definitions/shipped';
import type { Grid } from '../../src/core/table/grid';
import { labelsOf } from '../helpers/workbooks';

const forms = shippedForms.map(compileForm);
const order = shippedForms.map((f) => f.id);
const grid = (sheet: string, rows: Grid['rows']): Grid => ({ sheet, rows, typed: true });
const table = (formId: string, title = '') => grid(formId, [[title], labelsOf(formId), labelsOf(formId).map(() => null)]);

describe('formsOfGrids', () => {
  test('a sheet under a title line is the form whose labels it holds', () => {
    expect(formsOfGrids([table('activity-summary', '2024年女职工维权行动月活动数据汇总表')], forms)).toEqual(['activity-summary']);
    expect(formsOfGrids([table('quiz-results')], forms)).toEqual(['quiz-results']);
  });

  test('a workbook with two forms on two sheets holds both, in sheet order; a notes sheet holds none', () => {
    const notes = grid('说明', [['填表说明：请如实填写'], ['联系人：孔迪']]);
    expect(formsOfGrids([notes, table('quiz-results'), table('activity-summary'), table('quiz-results')], forms)).toEqual([
      'quiz-results',
      'activity-summary',
    ]);
    expect(formsOfGrids([notes], forms)).toEqual([]);
  });
});

describe('proposeForm', () => {
  test('the form most files are, with how many of them match', () => {
    const sources = [
      ...Array.from({ length: 11 }, (_, i) => ({ source: `单位${i + 1}.xlsx`, forms: ['activity-summary'] })),
      { source: '知识竞赛情况表.xlsx', forms: ['quiz-results'] },
      { source: '损坏的文件.xlsx', forms: [] },
    ];
    const proposal = proposeForm(sources, order);
    expect(proposal.form).toBe('activity-summary');
    expect(proposal.matching).toHaveLength(11);
    expect(proposal.total).toBe(13);
    expect(proposal.others).toEqual([{ form: 'quiz-results', sources: ['知识竞赛情况表.xlsx'] }]);
    expect(proposal.unmatched).toEqual(['损坏的文件.xlsx']);
  });

  test('a file holding two forms counts for both; the files agree when every one holds the proposed form', () => {
    const proposal = proposeForm(
      [
        { source: 'a.xlsx', forms: ['quiz-results', 'activity-summary'] },
        { source: 'b.xlsx', forms: ['activity-summary'] },
      ],
      order,
    );
    expect(proposal).toEqual({ form: 'activity-summary', matching: ['a.xlsx', 'b.xlsx'], total: 2, others: [], unmatched: [] });
  });

  test('a tie goes to the form listed first, whatever the order of the files', () => {
    const a = { source: 'a.xlsx', forms: ['quiz-results'] };
    const b = { source: 'b.xlsx', forms: ['activity-summary'] };
    expect(proposeForm([a, b], order).form).toBe('activity-summary');
    expect(proposeForm([b, a], order).form).toBe('activity-summary');
  });

  test('no form anywhere proposes nothing and names every file', () => {
    expect(proposeForm([{ source: '名单.csv', forms: [] }], order)).toEqual({
      matching: [],
      total: 1,
      others: [],
      unmatched: ['名单.csv'],
    });
  });
});
