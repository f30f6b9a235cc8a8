/**
 * The roll-up of files chosen in the pane (and of sheets of the open workbook), with the same
 * engine as the CLI; runs in the worker.
 */
import { compileForm } from '../../core/definitions/compile';
import { rollUp, type ReturnInput } from '../../core/rollup/rollup';
import { validateGrids } from '../../core/validate/workbook';
import { prepareReturn, readRosterFile } from '../../files/rollupFiles';
import { writeRollupWorkbook } from '../../files/writeRollup';
import type { RollupMessage, RollupRequest } from './protocol';

/** The work itself, for the worker (and for hosts without workers). */
export async function performRollup(request: RollupRequest, post: (message: RollupMessage) => void): Promise<void> {
  try {
    const forms = request.definitions.map(compileForm);
    const form = forms.find((f) => f.def.id === request.form);
    if (!form) throw new Error(`unknown form ${request.form}`);
    const roster = request.rosterParsed ?? (request.roster ? readRosterFile(request.roster, request.lang) : undefined);
    const sheets = request.sheets ?? [];
    const total = request.files.length + sheets.length;
    const options = { lang: request.lang };
    // Files as the CLI reads them (rollUpFiles does the same), then the workbook's sheets,
    // checked as the sheets of a file are: one source each, named 本工作簿/Sheet名.
    const inputs: ReturnInput[] = request.files.map((file, i) => {
      post({ type: 'progress', index: i + 1, total, file: file.name });
      return prepareReturn(file, forms, options);
    });
    sheets.forEach((sheet, i) => {
      post({ type: 'progress', index: request.files.length + i + 1, total, file: sheet.name });
      inputs.push({ file: sheet.name, report: validateGrids(sheet.name, [sheet.grid], forms, options) });
    });
    const result = rollUp(inputs, {
      form,
      forms,
      lang: request.lang,
      ...(roster ? { roster } : {}),
      ...(request.deadline ? { deadline: request.deadline } : {}),
      ...(request.unit ? { unit: request.unit } : {}),
    });
    if (roster) result.issues.unshift(...roster.issues);
    const workbook = request.workbook ? await writeRollupWorkbook(result, form, { lang: request.lang }) : undefined;
    post(workbook ? { type: 'done', result, workbook } : { type: 'done', result });
  } catch (error) {
    post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
}
