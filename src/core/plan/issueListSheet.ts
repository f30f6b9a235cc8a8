/** 问题清单: one row per issue, for one form's roll-up or the whole notice's. */
import { fieldLabel, type CompiledForm } from '../definitions/compile';
import type { Lang } from '../definitions/types';
import type { Issue } from '../issues/issue';
import type { RollupResult } from '../rollup/types';
import { columnName } from '../table/grid';
import {
  area,
  Cells,
  fileNames,
  ISSUE_COLUMNS,
  ISSUES_FIRST_ROW,
  ROLLUP_COLORS,
  ROLLUP_SHEET_NAMES,
  rollupSheet,
  text,
  TEXTS,
  type Texts,
} from './rollupSheetsShared';
import type { RollupSheetPlan, SheetPlanValue } from './types';

/**
 * Where issue #index (0-based, in `result.issues` order) is listed on 问题清单, to select it
 * when the issue is clicked in the pane: its whole line, `A7:H7` for #5. `sheet`: the name
 * the sheet was written as (`writeRollupSheets` gives it; `问题清单(2)` where the workbook
 * already had a sheet of the user's called 问题清单).
 */
export function issueCell(index: number, sheet: string = ROLLUP_SHEET_NAMES.issues): { sheet: string; address: string } {
  if (!Number.isInteger(index) || index < 0) throw new RangeError(`issueCell: ${index} is not an issue index`);
  const row = ISSUES_FIRST_ROW + index;
  return { sheet, address: area(0, row, ISSUE_COLUMNS - 1, row) };
}

/** The unit an issue is about, for 问题清单's 单位 column; undefined where it is no one unit's (the roster's). */
export type UnitOfIssue = (issue: Issue) => string | undefined;

function issueRow(issue: Issue): number | undefined {
  if (issue.row !== undefined) return issue.row;
  const match = issue.cell ? /^[A-Z]+(\d+)$/i.exec(issue.cell) : null;
  return match ? Number(match[1]) : undefined;
}

/**
 * Each issue's unit: the row's it points at; else the unit it names (未报送, a cross-form
 * check); else its file's, where the file is one unit's — a roll-up from below is its maker's,
 * a file whose rows all name one 上级单位 is that union's, and `fileUnits` gives what else is
 * known (the notice's file list).
 */
export function unitsOfIssues(results: readonly RollupResult[], fileUnits: ReadonlyMap<string, string> = new Map()): UnitOfIssue {
  const byRow = new Map<string, string>();
  const unitsOfFile = new Map<string, Set<string>>();
  const parentsOfFile = new Map<string, Set<string>>();
  const byFile = new Map(fileUnits);
  for (const result of results) {
    for (const row of result.rows) {
      byRow.set(`${row.file}\u0000${row.sheet}\u0000${row.row}`, row.unit);
      byRow.set(`${row.file}\u0000\u0000${row.row}`, row.unit);
      let units = unitsOfFile.get(row.file);
      if (!units) unitsOfFile.set(row.file, (units = new Set()));
      units.add(row.unit);
      const parent = row.values.parentUnit;
      let parents = parentsOfFile.get(row.file);
      if (!parents) parentsOfFile.set(row.file, (parents = new Set()));
      parents.add(typeof parent === 'string' ? parent : '');
    }
    for (const file of result.files) if (file.rollupOf?.unit) byFile.set(file.file, file.rollupOf.unit);
  }
  // Decided once every form is read: a file's one unit in its first sheet may be one of several in the next.
  for (const [file, units] of unitsOfFile) if (units.size === 1 && !byFile.has(file)) byFile.set(file, [...units][0]!);
  // A system union's file of its units' rows (and their 合计) is that union's.
  for (const [file, parents] of parentsOfFile) {
    const [parent] = parents;
    if (parents.size === 1 && parent && !byFile.has(file)) byFile.set(file, parent);
  }
  return (issue) => {
    const row = issueRow(issue);
    const onRow =
      issue.file !== undefined && row !== undefined ? byRow.get(`${issue.file}\u0000${issue.sheet ?? ''}\u0000${row}`) : undefined;
    if (onRow) return onRow;
    if (typeof issue.params.unit === 'string' && issue.params.unit) return issue.params.unit;
    return issue.file !== undefined ? byFile.get(issue.file) : undefined;
  };
}

