/** Dates, as SheetJS's SSF.parse_date_code and readWorkbook turn a serial into a Date. */
import { unsupported } from './xlsxUnsupported';

/** SSF_normalize_xl_unsafe: the serial as Excel keeps it, 15 significant digits. */
function normalizeSerial(v: number): number {
  const s = v.toPrecision(16);
  const e = s.indexOf('e');
  if (e > -1) {
    let m = s.slice(0, e);
    m = m.indexOf('.') > -1 ? m.slice(0, m.slice(0, 2) === '0.' ? 17 : 16) : m.slice(0, 15) + '0'.repeat(Math.max(0, m.length - 15));
    return Number(m + s.slice(e));
  }
  const n = s.indexOf('.') > -1 ? s.slice(0, s.slice(0, 2) === '0.' ? 17 : 16) : s.slice(0, 15) + '0'.repeat(Math.max(0, s.length - 15));
  return Number(n);
}

/**
 * Excel serial → UTC Date, or null when out of Excel's range. 1900 system: day 1 is 1900-01-01 and
 * day 60 is the 29 February 1900 that never was (Date.UTC rolls it to 1 March, as readWorkbook does).
 */
export function excelSerialToDate(serial: number, date1904: boolean): Date | null {
  if (serial > 2958465 || serial < 0) return null;
  const v = normalizeSerial(serial);
  let date = v | 0;
  let time = Math.floor(86400 * (v - date));
  let u = 86400 * (v - date) - time;
  if (Math.abs(u) < 1e-6) u = 0;
  if (date1904) date += 1462;
  if (u > 0.9999) {
    if (++time === 86400) {
      time = 0;
      ++date;
    }
  }
  const seconds = time % 60;
  time = Math.floor(time / 60);
  const minutes = time % 60;
  const hours = Math.floor(time / 60);
  return new Date(Date.UTC(1900, 0, date > 60 ? date - 1 : date, hours, minutes, seconds));
}

const DAY_MS = 24 * 60 * 60 * 1000;
const EPOCH_1899_12_30 = Date.UTC(1899, 11, 30);
const EPOCH_1899_12_31 = Date.UTC(1899, 11, 31);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

/** `t="d"` text (ISO 8601, or a bare time) → the serial SheetJS makes of it (parseDate + datenum). */
export function isoToSerial(text: string, date1904: boolean, part: string): number {
  let ms: number;
  let m = /^(\d+):(\d+)(:\d+)?(\.\d+)?$/.exec(text);
  if (m) {
    ms =
      (date1904 ? EPOCH_1904 : EPOCH_1899_12_31) +
      ((parseInt(m[1]!, 10) * 60 + parseInt(m[2]!, 10)) * 60 + (m[3] ? parseInt(m[3].slice(1), 10) : 0)) * 1000 +
      (m[4] ? parseInt((m[4] + '000').slice(1, 4), 10) : 0);
  } else if ((m = /^(\d+)-(\d+)-(\d+)$/.exec(text))) {
    ms = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, 0, 0, 0, 0);
  } else if ((m = /^(\d+)-(\d+)-(\d+)[T ](\d+):(\d+)(:\d+)?(\.\d+)?$/.exec(text))) {
    ms = Date.UTC(
      +m[1]!,
      +m[2]! - 1,
      +m[3]!,
      +m[4]!,
      +m[5]!,
      (m[6] && parseInt(m[6].slice(1), 10)) || 0,
      (m[7] && parseInt((m[7] + '0000').slice(1, 4), 10)) || 0,
    );
  } else {
    ms = new Date(text).getTime();
  }
  if (ms !== ms) unsupported(`${part}: date cell ${JSON.stringify(text)}`);
  const res = (ms - EPOCH_1899_12_30) / DAY_MS;
  if (date1904) {
    const r = res - 1462;
    return r < -1402 ? r - 1 : r;
  }
  return res < 60 ? res - 1 : res;
}
