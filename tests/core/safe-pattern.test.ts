/**
 * Regular expressions in form definitions: the load-time check refuses the shapes that make
 * JavaScript's RegExp backtrack for minutes and accepts the patterns real forms use, and
 * the engine Huizong runs them with gives RegExp's answers without ever taking long.
 */
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { MAX_CHECKED_TEXT } from '../../src/core/definitions/compile';
import { ALLOWED_FORMATS } from '../../src/core/definitions/guard';
import { loadDefinition } from '../../src/core/definitions/load';
import { patternRisk, type PatternRisk } from '../../src/core/definitions/safePattern';
import { SafeRegExp } from '../../src/core/definitions/safeRegExp';

const FORMS = path.resolve(__dirname, '../../forms');
const readJson = (file: string): unknown => JSON.parse(fs.readFileSync(path.join(FORMS, file), 'utf8'));

/** Every regular expression in a JSON document: `pattern` values and `patternProperties` names. */
function patternsIn(node: unknown, found: string[] = []): string[] {
  if (node === null || typeof node !== 'object') return found;
  for (const [key, value] of Object.entries(node)) {
    if (key === 'pattern' && typeof value === 'string') found.push(value);
    if (key === 'patternProperties' && value && typeof value === 'object') found.push(...Object.keys(value));
    patternsIn(value, found);
  }
  return found;
}

describe('the shipped forms pass the check', () => {
  const files = fs.readdirSync(FORMS).filter((f) => f.endsWith('.json'));

  test.each(files)('every pattern in forms/%s is accepted', (file) => {
    const patterns = patternsIn(readJson(file));
    expect(patterns.filter((p) => patternRisk(p) !== null)).toEqual([]);
    // The definition format's own patterns (ids, versions, sheet names …) are there to be checked.
    if (file === 'form-definition.schema.json') expect(patterns.length).toBeGreaterThanOrEqual(5);
  });

  test.each(files.filter((f) => f !== 'form-definition.schema.json'))('forms/%s loads as a user definition', (file) => {
    const result = loadDefinition(fs.readFileSync(path.join(FORMS, file), 'utf8'));
    expect(result.ok ? [] : result.issues.map((i) => i.message)).toEqual([]);
  });

  test('the formats the definition format lists are the ones the loader allows', () => {
    const schema = readJson('form-definition.schema.json') as {
      definitions: { propertySchema: { properties: { format: { enum: string[] } } } };
    };
    expect(schema.definitions.propertySchema.properties.format.enum).toEqual(ALLOWED_FORMATS);
  });
});

/** Patterns a union's form might well use: all accepted. */
const accepted = [
  '^1[3-9]\\d{9}$', // mobile number
  '^(?:0\\d{2,3}|\\(0\\d{2,3}\\))-?\\d{7,8}(?:(?:-|转)\\d{1,6}|\\(\\d{1,6}\\))?$', // landline, as the phone reader has it
  '^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}$', // e-mail, as the e-mail reader has it
  '^\\d{17}[\\dXx]$', // resident ID number
  '^\\d{6}$', // postcode
  '^[\\u4e00-\\u9fa5]{2,4}(、[\\u4e00-\\u9fa5]{2,4})*$', // names separated by 、
  '^\\p{Script=Han}+$',
  '^([a-z0-9]+[-.])*[a-z0-9]+$',
  '^\\d{1,3}(,\\d{3})*$', // 1,234,567
  '^(男|女)$',
  '(?:\\s|,)+',
  '^[^\\s@]+@[^\\s@]+$',
];

const refused: [string, PatternRisk][] = [
  ['^(a+)+$', 'nested-repeat'],
  ['(\\d+)*$', 'nested-repeat'],
  ['^(-?\\d+)*$', 'nested-repeat'],
  ['(\\w+\\s?)+$', 'nested-repeat'],
  ['((ab)+)+', 'nested-repeat'],
  ['(.*a){12}', 'nested-repeat'],
  ['(x|x)*y', 'overlapping-alternatives'],
  ['^(a|ab)+$', 'overlapping-alternatives'],
  ['^(a*)*$', 'empty-repeat'],
  ['^(a?)+$', 'empty-repeat'],
  ['^(\\d)\\1$', 'backreference'],
  ['^(?<d>\\d)\\k<d>$', 'backreference'],
  ['^(?!0)\\d+$', 'lookaround'],
  ['(?<=a)b', 'lookaround'],
  ['a{5000}', 'big-count'],
  ['^\\d{1,101}$', 'big-count'],
  ['((a{100}){100}){100}', 'too-complex'],
  ['x'.repeat(201), 'too-long'],
  ['([', 'syntax'],
];

test.each(accepted)('accepted: %s', (pattern) => {
  expect(patternRisk(pattern)).toBeNull();
});

test.each(refused)('refused: %s (%s)', (pattern, risk) => {
  expect(patternRisk(pattern)).toBe(risk);
});

describe('the engine', () => {
  // Refused patterns too: the engine has to be safe whatever reaches it.
  const runnable = [
    ...accepted,
    '^(a+)+$',
    '(x|x)*y',
    '(\\d+)*$',
    '^(a|ab)+$',
    '\\bword\\B',
    '^[^]$',
    '^.$',
    '[\\P{L}x]+$',
    '^\\u{1F600}\\uD83D\\uDE00$',
    'a{2,4}b?',
    '^$',
  ];
  const alphabet = fc.constantFrom(...'ab1x-.@,、 张三男\n0Xy😀_'.split(/(?:)/u));

  test.each(runnable)('answers as RegExp does for %s', (pattern) => {
    const engine = new SafeRegExp(pattern);
    const native = new RegExp(pattern, 'u');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 14 }), (chars) => {
        const text = chars.join('');
        expect(engine.test(text)).toBe(native.test(text));
      }),
      { numRuns: 300, seed: 6 },
    );
  });

  test('runs the patterns that hang RegExp on long text in milliseconds', () => {
    const started = performance.now();
    expect(new SafeRegExp('^(a+)+$').test('a'.repeat(1000) + '!')).toBe(false);
    expect(new SafeRegExp('(x|x)*y').test('x'.repeat(1000))).toBe(false);
    expect(new SafeRegExp('(\\d+)*$').test('1'.repeat(1000) + 'x')).toBe(true);
    expect(new SafeRegExp('^\\d*\\d*\\d*\\d*x$').test('1'.repeat(1000))).toBe(false);
    expect(performance.now() - started).toBeLessThan(500);
  });

  test('the most work a pattern the check lets through can make stays small: 200 cells at the length limit in well under 2 s', () => {
    const worst = '^.{0,100}.{0,100}.{0,45}x$'; // just under the limit on states
    expect(patternRisk(worst)).toBeNull();
    expect(patternRisk('^.{0,100}.{0,100}.{0,50}x$')).toBe('too-complex');
    const engine = new SafeRegExp(worst);
    const cell = 'a'.repeat(MAX_CHECKED_TEXT);
    const started = performance.now();
    for (let i = 0; i < 200; i++) engine.test(cell);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
