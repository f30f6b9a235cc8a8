/* eslint-disable @typescript-eslint/no-explicit-any -- definitions are edited as untyped JSON on purpose: the tests break them in ways no type allows */
/** Definitions a user brings: accepted when sound, otherwise named by JSON path in Chinese. */
import * as fs from 'fs';
import * as path from 'path';
import { loadDefinition } from '../../src/core/definitions/load';

const shipped = fs.readFileSync(path.resolve(__dirname, '../../forms/activity-summary.json'), 'utf8');
const edit = (change: (def: any) => void): string => {
  const def = JSON.parse(shipped);
  change(def);
  return JSON.stringify(def);
};
const messages = (text: string) => {
  const result = loadDefinition(text);
  return result.ok ? [] : result.issues.map((i) => i.message);
};

test('a shipped definition loads, also with a byte-order mark', () => {
  const result = loadDefinition('\uFEFF' + shipped);
  expect(result.ok).toBe(true);
});

test('text that is not JSON says so, and where, in plain words (not JSON.parse’s)', () => {
  // A comma missing at the end of line 2: the parser stops at line 3, character 3.
  expect(messages('{\n  "id": "x"\n  "title": {}\n}')).toEqual([
    '表单定义有误：/ 不是有效的 JSON 文件：第 3 行第 3 个字符附近写错了（常见的是少了逗号、引号或括号，或多了一个逗号），请用文本编辑器改正后重新选择',
  ]);
  const cut = loadDefinition('{ "id": ', 'en');
  expect(cut.ok ? [] : cut.issues.map((i) => i.message)).toEqual([
    'The form definition is wrong: / is not valid JSON (often a missing comma, quote or bracket, or one comma too many); correct it in a text editor and choose it again',
  ]);
  // The parser's own words stay with the issue, for whoever looks into it.
  expect(cut.ok ? undefined : cut.issues[0]!.params.debug).toMatch(/JSON/);
});

test('a schema Ajv cannot compile says where to look, not Ajv’s words', () => {
  const result = loadDefinition(edit((d) => (d.schema.properties.publicityEvents.$ref = '#/nowhere')));
  expect(result.ok ? [] : result.issues.map((i) => i.message)).toEqual([
    '表单定义有误：/schema 不能用作 JSON Schema：请对照 forms/form-definition.schema.json 检查 schema 部分（关键字的拼写和取值）',
  ]);
  expect(result.ok ? undefined : result.issues[0]!.params.debug).toMatch(/#\/nowhere/);
});

test('a wrong key is named by its JSON path with what is allowed', () => {
  expect(messages(edit((d) => (d.fields.unitName.type = 'string')))).toContain(
    '表单定义有误：/fields/unitName/type 应当是预设定的枚举值之一（text、int、number、enum、phone、email、date、boolean）',
  );
  expect(messages(edit((d) => delete d.id))).toContain('表单定义有误：/ 应当有必需属性 id');
});

test('references to fields that do not exist are found', () => {
  expect(messages(edit((d) => (d.rules[0].other = 'nosuch')))).toEqual(['表单定义有误：/rules/0/other 指向不存在的字段“nosuch”']);
  expect(messages(edit((d) => (d.rollupKey = 'nosuch')))).toEqual(['表单定义有误：/rollupKey 指向不存在的字段“nosuch”']);
  expect(messages(edit((d) => delete d.fields.notes))).toEqual(['表单定义有误：/fields 缺少字段“notes”的说明']);
  expect(messages(edit((d) => (d.rules[1].id = d.rules[0].id)))).toEqual([
    `表单定义有误：/rules/1/id 规则编号“${JSON.parse(shipped).rules[0].id}”重复`,
  ]);
});

test('English messages on request', () => {
  const result = loadDefinition(
    edit((d) => (d.rules[0].other = 'nosuch')),
    'en',
  );
  expect(result.ok ? [] : result.issues.map((i) => i.message)).toEqual([
    'The form definition is wrong: /rules/0/other names the unknown field "nosuch"',
  ]);
});
