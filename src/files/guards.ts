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
import type { IssueCode, IssueParams } from '../core/issues/catalogue';

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

/** Every refusal is a catalogue entry of its own: the code says why, the params give the figures. */
export type GuardCode = Extract<IssueCode, `file.${string}`>;

export type GuardVerdict = { ok: true } | { ok: false; code: GuardCode; params: IssueParams };

type Refusal = Extract<GuardVerdict, { ok: false }>;

class Refused extends Error {
  constructor(readonly verdict: Refusal) {
    super(verdict.code);
  }
}

function refuse(code: GuardCode, params: IssueParams = {}): never {
  throw new Refused({ ok: false, code, params });
}

// ── Figures for the params: the same in both languages ──

function bytesText(n: number): string {
  if (n >= 1024 * 1024 * 1024) return `${(n / 1024 / 1024 / 1024).toFixed(1)} GB`;
  if (n >= 1024 * 1024) return `${Math.round(n / 1024 / 1024)} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} B`;
}

/** 1,100,000: digits grouped by three, read the same in Chinese and English. */
function countText(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** What a file is instead of a workbook, in each language (`file.not-spreadsheet`). */
const KINDS = {
  other: ['其他格式的文件', 'another kind of file'],
  pdf: ['PDF 文件', 'a PDF file'],
  archive: ['压缩包', 'a compressed archive'],
  emptyZip: ['一个空的压缩包', 'an empty zip archive'],
  image: ['图片', 'a picture'],
  html: ['网页文件', 'a web page'],
  rtf: ['RTF 文档', 'an RTF document'],
  word: ['Word 文档', 'a Word document'],
  powerpoint: ['PowerPoint 演示文稿', 'a PowerPoint presentation'],
  ods: ['OpenDocument 表格（.ods）', 'an OpenDocument spreadsheet (.ods)'],
  xlsb: ['Excel 二进制工作簿（.xlsb）', 'an Excel binary workbook (.xlsb)'],
  sylk: ['SYLK 格式的表格', 'a SYLK spreadsheet'],
} as const;
type Kind = keyof typeof KINDS;

function notSpreadsheet(kind: Kind): never {
  const [kindZh, kindEn] = KINDS[kind];
  return refuse('file.not-spreadsheet', { kindZh, kindEn });
}

const FEATURES = {
  split: ['文件是分卷压缩的', 'The file is a split (multi-volume) archive'],
  zip64: ['文件采用了 ZIP64 格式', 'The file uses the ZIP64 format'],
  method: ['文件使用了不支持的压缩方式', 'The file uses an unsupported compression method'],
} as const;

function unsupportedZip(feature: keyof typeof FEATURES): never {
  const [featureZh, featureEn] = FEATURES[feature];
  return refuse('file.unsupported-zip', { featureZh, featureEn });
}

function truncated(bytes: Uint8Array): never {
  return refuse('file.truncated', { size: bytesText(bytes.length), bytes: bytes.length });
}

function tooManyCells(count: number, lim: Limits, hyperlink: number): never {
  if (hyperlink > lim.maxCells) refuse('file.hyperlink-too-large', { count: countText(hyperlink) });
  return refuse('file.too-many-cells', { count: countText(count), limit: countText(lim.maxCells) });
}

function fileTooLarge(bytes: Uint8Array, lim: Limits): void {
  if (bytes.length > lim.maxFileBytes) refuse('file.too-large', { size: bytesText(bytes.length), limit: bytesText(lim.maxFileBytes) });
}

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
export const startsWith = (bytes: Uint8Array, magic: readonly number[]) =>
  bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);

/** Other kinds of files that arrive named .xlsx, told apart so the sender knows what happened. */
function otherKind(bytes: Uint8Array): Kind {
  const head = String.fromCharCode(...bytes.subarray(0, 16));
  if (head.startsWith('%PDF')) return 'pdf';
  if (head.startsWith('Rar!') || head.startsWith('7z\xbc\xaf\x27\x1c')) return 'archive';
  if (head.startsWith('\x89PNG') || head.startsWith('\xff\xd8\xff') || head.startsWith('GIF8')) return 'image';
  if (/^\s*(\ufeff|\xef\xbb\xbf)?\s*<(!doctype html|html|table)/i.test(head)) return 'html';
  if (head.startsWith('{\\rtf')) return 'rtf';
  return 'other';
}

