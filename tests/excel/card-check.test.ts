/**
 * 校验本表 on a unit's vertical card (Excel itself was not run: the test double stands in). The
 * card is checked as its one row and marked at its cells; a card that cannot be read says why.
 */
import { compileForm } from '../../src/core/definitions/compile';
import { shippedForms } from '../../src/core/definitions/shipped';
import { createOfficeGateway } from '../../src/excel/officeGateway';
import { excelActions } from '../../src/taskpane/excelActions';
import type { SheetCheck } from '../../src/taskpane/panels/ValidatePanel';
import { FakeExcel } from './excelDouble';

const forms = shippedForms.map(compileForm);
const actionsOn = (fake: FakeExcel) => excelActions(createOfficeGateway({ host: fake.host(), debounce: { delayMs: 0 } }));

function cardSheet(valueHeaders: string[]): FakeExcel {
  const fake = new FakeExcel();
  const twice = valueHeaders.length > 1;
  fake.model.addSheet('单位填报').setValues('A1', [
    ['2024年维权行动月活动数据汇总表', '', '', '', ''],
    ['填报单位（盖章）：向阳楼街道总工会  填表日期：2024年3月20日', '', '', '', ''],
    ['序号', '指标', '计量单位', ...valueHeaders, ...(twice ? [] : ['备注'])],
    [1, '单位层级', '', '街道（乡镇）工会', ''],
    [2, '开展宣传活动', '场次', '若干', ''],
    [3, '宣传活动参与人数', '人次', 300, ''],
    [4, '新签女职工专项集体合同', '份', 1, ''],
    [5, '有效期内女职工专项集体合同', '份', 2, ''],
    ['填表人：李红  联系电话：13812345678', '', '', '', ''],
  ]);
  return fake;
}

test('a card is checked as its one row, its issues at its cells, and marked', async () => {
  const fake = cardSheet(['数量']);
  const result = (await actionsOn(fake).checkSheet(forms, 'zh-CN')) as Extract<SheetCheck, { ok: true }>;
  expect(result.ok).toBe(true);
  expect(result.summary).toMatch(/^工作表“单位填报”：维权行动月活动数据汇总表，1 行数据，/);
  expect(result.issues.map((i) => i.message)).toContain('D5 开展宣传活动（场次）：“若干”不是整数，请填写不小于0的整数');
  expect(fake.model.sheet('单位填报')!.conditionalFormats.some((f) => JSON.stringify(f).includes('D5'))).toBe(true);
});

test('a card with this year and last year says why it is not read', async () => {
  const result = await actionsOn(cardSheet(['本年', '上年'])).checkSheet(forms, 'zh-CN');
  expect(result).toEqual({
    ok: false,
    message: expect.stringMatching(/^E3：竖版报表《维权行动月活动数据汇总表》有两列数量（“本年”、“上年”）/),
  });
});
