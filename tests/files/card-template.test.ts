/**
 * The one-page card for a single unit (`huizong template ID --layout card`): filled with exceljs,
 * and saved again by LibreOffice, it reads back as that unit's one row with the same values;
 * printed through LibreOffice it is one A4 portrait page at ≥ 9 pt (test-output/screenshots/
 * card-template-1.png shows it).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import * as XLSX from '@e965/xlsx';
import { compileForm } from '../../src/core/definitions/compile';
import { shippedForms } from '../../src/core/definitions/shipped';
import { cardPlan } from '../../src/core/plan/cardPlan';
import { checkFile } from '../../src/files/checkFile';
import { writeCardTemplateWorkbook } from '../../src/files/writeCardTemplate';
import { convertWithLibreOffice, describeWithOffice, pdfPages, pdfToPngs } from '../helpers/libreoffice';

const forms = shippedForms.map(compileForm);
const activity = forms.find((f) => f.def.id === 'activity-summary')!;
const TODAY = '2024-04-01';
const screenshots = path.join(__dirname, '../../test-output/screenshots');

/** What a unit writes into the card: text for the lines, a figure per item. */
const filled: Record<string, string | number | Date> = {
  unitName: '河东区大王庄街道总工会',
  fillDate: new Date(Date.UTC(2024, 2, 20)),
  contactPerson: '李红',
  contactPhone: '13812345678',
  unitLevel: '街道（乡镇）工会',
  publicityEvents: 4,
  publicityParticipants: 300,
  publicityFemale: 180,
  materialsDistributed: 1200,
  quizParticipants: 50,
  quizFemale: 30,
  contractsNew: 1,
  contractsInForce: 3,
  contractsSingle: 2,
  contractsRegional: 1,
  contractsIndustry: 0,
  casesHandled: 2,
  casesClosed: 1,
  notes: '无',
};
const expected = { ...filled, fillDate: '2024-03-20' };

async function filledCard(): Promise<Uint8Array> {
  const plan = cardPlan(activity, 2024);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(await writeCardTemplateWorkbook(activity, { lang: 'zh-CN', year: 2024 })) as unknown as ExcelJS.Buffer);
  const sheet = book.getWorksheet(plan.sheetName)!;
  const cellOf = new Map<string, string>([...plan.top, ...plan.bottom].map((l) => [l.field, l.valueCell]));
  for (const row of plan.rows) if (row.kind === 'item') cellOf.set(row.field, row.valueCell);
  for (const [field, value] of Object.entries(filled)) sheet.getCell(cellOf.get(field)!).value = value;
  return new Uint8Array(await book.xlsx.writeBuffer());
}

function readBack(name: string, bytes: Uint8Array) {
  const report = checkFile(name, bytes, forms, { today: TODAY });
  expect(report.tables.map((t) => [t.form, t.layout, t.rows.length])).toEqual([['activity-summary', 'card', 1]]);
  expect(report.issues.filter((i) => i.severity === 'error')).toEqual([]);
  return report.tables[0]!.rows[0]!.values;
}

