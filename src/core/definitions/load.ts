/**
 * Loading a form definition a user brings: JSON text → a checked FormDefinition, or
 * messages that name the JSON path and say what is wrong, in Chinese (English on request).
 * The definition is data: nothing in it is ever run, fetched or allowed to hang a check
 * (see `guard.ts` for what is refused and why).
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import localizeEn from 'ajv-i18n/localize/en';
import localizeZh from 'ajv-i18n/localize/zh';
import definitionSchema from '../../../forms/form-definition.schema.json';
import { makeIssue, type Issue } from '../issues/issue';
import { checkSafety, checkSize, checkStructure } from './guard';
import { createSafeAjv } from './safeRegExp';
import type { FormDefinition, Lang } from './types';

let validateDefinition: ValidateFunction | undefined;

function schemaValidator(): ValidateFunction {
  validateDefinition ??= createSafeAjv().compile(definitionSchema);
  return validateDefinition;
}

export type LoadResult = { ok: true; definition: FormDefinition } | { ok: false; issues: Issue[] };

function problem(path: string, detail: string, lang: Lang): Issue {
  return makeIssue({ code: 'definition.invalid', params: { path: path || '/', detail } }, lang);
}

function describeSchemaError(error: ErrorObject): string {
  const params = error.params as { allowedValues?: unknown[]; additionalProperty?: string; missingProperty?: string };
  const extra = params.allowedValues
    ? `（${params.allowedValues.map(String).join('、')}）`
    : params.additionalProperty
      ? `：${params.additionalProperty}`
      : '';
  return `${error.message ?? error.keyword}${extra}`;
}

const at = (...parts: (string | number)[]) => '/' + parts.join('/');

const debugText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Where JSON.parse gave up, as a line and a character in it (1-based), read from the
 * position its message names ("… at position 42"); undefined if it names none.
 */
function whereParsingStopped(text: string, error: unknown): { line: number; column: number } | undefined {
  const position = /\bposition (\d+)/.exec(debugText(error));
  if (!position) return undefined;
  const offset = Math.min(Number(position[1]), text.length);
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
}

/** What JSON Schema cannot say: every reference inside the definition points at a real field. */
function crossReferences(def: FormDefinition, lang: Lang): Issue[] {
  const issues: Issue[] = [];
  const ids = new Set(Object.keys(def.schema.properties));
  const zh = lang !== 'en';
  const unknown = (path: string, id: string) => problem(path, zh ? `指向不存在的字段“${id}”` : `names the unknown field "${id}"`, lang);
  // Own keys only: `fields.constructor` would otherwise be found on every object.
  for (const id of ids)
    if (!Object.hasOwn(def.fields, id))
      issues.push(problem(at('fields'), zh ? `缺少字段“${id}”的说明` : `has no entry for field "${id}"`, lang));
  for (const id of Object.keys(def.fields)) if (!ids.has(id)) issues.push(unknown(at('fields', id), id));
  if (!ids.has(def.rollupKey)) issues.push(unknown(at('rollupKey'), def.rollupKey));
  for (const [i, id] of (def.schema.required ?? []).entries()) if (!ids.has(id)) issues.push(unknown(at('schema', 'required', i), id));
  const ruleIds = new Set<string>();
  for (const [i, rule] of (def.rules ?? []).entries()) {
    if (ruleIds.has(rule.id))
      issues.push(problem(at('rules', i, 'id'), zh ? `规则编号“${rule.id}”重复` : `rule id "${rule.id}" is used twice`, lang));
    ruleIds.add(rule.id);
    const refs: [string, string][] =
      rule.kind === 'compare'
        ? [
            ['field', rule.field],
            ['other', rule.other],
          ]
        : rule.kind === 'sum'
          ? [['total', rule.total], ...rule.parts.map((p, j): [string, string] => [`parts/${j}`, p])]
          : rule.kind === 'requiredWhen'
            ? [
                ['field', rule.field],
                ['when/field', rule.when.field],
              ]
            : rule.kind === 'notAfterToday'
              ? [['field', rule.field]]
              : rule.fields.map((f, j): [string, string] => [`fields/${j}`, f]);
    for (const [key, id] of refs) if (!ids.has(id)) issues.push(unknown(at('rules', i, key), id));
  }
  for (const [i, computed] of (def.computed ?? []).entries()) {
    for (const key of ['numerator', 'denominator'] as const)
      if (!ids.has(computed[key])) issues.push(unknown(at('computed', i, key), computed[key]));
  }
  return issues;
}

/** Checks an already-parsed definition. */
export function checkDefinition(json: unknown, lang: Lang = 'zh-CN'): LoadResult {
  const structure = checkStructure(json, lang);
  if (structure.length > 0) return { ok: false, issues: structure };
  const validate = schemaValidator();
  if (!validate(json)) {
    const errors = [...(validate.errors ?? [])];
    (lang === 'en' ? localizeEn : localizeZh)(errors);
    return { ok: false, issues: errors.map((e) => problem(e.instancePath, describeSchemaError(e), lang)) };
  }
  const definition = json as FormDefinition;
  const issues = [...checkSafety(definition, lang), ...crossReferences(definition, lang)];
  if (issues.length > 0) return { ok: false, issues };
  try {
    createSafeAjv().compile(definition.schema);
  } catch (error) {
    return { ok: false, issues: [makeIssue({ code: 'definition.schema-unusable', params: { debug: debugText(error) } }, lang)] };
  }
  return { ok: true, definition };
}

/** Parses and checks definition text as a user saved it. */
export function loadDefinition(text: string, lang: Lang = 'zh-CN'): LoadResult {
  const size = checkSize(text, lang);
  if (size.length > 0) return { ok: false, issues: size };
  let json: unknown;
  const source = text.replace(/^\uFEFF/, '');
  try {
    json = JSON.parse(source);
  } catch (error) {
    const at = whereParsingStopped(source, error);
    const debug = debugText(error);
    const issue = at
      ? makeIssue({ code: 'definition.not-json', params: { ...at, debug } }, lang)
      : makeIssue({ code: 'definition.not-json-unplaced', params: { debug } }, lang);
    return { ok: false, issues: [issue] };
  }
  return checkDefinition(json, lang);
}
