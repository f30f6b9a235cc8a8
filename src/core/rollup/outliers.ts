/**
 * Figures far from their peers or from last year (spec "Outliers"): a value typed with the wrong
 * unit or an extra zero reads fine and would distort the total unseen. Such values are flagged
 * as warnings on their cell and never changed or left out. One pass over the counted rows
 * (sorting each field's values per level), on what is already in memory.
 */
import { fieldLabel, type CompiledForm } from '../definitions/compile';
import type { Lang } from '../definitions/types';
import { makeIssue, type Issue } from '../issues/issue';
import { a1 } from '../table/grid';
import type { OutlierFlag, RollupRow } from './types';

export type { OutlierFlag } from './types';

/** At least this many other units of the level must have given the field. */
export const MIN_PEERS = 5;
/** Ten times off: an extra zero, 万 for 个, the column beside. */
export const FACTOR = 10;
/** Against last year, a change smaller than this is never flagged (5 → 60 is a small unit growing). */
export const MIN_CHANGE = 50;

/**
 * The median of the sorted values without the one at `skip`. Runs once per value of every
 * field: index arithmetic only, no closure made per call (the CLI runs through tsx, which
 * names every inner function it creates).
 */
function medianWithout(sorted: Float64Array, skip: number): number {
  const k = sorted.length - 1;
  const mid = k >> 1;
  const upper = sorted[mid < skip ? mid : mid + 1]!;
  if (k % 2 === 1) return upper;
  const below = mid - 1;
  return (sorted[below < skip ? below : below + 1]! + upper) / 2;
}

/** Index of the first element >= value in a sorted array. */
function lowerBound(sorted: Float64Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function farFromPeers(value: number, median: number): boolean {
  if (!(median > 0)) return false;
  if (value >= median / 3 && value <= median * 3) return false;
  return value >= FACTOR * median || (median >= FACTOR && value <= median / FACTOR);
}

export function farFromLastYear(value: number, last: number): boolean {
  if (!(last > 0)) return false;
  return (value >= FACTOR * last || value <= last / FACTOR) && Math.abs(value - last) >= MIN_CHANGE;
}

/** A number as a person reads it: whole, or with one decimal (a median of two). */
export function plainNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}

/** Which advice the warning gives: the slips that make a figure too big are not those that make it too small. */
function adviceFor(value: number, reference: number): 'high' | 'low' | 'zero' {
  return value === 0 ? 'zero' : value > reference ? 'high' : 'low';
}

export interface OutlierOptions {
  form: CompiledForm;
  lang: Lang;
  /** A row's 单位层级 (its own, else the roster's); rows of unknown level are peers of each other. */
  levelOf: (row: RollupRow) => string;
  /** A unit's values last year, where there is a last year. */
  lastYearOf?: (row: RollupRow) => Record<string, unknown> | undefined;
  /** Fields present last year (those added since are not compared). */
  lastYearFields?: ReadonlySet<string>;
}

function rowCell(row: RollupRow, field: string): string | undefined {
  const column = row.fieldColumns?.[field];
  return column === undefined ? undefined : a1(row.row - 1, column);
}

/**
 * Flags counted rows' int values far from their level's median, or from the unit's own last
 * year; returns the warnings (each on its cell) and counts them on their rows.
 */
export function findOutliers(counted: readonly RollupRow[], options: OutlierOptions): Issue[] {
  const { form, lang } = options;
  const ints = form.fields.filter((f) => f.def.type === 'int' && f.def.rollup === 'sum');
  const issues: Issue[] = [];
  const flag = (row: RollupRow, fieldId: string, label: string, flagged: OutlierFlag, params: Record<string, string | number>) => {
    const cell = rowCell(row, fieldId);
    const issue = makeIssue(
      {
        code: flagged.kind === 'peers' ? 'outlier.peers' : 'outlier.last-year',
        params,
        field: fieldId,
        label,
        row: row.row,
        ...(cell ? { cell } : {}),
      },
      lang,
    );
    issue.file = row.file;
    issue.sheet = row.sheet;
    issues.push(issue);
    (row.outliers ??= []).push(flagged);
    row.warnings++;
  };

  // Peers: per level, per field, the values sorted once.
  const byLevel = new Map<string, RollupRow[]>();
  for (const row of counted) {
    const level = options.levelOf(row);
    const rows = byLevel.get(level);
    if (rows) rows.push(row);
    else byLevel.set(level, [row]);
  }
  let largest = 0;
  for (const rows of byLevel.values()) largest = Math.max(largest, rows.length);
  const scratch = new Float64Array(largest);
  // Each row's value of the field, NaN where it gave none: read once, sorted from a copy.
  const column = new Float64Array(largest);
  for (const field of ints) {
    const label = fieldLabel(field, lang);
    for (const rows of byLevel.values()) {
      if (rows.length <= MIN_PEERS) continue;
      // A typed array sorts numerically in native code, without calling back a comparator.
      let given = 0;
      for (let r = 0; r < rows.length; r++) {
        const v = rows[r]!.values[field.id];
        if (typeof v === 'number') column[r] = scratch[given++] = v;
        else column[r] = NaN;
      }
      if (given <= MIN_PEERS) continue;
      const sorted = scratch.subarray(0, given).sort();
      // Leaving out a larger value never raises the median of the others: every value's lies
      // between these two, and a value within a third and three times of both is no outlier.
      const highest = medianWithout(sorted, 0);
      const lowest = medianWithout(sorted, given - 1);
      for (let r = 0; r < rows.length; r++) {
        const v = column[r]!;
        if (v !== v || (lowest > 0 && v >= highest / 3 && v <= lowest * 3)) continue;
        const median = medianWithout(sorted, lowerBound(sorted, v));
        if (!farFromPeers(v, median)) continue;
        const peers = sorted.length - 1;
        flag(
          rows[r]!,
          field.id,
          label,
          { field: field.id, kind: 'peers', reference: median, peers },
          { value: v, peers, median: plainNumber(median), advice: adviceFor(v, median) },
        );
      }
    }
  }

  // Last year: each unit against itself.
  if (options.lastYearOf) {
    for (const row of counted) {
      const last = options.lastYearOf(row);
      if (!last) continue;
      for (const field of ints) {
        if (options.lastYearFields && !options.lastYearFields.has(field.id)) continue;
        const v = row.values[field.id];
        const v0 = last[field.id];
        if (typeof v !== 'number' || typeof v0 !== 'number' || !farFromLastYear(v, v0)) continue;
        flag(
          row,
          field.id,
          fieldLabel(field, lang),
          { field: field.id, kind: 'last-year', reference: v0 },
          { value: v, last: v0, advice: adviceFor(v, v0) },
        );
      }
    }
  }
  return issues;
}
