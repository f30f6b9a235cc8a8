/** @jest-environment jsdom */
/**
 * The 汇总 tab as a union staff member uses it in Excel (the real <App>, its Excel actions on
 * the Office.js TEST DOUBLE — not Excel; no workers in jsdom, so the peek and the roll-up run
 * on the page's thread): choosing files proposes their form and selects it; the roster is a
 * sheet of the workbook; a unit's table pasted into the workbook is ticked and rolled up with
 * the files; clicking one of its issues selects the cell in that sheet; 新建空白单位名单表 adds a
 * roster sheet beside the user's own.
 */
import * as fs from 'fs';
import * as path from 'path';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { shippedForm } from '../../src/core/definitions/shipped';
import { createOfficeGateway } from '../../src/excel/officeGateway';
import { App } from '../../src/taskpane/App';
import { excelActions } from '../../src/taskpane/excelActions';
import { FakeExcel } from '../excel/excelDouble';
import { returnedTable } from '../excel/scenarios';
import { installJsdomShims } from '../helpers/jsdom';

/** How long to wait for what will appear: generous, since a passing test never waits it out. */
const WAIT_MS = 120_000;

const examples = path.resolve(__dirname, '../../examples/河东区-2024/returns');
const ACTIVITY = shippedForm('activity-summary')!.title['zh-CN'];
const QUIZ = shippedForm('quiz-results')!.title['zh-CN'];

beforeAll(installJsdomShims);

afterEach(cleanup);

function exampleFile(name: string): File {
  return new File([fs.readFileSync(path.join(examples, name))], name, { lastModified: Date.UTC(2024, 2, 20) });
}

/** A workbook with a unit's table pasted in (河东甲, at B3), the user's own 单位名单 and a blank sheet. */
function workbook(): FakeExcel {
  const fake = new FakeExcel();
  fake.model.addSheet('Sheet1');
  fake.model.addSheet('河东甲').setValues('B3', returnedTable(12));
  fake.model.addSheet('单位名单').setValues('A1', [
    ['单位名称', '单位层级', '上级单位', '别名', '截止日期'],
    ['第1基层工会', '基层工会', '河东区总工会', '', ''],
    ['向阳楼街道总工会', '街道（乡镇）工会', '河东区总工会', '', ''],
  ]);
  fake.model.active = 'Sheet1';
  return fake;
}

async function openRollupTab(fake: FakeExcel) {
  render(
    <FluentProvider theme={webLightTheme}>
      <App
        detect={async () => ({ inExcel: true, lang: 'zh-CN' })}
        connectExcel={async () => excelActions(createOfficeGateway({ host: fake.host(), debounce: { delayMs: 0 } }))}
      />
    </FluentProvider>,
  );
  // Excel mode once the actions are connected (the template tab offers the in-workbook button).
  await screen.findByRole('button', { name: '生成模板' }, { timeout: WAIT_MS });
  fireEvent.click(screen.getByRole('tab', { name: '汇总' }));
  // The workbook's sheets are listed: the pasted table, not the roster.
  return within(await screen.findByRole('group', { name: '本工作簿中的工作表' }, { timeout: WAIT_MS }));
}

const chooseFiles = (files: File[]) => act(async () => void fireEvent.change(screen.getByTestId('returns-input'), { target: { files } }));
const formShown = () => screen.getByTestId('form-picker').textContent ?? '';

