/**
 * Finding the table in a worksheet as tables really come back: title and unit/date lines
 * above, a one- or two-row header (merged cells filled in), columns in any order, extra
 * columns, and which form it is — decided from the labels alone.
 */
import { headerKey, isHeaderKey, type CompiledForm } from '../definitions/compile';
import type { CellValue } from '../values/types';
import { cellText, headerTextRows, type Grid, type Merge } from './grid';

/** How far down a header may start: title, unit and date lines rarely take more. */
const HEADER_SEARCH_ROWS = 30;

export interface ColumnMatch {
  column: number;
  /** The header as a person reads it (two header rows joined). */
  header: string;
  /** The field the column holds; absent for extra columns. */
  field?: string;
  /** Set when the field was already taken by an earlier column. */
  duplicateOf?: number;
}

/**
 * Read only: sheets whose title and header read the same share one (see `recall`), and what
 * is worked out from it once (the columns' readers, the row checks) is kept with it.
 */
export interface LocatedTable {
  readonly form: CompiledForm;
  /** 0-based first and last header rows. */
  readonly headerTop: number;
  readonly headerBottom: number;
  /** 0-based first row after the header. */
  readonly dataStart: number;
  readonly columns: readonly ColumnMatch[];
  /** Field id → 0-based column. */
  readonly fieldColumns: ReadonlyMap<string, number>;
  /** Year written in the title lines (`2024年…`), for dates typed without one. */
  readonly year?: number;
  /** How many of the form's fields were found, and of its required ones. */
  readonly matched: number;
  readonly requiredMatched: number;
}

interface Candidate {
  top: number;
  depth: 1 | 2;
  fieldColumns: Map<string, number>;
}

/** Shorter keys than this are too common to be found inside a longer header. */
const MIN_SUFFIX_KEY = 4;

const suffixIndexes = new WeakMap<CompiledForm, Map<string, [string, string][]>>();

/** A form's label keys by their last few characters, so that suffixes are looked up, not scanned. */
function suffixIndex(form: CompiledForm): Map<string, [string, string][]> {
  let index = suffixIndexes.get(form);
  if (!index) {
    index = new Map();
    for (const [key, field] of form.headerKeys) {
      if (key.length < MIN_SUFFIX_KEY) continue;
      const tail = key.slice(-MIN_SUFFIX_KEY);
      index.set(tail, [...(index.get(tail) ?? []), [key, field]]);
    }
    suffixIndexes.set(form, index);
  }
  return index;
}

/**
 * The field a column's header names, if any, from the keys of its header rows (see
 * `headerKey`). Under a group (the upper cell differs from a non-empty lower one) the column
 * is the group's part: the lower cell, or both joined — never the group alone, which every
 * column under it shares. A group and its part may say more than the label (`开展宣传活动`
 * over `参与人数（人次）` for `宣传活动参与人数（人次）`): then the longest label the joined
 * text ends with. Keys fold character by character, so the key of two texts joined is their
 * keys joined. This runs for every column of every candidate header, data rows included:
 * the joined text is built only when a label ends as it would.
 */
function columnField(
  keys: readonly string[][],
  c: number,
  form: CompiledForm,
  suffixes: Map<string, [string, string][]>,
): string | undefined {
  const top = keys[0]?.[c] ?? '';
  const bottom = keys[1]?.[c];
  if (bottom === undefined || bottom === '' || bottom === top) return top ? form.headerKeys.get(top) : undefined;
  const field = form.headerKeys.get(bottom);
  if (field !== undefined || !top) return field;
  if (top.length + bottom.length < MIN_SUFFIX_KEY) return form.headerKeys.get(top + bottom);
  const tail = bottom.length >= MIN_SUFFIX_KEY ? bottom.slice(-MIN_SUFFIX_KEY) : (top + bottom).slice(-MIN_SUFFIX_KEY);
  const labels = suffixes.get(tail);
  if (!labels) return undefined;
  const joined = top + bottom;
  let best: [string, string] | undefined;
  for (const label of labels) if (joined.endsWith(label[0]) && (!best || label[0].length > best[0].length)) best = label;
  return best?.[1];
}

