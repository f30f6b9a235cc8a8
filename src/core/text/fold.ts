/**
 * Text folding: the ways people type the same thing in Excel or WPS — full-width digits
 * and letters, full-width or half-width brackets, stray spaces and line breaks — folded to
 * one form so that headers, enum options and numbers compare as a person reads them.
 */

const FULLWIDTH_START = 0xff01;
const FULLWIDTH_END = 0xff5e;
const FULLWIDTH_OFFSET = 0xfee0;

/** Full-width ASCII (`１２０`, `ＡＢ`, `，`) to half-width; the ideographic space to a space. */
export function toHalfWidth(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= FULLWIDTH_START && code <= FULLWIDTH_END) out += String.fromCharCode(code - FULLWIDTH_OFFSET);
    else if (code === 0x3000) out += ' ';
    else out += text[i];
  }
  return out;
}

/** True where the text holds full-width ASCII forms that `toHalfWidth` would change. */
export function hasFullWidth(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code >= FULLWIDTH_START && code <= FULLWIDTH_END) || code === 0x3000) return true;
  }
  return false;
}

const BRACKETS: Record<string, string> = {
  '【': '(',
  '】': ')',
  '〔': '(',
  '〕': ')',
  '[': '(',
  ']': ')',
  '{': '(',
  '}': ')',
  '<': '(',
  '>': ')',
  '《': '(',
  '》': ')',
};
const BRACKET_PATTERN = /[【】〔〕[\]{}<>《》]/g;

/**
 * The key two labels are compared by: half-width, one kind of bracket, no white space, no
 * required-field marks (`*`), no trailing colon, lower case.
 */
export function foldKey(text: string): string {
  return toHalfWidth(text)
    .replace(BRACKET_PATTERN, (b) => BRACKETS[b] ?? b)
    .replace(/[\s*※:]/g, '')
    .toLowerCase();
}

/** Every bracket people type, after `toHalfWidth` (which already turns `（）` into `()`). */
const OPENERS = /[【〔[{<《〈﹙「『]/g;
const CLOSERS = /[】〕\]}>》〉﹚」』]/g;
/** White space of every width, and the invisible characters copy-paste brings along. */
const SPACES = /[\s\u200b-\u200d\u2060\ufeff]/g;

/**
 * A unit's name as names are compared: half-width, no white space, one kind of bracket, lower
 * case. The roster matches names by it (`unitKey`) and finds them in file names by it.
 */
export function foldUnitName(name: string): string {
  return toHalfWidth(name).replace(SPACES, '').replace(OPENERS, '(').replace(CLOSERS, ')').toLowerCase();
}
