/**
 * Finding a vertical card: one unit's return written down the page (spec, "vertically").
 * Indicators down one column (`项目`/`指标`), their figures in the next (`数量`), the unit of
 * measure maybe in a column of its own (`计量单位`), and the unit, date and contact on lines
 * above or below (`填报单位（盖章）：…  填表日期：…`). Looked for only where no table was found.
 */
import { headerKey, type CompiledForm } from '../definitions/compile';
import { foldKey } from '../text/fold';
import type { CellValue } from '../values/types';
import { cellText, isBlank, type Grid } from './grid';

/** How far down a card is read: a card for one unit is one page, a long one two or three. */
const CARD_ROWS = 200;
const CARD_COLUMNS = 12;

/** Header cells of the label column, the value column, the unit-of-measure and notes columns. */
const LABEL_HEADS = new Set(['项目', '指标', '指标名称', '项目名称', '统计项目', '统计指标']);
const VALUE_HEADS = new Set(['数量', '数值', '数据', '填报数', '填报数量', '完成数', '本期数', '统计数']);
/** Headers that say the column holds a figure for another period: a second value column. */
const PERIOD_HEADS = /^(本年|今年|本期|上年|去年|上期|同期|上年同期|本年度|上年度|\d{4}年)/;
const UNIT_HEADS = new Set(['计量单位', '单位']);
const NOTE_HEADS = new Set(['备注', '说明']);

/** The unit of measure a label may be split from (`开展宣传活动` + `场次`). */
const MEASURE = /^(人|人次|名|场|场次|次|份|家|个|支|项|件|张|篇|期|条|万元|元|户|所|天)$/;

/** `1.`, `（一）`, `一、`, `2、` before a label. */
const NUMBERING = /^\s*(?:[（(]\s*[一二三四五六七八九十\d]+\s*[)）]|[一二三四五六七八九十]+\s*[、.．]|\d+(?:\.\d+)*\s*[、.．)）]?)\s*/;

export interface CardCell {
  r: number;
  c: number;
  /** The value as the card gives it: the cell's, or the part of a line after `label：`. */
  raw: CellValue;
  /** True when the value was cut out of a line of text (it is text by nature). */
  fromLine: boolean;
}

export interface LocatedCard {
  readonly form: CompiledForm;
  /** Field id → where its value is. */
  readonly cells: ReadonlyMap<string, CardCell>;
  /** 0-based header row of the items (`项目 | 数量`), where the card has one. */
  readonly headerRow?: number;
  readonly labelColumn: number;
  readonly valueColumn: number;
  /** 0-based row of the unit's line (or the card's first row). */
  readonly unitRow: number;
  readonly year?: number;
  /** How many fields were found among the items (not counting the lines). */
  readonly itemsMatched: number;
}

/** Why a sheet that reads as a card cannot be read as one unit's row. */
export type CardProblem =
  | { kind: 'two-values'; form: CompiledForm; headers: string[]; cell: { r: number; c: number } }
  | { kind: 'ambiguous'; forms: [CompiledForm, CompiledForm]; matched: number };

export interface CardSearch {
  card?: LocatedCard;
  problem?: CardProblem;
  /** The form whose labels the card's items matched best, and how many: for "not found" messages. */
  nearest?: { form: CompiledForm; matched: Set<string> };
}

/**
 * Keys of the texts seen lately: cards from one template repeat the same labels file after file.
 * Bounded, so that data cells do not grow it without end.
 */
const recent = new Map<string, string>();
const RECENT_MAX = 20_000;

function remembered(text: string, key: (text: string) => string): string {
  let found = recent.get(text);
  if (found === undefined) {
    found = key(text);
    if (recent.size >= RECENT_MAX) recent.clear();
    recent.set(text, found);
  }
  return found;
}

const foldedLabel = (text: string) => headerKey(text.replace(NUMBERING, '').replace(/[（(]\s*盖章\s*[)）]/g, ''));

