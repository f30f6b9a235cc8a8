/**
 * The roll-up of files chosen in the pane (and of sheets of the open workbook), with the same
 * engine as the CLI; runs in the worker.
 */
import { messageFor } from '../../core/issues/catalogue';
import { activityYear } from '../../core/rollup/dates';
import { startRollup } from '../../core/rollup/rollup';
import { validateGrids } from '../../core/validate/workbook';
import { checkReturn, rosterFromRead } from '../../files/checkReturn';
import { lastYearOf, lastYearOfSheet } from '../../files/lastYearOf';
import { compiledForms } from './compiledForms';
import type { RollupMessage, RollupRequest } from './protocol';
import { readInWorker } from './readInWorker';
import type { RunControl } from './runControl';

/** The work itself, for the worker (and for hosts without workers). */
export async function performRollup(
  request: RollupRequest,
  post: (message: RollupMessage) => void,
  control: RunControl = {},
): Promise<void> {
  try {
    const forms = compiledForms(request.definitions);
    const form = forms.find((f) => f.def.id === request.form);
    if (!form) throw new Error(`unknown form ${request.form}`);
    const roster =
      request.rosterParsed ??
      (request.roster ? rosterFromRead(request.roster, await readInWorker(request.roster), request.lang, forms) : undefined);
    const sheets = request.sheets ?? [];
    const total = request.files.length + sheets.length;
    const year = activityYear({ ...(request.deadline ? { deadline: request.deadline } : {}), ...(roster ? { roster } : {}) });
    const options = { lang: request.lang, expected: form, ...(year !== undefined ? { year } : {}) };
    // Last year read as the CLI reads --last-year (files/lastYearOf.ts).
    const lastYear = request.lastYearSheet
      ? lastYearOfSheet(request.lastYearSheet.name, request.lastYearSheet.grid, form, forms, request.lang)
      : request.lastYear
        ? lastYearOf(request.lastYear, await readInWorker(request.lastYear, { rowsSheetOnly: true }), form, forms, request.lang)
        : undefined;
    const rollup = startRollup({
      form,
      forms,
      lang: request.lang,
      ...(roster ? { roster } : {}),
      ...(lastYear?.data ? { lastYear: lastYear.data } : {}),
      ...(request.deadline ? { deadline: request.deadline } : {}),
      ...(request.unit ? { unit: request.unit } : {}),
      ...(year !== undefined ? { year } : {}),
    });
    // Files as the CLI reads them (rollUpFiles does the same), then the workbook's sheets,
    // checked as the sheets of a file are: one source each, named 本工作簿/Sheet名. Each is
    // taken in before the next is read.
    // 取消 is heard between sources: cancelled, the run ends without a word (the pane has said it).
    for (const [i, file] of request.files.entries()) {
      if (control.cancelled?.()) return;
      post({ type: 'progress', index: i + 1, total, file: file.name });
      rollup.add(checkReturn(file, await readInWorker(file), forms, options));
      await control.breathe?.();
    }
    for (const [i, sheet] of sheets.entries()) {
      if (control.cancelled?.()) return;
      post({ type: 'progress', index: request.files.length + i + 1, total, file: sheet.name });
      rollup.add({ file: sheet.name, report: validateGrids(sheet.name, [sheet.grid], forms, options) });
      await control.breathe?.();
    }
    if (control.cancelled?.()) return;
    const result = rollup.finish();
    if (roster) result.issues = [...roster.issues, ...result.issues];
    if (lastYear?.issue) result.issues = [lastYear.issue, ...result.issues];
    // The workbook writer (exceljs) is most of the worker's script and only the browser mode
    // needs it: in Excel the pane writes the sheets itself. It loads when asked for.
    const workbook = request.workbook
      ? await (await import('../../files/writeRollup')).writeRollupWorkbook(result, form, { lang: request.lang })
      : undefined;
    post(workbook ? { type: 'done', result, workbook } : { type: 'done', result });
  } catch (error) {
    // The engine's or a library's own words are for the console (the worker's, or the page's):
    // the pane says what to do.
    console.error(error);
    post({ type: 'failed', message: messageFor('rollup.failed', {}, request.lang) });
  }
}