export function issuesSheet(result: RollupResult, form: CompiledForm, lang: Lang): RollupSheetPlan {
  return issueListSheet(
    result.issues,
    (id) => {
      const field = form.byId.get(id);
      return field ? fieldLabel(field, lang) : undefined;
    },
    lang,
    unitsOfIssues([result]),
    fileNames(result.files.map((f) => f.file)),
  );
}

/** 单位, 文件, 工作表, 单元格, 字段, then these. */
const SEVERITY_COLUMN = 5;
const MESSAGE_COLUMN = 7;

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

/**
 * 问题清单 for any list of issues (one form's, or the whole notice's): `labelOf` names a field,
 * `unitOf` the unit, first, so the list sorts and filters by unit. `nameOf` names a file: by
 * default by its name, told apart from the issues' other files of that name.
 */
export function issueListSheet(
  issues: readonly Issue[],
  labelOf: (field: string) => string | undefined,
  lang: Lang,
  unitOf: UnitOfIssue = () => undefined,
  nameOf: (file: string) => string = fileNames(issues.flatMap((i) => (i.file === undefined ? [] : [i.file]))),
): RollupSheetPlan {
  const t: Texts = TEXTS[lang];
  const values: SheetPlanValue[][] = [[...t.issueHeaders]];
  const cells = new Cells();
  issues.forEach((issue, n) => {
    const r = ISSUES_FIRST_ROW + n;
    values.push([
      text(unitOf(issue)),
      issue.file === undefined ? '' : nameOf(issue.file),
      text(issue.sheet),
      text(issue.cell),
      text(issue.field !== undefined ? (labelOf(issue.field) ?? issue.field) : undefined),
      t.severity[issue.severity] ?? issue.severity,
      // A form's own rule by its id (AS-R01); a catalogue code (value.not-integer) means nothing to a reader.
      issue.rule === issue.code ? '' : text(issue.rule),
      text(issue.message),
    ]);
    cells.add(issue.severity === 'error' ? ROLLUP_COLORS.error : ROLLUP_COLORS.warning, `${columnName(SEVERITY_COLUMN)}${r}`);
  });
  const last = ISSUE_COLUMNS - 1;
  const lastRow = Math.max(1, issues.length + 1);
  const widths = [24, 24, 14, 8, 20, 10, 12, 70];
  const messageWidth = widths[MESSAGE_COLUMN] ?? 70;
  // A wrapped message taller than one line needs its row height set, or printed rows overlap.
  const rowHeights = issues.slice(0, ISSUE_HEIGHT_ROWS).flatMap((issue, n) => {
    const lines = wrappedLines(text(issue.message), messageWidth);
    return lines > 1 ? [{ row: ISSUES_FIRST_ROW + n, points: lines * ISSUE_LINE_POINTS + 3 }] : [];
  });
  return rollupSheet('issues', values, {
    widths,
    numberFormats: [],
    headerRows: [1],
    merges: [],
    freeze: { rows: 1 },
    fills: cells.fills(),
    fonts: [],
    centred: issues.length ? [area(SEVERITY_COLUMN, ISSUES_FIRST_ROW, SEVERITY_COLUMN, lastRow)] : [],
    wrap: issues.length ? [area(MESSAGE_COLUMN, ISSUES_FIRST_ROW, MESSAGE_COLUMN, lastRow)] : [],
    borders: [area(0, 1, last, lastRow)],
    rowHeights,
    autoFilter: area(0, 1, last, lastRow),
  });
}
