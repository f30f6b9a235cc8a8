/**
 * The roll-up workbook (.xlsx), written with exceljs. Runs in Node and in the browser: no
 * Node-only APIs here.
 *
 * Sheets, in this order (names are Chinese in every language: the next level's staff are
 * Chinese and recognition relies on them; headers and texts follow `lang`):
 *
 *   汇总      row 1 title (merged across), row 2 `汇总单位：… 生成时间：…`, row 3 the uischema
 *             groups (merged over their fields), row 4 the field labels — always the form's
 *             canonical Chinese labels, since the next level matches returned tables by them
 *             (with lang 'en' the English label is a note on the header cell) — then one row
 *             per COUNTED row: every field in form order, the computed fields (女职工参赛率),
 *             来源文件, 工作表, 行号, 说明. Then the 合计 row (result.totals). Superseded rows
 *             follow below a `注：…` line (a note line ends the table for a reader), in grey,
 *             never in the total. Cells with an error are filled light red, warnings amber,
 *             each with a note holding the messages. Frozen below the header.
 *   报送情况  title, counts line (应报/已报送/逾期/未报送/不在名单), the units table (roster
 *             units, then units not on the roster), then the files table.
 *   问题清单  header row 1 (autofilter, frozen), one row per issue.
 *   _huizong  very hidden: the metadata, key in column A, value in column B, all text,
 *             one pair a row from row 1 down to the first blank key:
 *               generator   huizong
 *               kind        rollup            (a template says `template`)
 *               form        activity-summary
 *               formVersion 2024.1
 *               unit        河东区总工会       (blank when unknown)
 *               level       区（市）县总工会   (blank when unknown)
 *               createdAt   2024-03-25T02:30:00.000Z
 *               sheet       汇总              (the sheet holding the rows)
 *               headerRow   4                 (1-based row of the field labels)
 *               firstDataRow 5, lastDataRow (blank when no rows), totalRow
 *               meta        result.meta as JSON
 *
 * The same metadata is in the document properties, which SheetJS reads back as `Props`:
 * Subject `huizong:rollup`, Keywords `huizong rollup <form> <formVersion>`, Category
 * `huizong`, Comments (dc:description) = JSON of `{ kind: 'rollup', ...result.meta }`.
 *
 * Text a unit typed (`=1+1`, `@SUM(A1)`, `+86…`, `-`) is written as a plain string cell,
 * never as a formula: exceljs makes a formula only from a `{ formula }` object, which this
 * file never writes.
 */
import { Workbook, type Borders, type Cell, type Fill, type Font, type Worksheet } from 'exceljs';
import { fieldLabel, formTitle, type CompiledField, type CompiledForm } from '../core/definitions/compile';
import type { ComputedField, Lang } from '../core/definitions/types';
import type { Issue } from '../core/issues/issue';
import type { Severity } from '../core/issues/catalogue';
import type { RollupResult, RollupRow, UnitStatusKind } from '../core/rollup/types';
import { META_SHEET } from './metaSheet';
import { groupOfField } from '../core/definitions/groups';

// ── Shared with writeTemplate.ts ────────────────────────────────────────────────────────

export const ROLLUP_SHEETS = { rows: '汇总', status: '报送情况', issues: '问题清单' } as const;

export const COLORS = {
  error: 'FFFFC7CE',
  warning: 'FFFFEB9C',
  header: 'FFDDEBF7',
  total: 'FFF2F2F2',
  greyText: 'FF808080',
  missing: 'FFFFC7CE',
  late: 'FFFFEB9C',
  notOnRoster: 'FFE7E6E6',
} as const;

export const THIN_BORDER: Partial<Borders> = {
  top: { style: 'thin', color: { argb: 'FFBFBFBF' } },
  left: { style: 'thin', color: { argb: 'FFBFBFBF' } },
  bottom: { style: 'thin', color: { argb: 'FFBFBFBF' } },
  right: { style: 'thin', color: { argb: 'FFBFBFBF' } },
};

export function solidFill(argb: string): Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb } };
}

export const FONT = 'SimSun';
export const BODY_FONT: Partial<Font> = { name: FONT, size: 11 };
export const BOLD_FONT: Partial<Font> = { name: FONT, size: 11, bold: true };
export const TITLE_FONT: Partial<Font> = { name: FONT, size: 16, bold: true };

