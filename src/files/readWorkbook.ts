/**
 * Spreadsheet bytes → grids of what a person sees: the lean reader for plain .xlsx/.xlsm
 * (`readLean.ts`), SheetJS for everything else (`readWithSheetJs.ts`). Runs in Node and in
 * the browser: no Node-only APIs here. The roll-up worker reads through `readLean` and loads
 * SheetJS only when a file needs it.
 */
import { readLean, type ReadResult } from './readLean';
import { readWithSheetJs } from './readWithSheetJs';

export { SPREADSHEET_EXTENSIONS, extensionOf, type ReadFailure, type ReadResult } from './readLean';

export interface ReadOptions {
  /** `sheetjs` skips the lean .xlsx reader (for comparing the two). */
  reader?: 'auto' | 'sheetjs';
  /**
   * Of a roll-up Huizong made, only its rows sheet and `_huizong` (last year's roll-up): see
   * `FastXlsxOptions`. The lean reader only; SheetJS, for the files it reads, reads them whole.
   */
  rowsSheetOnly?: boolean;
}

/** Reads a returned file by its name's extension; never throws. */
export function readWorkbook(name: string, bytes: Uint8Array, options: ReadOptions = {}): ReadResult {
  if (options.reader !== 'sheetjs') {
    const lean = readLean(name, bytes, options.rowsSheetOnly ? { rowsSheetOnly: true } : {});
    if (lean) return lean;
  }
  return readWithSheetJs(name, bytes);
}