test('files propose their form; a roster sheet and a ticked sheet of the workbook are rolled up with the files', async () => {
  const fake = workbook();
  const sheets = await openRollupTab(fake);
  await waitFor(() => expect(sheets.getByRole('checkbox', { name: '河东甲' })).toBeTruthy());
  expect(sheets.queryByRole('checkbox', { name: '单位名单' })).toBeNull();
  expect(formShown()).toContain(ACTIVITY);

  // A quiz table chosen: the pane proposes the quiz form and selects it.
  await chooseFiles([exampleFile('知识竞赛情况表.xlsx')]);
  await screen.findByText(`根据所选文件的表头，建议使用：《${QUIZ}》（1 个文件中 1 个匹配）`, {}, { timeout: WAIT_MS });
  await waitFor(() => expect(formShown()).toContain(QUIZ));

  // The district's returns instead (one of them corrupt): the activity form, and the odd one named.
  fireEvent.click(screen.getByRole('button', { name: '清空' }));
  await chooseFiles(['向阳楼街道总工会.xlsx', '第一热电厂工会.xlsx', '富民路街道总工会.xlsx', '损坏的文件.xlsx'].map(exampleFile));
  const proposal = await screen.findByTestId('form-proposal', {}, { timeout: WAIT_MS });
  await waitFor(() => expect(proposal.textContent).toContain(`根据所选文件的表头，建议使用：《${ACTIVITY}》（4 个文件中 3 个匹配）`), {
    timeout: WAIT_MS,
  });
  expect(proposal.textContent).toContain('1 个没有认出任何表单（不是报表或无法打开）：损坏的文件.xlsx');
  await waitFor(() => expect(formShown()).toContain(ACTIVITY));

  // The person may still choose another form; the proposal then offers to go back.
  fireEvent.click(screen.getByTestId('form-picker'));
  fireEvent.click(await screen.findByRole('option', { name: QUIZ }));
  await waitFor(() => expect(formShown()).toContain(QUIZ));
  fireEvent.click(within(screen.getByTestId('form-proposal')).getByRole('button', { name: `改用《${ACTIVITY}》` }));
  await waitFor(() => expect(formShown()).toContain(ACTIVITY));

  // The roster: the workbook's 单位名单 sheet, with its units counted.
  fireEvent.change(screen.getByTestId('roster-sheet'), { target: { value: '单位名单' } });
  await screen.findByText('工作表“单位名单”：2 个单位');

  // The pasted table ticked: its header joins the proposal.
  fireEvent.click(sheets.getByRole('checkbox', { name: '河东甲' }));
  await waitFor(() => expect(screen.getByTestId('form-proposal').textContent).toContain('（5 个文件和工作表中 4 个匹配）'), {
    timeout: WAIT_MS,
  });

  fake.resetCounts();
  fireEvent.click(screen.getByRole('button', { name: '开始汇总' }));
  await screen.findByText('已在本工作簿中写入“汇总”“报送情况”“问题清单”三张表。', {}, { timeout: WAIT_MS });
  // One read of the ticked sheet and the roster sheet, ≤ 4 to write the three sheets, then the list again.
  expect(fake.syncs).toBeLessThanOrEqual(1 + 4 + 1);
  const counts = screen.getByTestId('rollup-counts').textContent ?? '';
  expect(counts).toContain('4已接收文件');
  expect(counts).toContain('1已拒收文件');
  // 第1基层工会 of the roster sheet reported on the pasted sheet.
  expect(counts).toContain('1已报送单位');

  // An issue of the pasted sheet selects its cell there: 若干 of the 10th unit, at E14 (pasted at B3).
  const group = within(await screen.findByRole('region', { name: '本工作簿/河东甲' }));
  fake.resetCounts();
  fireEvent.click(group.getByRole('button', { name: /^E14 开展宣传活动（场次）：“若干”不是整数/ }));
  await waitFor(() => expect(fake.model.sheet('河东甲')!.selected).toBe('E14'));
  expect(fake.model.active).toBe('河东甲');
  expect(fake.syncs).toBe(1);
  // The roll-up's own sheets are not offered for rolling up.
  await waitFor(() => expect(screen.getByRole('group', { name: '本工作簿中的工作表' }).textContent).not.toContain('问题清单'));
});

test("新建空白单位名单表 never replaces the user's 单位名单: it adds 单位名单(2) and picks it as the roster", async () => {
  const fake = workbook();
  await openRollupTab(fake);
  fake.resetCounts();
  fireEvent.click(screen.getByRole('button', { name: '新建空白单位名单表' }));
  await screen.findByText(/本工作簿已有“单位名单”工作表，没有改动它；新表名为“单位名单\(2\)”。/);
  expect(fake.model.sheet('单位名单')!.value('A2')).toBe('第1基层工会');
  expect(fake.model.sheet('单位名单(2)')!.value('A1')).toBe('单位名称');
  expect((screen.getByTestId('roster-sheet') as HTMLSelectElement).value).toBe('单位名单(2)');
  // 2 to create the sheet, 1 to list the sheets again.
  expect(fake.syncs).toBeLessThanOrEqual(3);

  // Filled in afterwards: the roll-up reads it as it is now, and the count under it says so.
  fake.model.sheet('单位名单(2)')!.setValues('A2', [['第1基层工会', '基层工会', '河东区总工会', '', '']]);
  fireEvent.click(within(screen.getByRole('group', { name: '本工作簿中的工作表' })).getByRole('checkbox', { name: '河东甲' }));
  fireEvent.click(screen.getByRole('button', { name: '开始汇总' }));
  await screen.findByText('已在本工作簿中写入“汇总”“报送情况”“问题清单”三张表。', {}, { timeout: WAIT_MS });
  await screen.findByText('工作表“单位名单(2)”：1 个单位');
  expect(screen.getByTestId('rollup-counts').textContent).toContain('1已报送单位');
});

test('a ticked sheet deleted before the roll-up: the pane says so in plain words and lists the sheets again', async () => {
  const fake = workbook();
  const sheets = await openRollupTab(fake);
  fireEvent.click(await sheets.findByRole('checkbox', { name: '河东甲' }));
  fake.model.sheets = fake.model.sheets.filter((s) => s.name !== '河东甲');
  fireEvent.click(screen.getByRole('button', { name: '开始汇总' }));
  const failed = await screen.findByText('汇总没有完成', {}, { timeout: WAIT_MS });
  expect(failed.parentElement!.textContent).toContain(
    '读取本工作簿的工作表失败：找不到要用的工作表或区域（可能刚被删除或改名）：请刷新工作表列表后再试。',
  );
  await waitFor(() => expect(screen.getByRole('group', { name: '本工作簿中的工作表' }).textContent).not.toContain('河东甲'));
});
