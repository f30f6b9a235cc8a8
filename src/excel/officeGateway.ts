/**
 * The only code that talks to Office.js: the `ExcelGateway` built on `Excel.run`, within
 * ExcelApi 1.9 (the manifest's requirement). Each method reads what it needs in one batch,
 * leaves the computing to the pure core, and applies the result in one batch; the number of
 * `context.sync()` calls of each method is written beside it and does not depend on the
 * number of rows, except where a batch would pass Excel on the web's 5 MB request limit (see
 * `Batch`).
 *
 * Marks (`applyMarks`, `clearMarks`):
 *   - a marked cell is filled by a CONDITIONAL FORMAT of Huizong's (custom rule whose formula
 *     carries a marker only Huizong writes, `=OR(TRUE,"huizong-error"="")`, fill FFC7CE for
 *     errors and FFEB9C for warnings), added on range areas (`worksheet.getRanges`), a few
 *     hundred cells per command. The user's own fills and conditional formats are never
 *     touched: clearing deletes exactly the conditional formats whose formula has the marker,
 *     and what the user had shows again.
 *   - a marked cell's message is its data-validation INPUT PROMPT (shown when the cell is
 *     selected; ExcelApi 1.8). Comments (1.10) and notes (1.18) are beyond 1.9. The rule of
 *     the cell (the template's list, whole number …) stays; clearing puts the field's own help
 *     prompt back. Cells of one column with the same message share one command.
 *   - what was marked is recorded on the very hidden `_huizong` sheet as key/value rows
 *     (`marks:<sheet>` → JSON of the areas and the prompts to put back), so that clearing
 *     works after the workbook was saved and opened again.
 */
import { META_SHEET } from '../files/metaSheet';
import { RANGES_LIMIT, chunkAreas, columnOf, compressCells, expandAreas, parseRange, promptGroups } from '../core/plan/markPlan';
import type { RosterSheetPlan } from '../core/plan/rosterSheetPlan';
import type { MarkPlan, MarkSeverity, RowWritePlan, SheetSnapshot, TemplatePlan } from '../core/plan/types';
import type { RollupChartPlan, RollupSheetNames, RollupSheetPlan, RollupSheetRole, RollupSheetsPlan, SheetPlanValue } from '../core/plan/types';
import { columnName } from '../core/table/grid';
import type { CellValue } from '../core/values/types';
import { createChangeBatcher, type DebounceOptions } from './debounce';
import type { CallOptions, ExcelGateway, WorkbookSheet } from './gateway';

/** What the gateway needs of Office.js; `Excel` itself by default, a test double in tests. */
export interface OfficeHost {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>, options?: Excel.RunOptions): Promise<T>;
  /** `Excel.run` on the context of an earlier batch (to remove an event handler). */
  runIn<T>(context: OfficeExtension.ClientRequestContext, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  createWorkbook(base64: string): Promise<void>;
}

export function excelHost(): OfficeHost {
  return {
    run: (batch, options) => (options ? Excel.run(options, batch) : Excel.run(batch)),
    runIn: (context, batch) => Excel.run(context, batch),
    createWorkbook: (base64) => Excel.createWorkbook(base64),
  };
}

export interface GatewayOptions {
  host?: OfficeHost;
  /** Bytes queued before a batch is sent early (Excel on the web refuses requests over 5 MB). */
  requestBudget?: number;
  /** How much one `getRanges` call is given. */
  rangesLimit?: { chars: number; areas: number };
  debounce?: DebounceOptions;
}

// ── Marks ───────────────────────────────────────────────────────────────────────────────

export const MARK_FORMULAS: Record<MarkSeverity, string> = {
  error: '=OR(TRUE,"huizong-error"="")',
  warning: '=OR(TRUE,"huizong-warning"="")',
};
export const MARK_FILLS: Record<MarkSeverity, string> = { error: '#FFC7CE', warning: '#FFEB9C' };

/** True for the formula of a conditional format Huizong added, and for no other. */
export function isHuizongMark(formula: unknown): boolean {
  return typeof formula === 'string' && /"huizong-(error|warning)"/.test(formula);
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
const RECORD_PIECE = 30_000;

// ── Payload ─────────────────────────────────────────────────────────────────────────────

/** Excel on the web refuses a request over 5 MB; a batch is sent once it holds about 4 MB. */
export const REQUEST_BUDGET = 4 * 1024 * 1024;
/** Bytes of one queued command besides its data (action, object path and their ids). */
export const COMMAND_OVERHEAD = 200;

/**
 * The size of a value in a request, roughly: its JSON in UTF-8 (a Chinese character 3 bytes,
 * a quote or backslash escaped). Office.js sends the batch as JSON text; 4 MB of it leaves a
 * fifth of the 5 MB limit for what this estimate misses.
 */
export function payloadBytes(value: unknown): number {
  if (value === null || value === undefined) return 4;
  if (typeof value === 'string') {
    let n = value.length + 2;
    for (let i = 0; i < value.length; i++) {
      const code = value.charCodeAt(i);
      if (code > 0x7ff) n += 2;
      else if (code > 0x7e || code === 0x22 || code === 0x5c || code < 0x20) n += 1;
    }
    return n;
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value).length;
  if (Array.isArray(value)) {
    let n = 2;
    for (const item of value) n += payloadBytes(item) + 1;
    return n;
  }
  if (typeof value === 'object') {
    let n = 2;
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) n += key.length + 4 + payloadBytes(item);
    return n;
  }
  return 8;
}

/**
 * The commands of one batch, counted: a command that would take the batch past the budget
 * sends what is queued first. A plan under the budget is one sync; each further ~4 MB of
 * commands adds one — so the sync counts stated below are exact up to 4 MB per batch.
 */
export class Batch {
  private bytes = 0;
  /** Syncs sent early because of the budget. */
  extraSyncs = 0;
  constructor(
    readonly context: Excel.RequestContext,
    private readonly budget = REQUEST_BUDGET,
  ) {}

  /** Makes room for a command carrying `data` (call before queueing it). */
  async room(data: unknown): Promise<void> {
    const bytes = payloadBytes(data) + COMMAND_OVERHEAD;
    if (this.bytes > 0 && this.bytes + bytes > this.budget) {
      await this.context.sync();
      this.extraSyncs++;
      this.bytes = 0;
    }
    this.bytes += bytes;
  }

  async sync(): Promise<void> {
    await this.context.sync();
    this.bytes = 0;
  }
}

// ── Reading ─────────────────────────────────────────────────────────────────────────────

