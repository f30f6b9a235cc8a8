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
  rowKept: string;
  editSelected: string;
  newRow: string;
  editingRow: (row: number) => string;
  noSelectedRow: string;
}

export const strings: Record<Lang, UiStrings> = {
  'zh-CN': {
    appTitle: '汇总',
    appSubtitle: '女职工维权行动月报表：模板、校验与汇总',
    detecting: '正在检测 Excel…',
    noExcelTitle: '未检测到 Excel',
    noExcelBody:
      '当前不在 Excel 中运行，这是浏览器版（WPS 或未装加载项时使用）：可以下载模板、填写后下载 CSV、选择各单位报回的文件进行校验和汇总。',
    formsHeading: '报表',
    formMeta: (_id, version, fieldCount) => `版本 ${version} · ${fieldCount} 个字段`,
    openDefinition: '打开表单定义…',
    definitionBroken: '这个表单定义不能使用',
    entryNeedsExcel:
      '当前不在 Excel 中：填好的行先保存在这里，可下载为 CSV 文件（Excel、WPS 和 Huizong 都能读取）。在 Excel 中使用时，保存会直接写入工作表的表格。',
    rowKept: '已保存这一行，可继续填写下一行。',
    editSelected: '编辑所选行',
    newRow: '改为新增一行',
    editingRow: (row) => `正在编辑工作表第 ${row} 行，保存后将更新这一行。`,
    noSelectedRow: '请先在工作表中选中要修改的数据行（表头下方的某一行），再点“编辑所选行”。',
  },
  en: {
    appTitle: 'Huizong',
    appSubtitle: "Women Workers' Rights Month reports: templates, checks and roll-up",
    detecting: 'Looking for Excel…',
    noExcelTitle: 'Excel not detected',
    noExcelBody:
      'The pane is not running inside Excel: this is the browser version (for WPS, or without the add-in). Download templates, enter rows and download them as CSV, and pick the files units sent back to check and roll them up.',
    formsHeading: 'Forms',
    formMeta: (_id, version, fieldCount) => `Version ${version} · ${fieldCount} field${fieldCount === 1 ? '' : 's'}`,
    openDefinition: 'Open a form definition…',
    definitionBroken: 'This form definition cannot be used',
    entryNeedsExcel:
      'Not in Excel: rows you save are kept here and can be downloaded as a CSV file (Excel, WPS and Huizong read it). In Excel, saving writes straight into the sheet’s table.',
    rowKept: 'Row saved; you can fill in the next one.',
    editSelected: 'Edit the selected row',
    newRow: 'Add a new row instead',
    editingRow: (row) => `Editing row ${row} of the sheet: saving updates that row.`,
    noSelectedRow: 'Select a data row of the table in the sheet first, then click “Edit the selected row”.',
  },
};
