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
import { fieldLabel, formTitle, type CompiledField, type CompiledForm } from '../definitions/compile';
import { groupOfField } from '../definitions/groups';
import type { ComputedField, Lang } from '../definitions/types';
import type { Severity } from '../issues/catalogue';
import type { Issue } from '../issues/issue';
import { plainNumber, type OutlierFlag } from '../rollup/outliers';
import { summarizeRollup } from '../rollup/summary';
import type { RollupResult, RollupRow, UnitStatusKind } from '../rollup/types';
import { a1, columnName } from '../table/grid';
import { localDay, yearOfDay } from '../values/day';
import { comparisonSheet } from './comparisonSheetPlan';
import { compressCells } from './markPlan';
import type { AreaFill, AreaFont, CellNote, RollupChartPlan, RollupSheetPlan, RollupSheetsPlan, SheetPlanValue } from './types';

export const ROLLUP_SHEET_NAMES = { rows: '汇总', status: '报送情况', issues: '问题清单' } as const;

/** Colours (`#RRGGBB`): Office.js takes them so; the .xlsx writer makes ARGB of them. */
export const ROLLUP_COLORS = {
  error: '#FFC7CE',
  warning: '#FFEB9C',
  total: '#F2F2F2',
  greyText: '#808080',
  reported: '#C6EFCE',
  late: '#FFEB9C',
  missing: '#FFC7CE',
  notOnRoster: '#E7E6E6',
  rejected: '#FFC7CE',
} as const;

export const DATE_FORMAT = 'yyyy-mm-dd';
export const INT_FORMAT = '#,##0';
export const RATIO_FORMAT = '0.0%';

/** 汇总's rows (the .xlsx records them on its _huizong sheet). */
const HEADER_ROW = 4;
const FIRST_DATA_ROW = HEADER_ROW + 1;
/** 报送情况: the units table's header row. */
const STATUS_TABLE_TOP = 4;
const STATUS_COLUMNS = 10;
/** 问题清单: header on row 1, issue #0 on row 2. */
const ISSUES_FIRST_ROW = 2;
const ISSUE_COLUMNS = 7;

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

// ── Texts ───────────────────────────────────────────────────────────────────────────────