/**
 * Number formats are read where the used range meets A1:BL2000 (at most 128,000 cells, about
 * 1.3 MB): returned tables start near A1, and the formats only tell date cells from numbers
 * — a date field reads a bare serial as a date anyway. Below row 2,000 a date-formatted
 * number in a non-date column reads as the number. Values are always read whole.
 */
export const FORMAT_ROWS = 2000;
export const FORMAT_COLUMNS = 64;
const FORMAT_BOX = `A1:${columnName(FORMAT_COLUMNS - 1)}${FORMAT_ROWS}`;

/** The formats read, or none where the used range lies outside the box (a null object). */
function formatsOf(range: Excel.Range): string[][] {
  return range.isNullObject ? [] : (range.numberFormat as string[][]);
}
/** Cells per batch when a sheet is too large for one response and is read in blocks. */
export const BLOCK_CELLS = 60_000;
/** The metadata keys sit in the first rows of `_huizong`. */
const META_HEAD = 'A1:B64';

function errorCode(error: unknown): unknown {
  return (error as { code?: unknown } | null)?.code;
}

function isPayloadError(error: unknown): boolean {
  const code = errorCode(error);
  return code === 'RequestPayloadSizeLimitExceeded' || code === 'ResponsePayloadSizeLimitExceeded';
}

/** A chart or shape selected instead of cells (https://github.com/OfficeDev/office-js/issues/2268). */
function isSelectionError(error: unknown): boolean {
  return errorCode(error) === 'InvalidSelection';
}

/** Errors no retry through another route can cure: they go straight to the caller. */
function isFinal(error: unknown): boolean {
  return isPayloadError(error) || isSelectionError(error) || errorCode(error) === 'InvalidOperationInCellEditMode';
}

function runOptions(call: CallOptions | undefined): Excel.RunOptions | undefined {
  return call?.automatic ? { delayForCellEdit: true } : undefined;
}

interface MetaRead {
  /** The `_huizong` sheet is there. */
  exists: boolean;
  /** Rows of the range read, from `top` (1-based) down. */
  values: unknown[][];
  top: number;
  /** Columns of the whole used range (for option lists placed right of them). */
  columns: number;
}

type MetaRange = (sheet: Excel.Worksheet) => Excel.Range;
const metaHead: MetaRange = (sheet) => sheet.getRange(META_HEAD);
const metaKeys: MetaRange = (sheet) => sheet.getRange('A:B').getUsedRangeOrNullObject(true);
const metaAll: MetaRange = (sheet) => sheet.getUsedRangeOrNullObject(true);

