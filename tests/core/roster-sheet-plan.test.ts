/** The blank 单位名单 sheet the pane creates: what a person gets, and that the roster reader reads it. */
import { shippedForm } from '../../src/core/definitions/shipped';
import { ROSTER_ROWS, UNIT_LEVELS, rosterSheetPlan } from '../../src/core/plan/rosterSheetPlan';
import { parseRoster } from '../../src/core/rollup/roster';

test("the spec's roster columns, a level list as the forms spell the levels, a date check, the header frozen", () => {
  const plan = rosterSheetPlan('zh-CN');
  expect(plan.sheetName).toBe('单位名单');
  expect(plan.header.labels).toEqual(['单位名称', '单位层级', '上级单位', '别名', '截止日期', '联系人', '联系电话']);
  expect(plan.header.range).toBe('A1:G1');
  expect(plan.freeze).toEqual({ rows: 1 });
  expect(plan.data).toBe(`A2:G${ROSTER_ROWS + 1}`);
  // A phone stays as typed: 022-24310001 keeps its zero.
  expect(plan.columns.find((c) => c.label === '联系电话')!.numberFormat).toBe('@');
  const level = plan.validations.find((v) => v.range.startsWith('B'))!;
  expect(level.kind).toBe('list');
  expect(level.options).toEqual([...UNIT_LEVELS]);
  // The same words as the activity form's 单位层级, so roster and returns agree.
  expect(UNIT_LEVELS).toEqual(shippedForm('activity-summary')!.schema.properties.unitLevel!.enum);
  expect(plan.validations.find((v) => v.range.startsWith('E'))).toMatchObject({
    kind: 'date',
    error: { message: expect.stringContaining('2024-03-25') },
  });
  // Every column says what to type, within Excel's limits.
  for (const v of plan.validations) {
    expect(v.prompt!.title.length).toBeLessThanOrEqual(32);
    expect(v.prompt!.message.length).toBeLessThanOrEqual(255);
  }
  expect(plan.columns.find((c) => c.letter === 'E')!.numberFormat).toBe('yyyy-mm-dd');
  expect(plan.columns.every((c) => c.width >= 10)).toBe(true);
});

test('in English the prompts are English and the headers stay those the roster reader looks for', () => {
  const plan = rosterSheetPlan('en');
  expect(plan.header.labels).toEqual(rosterSheetPlan('zh-CN').header.labels);
  expect(plan.validations[0]!.prompt!.message).toMatch(/^The full name/);
});

test('the header row, filled in, is a roster', () => {
  const plan = rosterSheetPlan('zh-CN');
  const roster = parseRoster(
    {
      sheet: plan.sheetName,
      typed: true,
      rows: [
        plan.header.labels,
        ['大王庄街道总工会', '街道（乡镇）工会', '河东区总工会', '大王庄街工会', '2024-03-25', '王芳', '022-24310001'],
      ],
    },
    plan.sheetName,
    'zh-CN',
  );
  expect(roster.issues).toEqual([]);
  expect(roster.units).toEqual([
    {
      name: '大王庄街道总工会',
      level: '街道（乡镇）工会',
      parent: '河东区总工会',
      aliases: ['大王庄街工会'],
      deadline: '2024-03-25',
      contact: '王芳',
      phone: '022-24310001',
      row: 2,
    },
  ]);
});
