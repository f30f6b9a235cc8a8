import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as XLSX from '@e965/xlsx';
import { compileForm, type CompiledForm } from '../../src/core/definitions/compile';
import type { FormDefinition } from '../../src/core/definitions/types';
import { shippedForm, shippedForms } from '../../src/core/definitions/shipped';
import { columnName } from '../../src/core/table/grid';
import { locateTable } from '../../src/core/table/locate';
import { readWorkbook } from '../../src/files/readWorkbook';
import { writeTemplateWorkbook } from '../../src/files/writeTemplate';
import { convertWithLibreOffice, describeWithOffice } from '../helpers/libreoffice';

const quiz: CompiledForm = compileForm(shippedForm('quiz-results')!);
const experience: CompiledForm = compileForm(shippedForm('typical-experience')!);
const activity: CompiledForm = compileForm(shippedForm('activity-summary')!);

/** A zip entry's text, read with SheetJS' own zip reader (no extra dependency). */
function zipText(bytes: Uint8Array, entry: string): string {
  const cfb = XLSX.CFB.read(bytes, { type: 'buffer' });
  const index = (cfb.FullPaths as string[]).findIndex((p) => p.endsWith(`/${entry}`));
  if (index < 0) throw new Error(`no ${entry} in the zip`);
  return Buffer.from(cfb.FileIndex[index].content).toString('utf8');
}

const unescape = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

interface Validation {
  attrs: Record<string, string>;
  formulae: string[];
}

