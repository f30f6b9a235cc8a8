/**
 * Looks at a returned file's container before any spreadsheet parser runs, so that one
 * hostile or broken file costs milliseconds to seconds, never gigabytes, and gets a verdict a
 * person understands. Runs in Node and in the browser: no Node-only APIs here.
 *
 * What the readers do that this guards against (SheetJS 0.20.3 from its source; fflate 0.8):
 * - SheetJS inflates every zip part, read or not, with its own pure-JS inflate into a buffer
 *   the size the part's *local* header declares; a declared 0 (streaming writers, data
 *   descriptors) grows the buffer without bound, a declared size smaller than the data still
 *   runs the inflate loop to the end of the stream, and a block of the non-existent type 3
 *   (one flipped bit) never ends at all. fflate's `unzipSync` allocates what the central
 *   directory declares. Declared sizes alone therefore do not suffice: before SheetJS reads
 *   a file, every part is inflated here once with fflate's validating inflate (in one call when
 *   its compressed bytes are few, else in chunks with a running count that stops at the limits),
 *   its size and CRC-32 checked, its XML elements counted. The lean reader instead asks for the
 *   few parts it reads (`openCheckedZip`), each checked the same way as it is inflated, and the
 *   elements counted once they could pass the limit.
 * - SheetJS builds one object per `<c>`, `<row>`, shared string and comment, and for every
 *   `<hyperlink ref>` one per cell of the range (A1:XFD1048576 would be 17 billion). These are
 *   counted against `maxCells`; in an .xls, the records and the cells of HLink ranges are.
 * - `<dimension ref>`, `<mergeCell ref>` and `<dataValidation sqref>` cost it nothing (no
 *   cells are made for them; `headerTextRows` clamps merges): they are not limits by default.
 * - A cell far from the table costs nothing to parse and a million rows to make a grid of:
 *   `inspectGrids` looks at the parsed sheets before they are made grids.
 */
import { Inflate, inflateSync } from 'fflate';

export interface Limits {
  /** The file as received. */
  maxFileBytes: number;
  /** All parts of a zip together, uncompressed. */
  maxTotalBytes: number;
  /** One part of a zip, uncompressed. */
  maxPartBytes: number;
  /** Parts in a zip. */
  maxEntries: number;
  /** Uncompressed : compressed, for parts larger than `ratioMinBytes`. */
  maxRatio: number;
  ratioMinBytes: number;
  /** Objects the reader would build: cells, rows, shared strings, comments, hyperlinked cells. */
  maxCells: number;
  /** Cells a worksheet's `<dimension ref>` declares; harmless to the reader, so off by default. */
  maxDeclaredCells: number;
  /** Slots of the grids built from the parsed sheets (see `gridCost`). */
  maxGridCells: number;
}

export const DEFAULT_LIMITS: Readonly<Limits> = Object.freeze({
  maxFileBytes: 100 * 1024 * 1024,
  maxTotalBytes: 200 * 1024 * 1024,
  maxPartBytes: 100 * 1024 * 1024,
  maxEntries: 10_000,
  // Deflate tops out near 1032:1; real parts reach ~300:1 (a styles.xml bloated with
  // identical formats), whitespace and zero-fill bombs ~1000:1.
  maxRatio: 500,
  ratioMinBytes: 1024 * 1024,
  maxCells: 1_000_000,
  maxDeclaredCells: Number.POSITIVE_INFINITY,
  maxGridCells: 5_000_000,
});

export type GuardCode = 'file.unreadable' | 'file.encrypted' | 'file.too-large' | 'file.empty';

/** A stable name for why a file was refused, for logs and tests; `detail` is for people. */
export type GuardReason =
  | 'empty'
  | 'not-spreadsheet'
  | 'truncated'
  | 'corrupt'
  | 'unsupported-zip'
  | 'encrypted'
  | 'file-too-large'
  | 'too-many-parts'
  | 'part-too-large'
  | 'total-too-large'
  | 'ratio'
  | 'overlap'
  | 'size-mismatch'
  | 'too-many-cells'
  | 'declared-too-large'
  | 'grid-too-large';

export type GuardVerdict = { ok: true } | { ok: false; code: GuardCode; reason: GuardReason; detail: string };

type Refusal = Extract<GuardVerdict, { ok: false }>;

class Refused extends Error {
  constructor(readonly verdict: Refusal) {
    super(verdict.detail);
  }
}

function refuse(code: GuardCode, reason: GuardReason, detail: string): never {
  throw new Refused({ ok: false, code, reason, detail });
}
function unreadable(reason: GuardReason, detail: string): never {
  return refuse('file.unreadable', reason, detail);
}
function tooLarge(reason: GuardReason, detail: string): never {
  return refuse('file.too-large', reason, detail);
}

// ── Words for people ──

function bytesText(n: number): string {
  if (n >= 1024 * 1024 * 1024) return `${(n / 1024 / 1024 / 1024).toFixed(1)} GB`;
  if (n >= 1024 * 1024) return `${Math.round(n / 1024 / 1024)} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} 字节`;
}

