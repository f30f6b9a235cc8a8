/**
 * Printable tables: the row-per-unit template and the roll-up's sheets print at their own size
 * (A3 landscape, never shrunk to one page's width), header rows and the unit column on every
 * page, the 来源 columns left out, file names (not paths) on 报送情况, a footer with page
 * numbers, unit and date; a district's template holds one row per roster unit. Rendered through
 * LibreOffice → PDF (pages counted and measured; PNGs in test-output/screenshots/ to look at).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';
import ExcelJS from 'exceljs';
import { compileForm } from '../../src/core/definitions/compile';
import { shippedForms } from '../../src/core/definitions/shipped';
import { fileName } from '../../src/core/plan/rollupSheetsPlan';
import { rollUpFiles, readRosterFile } from '../../src/files/rollupFiles';
import { writeRollupWorkbook } from '../../src/files/writeRollup';
import { writeRosterTemplateWorkbook } from '../../src/files/writeRosterTemplate';
import { writeTemplateWorkbook } from '../../src/files/writeTemplate';
import { convertWithLibreOffice, describeWithOffice, pdfPages, pdfToPngs } from '../helpers/libreoffice';

const forms = shippedForms.map(compileForm);
const activity = forms.find((f) => f.def.id === 'activity-summary')!;
const example = path.join(__dirname, '../../examples/河东区-2024');
const screenshots = path.join(__dirname, '../../test-output/screenshots');
const units = ['大王庄街道总工会', '向阳楼街道总工会', '河东区教育系统工会'];

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return book;
}

function exampleRollup() {
  const dir = path.join(example, 'returns');
  const files = fs
    .readdirSync(dir)
    .map((name) => ({ name: path.join(dir, name), bytes: new Uint8Array(fs.readFileSync(path.join(dir, name))) }));
  const roster = readRosterFile(
    { name: '单位名单.csv', bytes: new Uint8Array(fs.readFileSync(path.join(example, '单位名单.csv'))) },
    'zh-CN',
  );
  return rollUpFiles(files, { form: activity, forms, lang: 'zh-CN', roster, unit: '河东区总工会', today: '2024-03-30' });
}

test('a district template: one bordered row per roster unit, set up to print on A3 across pages', async () => {
  const book = await load(await writeTemplateWorkbook(activity, { lang: 'zh-CN', year: 2024, units }));
  const sheet = book.getWorksheet(activity.def.sheet.name)!;
  expect([5, 6, 7].map((r) => sheet.getCell(r, 1).value)).toEqual(units);
  expect(sheet.getCell(8, 1).border).toBeUndefined();
  expect(sheet.getCell(7, 38).border?.bottom).toBeDefined();
  expect(sheet.pageSetup).toMatchObject({
    paperSize: 8,
    orientation: 'landscape',
    fitToPage: false,
    scale: 100,
    printTitlesRow: '3:4',
    printTitlesColumn: 'A:A',
    printArea: 'A1:AL7',
  });
  expect(sheet.headerFooter.oddFooter).toBe('&L填报单位（盖章）：&C第 &P 页，共 &N 页&R填报日期：');
});

test('the roll-up prints its own size: source columns outside the area, names not paths, a footer', async () => {
  const result = exampleRollup();
  const book = await load(await writeRollupWorkbook(result, activity, { lang: 'zh-CN' }));
  const rows = book.getWorksheet('汇总')!;
  // 38 fields + the computed ones print; 来源文件/工作表/行号/说明 stay on screen
  const printed = String(rows.pageSetup.printArea);
  const lastPrinted = printed.replace(/^A1:([A-Z]+)\d+$/, '$1');
  expect(lastPrinted).toMatch(/^[A-Z]+$/);
  expect(rows.getCell(`${lastPrinted}4`).value).not.toBe('来源文件');
  const sourceColumn = rows.getRow(4).values as unknown[];
  expect(sourceColumn).toContain('来源文件');
  expect(rows.pageSetup).toMatchObject({ paperSize: 8, orientation: 'landscape', fitToPage: false, printTitlesColumn: 'A:A' });
  expect(rows.headerFooter.oddFooter).toMatch(/^&L汇总单位：河东区总工会&C第 &P 页，共 &N 页&R汇总时间：\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
  const status = book.getWorksheet('报送情况')!;
  const texts: string[] = [];
  status.eachRow((r) => r.eachCell((c) => typeof c.value === 'string' && texts.push(c.value)));
  expect(texts.some((t) => t.includes('/'))).toBe(false);
  expect(texts).toContain('中山门街道总工会.csv');
  expect(fileName('/a/b/卫健系统.xlsx')).toBe('卫健系统.xlsx');
  expect(fileName('C:\\returns\\卫健系统.xlsx')).toBe('卫健系统.xlsx');
  // nothing on the printed sheets is smaller than 8 pt
  for (const name of ['汇总', '报送情况']) {
    const sizes: number[] = [];
    book.getWorksheet(name)!.eachRow((r) => r.eachCell((c) => c.font?.size !== undefined && sizes.push(c.font.size)));
    expect([name, Math.min(...sizes)]).toEqual([name, expect.any(Number)]);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(8);
  }
});

describeWithOffice('printed through LibreOffice', () => {
  let work: string;
  beforeAll(() => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'huizong-print-'));
    fs.mkdirSync(screenshots, { recursive: true });
  });
  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

  const text = (pdf: string, page: number) => {
    const run = spawnSync('pdftotext', ['-f', String(page), '-l', String(page), pdf, '-'], { encoding: 'utf8' });
    return run.status === 0 ? run.stdout : undefined;
  };

  test('the district template: A3 landscape pages, each with the header and the unit column', async () => {
    const xlsx = path.join(work, 'district-template.xlsx');
    fs.writeFileSync(xlsx, await writeTemplateWorkbook(activity, { lang: 'zh-CN', year: 2024, units }));
    const pdf = await convertWithLibreOffice(xlsx, 'pdf', work);
    const pages = pdfPages(new Uint8Array(fs.readFileSync(pdf)));
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) expect([Math.round(page.width), Math.round(page.height)]).toEqual([1191, 842]);
    const second = text(pdf, 2);
    if (second !== undefined) {
      expect(second).toContain('填报单位');
      expect(second).toContain('河东区教育系统工会');
      expect(second).toMatch(/第 2 页，共 \d+ 页/);
    }
    pdfToPngs(pdf, path.join(screenshots, 'district-template'), 50);
  }, 180_000);

  test('the blank roster prints its empty bordered rows to fill in, the header on every page', async () => {
    const xlsx = path.join(work, 'roster.xlsx');
    fs.writeFileSync(xlsx, await writeRosterTemplateWorkbook('zh-CN'));
    const pdf = await convertWithLibreOffice(xlsx, 'pdf', work);
    const pages = pdfPages(new Uint8Array(fs.readFileSync(pdf)));
    // Only the header row printed, it was one page; the 300 rows to fill take several.
    expect(pages.length).toBeGreaterThan(1);
    // Every page under the header row (pdftotext, where poppler is installed).
    const printed = Array.from({ length: pages.length }, (_, i) => text(pdf, i + 1));
    if (printed.every((page) => page !== undefined)) for (const page of printed) expect(page).toContain('单位名称');
    pdfToPngs(pdf, path.join(screenshots, 'blank-roster'), 50);
  }, 180_000);

  test('the roll-up: 汇总 and 报送情况 on A3 landscape, no path printed', async () => {
    const xlsx = path.join(work, 'rollup.xlsx');
    fs.writeFileSync(xlsx, await writeRollupWorkbook(exampleRollup(), activity, { lang: 'zh-CN' }));
    const pdf = await convertWithLibreOffice(xlsx, 'pdf', work);
    const pages = pdfPages(new Uint8Array(fs.readFileSync(pdf))).map((p) => [Math.round(p.width), Math.round(p.height)]);
    // 汇总 and 报送情况 on A3 landscape; 问题清单 last, on A4 landscape
    expect(pages[0]).toEqual([1191, 842]);
    for (const page of pages)
      expect([
        [1191, 842],
        [842, 595],
      ]).toContainEqual(page);
    // 汇总 and 报送情况: every page but 问题清单's (which lists files as given, to find them again)
    const all = Array.from({ length: pages.length - 1 }, (_, i) => text(pdf, i + 1) ?? '').join('\n');
    if (all) {
      expect(all).not.toContain('examples/');
      expect(all).not.toContain('来源文件');
      expect(all).toContain('汇总单位：河东区总工会');
    }
    pdfToPngs(pdf, path.join(screenshots, 'rollup-print'), 50);
  }, 180_000);
});