function matchHeader(keys: readonly string[][], form: CompiledForm): Map<string, number> {
  const fieldColumns = new Map<string, number>();
  const width = keys[0]?.length ?? 0;
  const suffixes = suffixIndex(form);
  for (let c = 0; c < width; c++) {
    const field = columnField(keys, c, form, suffixes);
    if (field !== undefined && !fieldColumns.has(field)) fieldColumns.set(field, c);
  }
  return fieldColumns;
}

/** Per form: each field's place, and a stamp per field, for counting matches without a Map. */
const fieldSlots = new WeakMap<CompiledForm, { index: Map<string, number>; seen: Int32Array; round: number }>();

/** How many distinct fields a candidate header names: `matchHeader`'s size, without building it. */
function countMatches(keys: readonly string[][], form: CompiledForm): number {
  let slots = fieldSlots.get(form);
  if (!slots)
    fieldSlots.set(
      form,
      (slots = { index: new Map(form.fields.map((f, i) => [f.id, i])), seen: new Int32Array(form.fields.length), round: 0 }),
    );
  const round = ++slots.round;
  const width = keys[0]?.length ?? 0;
  const suffixes = suffixIndex(form);
  let count = 0;
  for (let c = 0; c < width; c++) {
    const field = columnField(keys, c, form, suffixes);
    if (field === undefined) continue;
    const i = slots.index.get(field)!;
    if (slots.seen[i] !== round) {
      slots.seen[i] = round;
      count++;
    }
  }
  return count;
}

const zones = new WeakMap<Grid, HeaderZone>();

/**
 * Header keys of the texts seen lately. Returns from one template repeat the same title and
 * labels file after file; the bound keeps data cells from growing it without end.
 */
const recentKeys = new Map<string, string>();
const RECENT_KEYS_MAX = 20_000;

function cachedHeaderKey(text: string): string {
  if (isHeaderKey(text)) return text;
  let key = recentKeys.get(text);
  if (key === undefined) {
    key = headerKey(text);
    if (recentKeys.size >= RECENT_KEYS_MAX) recentKeys.clear();
    recentKeys.set(text, key);
  }
  return key;
}

/**
 * The header keys of the rows a header may stand in, merged cells filled in (as
 * `headerTextRows` over the whole zone gives them), each row keyed when first looked at:
 * a search that stops at the header never keys the data rows below it.
 */
interface HeaderZone {
  length: number;
  row(r: number): string[];
}

function headerZone(grid: Grid): HeaderZone {
  let zone = zones.get(grid);
  if (zone) return zone;
  const length = Math.min(grid.rows.length, HEADER_SEARCH_ROWS + 1);
  let width = 0;
  for (let r = 0; r < length; r++) width = Math.max(width, grid.rows[r]?.length ?? 0);
  const keyed: string[][] = [];
  zone = {
    length,
    row(r) {
      let keys = keyed[r];
      if (!keys) {
        const row = grid.rows[r] ?? [];
        const texts: string[] = [];
        for (let c = 0; c < width; c++) texts.push(cellText(row[c]));
        for (const merge of grid.merges ?? []) {
          if (merge.e.r < r || merge.s.r > r) continue;
          const text = cellText(grid.rows[merge.s.r]?.[merge.s.c]);
          if (!text) continue;
          // Clamped: a hostile merge of a whole sheet costs the zone's width, not its own.
          for (let c = merge.s.c, last = Math.min(merge.e.c, width - 1); c <= last; c++) texts[c] = text;
        }
        keyed[r] = keys = texts.map(cachedHeaderKey);
      }
      return keys;
    },
  };
  zones.set(grid, zone);
  return zone;
}

function requiredCount(form: CompiledForm, fieldColumns: Map<string, number>): number {
  let n = 0;
  for (const field of form.fields) if (field.required && fieldColumns.has(field.id)) n++;
  return n;
}

const endings = new WeakMap<CompiledForm, Set<string>>();