function metaOf(sheet: Excel.Worksheet, range: Excel.Range): MetaRead {
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
async function syncWithMeta<M>(context: Excel.RequestContext, queue: () => M, which: MetaRange): Promise<{ main: M; meta: MetaRead }> {
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
function metaPairs(meta: MetaRead): [string, string][] {
  const pairs: [string, string][] = [];
  for (const row of meta.values) {
    const key = row?.[0];
    if (typeof key !== 'string' || !key) continue;
    const value = row[1];
    pairs.push([key, value === null || value === undefined ? '' : String(value)]);
  }
  return pairs;
}

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
  for (let i = 0; i < text.length; ) {
    let end = Math.min(text.length, i + RECORD_PIECE);
    while (end < text.length && end > i + 1 && /[=+\-@]/.test(text[end]!)) end--;
    pairs.push([marksKey(sheet), text.slice(i, end)]);
    i = end;
  }
  return pairs;
}

/** The form stored for `sheet` by a template or roll-up Huizong wrote. */
function storedFormFor(pairs: readonly [string, string][], sheet: string): string | undefined {
  const meta = new Map<string, string>();
  for (const [key, value] of pairs) if (!meta.has(key)) meta.set(key, value);
  if (meta.get('generator') !== 'huizong' || !meta.get('form')) return undefined;
  const forSheet = meta.get('sheet');
  return !forSheet || forSheet === sheet ? meta.get('form') : undefined;
}

// ── Writing helpers ─────────────────────────────────────────────────────────────────────

/**
 * Rewrites the key/value rows of `_huizong` (created very hidden when missing): `pairs`
 * from row 1 down, leftover rows of the earlier list emptied. Text format first, so that a
 * version such as `2024.10` stays text.
 */
async function writeMeta(batch: Batch, meta: MetaRead, pairs: readonly [string, string][]): Promise<void> {
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

/** The metadata pairs with this sheet's marks record replaced by `record` (or dropped). */
function withRecord(pairs: readonly [string, string][], sheet: string, record: MarksRecord | undefined): [string, string][] {
  const kept = pairs.filter(([key]) => key !== marksKey(sheet));
  return record ? [...kept, ...marksRecordPairs(sheet, record)] : kept;
}

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

/** The last data row of the template on `sheet`, where the workbook's metadata says it is one. */
function templateLastRow(pairs: readonly [string, string][], sheet: string): number | undefined {
  const meta = new Map<string, string>();
  for (const [key, value] of pairs) if (!meta.has(key)) meta.set(key, value);
  if (meta.get('generator') !== 'huizong' || meta.get('kind') !== 'template' || meta.get('sheet') !== sheet) return undefined;
  const last = Number(meta.get('lastDataRow'));
  return Number.isInteger(last) && last > 0 ? last : undefined;
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

/** Excel's column width is in points; templates count characters (about 7 px each, plus 5 px padding). */
export function widthInPoints(characters: number): number {
  return Math.round((characters * 7 + 5) * 0.75 * 100) / 100;
}

function uniqueName(wanted: string, taken: readonly string[], maxLength: number, join: (base: string, n: number) => string): string {
  const lower = new Set(taken.map((t) => t.toLowerCase()));
  if (!lower.has(wanted.toLowerCase())) return wanted;
  for (let n = 2; ; n++) {
    const suffix = join('', n);
    const candidate = join(wanted.slice(0, maxLength - suffix.length), n);
    if (!lower.has(candidate.toLowerCase())) return candidate;
  }
}

function inputValue(value: CellValue): string | number | boolean {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return value;
}

/**
 * Text a General cell would turn into something else when written, as typed
 * (https://learn.microsoft.com/en-us/office/troubleshoot/excel/long-numbers-incorrectly-in-excel):
 * digits with a leading 0, more digits than a number keeps (15), a month-day such as `3-20`.
 * A whole date (`2024-03-20`) is left to become a date: that is how date fields are written.
 */
function wouldChange(text: string): boolean {
  return /^[+-]?0\d+$/.test(text) || /^\d{16,}$/.test(text) || /^\d{1,2}[-/]\d{1,2}$/.test(text);
}

/** A cell's value as written, and whether its cell is made a text cell first. */
function writtenValue(value: CellValue): { value: string | number | boolean; asText: boolean } {
  const input = inputValue(value);
  if (typeof input !== 'string') return { value: input, asText: false };
  // The core guards formula-like text with `'` (markPlan asInput); in a text cell it is not needed.
  if (/^'[=+\-@]/.test(input)) return { value: input.slice(1), asText: true };
  return { value: input, asText: wouldChange(input) };
}

const HEADER_FILL = '#DDEBF7';
const BORDER_COLOR = '#BFBFBF';
const FONT = 'SimSun';
const LIST_INLINE_LIMIT = 255;
const BORDER_SIDES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideHorizontal', 'InsideVertical'] as const;

function thinBorders(range: Excel.Range): void {
  for (const side of BORDER_SIDES) {
    const border = range.format.borders.getItem(side);
    border.style = 'Continuous';
    border.color = BORDER_COLOR;
  }
}

function headerStyle(range: Excel.Range): void {
  range.format.fill.color = HEADER_FILL;
  range.format.font.name = FONT;
  range.format.font.size = 11;
  range.format.font.bold = true;
  range.format.horizontalAlignment = 'Center';
  range.format.verticalAlignment = 'Center';
  range.format.wrapText = true;
  thinBorders(range);
}


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

/** The `_huizong` key of the record of the roll-up sheets Huizong wrote. */
export const ROLLUP_SHEETS_KEY = 'rollupSheets';

export interface RollupSheetsRecord {
  v: 1;
  sheets: { role: RollupSheetRole; name: string; id: string }[];
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
function withRollupRecord(pairs: readonly [string, string][], record: RollupSheetsRecord): [string, string][] {
  return [...pairs.filter(([key]) => key !== ROLLUP_SHEETS_KEY), [ROLLUP_SHEETS_KEY, JSON.stringify(record)]];
}

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
function widthRuns(widths: readonly number[]): { columns: string; width: number }[] {
  const runs: { columns: string; width: number }[] = [];
  for (let c = 0; c < widths.length; ) {
    let end = c;
    while (end + 1 < widths.length && widths[end + 1] === widths[c]) end++;
    runs.push({ columns: `${columnName(c)}:${columnName(end)}`, width: widths[c]! });
    c = end + 1;
  }
  return runs;
}

/** Queues one roll-up sheet, from its columns to its page setup. */
async function queueRollupSheet(batch: Batch, sheet: Excel.Worksheet, plan: RollupSheetPlan, limit: { chars: number; areas: number }, blockBytes: number): Promise<void> {
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
  if (plan.freeze.columns) sheet.freezePanes.freezeAt(sheet.getRange(`A1:${columnName(plan.freeze.columns - 1)}${plan.freeze.rows}`));
  else sheet.freezePanes.freezeRows(plan.freeze.rows);
  if (plan.autoFilter) sheet.autoFilter.apply(sheet.getRange(plan.autoFilter));
  sheet.pageLayout.orientation = 'Landscape';
  sheet.pageLayout.paperSize = 'A4';
  sheet.pageLayout.zoom = { horizontalFitToPages: 1 };
  if (plan.printTitleRows) sheet.pageLayout.setPrintTitleRows(plan.printTitleRows);
}

/**
 * Queues the chart: added on its sheet from the first indicator's cells on the data sheet,
 * then one series per further indicator (`series.add`, ExcelApi 1.7) — the indicators are not
 * adjacent columns, and `charts.add` takes one range — each named and given the units as
 * categories.
 */
async function queueRollupChart(batch: Batch, on: Excel.Worksheet, data: Excel.Worksheet, plan: RollupChartPlan, dataValues: readonly SheetPlanValue[][]): Promise<void> {
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
function allBlank(values: readonly SheetPlanValue[][], area: string): boolean {
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

/** The first row of a selection's address (`'Sheet 1'!B7:C9` → 7) when it lies on `sheet`. */
export function rowOfSelection(address: string, sheet: string): number | undefined {
  const bang = address.lastIndexOf('!');
  const on = bang < 0 ? sheet : address.slice(0, bang).replace(/^'(.*)'$/, '$1').replace(/''/g, "'");
  if (on !== sheet) return undefined;
  const match = /^\$?[A-Z]+\$?(\d+)/.exec(address.slice(bang + 1));
  return match ? Number(match[1]) : undefined;
}

// ── Other sheets of the workbook (roster, units' tables pasted in) ─────────────────────

/** A snapshot of a sheet with nothing on it. */
function emptySnapshot(sheet: string): SheetSnapshot {
  return { sheet, values: [], origin: 'A1' };
}

/** `Sheet1!B3:F20` → `B3`. */
function originOf(address: string): string {
  return address.slice(address.lastIndexOf('!') + 1).split(':')[0]!;
}

/**
 * Queues the used range (values only) of each named sheet. `getUsedRangeOrNullObject`: an
 * empty sheet gives a null object rather than A1 (ExcelApi 1.4).
 */
function queueUsedValues(context: Excel.RequestContext, names: readonly string[]): { name: string; used: Excel.Range }[] {
  return names.map((name) => {
    const used = context.workbook.worksheets.getItem(name).getUsedRangeOrNullObject(true);
    used.load('address,values');
    return { name, used };
  });
}

function usedSnapshot(name: string, used: Excel.Range): SheetSnapshot {
  if (used.isNullObject) return emptySnapshot(name);
  return { sheet: name, values: used.values as CellValue[][], origin: originOf(used.address) };
}

/**
 * The sheets' values where one response cannot hold them all: 1 sync for their sizes, then
 * the used ranges cut into pieces — whole sheets, or row blocks of a sheet larger than
 * BLOCK_CELLS — packed into syncs of at most BLOCK_CELLS cells each. So the syncs grow with
 * the cells read (one per ~60,000), never with the number of sheets.
 */
async function readPacked(context: Excel.RequestContext, names: readonly string[]): Promise<SheetSnapshot[]> {
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
async function readUsedValues(context: Excel.RequestContext, names: readonly string[]): Promise<SheetSnapshot[]> {
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

// ── Putting back after a failure ────────────────────────────────────────────────────────

/**
 * After a write failed half-way (a batch is not a transaction: the commands before the failing
 * one stay applied), puts the workbook back as it was read: the sheets added dropped, the
 * sheets renamed out of the way named again, `_huizong` rewritten as it was (removed when it
 * was not there). Two syncs, on the failure path only; false where that failed too.
 */
async function putBack(context: Excel.RequestContext, undo: { meta: MetaRead; sheets: readonly { id: string; name: string }[]; columns?: readonly string[] }): Promise<boolean> {
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

// ── The gateway ─────────────────────────────────────────────────────────────────────────

export function createOfficeGateway(options: GatewayOptions = {}): ExcelGateway {
  const host = options.host ?? excelHost();
  const budget = options.requestBudget ?? REQUEST_BUDGET;
  const limit = options.rangesLimit ?? RANGES_LIMIT;

  /**
   * Queues the removal of Huizong's marks on `sheet`: its conditional formats, and the prompts
   * it set put back — one command per recorded area (a Range, never range areas, whose
   * validation is null as soon as two areas differ).
   */
  async function queueClear(batch: Batch, sheet: Excel.Worksheet, ours: readonly Excel.ConditionalFormat[], record: MarksRecord | undefined, lastRow: number | undefined): Promise<void> {
    for (const format of ours) {
      await batch.room(null);
      format.delete();
    }
    if (!record) return;
    const columns = byColumn(compressCells([...record.error, ...record.warning, ...(record.stale ?? [])]));
    for (const [column, areas] of columns) {
      const own = record.prompts[column];
      const prompt: Excel.DataValidationPrompt = own ? { showPrompt: true, title: own[0], message: own[1] } : { showPrompt: false, title: '', message: '' };
      for (const part of splitAtRow(areas, lastRow)) {
        for (const area of part) {
          await batch.room([area, prompt]);
          sheet.getRange(area).dataValidation.prompt = prompt;
        }
      }
    }
  }

  /**
   * Reads the sheet's conditional formats, `_huizong`'s keys and the validation rules where
   * new prompts go: one sync (see syncWithMeta). Loading the rule of some user-made
   * conditional formats fails (office-js #6827, #6835): then the types are read alone and
   * each custom rule on its own, the unreadable ones skipped — they are not Huizong's, whose
   * formulas always read — one more sync per custom format, on that path only.
   */
  async function readMarks(context: Excel.RequestContext, name: string, promptAreas: readonly string[] = []) {
    // The rules' loads share the read's request up to half the budget; the rest follow in
    // requests of their own (more syncs only for plans that large).
    const parts: string[][] = [[]];
    let bytes = 0;
    for (const area of promptAreas) {
      const size = payloadBytes(area) + COMMAND_OVERHEAD;
      if (bytes + size > budget / 2 && parts[parts.length - 1]!.length) {
        parts.push([]);
        bytes = 0;
      }
      parts[parts.length - 1]!.push(area);
      bytes += size;
    }
    const loadRules = (sheet: Excel.Worksheet, areas: readonly string[]) =>
      areas.map((area) => {
        const validation = sheet.getRange(area).dataValidation;
        validation.load('type,rule');
        return { area, validation };
      });
    const queue = (withRules: boolean) => () => {
      const sheet = context.workbook.worksheets.getItem(name);
      const formats = sheet.getRange().conditionalFormats;
      formats.load(withRules ? 'items/type,items/customOrNullObject/rule/formula' : 'items/type');
      return { sheet, formats, validations: loadRules(sheet, parts[0]!) };
    };
    let read: Awaited<ReturnType<typeof syncWithMeta<ReturnType<ReturnType<typeof queue>>>>>;
    const ours: Excel.ConditionalFormat[] = [];
    try {
      read = await syncWithMeta(context, queue(true), metaKeys);
      for (const format of read.main.formats.items) {
        const custom = format.customOrNullObject;
        if (!custom.isNullObject && isHuizongMark(custom.rule.formula)) ours.push(format);
      }
    } catch (error) {
      if (isFinal(error)) throw error;
      read = await syncWithMeta(context, queue(false), metaKeys);
      for (const format of read.main.formats.items) {
        if (format.type !== 'Custom') continue;
        const rule = format.custom.rule;
        rule.load('formula');
        try {
          await context.sync();
          if (isHuizongMark(rule.formula)) ours.push(format);
        } catch (failure) {
          if (isFinal(failure)) throw failure;
        }
      }
    }
    const { main, meta } = read;
    const validations = [...main.validations];
    for (const part of parts.slice(1)) {
      const loaded = loadRules(main.sheet, part);
      await context.sync();
      validations.push(...loaded);
    }
    const pairs = metaPairs(meta);
    /** Validation rule of each area where a new prompt goes: `undefined` where its cells differ. */
    const rules = new Map<string, string | undefined>();
    for (const { area, validation } of validations) {
      const mixed = validation.type === 'Inconsistent' || validation.type === 'MixedCriteria';
      rules.set(area, mixed ? undefined : JSON.stringify(validation.rule ?? null));
    }
    return { sheet: main.sheet, ours, rules, meta, pairs, record: readMarksRecord(pairs, name), lastRow: templateLastRow(pairs, name) };
  }

  /**
   * The prompt commands of a group: areas of one validation rule together (range areas take a
   * prompt only where all share one rule), each cell of an area whose cells differ alone.
   */
  function uniformChunks(areas: readonly string[], rules: ReadonlyMap<string, string | undefined>): string[] {
    const byRule = new Map<string, string[]>();
    const single: string[] = [];
    for (const area of areas) {
      const rule = rules.get(area);
      if (rule === undefined) single.push(...expandAreas([area]));
      else {
        let list = byRule.get(rule);
        if (!list) byRule.set(rule, (list = []));
        list.push(area);
      }
    }
    return [...[...byRule.values()].flatMap((list) => chunkAreas(list, limit)), ...single];
  }

  return {
    /**
     * 1 sync: the used range's values (with its address) and number formats (within
     * FORMAT_BOX), the sheet's name and `_huizong`'s first rows.
     * A sheet too large for one response (Excel on the web: 5 MB, some 300,000 cells) is read
     * again in blocks of BLOCK_CELLS: 2 + ⌈cells / BLOCK_CELLS⌉ syncs on that path only.
     */
    async readActiveSheet(call?: CallOptions): Promise<SheetSnapshot> {
      return host.run(async (context) => {
        // The active cell (ExcelApi 1.7), not the selected range: that one fails when several
        // areas or a chart are selected. Should the cell fail too (a chart selected), the
        // read goes again without it: the row is then simply not known.
        const queue = (withCell: boolean) => () => {
          const sheet = context.workbook.worksheets.getActiveWorksheet();
          sheet.load('name');
          const used = sheet.getUsedRange(true);
          used.load('address,values');
          const formats = used.getIntersectionOrNullObject(sheet.getRange(FORMAT_BOX));
          formats.load('numberFormat');
          let cell: Excel.Range | undefined;
          if (withCell) {
            cell = context.workbook.getActiveCell();
            cell.load('address');
          }
          return { sheet, used, formats, cell };
        };
        try {
          let read;
          try {
            read = await syncWithMeta(context, queue(true), metaHead);
          } catch (error) {
            if (!isSelectionError(error)) throw error;
            read = await syncWithMeta(context, queue(false), metaHead);
          }
          const { main, meta } = read;
          const snapshot: SheetSnapshot = {
            sheet: main.sheet.name,
            values: main.used.values as CellValue[][],
            numberFormats: formatsOf(main.formats),
            origin: originOf(main.used.address),
          };
          const selectedRow = main.cell ? rowOfSelection(main.cell.address, snapshot.sheet) : undefined;
          if (selectedRow !== undefined) snapshot.selectedRow = selectedRow;
          const storedForm = storedFormFor(metaPairs(meta), snapshot.sheet);
          if (storedForm) snapshot.storedForm = storedForm;
          return snapshot;
        } catch (error) {
          if (!isPayloadError(error)) throw error;
        }
        // Too large for one response: its size first, then block by block.
        const { main, meta } = await syncWithMeta(
          context,
          () => {
            const sheet = context.workbook.worksheets.getActiveWorksheet();
            sheet.load('name');
            const used = sheet.getUsedRange(true);
            used.load('address,rowCount,columnCount');
            const formats = used.getIntersectionOrNullObject(sheet.getRange(FORMAT_BOX));
            formats.load('numberFormat');
            return { sheet, used, formats };
          },
          metaHead,
        );
        const { sheet, used, formats } = main;
        const bounds = parseRange(used.address)!;
        const rowsPerBlock = Math.max(1, Math.floor(BLOCK_CELLS / Math.max(1, used.columnCount)));
        const values: CellValue[][] = [];
        for (let top = 0; top < used.rowCount; top += rowsPerBlock) {
          const block = sheet.getRangeByIndexes(bounds.s.r + top, bounds.s.c, Math.min(rowsPerBlock, used.rowCount - top), used.columnCount);
          block.load('values');
          await context.sync();
          values.push(...(block.values as CellValue[][]));
        }
        const snapshot: SheetSnapshot = { sheet: sheet.name, values, numberFormats: formatsOf(formats), origin: `${columnName(bounds.s.c)}${bounds.s.r + 1}` };
        const storedForm = storedFormFor(metaPairs(meta), snapshot.sheet);
        if (storedForm) snapshot.storedForm = storedForm;
        return snapshot;
      }, runOptions(call));
    },

    /**
     * 2 syncs: the names taken (sheets, tables) and `_huizong`; then the whole sheet — title,
     * unit line, groups, header, formats, validations, table, frozen panes, page setup and the
     * metadata — in one batch (more only past the request budget: a template of about
     * 100,000 rows).
     */
    async createTemplate(plan: TemplatePlan): Promise<void> {
      await host.run(async (context) => {
        const { main, meta } = await syncWithMeta(
          context,
          () => {
            const sheets = context.workbook.worksheets;
            sheets.load('items/name,items/id');
            const tables = context.workbook.tables;
            tables.load('items/name');
            return { sheets, tables };
          },
          metaAll,
        );
        const batch = new Batch(context, budget);
        const sheetName = uniqueName(plan.sheetName, main.sheets.items.map((s) => s.name), 31, (base, n) => `${base}(${n})`);
        const tableName = uniqueName(plan.table.name, main.tables.items.map((t) => t.name), 255, (base, n) => `${base}_${n}`);
        const listColumns: string[] = [];
        try {
          const sheet = context.workbook.worksheets.add(sheetName);
          const lastColumn = plan.columns[plan.columns.length - 1]?.letter ?? 'A';
          const headerRow = plan.header.row;
          const firstDataRow = headerRow + 1;
          const tableBounds = parseRange(plan.table.range)!;
          const lastDataRow = tableBounds.e.r + 1;

          // Title and unit line.
          await batch.room([plan.title, plan.unitLine.text]);
          const titleRange = sheet.getRange(`A${plan.titleRow}:${lastColumn}${plan.titleRow}`);
          titleRange.merge(false);
          sheet.getRange(`A${plan.titleRow}`).values = [[plan.title]];
          titleRange.format.font.name = FONT;
          titleRange.format.font.size = 16;
          titleRange.format.font.bold = true;
          titleRange.format.horizontalAlignment = 'Center';
          titleRange.format.verticalAlignment = 'Center';
          titleRange.format.rowHeight = 30;
          const unit = sheet.getRange(`A${plan.unitLine.row}`);
          unit.values = [[plan.unitLine.text]];
          unit.format.font.name = FONT;
          unit.format.font.size = 11;

          // Groups, then labels.
          if (plan.groups) {
            await batch.room(plan.groups.cells);
            headerStyle(sheet.getRange(`A${plan.groups.row}:${lastColumn}${plan.groups.row}`));
            for (const cell of plan.groups.cells) {
              if (cell.from !== cell.to) sheet.getRange(`${cell.from}:${cell.to}`).merge(false);
              sheet.getRange(cell.from).values = [[cell.label]];
            }
          }
          await batch.room(plan.header.labels);
          const header = sheet.getRange(plan.header.range);
          header.values = [plan.header.labels];
          headerStyle(header);
          header.format.rowHeight = 42;

          // Columns: width, and the data cells' number format.
          for (const column of plan.columns) {
            await batch.room(null);
            sheet.getRange(`${column.letter}:${column.letter}`).format.columnWidth = widthInPoints(column.width);
            if (column.numberFormat !== undefined) {
              const formats = Array.from({ length: lastDataRow - firstDataRow + 1 }, () => [column.numberFormat!]);
              await batch.room(formats);
              sheet.getRange(`${column.letter}${firstDataRow}:${column.letter}${lastDataRow}`).numberFormat = formats;
            }
          }
          const body = sheet.getRange(`A${firstDataRow}:${lastColumn}${lastDataRow}`);
          await batch.room(null);
          body.format.font.name = FONT;
          body.format.font.size = 11;
          body.format.verticalAlignment = 'Center';
          thinBorders(body);

          // An option list too long to write inline (or holding a comma) goes on _huizong, and
          // `_huizong` is written BEFORE the validations that refer to it: a list source is
          // parsed when it is set, so the sheet it names must already be there.
          let listColumn = Math.max(4, meta.columns + 1);
          const lists: { column: number; values: string[][] }[] = [];
          const sources = plan.validations.map((validation) => {
            if (validation.kind !== 'list') return undefined;
            const options = validation.options ?? [];
            const inline = options.join(',');
            if (inline.length <= LIST_INLINE_LIMIT && !options.some((o) => o.includes(','))) return inline;
            const letter = columnName(listColumn - 1);
            listColumns.push(letter);
            lists.push({ column: listColumn, values: [[validation.range], ...options.map((o) => [o])] });
            listColumn++;
            return `='${META_SHEET}'!$${letter}$2:$${letter}$${options.length + 1}`;
          });

          // Metadata: the template's pairs replace the earlier ones; marks records stay.
          const earlier = metaPairs(meta);
          const pairs: [string, string][] = Object.entries({ ...plan.meta, createdAt: new Date().toISOString() });
          const keys = new Set(pairs.map(([k]) => k));
          for (const pair of earlier) if (!keys.has(pair[0])) pairs.push(pair);
          const sheetPair = pairs.find(([k]) => k === 'sheet');
          if (plan.meta.sheet !== undefined && sheetName !== plan.sheetName && sheetPair) sheetPair[1] = sheetName;
          await writeMeta(batch, meta, pairs);
          if (lists.length) {
            const metaSheet = context.workbook.worksheets.getItem(META_SHEET);
            for (const list of lists) {
              const letter = columnName(list.column - 1);
              await batch.room(list.values);
              metaSheet.getRange(`${letter}1:${letter}${list.values.length}`).values = list.values;
            }
          }

          // Validations.
          for (const [index, validation] of plan.validations.entries()) {
            const target = sheet.getRange(validation.range);
            await batch.room(validation);
            let rule: Excel.DataValidationRule | undefined;
            switch (validation.kind) {
              case 'list':
                rule = { list: { inCellDropDown: true, source: sources[index] ?? '' } };
                break;
              case 'wholeNumber':
                rule = {
                  wholeNumber:
                    validation.max === undefined
                      ? { formula1: validation.min ?? 0, operator: 'GreaterThanOrEqualTo' }
                      : { formula1: validation.min ?? 0, formula2: validation.max, operator: 'Between' },
                };
                break;
              case 'decimal':
                rule = { decimal: { formula1: validation.min ?? -1e15, formula2: validation.max ?? 1e15, operator: 'Between' } };
                break;
              case 'date':
                rule = { date: { formula1: validation.from ?? '2000-01-01', formula2: validation.to ?? '2099-12-31', operator: 'Between' } };
                break;
              case 'textLength':
                rule = { textLength: { formula1: validation.max ?? 255, operator: 'LessThanOrEqualTo' } };
                break;
              default:
                rule = undefined;
            }
            if (rule) {
              target.dataValidation.ignoreBlanks = true;
              target.dataValidation.rule = rule;
            }
            if (validation.prompt) target.dataValidation.prompt = { showPrompt: true, title: validation.prompt.title, message: validation.prompt.message };
            if (validation.error) target.dataValidation.errorAlert = { showAlert: true, style: 'Stop', title: validation.error.title, message: validation.error.message };
          }

          // The table, frozen panes and page setup.
          await batch.room(null);
          // Sheet-qualified: a bare address is taken on the ACTIVE sheet, and the new sheet is
          // activated only at the end (https://learn.microsoft.com/en-us/javascript/api/excel/excel.tablecollection#excel-excel-tablecollection-add-member(1)).
          const table = sheet.tables.add(`'${sheetName.replace(/'/g, "''")}'!${plan.table.range}`, true);
          table.name = tableName;
          table.style = 'TableStyleLight1';
          if (plan.freeze.columns) sheet.freezePanes.freezeAt(sheet.getRange(`A1:${columnName(plan.freeze.columns - 1)}${plan.freeze.rows}`));
          else sheet.freezePanes.freezeRows(plan.freeze.rows);
          sheet.pageLayout.orientation = 'Landscape';
          sheet.pageLayout.paperSize = 'A4';
          sheet.pageLayout.zoom = { horizontalFitToPages: 1 };
          if (plan.groups) sheet.pageLayout.setPrintTitleRows(`$${plan.groups.row}:$${headerRow}`);

          sheet.activate();
          sheet.getRange(`B${firstDataRow}`).select();
          await batch.sync();
        } catch (error) {
          const before = main.sheets.items.map((s) => ({ id: s.id, name: s.name }));
          if (!(await putBack(context, { meta, sheets: before, columns: listColumns }))) throw new PartlyWritten('template', { sheet: sheetName }, error);
          throw error;
        }
      });
    },

    /**
     * 1 sync: the sheets (name, id, visibility) and `_huizong`'s keys, to tell the roll-up
     * sheets Huizong wrote (by the id recorded with them) from sheets of the user's that
     * happen to share a name. (1–2 more only where Excel refuses the read through a missing
     * `_huizong`: see syncWithMeta.)
     */
    async listSheets(): Promise<WorkbookSheet[]> {
      return host.run(async (context) => {
        const { main: sheets, meta } = await syncWithMeta(
          context,
          () => {
            const collection = context.workbook.worksheets;
            collection.load('items/name,items/id,items/visibility');
            return collection;
          },
          metaKeys,
        );
        const record = readRollupSheetsRecord(metaPairs(meta));
        const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
        return sheets.items.map((sheet) => {
          const listed: WorkbookSheet = { name: sheet.name, visible: sheet.visibility === 'Visible' };
          const ours = record?.sheets.find((r) => r.id === sheet.id && same(r.name, sheet.name));
          if (ours) listed.rollup = ours.role;
          return listed;
        });
      });
    },

    /** 1 sync (more only for a sheet too large for one response: see readPacked). */
    async readSheet(name: string): Promise<SheetSnapshot> {
      return host.run(async (context) => (await readUsedValues(context, [name]))[0]!);
    },

    /** 1 sync for all the sheets, whatever their number and rows (see readUsedValues). */
    async readSheets(names: readonly string[]): Promise<SheetSnapshot[]> {
      return host.run((context) => readUsedValues(context, names));
    },

    /**
     * 2 syncs: the sheet names taken; then the new sheet under a free name (`单位名单(2)` …,
     * never over one of the user's) — header, widths, text and date formats, the level list,
     * prompts, borders, the frozen header — selected at its first row.
     */
    async createRosterSheet(plan: RosterSheetPlan): Promise<string> {
      return host.run(async (context) => {
        const sheets = context.workbook.worksheets;
        sheets.load('items/name');
        await context.sync();
        const name = uniqueName(plan.sheetName, sheets.items.map((s) => s.name), 31, (base, n) => `${base}(${n})`);
        const sheet = context.workbook.worksheets.add(name);
        const batch = new Batch(context, budget);
        const lastRow = parseRange(plan.data)!.e.r + 1;
        for (const column of plan.columns) {
          await batch.room(null);
          sheet.getRange(`${column.letter}:${column.letter}`).format.columnWidth = widthInPoints(column.width);
          // Text before anything is typed: a name such as 001 or a date-like alias stays as written.
          sheet.getRange(`${column.letter}2:${column.letter}${lastRow}`).numberFormat = [[column.numberFormat]];
        }
        const body = sheet.getRange(plan.body);
        body.format.font.name = FONT;
        body.format.font.size = 11;
        body.format.verticalAlignment = 'Center';
        thinBorders(body);
        await batch.room(plan.header.labels);
        const header = sheet.getRange(plan.header.range);
        header.values = [plan.header.labels];
        headerStyle(header);
        for (const validation of plan.validations) {
          await batch.room(validation);
          const target = sheet.getRange(validation.range);
          let rule: Excel.DataValidationRule | undefined;
          if (validation.kind === 'list' && validation.options?.length) rule = { list: { inCellDropDown: true, source: validation.options.join(',') } };
          else if (validation.kind === 'date') rule = { date: { formula1: validation.from ?? '2000-01-01', formula2: validation.to ?? '2099-12-31', operator: 'Between' } };
          if (rule) {
            target.dataValidation.ignoreBlanks = true;
            target.dataValidation.rule = rule;
          }
          if (validation.prompt) target.dataValidation.prompt = { showPrompt: true, title: validation.prompt.title, message: validation.prompt.message };
          if (validation.error) target.dataValidation.errorAlert = { showAlert: true, style: 'Stop', title: validation.error.title, message: validation.error.message };
        }
        sheet.freezePanes.freezeRows(plan.freeze.rows);
        sheet.activate();
        sheet.getRange(plan.select).select();
        await batch.sync();
        return name;
      });
    },

    /** No sync: `Excel.createWorkbook` (ExcelApi 1.8) opens the file as a new workbook. */
    async openWorkbook(base64: string): Promise<void> {
      await host.createWorkbook(base64);
    },

    /**
     * 2 syncs (3 with the snapshot read): the sheet's conditional formats and `_huizong`'s
     * keys; then, in one batch, Huizong's earlier marks out (its conditional formats deleted,
     * the prompts it set put back), the new ones in — one conditional format per severity and
     * `getRanges` chunk, one prompt command per column, message and chunk — and the record.
     * One more sync per further ~4 MB of commands (not reached by 10,000 marked rows).
     */
    async applyMarks(plan: MarkPlan, call?: CallOptions): Promise<void> {
      await host.run(async (context) => {
        const groups = promptGroups(plan);
        const read = await readMarks(context, plan.sheet, [...new Set(groups.flatMap((g) => g.areas))]);
        const batch = new Batch(context, budget);

        // The record first: should a later command fail (the batch is not transactional),
        // 清除标记 still finds every mark, the earlier ones listed as stale.
        const marked = plan.cells.error.length + plan.cells.warning.length > 0;
        let record: MarksRecord | undefined;
        if (marked) {
          record = { v: 1, error: compressCells(plan.cells.error), warning: compressCells(plan.cells.warning), prompts: {} };
          for (const p of plan.fieldPrompts ?? []) record.prompts[p.column] = [p.title, p.message];
        }
        const earlier = read.record ? [...read.record.error, ...read.record.warning, ...(read.record.stale ?? [])] : [];
        if (record && earlier.length) {
          const during: MarksRecord = { ...record, stale: compressCells(earlier), prompts: { ...read.record?.prompts, ...record.prompts } };
          await writeMeta(batch, read.meta, withRecord(read.pairs, plan.sheet, during));
        } else if (record) await writeMeta(batch, read.meta, withRecord(read.pairs, plan.sheet, record));

        await queueClear(batch, read.sheet, read.ours, read.record, read.lastRow);
        for (const severity of ['error', 'warning'] as const) {
          const areas = compressCells(plan.cells[severity]);
          for (const chunk of chunkAreas(areas, limit)) {
            await batch.room(chunk);
            const format = read.sheet.getRanges(chunk).conditionalFormats.add('Custom');
            format.custom.rule.formula = MARK_FORMULAS[severity];
            format.custom.format.fill.color = MARK_FILLS[severity];
          }
        }
        for (const group of groups) {
          const prompt: Excel.DataValidationPrompt = { showPrompt: true, title: group.title, message: group.text };
          for (const chunk of uniformChunks(group.areas, read.rules)) {
            await batch.room([chunk, prompt]);
            if (chunk.includes(',')) read.sheet.getRanges(chunk).dataValidation.prompt = prompt;
            else read.sheet.getRange(chunk).dataValidation.prompt = prompt;
          }
        }
        // Everything done: the record as it stands (the stale areas dropped, or none at all).
        if (record && earlier.length) await writeMeta(batch, read.meta, withRecord(read.pairs, plan.sheet, record));
        else if (!record && read.record) await writeMeta(batch, read.meta, withRecord(read.pairs, plan.sheet, undefined));
        try {
          await batch.sync();
        } catch (error) {
          // Refused whole (a cell being edited, too large): nothing written. Otherwise part of
          // the marks may stand; the record, written first, lets 清除标记 remove them.
          if (isFinal(error) && batch.extraSyncs === 0) throw error;
          throw new PartlyWritten('marks', { sheet: plan.sheet }, error);
        }
      }, runOptions(call));
    },

    /** 2 syncs: as applyMarks, without new marks; the record goes last, once all is put back. */
    async clearMarks(sheetName: string): Promise<void> {
      await host.run(async (context) => {
        const read = await readMarks(context, sheetName);
        const batch = new Batch(context, budget);
        await queueClear(batch, read.sheet, read.ours, read.record, read.lastRow);
        if (read.record) await writeMeta(batch, read.meta, withRecord(read.pairs, sheetName, undefined));
        await batch.sync();
      });
    },

    /**
     * 1 sync: the row's cells (shifted down first when the plan says so). Text Excel would
     * read as something else when written into a General cell — a phone number's leading 0,
     * `3-20` as a date, a `'`-guarded formula — goes into that cell formatted as text (`@`),
     * as written: in a text cell a `'` would stay as a character. Where a table or merged
     * cells reach across the row, so that shifting the row's cells down is refused
     * (InsertDeleteConflict, MergedRangeConflict: nothing was applied), whole sheet rows are
     * inserted instead — one more sync on that path only.
     */
    async writeRow(plan: RowWritePlan): Promise<void> {
      await host.run(async (context) => {
        const bounds = parseRange(plan.range)!;
        const written = plan.values.map(writtenValue);
        const queue = (wholeRows: boolean) => {
          const sheet = context.workbook.worksheets.getItem(plan.sheet);
          let range = sheet.getRange(plan.range);
          if (plan.insert) {
            if (wholeRows) sheet.getRange(`${bounds.s.r + 1}:${bounds.e.r + 1}`).insert('Down');
            else range = range.insert('Down');
          }
          written.forEach((cell, i) => {
            if (cell.asText) sheet.getRange(`${columnName(bounds.s.c + i)}${bounds.s.r + 1}`).numberFormat = [['@']];
          });
          range.values = [written.map((cell) => cell.value)];
        };
        const partly = (error: unknown) => (isFinal(error) ? error : new PartlyWritten('row', { sheet: plan.sheet, row: bounds.s.r + 1 }, error));
        queue(false);
        try {
          await context.sync();
        } catch (error) {
          const code = errorCode(error);
          if (!plan.insert || (code !== 'InsertDeleteConflict' && code !== 'MergedRangeConflict')) throw partly(error);
          queue(true);
          try {
            await context.sync();
          } catch (again) {
            throw partly(again);
          }
        }
      });
    },

    /**
     * 3 syncs (see "The roll-up's sheets" above), one more per further ~4 MB of commands:
     * at most 4 for 10,000 activity rows. Where Excel refuses a read through the missing
     * `_huizong` instead of giving a null object, the first read takes 1 more (syncWithMeta).
     */
    async writeRollupSheets(plan: RollupSheetsPlan): Promise<RollupSheetNames> {
      return host.run(async (context) => {
        const { main: sheets, meta } = await syncWithMeta(
          context,
          () => {
            const collection = context.workbook.worksheets;
            collection.load('items/name,items/id');
            return collection;
          },
          metaKeys,
        );
        const pairs = metaPairs(meta);
        const record = readRollupSheetsRecord(pairs);
        const before = sheets.items.map((s) => ({ id: s.id, name: s.name }));
        const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
        const ours = sheets.items.filter((sheet) => record?.sheets.some((r) => r.id === sheet.id && same(r.name, sheet.name)));

        // Ours out of the way, the new ones in, ours gone; the new sheets' ids.
        const taken = sheets.items.map((sheet) => sheet.name);
        const free = new Set(ours.map((sheet) => sheet.name.toLowerCase()));
        const unavailable = taken.filter((name) => !free.has(name.toLowerCase()));
        ours.forEach((sheet, i) => {
          const temporary = uniqueName(`~huizong-old-${i + 1}`, [...taken, ...unavailable], 31, (base, n) => `${base}-${n}`);
          unavailable.push(temporary);
          sheet.name = temporary;
        });
        const names = {} as RollupSheetNames;
        try {
          const added = new Map<RollupSheetRole, Excel.Worksheet>();
          for (const sheetPlan of plan.sheets) {
            const name = uniqueName(sheetPlan.name, unavailable, 31, (base, n) => `${base}(${n})`);
            unavailable.push(name);
            names[sheetPlan.role] = name;
            const sheet = context.workbook.worksheets.add(name);
            sheet.load('id');
            added.set(sheetPlan.role, sheet);
          }
          await context.sync();

          // The record first, then the sheets and the chart.
          const batch = new Batch(context, budget);
          const written: RollupSheetsRecord = { v: 1, sheets: plan.sheets.map((p) => ({ role: p.role, name: names[p.role], id: added.get(p.role)!.id })) };
          await writeMeta(batch, meta, withRollupRecord(pairs, written));
          const blockBytes = Math.max(1024, Math.min(VALUES_BLOCK, Math.floor(budget / 4)));
          for (const sheetPlan of plan.sheets) await queueRollupSheet(batch, added.get(sheetPlan.role)!, sheetPlan, limit, blockBytes);
          const chartOn = plan.chart && added.get(plan.chart.on);
          const chartData = plan.chart && added.get(plan.chart.dataSheet);
          const dataPlan = plan.chart && plan.sheets.find((p) => p.role === plan.chart!.dataSheet);
          if (plan.chart && chartOn && chartData && dataPlan) await queueRollupChart(batch, chartOn, chartData, plan.chart, dataPlan.values);
          // Ours go last, once the new ones are whole (the workbook never runs out of visible sheets).
          for (const sheet of ours) sheet.delete();
          const rows = added.get('rows') ?? added.get(plan.sheets[0]!.role);
          if (rows) {
            rows.activate();
            rows.getRange(plan.select).select();
          }
          await batch.sync();
        } catch (error) {
          const undo = { meta, sheets: before };
          if (!(await putBack(context, undo))) throw new PartlyWritten('rollup', { sheets: Object.values(names).map((n) => `“${n}”`).join('') }, error);
          throw error;
        }
        return names;
      });
    },

    /** 1 sync. */
    async selectCell(sheetName: string, address: string): Promise<void> {
      await host.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem(sheetName);
        sheet.activate();
        sheet.getRange(address).select();
        await context.sync();
      });
    },

    /**
     * 1 sync to register `worksheet.onChanged` (ExcelApi 1.7), 1 to remove it. Edits are
     * gathered (debounce.ts) and handed on as one address list once the sheet is quiet.
     */
    async onSheetChanged(sheetName: string, handler: (address: string) => void): Promise<() => Promise<void>> {
      const batcher = createChangeBatcher(handler, options.debounce);
      const registration = await host.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem(sheetName);
        const result = sheet.onChanged.add(async (event) => {
          batcher.push(event.address);
        });
        await context.sync();
        return result;
      });
      let removed = false;
      return async () => {
        if (removed) return;
        removed = true;
        batcher.cancel();
        await host.runIn(registration.context, async (context) => {
          registration.remove();
          await context.sync();
        });
      };
    },
  };
}
