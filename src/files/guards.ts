/**
 * Looks at a returned file's container before any spreadsheet parser runs, so that one
 * hostile or broken file costs milliseconds to seconds, never gigabytes, and gets a verdict a
 * person understands. Runs in Node and in the browser: no Node-only APIs here.
 *
 * What the readers do that this guards against (SheetJS 0.20.3 from its source; fflate 0.8):
 * - SheetJS inflates every zip part, read or not, with its own pure-JS inflate into a buffer
 *   the size the part's *local* header declares; a declared 0 (streaming writers, data
 *   descriptors) grows the buffer without bound, a declared size smaller than the data still
 *   runs the inflate loop to the end of the stream, and a block of the non-existent type 3
 *   (one flipped bit) never ends at all. fflate's `unzipSync` allocates what the central
 *   directory declares. Declared sizes alone therefore do not suffice: before SheetJS reads
 *   a file, every part is inflated here once with fflate's validating inflate (in one call when
 *   its compressed bytes are few, else in chunks with a running count that stops at the limits),
 *   its size and CRC-32 checked, its XML elements counted. The lean reader instead asks for the
 *   few parts it reads (`openCheckedZip`), each checked the same way as it is inflated, and the
 *   elements counted once they could pass the limit.
 * - SheetJS builds one object per `<c>`, `<row>`, shared string and comment, and for every
 *   `<hyperlink ref>` one per cell of the range (A1:XFD1048576 would be 17 billion). These are
 *   counted against `maxCells`; in an .xls, the records and the cells of HLink ranges are.
 * - `<dimension ref>`, `<mergeCell ref>` and `<dataValidation sqref>` cost it nothing (no
 *   cells are made for them; `headerTextRows` clamps merges): they are not limits by default.
 * - A cell far from the table costs nothing to parse and a million rows to make a grid of:
 *   `inspectGrids` looks at the parsed sheets before they are made grids.
 */
import { inspectZip } from './guards/checkedZip';
import { inspectOle, type CfbRead } from './guards/oleContainer';
import {
  DEFAULT_LIMITS,
  fileTooLarge,
  limitsWith,
  notSpreadsheet,
  refuse,
  tooManyCells,
  verdictOf,
  countText,
  type GuardVerdict,
  type Kind,
  type Limits,
} from './guards/verdicts';

export { openCheckedZip, type CheckedZip, type StoredPart } from './guards/checkedZip';
export { rangeArea } from './guards/elementCounter';
export { xorPasswordVerifier, type CfbRead } from './guards/oleContainer';
export { DEFAULT_LIMITS, GuardRefusal, type GuardCode, type GuardVerdict, type Limits } from './guards/verdicts';
export { withSlashNames } from './guards/zipDirectory';

/** `.xlsx`, `.csv` …: a file's kind as its name says, lower case; '' without one. */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot).toLowerCase();
}

/** A zip's first bytes (a local file header). */
export const ZIP = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP = [0x50, 0x4b, 0x05, 0x06];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** `ID;` opens a SYLK file. */
const SYLK = [0x49, 0x44, 0x3b];
export function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  if (bytes.length < magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (bytes[i] !== magic[i]) return false;
  return true;
}

/** Other kinds of files that arrive named .xlsx, told apart so the sender knows what happened. */
function otherKind(bytes: Uint8Array): Kind {
  const head = String.fromCharCode(...bytes.subarray(0, 16));
  if (head.startsWith('%PDF')) return 'pdf';
  if (head.startsWith('Rar!') || head.startsWith('7z\xbc\xaf\x27\x1c')) return 'archive';
  if (head.startsWith('\x89PNG') || head.startsWith('\xff\xd8\xff') || head.startsWith('GIF8')) return 'image';
  if (/^\s*(\ufeff|\xef\xbb\xbf)?\s*<(!doctype html|html|table)/i.test(head)) return 'html';
  if (head.startsWith('{\\rtf')) return 'rtf';
  return 'other';
}

/**
 * The verdict on a returned file before it is parsed: whether it is the container its name
 * says, not encrypted, and small enough (declared and actual sizes, parts, cells) to read.
 * Never throws; cost is bounded by the limits.
 */
export function inspectContainer(name: string, bytes: Uint8Array, readCfb: CfbRead, limits: Partial<Limits> = {}): GuardVerdict {
  const lim = limitsWith(limits);
  return verdictOf(() => inspect(extensionOf(name), bytes, lim, readCfb));
}

function inspect(ext: string, bytes: Uint8Array, lim: Limits, readCfb: CfbRead): void {
  if (bytes.length === 0) refuse('file.empty');
  fileTooLarge(bytes, lim);
  // SheetJS reads by content: a zip, an OLE file or a SYLK sheet named .csv would skip the
  // guards below (and SYLK can declare a hundred million rows in a few bytes).
  if (ext === '.csv' && (startsWith(bytes, ZIP) || startsWith(bytes, OLE) || startsWith(bytes, SYLK))) refuse('file.csv-not-text');
  if (ext === '.csv') return inspectText(bytes, lim);
  if (ext !== '.xlsx' && ext !== '.xlsm' && ext !== '.xls') return; // the reader names the type
  // SheetJS reads by content, not by name: an .xlsx saved as .xls is a zip and is guarded as one.
  if (startsWith(bytes, ZIP)) return inspectZip(bytes, lim);
  if (startsWith(bytes, OLE)) return inspectOle(bytes, lim, readCfb);
  if (ext === '.xls' && startsWith(bytes, SYLK)) notSpreadsheet('sylk');
  if (ext === '.xls') return; // BIFF2–5, HTML, XML 2003 or text saved as .xls: the size limit above
  if (startsWith(bytes, EMPTY_ZIP)) notSpreadsheet('emptyZip');
  notSpreadsheet(otherKind(bytes));
}

/** CSV: at most one cell per separator or line break, whatever the delimiter turns out to be. */
function inspectText(bytes: Uint8Array, lim: Limits): void {
  let cells = 1;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b === 0x2c || b === 0x0a || b === 0x09 || b === 0x3b || b === 0x7c) cells++;
  }
  if (cells > lim.maxCells) tooManyCells(cells, lim, 0);
}

// ── After parsing ──

/**
 * Slots a dense sheet turns into when made a grid: a row array per row up to the last, a
 * slot per column up to each row's last cell. One cell at XFD1048576, or a text file's
 * far-away cell, is a handful of bytes in the file and a million rows in the grid.
 */
export function gridCost(rows: ArrayLike<ArrayLike<unknown> | undefined> | undefined, stopAbove = Number.POSITIVE_INFINITY): number {
  if (!rows) return 0;
  let cost = rows.length;
  for (let r = 0; r < rows.length && cost <= stopAbove; r++) cost += rows[r]?.length ?? 0;
  return cost;
}

type DenseRows = ArrayLike<ArrayLike<unknown> | undefined> | undefined;

/**
 * The verdict on parsed sheets (SheetJS dense `!data`, one per sheet to be made a grid)
 * before they are made grids: whatever the format, their grids together stay within
 * `maxGridCells`. Cheap: a look at each row's length, stopping once over.
 */
export function inspectGrids(sheets: readonly DenseRows[], limits: Partial<Limits> = {}): GuardVerdict {
  const max = limits.maxGridCells ?? DEFAULT_LIMITS.maxGridCells;
  let cost = 0;
  for (const rows of sheets) {
    cost += gridCost(rows, max - cost);
    if (cost > max) {
      return { ok: false, code: 'file.grid-too-large', params: { limit: countText(max) } };
    }
  }
  return { ok: true };
}