function labelKey(text: string): string {
  // Prefixed so that a label's key and a cell's fold (below) never share an entry.
  return remembered(`L${text}`, (t) => foldedLabel(t.slice(1)));
}

function cellKeyOf(text: string): string {
  return remembered(`C${text}`, (t) => foldKey(t.slice(1)));
}

/** The field a label names, alone or joined with its unit of measure. */
function fieldFor(form: CompiledForm, label: string, measure: string): string | undefined {
  if (!label) return undefined;
  if (measure) {
    const joined = form.headerKeys.get(labelKey(`${label}（${measure}）`));
    if (joined !== undefined) return joined;
  }
  return form.headerKeys.get(labelKey(label));
}

/** A line is a sentence or two; a longer cell is a note or hostile, and is not taken apart. */
const LINE_MAX = 200;

/** `填报单位（盖章）：河东区总工会  填表日期：2024年3月20日` → its label/value pairs, with where each value starts. */
export function lineParts(text: string): { label: string; value: string }[] {
  const parts: { label: string; value: string }[] = [];
  // The label pattern is lazy: on a long cell each start would scan to the end.
  if (text.length > LINE_MAX) return parts;
  const pattern = /([^\s：:]{2,}?)\s*[：:]/g;
  const found: { label: string; start: number; end: number }[] = [];
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) found.push({ label: m[1]!, start: m.index, end: m.index + m[0].length });
  for (let i = 0; i < found.length; i++) {
    const value = text.slice(found[i]!.end, found[i + 1]?.start ?? text.length).trim();
    parts.push({ label: found[i]!.label, value });
  }
  return parts;
}

interface Scan {
  texts: string[][];
  keys: string[][];
  width: number;
  height: number;
}

function scan(grid: Grid): Scan {
  const height = Math.min(grid.rows.length, CARD_ROWS);
  let width = 0;
  for (let r = 0; r < height; r++) width = Math.max(width, Math.min(grid.rows[r]?.length ?? 0, CARD_COLUMNS));
  const texts: string[][] = [];
  const keys: string[][] = [];
  for (let r = 0; r < height; r++) {
    const row = grid.rows[r] ?? [];
    const t: string[] = [];
    const k: string[] = [];
    for (let c = 0; c < width; c++) {
      const text = cellText(row[c]);
      t.push(text);
      // Only short cells can be a header of the items; figures and long labels need no key.
      k.push(text && text.length <= 8 ? cellKeyOf(text) : '');
    }
    texts.push(t);
    keys.push(k);
  }
  return { texts, keys, width, height };
}

interface Layout {
  headerRow?: number;
  labelColumn: number;
  valueColumns: number[];
  measureColumn?: number;
  noteColumn?: number;
}

/** The items' header row (`序号 | 指标 | 计量单位 | 数量 | 备注`), if the card has one. */
function headerLayout(s: Scan): Layout | undefined {
  for (let r = 0; r < s.height; r++) {
    const keys = s.keys[r]!;
    const labelColumn = keys.findIndex((k) => LABEL_HEADS.has(k));
    if (labelColumn < 0) continue;
    const valueColumns: number[] = [];
    let measureColumn: number | undefined;
    let noteColumn: number | undefined;
    for (let c = labelColumn + 1; c < s.width; c++) {
      const k = keys[c]!;
      if (!k) continue;
      if (UNIT_HEADS.has(k)) measureColumn ??= c;
      else if (NOTE_HEADS.has(k)) noteColumn ??= c;
      else if (VALUE_HEADS.has(k) || PERIOD_HEADS.test(k)) valueColumns.push(c);
    }
    if (valueColumns.length > 0)
      return {
        headerRow: r,
        labelColumn,
        valueColumns,
        ...(measureColumn !== undefined ? { measureColumn } : {}),
        ...(noteColumn !== undefined ? { noteColumn } : {}),
      };
  }
  return undefined;
}