/** exceljs gives a Buffer in Node and an ArrayBuffer-like in browsers: a plain Uint8Array either way. */
export function toBytes(buffer: ArrayBuffer | ArrayBufferView): Uint8Array {
  if (ArrayBuffer.isView(buffer)) return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  return new Uint8Array(buffer);
}

/** Field id → its uischema Group's label. */
export function fieldGroups(form: CompiledForm): Map<string, string> {
  return groupOfField(form.def.uischema);
}

/** Runs of consecutive columns (1-based) sharing one non-empty group label. */
export function groupRuns(labels: readonly (string | undefined)[], firstColumn = 1): { label: string; from: number; to: number }[] {
  const runs: { label: string; from: number; to: number }[] = [];
  labels.forEach((label, i) => {
    if (!label) return;
    const column = firstColumn + i;
    const last = runs[runs.length - 1];
    if (last && last.label === label && last.to === column - 1) last.to = column;
    else runs.push({ label, from: column, to: column });
  });
  return runs;
}

/** Writes the metadata pairs on the very hidden `_huizong` sheet (created if missing). */
export function writeMetaSheet(workbook: Workbook, pairs: readonly [string, string | undefined][]): Worksheet {
  const sheet = workbook.getWorksheet(META_SHEET) ?? workbook.addWorksheet(META_SHEET);
  sheet.state = 'veryHidden';
  pairs.forEach(([key, value], i) => {
    sheet.getCell(i + 1, 1).value = key;
    sheet.getCell(i + 1, 2).value = value ?? '';
  });
  sheet.getColumn(1).width = 14;
  sheet.getColumn(2).width = 40;
  return sheet;
}

/** `YYYY-MM-DD` → a Date at UTC midnight (exceljs turns it into the whole serial number). */
export function isoToDate(value: unknown): Date | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (!match) return undefined;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d ? date : undefined;
}

export const DATE_FORMAT = 'yyyy-mm-dd';
export const INT_FORMAT = '#,##0';

export function numberFormat(field: CompiledField): string | undefined {
  switch (field.def.type) {
    case 'int':
      return INT_FORMAT;
    case 'date':
      return DATE_FORMAT;
    default:
      return undefined;
  }
}

/** Excel column letters of a 1-based column. */
export function columnLetter(column: number): string {
  let name = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

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
    supersededNote: (n: number) => `注：以下${n}行已被同一单位更正后的版本替代，仅供核对，未计入合计。`,
    supersededBy: (file: string, sheet: string, row: number) => `已被更正版本替代：${file} ${sheet} 第${row}行`,
    superseded: '已被更正版本替代',
    unreadable: '无法读取，未计入合计',
    statusTitle: (title: string) => `${title}报送情况`,
    counts: (c: Record<'expected' | 'reported' | 'late' | 'missing' | 'notOnRoster', number>) =>
      `应报 ${c.expected}，已报送 ${c.reported}，逾期 ${c.late}，未报送 ${c.missing}，不在名单 ${c.notOnRoster}`,
    unitHeaders: ['单位名称', '单位层级', '上级单位', '状态', '报送文件', '填表日期', '截止日期', '错误数', '警告数', '被替代的版本数'],
    status: { reported: '已报送', late: '逾期', missing: '未报送', notOnRoster: '不在名单' } as Record<UnitStatusKind | 'notOnRoster', string>,
    filesTitle: (n: number, accepted: number, rejected: number) => `收到的文件：共 ${n} 个，已接收 ${accepted}，已拒收 ${rejected}`,
    fileHeaders: ['文件', '结果', '数据行数', '原因'],
    accepted: '已接收',
    rejected: '已拒收',
    rollupOf: (unit?: string) => `下级汇总表${unit ? `（${unit}）` : ''}`,
    issueHeaders: ['文件', '工作表', '单元格', '字段', '严重程度', '规则', '说明'],
    severity: { error: '错误', warning: '警告' } as Record<Severity, string>,
    list: '、',
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
    supersededNote: (n: number) => `注：The ${n} row(s) below were replaced by a corrected version of the same unit; shown for checking, not in the total.`,
    supersededBy: (file: string, sheet: string, row: number) => `Replaced by ${file} ${sheet} row ${row}`,
    superseded: 'Replaced by a corrected version',
    unreadable: 'Could not be read; left out of the total',
    statusTitle: (title: string) => `${title}: returns`,
    counts: (c: Record<'expected' | 'reported' | 'late' | 'missing' | 'notOnRoster', number>) =>
      `Expected ${c.expected}, reported ${c.reported}, late ${c.late}, missing ${c.missing}, not on the roster ${c.notOnRoster}`,
    unitHeaders: ['Unit', 'Level', 'Reports to', 'Status', 'Files', 'Date filled in', 'Deadline', 'Errors', 'Warnings', 'Superseded versions'],
    status: { reported: 'Reported', late: 'Late', missing: 'Missing', notOnRoster: 'Not on the roster' } as Record<UnitStatusKind | 'notOnRoster', string>,
    filesTitle: (n: number, accepted: number, rejected: number) => `Files received: ${n}, accepted ${accepted}, rejected ${rejected}`,
    fileHeaders: ['File', 'Result', 'Data rows', 'Reason'],
    accepted: 'Accepted',
    rejected: 'Rejected',
    rollupOf: (unit?: string) => `Roll-up from the level below${unit ? ` (${unit})` : ''}`,
    issueHeaders: ['File', 'Sheet', 'Cell', 'Field', 'Severity', 'Rule', 'Message'],
    severity: { error: 'Error', warning: 'Warning' } as Record<Severity, string>,
    list: ', ',
  },
};

