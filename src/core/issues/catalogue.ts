/**
 * Every kind of issue Huizong reports, in one place: a stable code (reports and tests cite
 * it), its severity, and its message in the users' words, zh-CN first.
 *
 * Templates name what is wrong and how to fix it; `{name}` is filled from the issue's
 * params. The cell and the field label are put in front by `describeIssue`, so templates
 * start with the value or the problem.
 *
 * The entries live by area in `entries/`; this module puts them together into one object keyed
 * by code (tests/core/catalogue-areas.test.ts checks that no area repeats another's code).
 */
import type { Lang } from '../definitions/types';
import type { CatalogueEntry } from './entry';
import { cliEntries } from './entries/cli';
import { fileEntries } from './entries/files';
import { hostEntries } from './entries/host';
import { noticeEntries } from './entries/notice';
import { rollupEntries } from './entries/rollup';
import { tableEntries } from './entries/tables';
import { traceEntries } from './entries/trace';
import { valueEntries } from './entries/values';

export type { CatalogueEntry, Severity } from './entry';

const entries = {
  ...valueEntries,
  ...tableEntries,
  ...fileEntries,
  ...rollupEntries,
  ...noticeEntries,
  ...hostEntries,
  ...cliEntries,
  ...traceEntries,
};

export type IssueCode = keyof typeof entries;

export const catalogue: Readonly<Record<IssueCode, CatalogueEntry>> = entries;

export type IssueParams = Record<string, string | number>;

/** Fills a template's `{name}` slots; a slot with no param is left as written. */
export function fillTemplate(template: string, params: IssueParams): string {
  return template.replace(/\{(\w+)\}/g, (slot, name: string) => (name in params ? String(params[name]) : slot));
}

export function messageFor(code: IssueCode, params: IssueParams, lang: Lang): string {
  const entry = catalogue[code];
  const advice = entry.advice?.[String(params.advice)];
  // Copied only where something is added: this runs once per issue, and a table may have thousands.
  const filled: IssueParams =
    entry.literal || advice
      ? { ...entry.literal, ...params, ...(advice ? { advice: lang === 'en' ? advice.en : advice['zh-CN'] } : {}) }
      : params;
  return fillTemplate(lang === 'en' ? entry.en : entry['zh-CN'], filled);
}