function countText(n: number): string {
  if (n >= 1e8) return `${(n / 1e8).toFixed(1)}亿`;
  if (n >= 1e4) return `${Math.round(n / 1e4)}万`;
  return String(n);
}

const NOT_EXCEL = '不是 Excel 文件';
/** "是 PDF 文件，不是 Excel 文件": a space before a Latin word, none before Chinese. */
const isKind = (kind: string) => `是${/^[A-Za-z]/.test(kind) ? ' ' : ''}${kind}，${NOT_EXCEL}`;
const TRUNCATED = '文件不完整，可能没有下载或保存完整';
const CORRUPT = '文件已损坏';

// ── Entry point ──

/** `.xlsx`, `.csv` …: a file's kind as its name says, lower case; '' without one. */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot).toLowerCase();
}

/** A zip's first bytes (a local file header). */
export const ZIP = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP = [0x50, 0x4b, 0x05, 0x06];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** `ID;` opens a SYLK file. */
const SYLK = [0x49, 0x44, 0x3b];
export const startsWith = (bytes: Uint8Array, magic: readonly number[]) => bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);

/** Other kinds of files that arrive named .xlsx, told apart so the sender knows what happened. */
function otherKind(bytes: Uint8Array): string | undefined {
  const head = String.fromCharCode(...bytes.subarray(0, 16));
  if (head.startsWith('%PDF')) return 'PDF 文件';
  if (head.startsWith('Rar!') || head.startsWith('7z\xbc\xaf\x27\x1c')) return '压缩包';
  if (head.startsWith('\x89PNG') || head.startsWith('\xff\xd8\xff') || head.startsWith('GIF8')) return '图片';
  if (/^\s*(\ufeff|\xef\xbb\xbf)?\s*<(!doctype html|html|table)/i.test(head)) return '网页文件';
  if (head.startsWith('{\\rtf')) return 'RTF 文档';
  return undefined;
}

function limitsWith(limits: Partial<Limits>): Limits {
  const lim: Limits = { ...DEFAULT_LIMITS };
  for (const [key, value] of Object.entries(limits) as [keyof Limits, number | undefined][]) if (typeof value === 'number') lim[key] = value;
  return lim;
}

/**
 * The verdict on a returned file before it is parsed: whether it is the container its name
 * says, not encrypted, and small enough (declared and actual sizes, parts, cells) to read.
 * Never throws; cost is bounded by the limits.
 */
export function inspectContainer(name: string, bytes: Uint8Array, readCfb: CfbRead, limits: Partial<Limits> = {}): GuardVerdict {
  const lim = limitsWith(limits);
  return verdictOf(() => inspect(extensionOf(name), bytes, lim, readCfb));
}

function inspect(ext: string, bytes: Uint8Array, lim: Limits, readCfb: CfbRead): void {
  if (bytes.length === 0) refuse('file.empty', 'empty', '文件中没有内容');
  if (bytes.length > lim.maxFileBytes) {
    tooLarge('file-too-large', `文件有 ${bytesText(bytes.length)}，超过 ${bytesText(lim.maxFileBytes)} 的上限`);
  }
  // SheetJS reads by content: a zip, an OLE file or a SYLK sheet named .csv would skip the
  // guards below (and SYLK can declare a hundred million rows in a few bytes).
  if (ext === '.csv' && (startsWith(bytes, ZIP) || startsWith(bytes, OLE) || startsWith(bytes, SYLK))) unreadable('not-spreadsheet', '不是 CSV 文本文件');
  if (ext === '.csv') return inspectText(bytes, lim);
  if (ext !== '.xlsx' && ext !== '.xlsm' && ext !== '.xls') return; // the reader names the type
  // SheetJS reads by content, not by name: an .xlsx saved as .xls is a zip and is guarded as one.
  if (startsWith(bytes, ZIP)) return inspectZip(bytes, lim);
  if (startsWith(bytes, OLE)) return inspectOle(bytes, lim, readCfb);
  if (ext === '.xls' && startsWith(bytes, SYLK)) unreadable('not-spreadsheet', '是 SYLK 格式，不是 Excel 97-2003 工作簿');
  if (ext === '.xls') return; // BIFF2–5, HTML, XML 2003 or text saved as .xls: the size limit above
  if (startsWith(bytes, EMPTY_ZIP)) unreadable('not-spreadsheet', `${NOT_EXCEL}，是一个空的压缩包`);
  const kind = otherKind(bytes);
  unreadable('not-spreadsheet', kind ? isKind(kind) : NOT_EXCEL);
}

/** CSV: at most one cell per separator or line break, whatever the delimiter turns out to be. */
function inspectText(bytes: Uint8Array, lim: Limits): void {
  let cells = 1;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b === 0x2c || b === 0x0a || b === 0x09 || b === 0x3b || b === 0x7c) cells++;
  }
  if (cells > lim.maxCells) tooLarge('too-many-cells', `约${countText(cells)}个单元格，超过${countText(lim.maxCells)}个的上限`);
}