type Texts = (typeof TEXTS)['zh-CN'];

// ── Helpers ─────────────────────────────────────────────────────────────────────────────

const HEADER_ROW = 4;
const FIRST_DATA_ROW = HEADER_ROW + 1;
const NOTE_LIMIT = 1000;

/** The look of every header cell Huizong writes (roll-ups and templates). */
export function styleHeader(cell: Cell): void {
  cell.style = {
    font: BOLD_FONT,
    alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
    fill: solidFill(COLORS.header),
    border: THIN_BORDER,
  };
}

function styleBody(cell: Cell, numFmt?: string, extra: { font?: Partial<Font>; fill?: Fill; wrap?: boolean } = {}): void {
  cell.style = {
    font: extra.font ?? BODY_FONT,
    alignment: { vertical: 'middle', wrapText: extra.wrap ?? false },
    border: THIN_BORDER,
    ...(numFmt ? { numFmt } : {}),
    ...(extra.fill ? { fill: extra.fill } : {}),
  };
}

/** A plain text cell: a string is a string, whatever it starts with. */
function text(value: unknown): string {
  return value === null || value === undefined ? '' : String(value);
}

function localTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The activity year: the commonest year among the rows' dates, else the roll-up's. */
function activityYear(result: RollupResult): number {
  const counts = new Map<number, number>();
  for (const row of result.rows) {
    const year = row.date && /^\d{4}/.test(row.date) ? Number(row.date.slice(0, 4)) : undefined;
    if (year) counts.set(year, (counts.get(year) ?? 0) + 1);
  }
  let best: number | undefined;
  for (const [year, n] of counts) if (best === undefined || n > counts.get(best)! || (n === counts.get(best) && year > best)) best = year;
  if (best !== undefined) return best;
  const created = new Date(result.meta.createdAt);
  return Number.isNaN(created.getTime()) ? new Date().getFullYear() : created.getFullYear();
}

function defaultTitle(result: RollupResult, form: CompiledForm, lang: Lang): string {
  const sheetTitle = (lang === 'en' && form.def.sheet.title.en) || form.def.sheet.title['zh-CN'];
  const title = sheetTitle ? sheetTitle.replace(/\{year\}/g, String(activityYear(result))) : formTitle(form, lang);
  return TEXTS[lang].rollupTitle(title, result.meta.unit);
}

/** Writes one value of a field: numbers as numbers, dates as real dates, everything else as text. */
function writeValue(cell: Cell, field: CompiledField, value: RollupRow['values'][string]): void {
  if (value === null || value === undefined || value === '') return;
  switch (field.def.type) {
    case 'int':
    case 'number':
      cell.value = typeof value === 'number' && Number.isFinite(value) ? value : text(value);
      return;
    case 'date': {
      const date = isoToDate(value);
      cell.value = date ?? text(value);
      return;
    }
    case 'boolean':
      cell.value = typeof value === 'boolean' ? (value ? '是' : '否') : text(value);
      return;
    default:
      cell.value = text(value);
  }
}

