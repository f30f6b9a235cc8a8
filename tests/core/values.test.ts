import fc from 'fast-check';
import { catalogue, messageFor, type IssueCode } from '../../src/core/issues/catalogue';
import { EMPTY, KNOWN_UNITS, parseCell, serialToIso, type CellValue, type ParseResult, type ValueContext } from '../../src/core/values';
import type { FieldType } from '../../src/core/definitions/types';

/** An Excel or WPS workbook: cells have types. */
const xlsx = (type: FieldType, extra: Partial<ValueContext> = {}): ValueContext => ({ type, typed: true, ...extra });
/** A CSV file: every cell is text, so "stored as text" means nothing there. */
const csv = (type: FieldType, extra: Partial<ValueContext> = {}): ValueContext => ({ type, typed: false, ...extra });

const PEOPLE_TIMES = xlsx('int', { unit: '人次' });
const PEOPLE_TIMES_CSV = csv('int', { unit: '人次' });

/** The note codes of an accepted value, or a failure naming the error instead. */
function accepted(result: ParseResult): { value: unknown; codes: IssueCode[] } {
  if (!result.ok) throw new Error(`expected a value, got ${result.code} ${JSON.stringify(result.params)}`);
  return { value: result.value, codes: result.notes.map((note) => note.code) };
}

function rejected(result: ParseResult): IssueCode {
  if (result.ok) throw new Error(`expected an error, got ${JSON.stringify(result.value)}`);
  return result.code;
}

describe('not reported', () => {
  const types: FieldType[] = ['text', 'int', 'number', 'enum', 'phone', 'email', 'date', 'boolean'];
  const blanks: CellValue[] = [null, undefined, '', '   ', '\u3000', '\t\n'];
  const placeholders: [string, string][] = [
    ['—', '—'],
    ['——', '——'],
    ['-', '-'],
    ['－', '－'],
    ['/', '/'],
    ['／', '／'],
    [' — ', '—'],
  ];

  describe.each(types)('%s field', (type) => {
    const ctx = xlsx(type, { unit: '人', options: ['是', '否'], year: 2024 });

    test.each(blanks.map((b) => [JSON.stringify(b) ?? 'undefined', b]))('blank %s is null with no placeholder', (_, blank) => {
      const result = parseCell(blank, ctx);
      expect(result).toEqual({ ok: true, value: null, notes: [] });
      expect(result).not.toHaveProperty('placeholder');
    });

    test.each(placeholders)('%j is null with the placeholder %j', (text, placeholder) => {
      expect(parseCell(text, ctx)).toEqual({ ok: true, value: null, notes: [], placeholder });
    });
  });

  test('a placeholder renders in the required-field message', () => {
    const result = parseCell('／', PEOPLE_TIMES);
    if (!result.ok || result.placeholder === undefined) throw new Error('expected a placeholder');
    expect(messageFor('schema.required-placeholder', { value: result.placeholder }, 'zh-CN')).toBe('“／”表示未填报，本项必填，请填写');
  });
});

