/**
 * Last year's roll-up (or any table) of the form, once read, as what the comparison needs: the
 * CLI (--last-year, read by `readWorkbook`), the pane's worker (a chosen file, read by
 * `readInWorker`) and a sheet of the open workbook (its grid, read through Excel) all come here,
 * so that last year is read one way wherever it comes from.
 */
import type { CompiledForm } from '../core/definitions/compile';
import type { Lang } from '../core/definitions/types';
import { makeIssue, type Issue } from '../core/issues/issue';
import { lastYearFrom, lastYearReads } from '../core/rollup/lastYear';
import { judgeReturn } from '../core/rollup/rollup';
import type { LastYearData } from '../core/rollup/types';
import type { Grid } from '../core/table/grid';
import { checkReturn, type SourceFile } from './checkReturn';
import type { ReadResult } from './readLean';

export interface LastYearRead {
  /** Last year's counted rows, where the file or sheet could serve. */
  data?: LastYearData;
  /** Why it could not (another form, unreadable, empty): the roll-up goes on without 同比. */
  issue?: Issue;
}

/**
 * Last year's rows from a read workbook: a Huizong roll-up names the sheet of its rows, and its
 * other sheets (报送情况, 问题清单, 同比) are not read; any other workbook is read whole.
 */
export function lastYearOf(
  file: Pick<SourceFile, 'name'>,
  read: ReadResult,
  form: CompiledForm,
  forms: readonly CompiledForm[],
  lang: Lang,
): LastYearRead {
  const rowsSheet = read.ok && read.meta?.generator === 'huizong' ? read.meta.sheet : undefined;
  const only =
    read.ok && rowsSheet && read.grids.some((g) => g.sheet === rowsSheet)
      ? { ...read, grids: read.grids.filter((g) => g.sheet === rowsSheet) }
      : read;
  // Already read: checking it needs its name only.
  // Only the unit and the figures compared are read: last year's rows are not checked again.
  const input = checkReturn({ name: file.name, bytes: new Uint8Array() }, only, forms, { lang, expected: form, only: lastYearReads(form) });
  const data = input.report ? lastYearFrom(input.report.tables, file.name, form) : undefined;
  if (data && data.units.length > 0) return { data };
  // Why it cannot serve, in the words a return would get (the roll-up's verdict, not a roll-up).
  const { verdict } = judgeReturn(input, form, forms, lang);
  const issue = makeIssue({ code: 'last-year.unusable', params: { reason: verdict.reason ?? '' } }, lang);
  issue.file = file.name;
  return { issue };
}

/** A sheet of the open workbook as last year's table (its name as the roll-up names sources). */
export function lastYearOfSheet(name: string, grid: Grid, form: CompiledForm, forms: readonly CompiledForm[], lang: Lang): LastYearRead {
  return lastYearOf({ name }, { ok: true, grids: [grid] }, form, forms, lang);
}
