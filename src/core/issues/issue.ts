import type { Lang } from '../definitions/types';
import { catalogue, messageFor, type IssueCode, type IssueParams, type Severity } from './catalogue';

/** One problem found in a return: where it is, what kind it is, and what to tell the user. */
export interface Issue {
  file?: string;
  sheet?: string;
  /** A1 address of the cell, where the issue belongs to one cell. */
  cell?: string;
  /** 1-based sheet row, where the issue belongs to one row. */
  row?: number;
  /** Field id, where the issue belongs to one field. */
  field?: string;
  severity: Severity;
  code: IssueCode;
  /** The form's rule id for cross-field rules (e.g. `AS-R01`), else the code. */
  rule: string;
  /** Ready to show: cell, field label and what to do. */
  message: string;
  params: IssueParams;
}

export interface IssueInit {
  code: IssueCode;
  params?: IssueParams;
  cell?: string;
  row?: number;
  field?: string;
  /** The field's label, put in front of the message. */
  label?: string;
  rule?: string;
  /** Overrides the catalogue's severity (a form's rule may be a warning). */
  severity?: Severity;
}

/** Builds an issue with its message in `lang`: `D5 宣传活动参与人数（人次）：“若干”不是整数…`. */
export function makeIssue(init: IssueInit, lang: Lang): Issue {
  const params = init.params ?? {};
  const detail = messageFor(init.code, params, lang);
  const where = init.cell ?? (init.row !== undefined ? (lang === 'en' ? `Row ${init.row}` : `第${init.row}行`) : '');
  const colon = lang === 'en' ? ': ' : '：';
  const head = [where, init.label].filter(Boolean).join(' ');
  const issue: Issue = {
    severity: init.severity ?? catalogue[init.code].severity,
    code: init.code,
    rule: init.rule ?? init.code,
    message: head ? `${head}${colon}${detail}` : detail,
    params,
  };
  if (init.cell !== undefined) issue.cell = init.cell;
  if (init.row !== undefined) issue.row = init.row;
  if (init.field !== undefined) issue.field = init.field;
  return issue;
}

export function countBySeverity(issues: readonly Issue[]): { errors: number; warnings: number } {
  let errors = 0;
  for (const issue of issues) if (issue.severity === 'error') errors++;
  return { errors, warnings: issues.length - errors };
}
