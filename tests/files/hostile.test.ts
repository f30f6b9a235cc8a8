/**
 * Hostile and broken returns: each one gets a verdict from the container guard in
 * milliseconds, and whatever the guard lets through is read by `readWorkbook` in bounded
 * time, without throwing. The files are made here, in a temp dir, without ever holding the
 * bomb's 600 MB in memory.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as XLSX from '@e965/xlsx';
import { Inflate, strToU8, zipSync } from 'fflate';
import { messageFor, type IssueCode, type IssueParams } from '../../src/core/issues/catalogue';
import { cellText, headerTextRows, type Grid } from '../../src/core/table/grid';
import {
  DEFAULT_LIMITS,
  gridCost,
  inspectGrids,
  rangeArea,
  xorPasswordVerifier,
  type GuardVerdict,
  type Limits,
} from '../../src/files/guards';
import { inspectBeforeSheetJs } from '../../src/files/readWithSheetJs';
import { readWorkbook, type ReadOptions, type ReadResult } from '../../src/files/readWorkbook';
import {
  HEADER_ROW,
  MAIN,
  XML,
  afterBof,
  biffRecord,
  bombWorkbook,
  buildZip,
  overlappingZip,
  crc32,
  crc32Combine,
  deflated,
  editXls,
  inline,
  partData,
  realReturn,
  u16le,
  whitespaceBomb,
  workbookParts,
  worksheet,
  zipParts,
  type RawEntry,
} from '../helpers/hostile';

// ── Harness ──

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'huizong-hostile-'));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The file as it arrives: written to the temp dir, read back as bytes. */
function arrive(name: string, bytes: Uint8Array): Uint8Array {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return new Uint8Array(fs.readFileSync(file));
}

/** The verdict alone: the parts an accepted zip's guard inflated for the reader are left out. */
function guard(name: string, bytes: Uint8Array, limits: Partial<Limits> = {}): GuardVerdict {
  const value = inspectBeforeSheetJs(name, arrive(name, bytes), limits);
  return value.ok ? { ok: true } : value;
}

/** Refused with `code`: its messages in both languages, the English one without Chinese. */
function refused(
  name: string,
  bytes: Uint8Array,
  code: IssueCode,
  limits: Partial<Limits> = {},
): { zh: string; en: string; params: IssueParams } {
  const verdict = guard(name, bytes, limits);
  expect(verdict).toMatchObject({ ok: false, code });
  const params = verdict.ok ? {} : verdict.params;
  const zh = messageFor(code, params, 'zh-CN');
  const en = messageFor(code, params, 'en');
  expect(zh).not.toMatch(/\{\w+\}/);
  expect(en).not.toMatch(/\{\w+\}|[\u3000-\u9fff\uff00-\uffef]/);
  return { zh, en, params };
}

function read(name: string, bytes: Uint8Array, options: ReadOptions = {}): ReadResult {
  let result: ReadResult | undefined;
  expect(() => (result = readWorkbook(name, bytes, options))).not.toThrow();
  return result!;
}

const allText = (grids: Grid[]) => grids.flatMap((g) => g.rows.flatMap((row) => row.map(cellText))).join('|');

// ── The files ──

