/** What the command line says, zh-CN first; `--lang en` or HUIZONG_LANG=en for English. */
import { fillTemplate } from '../core/issues/catalogue';
import type { Lang } from '../core/definitions/types';

const texts = {
  usage: {
    'zh-CN': `用法：
  huizong validate 文件... [--form 表单编号] [--definition 定义.json] [--json] [--today YYYY-MM-DD] [--lang en]
      校验报送的表格（.xlsx .xlsm .xls .csv），逐个单元格列出问题。
      退出码：0 没有错误；1 发现错误；2 无法运行。
  huizong rollup 文件或文件夹... --materials 材料,... --out 汇总.xlsx [--roster 单位名单.xlsx] [--deadline YYYY-MM-DD] [--unit 本单位名称] [--json]
      整个通知一起汇总：各单位的表格、活动总结和图片，谁报了什么、谁还缺什么（报送材料、催报名单、各表汇总、问题清单）。
      材料：activity-summary（数据汇总表）、quiz-results（知识竞赛活动情况表）、typical-experience（典型经验）、
            activity-report（活动总结：文件名含“总结”的文档）、photos（图片）。文档和图片只看文件名，从不打开。
  huizong rollup 文件或文件夹... --form 表单编号 --out 汇总.xlsx [--roster 单位名单.xlsx] [--deadline YYYY-MM-DD] [--unit 本单位名称] [--year 2024] [--last-year 去年汇总.xlsx] [--json]
      把各单位报送的表格汇总成一个工作簿（汇总、报送情况、问题清单）。
      退出码：0 已写出汇总工作簿（问题列在其中）；1 无法写出；2 用法有误。
  huizong template 表单编号 --out 模板.xlsx [--year 2024] [--layout card] [--roster 单位名单.csv]
      生成空白模板，带下拉选项和输入提示，供没有加载项的单位在 Excel 或 WPS 中填写。
      --layout card：单位填报用的竖版单页表（A4 纵向，指标逐行列出，可打印盖章）。
      --roster：按单位名单预先填好每个下级单位的一行（区县下发用）。
  huizong template roster --out 单位名单.xlsx
      生成空白单位名单：单位名称、单位层级（下拉选择）、上级单位、别名、截止日期、联系人、联系电话。
表单编号：activity-summary（活动数据汇总表）、quiz-results（知识竞赛活动情况表）、typical-experience（典型经验）`,
    en: `Usage:
  huizong validate FILE... [--form ID] [--definition DEF.json] [--json] [--today YYYY-MM-DD] [--lang en]
      Check returned tables (.xlsx .xlsm .xls .csv) and list every problem by cell.
      Exit code: 0 no errors; 1 errors found; 2 cannot run.
  huizong rollup FILE_OR_FOLDER... --materials ID,... --out ROLLUP.xlsx [--roster ROSTER.xlsx] [--deadline YYYY-MM-DD] [--unit NAME] [--json]
      The whole notice: every unit's tables, activity reports and photos; who sent what and who to remind.
      Materials: activity-summary, quiz-results, typical-experience, activity-report (a document named with 总结), photos.
      Documents and photos are known by their names only, never opened.
  huizong rollup FILE_OR_FOLDER... --form ID --out ROLLUP.xlsx [--roster ROSTER.xlsx] [--deadline YYYY-MM-DD] [--unit NAME] [--year 2024] [--last-year LAST.xlsx] [--json]
      Roll the returned tables up into one workbook (summary, submission status, issue list).
      Exit code: 0 workbook written (issues are listed in it); 1 nothing could be written; 2 usage error.
  huizong template ID --out TEMPLATE.xlsx [--year 2024] [--layout card] [--roster ROSTER.csv]
      Write the blank template, with dropdowns and input prompts, for units without the add-in.
      --layout card: a one-page vertical card for one unit (A4 portrait, one indicator a row, to print and stamp).
      --roster: one row per unit of the roster, its name filled in (a district's template).
  huizong template roster --out ROSTER.xlsx
      Write a blank roster: unit name, level (a drop-down), parent unit, aliases, deadline, contact, phone.
Form ids: activity-summary, quiz-results, typical-experience`,
  },
  seeHelp: { 'zh-CN': '运行 huizong --help 查看用法。', en: 'Run huizong --help for usage.' },
  noFiles: { 'zh-CN': '请指定要校验的文件。', en: 'Please name the files to check.' },
  noSuchFile: { 'zh-CN': '找不到文件：{path}', en: 'No such file: {path}' },
  unknownForm: { 'zh-CN': '没有编号为“{form}”的表单。可用的表单：{known}', en: 'There is no form "{form}". Known forms: {known}' },
  unknownCommand: { 'zh-CN': '不认识的命令“{command}”。', en: 'Unknown command "{command}".' },
  badYear: {
    'zh-CN': '年份“{value}”有误：请写四位数的年份，例如 --year 2024。',
    en: 'The year "{value}" is wrong: please write it with four digits, e.g. --year 2024.',
  },
  tableFound: {
    'zh-CN': '工作表“{sheet}”：{form}，表头在第{header}行，{rows}行数据',
    en: 'Sheet "{sheet}": {form}, header on row {header}, {rows} data rows',
  },
  formTwice: {
    'zh-CN': '--form 只能写一次（这里写了：{forms}）；一次汇总只汇总一张表，请只保留一个。',
    en: '--form may be given only once (given: {forms}); a roll-up is of one form. Please keep one.',
  },
  needForm: {
    'zh-CN':
      '请用 --materials 列出本次通知要求报送的材料（activity-summary,quiz-results,typical-experience,activity-report,photos），或用 --form 只汇总一种表格。',
    en: 'Please list what this notice asks for with --materials (activity-summary,quiz-results,typical-experience,activity-report,photos), or roll up one form with --form.',
  },
  unknownMaterial: {
    'zh-CN': '没有“{material}”这种材料。可用的材料：{known}',
    en: 'There is no material "{material}". Known materials: {known}',
  },
  noticeFiles: {
    'zh-CN':
      '共 {files} 个文件：采用 {accepted} 个，退回 {rejected} 个，无法确定单位 {unattributed} 个，无法确定材料 {unclassified} 个，其他 {other} 个。',
    en: '{files} files: {accepted} accepted, {rejected} rejected, {unattributed} of unknown unit, {unclassified} of unknown material, {other} other.',
  },
  noticeMaterial: {
    'zh-CN': '{material}：已收到 {received}，逾期 {late}，退回 {rejected}，未报送 {missing}',
    en: '{material}: {received} received, {late} late, {rejected} rejected, {missing} missing',
  },
  noticeReminders: {
    'zh-CN': '需催报 {count} 个单位，名单和消息见工作簿的“催报名单”。',
    en: '{count} units to remind: see the 催报名单 sheet of the workbook for the list and messages.',
  },
  noticeMore: {
    'zh-CN': '各单位的材料见“报送材料”，全部问题见“问题清单”。',
    en: "Each unit's materials are on the 报送材料 sheet, every issue on 问题清单.",
  },
  badLayout: {
    'zh-CN': '版式“{value}”不认识：请写 --layout card（单位填报竖版）或 --layout table（汇总表横版，默认）。',
    en: 'Unknown layout "{value}": use --layout card (one unit, vertical) or --layout table (the default).',
  },
  needOut: { 'zh-CN': '请用 --out 指定要写出的 .xlsx 文件。', en: 'Please name the .xlsx file to write with --out.' },
  needTemplateForm: {
    'zh-CN': '请指定模板的表单编号，例如 huizong template activity-summary --out 模板.xlsx',
    en: 'Please name the form, e.g. huizong template activity-summary --out template.xlsx',
  },
  progress: { 'zh-CN': '{bar} 第 {index}/{total} 个文件：{file}', en: '{bar} file {index}/{total}: {file}' },
  written: { 'zh-CN': '已写出 {path}', en: 'Written: {path}' },
  rollupSummary: {
    'zh-CN': '共 {files} 个文件：接收 {accepted} 个，拒收 {rejected} 个；计入 {rows} 行；{errors} 个错误，{warnings} 个警告。',
    en: '{files} files: {accepted} accepted, {rejected} rejected; {rows} rows counted; {errors} errors, {warnings} warnings.',
  },
  unitSummary: {
    'zh-CN': '名单 {total} 个单位：已报送 {reported}，逾期 {late}，未报送 {missing}。',
    en: 'Roster of {total} units: {reported} reported, {late} late, {missing} missing.',
  },
  rejected: { 'zh-CN': '拒收', en: 'rejected' },
  moreIssues: {
    'zh-CN': '……另有 {count} 条问题，见汇总工作簿的“问题清单”。',
    en: '… {count} more issues: see the issue list sheet of the workbook.',
  },
  error: { 'zh-CN': '错误', en: 'error' },
  warning: { 'zh-CN': '警告', en: 'warning' },
  clean: { 'zh-CN': '没有发现问题。', en: 'No problems found.' },
  summary: {
    'zh-CN': '共 {files} 个文件：{errors} 个错误，{warnings} 个警告。',
    en: '{files} files: {errors} errors, {warnings} warnings.',
  },
} satisfies Record<string, Record<Lang, string>>;

export type CliText = keyof typeof texts;

export function say(lang: Lang, key: CliText, params: Record<string, string | number> = {}): string {
  return fillTemplate(texts[key][lang], params);
}
