/**
 * The one-page card for a single unit (`huizong template ID --layout card`), written with exceljs
 * from `cardPlan`: indicators down an A4 portrait page in their groups, a 计量单位 column, one
 * value cell per indicator with its validation and prompt, and the 填报单位（盖章）/填表日期 and
 * 填表人/联系电话 lines a unit fills before it prints, stamps and sends the card. Printed at its
 * own size (no shrinking to fit): the plan's rows fit one page at these fonts.
 * Runs in Node and in the browser.
 */
import { Workbook, type DataValidation, type Worksheet } from 'exceljs';
import type { CompiledForm } from '../core/definitions/compile';
import type { Lang } from '../core/definitions/types';
import { CARD_HEADER, cardPlan, type CardLine } from '../core/plan/cardPlan';
import type { ColumnValidation } from '../core/plan/types';
import { FONT, THIN_BORDER, toBytes, writeMetaSheet } from './writeRollup';

export interface CardTemplateOptions {
  lang: Lang;
  year: number;
}

/** Sizes chosen so that the activity card's 46 rows fit one A4 page at a readable size (≥ 9 pt). */
const BODY = { name: FONT, size: 10 } as const;
const BOLD = { name: FONT, size: 10, bold: true } as const;
const TITLE = { name: FONT, size: 15, bold: true } as const;
const ROW_HEIGHT = 14.25;
const GROUP_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } } as const;

/** A plan's validation as exceljs writes it on one cell. */
export function excelValidation(v: ColumnValidation): DataValidation {
  const prompt = v.prompt ? { showInputMessage: true, promptTitle: v.prompt.title, prompt: v.prompt.message } : {};
  const error = v.error ? { showErrorMessage: true, errorStyle: 'stop' as const, errorTitle: v.error.title, error: v.error.message } : {};
  switch (v.kind) {
    case 'list':
      return { type: 'list', allowBlank: true, formulae: [`"${(v.options ?? []).join(',')}"`], ...prompt, ...error };
    case 'wholeNumber':
      return v.max === undefined
        ? { type: 'whole', allowBlank: true, operator: 'greaterThanOrEqual', formulae: [v.min ?? 0], ...prompt, ...error }
        : { type: 'whole', allowBlank: true, operator: 'between', formulae: [v.min ?? 0, v.max], ...prompt, ...error };
    case 'decimal':
      return { type: 'decimal', allowBlank: true, operator: 'between', formulae: [v.min ?? -1e15, v.max ?? 1e15], ...prompt, ...error };
    case 'date':
      return {
        type: 'date',
        allowBlank: true,
        operator: 'between',
        formulae: [new Date(`${v.from}T00:00:00Z`), new Date(`${v.to}T00:00:00Z`)],
        ...prompt,
        ...error,
      };
    case 'textLength':
      return { type: 'textLength', allowBlank: true, operator: 'lessThanOrEqual', formulae: [v.max ?? 255], ...prompt, ...error };
    default:
      // exceljs writes a validation of type 'any' as a prompt only (see writeTemplate.ts).
      return { type: 'any', formulae: [], ...prompt } as unknown as DataValidation;
  }
}

function writeLine(sheet: Worksheet, line: CardLine): void {
  sheet.getRow(line.row).height = 20;
  const label = sheet.getCell(line.labelCell);
  label.value = line.label;
  label.style = { font: BOLD, alignment: { horizontal: 'right', vertical: 'bottom' } };
  const [from, to] = line.valueRange.split(':');
  if (from !== to) sheet.mergeCells(line.valueRange);
  // An underline to write on, as on a paper form.
  const underline = { bottom: { style: 'thin' as const, color: { argb: 'FF000000' } } };
  const value = sheet.getCell(line.valueCell);
  value.style = {
    font: BODY,
    alignment: { vertical: 'bottom', horizontal: 'left', shrinkToFit: true },
    border: underline,
    ...(line.numberFormat ? { numFmt: line.numberFormat } : {}),
  };
  if (to && to !== from) sheet.getCell(to).style = { border: underline };
  value.dataValidation = excelValidation(line.validation);
}

