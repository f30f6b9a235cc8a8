/**
 * The task pane in EXCEL MODE, in a real browser (Chromium through playwright-core) — with the
 * Office.js TEST DOUBLE (tests/excel/excelDouble.ts) standing in for Excel. Excel does not run
 * here: the page is tests/browser/excel-harness/index.tsx, the real <App> told it is in Excel
 * and given excelActions() on a createOfficeGateway() over the double. The page shows a banner
 * saying so ("测试替身：这里不是 Excel"), and so does every screenshot.
 *
 * What this checks that the Node tests (tests/excel/actions.test.ts) do not: the pane's own
 * buttons, lists and messages wired to the Excel actions, in a browser, with the roll-up read
 * in the page's worker and written into the "workbook":
 *
 *  a. 校验 → 校验本表 on a returned table of 30 rows: the Chinese summary, issues grouped by
 *     row, ≤ 4 syncs, marks in the sheet; clicking an issue selects its cell; 清除标记 removes
 *     the marks;
 *  b. 模板 → 生成模板: a new sheet with the table, ≤ 2 syncs;
 *  c. 汇总 of the example district's returns: 汇总, 报送情况 and 问题清单 written in ≤ 4 syncs,
 *     the 合计 row as the CLI's totals on the same files; clicking an issue selects its row in
 *     问题清单;
 *  d. the pane in English (?lang=en);
 *  e. 汇总 with this workbook: chosen files propose their form; the roster is the workbook's
 *     单位名单 sheet; the returned table already in the workbook is ticked and rolled up with
 *     the files (one read of the workbook, ≤ 4 syncs to write); one of its issues selects its
 *     cell; 新建空白单位名单表 adds 单位名单(2) beside the user's own.
 *
 * One build of the harness page (./excel-harness/webpack.harness.js, the project's webpack
 * config with another entry) into a temp folder, served on 127.0.0.1; every other origin is
 * refused. Needs /usr/bin/chromium (Debian's; never downloaded): without it the file is skipped
 * locally and FAILS under CI.
 *
 * Screenshots go to test-output/screenshots/ (excel-validate-zh.png, excel-template-zh.png,
 * excel-rollup-zh.png, excel-en.png, excel-rollup-workbook-zh.png).
 *
 * HUIZONG_EXCEL_HARNESS_DIST=<folder of an existing harness build> skips the build (for working
 * on this test only; the folder is then left alone).
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import type { Locator, Page } from 'playwright-core';
import type { HuizongDouble } from './excel-harness/index';
import {
  BUILD_TIMEOUT_MS,
  cliRollup,
  describeWithChromium,
  openPage,
  root,
  servePane,
  type OpenPage,
  type ServedPane,
} from '../helpers/browserPane';

const UI_TIMEOUT_MS = 120_000;
const ROLLUP_TIMEOUT_MS = 120_000;
const TEST_TIMEOUT_MS = 4 * 60 * 1000;

const HARNESS_CONFIG = path.join(__dirname, 'excel-harness/webpack.harness.js');
const BANNER = '测试替身：这里不是 Excel（Office.js test double）';
const exampleDir = path.join(root, 'examples/河东区-2024');
const screenshots = path.join(root, 'test-output/screenshots');
/** The returned table the harness puts in the double (tests/excel/scenarios.ts). */
const SHEET = '各单位报送';
const ROWS = 30;

/** The activity form's field labels → ids (forms/activity-summary.json). */
function fieldIdsByLabel(): Map<string, string> {
  const form = JSON.parse(fs.readFileSync(path.join(root, 'forms/activity-summary.json'), 'utf8')) as {
    schema: { properties: Record<string, { title: string }> };
  };
  return new Map(Object.entries(form.schema.properties).map(([id, p]) => [p.title, id]));
}

// ── The page ────────────────────────────────────────────────────────────────────────────────

interface Pane extends OpenPage {
  /** Requests to any origin but the harness server (refused). */
  foreign: string[];
}

async function visible(locator: Locator, timeout = UI_TIMEOUT_MS): Promise<Locator> {
  await locator.waitFor({ state: 'visible', timeout });
  return locator;
}