/** Every ending shorter than `MIN_SUFFIX_KEY` of the form's label keys: what a short part may complete. */
function endingsOf(form: CompiledForm): Set<string> {
  let set = endings.get(form);
  if (!set) {
    set = new Set();
    for (const key of form.headerKeys.keys()) for (let n = 1; n < MIN_SUFFIX_KEY && n <= key.length; n++) set.add(key.slice(-n));
    endings.set(form, set);
  }
  return set;
}

/**
 * Per row of the header zone, at most how many fields a header using that row could find
 * there: cells that are a label of the form, and cells that could end a group's label
 * (ending as a label does).
 */
function rowBounds(zone: HeaderZone, form: CompiledForm): { exact(r: number): number; joinable(r: number): number } {
  const suffixes = suffixIndex(form);
  const shortEndings = endingsOf(form);
  const exact: number[] = [];
  const joinable: number[] = [];
  const bound = (r: number) => {
    let e = 0;
    let j = 0;
    for (const key of zone.row(r)) {
      if (!key) continue;
      if (form.headerKeys.has(key)) e++;
      else if (key.length < MIN_SUFFIX_KEY ? shortEndings.has(key) : suffixes.has(key.slice(-MIN_SUFFIX_KEY))) j++;
    }
    exact[r] = e;
    joinable[r] = j;
  };
  return {
    exact(r) {
      if (exact[r] === undefined) bound(r);
      return exact[r]!;
    },
    joinable(r) {
      if (joinable[r] === undefined) bound(r);
      return joinable[r]!;
    },
  };
}

function bestCandidate(grid: Grid, form: CompiledForm): Candidate | undefined {
  let best: { top: number; depth: 1 | 2; size: number } | undefined;
  const zone = headerZone(grid);
  const last = Math.min(grid.rows.length, HEADER_SEARCH_ROWS);
  const bounds = rowBounds(zone, form);
  const pair: string[][] = [[], []];
  for (let top = 0; top < last; top++) {
    for (const depth of [1, 2] as const) {
      if (depth === 2 && top + 1 >= grid.rows.length) continue;
      // Skipped when it could not match more than the best, nor tie it as a simpler reading:
      // at once when the best names every field, else by what its rows could hold.
      const simplerPlace = best !== undefined && depth < best.depth && top + depth === best.top + best.depth;
      if (best?.size === form.fields.length && !simplerPlace) continue;
      const bound = depth === 1 ? bounds.exact(top) : bounds.exact(top) + bounds.exact(top + 1) + bounds.joinable(top + 1);
      if (bound === 0 || (best && (bound < best.size || (bound === best.size && !simplerPlace)))) continue;
      pair.length = depth;
      pair[0] = zone.row(top);
      if (depth === 2) pair[1] = zone.row(top + 1);
      // Counted first; the winner's columns are found once, at the end.
      const size = countMatches(pair, form);
      // A deeper or lower header wins only by matching more; on a tie, a one-row header
      // ending on the same row is the simpler reading (the row above is a title or unit line).
      const simpler = simplerPlace && size === best!.size;
      if (!best || size > best.size || simpler) best = { top, depth, size };
    }
    // Every field found on one row: nothing below can match more, nor tie as a simpler reading.
    if (best?.size === form.fields.length && best.depth === 1) break;
  }
  return (
    best && {
      top: best.top,
      depth: best.depth,
      fieldColumns: matchHeader(best.depth === 1 ? [zone.row(best.top)] : [zone.row(best.top), zone.row(best.top + 1)], form),
    }
  );
}

function titleYear(grid: Grid, beforeRow: number): number | undefined {
  for (let r = 0; r < beforeRow; r++) {
    for (const value of grid.rows[r] ?? []) {
      const match = /((?:19|20)\d{2})\s*年/.exec(cellText(value));
      if (match) return Number(match[1]);
    }
  }
  return undefined;
}

