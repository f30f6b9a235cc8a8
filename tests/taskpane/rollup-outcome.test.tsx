/** @jest-environment jsdom */
/**
 * What the 汇总 tab shows once a run ends, in the browser version: 取消 leaves “已取消”, not a
 * silent return to nothing; the outcome is scrolled into view (in a 420 px pane it lands below
 * the fold); 清空 takes the files and the last outcome away together. The roll-up itself is a
 * stand-in here, so that 取消 always comes while it runs.
 */
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { shippedForms } from '../../src/core/definitions/shipped';
import type { RollupResult } from '../../src/core/rollup/types';
import { RollupPanel } from '../../src/taskpane/panels/RollupPanel';
import { installJsdomShims } from '../helpers/jsdom';
import { quizRollup } from '../helpers/quizRollup';

let finish: ((result: RollupResult) => void) | undefined;
jest.mock('../../src/taskpane/rollup/startRollup', () => {
  const actual = jest.requireActual('../../src/taskpane/rollup/startRollup');
  return {
    ...actual,
    startRollup: () => {
      let reject: (error: unknown) => void = () => {};
      const done = new Promise((resolve, rej) => {
        reject = rej;
        finish = (result) => resolve({ type: 'done', result });
      });
      return { done, cancel: () => reject(new actual.RollupCancelled()) };
    },
  };
});

beforeAll(installJsdomShims);
afterEach(cleanup);

const CANCELLED = '已取消汇总。可以改选文件后重新开始。';

async function panelWithAFile() {
  render(
    <FluentProvider theme={webLightTheme}>
      <RollupPanel lang="zh-CN" definitions={[...shippedForms]} formId="quiz-results" />
    </FluentProvider>,
  );
  const file = new File([new Uint8Array([1, 2, 3])], '和平区.xlsx');
  await act(async () => void fireEvent.change(screen.getByTestId('returns-input'), { target: { files: [file] } }));
  await screen.findByText('已选择 1 个文件');
  fireEvent.click(screen.getByRole('button', { name: '开始汇总' }));
  return screen.findByRole('button', { name: '取消' });
}

test('取消 says the run was cancelled; 清空 takes that away with the files', async () => {
  fireEvent.click(await panelWithAFile());
  await screen.findByText(CANCELLED);
  expect(screen.getByRole('button', { name: '开始汇总' })).toBeTruthy();

  fireEvent.click(screen.getByRole('button', { name: '清空' }));
  await waitFor(() => expect(screen.queryByText(CANCELLED)).toBeNull());
  expect(screen.queryByText('已选择 1 个文件')).toBeNull();
});

test('a finished run is scrolled into view, and 清空 clears its result', async () => {
  const scrolled: Element[] = [];
  const scroll = jest.spyOn(Element.prototype, 'scrollIntoView').mockImplementation(function (this: Element) {
    scrolled.push(this);
  });
  await panelWithAFile();
  await act(async () => finish!(quizRollup()));
  const counts = await screen.findByTestId('rollup-counts');
  // What was brought into view is what holds the result.
  expect(scrolled.some((element) => element.contains(counts))).toBe(true);

  fireEvent.click(screen.getByRole('button', { name: '清空' }));
  await waitFor(() => expect(screen.queryByTestId('rollup-counts')).toBeNull());
  scroll.mockRestore();
});
