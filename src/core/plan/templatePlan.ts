/**
 * The template sheet the task pane builds inside Excel, as a plan (pure): the same layout as
 * the .xlsx template written by `src/files/writeTemplate.ts`, so that a unit cannot tell which
 * of the two it was sent.
 *
 *   row 1  the title (`sheet.title` with {year}), merged across
 *   row 2  `填报单位：          填报日期：`
 *   row 3  the uischema groups, merged over their fields
 *   row 4  the field labels, required ones with a leading ＊ (header matching folds it away)
 *   rows 5 … 4+rows  blank rows with each field's number format, inside an Excel table
 *
 * One data validation per field column over its whole range (`D5:D204`): list for enums,
 * whole number ≥ 0 for ints, decimal for numbers, date for dates, text length for a
 * `maxLength`, prompt only otherwise; each with the field's help as its input prompt and,
 * where something is checked, a stop alert in Chinese saying what to type. The texts are the
 * exceljs writer's, word for word.
 */
import type { CompiledField, CompiledForm } from '../definitions/compile';

import type { FormDefinition } from '../definitions/types';
import { groupOfField } from '../definitions/groups';
import { columnName } from '../table/grid';
import type { ColumnValidation, TemplatePlan } from './types';

export const TEMPLATE_ROWS = { title: 1, unitLine: 2, groups: 3, header: 4, firstData: 5 } as const;
export const DEFAULT_TEMPLATE_ROWS = 200;
export const REQUIRED_MARK = '＊';
export const UNIT_LINE = '填报单位：                              填报日期：';
/**
 * Excel's limits on a validation's texts ([MS-XLSB] 2.5.37 DValStrings): input prompt 255,
 * error alert 225 — 224 in .xlsx ([MS-OI29500] 2.1.613), the lower is kept — titles 32.
 */
export const PROMPT_LIMIT = 255;
export const PROMPT_TITLE_LIMIT = 32;
export const ERROR_LIMIT = 224;
export const ERROR_TITLE_LIMIT = 32;
const ERROR_TITLE = '输入有误';
const DATE_MIN = '2000-01-01';
const DATE_MAX = '2099-12-31';

export function clip(text: string, limit: number): string {
  return text.length > limit ? `${text.slice(0, limit - 1)}…` : text;
}

/** The input prompt of a field's cells: its label as the title, its help as the text. */
export function fieldPrompt(def: FormDefinition, id: string): { title: string; message: string } {
  const schema = def.schema.properties[id];
  const label = schema?.title ?? id;
  const help = def.fields[id]?.help?.['zh-CN'] ?? schema?.description ?? '';
  return { title: clip(label, PROMPT_TITLE_LIMIT), message: clip(help || `请填写${label}`, PROMPT_LIMIT) };
}

export { groupOfField };

/** Excel table names: letters, digits, underscores; `HZ_` first so it never reads as a cell. */
export function tableName(formId: string): string {
  return `HZ_${formId.replace(/[^A-Za-z0-9_]/g, '_')}`;
}

function listMessage(options: readonly string[]): string {
  const all = `请从下拉列表中选择：${options.join('、')}`;
  return all.length <= ERROR_LIMIT ? all : '请从下拉列表中选择一项，不要自行输入。';
}

function stop(message: string): { title: string; message: string } {
  return { title: clip(ERROR_TITLE, ERROR_TITLE_LIMIT), message: clip(message, ERROR_LIMIT) };
}

