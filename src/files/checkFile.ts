/**
 * One returned file checked end to end — read, every sheet's table found and checked — in a
 * form every front end (CLI, task pane on files) can show. Never throws for bad input.
 */
import type { CompiledForm } from '../core/definitions/compile';
import { makeIssue } from '../core/issues/issue';
import type { ValidateOptions } from '../core/validate/table';
import type { WorkbookReport } from '../core/validate/workbook';
import { prepareReturn } from './rollupFiles';

export function checkFile(file: string, bytes: Uint8Array, forms: readonly CompiledForm[], options: ValidateOptions = {}): WorkbookReport {
  const lang = options.lang ?? 'zh-CN';
  const input = prepareReturn({ name: file, bytes }, forms, { ...options, lang });
  if (input.report) return input.report;
  const failure = input.failure ?? { code: 'file.unreadable' as const, params: { detail: '' } };
  const issue = makeIssue({ code: failure.code, params: failure.params }, lang);
  issue.file = file;
  return { file, tables: [], issues: [issue] };
}
