/**
 * Values stored under a merged area's other cells: Excel shows only the top-left cell of a
 * merge, so a value elsewhere in it is invisible to the person who filled in the table. The
 * readers blank such cells, as Excel shows them, and keep them here so that the check reports
 * them (README: every value is counted or reported).
 */
import { a1, isBlank, type Grid } from '../core/table/grid';
import type { CellValue } from '../core/values/types';
import { DEFAULT_LIMITS } from './guards';

/** One merged area with values under its other cells. */
export interface HiddenUnderMerge {
  sheet: string;
  /** The merged area, as A1:B2. */
  range: string;
  /** The first such cell, 0-based, and how many there are. */
  r: number;
  c: number;
  value: CellValue;
  count: number;
}

/**
 * Blanks, in place, every non-blank cell of `grid` under a merge but not its top-left one, and
 * returns them by merge. Visits only the cells the grid has, at most `maxGridCells` in all
 * (overlapping merges of a crafted file could ask for more: past it, values stay as read).
 */
export function takeHiddenUnderMerges(grid: Grid): HiddenUnderMerge[] {
  const out: HiddenUnderMerge[] = [];
  let budget = DEFAULT_LIMITS.maxGridCells;
  for (const m of grid.merges ?? []) {
    let found: HiddenUnderMerge | undefined;
    const lastRow = Math.min(m.e.r, grid.rows.length - 1);
    for (let r = m.s.r; r <= lastRow && budget > 0; r++) {
      const row = grid.rows[r];
      if (!row) continue;
      const lastColumn = Math.min(m.e.c, row.length - 1);
      budget -= Math.max(0, lastColumn - m.s.c + 1);
      for (let c = m.s.c; c <= lastColumn; c++) {
        if (r === m.s.r && c === m.s.c) continue;
        const value = row[c];
        if (value === undefined || isBlank(value)) continue;
        if (found) found.count++;
        else found = { sheet: grid.sheet, range: `${a1(m.s.r, m.s.c)}:${a1(m.e.r, m.e.c)}`, r, c, value, count: 1 };
        row[c] = null;
      }
    }
    if (found) out.push(found);
  }
  return out;
}
