/**
 * Test helper: hostile and broken spreadsheet files, built byte by byte — zips whose headers
 * lie, whitespace bombs that never exist uncompressed, .xls streams with extra BIFF records —
 * shared by tests/files/hostile.test.ts and tests/files/hostile-corpus.test.ts.
 */
import * as XLSX from '@e965/xlsx';
import { Deflate, deflateSync, strFromU8, strToU8, zipSync } from 'fflate';
import officeCrypto from 'officecrypto-tool';

const CRC_TABLE = Int32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});
export function crc32(data: Uint8Array, crc = 0): number {
  let c = ~crc;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}

/** zlib's crc32_combine: the CRC of A+B from CRC(A), CRC(B) and |B|, without reading B. */
export function crc32Combine(crc1: number, crc2: number, length2: number): number {
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

export const concat = (parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

export interface RawEntry {
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
export function buildZip(entries: RawEntry[]): Uint8Array {
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

export const deflated = (name: string, text: string | Uint8Array): RawEntry => {
  const raw = typeof text === 'string' ? strToU8(text) : text;
  return { name, method: 8, data: deflateSync(raw, { level: 6 }), crc: crc32(raw), usz: raw.length };
};

export const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
export const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export const worksheet = (rows: string, head = '', tail = '') =>
  `${XML}<worksheet xmlns="${MAIN}">${head}<sheetData>${rows}</sheetData>${tail}</worksheet>`;
export const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
export const HEADER_ROW = `<row r="1">${inline('A1', '单位名称')}${inline('B1', '参加人数')}</row><row r="2">${inline('A2', '甲单位')}<c r="B2"><v>12</v></c></row>`;

/** The parts of a minimal workbook: one sheet, optional shared strings and macros. */
export interface WorkbookOptions {
  sharedStrings?: string;
  macro?: boolean;
  /** The sheet's name (default 报表); escaped here. */
  sheetName?: string;
  /** A styles part whose cell style 1 is a date (numFmtId 14), for `<c s="1">`. */
  dateStyle?: boolean;
  /** `<workbookPr date1904="1"/>`: serials count from 1904-01-01. */
  date1904?: boolean;
}

export const xmlEscape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Cell style 0 general, 1 a date (yyyy-mm-dd's built-in 14). */
const DATE_STYLES =
  `${XML}<styleSheet xmlns="${MAIN}"><fonts count="1"><font><sz val="11"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills>` +
  '<borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>';

/** The parts of a minimal workbook: one sheet, optional shared strings, macros, a date style. */
export function workbookParts(sheetXml: string, opts: WorkbookOptions = {}): Record<string, string | Uint8Array> {
  const main = opts.macro
    ? 'application/vnd.ms-excel.sheet.macroEnabled.main+xml'
    : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml';
  const parts: Record<string, string | Uint8Array> = {
    '[Content_Types].xml':
      `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      (opts.macro ? '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>' : '') +
      `<Override PartName="/xl/workbook.xml" ContentType="${main}"/>` +
      '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
      (opts.sharedStrings
        ? '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
        : '') +
      (opts.dateStyle
        ? '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
        : '') +
      '</Types>',
    '_rels/.rels': `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml':
      `${XML}<workbook xmlns="${MAIN}" xmlns:r="${REL}">${opts.date1904 ? '<workbookPr date1904="1"/>' : ''}` +
      `<sheets><sheet name="${xmlEscape(opts.sheetName ?? '报表')}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels':
      `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>` +
      (opts.sharedStrings ? `<Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` : '') +
      (opts.macro
        ? '<Relationship Id="rId3" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/>'
        : '') +
      (opts.dateStyle ? `<Relationship Id="rId4" Type="${REL}/styles" Target="styles.xml"/>` : '') +
      '</Relationships>',
    'xl/worksheets/sheet1.xml': sheetXml,
  };
  if (opts.sharedStrings) parts['xl/sharedStrings.xml'] = opts.sharedStrings;
  if (opts.dateStyle) parts['xl/styles.xml'] = DATE_STYLES;
  return parts;
}

export const zipParts = (parts: Record<string, string | Uint8Array>) =>
  zipSync(Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, typeof v === 'string' ? strToU8(v) : v])), { level: 6 });

/** A well-formed return written by SheetJS itself (deflated, as Excel writes). */
export function realReturn(bookType: 'xlsx' | 'xls' = 'xlsx'): Uint8Array {
  const wb = XLSX.utils.book_new();
  const rows = [['单位名称', '参加人数', '备注'], ...Array.from({ length: 40 }, (_, i) => [`第${i + 1}单位`, i * 3, '按时报送'])];
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), '报表');
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType, compression: true }) as ArrayBuffer);
}

/** Where a part's stored bytes sit in a zip, from its central directory. */
export function partData(zip: Uint8Array, name: string): { start: number; length: number } {
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
export function whitespaceBomb(head: string, megabytes: number, tail: string): { data: Uint8Array; crc: number; usz: number } {
  const MiB = new Uint8Array(1 << 20).fill(0x20);
  const out: Uint8Array[] = [];
  const d = new Deflate({ level: 9 }, (chunk) => out.push(chunk));
  d.push(MiB);
  d.flush(true); // non-final blocks ending on a byte boundary: safe to repeat
  const block = concat(out);
  const headBytes = strToU8(head);
  // A stored, non-final block for the head: [BFINAL=0, BTYPE=00], LEN, NLEN, bytes.
  const stored = concat([
    new Uint8Array([0, headBytes.length & 0xff, headBytes.length >> 8, ~headBytes.length & 0xff, (~headBytes.length >> 8) & 0xff]),
    headBytes,
  ]);
  const tailBytes = strToU8(tail);
  const data = concat([stored, ...new Array<Uint8Array>(megabytes).fill(block), deflateSync(tailBytes, { level: 9 })]);
  const blockCrc = crc32(MiB);
  let crc = crc32(headBytes);
  for (let i = 0; i < megabytes; i++) crc = crc32Combine(crc, blockCrc, MiB.length);
  crc = crc32Combine(crc, crc32(tailBytes), tailBytes.length);
  return { data, crc, usz: headBytes.length + megabytes * MiB.length + tailBytes.length };
}

/** The workbook around a bomb sheet: every other part ordinary. */
export function bombWorkbook(bomb: { data: Uint8Array; crc: number; usz: number }, lie: Partial<RawEntry> = {}): Uint8Array {
  const parts = Object.entries(workbookParts('')).filter(([name]) => name !== 'xl/worksheets/sheet1.xml');
  return buildZip([...parts.map(([name, text]) => deflated(name, text)), { name: 'xl/worksheets/sheet1.xml', method: 8, ...bomb, ...lie }]);
}

/** An .xls written by SheetJS, its workbook stream changed by `edit`. */
export function editXls(edit: (stream: Uint8Array) => Uint8Array): Uint8Array {
  const cfb = XLSX.CFB.read(realReturn('xls'), { type: 'array' });
  const entry = XLSX.CFB.find(cfb, 'Workbook');
  entry.content = edit(Uint8Array.from(entry.content));
  entry.size = entry.content.length;
  return new Uint8Array(XLSX.CFB.write(cfb, { type: 'array' }));
}

/** officecrypto-tool's agile encryption, whose key derivation is borrowed below. */
interface AgileModule {
  convertPasswordToKey(password: string, hash: string, salt: Buffer, spinCount: number, keyBits: number, blockKey: Buffer): Buffer;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the library's internal module has no types; the same instance encrypt uses.
const agile = require('officecrypto-tool/src/crypto/ecma376_agile') as AgileModule;

/** Above this, the key is not derived with the stated count: making the file would take as long as opening it. */
const DERIVED_UP_TO = 1_000_000;

/**
 * A workbook encrypted (agile) with Excel's default key whose EncryptionInfo asks for
 * `spinCount` rounds of password hashing instead of Excel's 100,000. Up to DERIVED_UP_TO the key
 * is derived with that count, so the default key opens it (at that cost); above, only the XML
 * says so, and the key is found wrong only after all the rounds.
 */
export function defaultKeyWithSpinCount(plain: Uint8Array, spinCount: number): Uint8Array {
  const original = agile.convertPasswordToKey;
  if (spinCount <= DERIVED_UP_TO)
    agile.convertPasswordToKey = function (password, hash, salt, _excels, keyBits, blockKey) {
      return original.call(this, password, hash, salt, spinCount, keyBits, blockKey);
    };
  let encrypted: Buffer;
  try {
    encrypted = officeCrypto.encrypt(Buffer.from(plain), { password: 'VelvetSweatshop' });
  } finally {
    agile.convertPasswordToKey = original;
  }
  const cfb = XLSX.CFB.read(new Uint8Array(encrypted), { type: 'array' });
  const entry = XLSX.CFB.find(cfb, 'EncryptionInfo');
  const info = Uint8Array.from(entry.content);
  // 8 bytes of version and flags, then the XML (MS-OFFCRYPTO 2.3.4.10).
  const xml = strFromU8(info.subarray(8));
  if (!xml.includes('spinCount="100000"')) throw new Error('defaultKeyWithSpinCount: no spinCount in EncryptionInfo');
  entry.content = concat([info.subarray(0, 8), strToU8(xml.replace('spinCount="100000"', `spinCount="${spinCount}"`))]);
  entry.size = entry.content.length;
  return new Uint8Array(XLSX.CFB.write(cfb, { type: 'array' }));
}

export const biffRecord = (type: number, body: number[]) =>
  new Uint8Array([type & 0xff, type >> 8, body.length & 0xff, body.length >> 8, ...body]);
export const u16le = (n: number) => [n & 0xff, n >> 8];

/** After the first record (BOF): where FilePass stands in an encrypted workbook. */
export const afterBof = (stream: Uint8Array, record: Uint8Array) => {
  const end = 4 + (stream[2]! | (stream[3]! << 8));
  return concat([stream.subarray(0, end), record, stream.subarray(end)]);
};

// ── Sheets written cell by cell ──

/** 0-based column → its letters (0 → A, 16383 → XFD). */
export function colName(column: number): string {
  let name = '';
  for (let c = column + 1; c > 0; c = Math.floor((c - 1) / 26)) name = String.fromCharCode(65 + ((c - 1) % 26)) + name;
  return name;
}

/**
 * A cell as a hostile file may hold it: text, a number, a formula with no cached value, a
 * date-styled serial (style 1 of `dateStyle`), a shared string by index, or inline text as
 * raw XML (entity references and all).
 */
export type RawCell =
  string | number | null | undefined | { formula: string } | { serial: number } | { shared: number } | { rawXml: string };

export function cellXml(ref: string, value: RawCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return `<c r="${ref}"><v>${value}</v></c>`;
  if (typeof value === 'string') return inline(ref, xmlEscape(value));
  if ('formula' in value) return `<c r="${ref}"><f>${xmlEscape(value.formula)}</f></c>`;
  if ('shared' in value) return `<c r="${ref}" t="s"><v>${value.shared}</v></c>`;
  if ('rawXml' in value) return inline(ref, value.rawXml);
  return `<c r="${ref}" s="1"><v>${value.serial}</v></c>`;
}

/** `<row>`s from A1 (or from `firstRow`), every cell written as given. */
export function rowsXml(rows: readonly (readonly RawCell[])[], firstRow = 1): string {
  return rows
    .map((row, i) => `<row r="${firstRow + i}">${row.map((v, c) => cellXml(`${colName(c)}${firstRow + i}`, v)).join('')}</row>`)
    .join('');
}

/** A workbook whose only sheet is a chart sheet (a column chart of literal values). */
export function chartOnlyWorkbook(): Uint8Array {
  const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';
  const CT = 'application/vnd.openxmlformats-officedocument';
  const rels = (target: string, type: string) =>
    `${XML}<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${type}" Target="${target}"/></Relationships>`;
  return zipParts({
    '[Content_Types].xml':
      `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
      `<Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="${CT}.spreadsheetml.sheet.main+xml"/>` +
      `<Override PartName="/xl/chartsheets/sheet1.xml" ContentType="${CT}.spreadsheetml.chartsheet+xml"/><Override PartName="/xl/drawings/drawing1.xml" ContentType="${CT}.drawing+xml"/>` +
      `<Override PartName="/xl/charts/chart1.xml" ContentType="${CT}.drawingml.chart+xml"/></Types>`,
    '_rels/.rels': rels('xl/workbook.xml', `${REL}/officeDocument`),
    'xl/workbook.xml': `${XML}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="图表1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': rels('chartsheets/sheet1.xml', `${REL}/chartsheet`),
    'xl/chartsheets/sheet1.xml': `${XML}<chartsheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetViews><sheetView workbookViewId="0"/></sheetViews><drawing r:id="rId1"/></chartsheet>`,
    'xl/chartsheets/_rels/sheet1.xml.rels': rels('../drawings/drawing1.xml', `${REL}/drawing`),
    'xl/drawings/drawing1.xml':
      `${XML}<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">` +
      '<xdr:absoluteAnchor><xdr:pos x="0" y="0"/><xdr:ext cx="9000000" cy="6000000"/><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="图表 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>' +
      '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">' +
      `<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${REL}" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:absoluteAnchor></xdr:wsDr>`,
    'xl/drawings/_rels/drawing1.xml.rels': rels('../charts/chart1.xml', `${REL}/chart`),
    'xl/charts/chart1.xml':
      `${XML}<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart><c:plotArea><c:barChart><c:barDir val="col"/><c:ser><c:idx val="0"/><c:order val="0"/>` +
      '<c:tx><c:v>开展宣传活动（场次）</c:v></c:tx><c:val><c:numLit><c:ptCount val="1"/><c:pt idx="0"><c:v>12</c:v></c:pt></c:numLit></c:val></c:ser></c:barChart></c:plotArea></c:chart></c:chartSpace>',
  });
}

/**
 * A workbook whose one sheet is `head`, then the same `rowsXml` block `times` times, then
 * `tail` (rows without `r` attributes follow one another, as SpreadsheetML allows): the block
 * is encoded once and deflated as it is pushed, its CRC combined rather than recomputed, so a
 * million-row sheet is made in about a second.
 */
export function repeatedRowsXlsx(head: string, rowsXml: string, times: number, tail: string): Uint8Array {
  const out: Uint8Array[] = [];
  const deflate = new Deflate({ level: 1 }, (chunk) => out.push(chunk));
  const [headBytes, block, tailBytes] = [strToU8(head), strToU8(rowsXml), strToU8(tail)];
  const blockCrc = crc32(block);
  let crc = crc32(headBytes);
  deflate.push(headBytes);
  for (let i = 0; i < times; i++) {
    deflate.push(block);
    crc = crc32Combine(crc, blockCrc, block.length);
  }
  deflate.push(tailBytes, true);
  crc = crc32Combine(crc, crc32(tailBytes), tailBytes.length);
  const usz = headBytes.length + times * block.length + tailBytes.length;
  const parts = Object.entries(workbookParts('')).filter(([name]) => name !== 'xl/worksheets/sheet1.xml');
  return buildZip([
    ...parts.map(([name, text]) => deflated(name, text)),
    { name: 'xl/worksheets/sheet1.xml', method: 8, data: concat(out), crc, usz },
  ]);
}

/**
 * A workbook zip whose central directory names its first entry twice: two parts, one local
 * header and one stream, which a walker trusting the directory inflates twice (10,000 times,
 * in a real bomb).
 */
export function overlappingZip(sheetXml: string): Uint8Array {
  const entries = Object.entries(workbookParts(sheetXml)).map(([k, v]) => deflated(k, v));
  const bytes = buildZip(entries);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = bytes.length - 22;
  const cd = view.getUint32(end + 16, true);
  const second = cd + 46 + view.getUint16(cd + 28, true);
  const twice = concat([bytes.subarray(0, second), bytes.subarray(cd, second), bytes.subarray(second)]);
  const tv = new DataView(twice.buffer);
  const tend = twice.length - 22;
  tv.setUint16(tend + 8, entries.length + 1, true);
  tv.setUint16(tend + 10, entries.length + 1, true);
  tv.setUint32(tend + 12, tv.getUint32(tend + 12, true) + (second - cd), true);
  return twice;
}

/** The parts with their names as some export tools write them: `xl\workbook.xml`. */
export function backslashParts(parts: Record<string, string | Uint8Array>): Record<string, string | Uint8Array> {
  return Object.fromEntries(Object.entries(parts).map(([name, data]) => [name.replace(/\//g, '\\'), data]));
}

/**
 * The parts with the workbook moved from xl/ to `folder`/, the package's relationships and
 * content types saying where: Excel follows them, wherever the workbook is.
 */
export function movedWorkbookParts(parts: Record<string, string | Uint8Array>, folder: string): Record<string, string | Uint8Array> {
  const out: Record<string, string | Uint8Array> = {};
  for (const [name, data] of Object.entries(parts)) {
    const moved = name.startsWith('xl/') ? `${folder}/${name.slice(3)}` : name;
    out[moved] =
      typeof data === 'string' && (name === '[Content_Types].xml' || name === '_rels/.rels')
        ? data.replace(/(["/])xl\//g, `$1${folder}/`)
        : data;
  }
  return out;
}

/** A zip holding `name` twice (`second` may differ in letter case), each with its own data. */
export function duplicatePartZip(
  parts: Record<string, string | Uint8Array>,
  name: string,
  second: string | Uint8Array,
  secondName = name,
): Uint8Array {
  const entries = Object.entries(parts).map(([k, v]) => deflated(k, v));
  return buildZip([...entries, deflated(secondName, second)]);
}

/** The zip with part `name`'s CRC-32 changed in both its headers: its data intact, its checksum wrong. */
export function withBadCrc(zip: Uint8Array, name: string): Uint8Array {
  const bad = zip.slice();
  const headerAt = (kind: number, nameAt: number) =>
    bad.findIndex(
      (_, i) =>
        bad[i] === 0x50 &&
        bad[i + 1] === 0x4b &&
        bad[i + 2] === kind &&
        bad[i + 3] === kind + 1 &&
        strFromU8(bad.subarray(i + nameAt, i + nameAt + name.length)) === name,
    );
  const local = headerAt(3, 30);
  const central = headerAt(1, 46);
  if (local < 0 || central < 0) throw new Error(`no part ${name}`);
  bad[local + 14]! ^= 0xff;
  bad[central + 16]! ^= 0xff;
  return bad;
}