type Ask = { [K in keyof HuizongDouble]: HuizongDouble[K] extends (...args: infer A) => infer R ? (...args: A) => Promise<R> : never };

/** The double behind the page, asked through `window.__huizongDouble`. */
function doubleOf(page: Page): Ask {
  const call = (name: keyof HuizongDouble, args: unknown[]) =>
    page.evaluate(
      ([n, a]) => {
        const double = window.__huizongDouble as unknown as Record<string, (...xs: unknown[]) => unknown> | undefined;
        if (!double) throw new Error('the harness page has no __huizongDouble');
        return double[n as string]!(...(a as unknown[]));
      },
      [name, args] as const,
    );
  return new Proxy({} as Ask, {
    get:
      (_, name: string) =>
      (...args: unknown[]) =>
        call(name as keyof HuizongDouble, args),
  });
}

/** Polls `read` until `done` holds (or the time is up), and returns the last value read. */
async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeout = UI_TIMEOUT_MS): Promise<T> {
  const end = Date.now() + timeout;
  let value = await read();
  while (!done(value) && Date.now() < end) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    value = await read();
  }
  return value;
}

describeWithChromium('the task pane in Excel mode, on the Office.js test double (not Excel), in Chromium', () => {
  let served: ServedPane;
  let work: string;
  const panes: Pane[] = [];

  beforeAll(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'huizong-excel-mode-'));
    fs.mkdirSync(screenshots, { recursive: true });
    served = await servePane({ config: HARNESS_CONFIG, envDist: 'HUIZONG_EXCEL_HARNESS_DIST', outputVar: 'HUIZONG_HARNESS_DIST' });
    if (!fs.existsSync(path.join(served.dist, 'harness.html'))) throw new Error(`no harness.html in ${served.dist}`);
  }, BUILD_TIMEOUT_MS + 120_000);

  afterAll(async () => {
    await Promise.allSettled(panes.map((p) => p.context.close()));
    await served?.close();
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  /** A fresh context (so a fresh double) with harness.html open, once the pane is in Excel mode. */
  async function openPane(lang: 'zh-CN' | 'en'): Promise<Pane> {
    const foreign: string[] = [];
    const viewport = { width: 420, height: 900 };
    const pane: Pane = {
      ...(await openPage(served, { locale: lang === 'en' ? 'en-US' : 'zh-CN', viewport }, (url) => foreign.push(url))),
      foreign,
    };
    panes.push(pane);
    const { page } = pane;
    await page.goto(`${served.origin}/harness.html${lang === 'en' ? '?lang=en' : ''}`, { waitUntil: 'load', timeout: UI_TIMEOUT_MS });
    // Never mistaken for Excel: the banner is above the pane.
    await visible(page.getByText(BANNER, { exact: true }));
    // Excel mode: the template tab offers the in-workbook button once the actions are connected.
    await visible(page.getByRole('button', { name: lang === 'en' ? 'Create the template' : '生成模板', exact: true }));
    return pane;
  }

  async function closePane(pane: Pane): Promise<void> {
    expect(pane.pageErrors).toEqual([]);
    expect(pane.foreign).toEqual([]);
    await pane.context.close();
    panes.splice(panes.indexOf(pane), 1);
  }

  test(
    '校验本表: the summary in Chinese, issues by row, marks in ≤ 4 syncs; an issue selects its cell; 清除标记 clears',
    async () => {
      const pane = await openPane('zh-CN');
      const { page } = pane;
      const double = doubleOf(page);
      expect(await page.getByText('未检测到 Excel').count()).toBe(0);
      expect(await double.active()).toBe(SHEET);
      expect(await double.marks(SHEET)).toBe(0);

      await (await visible(page.getByRole('tab', { name: '校验' }))).click();
      const check = await visible(page.getByRole('button', { name: '校验本表', exact: true }));
      await double.reset();
      await check.click();
      const summary = await visible(
        page.getByText(
          new RegExp(
            `^工作表“${SHEET}”：维权行动月活动数据汇总表，${ROWS} 行数据，\\d+ 个错误，\\d+ 个警告。出错的单元格已标红，需核对的标黄。$`,
          ),
        ),
      );
      // Read (1) + marks (≤ 2) + registering the change watch (1).
      expect(await double.syncs()).toBeLessThanOrEqual(4);
      expect(await double.marks(SHEET)).toBeGreaterThan(0);
      // The summary is a MessageBar's.
      expect(await summary.evaluate((el) => el.closest('.fui-MessageBar') !== null)).toBe(true);

      // Issues grouped by row: 若干 on rows 12, 22, 32 (every 10th unit), a broken phone on 15 and 28.
      const list = await visible(page.getByTestId('issue-list'));
      const groups = await list.locator('section').evaluateAll((sections) => sections.map((s) => s.getAttribute('aria-label')));
      for (const row of [12, 15, 22, 28, 32]) expect(groups).toContain(`工作表“${SHEET}”第 ${row} 行`);
      const [errors, warnings] = (/(\d+) 个错误，(\d+) 个警告/.exec(await summary.innerText()) ?? []).slice(1).map(Number);
      expect(errors).toBeGreaterThan(0);
      expect(warnings).toBeGreaterThan(0);
      expect(await list.getByText('错误', { exact: true }).count()).toBe(errors);
      expect(await list.getByText('警告', { exact: true }).count()).toBe(warnings);
      const row12 = list.getByRole('region', { name: `工作表“${SHEET}”第 12 行`, exact: true });
      const ruoGan = row12.getByRole('button', { name: 'D12 开展宣传活动（场次）：“若干”不是整数，请填写不小于0的整数', exact: true });
      await page.screenshot({ path: path.join(screenshots, 'excel-validate-zh.png'), fullPage: true });

      // A click selects the cell in the double.
      await double.reset();
      await (await visible(ruoGan)).click();
      expect(
        await until(
          () => double.selected(SHEET),
          (s) => s === 'D12',
        ),
      ).toBe('D12');
      expect(await double.active()).toBe(SHEET);
      expect(await double.syncs()).toBe(1);

      // The unit corrects D12 in "Excel": the pane re-checks by itself (the change watch) and
      // the list loses the 若干 of row 12.
      await double.edit(SHEET, 'D12', [[12]]);
      await visible(
        page.getByText(
          new RegExp(`^工作表“${SHEET}”：维权行动月活动数据汇总表，${ROWS} 行数据，${errors! - 1} 个错误，${warnings} 个警告。`),
        ),
      );
      await row12.waitFor({ state: 'detached', timeout: UI_TIMEOUT_MS });
      expect(await double.marks(SHEET)).toBeGreaterThan(0);

      // 清除标记: our marks go, and so do the summary and the list.
      await page.getByRole('button', { name: '清除标记', exact: true }).click();
      expect(
        await until(
          () => double.marks(SHEET),
          (n) => n === 0,
        ),
      ).toBe(0);
      await page.getByTestId('issue-list').waitFor({ state: 'detached', timeout: UI_TIMEOUT_MS });
      expect(await page.getByText(new RegExp(`^工作表“${SHEET}”：`)).count()).toBe(0);
      await closePane(pane);
    },
    TEST_TIMEOUT_MS,
  );

  test(
    '生成模板: a new sheet with the table in ≤ 2 syncs',
    async () => {
      const pane = await openPane('zh-CN');
      const { page } = pane;
      const double = doubleOf(page);
      const before = await double.sheets();
      await double.reset();
      await page.getByRole('button', { name: '生成模板', exact: true }).click();
      await visible(page.getByText('已在本工作簿中新建模板工作表，带下拉选项和输入提示。', { exact: true }));
      expect(await double.syncs()).toBeLessThanOrEqual(2);

      const added = (await double.sheets()).filter((name) => !before.includes(name) && name !== '_huizong');
      expect(added).toHaveLength(1);
      const sheet = added[0]!;
      // The form's table: an Excel table whose header row holds the labels (＊ before required ones).
      const [table, ...more] = await double.tables(sheet);
      expect(more).toEqual([]);
      const top = Number(/^A(\d+):/.exec(table!.range)?.[1]);
      const rows = (await double.rows(sheet))!;
      const header = rows[top - 1]!.map((label) => String(label).replace(/^＊/, ''));
      expect(header).toEqual(
        expect.arrayContaining(['填报单位', '单位层级', '开展宣传活动（场次）', '宣传活动参与人数（人次）', '填表人']),
      );
      expect(String(rows[0]?.[0])).toMatch(/^\d{4}年女职工维权行动月活动数据汇总表$/);
      // The returned table is left as it was.
      expect(await double.value(SHEET, 'A3')).toBe('第1基层工会');

      // Again: one more sheet, under a name of its own.
      await double.reset();
      await page.getByRole('button', { name: '生成模板', exact: true }).click();
      await until(
        () => double.sheets(),
        (names) => names.length > before.length + 2,
      );
      const again = (await double.sheets()).filter((name) => !before.includes(name) && name !== '_huizong' && name !== sheet);
      expect(again).toHaveLength(1);
      expect(await double.tables(again[0]!)).toHaveLength(1);
      expect(await double.syncs()).toBeLessThanOrEqual(2);
      await visible(page.getByText('已在本工作簿中新建模板工作表，带下拉选项和输入提示。', { exact: true }));
      await page.screenshot({ path: path.join(screenshots, 'excel-template-zh.png'), fullPage: true });
      await closePane(pane);
    },
    TEST_TIMEOUT_MS,
  );

  test(
    '汇总 into the workbook: three sheets in ≤ 4 syncs, 合计 as the CLI gives; an issue selects its row in 问题清单',
    async () => {
      const names = fs.readdirSync(path.join(exampleDir, 'returns')).sort();
      const roster = path.join(exampleDir, '单位名单.csv');
      const report = await cliRollup(path.join(exampleDir, 'returns'), names, roster, path.join(work, 'cli-rollup.xlsx'));

      const pane = await openPane('zh-CN');
      const { page } = pane;
      const double = doubleOf(page);
      await (await visible(page.getByRole('tab', { name: '汇总' }))).click();
      await page.getByTestId('returns-input').setInputFiles(names.map((name) => path.join(exampleDir, 'returns', name)));
      await visible(page.getByText(`已选择 ${names.length} 个文件`, { exact: true }));
      await page.getByTestId('roster-input').setInputFiles(roster);
      // Read when chosen: its units are counted by level.
      await visible(page.getByText(/^单位名单\.csv：13 个单位（/));
      await page.getByLabel('截止日期').fill('2024-03-25');

      // The files are read in the page (its worker); only writing the result talks to "Excel".
      await double.reset();
      await page.getByRole('button', { name: '开始汇总', exact: true }).click();
      await visible(page.getByText('已在本工作簿中写入“汇总”“报送情况”“问题清单”三张表。', { exact: true }), ROLLUP_TIMEOUT_MS);
      expect(await double.syncs()).toBeLessThanOrEqual(4);
      // In Excel the result is in the workbook: no download is offered.
      expect(await page.getByRole('button', { name: '下载汇总工作簿' }).count()).toBe(0);
      expect(await double.sheets()).toEqual(expect.arrayContaining([SHEET, '汇总', '报送情况', '问题清单']));

      // 合计 of 汇总: the CLI's totals on the same files.
      const rows = (await double.rows('汇总'))!;
      const header = rows.find((r) => r[0] === '填报单位' && r.includes('开展宣传活动（场次）'));
      const total = rows.find((r) => r[0] === '合计');
      expect(header).toBeDefined();
      expect(total).toBeDefined();
      const totalOf = (label: string) => total![header!.indexOf(label)];
      const counted = report.rows.filter((r) => r.status === 'counted');
      const publicity = counted.reduce((sum, r) => sum + (typeof r.values.publicityEvents === 'number' ? r.values.publicityEvents : 0), 0);
      expect(report.totals.publicityEvents).toBe(publicity);
      expect(totalOf('开展宣传活动（场次）')).toBe(publicity);
      let compared = 0;
      for (const [label, id] of fieldIdsByLabel()) {
        if (!header!.includes(label) || typeof report.totals[id] !== 'number') continue;
        expect([label, totalOf(label)]).toEqual([label, report.totals[id]]);
        compared++;
      }
      expect(compared).toBeGreaterThan(20);

      // The counts shown are the CLI's.
      const counts = await page
        .getByTestId('rollup-counts')
        .evaluate((el) =>
          Object.fromEntries(Array.from(el.children).map((c) => [c.children[1]?.textContent ?? '', Number(c.children[0]?.textContent)])),
        );
      const units = (status: string) => report.units.filter((u) => u.status === status).length;
      expect(counts).toMatchObject({
        已接收文件: report.files.filter((f) => f.status === 'accepted').length,
        已拒收文件: report.files.filter((f) => f.status === 'rejected').length,
        计入行数: counted.length,
        已报送单位: units('reported'),
        逾期单位: units('late'),
        未报送单位: units('missing'),
      });
      await page.screenshot({ path: path.join(screenshots, 'excel-rollup-zh.png'), fullPage: true });

      // An issue of the list selects its row in 问题清单, whose 说明 is the message (the
      // last one listed: the list is grouped by file, 问题清单 is not).
      const link = page.getByTestId('issue-list').getByRole('button').last();
      const message = (await (await visible(link)).innerText()).trim();
      await double.reset();
      await link.click();
      const selected = await until(
        () => double.selected('问题清单'),
        (s) => s !== undefined,
      );
      expect(selected).toMatch(/^A(\d+):H\1$/);
      expect(await double.active()).toBe('问题清单');
      expect(await double.syncs()).toBe(1);
      const row = Number(/^A(\d+)/.exec(selected!)![1]);
      expect(await double.value('问题清单', `H${row}`)).toBe(message);
      await closePane(pane);
    },
    TEST_TIMEOUT_MS,
  );

  test(
    '汇总 with this workbook: files propose the form, a roster sheet, the table in the workbook rolled up; its issue selects its cell',
    async () => {
      const names = ['向阳楼街道总工会.xlsx', '第一热电厂工会.xlsx', '知识竞赛情况表.xlsx'];
      const pane = await openPane('zh-CN');
      const { page } = pane;
      const double = doubleOf(page);
      await (await visible(page.getByRole('tab', { name: '汇总' }))).click();
      const sheets = await visible(page.getByRole('group', { name: '本工作簿中的工作表' }));
      // The returned table is offered; the roster sheet is not.
      await visible(sheets.getByRole('checkbox', { name: SHEET }));
      expect(await sheets.getByRole('checkbox', { name: '单位名单' }).count()).toBe(0);

      await page.getByTestId('returns-input').setInputFiles(names.map((name) => path.join(exampleDir, 'returns', name)));
      const proposal = await visible(page.getByTestId('form-proposal'));
      await visible(
        proposal.getByText('根据所选文件的表头，建议使用：《维权行动月活动数据汇总表》（3 个文件中 2 个匹配）', { exact: true }),
      );
      await visible(proposal.getByText(/^1 个是《.*知识竞赛活动情况表》：知识竞赛情况表\.xlsx$/));
      expect(await page.getByTestId('form-picker').innerText()).toContain('维权行动月活动数据汇总表');

      // The roster: the workbook's 单位名单 sheet (1 sync to read it).
      await double.reset();
      await page.getByTestId('roster-sheet').selectOption('单位名单');
      await visible(page.getByText('工作表“单位名单”：3 个单位', { exact: true }));
      expect(await double.syncs()).toBe(1);

      await sheets.getByRole('checkbox', { name: SHEET }).check();
      await visible(
        proposal.getByText('根据所选文件的表头，建议使用：《维权行动月活动数据汇总表》（4 个文件和工作表中 3 个匹配）', { exact: true }),
      );

      await double.reset();
      await page.getByRole('button', { name: '开始汇总', exact: true }).click();
      await visible(page.getByText('已在本工作簿中写入“汇总”“报送情况”“问题清单”三张表。', { exact: true }), ROLLUP_TIMEOUT_MS);
      // One read of the ticked sheet and the roster sheet, ≤ 4 to write, 1 to list the sheets again.
      expect(
        await until(
          () => double.syncs(),
          (n) => n >= 5,
        ),
      ).toBeLessThanOrEqual(6);
      const counts = await page
        .getByTestId('rollup-counts')
        .evaluate((el) =>
          Object.fromEntries(Array.from(el.children).map((c) => [c.children[1]?.textContent ?? '', Number(c.children[0]?.textContent)])),
        );
      expect(counts).toMatchObject({ 已接收文件: 3, 已拒收文件: 1, 已报送单位: 2, 未报送单位: 1 });
      // The units of the table in the workbook are in 汇总 beside those of the files.
      const summary = (await double.rows('汇总'))!;
      expect(summary.some((r) => r[0] === '第30基层工会')).toBe(true);
      expect(summary.some((r) => String(r[0]).includes('热电厂'))).toBe(true);
      // The roll-up's sheets are never offered for rolling up.
      await until(
        () => sheets.innerText(),
        (text) => !text.includes('报送情况'),
      );
      expect(await sheets.innerText()).not.toContain('问题清单');
      await page.screenshot({ path: path.join(screenshots, 'excel-rollup-workbook-zh.png'), fullPage: true });

      // 若干 on row 12 of the table in the workbook: a click selects D12 there, not a line of 问题清单.
      const group = await visible(page.getByTestId('issue-list').getByRole('region', { name: `本工作簿/${SHEET}`, exact: true }));
      await double.reset();
      await group.getByRole('button', { name: 'D12 开展宣传活动（场次）：“若干”不是整数，请填写不小于0的整数', exact: true }).click();
      expect(
        await until(
          () => double.selected(SHEET),
          (s) => s === 'D12',
        ),
      ).toBe('D12');
      expect(await double.active()).toBe(SHEET);
      expect(await double.syncs()).toBe(1);

      // 新建空白单位名单表: the user's 单位名单 stays, the new sheet is 单位名单(2) and becomes the roster.
      await double.reset();
      await page.getByRole('button', { name: '新建空白单位名单表', exact: true }).click();
      await visible(page.getByText(/本工作簿已有“单位名单”工作表，没有改动它；新表名为“单位名单\(2\)”。/));
      expect(await double.value('单位名单', 'A2')).toBe('第1基层工会');
      expect((await double.rows('单位名单(2)'))![0]).toEqual([
        '单位名称',
        '单位层级',
        '上级单位',
        '别名',
        '截止日期',
        '联系人',
        '联系电话',
      ]);
      expect(await page.getByTestId('roster-sheet').inputValue()).toBe('单位名单(2)');
      expect(await double.syncs()).toBeLessThanOrEqual(3);
      await closePane(pane);
    },
    TEST_TIMEOUT_MS,
  );

  test(
    'speaks English with ?lang=en',
    async () => {
      const pane = await openPane('en');
      const { page } = pane;
      const double = doubleOf(page);
      await visible(page.getByRole('heading', { level: 1, name: 'Huizong', exact: true }));
      expect(await page.getByText('Excel not detected').count()).toBe(0);
      const tabs = await page.getByRole('tab').allInnerTexts();
      expect(tabs.map((t) => t.trim())).toEqual(['Template', 'Enter', 'Check', 'Roll up']);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
      await page.getByRole('tab', { name: 'Check' }).click();
      await page.getByRole('button', { name: 'Check this sheet', exact: true }).click();
      await visible(
        page.getByText(new RegExp(`^Sheet "${SHEET}": Rights Protection Action Month.*, ${ROWS} data rows, \\d+ errors, \\d+ warnings\\.`)),
      );
      await visible(page.getByRole('region', { name: `Sheet "${SHEET}", row 12`, exact: true }));
      await visible(page.getByRole('button', { name: 'Clear marks', exact: true }));
      expect(await double.marks(SHEET)).toBeGreaterThan(0);
      await page.screenshot({ path: path.join(screenshots, 'excel-en.png'), fullPage: true });
      await closePane(pane);
    },
    TEST_TIMEOUT_MS,
  );
});
