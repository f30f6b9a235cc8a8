/**
 * The only code that talks to Office.js: the `ExcelGateway` built on `Excel.run`, within
 * ExcelApi 1.9 (the manifest's requirement). Each method reads what it needs in one batch,
 * leaves the computing to the pure core, and applies the result in one batch; the number of
 * `context.sync()` calls of each method is written beside it and does not depend on the
 * number of rows, except where a batch would pass Excel on the web's 5 MB request limit (see
 * `Batch`).
 *
 * The gateway is a composition: the appliers and reads live beside it — batch.ts (request
 * budget), meta.ts (`_huizong` through Office.js, putting back after a failure), marks.ts
 * (校验本表 / 清除标记), rollupApplier.ts (写入汇总) with rollupSheets.ts (the roll-up's sheets
 * and chart), readSheets.ts, layout.ts — and the pure `_huizong` records in
 * core/meta/records.ts.
 */
import {
  readLastYearSheet,
  readMarksRecord,
  readNoticeMaterials,
  readRollupSheetsRecord,
  storedFormFor,
  withLastYearSheet,
  withNoticeMaterials,
} from '../core/meta/records';
import type { MaterialId } from '../core/notice/materials';
import { RANGES_LIMIT, parseRange } from '../core/plan/markPlan';
import type { RosterSheetPlan } from '../core/plan/rosterSheetPlan';
import type { MarkPlan, RowWritePlan, SheetSnapshot, TemplatePlan } from '../core/plan/types';
import type { NoticeSheetsPlan } from '../core/plan/noticeSheetsPlan';
import type { RollupSheetNames, RollupSheetsPlan } from '../core/plan/types';
import { columnName } from '../core/table/grid';
import type { CellValue } from '../core/values/types';
import { Batch, isPayloadError, isSelectionError, REQUEST_BUDGET, runOptions, withShrinkingBudget } from './batch';
import { createChangeBatcher, type DebounceOptions } from './debounce';
import type { CallOptions, ExcelGateway, WorkbookSheet } from './gateway';
import { FONT, headerStyle, thinBorders, uniqueName, widthInPoints } from './layout';
import { metaHead, metaKeys, metaPairs, syncWithMeta, writeMeta } from './meta';
import { BLOCK_CELLS, FORMAT_BOX, formatsOf, originOf, readUsedValues, rowOfSelection } from './readSheets';
import { writeRollup } from './rollupApplier';
import { marksApplier } from './marks';
import { applyRow } from './row';
import { applyTemplate } from './template';
import { watchLeftCell } from './leftCellWatch';
import { PRINT_SETUP_SET, queueFreeze } from './printSetup';
import { queueProtection, refuseProtected, type ProtectionRead } from './protection';

// The names tests, scripts and the pane import from here stay where they were.
export { Batch, COMMAND_OVERHEAD, payloadBytes, REQUEST_BUDGET } from './batch';
export {
  marksKey,
  marksRecordPairs,
  readMarksRecord,
  readRollupSheetsRecord,
  ROLLUP_SHEETS_KEY,
  type MarksRecord,
  type RollupSheetsRecord,
} from '../core/meta/records';
export { PartlyWritten } from './meta';
export { BLOCK_CELLS, FORMAT_COLUMNS, FORMAT_ROWS, rowOfSelection } from './readSheets';
export { rowBlocks, VALUES_BLOCK } from './rollupSheets';
export { widthInPoints } from './layout';
export { isHuizongMark, MARK_FILLS, MARK_FORMULAS } from './marks';
export { splitAtRow } from './markAreas';

/** What the gateway needs of Office.js; `Excel` itself by default, a test double in tests. */
export interface OfficeHost {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>, options?: Excel.RunOptions): Promise<T>;
  /** `Excel.run` on the context of an earlier batch (to remove an event handler). */
  runIn<T>(context: OfficeExtension.ClientRequestContext, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  createWorkbook(base64: string): Promise<void>;
  /** Whether the host has a requirement set (`Office.context.requirements.isSetSupported`); taken as yes when missing. */
  supports?(name: string, version: string): boolean;
}

export function excelHost(): OfficeHost {
  return {
    run: (batch, options) => (options ? Excel.run(options, batch) : Excel.run(batch)),
    runIn: (context, batch) => Excel.run(context, batch),
    createWorkbook: (base64) => Excel.createWorkbook(base64),
    supports: (name, version) => Office.context.requirements.isSetSupported(name, version),
  };
}