function measureAt(s: Scan, r: number, layout: Layout): string {
  if (layout.measureColumn !== undefined) return s.texts[r]![layout.measureColumn]!.replace(/[（()）]/g, '');
  // Without a 计量单位 column, a unit may still stand in the cell right of the label.
  const next = s.texts[r]![layout.labelColumn + 1] ?? '';
  return MEASURE.test(next.replace(/[（()）]/g, '')) ? next.replace(/[（()）]/g, '') : '';
}

/** Field id → row, for the items of a layout under one form. */
function matchItems(s: Scan, form: CompiledForm, layout: Layout): Map<string, number> {
  const found = new Map<string, number>();
  const from = layout.headerRow === undefined ? 0 : layout.headerRow + 1;
  for (let r = from; r < s.height; r++) {
    const label = s.texts[r]![layout.labelColumn]!;
    if (!label || /[：:]/.test(label.slice(-1))) continue;
    const field = fieldFor(form, label, measureAt(s, r, layout));
    if (field !== undefined && !found.has(field)) found.set(field, r);
  }
  return found;
}

/** Without a header: the column naming most fields, its figures in the nearest column right of it holding any. */
function guessLayout(s: Scan, form: CompiledForm): Layout | undefined {
  let best: { column: number; count: number } | undefined;
  for (let c = 0; c < s.width; c++) {
    const count = matchItems(s, form, { labelColumn: c, valueColumns: [] }).size;
    if (count > 0 && (!best || count > best.count)) best = { column: c, count };
  }
  if (!best) return undefined;
  const rows = [...matchItems(s, form, { labelColumn: best.column, valueColumns: [] }).values()];
  for (let c = best.column + 1; c < s.width; c++) {
    const filled = rows.filter((r) => {
      const text = s.texts[r]![c]!;
      return text !== '' && !MEASURE.test(text.replace(/[（()）]/g, ''));
    }).length;
    if (filled > 0) {
      const measure =
        rows.some((r) => MEASURE.test((s.texts[r]![best.column + 1] ?? '').replace(/[（()）]/g, ''))) && c > best.column + 1
          ? { measureColumn: best.column + 1 }
          : {};
      return { labelColumn: best.column, valueColumns: [c], ...measure };
    }
  }
  return { labelColumn: best.column, valueColumns: [best.column + 1] };
}

/** The `label：value` lines outside the items: field id → where its value is. */
function lineFields(grid: Grid, s: Scan, form: CompiledForm, skip: (r: number) => boolean): Map<string, CardCell> {
  const out = new Map<string, CardCell>();
  for (let r = 0; r < s.height; r++) {
    if (skip(r)) continue;
    for (let c = 0; c < s.width; c++) {
      const text = s.texts[r]![c]!;
      if (!text || !/[：:]/.test(text)) continue;
      for (const part of lineParts(text)) {
        const field = form.headerKeys.get(labelKey(part.label));
        if (field === undefined || out.has(field)) continue;
        if (part.value) {
          out.set(field, { r, c, raw: part.value, fromLine: true });
          continue;
        }
        // `填表日期：` with the date in the next filled cell of the row (not itself a label).
        for (let n = c + 1; n < s.width; n++) {
          const next = s.texts[r]![n]!;
          if (!next) continue;
          if (!/[：:]/.test(next)) out.set(field, { r, c: n, raw: grid.rows[r]?.[n] ?? null, fromLine: false });
          break;
        }
        // Nothing written yet: the blank cell beside the label is where it goes.
        if (!out.has(field))
          out.set(
            field,
            c + 1 < s.width && !s.texts[r]![c + 1] ? { r, c: c + 1, raw: null, fromLine: false } : { r, c, raw: null, fromLine: true },
          );
      }
    }
  }
  return out;
}

function titleYear(s: Scan, beforeRow: number): number | undefined {
  for (let r = 0; r < beforeRow; r++) {
    for (const text of s.texts[r]!) {
      const match = /((?:19|20)\d{2})\s*年/.exec(text);
      if (match && !/[：:]/.test(text)) return Number(match[1]);
    }
  }
  return undefined;
}

