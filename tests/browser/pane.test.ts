/**
 * The task pane in a real browser (Chromium through playwright-core), as a user outside Excel
 * sees it: one production build (as `npm run build`) served by a tiny static HTTP server on
 * 127.0.0.1, office.js from Office's CDN blocked (the machine is offline; the pane must fall back
 * to the file features without waiting or throwing).
 *
 *  - the pane in Chinese (zh-CN browser) and English (en-US browser);
 *  - the entry form (填写) in Chinese, with the Chinese required-field message;
 *  - a full roll-up of the example district's returns, plus an .xlsx and an .xls written by
 *    LibreOffice, in the browser: the downloaded workbook is compared with the CLI's result on
 *    the same files;
 *  - 使用示例数据 (the bundled examples, served from dist/examples) and a roll-up on them;
 *  - the JS taskpane.html loads at start stays under 300 KB gzip.
 *
 * Needs /usr/bin/chromium (Debian's; never downloaded): without it the file is skipped locally
 * and FAILS under CI (.ci/run installs chromium). The LibreOffice-made returns follow
 * describeWithOffice: left out locally without soffice, a failure under CI.
 *
 * Screenshots go to test-output/screenshots/ (pane-zh.png, entry-zh.png, rollup-zh.png,
 * examples-zh.png, last-year-zh.png, pane-en.png).
 *
 * HUIZONG_PANE_DIST=<folder of an existing production build> skips the build (for working on
 * this test only; the folder is then left alone).
 */
import fs from 'fs';
import http from 'http';
import os from 'os';
import path from 'path';
import zlib from 'zlib';
import * as XLSX from '@e965/xlsx';
import type { Locator, Page } from 'playwright-core';
import { compileForm } from '../../src/core/definitions/compile';
import { shippedForms } from '../../src/core/definitions/shipped';
import { rollUpFiles } from '../../src/files/rollupFiles';
import { writeRollupWorkbook } from '../../src/files/writeRollup';
import { MISSING_SOFFICE_MESSAGE, convertWithLibreOffice, findSoffice, isCI } from '../helpers/libreoffice';
import { activityRow, trainingTable, writeXlsx } from '../helpers/workbooks';
import {
  BUILD_TIMEOUT_MS,
  cliRollup,
  describeWithChromium,
  OFFICE_JS,
  openPage,
  root,
  servePane,
  type CliReport,
  type OpenPage,
  type ServedPane,
} from '../helpers/browserPane';

const INITIAL_JS_LIMIT = 300 * 1024;
const UI_TIMEOUT_MS = 120_000;
const ROLLUP_TIMEOUT_MS = 120_000;
const TEST_TIMEOUT_MS = 4 * 60 * 1000;

const exampleDir = path.join(root, 'examples/河东区-2024');
/** The CLI is asked for what the pane's 汇总单位 is given. */
const UNIT = ['--unit', '河东区总工会'];
const screenshots = path.join(root, 'test-output/screenshots');

// ── Returns written by LibreOffice ──────────────────────────────────────────────────────────

interface FormJson {
  schema: { properties: Record<string, { type: string; title: string }> };
}

/** Plausible figures that pass every rule of activity-summary (AS-R01…R12). */
const FIGURES: Record<string, number> = {
  publicityEvents: 7,
  publicityParticipants: 300,
  publicityFemale: 180,
  materialsDistributed: 500,
  trainingSessions: 2,
  trainingParticipants: 60,
  quizSessions: 1,
  quizParticipants: 40,
  quizFemale: 25,
  contractsNew: 1,
  contractsInForce: 3,
  contractsSingle: 1,
  contractsRegional: 1,
  contractsIndustry: 1,
  contractEnterprises: 5,
  contractEmployees: 800,
  contractFemale: 350,
  complianceChecks: 2,
  inspections: 3,
  inspectedEmployers: 4,
  inspectedFemale: 120,
  problemsFound: 2,
  problemsRectified: 2,
  rectificationNotices: 1,
  casesHandled: 1,
  casesClosed: 1,
  casesFemale: 1,
  photos: 10,
  experiences: 1,
  mediaReports: 2,
};