function ratio(values: RollupRow['values'], computed: ComputedField, unreadable: readonly string[]): number | undefined {
  if (unreadable.includes(computed.numerator) || unreadable.includes(computed.denominator)) return undefined;
  const num = values[computed.numerator];
  const den = values[computed.denominator];
  return typeof num === 'number' && typeof den === 'number' && den > 0 ? num / den : undefined;
}

interface Mark {
  severity: Severity;
  messages: string[];
}

/** Where an issue sits: file + sheet + 1-based row, and the field ('' for the row as a whole). */
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

function markCell(cell: Cell, mark: Mark | undefined): void {
  if (!mark) return;
  cell.fill = solidFill(mark.severity === 'error' ? COLORS.error : COLORS.warning);
  const note = mark.messages.join('\n');
  if (note) cell.note = note.length > NOTE_LIMIT ? `${note.slice(0, NOTE_LIMIT - 1)}…` : note;
}

function mergeSeverity(a: Mark | undefined, b: Mark | undefined): Mark | undefined {
  if (!a) return b;
  if (!b) return a;
  return { severity: a.severity === 'error' || b.severity === 'error' ? 'error' : 'warning', messages: [...a.messages, ...b.messages] };
}

function mergeMarks(a: Map<string, Mark> | undefined, b: Map<string, Mark> | undefined): Map<string, Mark> | undefined {
  if (!a || !b) return a ?? b;
  const out = new Map(a);
  for (const [field, mark] of b) out.set(field, mergeSeverity(out.get(field), mark)!);
  return out;
}

// ── 汇总 ────────────────────────────────────────────────────────────────────────────────

interface RowsLayout {
  firstDataRow: number;
  lastDataRow?: number;
  totalRow: number;
}

