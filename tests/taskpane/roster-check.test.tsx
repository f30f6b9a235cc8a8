/** @jest-environment jsdom */
/**
 * The roster chosen in the browser version's 汇总 tab is read at once: the pane says how many
 * units it lists at each level, tells a unit's return picked by mistake for what it is, and
 * offers a blank roster to download with the columns the roll-up reads.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as XLSX from '@e965/xlsx';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { shippedForms } from '../../src/core/definitions/shipped';
import { messageFor } from '../../src/core/issues/catalogue';
import { RollupPanel } from '../../src/taskpane/panels/RollupPanel';

/** Set by a test to make reading the roster throw, as a library does on a broken file. */
let rosterReadFails: Error | undefined;
jest.mock('../../src/taskpane/rollup/checkRoster', () => {
  const actual = jest.requireActual('../../src/taskpane/rollup/checkRoster');
  return {
    ...actual,
    checkRosterFile: (...args: unknown[]) => (rosterReadFails ? Promise.reject(rosterReadFails) : actual.checkRosterFile(...args)),
  };
});
import { installJsdomShims } from '../helpers/jsdom';

const examples = path.resolve(__dirname, '../../examples/河东区-2024');
const file = (p: string) => new File([fs.readFileSync(path.join(examples, p))], path.basename(p));

beforeAll(installJsdomShims);
afterEach(cleanup);

function panel(lang: 'zh-CN' | 'en' = 'zh-CN') {
  render(
    <FluentProvider theme={webLightTheme}>
      <RollupPanel lang={lang} definitions={[...shippedForms]} formId="activity-summary" />
    </FluentProvider>,
  );
}
const chooseRoster = (f: File) => act(async () => void fireEvent.change(screen.getByTestId('roster-input'), { target: { files: [f] } }));

test('a roster file: its units counted by level', async () => {
  panel();
  await chooseRoster(file('单位名单.csv'));
  await screen.findByText('单位名单.csv：13 个单位（街道（乡镇）工会 10、基层工会 1、产业（系统）工会 2）', {}, { timeout: 60_000 });
});

test('a return picked as the roster is told for what it is', async () => {
  panel();
  await chooseRoster(file('returns/富民路街道总工会.xlsx'));
  const activity = shippedForms.find((f) => f.id === 'activity-summary')!.title['zh-CN'];
  await screen.findByText(
    `富民路街道总工会.xlsx：${messageFor('roster.is-a-return', { form: activity }, 'zh-CN')}`,
    {},
    { timeout: 60_000 },
  );
});

test('下载空白名单 gives the roster columns, contact and phone included', async () => {
  const blobs: Blob[] = [];
  const names: string[] = [];
  URL.createObjectURL = (blob: Blob) => (blobs.push(blob), 'blob:roster');
  URL.revokeObjectURL = () => {};
  const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    names.push(this.download);
  });
  panel();
  fireEvent.click(screen.getByRole('button', { name: '下载空白名单' }));
  await waitFor(() => expect(names).toEqual(['单位名单.xlsx']), { timeout: 60_000 });
  const book = XLSX.read(new Uint8Array(await blobs[0]!.arrayBuffer()));
  const rows: unknown[][] = XLSX.utils.sheet_to_json(book.Sheets['单位名单']!, { header: 1 });
  expect(rows[0]).toEqual(['单位名称', '单位层级', '上级单位', '别名', '截止日期', '联系人', '联系电话']);
  click.mockRestore();
});

test('a roster that cannot be read is said in the users’ words; the raw error goes to the console', async () => {
  rosterReadFails = new Error('End of data reached (data offset: 0x42)');
  const logged = jest.spyOn(console, 'error').mockImplementation(() => {});
  panel();
  await chooseRoster(file('单位名单.csv'));
  await screen.findByText(`单位名单.csv：${messageFor('roster.unreadable', {}, 'zh-CN')}`, {}, { timeout: 60_000 });
  expect(screen.queryByText(/End of data reached/)).toBeNull();
  expect(logged).toHaveBeenCalled();
  rosterReadFails = undefined;
  logged.mockRestore();
});

/** Han ideographs and CJK / full-width punctuation. */
const CJK = /[\u2e80-\u2fdf\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]/u;

test('the English roster hint has Chinese only in the quoted headers a user must type', () => {
  panel('en');
  const hint = screen.getByText(/^Columns:/);
  expect(hint.textContent).toContain('"联系电话" (phone)');
  expect(hint.textContent!.replace(/"[^"]*"/g, '')).not.toMatch(CJK);
});
