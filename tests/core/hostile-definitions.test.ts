/* eslint-disable @typescript-eslint/no-explicit-any -- definitions are edited as untyped JSON on purpose: the tests break them in ways no type allows */
/**
 * Form definitions a user loads are data, never code: a broken or hostile definition ends
 * with a clear load error naming the JSON path, or is harmless — and either way loading it
 * and checking a table with it finishes quickly. One case per kind of trouble.
 *
 * The time bound (2 s) only guards against hangs; every case takes milliseconds.
 */
import { compileForm, MAX_CHECKED_TEXT } from '../../src/core/definitions/compile';
import { loadDefinition } from '../../src/core/definitions/load';
import type { FormDefinition } from '../../src/core/definitions/types';
import type { Issue } from '../../src/core/issues/issue';
import type { Grid } from '../../src/core/table/grid';
import { validateGrids } from '../../src/core/validate/workbook';
import type { CellValue } from '../../src/core/values/types';

/** A small definition a union might write for itself: unit, contact person, a count. */
function baseDefinition(): any {
  return {
    id: 'contact-list',
    version: '2024.1',
    title: { 'zh-CN': '联系人名单' },
    kind: 'per-unit',
    rollupKey: 'unitName',
    sheet: { name: '联系人名单', title: { 'zh-CN': '{year}年联系人名单' } },
    schema: {
      type: 'object',
      properties: {
        unitName: { type: 'string', title: '填报单位', minLength: 1 },
        contactPerson: { type: 'string', title: '联系人' },
        members: { type: 'integer', title: '会员人数（人）', minimum: 0 },
      },
      required: ['unitName'],
    },
    uischema: {
      type: 'VerticalLayout',
      elements: [
        { type: 'Control', scope: '#/properties/unitName' },
        { type: 'Control', scope: '#/properties/contactPerson' },
        { type: 'Control', scope: '#/properties/members' },
      ],
    },
    fields: {
      unitName: { type: 'text', rollup: 'key' },
      contactPerson: { type: 'text', rollup: 'list' },
      members: { type: 'int', unit: '人', rollup: 'sum' },
    },
  };
}

/** The text that makes `^(a+)+$`-like patterns backtrack for minutes in JavaScript's RegExp. */
const EVIL = 'a'.repeat(30) + '!';

/** A returned table: header, then rows whose contact cells are the given texts. */
function sampleGrid(contacts: string[] = ['张三', EVIL, '1'.repeat(40) + 'y', 'x'.repeat(28) + 'y']): Grid {
  const rows: CellValue[][] = [['填报单位', '联系人', '会员人数（人）']];
  contacts.forEach((contact, i) => rows.push([`第${i + 1}工会`, contact, 10 + i]));
  return { sheet: '联系人名单', rows, typed: true };
}

interface Outcome {
  messages: string[];
  /** Issues from checking the sample table, when the definition loaded. */
  tableIssues?: Issue[];
  ms: number;
}

/** Loads the definition text and, if it loads, checks the sample table with it; timed together. */
function run(text: string, grid = sampleGrid()): Outcome {
  const started = performance.now();
  const loaded = loadDefinition(text);
  if (!loaded.ok) return { messages: loaded.issues.map((i) => i.message), ms: performance.now() - started };
  const report = validateGrids('returned.xlsx', [grid], [compileForm(loaded.definition)], { today: '2024-03-25' });
  return { messages: [], tableIssues: report.issues, ms: performance.now() - started };
}

const edited = (change: (def: any) => void): string => {
  const def = baseDefinition();
  change(def);
  return JSON.stringify(def);
};

/** Definition text with `"@DEEP@"` replaced by JSON nested `depth` levels (`wrap` + … + `end`); JSON.stringify could not write it. */
function deeplyNested(change: (def: any) => void, open: string, inner: string, close: string, depth = 10_000): () => string {
  return () => edited(change).replace('"@DEEP@"', open.repeat(depth) + inner + close.repeat(depth));
}