describe('zip bombs', () => {
  test('a 600 MB sheet in 620 KB is refused from its declared size, nothing inflated', () => {
    const bomb = whitespaceBomb(`${XML}<worksheet xmlns="${MAIN}">`, 600, '<sheetData/></worksheet>');
    const bytes = arrive('bomb.xlsx', bombWorkbook(bomb));
    expect(bomb.usz).toBeGreaterThan(600 * 1024 * 1024);
    expect(bytes.length).toBeLessThan(700 * 1024);
    const verdict = inspectBeforeSheetJs('bomb.xlsx', bytes);
    expect(verdict).toMatchObject({
      ok: false,
      code: 'file.part-too-large',
      params: { part: 'xl/worksheets/sheet1.xml', size: '600 MB', limit: '100 MB' },
    });
    expect(messageFor('file.part-too-large', verdict.ok ? {} : verdict.params, 'zh-CN')).toBe(
      '文件中的 xl/worksheets/sheet1.xml 解压后超过 100 MB 的上限，为安全起见未读取；请删去多余的内容，另存后重新报送',
    );
  });

  test('the same construction is a valid workbook: 60 MB of it inflates in full and its CRC holds', () => {
    const bomb = whitespaceBomb(`${XML}<worksheet xmlns="${MAIN}">`, 60, '<sheetData/></worksheet>');
    const bytes = bombWorkbook(bomb);
    // Only the ratio check stops it at the defaults; lifted, every byte is inflated and checked.
    const bomb60 = refused('bomb60.xlsx', bytes, 'file.zip-bomb');
    expect(bomb60.params).toMatchObject({ part: 'xl/worksheets/sheet1.xml', limit: 500 });
    expect(Number(bomb60.params.ratio)).toBeGreaterThan(900);
    expect(bomb60.zh).toContain('压缩比超过 500:1');
    expect(guard('bomb60.xlsx', bytes, { maxRatio: Infinity })).toEqual({ ok: true });
  });

  test('declared sizes that lie are caught while inflating, at the lie', () => {
    const bomb = whitespaceBomb(`${XML}<worksheet xmlns="${MAIN}">`, 600, '<sheetData/></worksheet>');
    // Small declared sizes: SheetJS would allocate 900 KB and run the inflate loop over 600 MB.
    const small = bombWorkbook(bomb, { cdUsz: 900 * 1024 });
    // Counted on past the lie, it is past the part limit: too large, not damage.
    expect(refused('lying.xlsx', small, 'file.part-too-large').params.part).toBe('xl/worksheets/sheet1.xml');
    // A 60 MB one is past any real part's ratio before the part limit: a bomb.
    const small60 = bombWorkbook(whitespaceBomb(`${XML}<worksheet xmlns="${MAIN}">`, 60, '<sheetData/></worksheet>'), {
      cdUsz: 900 * 1024,
    });
    const lying = refused('lying60.xlsx', small60, 'file.zip-bomb');
    expect(lying.params).toMatchObject({ part: 'xl/worksheets/sheet1.xml', limit: 500 });
    expect(Number(lying.params.ratio)).toBeGreaterThan(500);
    expect(lying.zh).toContain('压缩比超过 500:1');
    // A data descriptor, the local header saying 0: SheetJS would grow its buffer to 600 MB.
    const streamed = bombWorkbook(bomb, { cdUsz: 9 * 1024 * 1024, descriptor: true });
    refused('streamed.xlsx', streamed, 'file.part-too-large');
    // Declared honestly, each part under the part limit, together over the total.
    const pad = whitespaceBomb('<a>', 80, '</a>');
    const pads = [1, 2, 3].map((n): RawEntry => ({ name: `xl/media/pad${n}.xml`, method: 8, ...pad }));
    const padded = buildZip([...Object.entries(workbookParts(worksheet(HEADER_ROW))).map(([k, v]) => deflated(k, v)), ...pads]);
    expect(refused('padded.xlsx', padded, 'file.total-too-large', { maxRatio: Infinity }).params).toEqual({
      size: '240 MB',
      limit: '200 MB',
    });
  });

  test('parts that share their compressed bytes (overlapping entries) are refused', () => {
    // The directory naming one local header twice: the same part twice, and refused as such.
    const twice = overlappingZip(worksheet(HEADER_ROW));
    expect(refused('overlap.xlsx', twice, 'file.duplicate-part').params.part).toBe('[Content_Types].xml');
    // Two names whose data overlap: the second part's header sits inside the first's data.
    const parts = Object.entries(workbookParts(worksheet(HEADER_ROW))).map(([k, v]) => deflated(k, v));
    const zip = buildZip(parts);
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    const cd = view.getUint32(zip.length - 22 + 16, true);
    const secondEntry = cd + 46 + view.getUint16(cd + 28, true) + view.getUint16(cd + 30, true) + view.getUint16(cd + 32, true);
    // The first part claims to run on over the second's header (its sizes say so everywhere).
    const grown = view.getUint32(view.getUint32(secondEntry + 42, true) + 18, true) + 40;
    view.setUint32(18, view.getUint32(18, true) + grown, true);
    view.setUint32(cd + 20, view.getUint32(cd + 20, true) + grown, true);
    expect(refused('overlap2.xlsx', zip, 'file.zip-overlap').zh).toContain('多个部件共用同一段数据');
  });

  test('more parts than the limit', () => {
    expect(refused('many.xlsx', realReturn(), 'file.too-many-parts', { maxEntries: 5 }).params).toMatchObject({ limit: '5' });
    expect(DEFAULT_LIMITS.maxEntries).toBe(10_000);
  });
});

