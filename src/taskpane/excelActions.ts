/**
 * The pane's Excel side: each action reads a snapshot through the gateway, lets the pure core
 * compute a plan, and applies it through the gateway ("snapshot in, commands out").
 * Components get these functions and never touch Office.js.
 */
import { formTitle, type CompiledForm } from '../core/definitions/compile';
import type { Lang } from '../core/definitions/types';
import { countBySeverity, makeIssue, type Issue } from '../core/issues/issue';
import { markPlan, rowWritePlan } from '../core/plan/markPlan';
import { rosterSheetPlan } from '../core/plan/rosterSheetPlan';
import { templatePlan } from '../core/plan/templatePlan';
import { parseRoster } from '../core/rollup/roster';
import type { MaterialId } from '../core/notice/materials';
import type { NoticeResult } from '../core/notice/types';
import type { Roster, RollupResult } from '../core/rollup/types';
import { locateTable, rankForms } from '../core/table/locate';
import { validateTable, type TableReport } from '../core/validate/table';
import { validateCard } from '../core/validate/card';
import { validateGrids } from '../core/validate/workbook';
import { locateCard } from '../core/table/card';
import type { CallOptions, ExcelGateway, WorkbookSheet } from '../excel/gateway';
import { errorText, isCellEditError } from '../excel/officeErrors';
import { snapshotGrid } from '../excel/snapshotGrid';
import { toBase64 } from './fileIO';
import type { SheetCheck } from './sheetCheck';
import { workbookSourceName, type WorkbookGrid } from './rollup/protocol';

/** A row as the entry form holds it: field id → value. */
type EntryData = Record<string, unknown>;

export interface ExcelActions {
  createTemplate(form: CompiledForm, year: number): Promise<void>;
  openWorkbook(bytes: Uint8Array): Promise<void>;
  /** Checks the active sheet, marks it, and from then on re-checks it after edits. */
  checkSheet(forms: CompiledForm[], lang: Lang): Promise<SheetCheck>;
  /** Results of re-checks after edits (the pane shows the newest). */
  onRecheck(listener: (check: SheetCheck) => void): () => void;
  clearMarks(): Promise<void>;
  selectCell(issue: Issue): Promise<void>;
  /** Appends a row to the form's table on the active sheet, or updates row `row`; false when there is no such table. */
  saveRow(form: CompiledForm, forms: CompiledForm[], data: EntryData, row?: number): Promise<boolean>;
  /** The data row the selection is on, read as the form reads it; undefined when the selection is not on a data row. */
  readSelectedRow(form: CompiledForm, forms: CompiledForm[]): Promise<{ row: number; data: EntryData } | undefined>;
  writeRollup(result: RollupResult, form: CompiledForm, lang: Lang): Promise<void>;
  /** The notice's ticked materials remembered in the workbook (undefined when never saved). */
  readNoticeMaterials(): Promise<MaterialId[] | undefined>;
  writeNoticeMaterials(materials: readonly MaterialId[]): Promise<void>;
  /** The sheet picked as last year's roll-up, remembered in the workbook (undefined when none). */
  readLastYearSheet(): Promise<string | undefined>;
  writeLastYearSheet(sheet: string | undefined): Promise<void>;
  /** Writes the whole notice's sheets into the open workbook, replacing an earlier run's; all or nothing. */
  writeNotice(result: NoticeResult, forms: readonly CompiledForm[], lang: Lang, unit?: string): Promise<void>;
  /**
   * Selects what issue `index` of the last roll-up written is about: its cell (or row) on the
   * sheet of this workbook it came from (a unit's table pasted in, the roster sheet), else its
   * row in 问题清单.
   */
  selectRollupIssue(index: number): Promise<void>;
  /** The workbook's sheets, for the roll-up's pickers (1 sync). */
  listSheets(): Promise<WorkbookSheet[]>;
  /** The grids of the sheets to roll up and the roster sheet, read in ONE sync; the roster parsed. */
  readWorkbookSources(
    sheets: readonly string[],
    rosterSheet: string | undefined,
    lang: Lang,
  ): Promise<{ sheets: WorkbookGrid[]; roster?: Roster }>;
  /** Adds a blank 单位名单 sheet (2 syncs); gives the name it got (`单位名单(2)` where 单位名单 is taken). */
  createRosterSheet(lang: Lang): Promise<string>;
}

