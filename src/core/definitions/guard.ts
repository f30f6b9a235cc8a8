/**
 * Checks on a definition a user brings that JSON Schema validation of the definition cannot
 * make, because they are about what the definition would make Huizong (and Ajv, and JSON
 * Forms) do: how big and deep it is, names that mean something to JavaScript objects, and,
 * inside the row schema, references, formats and regular expressions.
 *
 * A definition is data. These checks make sure it stays that way: nothing is fetched, no
 * pattern can hang a check, nothing turns into a promise or into an object's prototype.
 */
import { makeIssue, type Issue } from '../issues/issue';
import { describePatternRisk, patternRisk } from './safePattern';
import type { Lang } from './types';

/** Characters in a definition file; the shipped ones are under 40 000. */
export const MAX_DEFINITION_CHARS = 2_000_000;
/** Nesting of objects and arrays; the shipped definitions go 7 deep. */
export const MAX_DEPTH = 40;
/** Objects, arrays and values in all; the shipped definitions have under 1 000. */
export const MAX_NODES = 50_000;

/**
 * `format` names a row schema may use: ajv-formats' checks that make sense for a cell and stay
 * quick on long text (`uri` is left out: its check takes milliseconds on a 1 000-character cell).
 * Kept equal to the `format` enum in `forms/form-definition.schema.json`.
 */
export const ALLOWED_FORMATS: readonly string[] = ['date', 'time', 'date-time', 'email', 'url', 'hostname', 'ipv4', 'ipv6', 'uuid'];

/**
 * Names that objects already have in JavaScript: as a field id (`constructor` fits the id
 * pattern) a lookup like `fields[id]` would find the built-in instead of the user's entry.
 */
const RESERVED_NAMES = new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype']);

/** Keywords whose value is data to compare with, not a schema: never searched for keywords. */
const DATA_KEYWORDS = new Set(['const', 'enum', 'default', 'examples', 'title', 'description', '$comment', 'required']);
/** Keywords whose value maps names to schemas: the names are not keywords. */
const MAP_KEYWORDS = new Set(['properties', 'patternProperties', 'definitions', '$defs', 'dependencies', 'dependentSchemas']);

const DRAFT_07 = /^https?:\/\/json-schema\.org\/draft-07\/schema#?$/;

const pointer = (parts: readonly (string | number)[]) =>
  '/' + parts.map((p) => String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('/');

function problem(path: readonly (string | number)[], detail: string, lang: Lang): Issue {
  return makeIssue({ code: 'definition.invalid', params: { path: path.length ? pointer(path) : '/', detail } }, lang);
}

/** Refuses definition text too large to be a definition, before it is parsed. */
export function checkSize(text: string, lang: Lang): Issue[] {
  if (text.length <= MAX_DEFINITION_CHARS) return [];
  const size = `${Math.round(text.length / 1000)} KB`;
  return [
    problem(
      [],
      lang === 'en'
        ? `is ${size}, far more than a form definition (a few tens of KB). Please check that the right file was chosen`
        : `文件有 ${size}，远大于一般的表单定义（几十 KB），请检查是否选错了文件`,
      lang,
    ),
  ];
}

/**
 * Depth, size and `__proto__` keys, checked without recursion before anything else reads the
 * parsed JSON (validators recurse, and a 10 000-deep definition would overflow their stack).
 */
export function checkStructure(json: unknown, lang: Lang): Issue[] {
  const zh = lang !== 'en';
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value: json, path: [] }];
  let nodes = 0;
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (++nodes > MAX_NODES)
      return [
        problem(
          [],
          zh
            ? `内容太多（超过 ${MAX_NODES} 项），请检查是否选错了文件`
            : `has more than ${MAX_NODES} entries. Please check that the right file was chosen`,
          lang,
        ),
      ];
    if (value === null || typeof value !== 'object') continue;
    if (path.length >= MAX_DEPTH)
      return [
        problem(path, zh ? `嵌套超过 ${MAX_DEPTH} 层，请简化` : `is nested more than ${MAX_DEPTH} levels deep. Please simplify it`, lang),
      ];
    if (Array.isArray(value)) {
      value.forEach((item, i) => stack.push({ value: item, path: [...path, i] }));
      continue;
    }
    for (const [key, item] of Object.entries(value)) {
      // JSON.parse keeps `__proto__` as an ordinary key, but copying the object elsewhere would not.
      if (key === '__proto__')
        return [
          problem(
            [...path, key],
            zh
              ? '不能使用“__proto__”作为名称，请删去或改名'
              : 'uses the name "__proto__", which is not allowed. Please remove or rename it',
            lang,
          ),
        ];
      stack.push({ value: item, path: [...path, key] });
    }
  }
  return [];
}

interface Walk {
  lang: Lang;
  issues: Issue[];
}

/** `fields` ids that are names JavaScript objects already have (schema properties are checked by `schemaNode`). */
function reservedFieldIds(fields: object, walk: Walk): void {
  for (const id of Object.keys(fields)) {
    if (!RESERVED_NAMES.has(id)) continue;
    walk.issues.push(problem(['fields', id], reservedName(id, walk.lang), walk.lang));
  }
}