/** The <dataValidation> elements of the first worksheet, attributes unescaped. */
function validations(bytes: Uint8Array): Validation[] {
  const xml = zipText(bytes, 'xl/worksheets/sheet1.xml');
  return [...xml.matchAll(/<dataValidation ([^>]*?)(?:\/>|>(.*?)<\/dataValidation>)/g)].map((m) => ({
    attrs: Object.fromEntries([...m[1]!.matchAll(/(\w+)="([^"]*)"/g)].map((a) => [a[1]!, unescape(a[2]!)])),
    formulae: [...(m[2] ?? '').matchAll(/<formula\d>(.*?)<\/formula\d>/g)].map((f) => unescape(f[1]!)),
  }));
}

function byColumn(list: Validation[], form: CompiledForm, id: string): Validation {
  const letter = columnName(form.fields.findIndex((f) => f.id === id));
  const found = list.filter((v) => v.attrs.sqref!.startsWith(`${letter}5:`));
  expect(found).toHaveLength(1);
  return found[0]!;
}

function grid(book: XLSX.WorkBook, name: string): unknown[][] {
  return XLSX.utils.sheet_to_json<unknown[]>(book.Sheets[name]!, { header: 1, blankrows: true, defval: null });
}

describe('writeTemplateWorkbook', () => {
  let bytes: Uint8Array;
  let book: XLSX.WorkBook;

  beforeAll(async () => {
    bytes = await writeTemplateWorkbook(quiz, { lang: 'zh-CN', year: 2024 });
    book = XLSX.read(bytes, { sheetStubs: true, cellNF: true, cellStyles: true });
  });

  it('has the form sheet and the very hidden _huizong sheet', () => {
    expect(book.SheetNames).toEqual([quiz.def.sheet.name, '_huizong']);
    expect(book.Workbook?.Sheets?.map((s) => s.Hidden)).toEqual([0, 2]);
  });

  it('writes the title with the year, the unit/date line, groups and labels with required marks', () => {
    const rows = grid(book, quiz.def.sheet.name);
    expect(rows[0]![0]).toBe(quiz.def.sheet.title['zh-CN'].replace('{year}', '2024'));
    expect(String(rows[1]![0])).toMatch(/^填报单位：\s+填报日期：$/);
    expect(rows[2]![0]).toBe('基本信息');
    const merges = (book.Sheets[quiz.def.sheet.name]!['!merges'] ?? []).map((m) => XLSX.utils.encode_range(m));
    expect(merges).toEqual(expect.arrayContaining(['A1:R1', 'A3:D3', 'E3:I3', 'J3:O3', 'P3:R3']));
    expect(rows[3]).toEqual(quiz.fields.map((f) => (f.required ? `＊${f.label}` : f.label)));
    expect(rows[3]![0]).toBe('＊单位名称');
    expect(rows[3]![4]).toBe('开始日期');
  });

  it('is recognised by Huizong as the form, the ＊ marks folded away', () => {
    const read = readWorkbook('模板.xlsx', bytes);
    if (!read.ok) throw new Error(read.detail);
    expect(read.grids).toHaveLength(1);
    expect(read.meta).toMatchObject({
      generator: 'huizong',
      kind: 'template',
      form: 'quiz-results',
      formVersion: quiz.def.version,
      year: '2024',
    });
    const table = locateTable(
      read.grids[0]!,
      shippedForms.map((d) => compileForm(d)),
    )!;
    expect(table.form.def.id).toBe('quiz-results');
    expect(table.fieldColumns.size).toBe(quiz.fields.length);
    expect(table.requiredMatched).toBe(quiz.fields.filter((f) => f.required).length);
    expect(table.dataStart).toBe(4);
    expect(table.year).toBe(2024);
  });

  it('formats the data rows per field and freezes the header', () => {
    const sheet = book.Sheets[quiz.def.sheet.name]!;
    const at = (id: string, r: number) => sheet[`${columnName(quiz.fields.findIndex((f) => f.id === id))}${r}`];
    expect(at('participants', 5)?.z).toBe('#,##0');
    expect(at('startDate', 5)?.z).toBe('yyyy-mm-dd');
    expect(at('contactPhone', 5)?.z).toBe('@');
    expect(at('participants', 204)?.z).toBe('#,##0');
    expect(sheet['!ref']).toBe('A1:R204');
    const cols = sheet['!cols']!;
    expect(cols[0]!.wch ?? cols[0]!.width).toBeGreaterThanOrEqual(quiz.fields[0]!.def.width! - 1);
    expect(zipText(bytes, 'xl/worksheets/sheet1.xml')).toMatch(/<pane [^>]*xSplit="1" ySplit="4"[^>]*state="frozen"/);
  });

  it('has exactly one data validation per column, over the whole range, with prompts', () => {
    const list = validations(bytes);
    expect(list).toHaveLength(quiz.fields.length);
    expect(list.map((v) => v.attrs.sqref)).toEqual(quiz.fields.map((_, i) => `${columnName(i)}5:${columnName(i)}204`));
    for (const [i, field] of quiz.fields.entries()) {
      const v = list[i]!;
      expect(v.attrs.showInputMessage).toBe('1');
      expect(v.attrs.promptTitle).toBe(field.label);
      expect(v.attrs.prompt).toBe(field.def.help!['zh-CN']);
      expect(v.attrs.prompt!.length).toBeLessThanOrEqual(255);
    }
    const count = /<dataValidations count="(\d+)">/.exec(zipText(bytes, 'xl/worksheets/sheet1.xml'))?.[1];
    expect(count).toBe(String(quiz.fields.length));
  });

  it('lists the enum options as a dropdown, with a stop alert in Chinese', () => {
    const v = byColumn(validations(bytes), quiz, 'organisation');
    expect(v.attrs).toMatchObject({ type: 'list', allowBlank: '1', showErrorMessage: '1', errorStyle: 'stop', errorTitle: '输入有误' });
    expect(v.formulae).toEqual(['"本级组织,组织参加上级竞赛"']);
    expect(v.attrs.error).toBe('请从下拉列表中选择：本级组织、组织参加上级竞赛');
    expect(byColumn(validations(bytes), quiz, 'format').formulae).toEqual(['"线上答题,笔试答题,现场竞答,线上线下结合,其他"']);
  });

  it('takes whole numbers >= 0 for ints, dates for dates, and nothing checked but a prompt for free text', () => {
    const list = validations(bytes);
    const int = byColumn(list, quiz, 'participants');
    expect(int.attrs).toMatchObject({ type: 'whole', operator: 'greaterThanOrEqual', errorStyle: 'stop', errorTitle: '输入有误' });
    expect(int.formulae).toEqual(['0']);
    expect(int.attrs.error).toContain('不小于0的整数');
    const date = byColumn(list, quiz, 'fillDate');
    expect(date.attrs.type).toBe('date');
    expect(date.formulae).toEqual(['36526', '73050']); // 2000-01-01 … 2099-12-31
    const free = byColumn(list, quiz, 'competitionName');
    expect(free.attrs.type).toBeUndefined();
    expect(free.attrs.showErrorMessage).toBeUndefined();
  });

  it('limits text length where the schema has a maxLength (typical-experience)', async () => {
    const out = await writeTemplateWorkbook(experience, { lang: 'zh-CN', year: 2024, rows: 50 });
    const list = validations(out);
    expect(list).toHaveLength(experience.fields.length);
    expect(list.every((v) => /^([A-Z]+)5:\1(54)$/.test(v.attrs.sqref!))).toBe(true);
    const title = byColumn(list, experience, 'title');
    expect(title.attrs).toMatchObject({ type: 'textLength', operator: 'lessThanOrEqual' });
    expect(title.formulae).toEqual(['60']);
    expect(title.attrs.error).toContain('60');
    expect(byColumn(list, experience, 'summary').formulae).toEqual(['300']);
    const category = byColumn(list, experience, 'category');
    expect(category.formulae[0]).toBe(`"${experience.byId.get('category')!.schema.enum!.join(',')}"`);
  });

  it('puts a list longer than 255 characters on _huizong behind a defined name', async () => {
    const def = JSON.parse(JSON.stringify(shippedForm('typical-experience'))) as FormDefinition;
    def.id = 'long-list-test';
    const options = Array.from({ length: 30 }, (_, i) => `第${i + 1}类：不同类型用人单位女职工专项集体合同`);
    def.schema.properties.category!.enum = options;
    const out = await writeTemplateWorkbook(compileForm(def), { lang: 'zh-CN', year: 2024, rows: 10 });
    const category = byColumn(validations(out), compileForm(def), 'category');
    expect(category.attrs.type).toBe('list');
    expect(category.formulae).toEqual(['hz_list_category']);
    expect(category.attrs.error!.length).toBeLessThanOrEqual(255);
    expect(zipText(out, 'xl/workbook.xml')).toContain(`<definedName name="hz_list_category">&apos;_huizong&apos;!$D$2:$D$31</definedName>`);
    const meta = grid(XLSX.read(out), '_huizong');
    expect(meta.slice(0, 31).map((r) => r[3])).toEqual(['category', ...options]);
    // The key/value pairs are still in A:B.
    expect(meta[0]!.slice(0, 2)).toEqual(['generator', 'huizong']);
  });

  it('stores the form id and version: _huizong and the document properties', () => {
    const pairs = Object.fromEntries(grid(book, '_huizong').map((r) => [r[0], r[1]]));
    expect(pairs).toMatchObject({
      generator: 'huizong',
      kind: 'template',
      form: 'quiz-results',
      formVersion: quiz.def.version,
      year: '2024',
      sheet: quiz.def.sheet.name,
      headerRow: '4',
      firstDataRow: '5',
      lastDataRow: '204',
    });
    expect(book.Props?.Subject).toBe('huizong:template');
    expect(book.Props?.Keywords).toBe(`huizong template quiz-results ${quiz.def.version}`);
    expect(JSON.parse(book.Props!.Comments!)).toMatchObject({
      kind: 'template',
      form: 'quiz-results',
      formVersion: quiz.def.version,
      year: 2024,
    });
  });

  it('writes every shipped form, with English only in the document title', async () => {
    for (const def of shippedForms) {
      const form = compileForm(def);
      const out = XLSX.read(await writeTemplateWorkbook(form, { lang: 'en', year: 2025, rows: 5 }));
      expect(out.SheetNames).toEqual([def.sheet.name, '_huizong']);
      const rows = grid(out, def.sheet.name);
      expect(rows[0]![0]).toBe(def.sheet.title['zh-CN'].replace('{year}', '2025'));
      expect(rows[3]!.map((l) => String(l).replace(/^＊/, ''))).toEqual(form.fields.map((f) => f.label));
      expect(out.Props?.Title).toBe((def.sheet.title.en ?? def.sheet.title['zh-CN']).replace('{year}', '2025'));
    }
    expect(activity.fields.length).toBeGreaterThan(26); // columns past Z (AA…) are covered above
  });
});

describeWithOffice('template in LibreOffice', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'huizong-template-lo-'));
  });
  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('keeps the validations: dropdown lists, number and date rules, help and error messages', async () => {
    const file = path.join(dir, '知识竞赛模板.xlsx');
    fs.writeFileSync(file, await writeTemplateWorkbook(quiz, { lang: 'zh-CN', year: 2024, rows: 20 }));
    const ods = await convertWithLibreOffice(file, 'ods', path.join(dir, 'ods'));
    const content = zipText(new Uint8Array(fs.readFileSync(ods)), 'content.xml');
    const found = [...content.matchAll(/<table:content-validation (.*?)<\/table:content-validation>/g)].map((m) => unescape(m[1]!));
    expect(found).toHaveLength(quiz.fields.length);
    const organisation = found.find((v) => v.includes('cell-content-is-in-list("本级组织";"组织参加上级竞赛")'));
    expect(organisation).toBeDefined();
    expect(organisation).toContain(`table:title="组织方式"`);
    expect(organisation).toContain(quiz.byId.get('organisation')!.def.help!['zh-CN']);
    expect(organisation).toContain('table:message-type="stop" table:title="输入有误"');
    expect(found.some((v) => v.includes('cell-content-is-in-list("线上答题";"笔试答题";"现场竞答";"线上线下结合";"其他")'))).toBe(true);
    expect(found.filter((v) => v.includes('cell-content-is-whole-number() and cell-content()>=0'))).toHaveLength(
      quiz.fields.filter((f) => f.def.type === 'int').length,
    );
    expect(found.filter((v) => v.includes('cell-content-is-date()'))).toHaveLength(quiz.fields.filter((f) => f.def.type === 'date').length);
    // Free-text columns keep their help text.
    expect(found.some((v) => v.includes(quiz.byId.get('competitionName')!.def.help!['zh-CN']))).toBe(true);
    // The data rows carry the validations (20 rows, each column its own).
    expect(content).toMatch(
      /<table:table-row [^>]*table:number-rows-repeated="20"><table:table-cell [^>]*table:content-validation-name="val\d+"/,
    );
    expect([...content.matchAll(/<table:table table:name="([^"]+)"/g)].map((m) => m[1])).toEqual([quiz.def.sheet.name, '_huizong']);
  });

  it('keeps a long list as a named range on _huizong', async () => {
    const def = JSON.parse(JSON.stringify(shippedForm('typical-experience'))) as FormDefinition;
    def.id = 'long-list-test-lo';
    def.schema.properties.category!.enum = Array.from({ length: 30 }, (_, i) => `第${i + 1}类：不同类型用人单位女职工专项集体合同`);
    const file = path.join(dir, '长列表.xlsx');
    fs.writeFileSync(file, await writeTemplateWorkbook(compileForm(def), { lang: 'zh-CN', year: 2024, rows: 5 }));
    const content = zipText(
      new Uint8Array(fs.readFileSync(await convertWithLibreOffice(file, 'ods', path.join(dir, 'ods')))),
      'content.xml',
    );
    expect(content).toContain('table:condition="of:cell-content-is-in-list(hz_list_category)"');
    expect(content).toMatch(
      /<table:named-range table:name="hz_list_category" [^>]*table:cell-range-address="\$_huizong\.\$D\$2:\.\$D\$31"/,
    );
  });
});
