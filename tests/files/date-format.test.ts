/**
 * The lean reader's date-format test gives SheetJS's answer (`SSF.is_date`) on every format:
 * the two readers must read the same cells as dates.
 */
import * as XLSX from '@e965/xlsx';
import fc from 'fast-check';
import { isDateFormat } from '../../src/files/xlsx/dateFormat';

/** Formats as people and programs write them, date and not. */
const REAL = [
  'General',
  'general',
  '0',
  '0.00',
  '#,##0',
  '#,##0.00_);(#,##0.00)',
  '0%',
  '0.00E+00',
  '@',
  '"¥"#,##0',
  '[Red]0.00',
  '[$-804]General',
  'yyyy-mm-dd',
  'yyyy"年"m"月"d"日"',
  'm/d/yy',
  'd-mmm-yy',
  'h:mm AM/PM',
  'h:mm:ss',
  '[h]:mm:ss',
  '[mm]:ss',
  'mm:ss.0',
  'yyyy/m/d h:mm',
  '上午/下午h"时"mm"分"',
  'AM/PM',
  'A/P',
  'B1dd/mm/yyyy',
  'b2yyyy',
  'e"年"',
  'ggge"年"',
  '[$-F800]dddd, mmmm dd, yyyy',
  '[DBNum1][$-804]yyyy"年"m"月"d"日"',
  '0"个"',
  '#" 人"',
  '"合计："0',
  '\\d0',
  '_(* #,##0_)',
  '* 0',
  '**0',
  '???/???',
  '# ?/?',
  '(0)',
  '[<=9999999]###-####;(###) ###-####',
  '0\\-0',
  '[Color10]0',
  'GENERAL',
  'Gen',
  '上午/下午',
  '0 上午/下午',
  '"unterminated',
  '[unterminated',
  '',
  ' ',
  '上',
  '上午',
  '[ss',
  '[\u0E0A]',
  'x',
  '¥0',
  '元',
];

/** Strings over the characters the test looks at, so that every branch is taken. */
const formatArb = fc.string({
  unit: fc.constantFrom(...'GgeneralMDYHSEmdyhsBb12Aa/P上午下[]"\\_@.0#?,E+-%*() 9xX年\u0E0A'.split('')),
  maxLength: 14,
});

describe('isDateFormat', () => {
  it('answers as SheetJS on real formats', () => {
    for (const format of REAL) expect([format, isDateFormat(format)]).toEqual([format, XLSX.SSF.is_date(format)]);
  });

  it('answers as SheetJS on generated formats', () => {
    fc.assert(
      fc.property(formatArb, (format) => {
        expect(isDateFormat(format)).toBe(XLSX.SSF.is_date(format));
      }),
      { numRuns: 5000 },
    );
  });

  it('tells dates from numbers', () => {
    expect(isDateFormat('yyyy"年"m"月"d"日"')).toBe(true);
    expect(isDateFormat('[h]:mm')).toBe(true);
    expect(isDateFormat('#,##0"人"')).toBe(false);
    expect(isDateFormat('General')).toBe(false);
  });
});