describe('ranges that cover a whole sheet', () => {
  test('a merge of A1:XFD1048576 is read, and clamped when headers are filled in', () => {
    const bytes = zipParts(workbookParts(worksheet(HEADER_ROW, '', '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>')));
    expect(guard('merge.xlsx', bytes)).toEqual({ ok: true });
    const result = read('merge.xlsx', bytes);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const grid = result.grids[0]!;
    expect(grid.merges).toEqual([{ s: { r: 0, c: 0 }, e: { r: 1048575, c: 16383 } }]);
    const header = headerTextRows(grid, 0, 1);
    expect(header).toEqual([
      ['单位名称', '单位名称'],
      ['单位名称', '单位名称'],
    ]);
  });

  test('data validation on the whole sheet is read (SheetJS does not expand it)', () => {
    const dv =
      '<dataValidations count="1"><dataValidation type="whole" operator="greaterThanOrEqual" allowBlank="1" sqref="A1:XFD1048576"><formula1>0</formula1></dataValidation></dataValidations>';
    const bytes = zipParts(workbookParts(worksheet(HEADER_ROW, '', dv)));
    expect(guard('validation.xlsx', bytes)).toEqual({ ok: true });
    const result = read('validation.xlsx', bytes);
    expect(result.ok && result.grids[0]!.rows.length).toBe(2);
  });

  test('a dimension of 1,048,576 × 16,384 cells is harmless, and refusable by a limit', () => {
    expect(rangeArea('A1:XFD1048576')).toBe(17_179_869_184);
    const bytes = zipParts(workbookParts(worksheet(HEADER_ROW, '<dimension ref="A1:XFD1048576"/>')));
    expect(guard('dimension.xlsx', bytes)).toEqual({ ok: true });
    const result = read('dimension.xlsx', bytes);
    expect(result.ok && result.grids[0]!.rows.length).toBe(2);
    expect(refused('dimension.xlsx', bytes, 'file.declared-too-large', { maxDeclaredCells: 2_000_000 }).params).toEqual({
      count: '17,179,869,184',
      limit: '2,000,000',
    });
  });

  test('a hyperlink on the whole sheet is refused: SheetJS would make a cell for each of its 17 billion', () => {
    const link = (attrs: string) => zipParts(workbookParts(worksheet(HEADER_ROW, '', `<hyperlinks><hyperlink ${attrs}/></hyperlinks>`)));
    const whole = refused('link.xlsx', link('ref="A1:XFD1048576" location="报表!A1"'), 'file.hyperlink-too-large');
    expect(whole.zh).toBe('文件中的一个超链接覆盖了约 17,179,869,184 个单元格，为安全起见未读取；请删去该超链接，另存后重新报送');
    // As SheetJS's attribute parser reads them: unquoted, upper case, suffixed, prefixed.
    for (const attrs of ['ref=A1:XFD1048576', 'REF="A1:XFD1048576"', 'ref_1="A1:XFD1048576"', 'x:ref="A1:XFD1048576"']) {
      refused('link.xlsx', link(attrs), 'file.hyperlink-too-large');
    }
    // A long tag is counted as the whole sheet rather than read past.
    refused('link.xlsx', link(`tooltip="${'长'.repeat(40_000)}" ref="A1"`), 'file.hyperlink-too-large');
    // An ordinary hyperlink is fine.
    expect(guard('link.xlsx', link('ref="A2" location="报表!A1"'))).toEqual({ ok: true });
  });

  test('one cell at XFD1048576 passes the guard; the grids made of such sheets are checked after parsing', () => {
    const bytes = zipParts(workbookParts(worksheet(`${HEADER_ROW}<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>`)));
    expect(guard('far.xlsx', bytes)).toEqual({ ok: true });
    const book = XLSX.read(bytes, { type: 'array', dense: true });
    const cost = gridCost((book.Sheets[book.SheetNames[0]!] as XLSX.DenseWorkSheet)['!data']);
    expect(cost).toBe(1_048_576 + 2 + 2 + 16_384);
    expect(cost).toBeLessThan(DEFAULT_LIMITS.maxGridCells);
    // Five such sheets are over it; counting stops as soon as it is.
    const data = (book.Sheets[book.SheetNames[0]!] as XLSX.DenseWorkSheet)['!data'];
    expect(inspectGrids([data])).toEqual({ ok: true });
    const verdict = inspectGrids([data, data, data, data, data]);
    expect(verdict).toMatchObject({ ok: false, code: 'file.grid-too-large', params: { limit: '5,000,000' } });
    expect(messageFor('file.grid-too-large', verdict.ok ? {} : verdict.params, 'zh-CN')).toBe(
      '有内容远离表格，表格范围超过 5,000,000 个单元格的上限，未读取；请删去表格以外多余的行和列，另存后重新报送',
    );
    expect(read('far.xlsx', bytes).ok).toBe(true);
  });

  test('more cells than the limit are refused while counting, before SheetJS builds them', () => {
    const rows = Array.from(
      { length: 2000 },
      (_, r) =>
        `<row r="${r + 1}">${Array.from({ length: 10 }, (_, c) => `<c r="${String.fromCharCode(65 + c)}${r + 1}"><v>1</v></c>`).join('')}</row>`,
    );
    const bytes = zipParts(workbookParts(worksheet(rows.join(''))));
    expect(guard('cells.xlsx', bytes)).toEqual({ ok: true });
    expect(refused('cells.xlsx', bytes, 'file.too-many-cells', { maxCells: 10_000 }).params.limit).toBe('10,000');
  });
});

