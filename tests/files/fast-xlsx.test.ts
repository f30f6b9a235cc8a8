/**
 * The lean .xlsx reader against SheetJS: for workbooks written by SheetJS, exceljs (ours and
 * hand-made), LibreOffice and by hand (the SpreadsheetML corners writers differ in), plus the
 * committed returns, `readXlsxFast(bytes)` must give exactly the grids and meta that
 * `readWorkbook(name, bytes, { reader: 'sheetjs' })` gives through SheetJS. Where SheetJS is wrong the reader is not,
 * and those few places are pinned down as such at the end ("where it parts from SheetJS").
 */
import * as XLSX from '@e965/xlsx';
import { Workbook } from 'exceljs';
import fc from 'fast-check';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import * as fs from 'fs';
import * as path from 'path';
import { compileForm } from '../../src/core/definitions/compile';
import { shippedForms } from '../../src/core/definitions/shipped';
import type { Grid, Merge } from '../../src/core/table/grid';
import type { CellValue } from '../../src/core/values/types';
import { takeHiddenUnderMerges } from '../../src/files/hiddenUnderMerges';
import { readWorkbook } from '../../src/files/readWorkbook';
import { writeTemplateWorkbook } from '../../src/files/writeTemplate';
import { XlsxFastUnsupported, excelSerialToDate, readXlsxFast } from '../../src/files/xlsx/fastXlsx';
import { convertWithLibreOffice, describeWithOffice } from '../helpers/libreoffice';
import { tempDir, writeCsv } from '../helpers/workbooks';

// ---------------------------------------------------------------------------------------------
// Comparing

interface Shape {
  sheet: string;
  typed: boolean;
  merges: Merge[];
  rows: CellValue[][];
}

/** Rows with trailing nulls and trailing empty rows cut off: what both readers must agree on. */
function trimmed(rows: readonly CellValue[][]): CellValue[][] {
  const out = rows.map((row) => {
    let n = row.length;
    while (n > 0 && (row[n - 1] === null || row[n - 1] === undefined)) n--;
    return row.slice(0, n);
  });
  let m = out.length;
  while (m > 0 && out[m - 1]!.length === 0) m--;
  return out.slice(0, m);
}

function shapes(grids: readonly Grid[]): Shape[] {
  return grids.map((g) => ({ sheet: g.sheet, typed: g.typed, merges: g.merges ?? [], rows: trimmed(g.rows) }));
}

/** Every row a real array, no holes and no undefined: `rows[r][c]` is a value or null. */
function expectDense(grids: readonly Grid[]): void {
  for (const grid of grids) {
    for (let r = 0; r < grid.rows.length; r++) {
      const row = grid.rows[r];
      expect(Array.isArray(row)).toBe(true);
      for (let c = 0; c < row!.length; c++) {
        if (!(c in row!) || row![c] === undefined) throw new Error(`${grid.sheet} row ${r} has a hole at ${c}`);
      }
    }
  }
}

/** Reads `bytes` both ways and expects the same; returns the fast reader's result. */
function expectSameAsSheetJS(bytes: Uint8Array, name = 'return.xlsx'): ReturnType<typeof readXlsxFast> {
  const expected = readWorkbook(name, bytes, { reader: 'sheetjs' });
  if (!expected.ok) throw new Error(`SheetJS could not read ${name}: ${expected.detail}`);
  const actual = readXlsxFast(bytes);
  expectDense(actual.grids);
  // What merges hide is taken out after either reader (readLean, readWithSheetJs) and listed.
  expect(actual.grids.flatMap(takeHiddenUnderMerges)).toEqual(expected.hidden ?? []);
  expect(shapes(asSheetJsReadsIt(actual.grids))).toEqual(shapes(expected.grids));
  expect(actual.meta).toEqual(expected.meta);
  return actual;
}

/**
 * The one difference allowed everywhere: a carriage return written as an escape before a line
 * feed (`_x000D_` + LF, how Excel and SheetJS write CRLF in a cell) is kept by the lean reader,
 * as Excel keeps it, and dropped by SheetJS. Pinned in "where it parts from SheetJS".
 */
function asSheetJsReadsIt(grids: readonly Grid[]): Grid[] {
  const text = (v: CellValue) => (typeof v === 'string' ? v.replace(/\r\n/g, '\n') : v);
  return grids.map((g) => ({ ...g, rows: g.rows.map((row) => row.map(text)) }));
}

const utc = (y: number, m: number, d: number, h = 0, min = 0, s = 0) => new Date(Date.UTC(y, m - 1, d, h, min, s));
/** SheetJS writes a Date by its local wall-clock time (exceljs by UTC). */
const local = (y: number, m: number, d: number, h = 0, min = 0, s = 0) => new Date(y, m - 1, d, h, min, s);

// ---------------------------------------------------------------------------------------------
// Writers

interface SheetJSSheet {
  name: string;
  rows: unknown[][];
  merges?: string[];
  /** 1 hidden, 2 very hidden. */
  hidden?: 0 | 1 | 2;
  /** Number formats by A1 address. */
  formats?: Record<string, string>;
}

function sheetjsBytes(
  sheets: SheetJSSheet[],
  options: { bookSST?: boolean; date1904?: boolean; cellDates?: boolean; compression?: boolean } = {},
): Uint8Array {
  const book = XLSX.utils.book_new();
  for (const spec of sheets) {
    const ws = XLSX.utils.aoa_to_sheet(spec.rows, { cellDates: true });
    if (spec.merges) ws['!merges'] = spec.merges.map((m) => XLSX.utils.decode_range(m));
    for (const [address, z] of Object.entries(spec.formats ?? {})) (ws[address] as XLSX.CellObject).z = z;
    XLSX.utils.book_append_sheet(book, ws, spec.name);
  }
  book.Workbook = {
    ...(book.Workbook ?? {}),
    Sheets: sheets.map((s) => ({ name: s.name, Hidden: s.hidden ?? 0 })),
    WBProps: { date1904: Boolean(options.date1904) },
  };
  const out = XLSX.write(book, {
    type: 'array',
    bookType: 'xlsx',
    bookSST: options.bookSST,
    cellDates: options.cellDates,
    compression: options.compression ?? true,
  }) as ArrayBuffer;
  return new Uint8Array(out);
}

