/**
 * The roll-up: checked returns in, one row per unit (or entry) out, each roster unit's
 * status, and the totals. No data is dropped: a row not on the roster is counted and
 * flagged, a superseded row is listed with what replaced it, an unreadable value is left out
 * of the totals with its issue. The same inputs in any order give the same result.
 */
import { formTitle, type CompiledForm } from '../definitions/compile';
import type { Lang } from '../definitions/types';
import type { IssueCode, IssueParams } from '../issues/catalogue';
import { messageFor } from '../issues/catalogue';
import { countBySeverity, makeIssue, type Issue } from '../issues/issue';
import { foldKey } from '../text/fold';
import type { TableReport } from '../validate/table';
import { NO_TABLE_CODES, type WorkbookReport } from '../validate/workbook';
import { fileNames } from '../text/fileName';
import { dayOfTime, localDay } from './dates';
import { compareWithLastYear, lastYearIndex, lastYearKeys, type LastYearData } from './lastYear';
import { findOutliers, type OutlierOptions } from './outliers';
import { matchUnit, rosterUnitFor, unitKey } from './roster';
import type { FileVerdict, RatioCoverage, Roster, RollupMeta, RollupResult, RollupRow, RowOrigin, UnitStatus } from './types';

/** 校验's verdict on a table with no unit's row: 汇总 rejects the file with the same words. */
const NO_UNIT_ROW_CODES: ReadonlySet<IssueCode> = new Set(['table.no-rows', 'table.only-totals', 'table.no-unit-rows']);

/** A returned file as the roll-up receives it: checked, or failed to read. */
export interface ReturnInput {
  file: string;
  /** When the file was last modified (ms since 1970): breaks ties between versions. */
  modified?: number;
  report?: WorkbookReport;
  /** Why the file could not be read at all. */
  failure?: { code: IssueCode; params: IssueParams };
  /** Present when the file is a roll-up Huizong made at the level below. */
  meta?: RollupMeta;
  /** For such a roll-up: sheet → sheet row → where that row was first typed. */
  origins?: Record<string, Record<number, RowOrigin>>;
}

export interface RollupOptions {
  form: CompiledForm;
  /** Every known form, to name the one a wrongly sent file is. */
  forms: readonly CompiledForm[];
  roster?: Roster;
  /** Deadline for units without their own, `YYYY-MM-DD`. */
  deadline?: string;
  /** The unit doing the roll-up, and its level. */
  unit?: string;
  level?: string;
  lang?: Lang;
  /** ISO time stamped into the result (fixed in tests). */
  createdAt?: string;
  /** The day of the roll-up, `YYYY-MM-DD` (--today); the local day of `createdAt` by default. */
  createdDay?: string;
  /** The activity's year as the run knows it (deadline, roster, --year); kept in the result's meta. */
  year?: number;
  /** Last year's roll-up of the same form, read: compared unit by unit and for the total. */
  lastYear?: LastYearData;
}

/** The date a row is dated by: the form's first required date field (填表日期 / 报送日期). */
function dateField(form: CompiledForm): string | undefined {
  return form.fields.find((f) => f.required && f.def.type === 'date')?.id ?? form.fields.find((f) => f.def.type === 'date')?.id;
}

interface Candidate {
  row: RollupRow;
  key: string;
  modified: number;
}

/** Later date wins, then the later file, then (for a stable result) the later path and row. */
function newer(a: Candidate, b: Candidate): boolean {
  const da = a.row.date ?? '';
  const db = b.row.date ?? '';
  if (da !== db) return da > db;
  if (a.modified !== b.modified) return a.modified > b.modified;
  if (a.row.file !== b.row.file) return a.row.file > b.row.file;
  return a.row.row > b.row.row;
}

/** A roll-up fed one return at a time: each is taken in and can be dropped before the next is read. */
export interface RollupBuilder {
  add(input: ReturnInput): void;
  finish(): RollupResult;
}

/** What one return brought: kept in arrival order, put in file order when the roll-up finishes. */
interface Brought {
  file: string;
  verdict: FileVerdict;
  issues: Issue[];
  candidates: Candidate[];
}

export function rollUp(inputs: readonly ReturnInput[], options: RollupOptions): RollupResult {
  const builder = startRollup(options);
  for (const input of inputs) builder.add(input);
  return builder.finish();
}

/** A return as the roll-up of one form takes it: rejected with the issue that says why, or its tables of that form. */
export type JudgedReturn =
  { verdict: FileVerdict; issue: Issue; tables?: never } | { verdict: FileVerdict; issue?: never; tables: TableReport[] };

