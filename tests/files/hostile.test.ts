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
import { Deflate, Inflate, deflateSync, strToU8, zipSync } from 'fflate';
import { messageFor } from '../../src/core/issues/catalogue';
import { cellText, headerTextRows, type Grid } from '../../src/core/table/grid';
import { DEFAULT_LIMITS, gridCost, inspectContainer, inspectGrids, rangeArea, type GuardVerdict, type Limits } from '../../src/files/guards';
import { readWorkbook, type ReadResult } from '../../src/files/readWorkbook';

// ── Building blocks ──

const CRC_TABLE = Int32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});
function crc32(data: Uint8Array, crc = 0): number {
  let c = ~crc;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}

/** zlib's crc32_combine: the CRC of A+B from CRC(A), CRC(B) and |B|, without reading B. */
function crc32Combine(crc1: number, crc2: number, length2: number): number {
  const times = (mat: number[], vec: number) => {
    let sum = 0;
    for (let i = 0; vec; i++, vec >>>= 1) if (vec & 1) sum ^= mat[i]!;
    return sum >>> 0;
  };
  const square = (out: number[], mat: number[]) => {
    for (let n = 0; n < 32; n++) out[n] = times(mat, mat[n]!);
  };
  const even: number[] = new Array(32).fill(0);
  const odd: number[] = [0xedb88320];
  for (let n = 1, row = 1; n < 32; n++, row = (row << 1) >>> 0) odd[n] = row;
  square(even, odd);
  square(odd, even);
  let len = length2;
  let crc = crc1;
  do {
    square(even, odd);
    if (len % 2) crc = times(even, crc);
    len = Math.floor(len / 2);
    if (!len) break;
    square(odd, even);
    if (len % 2) crc = times(odd, crc);
    len = Math.floor(len / 2);
  } while (len);
  return (crc ^ crc2) >>> 0;
}

const concat = (parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

interface RawEntry {
  name: string;
  method: 0 | 8;
  /** The bytes as stored: deflated when method is 8. */
  data: Uint8Array;
  crc: number;
  usz: number;
  /** Lies, for hostile files: sizes in the headers other than the true one. */
  cdUsz?: number;
  localUsz?: number;
  /** Bit 3: sizes in a data descriptor after the data, the local header's left 0. */
  descriptor?: boolean;
}

/** A zip written byte by byte, so that its headers can say what a hostile file says. */
function buildZip(entries: RawEntry[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = strToU8(e.name);
    const flags = e.descriptor ? 8 : 0;
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, 20, true);
    local.setUint16(6, flags, true);
    local.setUint16(8, e.method, true);
    local.setUint32(14, e.descriptor ? 0 : e.crc, true);
    local.setUint32(18, e.descriptor ? 0 : e.data.length, true);
    local.setUint32(22, e.descriptor ? 0 : (e.localUsz ?? e.cdUsz ?? e.usz), true);
    local.setUint16(26, name.length, true);
    const header = concat([new Uint8Array(local.buffer), name]);
    const parts = [header, e.data];
    if (e.descriptor) {
      const dd = new DataView(new ArrayBuffer(16));
      dd.setUint32(0, 0x08074b50, true);
      dd.setUint32(4, e.crc, true);
      dd.setUint32(8, e.data.length, true);
      dd.setUint32(12, e.cdUsz ?? e.usz, true);
      parts.push(new Uint8Array(dd.buffer));
    }
    const cd = new DataView(new ArrayBuffer(46));
    cd.setUint32(0, 0x02014b50, true);
    cd.setUint16(4, 20, true);
    cd.setUint16(6, 20, true);
    cd.setUint16(8, flags, true);
    cd.setUint16(10, e.method, true);
    cd.setUint32(16, e.crc, true);
    cd.setUint32(20, e.data.length, true);
    cd.setUint32(24, e.cdUsz ?? e.usz, true);
    cd.setUint16(28, name.length, true);
    cd.setUint32(42, offset, true);
    central.push(new Uint8Array(cd.buffer), name);
    for (const p of parts) {
      chunks.push(p);
      offset += p.length;
    }
  }
  const cdBytes = concat(central);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, entries.length, true);
  end.setUint16(10, entries.length, true);
  end.setUint32(12, cdBytes.length, true);
  end.setUint32(16, offset, true);
  return concat([...chunks, cdBytes, new Uint8Array(end.buffer)]);
}

