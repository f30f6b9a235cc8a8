/**
 * 整个通知 in EXCEL MODE, in Chromium, on the Office.js TEST DOUBLE (not Excel): the harness
 * page of tests/browser/excel-mode.test.ts. The roster is the workbook's 单位名单 sheet (filled
 * in with the example inbox's units, contacts and phones after it was picked: read as it is at
 * the run); 上杭路's table, pasted into the workbook as a sheet, is ticked; the example inbox
 * folder is chosen, the notice runs in the pane's worker over the files and the sheet, and
 * 报送材料, 催报名单 and each form's sheets are written into the workbook, the user's sheets untouched.
 *
 * Needs /usr/bin/chromium. HUIZONG_EXCEL_HARNESS_DIST=<a harness build> skips the build.
 * Screenshot: test-output/screenshots/excel-notice-zh.png.
 */
import fs from 'fs';
import path from 'path';
import { BUILD_TIMEOUT_MS, describeWithChromium, openPage, root, servePane, type ServedPane } from '../helpers/browserPane';
import { activityRow, labelsOf } from '../helpers/workbooks';
import type { HuizongDouble } from './excel-harness/index';

const UI_TIMEOUT_MS = 120_000;
const inbox = path.join(root, 'examples/通知收件箱-2024/收件箱');
const rosterCsv = path.join(root, 'examples/通知收件箱-2024/单位名单.csv');
const screenshots = path.join(root, 'test-output/screenshots');

/** The example roster's rows (单位名称 … 联系电话), as typed into the workbook's 单位名单 sheet. */
function rosterRows(): string[][] {
  return fs
    .readFileSync(rosterCsv, 'utf8')
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/)
    .map((line) => line.split(','));
}

describeWithChromium('整个通知 in Excel mode, on the Office.js test double (not Excel), in Chromium', () => {
  let served: ServedPane;

  beforeAll(async () => {
    fs.mkdirSync(screenshots, { recursive: true });
    served = await servePane({
      config: path.join(__dirname, 'excel-harness/webpack.harness.js'),
      envDist: 'HUIZONG_EXCEL_HARNESS_DIST',
      outputVar: 'HUIZONG_HARNESS_DIST',
    });
  }, BUILD_TIMEOUT_MS + 120_000);

  afterAll(async () => {
    await served?.close();
  });

  test('the roster and a unit’s table are sheets of the workbook; the notice is written into the workbook', async () => {
    const { context, page, pageErrors: errors } = await openPage(served, { locale: 'zh-CN', viewport: { width: 420, height: 900 } });
    await page.goto(`${served.origin}/harness.html`, { waitUntil: 'load', timeout: UI_TIMEOUT_MS });
    const double = <K extends keyof HuizongDouble>(name: K, ...args: Parameters<HuizongDouble[K]>) =>
      page.evaluate(([n, a]) => (window.__huizongDouble as unknown as Record<string, (...x: unknown[]) => unknown>)[n]!(...a), [
        name,
        args,
      ] as const) as Promise<Awaited<ReturnType<HuizongDouble[K]>>>;
    await page.getByRole('tab', { name: '汇总' }).click({ timeout: UI_TIMEOUT_MS });

    await page.getByTestId('roster-sheet').selectOption('单位名单', { timeout: UI_TIMEOUT_MS });
    // Filled in after it was picked: the run reads it as it is then.
    const rows = rosterRows();
    await double('edit', '单位名单', 'A1', [...rows, ...Array.from({ length: 3 }, () => rows[0]!.map(() => ''))]);
    // 上杭路 sent no file: its table was pasted into the workbook, and is ticked as a unit's table.
    await double('addSheet', '上杭路', [
      labelsOf('activity-summary'),
      activityRow({ unitName: '上杭路街道总工会', parentUnit: '河东区总工会' }).map((v) => v ?? ''),
    ]);
    await page.getByRole('button', { name: '刷新列表' }).click();
    await page.getByTestId('workbook-sheets').getByRole('checkbox', { name: '上杭路' }).check({ timeout: UI_TIMEOUT_MS });
    await page
      .getByTestId('notice-sheets')
      .getByText(/另含上方勾选的本工作簿中的 1 个工作表：上杭路/)
      .waitFor({ timeout: UI_TIMEOUT_MS });
    await page.getByTestId('notice-folder-input').setInputFiles(inbox);
    await page.getByText(/^已选 \d+ 个文件$/).waitFor({ timeout: UI_TIMEOUT_MS });
    // Seed 001's notice: 活动总结 and 数据汇总表 only.
    for (const name of ['知识竞赛活动情况表', '典型经验', '图片']) await page.getByRole('checkbox', { name }).uncheck();
    await page.getByRole('button', { name: '汇总整个通知' }).click();
    await page.getByTestId('notice-written').waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await page.getByTestId('notice-written').innerText()).toBe('已写入本工作簿：报送材料、催报名单、问题清单及各表汇总。');
    expect(served.requested.some((p) => /^\/rollup-worker\.[0-9a-f]+\.js$/.test(p))).toBe(true);
    // The picker says what the run read: six units, not the three of the sheet when it was picked.
    await page.getByText('工作表“单位名单”：6 个单位').waitFor({ timeout: UI_TIMEOUT_MS });

    const sheets = await double('sheets');
    expect(sheets).toEqual(expect.arrayContaining(['报送材料', '催报名单', '汇总-数据汇总表', '报送情况-数据汇总表', '问题清单']));
    expect(sheets).not.toContain('汇总-知识竞赛活动情况表');
    // The user's sheets stay.
    expect(await double('value', '单位名单', 'A2')).toBe('大王庄街道总工会');
    // 上杭路's table came as a sheet: received; its 活动总结 is still chased, with the contact
    // and phone from the roster sheet.
    const materials = (await double('rows', '报送材料'))!;
    const shanghangRow = materials.find((r) => r[0] === '上杭路街道总工会')!;
    // Unit, level, deadline, then 数据汇总表's 状态 and 日期, 活动总结's.
    expect(['已收到', '逾期']).toContain(shanghangRow[3]);
    expect(shanghangRow[5]).toBe('未报送');
    const reminders = (await double('rows', '催报名单'))!;
    const shanghang = reminders.find((r) => r[0] === '上杭路街道总工会')!;
    expect(shanghang.slice(3, 5)).toEqual(['陈静', '13800000006']);
    expect(String(shanghang[5])).toMatch(/^陈静同志，您好！.*上杭路街道总工会尚缺：活动总结/);
    expect(String(shanghang[5])).not.toContain('数据汇总表');
    // The sheet stays as the user pasted it.
    expect(await double('value', '上杭路', 'A2')).toBe('上杭路街道总工会');
    await page.screenshot({ path: path.join(screenshots, 'excel-notice-zh.png'), fullPage: true });
    expect(errors).toEqual([]);
    await context.close();
  });
});
