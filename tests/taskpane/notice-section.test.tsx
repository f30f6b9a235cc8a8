/** @jest-environment jsdom */
/**
 * 整个通知 in the pane: a folder of everything units sent is chosen, the materials ticked, and
 * the matrix, the reminder list (copied per unit and for all) and 退回修改 texts appear. No
 * document or photo is read: their File objects throw if asked for their bytes.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as XLSX from '@e965/xlsx';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { shippedForms } from '../../src/core/definitions/shipped';
import { a1 } from '../../src/core/table/grid';
import { createOfficeGateway } from '../../src/excel/officeGateway';
import { excelActions } from '../../src/taskpane/excelActions';
import { NoticeSection } from '../../src/taskpane/panels/NoticeSection';
import { FakeExcel } from '../excel/excelDouble';
import { activityRow, labelsOf, tempDir, writeCsv, writeXlsx } from '../helpers/workbooks';
import { ROSTER_ROWS } from '../notice/helpers';
import { installJsdomShims } from '../helpers/jsdom';

const downloads: { name: string; bytes: Uint8Array }[] = [];
jest.mock('../../src/taskpane/fileIO', () => ({ downloadBytes: (name: string, bytes: Uint8Array) => downloads.push({ name, bytes }) }));
/** A library failing unexpectedly on a file named 崩溃…: its own words must not reach the pane. */
const CRASH = "Cannot read properties of undefined (reading 'sheets')";
jest.mock('../../src/taskpane/rollup/readInWorker', () => {
  const actual = jest.requireActual('../../src/taskpane/rollup/readInWorker');
  return {
    readInWorker: (file: { name: string }) =>
      file.name.includes('崩溃') ? Promise.reject(new TypeError(CRASH)) : actual.readInWorker(file),
  };
});

beforeAll(installJsdomShims);
afterEach(cleanup);

const dir = tempDir('huizong-notice-pane-');

function chosen(relative: string, bytes: Uint8Array | string, readable = true): File {
  const file = new File([bytes as BlobPart], path.basename(relative), { lastModified: Date.UTC(2024, 2, 20) });
  Object.defineProperty(file, 'webkitRelativePath', { value: relative });
  if (!readable) Object.defineProperty(file, 'arrayBuffer', { value: () => Promise.reject(new Error('a document was read')) });
  return file;
}

function inbox(): File[] {
  const table = (unit: string, extra: Record<string, string | number> = {}) =>
    new Uint8Array(
      fs.readFileSync(
        writeXlsx(path.join(dir, `${unit}.xlsx`), [
          { name: 'Sheet1', rows: [labelsOf('activity-summary'), activityRow({ unitName: unit, parentUnit: '', photos: 1, ...extra })] },
        ]),
      ),
    );
  return [
    chosen('收件箱/大王庄街道总工会/数据汇总表.xlsx', table('大王庄街道总工会', { publicityEvents: '若干' })),
    chosen('收件箱/大王庄街道总工会/活动总结.docx', 'x', false),
    chosen('收件箱/大王庄街道总工会/照片/1.jpg', 'x', false),
    chosen('收件箱/二号桥数据汇总表.xlsx', table('二号桥街道总工会')),
    chosen('收件箱/合影.jpg', 'x', false),
  ];
}

