/** Reading sheets: the used ranges' values (and, for the active sheet, number formats), in as few syncs as the 5 MB response allows. */
import { parseRange } from '../core/plan/markPlan';
import type { SheetSnapshot } from '../core/plan/types';
import { columnName } from '../core/table/grid';
import type { CellValue } from '../core/values/types';
import { isPayloadError } from './batch';

/**
 * Number formats are read where the used range meets A1:BL2000 (at most 128,000 cells, about
 * 1.3 MB): returned tables start near A1, and the formats only tell date cells from numbers
 * — a date field reads a bare serial as a date anyway. Below row 2,000 a date-formatted
 * number in a non-date column reads as the number. Values are always read whole.
 */
export const FORMAT_ROWS = 2000;

export const FORMAT_COLUMNS = 64;

export const FORMAT_BOX = `A1:${columnName(FORMAT_COLUMNS - 1)}${FORMAT_ROWS}`;

/** The formats read, or none where the used range lies outside the box (a null object). */
export function formatsOf(range: Excel.Range): string[][] {
  return range.isNullObject ? [] : (range.numberFormat as string[][]);
}

/** Cells per batch when a sheet is too large for one response and is read in blocks. */
export const BLOCK_CELLS = 60_000;

/** The first row of a selection's address (`'Sheet 1'!B7:C9` → 7) when it lies on `sheet`. */
export function rowOfSelection(address: string, sheet: string): number | undefined {
  const bang = address.lastIndexOf('!');
  const on =
    bang < 0
      ? sheet
      : address
          .slice(0, bang)
          .replace(/^'(.*)'$/, '$1')
          .replace(/''/g, "'");
  if (on !== sheet) return undefined;
  const match = /^\$?[A-Z]+\$?(\d+)/.exec(address.slice(bang + 1));
  return match ? Number(match[1]) : undefined;
}

/** A snapshot of a sheet with nothing on it. */
export function emptySnapshot(sheet: string): SheetSnapshot {
  return { sheet, values: [], origin: 'A1' };
}

/** `Sheet1!B3:F20` → `B3`. */
export function originOf(address: string): string {
  return address.slice(address.lastIndexOf('!') + 1).split(':')[0]!;
}

/**
 * Queues the used range (values only) of each named sheet. `getUsedRangeOrNullObject`: an
 * empty sheet gives a null object rather than A1 (ExcelApi 1.4).
 */
export function queueUsedValues(context: Excel.RequestContext, names: readonly string[]): { name: string; used: Excel.Range }[] {
  return names.map((name) => {
    const used = context.workbook.worksheets.getItem(name).getUsedRangeOrNullObject(true);
    used.load('address,values');
    return { name, used };
  });
}

export function usedSnapshot(name: string, used: Excel.Range): SheetSnapshot {
  if (used.isNullObject) return emptySnapshot(name);
  return { sheet: name, values: used.values as CellValue[][], origin: originOf(used.address) };
}

/**
 * The sheets' values where one response cannot hold them all: 1 sync for their sizes, then
 * the used ranges cut into pieces — whole sheets, or row blocks of a sheet larger than
 * BLOCK_CELLS — packed into syncs of at most BLOCK_CELLS cells each. So the syncs grow with
 * the cells read (one per ~60,000), never with the number of sheets.
 */
export async function readPacked(context: Excel.RequestContext, names: readonly string[]): Promise<SheetSnapshot[]> {
  const sized = names.map((name) => {
    const sheet = context.workbook.worksheets.getItem(name);
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load('address,rowCount,columnCount');
    return { name, sheet, used };
  });
  await context.sync();

  interface Piece {
    sheet: number;
    range: Excel.Range;
    cells: number;
  }
  const values: CellValue[][][] = names.map(() => []);
  const origins: string[] = names.map(() => 'A1');
  let queued: Piece[] = [];
  let queuedCells = 0;
  const flush = async () => {
    if (!queued.length) return;
    await context.sync();
    for (const piece of queued) values[piece.sheet]!.push(...(piece.range.values as CellValue[][]));
    queued = [];
    queuedCells = 0;
  };
  for (const [i, { sheet, used }] of sized.entries()) {
    if (used.isNullObject) continue;
    const bounds = parseRange(used.address)!;
    origins[i] = `${columnName(bounds.s.c)}${bounds.s.r + 1}`;
    const rowsPerBlock = Math.max(1, Math.floor(BLOCK_CELLS / Math.max(1, used.columnCount)));
    for (let top = 0; top < used.rowCount; top += rowsPerBlock) {
      const height = Math.min(rowsPerBlock, used.rowCount - top);
      const cells = height * used.columnCount;
      if (queuedCells > 0 && queuedCells + cells > BLOCK_CELLS) await flush();
      const range = sheet.getRangeByIndexes(bounds.s.r + top, bounds.s.c, height, used.columnCount);
      range.load('values');
      queued.push({ sheet: i, range, cells });
      queuedCells += cells;
    }
  }
  await flush();
  return names.map((name, i) => ({ sheet: name, values: values[i]!, origin: origins[i]! }));
}

/**
 * The sheets' values: every used range loaded, then ONE sync. Where the response would pass
 * Excel on the web's limit, packed reads instead (readPacked) — more syncs on that path only.
 */
export async function readUsedValues(context: Excel.RequestContext, names: readonly string[]): Promise<SheetSnapshot[]> {
  if (names.length === 0) return [];
  try {
    const queued = queueUsedValues(context, names);
    await context.sync();
    return queued.map(({ name, used }) => usedSnapshot(name, used));
  } catch (error) {
    if (!isPayloadError(error)) throw error;
  }
  return readPacked(context, names);
}
