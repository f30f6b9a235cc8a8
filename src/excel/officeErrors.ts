/**
 * What went wrong in Excel, in the user's words: Office.js fails with an error code
 * (Excel.ErrorCodes) and a message in Office's own display language, which names the API and
 * rarely says what to do. The codes a person can act on get the catalogue's sentence saying
 * how. Any other error's message is Office's, a library's or the engine's own, and is never
 * shown: the catalogue's plain words are, and the error goes to the console for a maintainer.
 */
import type { Lang } from '../core/definitions/types';
import { messageFor, type IssueCode } from '../core/issues/catalogue';

const ACTIONS: Record<string, IssueCode> = {
  InvalidOperationInCellEditMode: 'excel.cell-edit',
  // A chart or shape selected (https://github.com/OfficeDev/office-js/issues/2268).
  InvalidSelection: 'excel.selection',
  ItemNotFound: 'excel.item-not-found',
  ItemAlreadyExists: 'excel.item-exists',
  AccessDenied: 'excel.access-denied',
  ApiNotFound: 'excel.api-missing',
  RequestPayloadSizeLimitExceeded: 'excel.request-too-large',
  ResponsePayloadSizeLimitExceeded: 'excel.response-too-large',
  RequestAborted: 'excel.aborted',
  // Excel's catch-all: said as a retry, naming one known cause, another workbook in front
  // (https://github.com/OfficeDev/office-js/issues/771).
  GeneralException: 'excel.general',
  InsertDeleteConflict: 'excel.insert-conflict',
  MergedRangeConflict: 'excel.insert-conflict',
};

function codeOf(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : '';
}

/** Excel refused because the user is typing in a cell. */
export function isCellEditError(error: unknown): boolean {
  return codeOf(error) === 'InvalidOperationInCellEditMode';
}

/**
 * The error as the pane shows it: the action for an Excel error code it knows, else the
 * catalogue's words for `otherwise` (what the failed step can say of itself; by default that
 * something unexpected went wrong).
 */
export function errorText(error: unknown, lang: Lang, otherwise: IssueCode = 'pane.unexpected'): string {
  if (codeOf(error) === 'HuizongPartlyWritten') {
    const { action, params } = error as { action: 'template' | 'marks' | 'row' | 'rollup'; params: Record<string, string | number> };
    return messageFor(`excel.partly-written.${action}`, params, lang);
  }
  if (codeOf(error) === 'HuizongProtected') {
    const { what, sheet } = error as { what: 'sheet' | 'workbook'; sheet: string };
    return messageFor(`excel.protected.${what}`, { sheet }, lang);
  }
  const code = ACTIONS[codeOf(error)];
  if (code) return messageFor(code, {}, lang);
  console.error(error);
  return messageFor(otherwise, {}, lang);
}