function limitsWith(limits: Partial<Limits>): Limits {
  const lim: Limits = { ...DEFAULT_LIMITS };
  for (const [key, value] of Object.entries(limits) as [keyof Limits, number | undefined][])
    if (typeof value === 'number') lim[key] = value;
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
  if (bytes.length === 0) refuse('file.empty');
  fileTooLarge(bytes, lim);
  // SheetJS reads by content: a zip, an OLE file or a SYLK sheet named .csv would skip the
  // guards below (and SYLK can declare a hundred million rows in a few bytes).
  if (ext === '.csv' && (startsWith(bytes, ZIP) || startsWith(bytes, OLE) || startsWith(bytes, SYLK))) refuse('file.csv-not-text');
  if (ext === '.csv') return inspectText(bytes, lim);
  if (ext !== '.xlsx' && ext !== '.xlsm' && ext !== '.xls') return; // the reader names the type
  // SheetJS reads by content, not by name: an .xlsx saved as .xls is a zip and is guarded as one.
  if (startsWith(bytes, ZIP)) return inspectZip(bytes, lim);
  if (startsWith(bytes, OLE)) return inspectOle(bytes, lim, readCfb);
  if (ext === '.xls' && startsWith(bytes, SYLK)) notSpreadsheet('sylk');
  if (ext === '.xls') return; // BIFF2–5, HTML, XML 2003 or text saved as .xls: the size limit above
  if (startsWith(bytes, EMPTY_ZIP)) notSpreadsheet('emptyZip');
  notSpreadsheet(otherKind(bytes));
}

/** CSV: at most one cell per separator or line break, whatever the delimiter turns out to be. */
function inspectText(bytes: Uint8Array, lim: Limits): void {
  let cells = 1;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b === 0x2c || b === 0x0a || b === 0x09 || b === 0x3b || b === 0x7c) cells++;
  }
  if (cells > lim.maxCells) tooManyCells(cells, lim, 0);
}

// ── CRC-32 (the zip one), for telling corrupt parts from good ones ──