describe('int', () => {
  test('a clean typed count takes the fast path: the shared frozen empty notes', () => {
    const result = parseCell(120, PEOPLE_TIMES);
    expect(result).toEqual({ ok: true, value: 120, notes: [] });
    if (!result.ok) throw new Error('expected a value');
    expect(result.notes).toBe(EMPTY);
    expect(Object.isFrozen(EMPTY)).toBe(true);
  });

  test('typed 0 and -0 read as 0', () => {
    expect(parseCell(0, PEOPLE_TIMES)).toEqual({ ok: true, value: 0, notes: [] });
    const negativeZero = parseCell(-0, PEOPLE_TIMES);
    expect(negativeZero.ok && Object.is(negativeZero.value, 0)).toBe(true);
  });

  test('a formula result with binary noise reads as the whole number Excel shows', () => {
    expect(accepted(parseCell(0.1 * 3 * 40, PEOPLE_TIMES))).toEqual({ value: 12, codes: [] });
  });

  test.each<[CellValue, IssueCode]>([
    [-5, 'value.negative'],
    [-0.5, 'value.negative'],
    [12.5, 'value.fraction'],
    [Number.NaN, 'value.not-integer'],
    [Number.POSITIVE_INFINITY, 'value.not-integer'],
    [Number.NEGATIVE_INFINITY, 'value.not-integer'],
    [2 ** 60, 'value.not-integer'],
    [true, 'value.not-integer'],
    [new Date(Date.UTC(2024, 2, 20)), 'value.not-integer'],
  ])('typed %p is the error %s', (raw, code) => {
    expect(rejected(parseCell(raw, PEOPLE_TIMES))).toBe(code);
  });

  // [cell, field unit, value, notes] in a typed workbook
  test.each<[string, string, number, IssueCode[]]>([
    ['120', '人次', 120, ['value.number-as-text']],
    ['0', '人次', 0, ['value.number-as-text']],
    ['无', '人次', 0, []],
    ['１２０', '人次', 120, ['value.full-width']],
    ['1,200', '人次', 1200, ['value.thousands']],
    ['1，200', '人次', 1200, ['value.thousands']],
    ['1,234,567', '人次', 1234567, ['value.thousands']],
    ['１，２００', '人次', 1200, ['value.full-width', 'value.thousands']],
    [' 120 ', '人次', 120, ['value.spaces', 'value.number-as-text']],
    ['\u3000120', '人次', 120, ['value.spaces', 'value.number-as-text']],
    ['约　500', '人次', 500, ['value.full-width', 'value.approximate']],
    ['120人次', '人次', 120, ['value.unit-written']],
    ['120人', '人次', 120, ['value.unit-written']],
    ['120 人', '人', 120, ['value.unit-written']],
    ['12场', '场次', 12, ['value.unit-written']],
    ['12场次', '场次', 12, ['value.unit-written']],
    ['5份', '份', 5, ['value.unit-written']],
    ['１２０人', '人次', 120, ['value.full-width', 'value.unit-written']],
    ['1.2万', '人次', 12000, ['value.wan']],
    ['1.25万人次', '人次', 12500, ['value.unit-written', 'value.wan']],
    ['3万', '人次', 30000, ['value.wan']],
    ['12.0', '人次', 12, ['value.number-as-text', 'value.whole-float']],
    ['12.00人', '人次', 12, ['value.unit-written', 'value.whole-float']],
    ['约500', '人次', 500, ['value.approximate']],
    ['约 500 人', '人次', 500, ['value.unit-written', 'value.approximate']],
    ['500余', '人次', 500, ['value.approximate']],
    ['500多人', '人次', 500, ['value.unit-written', 'value.approximate']],
    ['500余人次', '人次', 500, ['value.unit-written', 'value.approximate']],
    ['1万多', '人次', 10000, ['value.wan', 'value.approximate']],
    ['500人左右', '人次', 500, ['value.unit-written', 'value.approximate']],
    ['约１，２００人', '人次', 1200, ['value.full-width', 'value.thousands', 'value.unit-written', 'value.approximate']],
  ])('%j in a %s field reads as %p with notes %j', (raw, unit, value, codes) => {
    expect(accepted(parseCell(raw, xlsx('int', { unit })))).toEqual({ value, codes });
  });

  test.each<[string, number, IssueCode[]]>([
    ['120', 120, []],
    [' 120 ', 120, ['value.spaces']],
    ['12.0', 12, ['value.whole-float']],
    ['1,200', 1200, ['value.thousands']],
  ])('from CSV %j reads as %p without a stored-as-text note', (raw, value, codes) => {
    expect(accepted(parseCell(raw, PEOPLE_TIMES_CSV))).toEqual({ value, codes });
  });

  test('every note carries the cell as typed and the value read', () => {
    const result = parseCell(' 1.2万人 ', PEOPLE_TIMES);
    if (!result.ok) throw new Error('expected a value');
    expect(result.notes.length).toBeGreaterThan(1);
    for (const note of result.notes) expect(note.params).toEqual({ value: ' 1.2万人 ', parsed: '12000' });
  });

  // [cell, field unit, error]
  test.each<[string, string, IssueCode]>([
    ['-5', '人次', 'value.negative'],
    ['－5', '人次', 'value.negative'],
    ['−5', '人次', 'value.negative'],
    ['-5人', '人次', 'value.negative'],
    ['12.5', '人次', 'value.fraction'],
    ['12.5人', '人次', 'value.fraction'],
    ['1.23456万', '人次', 'value.fraction'],
    ['100-120', '人次', 'value.range'],
    ['100~120', '人次', 'value.range'],
    ['100～120', '人次', 'value.range'],
    ['100〜120', '人次', 'value.range'],
    ['100至120', '人次', 'value.range'],
    ['100到120', '人次', 'value.range'],
    ['100—120', '人次', 'value.range'],
    ['100 - 120', '人次', 'value.range'],
    ['100人-120人', '人次', 'value.range'],
    ['约100-120', '人次', 'value.range'],
    ['1万-2万', '人次', 'value.range'],
    ['若干', '人次', 'value.not-integer'],
    ['很多', '人次', 'value.not-integer'],
    ['abc', '人次', 'value.not-integer'],
    ['十二', '人次', 'value.not-integer'],
    ['万', '人次', 'value.not-integer'],
    ['约', '人次', 'value.not-integer'],
    ['1e3', '人次', 'value.not-integer'],
    ['1 200', '人次', 'value.not-integer'],
    ['12,00', '人次', 'value.not-integer'],
    ['1,2000', '人次', 'value.not-integer'],
    [',200', '人次', 'value.not-integer'],
    ['1.200.000', '人次', 'value.not-integer'],
    ['+5', '人次', 'value.not-integer'],
    ['12abc', '人次', 'value.not-integer'],
    ['12个人', '人次', 'value.not-integer'],
    ['99999999999999999', '人次', 'value.not-integer'],
    ['12人', '份', 'value.wrong-unit'],
    ['12人次', '人', 'value.wrong-unit'],
    ['12场次', '场', 'value.wrong-unit'],
    ['12家', '项', 'value.wrong-unit'],
    ['约12份', '人', 'value.wrong-unit'],
  ])('%j in a %s field is the error %s', (raw, unit, code) => {
    expect(rejected(parseCell(raw, xlsx('int', { unit })))).toBe(code);
  });

  test('a unit in a field without a unit cannot be checked, so it is not read', () => {
    expect(rejected(parseCell('12人', xlsx('int')))).toBe('value.not-integer');
    expect(accepted(parseCell('12', xlsx('int')))).toEqual({ value: 12, codes: ['value.number-as-text'] });
  });

  test('a wrong unit names both units', () => {
    expect(parseCell('12人', xlsx('int', { unit: '份' }))).toEqual({
      ok: false,
      code: 'value.wrong-unit',
      params: { value: '12人', found: '人', unit: '份' },
    });
  });

  test('the field unit is compared with the known units both ways', () => {
    expect(KNOWN_UNITS.has('人次')).toBe(true);
    expect(accepted(parseCell('3次', xlsx('int', { unit: '次' }))).value).toBe(3);
    expect(rejected(parseCell('3人次', xlsx('int', { unit: '次' })))).toBe('value.wrong-unit');
  });
});

