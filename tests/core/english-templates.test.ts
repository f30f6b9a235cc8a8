/**
 * English messages are read by people who do not read Chinese: no English template of the
 * catalogue may hold a Chinese character or a full-width sign. A word a user must still type in
 * Chinese (a header the readers look for) comes in through the entry's `literal`, named once.
 */
import { catalogue, messageFor, type IssueCode } from '../../src/core/issues/catalogue';

/** Han ideographs, CJK punctuation (、。「」), full-width forms (：，（）) and the ideographic space. */
const CJK = /[\u2e80-\u2fdf\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]/u;

/** A template's `{slots}`; `kindZh`/`kindEn` are one fact given in each language. */
const slots = (template: string) => new Set([...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!.replace(/(Zh|En)$/, '')));

const entries = Object.entries(catalogue) as [IssueCode, (typeof catalogue)[IssueCode]][];

test.each(entries)('%s: its English template has no Chinese character', (_code, entry) => {
  expect(entry.en).not.toMatch(CJK);
});

test.each(entries)('%s: English and Chinese say the same things', (_code, entry) => {
  expect([...slots(entry.en)].sort()).toEqual([...slots(entry['zh-CN'])].sort());
});

const withAdvice = entries.filter(([, entry]) => entry.advice);

test.each(withAdvice)('%s: each case of its advice is said in both languages, the English without Chinese', (_code, entry) => {
  expect(entry['zh-CN']).toContain('{advice}');
  for (const advice of Object.values(entry.advice!)) {
    expect(advice.en).not.toMatch(CJK);
    expect(advice['zh-CN']).toMatch(CJK);
  }
});

test('a word to type in Chinese is named in both languages, from one place', () => {
  expect(messageFor('roster.no-name-column', {}, 'en')).toBe(
    'The roster has no unit name column. Please put the header "单位名称" (unit name) in the first 10 rows, one unit per row',
  );
  expect(messageFor('roster.no-name-column', {}, 'zh-CN')).toContain('“单位名称”');
});

test('the 万 message in English explains the notation in English', () => {
  expect(messageFor('value.wan', { value: '1.2万', parsed: 12000 }, 'en')).toBe(
    '"1.2万" read as 12000. Please type the whole number in digits, not in tens of thousands',
  );
});

test('a return taken for a roster: headers to type in Chinese, and how to get a blank roster', () => {
  const en = messageFor('roster.is-a-return', { form: 'Women workers' }, 'en');
  expect(en.replace(/"[^"]*"/g, '')).not.toMatch(CJK);
  expect(en).toContain('"单位名称" (unit name)');
  expect(en).toContain('huizong template roster');
  expect(en).toContain('Download a blank roster');
  const zh = messageFor('roster.is-a-return', { form: '女职工' }, 'zh-CN');
  expect(zh).toContain('“单位名称”');
  expect(zh).toContain('huizong template roster');
  expect(zh).toContain('下载空白名单');
});
