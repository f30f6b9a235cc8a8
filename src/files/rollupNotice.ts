/**
 * The whole notice from files (bytes), Node and browser alike: each spreadsheet read and
 * checked against every known form, one at a time; every other file passed on by its name,
 * size and time only — documents and photos are never read.
 */
import { activityYear } from '../core/rollup/dates';
import type { NoticeOptions } from '../core/notice/notice';
import type { ListingProblem, NoticeEntry, NoticeResult } from '../core/notice/types';
import type { SourceFile } from './checkReturn';
import { noticeStep, startNoticeWith } from './noticeSteps';
import { prepareReturn, type RollupProgress } from './rollupFiles';

/** An inbox entry; `bytes` is asked for only when the entry is a spreadsheet. */
export interface NoticeSource extends NoticeEntry {
  bytes: SourceFile['bytes'];
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
