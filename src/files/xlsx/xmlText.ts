/** XML text as the lean reader decodes it: entities, Excel's `_xHHHH_` escapes, comments. */
import { unsupported } from './xlsxUnsupported';

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
 * XML text or attribute value → string: for cell text (`cell`) the line ends written in the XML
 * CRLF → LF (as an XML parser reads them), then entities, then `_xHHHH_` escapes. A carriage
 * return written as an escape (`_x000D_`, `&#13;`) is the cell's own and stays; SheetJS turns
 * `_x000D_` + LF into LF as well, and tests/files/fast-xlsx.test.ts pins where the two differ.
 */
export function decodeText(text: string, cell: boolean): string {
  if (!escaped(text)) return cell ? detached(text) : text;
  if (cell && text.indexOf('\r') >= 0) text = text.replace(/\r\n/g, '\n');
  if (text.indexOf('&') >= 0) text = text.replace(ENTITY, entity);
  if (text.indexOf('_') >= 0) text = text.replace(XESCAPE, unescapeHex);
  return cell ? detached(text) : text;
}

function unescapeHex(_match: string, hex: string): string {
  return String.fromCharCode(parseInt(hex, 16));
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
export function prepare(xml: string, part: string): string {
  if (xml.indexOf('<!') < 0) return xml;
  const stripped = xml.replace(/<!--[\s\S]*?-->/g, '');
  if (stripped.indexOf('<!') >= 0) unsupported(`${part}: DOCTYPE or CDATA`);
  return stripped;
}