export interface GatewayOptions {
  host?: OfficeHost;
  /** Bytes queued before a batch is sent early (Excel on the web refuses requests over 5 MB). */
  requestBudget?: number;
  /** How much one `getRanges` call is given. */
  rangesLimit?: { chars: number; areas: number };
  /** Hidden names 校验本表 adds per sheet at most (see MARK_NAMES_LIMIT). */
  markNames?: number;
  debounce?: DebounceOptions;
}

// ── The gateway ─────────────────────────────────────────────────────────────────────────

export function createOfficeGateway(options: GatewayOptions = {}): ExcelGateway {
  const host = options.host ?? excelHost();
  const budget = options.requestBudget ?? REQUEST_BUDGET;
  const limit = options.rangesLimit ?? RANGES_LIMIT;
  const marks = marksApplier(budget, limit, options.markNames);
  // Asked when a sheet is written, Office being ready by then; a host that cannot say is taken to have it.
  const printable = () => {
    try {
      return host.supports?.(PRINT_SETUP_SET.name, PRINT_SETUP_SET.version) ?? true;
    } catch {
      return true;
    }
  };

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
          // The marks record in the rows read: where the marking that follows looks for the earlier marks.
          marks.remember(snapshot.sheet, readMarksRecord(metaPairs(meta), snapshot.sheet));
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
          const block = sheet.getRangeByIndexes(
            bounds.s.r + top,
            bounds.s.c,
            Math.min(rowsPerBlock, used.rowCount - top),
            used.columnCount,
          );
          block.load('values');
          await context.sync();
          values.push(...(block.values as CellValue[][]));
        }
        const snapshot: SheetSnapshot = {
          sheet: sheet.name,
          values,
          numberFormats: formatsOf(formats),
          origin: `${columnName(bounds.s.c)}${bounds.s.r + 1}`,
        };
        const storedForm = storedFormFor(metaPairs(meta), snapshot.sheet);
        if (storedForm) snapshot.storedForm = storedForm;
        return snapshot;
      }, runOptions(call));
    },

    /** See template.ts: 2 syncs whatever the template's size (more only past the request budget). */
    async createTemplate(plan: TemplatePlan): Promise<void> {
      // A request refused as too large: the template is taken back (or said partly written) and
      // built again in smaller requests.
      await host.run((context) => withShrinkingBudget(budget, (current) => applyTemplate(context, plan, current, printable())));
    },

    /** 1 sync (see syncWithMeta). */
    async readNoticeMaterials(): Promise<MaterialId[] | undefined> {
      return host.run(async (context) => {
        const { meta } = await syncWithMeta(context, () => undefined, metaKeys);
        return readNoticeMaterials(metaPairs(meta));
      });
    },

    /** 2 syncs: `_huizong`'s keys read, then written back with the materials. */
    async writeNoticeMaterials(materials: readonly MaterialId[]): Promise<void> {
      await host.run(async (context) => {
        const { main, meta } = await syncWithMeta(context, () => queueProtection(context), metaKeys);
        refuseProtected(main, undefined, !meta.exists);
        const batch = new Batch(context, budget);
        await writeMeta(batch, meta, withNoticeMaterials(metaPairs(meta), materials));
        await batch.sync();
      });
    },

    /** 1 sync (see syncWithMeta). */
    async readLastYearSheet(): Promise<string | undefined> {
      return host.run(async (context) => {
        const { meta } = await syncWithMeta(context, () => undefined, metaKeys);
        return readLastYearSheet(metaPairs(meta));
      });
    },

    /** 2 syncs: `_huizong`'s keys read, then written back with last year's sheet. */
    async writeLastYearSheet(sheet: string | undefined): Promise<void> {
      await host.run(async (context) => {
        const { meta } = await syncWithMeta(context, () => undefined, metaKeys);
        const batch = new Batch(context, budget);
        await writeMeta(batch, meta, withLastYearSheet(metaPairs(meta), sheet));
        await batch.sync();
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
        refuseProtected(await syncedProtection(context), undefined, true);
        const name = uniqueName(
          plan.sheetName,
          sheets.items.map((s) => s.name),
          31,
          (base, n) => `${base}(${n})`,
        );
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
          if (validation.kind === 'list' && validation.options?.length)
            rule = { list: { inCellDropDown: true, source: validation.options.join(',') } };
          else if (validation.kind === 'date')
            rule = { date: { formula1: validation.from ?? '2000-01-01', formula2: validation.to ?? '2099-12-31', operator: 'Between' } };
          if (rule) {
            target.dataValidation.ignoreBlanks = true;
            target.dataValidation.rule = rule;
          }
          if (validation.prompt)
            target.dataValidation.prompt = { showPrompt: true, title: validation.prompt.title, message: validation.prompt.message };
          if (validation.error)
            target.dataValidation.errorAlert = {
              showAlert: true,
              style: 'Stop',
              title: validation.error.title,
              message: validation.error.message,
            };
        }
        queueFreeze(sheet, plan.freeze);
        sheet.getRange(plan.select).select();
        await batch.sync();
        return name;
      });
    },

    /** No sync: `Excel.createWorkbook` (ExcelApi 1.8) opens the file as a new workbook. */
    async openWorkbook(base64: string): Promise<void> {
      await host.createWorkbook(base64);
    },

    /** See marks.ts: 2 syncs (3 with the snapshot read). */
    async applyMarks(plan: MarkPlan, call?: CallOptions): Promise<void> {
      await host.run((context) => marks.apply(context, plan), runOptions(call));
    },

    /** 2 syncs: as applyMarks, without new marks. */
    async clearMarks(sheetName: string): Promise<void> {
      await host.run((context) => marks.clear(context, sheetName));
    },

    /** See row.ts: 1 sync (2 where a partial shift is refused). */
    async writeRow(plan: RowWritePlan): Promise<void> {
      await host.run((context) => applyRow(context, plan));
    },

    /**
     * 3 syncs (see "The roll-up's sheets" above), one more per further ~4 MB of commands:
     * at most 4 for 10,000 activity rows. Where Excel refuses a read through the missing
     * `_huizong` instead of giving a null object, the first read takes 1 more (syncWithMeta).
     */
    async writeRollupSheets(plan: RollupSheetsPlan | NoticeSheetsPlan): Promise<RollupSheetNames> {
      // A request refused as too large changed nothing, and what came before it is put back:
      // the sheets are written again in smaller requests.
      return host.run((context) => withShrinkingBudget(budget, (current) => writeRollup(context, plan, current, limit, printable)));
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
     * 1 sync to register `worksheet.onChanged` and `onSelectionChanged` (ExcelApi 1.7), 1 to
     * remove them. Edits are gathered (debounce.ts) and handed on as one address list once the
     * sheet is quiet; a cell left with a value picked from its drop-down, which fires no
     * onChanged on the web, is handed on the same way (leftCellWatch.ts: 1 small sync per move).
     */
    async onSheetChanged(sheetName: string, handler: (address: string) => void): Promise<() => Promise<void>> {
      const batcher = createChangeBatcher(handler, options.debounce);
      const watch = watchLeftCell(
        (cells) =>
          host.run(
            async (context) => {
              const sheet = context.workbook.worksheets.getItem(sheetName);
              const ranges = cells.map((cell) => sheet.getRange(cell).load('values'));
              await context.sync();
              return ranges.map((range) => range.values[0]?.[0]);
            },
            runOptions({ automatic: true }),
          ),
        (cell) => batcher.push(cell),
      );
      const registrations = await host.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem(sheetName);
        const changed = sheet.onChanged.add(async (event) => {
          watch.reported(event.address);
          batcher.push(event.address);
        });
        const moved = sheet.onSelectionChanged.add(async (event) => {
          await watch.moved(event.address);
        });
        await context.sync();
        return [changed, moved];
      });
      let removed = false;
      return async () => {
        if (removed) return;
        removed = true;
        watch.stop();
        batcher.cancel();
        await host.runIn(registrations[0]!.context, async (context) => {
          for (const registration of registrations) registration.remove();
          await context.sync();
        });
      };
    },
  };
}

/** Sends what is queued with a read of the workbook's protection. */
async function syncedProtection(context: Excel.RequestContext): Promise<ProtectionRead> {
  const read = queueProtection(context);
  await context.sync();
  return read;
}
