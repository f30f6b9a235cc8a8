/**
 * The blank template a level sends down (`huizong template ID --out FILE.xlsx`), written with
 * exceljs. Runs in Node and in the browser: no Node-only APIs here.
 *
 * One sheet named after the form (`form.def.sheet.name`):
 *   row 1  the title (`sheet.title` with {year}), merged across
 *   row 2  `填报单位：          填报日期：`
 *   row 3  the uischema groups, merged over their fields
 *   row 4  the field labels, required ones with a leading ＊ (header matching folds it away)
 *   rows 5 … 4+rows  bordered blank rows with each field's number format
 * Frozen below the header and right of the unit column. Every field column has ONE data
 * validation over its whole range (`D5:D204`, not one per cell — exceljs issue #2820):
 *   enum    list; inline `"a,b,c"` when it fits Excel's 255-character limit (and no option
 *           holds a comma or a quote), else the options on `_huizong` behind a defined name
 *   int     whole number >= minimum (0), <= maximum where the schema has one
 *   number  decimal within the schema's bounds
 *   date    date between 2000-01-01 and 2099-12-31
 *   text    text length <= maxLength where the schema has one; otherwise prompt only
 *   boolean list `"是,否"`
 * each with an input prompt (title: the label; text: `fields[id].help['zh-CN']`) and, where
 * something is checked, a stop alert in Chinese saying what to type.
 *
 * What a filling unit sees is always Chinese: returned copies are matched by the canonical
 * Chinese labels, and the units are Chinese. `lang` only sets the document's title property.
 *
 * The very hidden `_huizong` sheet (see writeRollup.ts for the key/value layout) says
 * generator huizong, kind template, form, formVersion, year, createdAt, sheet, headerRow,
 * firstDataRow, lastDataRow; long option lists sit in columns D onward (row 1 the field id,
 * rows 2… the options) behind the defined names `hz_list_<fieldId>`. The document properties
 * say Subject `huizong:template`, Keywords `huizong template <form> <formVersion>` and
 * Comments = JSON of the same metadata.
 */
import { Workbook, type DataValidation, type Worksheet } from 'exceljs';
import type { CompiledField, CompiledForm } from '../core/definitions/compile';
import type { Lang } from '../core/definitions/types';
import {
  BODY_FONT,
  BOLD_FONT,
  applyPrint,
  THIN_BORDER,
  TITLE_FONT,
  columnLetter,
  fieldGroups,
  groupRuns,
  numberFormat,
  styleHeader,
  toBytes,
  writeMetaSheet,
} from './writeRollup';
import { META_SHEET } from '../core/meta/records';

export interface TemplateOptions {
  lang: Lang;
  year: number;
  /** Blank rows with validation. Default 200. */
  rows?: number;
  /**
   * A district's own units (from its roster), one bordered row each with the unit's name filled
   * in: the template is then as long as the list, and prints as the district's form.
   */
  units?: readonly string[];
}

const HEADER_ROW = 4;
const FIRST_DATA_ROW = HEADER_ROW + 1;
const DEFAULT_ROWS = 200;
/** Excel's limits: an inline list's text, a prompt or error text, and their titles. */
const LIST_LIMIT = 255;
const MESSAGE_LIMIT = 255;
const TITLE_LIMIT = 32;
const REQUIRED_MARK = '＊';
const ERROR_TITLE = '输入有误';
const DATE_MIN = '2000-01-01';
const DATE_MAX = '2099-12-31';
const META_ROWS_COLUMN = 4; // D: first column of option lists on _huizong

/** `worksheet.dataValidations` exists in exceljs 4.4 but is missing from its typings. */
interface RangeValidations {
  add(range: string, validation: DataValidation | RangeValidation): void;
}
/** exceljs writes a validation without a `type` attribute (prompt only) for type 'any'. */
type RangeValidation = Omit<DataValidation, 'type'> & { type: 'any' };

function clip(textValue: string, limit: number): string {
  return textValue.length > limit ? `${textValue.slice(0, limit - 1)}…` : textValue;
}

function rangeValidations(sheet: Worksheet): RangeValidations {
  return (sheet as unknown as { dataValidations: RangeValidations }).dataValidations;
}

/** A defined name for a field's option list: letters, digits and underscores only. */
function listName(field: CompiledField): string {
  return `hz_list_${field.id.replace(/[^A-Za-z0-9_]/g, '_')}`;
}

interface ListPlacement {
  /** Column on `_huizong` for the next long list. */
  next: number;
  meta: Worksheet;
  workbook: Workbook;
}

