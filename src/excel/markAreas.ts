/**
 * Where Huizong's marked areas are: the recorded areas by column, split at the template's last
 * row, and the hidden names (`_huizong_mark_D5_D9`) that say where each area's cells are now,
 * after the user inserted or deleted rows or columns (see marks.ts). No Excel call here: the
 * names are read by marks.ts and handed in.
 */
import { columnOf, compressCells, parseRange } from '../core/plan/markPlan';
import type { MarksRecord } from '../core/meta/records';
import { columnName } from '../core/table/grid';

/**
 * A template's validations end at its last data row: prompt commands never reach across it,
 * so that one command meets one validation rule (Excel's dialog refuses mixed selections).
 */
export function splitAtRow(areas: readonly string[], lastRow: number | undefined): string[][] {
  if (lastRow === undefined) return [areas.slice()];
  const inside: string[] = [];
  const outside: string[] = [];
  for (const area of areas) {
    const bounds = parseRange(area);
    if (!bounds) continue;
    const letter = columnName(bounds.s.c);
    const [top, bottom] = [bounds.s.r + 1, bounds.e.r + 1];
    const run = (a: number, b: number) => (a === b ? `${letter}${a}` : `${letter}${a}:${letter}${b}`);
    if (bottom <= lastRow) inside.push(area);
    else if (top > lastRow) outside.push(area);
    else {
      inside.push(run(top, lastRow));
      outside.push(run(lastRow + 1, bottom));
    }
  }
  return [inside, outside].filter((part) => part.length);
}

/** Cells by column letter. */
function byColumn(areas: readonly string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const area of areas) {
    const column = columnOf(area);
    let list = out.get(column);
    if (!list) out.set(column, (list = []));
    list.push(area);
  }
  return out;
}

/**
 * Hidden names added per checked sheet at most: all of a sheet's names are loaded in one
 * response, which Excel limits (5 MB on the web), and each re-check may add them. Areas
 * beyond have no name: put back at their recorded addresses while nothing moved (marks.ts).
 */
export const MARK_NAMES_LIMIT = 5_000;

/** The start of the hidden names Huizong gives its marked areas. */
const NAME_PREFIX = '_huizong_mark_';

/** The name of a recorded area (`D5:D9` → `_huizong_mark_D5_D9`): valid as an Excel name, and the area read back from it. */
export function markName(area: string): string {
  return NAME_PREFIX + area.replace(':', '_');
}

/** The recorded area a name of Huizong's stands for; undefined for any other name. */
export function markedArea(name: string): string | undefined {
  if (name.slice(0, NAME_PREFIX.length).toLowerCase() !== NAME_PREFIX) return undefined;
  const m = /^([A-Za-z]{1,3}\d+)(?:_([A-Za-z]{1,3}\d+))?$/.exec(name.slice(NAME_PREFIX.length));
  if (!m) return undefined;
  return (m[2] ? `${m[1]}:${m[2]}` : m[1]!).toUpperCase();
}

/**
 * A named range's address as `NamedItem.value` gives it (`'表'!$D$7:$D$9`) → `D7:D9`, where it
 * is on `sheet`; undefined for anything else. A name follows its cells cut and pasted on
 * another sheet: the cells at its old address are then not the marked ones.
 */
export function namedAddress(type: string, value: unknown, sheet: string): string | undefined {
  if (type !== 'Range' || typeof value !== 'string') return undefined;
  const bang = value.lastIndexOf('!');
  if (bang < 0) return undefined;
  let on = value.slice(0, bang).replace(/^=/, '');
  if (on.length > 1 && on.startsWith("'") && on.endsWith("'")) on = on.slice(1, -1).replace(/''/g, "'");
  // Sheet names are not case-sensitive in Excel.
  if (on.toLowerCase() !== sheet.toLowerCase()) return undefined;
  const address = value.slice(bang + 1).replace(/\$/g, '');
  return /^[A-Z]{1,3}\d+(:[A-Z]{1,3}\d+)?$/.test(address) ? address : undefined;
}

/**
 * The areas of a `RangeAreas.address` (`'a,b'!D5:D9,'a,b'!F3`) without their sheet: split at
 * the commas outside quotes, since a sheet's name may hold a comma (and a `!`).
 */
export function addressAreas(address: string): string[] {
  const out: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i <= address.length; i++) {
    const ch = address[i];
    // A quote inside a quoted name is doubled: toggling twice leaves it quoted.
    if (ch === "'") quoted = !quoted;
    else if (i === address.length || (ch === ',' && !quoted)) {
      const part = address.slice(start, i);
      out.push(part.slice(part.lastIndexOf('!') + 1).replace(/\$/g, ''));
      start = i + 1;
    }
  }
  return out;
}

/** The areas a record's prompts are put back on, one command each: by column, split at the template's last row. */
export function clearAreas(record: MarksRecord | null | undefined, lastRow: number | undefined): string[] {
  if (!record) return [];
  const columns = byColumn(compressCells([...record.error, ...record.warning, ...(record.stale ?? [])]));
  return [...columns.values()].flatMap((areas) => splitAtRow(areas, lastRow).flat());
}

/** A recorded area and where its cells are now (see placeAreas). */
export interface PlacedArea {
  /** The recorded area: its column says which field's prompt to put back. */
  recorded: string;
  /** Where its cells are now on the checked sheet; undefined when they were all deleted or moved to another sheet. */
  now: string | undefined;
  name?: Excel.NamedItem;
}

/**
 * Where each recorded area is now on `sheet`: its name's range, none where the name is `#REF!`
 * (the cells deleted) or on another sheet (cut and pasted there), the recorded address where it has no name (marks of an earlier version, or
 * a batch that failed before its names). Names of Huizong's the record does not list (the
 * template's last row changed since) count too.
 */
export function placeAreas(
  recorded: readonly string[],
  names: readonly { name: string; type: string; value: unknown; item?: Excel.NamedItem }[],
  sheet: string,
): PlacedArea[] {
  const out: PlacedArea[] = [];
  const named = new Set<string>();
  for (const entry of names) {
    const area = markedArea(entry.name);
    if (!area) continue;
    named.add(area);
    const placed: PlacedArea = { recorded: area, now: namedAddress(entry.type, entry.value, sheet) };
    if (entry.item) placed.name = entry.item;
    out.push(placed);
  }
  for (const area of recorded) if (!named.has(area)) out.push({ recorded: area, now: area });
  return out;
}
