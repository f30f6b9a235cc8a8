/**
 * The roll-up workbook (.xlsx), written with exceljs. Runs in Node and in the browser: no
 * Node-only APIs here.
 *
 * What the three sheets say and how they look comes from the roll-up plan
 * (`src/core/plan/rollupSheetsPlan.ts`), the same plan the task pane writes into the open
 * workbook, so the file and the sheets in Excel cannot drift apart. This module only turns
 * the plan into exceljs: values, styles (from the plan's areas), merges, notes, frozen panes,
 * page setup, and adds what only a file has: the document properties and the `_huizong` sheet.
 *
 * Sheets, in this order (names are Chinese in every language: the next level's staff are
 * Chinese and recognition relies on them; headers and texts follow `lang`):
 *
 *   汇总      row 1 title (merged across), row 2 `汇总单位：… 生成时间：…`, row 3 the uischema
 *             groups (merged over their fields), row 4 the field labels — always the form's
 *             canonical Chinese labels, since the next level matches returned tables by them
 *             (with lang 'en' the English label is a note on the header cell) — then one row
 *             per COUNTED row: every field in form order, the computed fields (女职工参赛率),
 *             来源文件, 工作表, 行号, 说明. Then the 合计 row (result.totals). Superseded rows
 *             follow below a `注：…` line (a note line ends the table for a reader), in grey,
 *             never in the total. Cells with an error are filled light red, warnings amber,
 *             each with a note holding the messages. Frozen below the header.
 *   报送情况  title, counts line (应报/已报送/逾期/未报送/不在名单), the units table (roster
 *             units, then units not on the roster; each status coloured), then the files table.
 *   问题清单  header row 1 (autofilter, frozen), one row per issue.
 *   _huizong  very hidden: the metadata, key in column A, value in column B, all text,
 *             one pair a row from row 1 down to the first blank key:
 *               generator   huizong
 *               kind        rollup            (a template says `template`)
 *               form        activity-summary
 *               formVersion 2024.1
 *               unit        河东区总工会       (blank when unknown)
 *               level       区（市）县总工会   (blank when unknown)
 *               createdAt   2024-03-25T02:30:00.000Z
 *               createdDay  2024-03-25        (the day it counts as sent at the level above)
 *               sheet       汇总              (the sheet holding the rows)
 *               headerRow   4                 (1-based row of the field labels)
 *               firstDataRow 5, lastDataRow (blank when no rows), totalRow
 *               meta        result.meta as JSON
 *
 * The same metadata is in the document properties, which SheetJS reads back as `Props`:
 * Subject `huizong:rollup`, Keywords `huizong rollup <form> <formVersion>`, Category
 * `huizong`, Comments (dc:description) = JSON of `{ kind: 'rollup', ...result.meta }`.
 *
 * Text a unit typed (`=1+1`, `@SUM(A1)`, `+86…`, `-`) is written as a plain string cell,
 * never as a formula: exceljs makes a formula only from a `{ formula }` object, which this
 * file never writes. The plan gives such text Excel's `'` prefix (Range.values would read it
 * as typed); here that prefix is dropped again, for the cells the plan says carry it.
 */
import { Workbook, type Borders, type Cell, type Fill, type Font, type Style, type Worksheet } from 'exceljs';
import type { CompiledForm } from '../core/definitions/compile';
import type { Lang } from '../core/definitions/types';
import { parseRange } from '../core/plan/markPlan';
import { groupRuns as columnRuns, numberFormatOf, rollupSheetsPlan, rollupTitle } from '../core/plan/rollupSheetsPlan';
import type { PrintSetup, RollupSheetPlan } from '../core/plan/types';
import type { RollupResult } from '../core/rollup/types';
import { cellKey, columnName } from '../core/table/grid';
import { META_SHEET } from '../core/meta/records';
import { groupOfField } from '../core/definitions/groups';

// ── Shared with writeTemplate.ts ────────────────────────────────────────────────────────

/** Colours Huizong's files use besides the plan's (which come as `#RRGGBB`): ARGB for exceljs. */
const COLORS = {
  header: 'FFDDEBF7',
} as const;

