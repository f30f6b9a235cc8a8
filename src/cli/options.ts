/**
 * The command line's options, read with node's parseArgs, every mistake said in the catalogue's
 * words (naming the option as typed and how to write it) rather than in the library's English.
 * The tokens are looked at first, leniently, so that each mistake is known by its option, not
 * by parsing an exception's text.
 */
import { parseArgs } from 'node:util';
import type { Lang } from '../core/definitions/types';
import { messageFor, type IssueCode, type IssueParams } from '../core/issues/catalogue';
import { notIsoDay } from '../core/values/date';

export const OPTIONS = {
  // Taken as a list only to refuse a second one: which of two forms was meant cannot be guessed.
  form: { type: 'string', multiple: true },
  definition: { type: 'string', multiple: true },
  json: { type: 'boolean' },
  lang: { type: 'string' },
  today: { type: 'string' },
  roster: { type: 'string' },
  deadline: { type: 'string' },
  unit: { type: 'string' },
  materials: { type: 'string' },
  out: { type: 'string' },
  year: { type: 'string' },
  'last-year': { type: 'string' },
  layout: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

type OptionName = keyof typeof OPTIONS;

/** What a value looks like, for "needs a value, e.g. …": [Chinese, English]. */
const EXAMPLES: Partial<Record<OptionName, readonly [string, string]>> = {
  form: ['activity-summary', 'activity-summary'],
  definition: ['定义.json', 'form.json'],
  lang: ['en', 'en'],
  today: ['2024-03-26', '2024-03-26'],
  deadline: ['2024-03-25', '2024-03-25'],
  roster: ['单位名单.xlsx', 'roster.xlsx'],
  unit: ['河东区总工会', 'UNIT'],
  materials: ['activity-summary,photos', 'activity-summary,photos'],
  out: ['汇总.xlsx', 'rollup.xlsx'],
  year: ['2024', '2024'],
  'last-year': ['去年汇总.xlsx', 'last-year.xlsx'],
  layout: ['card', 'card'],
};

/** Short forms people reach for from other tools; only -h is one of ours. */
const SHORT_MEANT: Record<string, OptionName> = {
  o: 'out',
  f: 'form',
  d: 'deadline',
  r: 'roster',
  l: 'lang',
  j: 'json',
  y: 'year',
  u: 'unit',
  m: 'materials',
  t: 'today',
};

export class OptionError extends Error {
  constructor(
    readonly code: IssueCode,
    readonly params: IssueParams,
  ) {
    super(code);
  }
  text(lang: Lang): string {
    return messageFor(this.code, this.params, lang);
  }
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

/** The option most likely meant by an unknown one: a known short form, or a long name a slip away. */
function meant(name: string, raw: string): OptionName | undefined {
  if (!raw.startsWith('--')) return SHORT_MEANT[name];
  const lower = name.toLowerCase();
  let best: { name: OptionName; distance: number } | undefined;
  for (const known of Object.keys(OPTIONS) as OptionName[]) {
    const distance = editDistance(lower, known);
    if (distance <= 2 && (!best || distance < best.distance)) best = { name: known, distance };
  }
  return best?.name;
}

/** The mistake among the tokens, said by its option; undefined when there is none. */
function mistake(args: readonly string[]): OptionError | undefined {
  const { tokens } = parseArgs({ args: [...args], options: OPTIONS, allowPositionals: true, strict: false, tokens: true });
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    const known = Object.prototype.hasOwnProperty.call(OPTIONS, token.name) ? (token.name as OptionName) : undefined;
    if (known === undefined) {
      const suggestion = meant(token.name, token.rawName);
      return suggestion
        ? new OptionError('cli.unknown-option-did-you-mean', { option: token.rawName, suggestion: `--${suggestion}` })
        : new OptionError('cli.unknown-option', {
            option: token.rawName,
            known: Object.keys(OPTIONS)
              .map((o) => `--${o}`)
              .join(' '),
          });
    }
    const option = OPTIONS[known];
    if (option.type === 'boolean' && token.inlineValue)
      return new OptionError('cli.option-takes-no-value', { option: token.rawName, name: `--${known}`, value: token.value ?? '' });
    // `--out --json`: the next option taken for the value is the value forgotten.
    const forgotten = option.type === 'string' && !token.inlineValue && (token.value === undefined || token.value.startsWith('-'));
    if (forgotten) {
      const [zh, en] = EXAMPLES[known] ?? ['…', '…'];
      return new OptionError('cli.option-needs-value', {
        option: token.rawName,
        exampleZh: `--${known} ${zh}`,
        exampleEn: `--${known} ${en}`,
      });
    }
  }
  return undefined;
}

/** `--deadline`/`--today`: a real day written `YYYY-MM-DD`, said by the option when not. */
export function checkDayOption(option: string, value: string | undefined, lang: Lang): void {
  if (value === undefined) return;
  const wrong = notIsoDay(value);
  if (wrong) throw new OptionError('cli.option-date', { option, reason: messageFor(wrong.code, wrong.params, lang) });
}

/** `--lang` as typed, before the rest is read: a mistake elsewhere is said in the language asked for. */
export function langOption(args: readonly string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') return undefined;
    if (arg.startsWith('--lang=')) return arg.slice('--lang='.length);
    if (arg === '--lang') return args[i + 1];
  }
  return undefined;
}

export function readOptions(args: readonly string[]) {
  const wrong = mistake(args);
  if (wrong) throw wrong;
  try {
    return parseArgs({ args: [...args], options: OPTIONS, allowPositionals: true });
  } catch (error) {
    // Anything the look at the tokens did not foresee: plain words, never the library's.
    const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
    if (code.startsWith('ERR_PARSE_ARGS')) throw new OptionError('cli.bad-arguments', {});
    throw error;
  }
}
