/**
 * The dates a roll-up decides by (spec: "Dates a roll-up decides by"): the activity's year for
 * dates written without one, and the day a roll-up from the level below counts as sent.
 * Never the computer's clock: a roll-up run next spring must judge last spring's returns alike.
 */
import { isIsoDay } from '../values/date';
import type { Roster } from './types';

function yearOf(day: string | undefined): number | undefined {
  return day !== undefined && isIsoDay(day) ? Number(day.slice(0, 4)) : undefined;
}

/**
 * The activity's year where a table's title or template record does not say it: the year of
 * the roll-up's deadline, else of the roster's latest deadline, else the year given (--year).
 */
export function activityYear(options: { deadline?: string; roster?: Roster; year?: number }): number | undefined {
  const fromDeadline = yearOf(options.deadline);
  if (fromDeadline !== undefined) return fromDeadline;
  const rosterDeadlines = (options.roster?.units ?? []).map((u) => u.deadline).filter((d): d is string => d !== undefined);
  const latest = rosterDeadlines.sort().at(-1);
  return yearOf(latest) ?? options.year;
}

/** The calendar day (where the roll-up is run) of a moment written as an ISO time; undefined if it is none. */
export function localDay(isoTime: string): string | undefined {
  if (isIsoDay(isoTime)) return isoTime;
  return dayOfTime(new Date(isoTime).getTime());
}

/**
 * The calendar day where the roll-up is run of a moment in milliseconds (a file's time): a file
 * saved at 07:00 in Beijing on 3月21 was sent on the 21st, though it is still the 20th in UTC.
 */
export function dayOfTime(ms: number | undefined): string | undefined {
  if (ms === undefined || !Number.isFinite(ms)) return undefined;
  const time = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${time.getFullYear()}-${pad(time.getMonth() + 1)}-${pad(time.getDate())}`;
}
