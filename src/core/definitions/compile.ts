import type { ErrorObject, ValidateFunction } from 'ajv';
import { foldKey } from '../text/fold';
import type { ValueContext } from '../values/types';
import { createSafeAjv } from './safeRegExp';
import type { FieldDefinition, FormDefinition, JsonSchemaProperty, Lang } from './types';

/**
 * Longest text a `pattern` or `format` is run on. Longer cells are reported as too long
 * (Ajv's `maxLength` error, shown as `schema.too-long`) and never reach the pattern: cell
 * formats (codes, phone numbers, addresses) are short, and this keeps every check quick
 * even for formats run by JavaScript's own RegExp.
 */
export const MAX_CHECKED_TEXT = 500;

/** Checks one row's values against the form's JSON Schema, like an Ajv validate function. */
export interface RowValidator {
  (row: Record<string, unknown>): boolean;
  errors?: ErrorObject[] | null;
}

export interface CompiledField {
  id: string;
  /** Position in the schema (and in templates). */
  index: number;
  /** The canonical column label (the schema `title`). */
  label: string;
  def: FieldDefinition;
  schema: JsonSchemaProperty;
  required: boolean;
  /** How the value parser reads this field's cells; `year` is filled per table. */
  value: ValueContext;
}

/** A definition made ready for checking many rows: fields indexed, header keys folded, Ajv compiled once. */
export interface CompiledForm {
  def: FormDefinition;
  fields: CompiledField[];
  byId: Map<string, CompiledField>;
  /** Folded label or alias → field id. */
  headerKeys: Map<string, string>;
  validateRow: RowValidator;
}

/** The key a header cell is matched by: folded, brackets dropped, so `开展宣传活动` + `场次` meets `开展宣传活动（场次）`. */
export function headerKey(text: string): string {
  return isHeaderKey(text) ? text : foldKey(text).replace(/[()]/g, '');
}

/**
 * True when folding would not change the text: only Chinese characters, digits, lower-case
 * letters and punctuation that folding keeps. Most cells a table search looks at (unit names,
 * numbers, e-mail addresses) are such, and this costs a fraction of folding them.
 */
export function isHeaderKey(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff) continue; // CJK unified ideographs: no case, no width
    if (c <= 0x20 || c >= 0x7f) return false; // spaces, and whatever else folding might touch
    if (
      (c >= 0x41 && c <= 0x5a) ||
      c === 0x28 ||
      c === 0x29 ||
      c === 0x2a ||
      c === 0x3a ||
      c === 0x3c ||
      c === 0x3e ||
      c === 0x5b ||
      c === 0x5d ||
      c === 0x7b ||
      c === 0x7d
    )
      return false;
  }
  return true;
}

export function fieldLabel(field: CompiledField, lang: Lang): string {
  return lang === 'en' && field.def.labelEn ? field.def.labelEn : field.label;
}

export function formTitle(form: CompiledForm, lang: Lang): string {
  return (lang === 'en' && form.def.title.en) || form.def.title['zh-CN'];
}

const compiled = new WeakMap<FormDefinition, CompiledForm>();

/**
 * Ajv as the rows are checked with, compiled once per worker, so its cost counts (40–60 ms
 * of a first roll-up in the browser; about half that this way). The schema is not checked
 * against JSON Schema's meta-schema again: `loadDefinition` has checked it (and the tests the
 * shipped forms). Rows need only each error's keyword, path and params (not `verbose`), and
 * skipping the generated code's optimising pass makes no difference to checking rows.
 */
const ROW_VALIDATOR = { validateSchema: false, verbose: false, code: { optimize: false } } as const;

