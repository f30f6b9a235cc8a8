/** `huizong validate`: every file checked, issues printed by file and sheet, or one JSON report. */
import type { CompiledForm } from '../core/definitions/compile';
import { formTitle } from '../core/definitions/compile';
import type { Lang } from '../core/definitions/types';
import { countBySeverity, type Issue } from '../core/issues/issue';
import type { WorkbookReport } from '../core/validate/workbook';
import { checkFile } from '../files/checkFile';
import { decryptDefaultKey } from './defaultKey';
import { expandInputs, readBytes } from './inputFiles';
import { reportFileFailure } from './fileFailure';
import type { CliIO } from './io';
import { say } from './strings';

export interface ValidateRun {
  reports: WorkbookReport[];
  issues: Issue[];
}

/** The issue record of reports: where, what, how bad, which rule, what to do. */
export function issueRecord(issue: Issue) {
  return {
    file: issue.file ?? null,
    sheet: issue.sheet ?? null,
    cell: issue.cell ?? null,
    field: issue.field ?? null,
    severity: issue.severity,
    rule: issue.rule,
    code: issue.code,
    message: issue.message,
    // A reader's own words about a file it could not read: for whoever looks into it, never in the message.
    ...(typeof issue.params.debug === 'string' ? { debug: issue.params.debug } : {}),
  };
}

function printReport(report: WorkbookReport, forms: readonly CompiledForm[], lang: Lang, io: CliIO): void {
  io.out(report.file);
  for (const table of report.tables) {
    const form = forms.find((f) => f.def.id === table.form);
    const header =
      table.headerRows.top === table.headerRows.bottom ? `${table.headerRows.top}` : `${table.headerRows.top}–${table.headerRows.bottom}`;
    io.out(
      '  ' +
        say(lang, 'tableFound', { sheet: table.sheet, form: form ? formTitle(form, lang) : table.form, header, rows: table.rows.length }),
    );
  }
  if (report.issues.length === 0) io.out('  ' + say(lang, 'clean'));
  for (const issue of report.issues) {
    const where = issue.sheet && report.tables.length > 1 ? `[${issue.sheet}] ` : '';
    io.out(`  ${say(lang, issue.severity).padEnd(lang === 'en' ? 8 : 3)} ${where}${issue.message}`);
  }
}

export async function runValidate(
  inputs: readonly string[],
  forms: readonly CompiledForm[],
  options: { lang: Lang; json: boolean; today?: string; year?: number },
  io: CliIO,
): Promise<ValidateRun> {
  const files = expandInputs(inputs);
  const reports: WorkbookReport[] = [];
  for (const file of files) {
    let bytes: Uint8Array | undefined;
    try {
      bytes = readBytes(file);
    } catch (error) {
      bytes = undefined;
      reportFileFailure(io, options.lang, 'read', file, error);
    }
    // A workbook Excel opens without a password is read as Excel reads it.
    if (bytes) bytes = (await decryptDefaultKey(bytes)) ?? bytes;
    const report = checkFile(file, bytes ?? new Uint8Array(), forms, {
      lang: options.lang,
      ...(options.today ? { today: options.today } : {}),
      ...(options.year !== undefined ? { year: options.year } : {}),
    });
    reports.push(report);
    if (!options.json) printReport(report, forms, options.lang, io);
  }
  const issues = reports.flatMap((r) => r.issues);
  const counts = countBySeverity(issues);
  if (options.json) {
    io.out(
      JSON.stringify(
        {
          files: reports.map((r) => ({
            file: r.file,
            tables: r.tables.map((t) => ({
              sheet: t.sheet,
              form: t.form,
              formVersion: t.formVersion,
              headerRows: t.headerRows,
              rows: t.rows.length,
              totalRows: t.totalRows.map((x) => x.row),
              extraColumns: t.extraColumns,
            })),
            errors: countBySeverity(r.issues).errors,
            warnings: countBySeverity(r.issues).warnings,
          })),
          summary: { files: reports.length, ...counts },
          issues: issues.map(issueRecord),
        },
        null,
        2,
      ),
    );
  } else {
    io.out(say(options.lang, 'summary', { files: reports.length, ...counts }));
  }
  return { reports, issues };
}