/** A valid one-row activity-summary return as CSV, under the form's own labels. */
function returnCsv(unit: string, publicityEvents: number): string {
  const form = JSON.parse(fs.readFileSync(path.join(root, 'forms/activity-summary.json'), 'utf8')) as FormJson;
  const props = form.schema.properties;
  const ids = Object.keys(props);
  const text: Record<string, string> = {
    unitName: unit,
    unitLevel: '基层工会',
    parentUnit: '河东区总工会',
    contactPerson: '张某',
    contactPhone: '022-24351087',
    contactEmail: 'test@example.com',
    fillDate: '2024-03-20',
  };
  const value = (id: string) =>
    id === 'publicityEvents' ? publicityEvents : props[id]!.type === 'integer' ? (FIGURES[id] ?? 1) : (text[id] ?? '');
  return [ids.map((id) => props[id]!.title).join(','), ids.map(value).join(',')].join('\r\n') + '\r\n';
}

/**
 * Two returns of units not in the examples: an .xlsx and an .xls, each converted by LibreOffice
 * from a CSV built here (two units, so neither supersedes the other).
 */
async function libreOfficeReturns(dir: string): Promise<string[]> {
  const csvDir = path.join(dir, 'csv');
  fs.mkdirSync(csvDir, { recursive: true });
  const made: string[] = [];
  for (const [unit, events, ext] of [
    ['天津市河东区某某工会', 7, 'xlsx'],
    ['天津市河东区某某公司工会', 11, 'xls'],
  ] as const) {
    const csv = path.join(csvDir, `${unit}.csv`);
    fs.writeFileSync(csv, returnCsv(unit, events));
    made.push(await convertWithLibreOffice(csv, ext, path.join(dir, 'lo')));
  }
  return made;
}

// ── Reading the roll-up workbook ────────────────────────────────────────────────────────────

type Cell = string | number | boolean | null;

function sheetRows(book: XLSX.WorkBook, name: string): Cell[][] {
  const sheet = book.Sheets[name];
  if (!sheet) throw new Error(`no sheet ${name}`);
  return XLSX.utils.sheet_to_json<Cell[]>(sheet, { header: 1, defval: null, blankrows: true });
}

/** 汇总: the 合计 row as label → value, under the field-label header row. */
function totalRow(book: XLSX.WorkBook): Record<string, Cell> {
  const rows = sheetRows(book, '汇总');
  const header = rows.find((r) => r[0] === '填报单位' && r.includes('开展宣传活动（场次）'));
  const total = rows.find((r) => r[0] === '合计');
  if (!header || !total) throw new Error('汇总 has no header or 合计 row');
  return Object.fromEntries(header.map((label, i) => [String(label), total[i] ?? null]));
}

/** 报送情况: the units table as [单位名称, 状态] pairs, in order. */
function unitStatuses(book: XLSX.WorkBook): [string, string][] {
  const rows = sheetRows(book, '报送情况');
  const start = rows.findIndex((r) => r[0] === '单位名称');
  if (start < 0) throw new Error('报送情况 has no units table');
  const col = rows[start]!.indexOf('状态');
  const out: [string, string][] = [];
  for (const row of rows.slice(start + 1)) {
    if (row[0] === null || row[0] === '') break;
    out.push([String(row[0]), String(row[col])]);
  }
  return out;
}

// ── The page ────────────────────────────────────────────────────────────────────────────────

interface Pane extends OpenPage {
  officeRequests: string[];
}

async function visible(locator: Locator, timeout = UI_TIMEOUT_MS): Promise<Locator> {
  await locator.waitFor({ state: 'visible', timeout });
  return locator;
}

/** The rollup counts as label → number. */
async function rollupCounts(page: Page): Promise<Record<string, number>> {
  const pairs = await page
    .getByTestId('rollup-counts')
    .evaluate((el) => Array.from(el.children).map((c) => [c.children[1]?.textContent ?? '', c.children[0]?.textContent ?? '']));
  return Object.fromEntries(pairs.map(([label, value]) => [label, Number(value)]));
}

function expectedCounts(report: CliReport): Record<string, number> {
  const units = (status: string) => report.units.filter((u) => u.status === status).length;
  return {
    已接收文件: report.files.filter((f) => f.status === 'accepted').length,
    已拒收文件: report.files.filter((f) => f.status === 'rejected').length,
    计入行数: report.rows.filter((r) => r.status === 'counted').length,
    已报送单位: units('reported'),
    逾期单位: units('late'),
    未报送单位: units('missing'),
    // One issue per counted row off the roster; in these fixtures each such row is its own unit.
    不在名单的单位: report.issues.filter((i) => i.rule === 'rollup.not-on-roster').length,
  };
}

