/**
 * Cells read as words: text, enum options, phone numbers, e-mail addresses, yes/no.
 *
 * Also the helpers every value parser shares (how a cell is shown back to the person, and
 * what "not reported" looks like), kept here because they are about a cell's text.
 */
import type { IssueCode, IssueParams } from '../issues/catalogue';
import { foldKey, toHalfWidth } from '../text/fold';
import type { CellValue, ParseResult, ValueContext, ValueNote } from './types';

/** Shared by every clean result, so that reading a clean cell allocates no notes array. */
export const EMPTY: readonly ValueNote[] = Object.freeze([]);

/** How units write "nothing to report": dashes of any width, a slash. */
const PLACEHOLDER = /^(?:[-－—–―─]+|[/／])$/;

/** `YYYY-MM-DD`; the caller has checked the parts. */
export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

/**
 * A date cell as the calendar day it shows. Readers hand date-only cells over as midnight
 * UTC, so the UTC parts are the day the person typed, whatever the machine's time zone.
 */
export function isoOfDate(date: Date): string | null {
  const time = date.getTime();
  if (Number.isNaN(time)) return null;
  const year = date.getUTCFullYear();
  if (year < 1000 || year > 9999) return null;
  return isoDate(year, date.getUTCMonth() + 1, date.getUTCDate());
}

/** The cell as the person sees it, for messages (`value` param): strings exactly as typed. */
export function display(raw: CellValue): string {
  if (raw === null || raw === undefined) return '';
  if (typeof raw === 'string') return raw;
  if (typeof raw === 'boolean') return raw ? 'TRUE' : 'FALSE';
  if (raw instanceof Date) return isoOfDate(raw) ?? 'Invalid Date';
  return String(raw);
}

export function blankCell(): ParseResult {
  return { ok: true, value: null, notes: EMPTY };
}

/**
 * The "not reported" result when the cell is blank or says so in words, else null. Whether
 * that is allowed is the schema's business (`schema.required-placeholder`), not the parser's.
 */
export function notReported(raw: CellValue): ParseResult | null {
  if (raw === null || raw === undefined) return blankCell();
  if (typeof raw !== 'string') return null;
  const trimmed = raw.trim();
  if (trimmed === '') return blankCell();
  if (PLACEHOLDER.test(trimmed)) return { ok: true, value: null, notes: EMPTY, placeholder: trimmed };
  return null;
}

export function fail(code: IssueCode, raw: CellValue, extra?: IssueParams): ParseResult {
  return { ok: false, code, params: { value: display(raw), ...extra } };
}

/** The cell as a string, for fields that hold words: what Excel would show. */
function asText(raw: string | number | boolean | Date): string {
  return typeof raw === 'string' ? raw.trim() : display(raw);
}

export function parseText(raw: CellValue): ParseResult {
  if (raw === null || raw === undefined) return blankCell();
  const blank = notReported(raw);
  if (blank) return blank;
  return { ok: true, value: asText(raw), notes: EMPTY };
}

// Options are the same array for every row of a column: fold them once per array.
const foldedOptions = new WeakMap<readonly string[], Map<string, string>>();

function optionsByKey(options: readonly string[]): Map<string, string> {
  let byKey = foldedOptions.get(options);
  if (!byKey) {
    byKey = new Map();
    for (const option of options) {
      const key = foldKey(option);
      // Two options folding alike would be a definition mistake; the first one wins.
      if (!byKey.has(key)) byKey.set(key, option);
    }
    foldedOptions.set(options, byKey);
  }
  return byKey;
}

export function parseEnum(raw: CellValue, ctx: ValueContext): ParseResult {
  if (raw === null || raw === undefined) return blankCell();
  const blank = notReported(raw);
  if (blank) return blank;
  const options = ctx.options ?? [];
  const text = asText(raw);
  // Spaces around an option are invisible in the cell: not worth a note.
  if (options.includes(text)) return { ok: true, value: text, notes: EMPTY };
  const option = optionsByKey(options).get(foldKey(text));
  if (option === undefined) return fail('value.not-option', raw, { options: options.join('、') });
  return { ok: true, value: option, notes: [{ code: 'value.enum-folded', params: { value: display(raw), parsed: option } }] };
}

const MOBILE = /^1[3-9]\d{9}$/;
/**
 * Area code (`022`, `0xxx`, maybe in brackets), the number (7–8 digits), then maybe an
 * extension (`-123`, `(123)`, `转123`). Checked with spaces removed, so a space may stand
 * wherever a dash may, or be left out.
 */
const LANDLINE = /^(?:0\d{2,3}|\(0\d{2,3}\))-?\d{7,8}(?:(?:-|转)\d{1,6}|\(\d{1,6}\))?$/;

export function parsePhone(raw: CellValue): ParseResult {
  if (raw === null || raw === undefined) return blankCell();
  const blank = notReported(raw);
  if (blank) return blank;
  // A mobile number typed into a number cell; a landline's leading 0 would be gone already.
  if (typeof raw === 'number') {
    const text = Number.isSafeInteger(raw) && raw > 0 ? String(raw) : '';
    return MOBILE.test(text) ? { ok: true, value: text, notes: EMPTY } : fail('value.phone', raw);
  }
  if (typeof raw !== 'string') return fail('value.phone', raw);
  // Full-width brackets and digits come from Chinese input methods, not from a wrong number.
  const folded = toHalfWidth(raw).trim();
  const compact = folded.replace(/\s+/g, '');
  // Dashes may split a mobile number anywhere (138-1234-5678), but not start or end it.
  const mobile = /^\d(?:-?\d)*$/.test(compact) && MOBILE.test(compact.replace(/-/g, ''));
  if (mobile || LANDLINE.test(compact)) return { ok: true, value: folded, notes: EMPTY };
  return fail('value.phone', raw);
}

const EMAIL = /^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/;

export function parseEmail(raw: CellValue): ParseResult {
  if (raw === null || raw === undefined) return blankCell();
  const blank = notReported(raw);
  if (blank) return blank;
  if (typeof raw !== 'string') return fail('value.email', raw);
  // `＠` and full-width letters are the input method's doing; the address is the same.
  const folded = toHalfWidth(raw).trim();
  return EMAIL.test(folded) ? { ok: true, value: folded, notes: EMPTY } : fail('value.email', raw);
}

const YES_NO: Readonly<Record<string, boolean>> = {
  是: true,
  否: false,
  true: true,
  false: false,
  '1': true,
  '0': false,
  '√': true,
  '×': false,
};

export function parseBoolean(raw: CellValue): ParseResult {
  if (raw === null || raw === undefined) return blankCell();
  const blank = notReported(raw);
  if (blank) return blank;
  if (typeof raw === 'boolean') return { ok: true, value: raw, notes: EMPTY };
  if (raw instanceof Date) return fail('value.boolean', raw);
  const key = toHalfWidth(String(raw)).trim().toLowerCase();
  const value = Object.prototype.hasOwnProperty.call(YES_NO, key) ? YES_NO[key] : undefined;
  return value === undefined ? fail('value.boolean', raw) : { ok: true, value, notes: EMPTY };
}
