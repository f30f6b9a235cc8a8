/**
 * The whole notice from files (bytes), Node and browser alike: each spreadsheet read and
 * checked against every known form, one at a time; every other file passed on by its name,
 * size and time only — documents and photos are never read.
 */
import type { CompiledForm } from '../core/definitions/compile';
import type { Lang } from '../core/definitions/types';
import { activityYear } from '../core/rollup/dates';
import { fileKind, isHousekeepingFile, materialHintOf } from '../core/notice/materials';
import { startNotice, type NoticeBuilder, type NoticeOptions } from '../core/notice/notice';
import type { ListingProblem, NoticeEntry, NoticeResult } from '../core/notice/types';
import type { ValidateOptions } from '../core/validate/table';
import type { SourceFile } from './checkReturn';
import { prepareReturn, type RollupProgress } from './rollupFiles';

/** An inbox entry; `bytes` is asked for only when the entry is a spreadsheet. */
export interface NoticeSource extends NoticeEntry {
  bytes: SourceFile['bytes'];
}

/** What to do with one inbox entry: nothing, take its name, or read and check it as a spreadsheet. */
export type NoticeStep =
  | { kind: 'skip' }
  | { kind: 'name'; entry: NoticeEntry }
  | { kind: 'spreadsheet'; entry: NoticeEntry; check: ValidateOptions & { lang: Lang } };

/**
 * The step for an entry named `file`: housekeeping files (~$, .DS_Store) are skipped, documents
 * and photos go by their names, a spreadsheet is checked with the form its name suggests looked
 * at first (a table of another form is still found as that form). Shared by the CLI's
 * synchronous roll-up and the pane's worker, which reads asynchronously.
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
  const hinted = materialHintOf(entry.file);
  const expected = hinted ? forms.find((f) => f.def.id === hinted) : undefined;
  return {
    kind: 'spreadsheet',
    entry: plain,
    check: {
      lang: options.lang ?? 'zh-CN',
      ...(expected ? { expected } : {}),
      ...(options.today ? { today: options.today } : {}),
      ...(options.year !== undefined ? { year: options.year } : {}),
    },
  };
}

/** The listing's problems, taken in first (they are files the roll-up cannot take). */
export function startNoticeWith(problems: readonly ListingProblem[], options: NoticeOptions): NoticeBuilder {
  const notice = startNotice(options);
  for (const problem of problems) notice.addProblem(problem);
  return notice;
}

export function rollUpNotice(
  sources: readonly NoticeSource[],
  problems: readonly ListingProblem[],
  options: NoticeOptions & { today?: string },
  onProgress?: (progress: RollupProgress) => void,
): NoticeResult {
  const notice = startNoticeWith(problems, options);
  // Dates written without a year ("3月20日") are of the notice's year, as in the single-form roll-up.
  const year = activityYear(options);
  sources.forEach((source, index) => {
    const step = noticeStep(source, options.forms, { ...options, ...(year !== undefined ? { year } : {}) });
    if (step.kind === 'skip') return;
    if (step.kind === 'name') {
      notice.addFile(step.entry);
      return;
    }
    onProgress?.({ index: index + 1, total: sources.length, file: source.file });
    const file: SourceFile =
      source.modified === undefined
        ? { name: source.file, bytes: source.bytes }
        : { name: source.file, bytes: source.bytes, modified: source.modified };
    notice.addSpreadsheet(step.entry, prepareReturn(file, options.forms, step.check));
  });
  return notice.finish();
}