type Case = [name: string, text: () => string, expected: RegExp | string];

const HANG = '写法可能让校验卡死';
const contactPattern = (pattern: string) => () => edited((d) => (d.schema.properties.contactPerson.pattern = pattern));

const refused: Case[] = [
  [
    'nested quantifiers ^(a+)+$',
    contactPattern('^(a+)+$'),
    '表单定义有误：/schema/properties/contactPerson/pattern 字段“联系人”的格式规则（pattern）“^(a+)+$”写法可能让校验卡死：括号整体重复，括号里又有长短可变的部分',
  ],
  [
    'overlapping alternatives (x|x)*y',
    contactPattern('(x|x)*y'),
    /\/schema\/properties\/contactPerson\/pattern 字段“联系人”.*写法可能让校验卡死：重复的括号里有几个选择可以用同一个字符开头/,
  ],
  ['a repeated group of digits (\\d+)*$', contactPattern('(\\d+)*$'), HANG],
  ['a repeated group that can be empty (a*)*', contactPattern('^(a*)*$'), /重复的括号里的内容可以是空的/],
  ['a back-reference', contactPattern('^(\\d)\\1$'), /用了反向引用/],
  ['a look-ahead', contactPattern('^(?=.*\\d).+$'), /用了前后查找/],
  ['a very long pattern', contactPattern('^' + 'a?'.repeat(150) + '$'), /超过200个字符，请改短/],
  ['a huge repeat count', contactPattern('^a{5000}$'), /重复次数超过100（/],
  ['a pattern JavaScript cannot read with the u flag', contactPattern('^\\d{3}\\-\\d+$'), /不是有效的正则表达式/],
  [
    'a catastrophic patternProperties name',
    () => edited((d) => (d.schema.patternProperties = { '^(a|a)*$': { type: 'string' } })),
    /\/schema\/patternProperties\/\^\(a\|a\)\*\$ .*写法可能让校验卡死/,
  ],
  [
    'a catastrophic pattern hidden in allOf',
    () => edited((d) => (d.schema.allOf = [{ properties: { contactPerson: { pattern: '^([a-z]+)*$' } } }])),
    /\/schema\/allOf\/0\/properties\/contactPerson\/pattern 字段“contactPerson”.*写法可能让校验卡死/,
  ],
  [
    'a catastrophic pattern in a uischema rule',
    () =>
      edited(
        (d) =>
          (d.uischema.elements[1].rule = {
            effect: 'HIDE',
            condition: { scope: '#/properties/unitName', schema: { pattern: '(\\w+\\s?)+$' } },
          }),
      ),
    /\/uischema\/elements\/1\/rule\/condition\/schema\/pattern .*写法可能让校验卡死/,
  ],
  [
    'a $ref to a web address',
    () =>
      edited(
        (d) => (d.schema.properties.contactPerson = { type: 'string', title: '联系人', $ref: 'https://example.com/evil.schema.json' }),
      ),
    '表单定义有误：/schema/properties/contactPerson/$ref 引用了定义以外的内容（https://example.com/evil.schema.json）；定义不会从网络或其他文件读取任何东西，请把所需内容直接写在定义里',
  ],
  [
    'a $ref to another file',
    () => edited((d) => (d.schema.allOf = [{ $ref: '../secrets.json#/x' }])),
    /\/schema\/allOf\/0\/\$ref 引用了定义以外的内容/,
  ],
  [
    'an $id naming a web address',
    () => edited((d) => (d.schema.$id = 'https://example.com/row.json')),
    '表单定义有误：/schema/$id 行数据的 schema 里不能使用 $id，请删去',
  ],
  ['$async', () => edited((d) => (d.schema.$async = true)), '表单定义有误：/schema/$async 不支持异步校验（$async），请删去'],
  ['$data', () => edited((d) => (d.schema.properties.members.maximum = { $data: '1/unitName' })), /\/schema\/properties\/members\/maximum/],
  [
    'another JSON Schema version',
    () => edited((d) => (d.schema.$schema = 'https://json-schema.org/draft/2020-12/schema')),
    /\/schema\/\$schema 行数据的 schema 只能按 JSON Schema draft-07 书写/,
  ],
  [
    'an unknown format',
    () => edited((d) => (d.schema.properties.contactPerson.format = 'credit-card')),
    /\/schema\/properties\/contactPerson\/format 应当是预设定的枚举值之一（date、time/,
  ],
  [
    'an unknown format outside the fields',
    () => edited((d) => (d.schema.allOf = [{ properties: { contactPerson: { format: 'regex' } } }])),
    /\/schema\/allOf\/0\/properties\/contactPerson\/format 不认识的格式“regex”，可用的格式有：date、time/,
  ],
  [
    'a __proto__ key',
    () =>
      edited((d) => (d.schema.properties.contactPerson = JSON.parse('{"type":"string","title":"联系人","__proto__":{"polluted":true}}'))),
    '表单定义有误：/schema/properties/contactPerson/__proto__ 不能使用“__proto__”作为名称，请删去或改名',
  ],
  [
    'a field called constructor',
    () =>
      edited((d) => {
        d.schema.properties.constructor = { type: 'string', title: '构造' };
        d.uischema.elements.push({ type: 'Control', scope: '#/properties/constructor' });
      }),
    '表单定义有误：/schema/properties/constructor “constructor”是程序保留的名称，请换一个（如“constructorField”）',
  ],
  [
    'a fields entry called toString',
    () => edited((d) => (d.fields.toString = { type: 'text' })),
    /\/fields\/toString “toString”是程序保留的名称/,
  ],
  [
    'a huge enum',
    () => edited((d) => (d.schema.properties.contactPerson.enum = Array.from({ length: 5000 }, (_, i) => `选项${i}`))),
    /\/schema\/properties\/contactPerson\/enum 不应多于 1000 个项/,
  ],
  [
    'a huge enum where the format does not look',
    () => edited((d) => (d.schema.allOf = [{ enum: Array.from({ length: 60_000 }, (_, i) => i) }])),
    /内容太多（超过 50000 项）/,
  ],
  [
    'a deeply nested schema',
    deeplyNested((d) => (d.schema.properties.contactPerson.not = '@DEEP@'), '{"not":', '{}', '}'),
    /\/schema\/properties\/contactPerson\/not\/not\/.* 嵌套超过 40 层，请简化/,
  ],
  [
    'a deeply nested uischema',
    deeplyNested(
      (d) => (d.uischema = '@DEEP@'),
      '{"type":"VerticalLayout","elements":[',
      '{"type":"Control","scope":"#/properties/unitName"}',
      ']}',
    ),
    /\/uischema\/elements\/0\/elements\/0\/.* 嵌套超过 40 层/,
  ],
  [
    'a file far too large',
    () => edited((d) => (d.schema.properties.contactPerson.description = '说明'.repeat(1_100_000))),
    /远大于一般的表单定义（几十 KB），请检查是否选错了文件/,
  ],
];

