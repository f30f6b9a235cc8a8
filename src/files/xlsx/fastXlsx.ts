/**
 * A lean reader of .xlsx / .xlsm returns: unzip only the parts a grid needs (fflate's unzipSync
 * with a filter; styles.xml only when a sheet has styled numbers), then read the SpreadsheetML
 * subset with small indexOf-based scanners — no DOM, so it runs the same in Node, browsers and
 * Web Workers. On 1,000 SheetJS-written returns it takes ~1.7× the time of merely unzipping them
 * and scanning their XML once; SheetJS's XLSX.read takes ~17×.
 *
 * It gives what `readWorkbook` gives through SheetJS, and tests/files/fast-xlsx.test.ts holds it
 * to that on many workbooks: the sheets in workbook order without very hidden sheets and without
 * `_huizong`, whose key/value rows come back as `meta`; date-formatted numbers as UTC Dates (1900
 * leap-year bug and the 1904 system honoured); errors as their text (`#DIV/0!`); formulas as
 * their cached value (none: null, the cell listed in `formulasWithoutValue` unless its type is
 * text); numbers stored as text as strings; rich text as its plain text
 * without phonetic runs; holes in a row as null, up to its last cell.
 *
 * Where SheetJS is wrong it is not copied (each case is pinned down in the test):
 * - `t="str"` text is decoded once (SheetJS decodes it twice: "&amp;amp;" → "&", "_x005F_x0041_" → "A");
 * - a `t="str"` formula without a cached value is null, like any other (SheetJS: "");
 * - the built-in CJK date formats (27–36, 50–58) are dates on every cell (SheetJS misses the
 *   first cell of each in a workbook);
 * - `&#x1F600;` is one character (SheetJS keeps its low 16 bits);
 * - a carriage return written as `_x000D_` or `&#13;` before a line feed is kept, as Excel keeps
 *   it (SheetJS drops it with the CRLF → LF meant for line ends written as such);
 * - relationship targets with `..` are resolved (SheetJS drops the sheet).
 *
 * Anything it does not understand throws `XlsxFastUnsupported` so that the caller can fall back to
 * SheetJS: not a zip, no xl/workbook.xml (.ods, .xlsb), Strict Open XML, a chart/dialog/macro sheet
 * among the sheets to read, a sheet without its relationship or part, a DOCTYPE or CDATA, an
 * unknown cell type, a shared string index out of range, a malformed cell or merge reference, a
 * number or boolean that is not one, a `t="d"` date that is not one, unterminated markup.
 */
import { strFromU8 } from 'fflate';
import type { Grid } from '../../core/table/grid';
import type { CellValue } from '../../core/values/types';
import { META_SHEET } from '../../core/meta/records';
import { readStyles } from './dateStyles';
import { readSharedStrings } from './sharedStrings';
import { readSheet, type SheetContext } from './sheetScan';
import {
  WORKBOOK_PART,
  WORKBOOK_RELS,
  parsedPart,
  partsOf,
  readRels,
  readWorkbookPart,
  relType,
  resolveTarget,
  type PartSource,
  type SheetEntry,
} from './workbookParts';
import { unsupported } from './xlsxUnsupported';

export { excelSerialToDate } from './serialDates';
export { partsOf, type PartSource } from './workbookParts';
export { XlsxFastUnsupported } from './xlsxUnsupported';

export interface FastXlsxResult {
  grids: Grid[];
  meta?: Record<string, string>;
}

export interface FastXlsxOptions {
  /**
   * Of a roll-up Huizong made, only the sheet of its rows (its `_huizong` record names it) and
   * the record: last year's roll-up is read for its rows, and its other sheets (报送情况,
   * 问题清单, 同比) would be inflated, checked and scanned for nothing. Any other workbook is
   * read whole.
   */
  rowsSheetOnly?: boolean;
}

/**
 * Reads an .xlsx/.xlsm's grids (and `_huizong` meta); throws `XlsxFastUnsupported` on anything
 * it does not understand, and lets the part source's own errors (the guards' refusals) through.
 */
