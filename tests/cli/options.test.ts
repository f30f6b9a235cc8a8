/**
 * What the command line says about a mistyped option: the option as typed and how to write it,
 * in Chinese or English from the catalogue, never node's parseArgs English. Dates given as
 * options go through the one ISO-day check, impossible days refused in plain words.
 */
import { main } from '../../src/cli/main';
import { notIsoDay, isIsoDay } from '../../src/core/values/date';

async function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n'), first: err[0] ?? '' };
}

/** parseArgs' own words, which must never reach a person. */
const LIBRARY_ENGLISH = /Unknown option '|argument missing|does not take an argument|ambiguous|To specify an option argument/;

describe('a mistyped option is named, with how to write it', () => {
  test.each([
    [['rollup', 'x', '-o', 'y.xlsx'], '未知的选项 -o，应写 --out', 'Unknown option -o: write --out'],
    [['validate', 'x', '--dealine', '2024-03-25'], '未知的选项 --dealine，应写 --deadline', 'Unknown option --dealine: write --deadline'],
    [
      ['rollup', 'x', '--form', 'activity-summary', '--out'],
      '选项 --out 后面要写一个值，例如 --out 汇总.xlsx',
      'The option --out needs a value after it, e.g. --out rollup.xlsx',
    ],
    [
      ['rollup', 'x', '--out', '--json'],
      '选项 --out 后面要写一个值，例如 --out 汇总.xlsx',
      'The option --out needs a value after it, e.g. --out rollup.xlsx',
    ],
    [
      ['validate', 'x', '--json=yes'],
      '选项 --json 不带值：请只写 --json，去掉“=yes”',
      'The option --json takes no value: write just --json, without "=yes"',
    ],
  ])('%j', async (args, zh, en) => {
    const chinese = await run(...args);
    expect(chinese.code).toBe(2);
    expect(chinese.first).toBe(zh);
    expect(chinese.err).not.toMatch(LIBRARY_ENGLISH);
    const english = await run(...args, '--lang', 'en');
    expect(english.code).toBe(2);
    expect(english.first).toBe(en);
    expect(english.err).not.toMatch(LIBRARY_ENGLISH);
  });

  test('an option like nothing known lists the options', async () => {
    const result = await run('validate', 'x', '--frobnicate');
    expect(result.code).toBe(2);
    expect(result.first).toMatch(/^未知的选项 --frobnicate；可用的选项：--form --definition --json /);
  });
});

describe('--today and --deadline: one ISO-day check', () => {
  test.each([
    ['--today', '2024/3/26', '选项 --today：日期“2024/3/26”的写法不对：请写成“年-月-日”，四位年份、两位月份和日期，例如 2024-03-20'],
    ['--deadline', '2024-3-25', '选项 --deadline：日期“2024-3-25”的写法不对：请写成“年-月-日”，四位年份、两位月份和日期，例如 2024-03-20'],
    ['--today', '2024-02-30', '选项 --today：“2024-02-30”不是真实的日期：2024 年 2 月只有 29 天，没有 30 日；请核对后重新填写'],
  ])('%s %s', async (option, value, message) => {
    const result = await run('validate', 'x.xlsx', option, value);
    expect(result.code).toBe(2);
    expect(result.first).toBe(message);
  });

  test('the check itself: format first, then the calendar', () => {
    expect(notIsoDay('2024-03-20')).toBeUndefined();
    expect(notIsoDay('2024-02-29')).toBeUndefined();
    expect(notIsoDay('2023-02-29')?.code).toBe('date.no-such-day');
    expect(notIsoDay('2024-13-01')?.code).toBe('date.no-such-month');
    expect(notIsoDay('2024年3月20日')?.code).toBe('date.not-iso');
    expect(isIsoDay('2024-02-30')).toBe(false);
  });
});