test('the card: items down the page in their groups, unit of measure apart, a validation and prompt on every value cell', async () => {
  const plan = cardPlan(activity, 2024);
  const items = plan.rows.filter((r) => r.kind === 'item');
  expect(items).toHaveLength(activity.fields.length - 4);
  expect(plan.rows.filter((r) => r.kind === 'group').map((r) => r.label)).toEqual(
    expect.arrayContaining(['宣传活动', '女职工专项集体合同']),
  );
  expect(items.find((r) => r.field === 'publicityFemale')).toMatchObject({ label: '其中女职工', measure: '人次' });
  expect([...plan.top, ...plan.bottom].map((l) => l.label)).toEqual(['填报单位（盖章）：', '填表日期：', '填表人：', '联系电话：']);

  const bytes = await writeCardTemplateWorkbook(activity, { lang: 'zh-CN', year: 2024 });
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  const sheet = book.getWorksheet(plan.sheetName)!;
  for (const row of items) {
    const validation = sheet.getCell(row.valueCell).dataValidation;
    expect([row.field, validation?.promptTitle]).toEqual([row.field, expect.any(String)]);
  }
  expect(sheet.getCell(items.find((r) => r.field === 'publicityEvents')!.valueCell).dataValidation).toMatchObject({
    type: 'whole',
    operator: 'greaterThanOrEqual',
  });
  expect(sheet.getCell(items.find((r) => r.field === 'unitLevel')!.valueCell).dataValidation).toMatchObject({ type: 'list' });
  expect(sheet.getCell(plan.top[1]!.valueCell).dataValidation).toMatchObject({ type: 'date' });
  expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'portrait' });
  // every font on the sheet prints at 9 pt or more
  const sizes = new Set<number>();
  sheet.eachRow((r) => r.eachCell((c) => c.font?.size !== undefined && sizes.add(c.font.size)));
  expect(Math.min(...sizes)).toBeGreaterThanOrEqual(9);
  // a blank card is a card, sent back blank: one verdict, not an error per item
  const blank = checkFile('空白.xlsx', bytes, forms, { today: TODAY });
  expect(blank.tables.map((t) => [t.form, t.layout, t.rows.length])).toEqual([['activity-summary', 'card', 0]]);
  expect(blank.issues.map((i) => [i.code, i.severity])).toEqual([['table.no-rows', 'error']]);
});

test('filled with exceljs, the card reads back as the unit’s one row with the same values', async () => {
  expect(readBack('卡片.xlsx', await filledCard())).toMatchObject(expected);
});

describeWithOffice('the card through LibreOffice', () => {
  let work: string;
  beforeAll(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'huizong-card-'));
    fs.writeFileSync(path.join(work, '卡片.xlsx'), await filledCard());
    fs.writeFileSync(path.join(work, '空白卡片.xlsx'), await writeCardTemplateWorkbook(activity, { lang: 'zh-CN', year: 2024 }));
  });
  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

  test.each(['xlsx', 'xls'] as const)(
    'saved again by LibreOffice as .%s, it reads back the same',
    async (ext) => {
      const out = await convertWithLibreOffice(path.join(work, '卡片.xlsx'), ext, path.join(work, ext));
      expect(readBack(`卡片.${ext}`, new Uint8Array(fs.readFileSync(out)))).toMatchObject(expected);
    },
    180_000,
  );

  test('printed, the blank card is one A4 portrait page', async () => {
    const pdf = await convertWithLibreOffice(path.join(work, '空白卡片.xlsx'), 'pdf', path.join(work, 'pdf'));
    const pages = pdfPages(new Uint8Array(fs.readFileSync(pdf)));
    expect(pages).toHaveLength(1);
    expect(Math.round(pages[0]!.width)).toBe(595);
    expect(Math.round(pages[0]!.height)).toBe(842);
    fs.mkdirSync(screenshots, { recursive: true });
    pdfToPngs(pdf, path.join(screenshots, 'card-template'));
  }, 180_000);
});

test('the layout option on the command line', async () => {
  const { main } = await import('../../src/cli/main');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'huizong-card-cli-'));
  const out = path.join(dir, 'card.xlsx');
  const err: string[] = [];
  const io = { out: () => undefined, err: (t: string) => err.push(t) };
  expect(await main(['template', 'activity-summary', '--layout', 'card', '--year', '2024', '--out', out], io)).toBe(0);
  const book = XLSX.read(fs.readFileSync(out));
  expect(XLSX.utils.sheet_to_json<unknown[]>(book.Sheets[book.SheetNames[0]!]!, { header: 1 })[4]).toEqual([
    '序号',
    '指标',
    '计量单位',
    '数量',
    '备注',
  ]);
  expect(await main(['template', 'activity-summary', '--layout', 'vertical', '--out', out], io)).toBe(2);
  expect(err.join('\n')).toContain('版式“vertical”不认识');
  fs.rmSync(dir, { recursive: true, force: true });
});
