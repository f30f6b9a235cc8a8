/**
 * Calendar days as Huizong writes them (`YYYY-MM-DD`), taken where the check or roll-up runs:
 * a file saved at 07:00 in Beijing on 3月21 was sent on the 21st, though it is still the 20th
 * in UTC. One place for it, so that "today", a file's day and a time stamp's day agree.
 */

import { isIsoDay } from './date';

/** The year of a real `YYYY-MM-DD` day; undefined for anything else. */
export function yearOfDay(day: string | undefined): number | undefined {
  return day !== undefined && isIsoDay(day) ? Number(day.slice(0, 4)) : undefined;
}

function dayOfDate(time: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${time.getFullYear()}-${pad(time.getMonth() + 1)}-${pad(time.getDate())}`;
}

/** Today where this runs (a check's default day for "not in the future"). */
export function localToday(now = new Date()): string {
  return dayOfDate(now);
}

/** The local day of a moment in milliseconds (a file's time); undefined if there is none. */
export function dayOfTime(ms: number | undefined): string | undefined {
  if (ms === undefined || !Number.isFinite(ms)) return undefined;
  return dayOfDate(new Date(ms));
}

/** The local day of a moment written as an ISO time (or already a day); undefined if it is none. */
export function localDay(isoTime: string): string | undefined {
  if (isIsoDay(isoTime)) return isoTime;
  return dayOfTime(new Date(isoTime).getTime());
}
