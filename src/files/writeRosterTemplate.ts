/**
 * A blank 单位名单 (roster) as an .xlsx file (`huizong template roster`, and 下载空白名单 in the
 * pane's browser version), written with exceljs from `rosterSheetPlan` — the same columns,
 * level list, date check and prompts as the roster sheet the pane adds in Excel, so that a
 * roster made either way is read alike. Runs in Node and in the browser.
 */
import { Workbook, type DataValidation } from 'exceljs';
import type { Lang } from '../core/definitions/types';
import { rosterSheetPlan } from '../core/plan/rosterSheetPlan';
import { excelValidation } from './writeCardTemplate';
import { BODY_FONT, BOLD_FONT, THIN_BORDER, exceljsArea, toBytes } from './writeRollup';

/** `worksheet.dataValidations` exists in exceljs 4.4 but is missing from its typings (see writeTemplate.ts). */
interface RangeValidations {
  add(range: string, validation: DataValidation): void;
}

export async function writeRosterTemplateWorkbook(lang: Lang): Promise<Uint8Array> {
  const plan = rosterSheetPlan(lang);
  const workbook = new Workbook();
  workbook.creator = 'Huizong';
  const sheet = workbook.addWorksheet(plan.sheetName, {
    views: [{ state: 'frozen', ySplit: plan.freeze.rows, activeCell: plan.select }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '1:1',
      // The empty bordered rows are the form to fill in; LibreOffice prints only the cells
      // holding values unless the print area takes in the rest.
      printArea: exceljsArea(plan.body),
    },
  });
  const lastRow = Number(/\d+$/.exec(plan.body)![0]);
  plan.columns.forEach((column, i) => {
    const col = sheet.getColumn(i + 1);
    col.width = column.width;
    col.numFmt = column.numberFormat;
  });
  plan.header.labels.forEach((label, i) => {
    const cell = sheet.getCell(1, i + 1);
    cell.value = label;
    cell.style = {
      font: BOLD_FONT,
      alignment: { horizontal: 'center', vertical: 'middle' },
      border: THIN_BORDER,
      fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } },
      numFmt: '@',
    };
  });
  sheet.getRow(1).height = 22;
  // Bordered rows to type into (and to print as a form).
  for (let r = 2; r <= lastRow; r++)
    plan.columns.forEach((column, i) => {
      sheet.getCell(r, i + 1).style = { font: BODY_FONT, border: THIN_BORDER, numFmt: column.numberFormat };
    });
  const validations = (sheet as unknown as { dataValidations: RangeValidations }).dataValidations;
  for (const v of plan.validations) validations.add(v.range, excelValidation(v));
  return toBytes(await workbook.xlsx.writeBuffer());
}
