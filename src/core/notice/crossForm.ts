/**
 * Cross-checks between one unit's materials (spec "The whole notice"), warnings only: figures
 * the activity summary gives about the other materials against what those materials hold.
 * Compared only where both sides arrived: a material that did not is already on the reminder list.
 */
import type { Lang } from '../definitions/types';
import type { IssueCode } from '../issues/catalogue';
import { makeIssue, type Issue } from '../issues/issue';
import type { RollupResult, RollupRow } from '../rollup/types';
import { a1 } from '../table/grid';

/** The unit's counted rows of one form, grouped by roster unit. */
export function rowsByUnit(result: RollupResult | undefined): Map<string, RollupRow[]> {
  const out = new Map<string, RollupRow[]>();
  for (const row of result?.rows ?? []) {
    if (row.status !== 'counted' || !row.rosterUnit) continue;
    const list = out.get(row.rosterUnit);
    if (list) list.push(row);
    else out.set(row.rosterUnit, [row]);
  }
  return out;
}

function sum(rows: readonly RollupRow[], field: string): number | undefined {
  let total: number | undefined;
  for (const row of rows) {
    const v = row.values[field];
    if (typeof v === 'number') total = (total ?? 0) + v;
  }
  return total;
}

/** Summary field ↔ quiz field. */
const QUIZ_PAIRS: [string, string, IssueCode][] = [
  ['quizParticipants', 'participants', 'cross-form.quiz-participants'],
  ['quizFemale', 'femaleParticipants', 'cross-form.quiz-female'],
];

export interface UnitMaterialsSeen {
  unit: string;
  summary: readonly RollupRow[];
  quiz: readonly RollupRow[];
  experiences: readonly RollupRow[];
  /** Photos received, when photos were asked for. */
  photos?: number;
}

export function crossFormIssues(seen: UnitMaterialsSeen, lang: Lang): Issue[] {
  const issues: Issue[] = [];
  const first = seen.summary[0];
  if (!first) return issues;
  const add = (code: IssueCode, field: string, params: Record<string, string | number>) => {
    const issue = makeIssue({ code, field, params: { unit: seen.unit, ...params } }, lang);
    issue.file = first.file;
    issue.sheet = first.sheet;
    issue.row = first.row;
    // The summary's own cell, so that the issue list (and 问题清单's link) goes straight to it.
    const column = first.fieldColumns?.[field];
    if (column !== undefined) issue.cell = a1(first.row - 1, column);
    issues.push(issue);
  };
  if (seen.quiz.length > 0) {
    for (const [summaryField, quizField, code] of QUIZ_PAIRS) {
      const summary = sum(seen.summary, summaryField);
      const quiz = sum(seen.quiz, quizField);
      if (summary !== undefined && quiz !== undefined && summary !== quiz) add(code, summaryField, { summary, quiz });
    }
  }
  const experiences = sum(seen.summary, 'experiences');
  if (seen.experiences.length > 0 && experiences !== undefined && experiences !== seen.experiences.length) {
    add('cross-form.experience-count', 'experiences', { summary: experiences, entries: seen.experiences.length });
  }
  const photos = sum(seen.summary, 'photos');
  if (seen.photos !== undefined && seen.photos > 0 && photos !== undefined && photos !== seen.photos) {
    add('cross-form.photo-count', 'photos', { summary: photos, received: seen.photos });
  }
  return issues;
}