const deflated = (name: string, text: string | Uint8Array): RawEntry => {
  const raw = typeof text === 'string' ? strToU8(text) : text;
  return { name, method: 8, data: deflateSync(raw, { level: 6 }), crc: crc32(raw), usz: raw.length };
};

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

const worksheet = (rows: string, head = '', tail = '') => `${XML}<worksheet xmlns="${MAIN}">${head}<sheetData>${rows}</sheetData>${tail}</worksheet>`;
const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
const HEADER_ROW = `<row r="1">${inline('A1', '单位名称')}${inline('B1', '参加人数')}</row><row r="2">${inline('A2', '甲单位')}<c r="B2"><v>12</v></c></row>`;

/** The parts of a minimal workbook: one sheet, optional shared strings and macros. */
function workbookParts(sheetXml: string, opts: { sharedStrings?: string; macro?: boolean } = {}): Record<string, string | Uint8Array> {
  const main = opts.macro ? 'application/vnd.ms-excel.sheet.macroEnabled.main+xml' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml';
  const parts: Record<string, string | Uint8Array> = {
    '[Content_Types].xml':
      `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      (opts.macro ? '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>' : '') +
      `<Override PartName="/xl/workbook.xml" ContentType="${main}"/>` +
      '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
      (opts.sharedStrings ? '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' : '') +
      '</Types>',
    '_rels/.rels': `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `${XML}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="报表" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels':
      `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>` +
      (opts.sharedStrings ? `<Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` : '') +
      (opts.macro ? '<Relationship Id="rId3" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/>' : '') +
      '</Relationships>',
    'xl/worksheets/sheet1.xml': sheetXml,
  };
  if (opts.sharedStrings) parts['xl/sharedStrings.xml'] = opts.sharedStrings;
  return parts;
}

const zipParts = (parts: Record<string, string | Uint8Array>) =>
  zipSync(Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, typeof v === 'string' ? strToU8(v) : v])), { level: 6 });

/** A well-formed return written by SheetJS itself (deflated, as Excel writes). */
function realReturn(bookType: 'xlsx' | 'xls' = 'xlsx'): Uint8Array {
  const wb = XLSX.utils.book_new();
  const rows = [['单位名称', '参加人数', '备注'], ...Array.from({ length: 40 }, (_, i) => [`第${i + 1}单位`, i * 3, '按时报送'])];
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), '报表');
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType, compression: true }) as ArrayBuffer);
}

/** Where a part's stored bytes sit in a zip, from its central directory. */
function partData(zip: Uint8Array, name: string): { start: number; length: number } {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let end = zip.length - 22;
  while (view.getUint32(end, true) !== 0x06054b50) end--;
  let p = view.getUint32(end + 16, true);
  for (let i = 0; i < view.getUint16(end + 10, true); i++) {
    const nameLength = view.getUint16(p + 28, true);
    const entry = new TextDecoder().decode(zip.subarray(p + 46, p + 46 + nameLength));
    if (entry === name) {
      const local = view.getUint32(p + 42, true);
      const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
      return { start, length: view.getUint32(p + 20, true) };
    }
    p += 46 + nameLength + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
  }
  throw new Error(`no ${name}`);
}

/**
 * A deflate stream of `head`, then `megabytes` MiB of spaces, then `tail`, made from one
 * deflated MiB repeated: the bomb is ~1 KB per MiB and never exists uncompressed.
 */
function whitespaceBomb(head: string, megabytes: number, tail: string): { data: Uint8Array; crc: number; usz: number } {
  const MiB = new Uint8Array(1 << 20).fill(0x20);
  const out: Uint8Array[] = [];
  const d = new Deflate({ level: 9 }, (chunk) => out.push(chunk));
  d.push(MiB);
  d.flush(true); // non-final blocks ending on a byte boundary: safe to repeat
  const block = concat(out);
  const headBytes = strToU8(head);
  // A stored, non-final block for the head: [BFINAL=0, BTYPE=00], LEN, NLEN, bytes.
  const stored = concat([new Uint8Array([0, headBytes.length & 0xff, headBytes.length >> 8, ~headBytes.length & 0xff, (~headBytes.length >> 8) & 0xff]), headBytes]);
  const tailBytes = strToU8(tail);
  const data = concat([stored, ...new Array<Uint8Array>(megabytes).fill(block), deflateSync(tailBytes, { level: 9 })]);
  const blockCrc = crc32(MiB);
  let crc = crc32(headBytes);
  for (let i = 0; i < megabytes; i++) crc = crc32Combine(crc, blockCrc, MiB.length);
  crc = crc32Combine(crc, crc32(tailBytes), tailBytes.length);
  return { data, crc, usz: headBytes.length + megabytes * MiB.length + tailBytes.length };
}

/** The workbook around a bomb sheet: every other part ordinary. */
function bombWorkbook(bomb: { data: Uint8Array; crc: number; usz: number }, lie: Partial<RawEntry> = {}): Uint8Array {
  const parts = Object.entries(workbookParts('')).filter(([name]) => name !== 'xl/worksheets/sheet1.xml');
  return buildZip([
    ...parts.map(([name, text]) => deflated(name, text)),
    { name: 'xl/worksheets/sheet1.xml', method: 8, ...bomb, ...lie },
  ]);
}

/** An .xls written by SheetJS, its workbook stream changed by `edit`. */
function editXls(edit: (stream: Uint8Array) => Uint8Array): Uint8Array {
  const cfb = XLSX.CFB.read(realReturn('xls'), { type: 'array' });
  const entry = XLSX.CFB.find(cfb, 'Workbook');
  entry.content = edit(Uint8Array.from(entry.content));
  entry.size = entry.content.length;
  return new Uint8Array(XLSX.CFB.write(cfb, { type: 'array' }));
}

const biffRecord = (type: number, body: number[]) => new Uint8Array([type & 0xff, type >> 8, body.length & 0xff, body.length >> 8, ...body]);
const u16le = (n: number) => [n & 0xff, n >> 8];

/** After the first record (BOF): where FilePass stands in an encrypted workbook. */
const afterBof = (stream: Uint8Array, record: Uint8Array) => {
  const end = 4 + (stream[2]! | (stream[3]! << 8));
  return concat([stream.subarray(0, end), record, stream.subarray(end)]);
};

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

function timed<T>(run: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = run();
  return { value, ms: performance.now() - start };
}

const GUARD_MS = 3000; // a loaded CI machine; the guard takes milliseconds on most of these
const READ_MS = 5000;

function guard(name: string, bytes: Uint8Array, limits: Partial<Limits> = {}): GuardVerdict {
  const { value, ms } = timed(() => inspectContainer(name, arrive(name, bytes), limits));
  expect(ms).toBeLessThan(GUARD_MS);
  return value;
}

function refused(name: string, bytes: Uint8Array, code: string, reason: string, limits: Partial<Limits> = {}): string {
  const verdict = guard(name, bytes, limits);
  expect(verdict).toMatchObject({ ok: false, code, reason });
  return verdict.ok ? '' : verdict.detail;
}

function read(name: string, bytes: Uint8Array): ReadResult {
  let result: ReadResult | undefined;
  const { ms } = timed(() => {
    expect(() => (result = readWorkbook(name, bytes))).not.toThrow();
  });
  expect(ms).toBeLessThan(READ_MS);
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
    const { value: verdict, ms } = timed(() => inspectContainer('bomb.xlsx', bytes));
    expect(ms).toBeLessThan(500);
    expect(verdict).toMatchObject({ ok: false, code: 'file.too-large', reason: 'part-too-large' });
    const detail = verdict.ok ? '' : verdict.detail;
    expect(detail).toContain('600 MB');
    expect(messageFor('file.too-large', { detail }, 'zh-CN')).toBe(
      `文件过大或结构异常（${detail}），为安全起见未读取；请另存为普通的 Excel 文件后重新报送`,
    );
  });

  test('the same construction is a valid workbook: 60 MB of it inflates in full and its CRC holds', () => {
    const bomb = whitespaceBomb(`${XML}<worksheet xmlns="${MAIN}">`, 60, '<sheetData/></worksheet>');
    const bytes = bombWorkbook(bomb);
    // Only the ratio check stops it at the defaults; lifted, every byte is inflated and checked.
    expect(guard('bomb60.xlsx', bytes)).toMatchObject({ ok: false, reason: 'ratio' });
    expect(guard('bomb60.xlsx', bytes, { maxRatio: Infinity })).toEqual({ ok: true });
  });

  test('declared sizes that lie are caught while inflating, at the lie', () => {
    const bomb = whitespaceBomb(`${XML}<worksheet xmlns="${MAIN}">`, 600, '<sheetData/></worksheet>');
    // Small declared sizes: SheetJS would allocate 900 KB and run the inflate loop over 600 MB.
    const small = bombWorkbook(bomb, { cdUsz: 900 * 1024 });
    expect(refused('lying.xlsx', small, 'file.too-large', 'size-mismatch')).toContain('超过文件中声明的大小');
    // A data descriptor, the local header saying 0: SheetJS would grow its buffer to 600 MB.
    const streamed = bombWorkbook(bomb, { cdUsz: 90 * 1024 * 1024, descriptor: true });
    expect(refused('streamed.xlsx', streamed, 'file.too-large', 'size-mismatch')).toBeTruthy();
    // Declared honestly, each part under the part limit, together over the total.
    const pad = whitespaceBomb('<a>', 80, '</a>');
    const pads = [1, 2, 3].map((n): RawEntry => ({ name: `xl/media/pad${n}.xml`, method: 8, ...pad }));
    const padded = buildZip([...Object.entries(workbookParts(worksheet(HEADER_ROW))).map(([k, v]) => deflated(k, v)), ...pads]);
    expect(refused('padded.xlsx', padded, 'file.too-large', 'total-too-large', { maxRatio: Infinity })).toBe('解压后共有 240 MB，超过 200 MB 的上限');
  });

  test('parts that share their compressed bytes (overlapping entries) are refused', () => {
    const entries = Object.entries(workbookParts(worksheet(HEADER_ROW))).map(([k, v]) => deflated(k, v));
    const bytes = buildZip(entries);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const end = bytes.length - 22;
    const cd = view.getUint32(end + 16, true);
    const second = cd + 46 + view.getUint16(cd + 28, true);
    // The first central-directory entry twice: two parts, one local header and one stream,
    // which a walker trusting the directory inflates twice (10,000 times, in a real bomb).
    const twice = concat([bytes.subarray(0, second), bytes.subarray(cd, second), bytes.subarray(second)]);
    const tv = new DataView(twice.buffer);
    const tend = twice.length - 22;
    tv.setUint16(tend + 8, entries.length + 1, true);
    tv.setUint16(tend + 10, entries.length + 1, true);
    tv.setUint32(tend + 12, tv.getUint32(tend + 12, true) + (second - cd), true);
    expect(refused('overlap.xlsx', twice, 'file.too-large', 'overlap')).toBe('多个部件共用同一段数据');
  });

  test('more parts than the limit', () => {
    refused('many.xlsx', realReturn(), 'file.too-large', 'too-many-parts', { maxEntries: 5 });
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
    const { value: header, ms } = timed(() => headerTextRows(grid, 0, 1));
    expect(ms).toBeLessThan(100);
    expect(header).toEqual([
      ['单位名称', '单位名称'],
      ['单位名称', '单位名称'],
    ]);
  });

  test('data validation on the whole sheet is read (SheetJS does not expand it)', () => {
    const dv = '<dataValidations count="1"><dataValidation type="whole" operator="greaterThanOrEqual" allowBlank="1" sqref="A1:XFD1048576"><formula1>0</formula1></dataValidation></dataValidations>';
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
    expect(refused('dimension.xlsx', bytes, 'file.too-large', 'declared-too-large', { maxDeclaredCells: 2_000_000 })).toContain('171.8亿');
  });

  test('a hyperlink on the whole sheet is refused: SheetJS would make a cell for each of its 17 billion', () => {
    const link = (attrs: string) => zipParts(workbookParts(worksheet(HEADER_ROW, '', `<hyperlinks><hyperlink ${attrs}/></hyperlinks>`)));
    const detail = refused('link.xlsx', link('ref="A1:XFD1048576" location="报表!A1"'), 'file.too-large', 'too-many-cells');
    expect(detail).toBe('一个超链接覆盖了约171.8亿个单元格');
    // As SheetJS's attribute parser reads them: unquoted, upper case, suffixed, prefixed.
    for (const attrs of ['ref=A1:XFD1048576', 'REF="A1:XFD1048576"', 'ref_1="A1:XFD1048576"', 'x:ref="A1:XFD1048576"']) {
      refused('link.xlsx', link(attrs), 'file.too-large', 'too-many-cells');
    }
    // A long tag is counted as the whole sheet rather than read past.
    refused('link.xlsx', link(`tooltip="${'长'.repeat(40_000)}" ref="A1"`), 'file.too-large', 'too-many-cells');
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
    const { value: verdict, ms } = timed(() => inspectGrids([data, data, data, data, data]));
    expect(ms).toBeLessThan(GUARD_MS); // at most maxGridCells rows looked at, ~0.3 s
    expect(verdict).toMatchObject({ ok: false, code: 'file.too-large', reason: 'grid-too-large' });
    const detail = verdict.ok ? '' : verdict.detail;
    expect(messageFor('file.too-large', { detail }, 'zh-CN')).toBe(
      '文件过大或结构异常（有单元格远离表格，表格范围超过500万个单元格的上限；请删去多余的行和列），为安全起见未读取；请另存为普通的 Excel 文件后重新报送',
    );
    expect(read('far.xlsx', bytes).ok).toBe(true);
  });

  test('more cells than the limit are refused while counting, before SheetJS builds them', () => {
    const rows = Array.from({ length: 2000 }, (_, r) => `<row r="${r + 1}">${Array.from({ length: 10 }, (_, c) => `<c r="${String.fromCharCode(65 + c)}${r + 1}"><v>1</v></c>`).join('')}</row>`);
    const bytes = zipParts(workbookParts(worksheet(rows.join(''))));
    expect(guard('cells.xlsx', bytes)).toEqual({ ok: true });
    expect(refused('cells.xlsx', bytes, 'file.too-large', 'too-many-cells', { maxCells: 10_000 })).toBe('单元格超过1万个的上限');
  });
});

describe('broken files', () => {
  test('a truncated xlsx', () => {
    const whole = realReturn();
    const bytes = whole.subarray(0, Math.floor(whole.length * 0.6));
    const detail = refused('cut.xlsx', bytes, 'file.unreadable', 'truncated');
    expect(messageFor('file.unreadable', { detail }, 'zh-CN')).toBe('无法读取该文件（文件不完整，可能没有下载或保存完整），请确认是 Excel 或 CSV 文件后重新报送');
    expect(read('cut.xlsx', bytes).ok).toBe(false);
  });

  test('random bytes named .xlsx', () => {
    let seed = 7;
    const bytes = Uint8Array.from({ length: 64 * 1024 }, () => (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24);
    const detail = refused('random.xlsx', bytes, 'file.unreadable', 'not-spreadsheet');
    expect(detail).toBe('不是 Excel 文件');
    expect(messageFor('file.unreadable', { detail }, 'zh-CN')).toBe('无法读取该文件（不是 Excel 文件），请确认是 Excel 或 CSV 文件后重新报送');
    expect(read('random.xlsx', bytes)).toMatchObject({ ok: false, code: 'file.unreadable' });
  });

  test('other files named .xlsx say what they are', () => {
    expect(refused('scan.xlsx', strToU8('%PDF-1.7\n%âãÏÓ\n1 0 obj'), 'file.unreadable', 'not-spreadsheet')).toBe('是 PDF 文件，不是 Excel 文件');
    const docx = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8('<w:document/>') });
    expect(refused('letter.xlsx', docx, 'file.unreadable', 'not-spreadsheet')).toBe('是 Word 文档，不是 Excel 文件');
    const ods = zipSync({ mimetype: strToU8('application/vnd.oasis.opendocument.spreadsheet'), 'content.xml': strToU8('<office:document-content/>') });
    refused('calc.xlsx', ods, 'file.unreadable', 'not-spreadsheet');
  });

  test('bit-flipped deflate data in a real xlsx', () => {
    const bytes = realReturn();
    const { start, length } = partData(bytes, 'xl/worksheets/sheet1.xml');
    // A flipped bit inside the data: it may still inflate, to something else; the CRC says so.
    const middle = bytes.slice();
    middle[start + Math.floor(length / 2)] ^= 0x24;
    expect(refused('flipped.xlsx', middle, 'file.unreadable', 'corrupt')).toMatch(/^文件已损坏，部件 xl\/worksheets\/sheet1\.xml /);
    // Flipped in the first block header: block type 3, which does not exist. SheetJS's inflate
    // takes it for a dynamic block and never finds the end (a hang, not a failure: not run here).
    const header = bytes.slice();
    header[start] ^= 0x24;
    expect(header[start]! & 0b110).toBe(0b110);
    expect(refused('flipped.xlsx', header, 'file.unreadable', 'corrupt')).toBe('文件已损坏，部件 xl/worksheets/sheet1.xml 无法解压');
    // The unflipped file is fine.
    expect(guard('real.xlsx', bytes)).toEqual({ ok: true });
    expect(read('real.xlsx', bytes).ok).toBe(true);
  });

  test('an empty file', () => {
    const verdict = guard('empty.xlsx', new Uint8Array(0));
    expect(verdict).toMatchObject({ ok: false, code: 'file.empty', reason: 'empty' });
    expect(messageFor('file.empty', {}, 'zh-CN')).toBe('文件中没有内容');
    expect(read('empty.xlsx', new Uint8Array(0))).toMatchObject({ ok: false, code: 'file.empty' });
  });
});

describe('passwords', () => {
  test('an encrypted xlsx (an OLE file with EncryptionInfo and EncryptedPackage)', () => {
    const cfb = XLSX.CFB.utils.cfb_new();
    XLSX.CFB.utils.cfb_add(cfb, 'EncryptionInfo', new Uint8Array([4, 0, 4, 0, 0x40, 0, 0, 0]));
    XLSX.CFB.utils.cfb_add(cfb, 'EncryptedPackage', Uint8Array.from({ length: 8192 }, (_, i) => (i * 31) & 0xff));
    const bytes = new Uint8Array(XLSX.CFB.write(cfb, { type: 'array' }));
    refused('locked.xlsx', bytes, 'file.encrypted', 'encrypted');
    expect(messageFor('file.encrypted', {}, 'zh-CN')).toBe('文件设置了密码，无法读取，请去掉密码后重新报送');
    expect(read('locked.xlsx', bytes)).toMatchObject({ ok: false, code: 'file.encrypted' });
  });

  test('an encrypted .xls (a FilePass record after BOF)', () => {
    const bytes = editXls((stream) => afterBof(stream, biffRecord(0x002f, [0, 0, 0x34, 0x12, 0x78, 0x56])));
    refused('locked.xls', bytes, 'file.encrypted', 'encrypted');
    expect(read('locked.xls', bytes)).toMatchObject({ ok: false, code: 'file.encrypted' });
  });

  test('a plain .xls is read; a whole-sheet HLink record in one is refused', () => {
    const plain = realReturn('xls');
    expect(guard('plain.xls', plain)).toEqual({ ok: true });
    expect(read('plain.xls', plain).ok).toBe(true);
    const hlink = biffRecord(0x01b8, [...u16le(0), ...u16le(65535), ...u16le(0), ...u16le(255), ...new Array(16).fill(0)]);
    refused('links.xls', editXls((stream) => afterBof(stream, hlink)), 'file.too-large', 'too-many-cells');
    // An .xlsx saved under an .xls name is guarded as the zip it is.
    refused('renamed.xls', realReturn().subarray(0, 1000), 'file.unreadable', 'truncated');
  });
});

describe('content that must never run or expand', () => {
  test('an .xlsm with xl/vbaProject.bin is read; the macro is never run', () => {
    const vba = XLSX.CFB.utils.cfb_new();
    XLSX.CFB.utils.cfb_add(vba, 'VBA/Module1', strToU8('Attribute VB_Name = "Module1"\r\nSub Auto_Open()\r\n  Shell "cmd /c del /q C:\\*"\r\nEnd Sub\r\n'));
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
    const entities = ['<!ENTITY lol "lol">', ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`)].join('');
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
    refused('commas.csv', new Uint8Array(1_100_000).fill(0x2c), 'file.too-large', 'too-many-cells');
  });

  test('a file over the size limit is refused whatever it is', () => {
    refused('huge.csv', new Uint8Array(2048), 'file.too-large', 'file-too-large', { maxFileBytes: 1024 });
  });
});