const TEXTS = {
  'zh-CN': {
    rollupTitle: (title: string, unit?: string) => `${title}（${unit ? `${unit}汇总` : '汇总'}）`,
    infoLine: (unit: string, at: string) => `汇总单位：${unit}    生成时间：${at}`,
    source: '来源',
    sourceFile: '来源文件',
    sourceSheet: '工作表',
    sourceRow: '行号',
    remark: '说明',
    total: '合计',
    notOnRoster: '不在单位名单',
    rowCounts: (errors: number, warnings: number) =>
      [errors ? `错误${errors}个` : '', warnings ? `警告${warnings}个` : ''].filter(Boolean).join('，'),
    remarkJoin: '；',
    supersededNote: (n: number) => `注：以下${n}行已被同一单位更正后的版本替代，仅供核对，未计入合计。`,
    supersededBy: (file: string, sheet: string, row: number) => `已被更正版本替代：${file} ${sheet} 第${row}行`,
    superseded: '已被更正版本替代',
    coverage: (ratio: string, of: number, given: number, base: string) => `${ratio}：${of} 个单位中 ${given} 个填报了${base}`,
    cameIn: (file: string, sheet: string, row: number) => `随 ${file} ${sheet} 第${row}行报来`,
    outlier: (label: string, flag: OutlierFlag) =>
      flag.kind === 'peers'
        ? `请核对${label}（同级 ${flag.peers ?? 0} 个单位的中位数为 ${plainNumber(flag.reference)}）`
        : `请核对${label}（去年为 ${plainNumber(flag.reference)}）`,
    unreadable: '无法读取，未计入合计',
    statusTitle: (title: string) => `${title}报送情况`,
    counts: (c: Record<'expected' | 'reported' | 'late' | 'missing' | 'notOnRoster', number>) =>
      `应报 ${c.expected}，已报送 ${c.reported}，逾期 ${c.late}，未报送 ${c.missing}，不在名单 ${c.notOnRoster}`,
    countsWithoutRoster: (n: number) =>
      n
        ? `未提供单位名单：以下 ${n} 个单位报送了数据（提供单位名单后可看出未报送和逾期的单位）`
        : '未提供单位名单，也没有收到任何单位的数据',
    unitHeaders: ['单位名称', '单位层级', '上级单位', '状态', '报送文件', '填表日期', '截止日期', '错误数', '警告数', '被替代的版本数'],
    status: { reported: '已报送', late: '逾期', missing: '未报送', notOnRoster: '不在名单' } as Record<
      UnitStatusKind | 'notOnRoster',
      string
    >,
    filesTitle: (n: number, accepted: number, rejected: number) => `收到的文件：共 ${n} 个，已接收 ${accepted}，已拒收 ${rejected}`,
    fileHeaders: ['文件', '结果', '数据行数', '原因'],
    accepted: '已接收',
    rejected: '已拒收',
    rollupOf: (unit?: string) => `下级汇总表${unit ? `（${unit}）` : ''}`,
    issueHeaders: ['文件', '工作表', '单元格', '字段', '严重程度', '规则', '说明'],
    severity: { error: '错误', warning: '警告' } as Record<Severity, string>,
    list: '、',
    chartTitle: (title: string, units: number, capped: boolean) => `${title}主要指标（按单位${capped ? `，前${units}个` : ''}）`,
  },
  en: {
    rollupTitle: (title: string, unit?: string) => `${title} (roll-up${unit ? ` by ${unit}` : ''})`,
    infoLine: (unit: string, at: string) => `Rolled up by: ${unit}    Created: ${at}`,
    source: 'Source',
    sourceFile: 'Source file',
    sourceSheet: 'Sheet',
    sourceRow: 'Row',
    remark: 'Notes',
    total: '合计 Total',
    notOnRoster: 'Not on the roster',
    rowCounts: (errors: number, warnings: number) =>
      [errors ? `${errors} error(s)` : '', warnings ? `${warnings} warning(s)` : ''].filter(Boolean).join(', '),
    remarkJoin: '; ',
    supersededNote: (n: number) =>
      `注：The ${n} row(s) below were replaced by a corrected version of the same unit; shown for checking, not in the total.`,
    supersededBy: (file: string, sheet: string, row: number) => `Replaced by ${file} ${sheet} row ${row}`,
    superseded: 'Replaced by a corrected version',
    coverage: (ratio: string, of: number, given: number, base: string) => `${ratio}: ${given} of ${of} units gave ${base}`,
    cameIn: (file: string, sheet: string, row: number) => `Came in ${file} ${sheet} row ${row}`,
    outlier: (label: string, flag: OutlierFlag) =>
      flag.kind === 'peers'
        ? `Check ${label} (median of ${flag.peers ?? 0} units at the same level: ${plainNumber(flag.reference)})`
        : `Check ${label} (last year: ${plainNumber(flag.reference)})`,
    unreadable: 'Could not be read; left out of the total',
    statusTitle: (title: string) => `${title}: returns`,
    counts: (c: Record<'expected' | 'reported' | 'late' | 'missing' | 'notOnRoster', number>) =>
      `Expected ${c.expected}, reported ${c.reported}, late ${c.late}, missing ${c.missing}, not on the roster ${c.notOnRoster}`,
    countsWithoutRoster: (n: number) =>
      n
        ? `No roster given: the ${n} units below reported (with a roster, missing and late units are shown too)`
        : 'No roster given, and no unit has reported',
    unitHeaders: [
      'Unit',
      'Level',
      'Reports to',
      'Status',
      'Files',
      'Date filled in',
      'Deadline',
      'Errors',
      'Warnings',
      'Superseded versions',
    ],
    status: { reported: 'Reported', late: 'Late', missing: 'Missing', notOnRoster: 'Not on the roster' } as Record<
      UnitStatusKind | 'notOnRoster',
      string
    >,
    filesTitle: (n: number, accepted: number, rejected: number) => `Files received: ${n}, accepted ${accepted}, rejected ${rejected}`,
    fileHeaders: ['File', 'Result', 'Data rows', 'Reason'],
    accepted: 'Accepted',
    rejected: 'Rejected',
    rollupOf: (unit?: string) => `Roll-up from the level below${unit ? ` (${unit})` : ''}`,
    issueHeaders: ['File', 'Sheet', 'Cell', 'Field', 'Severity', 'Rule', 'Message'],
    severity: { error: 'Error', warning: 'Warning' } as Record<Severity, string>,
    list: ', ',
    chartTitle: (title: string, units: number, capped: boolean) => `${title}: main indicators by unit${capped ? ` (first ${units})` : ''}`,
  },
};

