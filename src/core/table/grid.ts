import type { CellValue } from '../values/types';

/** A merged area, 0-based and inclusive, as spreadsheet readers report it. */
export interface Merge {
  s: { r: number; c: number };
  e: { r: number; c: number };
}

/** One worksheet as a reader saw it: the cells a person sees, row by row (0-based). */
export interface Grid {
  sheet: string;
  rows: CellValue[][];
  merges?: Merge[];
  /** False where every cell is text by nature (CSV). */
  typed: boolean;
  /**
   * Cells holding a formula whose result the file does not carry (written by a program, or saved
   * by WPS without recalculating): null in `rows`, like a blank, and listed here so that a check
   * can say so instead of taking them for blank (README: every value is counted or reported).
   * 0-based, in sheet order. A side list rather than a value in `rows`, so that everything else
   * reading a grid (headers, row kinds, rosters) still sees a blank.
   */
  formulasWithoutValue?: { r: number; c: number }[];
}

/** One number per cell (Excel has at most 16,384 columns), for sets of cells. */
export function cellKey(r: number, c: number): number {
  return r * 16_384 + c;
}

/** The cells of `grid.formulasWithoutValue` as a set of `cellKey`s; undefined when there are none. */
export function formulaCellsWithoutValue(grid: Grid): Set<number> | undefined {
  const cells = grid.formulasWithoutValue;
  if (!cells || cells.length === 0) return undefined;
  const keys = new Set<number>();
  for (const { r, c } of cells) keys.add(cellKey(r, c));
  return keys;
}

/** 0 → A, 25 → Z, 26 → AA … */
export function columnName(c: number): string {
  let name = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** A1 address of a 0-based row and column. */
export function a1(r: number, c: number): string {
  return `${columnName(c)}${r + 1}`;
}

export function isBlank(value: CellValue): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

/** The cell as a person reads it, for headers and messages. */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  return String(value).trim();
}

export function rowIsBlank(row: readonly CellValue[] | undefined): boolean {
  if (!row) return true;
  for (const value of row) if (!isBlank(value)) return false;
  return true;
}

/**
 * The header zone with merged cells filled in: a label merged across two rows or a group
 * merged across columns reads in every cell it covers, as a person sees it.
 */
export function headerTextRows(grid: Grid, fromRow: number, toRow: number): string[][] {
  const width = Math.max(0, ...grid.rows.slice(fromRow, toRow + 1).map((row) => row?.length ?? 0));
  const out: string[][] = [];
  for (let r = fromRow; r <= toRow; r++) {
    const row = grid.rows[r] ?? [];
    const texts: string[] = [];
    for (let c = 0; c < width; c++) texts.push(cellText(row[c]));
    out.push(texts);
  }
  for (const merge of grid.merges ?? []) {
    if (merge.e.r < fromRow || merge.s.r > toRow) continue;
    const text = cellText(grid.rows[merge.s.r]?.[merge.s.c]);
    if (!text) continue;
    // Clamp before filling: a hostile merge of a whole sheet must not cost its full area.
    const r0 = Math.max(merge.s.r, fromRow);
    const r1 = Math.min(merge.e.r, toRow);
    const c1 = Math.min(merge.e.c, width - 1);
    for (let r = r0; r <= r1; r++) for (let c = merge.s.c; c <= c1; c++) out[r - fromRow]![c] = text;
  }
  return out;
}
