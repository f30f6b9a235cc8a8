/**
 * Reading and writing `_huizong` through Office.js, and putting a workbook back after a write
 * that failed half-way. The records' parsers are pure (core/meta/records.ts).
 */
import { parseRange } from '../core/plan/markPlan';
import { META_SHEET, pairsOfRows } from '../core/meta/records';
import { Batch, isFinal } from './batch';

/** The metadata keys sit in the first rows of `_huizong`. */
export const META_HEAD = 'A1:B64';

export interface MetaRead {
  /** The `_huizong` sheet is there. */
  exists: boolean;
  /** Rows of the range read, from `top` (1-based) down. */
  values: unknown[][];
  top: number;
  /** Columns of the whole used range (for option lists placed right of them). */
  columns: number;
}

export type MetaRange = (sheet: Excel.Worksheet) => Excel.Range;

export const metaHead: MetaRange = (sheet) => sheet.getRange(META_HEAD);

export const metaKeys: MetaRange = (sheet) => sheet.getRange('A:B').getUsedRangeOrNullObject(true);

export const metaAll: MetaRange = (sheet) => sheet.getUsedRangeOrNullObject(true);

export function metaOf(sheet: Excel.Worksheet, range: Excel.Range): MetaRead {
  if (sheet.isNullObject) return { exists: false, values: [], top: 1, columns: 0 };
  if (range.isNullObject) return { exists: true, values: [], top: 1, columns: 0 };
  const bounds = parseRange(range.address ?? 'A1');
  return { exists: true, values: range.values ?? [], top: (bounds?.s.r ?? 0) + 1, columns: (bounds?.e.c ?? 0) + 1 };
}

/**
 * Queues `queue()` and a read of `_huizong` (which may not exist), in ONE sync. The sheet is
 * taken with `getItemOrNullObject` and read through it; should Excel refuse a read through a
 * sheet that is not there instead of giving a null object, the batch is sent again without it
 * and `_huizong` looked up on its own (one or two more syncs, on that path only).
 */
export async function syncWithMeta<M>(
  context: Excel.RequestContext,
  queue: () => M,
  which: MetaRange,
): Promise<{ main: M; meta: MetaRead }> {
  let main = queue();
  const sheet = context.workbook.worksheets.getItemOrNullObject(META_SHEET);
  const range = which(sheet);
  range.load('address,values');
  try {
    await context.sync();
    return { main, meta: metaOf(sheet, range) };
  } catch (error) {
    if (isFinal(error)) throw error;
  }
  main = queue();
  const again = context.workbook.worksheets.getItemOrNullObject(META_SHEET);
  again.load('name');
  await context.sync();
  if (again.isNullObject) return { main, meta: { exists: false, values: [], top: 1, columns: 0 } };
  const read = which(again);
  read.load('address,values');
  await context.sync();
  return { main, meta: metaOf(again, read) };
}

/** Key/value pairs of the metadata rows, in order (rows with a blank key skipped). */
export function metaPairs(meta: MetaRead): [string, string][] {
  return pairsOfRows(meta.values as unknown[][]);
}

/**
 * Rewrites the key/value rows of `_huizong` (created very hidden when missing): `pairs`
 * from row 1 down, leftover rows of the earlier list emptied. Text format first, so that a
 * version such as `2024.10` stays text.
 */
export async function writeMeta(batch: Batch, meta: MetaRead, pairs: readonly [string, string][]): Promise<void> {
  const context = batch.context;
  let sheet: Excel.Worksheet;
  if (meta.exists) sheet = context.workbook.worksheets.getItem(META_SHEET);
  else {
    sheet = context.workbook.worksheets.add(META_SHEET);
    sheet.visibility = 'VeryHidden';
  }
  const before = meta.top - 1 + meta.values.length;
  if (pairs.length) {
    const range = sheet.getRange(`A1:B${pairs.length}`);
    const formats = pairs.map(() => ['@', '@']);
    const values = pairs.map(([k, v]) => [k, v]);
    await batch.room(formats);
    range.numberFormat = formats;
    await batch.room(values);
    range.values = values;
  }
  if (before > pairs.length) {
    await batch.room(null);
    sheet.getRange(`A${pairs.length + 1}:B${before}`).clear('Contents');
  }
}

/**
 * After a write failed half-way (a batch is not a transaction: the commands before the failing
 * one stay applied), puts the workbook back as it was read: the sheets added dropped, the
 * sheets renamed out of the way named again, `_huizong` rewritten as it was (removed when it
 * was not there). Two syncs, on the failure path only; false where that failed too.
 */
export async function putBack(
  context: Excel.RequestContext,
  undo: { meta: MetaRead; sheets: readonly { id: string; name: string }[]; columns?: readonly string[] },
): Promise<boolean> {
  try {
    const now = context.workbook.worksheets;
    now.load('items/name,items/id');
    await context.sync();
    const was = new Map(undo.sheets.map((sheet) => [sheet.id, sheet.name]));
    // Sheets by id: one added is not in the list read before; one renamed gets its name back.
    let metaSheet: Excel.Worksheet | undefined;
    for (const sheet of now.items) {
      if (sheet.name === META_SHEET) metaSheet = sheet;
      else if (!was.has(sheet.id)) sheet.delete();
    }
    for (const sheet of now.items) {
      const name = was.get(sheet.id);
      if (name !== undefined && name !== sheet.name) sheet.name = name;
    }
    if (metaSheet) {
      if (!undo.meta.exists) metaSheet.delete();
      else {
        // The keys are in A:B, read whole before the action: cleared and written back.
        for (const range of ['A:B', ...(undo.columns ?? []).map((c) => `${c}:${c}`)]) metaSheet.getRange(range).clear('Contents');
        await writeMeta(new Batch(context), { exists: true, values: [], top: 1, columns: 2 }, metaPairs(undo.meta));
      }
    }
    await context.sync();
    return true;
  } catch {
    return false;
  }
}

/** An action that stopped half-way and could not be put back: what it wrote and how to undo it (catalogue `excel.partly-written`). */
export class PartlyWritten extends Error {
  readonly code = 'HuizongPartlyWritten';
  constructor(
    readonly action: 'template' | 'marks' | 'row' | 'rollup',
    readonly params: Record<string, string | number>,
    readonly failure: unknown,
  ) {
    super(`${action} partly written`);
  }
}
