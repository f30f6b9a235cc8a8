/**
 * The applier of the roll-up's sheets: one sheet's commands, and the chart.
 */
import { chunkAreas, parseRange } from '../core/plan/markPlan';
import type { RollupChartPlan, RollupSheetPlan, SheetPlanValue } from '../core/plan/types';
import { columnName } from '../core/table/grid';
import { type Batch, payloadBytes } from './batch';
import { FONT, headerStyle, thinBorders, widthInPoints } from './layout';
import { queueFreeze, queuePrintSetup } from './printSetup';

// ── The roll-up's sheets ────────────────────────────────────────────────────────────────
//
// writeRollupSheets: 3 syncs while the sheets' commands stay within one request budget
// (~4 MB), one more per further ~4 MB. Measured on the test double: 10 activity rows 3;
// 10,000 rows with 3,000 issues 3 (3.2 MB); 10,000 rows all off the roster, 13,000 issues,
// 4 (6.4 MB); 25,000 rows 7.
//   1. the workbook's sheets (names, ids) and `_huizong`'s keys;
//   2. Huizong's earlier roll-up sheets renamed out of the way, the new sheets added under
//      the wanted names (`汇总(2)` … where a sheet of the user's has one), the earlier ones
//      deleted — added first so the workbook never runs out of visible sheets — and the
//      new sheets' ids loaded;
//   3. the record of the new sheets on `_huizong` first, then every sheet — values in row
//      blocks, formats, fills through `getRanges`, merges, frozen panes — and the chart.
// A sheet is Huizong's when `_huizong`'s `rollupSheets` record names it with its id: a
// sheet of the user's that happens to be called 汇总 is never deleted, nor is one of ours
// the user renamed (it is theirs now).

/** Bytes of values per `Range.values` command (at most a quarter of the budget): blocks fill a batch to its budget in few pieces. */
export const VALUES_BLOCK = 256 * 1024;

/** Rows cut into blocks of at most `limit` bytes (a row larger than that goes alone). `start` is 1-based. */
export function rowBlocks(values: readonly SheetPlanValue[][], limit = VALUES_BLOCK): { start: number; rows: SheetPlanValue[][] }[] {
  const blocks: { start: number; rows: SheetPlanValue[][] }[] = [];
  let rows: SheetPlanValue[][] = [];
  let bytes = 2;
  let start = 1;
  values.forEach((row, i) => {
    const size = payloadBytes(row) + 1;
    if (rows.length && bytes + size > limit) {
      blocks.push({ start, rows });
      rows = [];
      bytes = 2;
      start = i + 1;
    }
    rows.push(row);
    bytes += size;
  });
  if (rows.length) blocks.push({ start, rows });
  return blocks;
}

/** Column letters of runs of equal widths: `D:F` → 12. */
export function widthRuns(widths: readonly number[]): { columns: string; width: number }[] {
  const runs: { columns: string; width: number }[] = [];
  for (let c = 0; c < widths.length;) {
    let end = c;
    while (end + 1 < widths.length && widths[end + 1] === widths[c]) end++;
    runs.push({ columns: `${columnName(c)}:${columnName(end)}`, width: widths[c]! });
    c = end + 1;
  }
  return runs;
}

