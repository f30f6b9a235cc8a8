/**
 * What a validation leaves on the sheet (pure): the cells to mark, by severity, with the
 * message each one shows; and where a row typed in the entry form goes.
 *
 * Also the address arithmetic the Excel adapter needs to mark thousands of cells in a few
 * commands: single cells folded into vertical runs (`D5:D9`), runs cut into `getRanges`
 * address strings short enough for Excel, and messages grouped so that cells sharing a text
 * share one command.
 */
import { shippedForm } from '../definitions/shipped';
import type { FormDefinition } from '../definitions/types';
import type { Issue } from '../issues/issue';
import { a1, cellText, columnName, type Grid } from '../table/grid';
import type { LocatedTable } from '../table/locate';
import { classifyRows } from '../table/rows';
import type { TableReport } from '../validate/table';
import type { CellValue } from '../values/types';
import { PROMPT_LIMIT, clip, fieldPrompt } from './templatePlan';
import type { MarkPlan, MarkSeverity, RowWritePlan } from './types';

/** Titles of the input prompt that carries a marked cell's message (Excel allows 32 characters). */
export const MARK_TITLES: Record<MarkSeverity, string> = { error: '汇总校验：错误', warning: '汇总校验：请核对' };

// ── A1 addresses ────────────────────────────────────────────────────────────────────────

export interface CellRef {
  /** 0-based. */
  r: number;
  c: number;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** `D5` (or `$D$5`) → { r: 4, c: 3 }; undefined for anything else. */
export function parseCell(address: string): CellRef | undefined {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!match) return undefined;
  return { r: Number(match[2]) - 1, c: columnIndex(match[1]!) };
}

/** `D5:F9` or `D5` (a sheet name in front is dropped) → 0-based corners. */
export function parseRange(address: string): { s: CellRef; e: CellRef } | undefined {
  const bare = address.slice(address.lastIndexOf('!') + 1);
  const [from, to] = bare.split(':');
  const s = parseCell(from ?? '');
  const e = to === undefined ? s : parseCell(to);
  if (!s || !e) return undefined;
  return { s: { r: Math.min(s.r, e.r), c: Math.min(s.c, e.c) }, e: { r: Math.max(s.r, e.r), c: Math.max(s.c, e.c) } };
}

/** Moves a cell address by whole rows and columns. */
export function shiftCell(address: string, rows: number, columns: number): string {
  const ref = parseCell(address);
  return ref ? a1(ref.r + rows, ref.c + columns) : address;
}

/**
 * Single cells folded into vertical runs, column by column: `D5, D6, D7, F2` → `D5:D7, F2`.
 * Ranges given are kept as they are. The order is by column, then row.
 */
export function compressCells(addresses: readonly string[]): string[] {
  const byColumn = new Map<number, Set<number>>();
  const kept: string[] = [];
  for (const address of addresses) {
    const ref = parseCell(address);
    if (!ref) {
      if (address.includes(':')) kept.push(address);
      continue;
    }
    let rows = byColumn.get(ref.c);
    if (!rows) byColumn.set(ref.c, (rows = new Set()));
    rows.add(ref.r);
  }
  const out: string[] = [];
  for (const c of [...byColumn.keys()].sort((a, b) => a - b)) {
    const rows = [...byColumn.get(c)!].sort((a, b) => a - b);
    const letter = columnName(c);
    for (let i = 0; i < rows.length;) {
      let j = i;
      while (j + 1 < rows.length && rows[j + 1] === rows[j]! + 1) j++;
      out.push(i === j ? `${letter}${rows[i]! + 1}` : `${letter}${rows[i]! + 1}:${letter}${rows[j]! + 1}`);
      i = j + 1;
    }
  }
  return [...out, ...kept];
}

/** Every single cell of a list of areas (`D5:D7` → D5, D6, D7). */
export function expandAreas(areas: readonly string[]): string[] {
  const out: string[] = [];
  for (const area of areas) {
    const range = parseRange(area);
    if (!range) continue;
    for (let c = range.s.c; c <= range.e.c; c++) for (let r = range.s.r; r <= range.e.r; r++) out.push(a1(r, c));
  }
  return out;
}