type Texts = (typeof TEXTS)['zh-CN'];

// ── Values ──────────────────────────────────────────────────────────────────────────────

/**
 * Text as Excel keeps it: where typing it would give a formula, a number, a date, an error
 * value or a boolean, an apostrophe in front (Excel's text prefix, not part of the value).
 */
export function excelText(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  if (!text) return '';
  if (/^[=+\-@#\s\d.($¥￥%０-９＋－＝]/.test(text) || /^(true|false)$/i.test(text)) return `'${text}`;
  return text;
}

/**
 * `YYYY-MM-DD` → the Excel serial, or undefined where Excel has none (before 1900: written as
 * text). Excel counts a 1900-02-29 that never was (serial 60), so from 1900-03-01 on a serial
 * is the days since 1899-12-30, and before it one less.
 */
export function isoToSerial(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (!match) return undefined;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(y, m - 1, d);
  const date = new Date(ms);
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d || y < 1900) return undefined;
  const days = ms / 86_400_000 + 25_569;
  return days < 61 ? days - 1 : days;
}

/**
 * A cell's text as it is ('' for nothing). The sheets are built of these; `prefixText` then
 * adds Excel's prefix where it is needed, once, for the whole sheet.
 */
function text(value: unknown): string {
  return value === null || value === undefined ? '' : String(value);
}

/**
 * Gives every text Excel would turn into something else its prefix (excelText), in place,
 * and returns where: the cells' A1 areas, for a writer that stores text as it is.
 */
export function prefixText(values: SheetPlanValue[][]): string[] {
  const prefixed: string[] = [];
  values.forEach((row, r) =>
    row.forEach((value, c) => {
      if (typeof value !== 'string' || value === '') return;
      const shown = excelText(value);
      if (shown === value) return;
      row[c] = shown;
      prefixed.push(a1(r, c));
    }),
  );
  return compressCells(prefixed);
}

function fieldValue(field: CompiledField, value: RollupRow['values'][string]): SheetPlanValue {
  if (value === null || value === undefined || value === '') return '';
  switch (field.def.type) {
    case 'int':
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? value : text(value);
    case 'date':
      return isoToSerial(value) ?? text(value);
    case 'boolean':
      return typeof value === 'boolean' ? (value ? '是' : '否') : text(value);
    default:
      return text(value);
  }
}

/** A field's number format on the sheets (none for text). */
export function numberFormatOf(field: CompiledField): string | undefined {
  if (field.def.type === 'int') return INT_FORMAT;
  if (field.def.type === 'date') return DATE_FORMAT;
  return undefined;
}

function ratio(values: RollupRow['values'], computed: ComputedField, unreadable: readonly string[]): number | undefined {
  if (unreadable.includes(computed.numerator) || unreadable.includes(computed.denominator)) return undefined;
  const num = values[computed.numerator];
  const den = values[computed.denominator];
  return typeof num === 'number' && typeof den === 'number' && den > 0 ? num / den : undefined;
}

/** A field as a sentence names it: its label without the unit (and without 本单位, said by 单位 already). */
function baseWords(field: CompiledField, lang: Lang): string {
  if (lang === 'en') return (field.def.labelEn ?? fieldLabel(field, lang)).toLowerCase();
  return field.label.replace(/（[^）]*）$/, '').replace(/^本单位/, '');
}

function localTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The activity year: the commonest year among the rows' dates, else the day the roll-up was made; never the clock's. */
function activityYear(result: RollupResult): number | undefined {
  const counts = new Map<number, number>();
  for (const row of result.rows) {
    const year = row.date && /^\d{4}/.test(row.date) ? Number(row.date.slice(0, 4)) : undefined;
    if (year) counts.set(year, (counts.get(year) ?? 0) + 1);
  }
  let best: number | undefined;
  for (const [year, n] of counts) if (best === undefined || n > counts.get(best)! || (n === counts.get(best) && year > best)) best = year;
  if (best !== undefined) return best;
  return yearOfDay(result.meta.createdDay) ?? yearOfDay(localDay(result.meta.createdAt));
}

export function rollupTitle(result: RollupResult, form: CompiledForm, lang: Lang): string {
  const sheetTitle = (lang === 'en' && form.def.sheet.title.en) || form.def.sheet.title['zh-CN'];
  const year = activityYear(result);
  // Without a year to put in it the form's own title stands, rather than "年…" with none.
  const title = sheetTitle && year !== undefined ? sheetTitle.replace(/\{year\}/g, String(year)) : formTitle(form, lang);
  return TEXTS[lang].rollupTitle(title, result.meta.unit);
}

/** Runs of consecutive columns (0-based) sharing one non-empty group label. */
export function groupRuns(labels: readonly (string | undefined)[]): { label: string; from: number; to: number }[] {
  const runs: { label: string; from: number; to: number }[] = [];
  labels.forEach((label, c) => {
    if (!label) return;
    const last = runs[runs.length - 1];
    if (last && last.label === label && last.to === c - 1) last.to = c;
    else runs.push({ label, from: c, to: c });
  });
  return runs;
}

// ── Areas ───────────────────────────────────────────────────────────────────────────────

/** A1 area of 0-based columns and 1-based rows. */
function area(c1: number, r1: number, c2 = c1, r2 = r1): string {
  const from = `${columnName(c1)}${r1}`;
  const to = `${columnName(c2)}${r2}`;
  return from === to ? from : `${from}:${to}`;
}

/** Areas of runs of consecutive columns sharing a format, over rows r1..r2. */
function formatRuns(formats: readonly (string | undefined)[], r1: number, r2: number): { format: string; areas: string[] }[] {
  const out = new Map<string, string[]>();
  for (let c = 0; c < formats.length;) {
    const format = formats[c];
    let end = c;
    while (end + 1 < formats.length && formats[end + 1] === format) end++;
    if (format !== undefined) {
      let list = out.get(format);
      if (!list) out.set(format, (list = []));
      list.push(area(c, r1, end, r2));
    }
    c = end + 1;
  }
  return [...out].map(([format, areas]) => ({ format, areas }));
}

class Cells {
  private readonly byColor = new Map<string, string[]>();
  add(color: string, address: string): void {
    let list = this.byColor.get(color);
    if (!list) this.byColor.set(color, (list = []));
    list.push(address);
  }
  fills(): AreaFill[] {
    return [...this.byColor].map(([color, cells]) => ({ color, areas: compressCells(cells) }));
  }
}

function blankRow(width: number): SheetPlanValue[] {
  return Array.from({ length: width }, () => '');
}

// ── Marks on 汇总 ───────────────────────────────────────────────────────────────────────

/** A marked cell: the worst severity of its issues, and their messages (its note in the .xlsx). */
interface Mark {
  severity: Severity;
  messages: string[];
}

function rowKey(file: string | undefined, sheet: string | undefined, row: number): string {
  return `${file ?? ''}\u0000${sheet ?? ''}\u0000${row}`;
}

function issueRow(issue: Issue): number | undefined {
  if (issue.row !== undefined) return issue.row;
  const match = issue.cell ? /^[A-Z]+(\d+)$/i.exec(issue.cell) : null;
  return match ? Number(match[1]) : undefined;
}

function collectMarks(issues: readonly Issue[]): Map<string, Map<string, Mark>> {
  const marks = new Map<string, Map<string, Mark>>();
  for (const issue of issues) {
    const row = issueRow(issue);
    if (row === undefined || issue.file === undefined) continue;
    const key = rowKey(issue.file, issue.sheet, row);
    let byField = marks.get(key);
    if (!byField) marks.set(key, (byField = new Map()));
    const field = issue.field ?? '';
    const mark = byField.get(field);
    if (!mark) byField.set(field, { severity: issue.severity, messages: [issue.message] });
    else {
      if (issue.severity === 'error') mark.severity = 'error';
      mark.messages.push(issue.message);
    }
  }
  return marks;
}

/** Both marks as one: the worse severity, a's messages then b's. */
function worse(a: Mark | undefined, b: Mark | undefined): Mark | undefined {
  if (!a) return b;
  if (!b) return a;
  return { severity: a.severity === 'error' || b.severity === 'error' ? 'error' : 'warning', messages: [...a.messages, ...b.messages] };
}

function mergeMarks(a: Map<string, Mark> | undefined, b: Map<string, Mark> | undefined): Map<string, Mark> | undefined {
  if (!a || !b) return a ?? b;
  const out = new Map(a);
  for (const [field, mark] of b) out.set(field, worse(out.get(field), mark)!);
  return out;
}

// ── 汇总 ────────────────────────────────────────────────────────────────────────────────

interface RowsSheet {
  sheet: RollupSheetPlan;
  layout: RollupSheetsPlan['layout'];
  keyColumn: number;
  counted: number;
}

/** A file as 报送情况 names it: its name, not the folders it was found in (they spill over the page). */
export function fileName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1) || path;
}

