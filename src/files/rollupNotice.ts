/**
 * The whole notice from files (bytes), Node and browser alike: each spreadsheet read and
 * checked against every known form, one at a time; every other file passed on by its name,
 * size and time only — documents and photos are never read.
 */
import type { Lang } from '../core/definitions/types';
import { fileKind, isHousekeepingFile, materialHintOf } from '../core/notice/materials';
import { startNotice, type NoticeOptions } from '../core/notice/notice';
import type { ListingProblem, NoticeEntry, NoticeResult } from '../core/notice/types';
import type { SourceFile } from './checkReturn';
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
  const lang: Lang = options.lang ?? 'zh-CN';
  const notice = startNotice(options);
  for (const problem of problems) notice.addProblem(problem);
  sources.forEach((source, index) => {
    if (isHousekeepingFile(source.file)) return;
    const entry: NoticeEntry = { file: source.file };
    if (source.within !== undefined) entry.within = source.within;
    if (source.size !== undefined) entry.size = source.size;
    if (source.modified !== undefined) entry.modified = source.modified;
    if (fileKind(source.file) !== 'spreadsheet') {
      notice.addFile(entry);
      return;
    }
    onProgress?.({ index: index + 1, total: sources.length, file: source.file });
    const file: SourceFile =
      source.modified === undefined
        ? { name: source.file, bytes: source.bytes }
        : { name: source.file, bytes: source.bytes, modified: source.modified };
    // The form its name suggests is looked at first: a table of another form is still found as that form.
    const hinted = materialHintOf(source.file);
    const expected = hinted ? options.forms.find((f) => f.def.id === hinted) : undefined;
    notice.addSpreadsheet(
      entry,
      prepareReturn(file, options.forms, { lang, ...(expected ? { expected } : {}), ...(options.today ? { today: options.today } : {}) }),
    );
  });
  return notice.finish();
}