/**
 * How much one `worksheet.getRanges(address)` call is given. Excel documents 8,192
 * characters for a `getRange` address; a union of areas is kept far below that, and below
 * the 255-area unions some Excel builds refuse, so that no host chokes on it.
 */
export const RANGES_LIMIT = { chars: 1500, areas: 200 } as const;

/** Areas joined into `getRanges` address strings, each within the limits. */
export function chunkAreas(areas: readonly string[], limit: { chars: number; areas: number } = RANGES_LIMIT): string[] {
  const chunks: string[] = [];
  let current: string[] = [];
  let length = 0;
  for (const area of areas) {
    const extra = current.length ? area.length + 1 : area.length;
    if (current.length && (length + extra > limit.chars || current.length >= limit.areas)) {
      chunks.push(current.join(','));
      current = [];
      length = 0;
    }
    length += current.length ? area.length + 1 : area.length;
    current.push(area);
  }
  if (current.length) chunks.push(current.join(','));
  return chunks;
}

/** The column letters of an address (`AB12` → `AB`). */
export function columnOf(address: string): string {
  return /^\$?([A-Za-z]+)/.exec(address)?.[1]?.toUpperCase() ?? '';
}

// ── Marks ───────────────────────────────────────────────────────────────────────────────

/** An issue's message without the cell in front (the prompt shows on that very cell). */
function messageOnCell(issue: Issue): string {
  const cell = issue.cell ?? '';
  if (cell && issue.message.startsWith(`${cell} `)) return issue.message.slice(cell.length + 1);
  if (cell && issue.message.startsWith(cell)) return issue.message.slice(cell.length).replace(/^[:：]\s*/, '');
  return issue.message;
}

/**
 * The marks of a validation: every cell with an error is an error; a cell with warnings only
 * is a warning. Its message is all its issues joined by line breaks, capped at Excel's 255
 * characters for an input prompt.
 *
 * `origin`: where the grid the report was computed on starts on the sheet. `snapshotGrid`
 * already puts cells at their sheet addresses, so the default `A1` is right for its grids;
 * pass the snapshot's origin only for a report computed on the bare used range.
 * `definition`: the form, for the prompts to put back on clearing (the shipped one by default).
 */
export function markPlan(report: TableReport, origin = 'A1', definition?: FormDefinition): MarkPlan {
  const start = parseCell(origin) ?? { r: 0, c: 0 };
  const byCell = new Map<string, { severity: MarkSeverity; texts: string[] }>();
  for (const issue of report.issues) {
    if (!issue.cell || !parseCell(issue.cell)) continue;
    const address = start.r || start.c ? shiftCell(issue.cell, start.r, start.c) : issue.cell;
    let entry = byCell.get(address);
    if (!entry) byCell.set(address, (entry = { severity: 'warning', texts: [] }));
    if (issue.severity === 'error') entry.severity = 'error';
    const text = messageOnCell(issue);
    if (!entry.texts.includes(text)) entry.texts.push(text);
  }
  const order = [...byCell.keys()].sort((a, b) => {
    const x = parseCell(a)!;
    const y = parseCell(b)!;
    return x.r - y.r || x.c - y.c;
  });
  const plan: MarkPlan = { sheet: report.sheet, cells: { error: [], warning: [] }, messages: [] };
  for (const address of order) {
    const entry = byCell.get(address)!;
    plan.cells[entry.severity].push(address);
    plan.messages.push({ address, text: clip(entry.texts.join('\n'), PROMPT_LIMIT) });
  }

  const def = definition ?? shippedForm(report.form);
  if (def && order.length) {
    const fieldAt = new Map<number, string>();
    for (const [id, column] of Object.entries(report.fieldColumns)) fieldAt.set(column + start.c, id);
    const columns = [...new Set(order.map((address) => parseCell(address)!.c))].sort((a, b) => a - b);
    const prompts: NonNullable<MarkPlan['fieldPrompts']> = [];
    for (const c of columns) {
      const id = fieldAt.get(c);
      if (id !== undefined) prompts.push({ column: columnName(c), ...fieldPrompt(def, id) });
    }
    if (prompts.length) plan.fieldPrompts = prompts;
  }
  return plan;
}

