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