// ── CRC-32 (the zip one), for telling corrupt parts from good ones ──

const CRC_TABLES = (() => {
  const t = new Int32Array(4 * 256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  for (let n = 0; n < 256; n++) for (let k = 1; k < 4; k++) t[k * 256 + n] = t[(k - 1) * 256 + n]! >>> 8 ^ t[t[(k - 1) * 256 + n]! & 0xff]!;
  return t;
})();

/** CRC-32 continued over `data`, four bytes a step. */
function crcUpdate(crc: number, data: Uint8Array): number {
  const t = CRC_TABLES;
  let c = ~crc;
  let i = 0;
  for (const end = data.length - 3; i < end; i += 4) {
    c ^= data[i]! | (data[i + 1]! << 8) | (data[i + 2]! << 16) | (data[i + 3]! << 24);
    c = t[768 + (c & 0xff)]! ^ t[512 + ((c >>> 8) & 0xff)]! ^ t[256 + ((c >>> 16) & 0xff)]! ^ t[c >>> 24]!;
  }
  for (; i < data.length; i++) c = t[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}

// ── Zip ──

interface ZipEntry {
  name: string;
  flags: number;
  method: number;
  crc: number;
  /** Sizes as the central directory gives them (after ZIP64 extras, as SheetJS reads them). */
  csz: number;
  usz: number;
  /** The uncompressed size SheetJS will allocate: the local header's, 0 meaning "grow". */
  localUsz: number;
  offset: number;
  dataStart: number;
}

const u16 = (b: Uint8Array, p: number) => b[p]! | (b[p + 1]! << 8);
const u32 = (b: Uint8Array, p: number) => (b[p]! | (b[p + 1]! << 8) | (b[p + 2]! << 16) | (b[p + 3]! << 24)) >>> 0;

/** ZIP64 extra field as SheetJS reads it: usz then csz, 8 bytes each, whatever the header says. */
function zip64Sizes(b: Uint8Array, start: number, end: number): { usz?: number; csz?: number } {
  for (let p = start; p + 4 <= end; ) {
    const id = u16(b, p);
    const size = u16(b, p + 2);
    if (id === 0x0001) {
      const at = (q: number) => (q + 8 <= end ? u32(b, q) + u32(b, q + 4) * 2 ** 32 : 0);
      return { usz: at(p + 4) || undefined, csz: at(p + 12) || undefined };
    }
    p += 4 + size;
  }
  return {};
}

function latin1(b: Uint8Array, start: number, length: number): string {
  let s = '';
  for (let i = start; i < start + length; i++) s += String.fromCharCode(b[i]!);
  return s;
}

function walkZip(b: Uint8Array, lim: Limits): ZipEntry[] {
  // End of central directory: the last signature within a comment's reach of the end.
  let eocd = -1;
  for (let p = b.length - 22; p >= 0 && p >= b.length - 22 - 0xffff; p--) {
    if (b[p] === 0x50 && b[p + 1] === 0x4b && b[p + 2] === 0x05 && b[p + 3] === 0x06) {
      eocd = p;
      break;
    }
  }
  if (eocd < 0) unreadable('truncated', TRUNCATED);
  const count = u16(b, eocd + 8);
  const total = u16(b, eocd + 10);
  const cdOffset = u32(b, eocd + 16);
  if (u16(b, eocd + 4) !== 0 || u16(b, eocd + 6) !== 0 || count !== total) unreadable('unsupported-zip', '是分卷压缩的文件');
  if (count === 0xffff || cdOffset === 0xffffffff) unreadable('unsupported-zip', '采用了 ZIP64 格式，无法读取');
  if (count > lim.maxEntries) tooLarge('too-many-parts', `包含${countText(count)}个部件，超过${countText(lim.maxEntries)}个的上限`);
  if (count === 0) unreadable('not-spreadsheet', `${NOT_EXCEL}，是一个空的压缩包`);
  if (cdOffset > eocd) unreadable('truncated', TRUNCATED);

  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > eocd || u32(b, p) !== 0x02014b50) unreadable('corrupt', CORRUPT);
    const nameLength = u16(b, p + 28);
    const extraLength = u16(b, p + 30);
    const next = p + 46 + nameLength + extraLength + u16(b, p + 32);
    if (next > eocd) unreadable('corrupt', CORRUPT);
    const cdExtra = zip64Sizes(b, p + 46 + nameLength, p + 46 + nameLength + extraLength);
    const name = latin1(b, p + 46, nameLength);
    const offset = u32(b, p + 42);
    const csz = cdExtra.csz ?? u32(b, p + 20);
    const usz = cdExtra.usz ?? u32(b, p + 24);

    // The local header, which SheetJS trusts over the central directory.
    if (offset + 30 > b.length) unreadable('truncated', TRUNCATED);
    if (u32(b, offset) !== 0x04034b50) unreadable('corrupt', CORRUPT);
    const flags = u16(b, offset + 6);
    const method = u16(b, offset + 8);
    const localNameLength = u16(b, offset + 26);
    const localExtraLength = u16(b, offset + 28);
    const dataStart = offset + 30 + localNameLength + localExtraLength;
    if (dataStart > b.length) unreadable('truncated', TRUNCATED);
    let localCsz = u32(b, offset + 18);
    let localUsz = u32(b, offset + 22);
    if (localExtraLength > 0) {
      const localExtra = zip64Sizes(b, offset + 30 + localNameLength, dataStart);
      localUsz = cdExtra.usz ?? localExtra.usz ?? localUsz;
      localCsz = cdExtra.csz ?? localExtra.csz ?? localCsz;
    }
    if (flags & 0x2041) refuse('file.encrypted', 'encrypted', '压缩包设置了密码');
    if (method !== 0 && method !== 8) unreadable('unsupported-zip', '使用了不支持的压缩方式');
    if (latin1(b, offset + 30, localNameLength) !== name || method !== u16(b, p + 10)) unreadable('corrupt', CORRUPT);
    // Without a data descriptor the two headers must agree (SheetJS throws otherwise).
    if (!(flags & 8) && (localCsz !== csz || localUsz !== usz)) unreadable('corrupt', CORRUPT);
    if (dataStart + csz > b.length) unreadable('truncated', TRUNCATED);
    entries.push({ name, flags, method, crc: u32(b, p + 16), csz, usz, localUsz, offset, dataStart });
    p = next;
  }
  return entries;
}

