/**
 * Counts (`int`) and amounts (`number`) as units really write them: `１２０`, `1,200`,
 * `120人`, `1.2万`, `约500`. What can be read is read, with a note naming the fix; what
 * cannot (negative, fractional counts, ranges, words, another unit) is an error and is left
 * out of totals: a number is never guessed.
 */
import type { IssueCode } from '../issues/catalogue';
import { hasFullWidth, toHalfWidth } from '../text/fold';
import { EMPTY, blankCell, display, fail, notReported } from './text';
import type { CellValue, ParseResult, ValueContext, ValueNote } from './types';

/** Units that appear after counts in these forms; one of them in the wrong field is a mix-up. */
export const KNOWN_UNITS: ReadonlySet<string> = new Set([
  '人',
  '人次',
  '场',
  '场次',
  '次',
  '份',
  '家',
  '项',
  '件',
  '张',
  '篇',
  '个',
  '支',
  '名',
  '位',
]);

/**
 * `人` is the field's own unit in a `人次` field (people write the short form), but `人次`
 * in a `人` field counts something else.
 */
export function isOwnUnit(written: string, fieldUnit: string | undefined): boolean {
  return fieldUnit !== undefined && written !== '' && (written === fieldUnit || fieldUnit.startsWith(written));
}

/**
 * Figure, then what may follow it, on half-width text. Groups: 1 `约`, 2 sign, 3 whole part
 * (with any separators), 4 decimals, 5 `万`, 6 `余`/`多`, 7 the unit, 8 `左右`.
 */
const WRITTEN_NUMBER = /^(约|大约)?\s*([-−]?)(\d+(?:,\d+)*)(?:\.(\d+))?\s*(万)?\s*(余|多)?\s*([^\d\s.,~〜-]*?)\s*(左右)?$/;
/** Two figures joined by a dash, tilde or 至/到, units allowed in between: `100-120`, `1万至2万`. */
const RANGE = /\d\s*(?:[^\d\s]{1,2}?\s*)?[-~〜至到—–―]+\s*\d/;
const THOUSANDS = /^\d{1,3}(?:,\d{3})+$/;
const MAX_WRITTEN_LENGTH = 40;
/** What Excel's "convert to number" would turn into a number: the text was a number in all but type. */
const PLAIN_NUMBER = /^\d+(?:\.\d+)?$/;

interface Kind {
  integer: boolean;
  invalid: Extract<IssueCode, 'value.not-integer' | 'value.not-number'>;
}

const INT: Kind = { integer: true, invalid: 'value.not-integer' };
const NUMBER: Kind = { integer: false, invalid: 'value.not-number' };

export function parseInteger(raw: CellValue, ctx: ValueContext): ParseResult {
  // The common case, benchmarked: a clean count in a number cell. No allocation beyond the result.
  if (typeof raw === 'number' && raw >= 0 && Number.isSafeInteger(raw)) return { ok: true, value: raw + 0, notes: EMPTY };
  return parseWritten(raw, ctx, INT);
}

export function parseNumber(raw: CellValue, ctx: ValueContext): ParseResult {
  if (typeof raw === 'number' && raw >= 0 && Number.isFinite(raw)) return { ok: true, value: raw + 0, notes: EMPTY };
  return parseWritten(raw, ctx, NUMBER);
}

function parseTyped(raw: number, kind: Kind): ParseResult {
  if (!Number.isFinite(raw)) return fail(kind.invalid, raw);
  if (raw < 0) return fail('value.negative', raw);
  if (!kind.integer) return { ok: true, value: raw + 0, notes: EMPTY };
  // Past 2^53 a number is no longer the one typed; rounding below would make it look exact.
  if (raw > Number.MAX_SAFE_INTEGER) return fail(kind.invalid, raw);
  // Formula results carry binary noise (12.000000000000002) that Excel hides by showing 15
  // significant digits; the person saw a whole number, so read what they saw.
  const shown = Number(raw.toPrecision(15));
  if (!Number.isInteger(shown)) return fail('value.fraction', raw);
  if (!Number.isSafeInteger(shown)) return fail(kind.invalid, raw);
  return { ok: true, value: shown + 0, notes: EMPTY };
}

