/**
 * What a row below the header is — a unit's data, a 合计 line, a note — told by its first
 * cells as a person reads them (full-width letters, spaces between the characters). Text that
 * cannot start a 合计 or note word is not even normalised; that changes no answer.
 */
import fc from 'fast-check';
import { classifyRow } from '../../src/core/table/rows';
import { toHalfWidth } from '../../src/core/text/fold';
import { cellText, isBlank } from '../../src/core/table/grid';
import type { CellValue } from '../../src/core/values/types';

/** The rule as written, every text normalised. */
function reference(row: readonly CellValue[], keyColumn?: number): string {
  const TOTAL = /^(合\s*计|小\s*计|总\s*计|共\s*计|总\s*数)/;
  const NOTE =
    /^(注|说明|备注|附注|填表人|填报人|制表人|制表|审核人|审核|负责人|单位负责人|主管领导|联系人|联系电话|填表日期|填报日期|报送日期|日期)\s*[:：]|^注\s*\d|^注[:：]?$/;
  const norm = (v: CellValue) => toHalfWidth(cellText(v)).replace(/\s+/g, '');
  const texts = row
    .filter((v) => !isBlank(v))
    .slice(0, 2)
    .map(norm);
  if (texts.length === 0) return 'blank';
  const key = keyColumn === undefined || isBlank(row[keyColumn]) ? undefined : norm(row[keyColumn]);
  if (texts.some((t) => TOTAL.test(t)) || (key !== undefined && TOTAL.test(key))) return 'total';
  if (NOTE.test(texts[0]!)) return 'note';
  return 'data';
}

const WORDS = [
  '合计',
  '小计',
  '总计',
  '共计',
  '总数',
  '注',
  '说明',
  '备注',
  '附注',
  '填表人',
  '填报人',
  '制表人',
  '制表',
  '审核人',
  '审核',
  '负责人',
  '单位负责人',
  '主管领导',
  '联系人',
  '联系电话',
  '填表日期',
  '填报日期',
  '报送日期',
  '日期',
];
const SPACES = ['', '', ' ', '\u3000', '\t'];
const pieces = ['合', '计', '注', '：', ':', '１', '2', ' ', '\u3000', 'Ａ', '第', '街道', '工会', '—', '日期'];
/** A 合计 or note word as people type it: spaces between its characters, a colon or a number after, text around. */
const wordArb = fc
  .record({
    word: fc.constantFrom(...WORDS),
    gaps: fc.array(fc.constantFrom(...SPACES), { minLength: 6, maxLength: 6 }),
    before: fc.constantFrom('', ' ', '\u3000', '第'),
    after: fc.constantFrom('', '：', ':', ' ：', '１', '1', '３月', '：张三'),
  })
  .map(({ word, gaps, before, after }) => before + [...word].map((ch, i) => ch + (gaps[i] ?? '')).join('') + after);
const textArb = fc.oneof(
  wordArb,
  fc.array(fc.constantFrom(...pieces), { maxLength: 6 }).map((parts) => parts.join('')),
);
const cellArb: fc.Arbitrary<CellValue> = fc.oneof(textArb, fc.constant(null), fc.integer({ min: 0, max: 99 }));

describe('row kinds', () => {
  it('are what the rule says, for rows of every kind of text', () => {
    fc.assert(
      fc.property(fc.array(cellArb, { maxLength: 6 }), fc.option(fc.nat(5), { nil: undefined }), (row, key) => {
        expect(classifyRow(row, key)).toBe(reference(row, key));
      }),
      { numRuns: 5000 },
    );
  });

  it('tell 合计, notes and units apart as people write them', () => {
    expect(classifyRow(['合　计', null, 12])).toBe('total');
    expect(classifyRow([null, '小 计'])).toBe('total');
    expect(classifyRow(['填表人：张三'])).toBe('note');
    expect(classifyRow(['注１：数据截至3月20日'])).toBe('note');
    expect(classifyRow(['第一街道总工会', '基层工会', 3])).toBe('data');
    expect(classifyRow(['1', '合计'], 1)).toBe('total');
  });
});
