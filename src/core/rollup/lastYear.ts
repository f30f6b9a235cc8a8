/**
 * Last year beside this year (spec "Outliers", last paragraph): last year's roll-up of the same
 * form (or any table of it) read as returns are, then each unit's indicators this year, last
 * year and the change, units new or gone marked, and the totals likewise. A field added since
 * last year (no column for it then) is not compared.
 */
import type { CompiledForm } from '../definitions/compile';
import type { RowValues } from '../rules/crossField';
import type { TableReport } from '../validate/table';
import { rosterUnitFor, unitKey } from './roster';
import type { LastYearComparison, LastYearData, LastYearUnit, Roster, RollupRow, YearPair } from './types';

export type { LastYearComparison, LastYearData, LastYearUnit, YearPair } from './types';

/** The fields compared with last year (and its outliers): the summed int fields. */
function summedInts(form: CompiledForm): string[] {
  return form.fields.filter((f) => f.def.type === 'int' && f.def.rollup === 'sum').map((f) => f.id);
}

/** What is read of last year's rows: the unit and the figures compared. */
export function lastYearReads(form: CompiledForm): ReadonlySet<string> {
  return new Set([form.def.rollupKey, ...summedInts(form)]);
}

/** The int fields both years can be compared on. */
function comparedFields(form: CompiledForm, lastYearFields: readonly string[]): { fields: string[]; notCompared: string[] } {
  const had = new Set(lastYearFields);
  const ints = summedInts(form);
  return { fields: ints.filter((id) => had.has(id)), notCompared: ints.filter((id) => !had.has(id)) };
}

/**
 * Last year's rows, straight from the checked tables of the form: a Huizong roll-up lists only
 * its counted rows in its table (the superseded ones lie below its note line), and where a unit
 * appears twice the later row is taken (see `lastYearIndex`). Not rolled up again: last year's
 * figures are only compared, never summed or flagged.
 */
export function lastYearFrom(tables: readonly TableReport[], file: string, form: CompiledForm): LastYearData {
  const fields = new Set<string>();
  const units: LastYearData['units'] = [];
  for (const table of tables) {
    if (table.form !== form.def.id) continue;
    for (const id of Object.keys(table.fieldColumns)) fields.add(id);
    for (const row of table.rows) units.push({ unit: String(row.values[form.def.rollupKey] ?? '').trim(), values: row.values });
  }
  return { file, units, fields: [...fields] };
}

/** How this roll-up knows a unit: by the roster's name for it where it has one. */
export function lastYearKey(name: string, roster: Roster | undefined): string {
  // Exact matches only (as the roll-up matches rows): no suggestions are looked for here.
  const canonical = roster ? (rosterUnitFor(roster, name).unit?.name ?? name) : name;
  return unitKey(canonical);
}

/** Last year's values by unit key (the later row wins where a unit appears twice). */
export function lastYearIndex(data: LastYearData, roster: Roster | undefined): Map<string, { unit: string; values: RowValues }> {
  const index = new Map<string, { unit: string; values: RowValues }>();
  for (const unit of data.units) if (unit.unit.trim()) index.set(lastYearKey(unit.unit, roster), unit);
  return index;
}

/** What a field holds before it is filled in: every field of every unit is. */
const NO_PAIR: YearPair = Object.freeze({ thisYear: null, lastYear: null, change: null });

function pair(thisYear: unknown, lastYear: unknown): YearPair {
  const a = typeof thisYear === 'number' ? thisYear : null;
  const b = typeof lastYear === 'number' ? lastYear : null;
  return { thisYear: a, lastYear: b, change: a !== null && b !== null ? a - b : null };
}

/** Each row's `lastYearKey`; a row naming no unit has none. */
export function lastYearKeys(rows: readonly RollupRow[], roster: Roster | undefined): Map<RollupRow, string> {
  const keyOf = new Map<RollupRow, string>();
  for (const row of rows) if (row.unit.trim()) keyOf.set(row, lastYearKey(row.unit, roster));
  return keyOf;
}

/** `keyOf`: the counted rows' keys among last year's units (`lastYearKeys`), as the roll-up worked them out. */
export function compareWithLastYear(
  counted: readonly RollupRow[],
  keyOf: ReadonlyMap<RollupRow, string>,
  totals: Readonly<Record<string, number>>,
  data: LastYearData,
  index: ReadonlyMap<string, { unit: string; values: RowValues }>,
  form: CompiledForm,
): LastYearComparison {
  const { fields, notCompared } = comparedFields(form, data.fields);
  // Every unit's values copied from one object holding every field, then filled in: built key
  // by key here instead, V8 was seen to keep each unit's values as a dictionary.
  const template: Record<string, YearPair> = Object.fromEntries(fields.map((id) => [id, NO_PAIR]));
  const seen = new Set<string>();
  const units: LastYearUnit[] = [];
  for (const row of counted) {
    const key = keyOf.get(row);
    if (key === undefined) continue;
    const last = index.get(key);
    seen.add(key);
    const values = { ...template };
    for (const id of fields) values[id] = pair(row.values[id], last?.values[id]);
    units.push({ unit: row.unit, status: last ? 'both' : 'new', values });
  }
  // Summed by the field's place, not in an object keyed by its id.
  const lastTotals = new Float64Array(fields.length);
  for (const [key, last] of index) {
    for (let f = 0; f < fields.length; f++) {
      const v = last.values[fields[f]!];
      if (typeof v === 'number') lastTotals[f]! += v;
    }
    if (seen.has(key)) continue;
    const values = { ...template };
    for (const id of fields) values[id] = pair(undefined, last.values[id]);
    units.push({ unit: last.unit, status: 'gone', values });
  }
  const total = { ...template };
  for (let f = 0; f < fields.length; f++) total[fields[f]!] = pair(totals[fields[f]!] ?? 0, lastTotals[f]);
  return { file: data.file, fields, notCompared, units, total };
}