describe('broken files', () => {
  test('a truncated xlsx', () => {
    const whole = realReturn();
    const bytes = whole.subarray(0, Math.floor(whole.length * 0.6));
    const cut = refused('cut.xlsx', bytes, 'file.truncated');
    expect(cut.zh).toBe(
      `文件不完整（只有 ${Math.round(bytes.length / 1024)} KB），可能没有下载完或没有保存完，无法读取；请重新下载或重新保存后报送`,
    );
    expect(read('cut.xlsx', bytes)).toMatchObject({ ok: false, code: 'file.truncated' });
  });

  test('random bytes named .xlsx', () => {
    let seed = 7;
    const bytes = Uint8Array.from({ length: 64 * 1024 }, () => (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24);
    expect(refused('random.xlsx', bytes, 'file.not-spreadsheet').zh).toMatch(/^这是其他格式的文件，不是 Excel 工作簿，无法读取/);
    expect(read('random.xlsx', bytes)).toMatchObject({ ok: false, code: 'file.not-spreadsheet' });
  });

  test('other files named .xlsx say what they are', () => {
    const pdf = refused('scan.xlsx', strToU8('%PDF-1.7\n%âãÏÓ\n1 0 obj'), 'file.not-spreadsheet');
    expect(pdf.zh).toMatch(/^这是PDF 文件，不是 Excel 工作簿/);
    expect(pdf.en).toMatch(/^This is a PDF file, not an Excel workbook/);
    const docx = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8('<w:document/>') });
    expect(refused('letter.xlsx', docx, 'file.not-spreadsheet').params.kindZh).toBe('Word 文档');
    const ods = zipSync({
      mimetype: strToU8('application/vnd.oasis.opendocument.spreadsheet'),
      'content.xml': strToU8('<office:document-content/>'),
    });
    expect(refused('calc.xlsx', ods, 'file.not-spreadsheet').params.kindEn).toBe('an OpenDocument spreadsheet (.ods)');
  });

  test('bit-flipped deflate data in a real xlsx', () => {
    const bytes = realReturn();
    const { start, length } = partData(bytes, 'xl/worksheets/sheet1.xml');
    // A flipped bit inside the data: it may still inflate, to something else; the CRC says so.
    const middle = bytes.slice();
    middle[start + Math.floor(length / 2)] ^= 0x24;
    const flipped = guard('flipped.xlsx', middle);
    expect(flipped).toMatchObject({ ok: false, params: { part: 'xl/worksheets/sheet1.xml' } });
    expect(['file.corrupt-checksum', 'file.corrupt-part']).toContain(flipped.ok ? '' : flipped.code);
    // Flipped in the first block header: block type 3, which does not exist. SheetJS's inflate
    // takes it for a dynamic block and never finds the end (a hang, not a failure: not run here).
    const header = bytes.slice();
    header[start] ^= 0x24;
    expect(header[start]! & 0b110).toBe(0b110);
    expect(refused('flipped.xlsx', header, 'file.corrupt-part').zh).toMatch(/^文件已损坏：其中的 xl\/worksheets\/sheet1\.xml 无法解压/);
    // The unflipped file is fine.
    expect(guard('real.xlsx', bytes)).toEqual({ ok: true });
    expect(read('real.xlsx', bytes).ok).toBe(true);
  });

  test('the lean reader inflates only the parts it reads, each checked; SheetJS only gets fully checked files', () => {
    const bytes = realReturn();
    // A flipped bit in the sheet the table is read from: refused, whichever reader.
    const sheet = partData(bytes, 'xl/worksheets/sheet1.xml');
    const badSheet = bytes.slice();
    badSheet[sheet.start + Math.floor(sheet.length / 2)] ^= 0x24;
    expect(read('sheet.xlsx', badSheet)).toMatchObject({
      ok: false,
      code: expect.stringMatching(/^file\.corrupt-/),
      params: { part: 'xl/worksheets/sheet1.xml' },
    });
    // In the theme, which no reader of ours looks at: the table is read as it is; the full
    // check (what runs before SheetJS reads a file) still refuses it.
    const theme = partData(bytes, 'xl/theme/theme1.xml');
    const badTheme = bytes.slice();
    badTheme[theme.start + Math.floor(theme.length / 2)] ^= 0x24;
    const result = read('theme.xlsx', badTheme);
    expect(result.ok && result.grids[0]!.rows[1]).toEqual(['第1单位', 0, '按时报送']);
    expect(guard('theme.xlsx', badTheme)).toMatchObject({
      ok: false,
      code: expect.stringMatching(/^file\.corrupt-/),
      params: { part: 'xl/theme/theme1.xml' },
    });
    expect(read('theme.xlsx', badTheme, { reader: 'sheetjs' })).toMatchObject({
      ok: false,
      code: expect.stringMatching(/^file\.corrupt-/),
    });
  });

  test('an empty file', () => {
    const verdict = guard('empty.xlsx', new Uint8Array(0));
    expect(verdict).toMatchObject({ ok: false, code: 'file.empty' });
    expect(messageFor('file.empty', {}, 'zh-CN')).toBe('文件中没有内容');
    expect(read('empty.xlsx', new Uint8Array(0))).toMatchObject({ ok: false, code: 'file.empty' });
  });
});

