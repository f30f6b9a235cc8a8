/**
 * Checking one row typed into the entry form with the very rules 校验 applies to a row of a
 * sheet: every value by its field's value rules, the form's JSON Schema, its cross-field rules.
 * A row the form saves must pass `validate` afterwards, so there is one set of rules, not two.
 */
import { fieldLabel, type CompiledForm } from '../definitions/compile';
import type { Lang } from '../definitions/types';
import { messageFor } from '../issues/catalogue';
import type { Issue } from '../issues/issue';
import type { CellValue } from '../values/types';
import { localToday } from '../values/day';
import { readDataRow, rowChecker, type Column } from './table';

export interface EntryFinding {
  field: string;
  severity: Issue['severity'];
  code: Issue['code'];
  /** What is wrong with the value, without cell or label: the field shows its own label. */
  text: string;
  /** The same as 校验 words it, label in front. */
  message: string;
}

export interface EntryCheckOptions {
  lang?: Lang;
  today?: string;
  /** Year of the activity, for dates written without one. */
  year?: number;
}

/** A form value as a typed cell: the form holds numbers, `YYYY-MM-DD` dates, text and booleans. */
function asCell(value: unknown): CellValue {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return String(value);
}

/**
 * The check of entered rows for one form, language and day, built once: errors refuse the save,
 * warnings are shown and let it be saved.
 */
export function entryChecker(
  form: CompiledForm,
  options: EntryCheckOptions = {},
): (data: Readonly<Record<string, unknown>>) => EntryFinding[] {
  const lang = options.lang ?? 'zh-CN';
  const today = options.today ?? localToday();
  const year = options.year ?? Number(today.slice(0, 4));
  // One synthetic sheet row: the fields in schema order, each in its own column.
  const columns: Column[] = form.fields.map((field, column) => ({
    field,
    column,
    value: { ...field.value, year, typed: true },
    label: fieldLabel(field, lang),
  }));
  const checker = rowChecker(form, columns, lang, today);
  return (data) => {
    const raw = form.fields.map((field) => asCell(data[field.id]));
    const read = readDataRow(columns, raw, 1, lang);
    checker.check(read, raw);
    const findings: EntryFinding[] = [];
    for (const issue of read.issues) {
      if (issue.field === undefined) continue;
      findings.push({
        field: issue.field,
        severity: issue.severity,
        code: issue.code,
        text: messageFor(issue.code, issue.params, lang),
        message: issue.message.replace(/^[A-Z]+\d+\s*/, ''),
      });
    }
    return findings;
  };
}

/** The findings on one entered row (see `entryChecker`). */
export function checkEntryRow(
  form: CompiledForm,
  data: Readonly<Record<string, unknown>>,
  options: EntryCheckOptions = {},
): EntryFinding[] {
  return entryChecker(form, options)(data);
}
