/** The applier of 保存 from the entry form: one row written into a returned table. */
import { parseRange } from '../core/plan/markPlan';
import type { RowWritePlan } from '../core/plan/types';
import { columnName } from '../core/table/grid';
import type { CellValue } from '../core/values/types';
import { errorCode, isFinal } from './batch';
import { PartlyWritten } from './meta';
import { explainRefusal, Protected } from './protection';

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

/**
 * 1 sync: the row's cells (shifted down first when the plan says so). Text Excel would
 * read as something else when written into a General cell — a phone number's leading 0,
 * `3-20` as a date, a `'`-guarded formula — goes into that cell formatted as text (`@`),
 * as written: in a text cell a `'` would stay as a character. Where a table or merged
 * cells reach across the row, so that shifting the row's cells down is refused
 * (InsertDeleteConflict, MergedRangeConflict: nothing was applied), whole sheet rows are
 * inserted instead — one more sync on that path only.
 */
export async function applyRow(context: Excel.RequestContext, plan: RowWritePlan): Promise<void> {
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
  // A protected sheet refuses the first command, so nothing was written: said as such.
  const partly = async (error: unknown) => {
    if (isFinal(error)) return error;
    const explained = await explainRefusal(context, error, plan.sheet, false);
    return explained instanceof Protected ? explained : new PartlyWritten('row', { sheet: plan.sheet, row: bounds.s.r + 1 }, error);
  };
  queue(false);
  try {
    await context.sync();
  } catch (error) {
    const code = errorCode(error);
    if (!plan.insert || (code !== 'InsertDeleteConflict' && code !== 'MergedRangeConflict')) throw await partly(error);
    queue(true);
    try {
      await context.sync();
    } catch (again) {
      throw await partly(again);
    }
  }
}
