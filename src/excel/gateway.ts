/**
 * What the task pane may ask of Excel. The only implementation talking to Office.js is
 * `officeGateway.ts`; components get these callbacks and never touch Office themselves.
 */
import type { MaterialId } from '../core/notice/materials';
import type { NoticeSheetRole, NoticeSheetsPlan } from '../core/plan/noticeSheetsPlan';
import type { RosterSheetPlan } from '../core/plan/rosterSheetPlan';
import type { MarkPlan, RollupSheetNames, RollupSheetsPlan, RowWritePlan, SheetSnapshot, TemplatePlan } from '../core/plan/types';

/** A sheet of the open workbook, as the roll-up's pickers list it. */
export interface WorkbookSheet {
  name: string;
  /** False for hidden and very hidden sheets (`_huizong`, a unit's hidden helpers). */
  visible: boolean;
  /**
   * Set on the roll-up sheets Huizong wrote (汇总, 报送情况, 问题清单, and the whole notice's
   * 报送材料 and 催报名单), as `_huizong` records them: never offered as a unit's table.
   */
  rollup?: NoticeSheetRole;
}

/**
 * How a call reaches Excel. An automatic call (the re-check after an edit) waits while the
 * user is typing in a cell instead of failing (`delayForCellEdit`,
 * https://learn.microsoft.com/en-us/javascript/api/excel/excel.runoptions); a click of the
 * user's fails at once, and the pane says to press Enter first.
 */
export interface CallOptions {
  automatic?: boolean;
}

export interface ExcelGateway {
  /** Reads the active sheet's used range (values, number formats) and stored form id: one sync. */
  readActiveSheet(call?: CallOptions): Promise<SheetSnapshot>;
  /** The workbook's sheets in tab order: one sync (with `_huizong`'s record of the roll-up sheets). */
  listSheets(): Promise<WorkbookSheet[]>;
  /** One sheet's used range, values only (dates as serials): one sync. */
  readSheet(name: string): Promise<SheetSnapshot>;
  /**
   * Several sheets' used ranges, values only, in ONE sync whatever their number and size
   * (more only where the response would pass Excel on the web's 5 MB: then sheet by sheet,
   * and a sheet too large in blocks). A sheet gone since it was listed fails the read
   * (ItemNotFound): the pane lists the sheets again.
   */
  readSheets(names: readonly string[]): Promise<SheetSnapshot[]>;
  /** Adds a blank roster sheet (never over an existing one: `单位名单(2)` …) in 2 syncs; gives its name. */
  createRosterSheet(plan: RosterSheetPlan): Promise<string>;
  /** Adds a template sheet built from the plan: at most 2 syncs whatever its size. */
  createTemplate(plan: TemplatePlan): Promise<void>;
  /** Opens an .xlsx (base64) as a new workbook (Excel.createWorkbook). */
  openWorkbook(base64: string): Promise<void>;
  /** Removes earlier marks, then marks cells and sets messages: at most 3 syncs in all with the read. */
  applyMarks(plan: MarkPlan, call?: CallOptions): Promise<void>;
  /** Removes only what Huizong added on that sheet; the user's own formatting stays. */
  clearMarks(sheet: string): Promise<void>;
  writeRow(plan: RowWritePlan): Promise<void>;
  /**
   * Writes the roll-up's sheets (汇总, 报送情况, 问题清单) and its chart — or the whole notice's
   * (each form's 汇总 / 报送情况, 报送材料, 催报名单, 问题清单; sheets taken by their index in the
   * plan, all recorded on `_huizong`) — into the open workbook,
   * replacing the ones an earlier run wrote and never touching any other sheet: at most 4
   * syncs whatever the number of files and rows. Gives the names the sheets got (`汇总(2)` …
   * where a sheet of the user's already has the name); a stand-in may give nothing.
   */
  writeRollupSheets(plan: RollupSheetsPlan | NoticeSheetsPlan): Promise<RollupSheetNames | void>;
  /** The materials ticked for the notice, as `_huizong` remembers them (undefined when never saved): one sync. */
  readNoticeMaterials(): Promise<MaterialId[] | undefined>;
  /** Remembers the ticked materials on `_huizong` (created very hidden when missing): 2 syncs. */
  writeNoticeMaterials(materials: readonly MaterialId[]): Promise<void>;
  /** The sheet picked as last year's roll-up, as `_huizong` remembers it (undefined when none): one sync. */
  readLastYearSheet(): Promise<string | undefined>;
  /** Remembers last year's sheet on `_huizong` (undefined forgets it): 2 syncs. */
  writeLastYearSheet(sheet: string | undefined): Promise<void>;
  /** Selects a cell (from the issue list). */
  selectCell(sheet: string, address: string): Promise<void>;
  /**
   * Calls `handler` with the changed A1 range after edits on `sheet` — a burst of edits
   * gathered into one call, its areas joined by commas (`D5:D7,F9`); returns an unsubscribe.
   */
  onSheetChanged(sheet: string, handler: (address: string) => void): Promise<() => Promise<void>>;
}