/** A card names a form when at least this many of its items are that form's fields. */
const MIN_ITEMS = 3;

/**
 * The card in a sheet, read for the best-matching form; or why it cannot be read; or, when it
 * is no card, the form its labels came closest to.
 */
export function locateCard(grid: Grid, forms: readonly CompiledForm[], expected?: CompiledForm): CardSearch {
  const s = scan(grid);
  if (s.height === 0) return {};
  const header = headerLayout(s);
  const ranked: { form: CompiledForm; layout: Layout; items: Map<string, number> }[] = [];
  for (const form of forms) {
    const layout = header ?? guessLayout(s, form);
    if (!layout) continue;
    ranked.push({ form, layout, items: matchItems(s, form, layout) });
  }
  ranked.sort((a, b) => b.items.size - a.items.size || (a.form === expected ? -1 : b.form === expected ? 1 : 0));
  const top = ranked[0];
  if (!top || top.items.size === 0) return {};
  const nearest = { form: top.form, matched: new Set(top.items.keys()) };
  if (top.items.size < MIN_ITEMS) return { nearest };
  const second = ranked[1];
  let chosen = top;
  if (second && second.items.size === top.items.size) {
    // The title may say which form it is; the form a roll-up expects decides, too.
    const titles = s.texts
      .slice(0, Math.min(...top.items.values()))
      .flat()
      .join('');
    const named = ranked.filter((x) => x.items.size === top.items.size && titles.includes(x.form.def.title['zh-CN']));
    if (named.length === 1) chosen = named[0]!;
    else if (expected && top.form === expected) chosen = top;
    else return { problem: { kind: 'ambiguous', forms: [top.form, second.form], matched: top.items.size }, nearest };
  }
  const { layout, items, form } = chosen;
  if (layout.valueColumns.length > 1) {
    const headerRow = layout.headerRow ?? 0;
    return {
      problem: {
        kind: 'two-values',
        form,
        headers: layout.valueColumns.map((c) => s.texts[headerRow]![c]!),
        cell: { r: headerRow, c: layout.valueColumns[1]! },
      },
      nearest,
    };
  }
  const valueColumn = layout.valueColumns[0]!;
  const cells = new Map<string, CardCell>();
  for (const [field, r] of items) cells.set(field, { r, c: valueColumn, raw: grid.rows[r]?.[valueColumn] ?? null, fromLine: false });
  const itemRows = new Set(items.values());
  const lines = lineFields(grid, s, form, (r) => itemRows.has(r));
  // Without a `项目 | 数量` header labels down a column are no card (a roll-up's 问题清单, a list
  // of fields, names fields too): they only tell which form the sheet came closest to.
  if (layout.headerRow === undefined) return { nearest };
  for (const [field, cell] of lines) if (!cells.has(field)) cells.set(field, cell);
  // A 备注 column's text for the card as a whole is not a field; the notes field comes from a line or an item.
  const unitCell = cells.get(form.def.rollupKey);
  const firstItem = Math.min(...itemRows);
  const year = titleYear(s, layout.headerRow ?? firstItem);
  return {
    card: {
      form,
      cells,
      ...(layout.headerRow !== undefined ? { headerRow: layout.headerRow } : {}),
      labelColumn: layout.labelColumn,
      valueColumn,
      unitRow: unitCell?.r ?? 0,
      itemsMatched: items.size,
      ...(year !== undefined ? { year } : {}),
    },
    nearest,
  };
}

/** True when a cell of the value column holds something (for "blank card" checks). */
export function cardHasFigures(card: LocatedCard): boolean {
  for (const cell of card.cells.values()) if (!cell.fromLine && !isBlank(cell.raw)) return true;
  return false;
}

// ---------------------------------------------------------------------------------------------
// Cards from one template: the same labels, file after file

/**
 * A card found for the form a roll-up expects, with what its finding read: every cell's text
 * down to its last item, but for its figures and its line values (a cell holding `label：value`
 * is kept by its labels). A sheet that reads the same there is the same card, read at once —
 * before the table search, which such a sheet fails as the first one did.
 */
