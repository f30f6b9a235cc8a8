/**
 * What each row below the header is: a unit's data, a 合计/小计 line (checked, never
 * added), a note or signature line (`注：…`, `填表人：…`) that ends the table, blank, or
 * (when the table's columns are given) a row with something only outside them.
 */
import { toHalfWidth } from '../text/fold';
import type { CellValue } from '../values/types';
import { cellText, isBlank, type Grid } from './grid';

/** `outside`: only given `columns`; nothing in the table's columns, something beyond them. */
export type RowKind = 'data' | 'total' | 'note' | 'blank' | 'outside';

/** The columns a table spans (0-based, inclusive): from its first header cell to its last. */
export interface ColumnSpan {
  first: number;
  last: number;
}

export interface ClassifiedRow {
  /** 0-based sheet row. */
  r: number;
  kind: RowKind;
}

/** Words a 合计 line starts with (spaces allowed between their characters), and a note or signature line. */
const TOTAL_WORDS = ['合计', '小计', '总计', '共计', '总数'];
const NOTE_WORDS = [
  '注',
  '说明',
  '备注',
  '附注',
  '填表人',
  '填报人',
  '制表人',
  '制表',
  '审核人',
  '审核',
  '负责人',
  '单位负责人',
  '主管领导',
  '联系人',
  '联系电话',
  '填表日期',
  '填报日期',
  '报送日期',
  '日期',
];
const TOTAL = new RegExp(`^(${TOTAL_WORDS.map((w) => [...w].join('\\s*')).join('|')})`);
const NOTE = new RegExp(`^(${NOTE_WORDS.join('|')})\\s*[:：]|^注\\s*\\d|^注[:：]?$`);
/** The characters those words start with: text starting otherwise (most units' names) is neither. */
const STARTS = new Set([...TOTAL_WORDS, ...NOTE_WORDS].map((w) => w[0]));

/**
 * A cell's text as the patterns read it: half-width, without spaces. Text that cannot match
 * them is left as it is: `cellText` trims, and half-width forms are never a starting character.
 */
function patternText(value: CellValue): string {
  const text = cellText(value);
  return STARTS.has(text[0]!) ? toHalfWidth(text).replace(/\s+/g, '') : text;
}

function firstTexts(row: readonly CellValue[], count: number): string[] {
  const texts: string[] = [];
  for (let c = 0; c < row.length && texts.length < count; c++) {
    if (!isBlank(row[c])) texts.push(patternText(row[c]));
  }
  return texts;
}

/** `keyColumn`: the unit-name column, where a 合计 label stands when columns were reordered. */
export function classifyRow(row: readonly CellValue[] | undefined, keyColumn?: number): RowKind {
  if (!row) return 'blank';
  const texts = firstTexts(row, 2);
  if (texts.length === 0) return 'blank';
  const key = keyColumn === undefined || isBlank(row[keyColumn]) ? undefined : patternText(row[keyColumn]);
  if (texts.some((t) => TOTAL.test(t)) || (key !== undefined && TOTAL.test(key))) return 'total';
  if (NOTE.test(texts[0]!)) return 'note';
  return 'data';
}

function blankWithin(row: readonly CellValue[], span: ColumnSpan): boolean {
  const last = Math.min(span.last, row.length - 1);
  for (let c = span.first; c <= last; c++) if (!isBlank(row[c])) return false;
  return true;
}

/**
 * Rows from `start` to the end; once a note line appears, the rest is the table's footer.
 * `columns`: the table's span; a row that would be data but has nothing within it (a stray
 * cell at XFD1048576) is `outside`, not a unit's row with every field missing. 合计 and note
 * lines are still found by their words anywhere in the row (a 合计 label may stand in an
 * unlabelled first column).
 */
export function classifyRows(grid: Grid, start: number, keyColumn?: number, columns?: ColumnSpan): ClassifiedRow[] {
  const out: ClassifiedRow[] = [];
  let inFooter = false;
  for (let r = start; r < grid.rows.length; r++) {
    let kind = classifyRow(grid.rows[r], keyColumn);
    if (kind === 'data' && columns && blankWithin(grid.rows[r]!, columns)) kind = 'outside';
    if (inFooter && kind !== 'blank') kind = 'note';
    if (kind === 'note') inFooter = true;
    out.push({ r, kind });
  }
  return out;
}
