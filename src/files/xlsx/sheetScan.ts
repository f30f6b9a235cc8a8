/** Worksheets: the hot path, specialised (no substrings for names, references or indexes). */
import type { Merge } from '../../core/table/grid';
import type { CellValue } from '../../core/values/types';
import * as cellRefs from './cellRefs';
import * as serialDates from './serialDates';
import * as sharedStrings from './sharedStrings';
import * as xmlTags from './xmlTags';
import * as xmlText from './xmlText';
import * as xlsxUnsupported from './xlsxUnsupported';
import { unsupported } from './xlsxUnsupported';

// Under tsx (how the CLI and the bench run) every use of an imported name is a getter call;
// the scan below uses these per character or per cell, so they are taken once, here.
const { cellRef, decodeRange, decodeRef } = cellRefs;
const { excelSerialToDate, isoToSerial } = serialDates;
const { richText } = sharedStrings;
const { decodeText, prepare } = xmlText;
const { MAX_COLS, MAX_ROWS } = xlsxUnsupported;
const { NONE, attribute, blank, endTagAt, endsAttribute, findStart, nextAttribute, noValues, readAttrs, readName, skipBang, tagState } =
  xmlTags;

export interface SheetContext {
  strings: readonly string[];
  /**
   * Per cellXfs index, 1 for a date format: styles.xml, read when the first styled number is
   * met (most returns have none, and never read it).
   */
  dateXf: () => Uint8Array;
  date1904: boolean;
  /** The values SheetJS's sheet_to_json(raw) gives: no dates, errors as their codes (for `_huizong`). */
  raw: boolean;
  part: string;
  /** Formulas without a cached result met so far (Grid.formulasWithoutValue). */
  uncached: { r: number; c: number }[];
}

const ERROR_CODES: Record<string, number> = {
  '#NULL!': 0x00,
  '#DIV/0!': 0x07,
  '#VALUE!': 0x0f,
  '#REF!': 0x17,
  '#NAME?': 0x1d,
  '#NUM!': 0x24,
  '#N/A': 0x2a,
  '#GETTING_DATA': 0x2b,
};

// Cell types (`t`).
const T_N = 0;
const T_S = 1;
const T_STR = 2;
const T_INLINE = 3;
const T_B = 4;
const T_E = 5;
const T_D = 6;

/** Set by `readCellTag`. */
let cellType = T_N;
let cellStyle = -1;
let cellHasRef = false;

/** A non-negative integer written in xml[from, to), or -1. */
function digitsAt(xml: string, from: number, to: number): number {
  if (from >= to || to - from > 9) return -1;
  let n = 0;
  for (let i = from; i < to; i++) {
    const ch = xml.charCodeAt(i);
    if (ch < 48 || ch > 57) return -1;
    n = n * 10 + ch - 48;
  }
  return n;
}

function typeAt(xml: string, from: number, to: number, part: string): number {
  const length = to - from;
  if (length === 0) return T_N;
  if (length === 1) {
    switch (xml.charCodeAt(from)) {
      case 110:
        return T_N;
      case 115:
        return T_S;
      case 98:
        return T_B;
      case 101:
        return T_E;
      case 100:
        return T_D;
    }
  } else if (length === 3 && xml.startsWith('str', from)) return T_STR;
  else if (length === 9 && xml.startsWith('inlineStr', from)) return T_INLINE;
  return unsupported(`${part}: cell type ${JSON.stringify(xml.slice(from, to))}`);
}

