/**
 * What went wrong in Excel, in the user's words: Office.js fails with an error code
 * (Excel.ErrorCodes) and a message in Office's own display language, which names the API and
 * rarely says what to do. The codes a person can act on get a sentence saying how; any other
 * error keeps Office's message.
 */
import type { Lang } from '../core/definitions/types';

const ACTIONS: Record<string, Record<Lang, string>> = {
  InvalidOperationInCellEditMode: {
    'zh-CN': 'Excel 正在编辑一个单元格：请按 Enter 键或点一下别的单元格结束编辑，再试一次。',
    en: 'Excel is editing a cell: press Enter or click another cell to finish, then try again.',
  },
  ItemNotFound: {
    'zh-CN': '找不到要用的工作表或区域（可能刚被删除或改名）：请刷新工作表列表后再试。',
    en: 'A sheet or range to be used is gone (deleted or renamed just now?): refresh the list of sheets and try again.',
  },
  ItemAlreadyExists: {
    'zh-CN': '本工作簿中已有同名的工作表：请把它改名后再试。',
    en: 'This workbook already has a sheet of that name: rename it and try again.',
  },
  AccessDenied: {
    'zh-CN': '工作簿或工作表受保护，或以只读方式打开，加载项不能改动它：请取消保护（或另存一份）后再试。',
    en: 'The workbook or sheet is protected or read-only, so the add-in cannot change it: unprotect it (or save a copy) and try again.',
  },
  ApiNotFound: {
    'zh-CN': '这个版本的 Excel 不支持这项操作：请更新 Office，或在网页版 Excel 中使用。',
    en: 'This version of Excel does not support this: update Office, or use Excel on the web.',
  },
  RequestPayloadSizeLimitExceeded: {
    'zh-CN': '一次要处理的内容太多：请少选几张工作表，分几次进行。',
    en: 'Too much at once: choose fewer sheets and do it in several goes.',
  },
  ResponsePayloadSizeLimitExceeded: {
    'zh-CN': '一次要读取的内容太多：请少选几张工作表，分几次进行。',
    en: 'Too much to read at once: choose fewer sheets and do it in several goes.',
  },
  RequestAborted: {
    'zh-CN': '操作被打断了（工作簿可能正在保存或已关闭）：请再试一次。',
    en: 'The operation was interrupted (the workbook may be saving or closed): please try again.',
  },
};

/** The error as the pane shows it: the action for an Excel error code it knows, else the error's own message. */
export function errorText(error: unknown, lang: Lang): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : '';
  const action = ACTIONS[code]?.[lang];
  if (action) return action;
  return error instanceof Error ? error.message : String(error);
}