export function readXlsxFast(zip: Uint8Array | PartSource, options: FastXlsxOptions = {}): FastXlsxResult {
  const source = zip instanceof Uint8Array ? partsOf(zip) : zip;
  const workbook = parsedPart(source, WORKBOOK_PART, readWorkbookPart);
  if (workbook === undefined) unsupported('no xl/workbook.xml');
  const rels = parsedPart(source, WORKBOOK_RELS, (xml) => readRels(xml, WORKBOOK_RELS));
  if (rels === undefined) unsupported('no xl/_rels/workbook.xml.rels');
  const { sheets, date1904 } = workbook;

  let stringsPart: string | undefined;
  let stylesPart: string | undefined;
  for (const rel of rels.values()) {
    const type = relType(rel);
    if (type === 'sharedStrings') stringsPart = resolveTarget(rel.target);
    else if (type === 'styles') stylesPart = resolveTarget(rel.target);
  }
  // As SheetJS finds them through [Content_Types].xml: at their usual names if no rel says.
  stringsPart ??= source.has('xl/sharedStrings.xml') ? 'xl/sharedStrings.xml' : undefined;
  stylesPart ??= source.has('xl/styles.xml') ? 'xl/styles.xml' : undefined;

  // The sheets to read: all but the very hidden, and _huizong whatever its state.
  const wanted: { entry: SheetEntry; part: string }[] = [];
  for (const entry of sheets) {
    if (entry.state === 'veryHidden' && entry.name !== META_SHEET) continue;
    const rel = rels.get(entry.rid);
    if (!rel) unsupported(`sheet ${JSON.stringify(entry.name)} has no relationship ${entry.rid}`);
    const type = relType(rel);
    if (type !== 'worksheet') unsupported(`sheet ${JSON.stringify(entry.name)} is a ${type}`);
    wanted.push({ entry, part: resolveTarget(rel.target) });
  }

  // For the rows sheet only, `_huizong` first: it says which sheet that is.
  const metaAt = options.rowsSheetOnly ? wanted.findIndex((w) => w.entry.name === META_SHEET) : -1;
  if (metaAt > 0) wanted.unshift(...wanted.splice(metaAt, 1));
  let only: string | undefined;

  const strings = stringsPart ? readSharedStrings(partText(source, stringsPart), stringsPart) : [];
  // styles.xml only matters for numbers with a style: it is read at the first one, if any.
  let styles: Uint8Array | undefined;
  const dateXf = () => (styles ??= stylesPart === undefined ? NO_DATES : dateStyles(source, stylesPart));
  const grids: Grid[] = [];
  let meta: Record<string, string> | undefined;
  for (const { entry, part } of wanted) {
    if (only !== undefined && entry.name !== only) continue;
    const isMeta = entry.name === META_SHEET;
    const uncached: SheetContext['uncached'] = [];
    const { rows, merges } = readSheet(partText(source, part), { strings, dateXf, date1904, raw: isMeta, part, uncached });
    if (isMeta) {
      meta = metaOf(rows);
      const rowsSheet = meta.generator === 'huizong' ? meta.sheet : undefined;
      if (metaAt >= 0 && rowsSheet !== undefined && wanted.some((w) => w.entry.name === rowsSheet)) only = rowsSheet;
    } else
      grids.push(
        uncached.length > 0
          ? { sheet: entry.name, rows, merges, typed: true, formulasWithoutValue: uncached }
          : { sheet: entry.name, rows, merges, typed: true },
      );
  }
  return meta ? { grids, meta } : { grids };
}

/** No styles part: no number shows as a date. */
const NO_DATES = new Uint8Array(0);

/** Which cell formats of the styles part are dates (parsed once per distinct part, see `parsedPart`). */
function dateStyles(source: PartSource, part: string): Uint8Array {
  return parsedPart(source, part, (xml) => readStyles(xml, part)) ?? unsupported(`missing part ${part}`);
}

/** A part's XML text; a part the workbook names but the zip lacks is beyond this reader. */
function partText(source: PartSource, name: string): string {
  const bytes = source.part(name);
  return bytes === undefined ? unsupported(`missing part ${name}`) : strFromU8(bytes);
}

/** `_huizong`'s key/value rows (keys in column A, values in B), as readWorkbook reads them. */
function metaOf(rows: CellValue[][]): Record<string, string> {
  const meta: Record<string, string> = {};
  for (const row of rows) {
    const key = row[0];
    const value = row[1];
    if (typeof key === 'string' && key && value !== undefined && value !== null) meta[key] = String(value);
  }
  return meta;
}