function checkDeclared(entries: ZipEntry[], lim: Limits): void {
  let total = 0;
  for (const e of entries) {
    const declared = Math.max(e.usz, e.localUsz);
    if (declared > lim.maxPartBytes) {
      tooLarge('part-too-large', `其中一个部件解压后有 ${bytesText(declared)}，超过 ${bytesText(lim.maxPartBytes)} 的上限`);
    }
    total += declared;
    if (declared > lim.ratioMinBytes && declared / Math.max(e.csz, 1) > lim.maxRatio) {
      tooLarge('ratio', `其中一个部件压缩比约 ${Math.round(declared / Math.max(e.csz, 1))}:1，远超正常文件`);
    }
  }
  if (total > lim.maxTotalBytes) tooLarge('total-too-large', `解压后共有 ${bytesText(total)}，超过 ${bytesText(lim.maxTotalBytes)} 的上限`);
  // Parts sharing compressed bytes multiply what one stream costs (the "overlapping" zip bomb).
  const spans = entries.map((e) => [e.offset, e.dataStart + e.csz] as const).sort((a, b) => a[0] - b[0]);
  for (let i = 1; i < spans.length; i++) {
    if (spans[i]![0] < spans[i - 1]![1]) tooLarge('overlap', '多个部件共用同一段数据');
  }
}

/** What a zip holds, told from its part names: only OOXML workbooks go on to SheetJS. */
function checkKind(entries: ZipEntry[]): void {
  const names = new Set(entries.map((e) => e.name.toLowerCase()));
  const has = (prefix: string) => entries.some((e) => e.name.toLowerCase().startsWith(prefix));
  if (names.has('mimetype') && names.has('content.xml')) unreadable('not-spreadsheet', '是 OpenDocument 表格，请在 Excel 或 WPS 中另存为 .xlsx');
  if (names.has('xl/workbook.bin')) unreadable('not-spreadsheet', '是 Excel 二进制工作簿（.xlsb），请另存为 .xlsx');
  if (!names.has('[content_types].xml') || !has('xl/')) {
    const kind = has('word/') ? 'Word 文档' : has('ppt/') ? 'PowerPoint 演示文稿' : '压缩包';
    unreadable('not-spreadsheet', isKind(kind));
  }
}

const WHOLE_SHEET = 1_048_576 * 16_384;
const ATTRIBUTES_KEPT = 64 * 1024;

/** The largest range among a tag's `ref` attributes, matched as SheetJS's `parsexmltag` does. */
function largestRef(attributes: string): number {
  let largest = -1;
  for (const m of attributes.matchAll(/\s([^"\s?>/]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^'">\s]+))/g)) {
    let key = m[1]!;
    const colon = key.indexOf(':');
    if (colon >= 0) key = key.slice(colon + 1);
    else if (key.indexOf('_') > 0) key = key.slice(0, key.indexOf('_'));
    if (key.toLowerCase() === 'ref') largest = Math.max(largest, rangeArea(m[2] ?? m[3] ?? m[4] ?? ''));
  }
  return largest;
}

const NAME_MAX = 40;
const enum Tag {
  Other,
  Counted,
  Hyperlink,
  Dimension,
}
/**
 * Counts, chunk by chunk and across chunk edges, the XML elements SheetJS turns into
 * objects, and the cells of hyperlink ranges it visits one by one. Tags end at the first
 * `>`, as SheetJS's own regular expressions end them. Names are compared byte by byte, any
 * namespace prefix and letter case aside: this runs over every byte of every part.
 */
