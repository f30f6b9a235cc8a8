/**
 * Reading a file in the roll-up worker: the lean reader first, SheetJS (most of the worker's
 * script) loaded the first time a file needs it — an .xls, a CSV, an .xlsx the lean reader
 * leaves to it — so that a roll-up of plain .xlsx returns starts without it.
 */
import type { SourceFile } from '../../files/checkReturn';
import { bytesOf } from '../../files/checkReturn';
import { readLean, type ReadResult } from '../../files/readLean';
import type { FastXlsxOptions } from '../../files/xlsx/fastXlsx';

/** `rowsSheetOnly` for last year's roll-up, as the CLI reads `--last-year`. */
export async function readInWorker(file: SourceFile, options: FastXlsxOptions = {}): Promise<ReadResult> {
  const bytes = bytesOf(file);
  return readLean(file.name, bytes, options) ?? (await import('../../files/readWithSheetJs')).readWithSheetJs(file.name, bytes);
}
