/** What the command line says, zh-CN first; `--lang en` or HUIZONG_LANG=en for English. */
import { fillTemplate } from '../core/issues/catalogue';
import type { Lang } from '../core/definitions/types';

const texts = {
  usage: {
    'zh-CN': `用法：
  huizong validate 文件... [--form 表单编号] [--definition 定义.json] [--json] [--today YYYY-MM-DD] [--lang en]
      校验报送的表格（.xlsx .xlsm .xls .csv），逐个单元格列出问题。
      退出码：0 没有错误；1 发现错误；2 无法运行。
表单编号：activity-summary（活动数据汇总表）、quiz-results（知识竞赛活动情况表）、typical-experience（典型经验）`,
    en: `Usage:
  huizong validate FILE... [--form ID] [--definition DEF.json] [--json] [--today YYYY-MM-DD] [--lang en]
      Check returned tables (.xlsx .xlsm .xls .csv) and list every problem by cell.
      Exit code: 0 no errors; 1 errors found; 2 cannot run.
Form ids: activity-summary, quiz-results, typical-experience`,
  },
  seeHelp: { 'zh-CN': '运行 huizong --help 查看用法。', en: 'Run huizong --help for usage.' },
  badOption: { 'zh-CN': '命令行参数有误：{detail}', en: 'Wrong command-line option: {detail}' },
  noFiles: { 'zh-CN': '请指定要校验的文件。', en: 'Please name the files to check.' },
  noSuchFile: { 'zh-CN': '找不到文件：{path}', en: 'No such file: {path}' },
  unknownForm: { 'zh-CN': '没有编号为“{form}”的表单。可用的表单：{known}', en: 'There is no form "{form}". Known forms: {known}' },
  unknownCommand: { 'zh-CN': '不认识的命令“{command}”。', en: 'Unknown command "{command}".' },
  badDate: { 'zh-CN': '日期“{value}”应写成 YYYY-MM-DD。', en: 'The date "{value}" should be written YYYY-MM-DD.' },
  tableFound: {
    'zh-CN': '工作表“{sheet}”：{form}，表头在第{header}行，{rows}行数据',
    en: 'Sheet "{sheet}": {form}, header on row {header}, {rows} data rows',
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