export const THIN_BORDER: Partial<Borders> = {
  top: { style: 'thin', color: { argb: 'FFBFBFBF' } },
  left: { style: 'thin', color: { argb: 'FFBFBFBF' } },
  bottom: { style: 'thin', color: { argb: 'FFBFBFBF' } },
  right: { style: 'thin', color: { argb: 'FFBFBFBF' } },
};

function solidFill(argb: string): Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb } };
}

export const FONT = 'SimSun';
export const BODY_FONT: Partial<Font> = { name: FONT, size: 11 };
export const BOLD_FONT: Partial<Font> = { name: FONT, size: 11, bold: true };
export const TITLE_FONT: Partial<Font> = { name: FONT, size: 16, bold: true };

/** exceljs gives a Buffer in Node and an ArrayBuffer-like in browsers: a plain Uint8Array either way. */
export function toBytes(buffer: ArrayBuffer | ArrayBufferView): Uint8Array {
  if (ArrayBuffer.isView(buffer)) return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  return new Uint8Array(buffer);
}

/** Field id → its uischema Group's label. */
export function fieldGroups(form: CompiledForm): Map<string, string> {
  return groupOfField(form.def.uischema);
}

/** Runs of consecutive columns (1-based) sharing one non-empty group label. */
export function groupRuns(labels: readonly (string | undefined)[], firstColumn = 1): { label: string; from: number; to: number }[] {
  return columnRuns(labels).map((run) => ({ label: run.label, from: run.from + firstColumn, to: run.to + firstColumn }));
}

/** Writes the metadata pairs on the very hidden `_huizong` sheet (created if missing). */
export function writeMetaSheet(workbook: Workbook, pairs: readonly [string, string | undefined][]): Worksheet {
  const sheet = workbook.getWorksheet(META_SHEET) ?? workbook.addWorksheet(META_SHEET);
  sheet.state = 'veryHidden';
  pairs.forEach(([key, value], i) => {
    sheet.getCell(i + 1, 1).value = key;
    sheet.getCell(i + 1, 2).value = value ?? '';
  });
  sheet.getColumn(1).width = 14;
  sheet.getColumn(2).width = 40;
  return sheet;
}

/** A field's number format, as the roll-up's sheets have it. */
export const numberFormat = numberFormatOf;

/** Excel column letters of a 1-based column. */
export function columnLetter(column: number): string {
  return columnName(column - 1);
}

/** The look of every header cell Huizong writes (roll-ups and templates). */
export function styleHeader(cell: Cell): void {
  cell.style = {
    font: BOLD_FONT,
    alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
    fill: solidFill(COLORS.header),
    border: THIN_BORDER,
  };
}

// ── The plan's look, cell by cell ───────────────────────────────────────────────────────

/**
 * One cell's look as the plan's areas make it. The layers go on in the order the Excel
 * adapter applies them (officeGateway queueRollupSheet), so a later one wins where two meet.
 */
interface Look {
  numFmt?: string;
  bold?: boolean;
  italic?: boolean;
  /** ARGB. */
  color?: string;
  size?: number;
  centred?: boolean;
  wrap?: boolean;
  border?: boolean;
  /** ARGB. */
  fill?: string;
}

/** exceljs' colours are ARGB; the plan's `#RRGGBB`. */
function argb(color: string): string {
  return `FF${color.replace(/^#/, '').toUpperCase()}`;
}

/** Calls `each` on every cell of the areas. */
function forCells(areas: readonly string[], each: (r: number, c: number) => void): void {
  for (const area of areas) {
    const range = parseRange(area);
    if (!range) continue;
    for (let r = range.s.r; r <= range.e.r; r++) for (let c = range.s.c; c <= range.e.c; c++) each(r, c);
  }
}

