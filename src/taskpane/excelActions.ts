/**
 * The pane's Excel side: each action reads a snapshot through the gateway, lets the pure core
 * compute a plan, and applies it through the gateway. Components get these functions and
 * never touch Office.js.
 */
import type { CompiledForm } from '../core/definitions/compile';
import type { Lang } from '../core/definitions/types';
import type { Issue } from '../core/issues/issue';
import type { RollupResult } from '../core/rollup/types';
import type { EntryData } from './EntryForm';
import type { SheetCheck } from './panels/ValidatePanel';

export interface ExcelActions {
  createTemplate(form: CompiledForm, year: number): Promise<void>;
  openWorkbook(bytes: Uint8Array): Promise<void>;
  checkSheet(forms: CompiledForm[], lang: Lang): Promise<SheetCheck>;
  clearMarks(): Promise<void>;
  selectCell(issue: Issue): Promise<void>;
  /** Appends (or updates) a row of the form's table on the active sheet; false when there is no such table. */
  saveRow(form: CompiledForm, forms: CompiledForm[], data: EntryData): Promise<boolean>;
  writeRollup(result: RollupResult, form: CompiledForm, lang: Lang): Promise<void>;
  selectRollupIssue(index: number): Promise<void>;
}

export async function createExcelActions(): Promise<ExcelActions> {
  throw new Error('not yet');
}
