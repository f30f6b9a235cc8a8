/** The roll-up of files chosen in the pane, with the same engine as the CLI; runs in the worker. */
import { compileForm } from '../../core/definitions/compile';
import { readRosterFile, rollUpFiles } from '../../files/rollupFiles';
import { writeRollupWorkbook } from '../../files/writeRollup';
import type { RollupMessage, RollupRequest } from './protocol';

/** The work itself, for the worker (and for hosts without workers). */
export async function performRollup(request: RollupRequest, post: (message: RollupMessage) => void): Promise<void> {
  try {
    const forms = request.definitions.map(compileForm);
    const form = forms.find((f) => f.def.id === request.form);
    if (!form) throw new Error(`unknown form ${request.form}`);
    const roster = request.roster ? readRosterFile(request.roster, request.lang) : undefined;
    const result = rollUpFiles(
      request.files,
      {
        form,
        forms,
        lang: request.lang,
        ...(roster ? { roster } : {}),
        ...(request.deadline ? { deadline: request.deadline } : {}),
        ...(request.unit ? { unit: request.unit } : {}),
      },
      (progress) => post({ type: 'progress', ...progress }),
    );
    if (roster) result.issues.unshift(...roster.issues);
    const workbook = request.workbook ? await writeRollupWorkbook(result, form, { lang: request.lang }) : undefined;
    post(workbook ? { type: 'done', result, workbook } : { type: 'done', result });
  } catch (error) {
    post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
}
