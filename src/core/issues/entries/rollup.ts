/** Catalogue entries: The roster, the roll-up and outliers. */
import type { CatalogueEntry } from '../entry';

/** What to check on a figure far from its peers or last year: above, below, or 0 (`advice` param). */
const outlierAdvice = {
  high: {
    'zh-CN': '请核对是否多写了 0、误用了“万”，或填到了别的列',
    en: 'Please check for an extra zero, a figure in wan (ten thousands), or the wrong column',
  },
  low: {
    'zh-CN': '请核对是否漏写了 0，或填到了别的列',
    en: 'Please check for a missing zero or the wrong column',
  },
  zero: {
    'zh-CN': '确实没有的可不必理会；未统计的应留空，不要填 0；也请核对是否填到了别的列',
    en: 'If there really were none, nothing needs doing; if it was not counted, leave the cell blank instead of 0; also check for the wrong column',
  },
} as const;

export const rollupEntries = {
  // ── The roster ──
  'roster.no-name-column': {
    severity: 'error',
    'zh-CN': '单位名单中没有找到“{header}”列，请在前10行内的表头中写明“{header}”，每个单位占一行',
    en: 'The roster has no unit name column. Please put the header "{header}" (unit name) in the first 10 rows, one unit per row',
    literal: { header: '单位名称' },
  },
  'roster.empty': {
    severity: 'warning',
    'zh-CN': '单位名单中没有单位，请在“{header}”列下逐行填写应报送的单位',
    en: 'The roster lists no units. Please list the units expected to report under "{header}" (unit name), one per row',
    literal: { header: '单位名称' },
  },
  'roster.is-a-return': {
    severity: 'error',
    'zh-CN':
      '这是一份《{form}》报表，不是单位名单，未作为名单使用；单位名单应有“{name}”“{level}”“{parent}”等列，每个应报单位一行。空白名单可在任务窗格中点“下载空白名单”得到，命令行中用 huizong template roster --out 名单.xlsx 生成',
    en: 'This is a return of "{form}", not a roster, so it was not used as one. A roster has columns such as "{name}" (unit name), "{level}" (unit level) and "{parent}" (parent unit), one expected unit per row. Get a blank roster with "Download a blank roster" in the task pane, or on the command line with huizong template roster --out roster.xlsx',
    literal: { name: '单位名称', level: '单位层级', parent: '上级单位' },
  },
  'roster.unreadable': {
    severity: 'error',
    'zh-CN':
      '这个文件读不出来，未作为单位名单使用：请在 Excel 中打开它，确认能正常打开后另存为 .xlsx，再重新选择；也可以下载空白名单重新填写',
    en: 'This file could not be read, so it was not used as the roster. Open it in Excel, check that it opens, save it as .xlsx and choose it again; or download a blank roster and fill it in',
  },
  'roster.blank-name': {
    severity: 'warning',
    'zh-CN': '这一行没有填写单位名称，已跳过；请补上单位名称或删去这一行',
    en: 'This row has no unit name and was skipped. Please fill in the name or delete the row',
  },
  'roster.duplicate': {
    severity: 'warning',
    'zh-CN': '名单中“{name}”重复（第{firstRow}行、第{row}行），已按第{firstRow}行读取；请删去重复的一行',
    en: '"{name}" appears twice in the roster (rows {firstRow} and {row}); row {firstRow} is used. Please delete the repeated row',
  },
  'date.not-iso': {
    severity: 'error',
    'zh-CN': '日期“{value}”的写法不对：请写成“年-月-日”，四位年份、两位月份和日期，例如 2024-03-20',
    en: 'The date "{value}" is not written right: please write year-month-day, with four digits for the year and two for the month and day, e.g. 2024-03-20',
  },
  'date.no-such-month': {
    severity: 'error',
    'zh-CN': '“{value}”不是真实的日期：一年只有 12 个月，没有 {month} 月；请核对后按 2024-03-20 的格式填写',
    en: '"{value}" is not a real date: a year has 12 months, not {month}. Please check it and write it as 2024-03-20',
  },
  'date.no-such-day': {
    severity: 'error',
    'zh-CN': '“{value}”不是真实的日期：{year} 年 {month} 月只有 {days} 天，没有 {day} 日；请核对后重新填写',
    en: '"{value}" is not a real date: month {month} of {year} has {days} days, not {day}. Please check it',
  },
  'roster.impossible-deadline': {
    severity: 'error',
    'zh-CN': '{reason}。在改正之前，该单位暂不设单独的截止日期',
    en: '{reason}. Until it is corrected, this unit has no deadline of its own',
  },
  'roster.bad-deadline': {
    severity: 'error',
    'zh-CN': '“{value}”不是有效日期，该单位暂不设单独的截止日期；请按 2024-03-20 的格式填写',
    en: '"{value}" is not a valid date, so this unit has no deadline of its own. Please write it as 2024-03-20',
  },
  'roster.alias-clash': {
    severity: 'warning',
    'zh-CN': '别名“{alias}”已是第{otherRow}行“{other}”的名称或别名，无法区分，已不按此别名匹配；请删去或改正该别名',
    en: 'The alias "{alias}" is already the name or an alias of "{other}" (row {otherRow}), so it is not used for matching. Please delete or correct it',
  },
  // ── The roll-up ──
  'file.other-form': {
    severity: 'error',
    'zh-CN': '这是“{form}”，不是本次汇总的“{expected}”，未计入汇总',
    en: 'This is the "{form}", not the "{expected}" being rolled up; not counted',
  },
  'rollup.superseded': {
    severity: 'warning',
    'zh-CN': '“{unit}”的这一行已被更正版本替代（{file} 第{row}行），未计入汇总',
    en: 'This row of "{unit}" was replaced by a corrected version ({file} row {row}); not counted',
  },
  'rollup.not-on-roster': {
    severity: 'warning',
    'zh-CN': '“{unit}”不在单位名单中，已计入汇总，请核对单位名称{suggestion}',
    en: '"{unit}" is not on the roster; it is counted. Please check the unit name{suggestion}',
  },
  'rollup.missing': {
    severity: 'warning',
    'zh-CN': '“{unit}”未报送',
    en: '"{unit}" has not reported',
  },
  'rollup.late': {
    severity: 'warning',
    'zh-CN': '“{unit}”于 {date} 报送，晚于截止日期 {deadline}，已计入汇总',
    en: '"{unit}" reported on {date}, after the deadline of {deadline}; counted',
  },
  // ── Outliers: readable figures far from their peers or from last year (counted as they are) ──
  'outlier.peers': {
    severity: 'warning',
    'zh-CN': '{value} 与同级单位相差十倍以上：同级 {peers} 个单位的中位数为 {median}。{advice}；该数照常计入合计',
    en: '{value} is ten times off its peers: the median of {peers} units at the same level is {median}. {advice}; the figure is counted as it is',
    advice: outlierAdvice,
  },
  'outlier.last-year': {
    severity: 'warning',
    'zh-CN': '{value} 与本单位去年的 {last} 相差十倍以上。{advice}；该数照常计入合计',
    en: "{value} is ten times off this unit's {last} of last year. {advice}; the figure is counted as it is",
    advice: outlierAdvice,
  },
  'last-year.unusable': {
    severity: 'warning',
    'zh-CN': '去年的表无法用来同比：{reason}。本次汇总照常完成，只是没有同比；请选择去年同一张表的汇总工作簿',
    en: "Last year's table cannot be compared with: {reason}. The roll-up is done without the comparison; please choose last year's roll-up of the same form",
  },
} satisfies Record<string, CatalogueEntry>;
