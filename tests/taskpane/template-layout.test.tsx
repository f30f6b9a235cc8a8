/** @jest-environment jsdom */
/**
 * 模板: a per-unit form offers 汇总表（横版） or 单位填报（竖版）; the card downloads under its own
 * name. A list form (many rows a unit) offers no card.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { compileForm } from '../../src/core/definitions/compile';
import { shippedForm } from '../../src/core/definitions/shipped';
import { TemplatePanel } from '../../src/taskpane/panels/TemplatePanel';

const downloads: { name: string; bytes: Uint8Array }[] = [];
jest.mock('../../src/taskpane/fileIO', () => ({ downloadBytes: (name: string, bytes: Uint8Array) => downloads.push({ name, bytes }) }));
jest.mock('../../src/files/writeCardTemplate', () => ({ writeCardTemplateWorkbook: async () => new Uint8Array([1]) }));
jest.mock('../../src/files/writeTemplate', () => ({ writeTemplateWorkbook: async () => new Uint8Array([2]) }));

beforeAll(() => {
  // jsdom lacks what Fluent's MessageBar looks for.
  class ResizeObserverShim {
    observe() {}
    unobserve() {}
    disconnect() {}
  }
  Object.defineProperty(window, 'ResizeObserver', { configurable: true, writable: true, value: ResizeObserverShim });
});

afterEach(() => {
  cleanup();
  downloads.length = 0;
});

const panel = (id: string) =>
  render(
    <FluentProvider theme={webLightTheme}>
      <TemplatePanel lang="zh-CN" form={compileForm(shippedForm(id)!)} />
    </FluentProvider>,
  );

test('a per-unit form: the card is chosen and downloaded as the card', async () => {
  panel('activity-summary');
  expect((screen.getByRole('radio', { name: '汇总表（横版）' }) as HTMLInputElement).checked).toBe(true);
  fireEvent.click(screen.getByRole('radio', { name: '单位填报（竖版）' }));
  expect(screen.getByText(/A4 纵向一页，填好后可打印盖章/)).toBeTruthy();
  fireEvent.click(screen.getByRole('button', { name: '下载模板文件' }));
  await waitFor(() => expect(downloads).toHaveLength(1));
  expect(downloads[0]!.name).toMatch(/维权行动月活动数据汇总表（单位填报）\.xlsx$/);
  expect([...downloads[0]!.bytes]).toEqual([1]);
  fireEvent.click(screen.getByRole('radio', { name: '汇总表（横版）' }));
  fireEvent.click(screen.getByRole('button', { name: '下载模板文件' }));
  await waitFor(() => expect(downloads).toHaveLength(2));
  expect([...downloads[1]!.bytes]).toEqual([2]);
});

test('a list form offers no card', () => {
  panel('typical-experience');
  expect(screen.queryByRole('radio', { name: '单位填报（竖版）' })).toBeNull();
});