function writeRowsSheet(workbook: Workbook, result: RollupResult, form: CompiledForm, lang: Lang, title: string): RowsLayout {
  const t = TEXTS[lang];
  const sheet = workbook.addWorksheet(ROLLUP_SHEETS.rows, {
    views: [{ state: 'frozen', xSplit: 1, ySplit: HEADER_ROW, topLeftCell: `B${FIRST_DATA_ROW}`, activeCell: `B${FIRST_DATA_ROW}` }],
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 },
  });
  const fields = form.fields;
  const computed = form.def.computed ?? [];
  const computedStart = fields.length + 1;
  const sourceStart = computedStart + computed.length;
  const remarkColumn = sourceStart + 3;
  const lastColumn = remarkColumn;

  // Title and info line.
  sheet.mergeCells(1, 1, 1, lastColumn);
  const titleCell = sheet.getCell(1, 1);
  titleCell.value = title;
  titleCell.style = { font: TITLE_FONT, alignment: { horizontal: 'center', vertical: 'middle' } };
  sheet.getRow(1).height = 30;
  const info = sheet.getCell(2, 1);
  info.value = t.infoLine(result.meta.unit ?? '', localTime(result.meta.createdAt));
  info.style = { font: BODY_FONT };

  // Header: groups above labels.
  const groups = fieldGroups(form);
  const groupLabels: (string | undefined)[] = [...fields.map((f) => groups.get(f.id)), ...computed.map(() => undefined), t.source, t.source, t.source, undefined];
  for (let c = 1; c <= lastColumn; c++) styleHeader(sheet.getCell(HEADER_ROW - 1, c));
  for (const run of groupRuns(groupLabels)) {
    if (run.to > run.from) sheet.mergeCells(HEADER_ROW - 1, run.from, HEADER_ROW - 1, run.to);
    sheet.getCell(HEADER_ROW - 1, run.from).value = run.label;
  }
  const header = sheet.getRow(HEADER_ROW);
  header.height = 42;
  fields.forEach((field, i) => {
    const cell = header.getCell(i + 1);
    // Always the canonical label: the next level matches the columns by it.
    cell.value = field.label;
    styleHeader(cell);
    if (lang === 'en' && field.def.labelEn) cell.note = field.def.labelEn;
    sheet.getColumn(i + 1).width = field.def.width ?? Math.max(10, Math.min(30, field.label.length * 2));
  });
  computed.forEach((c, i) => {
    const cell = header.getCell(computedStart + i);
    cell.value = (lang === 'en' && c.label.en) || c.label['zh-CN'];
    styleHeader(cell);
    sheet.getColumn(computedStart + i).width = 14;
  });
  const sourceHeaders: [string, number][] = [
    [t.sourceFile, 28],
    [t.sourceSheet, 14],
    [t.sourceRow, 8],
    [t.remark, 30],
  ];
  sourceHeaders.forEach(([label, width], i) => {
    const cell = header.getCell(sourceStart + i);
    cell.value = label;
    styleHeader(cell);
    sheet.getColumn(sourceStart + i).width = width;
  });

  const marks = collectMarks(result.issues);
  const keyIndex = Math.max(0, fields.findIndex((f) => f.id === form.def.rollupKey));

  const writeRow = (r: number, row: RollupRow, superseded: boolean) => {
    const grey: Partial<Font> | undefined = superseded ? { ...BODY_FONT, color: { argb: COLORS.greyText }, italic: true } : undefined;
    // Issues that name no sheet (a CSV's, say) still belong to the file's row.
    const byField = superseded ? undefined : mergeMarks(marks.get(rowKey(row.file, row.sheet, row.row)), row.sheet ? marks.get(rowKey(row.file, undefined, row.row)) : undefined);
    fields.forEach((field, i) => {
      const cell = sheet.getCell(r, i + 1);
      writeValue(cell, field, row.values[field.id]);
      styleBody(cell, numberFormat(field), grey ? { font: grey } : {});
      if (superseded) return;
      let mark = byField?.get(field.id);
      if (row.unreadable.includes(field.id)) mark = mergeSeverity({ severity: 'error', messages: mark ? [] : [t.unreadable] }, mark);
      if (i === keyIndex) mark = mergeSeverity(mark, byField?.get(''));
      markCell(cell, mark);
    });
    computed.forEach((c, i) => {
      const cell = sheet.getCell(r, computedStart + i);
      const value = ratio(row.values, c, row.unreadable);
      if (value !== undefined) cell.value = value;
      styleBody(cell, c.format ?? '0.0%', grey ? { font: grey } : {});
    });
    const remark = superseded
      ? row.supersededBy
        ? t.supersededBy(row.supersededBy.file, row.supersededBy.sheet, row.supersededBy.row)
        : t.superseded
      : [row.notOnRoster ? t.notOnRoster : '', t.rowCounts(row.errors, row.warnings)].filter(Boolean).join(lang === 'en' ? '; ' : '；');
    const source: (string | number)[] = [text(row.file), text(row.sheet), row.row, remark];
    source.forEach((value, i) => {
      const cell = sheet.getCell(r, sourceStart + i);
      if (value !== '') cell.value = value;
      styleBody(cell, undefined, grey ? { font: grey } : {});
    });
  };

  const counted = result.rows.filter((row) => row.status === 'counted');
  const superseded = result.rows.filter((row) => row.status === 'superseded');
  let r = FIRST_DATA_ROW;
  for (const row of counted) writeRow(r++, row, false);
  const lastDataRow = counted.length ? r - 1 : undefined;

  // 合计: the engine's sums; text columns stay blank.
  const totalRow = r++;
  const totalFill = solidFill(COLORS.total);
  for (let c = 1; c <= lastColumn; c++) styleBody(sheet.getCell(totalRow, c), undefined, { font: BOLD_FONT, fill: totalFill });
  const totalLabel = sheet.getCell(totalRow, keyIndex + 1);
  totalLabel.value = t.total;
  totalLabel.alignment = { horizontal: 'center', vertical: 'middle' };
  fields.forEach((field, i) => {
    const sum = result.totals[field.id];
    if (field.def.rollup !== 'sum' || typeof sum !== 'number') return;
    const cell = sheet.getCell(totalRow, i + 1);
    cell.value = sum;
    const format = numberFormat(field);
    if (format) cell.numFmt = format;
  });
  computed.forEach((c, i) => {
    const num = result.totals[c.numerator];
    const den = result.totals[c.denominator];
    const value = result.totals[c.id] ?? (typeof num === 'number' && typeof den === 'number' && den > 0 ? num / den : undefined);
    const cell = sheet.getCell(totalRow, computedStart + i);
    if (typeof value === 'number' && Number.isFinite(value)) cell.value = value;
    cell.numFmt = c.format ?? '0.0%';
  });

  // Superseded rows: below a note line (which ends the table for any reader), never summed.
  if (superseded.length) {
    r++;
    sheet.mergeCells(r, 1, r, lastColumn);
    const note = sheet.getCell(r, 1);
    note.value = t.supersededNote(superseded.length);
    note.style = { font: { ...BODY_FONT, color: { argb: COLORS.greyText } } };
    r++;
    for (const row of superseded) writeRow(r++, row, true);
  }
  sheet.pageSetup.printTitlesRow = `${HEADER_ROW - 1}:${HEADER_ROW}`;
  return { firstDataRow: FIRST_DATA_ROW, lastDataRow, totalRow };
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