/** `<c>`'s attributes from just after its name: r, s, t into cellRef.row/cellRef.col, cellStyle, cellType. */
function readCellTag(xml: string, i: number, part: string): number {
  cellType = T_N;
  cellStyle = -1;
  cellHasRef = false;
  // As nearly every writer puts them: ` r="A1" s="3" t="s"`, by hand; anything else below.
  while (xml.charCodeAt(i) === 32 && xml.charCodeAt(i + 2) === 61 && xml.charCodeAt(i + 3) === 34) {
    const name = xml.charCodeAt(i + 1);
    const from = i + 4;
    let to = from;
    while (to < from + 12 && xml.charCodeAt(to) !== 34) to++;
    if (xml.charCodeAt(to) !== 34) break;
    if (name === 114) {
      if (!decodeRef(xml, from, to)) unsupported(`${part}: cell reference ${JSON.stringify(xml.slice(from, to))}`);
      cellHasRef = true;
    } else if (name === 115) cellStyle = digitsAt(xml, from, to);
    else if (name === 116) cellType = typeAt(xml, from, to, part);
    else break;
    i = to + 1;
    if (!endsAttribute(xml.charCodeAt(i))) unsupported(`${part}: attributes not separated by spaces`);
  }
  // Its end, the usual case, by hand too.
  const ch = xml.charCodeAt(i);
  if (ch === 62) {
    tagState.selfClosing = false;
    return i;
  }
  if (ch === 47 && xml.charCodeAt(i + 1) === 62) {
    tagState.selfClosing = true;
    return i + 1;
  }
  // Anything else (other spacing, quotes or order, cm/vm/ph): attribute by attribute.
  for (;;) {
    i = nextAttribute(xml, i, part);
    if (tagState.ended) return i;
    const start = attribute.nameStart;
    const nameLength = attribute.nameEnd - start;
    const from = attribute.from;
    const to = attribute.to;
    if (attribute.nameLocal !== start) continue; // prefixed: another vocabulary's
    if (nameLength === 1) {
      switch (xml.charCodeAt(start)) {
        case 114: // r
          if (!decodeRef(xml, from, to)) unsupported(`${part}: cell reference ${JSON.stringify(xml.slice(from, to))}`);
          cellHasRef = true;
          break;
        case 115: // s: SheetJS takes a style it cannot find as no style
          cellStyle = digitsAt(xml, from, to);
          break;
        case 116: // t
          cellType = typeAt(xml, from, to, part);
          break;
        default:
          unsupported(`${part}: <c ${xml.slice(start, start + nameLength)}=…>`);
      }
    } else if (!(nameLength === 2 && (xml.startsWith('cm', start) || xml.startsWith('vm', start) || xml.startsWith('ph', start)))) {
      // CT_Cell has r, s, t, cm, vm and ph; anything else unprefixed is a broken tag.
      unsupported(`${part}: <c ${xml.slice(start, start + nameLength)}=…>`);
    }
  }
}

function put(rows: CellValue[][], r: number, c: number, value: CellValue): void {
  let row = rows[r];
  if (row === undefined) {
    while (rows.length < r) rows.push([]);
    row = [];
    rows[r] = row;
  }
  while (row.length < c) row.push(null);
  row[c] = value;
}

function numberAt(xml: string, from: number, to: number, ctx: SheetContext): number {
  // Whole numbers, the usual case, by hand.
  if (to - from <= 15) {
    let n = 0;
    let i = from;
    for (; i < to; i++) {
      const ch = xml.charCodeAt(i);
      if (ch < 48 || ch > 57) break;
      n = n * 10 + ch - 48;
    }
    if (i === to) return n;
  }
  const n = parseFloat(xml.slice(from, to));
  if (n !== n) unsupported(`${ctx.part}: number ${JSON.stringify(xml.slice(from, to))}`);
  return n;
}

/**
 * The current cell's value (type from `readCellTag`; numbers and `t="d"` as serials, dates are
 * made by the caller) from its `<v>` text in
 * xml[vFrom, vTo) (vFrom < 0: none; SheetJS takes `<v></v>` as none too) and its inline string.
 */
function cellValue(xml: string, vFrom: number, vTo: number, isFrom: number, isTo: number, formula: boolean, ctx: SheetContext): CellValue {
  const none = vFrom < 0 || vFrom === vTo;
  switch (cellType) {
    case T_N:
      return none ? null : numberAt(xml, vFrom, vTo, ctx);
    case T_S: {
      if (none) return null;
      const text = ctx.strings[digitsAt(xml, vFrom, vTo)];
      if (text === undefined) unsupported(`${ctx.part}: shared string ${JSON.stringify(xml.slice(vFrom, vTo))} of ${ctx.strings.length}`);
      return text;
    }
    case T_STR:
      // A formula without a cached result is null; a literal empty string stays one.
      return none ? (formula ? null : '') : decodeText(xml.slice(vFrom, vTo), true);
    case T_INLINE:
      if (isFrom >= 0) return richText(xml, isFrom, isTo, ctx.part);
      return formula ? null : '';
    case T_B: {
      if (none) return null;
      const v = xml.slice(vFrom, vTo);
      if (v === '1' || v === 'true') return true;
      if (v === '0' || v === 'false') return false;
      return unsupported(`${ctx.part}: boolean ${JSON.stringify(v)}`);
    }
    case T_E: {
      if (none) return null;
      const text = decodeText(xml.slice(vFrom, vTo), false);
      return ctx.raw ? (ERROR_CODES[text] ?? null) : text;
    }
    default: // T_D
      if (none) return null;
      return isoToSerial(decodeText(xml.slice(vFrom, vTo), false), ctx.date1904, ctx.part);
  }
}