/** The printed pages' footer: who rolled up, page of pages, when. */
function printFooter(result: RollupResult, lang: Lang): NonNullable<RollupSheetPlan['print']>['footer'] {
  const unit = result.meta.unit ?? '';
  const when = localTime(result.meta.createdAt);
  return lang === 'en'
    ? { left: unit ? `Rolled up by ${unit}` : '', center: 'Page &P of &N', right: when }
    : { left: unit ? `汇总单位：${unit}` : '', center: '第 &P 页，共 &N 页', right: `汇总时间：${when}` };
}

function rowsSheet(result: RollupResult, form: CompiledForm, lang: Lang, title: string): RowsSheet {
  const t: Texts = TEXTS[lang];
  const fields = form.fields;
  const computed = form.def.computed ?? [];
  const computedStart = fields.length;
  const sourceStart = computedStart + computed.length;
  const width = sourceStart + 4;
  const last = width - 1;
  const keyIndex = Math.max(
    0,
    fields.findIndex((f) => f.id === form.def.rollupKey),
  );

  const values: SheetPlanValue[][] = [];
  const titleRow = blankRow(width);
  titleRow[0] = title;
  values.push(titleRow);
  const info = blankRow(width);
  info[0] = t.infoLine(result.meta.unit ?? '', localTime(result.meta.createdAt));
  values.push(info);

  const groups = groupOfField(form.def.uischema);
  const groupLabels: (string | undefined)[] = [
    ...fields.map((f) => groups.get(f.id)),
    ...computed.map(() => undefined),
    t.source,
    t.source,
    t.source,
    undefined,
  ];
  const groupRow = blankRow(width);
  const merges: string[] = [area(0, 1, last, 1)];
  for (const run of groupRuns(groupLabels)) {
    groupRow[run.from] = run.label;
    if (run.to > run.from) merges.push(area(run.from, HEADER_ROW - 1, run.to, HEADER_ROW - 1));
  }
  values.push(groupRow);
  values.push([
    // Always the canonical labels: the next level matches the columns by them.
    ...fields.map((f) => f.label),
    ...computed.map((c) => (lang === 'en' && c.label.en) || c.label['zh-CN']),
    t.sourceFile,
    t.sourceSheet,
    t.sourceRow,
    t.remark,
  ]);
  const notes: CellNote[] = [];
  if (lang === 'en') fields.forEach((f, c) => f.def.labelEn && notes.push({ address: a1(HEADER_ROW - 1, c), text: f.def.labelEn }));

  const marks = collectMarks(result.issues);
  const cells = new Cells();
  const rowValues = (row: RollupRow, superseded: boolean): SheetPlanValue[] => {
    // A value that could not be read is written back as the unit typed it.
    const out: SheetPlanValue[] = fields.map((field) => {
      const value = fieldValue(field, row.values[field.id]);
      const typed = row.unreadableText?.[field.id];
      return value === '' && typed ? typed : value;
    });
    for (const c of computed) out.push(ratio(row.values, c, row.unreadable) ?? '');
    const remark = superseded
      ? row.supersededBy
        ? t.supersededBy(row.supersededBy.file, row.supersededBy.sheet, row.supersededBy.row)
        : t.superseded
      : [
          row.origin ? t.cameIn(row.file, row.sheet, row.row) : '',
          row.notOnRoster ? t.notOnRoster : '',
          t.rowCounts(row.errors, row.warnings),
          ...(row.outliers ?? []).map((flag) => {
            const field = fields.find((f) => f.id === flag.field);
            return field ? t.outlier(fieldLabel(field, lang), flag) : '';
          }),
        ]
          .filter(Boolean)
          .join(t.remarkJoin);
    // The source is where the figure was typed; a roll-up it came in through is named in 说明.
    const source = row.origin ?? row;
    out.push(
      source.file,
      source.sheet,
      source.row ?? '',
      row.origin && superseded ? [t.cameIn(row.file, row.sheet, row.row), remark].join(t.remarkJoin) : remark,
    );
    return out;
  };
  const markRow = (r: number, row: RollupRow) => {
    // Issues that name no sheet (a CSV's, say) still belong to the file's row.
    const byField = mergeMarks(
      marks.get(rowKey(row.file, row.sheet, row.row)),
      row.sheet ? marks.get(rowKey(row.file, undefined, row.row)) : undefined,
    );
    fields.forEach((field, c) => {
      let mark = byField?.get(field.id);
      // An unreadable value is an error even where its issue sits elsewhere; its own note then says so.
      if (row.unreadable.includes(field.id)) mark = worse({ severity: 'error', messages: mark ? [] : [t.unreadable] }, mark);
      if (c === keyIndex) mark = worse(mark, byField?.get(''));
      if (!mark) return;
      const address = `${columnName(c)}${r}`;
      cells.add(mark.severity === 'error' ? ROLLUP_COLORS.error : ROLLUP_COLORS.warning, address);
      if (mark.messages.length) notes.push({ address, text: mark.messages.join('\n') });
    });
  };

  const counted = result.rows.filter((row) => row.status === 'counted');
  const superseded = result.rows.filter((row) => row.status === 'superseded');
  let r = FIRST_DATA_ROW;
  for (const row of counted) {
    values.push(rowValues(row, false));
    markRow(r, row);
    r++;
  }
  const lastDataRow = counted.length ? r - 1 : undefined;

  // 合计: the engine's sums; text columns stay blank.
  const totalRow = r;
  const total = blankRow(width);
  total[keyIndex] = t.total;
  fields.forEach((field, c) => {
    const sum = result.totals[field.id];
    if (field.def.rollup === 'sum' && typeof sum === 'number' && Number.isFinite(sum)) total[c] = sum;
  });
  computed.forEach((c, i) => {
    const num = result.totals[c.numerator];
    const den = result.totals[c.denominator];
    const value = result.totals[c.id] ?? (typeof num === 'number' && typeof den === 'number' && den > 0 ? num / den : undefined);
    if (typeof value === 'number' && Number.isFinite(value)) total[computedStart + i] = value;
  });
  // A rate over the units that gave its base says how many did (12 个单位中 9 个填报了女职工人数).
  const coverage = computed.flatMap((c) => {
    const cover = result.coverage?.[c.id];
    const base = fields.find((f) => f.id === c.denominator);
    if (!cover || !base) return [];
    const ratioLabel = (lang === 'en' && c.label.en) || c.label['zh-CN'];
    return [t.coverage(ratioLabel, cover.of, cover.given, baseWords(base, lang))];
  });
  if (coverage.length) total[last] = coverage.join(t.remarkJoin);
  values.push(total);
  const tableEnd = totalRow;

  // Superseded rows: below a note line (which ends the table for any reader), never summed.
  const fonts: AreaFont[] = [
    { areas: [area(0, 1)], bold: true, size: 16 },
    { areas: [area(0, totalRow, last, totalRow)], bold: true },
  ];
  const borders = [area(0, HEADER_ROW - 1, last, tableEnd)];
  let lastRow = totalRow;
  if (superseded.length) {
    values.push(blankRow(width));
    const noteRow = totalRow + 2;
    const note = blankRow(width);
    note[0] = t.supersededNote(superseded.length);
    values.push(note);
    merges.push(area(0, noteRow, last, noteRow));
    const first = noteRow + 1;
    for (const row of superseded) values.push(rowValues(row, true));
    lastRow = first + superseded.length - 1;
    fonts.push({ areas: [area(0, noteRow)], color: ROLLUP_COLORS.greyText });
    fonts.push({ areas: [area(0, first, last, lastRow)], color: ROLLUP_COLORS.greyText, italic: true });
    borders.push(area(0, first, last, lastRow));
  }

  const columnFormats: (string | undefined)[] = [
    ...fields.map(numberFormatOf),
    ...computed.map((c) => c.format ?? RATIO_FORMAT),
    undefined,
    undefined,
    undefined,
    undefined,
  ];
  const widths = [
    ...fields.map((field) => field.def.width ?? Math.max(10, Math.min(30, field.label.length * 2))),
    ...computed.map(() => 14),
    28,
    14,
    8,
    30,
  ];
  const textPrefixed = prefixText(values);
  const sheet: RollupSheetPlan = {
    role: 'rows',
    name: ROLLUP_SHEET_NAMES.rows,
    values,
    textPrefixed,
    widths,
    numberFormats: formatRuns(columnFormats, FIRST_DATA_ROW, lastRow),
    titleRow: 1,
    headerRows: [HEADER_ROW - 1, HEADER_ROW],
    merges,
    freeze: { rows: HEADER_ROW, columns: 1 },
    fills: [{ color: ROLLUP_COLORS.total, areas: [area(0, totalRow, last, totalRow)] }, ...cells.fills()],
    fonts,
    centred: [area(keyIndex, totalRow)],
    wrap: [],
    borders,
    rowHeights: [
      { row: 1, points: 30 },
      { row: HEADER_ROW, points: 42 },
    ],
    printTitleRows: `$${HEADER_ROW - 1}:$${HEADER_ROW}`,
    notes,
    // The 来源 columns are for finding a row again on screen, not for the leader's signature.
    print: {
      paper: 'A3',
      orientation: 'landscape',
      area: area(0, 1, sourceStart - 1, lastRow),
      titleColumns: `$A:$${columnName(keyIndex)}`,
      footer: printFooter(result, lang),
    },
  };
  const layout: RollupSheetsPlan['layout'] = { headerRow: HEADER_ROW, firstDataRow: FIRST_DATA_ROW, totalRow };
  if (lastDataRow !== undefined) layout.lastDataRow = lastDataRow;
  return { sheet, layout, keyColumn: keyIndex, counted: counted.length };
}