/** Rejected with a verdict of its own: the issue, and the same words as its reason. */
function rejected(file: string, lang: Lang, code: IssueCode, params: IssueParams, otherForm?: string): JudgedReturn {
  const issue = makeIssue({ code, params }, lang);
  issue.file = file;
  const verdict: FileVerdict = { file, status: 'rejected', code, reason: messageFor(code, params, lang), rows: 0 };
  if (otherForm) verdict.otherForm = otherForm;
  return { verdict, issue };
}

/** Rejected with the issue 校验 gave, said again as the verdict. */
function rejectedAs(file: string, issue: Issue): JudgedReturn {
  return { verdict: { file, status: 'rejected', code: issue.code, reason: issue.message, rows: 0 }, issue };
}

/**
 * Whether a checked return is counted in the roll-up of `form`, and if not, why: the verdict
 * the roll-up lists it with. Also what last year's table is told when it cannot serve.
 */
export function judgeReturn(input: ReturnInput, form: CompiledForm, forms: readonly CompiledForm[], lang: Lang): JudgedReturn {
  if (input.failure || !input.report) {
    const failure = input.failure ?? { code: 'file.unreadable' as const, params: { detail: '' } };
    return rejected(input.file, lang, failure.code, failure.params);
  }
  const tables = input.report.tables.filter((t) => t.form === form.def.id);
  if (tables.length === 0) {
    const other = input.report.tables[0];
    if (other) {
      const otherForm = forms.find((f) => f.def.id === other.form);
      return rejected(
        input.file,
        lang,
        'file.other-form',
        { form: otherForm ? formTitle(otherForm, lang) : other.form, expected: formTitle(form, lang) },
        other.form,
      );
    }
    const notFound = input.report.issues.find((i) => NO_TABLE_CODES.has(i.code));
    return notFound ? rejectedAs(input.file, notFound) : rejected(input.file, lang, 'file.empty', {});
  }
  const rowCount = tables.reduce((n, t) => n + t.rows.length, 0);
  if (rowCount === 0) {
    // A blank template sent back, or a 合计 row alone: the verdict 校验 gives it, at its sheet and row.
    const blank = input.report.issues.find((i) => NO_UNIT_ROW_CODES.has(i.code));
    return blank ? rejectedAs(input.file, blank) : rejected(input.file, lang, 'table.no-rows', {});
  }
  return { verdict: { file: input.file, status: 'accepted', rows: rowCount, ...(input.meta ? { rollupOf: input.meta } : {}) }, tables };
}

/**
 * The roll-up, built as returns arrive. The result does not depend on their order: what each
 * brought is put in the order of file names (then arrival) before anything is decided.
 */