/** Set by `readSheetData`: where `</sheetData>` starts. */
let sheetDataEnd = 0;

/** The cells of `<sheetData>` (its content starting at `from`) into dense rows. */
function readSheetData(xml: string, from: number, ctx: SheetContext): CellValue[][] {
  const part = ctx.part;
  const to = xml.length;
  const rows: CellValue[][] = [];
  let row = -1;
  let col = -1;
  let p = from;
  let prefixedQname = '';
  let prefixedClose = '';
  let dateXf: Uint8Array | undefined;
  for (;;) {
    const lt = xml.indexOf('<', p);
    if (lt < 0) unsupported(`${part}: <sheetData> is not closed`);
    if (lt > p && !blank(xml, p, lt)) unsupported(`${part}: text outside a cell`);
    const ch1 = xml.charCodeAt(lt + 1);
    if (ch1 === 47) {
      // </row>, else </x:row>, </sheetData> (the end) or the end of something else.
      if (xml.startsWith('row>', lt + 2)) {
        p = lt + 6;
        continue;
      }
      const nameEnd = readName(xml, lt + 2);
      if (nameEnd === tagState.nameLocal || xml.charCodeAt(nameEnd) !== 62) unsupported(`${part}: malformed end tag`);
      if (nameEnd - tagState.nameLocal === 9 && xml.startsWith('sheetData', tagState.nameLocal)) {
        sheetDataEnd = lt;
        return rows;
      }
      p = nameEnd + 1;
      continue;
    }
    if (ch1 === 33) {
      p = skipBang(xml, lt, part);
      continue;
    }
    const nameEnd = readName(xml, lt + 1);
    const local = tagState.nameLocal;
    const localLength = nameEnd - local;
    if (localLength === 0) unsupported(`${part}: malformed tag`);
    if (localLength === 1 && xml.charCodeAt(local) === 99) {
      const gt = readCellTag(xml, nameEnd, part);
      let r: number;
      if (cellHasRef) {
        r = cellRef.row;
        col = cellRef.col;
      } else {
        if (row < 0) unsupported(`${part}: cell outside a row`);
        r = row;
        if (++col >= MAX_COLS) unsupported(`${part}: too many cells in row ${row + 1}`);
      }
      if (tagState.selfClosing) {
        p = gt + 1;
        continue;
      }
      let vFrom = -1;
      let vTo = -1;
      let isFrom = -1;
      let isTo = -1;
      let formula = false;
      const q0 = gt + 1;
      // The usual cell, <c …><v>…</v></c>, straight through.
      if (local === lt + 1 && xml.charCodeAt(q0) === 60 && xml.charCodeAt(q0 + 1) === 118 && xml.charCodeAt(q0 + 2) === 62) {
        const end = xml.indexOf('<', q0 + 3);
        if (end >= 0 && xml.startsWith('</v></c>', end)) {
          vFrom = q0 + 3;
          vTo = end;
          p = end + 8;
        }
      }
      if (vFrom < 0) {
        let closeTag = '</c>';
        if (local !== lt + 1) {
          const qname = xml.slice(lt + 1, nameEnd);
          if (qname !== prefixedQname) {
            prefixedQname = qname;
            prefixedClose = `</${qname}>`;
          }
          closeTag = prefixedClose;
        }
        const close = xml.indexOf(closeTag, q0);
        if (close < 0 || close > to) unsupported(`${part}: <c> is not closed`);
        // The cell's children: <f>, <v>, <is>, <extLst>.
        let q = q0;
        for (;;) {
          const lt2 = xml.indexOf('<', q);
          if (lt2 < 0 || lt2 >= close) break;
          if (lt2 > q && !blank(xml, q, lt2)) unsupported(`${part}: stray text in a cell`);
          const c2 = xml.charCodeAt(lt2 + 1);
          if (c2 === 47) {
            const end2 = readName(xml, lt2 + 2);
            const l2 = end2 - tagState.nameLocal;
            if (
              l2 === 0 ||
              (l2 === 3 && xml.startsWith('row', tagState.nameLocal)) ||
              (l2 === 9 && xml.startsWith('sheetData', tagState.nameLocal))
            )
              unsupported(`${part}: malformed cell`);
            q = xml.indexOf('>', end2) + 1;
            continue;
          }
          if (c2 === 33) {
            q = skipBang(xml, lt2, part);
            continue;
          }
          const nameEnd2 = readName(xml, lt2 + 1);
          const local2 = tagState.nameLocal;
          const length2 = nameEnd2 - local2;
          const first = xml.charCodeAt(local2);
          // A cell in a cell, or a second value: a broken <c>.
          if (length2 === 0 || (length2 === 1 && (first === 99 || (first === 118 && vFrom >= 0)))) unsupported(`${part}: malformed cell`);
          const gt2 = readAttrs(xml, nameEnd2, NONE, noValues);
          q = gt2 + 1;
          if (tagState.selfClosing) {
            if (length2 === 1 && first === 102) formula = true;
            continue;
          }
          if (length2 === 1 && (first === 118 || first === 102)) {
            // <v> or <f>: text up to their end tag.
            const end = xml.indexOf('<', q);
            if (!endTagAt(xml, end, lt2 + 1, nameEnd2)) unsupported(`${part}: markup inside <v> or <f>, or not closed`);
            if (first === 118) {
              vFrom = q;
              vTo = end;
            } else formula = true;
            q = end;
          } else if (length2 === 2 && xml.startsWith('is', local2)) {
            const end = xml.indexOf(`</${xml.slice(lt2 + 1, nameEnd2)}>`, q);
            if (end < 0 || end > close) unsupported(`${part}: <is> is not closed`);
            isFrom = q;
            isTo = end;
            q = end;
          }
        }
        p = close + closeTag.length;
      }
      let value = cellValue(xml, vFrom, vTo, isFrom, isTo, formula, ctx);
      if (value === null) {
        // A formula with no result in the file (written by a program, or WPS, never recalculated):
        // no value, but listed, so that the check reports it rather than taking it for blank.
        // Text formulas aside: Excel writes an empty text result as <v></v>, which SheetJS (the
        // other reader, held to agree with this one) cannot tell from a missing one.
        if (formula && cellType !== T_STR && cellType !== T_INLINE) ctx.uncached.push({ r, c: col });
        continue;
      }
      if (cellStyle >= 0 && typeof value === 'number' && !ctx.raw && (cellType === T_N || cellType === T_D)) {
        if ((dateXf ??= ctx.dateXf())[cellStyle] === 1) value = excelSerialToDate(value, ctx.date1904) ?? value;
      }
      put(rows, r, col, value);
    } else if (localLength === 3 && xml.startsWith('row', local)) {
      const gt = readAttrs(xml, nameEnd, ROW_ATTRS, rowValues);
      const r = rowValues[0];
      if (r !== undefined) {
        const n = digitsAt(r, 0, r.length);
        if (n < 1 || n > MAX_ROWS) unsupported(`${part}: row ${JSON.stringify(r)}`);
        row = n - 1;
      } else if (++row >= MAX_ROWS) unsupported(`${part}: too many rows`);
      col = -1;
      p = gt + 1;
    } else {
      p = readAttrs(xml, nameEnd, NONE, noValues) + 1;
    }
  }
  return rows;
}