async function exceljsBytes(build: (wb: Workbook) => void, useSharedStrings = true): Promise<Uint8Array> {
  const wb = new Workbook();
  build(wb);
  const buffer = await wb.xlsx.writeBuffer({ useSharedStrings });
  return new Uint8Array(buffer as ArrayBuffer);
}

// Hand-made packages: just the parts, so that every corner is written exactly as some writer does.

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CT = 'application/vnd.openxmlformats-officedocument.spreadsheetml';

interface RawSheet {
  name: string;
  /** The whole worksheet part, or just the content of <sheetData>. */
  xml?: string;
  data?: string;
  /** After </sheetData>, e.g. <mergeCells>. */
  after?: string;
  state?: 'hidden' | 'veryHidden';
  /** Zip path (default xl/worksheets/sheetN.xml) and how the workbook's rels point at it. */
  part?: string;
  target?: string;
  type?: string;
  /** The r:id the workbook gives the sheet (default: its relationship's). */
  rid?: string;
}

interface RawBook {
  sheets: RawSheet[];
  sharedStrings?: string[] | string;
  /** The whole styles part, or cellXfs numFmtIds and custom formats. */
  styles?: string | { numFmts?: Record<number, string>; xfs: number[] };
  workbookPr?: string;
  /** Prefix every SpreadsheetML element with `x:` (as the Open XML SDK can). */
  prefixed?: boolean;
  /** The SpreadsheetML namespace (Strict Open XML has another). */
  mainNs?: string;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function rawXlsx(book: RawBook): Uint8Array {
  const p = book.prefixed ? 'x:' : '';
  const mainNs = book.mainNs ?? MAIN_NS;
  const ns = book.prefixed ? `xmlns:x="${mainNs}"` : `xmlns="${mainNs}"`;
  const files: Record<string, string> = {};
  const overrides: string[] = [`<Override PartName="/xl/workbook.xml" ContentType="${CT}.sheet.main+xml"/>`];
  const rels: string[] = [];
  const sheets: string[] = [];
  book.sheets.forEach((sheet, i) => {
    const part = sheet.part ?? `xl/worksheets/sheet${i + 1}.xml`;
    const target = sheet.target ?? part.replace(/^xl\//, '');
    files[part] =
      sheet.xml ??
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${p}worksheet ${ns} xmlns:r="${REL_NS}"><${p}sheetData>${sheet.data ?? ''}</${p}sheetData>${sheet.after ?? ''}</${p}worksheet>`;
    overrides.push(`<Override PartName="/${part}" ContentType="${CT}.worksheet+xml"/>`);
    rels.push(`<Relationship Id="rId${i + 1}" Type="${REL_NS}/${sheet.type ?? 'worksheet'}" Target="${target}"/>`);
    sheets.push(
      `<${p}sheet name="${esc(sheet.name)}" sheetId="${i + 1}"${sheet.state ? ` state="${sheet.state}"` : ''} r:id="${sheet.rid ?? `rId${i + 1}`}"/>`,
    );
  });
  if (book.sharedStrings !== undefined) {
    const items =
      typeof book.sharedStrings === 'string'
        ? book.sharedStrings
        : book.sharedStrings.map((s) => `<${p}si><${p}t xml:space="preserve">${esc(s)}</${p}t></${p}si>`).join('');
    files['xl/sharedStrings.xml'] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${p}sst ${ns}>${items}</${p}sst>`;
    overrides.push(`<Override PartName="/xl/sharedStrings.xml" ContentType="${CT}.sharedStrings+xml"/>`);
    rels.push(`<Relationship Id="rIdS" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/>`);
  }
  if (book.styles !== undefined) {
    let xml: string;
    if (typeof book.styles === 'string') xml = book.styles;
    else {
      const fmts = Object.entries(book.styles.numFmts ?? {});
      xml =
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${p}styleSheet ${ns}>` +
        (fmts.length
          ? `<${p}numFmts count="${fmts.length}">${fmts.map(([id, code]) => `<${p}numFmt numFmtId="${id}" formatCode="${esc(code)}"/>`).join('')}</${p}numFmts>`
          : '') +
        `<${p}fonts count="1"><${p}font><${p}sz val="11"/></${p}font></${p}fonts><${p}fills count="1"><${p}fill><${p}patternFill patternType="none"/></${p}fill></${p}fills>` +
        `<${p}borders count="1"><${p}border/></${p}borders><${p}cellStyleXfs count="1"><${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></${p}cellStyleXfs>` +
        `<${p}cellXfs count="${book.styles.xfs.length}">${book.styles.xfs.map((id) => `<${p}xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"><${p}alignment vertical="center"/></${p}xf>`).join('')}</${p}cellXfs>` +
        `</${p}styleSheet>`;
    }
    files['xl/styles.xml'] = xml;
    overrides.push(`<Override PartName="/xl/styles.xml" ContentType="${CT}.styles+xml"/>`);
    rels.push(`<Relationship Id="rIdT" Type="${REL_NS}/styles" Target="styles.xml"/>`);
  }
  files['xl/workbook.xml'] =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${p}workbook ${ns} xmlns:r="${REL_NS}">${book.workbookPr ?? ''}<${p}sheets>${sheets.join('')}</${p}sheets></${p}workbook>`;
  files['xl/_rels/workbook.xml.rels'] =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_NS}">${rels.join('')}</Relationships>`;
  files['_rels/.rels'] =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_NS}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  files['[Content_Types].xml'] =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${overrides.join('')}</Types>`;
  return zipSync(Object.fromEntries(Object.entries(files).map(([name, text]) => [name, strToU8(text)])));
}

/** `<row>` of cells written as given. */
const row = (r: number | null, cells: string) => `<row${r === null ? '' : ` r="${r}"`}>${cells}</row>`;

// ---------------------------------------------------------------------------------------------
// SheetJS-written workbooks

const KINDS_OF_CELLS: unknown[][] = [
  ['单位', '人数', '比例', '备注'],
  ['甲工会', 12, 0.125, ''],
  ['乙工会', '0012', '１２０人', true],
  ['丙工会', -3.25, 1e21, false],
  ['a & b <c> "d" \'e\'', 1e-7, 123456789012345, ' leading and trailing '],
  ['line\nbreak', 'tab\there', 'ctrl\u0001\u001fchars', '😀 𠀀 emoji and astral'],
  [null, 7, null, '_x005F_ is an escape in the file'],
  [],
  ['after a blank row', Number.MAX_SAFE_INTEGER, -0, 'x'],
];

const DATES: unknown[][] = [
  ['default format', local(2024, 3, 20)],
  ['yyyy"年"m"月"d"日"', local(2024, 3, 21)],
  ['yyyy-mm-dd', local(2023, 12, 31)],
  ['with time', local(2024, 3, 20, 13, 45, 30)],
  ['h:mm', local(1899, 12, 31, 9, 30)],
  ['1900-01-15', local(1900, 1, 15)],
  ['1900-02-28', local(1900, 2, 28)],
  ['1900-03-01', local(1900, 3, 1)],
  ['number shown as a date', 45371],
  ['serial 60 (1900-02-29 that never was)', 60],
  ['serial 0', 0],
  ['a percent is no date', 0.5],
  ['[h]:mm:ss', 1.75],
  ['m/d/yy h:mm', 45371.5],
];
const DATE_FORMATS: Record<string, string> = {
  B2: 'yyyy"年"m"月"d"日"',
  B3: 'yyyy-mm-dd',
  B4: 'yyyy-mm-dd hh:mm:ss',
  B5: 'h:mm',
  B9: 'yyyy-mm-dd',
  B10: 'yyyy-mm-dd',
  B11: 'yyyy-mm-dd',
  B12: '0.00%',
  B13: '[h]:mm:ss',
  B14: 'm/d/yy h:mm',
};

describe('workbooks written by SheetJS', () => {
  it.each([
    ['inline strings (t="str")', false],
    ['shared strings', true],
  ])('numbers, text, numbers stored as text, booleans, odd characters — %s', (_label, bookSST) => {
    const result = expectSameAsSheetJS(sheetjsBytes([{ name: '数据', rows: KINDS_OF_CELLS }], { bookSST }));
    const rows = result.grids[0]!.rows;
    expect(rows[1]).toEqual(['甲工会', 12, 0.125, '']);
    expect(rows[2]).toEqual(['乙工会', '0012', '１２０人', true]);
    expect(rows[4]![0]).toBe('a & b <c> "d" \'e\'');
    expect(rows[5]).toEqual(['line\nbreak', 'tab\there', 'ctrl\u0001\u001fchars', '😀 𠀀 emoji and astral']);
    // SheetJS writes "_x005F_" as it is, and so it reads back as "_".
    expect(rows[6]).toEqual([null, 7, null, '_ is an escape in the file']);
    expect(rows[7]).toEqual([]);
  });

  it.each([
    ['dates written as numbers', false, false],
    ['dates written as t="d"', true, false],
    ['the 1904 date system', false, true],
    ['the 1904 date system, t="d"', true, true],
  ])('dates with their number formats — %s', (_label, cellDates, date1904) => {
    const result = expectSameAsSheetJS(sheetjsBytes([{ name: '日期', rows: DATES, formats: DATE_FORMATS }], { cellDates, date1904 }));
    const values = result.grids[0]!.rows.map((r) => r[1]);
    expect(values[0]).toEqual(utc(2024, 3, 20));
    expect(values[1]).toEqual(utc(2024, 3, 21));
    expect(values[3]).toEqual(utc(2024, 3, 20, 13, 45, 30));
    expect(values[11]).toBe(0.5);
    if (!date1904) {
      expect(values[8]).toEqual(utc(2024, 3, 20));
      // Excel's 1900-02-29, as readWorkbook gives it.
      expect(values[9]).toEqual(utc(1900, 3, 1));
    }
  });

  it('several sheets, merges, a hidden and a very hidden sheet, and _huizong as meta', () => {
    const bytes = sheetjsBytes([
      { name: '活动数据汇总', rows: [['2024年女职工维权行动月活动数据汇总表'], ['单位', '人数'], ['甲', 1]], merges: ['A1:B1', 'C2:C3'] },
      { name: '说明', rows: [['隐藏的说明']], hidden: 1 },
      { name: '宏', rows: [['very hidden']], hidden: 2 },
      { name: '空表', rows: [] },
      {
        name: '_huizong',
        rows: [
          ['kind', 'template'],
          ['form', 'activity-summary'],
          ['version', 3],
          ['flag', true],
          ['', 'no key'],
          ['empty', ''],
        ],
        hidden: 2,
      },
    ]);
    const result = expectSameAsSheetJS(bytes);
    expect(result.grids.map((g) => g.sheet)).toEqual(['活动数据汇总', '说明', '空表']);
    expect(result.grids[0]!.merges).toEqual([
      { s: { r: 0, c: 0 }, e: { r: 0, c: 1 } },
      { s: { r: 1, c: 2 }, e: { r: 2, c: 2 } },
    ]);
    expect(result.meta).toEqual({ kind: 'template', form: 'activity-summary', version: '3', flag: 'true', empty: '' });
  });

  it('an uncompressed package', () => {
    expectSameAsSheetJS(sheetjsBytes([{ name: 'S', rows: KINDS_OF_CELLS }], { compression: false }));
  });
});

// ---------------------------------------------------------------------------------------------
// exceljs-written workbooks

describe('workbooks written by exceljs', () => {
  function build(wb: Workbook): void {
    const ws = wb.addWorksheet('知识竞赛情况');
    ws.getCell('A1').value = '2024年知识竞赛情况表';
    ws.mergeCells('A1:F1');
    ws.getRow(2).values = ['单位', '场次', '日期', '公式', '文字公式', '错误'];
    ws.getCell('A3').value = { richText: [{ text: '红色', font: { bold: true, color: { argb: 'FFFF0000' } } }, { text: '工会 & <其他>' }] };
    ws.getCell('B3').value = 12;
    ws.getCell('C3').value = utc(2024, 3, 20);
    ws.getCell('C3').numFmt = 'yyyy"年"m"月"d"日"';
    ws.getCell('D3').value = { formula: 'B3*2', result: 24 };
    ws.getCell('E3').value = { formula: 'A3&"x"', result: '红色工会 & <其他>x' };
    ws.getCell('F3').value = { formula: '1/0', result: { error: '#DIV/0!' } };
    ws.getCell('A4').value = '0012';
    ws.getCell('B4').value = 3.5;
    ws.getCell('C4').value = utc(2024, 3, 21);
    ws.getCell('C4').numFmt = 'yyyy-mm-dd';
    ws.getCell('D4').value = { formula: 'TRUE()', result: true };
    ws.getCell('E4').value = { formula: 'DATE(2024,3,22)', result: utc(2024, 3, 22) };
    ws.getCell('E4').numFmt = 'mm-dd-yy';
    ws.getCell('F4').value = { error: '#N/A' };
    ws.getCell('A5').value = true;
    ws.getCell('B5').value = 0.25;
    ws.getCell('B5').numFmt = '0.00%';
    ws.getCell('C5').value = { text: '链接', hyperlink: 'https://example.com/?a=1&b=2' };
    ws.getCell('D5').value = '  spaces kept  ';
    ws.getCell('E5').value = utc(2024, 3, 20, 8, 30);
    ws.getCell('E5').numFmt = '[$-804]yyyy"年"m"月"d"日" h"时"mm"分"';
    ws.getCell('F5').value = 45371;
    ws.getCell('F5').numFmt = '#,##0';
    ws.getCell('H7').value = 'far away';
    ws.getCell('H7').border = { top: { style: 'thin' } };
    ws.getCell('I8').border = { top: { style: 'thin' } };
    const hidden = wb.addWorksheet('隐藏', { state: 'hidden' });
    hidden.getCell('A1').value = 'hidden, still a grid';
    const veryHidden = wb.addWorksheet('_huizong', { state: 'veryHidden' });
    veryHidden.getCell('A1').value = 'kind';
    veryHidden.getCell('B1').value = 'return';
    veryHidden.getCell('A2').value = 'year';
    veryHidden.getCell('B2').value = 2024;
  }

  it.each([
    ['shared strings', true],
    ['inline strings (rich text as <is><r>)', false],
  ])('rich text, styles with custom date formats, formulas with results, errors — %s', async (_label, useSharedStrings) => {
    const result = expectSameAsSheetJS(await exceljsBytes(build, useSharedStrings));
    const rows = result.grids[0]!.rows;
    expect(result.grids.map((g) => g.sheet)).toEqual(['知识竞赛情况', '隐藏']);
    expect(rows[2]).toEqual(['红色工会 & <其他>', 12, utc(2024, 3, 20), 24, '红色工会 & <其他>x', '#DIV/0!']);
    expect(rows[3]).toEqual(['0012', 3.5, utc(2024, 3, 21), true, utc(2024, 3, 22), '#N/A']);
    expect(rows[4]).toEqual([true, 0.25, '链接', '  spaces kept  ', utc(2024, 3, 20, 8, 30), 45371]);
    expect(result.meta).toEqual({ kind: 'return', year: '2024' });
  });

  it('a formula written without a result is no value', async () => {
    const bytes = await exceljsBytes((wb) => {
      const ws = wb.addWorksheet('S');
      ws.getCell('A1').value = 2;
      ws.getCell('B1').value = { formula: 'A1*2' };
      ws.getCell('C1').value = 3;
    });
    expect(expectSameAsSheetJS(bytes).grids[0]!.rows).toEqual([[2, null, 3]]);
  });

  it('the 1904 date system', async () => {
    const result = expectSameAsSheetJS(
      await exceljsBytes((wb) => {
        wb.properties.date1904 = true;
        const ws = wb.addWorksheet('S');
        ws.getCell('A1').value = utc(2024, 3, 20);
        ws.getCell('A1').numFmt = 'yyyy-mm-dd';
        ws.getCell('A2').value = 1;
        ws.getCell('A2').numFmt = 'yyyy-mm-dd';
      }),
    );
    expect(result.grids[0]!.rows).toEqual([[utc(2024, 3, 20)], [utc(1904, 1, 2)]]);
  });

  it.each(shippedForms.map((form) => [form.id, form] as const))('our own template of %s', async (_id, form) => {
    const bytes = await writeTemplateWorkbook(compileForm(form), { lang: 'zh-CN', year: 2024 });
    const result = expectSameAsSheetJS(bytes);
    expect(result.meta?.form).toBe(form.id);
  });
});

// ---------------------------------------------------------------------------------------------
// Hand-made packages: the corners writers differ in

describe('hand-made SpreadsheetML', () => {
  it('cells and rows without r, out-of-order cells, styled empty cells', () => {
    const data =
      row(null, '<c t="inlineStr"><is><t>a</t></is></c><c><v>1</v></c><c s="0"/><c><v>3</v></c>') +
      row(3, '<c r="C3"><v>33</v></c><c><v>34</v></c><c r="A3"><v>31</v></c>') +
      row(null, '<c r="B4" s="0"/><c r="E4"><v>45</v></c>') +
      '<row r="6" spans="1:3" ht="20" customHeight="1"/>';
    const result = expectSameAsSheetJS(rawXlsx({ sheets: [{ name: 'S', data }] }));
    expect(result.grids[0]!.rows).toEqual([['a', 1, null, 3], [], [31, null, 33, 34], [null, null, null, null, 45]]);
  });

  it('every element with a namespace prefix (x:c, x:v, x:si …)', () => {
    const data =
      '<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" s="1"><x:v>45371</x:v></x:c><x:c r="C1" t="inlineStr"><x:is><x:r><x:t>in</x:t></x:r><x:r><x:t>line</x:t></x:r></x:is></x:c></x:row>' +
      '<x:row r="2"><x:c r="A2" t="s"><x:v>1</x:v></x:c><x:c r="B2" t="b"><x:v>0</x:v></x:c><x:c r="C2"><x:f>1+1</x:f><x:v>2</x:v></x:c></x:row>';
    const bytes = rawXlsx({
      prefixed: true,
      sheets: [{ name: 'S', data, after: '<x:mergeCells count="1"><x:mergeCell ref="A2:A3"/></x:mergeCells>' }],
      sharedStrings: ['共享', 'rich'],
      styles: { xfs: [0, 14] },
    });
    const result = expectSameAsSheetJS(bytes);
    expect(result.grids[0]!.rows).toEqual([
      ['共享', utc(2024, 3, 20), 'inline'],
      ['rich', false, 2],
    ]);
    expect(result.grids[0]!.merges).toEqual([{ s: { r: 1, c: 0 }, e: { r: 2, c: 0 } }]);
  });

  it('shared strings: rich runs, phonetic runs left out, entities, _xHHHH_ escapes, CRLF, empty items', () => {
    const sst =
      '<si><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh><phoneticPr fontId="1"/></si>' +
      '<si><r><rPr><b/><sz val="11"/></rPr><t>粗</t></r><r><t xml:space="preserve"> 体 </t></r><rPh sb="0" eb="1"><t>ソ</t></rPh></si>' +
      '<si><t>&amp;&lt;&gt;&quot;&apos;&#20013;&#x6587;</t></si>' +
      '<si><t>a_x000D_b_x0009_c_x005F_x0041_</t></si>' +
      '<si><t>line\r\nbreak</t></si>' +
      '<si><t/></si>' +
      '<si><t></t></si>';
    const data = row(1, [0, 1, 2, 3, 4, 5, 6].map((i) => `<c r="${String.fromCharCode(65 + i)}1" t="s"><v>${i}</v></c>`).join(''));
    const result = expectSameAsSheetJS(rawXlsx({ sheets: [{ name: 'S', data }], sharedStrings: sst }));
    expect(result.grids[0]!.rows[0]).toEqual(['東京', '粗 体 ', '&<>"\'中文', 'a\rb\tc_x0041_', 'line\nbreak', '', '']);
  });

  it('cell types: str, inlineStr, b, e, n, d, missing; formulas with cached values; shared formulas', () => {
    const data =
      row(
        1,
        '<c r="A1" t="str"><f>"a"&amp;"b"</f><v>ab &amp; c</v></c><c r="B1" t="b"><f>TRUE()</f><v>1</v></c><c r="C1" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="D1" t="n"><v>1.5E3</v></c><c r="E1"><v>-0.25</v></c>',
      ) +
      row(
        2,
        '<c r="A2"><f t="shared" ref="A2:A3" si="0">B2*2</f><v>4</v></c><c r="B2"><v>2</v></c><c r="C2" t="e"><v>#N/A</v></c><c r="D2" t="b"><v>true</v></c><c r="E2" t="inlineStr"><is><t xml:space="preserve">  x  </t></is></c>',
      ) +
      row(
        3,
        '<c r="A3"><f t="shared" si="0"/><v>6</v></c><c r="B3"><v>3</v></c><c r="C3" t="d" s="1"><v>2024-03-20T10:30:00Z</v></c><c r="D3" t="d" s="1"><v>2024-03-21</v></c><c r="E3" t="d"><v>2024-03-22</v></c>',
      ) +
      row(4, '<c r="A4" t="s"><v>0</v></c><c r="B4" t="str"><v></v></c><c r="C4" t="inlineStr"><is/></c>');
    const result = expectSameAsSheetJS(rawXlsx({ sheets: [{ name: 'S', data }], sharedStrings: ['s0'], styles: { xfs: [0, 22] } }));
    expect(result.grids[0]!.rows).toEqual([
      ['ab & c', true, '#DIV/0!', 1500, -0.25],
      [4, 2, '#N/A', true, '  x  '],
      [6, 3, utc(2024, 3, 20, 10, 30), utc(2024, 3, 21), 45373],
      ['s0', '', ''],
    ]);
  });

  it('styles: built-in and custom date formats, dxfs not mistaken for cell formats, unknown xf', () => {
    const styles =
      `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${MAIN_NS}"><!-- a comment -->` +
      '<numFmts count="4"><numFmt numFmtId="164" formatCode="[$-804]yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;;@"/><numFmt numFmtId="165" formatCode="0.00_ "/>' +
      '<numFmt numFmtId="166" formatCode="[h]:mm:ss"/><numFmt numFmtId="14" formatCode="yyyy/m/d"/></numFmts>' +
      '<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>' +
      '<cellXfs count="8"><xf/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="165"/><xf numFmtId="166"/><xf numFmtId="14"/><xf numFmtId="22"/><xf numFmtId="49"/><xf numFmtId="167"/></cellXfs>' +
      '<dxfs count="1"><dxf><numFmt numFmtId="167" formatCode="yyyy-mm-dd"/></dxf></dxfs></styleSheet>';
    const cells = [0, 1, 2, 3, 4, 5, 6, 7, 99]
      .map((s, i) => `<c r="${String.fromCharCode(65 + i)}1" s="${s}"><v>45371.25</v></c>`)
      .join('');
    const result = expectSameAsSheetJS(rawXlsx({ sheets: [{ name: 'S', data: row(1, cells) }], styles }));
    const date = utc(2024, 3, 20, 6);
    expect(result.grids[0]!.rows[0]).toEqual([45371.25, date, 45371.25, date, date, date, 45371.25, 45371.25, 45371.25]);
  });

  it('the 1904 system from <workbookPr date1904="1">', () => {
    const bytes = rawXlsx({
      sheets: [{ name: 'S', data: row(1, '<c r="A1" s="1"><v>0</v></c><c r="B1" s="1"><v>43909</v></c>') }],
      styles: { xfs: [0, 14] },
      workbookPr: '<workbookPr date1904="1"/>',
    });
    expect(expectSameAsSheetJS(bytes).grids[0]!.rows).toEqual([[utc(1904, 1, 1), utc(2024, 3, 20)]]);
  });

  it('sheet order from workbook.xml whatever the parts are called; absolute, relative and unusual targets', () => {
    const bytes = rawXlsx({
      sheets: [
        {
          name: '第二',
          data: row(1, '<c r="A1" t="inlineStr"><is><t>2</t></is></c>'),
          part: 'xl/worksheets/sheet9.xml',
          target: '/xl/worksheets/sheet9.xml',
        },
        {
          name: '第一',
          data: row(1, '<c r="A1" t="inlineStr"><is><t>1</t></is></c>'),
          part: 'xl/worksheets/data/first.xml',
          target: 'worksheets/data/first.xml',
        },
        { name: 'A & B', data: row(1, '<c r="A1"><v>3</v></c>'), part: 'xl/other.xml', target: 'other.xml' },
      ],
    });
    const result = expectSameAsSheetJS(bytes);
    expect(result.grids.map((g) => [g.sheet, g.rows[0]![0]])).toEqual([
      ['第二', '2'],
      ['第一', '1'],
      ['A & B', 3],
    ]);
  });

  it('comments in the sheet, attributes in single quotes, extLst in cells', () => {
    const xml =
      `<?xml version="1.0"?><!-- before --><worksheet xmlns="${MAIN_NS}"><dimension ref='A1:B2'/><sheetData><!-- inside -->` +
      `<row r='1'><c r='A1' t='s'><v>0</v></c><!-- between --><c r='B1'><v>2</v><extLst><ext uri="x"><foo/></ext></extLst></c></row>` +
      `</sheetData><!-- after --><mergeCells><mergeCell ref='A1:B1'/></mergeCells></worksheet>`;
    const result = expectSameAsSheetJS(rawXlsx({ sheets: [{ name: 'S', xml }], sharedStrings: ['x'] }));
    // B1 is under the merge A1:B1: Excel shows only A1, so its 2 is taken out and listed.
    expect(result.grids[0]!.rows).toEqual([['x', null]]);
  });

  it('a sheet with no sheetData, and one with <sheetData/>', () => {
    const result = expectSameAsSheetJS(
      rawXlsx({
        sheets: [
          { name: 'A', xml: `<worksheet xmlns="${MAIN_NS}"/>` },
          { name: 'B', xml: `<worksheet xmlns="${MAIN_NS}"><sheetData/></worksheet>` },
        ],
      }),
    );
    expect(result.grids.map((g) => g.rows)).toEqual([[], []]);
  });
});

// ---------------------------------------------------------------------------------------------
// LibreOffice

describeWithOffice('workbooks written by LibreOffice', () => {
  const files: Record<string, Uint8Array> = {};
  let dir: string;

  beforeAll(async () => {
    dir = tempDir('huizong-fast-xlsx-');
    const csv = writeCsv(path.join(dir, 'from-csv.csv'), [
      ['单位', '人数', '比例', '日期', '布尔', '备注'],
      ['甲工会', 12, '12.5%', '2024-03-20', 'TRUE', 'a, "quoted"'],
      ['乙工会', '0012', '', '2024-03-21 10:30', 'FALSE', '多行\n文本'],
      ['丙工会', -3.25, '1e3', '3/22/2024', '', ''],
    ]);
    const sheetjs = path.join(dir, 'from-sheetjs.xlsx');
    fs.writeFileSync(
      sheetjs,
      sheetjsBytes(
        [
          { name: '数据', rows: KINDS_OF_CELLS, merges: ['A8:D8'] },
          { name: '日期', rows: DATES, formats: DATE_FORMATS },
          { name: '隐藏', rows: [['x']], hidden: 1 },
        ],
        { bookSST: true },
      ),
    );
    const exceljs = path.join(dir, 'from-exceljs.xlsx');
    fs.writeFileSync(
      exceljs,
      await exceljsBytes((wb) => {
        const ws = wb.addWorksheet('表');
        ws.getCell('A1').value = { richText: [{ text: '粗', font: { bold: true } }, { text: '体' }] };
        ws.getCell('B1').value = { formula: 'C1*2', result: 8 };
        ws.getCell('C1').value = 4;
        ws.getCell('D1').value = { formula: '1/0', result: { error: '#DIV/0!' } };
        ws.getCell('E1').value = utc(2024, 3, 20);
        ws.getCell('E1').numFmt = 'yyyy"年"m"月"d"日"';
        ws.mergeCells('A3:C4');
        ws.getCell('A3').value = '合并';
      }),
    );
    for (const input of [csv, sheetjs, exceljs]) {
      const out = await convertWithLibreOffice(input, 'xlsx', path.join(dir, 'lo'));
      files[path.basename(input)] = new Uint8Array(fs.readFileSync(out));
    }
  });

  afterAll(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('a CSV opened and saved as .xlsx', () => {
    const result = expectSameAsSheetJS(files['from-csv.csv']!);
    expect(result.grids[0]!.rows[1]!.slice(0, 4)).toEqual(['甲工会', 12, 0.125, utc(2024, 3, 20)]);
  });

  it('a SheetJS workbook saved again by LibreOffice', () => {
    const result = expectSameAsSheetJS(files['from-sheetjs.xlsx']!);
    expect(result.grids.map((g) => g.sheet)).toEqual(['数据', '日期', '隐藏']);
  });

  it('an exceljs workbook saved again by LibreOffice', () => {
    const result = expectSameAsSheetJS(files['from-exceljs.xlsx']!);
    expect(result.grids[0]!.rows[0]).toEqual(['粗体', 8, 4, '#DIV/0!', utc(2024, 3, 20)]);
  });
});

// ---------------------------------------------------------------------------------------------
// The committed returns

describe('the committed returns in examples/', () => {
  const dir = path.join(__dirname, '../../examples/河东区-2024/returns');
  const names = fs.readdirSync(dir).filter((f) => /\.xlsx$/i.test(f));

  it('are there to read', () => {
    expect(names.length).toBeGreaterThan(5);
  });

  it.each(names)('%s', (name) => {
    const bytes = new Uint8Array(fs.readFileSync(path.join(dir, name)));
    const expected = readWorkbook(name, bytes, { reader: 'sheetjs' });
    if (expected.ok) expectSameAsSheetJS(bytes, name);
    else expect(() => readXlsxFast(bytes)).toThrow();
  });
});

// ---------------------------------------------------------------------------------------------
// Properties

describe('properties', () => {
  const tricky = ['<', '>', '"', "'", '\r\n', '\r', '\n', '\t', ' ', '\u0001', '\u001f', '中', '文', '１', '😀', '𠀀', ']]>'];
  const textOf = (specials: string[]) =>
    fc.string({ unit: fc.oneof(fc.constantFrom(...specials), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 })), maxLength: 12 });
  // Everything, for shared strings; for t="str" nothing SheetJS's second decoding would change
  // (no "&", "_", CDATA or U+FFFE, which it writes as _xFFFE_: see "where it parts from SheetJS").
  const text = textOf([...tricky, '&', '&amp;', '&#20013;', '_x0041_', '_X000d_', '_x005F_x0041_', '<![CDATA[', '\uFFFE']);
  const plainText = textOf(tricky).filter((s) => !/[&_]/.test(s));
  const gridOf = (t: fc.Arbitrary<string>) =>
    fc.array(fc.array(fc.oneof(t, fc.double(), fc.integer(), fc.boolean(), fc.constant(null)), { maxLength: 8 }), { maxLength: 8 });

  it('random grids of text, numbers and booleans written by SheetJS read as SheetJS reads them', () => {
    fc.assert(
      fc.property(gridOf(text), (rows) => {
        expectSameAsSheetJS(sheetjsBytes([{ name: 'S', rows }], { bookSST: true }));
      }),
      { numRuns: 100 },
    );
    fc.assert(
      fc.property(gridOf(plainText), (rows) => {
        expectSameAsSheetJS(sheetjsBytes([{ name: 'S', rows }], { bookSST: false }));
      }),
      { numRuns: 100 },
    );
  });

  it('…and read back as they were written, where SheetJS writes them faithfully', () => {
    // SheetJS writes `_x0041_` as is (so it reads back as "A"); CRLF it writes as `_x000D_` + LF,
    // which reads back as written.
    const faithful = text.filter((s) => !/_x[0-9a-f]{4}_/i.test(s));
    const cell = fc.oneof(faithful, fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 8 }), fc.boolean(), (rows, bookSST) => {
        const result = readXlsxFast(sheetjsBytes([{ name: 'S', rows }], { bookSST }));
        const written = rows.map((r) => r.map((v) => (Object.is(v, -0) ? 0 : v)));
        expect(trimmed(result.grids[0]!.rows)).toEqual(trimmed(written as CellValue[][]));
      }),
      { numRuns: 150 },
    );
  });

  it('serial → date as SheetJS SSF.parse_date_code and readWorkbook make it', () => {
    const serial = fc.oneof(
      fc.double({ min: 0, max: 2958465, noNaN: true }),
      fc.integer({ min: 0, max: 2958465 }),
      fc.constantFrom(0, 59, 60, 61, 1462, 0.5, 59.999999, 60.9999999),
    );
    fc.assert(
      fc.property(serial, fc.boolean(), (v, date1904) => {
        const d = XLSX.SSF.parse_date_code(v, { date1904 });
        const expected = new Date(Date.UTC(d.y, d.m - 1, d.d, d.H, d.M, Math.floor(d.S)));
        expect(excelSerialToDate(v, date1904)).toEqual(expected);
      }),
      { numRuns: 2000 },
    );
    expect(excelSerialToDate(-1, false)).toBeNull();
    expect(excelSerialToDate(2958466, false)).toBeNull();
  });
});