export interface PromptGroup {
  severity: MarkSeverity;
  title: string;
  text: string;
  /** The cells showing it, folded into runs; all in one column. */
  areas: string[];
}

/**
 * The plan's messages grouped by column, severity and text: cells of one column saying the
 * same (`必填，不能为空` down a whole column) get their prompt in one command. Kept to one
 * column per group, where one field's validation rule holds, so that setting the prompt on
 * the areas never meets two different rules.
 */
export function promptGroups(plan: MarkPlan): PromptGroup[] {
  const severityOf = new Map<string, MarkSeverity>();
  for (const address of plan.cells.warning) severityOf.set(address, 'warning');
  for (const address of plan.cells.error) severityOf.set(address, 'error');
  const groups = new Map<string, { severity: MarkSeverity; text: string; cells: string[] }>();
  for (const { address, text } of plan.messages) {
    const severity = severityOf.get(address) ?? 'warning';
    const key = `${columnOf(address)}\u0000${severity}\u0000${text}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { severity, text, cells: [] }));
    group.cells.push(address);
  }
  return [...groups.values()].map((g) => ({
    severity: g.severity,
    title: MARK_TITLES[g.severity],
    text: g.text,
    areas: compressCells(g.cells),
  }));
}

// ── Rows written from the entry form ────────────────────────────────────────────────────

export interface RowWriteOptions {
  /** 1-based sheet row of an existing data row to update; a new row is appended otherwise. */
  row?: number;
}

/** Text that Excel would take for a formula (`=…`, `+…`, `-…`, `@…`) is written as text. */
function asInput(value: unknown): CellValue {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return cellText(value);
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  const text = String(value);
  return /^[=+\-@]/.test(text) && text.length > 1 ? `'${text}` : text;
}

/**
 * Where the entry form's row goes and what it says: the cells from the table's first to its
 * last field column, in sheet order. A new row goes below the last data row — into the first
 * blank row there, or, when a 合计/注 line follows the data at once, in a row inserted above
 * it. Field columns take the form's values (a field the form left empty is written blank);
 * columns in between that hold no field keep what the row said.
 */
export function rowWritePlan(
  grid: Grid,
  table: LocatedTable,
  values: Record<string, unknown>,
  options: RowWriteOptions = {},
): RowWritePlan {
  const columns = [...table.fieldColumns.values()];
  if (!columns.length) throw new Error('rowWritePlan: the table has no field columns');
  const first = Math.min(...columns);
  const last = Math.max(...columns);
  const fieldAt = new Map<number, string>();
  for (const [id, column] of table.fieldColumns) fieldAt.set(column, id);

  let r: number;
  let insert = false;
  if (options.row !== undefined) {
    r = options.row - 1;
    if (!Number.isInteger(r) || r < table.dataStart) throw new Error(`rowWritePlan: row ${options.row} is not below the header`);
  } else {
    const kinds = classifyRows(grid, table.dataStart, table.fieldColumns.get(table.form.def.rollupKey));
    let lastData = -1;
    for (const { r: row, kind } of kinds) if (kind === 'data') lastData = row;
    r = lastData < 0 ? table.dataStart : lastData + 1;
    const next = kinds.find((k) => k.r === r);
    insert = next !== undefined && (next.kind === 'total' || next.kind === 'note');
  }

  const existing = options.row !== undefined ? (grid.rows[r] ?? []) : [];
  const out: CellValue[] = [];
  for (let c = first; c <= last; c++) {
    const id = fieldAt.get(c);
    if (id !== undefined) out.push(asInput(values[id]));
    else out.push(asInput(existing[c] ?? null));
  }
  const plan: RowWritePlan = { sheet: grid.sheet, range: `${columnName(first)}${r + 1}:${columnName(last)}${r + 1}`, values: out };
  if (insert) plan.insert = true;
  return plan;
}