function describeColumns(grid: Grid, candidate: Candidate, form: CompiledForm): ColumnMatch[] {
  const texts = headerTextRows(grid, candidate.top, candidate.top + candidate.depth - 1);
  const width = Math.max(...texts.map((row) => row.length));
  const byColumn = new Map<number, string>();
  for (const [field, column] of candidate.fieldColumns) byColumn.set(column, field);
  const suffixes = suffixIndex(form);
  let keys: string[][] | undefined; // only for columns no field took: a duplicate, or extra
  const columns: ColumnMatch[] = [];
  for (let c = 0; c < width; c++) {
    // As a person reads it: the two header cells joined, once where a label spans both rows.
    const top = texts[0]![c] ?? '';
    const bottom = texts[1]?.[c] ?? '';
    const header = !top ? bottom : !bottom || bottom === top ? top : `${top} ${bottom}`;
    if (!header) continue;
    const field = byColumn.get(c);
    if (field !== undefined) {
      columns.push({ column: c, header, field });
      continue;
    }
    keys ??= texts.map((row) => row.map(cachedHeaderKey));
    const again = columnField(keys, c, form, suffixes);
    const match: ColumnMatch = { column: c, header };
    if (again !== undefined) match.duplicateOf = candidate.fieldColumns.get(again)!;
    columns.push(match);
  }
  return columns;
}

export interface FormScore {
  form: CompiledForm;
  matched: number;
  requiredMatched: number;
}

function requiredTotal(form: CompiledForm): number {
  return Math.max(1, form.fields.filter((f) => f.required).length);
}

/** A header counts as a form's when it holds at least half of its required labels (and two labels at least). */
function qualifies(form: CompiledForm, matched: number, requiredMatched: number): boolean {
  return matched >= 2 && requiredMatched * 2 >= requiredTotal(form);
}

/** Every form ranked by how well the sheet's best header matches it, best first. */
export function rankForms(grid: Grid, forms: readonly CompiledForm[]): FormScore[] {
  return forms
    .map((form) => {
      const candidate = bestCandidate(grid, form);
      const fieldColumns = candidate?.fieldColumns ?? new Map<string, number>();
      return { form, matched: fieldColumns.size, requiredMatched: requiredCount(form, fieldColumns) };
    })
    .sort((a, b) => b.requiredMatched / requiredTotal(b.form) - a.requiredMatched / requiredTotal(a.form) || b.matched - a.matched);
}

// ---------------------------------------------------------------------------------------------
// Returns from one template: the same title and header, file after file

/**
 * A table found for the form a roll-up expects, with everything its finding read: the texts of
 * the rows down to its header and the merges over them. The search for it never looked further
 * (it stops at a one-row header naming every field, and the other forms were passed over), so
 * a sheet that reads the same down to there has that same table.
 */
interface Remembered {
  forms: readonly CompiledForm[];
  /** `cellText` of every cell of rows 0 … headerBottom. */
  rows: string[][];
  /** The merges touching those rows, in the sheet's order. */
  merges: Merge[];
  located: LocatedTable;
}

const remembered = new WeakMap<CompiledForm, Remembered[]>();
/** Per expected form: the headers of a few templates (this year's and last year's, a variant). */
const REMEMBERED_MAX = 4;

function sameRowText(row: readonly CellValue[] | undefined, texts: readonly string[]): boolean {
  const n = Math.max(row?.length ?? 0, texts.length);
  for (let c = 0; c < n; c++) if (cellText(row?.[c]) !== (texts[c] ?? '')) return false;
  return true;
}

function mergesTouching(grid: Grid, lastRow: number): Merge[] {
  const out: Merge[] = [];
  for (const merge of grid.merges ?? []) if (merge.s.r <= lastRow) out.push(merge);
  return out;
}

function sameMerges(a: readonly Merge[], b: readonly Merge[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.s.r !== y.s.r || x.s.c !== y.s.c || x.e.r !== y.e.r || x.e.c !== y.e.c) return false;
  }
  return true;
}

