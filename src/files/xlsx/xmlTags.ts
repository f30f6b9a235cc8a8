/**
 * Tags, scanned with indexOf and charCodeAt (no DOM, no substrings for names). Names are
 * matched by their local part, so `<x:c>` is `<c>` whatever the prefix.
 */
import { unsupported } from './xlsxUnsupported';

/**
 * What the last scan left behind, read by the caller right after: `selfClosing`, whether the
 * tag just read was `<… />` (set where a start tag's end is read: `nextAttribute`, and so
 * `readAttrs`), `ended`, whether `nextAttribute` met that end rather than an attribute, and
 * `nameLocal`, where the local part of the name `readName` just read starts.
 */
export const tagState = { selfClosing: false, ended: false, nameLocal: 0 };

/**
 * Set by `nextAttribute`: the attribute it read, its name xml[nameStart, nameEnd) (the local part
 * from `nameLocal`), its raw value xml[from, to).
 */
export const attribute = { nameStart: 0, nameLocal: 0, nameEnd: 0, from: 0, to: 0 };

export function isSpace(ch: number): boolean {
  return ch === 32 || ch === 10 || ch === 13 || ch === 9;
}

/** Index just past the tag name that starts at `i`; `tagState.nameLocal` is where its local part starts. */
export function readName(xml: string, i: number): number {
  tagState.nameLocal = i;
  for (;;) {
    const ch = xml.charCodeAt(i);
    if (ch === 58) tagState.nameLocal = i + 1;
    else if (ch === 62 || ch === 47 || ch === 60 || isSpace(ch) || ch !== ch) return i;
    i++;
  }
}

/** A malformed start tag: beyond this reader, `part` naming where (debug text only). */
function malformed(part: string, what: string): never {
  return unsupported(part ? `${part}: ${what}` : what);
}

/**
 * From `i` inside a start tag (just after its name or an attribute): the next attribute read
 * into `attribute`, returning the index just past its closing quote; or, at the tag's end, the
 * index of its closing `>` with `tagState.ended` (and `selfClosing` for `/>`) set. Quotes are
 * honoured, so a `>` inside a value is no end. The one reader of attributes, for every tag.
 */
export function nextAttribute(xml: string, i: number, part: string): number {
  const n = xml.length;
  let ch = xml.charCodeAt(i);
  while (isSpace(ch)) ch = xml.charCodeAt(++i);
  if (ch === 62) {
    tagState.selfClosing = false;
    tagState.ended = true;
    return i;
  }
  if (ch === 47 && xml.charCodeAt(i + 1) === 62) {
    tagState.selfClosing = true;
    tagState.ended = true;
    return i + 1;
  }
  tagState.ended = false;
  if (i >= n) malformed(part, 'unterminated tag');
  if (!nameStart(ch)) malformed(part, 'malformed attribute');
  const start = i;
  let local = i;
  while (ch !== 61 && !isSpace(ch) && ch !== 62 && ch !== 47 && i < n) {
    if (ch === 58) local = i + 1;
    else if (ch === 60) malformed(part, 'malformed attribute');
    ch = xml.charCodeAt(++i);
  }
  attribute.nameStart = start;
  attribute.nameLocal = local;
  attribute.nameEnd = i;
  while (isSpace(ch)) ch = xml.charCodeAt(++i);
  if (ch !== 61) malformed(part, 'attribute without a value');
  ch = xml.charCodeAt(++i);
  while (isSpace(ch)) ch = xml.charCodeAt(++i);
  if (ch !== 34 && ch !== 39) malformed(part, 'unquoted attribute');
  const close = xml.indexOf(ch === 34 ? '"' : "'", i + 1);
  if (close < 0) malformed(part, 'unterminated attribute');
  const lt = xml.indexOf('<', i + 1);
  if (lt >= 0 && lt < close) malformed(part, '"<" in an attribute value');
  attribute.from = i + 1;
  attribute.to = close;
  i = close + 1;
  if (!endsAttribute(xml.charCodeAt(i))) malformed(part, 'attributes not separated by spaces');
  return i;
}

/**
 * Reads the attributes of a start tag from just after its name, keeping the values (raw, not
 * decoded) of those whose local names are in `names`; returns the index of the closing `>`.
 * Namespace declarations are skipped.
 */
