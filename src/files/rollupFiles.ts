/**
 * Returned files (bytes) → the roll-up: each file read (`readWorkbook`) and checked against
 * every known form (`checkReturn`), the roster read from its file. Node and browser alike:
 * bytes in, results out.
 */
import type { CompiledForm } from '../core/definitions/compile';
import type { Lang } from '../core/definitions/types';
import { activityYear } from '../core/rollup/dates';
import { startRollup, type ReturnInput, type RollupOptions } from '../core/rollup/rollup';
import type { Roster, RollupResult } from '../core/rollup/types';
import type { ValidateOptions } from '../core/validate/table';
import { bytesOf, checkReturn, rosterFromRead, type SourceFile } from './checkReturn';
import { lastYearOf, type LastYearRead } from './lastYearOf';
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
 * Last year's roll-up (or any table) of the form, from its file (`lastYearOf`); never throws. A Huizong
 * roll-up's other sheets (报送情况, 问题清单, 同比) are not read at all where the lean reader reads it.
 */
export function readLastYear(file: SourceFile, form: CompiledForm, forms: readonly CompiledForm[], lang: Lang): LastYearRead {
  return lastYearOf(file, readWorkbook(file.name, bytesOf(file), { rowsSheetOnly: true }), form, forms, lang);
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
  // The same for every file: made once.
  const checkOptions: ValidateOptions & { lang: Lang } = {
    lang,
    expected: options.form,
    ...(options.today ? { today: options.today } : {}),
    ...(year !== undefined ? { year } : {}),
  };
  for (let index = 0; index < files.length; index++) {
    const file = files[index]!;
    onProgress?.({ index: index + 1, total: files.length, file: file.name });
    rollup.add(prepareReturn(file, options.forms, checkOptions));
  }
  return rollup.finish();
}