export async function writeCardTemplateWorkbook(form: CompiledForm, options: CardTemplateOptions): Promise<Uint8Array> {
  const plan = cardPlan(form, options.year);
  const def = form.def;
  const createdAt = new Date().toISOString();
  const workbook = new Workbook();
  workbook.creator = 'Huizong';
  workbook.lastModifiedBy = 'Huizong';
  workbook.title = plan.title;
  workbook.subject = 'huizong:template';
  workbook.keywords = `huizong template ${def.id} ${def.version} card`;
  workbook.category = 'huizong';
  workbook.description = JSON.stringify({
    kind: 'template',
    layout: 'card',
    generator: 'huizong',
    form: def.id,
    formVersion: def.version,
    year: options.year,
    createdAt,
  });

  const sheet = workbook.addWorksheet(plan.sheetName, {
    views: [{ activeCell: plan.top[0]?.valueCell ?? 'C2', showGridLines: false }],
    pageSetup: {
      paperSize: 9,
      orientation: 'portrait',
      fitToPage: false,
      scale: 100,
      horizontalCentered: true,
      // exceljs adds the columns' `$`; the rows' it needs given (`$A$1`, as LibreOffice reads it).
      printArea: `A$1:E$${plan.lastRow}`,
      margins: { left: 0.5, right: 0.5, top: 0.45, bottom: 0.45, header: 0.2, footer: 0.2 },
    },
  });
  writeMetaSheet(workbook, [
    ['generator', 'huizong'],
    ['kind', 'template'],
    ['layout', 'card'],
    ['form', def.id],
    ['formVersion', def.version],
    ['year', String(options.year)],
    ['createdAt', createdAt],
    ['sheet', plan.sheetName],
    ['headerRow', String(plan.headerRow)],
  ]);
  plan.widths.forEach((width, i) => (sheet.getColumn(i + 1).width = width));

  sheet.mergeCells(`A${plan.titleRow}:E${plan.titleRow}`);
  const title = sheet.getCell(`A${plan.titleRow}`);
  title.value = plan.title;
  title.style = { font: TITLE, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } };
  sheet.getRow(plan.titleRow).height = 30;
  for (const line of plan.top) writeLine(sheet, line);

  sheet.getRow(plan.gapRow).height = 6;
  const header = sheet.getRow(plan.headerRow);
  header.height = 18;
  CARD_HEADER.forEach((text, i) => {
    const cell = header.getCell(i + 1);
    cell.value = text;
    cell.style = { font: BOLD, alignment: { horizontal: 'center', vertical: 'middle' }, border: THIN_BORDER, fill: GROUP_FILL };
  });

  for (const row of plan.rows) {
    const r = sheet.getRow(row.row);
    r.height = ROW_HEIGHT;
    if (row.kind === 'group') {
      sheet.mergeCells(`A${row.row}:E${row.row}`);
      const cell = r.getCell(1);
      cell.value = row.label;
      cell.style = { font: BOLD, alignment: { vertical: 'middle' }, border: THIN_BORDER };
      continue;
    }
    const values = [row.seq, row.label, row.measure || null, null, null];
    values.forEach((value, i) => {
      const cell = r.getCell(i + 1);
      cell.value = value;
      cell.style = {
        font: BODY,
        border: THIN_BORDER,
        alignment: { vertical: 'middle', horizontal: i === 1 ? 'left' : 'center', ...(i === 1 ? { shrinkToFit: true } : {}) },
        ...(i === 3 && row.numberFormat ? { numFmt: row.numberFormat } : {}),
      };
    });
    r.getCell(4).dataValidation = excelValidation(row.validation);
  }
  for (const line of plan.bottom) writeLine(sheet, line);
  return toBytes(await workbook.xlsx.writeBuffer());
}
