/**
 * A lean reader of .xlsx / .xlsm returns: unzip only the parts a grid needs (fflate's unzipSync
 * with a filter; styles.xml only when a sheet has styled numbers), then read the SpreadsheetML
 * subset with small indexOf-based scanners — no DOM, so it runs the same in Node, browsers and
 * Web Workers. On 1,000 SheetJS-written returns it takes ~1.7× the time of merely unzipping them
 * and scanning their XML once; SheetJS's XLSX.read takes ~17×.
 *
 * It gives what `readWorkbook` gives through SheetJS, and tests/files/fast-xlsx.test.ts holds it
 * to that on many workbooks: the sheets in workbook order without very hidden sheets and without
 * `_huizong`, whose key/value rows come back as `meta`; date-formatted numbers as UTC Dates (1900
 * leap-year bug and the 1904 system honoured); errors as their text (`#DIV/0!`); formulas as
 * their cached value (none: null, the cell listed in `formulasWithoutValue` unless its type is
 * text); numbers stored as text as strings; rich text as its plain text
 * without phonetic runs; holes in a row as null, up to its last cell.
 *
 * Where SheetJS is wrong it is not copied (each case is pinned down in the test):
 * - `t="str"` text is decoded once (SheetJS decodes it twice: "&amp;amp;" → "&", "_x005F_x0041_" → "A");
 * - a `t="str"` formula without a cached value is null, like any other (SheetJS: "");
 * - the built-in CJK date formats (27–36, 50–58) are dates on every cell (SheetJS misses the
 *   first cell of each in a workbook);
 * - `&#x1F600;` is one character (SheetJS keeps its low 16 bits);
 * - relationship targets with `..` are resolved (SheetJS drops the sheet).
 *
 * Anything it does not understand throws `XlsxFastUnsupported` so that the caller can fall back to
 * SheetJS: not a zip, no xl/workbook.xml (.ods, .xlsb), Strict Open XML, a chart/dialog/macro sheet
 * among the sheets to read, a sheet without its relationship or part, a DOCTYPE or CDATA, an
 * unknown cell type, a shared string index out of range, a malformed cell or merge reference, a
 * number or boolean that is not one, a `t="d"` date that is not one, unterminated markup.
 */
import { strFromU8, unzipSync } from 'fflate';
import type { StoredPart } from '../guards';
import type { Grid, Merge } from '../../core/table/grid';
import type { CellValue } from '../../core/values/types';
import { META_SHEET } from '../../core/meta/records';
import { isDateFormat } from './dateFormat';

export interface FastXlsxResult {
  grids: Grid[];
  meta?: Record<string, string>;
}

/** Thrown on anything this reader does not understand: the caller falls back to SheetJS. */
export class XlsxFastUnsupported extends Error {
  override name = 'XlsxFastUnsupported';
}

function unsupported(message: string): never {
  throw new XlsxFastUnsupported(`fast xlsx reader: ${message}`);
}

const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;

// ---------------------------------------------------------------------------------------------
// Text

const ENTITY = /&(?:(amp|lt|gt|quot|apos)|#([0-9]+)|#[xX]([0-9a-fA-F]+));/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
/** Excel's escape for characters XML cannot carry (`_x000D_`); SheetJS also reads `_X000D_`. */
const XESCAPE = /_x([0-9a-fA-F]{4})_/gi;

function entity(match: string, named: string | undefined, dec: string | undefined, hex: string | undefined): string {
  if (named) return NAMED[named]!;
  const code = dec !== undefined ? parseInt(dec, 10) : parseInt(hex!, 16);
  return code <= 0x10ffff ? String.fromCodePoint(code) : match;
}

/**
 * XML text or attribute value → string: entities, then `_xHHHH_` escapes; for cell text (`cell`)
 * also CRLF → LF, as SheetJS does.
 */
function decodeText(text: string, cell: boolean): string {
  if (!escaped(text)) return cell ? detached(text) : text;
  if (text.indexOf('&') >= 0) text = text.replace(ENTITY, entity);
  if (text.indexOf('_') >= 0) text = text.replace(XESCAPE, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  if (cell && text.indexOf('\r') >= 0) text = text.replace(/\r\n/g, '\n');
  return cell ? detached(text) : text;
}

/** Below this length V8 copies a substring; from it on, a substring shares its whole parent's text. */
const SHARED_SUBSTRING_MIN = 13;

/**
 * A cell's text that does not hold on to the part's XML: a substring of 13 characters or more
 * keeps the whole XML string alive in V8 for as long as it lives, and a roll-up keeps cell
 * texts (names, addresses) for the whole run — every file's sheet XML with them. Joined to
 * one character and cut from the joined copy, it is text of its own.
 */
function detached(text: string): string {
  return text.length < SHARED_SUBSTRING_MIN ? text : (' ' + text).slice(1);
}

/** Whether `text` has anything to decode (`&`, `_`, CR); short strings by hand, it is the usual case. */
function escaped(text: string): boolean {
  const n = text.length;
  if (n > 32) return text.indexOf('&') >= 0 || text.indexOf('_') >= 0 || text.indexOf('\r') >= 0;
  for (let i = 0; i < n; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 38 || ch === 95 || ch === 13) return true;
  }
  return false;
}

/** Comments are dropped; a DTD, CDATA or any other `<!` construct is beyond this reader. */
function prepare(xml: string, part: string): string {
  if (xml.indexOf('<!') < 0) return xml;
  const stripped = xml.replace(/<!--[\s\S]*?-->/g, '');
  if (stripped.indexOf('<!') >= 0) unsupported(`${part}: DOCTYPE or CDATA`);
  return stripped;
}

// ---------------------------------------------------------------------------------------------
// Tags. Names are matched by their local part, so `<x:c>` is `<c>` whatever the prefix.

/** Set by `readAttrs`: whether the tag it finished reading was `<… />`. */
let selfClosing = false;

function isSpace(ch: number): boolean {
  return ch === 32 || ch === 10 || ch === 13 || ch === 9;
}

/** Index just past the tag name that starts at `i`; `nameLocal` is where its local part starts. */
let nameLocal = 0;
function readName(xml: string, i: number): number {
  nameLocal = i;
  for (;;) {
    const ch = xml.charCodeAt(i);
    if (ch === 58) nameLocal = i + 1;
    else if (ch === 62 || ch === 47 || ch === 60 || isSpace(ch) || ch !== ch) return i;
    i++;
  }
}

/**
 * Reads the attributes of a start tag from just after its name, keeping the values (raw, not
 * decoded) of those whose local names are in `names`; returns the index of the closing `>`.
 * Namespace declarations are skipped. Quotes are honoured, so a `>` inside a value is no end.
 */
function readAttrs(xml: string, i: number, names: readonly string[], out: (string | undefined)[]): number {
  for (let k = 0; k < out.length; k++) out[k] = undefined;
  const n = xml.length;
  for (;;) {
    let ch = xml.charCodeAt(i);
    while (isSpace(ch)) ch = xml.charCodeAt(++i);
    if (ch === 62) {
      selfClosing = false;
      return i;
    }
    if (ch === 47 && xml.charCodeAt(i + 1) === 62) {
      selfClosing = true;
      return i + 1;
    }
    if (i >= n) unsupported('unterminated tag');
    if (!nameStart(ch)) unsupported('malformed attribute');
    const start = i;
    let local = i;
    while (ch !== 61 && !isSpace(ch) && ch !== 62 && ch !== 47 && i < n) {
      if (ch === 58) local = i + 1;
      else if (ch === 60) unsupported('malformed attribute');
      ch = xml.charCodeAt(++i);
    }
    const end = i;
    while (isSpace(ch)) ch = xml.charCodeAt(++i);
    if (ch !== 61) unsupported('attribute without a value');
    ch = xml.charCodeAt(++i);
    while (isSpace(ch)) ch = xml.charCodeAt(++i);
    if (ch !== 34 && ch !== 39) unsupported('unquoted attribute');
    const close = xml.indexOf(ch === 34 ? '"' : "'", i + 1);
    if (close < 0) unsupported('unterminated attribute');
    const lt = xml.indexOf('<', i + 1);
    if (lt >= 0 && lt < close) unsupported('"<" in an attribute value');
    const isNamespace = local !== start ? xml.startsWith('xmlns:', start) : end - start === 5 && xml.startsWith('xmlns', start);
    if (!isNamespace) {
      for (let k = 0; k < names.length; k++) {
        const name = names[k]!;
        if (name.length === end - local && xml.startsWith(name, local)) {
          out[k] = xml.slice(i + 1, close);
          break;
        }
      }
    }
    i = close + 1;
    if (!endsAttribute(xml.charCodeAt(i))) unsupported('attributes not separated by spaces');
  }
}

/** Whether an XML name may start with `ch` (letters, `_`, `:` and anything beyond ASCII). */
function nameStart(ch: number): boolean {
  return (ch >= 97 && ch <= 122) || (ch >= 65 && ch <= 90) || ch === 95 || ch === 58 || ch > 127;
}

/** What may follow an attribute's closing quote: a space, `>` or `/>`. */
function endsAttribute(ch: number): boolean {
  return ch === 32 || ch === 62 || ch === 47 || ch === 10 || ch === 13 || ch === 9;
}

/** Whether xml[from, to) is only whitespace (no stray text between tags where none belongs). */
function blank(xml: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isSpace(xml.charCodeAt(i))) return false;
  return true;
}

