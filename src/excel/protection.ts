/**
 * Protected sheets and workbooks (审阅 → 保护工作表 / 保护工作簿): Excel refuses writes on them
 * with AccessDenied, and a batch is not a transaction. Each action asks in its first read
 * whether what it will change is protected, and refuses before writing anything; an
 * AccessDenied that still comes is explained the same way.
 */
import { errorCode } from './batch';

/** An action refused because a sheet or the workbook's structure is protected; nothing was written (catalogue `excel.protected.*`). */
export class Protected extends Error {
  readonly code = 'HuizongProtected';
  constructor(
    readonly what: 'sheet' | 'workbook',
    readonly sheet = '',
  ) {
    super(what === 'sheet' ? `sheet ${sheet} is protected` : 'the workbook is protected');
  }
}

export interface ProtectionRead {
  workbook: Excel.WorkbookProtection;
  sheet?: Excel.WorksheetProtection;
}

/**
 * Queues reading whether the workbook's structure (ExcelApi 1.7) and `sheet` (1.2) are
 * protected: no sync of its own, it goes with the action's first read.
 */
export function queueProtection(context: Excel.RequestContext, sheet?: Excel.Worksheet): ProtectionRead {
  const workbook = context.workbook.protection;
  workbook.load('protected');
  if (!sheet) return { workbook };
  const protection = sheet.protection;
  protection.load('protected');
  return { workbook, sheet: protection };
}

/**
 * Throws `Protected` where the action would be refused: `sheet` names the sheet it writes on,
 * `addsSheets` says whether it adds, deletes or renames sheets.
 */
export function refuseProtected(read: ProtectionRead, sheet: string | undefined, addsSheets: boolean): void {
  if (sheet !== undefined && read.sheet?.protected) throw new Protected('sheet', sheet);
  if (addsSheets && read.workbook.protected) throw new Protected('workbook');
}

/**
 * After Excel refused with AccessDenied: `Protected` naming what is protected (1 sync, on that
 * path only), else the error as it came. `addsSheets` as for `refuseProtected`: a write that
 * adds no sheet is not refused by the workbook's structure protection, so is not blamed on it.
 */
export async function explainRefusal(context: Excel.RequestContext, error: unknown, sheet: string, addsSheets: boolean): Promise<unknown> {
  if (errorCode(error) !== 'AccessDenied') return error;
  try {
    const read = queueProtection(context, context.workbook.worksheets.getItem(sheet));
    await context.sync();
    refuseProtected(read, sheet, addsSheets);
  } catch (explained) {
    if (explained instanceof Protected) return explained;
  }
  return error;
}
