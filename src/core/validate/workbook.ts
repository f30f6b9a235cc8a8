/**
 * Checking every sheet of a returned workbook: each sheet's table is found and checked;
 * sheets without a table are passed over; a workbook without any table says which labels
 * were expected.
 */
import { fieldLabel, type CompiledForm } from '../definitions/compile';
import { makeIssue, type Issue } from '../issues/issue';
import type { Grid } from '../table/grid';
import { locateTable, rankForms } from '../table/locate';
import { validateTable, type TableReport, type ValidateOptions } from './table';

export interface WorkbookReport {
  file: string;
  tables: TableReport[];
  /** Every issue of the file, each naming file and sheet. */
  issues: Issue[];
}

/** Issues are made where the file is not known; the file and sheet are stamped on here. */
function stamp(issues: readonly Issue[], file: string, sheet?: string): void {
  for (const issue of issues) {
    issue.file = file;
    if (sheet !== undefined) issue.sheet = sheet;
  }
}

export function validateGrids(file: string, grids: readonly Grid[], forms: readonly CompiledForm[], options: ValidateOptions = {}): WorkbookReport {
  const lang = options.lang ?? 'zh-CN';
  const tables: TableReport[] = [];
  const issues: Issue[] = [];
  for (const grid of grids) {
    const located = locateTable(grid, forms, options.expected);
    if (!located) continue;
    const report = validateTable(grid, located, options);
    stamp(report.issues, file, grid.sheet);
    tables.push(report);
    // One by one: spreading a table of many rows' issues into push() overflows the stack.
    for (const issue of report.issues) issues.push(issue);
  }
  if (tables.length === 0) {
    // The form the caller checks for, where it says; else the one the first sheet resembles most.
    const best = options.expected ?? (grids.length > 0 && forms.length > 0 ? rankForms(grids[0]!, forms)[0]?.form : forms[0]);
    const labels = best ? best.fields.filter((f) => f.required).slice(0, 3).map((f) => fieldLabel(f, lang)).join(lang === 'en' ? '", "' : '”“') : '';
    const notFound = makeIssue({ code: 'table.not-found', params: { labels } }, lang);
    stamp([notFound], file);
    issues.push(notFound);
  }
  return { file, tables, issues };
}