class ElementCounter {
  items = 0;
  declaredCells = 0;
  largestHyperlink = 0;
  private state = 0; // 0 text, 1 element name, 2 attributes kept, 3 attributes skipped
  private name = new Uint8Array(NAME_MAX);
  private nameLength = 0;
  private localStart = 0;
  private kept = Tag.Other;
  private attributes = new Uint8Array(1024);
  private length = 0;

  /** A new part begins: a tag left open by the last one ends with it. */
  reset(): void {
    this.state = 0;
  }

  push(data: Uint8Array): void {
    let state = this.state;
    for (let i = 0; i < data.length; i++) {
      if (state === 0) {
        // Most bytes are text or attributes: let the engine find the next bracket.
        i = data.indexOf(0x3c, i);
        if (i < 0) break;
        state = 1;
        this.nameLength = 0;
        this.localStart = 0;
      } else if (state === 3) {
        i = data.indexOf(0x3e, i);
        if (i < 0) break;
        state = 0;
      } else if (state === 1) {
        const b = data[i]!;
        if (b === 0x20 || b === 0x3e || b === 0x2f || b === 0x09 || b === 0x0a || b === 0x0d) state = this.element(b);
        else if (this.nameLength < NAME_MAX) {
          if (b === 0x3a) this.localStart = this.nameLength + 1;
          this.name[this.nameLength++] = b;
        } else state = 3;
      } else {
        const b = data[i]!;
        if (b === 0x3e) state = this.tagEnd();
        else this.keep(b);
      }
    }
    this.state = state;
  }

  private is(text: string): boolean {
    for (let i = 0; i < text.length; i++) if ((this.name[this.localStart + i]! | 0x20) !== text.charCodeAt(i)) return false;
    return true;
  }

  private tag(): Tag {
    switch (this.nameLength - this.localStart) {
      case 1:
        return (this.name[this.localStart]! | 0x20) === 0x63 ? Tag.Counted : Tag.Other; // c
      case 2:
        return this.is('si') ? Tag.Counted : Tag.Other;
      case 3:
        return this.is('row') ? Tag.Counted : Tag.Other;
      case 7:
        return this.is('comment') ? Tag.Counted : Tag.Other;
      case 9:
        return this.is('hyperlink') ? Tag.Hyperlink : this.is('dimension') ? Tag.Dimension : Tag.Other;
      case 15:
        return this.is('threadedcomment') ? Tag.Counted : Tag.Other;
      default:
        return Tag.Other;
    }
  }

  private element(terminator: number): number {
    const tag = this.nameLength === 0 ? Tag.Other : this.tag();
    if (tag === Tag.Counted) this.items++;
    if (terminator !== 0x3e && (tag === Tag.Hyperlink || tag === Tag.Dimension)) {
      this.kept = tag;
      this.length = 0;
      this.keep(0x20);
      return 2;
    }
    return terminator === 0x3e ? 0 : 3;
  }

  private keep(b: number): void {
    if (this.length === this.attributes.length && this.length < ATTRIBUTES_KEPT) {
      const grown = new Uint8Array(this.length * 2);
      grown.set(this.attributes);
      this.attributes = grown;
    }
    if (this.length < this.attributes.length) this.attributes[this.length] = b;
    this.length++;
  }

  private tagEnd(): number {
    const overflow = this.length > this.attributes.length;
    let text = '';
    for (let i = 0; i < Math.min(this.length, this.attributes.length); i++) text += String.fromCharCode(this.attributes[i]!);
    if (this.kept === Tag.Hyperlink) {
      // A hyperlink tag too long to keep is counted as covering the whole sheet.
      const area = overflow ? WHOLE_SHEET : Math.max(0, largestRef(text));
      this.items += area;
      this.largestHyperlink = Math.max(this.largestHyperlink, area);
    } else this.declaredCells = Math.max(this.declaredCells, largestRef(text));
    return 0;
  }
}

/** Cells in a range as SheetJS's `safe_decode_range` reads it (0 for a backwards range). */
export function rangeArea(range: string): number {
  let i = 0;
  const letters = () => {
    let n = 0;
    for (let cc; i < range.length && (cc = range.charCodeAt(i) - 64) >= 1 && cc <= 26; i++) n = 26 * n + cc;
    return n - 1;
  };
  const digits = () => {
    let n = 0;
    for (let cc; i < range.length && (cc = range.charCodeAt(i) - 48) >= 0 && cc <= 9; i++) n = 10 * n + cc;
    return n - 1;
  };
  const sc = letters();
  const sr = digits();
  let ec = sc;
  let er = sr;
  if (i < range.length && range[i] === ':') {
    i++;
    ec = letters();
    er = digits();
  }
  return Math.max(0, er - sr + 1) * Math.max(0, ec - sc + 1);
}

const CHUNK = 16 * 1024; // compressed bytes per push: at most ~16.5 MB out at a time

/**
 * A part whose compressed bytes are at most this is inflated in one call into a buffer of its
 * declared size: deflate expands at most ~1032:1, so even a lying size costs ≤ ~70 MB of work.
 * Larger parts are streamed with a running count instead, and not kept.
 */