describe('passwords', () => {
  test('an encrypted xlsx (an OLE file with EncryptionInfo and EncryptedPackage)', () => {
    const cfb = XLSX.CFB.utils.cfb_new();
    XLSX.CFB.utils.cfb_add(cfb, 'EncryptionInfo', new Uint8Array([4, 0, 4, 0, 0x40, 0, 0, 0]));
    XLSX.CFB.utils.cfb_add(
      cfb,
      'EncryptedPackage',
      Uint8Array.from({ length: 8192 }, (_, i) => (i * 31) & 0xff),
    );
    const bytes = new Uint8Array(XLSX.CFB.write(cfb, { type: 'array' }));
    expect(refused('locked.xlsx', bytes, 'file.password').zh).toContain('文件 → 信息 → 保护工作簿 → 用密码进行加密');
    expect(read('locked.xlsx', bytes)).toMatchObject({ ok: false, code: 'file.password' });
  });

  test('an encrypted .xls (a FilePass record after BOF)', () => {
    const bytes = editXls((stream) => afterBof(stream, biffRecord(0x002f, [0, 0, 0x34, 0x12, 0x78, 0x56])));
    refused('locked.xls', bytes, 'file.password');
    expect(read('locked.xls', bytes)).toMatchObject({ ok: false, code: 'file.password' });
  });

  test('an .xls encrypted with Excel\'s default key says what to do in Excel, not "remove the password"', () => {
    // XOR obfuscation whose verifier is VelvetSweatshop's, 0x9A0A (MS-OFFCRYPTO 2.3.7.1).
    expect(xorPasswordVerifier('VelvetSweatshop')).toBe(0x9a0a);
    const bytes = editXls((stream) => afterBof(stream, biffRecord(0x002f, [0, 0, 0x34, 0x12, 0x0a, 0x9a])));
    const { zh, en } = refused('默认加密.xls', bytes, 'file.default-encryption');
    expect(zh).toContain('文件 → 信息 → 保护工作簿 → 用密码进行加密');
    expect(zh).toContain('建议只读');
    expect(zh).not.toContain('去掉密码后');
    expect(en).toContain('Read-only recommended');
    expect(read('默认加密.xls', bytes)).toMatchObject({ ok: false, code: 'file.default-encryption' });
  });

  test('a plain .xls is read; a whole-sheet HLink record in one is refused', () => {
    const plain = realReturn('xls');
    expect(guard('plain.xls', plain)).toEqual({ ok: true });
    expect(read('plain.xls', plain).ok).toBe(true);
    const hlink = biffRecord(0x01b8, [...u16le(0), ...u16le(65535), ...u16le(0), ...u16le(255), ...new Array(16).fill(0)]);
    refused(
      'links.xls',
      editXls((stream) => afterBof(stream, hlink)),
      'file.too-many-cells',
    );
    // An .xlsx saved under an .xls name is guarded as the zip it is.
    refused('renamed.xls', realReturn().subarray(0, 1000), 'file.truncated');
  });
});