/** Queues one roll-up sheet, from its columns to its page setup. */
export async function queueRollupSheet(
  batch: Batch,
  sheet: Excel.Worksheet,
  plan: Omit<RollupSheetPlan, 'role'>,
  limit: { chars: number; areas: number },
  blockBytes: number,
  printable = true,
): Promise<void> {
  const width = Math.max(1, plan.widths.length);
  const lastColumn = columnName(width - 1);
  const height = Math.max(1, plan.values.length);

  for (const run of widthRuns(plan.widths)) {
    await batch.room(null);
    sheet.getRange(run.columns).format.columnWidth = widthInPoints(run.width);
  }
  const used = sheet.getRange(`A1:${lastColumn}${height}`);
  await batch.room(null);
  used.format.font.name = FONT;
  used.format.font.size = 11;
  used.format.verticalAlignment = 'Center';

  // Formats before values: a date serial shows as a date from the start.
  for (const { format, areas } of plan.numberFormats) {
    for (const area of areas) {
      await batch.room(format);
      sheet.getRange(area).numberFormat = [[format]];
    }
  }
  for (const block of rowBlocks(plan.values, blockBytes)) {
    await batch.room(block.rows);
    sheet.getRange(`A${block.start}:${lastColumn}${block.start + block.rows.length - 1}`).values = block.rows;
  }

  for (const area of plan.merges) {
    await batch.room(null);
    sheet.getRange(area).merge(false);
  }
  if (plan.titleRow !== undefined) {
    await batch.room(null);
    const title = sheet.getRange(`A${plan.titleRow}:${lastColumn}${plan.titleRow}`);
    title.format.horizontalAlignment = 'Center';
  }
  for (const row of plan.headerRows) {
    await batch.room(null);
    headerStyle(sheet.getRange(`A${row}:${lastColumn}${row}`));
  }
  for (const { row, points } of plan.rowHeights) {
    await batch.room(null);
    sheet.getRange(`A${row}`).format.rowHeight = points;
  }
  for (const area of plan.borders) {
    await batch.room(null);
    thinBorders(sheet.getRange(area));
  }
  for (const font of plan.fonts) {
    for (const area of font.areas) {
      await batch.room(null);
      const target = sheet.getRange(area).format.font;
      if (font.bold !== undefined) target.bold = font.bold;
      if (font.italic !== undefined) target.italic = font.italic;
      if (font.color !== undefined) target.color = font.color;
      if (font.size !== undefined) target.size = font.size;
    }
  }
  for (const area of plan.centred) {
    await batch.room(null);
    sheet.getRange(area).format.horizontalAlignment = 'Center';
  }
  for (const area of plan.wrap) {
    await batch.room(null);
    sheet.getRange(area).format.wrapText = true;
  }
  // Fills (statuses, error and warning cells): range areas, a few hundred a command.
  for (const fill of plan.fills) {
    for (const chunk of chunkAreas(fill.areas, limit)) {
      await batch.room(chunk);
      sheet.getRanges(chunk).format.fill.color = fill.color;
    }
  }

  await batch.room(null);
  queueFreeze(sheet, plan.freeze);
  if (plan.autoFilter) sheet.autoFilter.apply(sheet.getRange(plan.autoFilter));
  queuePrintSetup(sheet, plan.printTitleRows, printable, height);
}

/**
 * Queues the chart: added on its sheet from the first indicator's cells on the data sheet,
 * then one series per further indicator (`series.add`, ExcelApi 1.7) — the indicators are not
 * adjacent columns, and `charts.add` takes one range — each named and given the units as
 * categories.
 */
export async function queueRollupChart(
  batch: Batch,
  on: Excel.Worksheet,
  data: Excel.Worksheet,
  plan: RollupChartPlan,
  dataValues: readonly SheetPlanValue[][],
): Promise<void> {
  // A chart added from cells all blank has no series: `getItemAt(0)` would fail at the last
  // sync, the sheets already written. Blank indicators are left out before anything is queued.
  const [first, ...rest] = plan.series.filter((series) => !allBlank(dataValues, series.values));
  if (!first) return;
  await batch.room(plan);
  const chart = on.charts.add(plan.type, data.getRange(first.values), 'Columns');
  chart.title.text = plan.title;
  chart.legend.position = 'Bottom';
  chart.setPosition(plan.from, plan.to);
  const categories = data.getRange(plan.categories);
  const series0 = chart.series.getItemAt(0);
  series0.name = first.name;
  series0.setXAxisValues(categories);
  for (const item of rest) {
    const series = chart.series.add(item.name);
    series.setValues(data.getRange(item.values));
    series.setXAxisValues(categories);
  }
}

/** True when every cell of `area` (A1, 1-based rows of `values`) is empty in the plan. */
export function allBlank(values: readonly SheetPlanValue[][], area: string): boolean {
  const bounds = parseRange(area);
  if (!bounds) return false;
  for (let r = bounds.s.r; r <= bounds.e.r; r++) {
    for (let c = bounds.s.c; c <= bounds.e.c; c++) {
      const value = values[r]?.[c];
      if (value !== null && value !== undefined && value !== '') return false;
    }
  }
  return true;
}
