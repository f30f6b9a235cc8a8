/**
 * The lean way to read a returned file: a plain .xlsx/.xlsm read by fflate and a scan of the
 * sheet XML (`xlsx/fastXlsx.ts`), each part checked by the guards as it is inflated. Most
 * returns are read this way, several times faster than SheetJS reads them; what it cannot
 * read is left to SheetJS (`readWithSheetJs.ts`). This module does not load SheetJS, so that
 * the roll-up worker starts without it and loads it only for a file that needs it.
 */
import type { IssueParams } from '../core/issues/catalogue';
import type { Grid } from '../core/table/grid';
import { GuardRefusal, ZIP, extensionOf, inspectGrids, openCheckedZip, startsWith, type GuardCode, type GuardVerdict } from './guards';
import { takeHiddenUnderMerges, type HiddenUnderMerge } from './hiddenUnderMerges';
import { XlsxFastUnsupported, readXlsxFast, type FastXlsxOptions } from './xlsx/fastXlsx';

export { extensionOf } from './guards';

/**
 * A file not read: the catalogue's code and its params, for the user; `detail` is for logs and
 * the JSON report only (a reader's own exception text, never shown in a message).
 */
export type ReadFailure = { ok: false; code: GuardCode; params: IssueParams; detail: string };
/** `hidden`: values under merged areas, blanked in `grids` as Excel shows them, for the check to report. */
export type ReadResult = { ok: true; grids: Grid[]; meta?: Record<string, string>; hidden?: HiddenUnderMerge[] } | ReadFailure;

/** The grids read, with what their merges hide taken out of them (see `hiddenUnderMerges.ts`). */
export function readGrids(grids: Grid[], meta?: Record<string, string>): Extract<ReadResult, { ok: true }> {
  const hidden = grids.flatMap(takeHiddenUnderMerges);
  return { ok: true, grids, ...(meta ? { meta } : {}), ...(hidden.length > 0 ? { hidden } : {}) };
}

export const SPREADSHEET_EXTENSIONS = ['.xlsx', '.xlsm', '.xls', '.csv'] as const;

/** A reader's exception: one plain message for the user, its text kept as `detail` only. */
export function failure(error: unknown): ReadFailure {
  const detail = error instanceof Error ? error.message : String(error);
  if (/password|encrypt/i.test(detail)) return { ok: false, code: 'file.password', params: {}, detail };
  return { ok: false, code: 'file.unreadable', params: {}, detail };
}

/** A guard's refusal as a read failure; its `detail` is the code, all there is to log. */
export function refusal(verdict: Extract<GuardVerdict, { ok: false }>): ReadFailure {
  return {
    ok: false,
    code: verdict.code,
    params: verdict.params,
    detail: typeof verdict.params.debug === 'string' ? verdict.params.debug : verdict.code,
  };
}

/** A file no reader is tried on: not a spreadsheet by its name, or empty. */
export function notReadable(name: string, bytes: Uint8Array): ReadFailure | undefined {
  const ext = extensionOf(name);
  if (!(SPREADSHEET_EXTENSIONS as readonly string[]).includes(ext))
    return { ok: false, code: 'file.unsupported', params: { extension: ext || name }, detail: 'file.unsupported' };
  if (bytes.length === 0) return { ok: false, code: 'file.empty', params: {}, detail: 'file.empty' };
  return undefined;
}

/**
 * The file read the lean way, or refused; undefined when it is for SheetJS: not a zip named
 * .xlsx/.xlsm, or something in it the lean reader does not know. Never throws.
 */
export function readLean(name: string, bytes: Uint8Array, options: FastXlsxOptions = {}): ReadResult | undefined {
  const refused = notReadable(name, bytes);
  if (refused) return refused;
  const ext = extensionOf(name);
  if ((ext !== '.xlsx' && ext !== '.xlsm') || !startsWith(bytes, ZIP)) return undefined;
  const opened = openCheckedZip(bytes);
  if (!opened.ok) return refusal(opened);
  try {
    const fast = readXlsxFast(opened.zip, options);
    const sized = inspectGrids(fast.grids.map((g) => g.rows));
    if (!sized.ok) return refusal(sized);
    return readGrids(fast.grids, fast.meta);
  } catch (error) {
    if (error instanceof GuardRefusal) return refusal(error.verdict);
    if (!(error instanceof XlsxFastUnsupported)) return failure(error);
    return undefined;
  }
}