export function compileForm(def: FormDefinition): CompiledForm {
  const cached = compiled.get(def);
  if (cached) return cached;
  const required = new Set(def.schema.required ?? []);
  const fields: CompiledField[] = Object.entries(def.schema.properties).map(([id, schema], index) => {
    const fieldDef = def.fields[id] ?? { type: 'text' };
    const value: ValueContext = { type: fieldDef.type, typed: true };
    if (fieldDef.unit !== undefined) value.unit = fieldDef.unit;
    if (schema.enum) value.options = schema.enum;
    return { id, index, label: schema.title ?? id, def: fieldDef, schema, required: required.has(id), value };
  });
  const headerKeys = new Map<string, string>();
  for (const field of fields) {
    for (const text of [field.label, ...(field.def.aliases ?? [])]) {
      const key = headerKey(text);
      if (key && !headerKeys.has(key)) headerKeys.set(key, field.id);
    }
  }
  const form: CompiledForm = {
    def,
    fields,
    byId: new Map(fields.map((f) => [f.id, f])),
    headerKeys,
    // Compiled at its first row: a form that only helps tell files apart (a roll-up of another
    // form) never needs it, and compiling costs more than reading a return.
    validateRow: boundedValidator(() => createSafeAjv(ROW_VALIDATOR).compile(def.schema), textLimits(def)),
  };
  compiled.set(def, form);
  return form;
}

/** Whether a (sub)schema runs a regular expression on text: `pattern`, `patternProperties` or `format`. */
function runsPatterns(node: unknown): boolean {
  if (node === null || typeof node !== 'object') return false;
  for (const [key, value] of Object.entries(node)) {
    if ((key === 'pattern' || key === 'format') && typeof value === 'string') return true;
    if (key === 'patternProperties' || runsPatterns(value)) return true;
  }
  return false;
}

/**
 * Field id → longest text checked, for the fields whose schema runs patterns. When a
 * pattern sits outside the fields' own schemas (in `allOf`, say), every field is limited.
 */
function textLimits(def: FormDefinition): Map<string, number> {
  const { properties, ...rest } = def.schema;
  const everywhere = runsPatterns(rest);
  const limits = new Map<string, number>();
  for (const [id, schema] of Object.entries(properties)) {
    if (!everywhere && !runsPatterns(schema)) continue;
    const own = typeof schema.maxLength === 'number' ? schema.maxLength : Infinity;
    limits.set(id, Math.min(own, MAX_CHECKED_TEXT));
  }
  return limits;
}

/**
 * Ajv behind a length check: a value longer than its limit gets a `maxLength` error and is
 * left out of what Ajv sees, so no pattern ever runs on it; Ajv's errors about that field
 * (its pattern, or `required` once it is left out) are dropped as already said.
 */
function boundedValidator(compile: () => ValidateFunction, limits: ReadonlyMap<string, number>): RowValidator {
  let compiled: ValidateFunction | undefined;
  const bounded: RowValidator = (row) => {
    const validate = (compiled ??= compile());
    let tooLong: ErrorObject[] | undefined;
    let checked = row;
    for (const [id, limit] of limits) {
      const value = row[id];
      // Characters as people count them (code points), but only counted when it could matter.
      if (typeof value !== 'string' || value.length <= limit || [...value].length <= limit) continue;
      (tooLong ??= []).push({
        instancePath: `/${id}`,
        schemaPath: `#/properties/${id}/maxLength`,
        keyword: 'maxLength',
        params: { limit },
        message: `must NOT have more than ${limit} characters`,
      });
      if (checked === row) checked = { ...row };
      delete checked[id];
    }
    const valid = validate(checked);
    if (!tooLong) {
      bounded.errors = validate.errors ?? null;
      return valid;
    }
    const left = new Set(tooLong.map((e) => e.instancePath.slice(1)));
    const about = (e: ErrorObject) =>
      e.keyword === 'required' ? String((e.params as { missingProperty?: string }).missingProperty) : (e.instancePath.split('/')[1] ?? '');
    bounded.errors = [...tooLong, ...(validate.errors ?? []).filter((e) => !left.has(about(e)))];
    return false;
  };
  return bounded;
}
