/**
 * Plans: what the task pane asks Excel to do, computed by the pure core from a snapshot
 * ("snapshot in, commands out"). The Excel adapter (src/excel) applies a plan in one batch;
 * nothing here knows Office.js.
 */
import type { CellValue } from '../values/types';

/** What the adapter reads of the active sheet in one batch. */
export interface SheetSnapshot {
  sheet: string;
  /** Values of the used range as a person sees them (Range.values, dates as serials). */
  values: CellValue[][];
  /** Number formats of the used range (Range.numberFormat), to tell date serials from numbers. */
  numberFormats?: string[][];
  /** A1 address of the used range's top-left cell (e.g. "A1"; "B3" when the sheet starts lower). */
  origin: string;
  /** 1-based row of the selected cell, when the selection is on this sheet (for 编辑所选行). */
  selectedRow?: number;
  /** The form id stored in the workbook for this sheet, if any (template metadata). */
  storedForm?: string;
}

/** One data-validation rule for a column range. */
export interface ColumnValidation {
  /** A1 range, e.g. "D5:D204". */
  range: string;
  kind: 'list' | 'wholeNumber' | 'decimal' | 'date' | 'textLength' | 'none';
  /** list: the options. */
  options?: string[];
  /** wholeNumber/decimal: the lower bound (≥). textLength: the upper bound (≤) in `max`. */
  min?: number;
  max?: number;
  /** date: the first and last day allowed, `YYYY-MM-DD`. */
  from?: string;
  to?: string;
  prompt?: { title: string; message: string };
  /** Stop alert. */
  error?: { title: string; message: string };
}

/** A new template sheet, built in one batch. */
export interface TemplatePlan {
  sheetName: string;
  /** 1-based rows: title, unit/date line, group row (optional), header. */
  titleRow: number;
  title: string;
  unitLine: { row: number; text: string };
  groups?: { row: number; cells: { from: string; to: string; label: string }[] };
  /** `labels` as written: required ones with a leading ＊ (header matching folds it away). */
  header: { row: number; range: string; labels: string[]; required: boolean[] };
  /** The Excel table over header + data rows. */
  table: { range: string; name: string };
  /** `width` in characters, as exceljs and the Excel UI count it (the adapter converts to points). */
  columns: { letter: string; width: number; numberFormat?: string }[];
  validations: ColumnValidation[];
  /** Rows above and columns left of the data kept in view (`columns`: the unit column). */
  freeze: { rows: number; columns?: number };
  /** Key/value pairs stored in the very-hidden metadata sheet. */
  meta: Record<string, string>;
}

export type MarkSeverity = 'error' | 'warning';

/** Marks to add after a validation: cells by severity, and a message per cell. */
export interface MarkPlan {
  sheet: string;
  /** A1 addresses (single cells) by severity; applied as range areas, never cell by cell. */
  cells: Record<MarkSeverity, string[]>;
  /** The message shown on each marked cell (all its issues joined). */
  messages: { address: string; text: string }[];
  /**
   * Each marked column's own input prompt (the field's help, as the template sets it),
   * put back on its cells when the marks are cleared. Columns without one lose the prompt.
   */
  fieldPrompts?: { column: string; title: string; message: string }[];
}

/** Values to write into the sheet's table: a new row appended, or an existing row updated. */
export interface RowWritePlan {
  sheet: string;
  /** A1 range of the row, e.g. "A12:AL12". */
  range: string;
  values: CellValue[];
  /** Shift the cells at `range` down first: the row goes in above a 合计/注 line right below the data. */
  insert?: boolean;
}

// ── The roll-up written into the open workbook (rollupSheetsPlan.ts) ────────────────────

/** Which of the roll-up's three sheets: 汇总, 报送情况, 问题清单. */
/** `comparison` (同比) only where last year's roll-up was given. */
export type RollupSheetRole = 'rows' | 'status' | 'issues' | 'comparison';

/** A cell as written: a number, or text ('' for blank; text Excel would convert starts with '). */
export type SheetPlanValue = string | number;

/** One look over A1 areas (compressed: vertical runs and blocks, e.g. `D5:D9`, `A12:AL12`). */
export interface AreaFill {
  /** `#RRGGBB`. */
  color: string;
  areas: string[];
}

