/**
 * A returned file, once read, checked against every known form: the part of a roll-up that
 * follows reading, with no reader of its own (the roll-up worker reads with `readLean` and
 * loads SheetJS only when a file needs it; `rollupFiles.ts` reads with `readWorkbook`).
 * Huizong's own roll-ups from the level below are recognised by their metadata.
 */
import { formTitle, type CompiledForm } from '../core/definitions/compile';
import { formsOfGrids } from '../core/definitions/proposeForm';
import type { Lang } from '../core/definitions/types';
import type { IssueParams } from '../core/issues/catalogue';
import { makeIssue } from '../core/issues/issue';
import { a1, cellText } from '../core/table/grid';
import type { ReturnInput } from '../core/rollup/rollup';
import { isIsoDay } from '../core/values/date';
import { localDay } from '../core/values/day';
import { originsOf } from '../core/rollup/origin';
import { parseRoster } from '../core/rollup/roster';
import type { Roster, RollupMeta } from '../core/rollup/types';
import type { ValidateOptions } from '../core/validate/table';
import { validateGrids } from '../core/validate/workbook';
import { extensionOf, type ReadFailure, type ReadResult } from './readLean';

export interface SourceFile {
  /** The path as given, or the name as chosen in a browser. */
  name: string;
  /** The file's bytes, or how to read them: read one file at a time, never all at once. */
  bytes: Uint8Array | (() => Uint8Array);
  /** Last modified, ms since 1970. */
  modified?: number;
}

export function bytesOf(file: SourceFile): Uint8Array {
  return typeof file.bytes === 'function' ? file.bytes() : file.bytes;
}

function rollupMeta(meta: Record<string, string> | undefined): RollupMeta | undefined {
  // A unit's filled-in template carries the same sheet (kind=template): it is a return, not a roll-up.
  if (!meta || meta.generator !== 'huizong' || meta.kind !== 'rollup' || !meta.form) return undefined;
  const out: RollupMeta = { generator: 'huizong', form: meta.form, formVersion: meta.formVersion ?? '', createdAt: meta.createdAt ?? '' };
  if (meta.unit) out.unit = meta.unit;
  if (meta.level) out.level = meta.level;
  // Roll-ups made before the day was recorded: the day of their time stamp, where this roll-up runs.
  const day = meta.createdDay && isIsoDay(meta.createdDay) ? meta.createdDay : localDay(out.createdAt);
  if (day) out.createdDay = day;
  return out;
}

/**
 * A failure's params for its issue: the catalogue's figures, and what the reader said as
 * `debug` (in the JSON report; no template shows it).
 */
function failureParams(file: SourceFile, read: ReadFailure): IssueParams {
  const params: IssueParams = { extension: extensionOf(file.name) || file.name, ...read.params };
  if (read.detail && read.detail !== read.code) params.debug = read.detail;
  return params;
}

/** One returned file, as read, checked; never throws. */
export function checkReturn(
  file: SourceFile,
  read: ReadResult,
  forms: readonly CompiledForm[],
  options: ValidateOptions & { lang: Lang },
): ReturnInput {
  const base = file.modified === undefined ? { file: file.name } : { file: file.name, modified: file.modified };
  if (!read.ok) return { ...base, failure: { code: read.code, params: failureParams(file, read) } };
  // A filled-in template knows its year: dates written without one take it.
  const templateYear = read.meta?.generator === 'huizong' && /^\d{4}$/.test(read.meta.year ?? '') ? Number(read.meta.year) : undefined;
  const report = validateGrids(file.name, read.grids, forms, templateYear === undefined ? options : { ...options, year: templateYear });
  for (const h of read.hidden ?? []) {
    const issue = makeIssue(
      {
        code: 'table.hidden-under-merge',
        params: { range: h.range, count: h.count, value: cellText(h.value) },
        cell: a1(h.r, h.c),
        row: h.r + 1,
      },
      options.lang,
    );
    issue.file = file.name;
    issue.sheet = h.sheet;
    report.issues.push(issue);
  }
  const meta = rollupMeta(read.meta);
  if (meta) {
    // A roll-up carries its source and remark columns on purpose, and lists the versions it
    // set aside below its table: the level below has reported those already.
    const ours = new Set(['table.extra-column', 'table.extra-columns', 'table.duplicate-column', 'table.note-with-numbers']);
    report.issues = report.issues.filter((i) => !ours.has(i.code));
    // Its source columns say where each row was first typed: kept beside this file.
    const origins = originsOf(report.tables, read.grids);
    return Object.keys(origins).length ? { ...base, report, meta, origins } : { ...base, report, meta };
  }
  return { ...base, report };
}

/**
 * The roster from a .csv/.xlsx/.xls file, as read: its first sheet with a 单位名称 column.
 * With `forms`, a unit's return picked by mistake is told as such (`roster.is-a-return`)
 * rather than read as a roster of the units its rows name.
 */
export function rosterFromRead(file: SourceFile, read: ReadResult, lang: Lang, forms?: readonly CompiledForm[]): Roster {
  if (!read.ok) {
    const issue = makeIssue({ code: read.code, params: failureParams(file, read) }, lang);
    issue.file = file.name;
    return { source: file.name, units: [], issues: [issue] };
  }
  const returned = forms ? forms.find((f) => f.def.id === formsOfGrids(read.grids, forms)[0]) : undefined;
  if (returned) {
    const issue = makeIssue({ code: 'roster.is-a-return', params: { form: formTitle(returned, lang) } }, lang);
    issue.file = file.name;
    return { source: file.name, units: [], issues: [issue] };
  }
  let first: Roster | undefined;
  for (const grid of read.grids) {
    const roster = parseRoster(grid, file.name, lang);
    if (roster.units.length > 0) return roster;
    first ??= roster;
  }
  return first ?? { source: file.name, units: [], issues: [] };
}
