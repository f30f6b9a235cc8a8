/**
 * 整个通知 in a real browser (Chromium through playwright-core), as a district outside Excel
 * uses it: the example inbox folder chosen, the materials of seed 000's notice ticked, the
 * roster file chosen; the matrix, the reminder list and the downloaded workbook. Then an inbox
 * of 400 units, cancelled while it runs (the page answers the click), and the same pane opened
 * from a folder (file://, where Chrome gives no worker) rolling up on the page.
 *
 * Needs /usr/bin/chromium (see tests/helpers/browserPane.ts); HUIZONG_PANE_DIST=<a build>
 * skips the build. Screenshots: test-output/screenshots/notice-zh.png, notice-file-url-zh.png.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import * as XLSX from '@e965/xlsx';
import type { Page } from 'playwright-core';
import { BUILD_TIMEOUT_MS, describeWithChromium, openPage, root, servePane, type ServedPane } from '../helpers/browserPane';
import { activityRow, labelsOf, writeXlsx } from '../helpers/workbooks';

const UI_TIMEOUT_MS = 120_000;
const inbox = path.join(root, 'examples/通知收件箱-2024/收件箱');
const roster = path.join(root, 'examples/通知收件箱-2024/单位名单.csv');
const screenshots = path.join(root, 'test-output/screenshots');

/** 400 units, each a folder with its summary table, an activity report and two photos. */
function bigInbox(dir: string): string {
  const top = path.join(dir, '收件箱');
  for (let i = 1; i <= 400; i++) {
    const unit = `第${i}街道总工会`;
    const folder = path.join(top, unit);
    fs.mkdirSync(folder, { recursive: true });
    writeXlsx(path.join(folder, '数据汇总表.xlsx'), [
      { name: 'Sheet1', rows: [labelsOf('activity-summary'), activityRow({ unitName: unit, parentUnit: '' })] },
    ]);
    fs.writeFileSync(path.join(folder, '活动总结.docx'), 'x');
    fs.writeFileSync(path.join(folder, '1.jpg'), 'x');
    fs.writeFileSync(path.join(folder, '2.jpg'), 'x');
  }
  return top;
}

