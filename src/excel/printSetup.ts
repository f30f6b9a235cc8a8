/**
 * Frozen panes and page setup of the sheets Huizong writes (template, roll-up sheets, roster).
 */
import { columnName } from '../core/table/grid';

/**
 * Freezes the header of `sheet`, activating it first: freezing panes on a sheet that is not
 * the active one makes Excel take that sheet as active while the user still sees another
 * (https://github.com/OfficeDev/office-js/issues/3148).
 */
export function queueFreeze(sheet: Excel.Worksheet, freeze: { rows: number; columns?: number }): void {
  sheet.activate();
  if (freeze.columns) sheet.freezePanes.freezeAt(sheet.getRange(`A1:${columnName(freeze.columns - 1)}${freeze.rows}`));
  else sheet.freezePanes.freezeRows(freeze.rows);
}

/**
 * Landscape A4, all columns one page wide, title rows repeated on each page. `pageLayout` is
 * ExcelApi 1.9: where the host lacks it (`supported` false) the sheet is written without.
 * The zoom names both directions: one alone is not taken
 * (https://github.com/OfficeDev/office-js/issues/1860). The height is given as one page a row,
 * more than `rows` can fill however tall wrapped rows grow (问题清单, 催报名单), so the width
 * decides the scale: the file format's "automatic" (`fitToHeight="0"`) is not documented for
 * the API.
 */
export function queuePrintSetup(sheet: Excel.Worksheet, printTitleRows: string | undefined, supported: boolean, rows: number): void {
  if (!supported) return;
  sheet.pageLayout.orientation = 'Landscape';
  sheet.pageLayout.paperSize = 'A4';
  sheet.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: pagesTall(rows) };
  if (printTitleRows) sheet.pageLayout.setPrintTitleRows(printTitleRows);
}

/** Pages enough for `rows` rows however tall (a row never spans more than a page), within Excel's 32,767. */
export function pagesTall(rows: number): number {
  return Math.min(32_767, Math.max(1, rows));
}

/** The requirement set of `pageLayout`: the host says whether it has it (Office.context.requirements). */
export const PRINT_SETUP_SET = { name: 'ExcelApi', version: '1.9' } as const;