describeWithChromium('the task pane in Chromium (browser mode, offline)', () => {
  let served: ServedPane;
  let work: string;
  let extras: Promise<string[] | Error | null>;
  const panes: Pane[] = [];

  beforeAll(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'huizong-pane-'));
    fs.mkdirSync(screenshots, { recursive: true });

    // LibreOffice works while webpack builds.
    if (findSoffice()) {
      extras = libreOfficeReturns(work).catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))));
    } else if (isCI()) {
      extras = Promise.resolve(new Error(MISSING_SOFFICE_MESSAGE));
    } else {
      console.warn(`Rolling up without the LibreOffice-made returns: ${MISSING_SOFFICE_MESSAGE}`);
      extras = Promise.resolve(null);
    }

    served = await servePane();
  }, BUILD_TIMEOUT_MS + 120_000);

  afterAll(async () => {
    await Promise.allSettled(panes.map((p) => p.context.close()));
    await served?.close();
    // Let a still-running LibreOffice conversion finish before its folder goes.
    if (extras) await extras;
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  /** A fresh context in `locale` with taskpane.html open; office.js (and anything not ours) aborted. */
  async function openPane(locale: 'zh-CN' | 'en-US'): Promise<Pane> {
    const officeRequests: string[] = [];
    const options = { locale, acceptDownloads: true, viewport: { width: 420, height: 900 } };
    const open = await openPage(served, options, (url) => {
      if (url === OFFICE_JS) officeRequests.push(url);
    });
    const pane: Pane = { ...open, officeRequests };
    panes.push(pane);
    const { page } = pane;
    await page.goto(`${served.origin}/taskpane.html`, { waitUntil: 'load', timeout: UI_TIMEOUT_MS });
    return pane;
  }

  /** The status of a GET of `rawPath`, sent as is (fetch would normalise dot segments). */
  function statusOf(rawPath: string): Promise<number> {
    return new Promise((resolve, reject) => {
      const { hostname, port } = new URL(served.origin);
      http
        .get({ hostname, port, path: rawPath }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        })
        .on('error', reject);
    });
  }

  async function closePane(pane: Pane): Promise<void> {
    await pane.context.close();
    panes.splice(panes.indexOf(pane), 1);
  }

  test('serves taskpane.html whose initial JS is under 300 KB gzip', async () => {
    const response = await fetch(`${served.origin}/taskpane.html`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await response.text();
    const srcs = Array.from(html.matchAll(/<script\b[^>]*\bsrc=["']?([^"'\s>]+)/gi), (m) => m[1]!);
    expect(srcs).toContain(OFFICE_JS);
    const local = srcs.filter((src) => !/^[a-z]+:\/\//i.test(src));
    expect(local.length).toBeGreaterThan(0);
    let total = 0;
    for (const src of local) {
      const script = await fetch(new URL(src, `${served.origin}/taskpane.html`));
      expect(script.status).toBe(200);
      expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
      total += zlib.gzipSync(Buffer.from(await script.arrayBuffer()), { level: 9 }).length;
    }
    expect(total).toBeLessThan(INITIAL_JS_LIMIT);
    // Only the build is served: not the repository around it.
    expect(await statusOf('/package.json')).toBe(404);
    expect(await statusOf('/%2e%2e/package.json')).toBe(404);
    expect(await statusOf('/examples/%E6%B2%B3%E4%B8%9C%E5%8C%BA-2024/%E5%8D%95%E4%BD%8D%E5%90%8D%E5%8D%95.csv')).toBe(200);
  });

  test(
    'renders in Chinese outside Excel',
    async () => {
      const pane = await openPane('zh-CN');
      const { page } = pane;
      await visible(page.getByRole('heading', { level: 1, name: '汇总', exact: true }));
      await visible(page.getByText('未检测到 Excel', { exact: true }));
      await visible(page.getByText('当前不在 Excel 中运行', { exact: false }));
      expect(await (await visible(page.getByTestId('form-picker'))).innerText()).toContain('维权行动月活动数据汇总表');
      const tabs = await page.getByRole('tab').allInnerTexts();
      expect(tabs.map((t) => t.trim())).toEqual(['模板', '填写', '校验', '汇总']);
      await visible(page.getByRole('button', { name: '下载模板文件' }));
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
      await page.screenshot({ path: path.join(screenshots, 'pane-zh.png'), fullPage: true });
      expect(pane.officeRequests).toEqual([OFFICE_JS]);
      expect(pane.pageErrors).toEqual([]);
      await closePane(pane);
    },
    TEST_TIMEOUT_MS,
  );

  test(
    'the entry form is in Chinese and says which required field is empty',
    async () => {
      const pane = await openPane('zh-CN');
      const { page } = pane;
      await (await visible(page.getByRole('tab', { name: '填写' }))).click();
      for (const group of ['基本信息', '宣传活动', '法律法规培训', '女职工专项集体合同']) {
        await visible(page.getByRole('heading', { level: 3, name: group, exact: true }));
      }
      // Labels of required fields end in Fluent's (aria-hidden) *.
      for (const label of ['填报单位', '单位层级', '开展宣传活动（场次）', '宣传活动参与人数（人次）', '其中女职工（人次）', '填表人']) {
        await visible(page.locator('label').filter({ hasText: new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\*?$`) }));
      }
      // …and name their controls.
      await visible(page.getByRole('textbox', { name: '填报单位', exact: true }));
      await visible(page.getByRole('combobox', { name: '单位层级', exact: true }));
      await visible(page.getByRole('textbox', { name: '开展宣传活动（场次）', exact: true }));
      await visible(page.getByText('当前不在 Excel 中：填好的行先保存在这里', { exact: false }));
      await (await visible(page.getByRole('button', { name: '保存', exact: true }))).click();
      await visible(page.getByText('请填写“填报单位”', { exact: true }).first());
      await visible(page.getByText(/^还有 \d+ 项需要修改$/));
      // The viewport, as a user sees it: the form's 保存 bar is sticky at its bottom (a full-page
      // capture would leave that bar in the middle of the page).
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: path.join(screenshots, 'entry-zh.png') });
      expect(pane.pageErrors).toEqual([]);
      await closePane(pane);
    },
    TEST_TIMEOUT_MS,
  );

  test(
    'rolls up returned files in the browser as the CLI does',
    async () => {
      const made = await extras;
      if (made instanceof Error) throw made;

      // All returns in one folder, so the browser and the CLI see the same file names.
      const returns = path.join(work, 'returns');
      fs.mkdirSync(returns, { recursive: true });
      for (const name of fs.readdirSync(path.join(exampleDir, 'returns')))
        fs.copyFileSync(path.join(exampleDir, 'returns', name), path.join(returns, name));
      for (const file of made ?? []) fs.copyFileSync(file, path.join(returns, path.basename(file)));
      const names = fs.readdirSync(returns).sort();
      const roster = path.join(exampleDir, '单位名单.csv');
      const report = await cliRollup(returns, names, roster, path.join(work, 'cli-rollup.xlsx'), UNIT);
      const cliBook = XLSX.read(fs.readFileSync(path.join(work, 'cli-rollup.xlsx')));

      const pane = await openPane('zh-CN');
      const { page } = pane;
      await (await visible(page.getByRole('tab', { name: '汇总' }))).click();
      await page.getByTestId('returns-input').setInputFiles(names.map((name) => path.join(returns, name)));
      await visible(page.getByText(`已选择 ${names.length} 个文件`, { exact: true }));
      await page.getByTestId('roster-input').setInputFiles(roster);
      // Read when chosen: its units are counted by level.
      await visible(page.getByText(/^单位名单\.csv：13 个单位（/));
      await page.getByLabel('截止日期').fill('2024-03-25');
      await page.getByLabel('汇总单位').fill('河东区总工会');
      await page.getByRole('button', { name: '开始汇总' }).click();
      await visible(page.getByTestId('rollup-counts'), ROLLUP_TIMEOUT_MS);

      expect(await rollupCounts(page)).toEqual(expectedCounts(report));
      const corrupt = report.files.find((f) => f.file === '损坏的文件.xlsx');
      expect(corrupt?.status).toBe('rejected');
      const corruptIssues = await visible(page.getByTestId('issue-list').getByRole('region', { name: '损坏的文件.xlsx', exact: true }));
      expect(await corruptIssues.innerText()).toContain(corrupt!.reason!);
      await page.screenshot({ path: path.join(screenshots, 'rollup-zh.png'), fullPage: true });

      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: UI_TIMEOUT_MS }),
        page.getByRole('button', { name: '下载汇总工作簿' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe('河东区总工会-汇总.xlsx');
      const book = XLSX.read(fs.readFileSync(await download.path()));
      expect(book.SheetNames.slice(0, 3)).toEqual(['汇总', '报送情况', '问题清单']);

      // 合计: the CLI's totals, which are the sum of the counted rows.
      const total = totalRow(book);
      const counted = report.rows.filter((r) => r.status === 'counted');
      const publicity = counted.reduce((sum, r) => sum + (typeof r.values.publicityEvents === 'number' ? r.values.publicityEvents : 0), 0);
      expect(report.totals.publicityEvents).toBe(publicity);
      expect(total['开展宣传活动（场次）']).toBe(publicity);
      expect(total).toEqual(totalRow(cliBook));
      if (made) {
        for (const unit of ['天津市河东区某某工会', '天津市河东区某某公司工会']) {
          expect(sheetRows(book, '汇总').some((r) => r[0] === unit)).toBe(true);
        }
      }

      // 报送情况: the same statuses as the CLI's.
      const statuses = unitStatuses(book);
      expect(statuses).toEqual(unitStatuses(cliBook));
      const word: Record<string, string> = { reported: '已报送', late: '逾期', missing: '未报送' };
      for (const unit of report.units.filter((u) => u.status in word)) expect(statuses).toContainEqual([unit.unit, word[unit.status]]);
      expect(statuses).toContainEqual(['天津市第一热电厂工会', '逾期']);
      expect(statuses).toContainEqual(['春华街道总工会', '未报送']);
      expect(statuses).toContainEqual(['大王庄街道总工会', '已报送']);

      // 问题清单 names the corrupt file and why (its unit first: none can be told from a corrupt file).
      expect(sheetRows(book, '问题清单').some((r) => r[1] === '损坏的文件.xlsx' && r.includes(corrupt!.reason!))).toBe(true);
      expect(pane.pageErrors).toEqual([]);
      await closePane(pane);
    },
    TEST_TIMEOUT_MS,
  );

  test(
    '使用示例数据 loads the bundled examples and rolls them up',
    async () => {
      const examples = fs.readdirSync(path.join(exampleDir, 'returns')).sort();
      const report = await cliRollup(
        path.join(exampleDir, 'returns'),
        examples,
        path.join(exampleDir, '单位名单.csv'),
        path.join(work, 'cli-examples.xlsx'),
        UNIT,
      );

      const pane = await openPane('zh-CN');
      const { page } = pane;
      await (await visible(page.getByRole('tab', { name: '汇总' }))).click();
      served.requested.length = 0;
      await (await visible(page.getByRole('button', { name: '使用示例数据' }))).click();
      await visible(page.getByText(`已选择 ${examples.length} 个文件`, { exact: true }));
      expect(await page.getByLabel('截止日期').inputValue()).toBe('2024-03-25');
      expect(await page.getByLabel('汇总单位').inputValue()).toBe('河东区总工会');
      // Read when chosen: its units are counted by level.
      await visible(page.getByText(/^单位名单\.csv：13 个单位（/));
      // Fetched from dist/examples, next to taskpane.html.
      for (const name of examples) expect(served.requested).toContain(`/examples/河东区-2024/returns/${name}`);
      expect(served.requested).toContain('/examples/河东区-2024/单位名单.csv');

      // The progress bar may show only briefly: note whether it ever appeared.
      await page.evaluate(() => {
        const w = window as unknown as { sawProgress: boolean };
        w.sawProgress = false;
        new MutationObserver(() => {
          if (document.querySelector('[role="progressbar"]')) w.sawProgress = true;
        }).observe(document.body, { childList: true, subtree: true, attributes: true });
      });
      await page.getByRole('button', { name: '开始汇总' }).click();
      await visible(page.getByTestId('rollup-counts'), ROLLUP_TIMEOUT_MS);
      expect(await page.evaluate(() => (window as unknown as { sawProgress: boolean }).sawProgress)).toBe(true);
      expect(await page.locator('[role="progressbar"]').count()).toBe(0);
      expect(await rollupCounts(page)).toEqual(expectedCounts(report));
      await visible(page.getByRole('button', { name: '下载汇总工作簿' }));
      await page.screenshot({ path: path.join(screenshots, 'examples-zh.png'), fullPage: true });
      expect(pane.pageErrors).toEqual([]);
      await closePane(pane);
    },
    TEST_TIMEOUT_MS,
  );

  test(
    "last year's roll-up as a file gives 同比; a district row's issue names both its sources",
    async () => {
      const dir = path.join(work, 'last-year');
      fs.mkdirSync(dir, { recursive: true });
      const last = writeXlsx(path.join(dir, '2023汇总.xlsx'), [{ name: '汇总', rows: trainingTable(2023, { 甲工会: 100, 乙工会: 150 }) }]);
      const returns = Object.entries({ 甲工会: 110, 乙工会: 1500 }).map(([unit, training]) =>
        writeXlsx(path.join(dir, `${unit}.xlsx`), [{ name: 'Sheet1', rows: trainingTable(2024, { [unit]: training }) }]),
      );
      // A district's roll-up whose unit wrote 若干 (kept as typed): flagged again at this level.
      const unit = writeXlsx(path.join(dir, '大王庄.xlsx'), [
        {
          name: '数据',
          rows: [...trainingTable(2024, {}), activityRow({ unitName: '大王庄街道总工会', unitLevel: '基层工会', publicityEvents: '若干' })],
        },
      ]);
      const forms = shippedForms.map(compileForm);
      const form = forms.find((f) => f.def.id === 'activity-summary')!;
      const districtResult = rollUpFiles([{ name: '大王庄.xlsx', bytes: fs.readFileSync(unit) }], {
        form,
        forms,
        lang: 'zh-CN',
        unit: '河东区总工会',
        today: '2024-03-26',
      });
      const district = path.join(dir, '河东区汇总.xlsx');
      fs.writeFileSync(district, await writeRollupWorkbook(districtResult, form, { lang: 'zh-CN' }));

      const pane = await openPane('zh-CN');
      const { page } = pane;
      await (await visible(page.getByRole('tab', { name: '汇总' }))).click();
      await page.getByTestId('returns-input').setInputFiles([...returns, district]);
      await visible(page.getByText('已选择 3 个文件', { exact: true }));
      await page.getByTestId('last-year-input').setInputFiles(last);
      await visible(page.getByText('2023汇总.xlsx', { exact: true }));
      await page.getByRole('button', { name: '开始汇总' }).click();
      await visible(page.getByTestId('rollup-counts'), ROLLUP_TIMEOUT_MS);
      await visible(page.getByText(/培训人数（人次）：1500 与本单位去年的 150 相差十倍以上/));

      const districtIssues = page.getByTestId('issue-list').getByRole('region', { name: '河东区汇总.xlsx', exact: true });
      await (await visible(districtIssues.getByRole('button', { name: /“若干”不是整数/ }))).click();
      expect(await (await visible(page.getByTestId('trace-note'))).innerText()).toBe(
        '这一行最初填在 大王庄.xlsx 的工作表“数据”第 3 行；随下级的汇总 河东区汇总.xlsx 的工作表“汇总”第 5 行 报来。要更正，请找原单位核对后，由下级重新汇总报送',
      );
      await page.screenshot({ path: path.join(screenshots, 'last-year-zh.png'), fullPage: true });

      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: UI_TIMEOUT_MS }),
        page.getByRole('button', { name: '下载汇总工作簿' }).click(),
      ]);
      const book = XLSX.read(fs.readFileSync(await download.path()));
      expect(book.SheetNames).toContain('同比');
      expect(sheetRows(book, '同比').some((r) => r[0] === '乙工会' && r[3] === 1500 && r[4] === 150)).toBe(true);
      expect(pane.pageErrors).toEqual([]);
      await closePane(pane);
    },
    TEST_TIMEOUT_MS,
  );

  test(
    'speaks English in an English browser',
    async () => {
      const pane = await openPane('en-US');
      const { page } = pane;
      await visible(page.getByRole('heading', { level: 1, name: 'Huizong', exact: true }));
      await visible(page.getByText('Excel not detected', { exact: true }));
      const tabs = await page.getByRole('tab').allInnerTexts();
      expect(tabs.map((t) => t.trim())).toEqual(['Template', 'Enter', 'Check', 'Roll up']);
      expect(await page.getByTestId('form-picker').innerText()).toContain('Rights Protection Action Month');
      await visible(page.getByRole('button', { name: 'Download the template file' }));
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
      await page.screenshot({ path: path.join(screenshots, 'pane-en.png'), fullPage: true });
      expect(pane.pageErrors).toEqual([]);
      await closePane(pane);
    },
    TEST_TIMEOUT_MS,
  );
});