export interface AreaFont {
  areas: string[];
  bold?: boolean;
  italic?: boolean;
  /** `#RRGGBB`. */
  color?: string;
  size?: number;
}

/** One sheet of the roll-up, from A1: values, then how it looks. */
export interface RollupSheetPlan {
  role: RollupSheetRole;
  /** The name wanted (the adapter adds `(2)` where a sheet of the user's has it). */
  name: string;
  /** Every row as wide as `widths`; numbers as numbers (dates as serials, ratios as fractions). */
  values: SheetPlanValue[][];
  /** Column widths in characters, A onwards (the adapter converts to points). */
  widths: number[];
  /** Number formats, each applied over its areas as one value. */
  numberFormats: { format: string; areas: string[] }[];
  /** 1-based row of the title (merged across, large and bold, centred), if any. */
  titleRow?: number;
  /** 1-based rows styled as headers across the sheet's width. */
  headerRows: number[];
  merges: string[];
  /** Rows above (and columns left of) the data kept in view. */
  freeze: { rows: number; columns?: number };
  fills: AreaFill[];
  fonts: AreaFont[];
  /** Areas centred horizontally (besides the title and headers). */
  centred: string[];
  /** Areas whose text wraps. */
  wrap: string[];
  /** Areas with thin grey borders (the tables). */
  borders: string[];
  rowHeights: { row: number; points: number }[];
  autoFilter?: string;
  /** Rows repeated on each printed page, e.g. `$3:$4`. */
  printTitleRows?: string;
  /**
   * The cells whose text in `values` begins with Excel's text prefix `'` (added so that Excel
   * keeps the text as text, not part of it), as compressed A1 areas. A file writer stores
   * those texts without it; every other text is as it is.
   */
  textPrefixed?: string[];
  /** Notes on cells, for writers that have them (the .xlsx; ExcelApi 1.9 has none). */
  notes?: CellNote[];
  /** How the sheet prints, where it is meant to be printed (see `PrintSetup`). */
  print?: PrintSetup;
}

/**
 * A sheet set up to print at its own size (never shrunk to one page's width): paper and
 * orientation, what prints (`area`, leaving out columns only a computer needs), the columns
 * repeated on every page beside `printTitleRows`, and the page footer's three parts (Excel's
 * header/footer codes: `&P` page, `&N` pages).
 */
export interface PrintSetup {
  paper: 'A3' | 'A4';
  orientation: 'landscape' | 'portrait';
  area?: string;
  titleColumns?: string;
  footer?: { left?: string; center?: string; right?: string };
}

/** A note on one cell: a marked cell's messages, a header's English label. */
export interface CellNote {
  address: string;
  text: string;
}

/** A clustered column (or bar) chart of a few main indicators by unit, fed from 汇总. */
export interface RollupChartPlan {
  /** The sheet the chart sits on. */
  on: RollupSheetRole;
  /** The sheet its data comes from (汇总). */
  dataSheet: RollupSheetRole;
  type: 'ColumnClustered' | 'BarClustered';
  title: string;
  /** The unit names, e.g. `A5:A14` on the data sheet. */
  categories: string;
  /** One series per indicator: its label and its cells, e.g. `D5:D14`. */
  series: { field: string; name: string; values: string }[];
  /** The whole source on the data sheet, headers included: `A4:A14,D4:E14,M4:M14`. */
  source: string;
  /** The cells it covers on `on`, top-left and bottom-right. */
  from: string;
  to: string;
  /** Counted rows charted (the first ones where there are more than the chart can show). */
  units: number;
}

/** The roll-up's three sheets as the task pane writes them into the open workbook. */
export interface RollupSheetsPlan {
  form: string;
  /** 汇总, 报送情况, 问题清单, in that order. */
  sheets: RollupSheetPlan[];
  chart?: RollupChartPlan;
  /** Where 汇总's parts are (1-based rows), as the .xlsx writer records them. */
  layout: { headerRow: number; firstDataRow: number; lastDataRow?: number; totalRow: number };
  /** The cell selected on 汇总 once written. */
  select: string;
}

/** The names the roll-up's sheets were written as (汇总(2) … where a sheet of the user's had the name). */
export type RollupSheetNames = Record<RollupSheetRole, string>;