function notOnRosterLines(result: RollupResult): UnitLine[] {
  const lines = new Map<string, UnitLine>();
  for (const row of result.rows) {
    if (!row.notOnRoster) continue;
    let line = lines.get(row.unit);
    if (!line) {
      line = { unit: row.unit, status: 'notOnRoster', files: [], errors: 0, warnings: 0, superseded: 0 };
      lines.set(row.unit, line);
    }
    if (row.status === 'superseded') {
      line.superseded++;
      continue;
    }
    if (!line.files.includes(row.file)) line.files.push(row.file);
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

function writeStatusSheet(workbook: Workbook, result: RollupResult, form: CompiledForm, lang: Lang): void {
  const t: Texts = TEXTS[lang];
  const tableTop = 4;
  const sheet = workbook.addWorksheet(ROLLUP_SHEETS.status, {
    views: [{ state: 'frozen', xSplit: 1, ySplit: tableTop, topLeftCell: `B${tableTop + 1}`, activeCell: `B${tableTop + 1}` }],
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 },
  });
  const headers = t.unitHeaders;
  const lastColumn = headers.length;
  const roster: UnitLine[] = result.units.map((u) => ({ ...u, status: u.status }));
  const outside = notOnRosterLines(result);
  const count = (kind: UnitStatusKind) => result.units.filter((u) => u.status === kind).length;

  sheet.mergeCells(1, 1, 1, lastColumn);
  const title = sheet.getCell(1, 1);
  title.value = t.statusTitle(formTitle(form, lang));
  title.style = { font: TITLE_FONT, alignment: { horizontal: 'center', vertical: 'middle' } };
  sheet.getRow(1).height = 30;
  sheet.mergeCells(2, 1, 2, lastColumn);
  const counts = sheet.getCell(2, 1);
  counts.value = t.counts({ expected: result.units.length, reported: count('reported'), late: count('late'), missing: count('missing'), notOnRoster: outside.length });
  counts.style = { font: BOLD_FONT };

  [30, 18, 24, 12, 36, 12, 12, 8, 8, 14].forEach((width, i) => (sheet.getColumn(i + 1).width = width));
  headers.forEach((label, i) => {
    const cell = sheet.getCell(tableTop, i + 1);
    cell.value = label;
    styleHeader(cell);
  });
  let r = tableTop + 1;
  for (const line of [...roster, ...outside]) {
    const fill =
      line.status === 'missing' ? solidFill(COLORS.missing) : line.status === 'late' ? solidFill(COLORS.late) : line.status === 'notOnRoster' ? solidFill(COLORS.notOnRoster) : undefined;
    const values: (string | number | Date | undefined)[] = [
      line.unit,
      line.level,
      line.parent,
      t.status[line.status],
      line.files.join(t.list),
      isoToDate(line.date) ?? line.date,
      isoToDate(line.deadline) ?? line.deadline,
      line.errors,
      line.warnings,
      line.superseded,
    ];
    values.forEach((value, i) => {
      const cell = sheet.getCell(r, i + 1);
      if (value !== undefined && value !== '') cell.value = typeof value === 'number' || value instanceof Date ? value : text(value);
      styleBody(cell, i === 5 || i === 6 ? DATE_FORMAT : i >= 7 ? INT_FORMAT : undefined, i === 3 && fill ? { fill } : { wrap: i === 4 });
    });
    r++;
  }

  // The files.
  r++;
  const accepted = result.files.filter((f) => f.status === 'accepted').length;
  sheet.mergeCells(r, 1, r, lastColumn);
  const filesTitle = sheet.getCell(r, 1);
  filesTitle.value = t.filesTitle(result.files.length, accepted, result.files.length - accepted);
  filesTitle.style = { font: BOLD_FONT };
  r++;
  t.fileHeaders.forEach((label, i) => {
    const cell = sheet.getCell(r, i + 1);
    cell.value = label;
    styleHeader(cell);
  });
  // The reason may be long: let it run across the remaining columns.
  sheet.mergeCells(r, 4, r, lastColumn);
  r++;
  for (const file of result.files) {
    const reason = file.status === 'rejected' ? text(file.reason) : file.rollupOf ? t.rollupOf(file.rollupOf.unit) : '';
    const values: (string | number)[] = [text(file.file), file.status === 'accepted' ? t.accepted : t.rejected, file.rows, reason];
    values.forEach((value, i) => {
      const cell = sheet.getCell(r, i + 1);
      if (value !== '') cell.value = value;
      styleBody(cell, i === 2 ? INT_FORMAT : undefined, i === 1 && file.status === 'rejected' ? { fill: solidFill(COLORS.error) } : { wrap: i === 3 });
    });
    sheet.mergeCells(r, 4, r, lastColumn);
    r++;
  }
}

// ── 问题清单 ─────────────────────────────────────────────────────────────────────────────

function writeIssuesSheet(workbook: Workbook, result: RollupResult, form: CompiledForm, lang: Lang): void {
  const t = TEXTS[lang];
  const sheet = workbook.addWorksheet(ROLLUP_SHEETS.issues, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }],
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 },
  });
  [28, 14, 8, 24, 10, 16, 70].forEach((width, i) => (sheet.getColumn(i + 1).width = width));
  t.issueHeaders.forEach((label, i) => {
    const cell = sheet.getCell(1, i + 1);
    cell.value = label;
    styleHeader(cell);
  });
  result.issues.forEach((issue, n) => {
    const r = n + 2;
    const field = issue.field !== undefined ? form.byId.get(issue.field) : undefined;
    const values: string[] = [
      text(issue.file),
      text(issue.sheet),
      text(issue.cell),
      field ? fieldLabel(field, lang) : text(issue.field),
      t.severity[issue.severity] ?? issue.severity,
      text(issue.rule),
      text(issue.message),
    ];
    values.forEach((value, i) => {
      const cell = sheet.getCell(r, i + 1);
      if (value !== '') cell.value = value;
      styleBody(cell, undefined, i === 4 ? { fill: solidFill(issue.severity === 'error' ? COLORS.error : COLORS.warning) } : { wrap: i === 6 });
    });
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, result.issues.length + 1), column: t.issueHeaders.length } };
}