const CRC_TABLES = (() => {
  const t = new Int32Array(4 * 256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  for (let n = 0; n < 256; n++)
    for (let k = 1; k < 4; k++) t[k * 256 + n] = (t[(k - 1) * 256 + n]! >>> 8) ^ t[t[(k - 1) * 256 + n]! & 0xff]!;
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
  for (let p = start; p + 4 <= end;) {
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
  if (eocd < 0) truncated(b);
  const count = u16(b, eocd + 8);
  const total = u16(b, eocd + 10);
  const cdOffset = u32(b, eocd + 16);
  if (u16(b, eocd + 4) !== 0 || u16(b, eocd + 6) !== 0 || count !== total) unsupportedZip('split');
  if (count === 0xffff || cdOffset === 0xffffffff) unsupportedZip('zip64');
  if (count > lim.maxEntries) refuse('file.too-many-parts', { count: countText(count), limit: countText(lim.maxEntries) });
  if (count === 0) notSpreadsheet('emptyZip');
  if (cdOffset > eocd) truncated(b);

  const entries: ZipEntry[] = [];
  const seen = new Set<string>();
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > eocd || u32(b, p) !== 0x02014b50) refuse('file.corrupt');
    const nameLength = u16(b, p + 28);
    const extraLength = u16(b, p + 30);
    const next = p + 46 + nameLength + extraLength + u16(b, p + 32);
    if (next > eocd) refuse('file.corrupt');
    const cdExtra = zip64Sizes(b, p + 46 + nameLength, p + 46 + nameLength + extraLength);
    const stored = latin1(b, p + 46, nameLength);
    // Some export tools write `xl\workbook.xml`; Excel reads it as `xl/workbook.xml`.
    const name = stored.replace(/\\/g, '/');
    const offset = u32(b, p + 42);
    const csz = cdExtra.csz ?? u32(b, p + 20);
    const usz = cdExtra.usz ?? u32(b, p + 24);

    // Two parts of one name (letter case aside, as OPC compares them): one reader takes the
    // first, another the last, and a crafted file shows a person one table and the roll-up another.
    const key = name.toLowerCase();
    if (seen.has(key)) refuse('file.duplicate-part', { part: name });
    seen.add(key);

    // The local header, which SheetJS trusts over the central directory.
    if (offset + 30 > b.length) truncated(b);
    if (u32(b, offset) !== 0x04034b50) refuse('file.corrupt');
    const flags = u16(b, offset + 6);
    const method = u16(b, offset + 8);
    const localNameLength = u16(b, offset + 26);
    const localExtraLength = u16(b, offset + 28);
    const dataStart = offset + 30 + localNameLength + localExtraLength;
    if (dataStart > b.length) truncated(b);
    let localCsz = u32(b, offset + 18);
    let localUsz = u32(b, offset + 22);
    if (localExtraLength > 0) {
      const localExtra = zip64Sizes(b, offset + 30 + localNameLength, dataStart);
      localUsz = cdExtra.usz ?? localExtra.usz ?? localUsz;
      localCsz = cdExtra.csz ?? localExtra.csz ?? localCsz;
    }
    if (flags & 0x2041) refuse('file.zip-encrypted');
    if (method !== 0 && method !== 8) unsupportedZip('method');
    if (latin1(b, offset + 30, localNameLength) !== stored || method !== u16(b, p + 10)) refuse('file.corrupt');
    // Without a data descriptor the two headers must agree (SheetJS throws otherwise).
    if (!(flags & 8) && (localCsz !== csz || localUsz !== usz)) refuse('file.corrupt');
    if (dataStart + csz > b.length) truncated(b);
    entries.push({ name, flags, method, crc: u32(b, p + 16), csz, usz, localUsz, offset, dataStart });
    p = next;
  }
  return entries;
}

function checkDeclared(entries: ZipEntry[], lim: Limits): void {
  let total = 0;
  for (const e of entries) {
    const declared = Math.max(e.usz, e.localUsz);
    if (declared > lim.maxPartBytes)
      refuse('file.part-too-large', { part: e.name, size: bytesText(declared), limit: bytesText(lim.maxPartBytes) });
    total += declared;
    const ratio = declared / Math.max(e.csz, 1);
    if (declared > lim.ratioMinBytes && ratio > lim.maxRatio)
      refuse('file.zip-bomb', { part: e.name, ratio: Math.round(ratio), limit: lim.maxRatio });
  }
  if (total > lim.maxTotalBytes) refuse('file.total-too-large', { size: bytesText(total), limit: bytesText(lim.maxTotalBytes) });
  // Parts sharing compressed bytes multiply what one stream costs (the "overlapping" zip bomb).
  const spans = entries.map((e) => [e.offset, e.dataStart + e.csz, e.name] as const).sort((a, c) => a[0] - c[0]);
  for (let i = 1; i < spans.length; i++) {
    if (spans[i]![0] < spans[i - 1]![1]) refuse('file.zip-overlap', { part: spans[i]![2] });
  }
}

/** A path inside the package, `..` and `.` resolved, from the root. */
function packagePath(base: string, target: string): string {
  const parts = target.startsWith('/') ? [] : base.split('/').filter(Boolean);
  for (const step of target.replace(/\\/g, '/').split('/')) {
    if (step === '..') parts.pop();
    else if (step !== '.' && step !== '') parts.push(step);
  }
  return parts.join('/');
}

/** The value of an attribute in one tag's text, either quote. */
function attribute(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  return m ? (m[1] ?? m[2]) : undefined;
}

/** Small XML parts read for the kind of the package: only their start matters. */
const KIND_PART_CHARS = 256 * 1024;

/**
 * The package's main part as its own relationships say (`_rels/.rels`, the officeDocument
 * relationship), and that part's content type from `[Content_Types].xml`: Excel finds the
 * workbook this way, wherever it is.
 */
function mainPart(b: Uint8Array, byName: Map<string, ZipEntry>, lim: Limits): { part: string; type: string } | undefined {
  const text = (name: string) => {
    const e = byName.get(name.toLowerCase());
    if (!e) return undefined;
    const data = inflatePart(b, e, lim);
    return new TextDecoder().decode(data.subarray(0, KIND_PART_CHARS));
  };
  const rels = text('_rels/.rels');
  if (rels === undefined) return undefined;
  let part: string | undefined;
  for (const m of rels.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    if (!/\/officeDocument"?$/.test(attribute(m[0], 'Type') ?? '')) continue;
    if (attribute(m[0], 'TargetMode') === 'External') continue;
    const target = attribute(m[0], 'Target');
    if (target) part = packagePath('', target);
    break;
  }
  if (part === undefined) return undefined;
  let type = '';
  const types = text('[Content_Types].xml') ?? '';
  for (const m of types.matchAll(/<(?:\w+:)?Override\b[^>]*>/g)) {
    if (packagePath('', attribute(m[0], 'PartName') ?? '').toLowerCase() === part.toLowerCase())
      type = attribute(m[0], 'ContentType') ?? '';
  }
  return { part, type };
}

/** What a zip holds, told from its relationships and part names: only OOXML workbooks go on. */
function checkKind(b: Uint8Array, entries: ZipEntry[], lim: Limits): void {
  const byName = new Map(entries.map((e) => [e.name.toLowerCase(), e]));
  const has = (prefix: string) => entries.some((e) => e.name.toLowerCase().startsWith(prefix));
  if (byName.has('mimetype') && byName.has('content.xml')) notSpreadsheet('ods');
  const otherwise = (): never => notSpreadsheet(has('word/') ? 'word' : has('ppt/') ? 'powerpoint' : 'archive');
  if (!byName.has('[content_types].xml')) otherwise();
  // The usual place, as every reader of ours looks first: no part inflated for most returns.
  if (byName.has('xl/workbook.xml')) return;
  const main = mainPart(b, byName, lim);
  if (!main) {
    // No relationship to follow: the usual place, as readers without them look.
    if (byName.has('xl/workbook.bin')) notSpreadsheet('xlsb');
    if (!has('xl/')) otherwise();
    return;
  }
  const type = main.type.toLowerCase();
  const path = main.part.toLowerCase();
  if (type.includes('binary') || path.endsWith('.bin')) notSpreadsheet('xlsb');
  if (type.includes('wordprocessingml')) notSpreadsheet('word');
  if (type.includes('presentationml')) notSpreadsheet('powerpoint');
  const workbook = type.includes('spreadsheetml') || type.includes('ms-excel') || (type === '' && path.endsWith('.xml') && has('xl/'));
  if (!workbook) otherwise();
  // The relationship points at a part the zip does not have: Excel calls it damaged.
  if (!byName.has(path)) refuse('file.corrupt');
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
      // Out of room past the declared size, or a broken stream: which, overDeclared finds out.
      overDeclared(b, e, lim);
    }
  } else {
    const out = new Uint8Array(cap);
    let size = 0;
    // Past the declared size, the rest is only counted, to tell a bomb from damage.
    const inflate = new Inflate((chunk) => {
      if (size + chunk.length <= cap) out.set(chunk, size);
      size += chunk.length;
    });
    const stop = stopCounting(e, lim);
    try {
      for (let at = 0; at < data.length && !(size > cap && size > stop); at += CHUNK)
        inflate.push(data.subarray(at, at + CHUNK), at + CHUNK >= data.length);
    } catch {
      if (size <= cap) refuse('file.corrupt-part', { part: e.name });
    }
    if (size > cap) pastDeclared(e, lim, size);
    whole = out.subarray(0, size);
  }
  if (whole.length > cap) overDeclared(b, e, lim);
  if (whole.length !== e.usz || (e.localUsz !== 0 && whole.length !== e.localUsz)) refuse('file.corrupt-part', { part: e.name });
  if (crcUpdate(0, whole) !== e.crc) refuse('file.corrupt-checksum', { part: e.name });
  return whole;
}