export function fieldValidation(form: FormDefinition, field: CompiledField, range: string): ColumnValidation {
  const prompt = fieldPrompt(form, field.id);
  const schema = field.schema;
  switch (field.def.type) {
    case 'enum': {
      const options = schema.enum ?? field.value.options ?? [];
      if (!options.length) break;
      return { range, kind: 'list', options: [...options], prompt, error: stop(listMessage(options)) };
    }
    case 'boolean':
      return { range, kind: 'list', options: ['是', '否'], prompt, error: stop('请从下拉列表中选择“是”或“否”') };
    case 'int': {
      const min = typeof schema.minimum === 'number' ? schema.minimum : 0;
      const max = typeof schema.maximum === 'number' ? schema.maximum : undefined;
      const words = max === undefined ? `不小于${min}的整数` : `${min}到${max}之间的整数`;
      const validation: ColumnValidation = {
        range,
        kind: 'wholeNumber',
        min,
        prompt,
        error: stop(`请填写${words}，不要带单位或文字；没有的填0，未统计的留空。`),
      };
      if (max !== undefined) validation.max = max;
      return validation;
    }
    case 'number':
      return {
        range,
        kind: 'decimal',
        min: typeof schema.minimum === 'number' ? schema.minimum : -1e15,
        max: typeof schema.maximum === 'number' ? schema.maximum : 1e15,
        prompt,
        error: stop('请填写数字，不要带单位或文字；未统计的留空。'),
      };
    case 'date':
      return {
        range,
        kind: 'date',
        from: DATE_MIN,
        to: DATE_MAX,
        prompt,
        error: stop('请填写日期，如 2024-03-20、2024/3/20 或 2024年3月20日。'),
      };
    default:
      if (typeof schema.maxLength === 'number') {
        return {
          range,
          kind: 'textLength',
          max: schema.maxLength,
          prompt,
          error: stop(`${field.label}不能超过${schema.maxLength}个字，请精简；全文可另附文件。`),
        };
      }
  }
  return { range, kind: 'none', prompt };
}

/** The number format of a field's data cells: text for text, so phone numbers keep their digits and `=…` stays text. */
export function templateNumberFormat(field: CompiledField): string | undefined {
  switch (field.def.type) {
    case 'int':
      return '#,##0';
    case 'date':
      return 'yyyy-mm-dd';
    case 'text':
    case 'phone':
    case 'email':
      return '@';
    default:
      return undefined;
  }
}

export function templatePlan(form: CompiledForm, year: number, rows: number = DEFAULT_TEMPLATE_ROWS): TemplatePlan {
  const def = form.def;
  const count = Math.max(1, Math.floor(Number.isFinite(rows) ? rows : DEFAULT_TEMPLATE_ROWS));
  const { header, firstData } = TEMPLATE_ROWS;
  const lastData = firstData + count - 1;
  const fields = form.fields;
  const last = columnName(fields.length - 1);

  const groups = groupOfField(def.uischema);
  const cells: { from: string; to: string; label: string }[] = [];
  fields.forEach((field, i) => {
    const label = groups.get(field.id);
    if (!label) return;
    const previous = cells[cells.length - 1];
    if (previous && previous.label === label && previous.to === `${columnName(i - 1)}${TEMPLATE_ROWS.groups}`)
      previous.to = `${columnName(i)}${TEMPLATE_ROWS.groups}`;
    else cells.push({ from: `${columnName(i)}${TEMPLATE_ROWS.groups}`, to: `${columnName(i)}${TEMPLATE_ROWS.groups}`, label });
  });

  const plan: TemplatePlan = {
    sheetName: def.sheet.name,
    titleRow: TEMPLATE_ROWS.title,
    title: def.sheet.title['zh-CN'].replace(/\{year\}/g, String(year)),
    unitLine: { row: TEMPLATE_ROWS.unitLine, text: UNIT_LINE },
    header: {
      row: header,
      range: `A${header}:${last}${header}`,
      labels: fields.map((f) => (f.required ? `${REQUIRED_MARK}${f.label}` : f.label)),
      required: fields.map((f) => f.required),
    },
    table: { range: `A${header}:${last}${lastData}`, name: tableName(def.id) },
    columns: fields.map((field, i) => {
      const column: TemplatePlan['columns'][number] = {
        letter: columnName(i),
        width: field.def.width ?? Math.max(10, Math.min(30, field.label.length * 2)),
      };
      const numberFormat = templateNumberFormat(field);
      if (numberFormat !== undefined) column.numberFormat = numberFormat;
      return column;
    }),
    validations: fields.map((field, i) => fieldValidation(def, field, `${columnName(i)}${firstData}:${columnName(i)}${lastData}`)),
    freeze: { rows: header, columns: 1 },
    meta: {
      generator: 'huizong',
      kind: 'template',
      form: def.id,
      formVersion: def.version,
      year: String(year),
      sheet: def.sheet.name,
      headerRow: String(header),
      firstDataRow: String(firstData),
      lastDataRow: String(lastData),
    },
  };
  if (cells.length) plan.groups = { row: TEMPLATE_ROWS.groups, cells };
  return plan;
}
