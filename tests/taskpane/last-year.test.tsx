/** @jest-environment jsdom */
/**
 * 去年的汇总 in the 汇总 tab (the real <App>; in Excel its actions on the Office.js TEST DOUBLE,
 * not Excel; no workers in jsdom, so the roll-up runs on the page's thread): last year's roll-up
 * picked as a sheet of the workbook (remembered on `_huizong`) or as a file gives the roll-up
 * its 同比 sheet and the warning on a figure ten times its own last year — as `--last-year` does.
 */
import * as path from 'path';
import * as fs from 'fs';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { createOfficeGateway } from '../../src/excel/officeGateway';
import { App } from '../../src/taskpane/App';
import { excelActions } from '../../src/taskpane/excelActions';
import { FakeExcel } from '../excel/excelDouble';
import { installJsdomShims } from '../helpers/jsdom';
import { tempDir, trainingTable, writeXlsx } from '../helpers/workbooks';

const WAIT_MS = 120_000;
const WARNED = /I3 培训人数（人次）：1500 与本单位去年的 150 相差十倍以上/;

beforeAll(installJsdomShims);
afterEach(cleanup);

/** This year's returns, one file a unit: 乙 typed 1500 (an extra zero against its 150 last year). */
function thisYear(): File[] {
  const dir = tempDir('huizong-pane-last-year-');
  return Object.entries({ 甲工会: 110, 乙工会: 1500 }).map(([unit, training]) => {
    const file = writeXlsx(path.join(dir, `${unit}.xlsx`), [{ name: 'Sheet1', rows: trainingTable(2024, { [unit]: training }) }]);
    return new File([fs.readFileSync(file)], `${unit}.xlsx`, { lastModified: Date.UTC(2024, 2, 20) });
  });
}

function openPane(inExcel: boolean, fake?: FakeExcel) {
  render(
    <FluentProvider theme={webLightTheme}>
      <App
        detect={async () => ({ inExcel, lang: 'zh-CN' })}
        {...(fake ? { connectExcel: async () => excelActions(createOfficeGateway({ host: fake.host(), debounce: { delayMs: 0 } })) } : {})}
      />
    </FluentProvider>,
  );
}

const chooseFiles = (testId: string, files: File[]) =>
  act(async () => void fireEvent.change(screen.getByTestId(testId), { target: { files } }));

/** This year's returns chosen, and read (the button waits for them). */
async function chooseReturns() {
  await chooseFiles('returns-input', thisYear());
  await screen.findByText('已选择 2 个文件', {}, { timeout: WAIT_MS });
}

test('in Excel: a sheet of the workbook as last year, remembered there; the roll-up gets 同比 and the warning', async () => {
  const fake = new FakeExcel();
  fake.model.addSheet('Sheet1');
  fake.model.addSheet('2023汇总').setValues('A1', trainingTable(2023, { 甲工会: 100, 乙工会: 150, 丙工会: 80 }));
  fake.model.active = 'Sheet1';
  openPane(true, fake);
  await screen.findByRole('button', { name: '生成模板' }, { timeout: WAIT_MS });
  fireEvent.click(screen.getByRole('tab', { name: '汇总' }));
  const picker = (await screen.findByTestId('last-year-sheet', {}, { timeout: WAIT_MS })) as HTMLSelectElement;
  await waitFor(() => expect(within(picker).queryByRole('option', { name: '2023汇总' })).not.toBeNull());

  fireEvent.change(picker, { target: { value: '2023汇总' } });
  await screen.findByText('本工作簿的工作表“2023汇总”');
  const gateway = createOfficeGateway({ host: fake.host() });
  await waitFor(async () => expect(await gateway.readLastYearSheet()).toBe('2023汇总'));
  // Compared with, never rolled up as a unit's table.
  expect(within(screen.getByRole('group', { name: '本工作簿中的工作表' })).queryByRole('checkbox', { name: '2023汇总' })).toBeNull();

  await chooseReturns();
  fireEvent.click(screen.getByRole('button', { name: '开始汇总' }));
  await screen.findByText(/已在本工作簿中写入“汇总”“报送情况”“问题清单”三张表。另写入“同比”工作表/, {}, { timeout: WAIT_MS });
  expect(screen.getByText(WARNED)).toBeTruthy();
  const comparison = fake.model.sheet('同比')!;
  const rows = Array.from({ length: 200 }, (_, r) => [0, 1, 2, 3, 4].map((c) => comparison.value(`${'ABCDE'[c]}${r + 1}`)));
  expect(rows).toContainEqual(['合计', '', '培训人数（人次）', 1610, 330]);
  expect(rows).toContainEqual(['丙工会', '去年有、今年未报', '培训人数（人次）', '', 80]);

  // The pane opened again on this workbook: last year's sheet is still picked.
  cleanup();
  openPane(true, fake);
  await screen.findByRole('button', { name: '生成模板' }, { timeout: WAIT_MS });
  fireEvent.click(screen.getByRole('tab', { name: '汇总' }));
  await waitFor(() => expect((screen.getByTestId('last-year-sheet') as HTMLSelectElement).value).toBe('2023汇总'), { timeout: WAIT_MS });

  // 移除 forgets it in the workbook too.
  fireEvent.click(screen.getByRole('button', { name: '移除 去年的汇总（同比，可选）' }));
  await waitFor(async () => expect(await gateway.readLastYearSheet()).toBeUndefined());
});

test('in a browser: last year as a file, read as the CLI reads --last-year', async () => {
  openPane(false);
  fireEvent.click(await screen.findByRole('tab', { name: '汇总' }, { timeout: WAIT_MS }));
  const dir = tempDir('huizong-pane-last-year-file-');
  const last = writeXlsx(path.join(dir, '2023汇总.xlsx'), [{ name: '汇总', rows: trainingTable(2023, { 甲工会: 100, 乙工会: 150 }) }]);
  await chooseFiles('last-year-input', [new File([fs.readFileSync(last)], '2023汇总.xlsx')]);
  await screen.findByText('2023汇总.xlsx');
  expect(screen.queryByTestId('last-year-sheet')).toBeNull();
  await chooseReturns();
  fireEvent.click(screen.getByRole('button', { name: '开始汇总' }));
  await screen.findByText(WARNED, {}, { timeout: WAIT_MS });
  expect(screen.getByRole('button', { name: '下载汇总工作簿' })).toBeTruthy();
});

test('in a browser: a file that cannot serve says why, and the roll-up goes on without 同比', async () => {
  openPane(false);
  fireEvent.click(await screen.findByRole('tab', { name: '汇总' }, { timeout: WAIT_MS }));
  await chooseFiles('last-year-input', [new File([new Uint8Array([1, 2, 3])], '去年.xlsx')]);
  await chooseReturns();
  fireEvent.click(screen.getByRole('button', { name: '开始汇总' }));
  await screen.findByText(/去年的表无法用来同比：/, {}, { timeout: WAIT_MS });
  expect(screen.queryByText(WARNED)).toBeNull();
});
