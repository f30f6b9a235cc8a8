/**
 * A returned file read with SheetJS (the only well-kept reader of .xls as well as .xlsx;
 * `@e965/xlsx` is SheetJS 0.20.3 with its CVE fixes — see the README): .xls, .csv, and the
 * .xlsx the lean reader leaves to it. The guards look at the whole container first. Runs in
 * Node and in the browser (the roll-up worker loads it only when a file needs it).
 */
import * as XLSX from '@e965/xlsx';
import type { Grid, Merge } from '../core/table/grid';
import type { CellValue } from '../core/values/types';
import { ZIP, inspectContainer, inspectGrids, startsWith, withSlashNames, type GuardVerdict, type Limits } from './guards';
import { META_SHEET } from '../core/meta/records';
import { extensionOf, failure, notReadable, readGrids, refusal, type ReadResult } from './readLean';

const OLE = [0xd0, 0xcf, 0x11, 0xe0];

/** The guards' look at the container before SheetJS parses it, with SheetJS's compound-file reader for .xls and encrypted files. */
export function inspectBeforeSheetJs(name: string, bytes: Uint8Array, limits: Partial<Limits> = {}): GuardVerdict {
  return inspectContainer(name, bytes, (data: Uint8Array) => XLSX.CFB.read(data, { type: 'array' }), limits);
}

function readMeta(sheet: XLSX.WorkSheet | undefined): Record<string, string> | undefined {
  if (!sheet) return undefined;
  const meta: Record<string, string> = {};
  for (const row of XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: true })) {
    const [key, value] = row;
    if (typeof key === 'string' && key && value !== undefined && value !== null) meta[key] = String(value);
  }
  return meta;
}