const NONE: readonly string[] = [];
const noValues: (string | undefined)[] = [];

/** One tag as the small parts (workbook, rels, styles) are read. */
interface Tag {
  /** Index of `<`. */
  start: number;
  /** Index just past `>`. */
  end: number;
  qname: string;
  local: string;
  closing: boolean;
  selfClosing: boolean;
}

/** The next tag at or after `from` (skipping `<?…?>`), reading `names` into `out`; null at the end. */
function nextTag(xml: string, from: number, names: readonly string[] = NONE, out: (string | undefined)[] = noValues): Tag | null {
  for (;;) {
    const lt = xml.indexOf('<', from);
    if (lt < 0) return null;
    const ch = xml.charCodeAt(lt + 1);
    if (ch === 63) {
      const end = xml.indexOf('?>', lt + 2);
      if (end < 0) unsupported('unterminated processing instruction');
      from = end + 2;
      continue;
    }
    const closing = ch === 47;
    const nameStart = closing ? lt + 2 : lt + 1;
    const nameEnd = readName(xml, nameStart);
    const local = xml.slice(nameLocal, nameEnd);
    const qname = xml.slice(nameStart, nameEnd);
    if (closing) {
      const gt = xml.indexOf('>', nameEnd);
      if (gt < 0) unsupported('unterminated tag');
      return { start: lt, end: gt + 1, qname, local, closing, selfClosing: false };
    }
    const gt = readAttrs(xml, nameEnd, names, out);
    return { start: lt, end: gt + 1, qname, local, closing, selfClosing };
  }
}

/** The first start tag named `local` at or after `from`. */
function findStart(
  xml: string,
  local: string,
  from: number,
  names: readonly string[] = NONE,
  out: (string | undefined)[] = noValues,
): Tag | null {
  for (let at = xml.indexOf(local, from); at >= 0; at = xml.indexOf(local, at + 1)) {
    const after = xml.charCodeAt(at + local.length);
    if (!(after === 62 || after === 47 || isSpace(after))) continue;
    let lt = at - 1;
    if (xml.charCodeAt(lt) === 58) {
      lt--;
      while (lt >= 0 && isNameChar(xml.charCodeAt(lt))) lt--;
    }
    if (xml.charCodeAt(lt) !== 60) continue;
    const nameEnd = at + local.length;
    const gt = readAttrs(xml, nameEnd, names, out);
    return { start: lt, end: gt + 1, qname: xml.slice(lt + 1, nameEnd), local, closing: false, selfClosing };
  }
  return null;
}

function isNameChar(ch: number): boolean {
  return (ch >= 97 && ch <= 122) || (ch >= 65 && ch <= 90) || (ch >= 48 && ch <= 57) || ch === 95 || ch === 45 || ch === 46;
}

/** Whether `</qname>` is at `at`, the qname being xml[nameStart, nameEnd) (no substring made). */
function endTagAt(xml: string, at: number, nameStart: number, nameEnd: number): boolean {
  if (xml.charCodeAt(at) !== 60 || xml.charCodeAt(at + 1) !== 47) return false;
  const length = nameEnd - nameStart;
  for (let k = 0; k < length; k++) if (xml.charCodeAt(at + 2 + k) !== xml.charCodeAt(nameStart + k)) return false;
  return xml.charCodeAt(at + 2 + length) === 62;
}

/** Index of the `</qname>` closing `tag`. */
function closeOf(xml: string, tag: Tag, part: string): number {
  const close = xml.indexOf(`</${tag.qname}>`, tag.end);
  if (close < 0) unsupported(`${part}: <${tag.qname}> is not closed`);
  return close;
}

