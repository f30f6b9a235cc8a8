/**
 * Tags, scanned with indexOf and charCodeAt (no DOM, no substrings for names). Names are
 * matched by their local part, so `<x:c>` is `<c>` whatever the prefix.
 */
import { unsupported } from './xlsxUnsupported';

/**
 * What the last scan left behind, read by the caller right after: `selfClosing`, whether the
 * tag just read was `<… />` (set by `readAttrs` and the sheet's own `<c>` reader), and
 * `nameLocal`, where the local part of the name `readName` just read starts.
 */
export const tagState = { selfClosing: false, nameLocal: 0 };

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

/**
 * Reads the attributes of a start tag from just after its name, keeping the values (raw, not
 * decoded) of those whose local names are in `names`; returns the index of the closing `>`.
 * Namespace declarations are skipped. Quotes are honoured, so a `>` inside a value is no end.
 */
export function readAttrs(xml: string, i: number, names: readonly string[], out: (string | undefined)[]): number {
  for (let k = 0; k < out.length; k++) out[k] = undefined;
  const n = xml.length;
  for (;;) {
    let ch = xml.charCodeAt(i);
    while (isSpace(ch)) ch = xml.charCodeAt(++i);
    if (ch === 62) {
      tagState.selfClosing = false;
      return i;
    }
    if (ch === 47 && xml.charCodeAt(i + 1) === 62) {
      tagState.selfClosing = true;
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
