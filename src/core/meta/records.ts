/**
 * What Huizong keeps on the very hidden `_huizong` sheet, as key/value rows in columns A and B:
 * the marks put on a sheet (to clear them after the workbook was saved and opened again), the
 * roll-up sheets it wrote (by id), the form a template or roll-up was made from. Pure: the
 * Excel gateway and the file readers share these parsers.
 */
import { MATERIAL_IDS, type MaterialId } from '../notice/materials';
import type { NoticeSheetRole } from '../plan/noticeSheetsPlan';

/** The sheet's name (very hidden in what Huizong writes). */
export const META_SHEET = '_huizong';

/** Key/value pairs of metadata rows, in order (rows with a blank key skipped). */
export function pairsOfRows(rows: readonly (readonly unknown[] | undefined)[]): [string, string][] {
  const pairs: [string, string][] = [];
  for (const row of rows) {
    const key = row?.[0];
    if (typeof key !== 'string' || !key) continue;
    const value = row?.[1];
    pairs.push([key, value === null || value === undefined ? '' : String(value)]);
  }
  return pairs;
}

/** The key/value row of `_huizong` recording a sheet's marks (continued over several rows when long). */
export const marksKey = (sheet: string) => `marks:${sheet}`;

export interface MarksRecord {
  v: 1;
  error: string[];
  warning: string[];
  /** Column letter → the field's own prompt, put back on clearing. */
  prompts: Record<string, [title: string, message: string]>;
  /** Areas of earlier marks still to be put back (written while a new set of marks goes on). */
  stale?: string[];
}

/** A cell holds at most 32,767 characters; a record is cut into pieces well below that. */
export const RECORD_PIECE = 30_000;

export function readMarksRecord(pairs: readonly [string, string][], sheet: string): MarksRecord | undefined {
  const key = marksKey(sheet);
  const text = pairs
    .filter(([k]) => k === key)
    .map(([, v]) => v)
    .join('');
  if (!text) return undefined;
  try {
    const record = JSON.parse(text) as MarksRecord;
    return record && record.v === 1 ? record : undefined;
  } catch {
    return undefined;
  }
}

/** The record as key/value rows; no piece starts with a character Excel would read as a formula. */
export function marksRecordPairs(sheet: string, record: MarksRecord): [string, string][] {
  const text = JSON.stringify(record);
  const pairs: [string, string][] = [];
  for (let i = 0; i < text.length;) {
    let end = Math.min(text.length, i + RECORD_PIECE);
    while (end < text.length && end > i + 1 && /[=+\-@]/.test(text[end]!)) end--;
    pairs.push([marksKey(sheet), text.slice(i, end)]);
    i = end;
  }
  return pairs;
}

/** The form stored for `sheet` by a template or roll-up Huizong wrote. */
export function storedFormFor(pairs: readonly [string, string][], sheet: string): string | undefined {
  const meta = new Map<string, string>();
  for (const [key, value] of pairs) if (!meta.has(key)) meta.set(key, value);
  if (meta.get('generator') !== 'huizong' || !meta.get('form')) return undefined;
  const forSheet = meta.get('sheet');
  return !forSheet || forSheet === sheet ? meta.get('form') : undefined;
}

/** The metadata pairs with this sheet's marks record replaced by `record` (or dropped). */
export function withRecord(pairs: readonly [string, string][], sheet: string, record: MarksRecord | undefined): [string, string][] {
  const kept = pairs.filter(([key]) => key !== marksKey(sheet));
  return record ? [...kept, ...marksRecordPairs(sheet, record)] : kept;
}

/** The last data row of the template on `sheet`, where the workbook's metadata says it is one. */
export function templateLastRow(pairs: readonly [string, string][], sheet: string): number | undefined {
  const meta = new Map<string, string>();
  for (const [key, value] of pairs) if (!meta.has(key)) meta.set(key, value);
  if (meta.get('generator') !== 'huizong' || meta.get('kind') !== 'template' || meta.get('sheet') !== sheet) return undefined;
  const last = Number(meta.get('lastDataRow'));
  return Number.isInteger(last) && last > 0 ? last : undefined;
}

/** The `_huizong` key of the record of the roll-up sheets Huizong wrote. */
export const ROLLUP_SHEETS_KEY = 'rollupSheets';

export interface RollupSheetsRecord {
  v: 1;
  /** Roles repeat in the whole notice (汇总 / 报送情况 per form), with 报送材料 and 催报名单. */
  sheets: { role: NoticeSheetRole; name: string; id: string }[];
}

export function readRollupSheetsRecord(pairs: readonly [string, string][]): RollupSheetsRecord | undefined {
  const text = pairs
    .filter(([k]) => k === ROLLUP_SHEETS_KEY)
    .map(([, v]) => v)
    .join('');
  if (!text) return undefined;
  try {
    const record = JSON.parse(text) as RollupSheetsRecord;
    return record && record.v === 1 && Array.isArray(record.sheets) ? record : undefined;
  } catch {
    return undefined;
  }
}

/** The metadata pairs with the roll-up record replaced (the JSON starts with `{`: never read as a formula). */
export function withRollupRecord(pairs: readonly [string, string][], record: RollupSheetsRecord): [string, string][] {
  return [...pairs.filter(([key]) => key !== ROLLUP_SHEETS_KEY), [ROLLUP_SHEETS_KEY, JSON.stringify(record)]];
}

/** The `_huizong` key of the materials the notice asked for, as ticked in the pane (ids, comma-separated). */
export const NOTICE_MATERIALS_KEY = 'noticeMaterials';

/** The ticked materials remembered in the workbook; undefined when none were (unknown ids dropped). */
export function readNoticeMaterials(pairs: readonly [string, string][]): MaterialId[] | undefined {
  const found = pairs.find(([key]) => key === NOTICE_MATERIALS_KEY);
  if (!found) return undefined;
  const ids = found[1].split(',').map((id) => id.trim());
  return MATERIAL_IDS.filter((id) => ids.includes(id));
}

/** The metadata pairs with the ticked materials replaced. */
export function withNoticeMaterials(pairs: readonly [string, string][], materials: readonly MaterialId[]): [string, string][] {
  return [...pairs.filter(([key]) => key !== NOTICE_MATERIALS_KEY), [NOTICE_MATERIALS_KEY, materials.join(',')]];
}

/** The `_huizong` key of the sheet of this workbook picked as last year's roll-up (同比). */
export const LAST_YEAR_SHEET_KEY = 'lastYearSheet';

/** The sheet remembered as last year's; undefined when none is. */
export function readLastYearSheet(pairs: readonly [string, string][]): string | undefined {
  const found = pairs.find(([key]) => key === LAST_YEAR_SHEET_KEY)?.[1].trim();
  return found ? found : undefined;
}

/** The metadata pairs with last year's sheet replaced (left out when none is picked). */
export function withLastYearSheet(pairs: readonly [string, string][], sheet: string | undefined): [string, string][] {
  const others = pairs.filter(([key]) => key !== LAST_YEAR_SHEET_KEY);
  return sheet ? [...others, [LAST_YEAR_SHEET_KEY, sheet]] : others;
}
