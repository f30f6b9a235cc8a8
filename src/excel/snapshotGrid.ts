/**
 * A snapshot of the active sheet as the core's Grid (pure; no Office.js here): cells at their
 * sheet addresses, so that every issue names the cell a person sees, and date-formatted serial
 * numbers as the dates they show.
 *
 * Date formats are told by a small local test rather than SheetJS' `SSF.is_date`: the pane
 * loads SheetJS only on demand (file features), and this test is all the snapshot needs.
 */
import type { Grid } from '../core/table/grid';
import type { SheetSnapshot } from '../core/plan/types';
import type { CellValue } from '../core/values/types';
import { parseCell } from '../core/plan/markPlan';

const DAY_MS = 86_400_000;
/** Excel's 1900 date system: serial 60 is 1900-02-29, a day that never was. */
const EPOCH_AFTER_FAKE_LEAP_DAY = Date.UTC(1899, 11, 30);
const EPOCH_BEFORE_FAKE_LEAP_DAY = Date.UTC(1899, 11, 31);
const LAST_SERIAL = 2_958_465;

const formatCache = new Map<string, boolean>();

/**
 * Whether an Excel number format shows a date: after dropping quoted text, escaped
 * characters and bracketed parts (`[$-804]`, `[DBNum1]`, `[Red]`), a day, month-with-day or
 * year code remains (`yyyy-mm-dd`, `m/d/yyyy`, `yyyy"年"m"月"d"日"`, `d-mmm`). Pure times
 * (`h:mm`, `[h]:mm:ss`) and numbers are not dates.
 */
export function isDateFormat(format: string | null | undefined): boolean {
  if (!format) return false;
  const cached = formatCache.get(format);
  if (cached !== undefined) return cached;
  const section = format.split(';')[0] ?? '';
  const stripped = section
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/_.|\*./g, '')
    .replace(/General/gi, '');
  const isDate = /[dy]/i.test(stripped) || /(^|[^hs:])m{3,}/i.test(stripped);
  formatCache.set(format, isDate);
  return isDate;
}

/** The day (at UTC midnight, as the readers of files give it) of an Excel serial; undefined where there is none. */
export function serialToDate(serial: number): Date | undefined {
  if (!Number.isFinite(serial)) return undefined;
  const day = Math.floor(serial);
  if (day < 1 || day > LAST_SERIAL || day === 60) return undefined;
  const epoch = day < 60 ? EPOCH_BEFORE_FAKE_LEAP_DAY : EPOCH_AFTER_FAKE_LEAP_DAY;
  return new Date(epoch + day * DAY_MS);
}

/** Range.values gives '' for an empty cell; readers of files give null. */
function cell(value: CellValue, format: string | undefined): CellValue {
  if (value === '' || value === undefined) return null;
  if (typeof value === 'number' && format !== undefined && isDateFormat(format)) return serialToDate(value) ?? value;
  return value;
}

export function snapshotGrid(snapshot: SheetSnapshot): Grid {
  const origin = parseCell(snapshot.origin) ?? { r: 0, c: 0 };
  const rows: CellValue[][] = [];
  for (let r = 0; r < origin.r; r++) rows.push([]);
  const lead: CellValue[] = new Array<CellValue>(origin.c).fill(null);
  snapshot.values.forEach((source, i) => {
    const formats = snapshot.numberFormats?.[i];
    const row: CellValue[] = origin.c ? lead.slice() : [];
    for (let c = 0; c < source.length; c++) row.push(cell(source[c], formats?.[c]));
    // A trailing run of empty cells says nothing; dropping it keeps blank rows blank.
    while (row.length && row[row.length - 1] === null) row.pop();
    rows.push(row);
  });
  return { sheet: snapshot.sheet, rows, typed: true };
}