// ── 报送情况 ─────────────────────────────────────────────────────────────────────────────

interface UnitLine {
  unit: string;
  level?: string;
  parent?: string;
  status: UnitStatusKind | 'notOnRoster';
  files: string[];
  date?: string;
  deadline?: string;
  errors: number;
  warnings: number;
  superseded: number;
}

/** The units of rows not on the roster; without a roster (`everyUnit`), every unit that reported. */
function notOnRosterLines(result: RollupResult, everyUnit = false): UnitLine[] {
  const lines = new Map<string, UnitLine>();
  for (const row of result.rows) {
    if (!row.notOnRoster && !everyUnit) continue;
    let line = lines.get(row.unit);
    if (!line) {
      line = { unit: row.unit, status: everyUnit ? 'reported' : 'notOnRoster', files: [], errors: 0, warnings: 0, superseded: 0 };
      lines.set(row.unit, line);
    }
    if (row.status === 'superseded') {
      line.superseded++;
      continue;
    }
    if (!line.files.includes(fileName(row.file))) line.files.push(fileName(row.file));
    line.errors += row.errors;
    line.warnings += row.warnings;
    if (row.date && (!line.date || row.date > line.date)) line.date = row.date;
    const level = row.values.unitLevel;
    const parent = row.values.parentUnit;
    if (line.level === undefined && typeof level === 'string' && level) line.level = level;
    if (line.parent === undefined && typeof parent === 'string' && parent) line.parent = parent;
  }
  return [...lines.values()];
}