function recall(grid: Grid, forms: readonly CompiledForm[], expected: CompiledForm): LocatedTable | undefined {
  for (const entry of remembered.get(expected) ?? []) {
    if (entry.forms !== forms) continue;
    const last = entry.rows.length - 1;
    let same = true;
    for (let r = 0; r <= last && same; r++) same = sameRowText(grid.rows[r], entry.rows[r]!);
    if (same && sameMerges(mergesTouching(grid, last), entry.merges)) return entry.located;
  }
  return undefined;
}

function remember(grid: Grid, forms: readonly CompiledForm[], expected: CompiledForm, located: LocatedTable): void {
  const last = located.headerBottom;
  const rows: string[][] = [];
  for (let r = 0; r <= last; r++) rows.push(Array.from(grid.rows[r] ?? [], cellText));
  // How wide the rows further down make the header zone matters not: past these rows' own
  // cells only a merge's text repeats, which adds no field to a header naming every one.
  const merges = mergesTouching(grid, last).map((m) => ({ s: { ...m.s }, e: { ...m.e } }));
  const list = remembered.get(expected) ?? [];
  remembered.set(expected, [{ forms, rows, merges, located }, ...list.slice(0, REMEMBERED_MAX - 1)]);
}

/**
 * The table of `forms` best matched by the sheet's header, or undefined when no form has
 * enough of its labels there. With one form given, that form or nothing. `expected` (one of
 * `forms`) changes nothing in the answer, only how soon it is found: first, and at once for a
 * sheet whose rows down to the header read as those of a sheet found before.
 */
export function locateTable(grid: Grid, forms: readonly CompiledForm[], expected?: CompiledForm): LocatedTable | undefined {
  const at = expected ? forms.indexOf(expected) : -1;
  if (at >= 0) {
    const known = recall(grid, forms, expected!);
    if (known) return known;
  }
  let chosen: { form: CompiledForm; candidate: Candidate; required: number } | undefined;
  // The form a roll-up expects, looked at first. When its header names every one of its fields
  // (and it has required ones, so its share is whole), a form with fewer fields cannot match
  // more columns, nor as many from further down the list: those need not be looked at.
  const expectedCandidate = at >= 0 ? bestCandidate(grid, expected!) : undefined;
  const whole =
    expectedCandidate !== undefined &&
    expectedCandidate.fieldColumns.size === expected!.fields.length &&
    expected!.fields.some((f) => f.required);
  let othersLooked = false;
  for (const [i, form] of forms.entries()) {
    if (whole && i !== at && (form.fields.length < expected!.fields.length || (form.fields.length === expected!.fields.length && i > at)))
      continue;
    if (i !== at) othersLooked = true;
    const candidate = i === at ? expectedCandidate : bestCandidate(grid, form);
    if (!candidate) continue;
    const required = requiredCount(form, candidate.fieldColumns);
    if (!qualifies(form, candidate.fieldColumns.size, required)) continue;
    // The form whose required labels are most fully there; then the one matching more columns
    // (labels such as 联系电话 belong to every form and decide nothing).
    const share = required / requiredTotal(form);
    const chosenShare = chosen ? chosen.required / requiredTotal(chosen.form) : -1;
    if (share > chosenShare || (share === chosenShare && candidate.fieldColumns.size > chosen!.candidate.fieldColumns.size))
      chosen = { form, candidate, required };
  }
  if (!chosen) return undefined;
  const { form, candidate, required } = chosen;
  const year = titleYear(grid, candidate.top);
  const located: LocatedTable = {
    form,
    headerTop: candidate.top,
    headerBottom: candidate.top + candidate.depth - 1,
    dataStart: candidate.top + candidate.depth,
    columns: describeColumns(grid, candidate, form),
    fieldColumns: candidate.fieldColumns,
    matched: candidate.fieldColumns.size,
    requiredMatched: required,
    ...(year !== undefined ? { year } : {}),
  };
  // Found by reading rows 0 … header alone: a one-row header naming every field, nothing else looked at.
  if (whole && !othersLooked && candidate === expectedCandidate && candidate.depth === 1) remember(grid, forms, expected!, located);
  return located;
}