describeWithChromium('整个通知 in Chromium (browser mode, offline)', () => {
  let served: ServedPane;
  let work: string;

  beforeAll(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'huizong-notice-browser-'));
    fs.mkdirSync(screenshots, { recursive: true });
    served = await servePane();
  }, BUILD_TIMEOUT_MS + 120_000);

  afterAll(async () => {
    await served?.close();
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  /** The pane at `url` in Chinese, office.js (and anything not local) aborted; on the 汇总 tab. */
  async function openRollup(url: string): Promise<{ page: Page; errors: string[]; close: () => Promise<void> }> {
    const {
      context,
      page,
      pageErrors: errors,
    } = await openPage(served, {
      locale: 'zh-CN',
      acceptDownloads: true,
      viewport: { width: 420, height: 900 },
    });
    await page.goto(url, { waitUntil: 'load', timeout: UI_TIMEOUT_MS });
    await page.getByRole('tab', { name: '汇总' }).click({ timeout: UI_TIMEOUT_MS });
    return { page, errors, close: () => context.close() };
  }

  /** Seed 000's notice: 典型经验, 知识竞赛活动情况表, 活动总结 and 图片 — not the summary table. */
  async function chooseSeed000(page: Page, folder: string): Promise<void> {
    await page.getByTestId('roster-input').setInputFiles(roster);
    await page.getByTestId('notice-folder-input').setInputFiles(folder);
    await page.getByRole('checkbox', { name: '数据汇总表' }).uncheck();
  }

  const matrixRow = (page: Page, unit: string) =>
    page
      .getByTestId('notice-matrix')
      .locator('tr', { has: page.getByRole('cell', { name: unit, exact: true }) })
      .locator('td')
      .allInnerTexts();

  test('the example inbox: matrix, reminders with contact and phone, the workbook downloaded; run in the worker', async () => {
    const { page, errors, close } = await openRollup(`${served.origin}/taskpane.html`);
    await chooseSeed000(page, inbox);
    await page.getByText(/^已选 \d+ 个文件$/).waitFor({ timeout: UI_TIMEOUT_MS });
    await page.getByRole('button', { name: '汇总整个通知' }).click();
    await page.getByTestId('notice-matrix').waitFor({ timeout: UI_TIMEOUT_MS });
    expect(served.requested.some((p) => /^\/rollup-worker\.[0-9a-f]+\.js$/.test(p))).toBe(true);

    const headers = await page.getByTestId('notice-matrix').locator('th').allInnerTexts();
    expect(headers).toEqual(['单位', '知识竞赛活动情况表', '典型经验', '活动总结', '图片']);
    // 大王庄: its own folder; 上杭路 sent nothing.
    expect((await matrixRow(page, '大王庄街道总工会')).slice(1, 3)).toEqual(['已收到', '已收到']);
    expect((await matrixRow(page, '上杭路街道总工会')).slice(1)).toEqual(['未报送', '未报送', '未报送', '未报送']);
    const reminder = page.getByTestId('notice-reminder').filter({ hasText: '上杭路街道总工会' });
    await expect(reminder.innerText()).resolves.toContain('13800000006');
    await expect(reminder.innerText()).resolves.toContain('陈静同志，您好！');
    await page.screenshot({ path: path.join(screenshots, 'notice-zh.png'), fullPage: true });

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '下载整个通知的汇总工作簿' }).click(),
    ]);
    const book = XLSX.read(fs.readFileSync((await download.path())!));
    expect(book.SheetNames).toEqual(expect.arrayContaining(['报送材料', '催报名单', '问题清单', '汇总-知识竞赛活动情况表']));
    expect(book.SheetNames).not.toContain('汇总-数据汇总表');
    expect(errors).toEqual([]);
    await close();
  });

  test('400 units: progress shows while it runs, and 取消 stops it', async () => {
    const { page, errors, close } = await openRollup(`${served.origin}/taskpane.html`);
    await chooseSeed000(page, bigInbox(work));
    await page.getByRole('checkbox', { name: '数据汇总表' }).check();
    await page.getByText('已选 1600 个文件').waitFor({ timeout: UI_TIMEOUT_MS });
    await page.getByRole('button', { name: '汇总整个通知' }).click();
    // The page answers while the worker reads: the progress moves, and the click on 取消 is taken.
    await page.getByText(/^已读 [1-9]\d* \/ 1600 个文件$/).waitFor({ timeout: UI_TIMEOUT_MS });
    await page.getByRole('button', { name: '取消' }).click();
    await page.getByRole('button', { name: '汇总整个通知' }).waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await page.getByRole('button', { name: '汇总整个通知' }).isEnabled()).toBe(true);
    expect(await page.getByTestId('notice-matrix').count()).toBe(0);
    expect(errors).toEqual([]);
    await close();
  });

  test('opened from a folder (file://, no worker allowed): the notice runs on the page', async () => {
    const { page, errors, close } = await openRollup(`file://${path.join(served.dist, 'taskpane.html')}`);
    await chooseSeed000(page, inbox);
    await page.getByText(/^已选 \d+ 个文件$/).waitFor({ timeout: UI_TIMEOUT_MS });
    await page.getByRole('button', { name: '汇总整个通知' }).click();
    await page.getByTestId('notice-matrix').waitFor({ timeout: UI_TIMEOUT_MS });
    expect((await matrixRow(page, '天津市第一热电厂工会')).slice(1, 2)).toEqual(['已收到']);
    await page.screenshot({ path: path.join(screenshots, 'notice-file-url-zh.png'), fullPage: true });
    expect(errors).toEqual([]);
    await close();
  });
});
