/**
 * Checking one located table: every cell read by its field's value rules, each row through
 * the form's JSON Schema (Ajv, compiled once) and cross-field rules, 合计 rows against the
 * detail rows. Every issue names its cell; nothing read is dropped without a word.
 */
import type { ErrorObject } from 'ajv';
import { fieldLabel, type CompiledField, type CompiledForm } from '../definitions/compile';
import type { Lang } from '../definitions/types';
import { makeIssue, type Issue, type IssueInit } from '../issues/issue';
import { compileRules, findDuplicates, quote, type RowValues } from '../rules/crossField';
import { a1, cellKey, cellText, columnName, formulaCellsWithoutValue, isBlank, type Grid } from '../table/grid';
import type { LocatedTable } from '../table/locate';
import { classifyRows } from '../table/rows';
import { parseCell } from '../values';
import type { CellValue, ValueContext } from '../values/types';
import { localToday } from '../values/day';

/** Kept here too: the checks' callers took today's day from this module. */
export { localToday };

export interface ValidateOptions {
  lang?: Lang;
  /** The day of the check, `YYYY-MM-DD` (dates may not lie after it); today by default. */
  today?: string;
  /**
   * Year of the activity for dates written without one, when the title does not say (the
   * template record's, the deadline's, or --year). Never the clock: without it such a date is an error.
   */
  year?: number;
  /**
   * The form being checked for (a roll-up's), where the caller knows it: a workbook without any
   * table is told that form's labels, not those of whichever form its sheet resembles most.
   */
  expected?: CompiledForm;
  /**
   * Read these fields' cells alone, and check nothing beyond reading them (no schema, cross-field
   * or duplicate rules): last year's figures, which are only compared, never counted or reported.
   * A cell that cannot be read still says so in its row's `unreadable` and issues.
   */
  only?: ReadonlySet<string>;
}

/** More extra columns than this are one issue for them all (a sheet 16,384 columns wide is one). */
export const EXTRA_COLUMNS_ONE_BY_ONE = 5;

export interface RowResult {
  /** 1-based sheet row. */
  row: number;
  /** Field id → value read (null: not reported, or unreadable — see `unreadable`). */
  values: RowValues;
  /** Fields whose cell could not be read as their type: left out of every total. */
  unreadable: string[];
  /** What those cells said, as typed, so that a roll-up can show them again. */
  unreadableText?: Record<string, string>;
  issues: Issue[];
  /** Field id → A1 cell of its value, where the row is not one sheet row (a vertical card). */
  cells?: Record<string, string>;
}

export interface TableReport {
  sheet: string;
  form: string;
  formVersion: string;
  /** 1-based header rows. */
  headerRows: { top: number; bottom: number };
  /** Field id → 0-based column. */
  fieldColumns: Record<string, number>;
  extraColumns: { column: number; header: string }[];
  rows: RowResult[];
  totalRows: RowResult[];
  noteRows: number[];
  /** The activity's year, where the title or the caller told it. */
  year?: number;
  /** `card` when the return was a vertical card read as one row (see validate/card.ts). */
  layout?: 'table' | 'card';
  /** Every issue of the table, in sheet order (row issues included). */
  issues: Issue[];
}

export interface Column {
  field: CompiledField;
  column: number;
  value: ValueContext;
  label: string;
}

function ajvIssue(error: ErrorObject, columns: Map<string, Column>, r: number, raw: readonly CellValue[]): IssueInit | undefined {
  const id =
    error.keyword === 'required' ? String((error.params as { missingProperty?: string }).missingProperty) : error.instancePath.slice(1);
  const column = columns.get(id);
  if (!column) return undefined;
  const base = { field: id, label: column.label, cell: a1(r, column.column) };
  const value = cellText(raw[column.column]);
  const limit = (error.params as { limit?: number }).limit ?? '';
  switch (error.keyword) {
    case 'required':
      return { ...base, code: 'schema.required' };
    case 'maxLength':
      return { ...base, code: 'schema.too-long', params: { value, length: [...value].length, limit } };
    case 'minLength':
      return value === '' ? { ...base, code: 'schema.required' } : { ...base, code: 'schema.too-short', params: { value, limit } };
    case 'minimum':
    case 'exclusiveMinimum':
      return { ...base, code: 'schema.minimum', params: { value, limit } };
    case 'maximum':
    case 'exclusiveMaximum':
      return { ...base, code: 'schema.maximum', params: { value, limit } };
    case 'pattern':
      return { ...base, code: 'schema.pattern', params: { value } };
    default:
      return { ...base, code: 'schema.invalid', params: { value, detail: error.message ?? error.keyword } };
  }
}