describe('number', () => {
  const AMOUNT = xlsx('number', { unit: '人' });

  test.each<[CellValue, number, IssueCode[]]>([
    [12.5, 12.5, []],
    [0, 0, []],
    ['12.5', 12.5, ['value.number-as-text']],
    ['12.0', 12, ['value.number-as-text']],
    ['１２.５', 12.5, ['value.full-width']],
    ['1,200.75', 1200.75, ['value.thousands']],
    ['1.23456万', 12345.6, ['value.wan']],
    ['12.5人', 12.5, ['value.unit-written']],
    ['约0.5', 0.5, ['value.approximate']],
    ['无', 0, []],
  ])('%j reads as %p with notes %j', (raw, value, codes) => {
    expect(accepted(parseCell(raw, AMOUNT))).toEqual({ value, codes });
  });

  test.each<[CellValue, IssueCode]>([
    [-1.5, 'value.negative'],
    ['-1.5', 'value.negative'],
    ['1.5-2', 'value.range'],
    ['若干', 'value.not-number'],
    ['1,20.5', 'value.not-number'],
    [Number.NaN, 'value.not-number'],
    [Number.POSITIVE_INFINITY, 'value.not-number'],
    ['12份', 'value.wrong-unit'],
  ])('%j is the error %s', (raw, code) => {
    expect(rejected(parseCell(raw, AMOUNT))).toBe(code);
  });
});