// ---------------------------------------------------------------------------------------------
// Where it parts from SheetJS, on purpose

describe('where it parts from SheetJS', () => {
  it('a carriage return written as _x000D_ before a line feed is kept (SheetJS drops it)', () => {
    // Excel writes a cell's CRLF as `_x000D_` + LF, XML having no way to keep a bare CR, and
    // shows the CR it reads back. A CRLF written as such in the XML is a plain line end: LF.
    const data = row(
      1,
      '<c r="A1" t="inlineStr"><is><t>line_x000D_\nbreak</t></is></c><c r="B1" t="s"><v>0</v></c>' +
        '<c r="C1" t="inlineStr"><is><t>line\r\nbreak</t></is></c><c r="D1" t="inlineStr"><is><t>a&#13;\nb</t></is></c>',
    );
    const bytes = rawXlsx({ sheets: [{ name: 'S', data }], sharedStrings: '<si><t>甲_x000D_\n乙</t></si>' });
    expect(readXlsxFast(bytes).grids[0]!.rows).toEqual([['line\r\nbreak', '甲\r\n乙', 'line\nbreak', 'a\r\nb']]);
    const sheetjs = readWorkbook('x.xlsx', bytes, { reader: 'sheetjs' });
    expect(sheetjs.ok && sheetjs.grids[0]!.rows).toEqual([['line\nbreak', '甲\n乙', 'line\nbreak', 'a\nb']]);
  });

  it('a text formula without a cached value is null, as any formula without one (SheetJS: "")', () => {
    const data = row(1, '<c r="A1"><f>B1+1</f></c><c r="B1" t="str"><f>"a"</f></c><c r="C1"><v>1</v></c>');
    const bytes = rawXlsx({ sheets: [{ name: 'S', data }] });
    expect(readXlsxFast(bytes).grids[0]!.rows).toEqual([[null, null, 1]]);
    const sheetjs = readWorkbook('x.xlsx', bytes, { reader: 'sheetjs' });
    expect(sheetjs.ok && sheetjs.grids[0]!.rows).toEqual([[null, '', 1]]);
  });

  it('t="str" text is decoded once (SheetJS decodes it twice: "&amp;amp;" → "&")', () => {
    const data = row(1, '<c r="A1" t="str"><v>&amp;amp; &amp;lt;b&amp;gt;</v></c><c r="B1" t="str"><v>_x005F_x0041_</v></c>');
    const bytes = rawXlsx({ sheets: [{ name: 'S', data }] });
    expect(readXlsxFast(bytes).grids[0]!.rows).toEqual([['&amp; &lt;b&gt;', '_x0041_']]);
    const sheetjs = readWorkbook('x.xlsx', bytes, { reader: 'sheetjs' });
    expect(sheetjs.ok && sheetjs.grids[0]!.rows).toEqual([['& <b>', 'A']]);
    // So text SheetJS itself writes (always t="str") does not come back as written through SheetJS.
    const written = sheetjsBytes([{ name: 'S', rows: [['&amp; and <![CDATA[x]]>']] }]);
    expect(readXlsxFast(written).grids[0]!.rows).toEqual([['&amp; and <![CDATA[x]]>']]);
  });

  it('numeric character references beyond U+FFFF are whole characters (SheetJS cuts them to 16 bits)', () => {
    const bytes = rawXlsx({ sheets: [{ name: 'S', data: '' }], sharedStrings: '<si><t>&#x1F600;&#128512;</t></si>' });
    const withCell = rawXlsx({
      sheets: [{ name: 'S', data: row(1, '<c r="A1" t="s"><v>0</v></c>') }],
      sharedStrings: '<si><t>&#x1F600;&#128512;</t></si>',
    });
    expect(readXlsxFast(bytes).grids[0]!.rows).toEqual([]);
    expect(readXlsxFast(withCell).grids[0]!.rows).toEqual([['😀😀']]);
  });

  it('relationship targets with ".." are resolved (SheetJS drops the sheet)', () => {
    const bytes = rawXlsx({
      sheets: [
        {
          name: '第一',
          data: row(1, '<c r="A1"><v>1</v></c>'),
          part: 'xl/worksheets/data/first.xml',
          target: './worksheets/../worksheets/data/first.xml',
        },
      ],
    });
    expect(readXlsxFast(bytes).grids.map((g) => [g.sheet, g.rows])).toEqual([['第一', [[1]]]]);
    const sheetjs = readWorkbook('x.xlsx', bytes, { reader: 'sheetjs' });
    expect(sheetjs.ok && sheetjs.grids).toEqual([]);
  });

  it('the built-in CJK date formats (27–36, 50–58) are dates on every cell (SheetJS misses the first)', () => {
    const data = row(1, '<c r="A1" s="1"><v>45371</v></c><c r="B1" s="1"><v>45372</v></c><c r="C1" s="2"><v>45373</v></c>');
    const bytes = rawXlsx({ sheets: [{ name: 'S', data }], styles: { xfs: [0, 31, 57] } });
    expect(readXlsxFast(bytes).grids[0]!.rows).toEqual([[utc(2024, 3, 20), utc(2024, 3, 21), utc(2024, 3, 22)]]);
    const sheetjs = readWorkbook('x.xlsx', bytes, { reader: 'sheetjs' });
    expect(sheetjs.ok && sheetjs.grids[0]!.rows).toEqual([[45371, utc(2024, 3, 21), 45373]]);
  });
});