/** One row's cells read by their fields' value rules: values, notes and unreadable cells. */
export interface ReadRow extends RowResult {
  /** The values present, as JSON Schema sees the row. */
  present: Record<string, unknown>;
  /** Fields already reported for this row: schema errors on them would say it twice. */
  quiet: Set<string> | undefined;
}

/**
 * `formulas`: the sheet's formulas without a cached result (cellKey); such a cell reads as blank,
 * and is reported and left out like any unreadable value rather than passed over as not reported.
 */
function readCells(
  columns: readonly Column[],
  raw: readonly CellValue[],
  r: number,
  lang: Lang,
  requireFilled: boolean,
  formulas?: ReadonlySet<number>,
  blank?: RowValues,
): ReadRow {
  // Copied from a blank row of the same columns, the row's values start with every key in place.
  const values: RowValues = blank ? { ...blank } : {};
  const present: Record<string, unknown> = {};
  const unreadable: string[] = [];
  const issues: Issue[] = [];
  let quiet: Set<string> | undefined;
  let unreadableText: Record<string, string> | undefined;
  for (let i = 0; i < columns.length; i++) {
    const col = columns[i]!;
    const id = col.field.id;
    if (formulas !== undefined && isBlank(raw[col.column]) && formulas.has(cellKey(r, col.column))) {
      values[id] = null;
      unreadable.push(id);
      (quiet ??= new Set()).add(id);
      issues.push(makeIssue({ code: 'value.formula-no-result', cell: a1(r, col.column), row: r + 1, field: id, label: col.label }, lang));
      continue;
    }
    const parsed = parseCell(raw[col.column], col.value);
    if (!parsed.ok) {
      values[id] = null;
      unreadable.push(id);
      (unreadableText ??= {})[id] = String(parsed.params.value ?? '');
      (quiet ??= new Set()).add(id);
      issues.push(
        makeIssue({ code: parsed.code, params: parsed.params, cell: a1(r, col.column), row: r + 1, field: id, label: col.label }, lang),
      );
      continue;
    }
    values[id] = parsed.value;
    if (parsed.value !== null) present[id] = parsed.value;
    else if (parsed.placeholder !== undefined && col.field.required && requireFilled) {
      (quiet ??= new Set()).add(id);
      issues.push(
        makeIssue(
          {
            code: 'schema.required-placeholder',
            params: { value: parsed.placeholder },
            cell: a1(r, col.column),
            row: r + 1,
            field: id,
            label: col.label,
          },
          lang,
        ),
      );
    }
    const notes = parsed.notes;
    for (let n = 0; n < notes.length; n++) {
      issues.push(
        makeIssue(
          { code: notes[n]!.code, params: notes[n]!.params, cell: a1(r, col.column), row: r + 1, field: id, label: col.label },
          lang,
        ),
      );
    }
  }
  const read: ReadRow = { row: r + 1, values, unreadable, issues, present, quiet };
  if (unreadableText) read.unreadableText = unreadableText;
  return read;
}

/**
 * The checks on a row whose values are read: the form's JSON Schema (Ajv), then its
 * cross-field rules. Built once per table.
 */