describe('date', () => {
  const DAY = xlsx('date', { year: 2024 });

  test.each<[CellValue, string]>([
    [new Date(Date.UTC(2024, 2, 20)), '2024-03-20'],
    [new Date(Date.UTC(2024, 2, 20, 23, 59)), '2024-03-20'],
    [45371, '2024-03-20'],
    [45371.75, '2024-03-20'],
    [1, '1900-01-01'],
    [59, '1900-02-28'],
    [61, '1900-03-01'],
    [2958465, '9999-12-31'],
    ['2024-03-20', '2024-03-20'],
    ['2024/3/20', '2024-03-20'],
    ['2024.3.20', '2024-03-20'],
    ['2024年3月20日', '2024-03-20'],
    ['2024 年 3 月 20 日', '2024-03-20'],
    ['２０２４年３月２０日', '2024-03-20'],
    ['２０２４－０３－２０', '2024-03-20'],
    [' 2024-3-20 ', '2024-03-20'],
    ['2024/3/20 0:00', '2024-03-20'],
    ['2024-02-29', '2024-02-29'],
    ['45371', '2024-03-20'],
  ])('%p reads as %s', (raw, iso) => {
    expect(accepted(parseCell(raw, DAY))).toEqual({ value: iso, codes: [] });
  });

  test('a day without a year takes the activity year, with a note', () => {
    expect(parseCell('3月20日', DAY)).toEqual({
      ok: true,
      value: '2024-03-20',
      notes: [{ code: 'value.date-year-assumed', params: { value: '3月20日', parsed: '2024-03-20' } }],
    });
    expect(accepted(parseCell('１２月１日', xlsx('date', { year: 2023 })))).toEqual({
      value: '2023-12-01',
      codes: ['value.date-year-assumed'],
    });
  });

  test('a day without a year, where nothing says the activity year, is an error that says so', () => {
    expect(rejected(parseCell('3月20日', xlsx('date')))).toBe('value.date-no-year');
  });

  test.each<[CellValue, ValueContext]>([
    ['2月29日', xlsx('date', { year: 2023 })],
    [60, DAY],
    [60.5, DAY],
    [0, DAY],
    [-1, DAY],
    [2958466, DAY],
    [Number.NaN, DAY],
    [new Date(Number.NaN), DAY],
    [true, DAY],
    ['2024-02-30', DAY],
    ['2023-02-29', DAY],
    ['2024-13-01', DAY],
    ['2024-00-10', DAY],
    ['2024年4月31日', DAY],
    ['2024-3/20', DAY],
    ['20240320', DAY],
    ['2024', DAY],
    ['32873', DAY],
    ['73051', DAY],
    ['3/20', DAY],
    ['下周一', DAY],
    ['2024-03-20到2024-03-25', DAY],
  ])('%p is the error value.date', (raw, ctx) => {
    expect(rejected(parseCell(raw, ctx))).toBe('value.date');
  });

  test('digit text is a serial exactly from 1990-01-01 to 2099-12-31', () => {
    expect(accepted(parseCell('32874', DAY)).value).toBe('1990-01-01');
    expect(accepted(parseCell('73050', DAY)).value).toBe('2099-12-31');
  });

  test('serials agree with the calendar across the fake leap day', () => {
    expect(serialToIso(43831)).toBe('2020-01-01');
    expect(serialToIso(60)).toBeNull();
  });
});