test('a chosen folder rolled up as the whole notice: matrix, reminders to copy, 退回修改', async () => {
  const writeText = jest.fn(() => Promise.resolve());
  Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText } });
  const roster = new Uint8Array(fs.readFileSync(writeCsv(path.join(dir, '单位名单.csv'), ROSTER_ROWS, 'utf8-bom')));
  render(
    <FluentProvider theme={webLightTheme}>
      <NoticeSection
        lang="zh-CN"
        definitions={[...shippedForms]}
        rosterFile={{ name: '单位名单.csv', bytes: roster }}
        deadline="2099-12-31"
      />
    </FluentProvider>,
  );
  await act(async () => {
    fireEvent.change(screen.getByTestId('notice-folder-input'), { target: { files: inbox() } });
  });
  await screen.findByText('已选 5 个文件');
  // This notice asked for the summary table, the activity report and photos only.
  fireEvent.click(screen.getByRole('checkbox', { name: '知识竞赛活动情况表' }));
  fireEvent.click(screen.getByRole('checkbox', { name: '典型经验' }));
  fireEvent.click(screen.getByRole('button', { name: '汇总整个通知' }));

  const matrix = await screen.findByTestId('notice-matrix');
  const rowOf = (unit: string) => within(matrix).getByText(unit).closest('tr')!;
  expect(
    within(matrix)
      .getAllByRole('columnheader')
      .map((h) => h.textContent),
  ).toEqual(['单位', '数据汇总表', '活动总结', '图片']);
  expect([...rowOf('大王庄街道总工会').querySelectorAll('td')].slice(1).map((td) => td.textContent)).toEqual([
    '已收到',
    '已收到',
    '已收到',
  ]);
  expect([...rowOf('二号桥街道总工会').querySelectorAll('td')].slice(1).map((td) => td.textContent)).toEqual([
    '已收到',
    '未报送',
    '未报送',
  ]);

  // A cell shows its files.
  fireEvent.click(rowOf('大王庄街道总工会').querySelectorAll('td')[2]!);
  expect(screen.getByTestId('notice-cell-files').textContent).toContain('收件箱/大王庄街道总工会/活动总结.docx');

  // The reminder list: one card per unit, a copy button each and for all.
  const reminders = screen.getAllByTestId('notice-reminder');
  expect(reminders.map((r) => within(r).getByText(/^[^，。]+工会$/).textContent)).toEqual([
    '二号桥街道总工会',
    '河东区教育系统工会',
    '天津市第一热电厂工会',
  ]);
  fireEvent.click(within(reminders[0]!).getByRole('button', { name: '复制' }));
  await waitFor(() =>
    expect(writeText).toHaveBeenCalledWith(expect.stringMatching(/^李娜同志，您好！.*二号桥街道总工会尚缺：活动总结、图片/)),
  );
  fireEvent.click(screen.getByRole('button', { name: '复制全部' }));
  await waitFor(() => expect(writeText).toHaveBeenLastCalledWith(expect.stringContaining('【天津市第一热电厂工会 022-24316934】')));

  // 大王庄's table has an unreadable figure: its 退回修改 text names the cell.
  const corrections = screen.getAllByTestId('notice-correction');
  expect(corrections).toHaveLength(1);
  expect(corrections[0]!.textContent).toContain('数据汇总表.xlsx（工作表“Sheet1”）D2');
  // The photo naming no unit is listed, not guessed.
  expect(screen.getByText(/收件箱\/合影\.jpg/).textContent).toContain('不知道是哪个单位报送的');
});

/** In Excel (the Office.js double; Excel itself not run): the run writes the notice into the workbook, or nothing. */
test.each([false, true])('in Excel the whole notice is written into the open workbook (a sync failing: %s)', async (failing) => {
  const fake = new FakeExcel();
  fake.model.addSheet('其他').setValues('A1', [['用户自己的表']]);
  fake.model.active = '其他';
  const actions = excelActions(createOfficeGateway({ host: fake.host() }));
  const roster = new Uint8Array(fs.readFileSync(writeCsv(path.join(dir, '单位名单.csv'), ROSTER_ROWS, 'utf8-bom')));
  render(
    <FluentProvider theme={webLightTheme}>
      <NoticeSection
        lang="zh-CN"
        definitions={[...shippedForms]}
        rosterFile={{ name: '单位名单.csv', bytes: roster }}
        deadline="2099-12-31"
        writeToWorkbook={(result, forms, unit) => actions.writeNotice(result, forms, 'zh-CN', unit)}
      />
    </FluentProvider>,
  );
  await act(async () => {
    fireEvent.change(screen.getByTestId('notice-folder-input'), { target: { files: inbox() } });
  });
  await screen.findByText('已选 5 个文件');
  if (failing) fake.failSync(3);
  fireEvent.click(screen.getByRole('button', { name: '汇总整个通知' }));
  const status = await screen.findByTestId('notice-written');
  if (failing) {
    expect(status.textContent).toMatch(/^写入本工作簿未完成：/);
    // Put back: only the user's sheet, as it was.
    expect(fake.model.sheet('报送材料')).toBeUndefined();
    expect(fake.model.sheet('催报名单')).toBeUndefined();
    // The workbook is offered as a download instead, made when asked for.
    downloads.length = 0;
    fireEvent.click(screen.getByRole('button', { name: '改为下载整个通知的汇总工作簿' }));
    await waitFor(() => expect(downloads).toHaveLength(1));
    expect(downloads[0]!.name).toBe('通知汇总.xlsx');
    expect(XLSX.read(downloads[0]!.bytes).SheetNames).toEqual(expect.arrayContaining(['报送材料', '催报名单', '问题清单']));
  } else {
    expect(screen.queryByRole('button', { name: '改为下载整个通知的汇总工作簿' })).toBeNull();
    expect(status.textContent).toBe('已写入本工作簿：报送材料、催报名单、问题清单及各表汇总。');
    expect(JSON.stringify([...fake.model.sheet('催报名单')!.values])).toContain('二号桥街道总工会');
    expect(fake.model.sheet('报送材料')).toBeDefined();
  }
  expect(fake.model.sheet('其他')!.value('A1')).toBe('用户自己的表');
});

