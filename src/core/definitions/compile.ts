import { createAjv } from '@jsonforms/core';
import type { ValidateFunction } from 'ajv';
import { foldKey } from '../text/fold';
import type { ValueContext } from '../values/types';
import type { FieldDefinition, FormDefinition, JsonSchemaProperty, Lang } from './types';

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
  validateRow: ValidateFunction;
}

/** The key a header cell is matched by: folded, brackets dropped, so `开展宣传活动` + `场次` meets `开展宣传活动（场次）`. */
export function headerKey(text: string): string {
  return foldKey(text).replace(/[()]/g, '');
}

export function fieldLabel(field: CompiledField, lang: Lang): string {
  return lang === 'en' && field.def.labelEn ? field.def.labelEn : field.label;
}

export function formTitle(form: CompiledForm, lang: Lang): string {
  return (lang === 'en' && form.def.title.en) || form.def.title['zh-CN'];
}

const compiled = new WeakMap<FormDefinition, CompiledForm>();

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
    validateRow: createAjv().compile(def.schema),
  };
  compiled.set(def, form);
  return form;
}