describe('enum', () => {
  const LEVEL = xlsx('enum', { options: ['基层工会', '街道（乡镇）工会', '区（市）县总工会'] });

  test('the canonical option reads with no note', () => {
    expect(parseCell('街道（乡镇）工会', LEVEL)).toEqual({ ok: true, value: '街道（乡镇）工会', notes: [] });
    expect(parseCell(' 基层工会 ', LEVEL)).toEqual({ ok: true, value: '基层工会', notes: [] });
  });

  test.each([['街道(乡镇)工会'], ['街道【乡镇】工会'], ['街道 （乡镇） 工会'], ['区(市)县总工会\n']])(
    '%j reads as the canonical option with a note',
    (raw) => {
      const result = accepted(parseCell(raw, LEVEL));
      expect(result.codes).toEqual(['value.enum-folded']);
      expect(LEVEL.options).toContain(result.value);
    },
  );

  test('the folded note names the option it was read as', () => {
    const result = parseCell('街道(乡镇)工会', LEVEL);
    if (!result.ok) throw new Error('expected a value');
    expect(result.notes[0].params).toEqual({ value: '街道(乡镇)工会', parsed: '街道（乡镇）工会' });
  });

  test('anything else lists the options', () => {
    expect(parseCell('街道工会', LEVEL)).toEqual({
      ok: false,
      code: 'value.not-option',
      params: { value: '街道工会', options: '基层工会、街道（乡镇）工会、区（市）县总工会' },
    });
  });

  test('letters fold their case', () => {
    expect(accepted(parseCell('ｏｎｌｉｎｅ', xlsx('enum', { options: ['Online'] })))).toEqual({
      value: 'Online',
      codes: ['value.enum-folded'],
    });
  });
});

describe('text', () => {
  test.each<[CellValue, string]>([
    ['  河东区总工会 ', '河东区总工会'],
    ['无', '无'],
    [120, '120'],
    [13812345678, '13812345678'],
    [new Date(Date.UTC(2024, 2, 20)), '2024-03-20'],
    [true, 'TRUE'],
    ['第一行\n第二行', '第一行\n第二行'],
  ])('%p reads as %j', (raw, text) => {
    expect(parseCell(raw, xlsx('text'))).toEqual({ ok: true, value: text, notes: [] });
  });
});

describe('phone', () => {
  test.each<[CellValue, string]>([
    ['13812345678', '13812345678'],
    [13812345678, '13812345678'],
    ['138-1234-5678', '138-1234-5678'],
    ['138 1234 5678', '138 1234 5678'],
    ['１３８１２３４５６７８', '13812345678'],
    [' 19912345678 ', '19912345678'],
    ['022-24316934', '022-24316934'],
    ['022 24316934', '022 24316934'],
    ['02224316934', '02224316934'],
    ['0316-1234567', '0316-1234567'],
    ['(022)24316934', '(022)24316934'],
    ['（022）24316934', '(022)24316934'],
    ['022-24316934-123', '022-24316934-123'],
    ['022-24316934(123)', '022-24316934(123)'],
    ['022-24316934（123）', '022-24316934(123)'],
    ['022-24316934转123', '022-24316934转123'],
    ['０２２－２４３１６９３４', '022-24316934'],
  ])('%p reads as %j', (raw, phone) => {
    expect(parseCell(raw, xlsx('phone'))).toEqual({ ok: true, value: phone, notes: [] });
  });

  test.each<[CellValue]>([
    ['24316934'],
    [24316934],
    [2224316934],
    ['12812345678'],
    ['1381234567'],
    ['138123456789'],
    ['-13812345678'],
    ['13812345678-'],
    ['022-243169'],
    ['022-243169345'],
    ['22-24316934'],
    ['022-24316934-'],
    ['张三 13812345678'],
    ['13812345678、13912345678'],
    [true],
    [new Date(Date.UTC(2024, 2, 20))],
  ])('%p is the error value.phone', (raw) => {
    expect(rejected(parseCell(raw, xlsx('phone')))).toBe('value.phone');
  });
});

describe('email', () => {
  test.each<[string, string]>([
    ['hdzgh@163.com', 'hdzgh@163.com'],
    [' nvzhigong@tjftu.org.cn ', 'nvzhigong@tjftu.org.cn'],
    ['hdzgh＠163.com', 'hdzgh@163.com'],
    ['first.last+tag@mail-server.example.com', 'first.last+tag@mail-server.example.com'],
  ])('%j reads as %j', (raw, email) => {
    expect(parseCell(raw, xlsx('email'))).toEqual({ ok: true, value: email, notes: [] });
  });

  test.each<[CellValue]>([
    ['hdzgh163.com'],
    ['hdzgh@163'],
    ['hdzgh@@163.com'],
    ['hd zgh@163.com'],
    ['@163.com'],
    ['hdzgh@.com'],
    [12345],
    [true],
  ])('%p is the error value.email', (raw) => {
    expect(rejected(parseCell(raw, xlsx('email')))).toBe('value.email');
  });
});

