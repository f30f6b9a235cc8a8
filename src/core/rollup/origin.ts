/**
 * Tracing across levels (spec "Tracing every figure"): a roll-up from the level below lists,
 * beside each row, where it was typed (来源文件, 工作表, 行号). Read back at the level above,
 * that is the row's original source, kept beside the roll-up file it came in.
 */
import { cellText, type Grid } from '../table/grid';
import type { TableReport } from '../validate/table';
import type { RowOrigin } from './types';

/** The source columns' headers, as each language writes them (see rollupSheetsPlan's TEXTS). */
const SOURCE_HEADERS = {
  file: new Set(['来源文件', 'Source file']),
  sheet: new Set(['工作表', 'Sheet']),
  row: new Set(['行号', 'Row']),
};

/** Sheet → sheet row → where that row was first typed; empty where the table has no source columns. */
export function originsOf(tables: readonly TableReport[], grids: readonly Grid[]): Record<string, Record<number, RowOrigin>> {
  const out: Record<string, Record<number, RowOrigin>> = {};
  for (const table of tables) {
    const grid = grids.find((g) => g.sheet === table.sheet);
    if (!grid) continue;
    const column = (headers: Set<string>) => table.extraColumns.find((c) => headers.has(c.header.trim()))?.column;
    const file = column(SOURCE_HEADERS.file);
    const sheet = column(SOURCE_HEADERS.sheet);
    const row = column(SOURCE_HEADERS.row);
    if (file === undefined) continue;
    const bySheetRow: Record<number, RowOrigin> = {};
    for (const result of table.rows) {
      const cells = grid.rows[result.row - 1] ?? [];
      const name = cellText(cells[file]);
      if (!name) continue;
      const origin: RowOrigin = { file: name, sheet: sheet === undefined ? '' : cellText(cells[sheet]) };
      const n = row === undefined ? NaN : Number(cellText(cells[row]));
      if (Number.isInteger(n) && n > 0) origin.row = n;
      bySheetRow[result.row] = origin;
    }
    out[table.sheet] = bySheetRow;
  }
  return out;
}
