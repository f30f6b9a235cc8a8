/** Shared strings and rich text: the plain text a person sees, phonetic runs left out. */
import * as xmlTags from './xmlTags';
import * as xmlText from './xmlText';
import { unsupported } from './xlsxUnsupported';

// Under tsx (how the CLI and the bench run) every use of an imported name is a getter call;
// the scan below uses these per character or per cell, so they are taken once, here.
const { NONE, blank, closeOf, endTagAt, findStart, noValues, readAttrs, readName, skipBang, tagState } = xmlTags;
const { decodeText } = xmlText;

/**
 * The plain text of an `<si>` or `<is>` (content between `from` and `to`): its `<t>`s joined,
 * those inside phonetic runs (`<rPh>`) left out. Decoded once, after joining, as SheetJS does.
 */
export function richText(xml: string, from: number, to: number, part: string): string {
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
    const localLength = nameEnd - tagState.nameLocal;
    if (localLength === 0) unsupported(`${part}: malformed tag`);
    if (closing) {
      if (localLength === 3 && xml.startsWith('rPh', tagState.nameLocal)) phonetic--;
      p = xml.indexOf('>', nameEnd) + 1;
      if (p === 0) unsupported(`${part}: unterminated tag`);
      continue;
    }
    const isT = localLength === 1 && xml.charCodeAt(tagState.nameLocal) === 116;
    const isPhonetic = !isT && localLength === 3 && xml.startsWith('rPh', tagState.nameLocal);
    p = readAttrs(xml, nameEnd, NONE, noValues) + 1;
    if (tagState.selfClosing) continue;
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

export function readSharedStrings(xml: string, part: string): string[] {
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
    const isSi = nameEnd - tagState.nameLocal === 2 && xml.startsWith('si', tagState.nameLocal);
    p = readAttrs(xml, nameEnd, NONE, noValues) + 1;
    if (!isSi) continue;
    if (tagState.selfClosing) {
      out.push('');
      continue;
    }
    const closeTag = tagState.nameLocal === lt + 1 ? '</si>' : `</${xml.slice(lt + 1, nameEnd)}>`;
    const close = xml.indexOf(closeTag, p);
    if (close < 0) unsupported(`${part}: <si> is not closed`);
    out.push(richText(xml, p, close, part));
    p = close + closeTag.length;
  }
  return out;
}
