/**
 * The shape of a form definition (`forms/*.json`).
 *
 * A definition is a JSON Forms pair — `schema` (JSON Schema of one row, each property's
 * `title` being the canonical column label) and `uischema` (groups of indicators) — plus
 * the keys Huizong needs to read, check and roll up real returned tables. The same shape is
 * described for users in `forms/form-definition.schema.json`.
 */

export type Lang = 'zh-CN' | 'en';

/** A text shown to users: Chinese always, English where Office speaks English. */
export interface LocalText {
  'zh-CN': string;
  en?: string;
}

/** How a cell's text is read (see the spec, "Values as units really write them"). */
export type FieldType = 'text' | 'int' | 'number' | 'enum' | 'phone' | 'email' | 'date' | 'boolean';

/** How a field is combined at roll-up. */
export type RollupRule = 'key' | 'sum' | 'list' | 'none';

export interface FieldDefinition {
  type: FieldType;
  /** The measure written after numbers (人, 人次, 场次, 份 …); `120人` is read in a 人 field. */
  unit?: string;
  /** Other header texts that mean this field; the canonical label is the schema `title`. */
  aliases?: string[];
  rollup?: RollupRule;
  /** English label, shown when Office's display language is English. */
  labelEn?: string;
  /** Shown as the cell's input prompt in templates and under the control in the entry form. */
  help?: LocalText;
  /** Column width in characters, for templates. */
  width?: number;
}

export type CompareOp = '<=' | '>=' | '=';

/** `field op other`, checked when both values are present (e.g. 其中 ≤ its total). */
export interface CompareRule {
  id: string;
  kind: 'compare';
  field: string;
  op: CompareOp;
  other: string;
  severity?: 'error' | 'warning';
}

/** `sum(parts) = total`, checked when the total and every part are present. */
export interface SumRule {
  id: string;
  kind: 'sum';
  parts: string[];
  total: string;
  severity?: 'error' | 'warning';
}

/** `field` must be filled when `when.field` equals `when.equals`. */
export interface RequiredWhenRule {
  id: string;
  kind: 'requiredWhen';
  field: string;
  when: { field: string; equals: string };
  severity?: 'error' | 'warning';
}

/** A date that may not lie after the day of the check (the roll-up day). */
export interface NotAfterTodayRule {
  id: string;
  kind: 'notAfterToday';
  field: string;
  severity?: 'error' | 'warning';
}

/** `fields` together may appear only once in a table (e.g. the same title twice for one unit). */
export interface UniqueRule {
  id: string;
  kind: 'unique';
  fields: string[];
  severity?: 'error' | 'warning';
}

export type CrossFieldRule = CompareRule | SumRule | RequiredWhenRule | NotAfterTodayRule | UniqueRule;

/** A value the roll-up computes from the sums; never typed by a unit. */
export interface ComputedField {
  id: string;
  label: LocalText;
  kind: 'ratio';
  numerator: string;
  denominator: string;
  /**
   * Taken over the units that gave the denominator only (both sums), and said with how many
   * did: a rate over each unit's own base (女职工参赛率 = 女职工参赛人数 / 本单位女职工人数),
   * where units that left the base blank would otherwise inflate it.
   */
  onlyWhereDenominatorGiven?: boolean;
  /** Excel number format, e.g. `0.0%`. */
  format?: string;
}

export interface JsonSchemaProperty {
  type?: string | string[];
  title?: string;
  description?: string;
  enum?: string[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  [keyword: string]: unknown;
}

export interface RowSchema {
  type: 'object';
  properties: Record<string, JsonSchemaProperty>;
  required?: string[];
  [keyword: string]: unknown;
}

export interface UiSchemaElement {
  type: string;
  label?: string;
  scope?: string;
  elements?: UiSchemaElement[];
  options?: Record<string, unknown>;
  [key: string]: unknown;
}

export interface FormDefinition {
  $schema?: string;
  id: string;
  version: string;
  title: LocalText;
  /** `per-unit`: one row per reporting unit; `list`: any number of entries per unit. */
  kind: 'per-unit' | 'list';
  /** The field that names the reporting unit. */
  rollupKey: string;
  sheet: {
    /** Worksheet name used by templates and roll-ups (at most 31 characters). */
    name: string;
    /** Title row; `{year}` is replaced by the activity year. */
    title: LocalText;
  };
  schema: RowSchema;
  uischema: UiSchemaElement;
  fields: Record<string, FieldDefinition>;
  rules?: CrossFieldRule[];
  computed?: ComputedField[];
}
