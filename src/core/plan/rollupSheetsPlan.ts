/**
 * The roll-up's three sheets as a plan (pure): the single source of their content and look.
 * The task pane writes it INTO THE OPEN WORKBOOK (src/excel/officeGateway.ts
 * writeRollupSheets); the .xlsx writer `src/files/writeRollup.ts` writes the same plan into a
 * file with exceljs, so the two cannot drift apart —
 *
 *   汇总      row 1 title (merged), row 2 `汇总单位：… 生成时间：…`, row 3 the uischema groups
 *             (merged over their fields), row 4 the canonical Chinese labels, computed fields,
 *             来源文件/工作表/行号/说明; one row per COUNTED row; the 合计 row; superseded rows
 *             below a `注：…` line, grey and italic. Cells with an error light red, warnings
 *             amber (issues matched by file + sheet + row + field). Frozen below the header.
 *   报送情况  title, counts line, the units table with each status coloured (已报送 green,
 *             逾期 amber, 未报送 red, 不在名单 grey), then the files table.
 *   问题清单  header row (autofilter, frozen), one row per issue, 严重程度 coloured.
 *
 * plus a clustered column (bar, for many units) chart of three main indicators by unit,
 * placed on 报送情况 and fed from 汇总's counted rows.
 *
 * Cell notes (a marked cell's messages, the English label on a header with lang 'en') are in
 * `notes`, for the .xlsx only: Office.js within ExcelApi 1.9 has no notes (comments are
 * 1.10), so in Excel an error cell's message is in 问题清单 and in 说明.
 *
 * Values: numbers stay numbers, dates become Excel serials with `yyyy-mm-dd`, ratios
 * fractions with the field's format. Excel reads a string written through `Range.values` as
 * if typed, so text it would turn into something else — a formula (`=`, `+`, `-`, `@`), a
 * number or date (a leading digit: `13812345678`, `3月20日`), an error (`#N/A`), TRUE/FALSE —
 * is written with a leading apostrophe, which Excel keeps as the cell's text prefix. Those
 * cells are listed in `textPrefixed`: a file stores text as text, so the .xlsx writer drops
 * the apostrophe there (and only there: a text may itself begin with one).
 */
import { formTitle, type CompiledField, type CompiledForm } from '../definitions/compile';
import type { Lang } from '../definitions/types';
import type { RollupResult } from '../rollup/types';
import { columnName } from '../table/grid';
import { comparisonSheet } from './comparisonSheetPlan';
import { issuesSheet } from './issueListSheet';
import { rollupTitle, rowsSheet } from './rollupRowsSheet';
import { area, FIRST_DATA_ROW, HEADER_ROW, prefixText, STATUS_TABLE_TOP, TEXTS } from './rollupSheetsShared';
import { statusSheet } from './rollupStatusSheet';
import type { RollupChartPlan, RollupSheetsPlan } from './types';

// Importers name these from here, as before the sheets had files of their own.
export {
  DATE_FORMAT,
  excelText,
  fileName,
  INT_FORMAT,
  isoToSerial,
  prefixText,
  RATIO_FORMAT,
  ROLLUP_COLORS,
  ROLLUP_SHEET_NAMES,
} from './rollupSheetsShared';
export { groupRuns, numberFormatOf, rollupTitle } from './rollupRowsSheet';
export { ISSUE_HEIGHT_ROWS, ISSUE_LINE_POINTS, issueCell, issueListSheet, wrappedLines } from './issueListSheet';

/** Main indicators charted per form; other forms chart their first summed fields. */
export const CHART_FIELDS: Record<string, string[]> = {
  'activity-summary': ['publicityEvents', 'publicityParticipants', 'contractsNew'],
  'quiz-results': ['sessions', 'participants', 'femaleParticipants'],
};
/** At most this many indicators, and this many units (the first counted rows) in the chart. */
export const CHART_MAX_SERIES = 4;
export const CHART_MAX_UNITS = 40;
/** Up to this many units the chart is in columns; beyond, in horizontal bars (long unit names). */
const CHART_COLUMN_UNITS = 12;

// ── The chart ───────────────────────────────────────────────────────────────────────────

/** The indicators charted: the form's main ones, else its first summed numeric fields. */
export function chartFields(form: CompiledForm): CompiledField[] {
  const numeric = (f: CompiledField | undefined): f is CompiledField =>
    !!f && (f.def.type === 'int' || f.def.type === 'number') && f.def.rollup === 'sum';
  const named = (CHART_FIELDS[form.def.id] ?? []).map((id) => form.byId.get(id)).filter(numeric);
  const fields = named.length ? named : form.fields.filter(numeric).slice(0, 3);
  return fields.slice(0, CHART_MAX_SERIES);
}

function chartPlan(form: CompiledForm, lang: Lang, keyColumn: number, counted: number): RollupChartPlan | undefined {
  const fields = chartFields(form);
  if (!fields.length || counted === 0) return undefined;
  const units = Math.min(counted, CHART_MAX_UNITS);
  const first = FIRST_DATA_ROW;
  const lastRow = first + units - 1;
  const key = columnName(keyColumn);
  const columns = fields.map((f) => form.fields.indexOf(f));
  // The source, headers included, as areas of adjacent columns.
  const sorted = [keyColumn, ...columns].sort((a, b) => a - b);
  const source: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    source.push(area(sorted[i]!, HEADER_ROW, sorted[j]!, lastRow));
    i = j + 1;
  }
  // On 报送情况, right of the units table (K is left as a gap), as tall as the units need.
  const top = STATUS_TABLE_TOP;
  const height = units <= CHART_COLUMN_UNITS ? 18 : Math.max(18, Math.ceil(units * 0.9) + 6);
  return {
    on: 'status',
    dataSheet: 'rows',
    type: units <= CHART_COLUMN_UNITS ? 'ColumnClustered' : 'BarClustered',
    title: TEXTS[lang].chartTitle(formTitle(form, lang), units, units < counted),
    categories: `${key}${first}:${key}${lastRow}`,
    series: fields.map((f, i) => {
      const letter = columnName(columns[i]!);
      return { field: f.id, name: f.label, values: `${letter}${first}:${letter}${lastRow}` };
    }),
    source: source.join(','),
    from: `L${top}`,
    to: `T${top + height}`,
    units,
  };
}

// ── The plan ────────────────────────────────────────────────────────────────────────────

export interface RollupSheetsOptions {
  /** The title of 汇总 (the form's sheet title with the year and the unit by default). */
  title?: string;
}

export function rollupSheetsPlan(
  result: RollupResult,
  form: CompiledForm,
  lang: Lang,
  options: RollupSheetsOptions = {},
): RollupSheetsPlan {
  const title = options.title ?? rollupTitle(result, form, lang);
  const rows = rowsSheet(result, form, lang, title);
  const plan: RollupSheetsPlan = {
    form: form.def.id,
    sheets: [rows.sheet, statusSheet(result, form, lang), issuesSheet(result, form, lang)],
    layout: rows.layout,
    select: `${columnName(rows.keyColumn)}${FIRST_DATA_ROW}`,
  };
  if (result.lastYear) {
    const comparison = comparisonSheet(result.lastYear, form, lang);
    comparison.textPrefixed = prefixText(comparison.values);
    plan.sheets.push(comparison);
  }
  const chart = chartPlan(form, lang, rows.keyColumn, rows.counted);
  if (chart) plan.chart = chart;
  return plan;
}