/**
 * A part that inflates to more than its header says: a bomb that lies about its size, or a
 * damaged stream (one flipped bit can make a few KB inflate to garbage longer than declared).
 * Told apart by counting on, until it is past the ratio no real part reaches (a bomb) or the
 * part limit; a stream that ends or breaks before is damage.
 */
const stopCounting = (e: ZipEntry, lim: Limits) =>
  Math.min(lim.maxPartBytes, Math.max(lim.ratioMinBytes, lim.maxRatio * Math.max(e.csz, 1)));

function pastDeclared(e: ZipEntry, lim: Limits, size: number): never {
  if (size > lim.maxPartBytes) refuse('file.part-too-large', { part: e.name, limit: bytesText(lim.maxPartBytes) });
  if (size > stopCounting(e, lim))
    refuse('file.zip-bomb', { part: e.name, ratio: Math.round(size / Math.max(e.csz, 1)), limit: lim.maxRatio });
  return refuse('file.corrupt-part', { part: e.name });
}

/** `pastDeclared` for a part inflated in one call: inflated again, counting only. */
function overDeclared(b: Uint8Array, e: ZipEntry, lim: Limits): never {
  const data = b.subarray(e.dataStart, e.dataStart + e.csz);
  const stop = stopCounting(e, lim);
  let size = 0;
  const inflate = new Inflate((chunk) => {
    size += chunk.length;
  });
  try {
    for (let at = 0; at < data.length && size <= stop; at += CHUNK) inflate.push(data.subarray(at, at + CHUNK), at + CHUNK >= data.length);
  } catch {
    // A stream that breaks down is damaged, whatever it inflated to before.
  }
  return pastDeclared(e, lim, size);
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
      if (size > cap) return; // only counted from here on: see pastDeclared
      if (total + size > lim.maxTotalBytes) refuse('file.total-too-large', { limit: bytesText(lim.maxTotalBytes) });
      crc = crcUpdate(crc, data);
      counter.push(data);
      if (counter.items > lim.maxCells) tooManyCells(counter.items, lim, counter.largestHyperlink);
    };
    const data = b.subarray(e.dataStart, e.dataStart + e.csz);
    if (e.method === 0) {
      take(data);
      if (size > cap) refuse('file.corrupt-part', { part: e.name });
    } else if (data.length <= WHOLE_INFLATE_MAX_COMPRESSED) {
      take(inflatePart(b, e, lim));
    } else {
      const inflate = new Inflate((chunk) => take(chunk));
      const stop = stopCounting(e, lim);
      try {
        for (let at = 0; at < data.length && !(size > cap && size > stop); at += CHUNK)
          inflate.push(data.subarray(at, at + CHUNK), at + CHUNK >= data.length);
      } catch (error) {
        if (error instanceof Refused) throw error;
        if (size <= cap) refuse('file.corrupt-part', { part: e.name });
      }
      if (size > cap) pastDeclared(e, lim, size);
    }
    if (size !== e.usz || (e.localUsz !== 0 && size !== e.localUsz)) refuse('file.corrupt-part', { part: e.name });
    if (crc !== e.crc) refuse('file.corrupt-checksum', { part: e.name });
    total += size;
  }
  if (counter.declaredCells > lim.maxDeclaredCells) {
    refuse('file.declared-too-large', { count: countText(counter.declaredCells), limit: countText(lim.maxDeclaredCells) });
  }
}