export function startRollup(options: RollupOptions): RollupBuilder {
  const lang = options.lang ?? 'zh-CN';
  const { form, roster } = options;
  const keyField = form.def.rollupKey;
  const dated = dateField(form);
  const titleField =
    form.def.kind === 'list' ? form.fields.find((f) => f.id !== keyField && f.required && f.def.type === 'text')?.id : undefined;
  const brought: Brought[] = [];
  const modified = new Map<string, number | undefined>();
  /** Roll-ups from the level below: the day each was made, the day it counts as sent. */
  const rollupDays = new Map<string, string>();
  let files: FileVerdict[] = [];
  let issues: Issue[] = [];
  let candidates: Candidate[] = [];

  function add(input: ReturnInput): void {
    files = [];
    issues = [];
    candidates = [];
    take(input);
    brought.push({ file: input.file, verdict: files[0]!, issues, candidates });
    modified.set(input.file, input.modified);
    if (input.meta?.createdDay) rollupDays.set(input.file, input.meta.createdDay);
  }

  function take(input: ReturnInput): void {
    const judged = judgeReturn(input, form, options.forms, lang);
    files.push(judged.verdict);
    if (judged.issue) {
      issues.push(judged.issue);
      return;
    }
    // A loop, not a spread: a hostile file may bring more issues than a call takes arguments.
    for (const issue of input.report!.issues)
      if (issue.sheet === undefined || judged.tables.some((t) => t.sheet === issue.sheet)) issues.push(issue);
    for (const table of judged.tables) collectRows(table, input);
  }

  function collectRows(table: TableReport, input: ReturnInput): void {
    for (const result of table.rows) {
      const unit = String(result.values[keyField] ?? '').trim();
      const parent = typeof result.values.parentUnit === 'string' ? result.values.parentUnit : undefined;
      const counts = countBySeverity(result.issues);
      const row: RollupRow = {
        unit,
        notOnRoster: false,
        file: input.file,
        sheet: table.sheet,
        row: result.row,
        status: 'counted',
        values: result.values,
        fieldColumns: table.fieldColumns,
        unreadable: result.unreadable,
        errors: counts.errors,
        warnings: counts.warnings,
      };
      if (result.unreadableText) row.unreadableText = result.unreadableText;
      const origin = input.origins?.[table.sheet]?.[result.row];
      if (origin) row.origin = origin;
      const date = dated ? result.values[dated] : undefined;
      if (typeof date === 'string') row.date = date;
      // A row naming no unit is known only by what it says: an identical copy is the same return.
      let key = unit ? unitKey(unit) : '\u0001' + JSON.stringify(result.values);
      if (roster) {
        const own = rosterUnitFor(roster, unit, parent);
        const viaFile = !own.unit && input.meta?.unit ? matchUnit(roster, input.meta.unit).unit : undefined;
        const rosterUnit = own.unit ?? viaFile;
        if (rosterUnit) row.rosterUnit = rosterUnit.name;
        else row.notOnRoster = true;
        if (own.via === 'self' && own.unit) {
          key = unitKey(own.unit.name);
          // The roster's spelling travels on, so the level above matches the unit by its name.
          if (own.unit.name !== unit) {
            row.namedAs = unit;
            row.unit = own.unit.name;
            row.values = { ...row.values, [keyField]: own.unit.name };
          }
        }
      }
      if (titleField) key += '\u0000' + foldKey(String(result.values[titleField] ?? ''));
      candidates.push({ row, key, modified: input.modified ?? 0 });
    }
  }

  function finish(): RollupResult {
    // File order, then arrival order (a stable sort): the same returns in any order, the same result.
    const ordered = [...brought].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
    files = ordered.map((b) => b.verdict);
    issues = ordered.flatMap((b) => b.issues);
    candidates = ordered.flatMap((b) => b.candidates);
    const nameOf = fileNames(files.map((f) => f.file));
    // The same unit (or entry) twice: one is counted, the others are superseded by it.
    const winners = new Map<string, Candidate>();
    for (const candidate of candidates) {
      const current = winners.get(candidate.key);
      if (!current || newer(candidate, current)) winners.set(candidate.key, candidate);
    }
    for (const candidate of candidates) {
      const winner = winners.get(candidate.key)!;
      if (winner === candidate) continue;
      candidate.row.status = 'superseded';
      candidate.row.supersededBy = { file: winner.row.file, sheet: winner.row.sheet, row: winner.row.row };
      const issue = makeIssue(
        {
          code: 'rollup.superseded',
          row: candidate.row.row,
          params: { unit: candidate.row.unit || '—', file: nameOf(winner.row.file), row: winner.row.row },
        },
        lang,
      );
      issue.file = candidate.row.file;
      issue.sheet = candidate.row.sheet;
      issues.push(issue);
    }

    const rows = candidates.map((c) => c.row);
    const counted = rows.filter((r) => r.status === 'counted');
    for (const row of counted) {
      if (!row.notOnRoster || !roster) continue;
      const suggestions = matchUnit(roster, row.unit).suggestions.map((u) => u.name);
      const suggestion = suggestions.length
        ? lang === 'en'
          ? ` (did you mean "${suggestions.join('", "')}"?)`
          : `（是否为“${suggestions.join('”“')}”？）`
        : '';
      const issue = makeIssue(
        { code: 'rollup.not-on-roster', row: row.row, field: keyField, params: { unit: row.unit || '—', suggestion } },
        lang,
      );
      issue.file = row.file;
      issue.sheet = row.sheet;
      issues.push(issue);
    }

    const lastYear =
      options.lastYear && form.def.kind !== 'list'
        ? {
            data: options.lastYear,
            index: lastYearIndex(options.lastYear, roster),
            // Each counted row's key among last year's units, worked out once for the outliers and the comparison.
            keyOf: lastYearKeys(counted, roster),
          }
        : undefined;
    if (form.def.kind !== 'list') {
      const outliers = outlierOptions(form, roster, lang);
      if (lastYear) {
        outliers.lastYearOf = (row) => {
          const key = lastYear.keyOf.get(row);
          return key === undefined ? undefined : lastYear.index.get(key)?.values;
        };
        outliers.lastYearFields = new Set(lastYear.data.fields);
      }
      for (const issue of findOutliers(counted, outliers)) issues.push(issue);
    }

    const units = roster ? unitStatuses(roster, counted, rows, { modified, rollupDays }, options, issues, lang) : [];

    const totals: Record<string, number> = {};
    for (const field of form.fields) {
      if (field.def.rollup !== 'sum') continue;
      let sum = 0;
      for (const row of counted) {
        const v = row.values[field.id];
        if (typeof v === 'number') sum += v;
      }
      totals[field.id] = sum;
    }
    const coverage: Record<string, RatioCoverage> = {};
    for (const computed of form.def.computed ?? []) {
      if (computed.onlyWhereDenominatorGiven) {
        // Both sums over the rows that gave the base: a unit without it would only inflate the rate.
        let numerator = 0;
        let denominator = 0;
        let given = 0;
        for (const row of counted) {
          const den = row.values[computed.denominator];
          if (typeof den !== 'number') continue;
          given++;
          denominator += den;
          const num = row.values[computed.numerator];
          if (typeof num === 'number') numerator += num;
        }
        coverage[computed.id] = { given, of: counted.length };
        if (denominator > 0) totals[computed.id] = numerator / denominator;
        continue;
      }
      const denominator = totals[computed.denominator] ?? 0;
      if (denominator > 0) totals[computed.id] = (totals[computed.numerator] ?? 0) / denominator;
    }

    const createdAt = options.createdAt ?? new Date().toISOString();
    const meta: RollupMeta = { generator: 'huizong', form: form.def.id, formVersion: form.def.version, createdAt };
    const createdDay = options.createdDay ?? localDay(createdAt);
    if (createdDay) meta.createdDay = createdDay;
    if (options.unit) meta.unit = options.unit;
    if (options.level) meta.level = options.level;
    if (options.year !== undefined) meta.year = options.year;
    const result: RollupResult = {
      form: form.def.id,
      formVersion: form.def.version,
      totals,
      ...(Object.keys(coverage).length ? { coverage } : {}),
      rows,
      files,
      units,
      issues,
      meta,
    };
    if (lastYear) result.lastYear = compareWithLastYear(counted, lastYear.keyOf, totals, lastYear.data, lastYear.index, form);
    return result;
  }

  return { add, finish };
}