test('one bad file never stops the others: a batch, each with its verdict', () => {
  const bomb = bombWorkbook(whitespaceBomb(`${XML}<worksheet xmlns="${MAIN}">`, 600, '<sheetData/></worksheet>'));
  const hyperlink = zipParts(workbookParts(worksheet(HEADER_ROW, '', '<hyperlinks><hyperlink ref="A1:XFD1048576" location="报表!A1"/></hyperlinks>')));
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
  const { value: verdicts, ms } = timed(() =>
    batch.map(([name, bytes]) => {
      const guarded = inspectContainer(name, bytes);
      if (!guarded.ok) return { name, code: guarded.code, message: messageFor(guarded.code, { detail: guarded.detail }, 'zh-CN') };
      const result = readWorkbook(name, bytes);
      return result.ok ? { name, code: 'accepted', message: '' } : { name, code: result.code, message: messageFor(result.code, { detail: result.detail }, 'zh-CN') };
    }),
  );
  expect(ms).toBeLessThan(READ_MS);
  expect(verdicts.map((v) => [v.name, v.code])).toEqual([
    ['甲单位.xlsx', 'accepted'],
    ['bomb.xlsx', 'file.too-large'],
    ['link.xlsx', 'file.too-large'],
    ['cut.xlsx', 'file.unreadable'],
    ['random.xlsx', 'file.unreadable'],
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
