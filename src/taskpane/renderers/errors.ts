/**
 * Ajv's messages in the form's language: ajv-i18n (`zh`, or `en` when English) for most keywords,
 * and our own wording where ajv-i18n reads like a programmer's note — `required` names the field
 * (请填写“填报单位”), numbers say what to type (请填写不小于0的整数), formats give an example.
 *
 * Only the two locales are imported (not ajv-i18n's index, which holds every language).
 */

import type { ErrorObject } from 'ajv';
import localizeEn from 'ajv-i18n/localize/en';
import localizeZh from 'ajv-i18n/localize/zh';
import { getControlPath, getI18nKey, type ErrorTranslator, type JsonSchema, type Translator, type UISchemaElement } from '@jsonforms/core';
import type { Lang } from '../../core/definitions/types';

/** The keyword of the errors the entry form's own rules add to Ajv's; their message is ready to show. */
export const RULE_KEYWORD = 'huizongRule';

const NUMBER_KEYWORDS = new Set(['type', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf']);

function schemaTypes(schema: JsonSchema | undefined): string[] {
  const type = schema?.type;
  return type === undefined ? [] : Array.isArray(type) ? type : [type];
}

/** `请填写不小于0的整数` / `Enter a whole number of 0 or more`, from the schema's bounds. */
export function numberMessage(schema: JsonSchema, lang: Lang): string {
  const integer = schemaTypes(schema).includes('integer');
  const min = typeof schema.minimum === 'number' ? schema.minimum : undefined;
  const max = typeof schema.maximum === 'number' ? schema.maximum : undefined;
  const xmin = typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum : undefined;
  const xmax = typeof schema.exclusiveMaximum === 'number' ? schema.exclusiveMaximum : undefined;
  if (lang === 'en') {
    const what = integer ? 'a whole number' : 'a number';
    if (min !== undefined && max !== undefined) return `Enter ${what} from ${min} to ${max}`;
    const parts = [
      min !== undefined ? `of ${min} or more` : xmin !== undefined ? `greater than ${xmin}` : undefined,
      max !== undefined ? `of ${max} or less` : xmax !== undefined ? `less than ${xmax}` : undefined,
    ].filter(Boolean);
    return parts.length ? `Enter ${what} ${parts.join(' and ')}` : `Enter ${what}`;
  }
  const what = integer ? '整数' : '数字';
  if (min !== undefined && max !== undefined) return `请填写${min}到${max}之间的${what}`;
  const parts = [
    min !== undefined ? `不小于${min}` : xmin !== undefined ? `大于${xmin}` : undefined,
    max !== undefined ? `不大于${max}` : xmax !== undefined ? `小于${xmax}` : undefined,
  ].filter(Boolean);
  return parts.length ? `请填写${parts.join('且')}的${what}` : `请填写${what}`;
}

export function requiredMessage(label: string, lang: Lang): string {
  return lang === 'en' ? `Please fill in “${label}”` : `请填写“${label}”`;
}

const FORMAT_MESSAGES: Record<string, Record<Lang, string>> = {
  email: { 'zh-CN': '请填写正确的电子邮箱地址，如 name@example.com', en: 'Enter a valid email address, e.g. name@example.com' },
  date: { 'zh-CN': '请填写正确的日期，如 2024-03-20', en: 'Enter a valid date, e.g. 2024-03-20' },
};

/** ajv-i18n's message for the error (the error itself is not changed). */
export function localizedAjvMessage(error: ErrorObject, lang: Lang): string {
  const copy: ErrorObject = { ...error };
  (lang === 'en' ? localizeEn : localizeZh)([copy]);
  return copy.message ?? error.message ?? '';
}

/**
 * The message for one Ajv error. `label` names the missing field of a `required` error; without
 * it the property's schema `title` (or its key) is used.
 */
export function errorMessage(error: ErrorObject, lang: Lang, label?: string): string {
  const parent = error.parentSchema as JsonSchema | undefined;
  if (error.keyword === 'required') {
    const missing = String((error.params as { missingProperty?: unknown }).missingProperty ?? '');
    return requiredMessage(label ?? parent?.properties?.[missing]?.title ?? missing, lang);
  }
  if (NUMBER_KEYWORDS.has(error.keyword) && parent) {
    const types = schemaTypes(parent);
    if (types.includes('integer') || types.includes('number')) return numberMessage(parent, lang);
  }
  if (error.keyword === 'enum') return lang === 'en' ? 'Choose one of the listed options' : '请从列表中选择';
  if (error.keyword === 'format') {
    const format = String((error.params as { format?: unknown }).format ?? '');
    const message = FORMAT_MESSAGES[format];
    if (message) return message[lang];
  }
  return localizedAjvMessage(error, lang);
}

/**
 * A JSON Forms `i18n.translateError`. A message the translator knows for the field and keyword
 * (`<field>.error.<keyword>`, as JSON Forms' own translator looks up) wins; otherwise
 * `errorMessage`, with the missing field's label taken from the translator too (`<field>.label`),
 * so `required` names the field as its control does — in English when the form is English.
 */
export function createErrorTranslator(lang: Lang): ErrorTranslator {
  return (error: ErrorObject, t: Translator, uischema?: UISchemaElement): string => {
    if (error.keyword === RULE_KEYWORD) return error.message ?? '';
    const controlPath = getControlPath(error);
    const custom = t(getI18nKey(error.parentSchema as JsonSchema | undefined, uischema, controlPath, `error.${error.keyword}`), undefined, {
      error,
    });
    if (custom !== undefined) return custom;
    if (error.keyword === 'required') {
      const missing = String((error.params as { missingProperty?: unknown }).missingProperty ?? '');
      const propSchema = (error.parentSchema as JsonSchema | undefined)?.properties?.[missing];
      const uiLabel =
        typeof (uischema as { label?: unknown } | undefined)?.label === 'string' ? (uischema as { label: string }).label : undefined;
      const fallback = uiLabel ?? propSchema?.title ?? missing;
      return errorMessage(error, lang, t(getI18nKey(propSchema, uischema, controlPath, 'label'), fallback, { error }));
    }
    return errorMessage(error, lang);
  };
}
