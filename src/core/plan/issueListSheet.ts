/** 问题清单: one row per issue, for one form's roll-up or the whole notice's. */
import { fieldLabel, type CompiledForm } from '../definitions/compile';
import type { Lang } from '../definitions/types';
import type { Issue } from '../issues/issue';
import type { RollupResult } from '../rollup/types';
import {
  area,
  Cells,
  ISSUE_COLUMNS,
  ISSUES_FIRST_ROW,
  prefixText,
  ROLLUP_COLORS,
  ROLLUP_SHEET_NAMES,
  text,
  TEXTS,
  type Texts,
} from './rollupSheetsShared';
import type { RollupSheetPlan, SheetPlanValue } from './types';

/**
 * Where issue #index (0-based, in `result.issues` order) is listed on 问题清单, to select it
 * when the issue is clicked in the pane: its whole line, `A7:G7` for #5. `sheet`: the name
 * the sheet was written as (`writeRollupSheets` gives it; `问题清单(2)` where the workbook
 * already had a sheet of the user's called 问题清单).
 */
export function issueCell(index: number, sheet: string = ROLLUP_SHEET_NAMES.issues): { sheet: string; address: string } {
  if (!Number.isInteger(index) || index < 0) throw new RangeError(`issueCell: ${index} is not an issue index`);
  const row = ISSUES_FIRST_ROW + index;
  return { sheet, address: area(0, row, ISSUE_COLUMNS - 1, row) };
}

export function issuesSheet(result: RollupResult, form: CompiledForm, lang: Lang): RollupSheetPlan {
  return issueListSheet(
    result.issues,
    (id) => {
      const field = form.byId.get(id);
      return field ? fieldLabel(field, lang) : undefined;
    },
    lang,
  );
}

/** Points per line of 11 pt text in a wrapped cell. */
export const ISSUE_LINE_POINTS = 15;
/** Each height is one request to Excel; past this many issues the list is read on screen, not printed. */
export const ISSUE_HEIGHT_ROWS = 1000;

/** Lines a text takes in a column `width` characters wide: a CJK character is as wide as two Latin ones. */
export function wrappedLines(value: string, width: number): number {
  const usable = Math.max(1, width - 2);
  let lines = 0;
  for (const paragraph of value.split('\n')) {
    let units = 0;
    for (const ch of paragraph) units += /[\u2e80-\uffef]/u.test(ch) ? 2 : 1;
    lines += Math.max(1, Math.ceil(units / usable));
  }
  return lines;
}

/** 问题清单 for any list of issues (one form's, or the whole notice's); `labelOf` names a field. */
export function issueListSheet(issues: readonly Issue[], labelOf: (field: string) => string | undefined, lang: Lang): RollupSheetPlan {
  const t: Texts = TEXTS[lang];
  const values: SheetPlanValue[][] = [[...t.issueHeaders]];
  const cells = new Cells();
  issues.forEach((issue, n) => {
    const r = ISSUES_FIRST_ROW + n;
    values.push([
      text(issue.file),
      text(issue.sheet),
      text(issue.cell),
      text(issue.field !== undefined ? (labelOf(issue.field) ?? issue.field) : undefined),
      t.severity[issue.severity] ?? issue.severity,
      // A form's own rule by its id (AS-R01); a catalogue code (value.not-integer) means nothing to a reader.
      issue.rule === issue.code ? '' : text(issue.rule),
      text(issue.message),
    ]);
    cells.add(issue.severity === 'error' ? ROLLUP_COLORS.error : ROLLUP_COLORS.warning, `E${r}`);
  });
  const last = ISSUE_COLUMNS - 1;
  const lastRow = Math.max(1, issues.length + 1);
  const textPrefixed = prefixText(values);
  const widths = [28, 14, 8, 24, 10, 16, 70];
  const messageWidth = widths[6] ?? 70;
  // A wrapped message taller than one line needs its row height set, or printed rows overlap.
  const rowHeights = issues.slice(0, ISSUE_HEIGHT_ROWS).flatMap((issue, n) => {
    const lines = wrappedLines(text(issue.message), messageWidth);
    return lines > 1 ? [{ row: ISSUES_FIRST_ROW + n, points: lines * ISSUE_LINE_POINTS + 3 }] : [];
  });
  return {
    role: 'issues',
    name: ROLLUP_SHEET_NAMES.issues,
    values,
    textPrefixed,
    widths,
    numberFormats: [],
    headerRows: [1],
    merges: [],
    freeze: { rows: 1 },
    fills: cells.fills(),
    fonts: [],
    centred: issues.length ? [area(4, ISSUES_FIRST_ROW, 4, lastRow)] : [],
    wrap: issues.length ? [area(6, ISSUES_FIRST_ROW, 6, lastRow)] : [],
    borders: [area(0, 1, last, lastRow)],
    rowHeights,
    autoFilter: area(0, 1, last, lastRow),
  };
}