/** Peers are units of the same 单位层级: the row's own, else the roster's for that unit. */
function outlierOptions(form: CompiledForm, roster: Roster | undefined, lang: Lang): OutlierOptions {
  const rosterLevels = new Map<string, string>();
  for (const unit of roster?.units ?? []) if (unit.level) rosterLevels.set(unit.name, unit.level);
  const levelOf = (row: RollupRow): string => {
    const own = row.values.unitLevel;
    return typeof own === 'string' && own.trim() !== '' ? own.trim() : (rosterLevels.get(row.unit) ?? '');
  };
  return { form, lang, levelOf };
}

interface FileDays {
  modified: ReadonlyMap<string, number | undefined>;
  rollupDays: ReadonlyMap<string, string>;
}

function unitStatuses(
  roster: Roster,
  counted: RollupRow[],
  rows: RollupRow[],
  days: FileDays,
  options: RollupOptions,
  issues: Issue[],
  lang: Lang,
): UnitStatus[] {
  return roster.units.map((unit) => {
    const mine = counted.filter((r) => r.rosterUnit === unit.name);
    const deadline = unit.deadline ?? options.deadline;
    const status: UnitStatus = {
      unit: unit.name,
      status: 'missing',
      files: [...new Set(mine.map((r) => r.file))].sort(),
      errors: mine.reduce((n, r) => n + r.errors, 0),
      warnings: mine.reduce((n, r) => n + r.warnings, 0),
      superseded: rows.filter((r) => r.status === 'superseded' && r.rosterUnit === unit.name).length,
    };
    if (unit.level) status.level = unit.level;
    if (unit.parent) status.parent = unit.parent;
    if (deadline) status.deadline = deadline;
    if (mine.length === 0) {
      issues.push(makeIssue({ code: 'rollup.missing', params: { unit: unit.name } }, lang));
      return status;
    }
    // The unit's own row dates it; rows that report through it (its subordinates) otherwise.
    // A row that came inside a roll-up from the level below was sent the day that roll-up was made.
    const own = mine.filter((r) => matchUnit(roster, r.unit).unit === unit);
    const sent = (r: RollupRow) => days.rollupDays.get(r.file) ?? r.date ?? dayOfTime(days.modified.get(r.file));
    const dates = (own.length ? own : mine).map(sent).filter((d): d is string => Boolean(d));
    const date = dates.sort().at(-1);
    if (date) status.date = date;
    status.status = deadline && date && date > deadline ? 'late' : 'reported';
    if (status.status === 'late')
      issues.push(makeIssue({ code: 'rollup.late', params: { unit: unit.name, date: date!, deadline: deadline! } }, lang));
    return status;
  });
}