describe('boolean', () => {
  test.each<[CellValue, boolean]>([
    ['是', true],
    ['否', false],
    ['true', true],
    ['TRUE', true],
    ['False', false],
    ['FALSE', false],
    ['1', true],
    ['0', false],
    ['√', true],
    ['×', false],
    [' 是 ', true],
    [true, true],
    [false, false],
    [1, true],
    [0, false],
  ])('%p reads as %p', (raw, value) => {
    expect(parseCell(raw, xlsx('boolean'))).toEqual({ ok: true, value, notes: [] });
  });

  test.each<[CellValue]>([['对'], ['yes'], ['2'], [2], ['constructor'], ['toString'], [new Date(0)]])(
    '%p is the error value.boolean',
    (raw) => {
      expect(rejected(parseCell(raw, xlsx('boolean')))).toBe('value.boolean');
    },
  );
});

describe('messages', () => {
  test('the error for 若干 renders in Chinese', () => {
    const result = parseCell('若干', PEOPLE_TIMES);
    if (result.ok) throw new Error('expected an error');
    expect(messageFor(result.code, result.params, 'zh-CN')).toBe('“若干”不是整数，请填写不小于0的整数');
  });

  test('a wrong unit renders both units in Chinese', () => {
    const result = parseCell('12人', xlsx('int', { unit: '份' }));
    if (result.ok) throw new Error('expected an error');
    expect(messageFor(result.code, result.params, 'zh-CN')).toBe('“12人”的单位是“人”，本列按“份”统计，请核对后只填数字');
  });

  test('a 万 note renders the value read in Chinese', () => {
    const result = parseCell('1.2万', PEOPLE_TIMES);
    if (!result.ok) throw new Error('expected a value');
    expect(messageFor(result.notes[0].code, result.notes[0].params, 'zh-CN')).toBe('“1.2万”已按 12000 读取；请直接填写数字，不用“万”');
  });

  test('the options of an enum render in Chinese', () => {
    const result = parseCell('其它', xlsx('enum', { options: ['线上答题', '其他'] }));
    if (result.ok) throw new Error('expected an error');
    expect(messageFor(result.code, result.params, 'zh-CN')).toBe('“其它”不是可选项，请从以下选项中选择：线上答题、其他');
  });

  // Every code the parser produces must exist and have every slot of its templates filled.
  const samples: [CellValue, ValueContext][] = [
    ['１，２００人', PEOPLE_TIMES],
    [' 12.0 ', PEOPLE_TIMES],
    ['约1.2万人', PEOPLE_TIMES],
    ['-5', PEOPLE_TIMES],
    ['12.5', PEOPLE_TIMES],
    ['100-120', PEOPLE_TIMES],
    ['12份', PEOPLE_TIMES],
    ['若干', xlsx('number')],
    ['3月20日', xlsx('date', { year: 2024 })],
    ['2024-02-30', xlsx('date')],
    ['街道(乡镇)工会', xlsx('enum', { options: ['街道（乡镇）工会'] })],
    ['x', xlsx('enum', { options: ['a', 'b'] })],
    ['24316934', xlsx('phone')],
    ['x@y', xlsx('email')],
    ['对', xlsx('boolean')],
  ];

  test.each(samples)('%j renders with every slot filled, in both languages', (raw, ctx) => {
    const result = parseCell(raw, ctx);
    const issues = result.ok
      ? result.notes.map((n) => ({ code: n.code, params: n.params }))
      : [{ code: result.code, params: result.params }];
    expect(issues.length).toBeGreaterThan(0);
    for (const { code, params } of issues) {
      expect(catalogue[code]).toBeDefined();
      expect(catalogue[code].severity).toBe(result.ok ? 'warning' : 'error');
      expect(params.value).toBe(raw);
      for (const lang of ['zh-CN', 'en'] as const) expect(messageFor(code, params, lang)).not.toMatch(/\{\w+\}/);
    }
  });
});