export function readAttrs(xml: string, i: number, names: readonly string[], out: (string | undefined)[]): number {
  for (let k = 0; k < out.length; k++) out[k] = undefined;
  for (;;) {
    i = nextAttribute(xml, i, '');
    if (tagState.ended) return i;
    if (names.length === 0) continue;
    const start = attribute.nameStart;
    const local = attribute.nameLocal;
    const end = attribute.nameEnd;
    const isNamespace = local !== start ? xml.startsWith('xmlns:', start) : end - start === 5 && xml.startsWith('xmlns', start);
    if (isNamespace) continue;
    for (let k = 0; k < names.length; k++) {
      const name = names[k]!;
      if (name.length === end - local && xml.startsWith(name, local)) {
        out[k] = xml.slice(attribute.from, attribute.to);
        break;
      }
    }
  }
}

/** Whether an XML name may start with `ch` (letters, `_`, `:` and anything beyond ASCII). */
export function nameStart(ch: number): boolean {
  return (ch >= 97 && ch <= 122) || (ch >= 65 && ch <= 90) || ch === 95 || ch === 58 || ch > 127;
}

/** What may follow an attribute's closing quote: a space, `>` or `/>`. */
export function endsAttribute(ch: number): boolean {
  return ch === 32 || ch === 62 || ch === 47 || ch === 10 || ch === 13 || ch === 9;
}

/** Whether xml[from, to) is only whitespace (no stray text between tags where none belongs). */
export function blank(xml: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isSpace(xml.charCodeAt(i))) return false;
  return true;
}

export const NONE: readonly string[] = [];
export const noValues: (string | undefined)[] = [];

/** One tag as the small parts (workbook, rels, styles) are read. */
export interface Tag {
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
export function nextTag(xml: string, from: number, names: readonly string[] = NONE, out: (string | undefined)[] = noValues): Tag | null {
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
    const local = xml.slice(tagState.nameLocal, nameEnd);
    const qname = xml.slice(nameStart, nameEnd);
    if (closing) {
      const gt = xml.indexOf('>', nameEnd);
      if (gt < 0) unsupported('unterminated tag');
      return { start: lt, end: gt + 1, qname, local, closing, selfClosing: false };
    }
    const gt = readAttrs(xml, nameEnd, names, out);
    return { start: lt, end: gt + 1, qname, local, closing, selfClosing: tagState.selfClosing };
  }
}

/** The first start tag named `local` at or after `from`. */
export function findStart(
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
    return { start: lt, end: gt + 1, qname: xml.slice(lt + 1, nameEnd), local, closing: false, selfClosing: tagState.selfClosing };
  }
  return null;
}

function isNameChar(ch: number): boolean {
  return (ch >= 97 && ch <= 122) || (ch >= 65 && ch <= 90) || (ch >= 48 && ch <= 57) || ch === 95 || ch === 45 || ch === 46;
}

/** Whether `</qname>` is at `at`, the qname being xml[nameStart, nameEnd) (no substring made). */
export function endTagAt(xml: string, at: number, nameStart: number, nameEnd: number): boolean {
  if (xml.charCodeAt(at) !== 60 || xml.charCodeAt(at + 1) !== 47) return false;
  const length = nameEnd - nameStart;
  for (let k = 0; k < length; k++) if (xml.charCodeAt(at + 2 + k) !== xml.charCodeAt(nameStart + k)) return false;
  return xml.charCodeAt(at + 2 + length) === 62;
}

/** Index of the `</qname>` closing `tag`. */
export function closeOf(xml: string, tag: Tag, part: string): number {
  const close = xml.indexOf(`</${tag.qname}>`, tag.end);
  if (close < 0) unsupported(`${part}: <${tag.qname}> is not closed`);
  return close;
}

/** Past a comment at `lt`; anything else starting `<!` (CDATA, DTD) is beyond this reader. */
export function skipBang(xml: string, lt: number, part: string): number {
  if (!xml.startsWith('<!--', lt)) unsupported(`${part}: CDATA or DOCTYPE`);
  const end = xml.indexOf('-->', lt + 4);
  if (end < 0) unsupported(`${part}: unterminated comment`);
  return end + 3;
}
