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
import { META_SHEET, marksRecordPairs, readMarksRecord, readRollupSheetsRecord, storedFormFor, templateLastRow, withRecord, withRollupRecord, type MarksRecord, type RollupSheetsRecord } from '../core/meta/records';
import { RANGES_LIMIT, chunkAreas, columnOf, compressCells, expandAreas, parseRange, promptGroups } from '../core/plan/markPlan';
import type { RosterSheetPlan } from '../core/plan/rosterSheetPlan';
import type { MarkPlan, MarkSeverity, RowWritePlan, SheetSnapshot, TemplatePlan } from '../core/plan/types';
import type { RollupSheetNames, RollupSheetRole, RollupSheetsPlan } from '../core/plan/types';
import { columnName } from '../core/table/grid';
import type { CellValue } from '../core/values/types';
import { Batch, COMMAND_OVERHEAD, errorCode, isFinal, isPayloadError, isSelectionError, payloadBytes, REQUEST_BUDGET, runOptions } from './batch';
import { createChangeBatcher, type DebounceOptions } from './debounce';
import type { CallOptions, ExcelGateway, WorkbookSheet } from './gateway';
import { FONT, headerStyle, thinBorders, uniqueName, widthInPoints } from './layout';
import { metaAll, metaHead, metaKeys, metaPairs, PartlyWritten, putBack, syncWithMeta, writeMeta } from './meta';
import { BLOCK_CELLS, FORMAT_BOX, formatsOf, originOf, readUsedValues, rowOfSelection } from './readSheets';
import { queueRollupChart, queueRollupSheet, VALUES_BLOCK } from './rollupSheets';

// The names tests, scripts and the pane import from here stay where they were.
export { Batch, COMMAND_OVERHEAD, payloadBytes, REQUEST_BUDGET } from './batch';
export { marksKey, marksRecordPairs, readMarksRecord, readRollupSheetsRecord, ROLLUP_SHEETS_KEY, type MarksRecord, type RollupSheetsRecord } from '../core/meta/records';
export { PartlyWritten } from './meta';
export { BLOCK_CELLS, FORMAT_COLUMNS, FORMAT_ROWS, rowOfSelection } from './readSheets';
export { rowBlocks, VALUES_BLOCK } from './rollupSheets';
export { widthInPoints } from './layout';

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

// ── Payload ─────────────────────────────────────────────────────────────────────────────

// ── Reading ─────────────────────────────────────────────────────────────────────────────

// ── Writing helpers ─────────────────────────────────────────────────────────────────────

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

const LIST_INLINE_LIMIT = 255;

// ── Other sheets of the workbook (roster, units' tables pasted in) ─────────────────────

// ── Putting back after a failure ────────────────────────────────────────────────────────

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