interface RememberedCard {
  forms: readonly CompiledForm[];
  /** Per row: column → what must read the same (`cellText`, or a line's labels). */
  rows: Map<number, string>[];
  /** Cells whose content is the card's own (figures, line values): not compared. */
  own: Set<number>;
  located: LocatedCard;
  /** Line fields cut out of a cell's text: field → the label it followed. */
  lineLabels: Map<string, string>;
}

const rememberedCards = new WeakMap<CompiledForm, RememberedCard[]>();
const REMEMBERED_MAX = 4;
const at = (r: number, c: number) => r * CARD_COLUMNS + c;

function shapeText(value: CellValue): string {
  const text = cellText(value);
  return /[：:]/.test(text)
    ? `\u0001${lineParts(text)
        .map((p) => p.label)
        .join('\u0000')}`
    : text;
}

function lastRowOf(card: LocatedCard): number {
  let last = card.headerRow ?? 0;
  for (const cell of card.cells.values()) last = Math.max(last, cell.r);
  return last;
}

/** Called with a card found for `expected`; later sheets of the same shape are `recallCard`ed. */
export function rememberCard(grid: Grid, forms: readonly CompiledForm[], expected: CompiledForm, card: LocatedCard): void {
  if (card.form !== expected || card.headerRow === undefined) return;
  const own = new Set<number>();
  const lineLabels = new Map<string, string>();
  for (const [field, cell] of card.cells) {
    if (!cell.fromLine) own.add(at(cell.r, cell.c));
    else {
      const text = cellText(grid.rows[cell.r]?.[cell.c]);
      const part = lineParts(text).find((p) => expected.headerKeys.get(labelKey(p.label)) === field);
      if (part) lineLabels.set(field, part.label);
    }
  }
  const rows: Map<number, string>[] = [];
  for (let r = 0, last = lastRowOf(card); r <= last; r++) {
    const row = new Map<number, string>();
    const cells = grid.rows[r] ?? [];
    for (let c = 0; c < Math.min(cells.length, CARD_COLUMNS); c++) {
      if (own.has(at(r, c))) continue;
      const text = shapeText(cells[c]);
      if (text) row.set(c, text);
    }
    rows.push(row);
  }
  const list = rememberedCards.get(expected) ?? [];
  rememberedCards.set(expected, [{ forms, rows, own, located: card, lineLabels }, ...list.slice(0, REMEMBERED_MAX - 1)]);
}

function sameShape(grid: Grid, entry: RememberedCard): boolean {
  for (let r = 0; r < entry.rows.length; r++) {
    const want = entry.rows[r]!;
    const cells = grid.rows[r] ?? [];
    let seen = 0;
    for (let c = 0; c < Math.min(cells.length, CARD_COLUMNS); c++) {
      if (entry.own.has(at(r, c))) continue;
      const text = shapeText(cells[c]);
      if (!text) continue;
      if (want.get(c) !== text) return false;
      seen++;
    }
    if (seen !== want.size) return false;
  }
  return true;
}

/** The card of a sheet shaped as one found before for `expected`, with this sheet's values. */
export function recallCard(grid: Grid, forms: readonly CompiledForm[], expected: CompiledForm): LocatedCard | undefined {
  for (const entry of rememberedCards.get(expected) ?? []) {
    if (entry.forms !== forms || !sameShape(grid, entry)) continue;
    const cells = new Map<string, CardCell>();
    for (const [field, cell] of entry.located.cells) {
      const value = grid.rows[cell.r]?.[cell.c] ?? null;
      if (!cell.fromLine) {
        cells.set(field, { ...cell, raw: value });
        continue;
      }
      const label = entry.lineLabels.get(field);
      const part = label === undefined ? undefined : lineParts(cellText(value)).find((p) => p.label === label);
      cells.set(field, { ...cell, raw: part?.value || null });
    }
    return { ...entry.located, cells };
  }
  return undefined;
}
