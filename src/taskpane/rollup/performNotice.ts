/**
 * The whole notice on what was dropped or chosen in the pane, with the same engine as the CLI
 * (`noticeStep`, `startNotice`); runs in the worker, or on the page where no worker may be
 * made. Spreadsheets are read one at a time from their Blobs, then the workbook's ticked sheets
 * (Excel) are taken as returns; documents and photos are known by their names, sizes and times
 * only and never read.
 */
import { messageFor } from '../../core/issues/catalogue';
import { activityYear } from '../../core/rollup/dates';
import { checkReturn, rosterFromRead } from '../../files/checkReturn';
import type { ReadResult } from '../../files/readLean';
import { noticeSheet, noticeStep, startNoticeWith } from '../../files/noticeSteps';
import { compiledForms } from './compiledForms';
import type { NoticeMessage, NoticeRequest } from './protocol';
import { readInWorker } from './readInWorker';
import type { RunControl } from './runControl';

export async function performNotice(
  request: NoticeRequest,
  post: (message: NoticeMessage) => void,
  control: RunControl = {},
): Promise<void> {
  try {
    const forms = compiledForms(request.definitions);
    const { lang } = request;
    const roster =
      request.rosterParsed ?? (request.roster ? rosterFromRead(request.roster, await readInWorker(request.roster), lang) : undefined);
    const notice = startNoticeWith(request.problems, {
      materials: request.materials,
      forms,
      lang,
      ...(roster ? { roster } : {}),
      ...(request.deadline ? { deadline: request.deadline } : {}),
      ...(request.unit ? { unit: request.unit } : {}),
    });
    const sheets = request.sheets ?? [];
    const total = request.files.length + sheets.length;
    const year = activityYear({ ...(request.deadline ? { deadline: request.deadline } : {}), ...(roster ? { roster } : {}) });
    for (const [i, source] of request.files.entries()) {
      if (control.cancelled?.()) return;
      const step = noticeStep(source, forms, { lang, ...(year !== undefined ? { year } : {}) });
      if (step.kind === 'skip') continue;
      if (step.kind === 'name') {
        notice.addFile(step.entry);
        continue;
      }
      post({ type: 'progress', index: i + 1, total, file: source.file });
      let bytes: Uint8Array | undefined;
      try {
        bytes = new Uint8Array(await (source.content ?? new Blob()).arrayBuffer());
      } catch {
        // Moved or locked since it was chosen: rejected as unreadable, with its unit; the rest goes on.
      }
      const file = {
        name: source.file,
        bytes: bytes ?? new Uint8Array(),
        ...(source.modified !== undefined ? { modified: source.modified } : {}),
      };
      const read: ReadResult = bytes ? await readInWorker(file) : { ok: false, code: 'file.unreadable', params: {}, detail: 'arrayBuffer' };
      notice.addSpreadsheet(step.entry, checkReturn(file, read, forms, step.check));
      await control.breathe?.();
    }
    // Then the workbook's ticked sheets (Excel), read by the pane before the run: each a return.
    for (const [i, sheet] of sheets.entries()) {
      if (control.cancelled?.()) return;
      post({ type: 'progress', index: request.files.length + i + 1, total, file: sheet.name });
      const { entry, input } = noticeSheet(sheet.name, sheet.grid, forms, { lang, ...(year !== undefined ? { year } : {}) });
      notice.addSpreadsheet(entry, input);
      await control.breathe?.();
    }
    if (control.cancelled?.()) return;
    post({ type: 'progress', index: total, total, file: '' });
    const result = notice.finish();
    // exceljs is loaded only for the browser's download: in Excel the pane writes the sheets itself.
    const workbook = request.workbook
      ? await (
          await import('../../files/writeNotice')
        ).writeNoticeWorkbook(result, forms, { lang, ...(request.unit ? { unit: request.unit } : {}) })
      : undefined;
    post(workbook ? { type: 'notice-done', result, workbook } : { type: 'notice-done', result });
  } catch (error) {
    // The engine's or a library's own words are for the console (the worker's, or the page's):
    // the pane says what to do.
    console.error(error);
    post({ type: 'failed', message: messageFor('rollup.failed', {}, request.lang) });
  }
}
