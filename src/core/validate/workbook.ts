/**
 * Checking every sheet of a returned workbook: each sheet's table is found and checked;
 * sheets without a table are passed over; a workbook without any table says which labels
 * were expected.
 */
import { fieldLabel, formTitle, type CompiledForm } from '../definitions/compile';
import type { Lang } from '../definitions/types';
import type { IssueCode } from '../issues/catalogue';
import { makeIssue, type Issue } from '../issues/issue';
import { locateCard, recallCard, rememberCard, type CardProblem } from '../table/card';
import { a1, type Grid } from '../table/grid';
import { locateTable, rankForms } from '../table/locate';
import { validateCard } from './card';
import { validateTable, type TableReport, type ValidateOptions } from './table';

/** The issues that say why a file gave no table: what a roll-up gives as the reason it was not counted. */
export const NO_TABLE_CODES: ReadonlySet<IssueCode> = new Set<IssueCode>([
  'table.not-found',
  'table.not-found-near',
  'card.two-value-columns',
  'card.ambiguous-form',
]);

/**
 * A table matching fewer fields than this may be a vertical card's lines read as a header
 * (`填表人：` beside `联系电话：`): the sheet is then read as a card too. A table of a form's
 * columns matches more, and is never read twice.
 */
const CARD_CHECK_BELOW = 4;

function problemIssue(problem: CardProblem, sheet: string, lang: Lang): Issue {
  const issue =
    problem.kind === 'two-values'
      ? makeIssue(
          {
            code: 'card.two-value-columns',
            params: {
              form: formTitle(problem.form, lang),
              headers: problem.headers.map((h) => (lang === 'en' ? `"${h}"` : `“${h}”`)).join(lang === 'en' ? ', ' : '、'),
            },
            cell: a1(problem.cell.r, problem.cell.c),
          },
          lang,
        )
      : makeIssue(
          {
            code: 'card.ambiguous-form',
            params: { count: problem.matched, form: formTitle(problem.forms[0], lang), otherForm: formTitle(problem.forms[1], lang) },
          },
          lang,
        );
  issue.sheet = sheet;
  return issue;
}

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

export function validateGrids(
  file: string,
  grids: readonly Grid[],
  forms: readonly CompiledForm[],
  options: ValidateOptions = {},
): WorkbookReport {
  const lang = options.lang ?? 'zh-CN';
  const tables: TableReport[] = [];
  const issues: Issue[] = [];
  const problems: Issue[] = [];
  let nearest: { form: CompiledForm; matched: ReadonlySet<string> } | undefined;
  for (const grid of grids) {
    // A card shaped as one read before for the expected form: no table search, which it failed.
    const known = options.expected ? recallCard(grid, forms, options.expected) : undefined;
    const located = known ? undefined : locateTable(grid, forms, options.expected);
    let report: TableReport | undefined = known && validateCard(grid, known, options);
    if (!known && (!located || located.matched < CARD_CHECK_BELOW)) {
      const search = locateCard(grid, forms, options.expected);
      if (search.card && (!located || search.card.itemsMatched > located.matched)) {
        report = validateCard(grid, search.card, options);
        // Only a card found where no table was: one found beside a table was weighed against it.
        if (!located && options.expected) rememberCard(grid, forms, options.expected, search.card);
      } else if (!located && search.problem) problems.push(problemIssue(search.problem, grid.sheet, lang));
      if (search.nearest && search.nearest.matched.size > (nearest?.matched.size ?? 0)) nearest = search.nearest;
    }
    if (!report && located) report = validateTable(grid, located, options);
    if (!report) continue;
    stamp(report.issues, file, grid.sheet);
    tables.push(report);
    // One by one: spreading a table of many rows' issues into push() overflows the stack.
    for (const issue of report.issues) issues.push(issue);
  }
  if (tables.length === 0 && problems.length > 0) {
    stamp(problems, file);
    for (const issue of problems) issues.push(issue);
  } else if (tables.length === 0) {
    // The form the caller checks for, where it says; else the one the sheets came closest to.
    const ranked = grids.length > 0 && forms.length > 0 ? rankForms(grids[0]!, forms)[0] : undefined;
    const tableNear = ranked && ranked.matched >= 2 ? { form: ranked.form, matched: ranked.matched } : undefined;
    const cardNear = nearest && nearest.matched.size >= 2 && (!options.expected || nearest.form === options.expected) ? nearest : undefined;
    let notFound: Issue;
    if (cardNear && (!tableNear || cardNear.matched.size >= tableNear.matched)) {
      // A card's items were read: what is missing is what the card lacks.
      const missing = cardNear.form.fields
        .filter((f) => f.required && f.id !== cardNear.form.def.rollupKey && !cardNear.matched.has(f.id))
        .slice(0, 3);
      notFound = makeIssue(
        {
          code: 'table.not-found-near',
          params: {
            form: formTitle(cardNear.form, lang),
            missing: missing.map((f) => fieldLabel(f, lang)).join(lang === 'en' ? '", "' : '”“'),
          },
        },
        lang,
      );
    } else {
      const best = options.expected ?? (ranked ? ranked.form : forms[0]);
      const labels = best
        ? best.fields
            .filter((f) => f.required)
            .slice(0, 3)
            .map((f) => fieldLabel(f, lang))
            .join(lang === 'en' ? '", "' : '”“')
        : '';
      notFound = makeIssue({ code: 'table.not-found', params: { labels } }, lang);
    }
    stamp([notFound], file);
    issues.push(notFound);
  }
  return { file, tables, issues };
}