const reservedName = (name: string, lang: Lang) =>
  lang === 'en'
    ? `"${name}" is a name reserved by the program. Please choose another (such as "${name}Field")`
    : `“${name}”是程序保留的名称，请换一个（如“${name}Field”）`;

function checkPattern(source: string, path: (string | number)[], label: string | undefined, walk: Walk): void {
  const risk = patternRisk(source);
  if (risk) walk.issues.push(problem(path, describePatternRisk(risk, source, walk.lang, label), walk.lang));
}

/** Searches a (sub)schema for keywords that fetch, run asynchronously, or run patterns. */
function schemaNode(node: unknown, path: (string | number)[], label: string | undefined, walk: Walk): void {
  if (node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    node.forEach((item, i) => schemaNode(item, [...path, i], label, walk));
    return;
  }
  const zh = walk.lang !== 'en';
  const say = (key: string, text: string) => walk.issues.push(problem([...path, key], text, walk.lang));
  const record = node as Record<string, unknown>;
  const title = typeof record['title'] === 'string' ? record['title'] : undefined;
  for (const [key, value] of Object.entries(record)) {
    if (DATA_KEYWORDS.has(key)) continue;
    switch (key) {
      case '$ref':
        if (typeof value !== 'string' || !value.startsWith('#')) {
          say(
            key,
            zh
              ? `引用了定义以外的内容（${String(value)}）；定义不会从网络或其他文件读取任何东西，请把所需内容直接写在定义里`
              : `refers outside the definition (${String(value)}); nothing is read from the network or other files. Please write what is needed into the definition`,
          );
        }
        continue;
      case '$id':
        if (typeof value === 'string')
          say(key, zh ? '行数据的 schema 里不能使用 $id，请删去' : 'the row schema may not use $id. Please remove it');
        continue;
      case '$async':
        say(key, zh ? '不支持异步校验（$async），请删去' : 'asynchronous validation ($async) is not supported. Please remove it');
        continue;
      case '$data':
        say(key, zh ? '不支持 $data 引用，请写出具体的值' : '$data references are not supported. Please write the value itself');
        continue;
      case '$schema':
        if (typeof value !== 'string' || !DRAFT_07.test(value))
          say(
            key,
            zh
              ? '行数据的 schema 只能按 JSON Schema draft-07 书写，请删去这一项'
              : 'the row schema must be JSON Schema draft-07. Please remove this entry',
          );
        continue;
      case 'pattern':
        if (typeof value === 'string') checkPattern(value, [...path, key], title ?? label, walk);
        continue;
      case 'format':
        if (typeof value === 'string' && !ALLOWED_FORMATS.includes(value)) {
          say(
            key,
            zh
              ? `不认识的格式“${value}”，可用的格式有：${ALLOWED_FORMATS.join('、')}`
              : `unknown format "${value}"; the formats that can be used are ${ALLOWED_FORMATS.join(', ')}`,
          );
        }
        continue;
    }
    if (MAP_KEYWORDS.has(key) && value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [name, sub] of Object.entries(value)) {
        if (key === 'patternProperties') checkPattern(name, [...path, key, name], title ?? label, walk);
        if (RESERVED_NAMES.has(name)) {
          walk.issues.push(problem([...path, key, name], reservedName(name, walk.lang), walk.lang));
          continue;
        }
        const subTitle =
          sub !== null && typeof sub === 'object' && typeof (sub as Record<string, unknown>)['title'] === 'string'
            ? String((sub as Record<string, unknown>)['title'])
            : undefined;
        schemaNode(sub, [...path, key, name], key === 'properties' ? (subTitle ?? name) : label, walk);
      }
      continue;
    }
    schemaNode(value, [...path, key], label, walk);
  }
}

/** The schemas inside a uischema: JSON Forms rules carry `condition.schema`, which Ajv runs too. */
function uiNode(node: unknown, path: (string | number)[], walk: Walk): void {
  if (node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    node.forEach((item, i) => uiNode(item, [...path, i], walk));
    return;
  }
  for (const [key, value] of Object.entries(node)) {
    if (key === 'schema') schemaNode(value, [...path, key], undefined, walk);
    else uiNode(value, [...path, key], walk);
  }
}

/**
 * Checks a definition that has passed the definition schema: reserved field ids, and every
 * schema in it (the row schema and uischema rule conditions) for remote references, `$async`,
 * `$data`, `$id`, unknown formats and patterns that could hang.
 */
export function checkSafety(def: { schema: { properties: object }; fields: object; uischema: unknown }, lang: Lang): Issue[] {
  const walk: Walk = { lang, issues: [] };
  reservedFieldIds(def.fields, walk);
  schemaNode(def.schema, ['schema'], undefined, walk);
  uiNode(def.uischema, ['uischema'], walk);
  return walk.issues;
}