// ── The workbook ────────────────────────────────────────────────────────────────────────

export async function writeRollupWorkbook(result: RollupResult, form: CompiledForm, options: { lang: Lang; title?: string }): Promise<Uint8Array> {
  const { lang } = options;
  const meta = result.meta;
  const title = options.title ?? defaultTitle(result, form, lang);
  const workbook = new Workbook();
  const created = new Date(meta.createdAt);
  workbook.creator = 'Huizong';
  workbook.lastModifiedBy = 'Huizong';
  if (!Number.isNaN(created.getTime())) {
    workbook.created = created;
    workbook.modified = created;
  }
  workbook.title = title;
  workbook.subject = 'huizong:rollup';
  workbook.keywords = `huizong rollup ${meta.form} ${meta.formVersion}`;
  workbook.category = 'huizong';
  workbook.description = JSON.stringify({ kind: 'rollup', ...meta });
  if (meta.unit) workbook.company = meta.unit;

  const layout = writeRowsSheet(workbook, result, form, lang, title);
  writeStatusSheet(workbook, result, form, lang);
  writeIssuesSheet(workbook, result, form, lang);
  writeMetaSheet(workbook, [
    ['generator', meta.generator],
    ['kind', 'rollup'],
    ['form', meta.form],
    ['formVersion', meta.formVersion],
    ['unit', meta.unit],
    ['level', meta.level],
    ['createdAt', meta.createdAt],
    ['sheet', ROLLUP_SHEETS.rows],
    ['headerRow', String(HEADER_ROW)],
    ['firstDataRow', String(layout.firstDataRow)],
    ['lastDataRow', layout.lastDataRow === undefined ? '' : String(layout.lastDataRow)],
    ['totalRow', String(layout.totalRow)],
    ['meta', JSON.stringify(meta)],
  ]);
  workbook.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: 'visible' }];
  return toBytes(await workbook.xlsx.writeBuffer());
}
