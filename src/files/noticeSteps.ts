/**
 * The whole notice's steps, shared by the CLI's synchronous roll-up (`rollupNotice.ts`) and the
 * pane's worker, which reads asynchronously. Nothing here reads a file, so the worker's script
 * holds no reader it does not need: SheetJS stays in its own chunk, loaded for a file that needs it.
 */
import type { CompiledForm } from '../core/definitions/compile';
import type { Lang } from '../core/definitions/types';
import { fileKind, isHousekeepingFile, materialHintOf } from '../core/notice/materials';
import { startNotice, type NoticeBuilder, type NoticeOptions } from '../core/notice/notice';
import type { ListingProblem, NoticeEntry } from '../core/notice/types';
import type { ReturnInput } from '../core/rollup/rollup';
import type { Grid } from '../core/table/grid';
import type { ValidateOptions } from '../core/validate/table';
import { validateGrids } from '../core/validate/workbook';

/** What to do with one inbox entry: nothing, take its name, or read and check it as a spreadsheet. */
export type NoticeStep =
  | { kind: 'skip' }
  | { kind: 'name'; entry: NoticeEntry }
  | { kind: 'spreadsheet'; entry: NoticeEntry; check: ValidateOptions & { lang: Lang } };

/**
 * The step for an entry named `file`: housekeeping files (~$, .DS_Store) are skipped, documents
 * and photos go by their names, a spreadsheet is checked with the form its name suggests looked
 * at first (a table of another form is still found as that form).
 */
export function noticeStep(
  entry: NoticeEntry,
  forms: readonly CompiledForm[],
  options: { lang?: Lang; today?: string; year?: number },
): NoticeStep {
  if (isHousekeepingFile(entry.file)) return { kind: 'skip' };
  const plain: NoticeEntry = { file: entry.file };
  if (entry.within !== undefined) plain.within = entry.within;
  if (entry.size !== undefined) plain.size = entry.size;
  if (entry.modified !== undefined) plain.modified = entry.modified;
  if (fileKind(entry.file) !== 'spreadsheet') return { kind: 'name', entry: plain };
  return { kind: 'spreadsheet', entry: plain, check: checkFor(entry.file, forms, options) };
}

/** How a return named `name` is checked: the form its name suggests looked at first. */
function checkFor(
  name: string,
  forms: readonly CompiledForm[],
  options: { lang?: Lang; today?: string; year?: number },
): ValidateOptions & { lang: Lang } {
  const hinted = materialHintOf(name);
  const expected = hinted ? forms.find((f) => f.def.id === hinted) : undefined;
  return {
    lang: options.lang ?? 'zh-CN',
    ...(expected ? { expected } : {}),
    ...(options.today ? { today: options.today } : {}),
    ...(options.year !== undefined ? { year: options.year } : {}),
  };
}

/**
 * A sheet of the open workbook (Excel), already read, as the notice takes it: one return,
 * checked as a spreadsheet's sheet is — the form its name suggests looked at first — under its
 * source name `本工作簿/Sheet名`. Its tables belong to the units their rows name; rejected, it is
 * attributed by that name, as a file is by its path.
 */
export function noticeSheet(
  name: string,
  grid: Grid,
  forms: readonly CompiledForm[],
  options: { lang?: Lang; year?: number },
): { entry: NoticeEntry; input: ReturnInput } {
  const check = checkFor(name, forms, options);
  return { entry: { file: name }, input: { file: name, report: validateGrids(name, [grid], forms, check) } };
}

/** The listing's problems, taken in first (they are files the roll-up cannot take). */
export function startNoticeWith(problems: readonly ListingProblem[], options: NoticeOptions): NoticeBuilder {
  const notice = startNotice(options);
  for (const problem of problems) notice.addProblem(problem);
  return notice;
}