// ---------------------------------------------------------------------------------------------
// References

let refRow = 0;
let refCol = 0;

/** `AB12` → refRow 11, refCol 27; false when it is not a cell reference. */
function decodeRef(ref: string, from = 0, to = ref.length): boolean {
  let i = from;
  let col = 0;
  for (; i < to; i++) {
    const ch = ref.charCodeAt(i);
    if (ch < 65 || ch > 90) break;
    col = col * 26 + ch - 64;
  }
  if (i === from || i - from > 3) return false;
  const digits = i;
  let row = 0;
  for (; i < to; i++) {
    const ch = ref.charCodeAt(i);
    if (ch < 48 || ch > 57) return false;
    row = row * 10 + ch - 48;
  }
  if (i === digits || i - digits > 7 || row < 1 || row > MAX_ROWS || col > MAX_COLS) return false;
  refRow = row - 1;
  refCol = col - 1;
  return true;
}

function decodeRange(ref: string, part: string): Merge {
  const colon = ref.indexOf(':');
  if (colon < 0) {
    if (!decodeRef(ref)) unsupported(`${part}: merge ${ref}`);
    return { s: { r: refRow, c: refCol }, e: { r: refRow, c: refCol } };
  }
  if (!decodeRef(ref, 0, colon)) unsupported(`${part}: merge ${ref}`);
  const s = { r: refRow, c: refCol };
  if (!decodeRef(ref, colon + 1)) unsupported(`${part}: merge ${ref}`);
  return { s, e: { r: refRow, c: refCol } };
}

// ---------------------------------------------------------------------------------------------
// Dates, as SheetJS's SSF.parse_date_code and readWorkbook turn a serial into a Date

/** SSF_normalize_xl_unsafe: the serial as Excel keeps it, 15 significant digits. */
function normalizeSerial(v: number): number {
  const s = v.toPrecision(16);
  const e = s.indexOf('e');
  if (e > -1) {
    let m = s.slice(0, e);
    m = m.indexOf('.') > -1 ? m.slice(0, m.slice(0, 2) === '0.' ? 17 : 16) : m.slice(0, 15) + '0'.repeat(Math.max(0, m.length - 15));
    return Number(m + s.slice(e));
  }
  const n = s.indexOf('.') > -1 ? s.slice(0, s.slice(0, 2) === '0.' ? 17 : 16) : s.slice(0, 15) + '0'.repeat(Math.max(0, s.length - 15));
  return Number(n);
}

/**
 * Excel serial → UTC Date, or null when out of Excel's range. 1900 system: day 1 is 1900-01-01 and
 * day 60 is the 29 February 1900 that never was (Date.UTC rolls it to 1 March, as readWorkbook does).
 */
export function excelSerialToDate(serial: number, date1904: boolean): Date | null {
  if (serial > 2958465 || serial < 0) return null;
  const v = normalizeSerial(serial);
  let date = v | 0;
  let time = Math.floor(86400 * (v - date));
  let u = 86400 * (v - date) - time;
  if (Math.abs(u) < 1e-6) u = 0;
  if (date1904) date += 1462;
  if (u > 0.9999) {
    if (++time === 86400) {
      time = 0;
      ++date;
    }
  }
  const seconds = time % 60;
  time = Math.floor(time / 60);
  const minutes = time % 60;
  const hours = Math.floor(time / 60);
  return new Date(Date.UTC(1900, 0, date > 60 ? date - 1 : date, hours, minutes, seconds));
}

const DAY_MS = 24 * 60 * 60 * 1000;
const EPOCH_1899_12_30 = Date.UTC(1899, 11, 30);
const EPOCH_1899_12_31 = Date.UTC(1899, 11, 31);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

/** `t="d"` text (ISO 8601, or a bare time) → the serial SheetJS makes of it (parseDate + datenum). */
function isoToSerial(text: string, date1904: boolean, part: string): number {
  let ms: number;
  let m = /^(\d+):(\d+)(:\d+)?(\.\d+)?$/.exec(text);
  if (m) {
    ms =
      (date1904 ? EPOCH_1904 : EPOCH_1899_12_31) +
      ((parseInt(m[1]!, 10) * 60 + parseInt(m[2]!, 10)) * 60 + (m[3] ? parseInt(m[3].slice(1), 10) : 0)) * 1000 +
      (m[4] ? parseInt((m[4] + '000').slice(1, 4), 10) : 0);
  } else if ((m = /^(\d+)-(\d+)-(\d+)$/.exec(text))) {
    ms = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, 0, 0, 0, 0);
  } else if ((m = /^(\d+)-(\d+)-(\d+)[T ](\d+):(\d+)(:\d+)?(\.\d+)?$/.exec(text))) {
    ms = Date.UTC(
      +m[1]!,
      +m[2]! - 1,
      +m[3]!,
      +m[4]!,
      +m[5]!,
      (m[6] && parseInt(m[6].slice(1), 10)) || 0,
      (m[7] && parseInt((m[7] + '0000').slice(1, 4), 10)) || 0,
    );
  } else {
    ms = new Date(text).getTime();
  }
  if (ms !== ms) unsupported(`${part}: date cell ${JSON.stringify(text)}`);
  const res = (ms - EPOCH_1899_12_30) / DAY_MS;
  if (date1904) {
    const r = res - 1462;
    return r < -1402 ? r - 1 : r;
  }
  return res < 60 ? res - 1 : res;
}

// ---------------------------------------------------------------------------------------------
// Styles: which cell formats (cellXfs) show numbers as dates

/**
 * Built-in number formats that are dates or times: 14–22 and 45–47 everywhere, 27–36 and 50–58
 * in the CJK locales (年月日, 上午/下午 …), 71–81 in the Thai locale.
 */
function builtInDate(id: number): boolean {
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58) || (id >= 71 && id <= 81);
}

const NUMFMT_ATTRS = ['numFmtId', 'formatCode'];
const numFmtValues: (string | undefined)[] = [undefined, undefined];
const XF_ATTRS = ['numFmtId'];
const xfValues: (string | undefined)[] = [undefined];