describe('content that must never run or expand', () => {
  test('an .xlsm with xl/vbaProject.bin is read; the macro is never run', () => {
    const vba = XLSX.CFB.utils.cfb_new();
    XLSX.CFB.utils.cfb_add(
      vba,
      'VBA/Module1',
      strToU8('Attribute VB_Name = "Module1"\r\nSub Auto_Open()\r\n  Shell "cmd /c del /q C:\\*"\r\nEnd Sub\r\n'),
    );
    const parts = workbookParts(worksheet(HEADER_ROW), { macro: true });
    parts['xl/vbaProject.bin'] = new Uint8Array(XLSX.CFB.write(vba, { type: 'array' }));
    const bytes = zipParts(parts);
    expect(guard('macro.xlsm', bytes)).toEqual({ ok: true });
    const result = read('macro.xlsm', bytes);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.grids.map((g) => g.sheet)).toEqual(['报表']);
    expect(result.grids[0]!.rows[1]).toEqual(['甲单位', 12]);
  });

  test('a billion-laughs DTD in sharedStrings.xml is not expanded', () => {
    const entities = [
      '<!ENTITY lol "lol">',
      ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`),
    ].join('');
    const sst = `${XML}<!DOCTYPE sst [${entities}]><sst xmlns="${MAIN}" count="2" uniqueCount="2"><si><t>&lol9;</t></si><si><t>单位名称</t></si></sst>`;
    const sheet = worksheet('<row r="1"><c r="A1" t="s"><v>1</v></c><c r="B1" t="s"><v>0</v></c></row>');
    const bytes = zipParts(workbookParts(sheet, { sharedStrings: sst }));
    expect(guard('laughs.xlsx', bytes)).toEqual({ ok: true });
    const result = read('laughs.xlsx', bytes);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const text = allText(result.grids);
    expect(text).toContain('单位名称');
    expect(text).not.toContain('lollol');
    expect(text.length).toBeLessThan(100);
  });

  test('an XXE entity is not resolved', () => {
    const secret = path.join(dir, 'secret.txt');
    fs.writeFileSync(secret, 'TOP-SECRET-PAYLOAD');
    const dtd = `<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file://${secret.replace(/\\/g, '/')}">]>`;
    const sheet = `${XML}${dtd}<worksheet xmlns="${MAIN}"><sheetData><row r="1">${inline('A1', '单位名称')}${inline('B1', '&xxe;')}</row></sheetData></worksheet>`;
    const bytes = zipParts(workbookParts(sheet));
    expect(guard('xxe.xlsx', bytes)).toEqual({ ok: true });
    const result = read('xxe.xlsx', bytes);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(allText(result.grids)).not.toContain('TOP-SECRET');
  });
});

