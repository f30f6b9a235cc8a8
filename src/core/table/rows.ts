/**
 * What each row below the header is: a unit's data, a 合计/小计 line (checked, never
 * added), a note or signature line (`注：…`, `填表人：…`) that ends the table, or blank.
 */
import { toHalfWidth } from '../text/fold';
import type { CellValue } from '../values/types';
import { cellText, isBlank, type Grid } from './grid';

export type RowKind = 'data' | 'total' | 'note' | 'blank';

export interface ClassifiedRow {
  /** 0-based sheet row. */
  r: number;
  kind: RowKind;
}

const TOTAL = /^(合\s*计|小\s*计|总\s*计|共\s*计|总\s*数)/;
const NOTE = /^(注|说明|备注|附注|填表人|填报人|制表人|制表|审核人|审核|负责人|单位负责人|主管领导|联系人|联系电话|填表日期|填报日期|报送日期|日期)\s*[:：]|^注\s*\d|^注[:：]?$/;

function firstTexts(row: readonly CellValue[], count: number): string[] {
  const texts: string[] = [];
  for (let c = 0; c < row.length && texts.length < count; c++) {
    if (!isBlank(row[c])) texts.push(toHalfWidth(cellText(row[c])).replace(/\s+/g, ''));
  }
  return texts;
}

/** `keyColumn`: the unit-name column, where a 合计 label stands when columns were reordered. */
export function classifyRow(row: readonly CellValue[] | undefined, keyColumn?: number): RowKind {
  if (!row) return 'blank';
  const texts = firstTexts(row, 2);
  if (texts.length === 0) return 'blank';
  const key = keyColumn === undefined || isBlank(row[keyColumn]) ? undefined : toHalfWidth(cellText(row[keyColumn])).replace(/\s+/g, '');
  if (texts.some((t) => TOTAL.test(t)) || (key !== undefined && TOTAL.test(key))) return 'total';
  if (NOTE.test(texts[0]!)) return 'note';
  return 'data';
}

/** Rows from `start` to the end; once a note line appears, the rest is the table's footer. */
export function classifyRows(grid: Grid, start: number, keyColumn?: number): ClassifiedRow[] {
  const out: ClassifiedRow[] = [];
  let inFooter = false;
  for (let r = start; r < grid.rows.length; r++) {
    let kind = classifyRow(grid.rows[r], keyColumn);
    if (inFooter && kind !== 'blank') kind = 'note';
    if (kind === 'note') inFooter = true;
    out.push({ r, kind });
  }
  return out;
}