// ---------------------------------------------------------------------------------------------
// What it leaves to SheetJS

describe('what it does not understand, it throws on (the caller falls back to SheetJS)', () => {
  const cases: [string, () => Uint8Array][] = [
    ['not a zip', () => strToU8('单位,人数\n甲,1\n')],
    [
      'a zip without xl/workbook.xml (an .ods, an .xlsb)',
      () => zipSync({ 'content.xml': strToU8('<office:document-content/>'), 'xl/workbook.bin': new Uint8Array(4) }),
    ],
    [
      'a chartsheet among the sheets',
      () =>
        rawXlsx({
          sheets: [
            { name: 'S', data: '' },
            { name: '图表', xml: '<chartsheet/>', part: 'xl/chartsheets/sheet1.xml', type: 'chartsheet' },
          ],
        }),
    ],
    ['an unknown cell type', () => rawXlsx({ sheets: [{ name: 'S', data: row(1, '<c r="A1" t="x"><v>1</v></c>') }] })],
    [
      'a shared string index out of range',
      () => rawXlsx({ sheets: [{ name: 'S', data: row(1, '<c r="A1" t="s"><v>3</v></c>') }], sharedStrings: ['a'] }),
    ],
    ['CDATA', () => rawXlsx({ sheets: [{ name: 'S', data: row(1, '<c r="A1" t="str"><v><![CDATA[a<b]]></v></c>') }] })],
    [
      'a DOCTYPE',
      () =>
        rawXlsx({ sheets: [{ name: 'S', xml: `<!DOCTYPE x [<!ENTITY e "x">]><worksheet xmlns="${MAIN_NS}"><sheetData/></worksheet>` }] }),
    ],
    ['a malformed cell reference', () => rawXlsx({ sheets: [{ name: 'S', data: row(1, '<c r="1A"><v>1</v></c>') }] })],
    [
      'a malformed merge',
      () =>
        rawXlsx({
          sheets: [{ name: 'S', data: row(1, '<c r="A1"><v>1</v></c>'), after: '<mergeCells><mergeCell ref="a1:b2"/></mergeCells>' }],
        }),
    ],
    ['a number that is not one', () => rawXlsx({ sheets: [{ name: 'S', data: row(1, '<c r="A1"><v>abc</v></c>') }] })],
    ['a boolean that is not one', () => rawXlsx({ sheets: [{ name: 'S', data: row(1, '<c r="A1" t="b"><v>yes</v></c>') }] })],
    ['a missing sheet part', () => rawXlsx({ sheets: [{ name: 'S', data: '', target: 'worksheets/nowhere.xml' }] })],
    ['a sheet without its relationship', () => rawXlsx({ sheets: [{ name: 'S', data: '', rid: 'rId9' }] })],
    ['Strict Open XML', () => rawXlsx({ mainNs: 'http://purl.oclc.org/ooxml/spreadsheetml/main', sheets: [{ name: 'S', data: '' }] })],
    [
      'unclosed sheetData',
      () => rawXlsx({ sheets: [{ name: 'S', xml: `<worksheet xmlns="${MAIN_NS}"><sheetData><row r="1"><c r="A1"><v>1</v></c></row>` }] }),
    ],
  ];

  it.each(cases)('%s', (_label, make) => {
    expect(() => readXlsxFast(make())).toThrow(XlsxFastUnsupported);
  });

  it('broken markup: a result or its own error, never another error or a hang', () => {
    const parts = unzipSync(
      sheetjsBytes(
        [
          { name: '数据', rows: KINDS_OF_CELLS, merges: ['A8:D8'], formats: { B2: 'yyyy-mm-dd' } },
          { name: '_huizong', rows: [['kind', 'return']], hidden: 2 },
        ],
        { bookSST: true },
      ),
    );
    const names = [
      'xl/worksheets/sheet1.xml',
      'xl/sharedStrings.xml',
      'xl/workbook.xml',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      'xl/worksheets/sheet2.xml',
    ];
    const bits = fc.constantFrom(
      '<',
      '>',
      '/',
      '=',
      '"',
      "'",
      ' ',
      ':',
      'c',
      'v',
      'r',
      't',
      's',
      '!',
      '?',
      '&',
      ';',
      '_x',
      '1',
      'A',
      '<!--',
      '-->',
      '<c>',
      '</c>',
      '<v>',
      '</v>',
      '<row>',
      '</row>',
      '</sheetData>',
      '<si>',
      '<t>',
      'x:',
    );
    const edit = fc.record({ at: fc.nat(), cut: fc.nat({ max: 4 }), insert: fc.option(bits, { nil: '' }) });
    fc.assert(
      fc.property(fc.constantFrom(...names), fc.array(edit, { minLength: 1, maxLength: 4 }), (name, edits) => {
        let xml = strFromU8(parts[name]!);
        for (const { at, cut, insert } of edits) {
          const i = at % (xml.length + 1);
          xml = xml.slice(0, i) + insert + xml.slice(i + cut);
        }
        let result: ReturnType<typeof readXlsxFast> | undefined;
        try {
          result = readXlsxFast(zipSync({ ...parts, [name]: strToU8(xml) }));
        } catch (error) {
          if (!(error instanceof XlsxFastUnsupported)) throw error;
        }
        if (result) expectDense(result.grids);
      }),
      { numRuns: 250 },
    );
  });
});
