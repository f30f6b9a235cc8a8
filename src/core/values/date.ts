/**
 * Dates as they come back: date cells, Excel serial numbers, and the ways Chinese users type
 * a date (`2024-03-20`, `2024/3/20`, `2024.3.20`, `2024年3月20日`, `3月20日`). Always read as
 * a calendar day, `YYYY-MM-DD`; a time of day is never part of these forms.
 */
import { toHalfWidth } from '../text/fold';
import { EMPTY, blankCell, fail, isoDate, isoOfDate, notReported } from './text';
import type { CellValue, ParseResult, ValueContext } from './types';

const DAY_MS = 86_400_000;
/**
 * Excel's 1900 system counts 1900-02-29, a day that never was (serial 60). Serials after
 * it are therefore counted from 1899-12-30, those before it from 1899-12-31.
 */
const EPOCH_AFTER_FAKE_LEAP_DAY = Date.UTC(1899, 11, 30);
const EPOCH_BEFORE_FAKE_LEAP_DAY = Date.UTC(1899, 11, 31);
const FAKE_LEAP_DAY = 60;
/** 9999-12-31, Excel's last day. */
const LAST_SERIAL = 2_958_465;

function serialOf(year: number, month: number, day: number): number {
  return (Date.UTC(year, month - 1, day) - EPOCH_AFTER_FAKE_LEAP_DAY) / DAY_MS;
}

/**
 * Digits typed as text are a serial only where a serial is plausible for these forms; any
 * other run of digits (`20240320`, `2024`, `320`) is a date written wrong, not a serial.
 */
const TEXT_SERIAL_FIRST = serialOf(1990, 1, 1);
const TEXT_SERIAL_LAST = serialOf(2099, 12, 31);

/** The day of an Excel serial, or null where Excel has no such day. A time part is dropped. */
export function serialToIso(serial: number): string | null {
  if (!Number.isFinite(serial)) return null;
  const day = Math.floor(serial);
  if (day < 1 || day > LAST_SERIAL || day === FAKE_LEAP_DAY) return null;
  const epoch = day < FAKE_LEAP_DAY ? EPOCH_BEFORE_FAKE_LEAP_DAY : EPOCH_AFTER_FAKE_LEAP_DAY;
  return isoOfDate(new Date(epoch + day * DAY_MS));
}

function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The day if it exists on the calendar (no 2024-02-30, no month 13), else null. */
export function checkedIso(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return isoDate(year, month, day);
}

// Written on half-width text. The same separator twice, so `2024-3/20` is not taken for a date;
// a time after it is what a CSV export writes for a date-time cell.
const NUMERIC_DATE = /^(\d{4})\s*([-/.])\s*(\d{1,2})\s*\2\s*(\d{1,2})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/;
const CHINESE_DATE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?$/;
const MONTH_DAY = /^(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?$/;
const DIGITS = /^\d+$/;

export function parseDate(raw: CellValue, ctx: ValueContext): ParseResult {
  if (raw === null || raw === undefined) return blankCell();
  if (raw instanceof Date) return result(raw, isoOfDate(raw));
  if (typeof raw === 'number') return result(raw, serialToIso(raw));
  if (typeof raw !== 'string') return fail('value.date', raw);
  const blank = notReported(raw);
  if (blank) return blank;

  const text = toHalfWidth(raw).trim();
  const full = NUMERIC_DATE.exec(text);
  if (full) return result(raw, checkedIso(Number(full[1]), Number(full[3]), Number(full[4])));
  const chinese = CHINESE_DATE.exec(text);
  if (chinese) return result(raw, checkedIso(Number(chinese[1]), Number(chinese[2]), Number(chinese[3])));

  const monthDay = MONTH_DAY.exec(text);
  if (monthDay) {
    // Without the activity's year there is nothing to take a year from: never guess one.
    if (ctx.year === undefined) return fail('value.date-no-year', raw);
    const iso = checkedIso(ctx.year, Number(monthDay[1]), Number(monthDay[2]));
    if (iso === null) return fail('value.date', raw);
    return { ok: true, value: iso, notes: [{ code: 'value.date-year-assumed', params: { value: raw, parsed: iso } }] };
  }

  if (DIGITS.test(text)) {
    const serial = Number(text);
    if (serial >= TEXT_SERIAL_FIRST && serial <= TEXT_SERIAL_LAST) return result(raw, serialToIso(serial));
  }
  return fail('value.date', raw);
}

/** Why a date written in full names no day on the calendar: the catalogue's words for it. */
export type ImpossibleDate =
  | { code: 'date.no-such-month'; params: { value: string; month: number } }
  | { code: 'date.no-such-day'; params: { value: string; year: number; month: number; day: number; days: number } };

/**
 * A date written in full (`2024-02-30`, `2024/13/1`, `2024年2月30日`) that is shaped like a date
 * but is no day on the calendar; undefined for a real day or for text not shaped like a date.
 */
export function impossibleDate(value: string): ImpossibleDate | undefined {
  const text = toHalfWidth(value).trim();
  const parts = NUMERIC_DATE.exec(text) ?? CHINESE_DATE.exec(text);
  if (!parts) return undefined;
  const numeric = parts.length === 5;
  const year = Number(parts[1]);
  const month = Number(numeric ? parts[3] : parts[2]);
  const day = Number(numeric ? parts[4] : parts[3]);
  if (checkedIso(year, month, day) !== null) return undefined;
  if (month < 1 || month > 12) return { code: 'date.no-such-month', params: { value, month } };
  return { code: 'date.no-such-day', params: { value, year, month, day, days: daysInMonth(year, month) } };
}

function result(raw: CellValue, iso: string | null): ParseResult {
  return iso === null ? fail('value.date', raw) : { ok: true, value: iso, notes: EMPTY };
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Why a day given as `YYYY-MM-DD` (an option, a record) is none: not so written, or no day on the calendar. */
export type NotIsoDay = ImpossibleDate | { code: 'date.not-iso'; params: { value: string } };

/**
 * The one check of a day that must be written `YYYY-MM-DD` (--deadline, --today, a workbook's
 * record): undefined when it is a real day, else why not, in the catalogue's words.
 */
export function notIsoDay(value: string): NotIsoDay | undefined {
  if (!ISO_DAY.test(value)) return { code: 'date.not-iso', params: { value } };
  return impossibleDate(value);
}

/** A real day written `YYYY-MM-DD`. */
export const isIsoDay = (value: string): boolean => notIsoDay(value) === undefined;
