/** The whole notice as an .xlsx file: the plan of `noticeSheetsPlan` written with exceljs, as the single-form roll-up is. */
import { Workbook } from 'exceljs';
import type { CompiledForm } from '../core/definitions/compile';
import type { Lang } from '../core/definitions/types';
import type { NoticeResult } from '../core/notice/types';
import { noticeSheetsPlan } from '../core/plan/noticeSheetsPlan';
import { toBytes, writeMetaSheet, writeSheet } from './writeRollup';

export async function writeNoticeWorkbook(
  result: NoticeResult,
  forms: readonly CompiledForm[],
  options: { lang: Lang; unit?: string },
): Promise<Uint8Array> {
  const plan = noticeSheetsPlan(result, forms, options.lang, options.unit ? { unit: options.unit } : {});
  const workbook = new Workbook();
  workbook.creator = 'Huizong';
  workbook.lastModifiedBy = 'Huizong';
  const created = new Date(result.createdAt);
  if (!Number.isNaN(created.getTime())) {
    workbook.created = created;
    workbook.modified = created;
  }
  workbook.subject = 'huizong:notice';
  workbook.category = 'huizong';
  for (const sheet of plan.sheets) writeSheet(workbook, sheet);
  // Kind `notice`, not `rollup`: the level above reads each form's 汇总 as a return, never the whole book as one roll-up.
  writeMetaSheet(workbook, [
    ['generator', 'huizong'],
    ['kind', 'notice'],
    ['materials', result.materials.join(',')],
    ['unit', options.unit],
    ['createdAt', result.createdAt],
  ]);
  workbook.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: 'visible' }];
  return toBytes(await workbook.xlsx.writeBuffer());
}
