/** The task pane's UI texts, Chinese first; English where Office (or the browser) speaks English. */

import type { Lang } from '../core/definitions/types';

export interface UiStrings {
  appTitle: string;
  appSubtitle: string;
  detecting: string;
  noExcelTitle: string;
  noExcelBody: string;
  formsHeading: string;
  formMeta: (id: string, version: string, fieldCount: number) => string;
  openDefinition: string;
  definitionBroken: string;
  entryNeedsExcel: string;
}

export const strings: Record<Lang, UiStrings> = {
  'zh-CN': {
    appTitle: '汇总',
    appSubtitle: '女职工维权行动月报表：模板、校验与汇总',
    detecting: '正在检测 Excel…',
    noExcelTitle: '未检测到 Excel',
    noExcelBody: '当前不在 Excel 中运行，只能使用文件功能：选择各单位报回的 .xlsx 文件进行校验和汇总。',
    formsHeading: '报表',
    formMeta: (id, version, fieldCount) => `${id} · 版本 ${version} · ${fieldCount} 个字段`,
    openDefinition: '打开表单定义…',
    definitionBroken: '这个表单定义不能使用',
    entryNeedsExcel: '填写一行需要在 Excel 中打开本加载项：录入的内容会保存到工作表的表格里。',
  },
  en: {
    appTitle: 'Huizong',
    appSubtitle: "Women Workers' Rights Month reports: templates, checks and roll-up",
    detecting: 'Looking for Excel…',
    noExcelTitle: 'Excel not detected',
    noExcelBody: 'The pane is not running inside Excel, so only the file features are available: pick the .xlsx files units sent back to check and roll them up.',
    formsHeading: 'Forms',
    formMeta: (id, version, fieldCount) => `${id} · version ${version} · ${fieldCount} field${fieldCount === 1 ? '' : 's'}`,
    openDefinition: 'Open a form definition…',
    definitionBroken: 'This form definition cannot be used',
    entryNeedsExcel: 'Entering a row needs the add-in open in Excel: the row is saved into the sheet’s table.',
  },
};