describe('CSV and text', () => {
  test('an ordinary CSV passes; one with millions of separators is refused', () => {
    expect(guard('return.csv', strToU8('单位名称,参加人数\r\n甲单位,12\r\n'))).toEqual({ ok: true });
    expect(refused('commas.csv', new Uint8Array(1_100_000).fill(0x2c), 'file.too-many-cells').zh).toBe(
      '文件约有 1,100,001 个单元格，超过 1,000,000 个的上限，未读取；请只保留报表所在的工作表，另存后重新报送',
    );
  });

  test('a file over the size limit is refused whatever it is', () => {
    expect(refused('huge.csv', new Uint8Array(2048), 'file.too-large', { maxFileBytes: 1024 }).params).toEqual({
      size: '2 KB',
      limit: '1 KB',
    });
  });
});

test('one bad file never stops the others: a batch, each with its verdict', () => {
  const bomb = bombWorkbook(whitespaceBomb(`${XML}<worksheet xmlns="${MAIN}">`, 600, '<sheetData/></worksheet>'));
  const hyperlink = zipParts(
    workbookParts(worksheet(HEADER_ROW, '', '<hyperlinks><hyperlink ref="A1:XFD1048576" location="报表!A1"/></hyperlinks>')),
  );
  const batch: [string, Uint8Array][] = [
    ['甲单位.xlsx', realReturn()],
    ['bomb.xlsx', bomb],
    ['link.xlsx', hyperlink],
    ['cut.xlsx', realReturn().subarray(0, 500)],
    ['random.xlsx', Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) & 0xff)],
    ['empty.xls', new Uint8Array(0)],
    ['乙单位.xls', realReturn('xls')],
  ];
  // The wiring readWorkbook gets: the guard first, the reader only for what passes.
  const verdicts = batch.map(([name, bytes]) => {
    const guarded = inspectBeforeSheetJs(name, bytes);
    if (!guarded.ok) return { name, code: guarded.code, message: messageFor(guarded.code, guarded.params, 'zh-CN') };
    const result = readWorkbook(name, bytes);
    return result.ok
      ? { name, code: 'accepted', message: '' }
      : { name, code: result.code, message: messageFor(result.code, result.params, 'zh-CN') };
  });
  expect(verdicts.map((v) => [v.name, v.code])).toEqual([
    ['甲单位.xlsx', 'accepted'],
    ['bomb.xlsx', 'file.part-too-large'],
    ['link.xlsx', 'file.hyperlink-too-large'],
    ['cut.xlsx', 'file.truncated'],
    ['random.xlsx', 'file.not-spreadsheet'],
    ['empty.xls', 'file.empty'],
    ['乙单位.xls', 'accepted'],
  ]);
  for (const v of verdicts.filter((v) => v.code !== 'accepted')) expect(v.message).toMatch(/[\u4e00-\u9fff]/);
});

test('the streaming inflate used by the guard agrees with the bomb builder (sanity)', () => {
  const bomb = whitespaceBomb('<a>', 3, '</a>');
  let size = 0;
  let crc = 0;
  const inflate = new Inflate((chunk) => {
    size += chunk.length;
    crc = crc32(chunk, crc);
  });
  inflate.push(bomb.data, true);
  expect(size).toBe(bomb.usz);
  expect(crc).toBe(bomb.crc);
  expect(crc32Combine(crc32(strToU8('hello ')), crc32(strToU8('world')), 5)).toBe(crc32(strToU8('hello world')));
});
