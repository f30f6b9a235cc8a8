/**
 * A blank 单位名单 (roster) sheet for the open workbook, as a plan (pure): the columns the
 * spec names (单位名称, 单位层级, 上级单位, 别名, 截止日期, and 联系人, 联系电话 for the
 * whole notice's reminder list) under a header row that
 * `parseRoster` reads, widths a person can type into, a drop-down of the levels for 单位层级,
 * a date check on 截止日期, a prompt on every column, the header kept in view. The adapter
 * adds it under a name of its own (`单位名单(2)` …) and never over a sheet of the user's.
 *
 * The headers stay Chinese in an English pane: they are what the roster reader (and the CLI's
 * --roster) looks for.
 */
import type { Lang } from '../definitions/types';
import { columnName } from '../table/grid';
import { clip, ERROR_LIMIT, ERROR_TITLE_LIMIT, PROMPT_LIMIT, PROMPT_TITLE_LIMIT } from './templatePlan';
import type { ColumnValidation } from './types';

export const ROSTER_SHEET_NAME = '单位名单';
/** Rows given validations and borders below the header: a district rarely expects more units. */
export const ROSTER_ROWS = 300;
export const ROSTER_DATE_FORMAT = 'yyyy-mm-dd';

/**
 * The levels of the union hierarchy, as the spec lists them for 单位层级 (forms.md, the
 * activity form's unitLevel): a roster written with them matches the returns word for word.
 */
export const UNIT_LEVELS = [
  '基层工会',
  '街道（乡镇）工会',
  '区（市）县总工会',
  '产业（系统）工会',
  '市总直属基层工会',
  '市总工会',
] as const;

export interface RosterSheetColumn {
  letter: string;
  label: string;
  /** Width in characters (the adapter converts to points). */
  width: number;
  /** Number format of the data cells: text for names (a name like 001 stays as typed), a date for 截止日期. */
  numberFormat: string;
}

export interface RosterSheetPlan {
  /** The name wanted; the adapter adds `(2)` … where the workbook has a sheet of that name. */
  sheetName: string;
  header: { row: 1; range: string; labels: string[] };
  columns: RosterSheetColumn[];
  /** Header and data rows, e.g. `A1:E301` (borders). */
  body: string;
  /** The data cells, e.g. `A2:E301`. */
  data: string;
  validations: ColumnValidation[];
  freeze: { rows: 1 };
  /** The cell selected once written: the first name to type. */
  select: string;
}

const TEXTS = {
  'zh-CN': {
    name: ['单位名称', '填写应报单位的全称，一行一个单位，如“河东区大王庄街道总工会”。'],
    level: ['单位层级', '从下拉列表中选择本单位的层级。'],
    parent: ['上级单位', '填写直接上级工会的全称；系统或区县工会代报下属单位时，据此认出下属单位。'],
    alias: ['别名', '报表中可能出现的其他写法，多个用“、”隔开，如“大王庄街工会、大王庄街道工会”。'],
    deadline: ['截止日期', '本单位自己的报送截止日期（可不填，不填则用汇总时的截止日期），如 2024-03-25。'],
    contact: ['联系人', '催报时联系的人（可不填），写入催报名单和催报消息的称呼，如“王芳”。'],
    phone: ['联系电话', '联系人的手机或座机（可不填），写入催报名单，如 13800000001 或 022-24310001。'],
    levelError: (levels: readonly string[]) => `请从下拉列表中选择：${levels.join('、')}`,
    dateError: '请填写日期，如 2024-03-25。',
    errorTitle: '输入有误',
  },
  en: {
    name: ['单位名称 (unit name)', 'The full name of a unit expected to report, one unit per row.'],
    level: ['单位层级 (level)', "Choose the unit's level from the list."],
    parent: ['上级单位 (parent unit)', 'The full name of the union directly above; rows a parent reports for its units are matched by it.'],
    alias: ['别名 (aliases)', 'Other ways returns may write the name, separated by 、'],
    deadline: ['截止日期 (deadline)', "This unit's own deadline (optional; otherwise the roll-up's deadline), e.g. 2024-03-25."],
    contact: ['联系人 (contact)', 'Whom to remind (optional): goes into the reminder list and its message.'],
    phone: ['联系电话 (phone)', "The contact's phone (optional): goes into the reminder list, e.g. 13800000001."],
    levelError: (levels: readonly string[]) => `Choose one of: ${levels.join(', ')}`,
    errorTitle: 'Not accepted',
    dateError: 'Type a date, e.g. 2024-03-25.',
  },
} as const;

const COLUMNS = [
  { role: 'name', label: '单位名称', width: 36, numberFormat: '@' },
  { role: 'level', label: '单位层级', width: 20, numberFormat: '@' },
  { role: 'parent', label: '上级单位', width: 30, numberFormat: '@' },
  { role: 'alias', label: '别名', width: 36, numberFormat: '@' },
  { role: 'deadline', label: '截止日期', width: 14, numberFormat: ROSTER_DATE_FORMAT },
  { role: 'contact', label: '联系人', width: 12, numberFormat: '@' },
  // Text: a phone is not a number (022-… keeps its leading zero and dash).
  { role: 'phone', label: '联系电话', width: 18, numberFormat: '@' },
] as const;

/** The blank roster sheet: header, widths, a level list, a date check, prompts, frozen header. */
export function rosterSheetPlan(lang: Lang = 'zh-CN', levels: readonly string[] = UNIT_LEVELS, rows = ROSTER_ROWS): RosterSheetPlan {
  const t = TEXTS[lang];
  const last = columnName(COLUMNS.length - 1);
  const lastRow = 1 + rows;
  const columns: RosterSheetColumn[] = COLUMNS.map((c, i) => ({
    letter: columnName(i),
    label: c.label,
    width: c.width,
    numberFormat: c.numberFormat,
  }));
  const range = (i: number) => `${columnName(i)}2:${columnName(i)}${lastRow}`;
  const prompt = (text: readonly [string, string]) => ({ title: clip(text[0], PROMPT_TITLE_LIMIT), message: clip(text[1], PROMPT_LIMIT) });
  const stop = (message: string) => ({ title: clip(t.errorTitle, ERROR_TITLE_LIMIT), message: clip(message, ERROR_LIMIT) });

  const validations: ColumnValidation[] = COLUMNS.map((c, i): ColumnValidation => {
    switch (c.role) {
      case 'level':
        return levels.length
          ? { range: range(i), kind: 'list', options: [...levels], prompt: prompt(t.level), error: stop(t.levelError(levels)) }
          : { range: range(i), kind: 'none', prompt: prompt(t.level) };
      case 'deadline':
        return {
          range: range(i),
          kind: 'date',
          from: '2000-01-01',
          to: '2099-12-31',
          prompt: prompt(t.deadline),
          error: stop(t.dateError),
        };
      default:
        return { range: range(i), kind: 'none', prompt: prompt(t[c.role]) };
    }
  });

  return {
    sheetName: ROSTER_SHEET_NAME,
    header: { row: 1, range: `A1:${last}1`, labels: COLUMNS.map((c) => c.label) },
    columns,
    body: `A1:${last}${lastRow}`,
    data: `A2:${last}${lastRow}`,
    validations,
    freeze: { rows: 1 },
    select: 'A2',
  };
}
