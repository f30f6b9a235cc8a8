/** @jest-environment jsdom */
/**
 * 填写 outside Excel: saved rows are listed and can be deleted, survive a switch of form and a
 * reload of the pane (localStorage, per form), and download under the unit's and form's name.
 */
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { compileForm } from '../../src/core/definitions/compile';
import { shippedForm } from '../../src/core/definitions/shipped';
import { App } from '../../src/taskpane/App';
import { csvName, loadRows, storageKey } from '../../src/taskpane/enteredRows';
import { installJsdomShims } from '../helpers/jsdom';

beforeAll(installJsdomShims);
afterEach(() => {
  cleanup();
  localStorage.clear();
});

const activity = compileForm(shippedForm('activity-summary')!);

async function openPane() {
  const view = render(
    <FluentProvider theme={webLightTheme}>
      <App detect={async () => ({ inExcel: false, lang: 'zh-CN' })} />
    </FluentProvider>,
  );
  await screen.findByText('未检测到 Excel');
  fireEvent.click(screen.getByRole('tab', { name: '填写' }));
  // the entry form loads lazily; generous, as the machine may be busy
  await screen.findByRole('button', { name: '保存' }, { timeout: 30_000 });
  return view;
}

function control(label: string): HTMLElement {
  const found = screen
    .getAllByLabelText(label, { exact: true, normalizer: (t) => t.replace(/\s*\*$/, '').trim() })
    .filter((el) => el.getAttribute('role') !== 'listbox');
  if (found.length !== 1) throw new Error(`${found.length} controls labelled ${label}`);
  return found[0]!;
}
const type = (label: string, value: string) => fireEvent.change(control(label), { target: { value } });

function fillRow(unit: string) {
  type('填报单位', unit);
  fireEvent.click(control('单位层级'));
  fireEvent.click(screen.getByRole('option', { name: '基层工会' }));
  type('开展宣传活动（场次）', '3');
  type('宣传活动参与人数（人次）', '100');
  type('新签女职工专项集体合同（份）', '1');
  type('有效期内女职工专项集体合同（份）', '3');
  type('填表人', '张三');
  type('联系电话', '13812345678');
  type('填表日期', '2024-03-20');
  fireEvent.click(screen.getByRole('button', { name: '保存' }));
}

const savedList = () => screen.getByRole('region', { name: /^已保存的 \d+ 行/ });

test('saved rows are listed, deletable, and kept across a form switch and a reload', async () => {
  const first = await openPane();
  fillRow('向阳路街道总工会');
  await screen.findByText('已保存的 1 行（维权行动月活动数据汇总表）', { exact: false });
  // the form was cleared: saving again adds nothing
  fireEvent.click(screen.getByRole('button', { name: '保存' }));
  expect(within(savedList()).getAllByRole('listitem')).toHaveLength(1);
  fillRow('河东区总工会');
  expect(
    within(savedList())
      .getAllByRole('listitem')
      .map((li) => li.textContent),
  ).toEqual([expect.stringContaining('向阳路街道总工会 · 2024-03-20'), expect.stringContaining('河东区总工会')]);
  expect(loadRows('activity-summary')).toHaveLength(2);

  // another form, then back: the rows are there again
  fireEvent.click(screen.getByTestId('form-picker'));
  fireEvent.click(screen.getByRole('option', { name: /知识竞赛/ }));
  expect(screen.queryByRole('region', { name: /^已保存的/ })).toBeNull();
  fireEvent.click(screen.getByTestId('form-picker'));
  fireEvent.click(screen.getByRole('option', { name: /活动数据汇总表/ }));
  expect(within(savedList()).getAllByRole('listitem')).toHaveLength(2);

  // a reload (a new pane on the same storage)
  first.unmount();
  await openPane();
  expect(within(savedList()).getAllByRole('listitem')).toHaveLength(2);
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: '删除第 1 行（向阳路街道总工会）' }));
  });
  expect(
    within(savedList())
      .getAllByRole('listitem')
      .map((li) => li.textContent),
  ).toEqual([expect.stringContaining('河东区总工会')]);
  expect(JSON.parse(localStorage.getItem(storageKey('activity-summary'))!)).toEqual([
    expect.objectContaining({ unitName: '河东区总工会' }),
  ]);
  expect(screen.getByRole('button', { name: '下载这 1 行（CSV）' })).toBeTruthy();
}, 120_000);

test("each unit's CSV has its own name", () => {
  expect(csvName(activity, [{ unitName: '河东区总工会' }], 'zh-CN')).toBe('河东区总工会-维权行动月活动数据汇总表.csv');
  expect(csvName(activity, [{ unitName: '河西区总工会' }, { unitName: '河西区总工会' }], 'zh-CN')).toBe(
    '河西区总工会-维权行动月活动数据汇总表.csv',
  );
  expect(csvName(activity, [{ unitName: '甲' }, { unitName: '乙' }], 'zh-CN')).toBe('维权行动月活动数据汇总表（2行）.csv');
  expect(csvName(activity, [{ unitName: 'A/B 工会' }], 'en')).toMatch(/^A_B 工会-.+\.csv$/);
});

test('storage that refuses or holds rubbish loses nothing else', () => {
  localStorage.setItem(storageKey('activity-summary'), '{not json');
  expect(loadRows('activity-summary')).toEqual([]);
  localStorage.setItem(storageKey('activity-summary'), JSON.stringify([{ unitName: 'x' }, 3, null]));
  expect(loadRows('activity-summary')).toEqual([{ unitName: 'x' }]);
});