/** The zip's directory, with the checks that need no inflating: structure, declared sizes, kind. */
function openZip(b: Uint8Array, lim: Limits): ZipEntry[] {
  const entries = walkZip(b, lim);
  checkDeclared(entries, lim);
  checkKind(b, entries, lim);
  return entries;
}

/**
 * The zip with `\` in its part names written `/`, as Excel reads them, for a reader that looks
 * parts up by name (SheetJS); the same bytes when no name has one. Only for a zip the guards
 * passed: its directory is known to be sound. Names keep their length, so nothing moves.
 */
export function withSlashNames(bytes: Uint8Array): Uint8Array {
  let eocd = -1;
  for (let p = bytes.length - 22; p >= 0 && p >= bytes.length - 22 - 0xffff; p--) {
    if (u32(bytes, p) === 0x06054b50) {
      eocd = p;
      break;
    }
  }
  if (eocd < 0) return bytes;
  let out: Uint8Array | undefined;
  const fix = (start: number, length: number) => {
    for (let i = start; i < start + length; i++) {
      if (bytes[i] !== 0x5c) continue;
      out ??= bytes.slice();
      out[i] = 0x2f;
    }
  };
  let p = u32(bytes, eocd + 16);
  for (let i = 0; i < u16(bytes, eocd + 8) && p + 46 <= eocd; i++) {
    const nameLength = u16(bytes, p + 28);
    fix(p + 46, nameLength);
    const offset = u32(bytes, p + 42);
    if (offset + 30 <= bytes.length) fix(offset + 30, u16(bytes, offset + 26));
    p += 46 + nameLength + u16(bytes, p + 30) + u16(bytes, p + 32);
  }
  return out ?? bytes;
}