test('in Excel the ticks come from the workbook when the pane opens, and an untick is remembered there', async () => {
  const fake = new FakeExcel();
  fake.model.addSheet('其他');
  const gateway = createOfficeGateway({ host: fake.host() });
  await gateway.writeNoticeMaterials(['activity-summary', 'activity-report', 'photos']);
  const actions = excelActions(gateway);
  const remember = { read: actions.readNoticeMaterials, write: actions.writeNoticeMaterials };
  render(
    <FluentProvider theme={webLightTheme}>
      <NoticeSection lang="zh-CN" definitions={[...shippedForms]} rememberMaterials={remember} />
    </FluentProvider>,
  );
  const box = (name: string) => (screen.getByRole('checkbox', { name }) as HTMLInputElement).checked;
  await waitFor(() => expect(box('典型经验')).toBe(false));
  expect(box('知识竞赛活动情况表')).toBe(false);
  expect(box('图片')).toBe(true);
  fireEvent.click(screen.getByRole('checkbox', { name: '图片' }));
  await waitFor(async () => expect(await gateway.readNoticeMaterials()).toEqual(['activity-summary', 'activity-report']));
});

/** In Excel (the Office.js double; Excel itself not run): sheets of the workbook are returns too. */
test('in Excel the roster and units’ tables may be sheets of the workbook, read in one go when the run starts', async () => {
  const fake = new FakeExcel();
  fake.model.addSheet('单位名单').setValues('A1', [ROSTER_ROWS[0]!]);
  // 第一热电厂's table, pasted into the workbook by hand.
  fake.model
    .addSheet('第一热电厂')
    .setValues('A1', [
      labelsOf('activity-summary'),
      activityRow({ unitName: '天津市第一热电厂工会', parentUnit: '', photos: 1 }).map((v) => v ?? ''),
    ]);
  const actions = excelActions(createOfficeGateway({ host: fake.host() }));
  const readWorkbook = jest.fn(() => actions.readWorkbookSources(['第一热电厂'], '单位名单', 'zh-CN'));
  render(
    <FluentProvider theme={webLightTheme}>
      <NoticeSection
        lang="zh-CN"
        definitions={[...shippedForms]}
        rosterSheet="单位名单"
        workbookSheets={['第一热电厂']}
        readWorkbook={readWorkbook}
        deadline="2099-12-31"
        writeToWorkbook={(result, forms, unit) => actions.writeNotice(result, forms, 'zh-CN', unit)}
      />
    </FluentProvider>,
  );
  // A roster is chosen: no call to choose one; the ticked sheet is said to be taken in.
  expect(screen.queryByText(/请先在上方选择单位名单/)).toBeNull();
  expect(screen.getByTestId('notice-sheets').textContent).toMatch(/^另含上方勾选的本工作簿中的 1 个工作表：第一热电厂（/);
  // The ticked sheet alone is something to roll up.
  expect((screen.getByRole('button', { name: '汇总整个通知' }) as HTMLButtonElement).disabled).toBe(false);
  await act(async () => {
    fireEvent.change(screen.getByTestId('notice-folder-input'), { target: { files: inbox() } });
  });
  await screen.findByText('已选 5 个文件');
  // The roster sheet filled in after it was picked: read as it is at the run.
  fake.model.sheet('单位名单')!.setValues('A1', ROSTER_ROWS);
  fireEvent.click(screen.getByRole('button', { name: '汇总整个通知' }));
  const matrix = await screen.findByTestId('notice-matrix');
  expect(readWorkbook).toHaveBeenCalledTimes(1);
  const rowOf = (unit: string) => [...within(matrix).getByText(unit).closest('tr')!.querySelectorAll('td')].map((td) => td.textContent);
  expect(rowOf('天津市第一热电厂工会').slice(0, 2)).toEqual(['天津市第一热电厂工会', '已收到']);
  fireEvent.click(within(matrix).getByText('天津市第一热电厂工会').closest('tr')!.querySelectorAll('td')[1]!);
  expect(screen.getByTestId('notice-cell-files').textContent).toContain('本工作簿/第一热电厂');
  expect(rowOf('河东区教育系统工会')[1]).toBe('未报送');
  // Written into the workbook: 第一热电厂 has its table, only what else is missing is chased.
  await screen.findByTestId('notice-written');
  const reminders = fake.model.sheet('催报名单')!;
  const rows = JSON.stringify([...reminders.values]);
  expect(rows).toContain('河东区教育系统工会');
  expect(rows).toMatch(/天津市第一热电厂工会尚缺：[^"]*活动总结/);
  expect(rows).not.toMatch(/天津市第一热电厂工会尚缺：[^"]*数据汇总表/);
  expect(fake.model.sheet('第一热电厂')!.value('A2')).toBe('天津市第一热电厂工会');
});

test('the checks between a unit’s materials are shown, with the cell to look at', async () => {
  const table = new Uint8Array(
    fs.readFileSync(
      writeXlsx(path.join(dir, 'photos.xlsx'), [
        { name: 'Sheet1', rows: [labelsOf('activity-summary'), activityRow({ unitName: '大王庄街道总工会', parentUnit: '', photos: 3 })] },
      ]),
    ),
  );
  const roster = new Uint8Array(fs.readFileSync(writeCsv(path.join(dir, '单位名单.csv'), ROSTER_ROWS, 'utf8-bom')));
  render(
    <FluentProvider theme={webLightTheme}>
      <NoticeSection lang="zh-CN" definitions={[...shippedForms]} rosterFile={{ name: '单位名单.csv', bytes: roster }} />
    </FluentProvider>,
  );
  await act(async () => {
    fireEvent.change(screen.getByTestId('notice-folder-input'), {
      target: { files: [chosen('大王庄/数据汇总表.xlsx', table), chosen('大王庄/1.jpg', 'x', false)] },
    });
  });
  fireEvent.click(screen.getByRole('button', { name: '汇总整个通知' }));
  const cross = await screen.findByTestId('notice-cross-form');
  const cell = a1(1, labelsOf('activity-summary').indexOf('报送图片（张）'));
  expect(cross.textContent).toContain('各材料之间需核对（1 处）');
  expect(cross.textContent).toContain(`大王庄/数据汇总表.xlsx ${cell}：“大王庄街道总工会”的数据汇总表填报报送图片 3 张，实际收到图片 1 张`);
});

function photosInbox(): File[] {
  const table = new Uint8Array(
    fs.readFileSync(
      writeXlsx(path.join(dir, 'photos.xlsx'), [
        { name: 'Sheet1', rows: [labelsOf('activity-summary'), activityRow({ unitName: '大王庄街道总工会', parentUnit: '', photos: 3 })] },
      ]),
    ),
  );
  return [chosen('大王庄/数据汇总表.xlsx', table), chosen('大王庄/1.jpg', 'x', false)];
}

async function runInEnglish(files: File[]) {
  const roster = new Uint8Array(fs.readFileSync(writeCsv(path.join(dir, '单位名单.csv'), ROSTER_ROWS, 'utf8-bom')));
  render(
    <FluentProvider theme={webLightTheme}>
      <NoticeSection lang="en" definitions={[...shippedForms]} rosterFile={{ name: '单位名单.csv', bytes: roster }} />
    </FluentProvider>,
  );
  await act(async () => {
    fireEvent.change(screen.getByTestId('notice-folder-input'), { target: { files } });
  });
  fireEvent.click(screen.getByRole('button', { name: 'Roll up the whole notice' }));
}

test('in English the checks between materials read as English, with no Chinese punctuation', async () => {
  await runInEnglish(photosInbox());
  const cross = await screen.findByTestId('notice-cross-form');
  const cell = a1(1, labelsOf('activity-summary').indexOf('报送图片（张）'));
  expect(cross.textContent).toContain(`大王庄/数据汇总表.xlsx ${cell}: "大王庄街道总工会" gives 3 photos in the activity summary`);
  expect(cross.textContent).not.toContain('：');
});

test('a run that fails says what to do, in the pane’s language, not the library’s words', async () => {
  const logged = jest.spyOn(console, 'error').mockImplementation(() => {});
  try {
    await runInEnglish([chosen('大王庄/崩溃-数据汇总表.xlsx', 'x')]);
    const bar = await screen.findByText(/^The whole notice did not finish: /);
    expect(bar.textContent).toContain('Something unexpected went wrong while rolling up');
    expect(bar.textContent).toContain('please try again');
    expect(document.body.textContent).not.toContain(CRASH);
    // The library's words are kept for whoever looks into it.
    expect(logged).toHaveBeenCalledWith(expect.objectContaining({ message: CRASH }));
  } finally {
    logged.mockRestore();
  }
});
