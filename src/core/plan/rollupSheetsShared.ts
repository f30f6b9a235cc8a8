/**
 * What the roll-up's sheets share (pure): names, colours, formats, rows, texts, and the helpers
 * that turn values and areas into what a sheet plan holds.
 */
import type { Lang } from '../definitions/types';
import type { Severity } from '../issues/catalogue';
import { plainNumber, type OutlierFlag } from '../rollup/outliers';
import type { RollupResult, UnitStatusKind } from '../rollup/types';
import { a1, columnName } from '../table/grid';
import { compressCells } from './markPlan';
import type { AreaFill, RollupSheetPlan, SheetPlanValue } from './types';

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
export const HEADER_ROW = 4;
export const FIRST_DATA_ROW = HEADER_ROW + 1;
/** 报送情况: the units table's header row. */
export const STATUS_TABLE_TOP = 4;
export const STATUS_COLUMNS = 10;
/** 问题清单: header on row 1, issue #0 on row 2. */
export const ISSUES_FIRST_ROW = 2;
export const ISSUE_COLUMNS = 8;

// ── Texts ───────────────────────────────────────────────────────────────────────────────

export const TEXTS = {
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
    issueHeaders: ['单位', '文件', '工作表', '单元格', '字段', '严重程度', '规则', '说明'],
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
    issueHeaders: ['Unit', 'File', 'Sheet', 'Cell', 'Field', 'Severity', 'Rule', 'Message'],
    severity: { error: 'Error', warning: 'Warning' } as Record<Severity, string>,
    list: ', ',
    chartTitle: (title: string, units: number, capped: boolean) => `${title}: main indicators by unit${capped ? ` (first ${units})` : ''}`,
  },
};

export type Texts = (typeof TEXTS)['zh-CN'];

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
export function text(value: unknown): string {
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

/** What a roll-up sheet plan holds besides its role, name and values (and what those give). */
export type RollupSheetLayout = Omit<RollupSheetPlan, 'role' | 'name' | 'values' | 'textPrefixed'>;

/**
 * One of the roll-up's own sheets (汇总, 报送情况, 问题清单): named for its role, its values
 * with every text Excel would change prefixed (prefixText, in place).
 */
export function rollupSheet(role: keyof typeof ROLLUP_SHEET_NAMES, values: SheetPlanValue[][], layout: RollupSheetLayout): RollupSheetPlan {
  const textPrefixed = prefixText(values);
  return { role, name: ROLLUP_SHEET_NAMES[role], values, textPrefixed, ...layout };
}

export function localTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

// ── Areas ───────────────────────────────────────────────────────────────────────────────

/** A1 area of 0-based columns and 1-based rows. */
export function area(c1: number, r1: number, c2 = c1, r2 = r1): string {
  const from = `${columnName(c1)}${r1}`;
  const to = `${columnName(c2)}${r2}`;
  return from === to ? from : `${from}:${to}`;
}

/** Areas of runs of consecutive columns sharing a format, over rows r1..r2. */
export function formatRuns(formats: readonly (string | undefined)[], r1: number, r2: number): { format: string; areas: string[] }[] {
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

export class Cells {
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

export function blankRow(width: number): SheetPlanValue[] {
  return Array.from({ length: width }, () => '');
}

export { fileName, fileNames } from '../text/fileName';

/** The printed pages' footer: who rolled up, page of pages, when. */
export function printFooter(result: RollupResult, lang: Lang): NonNullable<RollupSheetPlan['print']>['footer'] {
  const unit = result.meta.unit ?? '';
  const when = localTime(result.meta.createdAt);
  return lang === 'en'
    ? { left: unit ? `Rolled up by ${unit}` : '', center: 'Page &P of &N', right: when }
    : { left: unit ? `汇总单位：${unit}` : '', center: '第 &P 页，共 &N 页', right: `汇总时间：${when}` };
}
