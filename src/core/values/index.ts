/**
 * Reading one cell as its field's type: the value, the notes on how it was written, or the
 * reason it cannot be read. Pure: no I/O, never throws.
 */
import { parseDate } from './date';
import { parseInteger, parseNumber } from './int';
import { parseBoolean, parseEmail, parseEnum, parsePhone, parseText } from './text';
import type { CellValue, ParseResult, ValueContext } from './types';

export type { CellValue, ParseResult, ValueContext, ValueNote } from './types';
export { KNOWN_UNITS, isOwnUnit, parseInteger, parseNumber } from './int';
export { checkedIso, parseDate, serialToIso } from './date';
export { EMPTY, display, notReported, parseBoolean, parseEmail, parseEnum, parsePhone, parseText } from './text';

export function parseCell(raw: CellValue, ctx: ValueContext): ParseResult {
  switch (ctx.type) {
    case 'int':
      return parseInteger(raw, ctx);
    case 'number':
      return parseNumber(raw, ctx);
    case 'date':
      return parseDate(raw, ctx);
    case 'enum':
      return parseEnum(raw, ctx);
    case 'phone':
      return parsePhone(raw);
    case 'email':
      return parseEmail(raw);
    case 'boolean':
      return parseBoolean(raw);
    case 'text':
      return parseText(raw);
  }
}
