/** A1-style cell references and ranges, read without substrings. */
import type { Merge } from '../../core/table/grid';
import * as limits from './xlsxUnsupported';
import { unsupported } from './xlsxUnsupported';

// Taken once: under tsx (the CLI) an imported name is a getter call at every use, and a
// reference is decoded per cell.
const { MAX_COLS, MAX_ROWS } = limits;

/** Set by `decodeRef`: the reference it read, zero-based. */
export const cellRef = { row: 0, col: 0 };

/** `AB12` → row 11, col 27; false when it is not a cell reference. */
export function decodeRef(ref: string, from = 0, to = ref.length): boolean {
  let i = from;
  let col = 0;
  for (; i < to; i++) {
    const ch = ref.charCodeAt(i);
    if (ch < 65 || ch > 90) break;
    col = col * 26 + ch - 64;
  }
  if (i === from || i - from > 3) return false;
  const digits = i;
  let row = 0;
  for (; i < to; i++) {
    const ch = ref.charCodeAt(i);
    if (ch < 48 || ch > 57) return false;
    row = row * 10 + ch - 48;
  }
  if (i === digits || i - digits > 7 || row < 1 || row > MAX_ROWS || col > MAX_COLS) return false;
  cellRef.row = row - 1;
  cellRef.col = col - 1;
  return true;
}

export function decodeRange(ref: string, part: string): Merge {
  const colon = ref.indexOf(':');
  if (colon < 0) {
    if (!decodeRef(ref)) unsupported(`${part}: merge ${ref}`);
    return { s: { r: cellRef.row, c: cellRef.col }, e: { r: cellRef.row, c: cellRef.col } };
  }
  if (!decodeRef(ref, 0, colon)) unsupported(`${part}: merge ${ref}`);
  const s = { r: cellRef.row, c: cellRef.col };
  if (!decodeRef(ref, colon + 1)) unsupported(`${part}: merge ${ref}`);
  return { s, e: { r: cellRef.row, c: cellRef.col } };
}
