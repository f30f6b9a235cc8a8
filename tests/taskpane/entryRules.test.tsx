/** @jest-environment jsdom */
/**
 * The entry form refuses what 校验 rejects: the same value and cross-field rules run before 保存,
 * each message at its field (tests/core/entryCheck.test.ts: the saved row's CSV passes 校验).
 */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { compileForm } from '../../src/core/definitions/compile';
import { shippedForm } from '../../src/core/definitions/shipped';
import { messageFor } from '../../src/core/issues/catalogue';
import { EntryForm } from '../../src/taskpane/EntryForm';
import { excelError } from '../excel/excelDouble';
import { installJsdomShims } from '../helpers/jsdom';

const TODAY = '2026-12-05';

beforeAll(installJsdomShims);
afterEach(cleanup);

const activity = compileForm(shippedForm('activity-summary')!);

function renderEntry(lang: 'zh-CN' | 'en' = 'zh-CN') {
  const onSave = jest.fn();
  render(
    <FluentProvider theme={webLightTheme}>
      <EntryForm form={activity} lang={lang} onSave={onSave} today={TODAY} />
    </FluentProvider>,
  );
  return onSave;
}

function control(label: string): HTMLElement {
  const found = screen
    .getAllByLabelText(label, { exact: true, normalizer: (t) => t.replace(/\s*\*$/, '').trim() })
    .filter((el) => el.getAttribute('role') !== 'listbox');
  if (found.length !== 1) throw new Error(`${found.length} controls labelled ${label}`);
  return found[0]!;
}
const type = (label: string, value: string) => fireEvent.change(control(label), { target: { value } });
const fieldOf = (label: string) => control(label).closest('.fui-Field') as HTMLElement;
const save = (name = '保存') => fireEvent.click(screen.getByRole('button', { name }));

function fillValid() {
  type('填报单位', '河东区总工会');
  fireEvent.click(control('单位层级'));
  fireEvent.click(screen.getByRole('option', { name: '区（市）县总工会' }));
  type('开展宣传活动（场次）', '3');
  type('宣传活动参与人数（人次）', '100');
  type('其中女职工（人次）', '60');
  type('新签女职工专项集体合同（份）', '1');
  type('有效期内女职工专项集体合同（份）', '3');
  type('填表人', '张三');
  type('联系电话', '13812345678');
  type('填表日期', '2026-11-20');
}

test('the four rows the issue saw saved are refused, each message at its field', () => {
  const onSave = renderEntry();
  fillValid();
  type('其中女职工（人次）', '500');
  type('新签女职工专项集体合同（份）', '5');
  type('联系电话', '12345');
  type('填表日期', '2027-03-01');
  save();
  expect(onSave).not.toHaveBeenCalled();
  expect(within(fieldOf('其中女职工（人次）')).getByText(/500，不应大于“宣传活动参与人数（人次）”（100）/)).toBeTruthy();
  expect(within(fieldOf('新签女职工专项集体合同（份）')).getByText(/5，不应大于“有效期内女职工专项集体合同（份）”（3）/)).toBeTruthy();
  expect(within(fieldOf('联系电话')).getByText(/“12345”不是有效的电话号码/)).toBeTruthy();
  expect(within(fieldOf('填表日期')).getByText(/2027-03-01晚于今天（2026-12-05）/)).toBeTruthy();
  expect(control('联系电话').getAttribute('aria-invalid')).toBe('true');
  expect(screen.getByText('还有 4 项需要修改')).toBeTruthy();
  expect(screen.queryByText('已保存')).toBeNull();
  // the first field in error (in the form's order) has the focus
  expect(document.activeElement).toBe(control('其中女职工（人次）'));

  // corrected, the row is saved, and the form starts again empty: a second 保存 saves nothing
  type('其中女职工（人次）', '50');
  type('新签女职工专项集体合同（份）', '2');
  type('联系电话', '022-24316934');
  type('填表日期', '2026-12-01');
  save();
  expect(onSave).toHaveBeenCalledTimes(1);
  expect(screen.getByText('已保存')).toBeTruthy();
  expect((control('填报单位') as HTMLInputElement).value).toBe('');
  expect((control('其中女职工（人次）') as HTMLInputElement).value).toBe('');
  save();
  expect(onSave).toHaveBeenCalledTimes(1);
});

test('a rule message shows once the field is left, before any 保存', () => {
  renderEntry();
  fillValid();
  type('其中女职工（人次）', '500');
  fireEvent.blur(control('其中女职工（人次）'));
  expect(within(fieldOf('其中女职工（人次）')).getByText(/不应大于/)).toBeTruthy();
  // fixing the other side of the rule clears it
  type('宣传活动参与人数（人次）', '600');
  expect(within(fieldOf('其中女职工（人次）')).queryByText(/不应大于/)).toBeNull();
});

test('English messages at the field when the pane is English', () => {
  const onSave = renderEntry('en');
  type('Phone', '12345');
  fireEvent.blur(control('Phone'));
  expect(within(fieldOf('Phone')).getByText(/"12345" is not a valid phone number/)).toBeTruthy();
  save('Save');
  expect(onSave).not.toHaveBeenCalled();
});

test('保存 Excel refuses says what to do in plain words, never Office’s own message', async () => {
  const onSave = renderEntry();
  const logged = jest.spyOn(console, 'error').mockImplementation(() => {});
  try {
    // A code the pane knows says how to go on …
    onSave.mockRejectedValueOnce(excelError('InvalidOperationInCellEditMode', 'Excel is in cell-editing mode.'));
    fillValid();
    save();
    expect(await screen.findByText('保存失败')).toBeTruthy();
    expect(screen.getByText(messageFor('excel.cell-edit', {}, 'zh-CN'))).toBeTruthy();
    // … one it does not know says something unexpected went wrong; Office's words go to the console.
    const unknown = excelError('InvalidArgument', 'The argument is invalid or missing or has an incorrect format.');
    onSave.mockRejectedValueOnce(unknown);
    save();
    expect(await screen.findByText(messageFor('pane.unexpected', {}, 'zh-CN'))).toBeTruthy();
    expect(document.body.textContent).not.toContain('argument is invalid');
    expect(logged).toHaveBeenCalledWith(unknown);
  } finally {
    logged.mockRestore();
  }
});