describe('properties', () => {
  const types: FieldType[] = ['text', 'int', 'number', 'enum', 'phone', 'email', 'date', 'boolean'];
  const interesting = fc.constantFrom(
    ...'0123456789０１２３４５６７８９,，.．-－—~～至到约余多万人次场份 　/／年月日@＠()（）转是否√×无若干'.split(''),
  );
  const anyCell: fc.Arbitrary<CellValue> = fc.oneof(
    fc.string(),
    fc.string({ unit: interesting, maxLength: 12 }),
    fc.double(),
    fc.integer(),
    fc.date({ noInvalidDate: false }),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
  );
  const anyContext: fc.Arbitrary<ValueContext> = fc.record({
    type: fc.constantFrom(...types),
    unit: fc.option(fc.constantFrom(...KNOWN_UNITS, '元'), { nil: undefined }),
    options: fc.option(fc.array(fc.string(), { maxLength: 4 }), { nil: undefined }),
    year: fc.option(fc.integer({ min: 1990, max: 2099 }), { nil: undefined }),
    typed: fc.boolean(),
  });

  test('parseCell never throws and always returns a well-formed result', () => {
    fc.assert(
      fc.property(anyCell, anyContext, (raw, ctx) => {
        const result = parseCell(raw, ctx);
        if (result.ok) {
          expect(Array.isArray(result.notes)).toBe(true);
          if (result.value === null) return;
          if (ctx.type === 'int') expect(Number.isSafeInteger(result.value) && (result.value as number) >= 0).toBe(true);
          if (ctx.type === 'number') expect(Number.isFinite(result.value) && (result.value as number) >= 0).toBe(true);
          if (ctx.type === 'date') expect(result.value).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        } else {
          expect(catalogue[result.code].severity).toBe('error');
          expect(result).not.toHaveProperty('value');
          expect(typeof result.params.value).toBe('string');
        }
      }),
      { numRuns: 5000 },
    );
  });

  const count = fc.integer({ min: 0, max: 1_000_000 });
  const positive = fc.integer({ min: 1, max: 1_000_000 });
  const badCount = fc.oneof(
    fc.tuple(count, count, fc.constantFrom('-', '~', '～', '至', '—', '到')).map(([a, b, dash]) => `${a}${dash}${b}`),
    positive.map((n) => `-${n}`),
    fc.tuple(count, fc.integer({ min: 1, max: 9 })).map(([n, d]) => `${n}.${d}`),
    fc.tuple(count, fc.constantFrom('份', '家', '项', '场次')).map(([n, unit]) => `${n}${unit}`),
    fc.constantFrom('若干', '很多', '不详', 'abc', '一百'),
    positive.map((n) => -n),
    fc.tuple(count, fc.integer({ min: 1, max: 9 })).map(([n, d]) => n + d / 10),
  );

  test('error inputs never come back as a number', () => {
    fc.assert(
      fc.property(badCount, fc.boolean(), (raw, typed) => {
        const result = parseCell(raw, { type: 'int', unit: '人次', typed });
        expect(result.ok).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  test('every whole number reads back as itself, however it is written', () => {
    const toFullWidth = (s: string): string => s.replace(/[0-9,]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    fc.assert(
      fc.property(count, (n) => {
        const grouped = n.toLocaleString('en-US');
        expect(parseCell(n, PEOPLE_TIMES)).toEqual({ ok: true, value: n, notes: [] });
        expect(accepted(parseCell(String(n), PEOPLE_TIMES_CSV))).toEqual({ value: n, codes: [] });
        expect(accepted(parseCell(toFullWidth(String(n)), PEOPLE_TIMES_CSV))).toEqual({ value: n, codes: ['value.full-width'] });
        expect(accepted(parseCell(`${grouped}人`, PEOPLE_TIMES_CSV)).value).toBe(n);
        expect(accepted(parseCell(`约${n}人次`, PEOPLE_TIMES_CSV)).value).toBe(n);
      }),
      { numRuns: 1000 },
    );
  });

  test('every serial from 1990 to 2099 round-trips through its date', () => {
    fc.assert(
      fc.property(fc.integer({ min: 32874, max: 73050 }), (serial) => {
        const iso = serialToIso(serial);
        expect(iso).not.toBeNull();
        expect(parseCell(String(serial), xlsx('date'))).toEqual({ ok: true, value: iso, notes: [] });
        expect(parseCell(iso, xlsx('date'))).toEqual({ ok: true, value: iso, notes: [] });
        expect(accepted(parseCell(new Date(`${iso as string}T00:00:00Z`), xlsx('date'))).value).toBe(iso);
      }),
    );
  });
});
