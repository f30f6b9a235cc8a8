/**
 * Where a figure of the roll-up was typed (spec "Tracing every figure"), in words: for an issue
 * on a row that came inside a roll-up from the level below, both the unit's own file, sheet and
 * row and the roll-up file it came in; for any other row, its file, sheet and row. Pure: the
 * pane's TraceNote shows it when an issue is clicked.
 */
import type { Lang } from '../definitions/types';
import { messageFor } from '../issues/catalogue';
import type { Issue } from '../issues/issue';
import type { RollupResult, RollupRow, RowOrigin } from './types';

/** The 1-based sheet row an issue is on: its row, else its cell's. */
function rowOfIssue(issue: Pick<Issue, 'row' | 'cell'>): number | undefined {
  if (issue.row !== undefined) return issue.row;
  const match = issue.cell === undefined ? null : /^[A-Z]+(\d+)$/.exec(issue.cell);
  return match ? Number(match[1]) : undefined;
}

/** The roll-up's row an issue is about (same file, sheet and row); undefined for a file's or the roster's issue. */
export function rowOf(result: Pick<RollupResult, 'rows'>, issue: Pick<Issue, 'file' | 'sheet' | 'row' | 'cell'>): RollupRow | undefined {
  const row = rowOfIssue(issue);
  if (issue.file === undefined || issue.sheet === undefined || row === undefined) return undefined;
  return result.rows.find((r) => r.file === issue.file && r.sheet === issue.sheet && r.row === row);
}

function place(where: RowOrigin, lang: Lang): string {
  if (where.sheet === '') return where.file;
  if (where.row === undefined) return messageFor('trace.place-sheet', { file: where.file, sheet: where.sheet }, lang);
  return messageFor('trace.place', { file: where.file, sheet: where.sheet, row: where.row }, lang);
}

/** Where a row was typed, in words; for a row from a roll-up below, where it was first typed and the file it came in. */
export function traceRow(row: RollupRow, lang: Lang): string {
  const here = place({ file: row.file, sheet: row.sheet, row: row.row }, lang);
  if (!row.origin) return messageFor('trace.typed-in', { origin: here }, lang);
  return messageFor('trace.came-in', { origin: place(row.origin, lang), via: here }, lang);
}

/** Where the row of an issue was typed, in words; undefined where the issue is on no row of the roll-up. */
export function traceIssue(result: Pick<RollupResult, 'rows'>, issue: Issue, lang: Lang): string | undefined {
  const row = rowOf(result, issue);
  return row ? traceRow(row, lang) : undefined;
}