/** For each cellXfs index, 1 when its number format is a date. */
function readStyles(xml: string, part: string): Uint8Array {
  xml = prepare(xml, part);
  const custom = new Map<number, string>();
  const fmts = findStart(xml, 'numFmts', 0);
  if (fmts && !fmts.selfClosing) {
    const close = closeOf(xml, fmts, part);
    for (
      let tag = nextTag(xml, fmts.end, NUMFMT_ATTRS, numFmtValues);
      tag && tag.start < close;
      tag = nextTag(xml, tag.end, NUMFMT_ATTRS, numFmtValues)
    ) {
      if (tag.closing || tag.local !== 'numFmt') continue;
      const id = parseInt(numFmtValues[0] ?? '', 10);
      const code = numFmtValues[1];
      if (!(id >= 0) || code === undefined) unsupported(`${part}: numFmt without id or code`);
      custom.set(id, decodeText(code, false));
    }
  }
  const dates: number[] = [];
  const xfs = findStart(xml, 'cellXfs', 0);
  if (xfs && !xfs.selfClosing) {
    const close = closeOf(xml, xfs, part);
    for (let tag = nextTag(xml, xfs.end, XF_ATTRS, xfValues); tag && tag.start < close; tag = nextTag(xml, tag.end, XF_ATTRS, xfValues)) {
      if (tag.closing || tag.local !== 'xf') continue;
      const id = xfValues[0] ? parseInt(xfValues[0], 10) : 0;
      if (!(id >= 0)) unsupported(`${part}: xf numFmtId ${xfValues[0]}`);
      // SheetJS ignores a custom format 0 (General).
      const code = id > 0 ? custom.get(id) : undefined;
      dates.push((code !== undefined ? isDateFormat(code) : builtInDate(id)) ? 1 : 0);
    }
  }
  return Uint8Array.from(dates);
}

// ---------------------------------------------------------------------------------------------
// Shared strings and rich text

/**
 * The plain text of an `<si>` or `<is>` (content between `from` and `to`): its `<t>`s joined,
 * those inside phonetic runs (`<rPh>`) left out. Decoded once, after joining, as SheetJS does.
 */
function richText(xml: string, from: number, to: number, part: string): string {
  let raw = '';
  let phonetic = 0;
  let p = from;
  for (;;) {
    const lt = xml.indexOf('<', p);
    if (lt < 0 || lt >= to) {
      if (!blank(xml, p, to)) unsupported(`${part}: text outside <t>`);
      break;
    }
    if (lt > p && !blank(xml, p, lt)) unsupported(`${part}: text outside <t>`);
    const ch1 = xml.charCodeAt(lt + 1);
    if (ch1 === 33) {
      p = skipBang(xml, lt, part);
      continue;
    }
    const closing = ch1 === 47;
    const nameEnd = readName(xml, closing ? lt + 2 : lt + 1);
    const localLength = nameEnd - nameLocal;
    if (localLength === 0) unsupported(`${part}: malformed tag`);
    if (closing) {
      if (localLength === 3 && xml.startsWith('rPh', nameLocal)) phonetic--;
      p = xml.indexOf('>', nameEnd) + 1;
      if (p === 0) unsupported(`${part}: unterminated tag`);
      continue;
    }
    const isT = localLength === 1 && xml.charCodeAt(nameLocal) === 116;
    const isPhonetic = !isT && localLength === 3 && xml.startsWith('rPh', nameLocal);
    p = readAttrs(xml, nameEnd, NONE, noValues) + 1;
    if (selfClosing) continue;
    if (isPhonetic) phonetic++;
    else if (isT) {
      const end = xml.indexOf('<', p);
      if (end < 0 || end >= to || !endTagAt(xml, end, lt + 1, nameEnd)) unsupported(`${part}: markup inside <t>, or <t> not closed`);
      if (phonetic === 0) raw = raw === '' ? xml.slice(p, end) : raw + xml.slice(p, end);
      p = end;
    }
  }
  return decodeText(raw, true);
}

