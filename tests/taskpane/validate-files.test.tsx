/** @jest-environment jsdom */
/**
 * 校验 of chosen files says per file what was read, as which form and how many rows — clean
 * files too — and marks a file that is not the form chosen at the top of the pane.
 */
import { cleanup, render, screen, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { compileForm } from '../../src/core/definitions/compile';
import { shippedForms } from '../../src/core/definitions/shipped';
import { validateGrids } from '../../src/core/validate/workbook';
import { FileLines } from '../../src/taskpane/panels/ValidatePanel';

afterEach(cleanup);

const forms = shippedForms.map(compileForm);
const activity = forms.find((f) => f.def.id === 'activity-summary')!;
const quiz = forms.find((f) => f.def.id === 'quiz-results')!;
const row = (form: typeof activity, values: Record<string, unknown>) =>
  form.fields.map((f) => (values[f.id] ?? null) as string | number | null);
const options = { today: '2024-04-01', expected: activity };

test('every file has its line: form, rows, counts; another form is marked', () => {
  const clean = validateGrids(
    '河东区.xlsx',
    [
      {
        sheet: '汇总',
        typed: true,
        rows: [
          activity.fields.map((f) => f.label),
          row(activity, {
            unitName: '河东区总工会',
            unitLevel: '区（市）县总工会',
            publicityEvents: 1,
            publicityParticipants: 10,
            contractsNew: 0,
            contractsInForce: 1,
            contactPerson: '张三',
            contactPhone: '13812345678',
            fillDate: '2024-03-20',
          }),
        ],
      },
    ],
    forms,
    options,
  );
  const other = validateGrids(
    '知识竞赛.xlsx',
    [
      {
        sheet: 'Sheet1',
        typed: true,
        rows: [
          quiz.fields.map((f) => f.label),
          row(quiz, { unitName: '河西区总工会', competitionName: '知识竞赛', sessions: 1, participants: 10 }),
        ],
      },
    ],
    forms,
    options,
  );
  const nothing = validateGrids('照片说明.xlsx', [{ sheet: 'Sheet1', typed: true, rows: [['说明'], ['见附件']] }], forms, options);
  render(
    <FluentProvider theme={webLightTheme}>
      <FileLines lang="zh-CN" reports={[clean, other, nothing]} forms={forms} chosen={activity} />
    </FluentProvider>,
  );
  const items = within(screen.getByRole('region', { name: '已校验 3 个文件' }))
    .getAllByRole('listitem')
    .map((li) => li.textContent);
  expect(items[0]).toBe('河东区.xlsx：工作表“汇总”读作《维权行动月活动数据汇总表》，1 行数据；没有发现问题');
  expect(items[1]).toMatch(
    /^知识竞赛\.xlsx：工作表“Sheet1”读作《女职工权益保护法律法规知识竞赛活动情况表》，1 行数据；\d+ 个错误，\d+ 个警告 不是所选的《维权行动月活动数据汇总表》$/,
  );
  expect(items[2]).toBe('照片说明.xlsx：没有读到可识别的报表；1 个错误，0 个警告');
});