/** The list formula: inline when Excel allows it, else a defined name over `_huizong`. */
function listFormula(field: CompiledField, options: readonly string[], lists: ListPlacement): string {
  const inline = options.join(',');
  const fitsInline = inline.length + 2 <= LIST_LIMIT && options.every((o) => !o.includes(',') && !o.includes('"'));
  if (fitsInline) return `"${inline}"`;
  const column = lists.next++;
  const letter = columnLetter(column);
  lists.meta.getCell(1, column).value = field.id;
  options.forEach((option, i) => (lists.meta.getCell(i + 2, column).value = option));
  const name = listName(field);
  lists.workbook.definedNames.add(`'${META_SHEET}'!$${letter}$2:$${letter}$${options.length + 1}`, name);
  return name;
}

function listMessage(options: readonly string[]): string {
  const all = `请从下拉列表中选择：${options.join('、')}`;
  return all.length <= MESSAGE_LIMIT ? all : '请从下拉列表中选择一项，不要自行输入。';
}

/** The validation of one field's column; every one carries the field's help as its prompt. */
function fieldValidation(field: CompiledField, lists: ListPlacement): DataValidation | RangeValidation {
  const help = field.def.help?.['zh-CN'] ?? field.schema.description ?? '';
  const prompt = {
    showInputMessage: true,
    promptTitle: clip(field.label, TITLE_LIMIT),
    prompt: clip(help || `请填写${field.label}`, MESSAGE_LIMIT),
  };
  const stop = (error: string) => ({
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: ERROR_TITLE,
    error: clip(error, MESSAGE_LIMIT),
  });
  const schema = field.schema;
  switch (field.def.type) {
    case 'enum': {
      const options = schema.enum ?? field.value.options ?? [];
      if (!options.length) break;
      return {
        type: 'list',
        allowBlank: true,
        formulae: [listFormula(field, options, lists)],
        ...prompt,
        ...stop(listMessage(options)),
      };
    }
    case 'boolean':
      return { type: 'list', allowBlank: true, formulae: ['"是,否"'], ...prompt, ...stop('请从下拉列表中选择“是”或“否”') };
    case 'int': {
      const min = typeof schema.minimum === 'number' ? schema.minimum : 0;
      const max = typeof schema.maximum === 'number' ? schema.maximum : undefined;
      const range = max === undefined ? `不小于${min}的整数` : `${min}到${max}之间的整数`;
      return {
        type: 'whole',
        allowBlank: true,
        operator: max === undefined ? 'greaterThanOrEqual' : 'between',
        formulae: max === undefined ? [min] : [min, max],
        ...prompt,
        ...stop(`请填写${range}，不要带单位或文字；没有的填0，未统计的留空。`),
      };
    }
    case 'number': {
      const min = typeof schema.minimum === 'number' ? schema.minimum : -1e15;
      const max = typeof schema.maximum === 'number' ? schema.maximum : 1e15;
      return {
        type: 'decimal',
        allowBlank: true,
        operator: 'between',
        formulae: [min, max],
        ...prompt,
        ...stop('请填写数字，不要带单位或文字；未统计的留空。'),
      };
    }
    case 'date':
      return {
        type: 'date',
        allowBlank: true,
        operator: 'between',
        formulae: [new Date(`${DATE_MIN}T00:00:00Z`), new Date(`${DATE_MAX}T00:00:00Z`)],
        ...prompt,
        ...stop('请填写日期，如 2024-03-20、2024/3/20 或 2024年3月20日。'),
      };
    default:
      if (typeof schema.maxLength === 'number') {
        return {
          type: 'textLength',
          allowBlank: true,
          operator: 'lessThanOrEqual',
          formulae: [schema.maxLength],
          ...prompt,
          ...stop(`${field.label}不能超过${schema.maxLength}个字，请精简；全文可另附文件。`),
        };
      }
  }
  return { type: 'any', formulae: [], ...prompt };
}

