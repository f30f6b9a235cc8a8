/**
 * The dates a roll-up decides by (spec: "Dates a roll-up decides by"): the activity's year for
 * dates written without one, and the day a roll-up from the level below counts as sent.
 * Never the computer's clock: a roll-up run next spring must judge last spring's returns alike.
 */
import { yearOfDay } from '../values/day';
import type { Roster } from './types';

export { dayOfTime, localDay } from '../values/day';

/**
 * The activity's year where a table's title or template record does not say it: the year of
 * the roll-up's deadline, else of the roster's latest deadline, else the year given (--year).
 */
export function activityYear(options: { deadline?: string; roster?: Roster; year?: number }): number | undefined {
  const fromDeadline = yearOfDay(options.deadline);
  if (fromDeadline !== undefined) return fromDeadline;
  const rosterDeadlines = (options.roster?.units ?? []).map((u) => u.deadline).filter((d): d is string => d !== undefined);
  const latest = rosterDeadlines.sort().at(-1);
  return yearOfDay(latest) ?? options.year;
}