function looksOf(plan: Omit<RollupSheetPlan, 'role'>): Map<number, Look> {
  const looks = new Map<number, Look>();
  const on = (areas: readonly string[], apply: (look: Look) => void) =>
    forCells(areas, (r, c) => {
      const key = cellKey(r, c);
      let look = looks.get(key);
      if (!look) looks.set(key, (look = {}));
      apply(look);
    });
  const lastColumn = columnName(Math.max(1, plan.widths.length) - 1);
  const row = (r: number) => `A${r}:${lastColumn}${r}`;
  // The used range: every cell in the sheet's font, vertically centred (the base look).
  on([`A1:${lastColumn}${Math.max(1, plan.values.length)}`], () => undefined);
  for (const { format, areas } of plan.numberFormats) on(areas, (look) => (look.numFmt = format));
  if (plan.titleRow !== undefined) on([row(plan.titleRow)], (look) => (look.centred = true));
  for (const r of plan.headerRows)
    on([row(r)], (look) => Object.assign(look, { bold: true, centred: true, wrap: true, border: true, fill: COLORS.header }));
  on(plan.borders, (look) => (look.border = true));
  for (const font of plan.fonts)
    on(font.areas, (look) => {
      if (font.bold !== undefined) look.bold = font.bold;
      if (font.italic !== undefined) look.italic = font.italic;
      if (font.color !== undefined) look.color = argb(font.color);
      if (font.size !== undefined) look.size = font.size;
    });
  on(plan.centred, (look) => (look.centred = true));
  on(plan.wrap, (look) => (look.wrap = true));
  for (const fill of plan.fills) on(fill.areas, (look) => (look.fill = argb(fill.color)));
  return looks;
}

/** The exceljs style of a look; equal looks share one style object (never changed after). */
function styleCache(): (look: Look) => Partial<Style> {
  const styles = new Map<string, Partial<Style>>();
  return (look) => {
    const key = [look.numFmt, look.bold, look.italic, look.color, look.size, look.centred, look.wrap, look.border, look.fill].join('|');
    let style = styles.get(key);
    if (!style) {
      style = {
        font: {
          name: FONT,
          size: look.size ?? 11,
          ...(look.bold ? { bold: true } : {}),
          ...(look.italic ? { italic: true } : {}),
          ...(look.color ? { color: { argb: look.color } } : {}),
        },
        alignment: { vertical: 'middle', ...(look.centred ? { horizontal: 'center' } : {}), wrapText: look.wrap ?? false },
        ...(look.border ? { border: THIN_BORDER } : {}),
        ...(look.fill ? { fill: solidFill(look.fill) } : {}),
        ...(look.numFmt ? { numFmt: look.numFmt } : {}),
      };
      styles.set(key, style);
    }
    return style;
  };
}

// ── One sheet of the plan ───────────────────────────────────────────────────────────────

/** Excel keeps up to 32,767 characters in a note; a long list of messages is cut well before. */
const NOTE_LIMIT = 1000;

export function writeSheet(workbook: Workbook, plan: Omit<RollupSheetPlan, 'role'>): void {
  const columns = plan.freeze.columns ?? 0;
  const firstFree = `${columnName(columns)}${plan.freeze.rows + 1}`;
  const sheet = workbook.addWorksheet(plan.name, {
    views: [{ state: 'frozen', xSplit: columns, ySplit: plan.freeze.rows, topLeftCell: firstFree, activeCell: firstFree }],
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 },
  });
  plan.widths.forEach((width, c) => (sheet.getColumn(c + 1).width = width));
  for (const { row, points } of plan.rowHeights) sheet.getRow(row).height = points;

  const prefixed = new Set<number>();
  forCells(plan.textPrefixed ?? [], (r, c) => prefixed.add(cellKey(r, c)));
  plan.values.forEach((row, r) =>
    row.forEach((value, c) => {
      if (value === '') return;
      // A string cell is text whatever it starts with: the prefix Excel's typing needs is not part of it.
      sheet.getCell(r + 1, c + 1).value = typeof value === 'string' && prefixed.has(cellKey(r, c)) ? value.slice(1) : value;
    }),
  );
  const styleOf = styleCache();
  for (const [key, look] of looksOf(plan)) sheet.getCell(Math.floor(key / 16_384) + 1, (key % 16_384) + 1).style = styleOf(look);
  // After the styles: a merged cell takes the look of the area's first cell, as in Excel.
  for (const area of plan.merges) sheet.mergeCells(area);
  for (const { address, text } of plan.notes ?? [])
    sheet.getCell(address).note = text.length > NOTE_LIMIT ? `${text.slice(0, NOTE_LIMIT - 1)}…` : text;
  if (plan.autoFilter) sheet.autoFilter = plan.autoFilter;
  // exceljs wants `3:4` and adds the `$` itself.
  if (plan.printTitleRows) sheet.pageSetup.printTitlesRow = plan.printTitleRows.replace(/\$/g, '');
  if (plan.print) applyPrint(sheet, plan.print);
}