const ROW_ATTRS = ['r'];
const rowValues: (string | undefined)[] = [undefined];
const REF_ATTRS = ['ref'];
const refValues: (string | undefined)[] = [undefined];

export function readSheet(xml: string, ctx: SheetContext): { rows: CellValue[][]; merges: Merge[] } {
  let rows: CellValue[][] = [];
  let data = findStart(xml, 'sheetData', 0);
  // Comments before <sheetData> could hide or fake it: then the careful way, all comments out.
  if (!data || xml.lastIndexOf('<!', data.start) >= 0) {
    xml = prepare(xml, ctx.part);
    data = findStart(xml, 'sheetData', 0);
  }
  let after = 0;
  if (data) {
    after = data.end;
    if (!data.selfClosing) {
      rows = readSheetData(xml, data.end, ctx);
      after = sheetDataEnd;
    }
  }
  // After </sheetData>: the merges (not those in a comment).
  let tail = xml;
  if (xml.indexOf('<!', after) >= 0) {
    tail = prepare(xml.slice(after), ctx.part);
    after = 0;
  }
  const merges: Merge[] = [];
  for (
    let tag = findStart(tail, 'mergeCell', after, REF_ATTRS, refValues);
    tag;
    tag = findStart(tail, 'mergeCell', tag.end, REF_ATTRS, refValues)
  ) {
    if (refValues[0] === undefined) unsupported(`${ctx.part}: mergeCell without ref`);
    merges.push(decodeRange(refValues[0], ctx.part));
  }
  return { rows, merges };
}