export function rowChecker(form: CompiledForm, columns: readonly Column[], lang: Lang, today: string) {
  const columnById = new Map(columns.map((c) => [c.field.id, c]));
  const rules = compileRules(form, lang, today);
  return {
    rules,
    columnById,
    check(read: ReadRow, raw: readonly CellValue[]): void {
      const r = read.row - 1;
      if (!form.validateRow(read.present)) {
        for (const error of form.validateRow.errors ?? []) {
          const init = ajvIssue(error, columnById, r, raw);
          if (!init || read.quiet?.has(init.field!)) continue;
          (read.quiet ??= new Set()).add(init.field!);
          read.issues.push(makeIssue({ ...init, row: read.row }, lang));
        }
      }
      for (const check of rules.row) {
        const finding = check(read.values);
        if (!finding) continue;
        const col = columnById.get(finding.field);
        read.issues.push(makeIssue({ ...finding, row: read.row, ...(col ? { cell: a1(r, col.column) } : {}) }, lang));
      }
    },
  };
}

const valueContexts = new WeakMap<CompiledField, Map<string, ValueContext>>();

/** How a field's cells are read in a table of that year and kind: shared by every table alike. */
function valueContext(field: CompiledField, year: number | undefined, typed: boolean): ValueContext {
  let byTable = valueContexts.get(field);
  if (!byTable) valueContexts.set(field, (byTable = new Map()));
  const key = `${year}:${typed}`;
  let context = byTable.get(key);
  if (!context) byTable.set(key, (context = year === undefined ? { ...field.value, typed } : { ...field.value, year, typed }));
  return context;
}

/** The columns of a located table, each with how its cells are read. */
export function tableColumns(grid: Grid, table: LocatedTable, year: number | undefined, lang: Lang): Column[] {
  const columns: Column[] = [];
  for (const field of table.form.fields) {
    const column = table.fieldColumns.get(field.id);
    if (column === undefined) continue;
    columns.push({ field, column, value: valueContext(field, year, grid.typed), label: fieldLabel(field, lang) });
  }
  return columns;
}

/**
 * Every column's field null, in column order, made once per list of columns. Built key by key,
 * a row's values of a form's many fields would be a dictionary whose every look-up hashes its key;
 * copied from this, rows share one shape, as `validateTable`'s do (its `blankRow`).
 */
const blankRows = new WeakMap<readonly Column[], RowValues>();
function blankRowOf(columns: readonly Column[]): RowValues {
  let blank = blankRows.get(columns);
  if (!blank) blankRows.set(columns, (blank = Object.fromEntries(columns.map((c) => [c.field.id, null]))));
  return blank;
}

/** Reads a data row's cells (for benchmarks and callers that check rows themselves). */
export function readDataRow(
  columns: readonly Column[],
  raw: readonly CellValue[],
  r: number,
  lang: Lang,
  formulas?: ReadonlySet<number>,
): ReadRow {
  return readCells(columns, raw, r, lang, true, formulas, blankRowOf(columns));
}

const thousands = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** Extra columns (not duplicates): one warning each, or one for them all when there are many. */
function extraColumnIssues(extra: readonly { column: number; header: string }[], cell: (column: number) => string, lang: Lang): Issue[] {
  if (extra.length <= EXTRA_COLUMNS_ONE_BY_ONE) {
    return extra.map((col) => makeIssue({ code: 'table.extra-column', params: { header: col.header }, cell: cell(col.column) }, lang));
  }
  const named = extra
    .slice(0, 3)
    .map((col) => (lang === 'en' ? `column ${columnName(col.column)} "${col.header}"` : `第 ${columnName(col.column)} 列“${col.header}”`))
    .join(lang === 'en' ? ', ' : '、');
  return [
    makeIssue(
      { code: 'table.extra-columns', params: { count: thousands(extra.length), columns: named }, cell: cell(extra[0]!.column) },
      lang,
    ),
  ];
}

/**
 * No unit's row: a template sent back untouched is a blank form; a 合计 row alone, or cells only
 * outside the table, is a form filled in the wrong place, and says so.
 */
function noUnitRows(table: LocatedTable, totalRows: readonly RowResult[], otherCells: boolean, lang: Lang): Issue {
  const total = totalRows.find((t) => Object.values(t.values).some((v) => v !== null && v !== undefined && v !== ''));
  if (total) return makeIssue({ code: 'table.only-totals', row: total.row }, lang);
  if (otherCells) return makeIssue({ code: 'table.no-unit-rows', row: table.dataStart + 1 }, lang);
  return makeIssue({ code: 'table.no-rows', row: table.dataStart + 1 }, lang);
}