/** ECMA-376 paperSize codes: 8 A3, 9 A4. */
const PAPER = { A3: 8, A4: 9 } as const;

/** An area as exceljs wants it: it puts `$` before each part's column only, so `A$1` gives the `$A$1` LibreOffice needs. */
export function exceljsArea(area: string): string {
  return area.replace(/\$/g, '').replace(/([A-Z]+)(\d+)/g, '$1$$$2');
}

/** A sheet printed at its own size (100 %, never fit to one page's width), as the plan sets it up. */
export function applyPrint(sheet: Worksheet, print: PrintSetup): void {
  Object.assign(sheet.pageSetup, {
    paperSize: PAPER[print.paper],
    orientation: print.orientation,
    fitToPage: false,
    scale: 100,
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.2, footer: 0.25 },
    ...(print.area ? { printArea: exceljsArea(print.area) } : {}),
    ...(print.titleColumns ? { printTitlesColumn: print.titleColumns.replace(/\$/g, '') } : {}),
  });
  if (print.footer) {
    // `&` starts a code in a footer; a unit's name never holds one, but a stray `&` would be eaten.
    const part = (code: string, text: string | undefined) => (text ? `${code}${text.replace(/&(?![PN])/g, '&&')}` : '');
    sheet.headerFooter.oddFooter = `${part('&L', print.footer.left)}${part('&C', print.footer.center)}${part('&R', print.footer.right)}`;
  }
}

// ── The workbook ────────────────────────────────────────────────────────────────────────

export async function writeRollupWorkbook(
  result: RollupResult,
  form: CompiledForm,
  options: { lang: Lang; title?: string },
): Promise<Uint8Array> {
  const { lang } = options;
  const meta = result.meta;
  const title = options.title ?? rollupTitle(result, form, lang);
  const plan = rollupSheetsPlan(result, form, lang, { title });
  const workbook = new Workbook();
  const created = new Date(meta.createdAt);
  workbook.creator = 'Huizong';
  workbook.lastModifiedBy = 'Huizong';
  if (!Number.isNaN(created.getTime())) {
    workbook.created = created;
    workbook.modified = created;
  }
  workbook.title = title;
  workbook.subject = 'huizong:rollup';
  workbook.keywords = `huizong rollup ${meta.form} ${meta.formVersion}`;
  workbook.category = 'huizong';
  workbook.description = JSON.stringify({ kind: 'rollup', ...meta });
  if (meta.unit) workbook.company = meta.unit;

  for (const sheet of plan.sheets) writeSheet(workbook, sheet);
  const rows = plan.sheets.find((sheet) => sheet.role === 'rows')!;
  const { layout } = plan;
  writeMetaSheet(workbook, [
    ['generator', meta.generator],
    ['kind', 'rollup'],
    ['form', meta.form],
    ['formVersion', meta.formVersion],
    ['unit', meta.unit],
    ['level', meta.level],
    ['createdAt', meta.createdAt],
    ['createdDay', meta.createdDay],
    ['sheet', rows.name],
    ['headerRow', String(layout.headerRow)],
    ['firstDataRow', String(layout.firstDataRow)],
    ['lastDataRow', layout.lastDataRow === undefined ? '' : String(layout.lastDataRow)],
    ['totalRow', String(layout.totalRow)],
    ['meta', JSON.stringify(meta)],
  ]);
  workbook.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: 'visible' }];
  return toBytes(await workbook.xlsx.writeBuffer());
}