const WHOLE_INFLATE_MAX_COMPRESSED = 64 * 1024;
/** Bytes per counted element at the least (`<c/>`; `<c>` as a lenient parser may take it). */
const MIN_ELEMENT_BYTES = 3;

/**
 * Does a worksheet mention hyperlinks? SheetJS finds `<hyperlink` in lower case only; `y` is
 * rare in sheet XML (cell references are upper case), so a native byte search finds out fast.
 */
function mentionsHyperlink(data: Uint8Array): boolean {
  for (let at = data.indexOf(0x79); at >= 0; at = data.indexOf(0x79, at + 1)) {
    // h-y-p-e-r: the `y` is the second letter.
    if (data[at - 1] === 0x68 && data[at + 1] === 0x70 && data[at + 2] === 0x65 && data[at + 3] === 0x72) return true;
  }
  return false;
}

/**
 * One part inflated, never past its declared size (nor the part limit), and its size and
 * CRC-32 checked. Compressed bytes of up to 64 KB are inflated in one call, whose work is
 * bounded by deflate's ~1032:1 even when the size lies; larger ones in chunks, stopping at the lie.
 */
function inflatePart(b: Uint8Array, e: ZipEntry, lim: Limits): Uint8Array {
  const cap = Math.min(e.usz, lim.maxPartBytes);
  const data = b.subarray(e.dataStart, e.dataStart + e.csz);
  let whole: Uint8Array;
  if (e.method === 0) whole = data;
  else if (data.length === 0) whole = data;
  else if (data.length <= WHOLE_INFLATE_MAX_COMPRESSED) {
    try {
      // One byte more than declared, so that a part longer than it says shows as such.
      whole = inflateSync(data, { out: new Uint8Array(cap + 1) });
    } catch {
      unreadable('corrupt', `${CORRUPT}，部件 ${e.name} 无法解压`);
    }
  } else {
    const out = new Uint8Array(cap);
    let size = 0;
    const inflate = new Inflate((chunk) => {
      if (size + chunk.length > cap) overDeclared(size + chunk.length, lim);
      out.set(chunk, size);
      size += chunk.length;
    });
    try {
      for (let at = 0; at < data.length; at += CHUNK) inflate.push(data.subarray(at, at + CHUNK), at + CHUNK >= data.length);
    } catch (error) {
      if (error instanceof Refused) throw error;
      unreadable('corrupt', `${CORRUPT}，部件 ${e.name} 无法解压`);
    }
    whole = out.subarray(0, size);
  }
  if (whole.length > cap) overDeclared(whole.length, lim);
  if (whole.length !== e.usz || (e.localUsz !== 0 && whole.length !== e.localUsz)) unreadable('corrupt', `${CORRUPT}，部件 ${e.name} 的大小不符`);
  if (crcUpdate(0, whole) !== e.crc) unreadable('corrupt', `${CORRUPT}，部件 ${e.name} 的校验和不符`);
  return whole;
}

function overDeclared(size: number, lim: Limits): never {
  if (size > lim.maxPartBytes) tooLarge('part-too-large', `其中一个部件解压后超过 ${bytesText(lim.maxPartBytes)} 的上限`);
  tooLarge('size-mismatch', '其中一个部件解压后的大小超过文件中声明的大小');
}

/**
 * Every part inflated once and dropped: actual sizes, CRCs and elements checked —
 * what SheetJS needs, since it inflates and parses every part.
 */
function verifyParts(b: Uint8Array, entries: ZipEntry[], lim: Limits): void {
  const counter = new ElementCounter();
  let total = 0;
  for (const e of entries) {
    counter.reset();
    const cap = Math.min(e.usz, lim.maxPartBytes);
    let size = 0;
    let crc = 0;
    const take = (data: Uint8Array) => {
      size += data.length;
      if (size > cap) overDeclared(size, lim);
      if (total + size > lim.maxTotalBytes) tooLarge('total-too-large', `解压后超过 ${bytesText(lim.maxTotalBytes)} 的上限`);
      crc = crcUpdate(crc, data);
      counter.push(data);
      if (counter.items > lim.maxCells) {
        if (counter.largestHyperlink > lim.maxCells) tooLarge('too-many-cells', `一个超链接覆盖了约${countText(counter.largestHyperlink)}个单元格`);
        tooLarge('too-many-cells', `单元格超过${countText(lim.maxCells)}个的上限`);
      }
    };
    const data = b.subarray(e.dataStart, e.dataStart + e.csz);
    if (e.method === 0) {
      take(data);
    } else if (data.length <= WHOLE_INFLATE_MAX_COMPRESSED) {
      take(inflatePart(b, e, lim));
    } else {
      const inflate = new Inflate((chunk) => take(chunk));
      try {
        for (let at = 0; at < data.length; at += CHUNK) inflate.push(data.subarray(at, at + CHUNK), at + CHUNK >= data.length);
      } catch (error) {
        if (error instanceof Refused) throw error;
        unreadable('corrupt', `${CORRUPT}，部件 ${e.name} 无法解压`);
      }
    }
    if (size !== e.usz || (e.localUsz !== 0 && size !== e.localUsz)) unreadable('corrupt', `${CORRUPT}，部件 ${e.name} 的大小不符`);
    if (crc !== e.crc) unreadable('corrupt', `${CORRUPT}，部件 ${e.name} 的校验和不符`);
    total += size;
  }
  if (counter.declaredCells > lim.maxDeclaredCells) {
    tooLarge('declared-too-large', `工作表声明的范围有${countText(counter.declaredCells)}个单元格，超过${countText(lim.maxDeclaredCells)}个的上限`);
  }
}

