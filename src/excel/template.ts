/** The applier of 生成模板: a template sheet built from its plan in the open workbook. */
import { META_SHEET } from '../core/meta/records';
import { parseRange } from '../core/plan/markPlan';
import type { TemplatePlan } from '../core/plan/types';
import { columnName } from '../core/table/grid';
import { Batch } from './batch';
import { FONT, headerStyle, thinBorders, uniqueName, widthInPoints } from './layout';
import { metaAll, metaPairs, PartlyWritten, putBack, syncWithMeta, writeMeta } from './meta';
import { queueFreeze, queuePrintSetup } from './printSetup';
import { queueProtection, refuseProtected } from './protection';

/** Option lists longer than this (Excel's limit on an inline list source) go on `_huizong`. */
const LIST_INLINE_LIMIT = 255;

/**
 * 2 syncs: the names taken (sheets, tables) and `_huizong`; then the whole sheet — title,
 * unit line, groups, header, formats, validations, table, frozen panes, page setup and the
 * metadata — in one batch (more only past the request budget: a template of about
 * 100,000 rows).
 */
export async function applyTemplate(context: Excel.RequestContext, plan: TemplatePlan, budget: number, printable = true): Promise<void> {
  const { main, meta } = await syncWithMeta(
    context,
    () => {
      const sheets = context.workbook.worksheets;
      sheets.load('items/name,items/id');
      const tables = context.workbook.tables;
      tables.load('items/name');
      return { sheets, tables, protection: queueProtection(context) };
    },
    metaAll,
  );
  refuseProtected(main.protection, undefined, true);
  const batch = new Batch(context, budget);
  const sheetName = uniqueName(
    plan.sheetName,
    main.sheets.items.map((s) => s.name),
    31,
    (base, n) => `${base}(${n})`,
  );
  const tableName = uniqueName(
    plan.table.name,
    main.tables.items.map((t) => t.name),
    255,
    (base, n) => `${base}_${n}`,
  );
  const listColumns: string[] = [];
  try {
    const sheet = context.workbook.worksheets.add(sheetName);
    const lastColumn = plan.columns[plan.columns.length - 1]?.letter ?? 'A';
    const headerRow = plan.header.row;
    const firstDataRow = headerRow + 1;
    const tableBounds = parseRange(plan.table.range)!;
    const lastDataRow = tableBounds.e.r + 1;

    // Title and unit line.
    await batch.room([plan.title, plan.unitLine.text]);
    const titleRange = sheet.getRange(`A${plan.titleRow}:${lastColumn}${plan.titleRow}`);
    titleRange.merge(false);
    sheet.getRange(`A${plan.titleRow}`).values = [[plan.title]];
    titleRange.format.font.name = FONT;
    titleRange.format.font.size = 16;
    titleRange.format.font.bold = true;
    titleRange.format.horizontalAlignment = 'Center';
    titleRange.format.verticalAlignment = 'Center';
    titleRange.format.rowHeight = 30;
    const unit = sheet.getRange(`A${plan.unitLine.row}`);
    unit.values = [[plan.unitLine.text]];
    unit.format.font.name = FONT;
    unit.format.font.size = 11;

    // Groups, then labels.
    if (plan.groups) {
      await batch.room(plan.groups.cells);
      headerStyle(sheet.getRange(`A${plan.groups.row}:${lastColumn}${plan.groups.row}`));
      for (const cell of plan.groups.cells) {
        if (cell.from !== cell.to) sheet.getRange(`${cell.from}:${cell.to}`).merge(false);
        sheet.getRange(cell.from).values = [[cell.label]];
      }
    }
    await batch.room(plan.header.labels);
    const header = sheet.getRange(plan.header.range);
    header.values = [plan.header.labels];
    headerStyle(header);
    header.format.rowHeight = 42;

    // Columns: width, and the data cells' number format.
    for (const column of plan.columns) {
      await batch.room(null);
      sheet.getRange(`${column.letter}:${column.letter}`).format.columnWidth = widthInPoints(column.width);
      if (column.numberFormat !== undefined) {
        const formats = Array.from({ length: lastDataRow - firstDataRow + 1 }, () => [column.numberFormat!]);
        await batch.room(formats);
        sheet.getRange(`${column.letter}${firstDataRow}:${column.letter}${lastDataRow}`).numberFormat = formats;
      }
    }
    const body = sheet.getRange(`A${firstDataRow}:${lastColumn}${lastDataRow}`);
    await batch.room(null);
    body.format.font.name = FONT;
    body.format.font.size = 11;
    body.format.verticalAlignment = 'Center';
    thinBorders(body);

    // An option list too long to write inline (or holding a comma) goes on _huizong, and
    // `_huizong` is written BEFORE the validations that refer to it: a list source is
    // parsed when it is set, so the sheet it names must already be there.
    let listColumn = Math.max(4, meta.columns + 1);
    const lists: { column: number; values: string[][] }[] = [];
    const sources = plan.validations.map((validation) => {
      if (validation.kind !== 'list') return undefined;
      const options = validation.options ?? [];
      const inline = options.join(',');
      if (inline.length <= LIST_INLINE_LIMIT && !options.some((o) => o.includes(','))) return inline;
      const letter = columnName(listColumn - 1);
      listColumns.push(letter);
      lists.push({ column: listColumn, values: [[validation.range], ...options.map((o) => [o])] });
      listColumn++;
      return `='${META_SHEET}'!$${letter}$2:$${letter}$${options.length + 1}`;
    });

    // Metadata: the template's pairs replace the earlier ones; marks records stay.
    const earlier = metaPairs(meta);
    const pairs: [string, string][] = Object.entries({ ...plan.meta, createdAt: new Date().toISOString() });
    const keys = new Set(pairs.map(([k]) => k));
    for (const pair of earlier) if (!keys.has(pair[0])) pairs.push(pair);
    const sheetPair = pairs.find(([k]) => k === 'sheet');
    if (plan.meta.sheet !== undefined && sheetName !== plan.sheetName && sheetPair) sheetPair[1] = sheetName;
    await writeMeta(batch, meta, pairs);
    if (lists.length) {
      const metaSheet = context.workbook.worksheets.getItem(META_SHEET);
      for (const list of lists) {
        const letter = columnName(list.column - 1);
        await batch.room(list.values);
        metaSheet.getRange(`${letter}1:${letter}${list.values.length}`).values = list.values;
      }
    }

    // Validations.
    for (const [index, validation] of plan.validations.entries()) {
      const target = sheet.getRange(validation.range);
      await batch.room(validation);
      let rule: Excel.DataValidationRule | undefined;
      switch (validation.kind) {
        case 'list':
          rule = { list: { inCellDropDown: true, source: sources[index] ?? '' } };
          break;
        case 'wholeNumber':
          rule = {
            wholeNumber:
              validation.max === undefined
                ? { formula1: validation.min ?? 0, operator: 'GreaterThanOrEqualTo' }
                : { formula1: validation.min ?? 0, formula2: validation.max, operator: 'Between' },
          };
          break;
        case 'decimal':
          rule = { decimal: { formula1: validation.min ?? -1e15, formula2: validation.max ?? 1e15, operator: 'Between' } };
          break;
        case 'date':
          rule = { date: { formula1: validation.from ?? '2000-01-01', formula2: validation.to ?? '2099-12-31', operator: 'Between' } };
          break;
        case 'textLength':
          rule = { textLength: { formula1: validation.max ?? 255, operator: 'LessThanOrEqualTo' } };
          break;
        default:
          rule = undefined;
      }
      if (rule) {
        target.dataValidation.ignoreBlanks = true;
        target.dataValidation.rule = rule;
      }
      if (validation.prompt)
        target.dataValidation.prompt = { showPrompt: true, title: validation.prompt.title, message: validation.prompt.message };
      if (validation.error)
        target.dataValidation.errorAlert = {
          showAlert: true,
          style: 'Stop',
          title: validation.error.title,
          message: validation.error.message,
        };
    }

    // The table, frozen panes and page setup.
    await batch.room(null);
    // Sheet-qualified: a bare address is taken on the ACTIVE sheet, and the new sheet is
    // activated only at the end (https://learn.microsoft.com/en-us/javascript/api/excel/excel.tablecollection#excel-excel-tablecollection-add-member(1)).
    const table = sheet.tables.add(`'${sheetName.replace(/'/g, "''")}'!${plan.table.range}`, true);
    table.name = tableName;
    table.style = 'TableStyleLight1';
    queueFreeze(sheet, plan.freeze);
    queuePrintSetup(sheet, plan.groups ? `$${plan.groups.row}:$${headerRow}` : undefined, printable, lastDataRow);

    sheet.getRange(`B${firstDataRow}`).select();
    await batch.sync();
  } catch (error) {
    const before = main.sheets.items.map((s) => ({ id: s.id, name: s.name }));
    if (!(await putBack(context, { meta, sheets: before, columns: listColumns })))
      throw new PartlyWritten('template', { sheet: sheetName }, error);
    throw error;
  }
}