function readSharedStrings(xml: string, part: string): string[] {
  const out: string[] = [];
  const root = findStart(xml, 'sst', 0);
  if (!root) unsupported(`${part}: no <sst>`);
  if (root.selfClosing) return out;
  const end = closeOf(xml, root, part);
  let p = root.end;
  for (;;) {
    const lt = xml.indexOf('<', p);
    if (lt < 0 || lt >= end) break;
    if (lt > p && !blank(xml, p, lt)) unsupported(`${part}: text outside <si>`);
    const ch1 = xml.charCodeAt(lt + 1);
    if (ch1 === 33) {
      p = skipBang(xml, lt, part);
      continue;
    }
    if (ch1 === 63 || ch1 === 47) {
      p = xml.indexOf('>', lt) + 1;
      if (p === 0) unsupported(`${part}: unterminated tag`);
      continue;
    }
    const nameEnd = readName(xml, lt + 1);
    const isSi = nameEnd - nameLocal === 2 && xml.startsWith('si', nameLocal);
    p = readAttrs(xml, nameEnd, NONE, noValues) + 1;
    if (!isSi) continue;
    if (selfClosing) {
      out.push('');
      continue;
    }
    const closeTag = nameLocal === lt + 1 ? '</si>' : `</${xml.slice(lt + 1, nameEnd)}>`;
    const close = xml.indexOf(closeTag, p);
    if (close < 0) unsupported(`${part}: <si> is not closed`);
    out.push(richText(xml, p, close, part));
    p = close + closeTag.length;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Worksheets: the hot path, specialised (no substrings for names, references or indexes)

interface SheetContext {
  strings: readonly string[];
  /** Per cellXfs index, 1 for a date format; null while styles.xml is not read (see `pending`). */
  dateXf: Uint8Array | null;
  /** Styled numbers met before styles.xml was read: it is read only if there are any. */
  pending: { rows: CellValue[][]; r: number; c: number; style: number }[];
  date1904: boolean;
  /** The values SheetJS's sheet_to_json(raw) gives: no dates, errors as their codes (for `_huizong`). */
  raw: boolean;
  part: string;
  /** Formulas without a cached result met so far (Grid.formulasWithoutValue). */
  uncached: { r: number; c: number }[];
}

const ERROR_CODES: Record<string, number> = {
  '#NULL!': 0x00,
  '#DIV/0!': 0x07,
  '#VALUE!': 0x0f,
  '#REF!': 0x17,
  '#NAME?': 0x1d,
  '#NUM!': 0x24,
  '#N/A': 0x2a,
  '#GETTING_DATA': 0x2b,
};

// Cell types (`t`).
const T_N = 0;
const T_S = 1;
const T_STR = 2;
const T_INLINE = 3;
const T_B = 4;
const T_E = 5;
const T_D = 6;

/** Set by `readCellTag`. */
let cellType = T_N;
let cellStyle = -1;
let cellHasRef = false;

/** A non-negative integer written in xml[from, to), or -1. */
function digitsAt(xml: string, from: number, to: number): number {
  if (from >= to || to - from > 9) return -1;
  let n = 0;
  for (let i = from; i < to; i++) {
    const ch = xml.charCodeAt(i);
    if (ch < 48 || ch > 57) return -1;
    n = n * 10 + ch - 48;
  }
  return n;
}

function typeAt(xml: string, from: number, to: number, part: string): number {
  const length = to - from;
  if (length === 0) return T_N;
  if (length === 1) {
    switch (xml.charCodeAt(from)) {
      case 110:
        return T_N;
      case 115:
        return T_S;
      case 98:
        return T_B;
      case 101:
        return T_E;
      case 100:
        return T_D;
    }
  } else if (length === 3 && xml.startsWith('str', from)) return T_STR;
  else if (length === 9 && xml.startsWith('inlineStr', from)) return T_INLINE;
  return unsupported(`${part}: cell type ${JSON.stringify(xml.slice(from, to))}`);
}

/** `<c>`'s attributes from just after its name: r, s, t into refRow/refCol, cellStyle, cellType. */
function readCellTag(xml: string, i: number, part: string): number {
  cellType = T_N;
  cellStyle = -1;
  cellHasRef = false;
  // As nearly every writer puts them: ` r="A1" s="3" t="s"`, by hand; anything else below.
  while (xml.charCodeAt(i) === 32 && xml.charCodeAt(i + 2) === 61 && xml.charCodeAt(i + 3) === 34) {
    const name = xml.charCodeAt(i + 1);
    const from = i + 4;
    let to = from;
    while (to < from + 12 && xml.charCodeAt(to) !== 34) to++;
    if (xml.charCodeAt(to) !== 34) break;
    if (name === 114) {
      if (!decodeRef(xml, from, to)) unsupported(`${part}: cell reference ${JSON.stringify(xml.slice(from, to))}`);
      cellHasRef = true;
    } else if (name === 115) cellStyle = digitsAt(xml, from, to);
    else if (name === 116) cellType = typeAt(xml, from, to, part);
    else break;
    i = to + 1;
    if (!endsAttribute(xml.charCodeAt(i))) unsupported(`${part}: attributes not separated by spaces`);
  }
  const n = xml.length;
  for (;;) {
    let ch = xml.charCodeAt(i);
    while (isSpace(ch)) ch = xml.charCodeAt(++i);
    if (ch === 62) {
      selfClosing = false;
      return i;
    }
    if (ch === 47 && xml.charCodeAt(i + 1) === 62) {
      selfClosing = true;
      return i + 1;
    }
    if (i >= n) unsupported(`${part}: unterminated <c>`);
    if (!nameStart(ch)) unsupported('malformed attribute');
    const start = i;
    let prefixed = false;
    while (ch !== 61 && !isSpace(ch) && ch !== 62 && ch !== 47 && i < n) {
      if (ch === 58) prefixed = true;
      ch = xml.charCodeAt(++i);
    }
    const nameLength = i - start;
    while (isSpace(ch)) ch = xml.charCodeAt(++i);
    if (ch !== 61) unsupported(`${part}: attribute without a value`);
    ch = xml.charCodeAt(++i);
    while (isSpace(ch)) ch = xml.charCodeAt(++i);
    if (ch !== 34 && ch !== 39) unsupported(`${part}: unquoted attribute`);
    const from = i + 1;
    const to = xml.indexOf(ch === 34 ? '"' : "'", from);
    if (to < 0) unsupported(`${part}: unterminated attribute`);
    if (nameLength === 1 && !prefixed) {
      switch (xml.charCodeAt(start)) {
        case 114: // r
          if (!decodeRef(xml, from, to)) unsupported(`${part}: cell reference ${JSON.stringify(xml.slice(from, to))}`);
          cellHasRef = true;
          break;
        case 115: // s: SheetJS takes a style it cannot find as no style
          cellStyle = digitsAt(xml, from, to);
          break;
        case 116: // t
          cellType = typeAt(xml, from, to, part);
          break;
        default:
          unsupported(`${part}: <c ${xml.slice(start, i)}=…>`);
      }
    } else if (
      !prefixed &&
      !(nameLength === 2 && (xml.startsWith('cm', start) || xml.startsWith('vm', start) || xml.startsWith('ph', start)))
    ) {
      // CT_Cell has r, s, t, cm, vm and ph; anything else unprefixed is a broken tag.
      unsupported(`${part}: <c ${xml.slice(start, start + nameLength)}=…>`);
    }
    i = to + 1;
    if (!endsAttribute(xml.charCodeAt(i))) unsupported(`${part}: attributes not separated by spaces`);
  }
}

/** Past a comment at `lt`; anything else starting `<!` (CDATA, DTD) is beyond this reader. */
function skipBang(xml: string, lt: number, part: string): number {
  if (!xml.startsWith('<!--', lt)) unsupported(`${part}: CDATA or DOCTYPE`);
  const end = xml.indexOf('-->', lt + 4);
  if (end < 0) unsupported(`${part}: unterminated comment`);
  return end + 3;
}

function put(rows: CellValue[][], r: number, c: number, value: CellValue): void {
  let row = rows[r];
  if (row === undefined) {
    while (rows.length < r) rows.push([]);
    row = [];
    rows[r] = row;
  }
  while (row.length < c) row.push(null);
  row[c] = value;
}

function numberAt(xml: string, from: number, to: number, ctx: SheetContext): number {
  // Whole numbers, the usual case, by hand.
  if (to - from <= 15) {
    let n = 0;
    let i = from;
    for (; i < to; i++) {
      const ch = xml.charCodeAt(i);
      if (ch < 48 || ch > 57) break;
      n = n * 10 + ch - 48;
    }
    if (i === to) return n;
  }
  const n = parseFloat(xml.slice(from, to));
  if (n !== n) unsupported(`${ctx.part}: number ${JSON.stringify(xml.slice(from, to))}`);
  return n;
}

/**
 * The current cell's value (type from `readCellTag`; numbers and `t="d"` as serials, dates are
 * made by the caller) from its `<v>` text in
 * xml[vFrom, vTo) (vFrom < 0: none; SheetJS takes `<v></v>` as none too) and its inline string.
 */
function cellValue(xml: string, vFrom: number, vTo: number, isFrom: number, isTo: number, formula: boolean, ctx: SheetContext): CellValue {
  const none = vFrom < 0 || vFrom === vTo;
  switch (cellType) {
    case T_N:
      return none ? null : numberAt(xml, vFrom, vTo, ctx);
    case T_S: {
      if (none) return null;
      const text = ctx.strings[digitsAt(xml, vFrom, vTo)];
      if (text === undefined) unsupported(`${ctx.part}: shared string ${JSON.stringify(xml.slice(vFrom, vTo))} of ${ctx.strings.length}`);
      return text;
    }
    case T_STR:
      // A formula without a cached result is null; a literal empty string stays one.
      return none ? (formula ? null : '') : decodeText(xml.slice(vFrom, vTo), true);
    case T_INLINE:
      if (isFrom >= 0) return richText(xml, isFrom, isTo, ctx.part);
      return formula ? null : '';
    case T_B: {
      if (none) return null;
      const v = xml.slice(vFrom, vTo);
      if (v === '1' || v === 'true') return true;
      if (v === '0' || v === 'false') return false;
      return unsupported(`${ctx.part}: boolean ${JSON.stringify(v)}`);
    }
    case T_E: {
      if (none) return null;
      const text = decodeText(xml.slice(vFrom, vTo), false);
      return ctx.raw ? (ERROR_CODES[text] ?? null) : text;
    }
    default: // T_D
      if (none) return null;
      return isoToSerial(decodeText(xml.slice(vFrom, vTo), false), ctx.date1904, ctx.part);
  }
}

/** Set by `readSheetData`: where `</sheetData>` starts. */
let sheetDataEnd = 0;

/** The cells of `<sheetData>` (its content starting at `from`) into dense rows. */
function readSheetData(xml: string, from: number, ctx: SheetContext): CellValue[][] {
  const part = ctx.part;
  const to = xml.length;
  const rows: CellValue[][] = [];
  let row = -1;
  let col = -1;
  let p = from;
  let prefixedQname = '';
  let prefixedClose = '';
  for (;;) {
    const lt = xml.indexOf('<', p);
    if (lt < 0) unsupported(`${part}: <sheetData> is not closed`);
    if (lt > p && !blank(xml, p, lt)) unsupported(`${part}: text outside a cell`);
    const ch1 = xml.charCodeAt(lt + 1);
    if (ch1 === 47) {
      // </row>, else </x:row>, </sheetData> (the end) or the end of something else.
      if (xml.startsWith('row>', lt + 2)) {
        p = lt + 6;
        continue;
      }
      const nameEnd = readName(xml, lt + 2);
      if (nameEnd === nameLocal || xml.charCodeAt(nameEnd) !== 62) unsupported(`${part}: malformed end tag`);
      if (nameEnd - nameLocal === 9 && xml.startsWith('sheetData', nameLocal)) {
        sheetDataEnd = lt;
        return rows;
      }
      p = nameEnd + 1;
      continue;
    }
    if (ch1 === 33) {
      p = skipBang(xml, lt, part);
      continue;
    }
    const nameEnd = readName(xml, lt + 1);
    const local = nameLocal;
    const localLength = nameEnd - local;
    if (localLength === 0) unsupported(`${part}: malformed tag`);
    if (localLength === 1 && xml.charCodeAt(local) === 99) {
      const gt = readCellTag(xml, nameEnd, part);
      let r: number;
      if (cellHasRef) {
        r = refRow;
        col = refCol;
      } else {
        if (row < 0) unsupported(`${part}: cell outside a row`);
        r = row;
        if (++col >= MAX_COLS) unsupported(`${part}: too many cells in row ${row + 1}`);
      }
      if (selfClosing) {
        p = gt + 1;
        continue;
      }
      let vFrom = -1;
      let vTo = -1;
      let isFrom = -1;
      let isTo = -1;
      let formula = false;
      const q0 = gt + 1;
      // The usual cell, <c …><v>…</v></c>, straight through.
      if (local === lt + 1 && xml.charCodeAt(q0) === 60 && xml.charCodeAt(q0 + 1) === 118 && xml.charCodeAt(q0 + 2) === 62) {
        const end = xml.indexOf('<', q0 + 3);
        if (end >= 0 && xml.startsWith('</v></c>', end)) {
          vFrom = q0 + 3;
          vTo = end;
          p = end + 8;
        }
      }
      if (vFrom < 0) {
        let closeTag = '</c>';
        if (local !== lt + 1) {
          const qname = xml.slice(lt + 1, nameEnd);
          if (qname !== prefixedQname) {
            prefixedQname = qname;
            prefixedClose = `</${qname}>`;
          }
          closeTag = prefixedClose;
        }
        const close = xml.indexOf(closeTag, q0);
        if (close < 0 || close > to) unsupported(`${part}: <c> is not closed`);
        // The cell's children: <f>, <v>, <is>, <extLst>.
        let q = q0;
        for (;;) {
          const lt2 = xml.indexOf('<', q);
          if (lt2 < 0 || lt2 >= close) break;
          if (lt2 > q && !blank(xml, q, lt2)) unsupported(`${part}: stray text in a cell`);
          const c2 = xml.charCodeAt(lt2 + 1);
          if (c2 === 47) {
            const end2 = readName(xml, lt2 + 2);
            const l2 = end2 - nameLocal;
            if (l2 === 0 || (l2 === 3 && xml.startsWith('row', nameLocal)) || (l2 === 9 && xml.startsWith('sheetData', nameLocal)))
              unsupported(`${part}: malformed cell`);
            q = xml.indexOf('>', end2) + 1;
            continue;
          }
          if (c2 === 33) {
            q = skipBang(xml, lt2, part);
            continue;
          }
          const nameEnd2 = readName(xml, lt2 + 1);
          const local2 = nameLocal;
          const length2 = nameEnd2 - local2;
          const first = xml.charCodeAt(local2);
          // A cell in a cell, or a second value: a broken <c>.
          if (length2 === 0 || (length2 === 1 && (first === 99 || (first === 118 && vFrom >= 0)))) unsupported(`${part}: malformed cell`);
          const gt2 = readAttrs(xml, nameEnd2, NONE, noValues);
          q = gt2 + 1;
          if (selfClosing) {
            if (length2 === 1 && first === 102) formula = true;
            continue;
          }
          if (length2 === 1 && (first === 118 || first === 102)) {
            // <v> or <f>: text up to their end tag.
            const end = xml.indexOf('<', q);
            if (!endTagAt(xml, end, lt2 + 1, nameEnd2)) unsupported(`${part}: markup inside <v> or <f>, or not closed`);
            if (first === 118) {
              vFrom = q;
              vTo = end;
            } else formula = true;
            q = end;
          } else if (length2 === 2 && xml.startsWith('is', local2)) {
            const end = xml.indexOf(`</${xml.slice(lt2 + 1, nameEnd2)}>`, q);
            if (end < 0 || end > close) unsupported(`${part}: <is> is not closed`);
            isFrom = q;
            isTo = end;
            q = end;
          }
        }
        p = close + closeTag.length;
      }
      let value = cellValue(xml, vFrom, vTo, isFrom, isTo, formula, ctx);
      if (value === null) {
        // A formula with no result in the file (written by a program, or WPS, never recalculated):
        // no value, but listed, so that the check reports it rather than taking it for blank.
        // Text formulas aside: Excel writes an empty text result as <v></v>, which SheetJS (the
        // other reader, held to agree with this one) cannot tell from a missing one.
        if (formula && cellType !== T_STR && cellType !== T_INLINE) ctx.uncached.push({ r, c: col });
        continue;
      }
      if (cellStyle >= 0 && typeof value === 'number' && !ctx.raw && (cellType === T_N || cellType === T_D)) {
        const dateXf = ctx.dateXf;
        if (dateXf === null) ctx.pending.push({ rows, r, c: col, style: cellStyle });
        else if (dateXf[cellStyle] === 1) value = excelSerialToDate(value, ctx.date1904) ?? value;
      }
      put(rows, r, col, value);
    } else if (localLength === 3 && xml.startsWith('row', local)) {
      const gt = readAttrs(xml, nameEnd, ROW_ATTRS, rowValues);
      const r = rowValues[0];
      if (r !== undefined) {
        const n = digitsAt(r, 0, r.length);
        if (n < 1 || n > MAX_ROWS) unsupported(`${part}: row ${JSON.stringify(r)}`);
        row = n - 1;
      } else if (++row >= MAX_ROWS) unsupported(`${part}: too many rows`);
      col = -1;
      p = gt + 1;
    } else {
      p = readAttrs(xml, nameEnd, NONE, noValues) + 1;
    }
  }
  return rows;
}

const ROW_ATTRS = ['r'];
const rowValues: (string | undefined)[] = [undefined];
const REF_ATTRS = ['ref'];
const refValues: (string | undefined)[] = [undefined];

function readSheet(xml: string, ctx: SheetContext): { rows: CellValue[][]; merges: Merge[] } {
  let rows: CellValue[][] = [];
  let data = findStart(xml, 'sheetData', 0);
  // Comments before <sheetData> could hide or fake it: then the careful way, all comments out.
  if (!data || xml.lastIndexOf('<!', data.start) >= 0) {
    xml = prepare(xml, ctx.part);
    data = findStart(xml, 'sheetData', 0);
  }
  let after = 0;
  if (data) {
    after = data.end;
    if (!data.selfClosing) {
      rows = readSheetData(xml, data.end, ctx);
      after = sheetDataEnd;
    }
  }
  // After </sheetData>: the merges (not those in a comment).
  let tail = xml;
  if (xml.indexOf('<!', after) >= 0) {
    tail = prepare(xml.slice(after), ctx.part);
    after = 0;
  }
  const merges: Merge[] = [];
  for (
    let tag = findStart(tail, 'mergeCell', after, REF_ATTRS, refValues);
    tag;
    tag = findStart(tail, 'mergeCell', tag.end, REF_ATTRS, refValues)
  ) {
    if (refValues[0] === undefined) unsupported(`${ctx.part}: mergeCell without ref`);
    merges.push(decodeRange(refValues[0], ctx.part));
  }
  return { rows, merges };
}

// ---------------------------------------------------------------------------------------------
// Workbook, relationships, package

interface SheetEntry {
  name: string;
  state: string | undefined;
  rid: string;
}

const WORKBOOK_PART = 'xl/workbook.xml';
const WORKBOOK_RELS = 'xl/_rels/workbook.xml.rels';
const SHEET_ATTRS = ['name', 'state', 'id'];
const sheetValues: (string | undefined)[] = [undefined, undefined, undefined];
const WBPR_ATTRS = ['date1904'];
const wbprValues: (string | undefined)[] = [undefined];

function readWorkbookPart(xml: string): { sheets: SheetEntry[]; date1904: boolean } {
  xml = prepare(xml, WORKBOOK_PART);
  if (xml.indexOf('purl.oclc.org/ooxml') >= 0) unsupported('Strict Open XML workbook');
  if (xml.indexOf('http://schemas.openxmlformats.org/spreadsheetml/2006/main') < 0)
    unsupported('xl/workbook.xml is not in the SpreadsheetML namespace');
  const root = findStart(xml, 'workbook', 0);
  if (!root) unsupported('no <workbook> in xl/workbook.xml');
  let date1904 = false;
  const pr = findStart(xml, 'workbookPr', root.end, WBPR_ATTRS, wbprValues);
  if (pr) date1904 = wbprValues[0] === '1' || wbprValues[0] === 'true';
  const sheets: SheetEntry[] = [];
  const list = findStart(xml, 'sheets', root.end);
  if (list && !list.selfClosing) {
    const close = closeOf(xml, list, WORKBOOK_PART);
    for (
      let tag = nextTag(xml, list.end, SHEET_ATTRS, sheetValues);
      tag && tag.start < close;
      tag = nextTag(xml, tag.end, SHEET_ATTRS, sheetValues)
    ) {
      if (tag.closing || tag.local !== 'sheet') continue;
      const [name, state, rid] = sheetValues;
      if (name === undefined || rid === undefined) unsupported('<sheet> without name or r:id');
      sheets.push({ name: decodeText(name, false), state, rid });
    }
  }
  if (sheets.length === 0) unsupported('no <sheet> in xl/workbook.xml');
  return { sheets, date1904 };
}

interface Relationship {
  type: string;
  target: string;
}

const REL_ATTRS = ['Id', 'Type', 'Target', 'TargetMode'];
const relValues: (string | undefined)[] = [undefined, undefined, undefined, undefined];

function readRels(xml: string, part: string): Map<string, Relationship> {
  xml = prepare(xml, part);
  const rels = new Map<string, Relationship>();
  for (let tag = nextTag(xml, 0, REL_ATTRS, relValues); tag; tag = nextTag(xml, tag.end, REL_ATTRS, relValues)) {
    if (tag.closing || tag.local !== 'Relationship') continue;
    const [id, type, target, mode] = relValues;
    if (id === undefined || type === undefined || target === undefined) unsupported(`${part}: <Relationship> without Id, Type or Target`);
    if (mode === 'External') continue;
    rels.set(decodeText(id, false), { type: decodeText(type, false), target: decodeText(target, false) });
  }
  return rels;
}

/** A relationship's target as a zip path: absolute (`/xl/…`) or relative to xl/. */
function resolveTarget(target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = ['xl'];
  for (const step of target.split('/')) {
    if (step === '..') parts.pop();
    else if (step !== '.' && step !== '') parts.push(step);
  }
  return parts.join('/');
}

const REL_TYPES = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';

/** The relationship's type (`worksheet`, `styles` …) if it is a Transitional one, else its whole URI. */
const relType = (rel: Relationship) => (rel.type.startsWith(REL_TYPES) ? rel.type.slice(REL_TYPES.length) : rel.type);

/**
 * A zip's parts, inflated when asked for. The guards' `CheckedZip` is one (each part size-
 * and CRC-checked as it is inflated); `partsOf` makes one of bare bytes.
 */
export interface PartSource {
  readonly names: ReadonlySet<string>;
  part(name: string): Uint8Array | undefined;
  /** The part as stored in the zip, for recognising one seen before without inflating it. */
  stored?(name: string): StoredPart | undefined;
}

/**
 * Parts that are the same in every return made from one template (the workbook, its
 * relationships, the styles), parsed once: recognised by how they are stored and by their
 * compressed bytes, compared in full, so a part is reused only where it is byte for byte the
 * one parsed (and checked) before.
 */
const seenParts = new Map<string, { data: Uint8Array; value: unknown }[]>();
const SEEN_PARTS_MAX = 256;

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The part parsed by `parse`, or as parsed before from the same stored part. */
function parsedPart<T>(source: PartSource, name: string, parse: (xml: string) => T): T | undefined {
  const stored = source.stored?.(name);
  const key = stored && `${name}\u0000${stored.what}\u0000${stored.data.length}`;
  if (stored && key) {
    for (const seen of seenParts.get(key) ?? []) if (sameBytes(seen.data, stored.data)) return seen.value as T;
  }
  const bytes = source.part(name);
  if (bytes === undefined) return undefined;
  const value = parse(strFromU8(bytes));
  if (stored && key) {
    if (seenParts.size >= SEEN_PARTS_MAX) seenParts.clear();
    // A copy: the cache does not keep the file's own buffer alive.
    seenParts.set(key, [...(seenParts.get(key) ?? []).slice(-3), { data: stored.data.slice(), value }]);
  }
  return value;
}

/** Every part of a zip at once, unchecked beyond what fflate checks: for bytes known to be fine. */
export function partsOf(bytes: Uint8Array): PartSource {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch (error) {
    return unsupported(`zip: ${error instanceof Error ? error.message : String(error)}`);
  }
  return { names: new Set(Object.keys(files)), part: (name) => files[name] };
}

/**
 * Reads an .xlsx/.xlsm's grids (and `_huizong` meta); throws `XlsxFastUnsupported` on anything
 * it does not understand, and lets the part source's own errors (the guards' refusals) through.
 */
export function readXlsxFast(zip: Uint8Array | PartSource): FastXlsxResult {
  const source = zip instanceof Uint8Array ? partsOf(zip) : zip;
  const text = (name: string) => {
    const bytes = source.part(name);
    return bytes === undefined ? undefined : strFromU8(bytes);
  };
  const workbook = parsedPart(source, WORKBOOK_PART, readWorkbookPart);
  if (workbook === undefined) unsupported('no xl/workbook.xml');
  const rels = parsedPart(source, WORKBOOK_RELS, (xml) => readRels(xml, WORKBOOK_RELS));
  if (rels === undefined) unsupported('no xl/_rels/workbook.xml.rels');
  const { sheets, date1904 } = workbook;

  let stringsPart: string | undefined;
  let stylesPart: string | undefined;
  for (const rel of rels.values()) {
    const type = relType(rel);
    if (type === 'sharedStrings') stringsPart = resolveTarget(rel.target);
    else if (type === 'styles') stylesPart = resolveTarget(rel.target);
  }
  // As SheetJS finds them through [Content_Types].xml: at their usual names if no rel says.
  stringsPart ??= source.names.has('xl/sharedStrings.xml') ? 'xl/sharedStrings.xml' : undefined;
  stylesPart ??= source.names.has('xl/styles.xml') ? 'xl/styles.xml' : undefined;

  // The sheets to read: all but the very hidden, and _huizong whatever its state.
  const wanted: { entry: SheetEntry; part: string }[] = [];
  for (const entry of sheets) {
    if (entry.state === 'veryHidden' && entry.name !== META_SHEET) continue;
    const rel = rels.get(entry.rid);
    if (!rel) unsupported(`sheet ${JSON.stringify(entry.name)} has no relationship ${entry.rid}`);
    const type = relType(rel);
    if (type !== 'worksheet') unsupported(`sheet ${JSON.stringify(entry.name)} is a ${type}`);
    wanted.push({ entry, part: resolveTarget(rel.target) });
  }

  const partText = (name: string) => text(name) ?? unsupported(`missing part ${name}`);
  const strings = stringsPart ? readSharedStrings(partText(stringsPart), stringsPart) : [];
  // styles.xml only matters for numbers with a style: it is read when the sheets have any.
  const pending: SheetContext['pending'] = [];
  const grids: Grid[] = [];
  let meta: Record<string, string> | undefined;
  for (const { entry, part } of wanted) {
    const isMeta = entry.name === META_SHEET;
    const uncached: SheetContext['uncached'] = [];
    const { rows, merges } = readSheet(partText(part), { strings, dateXf: null, pending, date1904, raw: isMeta, part, uncached });
    if (isMeta) meta = metaOf(rows);
    else
      grids.push(
        uncached.length > 0
          ? { sheet: entry.name, rows, merges, typed: true, formulasWithoutValue: uncached }
          : { sheet: entry.name, rows, merges, typed: true },
      );
  }
  if (pending.length > 0 && stylesPart !== undefined) {
    const part = stylesPart;
    const dateXf = parsedPart(source, part, (xml) => readStyles(xml, part)) ?? unsupported(`missing part ${part}`);
    for (const { rows, r, c, style } of pending) {
      if (dateXf[style] === 1) rows[r]![c] = excelSerialToDate(rows[r]![c] as number, date1904) ?? rows[r]![c]!;
    }
  }
  return meta ? { grids, meta } : { grids };
}

/** `_huizong`'s key/value rows (keys in column A, values in B), as readWorkbook reads them. */
function metaOf(rows: CellValue[][]): Record<string, string> {
  const meta: Record<string, string> = {};
  for (const row of rows) {
    const key = row[0];
    const value = row[1];
    if (typeof key === 'string' && key && value !== undefined && value !== null) meta[key] = String(value);
  }
  return meta;
}