/** The zip's directory, with the checks that need no inflating: structure, declared sizes, kind. */
function openZip(b: Uint8Array, lim: Limits): ZipEntry[] {
  const entries = walkZip(b, lim);
  checkDeclared(entries, lim);
  checkKind(entries);
  return entries;
}

/** A part as stored: its compression, CRC and sizes (`what`), and its compressed bytes. */
export interface StoredPart {
  what: string;
  data: Uint8Array;
}

/** A refusal met while reading a part: readers let it through to the caller. */
export class GuardRefusal extends Error {
  constructor(readonly verdict: Extract<GuardVerdict, { ok: false }>) {
    super(verdict.detail);
  }
}

/**
 * An .xlsx/.xlsm whose directory passed the guards, its parts inflated only when asked for,
 * each checked as it is (size, CRC). A lean reader needs four or five of a dozen parts; what
 * it never reads cannot harm it. `verifyAll` is the full check, before a reader that
 * inflates and parses every part (SheetJS).
 */
export interface CheckedZip {
  /** Part names, as in the zip. */
  readonly names: ReadonlySet<string>;
  /** The part's bytes, checked; undefined if there is none. Throws `GuardRefusal`. */
  part(name: string): Uint8Array | undefined;
  /** The part as stored (compressed), not inflated: see `StoredPart`. */
  stored(name: string): StoredPart | undefined;
  verifyAll(): GuardVerdict;
}

function verdictOf(run: () => void): GuardVerdict {
  try {
    run();
    return { ok: true };
  } catch (error) {
    if (error instanceof Refused) return error.verdict;
    // A walker's own bug or an exotic structure: refuse rather than hand it to the parser.
    return { ok: false, code: 'file.unreadable', reason: 'corrupt', detail: CORRUPT };
  }
}

/** Opens a zip's directory for lazy, checked reading; a refusal if the directory fails the guards. */
export function openCheckedZip(bytes: Uint8Array, limits: Partial<Limits> = {}): { ok: true; zip: CheckedZip } | Extract<GuardVerdict, { ok: false }> {
  const lim = limitsWith(limits);
  let entries: ZipEntry[] = [];
  const opened = verdictOf(() => {
    if (bytes.length > lim.maxFileBytes) {
      tooLarge('file-too-large', `文件有 ${bytesText(bytes.length)}，超过 ${bytesText(lim.maxFileBytes)} 的上限`);
    }
    entries = openZip(bytes, lim);
  });
  if (!opened.ok) return opened;
  const byName = new Map(entries.map((e) => [e.name, e]));
  let elements: ElementCounter | undefined; // most returns never need one
  const uncounted: Uint8Array[] = [];
  let inflated = 0;
  /**
   * The same cell limit as before SheetJS, on what the lean reader reads: counted once the
   * parts read so far could hold that many elements, or when a sheet has hyperlinks (one
   * tag may stand for a whole sheet's cells). Most returns are never counted at all.
   */
  const count = (name: string, part: Uint8Array) => {
    inflated += part.length;
    uncounted.push(part);
    const linked = name.toLowerCase().startsWith('xl/worksheets/') && mentionsHyperlink(part);
    if (!linked && inflated / MIN_ELEMENT_BYTES <= lim.maxCells) return;
    elements ??= new ElementCounter();
    for (const data of uncounted.splice(0)) {
      elements.reset();
      elements.push(data);
    }
    if (elements.items > lim.maxCells) {
      if (elements.largestHyperlink > lim.maxCells) tooLarge('too-many-cells', `一个超链接覆盖了约${countText(elements.largestHyperlink)}个单元格`);
      tooLarge('too-many-cells', `单元格超过${countText(lim.maxCells)}个的上限`);
    }
  };
  const zip: CheckedZip = {
    names: new Set(byName.keys()),
    part(name) {
      const entry = byName.get(name);
      if (!entry) return undefined;
      let out: Uint8Array | undefined;
      const verdict = verdictOf(() => {
        out = inflatePart(bytes, entry, lim);
        count(name, out);
      });
      if (!verdict.ok) throw new GuardRefusal(verdict);
      return out;
    },
    stored(name) {
      const entry = byName.get(name);
      if (!entry) return undefined;
      // What decides the inflated part and its checks: equal ones mean an equal part, checked
      // the same way when first inflated.
      return { what: `${entry.method}:${entry.crc}:${entry.usz}:${entry.localUsz}`, data: bytes.subarray(entry.dataStart, entry.dataStart + entry.csz) };
    },
    verifyAll: () => verdictOf(() => verifyParts(bytes, entries, lim)),
  };
  return { ok: true, zip };
}