describe('a definition that could hang or run something is refused with a clear message', () => {
  test.each(refused)('%s', (_name, text, expected) => {
    const outcome = run(text());
    const wanted = [typeof expected === 'string' ? expect.stringContaining(expected) : expect.stringMatching(expected)];
    expect(outcome.messages).toEqual(expect.arrayContaining(wanted));
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

describe('a definition that looks odd but is harmless loads and checks tables', () => {
  afterEach(() => delete (globalThis as Record<string, unknown>)['pwned']);

  test('a safe pattern of the delimited kind checks cells as JavaScript would', () => {
    const outcome = run(contactPattern('^[\\u4e00-\\u9fa5]{2,4}(、[\\u4e00-\\u9fa5]{2,4})*$')(), sampleGrid(['张三、李四', '张三，李四']));
    expect(outcome.messages).toEqual([]);
    expect(outcome.tableIssues!.map((i) => i.message)).toEqual(['B3 联系人：“张三，李四”的格式不符合要求']);
  });

  test('a pattern that is slow in JavaScript without being refused (\\d*\\d*\\d*\\d*x) still checks a cell as long as the limit at once', () => {
    const long = '1'.repeat(MAX_CHECKED_TEXT);
    const outcome = run(contactPattern('^\\d*\\d*\\d*\\d*x$')(), sampleGrid([long, '12x']));
    expect(outcome.messages).toEqual([]);
    expect(outcome.tableIssues!.map((i) => i.cell)).toEqual(['B2']);
  });

  test('a cell longer than the limit is reported as too long and never tested against the pattern', () => {
    const outcome = run(contactPattern('^[a-z!]+$')(), sampleGrid(['a'.repeat(5000) + '!', 'ok']));
    expect(outcome.tableIssues!.map((i) => i.message)).toEqual([`B2 联系人：共5001个字，超过${MAX_CHECKED_TEXT}个字的上限，请精简`]);
  });

  test('keys and values written like code stay text: nothing runs', () => {
    const text = edited((d) => {
      const sneaky = 'a"]); globalThis.pwned = 1; (["';
      d.schema.allOf = [
        { properties: { [sneaky]: { type: 'string', default: '"); globalThis.pwned = 1; ("' } }, required: [sneaky] },
        { "'); globalThis.pwned = 1; //": { pattern: 'x' }, errorMessage: '${globalThis.pwned = 1}' },
      ];
      d.schema.properties.contactPerson.description = '*/ globalThis.pwned = 1; /*';
    });
    run(text);
    expect((globalThis as Record<string, unknown>)['pwned']).toBeUndefined();
  });

  test('a local $ref is followed, and nothing is fetched', () => {
    const fetchSpy = jest.fn();
    const original = globalThis.fetch;
    globalThis.fetch = fetchSpy as unknown as typeof fetch;
    try {
      const outcome = run(
        edited((d) => {
          d.schema.definitions = { name: { type: 'string', pattern: '^[^0-9]+$' } };
          d.schema.properties.contactPerson = { type: 'string', title: '联系人', $ref: '#/definitions/name' };
        }),
        sampleGrid(['张三', '110']),
      );
      expect(outcome.messages).toEqual([]);
      expect(outcome.tableIssues!.map((i) => i.message)).toEqual(['B3 联系人：“110”的格式不符合要求']);
    } finally {
      globalThis.fetch = original;
    }
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  test('a known format is checked', () => {
    const outcome = run(
      edited((d) => (d.schema.properties.contactPerson.format = 'email')),
      sampleGrid(['a@b.cn', '张三']),
    );
    expect(outcome.tableIssues!.map((i) => i.cell)).toEqual(['B3']);
  });
});

test('English messages for a refused pattern', () => {
  const loaded = loadDefinition(contactPattern('^(a+)+$')(), 'en');
  expect(loaded.ok ? [] : loaded.issues.map((i) => i.message)).toEqual([
    expect.stringMatching(
      /^The form definition is wrong: \/schema\/properties\/contactPerson\/pattern The format rule \(pattern\) "\^\(a\+\)\+\$" of field "联系人" could make checking hang: a repeated group contains a part of varying length/,
    ),
  ]);
});

test('the base definition itself loads (so each case above fails for its own reason)', () => {
  const loaded = loadDefinition(JSON.stringify(baseDefinition()));
  expect(loaded.ok).toBe(true);
  const def = (loaded as { definition: FormDefinition }).definition;
  expect(compileForm(def).fields.map((f) => f.label)).toEqual(['填报单位', '联系人', '会员人数（人）']);
});