/** Rows with something only outside the table's columns: one warning for them all, at the first cell. */
function outsideIssue(grid: Grid, rows: readonly number[], lang: Lang): Issue | undefined {
  let first: { r: number; c: number } | undefined;
  let count = 0;
  for (const r of rows) {
    const row = grid.rows[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      if (isBlank(row[c])) continue;
      first ??= { r, c };
      count++;
    }
  }
  if (!first) return undefined;
  const more =
    count <= 1 ? '' : lang === 'en' ? ` and ${thousands(count - 1)} more cell${count > 2 ? 's' : ''}` : `等 ${thousands(count)} 处`;
  // A table-level warning (no row): the cell is not part of any unit's row.
  const text = cellText(grid.rows[first.r]![first.c]);
  const value = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  return makeIssue({ code: 'table.outside-cells', params: { value, more }, cell: a1(first.r, first.c) }, lang);
}

function toResult(read: ReadRow): RowResult {
  const result: RowResult = { row: read.row, values: read.values, unreadable: read.unreadable, issues: read.issues };
  if (read.unreadableText) result.unreadableText = read.unreadableText;
  return result;
}

/** What checking a table's rows needs, worked out from its header alone. */
interface TableSetup {
  columns: Column[];
  numericColumns: Column[];
  checker: ReturnType<typeof rowChecker>;
  /** Every column's field null, in column order: what a row's values are copied from. */
  blankRow: RowValues;
  /** Every field's column in the table, read or not (`only`). */
  fieldColumns: Record<string, number>;
}

/** Per located table (shared by sheets with the same header, see `locateTable`): its set-ups by year, kind, language and day. */
const setups = new WeakMap<LocatedTable, Map<string, TableSetup>>();

function tableSetup(
  grid: Grid,
  table: LocatedTable,
  year: number | undefined,
  lang: Lang,
  today: string,
  only: ReadonlySet<string> | undefined,
): TableSetup {
  let byOptions = setups.get(table);
  if (!byOptions) setups.set(table, (byOptions = new Map()));
  const key = `${year}\u0000${grid.typed}\u0000${lang}\u0000${today}\u0000${only ? [...only].join(',') : '*'}`;
  let setup = byOptions.get(key);
  if (!setup) {
    const every = tableColumns(grid, table, year, lang);
    const columns = only ? every.filter((c) => only.has(c.field.id)) : every;
    const fieldColumns: Record<string, number> = {};
    for (const col of every) fieldColumns[col.field.id] = col.column;
    setup = {
      fieldColumns,
      columns,
      numericColumns: columns.filter((c) => c.field.def.type === 'int' || c.field.def.type === 'number'),
      checker: rowChecker(table.form, columns, lang, today),
      blankRow: blankRowOf(columns),
    };
    byOptions.set(key, setup);
  }
  return setup;
}