function inspectZip(b: Uint8Array, lim: Limits): void {
  verifyParts(b, openZip(b, lim), lim);
}

// ── OLE (compound file): encrypted OOXML, or .xls ──

interface CfbEntry {
  name: string;
  type: number;
  content?: ArrayLike<number>;
}
interface CfbContainer {
  FileIndex: CfbEntry[];
}

/**
 * SheetJS's compound-file reader (`CFB.read`), handed in by the SheetJS reader that the guards
 * stand before: the lean reader uses this module too, and must not load SheetJS.
 */
export type CfbRead = (bytes: Uint8Array) => unknown;

function inspectOle(bytes: Uint8Array, lim: Limits, readCfb: CfbRead): void {
  let cfb: CfbContainer;
  try {
    cfb = readCfb(bytes) as CfbContainer;
  } catch {
    unreadable('truncated', '文件不完整或已损坏');
  }
  const stream = (name: string) => cfb.FileIndex.find((f) => f.type === 2 && f.name.toLowerCase() === name.toLowerCase());
  if (stream('EncryptionInfo') || stream('EncryptedPackage')) refuse('file.encrypted', 'encrypted', '文件设置了打开密码');
  const workbook = stream('Workbook') ?? stream('Book');
  if (!workbook?.content) {
    const kind = stream('WordDocument') ? 'Word 文档' : stream('PowerPoint Document') ? 'PowerPoint 演示文稿' : undefined;
    unreadable('not-spreadsheet', kind ? isKind(kind) : NOT_EXCEL);
  }
  const content = workbook.content;
  inspectBiff(content instanceof Uint8Array ? content : Uint8Array.from(content), lim);
}

/**
 * The records of an .xls workbook stream: a password (FilePass), and the cells SheetJS
 * would visit — one per cell record, per string of the shared string table, per cell of
 * each hyperlink's range (SheetJS loops over HLink ranges).
 */
function inspectBiff(b: Uint8Array, lim: Limits): void {
  let items = 0;
  for (let p = 0; p + 4 <= b.length; ) {
    const type = u16(b, p);
    const size = u16(b, p + 2);
    const data = p + 4;
    if (type === 0x002f) refuse('file.encrypted', 'encrypted', '文件设置了打开密码');
    items++;
    if ((type === 0x00bd || type === 0x00be) && size >= 6) items += Math.floor((size - 6) / (type === 0x00bd ? 6 : 2));
    else if (type === 0x00fc && size >= 8) items += Math.min(u32(b, data + 4), Math.floor(b.length / 3));
    else if (type === 0x01b8 && size >= 8) items += biffRefArea(b, data);
    else if (type === 0x0800 && size >= 10) items += biffRefArea(b, data + 2);
    if (items > lim.maxCells) tooLarge('too-many-cells', `单元格超过${countText(lim.maxCells)}个的上限`);
    p = data + size;
  }
}

function biffRefArea(b: Uint8Array, p: number): number {
  const rows = u16(b, p + 2) - u16(b, p) + 1;
  const cols = u16(b, p + 6) - u16(b, p + 4) + 1;
  return Math.max(0, rows) * Math.max(0, cols);
}

// ── After parsing ──

/**
 * Slots a dense sheet turns into when made a grid: a row array per row up to the last, a
 * slot per column up to each row's last cell. One cell at XFD1048576, or a text file's
 * far-away cell, is a handful of bytes in the file and a million rows in the grid.
 */
export function gridCost(rows: ArrayLike<ArrayLike<unknown> | undefined> | undefined, stopAbove = Number.POSITIVE_INFINITY): number {
  if (!rows) return 0;
  let cost = rows.length;
  for (let r = 0; r < rows.length && cost <= stopAbove; r++) cost += rows[r]?.length ?? 0;
  return cost;
}

type DenseRows = ArrayLike<ArrayLike<unknown> | undefined> | undefined;

/**
 * The verdict on parsed sheets (SheetJS dense `!data`, one per sheet to be made a grid)
 * before they are made grids: whatever the format, their grids together stay within
 * `maxGridCells`. Cheap: a look at each row's length, stopping once over.
 */
export function inspectGrids(sheets: readonly DenseRows[], limits: Partial<Limits> = {}): GuardVerdict {
  const max = limits.maxGridCells ?? DEFAULT_LIMITS.maxGridCells;
  let cost = 0;
  for (const rows of sheets) {
    cost += gridCost(rows, max - cost);
    if (cost > max) {
      return { ok: false, code: 'file.too-large', reason: 'grid-too-large', detail: `有单元格远离表格，表格范围超过${countText(max)}个单元格的上限；请删去多余的行和列` };
    }
  }
  return { ok: true };
}