const STATUS_FILL: Record<UnitStatusKind | 'notOnRoster', string> = {
  reported: ROLLUP_COLORS.reported,
  late: ROLLUP_COLORS.late,
  missing: ROLLUP_COLORS.missing,
  notOnRoster: ROLLUP_COLORS.notOnRoster,
};

function statusSheet(result: RollupResult, form: CompiledForm, lang: Lang): RollupSheetPlan {
  const t: Texts = TEXTS[lang];
  const width = STATUS_COLUMNS;
  const last = width - 1;
  const roster: UnitLine[] = result.units.map((u) => ({ ...u }));
  // No roster: nobody is expected, so the table lists the units that did report.
  const withoutRoster = result.units.length === 0;
  const outside = notOnRosterLines(result, withoutRoster);
  const summary = summarizeRollup(result);

  const values: SheetPlanValue[][] = [];
  const title = blankRow(width);
  title[0] = t.statusTitle(formTitle(form, lang));
  values.push(title);
  const counts = blankRow(width);
  counts[0] = withoutRoster
    ? t.countsWithoutRoster(outside.length)
    : t.counts({
        expected: summary.units.total,
        reported: summary.units.reported,
        late: summary.units.late,
        missing: summary.units.missing,
        notOnRoster: outside.length,
      });
  values.push(counts);
  values.push(blankRow(width));
  values.push([...t.unitHeaders]);

  const cells = new Cells();
  let r = STATUS_TABLE_TOP + 1;
  const lines = [...roster, ...outside];
  for (const line of lines) {
    values.push([
      line.unit,
      text(line.level),
      text(line.parent),
      t.status[line.status],
      line.files.map(fileName).join(t.list),
      isoToSerial(line.date) ?? text(line.date),
      isoToSerial(line.deadline) ?? text(line.deadline),
      line.errors,
      line.warnings,
      line.superseded,
    ]);
    cells.add(STATUS_FILL[line.status], `D${r}`);
    r++;
  }
  const unitsEnd = r - 1;
  const merges = [area(0, 1, last, 1), area(0, 2, last, 2)];
  const numberFormats: { format: string; areas: string[] }[] = [];
  if (lines.length) {
    numberFormats.push({ format: DATE_FORMAT, areas: [area(5, STATUS_TABLE_TOP + 1, 6, unitsEnd)] });
    numberFormats.push({ format: INT_FORMAT, areas: [area(7, STATUS_TABLE_TOP + 1, 9, unitsEnd)] });
  }

  // The files.
  values.push(blankRow(width));
  r++;
  const filesTitleRow = r++;
  const filesTitle = blankRow(width);
  filesTitle[0] = t.filesTitle(summary.files, summary.accepted, summary.rejected);
  values.push(filesTitle);
  merges.push(area(0, filesTitleRow, last, filesTitleRow));
  const fileHeaderRow = r++;
  const fileHeader = blankRow(width);
  t.fileHeaders.forEach((label, i) => (fileHeader[i] = label));
  values.push(fileHeader);
  // The reason may be long: it runs across the remaining columns.
  merges.push(area(3, fileHeaderRow, last, fileHeaderRow));
  for (const file of result.files) {
    const reason = file.status === 'rejected' ? (file.reason ?? '') : file.rollupOf ? t.rollupOf(file.rollupOf.unit) : '';
    const row = blankRow(width);
    row[0] = fileName(file.file);
    row[1] = file.status === 'accepted' ? t.accepted : t.rejected;
    row[2] = file.rows;
    row[3] = reason;
    values.push(row);
    merges.push(area(3, r, last, r));
    if (file.status === 'rejected') cells.add(ROLLUP_COLORS.rejected, `B${r}`);
    r++;
  }
  const filesEnd = r - 1;
  if (result.files.length) numberFormats.push({ format: INT_FORMAT, areas: [area(2, fileHeaderRow + 1, 2, filesEnd)] });

  const wrap: string[] = [];
  if (lines.length) wrap.push(area(4, STATUS_TABLE_TOP + 1, 4, unitsEnd));
  if (result.files.length) wrap.push(area(3, fileHeaderRow + 1, last, filesEnd));
  const textPrefixed = prefixText(values);
  const sheet: RollupSheetPlan = {
    role: 'status',
    name: ROLLUP_SHEET_NAMES.status,
    values,
    textPrefixed,
    widths: [30, 18, 24, 12, 36, 12, 12, 8, 8, 14],
    numberFormats,
    titleRow: 1,
    headerRows: [STATUS_TABLE_TOP, fileHeaderRow],
    merges,
    freeze: { rows: STATUS_TABLE_TOP, columns: 1 },
    fills: cells.fills(),
    fonts: [
      { areas: [area(0, 1)], bold: true, size: 16 },
      { areas: [area(0, 2), area(0, filesTitleRow)], bold: true },
    ],
    centred: lines.length ? [area(3, STATUS_TABLE_TOP + 1, 3, unitsEnd)] : [],
    wrap,
    borders: [area(0, STATUS_TABLE_TOP, last, unitsEnd), area(0, fileHeaderRow, last, filesEnd)],
    rowHeights: [{ row: 1, points: 30 }],
    printTitleRows: `$${STATUS_TABLE_TOP}:$${STATUS_TABLE_TOP}`,
    print: { paper: 'A3', orientation: 'landscape', titleColumns: '$A:$A', footer: printFooter(result, lang) },
  };
  return sheet;
}

// ── 问题清单 ─────────────────────────────────────────────────────────────────────────────

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

function issuesSheet(result: RollupResult, form: CompiledForm, lang: Lang): RollupSheetPlan {
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