/** A part as stored: its compression, CRC and sizes (`what`), and its compressed bytes. */
export interface StoredPart {
  what: string;
  data: Uint8Array;
}

/** A refusal met while reading a part: readers let it through to the caller. */
export class GuardRefusal extends Error {
  constructor(readonly verdict: Extract<GuardVerdict, { ok: false }>) {
    super(verdict.code);
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
    return { ok: false, code: 'file.unreadable', params: { debug: error instanceof Error ? error.message : String(error) } };
  }
}

/** Opens a zip's directory for lazy, checked reading; a refusal if the directory fails the guards. */
export function openCheckedZip(
  bytes: Uint8Array,
  limits: Partial<Limits> = {},
): { ok: true; zip: CheckedZip } | Extract<GuardVerdict, { ok: false }> {
  const lim = limitsWith(limits);
  let entries: ZipEntry[] = [];
  const opened = verdictOf(() => {
    fileTooLarge(bytes, lim);
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
    if (elements.items > lim.maxCells) tooManyCells(elements.items, lim, elements.largestHyperlink);
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
      return {
        what: `${entry.method}:${entry.crc}:${entry.usz}:${entry.localUsz}`,
        data: bytes.subarray(entry.dataStart, entry.dataStart + entry.csz),
      };
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
    // A compound file is whole sectors of 512 bytes: one that is not was cut short.
    if (bytes.length % 512 !== 0) truncated(bytes);
    refuse('file.corrupt');
  }
  const stream = (name: string) => cfb.FileIndex.find((f) => f.type === 2 && f.name.toLowerCase() === name.toLowerCase());
  if (stream('EncryptionInfo') || stream('EncryptedPackage')) refuse('file.password');
  const workbook = stream('Workbook') ?? stream('Book');
  if (!workbook?.content) notSpreadsheet(stream('WordDocument') ? 'word' : stream('PowerPoint Document') ? 'powerpoint' : 'other');
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
  for (let p = 0; p + 4 <= b.length;) {
    const type = u16(b, p);
    const size = u16(b, p + 2);
    const data = p + 4;
    if (type === 0x002f) refuse(isDefaultXor(b, data, size) ? 'file.default-encryption' : 'file.password');
    items++;
    if ((type === 0x00bd || type === 0x00be) && size >= 6) items += Math.floor((size - 6) / (type === 0x00bd ? 6 : 2));
    else if (type === 0x00fc && size >= 8) items += Math.min(u32(b, data + 4), Math.floor(b.length / 3));
    else if (type === 0x01b8 && size >= 8) items += biffRefArea(b, data);
    else if (type === 0x0800 && size >= 10) items += biffRefArea(b, data + 2);
    if (items > lim.maxCells) tooManyCells(items, lim, 0);
    p = data + size;
  }
}

/** The password Excel encrypts with when the person set none (e.g. a protected structure). */
const DEFAULT_PASSWORD = 'VelvetSweatshop';

/**
 * The 16-bit verifier of a password for XOR obfuscation, MS-OFFCRYPTO 2.3.7.1 (method 1):
 * its bytes from the last, each step a 15-bit rotate and an XOR, the length first.
 */
export function xorPasswordVerifier(password: string): number {
  const bytes = [password.length, ...Array.from(password, (ch) => ch.charCodeAt(0) & 0xff)];
  let verifier = 0;
  for (let i = bytes.length - 1; i >= 0; i--) {
    verifier = (((verifier & 0x4000) === 0 ? 0 : 1) | ((verifier << 1) & 0x7fff)) ^ bytes[i]!;
  }
  return verifier ^ 0xce4b;
}

/** A FilePass record of XOR obfuscation (type 0) whose verifier is the default password's. */
function isDefaultXor(b: Uint8Array, data: number, size: number): boolean {
  return size >= 6 && u16(b, data) === 0 && u16(b, data + 4) === xorPasswordVerifier(DEFAULT_PASSWORD);
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
      return { ok: false, code: 'file.grid-too-large', params: { limit: countText(max) } };
    }
  }
  return { ok: true };
}
