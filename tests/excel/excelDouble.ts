/**
 * A test double of the Excel JavaScript API — the part `src/excel/officeGateway.ts` uses —
 * over a small workbook model. office-addin-mock cannot express what matters here (range
 * areas, conditional-format collections, null objects, commands that act only at sync), so
 * this is a recorder of its own:
 *
 *   - proxies queue commands; nothing happens before `context.sync()`, which is COUNTED, runs
 *     the commands in order against the model and fills what was loaded. Reading a property
 *     that was not loaded and synced throws, as Office.js does.
 *   - every command is recorded (API, sheet, address, data) with the batch it went in, and
 *     each batch's request and response sizes (UTF-8 JSON); batches over 5 MB fail with
 *     Excel on the web's error codes.
 *   - `getRanges` refuses addresses over `maxAddressChars`; setting a prompt over areas with
 *     different validation rules fails (as Excel's UI refuses to); every API used is recorded
 *     with its requirement set, so a test can hold the gateway to ExcelApi 1.9.
 *   - a read through a missing sheet's null object either gives a null object
 *     (`nullChain: 'propagate'`) or fails the batch (`'throw'`): Excel's behaviour there is
 *     not documented, so the gateway is tested both ways.
 *
 * What it does NOT model: formulas, calculation, rendering, undo, merges' effect on values,
 * styles of tables, the text prefix (a value written as `'=1+1` is kept as written), charts
 * beyond their source, series and position. It is a double for counting and recording, not
 * an Excel. A number format given as a 1×1 array applies to the whole range (as documented
 * for Range.numberFormat); a 1×1 array of values does not.
 */
import { columnName } from '../../src/core/table/grid';
import type { OfficeHost } from '../../src/excel/officeGateway';

// ── Requirement sets of the APIs the double implements (from @types/office-js) ──────────

export const REQUIREMENT_SETS: Record<string, string> = {
  'Excel.run': '1.1',
  'Excel.createWorkbook': '1.8',
  'Workbook.worksheets': '1.1',
  'Workbook.getSelectedRange': '1.1',
  'Workbook.getActiveCell': '1.7',
  'Workbook.tables': '1.1',
  'WorksheetCollection.getActiveWorksheet': '1.1',
  'WorksheetCollection.getItem': '1.1',
  'WorksheetCollection.getItemOrNullObject': '1.4',
  'WorksheetCollection.add': '1.1',
  'WorksheetCollection.load(items/name)': '1.1',
  'TableCollection.load(items/name)': '1.1',
  'TableCollection.add': '1.1',
  'Table.name': '1.1',
  'Table.style': '1.1',
  'Worksheet.load(name)': '1.1',
  'Worksheet.visibility': '1.1',
  'Worksheet.getRange': '1.1',
  'Worksheet.getRanges': '1.9',
  'Worksheet.getUsedRange(valuesOnly)': '1.2',
  'Worksheet.getUsedRangeOrNullObject': '1.4',
  'Worksheet.getRangeByIndexes': '1.7',
  'Worksheet.activate': '1.1',
  'Worksheet.freezePanes.freezeAt': '1.7',
  'Worksheet.freezePanes.freezeRows': '1.7',
  'Worksheet.pageLayout.orientation': '1.9',
  'Worksheet.pageLayout.paperSize': '1.9',
  'Worksheet.pageLayout.zoom': '1.9',
  'Worksheet.pageLayout.setPrintTitleRows': '1.9',
  'Worksheet.onChanged': '1.7',
  'Worksheet.onSelectionChanged': '1.7',
  'WorksheetProtection.load(protected)': '1.2',
  'WorkbookProtection.load(protected)': '1.7',
  'EventHandlerResult.remove': '1.7',
  'Range.load(address)': '1.1',
  'Range.load(values)': '1.1',
  'Range.load(numberFormat)': '1.1',
  'Range.load(rowCount)': '1.1',
  'Range.load(columnCount)': '1.1',
  'Range.values': '1.1',
  'Range.numberFormat': '1.1',
  'Range.getIntersectionOrNullObject': '1.4',
  'Range.getUsedRangeOrNullObject': '1.4',
  'Range.merge': '1.2',
  'Range.clear': '1.1',
  'Range.insert': '1.1',
  'Range.delete': '1.1',
  'Worksheet.names': '1.4',
  'NamedItemCollection.add': '1.4',
  'NamedItemCollection.load(items/name,items/type,items/value)': '1.1',
  'NamedItem.visible': '1.1',
  'NamedItem.delete': '1.4',
  'Range.select': '1.1',
  'Range.conditionalFormats': '1.6',
  'Range.dataValidation.rule': '1.8',
  'Range.dataValidation.prompt': '1.8',
  'Range.dataValidation.errorAlert': '1.8',
  'Range.dataValidation.ignoreBlanks': '1.8',
  'DataValidation.load(type,rule)': '1.8',
  'RangeAreas.conditionalFormats': '1.9',
  'RangeAreas.dataValidation.prompt': '1.9',
  'ConditionalFormatCollection.add': '1.6',
  'ConditionalFormatCollection.load(items/type,items/customOrNullObject/rule/formula)': '1.6',
  'ConditionalFormatCollection.load(items/type)': '1.6',
  'ConditionalFormatRule.load(formula)': '1.6',
  'ConditionalFormat.custom.rule.formula': '1.6',
  'ConditionalFormat.custom.format.fill.color': '1.6',
  'ConditionalFormat.delete': '1.6',
  'ConditionalFormat.getRanges': '1.9',
  'RangeAreas.load(address)': '1.9',
  'RangeFormat.fill.color': '1.1',
  'RangeFormat.font.name': '1.1',
  'RangeFormat.font.size': '1.1',
  'RangeFormat.font.bold': '1.1',
  'RangeFormat.font.color': '1.1',
  'RangeFormat.horizontalAlignment': '1.1',
  'RangeFormat.verticalAlignment': '1.1',
  'RangeFormat.wrapText': '1.1',
  'RangeFormat.columnWidth': '1.2',
  'RangeFormat.rowHeight': '1.2',
  'RangeFormat.borders.getItem.style': '1.1',
  'RangeFormat.borders.getItem.color': '1.1',
  // The roll-up sheets (writeRollupSheets).
  'WorksheetCollection.load(items/name,items/id)': '1.1',
  // The workbook's sheets for the roll-up's pickers (listSheets): visibility is read from 1.1.
  'WorksheetCollection.load(items/name,items/id,items/visibility)': '1.1',
  'Worksheet.load(id)': '1.1',
  'Worksheet.name': '1.1',
  'Worksheet.delete': '1.1',
  'Worksheet.charts': '1.1',
  'Worksheet.autoFilter.apply': '1.9',
  'RangeAreas.format': '1.9',
  'RangeFormat.font.italic': '1.1',
  'ChartCollection.add': '1.1',
  'Chart.name': '1.1',
  'Chart.title.text': '1.1',
  'Chart.legend.position': '1.1',
  'Chart.setPosition': '1.1',
  'ChartSeriesCollection.getItemAt': '1.1',
  'ChartSeriesCollection.add': '1.7',
  'ChartSeries.name': '1.1',
  'ChartSeries.setValues': '1.7',
  'ChartSeries.setXAxisValues': '1.7',
};

// ── Addresses ───────────────────────────────────────────────────────────────────────────

const MAX_ROW = 1_048_575;
const MAX_COLUMN = 16_383;

export interface Area {
  s: { r: number; c: number };
  e: { r: number; c: number };
}

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function parseArea(address: string): Area {
  const bare = address
    .slice(address.lastIndexOf('!') + 1)
    .replace(/\$/g, '')
    .trim();
  const parts = bare.split(':');
  const one = (text: string) => {
    let m = /^([A-Za-z]{1,3})(\d+)$/.exec(text);
    if (m) return { r: Number(m[2]) - 1, c: columnIndex(m[1]!), kind: 'cell' as const };
    m = /^([A-Za-z]{1,3})$/.exec(text);
    if (m) return { r: -1, c: columnIndex(m[1]!), kind: 'column' as const };
    m = /^(\d+)$/.exec(text);
    if (m) return { r: Number(m[1]) - 1, c: -1, kind: 'row' as const };
    throw excelError('InvalidArgument', `bad address ${address}`);
  };
  const a = one(parts[0]!);
  const b = parts.length > 1 ? one(parts[1]!) : a;
  if (a.kind !== b.kind) throw excelError('InvalidArgument', `bad address ${address}`);
  if (a.kind === 'column') return { s: { r: 0, c: Math.min(a.c, b.c) }, e: { r: MAX_ROW, c: Math.max(a.c, b.c) } };
  if (a.kind === 'row') return { s: { r: Math.min(a.r, b.r), c: 0 }, e: { r: Math.max(a.r, b.r), c: MAX_COLUMN } };
  return { s: { r: Math.min(a.r, b.r), c: Math.min(a.c, b.c) }, e: { r: Math.max(a.r, b.r), c: Math.max(a.c, b.c) } };
}

export function areaAddress(area: Area): string {
  const from = `${columnName(area.s.c)}${area.s.r + 1}`;
  const to = `${columnName(area.e.c)}${area.e.r + 1}`;
  return from === to ? from : `${from}:${to}`;
}

function intersect(a: Area, b: Area): Area | undefined {
  const s = { r: Math.max(a.s.r, b.s.r), c: Math.max(a.s.c, b.s.c) };
  const e = { r: Math.min(a.e.r, b.e.r), c: Math.min(a.e.c, b.e.c) };
  return s.r <= e.r && s.c <= e.c ? { s, e } : undefined;
}

function cellCount(area: Area): number {
  return (area.e.r - area.s.r + 1) * (area.e.c - area.s.c + 1);
}

function* cells(area: Area): Generator<[number, number]> {
  if (cellCount(area) > 5_000_000) throw new Error(`the double will not walk ${areaAddress(area)} cell by cell`);
  for (let r = area.s.r; r <= area.e.r; r++) for (let c = area.s.c; c <= area.e.c; c++) yield [r, c];
}

const key = (r: number, c: number) => r * 16_384 + c;
const unkey = (k: number): [number, number] => [Math.floor(k / 16_384), k % 16_384];

export function excelError(code: string, message: string): Error & { code: string } {
  return Object.assign(new Error(`${code}: ${message}`), { code, name: 'RichApi.Error' });
}

/**
 * A write on a protected sheet is refused with AccessDenied ("You cannot perform the requested
 * operation", https://learn.microsoft.com/en-us/office/dev/add-ins/testing/application-specific-api-error-handling;
 * the same code for a locked cell through Excel's Graph API, https://github.com/microsoftgraph/microsoft-graph-docs/issues/4546).
 */
function writable(sheet: SheetModel): SheetModel {
  if (sheet.protected) throw excelError('AccessDenied', `You cannot perform the requested operation (sheet ${sheet.name} is protected).`);
  return sheet;
}

/**
 * Adding, deleting, renaming or hiding a sheet of a workbook whose structure is protected:
 * refused (https://learn.microsoft.com/en-us/javascript/api/excel/excel.workbookprotection says
 * whether the workbook is protected). The code, AccessDenied as for a protected sheet, is
 * inferred: no reference or issue states it.
 */
function structureWritable(model: WorkbookModel): void {
  if (model.structureProtected) throw excelError('AccessDenied', 'You cannot perform the requested operation (the workbook is protected).');
}