export async function writeTemplateWorkbook(form: CompiledForm, options: TemplateOptions): Promise<Uint8Array> {
  const units = options.units?.filter((u) => u.trim() !== '') ?? [];
  const rows = units.length > 0 ? units.length : Math.max(1, Math.floor(options.rows ?? DEFAULT_ROWS));
  const lastDataRow = FIRST_DATA_ROW + rows - 1;
  const def = form.def;
  const title = def.sheet.title['zh-CN'].replace(/\{year\}/g, String(options.year));
  const createdAt = new Date().toISOString();
  const fields = form.fields;
  const lastColumn = fields.length;

  const workbook = new Workbook();
  workbook.creator = 'Huizong';
  workbook.lastModifiedBy = 'Huizong';
  workbook.title = options.lang === 'en' && def.sheet.title.en ? def.sheet.title.en.replace(/\{year\}/g, String(options.year)) : title;
  workbook.subject = 'huizong:template';
  workbook.keywords = `huizong template ${def.id} ${def.version}`;
  workbook.category = 'huizong';
  const metaJson = { kind: 'template', generator: 'huizong', form: def.id, formVersion: def.version, year: options.year, createdAt };
  workbook.description = JSON.stringify(metaJson);

  const sheet = workbook.addWorksheet(def.sheet.name, {
    views: [{ state: 'frozen', xSplit: 1, ySplit: HEADER_ROW, topLeftCell: `B${FIRST_DATA_ROW}`, activeCell: `B${FIRST_DATA_ROW}` }],
  });
  const meta = writeMetaSheet(workbook, [
    ['generator', 'huizong'],
    ['kind', 'template'],
    ['form', def.id],
    ['formVersion', def.version],
    ['year', String(options.year)],
    ['createdAt', createdAt],
    ['sheet', def.sheet.name],
    ['headerRow', String(HEADER_ROW)],
    ['firstDataRow', String(FIRST_DATA_ROW)],
    ['lastDataRow', String(lastDataRow)],
  ]);
  const lists: ListPlacement = { next: META_ROWS_COLUMN, meta, workbook };

  // Title and the unit/date line.
  sheet.mergeCells(1, 1, 1, lastColumn);
  const titleCell = sheet.getCell(1, 1);
  titleCell.value = title;
  // Left, not centred: centred over 38 columns it would print split across two pages.
  titleCell.style = { font: TITLE_FONT, alignment: { horizontal: 'left', vertical: 'middle' } };
  sheet.getRow(1).height = 30;
  const unitLine = sheet.getCell(2, 1);
  unitLine.value = '填报单位：                              填报日期：';
  unitLine.style = { font: BODY_FONT };

  // Groups, then labels.
  const groups = fieldGroups(form);
  for (let c = 1; c <= lastColumn; c++) styleHeader(sheet.getCell(HEADER_ROW - 1, c));
  for (const run of groupRuns(fields.map((f) => groups.get(f.id)))) {
    if (run.to > run.from) sheet.mergeCells(HEADER_ROW - 1, run.from, HEADER_ROW - 1, run.to);
    sheet.getCell(HEADER_ROW - 1, run.from).value = run.label;
  }
  sheet.getRow(HEADER_ROW).height = 42;
  fields.forEach((field, i) => {
    const column = i + 1;
    const cell = sheet.getCell(HEADER_ROW, column);
    cell.value = field.required
      ? {
          richText: [
            { text: REQUIRED_MARK, font: { ...BOLD_FONT, color: { argb: 'FFFF0000' } } },
            { text: field.label, font: BOLD_FONT },
          ],
        }
      : field.label;
    styleHeader(cell);
    sheet.getColumn(column).width = field.def.width ?? Math.max(10, Math.min(30, field.label.length * 2));

    // The data rows: bordered, with the field's format (text format for text, so that
    // phone numbers keep their digits and `=…` stays text).
    const numFmt =
      numberFormat(field) ?? (field.def.type === 'text' || field.def.type === 'phone' || field.def.type === 'email' ? '@' : undefined);
    for (let r = FIRST_DATA_ROW; r <= lastDataRow; r++) {
      sheet.getCell(r, column).style = {
        font: BODY_FONT,
        border: THIN_BORDER,
        alignment: { vertical: 'middle' },
        ...(numFmt ? { numFmt } : {}),
      };
    }
    const letter = columnLetter(column);
    rangeValidations(sheet).add(`${letter}${FIRST_DATA_ROW}:${letter}${lastDataRow}`, fieldValidation(field, lists));
  });
  const keyColumn =
    Math.max(
      0,
      fields.findIndex((f) => f.id === def.rollupKey),
    ) + 1;
  units.forEach((unit, i) => (sheet.getCell(FIRST_DATA_ROW + i, keyColumn).value = unit));
  sheet.pageSetup.printTitlesRow = `${HEADER_ROW - 1}:${HEADER_ROW}`;
  // Printed at its own size across as many A3 pages as it takes, the header rows and the unit
  // column on every page: shrunk to one page's width, 38 columns print at about 4 pt.
  applyPrint(sheet, {
    paper: 'A3',
    orientation: 'landscape',
    area: `A1:${columnLetter(lastColumn)}${lastDataRow}`,
    titleColumns: `A:${columnLetter(keyColumn)}`,
    footer: { left: '填报单位（盖章）：', center: '第 &P 页，共 &N 页', right: '填报日期：' },
  });
  return toBytes(await workbook.xlsx.writeBuffer());
}
