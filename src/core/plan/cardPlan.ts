/**
 * The one-page card a single unit fills, prints and stamps (`huizong template ID --layout card`):
 * a plan (pure) that `src/files/writeCardTemplate.ts` writes. It is laid out as the card reader
 * (`core/table/card.ts`) reads cards, so that a filled copy comes back as that unit's one row:
 *
 *   row 1   the title, merged A:E
 *   row 2   填报单位（盖章）：[C:E]     (each line: its label in B, right-aligned, its value after)
 *   row 3   填表日期：[C:D]
 *   row 5   序号 | 指标 | 计量单位 | 数量 | 备注   (row 4 a thin gap)
 *   then    per uischema group: the group's name across A:E, then its items, the unit of
 *           measure split off the label (`开展宣传活动（场次）` → `开展宣传活动` | `场次`)
 *   last    填表人：[C:D] and 联系电话：[C:D], one line each, a row below the items
 *
 * Every value cell carries its field's validation and prompt (templatePlan's, cell by cell).
 */
import type { CompiledField, CompiledForm } from '../definitions/compile';
import { groupOfField } from '../definitions/groups';
import { fieldValidation, templateNumberFormat } from './templatePlan';
import type { ColumnValidation } from './types';

/** The fields written on the lines above and below the items, by the label the line gives them. */
export const CARD_LINES = { top: ['unitName', 'fillDate'], bottom: ['contactPerson', 'contactPhone'] } as const;
const LINE_LABELS: Record<string, string> = { unitName: '填报单位（盖章）：' };

export const CARD_HEADER = ['序号', '指标', '计量单位', '数量', '备注'] as const;
/** Column letters of the card: number, label, unit of measure, value, note. */
export const CARD_COLUMNS = { seq: 'A', label: 'B', measure: 'C', value: 'D', note: 'E' } as const;

export interface CardLine {
  row: number;
  field: string;
  /** `填报单位（盖章）：` in B; the value in C, merged up to `valueRange`'s end. */
  label: string;
  labelCell: string;
  valueCell: string;
  valueRange: string;
  validation: ColumnValidation;
  numberFormat?: string;
}

export type CardRow =
  | { kind: 'group'; row: number; label: string }
  | {
      kind: 'item';
      row: number;
      seq: number;
      field: string;
      label: string;
      measure: string;
      valueCell: string;
      validation: ColumnValidation;
      numberFormat?: string;
    };

export interface CardPlan {
  sheetName: string;
  title: string;
  titleRow: number;
  top: CardLine[];
  headerRow: number;
  rows: CardRow[];
  bottom: CardLine[];
  lastRow: number;
  /** The thin empty row above the header. */
  gapRow: number;
  /** Column widths in characters, A … E. */
  widths: number[];
}

/** `开展宣传活动（场次）` → `开展宣传活动` and `场次`; a label without a trailing unit keeps it all. */
export function splitMeasure(label: string): { label: string; measure: string } {
  const match = /^(.*\S)\s*[（(]\s*([^（()）]{1,4})\s*[)）]$/.exec(label);
  return match ? { label: match[1]!, measure: match[2]! } : { label, measure: '' };
}

function lines(form: CompiledForm, ids: readonly string[], firstRow: number): CardLine[] {
  const out: CardLine[] = [];
  for (const id of ids) {
    const field = form.byId.get(id);
    if (!field) continue;
    const row = firstRow + out.length;
    // The unit's name is long; a date or a phone number needs less.
    const valueRange = `C${row}:${id === form.def.rollupKey ? 'E' : 'D'}${row}`;
    const line: CardLine = {
      row,
      field: id,
      label: LINE_LABELS[id] ?? `${field.label}：`,
      labelCell: `B${row}`,
      valueCell: `C${row}`,
      valueRange,
      validation: fieldValidation(form.def, field, `C${row}`),
    };
    const format = templateNumberFormat(field);
    if (format !== undefined) line.numberFormat = format;
    out.push(line);
  }
  return out;
}

export function cardPlan(form: CompiledForm, year: number): CardPlan {
  const def = form.def;
  const onLines = new Set<string>([...CARD_LINES.top, ...CARD_LINES.bottom]);
  const groups = groupOfField(def.uischema);
  const titleRow = 1;
  const top = lines(form, CARD_LINES.top, 2);
  // A thin empty row between the last line and the items, so that the line's underline shows.
  const headerRow = 2 + top.length + 1;
  const rows: CardRow[] = [];
  let row = headerRow;
  let seq = 0;
  let group: string | undefined;
  const items = form.fields.filter((f: CompiledField) => !onLines.has(f.id));
  for (const field of items) {
    const label = groups.get(field.id);
    if (label !== undefined && label !== group) rows.push({ kind: 'group', row: ++row, label });
    group = label;
    const split = splitMeasure(field.label);
    const valueCell = `${CARD_COLUMNS.value}${++row}`;
    const item: CardRow = {
      kind: 'item',
      row,
      seq: ++seq,
      field: field.id,
      label: split.label,
      measure: split.measure,
      valueCell,
      validation: fieldValidation(def, field, valueCell),
    };
    const format = templateNumberFormat(field);
    if (format !== undefined) item.numberFormat = format;
    rows.push(item);
  }
  const bottom = lines(form, CARD_LINES.bottom, row + 2);
  return {
    sheetName: def.sheet.name,
    title: def.sheet.title['zh-CN'].replace(/\{year\}/g, String(year)),
    titleRow,
    gapRow: headerRow - 1,
    top,
    headerRow,
    rows,
    bottom,
    lastRow: bottom[bottom.length - 1]?.row ?? row,
    widths: [5, 30, 9, 13, 15],
  };
}
