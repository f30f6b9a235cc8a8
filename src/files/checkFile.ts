/**
 * One returned file checked end to end — read, every sheet's table found and checked — in a
 * form every front end (CLI, task pane on files) can show. Never throws for bad input.
 */
import type { CompiledForm } from '../core/definitions/compile';
import type { Lang } from '../core/definitions/types';
import { makeIssue } from '../core/issues/issue';
import { validateGrids, type WorkbookReport } from '../core/validate/workbook';
import type { ValidateOptions } from '../core/validate/table';
import { extensionOf, readWorkbook } from './readWorkbook';

export function checkFile(file: string, bytes: Uint8Array, forms: readonly CompiledForm[], options: ValidateOptions = {}): WorkbookReport {
  const lang: Lang = options.lang ?? 'zh-CN';
  const read = readWorkbook(file, bytes);
  if (!read.ok) {
    const issue = makeIssue({ code: read.code, params: { detail: read.detail, extension: extensionOf(file) || file } }, lang);
    issue.file = file;
    return { file, tables: [], issues: [issue] };
  }
  return validateGrids(file, read.grids, forms, options);
}
