/**
 * Returned files (bytes) → the roll-up: each file read (`readWorkbook`) and checked against
 * every known form (`checkReturn`), the roster read from its file. Node and browser alike:
 * bytes in, results out.
 */
import type { CompiledForm } from '../core/definitions/compile';
import type { Lang } from '../core/definitions/types';
import { activityYear } from '../core/rollup/dates';
import { makeIssue, type Issue } from '../core/issues/issue';
import { lastYearFrom, lastYearReads, type LastYearData } from '../core/rollup/lastYear';
import { rollUp, startRollup, type ReturnInput, type RollupOptions } from '../core/rollup/rollup';
import type { Roster, RollupResult } from '../core/rollup/types';
import type { ValidateOptions } from '../core/validate/table';
import { bytesOf, checkReturn, rosterFromRead, type SourceFile } from './checkReturn';
import { readWorkbook } from './readWorkbook';

export { bytesOf, type SourceFile } from './checkReturn';

/** One returned file read and checked; never throws. */
export function prepareReturn(file: SourceFile, forms: readonly CompiledForm[], options: ValidateOptions & { lang: Lang }): ReturnInput {
  return checkReturn(file, readWorkbook(file.name, bytesOf(file)), forms, options);
}

/** The roster from a .csv/.xlsx/.xls file: its first sheet with a 单位名称 column. */
/** The roster file; with `forms`, a return given by mistake is told as such. */
export function readRosterFile(file: SourceFile, lang: Lang, forms?: readonly CompiledForm[]): Roster {
  return rosterFromRead(file, readWorkbook(file.name, bytesOf(file)), lang, forms);
}

/**
 * Last year's roll-up (or any table) of the form, read as a return and rolled up on its own:
 * its counted rows to compare with. A file that cannot serve says why, and the roll-up goes on.
 */
export function readLastYear(
  file: SourceFile,
  form: CompiledForm,
  forms: readonly CompiledForm[],
  lang: Lang,
): { data?: LastYearData; issue?: Issue } {
  const read = readWorkbook(file.name, bytesOf(file), { rowsSheetOnly: true });
  // A Huizong roll-up names the sheet of its rows: its other sheets (报送情况, 问题清单, 同比) are not
  // checked, nor read at all where the lean reader reads the file.
  const rowsSheet = read.ok && read.meta?.generator === 'huizong' ? read.meta.sheet : undefined;
  const only =
    read.ok && rowsSheet && read.grids.some((g) => g.sheet === rowsSheet)
      ? { ...read, grids: read.grids.filter((g) => g.sheet === rowsSheet) }
      : read;
  // Only the unit and the figures compared are read: last year's rows are not checked again.
  const input = checkReturn(file, only, forms, { lang, expected: form, only: lastYearReads(form) });
  const data = input.report ? lastYearFrom(input.report.tables, file.name, form) : undefined;
  if (data && data.units.length > 0) return { data };
  // Why it cannot serve, in the words a return would get (another form, unreadable, empty).
  const verdict = rollUp([input], { form, forms, lang }).files[0];
  const issue = makeIssue({ code: 'last-year.unusable', params: { reason: verdict?.reason ?? '' } }, lang);
  issue.file = file.name;
  return { issue };
}

export interface RollupProgress {
  index: number;
  total: number;
  file: string;
}

export function rollUpFiles(
  files: readonly SourceFile[],
  options: Omit<RollupOptions, 'roster'> & { roster?: Roster; today?: string; year?: number },
  onProgress?: (progress: RollupProgress) => void,
): RollupResult {
  const lang = options.lang ?? 'zh-CN';
  // Each file is read, checked and taken in before the next is read: what stays is the result.
  // The day of the roll-up: its time stamp's where one is given, else the day it is run for (--today).
  const year = activityYear(options);
  const rollup = startRollup({
    ...(options.today && !options.createdDay && !options.createdAt ? { ...options, createdDay: options.today } : options),
    ...(year !== undefined ? { year } : {}),
  });
  files.forEach((file, index) => {
    onProgress?.({ index: index + 1, total: files.length, file: file.name });
    rollup.add(
      prepareReturn(file, options.forms, {
        lang,
        expected: options.form,
        ...(options.today ? { today: options.today } : {}),
        ...(year !== undefined ? { year } : {}),
      }),
    );
  });
  return rollup.finish();
}