function parseWritten(raw: CellValue, ctx: ValueContext, kind: Kind): ParseResult {
  if (raw === null || raw === undefined) return blankCell();
  if (typeof raw === 'number') return parseTyped(raw, kind);
  if (typeof raw !== 'string') return fail(kind.invalid, raw);
  const blank = notReported(raw);
  if (blank) return blank;

  const trimmed = raw.trim();
  const text = toHalfWidth(trimmed);
  const spaced = trimmed !== raw;
  // A full-width comma is a thousands separator and gets that note; the digits decide this one.
  const fullWidth = hasFullWidth(trimmed.replace(/，/g, ''));
  if (text === '无') return withNotes(raw, 0, { fullWidth, spaced });
  // No figure as people write them is this long; the patterns below must not meet a long run of spaces.
  if (text.length > MAX_WRITTEN_LENGTH) return fail(kind.invalid, raw);
  if (RANGE.test(text)) return fail('value.range', raw);

  const m = WRITTEN_NUMBER.exec(text);
  if (!m) return fail(kind.invalid, raw);
  // sign, whole and unit are groups that always take part in a match (maybe empty).
  const [, about, sign = '', whole = '', decimals, wan, more, unit = '', around] = m;

  const thousands = whole.includes(',');
  if (thousands && !THOUSANDS.test(whole)) return fail(kind.invalid, raw);
  if (unit !== '' && !isOwnUnit(unit, ctx.unit)) {
    // Another count's unit is a mix-up worth naming; a field without a unit has nothing to compare.
    if (KNOWN_UNITS.has(unit) && ctx.unit !== undefined) return fail('value.wrong-unit', raw, { found: unit, unit: ctx.unit });
    return fail(kind.invalid, raw);
  }
  if (sign !== '') return fail('value.negative', raw);

  const figure = decimals === undefined ? whole.replace(/,/g, '') : `${whole.replace(/,/g, '')}.${decimals}`;
  // Scaling in the decimal text (`1.2e4`) keeps 1.2万 exactly 12000, free of binary rounding.
  const value = Number(wan === undefined ? figure : `${figure}e4`);
  if (!Number.isFinite(value)) return fail(kind.invalid, raw);
  if (kind.integer) {
    if (!Number.isInteger(value)) return fail('value.fraction', raw);
    if (!Number.isSafeInteger(value)) return fail(kind.invalid, raw);
  }

  return withNotes(raw, value + 0, {
    fullWidth,
    thousands,
    spaced,
    asText: ctx.typed && PLAIN_NUMBER.test(trimmed),
    unit: unit !== '',
    wan: wan !== undefined,
    wholeFloat: kind.integer && wan === undefined && decimals !== undefined,
    approximate: about !== undefined || more !== undefined || around !== undefined,
  });
}

interface Flags {
  fullWidth?: boolean;
  thousands?: boolean;
  spaced?: boolean;
  asText?: boolean;
  unit?: boolean;
  wan?: boolean;
  wholeFloat?: boolean;
  approximate?: boolean;
}

/** Notes in the order the spec lists the ways of writing, so reports read the same every time. */
function withNotes(raw: string, value: number, flags: Flags): ParseResult {
  const codes: IssueCode[] = [];
  if (flags.fullWidth) codes.push('value.full-width');
  if (flags.thousands) codes.push('value.thousands');
  if (flags.spaced) codes.push('value.spaces');
  if (flags.asText) codes.push('value.number-as-text');
  if (flags.unit) codes.push('value.unit-written');
  if (flags.wan) codes.push('value.wan');
  if (flags.wholeFloat) codes.push('value.whole-float');
  if (flags.approximate) codes.push('value.approximate');
  if (codes.length === 0) return { ok: true, value, notes: EMPTY };
  const shown = display(raw);
  const parsed = String(value);
  const notes: ValueNote[] = codes.map((code) => ({ code, params: { value: shown, parsed } }));
  return { ok: true, value, notes };
}