/** CSV saved by Chinese Windows is often GBK/GB18030; a UTF-8 BOM or valid UTF-8 says otherwise. */
export function decodeCsv(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

function cellValue(cell: XLSX.CellObject | undefined, date1904: boolean): CellValue {
  if (!cell) return null;
  switch (cell.t) {
    case 'n': {
      const v = cell.v as number;
      // Date-formatted numbers are dates to the person looking at them.
      if (cell.z !== undefined && XLSX.SSF.is_date(cell.z)) {
        const d = XLSX.SSF.parse_date_code(v, { date1904 });
        if (d && d.y > 0) return new Date(Date.UTC(d.y, d.m - 1, d.d, d.H, d.M, Math.floor(d.S)));
      }
      return v;
    }
    case 's':
      return cell.v as string;
    case 'b':
      return cell.v as boolean;
    case 'd':
      return cell.v instanceof Date ? cell.v : (cell.w ?? String(cell.v));
    case 'e':
      // An error-typed formula with no result in the file has no value (listed by toGrid).
      if (cell.v === undefined && cell.f !== undefined) return null;
      return cell.w ?? '#ERROR';
    default:
      return null;
  }
}

/**
 * A formula whose result the file does not carry: SheetJS gives it (read with cellFormula and
 * sheetStubs) as a stub with its formula, or an error without a value. Text formulas aside, as in
 * the lean reader: an empty text result (`<v></v>`) and a missing one read the same in SheetJS.
 */
function isFormulaWithoutValue(cell: XLSX.CellObject | undefined): boolean {
  return cell !== undefined && cell.f !== undefined && (cell.t === 'z' || (cell.t === 'e' && cell.v === undefined));
}

/**
 * Stubs (cells with a style but no value, kept by `sheetStubs` so that formulas without a result
 * are seen) that are neither: dropped from the ends of rows and of the sheet, so that the grid and
 * the guard's count of it are what they were without stubs.
 */
function dropBareStubs(sheet: XLSX.WorkSheet | undefined): void {
  const dense = (sheet as XLSX.DenseWorkSheet | undefined)?.['!data'];
  if (!dense) return;
  const bare = (cell: XLSX.CellObject | undefined) => cell === undefined || cell === null || (cell.t === 'z' && cell.f === undefined);
  for (let r = 0; r < dense.length; r++) {
    const row = dense[r];
    if (!row) continue;
    // forEach skips holes: a styled cell at XFD must not cost 16,384 steps a row.
    let n = 0;
    row.forEach((cell, c) => {
      if (!bare(cell)) n = c + 1;
    });
    row.length = n;
  }
  let m = dense.length;
  while (m > 0 && (dense[m - 1]?.length ?? 0) === 0) m--;
  dense.length = m;
}

function toGrid(sheet: XLSX.WorkSheet, name: string, typed: boolean, date1904: boolean): Grid {
  const dense = (sheet as XLSX.DenseWorkSheet)['!data'] ?? [];
  const rows: CellValue[][] = [];
  const uncached: { r: number; c: number }[] = [];
  for (let r = 0; r < dense.length; r++) {
    const source = dense[r];
    const row: CellValue[] = [];
    if (source) {
      for (let c = 0; c < source.length; c++) {
        row.push(cellValue(source[c], date1904));
        if (isFormulaWithoutValue(source[c])) uncached.push({ r, c });
      }
    }
    rows.push(row);
  }
  const merges: Merge[] = (sheet['!merges'] ?? []).map((m) => ({ s: { r: m.s.r, c: m.s.c }, e: { r: m.e.r, c: m.e.c } }));
  return uncached.length > 0 ? { sheet: name, rows, merges, typed, formulasWithoutValue: uncached } : { sheet: name, rows, merges, typed };
}

/** Reads a returned file with SheetJS, after the guards; never throws. */
export function readWithSheetJs(name: string, bytes: Uint8Array): ReadResult {
  const refused = notReadable(name, bytes);
  if (refused) return refused;
  const ext = extensionOf(name);
  // Before any parser runs: what the container is, a password, sizes, cells (guards.ts).
  const guarded = inspectBeforeSheetJs(name, bytes);
  if (!guarded.ok) return refusal(guarded);
  try {
    if (ext === '.csv') {
      const text = decodeCsv(bytes);
      const book = XLSX.read(text, { type: 'string', raw: true, dense: true });
      const sized = inspectGrids(book.SheetNames.map((s) => (book.Sheets[s] as XLSX.DenseWorkSheet)['!data']));
      if (!sized.ok) return refusal(sized);
      const base = name.replace(/^.*[\\/]/, '').replace(/\.csv$/i, '');
      return { ok: true, grids: book.SheetNames.map((s) => toGrid(book.Sheets[s]!, base || s, false, false)) };
    }
    // An encrypted .xlsx is an OLE file, not a zip; anything else is not a workbook at all.
    if (ext !== '.xls' && !startsWith(bytes, ZIP) && !startsWith(bytes, OLE)) {
      return { ok: false, code: 'file.unreadable', params: {}, detail: 'not a zip container' };
    }
    // Formulas are not needed (their cached values are), and SheetJS parses many of them slowly;
    // but in an .xlsx a formula may have no cached value (written by a program, or WPS), and only
    // with its formula and stubs does SheetJS show the cell at all. An .xls always carries results.
    const zip = startsWith(bytes, ZIP);
    // SheetJS looks parts up by name: `xl\workbook.xml` must read as Excel reads it.
    const book = XLSX.read(zip ? withSlashNames(bytes) : bytes, {
      type: 'array',
      dense: true,
      cellNF: true,
      cellDates: false,
      cellHTML: false,
      bookVBA: false,
      cellFormula: zip,
      sheetStubs: zip,
    });
    if (zip) for (const s of book.SheetNames) dropBareStubs(book.Sheets[s]);
    const date1904 = Boolean(book.Workbook?.WBProps?.date1904);
    // Very hidden sheets are ours (or a macro's), never a unit's table.
    const hidden = new Set((book.Workbook?.Sheets ?? []).filter((s) => s.Hidden === 2).map((s) => s.name));
    hidden.add(META_SHEET);
    const shown = book.SheetNames.filter((s) => !hidden.has(s) && book.Sheets[s]);
    // A cell far from the table is a few bytes in the file and a million rows in a grid.
    const sized = inspectGrids([...shown, META_SHEET].map((s) => (book.Sheets[s] as XLSX.DenseWorkSheet | undefined)?.['!data']));
    if (!sized.ok) return refusal(sized);
    const grids = shown.map((s) => toGrid(book.Sheets[s]!, s, true, date1904));
    const meta = readMeta(book.Sheets[META_SHEET]);
    return readGrids(grids, meta);
  } catch (error) {
    return failure(error);
  }
}
