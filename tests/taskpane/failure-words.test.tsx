/** @jest-environment jsdom */
/**
 * When something breaks in the 汇总 tab, the pane says what to do in the catalogue's words,
 * never the browser's or a library's own (those go to the console, for a maintainer): the
 * roll-up's worker crashing, and the example data not loading. Driven with a stand-in Worker
 * that records what it is sent (jsdom has none), as in kept-worker.test.ts.
 */
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { shippedForms } from '../../src/core/definitions/shipped';
import { messageFor } from '../../src/core/issues/catalogue';
import { RollupPanel } from '../../src/taskpane/panels/RollupPanel';
import type { WorkerRequest } from '../../src/taskpane/rollup/protocol';
import { installJsdomShims } from '../helpers/jsdom';

class FakeWorker {
  static made: FakeWorker[] = [];
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onerror: ((event: { message: string }) => void) | null = null;
  sent: WorkerRequest[] = [];
  constructor() {
    FakeWorker.made.push(this);
  }
  postMessage(message: WorkerRequest): void {
    this.sent.push(message);
  }
  terminate(): void {}
}

jest.mock('../../src/taskpane/rollup/workerUrl', () => ({ createRollupWorker: () => new FakeWorker() }));

const CRASH = 'Uncaught RangeError: Array buffer allocation failed';
const FETCH = 'Failed to fetch';

let logged: jest.SpyInstance;
beforeAll(installJsdomShims);
beforeEach(() => {
  (globalThis as { Worker?: unknown }).Worker = FakeWorker;
  FakeWorker.made = [];
  logged = jest.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(() => {
  cleanup();
  logged.mockRestore();
  delete (globalThis as { Worker?: unknown }).Worker;
  delete (globalThis as { HUIZONG_EXAMPLES?: unknown }).HUIZONG_EXAMPLES;
});

function panel(lang: 'zh-CN' | 'en') {
  render(
    <FluentProvider theme={webLightTheme}>
      <RollupPanel lang={lang} definitions={[...shippedForms]} formId="quiz-results" />
    </FluentProvider>,
  );
}

test.each(['zh-CN', 'en'] as const)(
  '%s: the worker crashing mid-run says the roll-up failed and what to do, not the crash',
  async (lang) => {
    panel(lang);
    const file = new File([new Uint8Array([1, 2, 3])], '和平区.xlsx');
    await act(async () => void fireEvent.change(screen.getByTestId('returns-input'), { target: { files: [file] } }));
    await screen.findByText(lang === 'en' ? '1 files chosen' : '已选择 1 个文件');
    fireEvent.click(screen.getByRole('button', { name: lang === 'en' ? 'Roll up' : '开始汇总' }));
    // The roll-up goes to the worker the peek at the file started.
    await waitFor(() => expect(FakeWorker.made[0]?.sent.map((m) => m.type ?? 'rollup')).toEqual(['peek', 'rollup']));
    act(() => FakeWorker.made[0]!.onerror?.({ message: CRASH }));
    expect(await screen.findByText(messageFor('rollup.failed', {}, lang))).toBeTruthy();
    expect(document.body.textContent).not.toContain(CRASH);
    expect(logged).toHaveBeenCalledWith(expect.objectContaining({ message: CRASH }));
  },
);

test.each(['zh-CN', 'en'] as const)(
  '%s: example data that cannot be fetched says so and what to do, not the browser’s words',
  async (lang) => {
    (globalThis as { HUIZONG_EXAMPLES?: string[] }).HUIZONG_EXAMPLES = ['河东区-2024/returns/知识竞赛情况表.xlsx'];
    const fetched = jest.fn(() => Promise.reject(new TypeError(FETCH)));
    const before = globalThis.fetch;
    globalThis.fetch = fetched;
    try {
      panel(lang);
      fireEvent.click(screen.getByRole('button', { name: lang === 'en' ? 'Use the example data' : '使用示例数据' }));
      expect(await screen.findByText(messageFor('pane.examples-unavailable', {}, lang))).toBeTruthy();
      expect(fetched).toHaveBeenCalled();
      expect(document.body.textContent).not.toContain(FETCH);
      expect(logged).toHaveBeenCalledWith(expect.objectContaining({ message: FETCH }));
    } finally {
      globalThis.fetch = before;
    }
  },
);