/**
 * The size of a batch as sent: Office.js serializes the queued actions and the object paths
 * they act on as one JSON request, and Excel on the web refuses it past 5 MB
 * (https://learn.microsoft.com/en-us/office/dev/add-ins/concepts/resource-limits-and-performance-optimization).
 * The double serializes its own queue in that spirit — one action per command with its id,
 * API, object path (sheet, address) and arguments — so the measure grows with what is really
 * sent (keys, escapes, UTF-8), not with a per-command estimate.
 */
function requestBytesOf(queue: readonly Command[]): number {
  const actions = queue.map((c, i) => ({
    Id: i + 1,
    ActionType: 'Method',
    Name: c.record.api,
    ObjectPath: { Sheet: c.record.sheet ?? null, Address: c.record.address ?? null },
    Args: [c.data ?? null],
  }));
  return bytesOf({ Actions: actions });
}

function bytesOf(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value ?? null) ?? 'null', 'utf8');
}

/** Excel's date serial of a calendar day. */
function serialOf(year: number, month: number, day: number): number {
  return Math.round((Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

/** A value written into a cell of `format`, as Excel keeps it (see RangeProxy.values). */
export function typedInput(value: unknown, format: string): unknown {
  if (typeof value !== 'string' || format === '@') return value;
  if (value.startsWith("'")) return value.slice(1);
  // "If the value starts with a plus, minus, or equal sign, Excel interprets it as a formula"
  // (https://learn.microsoft.com/en-us/javascript/api/excel/excel.range#excel-excel-range-values-member);
  // the double keeps it as a formula it does not calculate.
  if (/^[=+\-@]./.test(value) && !/^[+-]?\d+(\.\d+)?$/.test(value)) return { formula: value };
  if (/^[+-]?\d+(\.\d+)?$/.test(value)) return Number(value);
  let m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(value);
  if (m) return serialOf(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[-/](\d{1,2})$/.exec(value);
  if (m && Number(m[1]) >= 1 && Number(m[1]) <= 12 && Number(m[2]) >= 1 && Number(m[2]) <= 31)
    return serialOf(new Date().getUTCFullYear(), Number(m[1]), Number(m[2]));
  return value;
}

// ── The model ───────────────────────────────────────────────────────────────────────────

export interface ValidationModel {
  rule?: unknown;
  prompt?: { showPrompt?: boolean; title?: string; message?: string };
  errorAlert?: unknown;
  ignoreBlanks?: boolean;
}

export interface ConditionalFormatModel {
  id: string;
  type: string;
  formula?: string;
  fill?: string;
  /** Where it applies. */
  areas: string[];
  /**
   * A user's rule Office.js cannot read: loading its rule fails the batch while its type loads
   * (https://github.com/OfficeDev/office-js/issues/6835 a duplicated rule,
   * https://github.com/OfficeDev/office-js/issues/6827 two cellValue rules on one range).
   */
  unreadable?: boolean;
}

/** A chart as added: its source and series as `sheet!address`. */
export interface ChartModel {
  type: string;
  source: string;
  seriesBy?: string;
  name?: string;
  title?: string;
  legend?: string;
  position?: { from: string; to?: string };
  series: { name?: string; values?: string; xValues?: string }[];
}

export class SheetModel {
  values = new Map<number, unknown>();
  numberFormats = new Map<number, string>();
  styles = new Map<number, Record<string, unknown>>();
  validations = new Map<number, ValidationModel>();
  merges: string[] = [];
  columnWidths = new Map<string, number>();
  rowHeights = new Map<number, number>();
  tables: { name: string; range: string; style?: string }[] = [];
  frozen?: string;
  pageLayout: Record<string, unknown> = {};
  conditionalFormats: ConditionalFormatModel[] = [];
  handlers: ((args: unknown) => Promise<unknown>)[] = [];
  selectionHandlers: ((args: unknown) => Promise<unknown>)[] = [];
  visibility = 'Visible';
  selected?: string;
  charts: ChartModel[] = [];
  autoFilter?: string;
  /** 审阅 → 保护工作表: writes on the sheet are refused (see `writable`). */
  protected = false;

  constructor(
    public name: string,
    readonly id: string,
  ) {}

  /** Writes a block of values from `address`'s top-left cell. */
  setValues(address: string, rows: unknown[][]): void {
    const { s } = parseArea(address);
    rows.forEach((row, i) => row.forEach((v, j) => this.setValue(s.r + i, s.c + j, v)));
  }

  setValue(r: number, c: number, v: unknown): void {
    if (v === '' || v === null || v === undefined) this.values.delete(key(r, c));
    else this.values.set(key(r, c), v);
  }

  value(address: string): unknown {
    const { s } = parseArea(address);
    return this.values.get(key(s.r, s.c)) ?? '';
  }

  style(address: string): Record<string, unknown> {
    const { s } = parseArea(address);
    return this.styles.get(key(s.r, s.c)) ?? {};
  }

  setStyle(address: string, name: string, value: unknown): void {
    for (const [r, c] of cells(parseArea(address))) {
      const k = key(r, c);
      this.styles.set(k, { ...(this.styles.get(k) ?? {}), [name]: value });
    }
  }

  validation(address: string): ValidationModel | undefined {
    const { s } = parseArea(address);
    return this.validations.get(key(s.r, s.c));
  }

  /** The smallest area holding every value (valuesOnly) or every value and format. */
  used(valuesOnly: boolean, within?: Area): Area | undefined {
    let area: Area | undefined;
    const consider = (k: number) => {
      const [r, c] = unkey(k);
      if (within && (r < within.s.r || r > within.e.r || c < within.s.c || c > within.e.c)) return;
      if (!area) area = { s: { r, c }, e: { r, c } };
      else {
        area.s.r = Math.min(area.s.r, r);
        area.s.c = Math.min(area.s.c, c);
        area.e.r = Math.max(area.e.r, r);
        area.e.c = Math.max(area.e.c, c);
      }
    };
    for (const k of this.values.keys()) consider(k);
    if (!valuesOnly) {
      for (const k of this.styles.keys()) consider(k);
      for (const k of this.numberFormats.keys()) consider(k);
    }
    return area;
  }

  /** Cells from `area`'s row down move down by its height, within its columns (rows inserted). */
  shiftDown(area: Area): void {
    this.shift(area, 'Down');
  }

  /**
   * Cells inserted at `area` (the others pushed Down or Right) or `area`'s cells deleted (the
   * others pulled Up or Left), as Range.insert and Range.delete do
   * (https://learn.microsoft.com/en-us/javascript/api/excel/excel.range#excel-excel-range-insert-member(1),
   * https://learn.microsoft.com/en-us/javascript/api/excel/excel.range#excel-excel-range-delete-member(1)):
   * values, formats and data validation go with their cells, and the cells deleted take theirs
   * with them. Conditional formats, merges and names follow as references do (see `moveArea`).
   */
  shift(area: Area, direction: 'Down' | 'Right' | 'Up' | 'Left'): void {
    const move = shiftOf(area, direction);
    for (const map of [this.values, this.numberFormats, this.styles, this.validations] as Map<number, unknown>[]) {
      const entries = [...map];
      map.clear();
      for (const [k, v] of entries) {
        const to = movePoint(move, ...unkey(k));
        if (to) map.set(key(...to), v);
      }
    }
    // A validation is kept as one rule over a range (the sqref of [MS-OI29500]/ECMA-376 §18.3.1.32),
    // which grows as a reference does where cells go in within it: an inserted cell between two
    // cells of one rule takes it, its prompt with it. Inferred from how references grow.
    if (!move.remove && move.from > 0) {
      for (const [k, v] of [...this.validations]) {
        const [r, c] = unkey(k);
        const [m, x] = move.axis === 'r' ? [r, c] : [c, r];
        if (m !== move.from - 1 || x < move.cross[0] || x > move.cross[1]) continue;
        const after = move.axis === 'r' ? key(move.from + move.count, c) : key(r, move.from + move.count);
        if (JSON.stringify(this.validations.get(after)) !== JSON.stringify(v)) continue;
        for (let i = move.from; i < move.from + move.count; i++)
          this.validations.set(move.axis === 'r' ? key(i, c) : key(r, i), { ...(v as ValidationModel) });
      }
    }
    // Conditional formats move with their cells, and grow where cells go in within them
    // (https://learn.microsoft.com/en-us/office/dev/add-ins/excel/excel-add-ins-ranges-insert).
    // The part of a format's range across the shifted band follows; the parts beside it stay.
    // A format whose cells are all deleted goes with them: inferred, as Excel's rule manager
    // then lists no such rule.
    for (const format of this.conditionalFormats) format.areas = format.areas.flatMap((text) => moveBands(move, parseArea(text)));
    this.conditionalFormats = this.conditionalFormats.filter((format) => format.areas.length > 0);
    this.merges = this.merges.flatMap((text) => {
      const moved = moveArea(move, parseArea(text));
      return moved === 'beside' ? [text] : moved ? [areaAddress(moved)] : [];
    });
    // A name follows its cells when cells are inserted or deleted before it (a Microsoft
    // maintainer recommends NamedItems to track a cell moved by a deleted column,
    // https://github.com/OfficeDev/office-js-snippets/issues/466). Inferred, as a reference
    // grows and shrinks: grown or shrunk by cells inserted or deleted within it, `#REF!` once
    // all its cells are deleted (the Error type of
    // https://learn.microsoft.com/en-us/javascript/api/excel/excel.nameditemtype), and left as
    // it was by a shift across part of its width.
    for (const name of this.names) {
      // A name whose cells are on another sheet does not follow this one's shifts.
      if (!name.ref || name.refSheet !== undefined) continue;
      const moved = moveArea(move, name.ref);
      if (moved !== 'beside') name.ref = moved;
    }
  }

  /** Names scoped to this sheet (Worksheet.names): `ref` undefined once it is `#REF!`. */
  names: NameModel[] = [];
}

/** A sheet-scoped defined name. */
export interface NameModel {
  name: string;
  ref?: Area;
  /**
   * The sheet the name's cells are on when not its own: set by a test to play the user
   * cutting the named cells and pasting them on another sheet, the name following them as a
   * reference does (inferred).
   */
  refSheet?: string;
  visible: boolean;
  comment?: string;
}

/** A shift along rows (`r`) or columns (`c`): `count` lines at `from`, across the band `cross`. */
interface Shift {
  axis: 'r' | 'c';
  from: number;
  count: number;
  cross: [number, number];
  remove: boolean;
}

function shiftOf(area: Area, direction: 'Down' | 'Right' | 'Up' | 'Left'): Shift {
  const remove = direction === 'Up' || direction === 'Left';
  return direction === 'Down' || direction === 'Up'
    ? { axis: 'r', from: area.s.r, count: area.e.r - area.s.r + 1, cross: [area.s.c, area.e.c], remove }
    : { axis: 'c', from: area.s.c, count: area.e.c - area.s.c + 1, cross: [area.s.r, area.e.r], remove };
}

const limitOf = (move: Shift) => (move.axis === 'r' ? MAX_ROW : MAX_COLUMN);

/** Where a cell goes: undefined where it is deleted or pushed off the sheet. */
function movePoint(move: Shift, r: number, c: number): [number, number] | undefined {
  const [m, x] = move.axis === 'r' ? [r, c] : [c, r];
  if (x < move.cross[0] || x > move.cross[1] || m < move.from) return [r, c];
  let to: number;
  if (move.remove) {
    if (m < move.from + move.count) return undefined;
    to = m - move.count;
  } else to = m + move.count;
  if (to > limitOf(move)) return undefined;
  return move.axis === 'r' ? [to, c] : [r, to];
}

/** A line span [a, b] along the shift's axis as a reference follows it; undefined once all deleted. */
function moveSpan(move: Shift, a: number, b: number): [number, number] | undefined {
  const end = move.from + move.count;
  if (!move.remove) {
    if (a >= move.from) return a + move.count > limitOf(move) ? undefined : [a + move.count, Math.min(b + move.count, limitOf(move))];
    return b >= move.from ? [a, Math.min(b + move.count, limitOf(move))] : [a, b];
  }
  const first = a < move.from ? a : a >= end ? a - move.count : b >= end ? move.from : undefined;
  const last = b < move.from ? b : b >= end ? b - move.count : a < move.from ? move.from - 1 : undefined;
  return first === undefined || last === undefined ? undefined : [first, last];
}

/** An area whose width across the shift lies within the band, moved; 'beside' where it is not all within it. */
function moveArea(move: Shift, area: Area): Area | undefined | 'beside' {
  const [x0, x1] = move.axis === 'r' ? [area.s.c, area.e.c] : [area.s.r, area.e.r];
  if (x1 < move.cross[0] || x0 > move.cross[1]) return 'beside';
  if (x0 < move.cross[0] || x1 > move.cross[1]) return 'beside';
  const span = move.axis === 'r' ? moveSpan(move, area.s.r, area.e.r) : moveSpan(move, area.s.c, area.e.c);
  if (!span) return undefined;
  return move.axis === 'r'
    ? { s: { r: span[0], c: area.s.c }, e: { r: span[1], c: area.e.c } }
    : { s: { r: area.s.r, c: span[0] }, e: { r: area.e.r, c: span[1] } };
}

/** A conditional format's area: the band across the shift moved (or gone), the parts beside it kept. */
function moveBands(move: Shift, area: Area): string[] {
  const [x0, x1] = move.axis === 'r' ? [area.s.c, area.e.c] : [area.s.r, area.e.r];
  if (x1 < move.cross[0] || x0 > move.cross[1]) return [areaAddress(area)];
  const part = (from: number, to: number): Area =>
    move.axis === 'r'
      ? { s: { r: area.s.r, c: from }, e: { r: area.e.r, c: to } }
      : { s: { r: from, c: area.s.c }, e: { r: to, c: area.e.c } };
  const out: string[] = [];
  if (x0 < move.cross[0]) out.push(areaAddress(part(x0, move.cross[0] - 1)));
  const inside = moveArea(move, part(Math.max(x0, move.cross[0]), Math.min(x1, move.cross[1])));
  if (inside && inside !== 'beside') out.push(areaAddress(inside));
  if (x1 > move.cross[1]) out.push(areaAddress(part(move.cross[1] + 1, x1)));
  return out;
}

export class WorkbookModel {
  sheets: SheetModel[] = [];
  /** The sheet the user sees. */
  active = '';
  /** The sheet the API takes as active where that is not the one shown (see FakeExcel.spuriousActivations). */
  apiActive?: string;
  /** 审阅 → 保护工作簿: sheets cannot be added, deleted, renamed or hidden. */
  structureProtected = false;

  /** The active sheet as the API gives it. */
  get activeForApi(): string {
    return this.apiActive ?? this.active;
  }

  /** A sheet activated or selected: shown, and active to the API. */
  show(name: string): void {
    this.active = name;
    this.apiActive = undefined;
  }
  private nextId = 1;

  sheet(name: string): SheetModel | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  addSheet(name: string): SheetModel {
    if (this.sheet(name)) throw excelError('ItemAlreadyExists', `sheet ${name}`);
    const sheet = new SheetModel(name, `{sheet-${this.nextId++}}`);
    this.sheets.push(sheet);
    if (!this.active) this.active = name;
    return sheet;
  }

  newId(): string {
    return `{cf-${this.nextId++}}`;
  }

  get tables(): { name: string; range: string; style?: string }[] {
    return this.sheets.flatMap((s) => s.tables);
  }
}

// ── Recording ───────────────────────────────────────────────────────────────────────────

export interface CommandRecord {
  api: string;
  sheet?: string;
  address?: string;
  data?: unknown;
}

export interface BatchRecord {
  commands: CommandRecord[];
  requestBytes: number;
  responseBytes: number;
}

interface Command {
  record: CommandRecord;
  /** What the command sends, as serialized into the request. */
  data: unknown;
  run(): number | void;
}

export interface DoubleOptions {
  nullChain?: 'propagate' | 'throw';
  requestLimit?: number;
  responseLimit?: number;
  /** `getRanges` refuses longer addresses (Excel documents 8,192 characters for `getRange`). */
  maxAddressChars?: number;
  /** A host without `delayForCellEdit`: a batch fails while a cell is edited, whatever the option. */
  ignoreDelayForCellEdit?: boolean;
  /**
   * The highest ExcelApi set the host has: a command of a later set fails with ApiNotFound when
   * it runs, and `supports` says no to it
   * (https://learn.microsoft.com/en-us/office/dev/add-ins/develop/specify-api-requirements-runtime).
   */
  apiVersion?: string;
}

/** `1.10` > `1.9`: requirement-set versions compared part by part. */
function versionAbove(version: string, than: string): boolean {
  const [a1 = 0, a2 = 0] = version.split('.').map(Number);
  const [b1 = 0, b2 = 0] = than.split('.').map(Number);
  return a1 > b1 || (a1 === b1 && a2 > b2);
}

const FIVE_MB = 5 * 1024 * 1024;

export class FakeExcel {
  readonly model = new WorkbookModel();
  syncs = 0;
  readonly batches: BatchRecord[] = [];
  readonly apis = new Set<string>();
  readonly createdWorkbooks: string[] = [];
  readonly options: Required<DoubleOptions>;
  /** Commands still queued when a batch function returned (should never happen). */
  leftovers = 0;

  // ── What the user is doing (states a test switches on) ──
  /**
   * A chart or shape is selected: `getSelectedRange` fails with InvalidSelection ("by design",
   * https://github.com/OfficeDev/office-js/issues/2268; also https://github.com/OfficeDev/office-js/issues/8).
   * The double fails `getActiveCell` too: what Excel does there is not documented.
   */
  chartSelected = false;
  /**
   * Another workbook is in front (the user switched windows while Huizong works): adding,
   * loading and deleting worksheets fail with GeneralException
   * (https://github.com/OfficeDev/office-js/issues/771, fixed only in later builds).
   */
  otherWorkbookInFront = false;
  private elsewhere(what: string): void {
    if (this.otherWorkbookInFront)
      throw excelError('GeneralException', `There was an internal error while processing the request (${what}).`);
  }
  /** For the proxies: fails where another workbook is in front. */
  checkInFront(what: string): void {
    this.elsewhere(what);
  }
  /**
   * The user is typing in a cell: a batch run without `delayForCellEdit` fails with
   * InvalidOperationInCellEditMode; with it, the batch waits until the edit ends
   * (https://learn.microsoft.com/en-us/javascript/api/excel/excel.runoptions).
   */
  private editing?: { done: Promise<void>; finish: () => void };
  /**
   * Failures a test injects. `failSync(n)`: the n-th sync from now is refused whole, nothing
   * of it applied (Excel checks a request before running it: a rejected request changes
   * nothing, https://learn.microsoft.com/en-us/office/dev/add-ins/concepts/resource-limits-and-performance-optimization).
   * `failCommand(test, code)`: the first matching command fails with `code` when it runs; the commands before it
   * in the batch stay applied — a batch is not a transaction
   * (https://learn.microsoft.com/en-us/office/dev/add-ins/excel/excel-add-ins-core-concepts).
   */
  private failingSync?: number;
  private failingCommand?: (record: CommandRecord) => boolean;
  private failingCode = 'GeneralException';
  failSync(n: number): void {
    this.failingSync = this.syncs + n;
  }
  failCommand(test: (record: CommandRecord) => boolean, code = 'GeneralException'): void {
    this.failingCommand = test;
    this.failingCode = code;
  }
  /** The `RunOptions` each `Excel.run` was given, in order. */
  readonly runOptions: (Excel.RunOptions | undefined)[] = [];

  constructor(options: DoubleOptions = {}) {
    this.options = {
      nullChain: 'propagate',
      requestLimit: FIVE_MB,
      responseLimit: FIVE_MB,
      maxAddressChars: 8192,
      ignoreDelayForCellEdit: false,
      apiVersion: '1.9',
      ...options,
    };
  }

  host(): OfficeHost {
    return {
      run: async (batch, options) => {
        this.use('Excel.run');
        this.runOptions.push(options);
        const context = new FakeContext(this, options?.delayForCellEdit === true);
        const result = await batch(context as unknown as Excel.RequestContext);
        this.leftovers += context.queue.length;
        return result;
      },
      runIn: async (context, batch) => batch(context as unknown as Excel.RequestContext),
      createWorkbook: async (base64) => {
        this.use('Excel.createWorkbook');
        this.createdWorkbooks.push(base64);
      },
      supports: (name, version) => name === 'ExcelApi' && !versionAbove(version, this.options.apiVersion),
    };
  }

  /**
   * Sheets Excel took as active without the user seeing them: freezing panes on a sheet that is
   * not active fires WorksheetActivated for it and makes it the active sheet to the API, while
   * the user still sees the other (https://github.com/OfficeDev/office-js/issues/3148).
   */
  readonly spuriousActivations: string[] = [];

  use(api: string): void {
    this.apis.add(api);
  }

  /** Everything in the workbook, to tell "as it was" (the selection and active sheet aside). */
  fingerprint(): string {
    return JSON.stringify(
      this.model.sheets.map((sheet) => ({
        name: sheet.name,
        id: sheet.id,
        visibility: sheet.visibility,
        values: [...sheet.values],
        formats: [...sheet.numberFormats],
        styles: [...sheet.styles],
        validations: [...sheet.validations],
        merges: sheet.merges,
        tables: sheet.tables,
        conditionalFormats: sheet.conditionalFormats,
        names: sheet.names,
        charts: sheet.charts,
        frozen: sheet.frozen,
      })),
    );
  }

  /** Every command recorded, in order. */
  get commands(): CommandRecord[] {
    return this.batches.flatMap((b) => b.commands);
  }

  resetCounts(): void {
    this.syncs = 0;
    this.batches.length = 0;
  }

  /** A user edit: the values change and the sheet's onChanged handlers hear of it. */
  async edit(sheetName: string, address: string, rows: unknown[][]): Promise<void> {
    const sheet = this.model.sheet(sheetName)!;
    sheet.setValues(address, rows);
    for (const handler of sheet.handlers)
      await handler({ address, changeType: 'RangeEdited', source: 'Local', worksheetId: sheet.id, type: 'WorksheetChanged' });
  }

  /** The user clicks or moves to `address`: the sheet's onSelectionChanged handlers hear of it. */
  async select(sheetName: string, address: string): Promise<void> {
    const sheet = this.model.sheet(sheetName)!;
    sheet.selected = address;
    this.model.show(sheet.name);
    for (const handler of sheet.selectionHandlers)
      await handler({ address, worksheetId: sheet.id, type: 'WorksheetSelectionChanged', source: 'Local' });
  }

  /**
   * The user picks a value from the cell's drop-down list: the value changes, and onChanged does
   * NOT fire (Excel on the web: https://github.com/OfficeDev/office-js/issues/4066,
   * https://github.com/OfficeDev/office-js/issues/3888).
   */
  pickFromList(sheetName: string, address: string, value: unknown): void {
    this.model.sheet(sheetName)!.setValues(address, [[value]]);
  }

  /** The user starts typing in a cell (see `editing`). */
  startEditing(): void {
    if (this.editing) return;
    let finish = () => {};
    const done = new Promise<void>((resolve) => (finish = resolve));
    this.editing = { done, finish };
  }

  /** The user presses Enter: batches waiting for the edit go on. */
  finishEditing(): void {
    const editing = this.editing;
    this.editing = undefined;
    editing?.finish();
  }

  get isEditing(): boolean {
    return this.editing !== undefined;
  }

  async sync(context: FakeContext): Promise<void> {
    if (this.editing) {
      // https://learn.microsoft.com/en-us/javascript/api/excel/excel.runoptions (delayForCellEdit)
      if (!context.delayForCellEdit || this.options.ignoreDelayForCellEdit) {
        this.syncs++;
        context.queue.splice(0);
        throw excelError('InvalidOperationInCellEditMode', 'Excel is in cell-editing mode.');
      }
      await this.editing.done;
    }
    this.syncs++;
    const queue = context.queue.splice(0);
    const tracked = context.tracked.splice(0);
    const record: BatchRecord = {
      commands: queue.map((c) => c.record),
      requestBytes: requestBytesOf(queue),
      responseBytes: 0,
    };
    this.batches.push(record);
    await Promise.resolve();
    if (record.requestBytes > this.options.requestLimit)
      throw excelError('RequestPayloadSizeLimitExceeded', `${record.requestBytes} bytes`);
    if (this.failingSync === this.syncs) {
      this.failingSync = undefined;
      throw excelError('GeneralException', 'injected: the request was refused');
    }
    for (const command of queue) {
      const set = REQUIREMENT_SETS[command.record.api];
      if (set && versionAbove(set, this.options.apiVersion))
        throw excelError('ApiNotFound', `${command.record.api} is in ExcelApi ${set}, not in this Excel`);
      if (this.failingCommand?.(command.record)) {
        this.failingCommand = undefined;
        throw excelError(this.failingCode, `injected: ${command.record.api} failed`);
      }
      record.responseBytes += command.run() ?? 0;
    }
    for (const proxy of tracked) proxy.settleNull();
    if (record.responseBytes > this.options.responseLimit)
      throw excelError('ResponsePayloadSizeLimitExceeded', `${record.responseBytes} bytes`);
  }
}

// ── Proxies ─────────────────────────────────────────────────────────────────────────────

const NULL = Symbol('null');
type Resolved<T> = T | typeof NULL;

export class FakeContext {
  readonly queue: Command[] = [];
  readonly tracked: ProxyBase<unknown>[] = [];
  readonly workbook: WorkbookProxy;
  constructor(
    readonly fake: FakeExcel,
    readonly delayForCellEdit = false,
  ) {
    this.workbook = new WorkbookProxy(this);
  }
  sync(): Promise<void> {
    return this.fake.sync(this);
  }
  push(record: CommandRecord, run: () => number | void, data: unknown = record.data, register = true): CommandRecord {
    if (register) this.fake.use(record.api);
    this.queue.push({ record, data, run });
    return record;
  }
}

function notLoaded(what: string): Error {
  return excelError('PropertyNotLoaded', `${what} was not loaded and synced`);
}

abstract class ProxyBase<T> {
  protected loaded: Record<string, unknown> = {};
  private nullState?: boolean;
  constructor(
    readonly context: FakeContext,
    protected readonly orNull = false,
  ) {
    context.tracked.push(this as ProxyBase<unknown>);
  }
  /** The model object, NULL for a null object; throws where Excel would. */
  abstract resolve(): Resolved<T>;
  get isNullObject(): boolean {
    if (this.nullState === undefined) throw notLoaded('isNullObject');
    return this.nullState;
  }
  settleNull(): void {
    try {
      this.nullState = this.resolve() === NULL;
    } catch {
      this.nullState = undefined;
    }
  }
  protected get<V>(name: string): V {
    if (!(name in this.loaded)) throw notLoaded(name);
    return this.loaded[name] as V;
  }
  /** A child of a null object: a null object too, or a failed batch (see DoubleOptions.nullChain). */
  protected child<P>(parent: Resolved<P>, what: string): Resolved<P> {
    if (parent !== NULL) return parent;
    if (this.context.fake.options.nullChain === 'throw') throw excelError('ItemNotFound', `${what} of a null object`);
    return NULL;
  }
}

/** `protection` of a workbook (ExcelApi 1.7) or a worksheet (1.2): `protected` once loaded. */
class ProtectionProxy {
  private value?: boolean;
  constructor(
    readonly context: FakeContext,
    private readonly api: string,
    private readonly read: () => boolean | undefined,
  ) {}
  load(what: string): this {
    if (what !== 'protected') throw new Error(`the double loads protection.protected only, not ${what}`);
    this.context.push({ api: `${this.api}.load(protected)` }, () => {
      this.value = this.read();
      return 5;
    });
    return this;
  }
  get protected(): boolean {
    if (this.value === undefined) throw notLoaded('protection.protected');
    return this.value;
  }
}

class WorkbookProxy {
  readonly worksheets: WorksheetCollectionProxy;
  readonly tables: TableCollectionProxy;
  readonly protection: ProtectionProxy;
  constructor(readonly context: FakeContext) {
    context.fake.use('Workbook.worksheets');
    this.worksheets = new WorksheetCollectionProxy(context);
    this.tables = new TableCollectionProxy(context);
    this.protection = new ProtectionProxy(context, 'WorkbookProtection', () => context.fake.model.structureProtected);
  }
  /**
   * The selection: the active sheet's selected area (A1 when nothing was selected). Several
   * areas selected: "If there are multiple ranges selected, this method will throw an error"
   * (https://learn.microsoft.com/en-us/javascript/api/excel/excel.workbook#excel-excel-workbook-getselectedrange-member(1));
   * a chart selected: InvalidSelection (https://github.com/OfficeDev/office-js/issues/2268).
   * The code of the first error is not documented; the double uses InvalidSelection for both.
   */
  getSelectedRange(): RangeProxy {
    this.context.fake.use('Workbook.getSelectedRange');
    const sheet = this.worksheets.getActiveWorksheet();
    return new RangeProxy(
      this.context,
      sheet,
      (model) => {
        if (this.context.fake.chartSelected) throw excelError('InvalidSelection', 'The current selection is invalid for this operation.');
        const areas = (model.selected ?? 'A1').split(',');
        if (areas.length > 1) throw excelError('InvalidSelection', 'Multiple ranges are selected.');
        return parseArea(areas[0]!);
      },
      false,
      '(selection)',
    );
  }

  /**
   * The active cell (ExcelApi 1.7, https://learn.microsoft.com/en-us/javascript/api/excel/excel.workbook#excel-excel-workbook-getactivecell-member(1)):
   * one cell whatever the selection — here the first cell of the first selected area.
   */
  getActiveCell(): RangeProxy {
    this.context.fake.use('Workbook.getActiveCell');
    const sheet = this.worksheets.getActiveWorksheet();
    return new RangeProxy(
      this.context,
      sheet,
      (model) => {
        if (this.context.fake.chartSelected) throw excelError('InvalidSelection', 'The current selection is invalid for this operation.');
        const first = parseArea((model.selected ?? 'A1').split(',')[0]!);
        return { s: first.s, e: first.s };
      },
      false,
      '(active cell)',
    );
  }
}

class WorksheetCollectionProxy {
  private loadedItems?: WorksheetProxy[];
  constructor(readonly context: FakeContext) {}
  get model(): WorkbookModel {
    return this.context.fake.model;
  }
  getActiveWorksheet(): WorksheetProxy {
    this.context.fake.use('WorksheetCollection.getActiveWorksheet');
    return new WorksheetProxy(this.context, () => this.model.sheet(this.model.activeForApi) ?? NULL);
  }
  getItem(name: string): WorksheetProxy {
    this.context.fake.use('WorksheetCollection.getItem');
    return new WorksheetProxy(this.context, () => {
      const sheet = this.model.sheet(name);
      if (!sheet) throw excelError('ItemNotFound', `sheet ${name}`);
      return sheet;
    });
  }
  getItemOrNullObject(name: string): WorksheetProxy {
    this.context.fake.use('WorksheetCollection.getItemOrNullObject');
    return new WorksheetProxy(this.context, () => this.model.sheet(name) ?? NULL, true);
  }
  add(name: string): WorksheetProxy {
    this.context.push({ api: 'WorksheetCollection.add', sheet: name }, () => {
      this.context.fake.checkInFront('worksheets.add');
      structureWritable(this.model);
      this.model.addSheet(name);
    });
    return new WorksheetProxy(this.context, () => this.model.sheet(name) ?? NULL);
  }
  load(what: string): this {
    const withVisibility = what === 'items/name,items/id,items/visibility';
    const withIds = what === 'items/name,items/id' || withVisibility;
    if (what !== 'items/name' && !withIds)
      throw new Error(`the double loads items/name (and items/id, items/visibility) only, not ${what}`);
    this.context.push({ api: `WorksheetCollection.load(${what})` }, () => {
      this.loadedItems = this.model.sheets.map((sheet) => {
        const proxy = new WorksheetProxy(this.context, () => sheet);
        proxy.setLoaded('name', sheet.name);
        if (withIds) proxy.setLoaded('id', sheet.id);
        if (withVisibility) proxy.setLoaded('visibility', sheet.visibility);
        return proxy;
      });
      return bytesOf(
        this.model.sheets.map((s) =>
          withVisibility ? { name: s.name, id: s.id, visibility: s.visibility } : withIds ? { name: s.name, id: s.id } : s.name,
        ),
      );
    });
    return this;
  }
  get items(): WorksheetProxy[] {
    if (!this.loadedItems) throw notLoaded('items');
    return this.loadedItems;
  }
}

class TableCollectionProxy {
  private names?: string[];
  constructor(readonly context: FakeContext) {
    context.fake.use('Workbook.tables');
  }
  load(what: string): this {
    if (what !== 'items/name') throw new Error(`the double loads items/name only, not ${what}`);
    this.context.push({ api: 'TableCollection.load(items/name)' }, () => {
      this.names = this.context.fake.model.tables.map((t) => t.name);
      return bytesOf(this.names);
    });
    return this;
  }
  get items(): { name: string }[] {
    if (!this.names) throw notLoaded('items');
    return this.names.map((name) => ({ name }));
  }
}

class WorksheetProxy extends ProxyBase<SheetModel> {
  readonly tables: { add: (address: string, hasHeaders: boolean) => TableProxy };
  readonly freezePanes: { freezeAt: (range: RangeProxy | string) => void; freezeRows: (n: number) => void };
  readonly pageLayout: Record<string, unknown> & { setPrintTitleRows: (rows: string) => void };
  readonly onChanged: { add: (handler: (args: unknown) => Promise<unknown>) => EventRegistration };
  readonly onSelectionChanged: { add: (handler: (args: unknown) => Promise<unknown>) => EventRegistration };

  constructor(
    context: FakeContext,
    private readonly find: () => Resolved<SheetModel>,
    orNull = false,
  ) {
    super(context, orNull);
    const self = this;
    this.tables = {
      add: (address, hasHeaders) => {
        const table = new TableProxy(context);
        context.push({ api: 'TableCollection.add', address, data: { hasHeaders } }, () => {
          // "If the address does not contain a sheet name, the currently-active sheet is used"
          // (https://learn.microsoft.com/en-us/javascript/api/excel/excel.tablecollection#excel-excel-tablecollection-add-member(1)).
          const bang = address.lastIndexOf('!');
          const named =
            bang < 0
              ? undefined
              : address
                  .slice(0, bang)
                  .replace(/^'(.*)'$/, '$1')
                  .replace(/''/g, "'");
          const model = context.fake.model;
          const sheet = named === undefined ? model.sheet(model.activeForApi) : model.sheet(named);
          if (!sheet) throw excelError('ItemNotFound', `sheet of ${address}`);
          writable(sheet);
          const area = parseArea(address);
          for (const other of context.fake.model.sheets.filter((s) => s === sheet).flatMap((s) => s.tables)) {
            if (intersect(parseArea(other.range), area)) throw excelError('InvalidOperation', 'tables overlap');
          }
          const added = { name: `Table${context.fake.model.tables.length + 1}`, range: areaAddress(area) };
          sheet.tables.push(added);
          table.model = added;
        });
        return table;
      },
    };
    const freeze = (frozen: string) => {
      const sheet = writable(self.sheet());
      const model = context.fake.model;
      if (model.active !== sheet.name) {
        model.apiActive = sheet.name;
        context.fake.spuriousActivations.push(sheet.name);
      }
      sheet.frozen = frozen;
    };
    this.freezePanes = {
      freezeAt: (range) => {
        const address = typeof range === 'string' ? range : range.addressForRecord();
        context.push({ api: 'Worksheet.freezePanes.freezeAt', address }, () => freeze(address));
      },
      freezeRows: (n) => context.push({ api: 'Worksheet.freezePanes.freezeRows', data: n }, () => freeze(`rows:${n}`)),
    };
    const layout = (name: string) => ({
      set(value: unknown) {
        context.push({ api: `Worksheet.pageLayout.${name}`, data: value }, () => {
          // Fit to pages in one direction alone is not taken when the Page Layout tab is not the
          // one selected (https://github.com/OfficeDev/office-js/issues/1860: "Scale to Fit > Width
          // does not get set"); the double refuses it always. That both directions given together
          // are taken is inferred: the issue does not try it.
          const zoom = value as { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
          if (
            name === 'zoom' &&
            zoom.scale === undefined &&
            (zoom.horizontalFitToPages === undefined) !== (zoom.verticalFitToPages === undefined)
          )
            return;
          writable(self.sheet()).pageLayout[name] = value;
        });
      },
      configurable: true,
    });
    this.pageLayout = Object.defineProperties(
      {
        setPrintTitleRows: (rows: string) =>
          context.push(
            { api: 'Worksheet.pageLayout.setPrintTitleRows', data: rows },
            () => void (self.sheet().pageLayout.printTitleRows = rows),
          ),
      },
      { orientation: layout('orientation'), paperSize: layout('paperSize'), zoom: layout('zoom') },
    ) as WorksheetProxy['pageLayout'];
    this.onChanged = {
      add: (handler) => {
        const registration = new EventRegistration(context, this, handler);
        context.push({ api: 'Worksheet.onChanged' }, () => void self.sheet().handlers.push(handler));
        return registration;
      },
    };
    this.onSelectionChanged = {
      add: (handler) => {
        const registration = new EventRegistration(context, this, handler);
        context.push({ api: 'Worksheet.onSelectionChanged' }, () => void self.sheet().selectionHandlers.push(handler));
        return registration;
      },
    };
  }

  resolve(): Resolved<SheetModel> {
    return this.find();
  }

  private protectionProxy?: ProtectionProxy;
  /** A null sheet reads as not protected. */
  get protection(): ProtectionProxy {
    return (this.protectionProxy ??= new ProtectionProxy(this.context, 'WorksheetProtection', () => {
      const sheet = this.resolve();
      return sheet === NULL ? false : sheet.protected;
    }));
  }

  /** The sheet, where a command needs one. */
  sheet(): SheetModel {
    const sheet = this.resolve();
    if (sheet === NULL) throw excelError('ItemNotFound', 'a null worksheet');
    return sheet;
  }

  setLoaded(name: string, value: unknown): void {
    this.loaded[name] = value;
  }

  get name(): string {
    return this.get('name');
  }

  /** Renames the sheet (the proxy keeps pointing at the same sheet only where it was found by object, not by name). */
  set name(value: string) {
    this.context.push({ api: 'Worksheet.name', sheet: value }, () => {
      structureWritable(this.context.fake.model);
      const sheet = this.sheet();
      const other = this.context.fake.model.sheet(value);
      if (other && other !== sheet) throw excelError('ItemAlreadyExists', `sheet ${value}`);
      if (this.context.fake.model.active === sheet.name) this.context.fake.model.active = value;
      if (this.context.fake.model.apiActive === sheet.name) this.context.fake.model.apiActive = value;
      sheet.name = value;
    });
  }

  get id(): string {
    return this.get('id');
  }

  /** Excel refuses to delete the last visible sheet. */
  delete(): void {
    const record = this.context.push({ api: 'Worksheet.delete' }, () => {
      this.context.fake.checkInFront('worksheet.delete');
      structureWritable(this.context.fake.model);
      const sheet = this.sheet();
      record.sheet = sheet.name;
      const model = this.context.fake.model;
      if (sheet.visibility === 'Visible' && !model.sheets.some((s) => s !== sheet && s.visibility === 'Visible'))
        throw excelError('InvalidOperation', 'the last visible sheet cannot be deleted');
      model.sheets = model.sheets.filter((s) => s !== sheet);
      if (model.active === sheet.name) model.active = model.sheets.find((s) => s.visibility === 'Visible')?.name ?? '';
      if (model.apiActive === sheet.name) model.apiActive = undefined;
    });
  }

  get charts(): { add: (type: string, source: RangeProxy, seriesBy?: string) => ChartProxy } {
    this.context.fake.use('Worksheet.charts');
    return { add: (type, source, seriesBy) => new ChartProxy(this.context, this, type, source, seriesBy) };
  }

  get autoFilter(): { apply: (range: RangeProxy | string) => void } {
    return {
      apply: (range) => {
        const address = typeof range === 'string' ? range : range.addressForRecord();
        this.context.push(
          { api: 'Worksheet.autoFilter.apply', address },
          () => void (writable(this.sheet()).autoFilter = areaAddress(parseArea(address))),
        );
      },
    };
  }

  set visibility(value: string) {
    this.context.push({ api: 'Worksheet.visibility', data: value }, () => {
      structureWritable(this.context.fake.model);
      this.sheet().visibility = value;
    });
  }

  /** As loaded through `WorksheetCollection.load(…items/visibility)`. */
  get visibility(): string {
    return this.get('visibility');
  }

  load(what: string): this {
    if (what === 'id') {
      this.context.push({ api: 'Worksheet.load(id)' }, () => {
        this.context.fake.checkInFront('worksheet.load');
        const sheet = this.resolve();
        if (sheet !== NULL) this.loaded.id = sheet.id;
        return bytesOf(sheet === NULL ? null : sheet.id);
      });
      return this;
    }
    if (what !== 'name') throw new Error(`the double loads a worksheet's name only, not ${what}`);
    this.context.push({ api: 'Worksheet.load(name)' }, () => {
      this.context.fake.checkInFront('worksheet.load');
      // Loading a null object's own properties is the documented pattern: no error.
      const sheet = this.resolve();
      if (sheet !== NULL) this.loaded.name = sheet.name;
      return bytesOf(sheet === NULL ? null : sheet.name);
    });
    return this;
  }

  getRange(address?: string): RangeProxy {
    this.context.fake.use('Worksheet.getRange');
    return new RangeProxy(
      this.context,
      this,
      () => (address === undefined ? { s: { r: 0, c: 0 }, e: { r: MAX_ROW, c: MAX_COLUMN } } : parseArea(address)),
      false,
      address ?? '(sheet)',
    );
  }

  getRanges(address: string): RangeAreasProxy {
    this.context.fake.use('Worksheet.getRanges');
    return new RangeAreasProxy(this.context, this, address);
  }

  getRangeByIndexes(r: number, c: number, rows: number, columns: number): RangeProxy {
    this.context.fake.use('Worksheet.getRangeByIndexes');
    const area = { s: { r, c }, e: { r: r + rows - 1, c: c + columns - 1 } };
    return new RangeProxy(this.context, this, () => area, false, areaAddress(area));
  }

  getUsedRange(valuesOnly?: boolean): RangeProxy {
    this.context.fake.use(valuesOnly ? 'Worksheet.getUsedRange(valuesOnly)' : 'Worksheet.getUsedRange');
    return new RangeProxy(this.context, this, (sheet) => sheet.used(!!valuesOnly) ?? { s: { r: 0, c: 0 }, e: { r: 0, c: 0 } });
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    this.context.fake.use('Worksheet.getUsedRangeOrNullObject');
    return new RangeProxy(this.context, this, (sheet) => sheet.used(!!valuesOnly) ?? NULL, true);
  }

  /** Names scoped to this sheet (ExcelApi 1.4). */
  get names(): NamedItemCollectionProxy {
    this.context.fake.use('Worksheet.names');
    return new NamedItemCollectionProxy(this.context, this);
  }

  activate(): void {
    this.context.push({ api: 'Worksheet.activate' }, () => this.context.fake.model.show(this.sheet().name));
  }
}

/**
 * A name as Excel takes it: a letter, `_` or a backslash first, then letters, digits, `_` and `.`; not
 * a cell reference, TRUE or FALSE; at most 255 characters ([MS-OI29500] 2.1.867,
 * https://learn.microsoft.com/en-us/openspecs/office_standards/ms-oi29500/1399f3cb-927c-4611-96ee-666143a8be35;
 * ECMA-376 Part 1 §18.17.2.5). Names are not case-sensitive, and one scope holds a name once
 * (the same section). Names starting with `_xl` are Excel's own ([MS-OI29500] 2.1.568 (m),
 * https://learn.microsoft.com/en-us/openspecs/office_standards/ms-oi29500/16c3c118-f358-493d-a99f-4c85ca834c00).
 * The error codes are inferred.
 */
function checkName(name: string, taken: readonly NameModel[]): void {
  const bad =
    name.length > 255 ||
    !/^[\p{L}_\\][\p{L}\p{Nd}_.]*$/u.test(name) ||
    /^(TRUE|FALSE)$/i.test(name) ||
    /^[A-Za-z]{1,3}\d+$/.test(name) ||
    /^R\d*C\d*$/i.test(name) ||
    /^[RC]$/i.test(name) ||
    /^_xl/i.test(name);
  if (bad) throw excelError('InvalidArgument', `not a valid name: ${name}`);
  if (taken.some((n) => n.name.toLowerCase() === name.toLowerCase())) throw excelError('ItemAlreadyExists', `name ${name}`);
}

/** `Sheet1!$D$5:$D$9`, as NamedItem.value gives a named range's address (the sheet quoted where it must be). */
function nameValue(sheet: SheetModel, area: Area): string {
  const quoted = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet.name) ? sheet.name : `'${sheet.name.replace(/'/g, "''")}'`;
  const cell = (r: number, c: number) => `$${columnName(c)}$${r + 1}`;
  const from = cell(area.s.r, area.s.c);
  const to = cell(area.e.r, area.e.c);
  return `${quoted}!${from === to ? from : `${from}:${to}`}`;
}

/** `Worksheet.names`: the sheet's names, added, loaded (name, type, value) and deleted. */
class NamedItemCollectionProxy {
  private loadedItems?: NamedItemProxy[];
  constructor(
    readonly context: FakeContext,
    private readonly host: WorksheetProxy,
  ) {}

  /** Adds a name for a Range of this sheet (the double takes a Range, not a formula). */
  add(name: string, reference: RangeProxy | string, comment?: string): NamedItemProxy {
    if (typeof reference === 'string') throw new Error('the double names a Range, not a formula');
    const item = new NamedItemProxy(this.context, this.host, () => undefined);
    const record = this.context.push(
      { api: 'NamedItemCollection.add', address: reference.addressForRecord(), data: { name, comment } },
      () => {
        // Refused on a protected sheet as other writes are: inferred, no reference or issue
        // says so for names.
        const sheet = writable(this.host.sheet());
        record.sheet = sheet.name;
        const [target] = reference.targets();
        if (target!.sheet !== sheet) throw new Error('the double names ranges of the sheet itself only');
        checkName(name, sheet.names);
        const model: NameModel = { name, ref: target!.area, visible: true };
        if (comment !== undefined) model.comment = comment;
        sheet.names.push(model);
        item.model = model;
      },
    );
    return item;
  }

  load(what: string): this {
    const api = `NamedItemCollection.load(${what.replace(/\s+/g, '')})`;
    if (api !== 'NamedItemCollection.load(items/name,items/type,items/value)')
      throw new Error(`the double loads names' name,type,value only, not ${what}`);
    this.context.push({ api }, () => {
      const sheet = this.host.sheet();
      this.loadedItems = sheet.names.map((model) => {
        const item = new NamedItemProxy(this.context, this.host, () => model);
        item.model = model;
        // A named range's value is its address; a name whose cells are all deleted is an error
        // `#REF!` (https://learn.microsoft.com/en-us/javascript/api/excel/excel.nameditem#excel-excel-nameditem-value-member,
        // https://learn.microsoft.com/en-us/javascript/api/excel/excel.nameditemtype).
        const on = model.refSheet === undefined ? sheet : this.context.fake.model.sheet(model.refSheet)!;
        item.loadedState = model.ref ? { type: 'Range', value: nameValue(on, model.ref) } : { type: 'Error', value: '#REF!' };
        return item;
      });
      return bytesOf(this.loadedItems.map((i) => ({ name: i.model!.name, ...i.loadedState })));
    });
    return this;
  }

  get items(): NamedItemProxy[] {
    if (!this.loadedItems) throw notLoaded('items');
    return this.loadedItems;
  }
}

class NamedItemProxy {
  model?: NameModel;
  loadedState?: { type: string; value: string };
  constructor(
    readonly context: FakeContext,
    private readonly host: WorksheetProxy,
    private readonly find: () => NameModel | undefined,
  ) {}

  private item(): NameModel {
    const model = this.model ?? this.find();
    if (!model || !this.host.sheet().names.includes(model)) throw excelError('ItemNotFound', 'a name not there');
    return model;
  }

  get name(): string {
    if (!this.loadedState) throw notLoaded('name');
    return this.model!.name;
  }
  get type(): string {
    if (!this.loadedState) throw notLoaded('type');
    return this.loadedState.type;
  }
  get value(): string {
    if (!this.loadedState) throw notLoaded('value');
    return this.loadedState.value;
  }

  /**
   * Setting `visible` on a name of type Error (`#REF!`) fails with InvalidArgument in current
   * builds (https://github.com/OfficeDev/office-js/issues/5174, https://github.com/OfficeDev/office-js/issues/5882).
   * Hiding a name may also not take (https://github.com/OfficeDev/office-js/issues/3878,
   * https://github.com/OfficeDev/office-js/issues/3949): the double takes it, and nothing of
   * Huizong's depends on a name being hidden.
   */
  set visible(value: boolean) {
    this.context.push({ api: 'NamedItem.visible', data: value }, () => {
      const model = this.item();
      if (!model.ref) throw excelError('InvalidArgument', `name ${model.name} is #REF!`);
      model.visible = value;
    });
  }

  delete(): void {
    this.context.push({ api: 'NamedItem.delete' }, () => {
      const model = this.item();
      // Refused on a protected sheet: inferred, as for NamedItemCollection.add.
      const sheet = writable(this.host.sheet());
      sheet.names = sheet.names.filter((n) => n !== model);
    });
  }
}

class EventRegistration {
  constructor(
    readonly context: FakeContext,
    private readonly sheet: WorksheetProxy,
    private readonly handler: (args: unknown) => Promise<unknown>,
  ) {}
  remove(): void {
    this.context.push({ api: 'EventHandlerResult.remove' }, () => {
      const sheet = this.sheet.sheet();
      sheet.handlers = sheet.handlers.filter((h) => h !== this.handler);
      sheet.selectionHandlers = sheet.selectionHandlers.filter((h) => h !== this.handler);
    });
  }
}

class TableProxy {
  model?: { name: string; range: string; style?: string };
  constructor(readonly context: FakeContext) {}
  set name(value: string) {
    this.context.push({ api: 'Table.name', data: value }, () => {
      if (this.context.fake.model.tables.some((t) => t !== this.model && t.name.toLowerCase() === value.toLowerCase()))
        throw excelError('InvalidArgument', `table name ${value} taken`);
      this.model!.name = value;
    });
  }
  set style(value: string) {
    this.context.push({ api: 'Table.style', data: value }, () => void (this.model!.style = value));
  }
}

interface RangeTarget {
  sheet: SheetModel;
  area: Area;
}

/** Common to Range and RangeAreas: the areas a command acts on. */
abstract class AreasProxy extends ProxyBase<RangeTarget[]> {
  abstract readonly kind: 'Range' | 'RangeAreas';
  targets(): RangeTarget[] {
    const targets = this.resolve();
    if (targets === NULL) throw excelError('ItemNotFound', 'a null range');
    return targets;
  }
  /** The areas, for a command that changes them (refused on a protected sheet). */
  writeTargets(): RangeTarget[] {
    const targets = this.targets();
    for (const { sheet } of targets) writable(sheet);
    return targets;
  }
  get conditionalFormats(): ConditionalFormatCollectionProxy {
    this.context.fake.use(`${this.kind}.conditionalFormats`);
    return new ConditionalFormatCollectionProxy(this.context, this);
  }
  private validationProxy?: DataValidationProxy;
  get dataValidation(): DataValidationProxy {
    return (this.validationProxy ??= new DataValidationProxy(this.context, this));
  }
  abstract addressForRecord(): string;
}

/**
 * Shifting part of the sheet is refused where a table or merged cells in the way reach out of
 * the shifted band (Excel.ErrorCodes InsertDeleteConflict, MergedRangeConflict:
 * https://learn.microsoft.com/en-us/javascript/api/excel/excel.errorcodes). Whole rows (A:XFD)
 * or whole columns shift with everything in them.
 */
function refuseConflicts(sheet: SheetModel, area: Area, shift: 'Down' | 'Right' | 'Up' | 'Left'): void {
  const down = shift === 'Down' || shift === 'Up';
  const inWay: Area = down ? { s: area.s, e: { r: MAX_ROW, c: area.e.c } } : { s: area.s, e: { r: area.e.r, c: MAX_COLUMN } };
  const sticksOut = (other: Area) =>
    intersect(other, inWay) !== undefined &&
    (down ? other.s.c < area.s.c || other.e.c > area.e.c : other.s.r < area.s.r || other.e.r > area.e.r);
  if (sheet.tables.some((t) => sticksOut(parseArea(t.range))))
    throw excelError('InsertDeleteConflict', 'The insert or delete operation attempted resulted in a conflict.');
  if (sheet.merges.some((m) => sticksOut(parseArea(m))))
    throw excelError('MergedRangeConflict', 'Cannot merge cells or insert through merged cells.');
}

class RangeProxy extends AreasProxy {
  readonly kind = 'Range' as const;
  constructor(
    context: FakeContext,
    private readonly worksheet: WorksheetProxy,
    private readonly locate: (sheet: SheetModel) => Resolved<Area>,
    orNull = false,
    private readonly label?: string,
  ) {
    super(context, orNull);
  }

  resolve(): Resolved<RangeTarget[]> {
    const sheet = this.child(this.worksheet.resolve(), 'range');
    if (sheet === NULL) return NULL;
    const area = this.locate(sheet);
    return area === NULL ? NULL : [{ sheet, area }];
  }

  private one(): RangeTarget {
    return this.targets()[0]!;
  }

  private writeOne(): RangeTarget {
    return this.writeTargets()[0]!;
  }

  /** The address asked for (`getRange`); a derived range is named once resolved. */
  addressForRecord(): string {
    return this.label ?? '(derived)';
  }

  load(what: string): this {
    const names = what.split(',').map((n) => n.trim());
    for (const name of names) this.context.fake.use(`Range.load(${name})`);
    const record = this.context.push(
      { api: `Range.load(${names.join(',')})` },
      () => {
        const resolved = this.resolve();
        if (resolved === NULL) return 0;
        const { sheet, area } = resolved[0]!;
        record.sheet = sheet.name;
        record.address = areaAddress(area);
        let bytes = 0;
        for (const name of names) {
          let value: unknown;
          switch (name) {
            case 'address':
              value = `${sheet.name}!${areaAddress(area)}`;
              break;
            case 'rowCount':
              value = area.e.r - area.s.r + 1;
              break;
            case 'columnCount':
              value = area.e.c - area.s.c + 1;
              break;
            case 'values':
            case 'numberFormat': {
              const rows: unknown[][] = [];
              const map = name === 'values' ? sheet.values : sheet.numberFormats;
              const fallback = name === 'values' ? '' : 'General';
              if (cellCount(area) > 5_000_000) throw excelError('ResponsePayloadSizeLimitExceeded', 'too many cells');
              for (let r = area.s.r; r <= area.e.r; r++) {
                const row: unknown[] = [];
                for (let c = area.s.c; c <= area.e.c; c++) row.push(map.get(key(r, c)) ?? fallback);
                rows.push(row);
              }
              value = rows;
              break;
            }
            default:
              throw new Error(`the double does not load Range.${name}`);
          }
          this.loaded[name] = value;
          bytes += bytesOf(value);
        }
        return bytes;
      },
      null,
      false,
    );
    return this;
  }

  get address(): string {
    return this.get('address');
  }
  get rowCount(): number {
    return this.get('rowCount');
  }
  get columnCount(): number {
    return this.get('columnCount');
  }
  get values(): unknown[][] {
    return this.get('values');
  }
  get numberFormat(): unknown[][] {
    return this.get('numberFormat');
  }

  private write(api: string, rows: unknown[][], apply: (sheet: SheetModel, r: number, c: number, v: unknown) => void): void {
    const record = this.context.push({ api, address: this.addressForRecord(), data: rows }, () => {
      const { sheet, area } = this.writeOne();
      record.address = areaAddress(area);
      record.sheet = sheet.name;
      const height = area.e.r - area.s.r + 1;
      const width = area.e.c - area.s.c + 1;
      if (rows.length !== height || rows.some((row) => row.length !== width))
        throw excelError('InvalidArgument', `${api}: ${rows.length}×${rows[0]?.length} for ${areaAddress(area)}`);
      rows.forEach((row, i) => row.forEach((v, j) => apply(sheet, area.s.r + i, area.s.c + j, v)));
    });
  }

  /**
   * Text is taken as if typed, by the cell's number format: into a text cell (`@`) as written,
   * a leading `'` included; elsewhere `'` marks text and goes, digits become a number (leading
   * zeros lost), a month-day or a date becomes a date serial
   * (https://learn.microsoft.com/en-us/office/troubleshoot/excel/long-numbers-incorrectly-in-excel;
   * that Range.values parses text as typing does is inferred, not stated in the API reference).
   */
  set values(rows: unknown[][]) {
    this.write('Range.values', rows, (sheet, r, c, v) =>
      sheet.setValue(r, c, typedInput(v, sheet.numberFormats.get(key(r, c)) ?? 'General')),
    );
  }
  set numberFormat(rows: unknown[][]) {
    // One format as a 1×1 array applies to every cell of the range (documented for numberFormat).
    if (rows.length === 1 && rows[0]!.length === 1) {
      const format = String(rows[0]![0]);
      const record = this.context.push({ api: 'Range.numberFormat', address: this.addressForRecord(), data: rows }, () => {
        const { sheet, area } = this.writeOne();
        record.address = areaAddress(area);
        record.sheet = sheet.name;
        for (const [r, c] of cells(area)) sheet.numberFormats.set(key(r, c), format);
      });
      return;
    }
    this.write('Range.numberFormat', rows, (sheet, r, c, v) => sheet.numberFormats.set(key(r, c), String(v)));
  }

  get format(): StyleNode {
    return styleNode(this.context, this, []);
  }

  merge(across?: boolean): void {
    this.context.push({ api: 'Range.merge', address: this.addressForRecord(), data: { across } }, () => {
      const { sheet, area } = this.writeOne();
      sheet.merges.push(areaAddress(area));
    });
  }

  clear(applyTo?: string): void {
    this.context.push({ api: 'Range.clear', address: this.addressForRecord(), data: applyTo }, () => {
      const { sheet, area } = this.writeOne();
      for (const [r, c] of cells(area)) {
        sheet.values.delete(key(r, c));
        if (applyTo !== 'Contents') {
          sheet.styles.delete(key(r, c));
          sheet.numberFormats.delete(key(r, c));
        }
      }
    });
  }

  insert(shift: string): RangeProxy {
    this.context.push({ api: 'Range.insert', address: this.addressForRecord(), data: shift }, () => {
      if (shift !== 'Down' && shift !== 'Right') throw excelError('InvalidArgument', `insert shift ${shift}`);
      const { sheet, area } = this.writeOne();
      refuseConflicts(sheet, area, shift);
      sheet.shift(area, shift);
    });
    return new RangeProxy(this.context, this.worksheet, (sheet) => this.locate(sheet), false, this.label);
  }

  /** Deletes the range's cells, the others pulled Up or Left (DeleteShiftDirection, ExcelApi 1.1). */
  delete(shift: string): void {
    this.context.push({ api: 'Range.delete', address: this.addressForRecord(), data: shift }, () => {
      if (shift !== 'Up' && shift !== 'Left') throw excelError('InvalidArgument', `delete shift ${shift}`);
      const { sheet, area } = this.writeOne();
      refuseConflicts(sheet, area, shift);
      sheet.shift(area, shift);
    });
  }

  select(): void {
    this.context.push({ api: 'Range.select', address: this.addressForRecord() }, () => {
      const { sheet, area } = this.one();
      sheet.selected = areaAddress(area);
      this.context.fake.model.show(sheet.name);
    });
  }

  getIntersectionOrNullObject(other: RangeProxy): RangeProxy {
    this.context.fake.use('Range.getIntersectionOrNullObject');
    return new RangeProxy(
      this.context,
      this.worksheet,
      () => {
        const area = intersect(this.one().area, other.one().area);
        return area ?? NULL;
      },
      true,
    );
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    this.context.fake.use('Range.getUsedRangeOrNullObject');
    return new RangeProxy(
      this.context,
      this.worksheet,
      (sheet) => {
        const within = this.locate(sheet);
        if (within === NULL) return NULL;
        return sheet.used(!!valuesOnly, within) ?? NULL;
      },
      true,
    );
  }
}

class RangeAreasProxy extends AreasProxy {
  readonly kind = 'RangeAreas' as const;
  constructor(
    context: FakeContext,
    private readonly worksheet: WorksheetProxy,
    readonly address: string,
  ) {
    super(context);
  }
  resolve(): Resolved<RangeTarget[]> {
    if (this.address.length > this.context.fake.options.maxAddressChars)
      throw excelError('InvalidArgument', `getRanges address of ${this.address.length} characters`);
    const sheet = this.child(this.worksheet.resolve(), 'range areas');
    if (sheet === NULL) return NULL;
    return this.address.split(/\s*[,;]\s*/).map((a) => ({ sheet, area: parseArea(a) }));
  }
  addressForRecord(): string {
    return this.address;
  }
  get format(): StyleNode {
    this.context.fake.use('RangeAreas.format');
    return styleNode(this.context, this as unknown as RangeProxy, []);
  }
}

type StyleNode = Record<string, unknown> & { getItem?: (side: string) => StyleNode };

/** `range.format.fill.color = …` and the like: each assignment a command on every cell (or column, row). */
function styleNode(context: FakeContext, owner: RangeProxy, path: string[]): StyleNode {
  return new Proxy({} as StyleNode, {
    get(_, prop: string) {
      if (prop === 'getItem' && path[path.length - 1] === 'borders') return (side: string) => styleNode(context, owner, [...path, side]);
      if (['fill', 'font', 'borders'].includes(prop)) return styleNode(context, owner, [...path, prop]);
      throw new Error(`the double cannot read format.${[...path, prop].join('.')}`);
    },
    set(_, prop: string, value: unknown) {
      const apiPath = path.map((p, i) => (path[i - 1] === 'borders' ? 'getItem' : p));
      const api = `RangeFormat.${[...apiPath, prop].join('.')}`;
      const record = context.push({ api, address: owner.addressForRecord(), data: value }, () => {
        for (const { sheet, area } of owner.writeTargets()) {
          record.sheet = sheet.name;
          if (prop === 'columnWidth') for (let c = area.s.c; c <= area.e.c; c++) sheet.columnWidths.set(columnName(c), value as number);
          else if (prop === 'rowHeight') for (let r = area.s.r; r <= area.e.r; r++) sheet.rowHeights.set(r + 1, value as number);
          else {
            const name = [...path, prop].join('.');
            for (const [r, c] of cells(area)) {
              const k = key(r, c);
              sheet.styles.set(k, { ...(sheet.styles.get(k) ?? {}), [name]: value });
            }
          }
        }
      });
      return true;
    },
  });
}

/** Excel's limits on a validation's texts ([MS-XLSB] 2.5.37 DValStrings, https://learn.microsoft.com/en-us/openspecs/office_file_formats/ms-xlsb/b8894965-c186-4bba-8a0b-8ec2a37a1cbe; [MS-OI29500] 2.1.613, https://learn.microsoft.com/en-us/openspecs/office_standards/ms-oi29500/0114969a-4859-443e-ae3e-0c1fdebfcc64, says 224 for the error text in .xlsx). */
export const DV_LIMITS = { promptTitle: 32, prompt: 255, errorTitle: 32, error: 225, inlineList: 255 } as const;

/** `{ list: … }` → `List`, as Excel.DataValidationType names it. */
function ruleType(rule: unknown): string {
  if (rule === null || rule === undefined) return 'None';
  const kind = Object.keys(rule as object)[0] ?? 'custom';
  return kind.charAt(0).toUpperCase() + kind.slice(1);
}

class DataValidationProxy {
  private loaded: { type?: string; rule?: unknown } = {};
  private wasLoaded = false;
  constructor(
    readonly context: FakeContext,
    private readonly owner: AreasProxy,
  ) {}

  /** What the texts of `value` may not pass, and a list source that must resolve now. */
  private check(name: keyof ValidationModel, value: unknown): void {
    const long = (text: unknown, limit: number, what: string) => {
      if (typeof text === 'string' && text.length > limit)
        throw excelError('InvalidArgument', `${what} of ${text.length} characters (at most ${limit})`);
    };
    if (name === 'prompt') {
      const prompt = value as { title?: string; message?: string };
      long(prompt.title, DV_LIMITS.promptTitle, 'prompt title');
      long(prompt.message, DV_LIMITS.prompt, 'prompt message');
    }
    if (name === 'errorAlert') {
      const alert = value as { title?: string; message?: string };
      long(alert.title, DV_LIMITS.errorTitle, 'error alert title');
      long(alert.message, DV_LIMITS.error, 'error alert message');
    }
    const list = name === 'rule' ? (value as { list?: { source?: unknown } }).list : undefined;
    if (list && typeof list.source === 'string') {
      const source = list.source;
      if (!source.startsWith('=')) long(source, DV_LIMITS.inlineList, 'inline list source');
      else {
        // A reference is parsed when the rule is set (https://learn.microsoft.com/en-us/javascript/api/excel/excel.listdatavalidation):
        // a sheet not (yet) there makes it an invalid formula. Inferred, not stated on that page.
        const match = /^='?((?:[^'!]|'')+)'?!/.exec(source);
        if (match && !this.context.fake.model.sheet(match[1]!.replace(/''/g, "'")))
          throw excelError('InvalidArgument', `list source ${source} refers to a sheet that is not there`);
      }
    }
  }

  private assign(name: keyof ValidationModel, value: unknown): void {
    const api = `${this.owner.kind}.dataValidation.${name}`;
    const record = this.context.push({ api, address: this.owner.addressForRecord(), data: value }, () => {
      const targets = this.owner.writeTargets();
      record.sheet = targets[0]?.sheet.name;
      this.check(name, value);
      const rules = new Set<string>();
      for (const { sheet, area } of targets)
        for (const [r, c] of cells(area)) rules.add(JSON.stringify(sheet.validations.get(key(r, c))?.rule ?? null));
      // RangeAreas.dataValidation is null unless every area has the same rule
      // (https://learn.microsoft.com/en-us/office/dev/add-ins/excel/excel-add-ins-multiple-ranges):
      // setting anything through it fails.
      if (this.owner.kind === 'RangeAreas' && rules.size > 1)
        throw excelError('GeneralException', `RangeAreas.dataValidation is null over mixed rules at ${this.owner.addressForRecord()}`);
      // A Range whose cells have different rules (type Inconsistent) takes no common prompt:
      // Excel's own dialog refuses such a selection. Not documented for the API.
      if (name === 'prompt' && rules.size > 1)
        throw excelError('InvalidOperation', `prompt over different validation rules at ${this.owner.addressForRecord()}`);
      for (const { sheet, area } of targets) {
        for (const [r, c] of cells(area)) {
          const k = key(r, c);
          sheet.validations.set(k, { ...(sheet.validations.get(k) ?? {}), [name]: value });
        }
      }
    });
  }

  /** `type` (Inconsistent over cells with different rules, https://learn.microsoft.com/en-us/javascript/api/excel/excel.datavalidationtype) and `rule`. */
  load(what: string): this {
    if (this.owner.kind !== 'Range' || what !== 'type,rule')
      throw new Error(`the double loads a Range's dataValidation type,rule only, not ${what}`);
    this.context.push({ api: 'DataValidation.load(type,rule)', address: this.owner.addressForRecord() }, () => {
      const rules = new Map<string, unknown>();
      for (const { sheet, area } of this.owner.targets())
        for (const [r, c] of cells(area)) {
          const rule = sheet.validations.get(key(r, c))?.rule ?? null;
          rules.set(JSON.stringify(rule), rule);
        }
      const [only] = [...rules.values()];
      this.loaded = rules.size > 1 ? { type: 'Inconsistent', rule: null } : { type: ruleType(only), rule: only ?? null };
      this.wasLoaded = true;
      return bytesOf(this.loaded);
    });
    return this;
  }
  get type(): string {
    if (!this.wasLoaded) throw notLoaded('dataValidation.type');
    return this.loaded.type!;
  }
  get rule(): unknown {
    if (!this.wasLoaded) throw notLoaded('dataValidation.rule');
    return this.loaded.rule;
  }
  set rule(value: unknown) {
    this.assign('rule', value);
  }
  set prompt(value: unknown) {
    this.assign('prompt', value);
  }
  set errorAlert(value: unknown) {
    this.assign('errorAlert', value);
  }
  set ignoreBlanks(value: unknown) {
    this.assign('ignoreBlanks', value);
  }
}

class ConditionalFormatCollectionProxy {
  private loadedItems?: ConditionalFormatProxy[];
  constructor(
    readonly context: FakeContext,
    private readonly owner: AreasProxy,
  ) {}

  add(type: string): ConditionalFormatProxy {
    const format = new ConditionalFormatProxy(this.context);
    const record = this.context.push({ api: 'ConditionalFormatCollection.add', address: this.owner.addressForRecord(), data: type }, () => {
      const targets = this.owner.writeTargets();
      record.sheet = targets[0]?.sheet.name;
      const model: ConditionalFormatModel = { id: this.context.fake.model.newId(), type, areas: targets.map((t) => areaAddress(t.area)) };
      targets[0]!.sheet.conditionalFormats.push(model);
      format.model = model;
    });
    return format;
  }

  load(what: string): this {
    const api = `ConditionalFormatCollection.load(${what.replace(/\s+/g, '')})`;
    this.context.push({ api }, () => {
      const targets = this.owner.targets();
      const sheet = targets[0]!.sheet;
      const found = sheet.conditionalFormats.filter((cf) => cf.areas.some((a) => targets.some((t) => intersect(parseArea(a), t.area))));
      if (/rule/.test(what) && found.some((cf) => cf.unreadable))
        throw excelError('GeneralException', 'This operation is not permitted for the current object.');
      // `items/custom/…` over formats of other types fails; `customOrNullObject` is the way
      // (https://github.com/OfficeDev/office-js/issues/2180).
      if (/items\/custom\//.test(what) && found.some((cf) => cf.type !== 'Custom'))
        throw excelError('InvalidOperation', 'This operation is not permitted for the current object.');
      this.loadedItems = found.map((model) => {
        const proxy = new ConditionalFormatProxy(this.context);
        proxy.model = model;
        proxy.loadedType = model.type;
        return proxy;
      });
      return bytesOf(found.map((m) => ({ type: m.type, formula: m.formula })));
    });
    return this;
  }

  get items(): ConditionalFormatProxy[] {
    if (!this.loadedItems) throw notLoaded('items');
    return this.loadedItems;
  }
}

class ConditionalFormatProxy {
  model?: ConditionalFormatModel;
  loadedType?: string;
  constructor(readonly context: FakeContext) {}

  get type(): string {
    if (this.loadedType === undefined) throw notLoaded('type');
    return this.loadedType;
  }

  /** As loaded: null unless a custom format. */
  get customOrNullObject(): { isNullObject: boolean; rule: { formula: string } } {
    if (this.loadedType === undefined) throw notLoaded('customOrNullObject');
    const model = this.model!;
    return { isNullObject: model.type !== 'Custom', rule: { formula: model.formula ?? '' } };
  }

  private ruleFormula?: string;
  get custom(): {
    rule: Record<string, unknown> & { load: (what: string) => void; readonly formula: string };
    format: { fill: Record<string, unknown> };
  } {
    const context = this.context;
    const self = this;
    return {
      rule: {
        set formula(value: string) {
          context.push({ api: 'ConditionalFormat.custom.rule.formula', data: value }, () => void (self.model!.formula = value));
        },
        get formula(): string {
          if (self.ruleFormula === undefined) throw notLoaded('custom.rule.formula');
          return self.ruleFormula;
        },
        load(what: string) {
          if (what !== 'formula') throw new Error(`the double loads a custom rule's formula only, not ${what}`);
          context.push({ api: 'ConditionalFormatRule.load(formula)' }, () => {
            const model = self.model!;
            if (model.unreadable) throw excelError('GeneralException', 'This operation is not permitted for the current object.');
            if (model.type !== 'Custom') throw excelError('InvalidOperation', 'not a custom conditional format');
            self.ruleFormula = model.formula ?? '';
            return bytesOf(self.ruleFormula);
          });
        },
      },
      format: {
        fill: {
          set color(value: string) {
            context.push({ api: 'ConditionalFormat.custom.format.fill.color', data: value }, () => void (self.model!.fill = value));
          },
        },
      },
    };
  }

  /** The areas the format applies to now (ExcelApi 1.9): `address` once loaded, each area with its sheet. */
  getRanges(): { load: (what: string) => { readonly address: string } } {
    const context = this.context;
    const self = this;
    context.fake.use('ConditionalFormat.getRanges');
    let address: string | undefined;
    const areas = {
      get address(): string {
        if (address === undefined) throw notLoaded('address');
        return address;
      },
    };
    return {
      load(what: string) {
        if (what !== 'address') throw new Error(`the double loads a format's ranges' address only, not ${what}`);
        context.push({ api: 'RangeAreas.load(address)' }, () => {
          const sheet = context.fake.model.sheets.find((s) => s.conditionalFormats.includes(self.model!));
          if (!sheet) throw excelError('ItemNotFound', 'a conditional format not there');
          address = self.model!.areas.map((a) => nameValue(sheet, parseArea(a)).replace(/\$/g, '')).join(',');
          return bytesOf(address);
        });
        return areas;
      },
    };
  }

  delete(): void {
    this.context.push({ api: 'ConditionalFormat.delete' }, () => {
      for (const sheet of this.context.fake.model.sheets)
        if (sheet.conditionalFormats.includes(this.model!))
          writable(sheet).conditionalFormats = sheet.conditionalFormats.filter((cf) => cf !== this.model);
    });
  }
}

// ── Charts (the roll-up's chart) ────────────────────────────────────────────────────────

function rangeName(range: RangeProxy): string {
  const { sheet, area } = range.targets()[0]!;
  return `${sheet.name}!${areaAddress(area)}`;
}

class ChartProxy {
  model?: ChartModel;
  private readonly host: WorksheetProxy;
  readonly title: { text: string };
  readonly legend: { position: string };
  readonly series: { getItemAt: (index: number) => ChartSeriesProxy; add: (name?: string) => ChartSeriesProxy };

  constructor(
    readonly context: FakeContext,
    host: WorksheetProxy,
    type: string,
    source: RangeProxy,
    seriesBy?: string,
  ) {
    this.host = host;
    const self = this;
    const record = context.push({ api: 'ChartCollection.add', address: source.addressForRecord(), data: { type, seriesBy } }, () => {
      const sheet = host.sheet();
      record.sheet = sheet.name;
      const { sheet: from, area } = source.targets()[0]!;
      const series: ChartModel['series'] = [];
      // Series by columns: one per column of the source holding anything; a source all blank
      // gives a chart without series, and getItemAt(0) then fails (ItemNotFound). Not stated in
      // the reference (https://learn.microsoft.com/en-us/javascript/api/excel/excel.chartcollection#excel-excel-chartcollection-add-member(1)); from the review in issue 12.
      for (let c = area.s.c; c <= area.e.c; c++) {
        let filled = false;
        for (let r = area.s.r; r <= area.e.r && !filled; r++) filled = from.values.has(key(r, c));
        if (filled) series.push({ values: `${from.name}!${areaAddress({ s: { r: area.s.r, c }, e: { r: area.e.r, c } })}` });
      }
      const model: ChartModel = { type, source: `${from.name}!${areaAddress(area)}`, series };
      if (seriesBy !== undefined) model.seriesBy = seriesBy;
      sheet.charts.push(model);
      self.model = model;
    });
    this.title = Object.defineProperty({} as { text: string }, 'text', {
      set(value: string) {
        context.push({ api: 'Chart.title.text', data: value }, () => void (self.chart().title = value));
      },
    });
    this.legend = Object.defineProperty({} as { position: string }, 'position', {
      set(value: string) {
        context.push({ api: 'Chart.legend.position', data: value }, () => void (self.chart().legend = value));
      },
    });
    this.series = {
      getItemAt: (index) => {
        context.fake.use('ChartSeriesCollection.getItemAt');
        return new ChartSeriesProxy(context, () => {
          const series = self.chart().series[index];
          if (!series) throw excelError('ItemNotFound', `series ${index}`);
          return series;
        });
      },
      add: (name) => {
        let added: ChartModel['series'][number] | undefined;
        context.push({ api: 'ChartSeriesCollection.add', data: name }, () => {
          added = name === undefined ? {} : { name };
          self.chart().series.push(added);
        });
        return new ChartSeriesProxy(context, () => added!);
      },
    };
  }

  chart(): ChartModel {
    if (!this.model) throw excelError('ItemNotFound', 'a chart not added');
    return this.model;
  }

  set name(value: string) {
    this.context.push({ api: 'Chart.name', data: value }, () => void (this.chart().name = value));
  }

  setPosition(from: string, to?: string): void {
    this.context.push({ api: 'Chart.setPosition', data: { from, to } }, () => {
      this.host.sheet();
      this.chart().position = to === undefined ? { from } : { from, to };
    });
  }
}

class ChartSeriesProxy {
  constructor(
    readonly context: FakeContext,
    private readonly find: () => ChartModel['series'][number],
  ) {}
  set name(value: string) {
    this.context.push({ api: 'ChartSeries.name', data: value }, () => void (this.find().name = value));
  }
  setValues(range: RangeProxy): void {
    this.context.push(
      { api: 'ChartSeries.setValues', address: range.addressForRecord() },
      () => void (this.find().values = rangeName(range)),
    );
  }
  setXAxisValues(range: RangeProxy): void {
    this.context.push(
      { api: 'ChartSeries.setXAxisValues', address: range.addressForRecord() },
      () => void (this.find().xValues = rangeName(range)),
    );
  }
}