export function validateTable(grid: Grid, table: LocatedTable, options: ValidateOptions = {}): TableReport {
  const lang = options.lang ?? 'zh-CN';
  const today = options.today ?? localToday();
  const year = table.year ?? options.year;
  const { form } = table;
  const { only } = options;
  const { columns, numericColumns, checker, blankRow, fieldColumns } = tableSetup(grid, table, year, lang, today, only);
  const { columnById, rules } = checker;
  const tableIssues: Issue[] = [];
  const headerCell = (column: number) => a1(table.headerBottom, column);
  for (const field of form.fields) {
    if (field.required && !columnById.has(field.id)) {
      tableIssues.push(
        makeIssue(
          { code: 'table.missing-column', params: { label: fieldLabel(field, lang) }, field: field.id, row: table.headerBottom + 1 },
          lang,
        ),
      );
    }
  }
  const extraColumns: { column: number; header: string }[] = [];
  const extra: { column: number; header: string }[] = [];
  for (const col of table.columns) {
    if (col.field !== undefined) continue;
    if (col.duplicateOf !== undefined) {
      tableIssues.push(
        makeIssue(
          {
            code: 'table.duplicate-column',
            params: { header: col.header, firstColumn: headerCell(col.duplicateOf).replace(/\d+$/, '') },
            cell: headerCell(col.column),
          },
          lang,
        ),
      );
    } else extra.push({ column: col.column, header: col.header });
    extraColumns.push({ column: col.column, header: col.header });
  }
  tableIssues.push(...extraColumnIssues(extra, headerCell, lang));
  const formulas = formulaCellsWithoutValue(grid);
  // The table's span: from its first header cell to its last (fields, extra and blank-headed columns between).
  let span: { first: number; last: number } | undefined;
  for (const col of table.columns)
    span = span
      ? { first: Math.min(span.first, col.column), last: Math.max(span.last, col.column) }
      : { first: col.column, last: col.column };
  const outsideRows: number[] = [];

  const rows: RowResult[] = [];
  const totalRows: RowResult[] = [];
  const noteRows: number[] = [];
  for (const { r, kind } of classifyRows(grid, table.dataStart, table.fieldColumns.get(form.def.rollupKey), span)) {
    const raw = grid.rows[r] ?? [];
    if (kind === 'blank') continue;
    if (kind === 'outside') {
      outsideRows.push(r);
      continue;
    }
    if (kind === 'note') {
      noteRows.push(r + 1);
      for (const col of numericColumns) {
        const value = raw[col.column];
        if (typeof value === 'number' || (typeof value === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(value))) {
          tableIssues.push(
            makeIssue({ code: 'table.note-with-numbers', params: { value: cellText(value) }, cell: a1(r, col.column), row: r + 1 }, lang),
          );
        }
      }
      continue;
    }
    if (kind === 'total') {
      // A 合计 row is read for its numbers only: its other cells say 合计 or nothing.
      totalRows.push(toResult(readCells(numericColumns, raw, r, lang, false)));
      continue;
    }
    const read = readCells(columns, raw, r, lang, true, formulas, blankRow);
    if (!only) checker.check(read, raw);
    rows.push(toResult(read));
  }

  for (const rule of only ? [] : rules.table) {
    for (const { row, first } of findDuplicates(rule, rows)) {
      const shown = columnById.get(rule.fields[rule.fields.length - 1]!);
      const labels = rule.fields.map((id) => quote(fieldLabel(form.byId.get(id)!, lang), lang)).join(lang === 'en' ? ' and ' : '和');
      const result = row as RowResult;
      result.issues.push(
        makeIssue(
          {
            code: 'rule.duplicate',
            rule: rule.id,
            severity: rule.severity ?? 'error',
            row: row.row,
            params: {
              otherRow: first.row,
              values: rule.fields.map((id) => String(row.values[id])).join(lang === 'en' ? ', ' : '，'),
              labels,
            },
            ...(shown ? { cell: a1(row.row - 1, shown.column), field: shown.field.id, label: shown.label } : {}),
          },
          lang,
        ),
      );
    }
  }

  for (const total of totalRows) {
    for (const col of numericColumns) {
      const stated = total.values[col.field.id];
      if (typeof stated !== 'number') continue;
      let sum = 0;
      for (const row of rows) {
        const v = row.values[col.field.id];
        if (typeof v === 'number') sum += v;
      }
      if (sum !== stated) {
        total.issues.push(
          makeIssue(
            {
              code: 'table.total-mismatch',
              params: { value: stated, sum },
              cell: a1(total.row - 1, col.column),
              row: total.row,
              field: col.field.id,
              label: col.label,
            },
            lang,
          ),
        );
      }
    }
  }
  const outside = outsideIssue(grid, outsideRows, lang);
  if (outside) tableIssues.push(outside);
  if (rows.length === 0) tableIssues.push(noUnitRows(table, totalRows, outsideRows.length + noteRows.length > 0, lang));

  const byRow = [...rows, ...totalRows].sort((a, b) => a.row - b.row).flatMap((row) => row.issues);
  return {
    sheet: grid.sheet,
    form: form.def.id,
    formVersion: form.def.version,
    headerRows: { top: table.headerTop + 1, bottom: table.headerBottom + 1 },
    fieldColumns,
    extraColumns,
    rows,
    totalRows,
    noteRows,
    year,
    issues: [...tableIssues, ...byRow],
  };
}
