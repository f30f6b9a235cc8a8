/** `huizong rollup`: returned workbooks → the roll-up workbook, with a JSON report on request. */
import { statSync } from 'node:fs';
import type { CompiledForm } from '../core/definitions/compile';
import type { Lang } from '../core/definitions/types';
import { summarizeRollup } from '../core/rollup/summary';
import type { RollupResult } from '../core/rollup/types';
import { fileNames } from '../core/text/fileName';
import { decryptedInbox, readAsExcelOpens } from './defaultKey';
import { expandInputs, readBytes } from './inputFiles';
import { readLastYear, readRosterFile, rollUpFiles, type SourceFile } from '../files/rollupFiles';
import { writeRollupWorkbook } from '../files/writeRollup';
import { reportFileFailure, writeOut } from './fileFailure';
import type { CliIO } from './io';
import { say } from './strings';

export interface RollupArgs {
  inputs: string[];
  form: CompiledForm;
  forms: CompiledForm[];
  roster?: string;
  deadline?: string;
  unit?: string;
  out: string;
  json: boolean;
  lang: Lang;
  today?: string;
  /** The activity's year for dates written without one, where neither title nor deadline says. */
  year?: number;
  /** Last year's roll-up of the same form (--last-year), to compare with. */
  lastYear?: string;
  /** Draw a progress bar on stderr (a terminal). */
  progress: boolean;
}

/**
 * A file on disk, read when its turn comes (or decrypted before, when Excel's default key
 * encrypted it); a file that cannot be read is read as empty and rejected.
 */
function source(path: string, io: CliIO, lang: Lang, decrypted?: Uint8Array): SourceFile {
  const modified = statSync(path, { throwIfNoEntry: false })?.mtimeMs;
  const bytes = () => {
    if (decrypted) return decrypted;
    try {
      return readBytes(path);
    } catch (error) {
      reportFileFailure(io, lang, 'read', path, error);
      return new Uint8Array();
    }
  };
  return modified === undefined ? { name: path, bytes } : { name: path, bytes, modified };
}

/** The JSON report of the command-line contract. */
export function rollupReport(result: RollupResult, form: CompiledForm) {
  const ids = form.fields.map((f) => f.id);
  return {
    form: result.form,
    totals: result.totals,
    /** Per ratio taken over the units that gave its base: how many did, of how many. */
    ...(result.coverage ? { coverage: result.coverage } : {}),
    /** This year beside last year (--last-year): per unit and for the total, each indicator's two years and the change. */
    ...(result.lastYear ? { lastYear: result.lastYear } : {}),
    rows: result.rows.map((r) => ({
      unit: r.unit,
      file: r.file,
      sheet: r.sheet,
      row: r.row,
      status: r.status,
      /** Where the row was first typed, when it came inside a roll-up from the level below (file/sheet/row). */
      ...(r.origin ? { origin: r.origin } : {}),
      values: Object.fromEntries(ids.map((id) => [id, r.values[id] ?? null])),
    })),
    files: result.files.map((f) => ({ file: f.file, status: f.status, reason: f.reason ?? null })),
    units: result.units.map((u) => ({ unit: u.unit, status: u.status })),
    issues: result.issues.map(({ file, sheet, cell, field, severity, rule, message, params }) => ({
      file: file ?? null,
      sheet: sheet ?? null,
      cell: cell ?? null,
      field: field ?? null,
      severity,
      rule,
      message,
      ...(typeof params.debug === 'string' ? { debug: params.debug } : {}),
    })),
  };
}

export async function runRollup(args: RollupArgs, io: CliIO): Promise<number> {
  const paths = expandInputs(args.inputs);
  const decrypted = await decryptedInbox(paths.map((path) => ({ key: path, name: path, path })));
  const files = paths.map((path) => source(path, io, args.lang, decrypted.get(path)));
  const roster = args.roster
    ? readRosterFile(source(args.roster, io, args.lang, await readAsExcelOpens(args.roster)), args.lang, args.forms)
    : undefined;
  const lastYear = args.lastYear
    ? readLastYear(source(args.lastYear, io, args.lang, await readAsExcelOpens(args.lastYear)), args.form, args.forms, args.lang)
    : undefined;
  const result = rollUpFiles(
    files,
    {
      form: args.form,
      forms: args.forms,
      lang: args.lang,
      ...(roster ? { roster } : {}),
      ...(args.deadline ? { deadline: args.deadline } : {}),
      ...(args.unit ? { unit: args.unit } : {}),
      ...(args.today ? { today: args.today } : {}),
      ...(args.year !== undefined ? { year: args.year } : {}),
      ...(lastYear?.data ? { lastYear: lastYear.data } : {}),
    },
    args.progress
      ? ({ index, total, file }) =>
          io.err(`\r${say(args.lang, 'progress', { index, total, bar: progressBar(index, total), file })}\u001b[K`)
      : undefined,
  );
  if (roster) result.issues = [...roster.issues, ...result.issues];
  if (lastYear?.issue) result.issues = [lastYear.issue, ...result.issues];
  const written = await writeOut(io, args.lang, args.out, () => writeRollupWorkbook(result, args.form, { lang: args.lang }));
  if (args.json) io.out(JSON.stringify(rollupReport(result, args.form), null, 2));
  else printSummary(result, args, io);
  if (written) io.err(say(args.lang, 'written', { path: args.out }));
  return written ? 0 : 1;
}

function progressBar(index: number, total: number): string {
  const width = 20;
  const done = Math.round((index / Math.max(1, total)) * width);
  return '█'.repeat(done) + '░'.repeat(width - done);
}

function printSummary(result: RollupResult, args: RollupArgs, io: CliIO): void {
  const lang = args.lang;
  const summary = summarizeRollup(result);
  const nameOf = fileNames(result.files.map((f) => f.file));
  io.out(
    say(lang, 'rollupSummary', {
      files: summary.files,
      accepted: summary.accepted,
      rejected: summary.rejected,
      rows: summary.rows,
      errors: summary.errors,
      warnings: summary.warnings,
    }),
  );
  for (const file of result.files.filter((f) => f.status === 'rejected'))
    io.out(`  ${say(lang, 'rejected')}  ${nameOf(file.file)}${lang === 'en' ? ': ' : '：'}${file.reason ?? ''}`);
  if (summary.units.total > 0) io.out(say(lang, 'unitSummary', summary.units));
  for (const issue of result.issues.slice(0, 20))
    io.out(`  ${say(lang, issue.severity)}  ${issue.file ? nameOf(issue.file) + ' ' : ''}${issue.message}`);
  if (result.issues.length > 20) io.out('  ' + say(lang, 'moreIssues', { count: result.issues.length - 20 }));
}