const summaryText = {
  'zh-CN': (sheet: string, form: string, rows: number, errors: number, warnings: number) =>
    errors + warnings === 0
      ? `工作表“${sheet}”：${form}，${rows} 行数据，没有发现问题。`
      : `工作表“${sheet}”：${form}，${rows} 行数据，${errors} 个错误，${warnings} 个警告。出错的单元格已标红，需核对的标黄。`,
  en: (sheet: string, form: string, rows: number, errors: number, warnings: number) =>
    errors + warnings === 0
      ? `Sheet "${sheet}": ${form}, ${rows} data rows, no problems.`
      : `Sheet "${sheet}": ${form}, ${rows} data rows, ${errors} errors, ${warnings} warnings. Cells with errors are marked red, cells to check amber.`,
};

export function excelActions(gateway: ExcelGateway): ExcelActions {
  let checkedSheet: string | undefined;
  let issuesSheet: string | undefined;
  let lastForms: { forms: CompiledForm[]; lang: Lang } | undefined;
  /** Issues of the last roll-up written, and the sheets of this workbook it read, by source name. */
  let rollupIssues: readonly Issue[] = [];
  const sourceSheets = new Map<string, string>();
  let stopWatching: (() => Promise<void>) | undefined;
  const listeners = new Set<(check: SheetCheck) => void>();

  /** The table of the active sheet: by the form stored with a template, else by its labels. */
  async function activeTable(forms: readonly CompiledForm[], call?: CallOptions) {
    const snapshot = await gateway.readActiveSheet(call);
    const grid = snapshotGrid(snapshot);
    const stored = forms.filter((f) => f.def.id === snapshot.storedForm);
    const table = (stored.length ? locateTable(grid, stored) : undefined) ?? locateTable(grid, forms);
    return { snapshot, grid, table };
  }

  async function check(forms: CompiledForm[], lang: Lang, call?: CallOptions): Promise<SheetCheck> {
    const { snapshot, grid, table } = await activeTable(forms, call);
    let checked: { form: CompiledForm; report: TableReport } | undefined = table && {
      form: table.form,
      report: validateTable(grid, table, { lang }),
    };
    if (!checked) {
      // A unit's vertical card (spec, "vertically") is checked as its one row, marked at its cells.
      const search = locateCard(grid, forms);
      if (search.card) checked = { form: search.card.form, report: validateCard(grid, search.card, { lang }) };
      else {
        // Why no card: the same words as 校验 of a file (workbook.ts).
        const why = validateGrids(snapshot.sheet, [grid], forms, { lang }).issues[0];
        if (why && why.code !== 'table.not-found') return { ok: false, message: why.message };
        const best = rankForms(grid, forms)[0]?.form;
        const labels = best
          ? best.fields
              .filter((f) => f.required)
              .slice(0, 3)
              .map((f) => f.label)
              .join('”“')
          : '';
        return { ok: false, message: makeIssue({ code: 'table.not-found', params: { labels } }, lang).message };
      }
    }
    const { report } = checked;
    const form = checked.form;
    for (const issue of report.issues) issue.sheet = snapshot.sheet;
    await gateway.applyMarks(markPlan(report, 'A1', form.def), call);
    const { errors, warnings } = countBySeverity(report.issues);
    if (checkedSheet !== snapshot.sheet) {
      await stopWatching?.();
      checkedSheet = snapshot.sheet;
      // After the first check, edits re-check the sheet (the gateway debounces them).
      stopWatching = await gateway.onSheetChanged(snapshot.sheet, () => {
        if (!lastForms) return;
        const { lang: recheckLang } = lastForms;
        // Automatic: it waits while a cell is being typed in; where Excel cannot wait (older
        // hosts), the edit that ends will fire another re-check, so this one is dropped quietly.
        void check(lastForms.forms, recheckLang, { automatic: true }).then(
          (result) => listeners.forEach((listener) => listener(result)),
          (error: unknown) => {
            if (isCellEditError(error)) return;
            listeners.forEach((listener) => listener({ ok: false, message: errorText(error, recheckLang) }));
          },
        );
      });
    }
    return {
      ok: true,
      issues: report.issues,
      summary: summaryText[lang](snapshot.sheet, formTitle(form, lang), report.rows.length, errors, warnings),
    };
  }

  return {
    createTemplate: (form, year) => gateway.createTemplate(templatePlan(form, year)),
    openWorkbook: (bytes) => gateway.openWorkbook(toBase64(bytes)),
    async checkSheet(forms, lang) {
      lastForms = { forms, lang };
      return check(forms, lang);
    },
    onRecheck(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async clearMarks() {
      const sheet = checkedSheet ?? (await gateway.readActiveSheet()).sheet;
      await stopWatching?.();
      stopWatching = undefined;
      checkedSheet = undefined;
      lastForms = undefined;
      await gateway.clearMarks(sheet);
    },
    async selectCell(issue) {
      if (issue.cell) await gateway.selectCell(issue.sheet ?? checkedSheet ?? '', issue.cell);
    },
    async saveRow(form, forms, data, row) {
      const { grid, table } = await activeTable(forms.filter((f) => f.def.id === form.def.id));
      if (!table) return false;
      await gateway.writeRow(rowWritePlan(grid, table, data, row === undefined ? {} : { row }));
      return true;
    },
    async readSelectedRow(form, forms) {
      const { snapshot, grid, table } = await activeTable(forms.filter((f) => f.def.id === form.def.id));
      if (!table || snapshot.selectedRow === undefined) return undefined;
      const report = validateTable(grid, table, {});
      const row = report.rows.find((r) => r.row === snapshot.selectedRow);
      if (!row) return undefined;
      const data: EntryData = {};
      for (const [id, value] of Object.entries(row.values)) if (value !== null && value !== undefined) data[id] = value;
      return { row: row.row, data };
    },
    async writeRollup(result, form, lang) {
      const { rollupSheetsPlan } = await import('../core/plan/rollupSheetsPlan');
      // A user's own sheet called 问题清单 is never ours: the gateway says which name ours got.
      const names = await gateway.writeRollupSheets(rollupSheetsPlan(result, form, lang));
      issuesSheet = names ? names.issues : undefined;
      rollupIssues = result.issues;
    },
    readNoticeMaterials: () => gateway.readNoticeMaterials(),
    writeNoticeMaterials: (materials) => gateway.writeNoticeMaterials(materials),
    readLastYearSheet: () => gateway.readLastYearSheet(),
    writeLastYearSheet: (sheet) => gateway.writeLastYearSheet(sheet),
    async writeNotice(result, forms, lang, unit) {
      const { noticeSheetsPlan } = await import('../core/plan/noticeSheetsPlan');
      const names = await gateway.writeRollupSheets(noticeSheetsPlan(result, forms, lang, unit ? { unit } : {}));
      issuesSheet = names ? names.issues : undefined;
      rollupIssues = result.issues;
    },
    async selectRollupIssue(index) {
      const issue = rollupIssues[index];
      // A sheet of this workbook: the cell itself is a click away, better than its line in 问题清单.
      if (issue?.file !== undefined && issue.sheet !== undefined && sourceSheets.get(issue.file) === issue.sheet) {
        const address = issue.cell ?? (issue.row !== undefined ? `${issue.row}:${issue.row}` : 'A1');
        try {
          await gateway.selectCell(issue.sheet, address);
          return;
        } catch {
          // Renamed or deleted since the roll-up: its line in 问题清单 still says where it was.
        }
      }
      const { issueCell } = await import('../core/plan/rollupSheetsPlan');
      const { sheet, address } = issueCell(index, issuesSheet);
      await gateway.selectCell(sheet, address);
    },
    listSheets: () => gateway.listSheets(),
    async readWorkbookSources(sheets, rosterSheet, lang) {
      const names = rosterSheet === undefined ? [...sheets] : [...sheets, rosterSheet];
      const snapshots = await gateway.readSheets(names);
      const grids = snapshots.map((snapshot) => ({
        sheet: snapshot.sheet,
        source: workbookSourceName(snapshot.sheet, lang),
        grid: snapshotGrid(snapshot),
      }));
      for (const { sheet, source } of grids) sourceSheets.set(source, sheet);
      const rosterGrid = rosterSheet === undefined ? undefined : grids.pop();
      const out: { sheets: WorkbookGrid[]; roster?: Roster } = { sheets: grids.map(({ source, grid }) => ({ name: source, grid })) };
      if (rosterGrid) out.roster = parseRoster(rosterGrid.grid, rosterGrid.source, lang);
      return out;
    },
    async createRosterSheet(lang) {
      return gateway.createRosterSheet(rosterSheetPlan(lang));
    },
  };
}

/** The actions on the real Excel (Office.js loads only inside Excel). */
export async function createExcelActions(): Promise<ExcelActions> {
  const { createOfficeGateway } = await import('../excel/officeGateway');
  return excelActions(createOfficeGateway());
}
