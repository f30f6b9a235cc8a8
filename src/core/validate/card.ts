/**
 * Checking a vertical card as that unit's one row: every value by its field's value rules, the
 * row through the form's schema and cross-field rules — the very checks of a table's row — each
 * issue at the card's own cell. The report is a table report of one row, so that the roll-up
 * and every front end take a card as they take a one-row table.
 */
import { fieldLabel, type CompiledField, type CompiledForm } from '../definitions/compile';
import type { Lang } from '../definitions/types';
import { makeIssue, type Issue } from '../issues/issue';
import { a1, cellKey, formulaCellsWithoutValue, type Grid } from '../table/grid';
import type { LocatedCard } from '../table/card';
import type { CellValue } from '../values/types';
import { localToday } from '../values/day';
import { readDataRow, rowChecker, type Column, type TableReport, type ValidateOptions } from './table';

/**
 * Per form: the columns and row checks of a card's synthetic row, by which fields the card has,
 * how each was given, and the check's language, day and year. Cards from one template share one.
 */
const setups = new WeakMap<CompiledForm, Map<string, { columns: Column[]; checker: ReturnType<typeof rowChecker> }>>();
const SETUPS_MAX = 64;

/** Per form: a row with every field empty, copied for each card rather than built field by field. */
const blankRows = new WeakMap<CompiledForm, Readonly<Record<string, null>>>();
function blankRowOf(form: CompiledForm): Readonly<Record<string, null>> {
  let blank = blankRows.get(form);
  if (!blank) blankRows.set(form, (blank = Object.freeze(Object.fromEntries(form.fields.map((f) => [f.id, null])))));
  return blank;
}

function cardSetup(
  form: CompiledForm,
  fields: readonly CompiledField[],
  card: LocatedCard,
  typed: boolean,
  year: number | undefined,
  lang: Lang,
  today: string,
) {
  let byKey = setups.get(form);
  if (!byKey) setups.set(form, (byKey = new Map()));
  // Which of the form's fields the card has, and how each was given: one letter per field.
  let shape = '';
  for (const field of form.fields) {
    const cell = card.cells.get(field.id);
    shape += cell === undefined ? '-' : typed && !cell.fromLine ? 't' : 'x';
  }
  const key = `${lang}\u0000${today}\u0000${year}\u0000${shape}`;
  let setup = byKey.get(key);
  if (!setup) {
    const columns: Column[] = fields.map((field, column) => ({
      field,
      column,
      // Without the activity's year a date written without one is an error, as in a table.
      value: { ...field.value, ...(year === undefined ? {} : { year }), typed: typed && !card.cells.get(field.id)!.fromLine },
      label: fieldLabel(field, lang),
    }));
    setup = { columns, checker: rowChecker(form, columns, lang, today) };
    if (byKey.size >= SETUPS_MAX) byKey.clear();
    byKey.set(key, setup);
  }
  return setup;
}

export function validateCard(grid: Grid, card: LocatedCard, options: ValidateOptions = {}): TableReport {
  const lang = options.lang ?? 'zh-CN';
  const today = options.today ?? localToday();
  // The activity's year (the card's title, the template record, the deadline's, --year): never today's.
  const year = card.year ?? options.year;
  const { form } = card;
  // The card as one synthetic row: its fields side by side, column i holding field i's value.
  const fields = form.fields.filter((f) => card.cells.has(f.id));
  const { columns, checker } = cardSetup(form, fields, card, grid.typed, year, lang, today);
  const raw: CellValue[] = fields.map((f) => card.cells.get(f.id)!.raw);
  // A card sent back as it was downloaded: one verdict, as for a blank table — not a required
  // error per item, and never a row of nothing in the roll-up.
  const headerRow = card.headerRow ?? card.unitRow;
  if (raw.every((v) => v === null || v === undefined || (typeof v === 'string' && v.trim() === ''))) {
    return {
      sheet: grid.sheet,
      form: form.def.id,
      formVersion: form.def.version,
      headerRows: { top: headerRow + 1, bottom: headerRow + 1 },
      fieldColumns: {},
      extraColumns: [],
      rows: [],
      totalRows: [],
      noteRows: [],
      year,
      layout: 'card',
      issues: [makeIssue({ code: 'table.no-rows', row: headerRow + 2 }, lang)],
    };
  }
  const formulas = formulaCellsWithoutValue(grid);
  const synthetic =
    formulas &&
    new Set(
      fields.flatMap((f, i) => {
        const cell = card.cells.get(f.id)!;
        return formulas.has(cellKey(cell.r, cell.c)) ? [cellKey(0, i)] : [];
      }),
    );
  const read = readDataRow(columns, raw, 0, lang, synthetic);
  checker.check(read, raw);

  const unitRow = card.unitRow + 1;
  const where = (field: string | undefined) => {
    const cell = field === undefined ? undefined : card.cells.get(field);
    return cell ? { cell: a1(cell.r, cell.c), row: cell.r + 1 } : { row: unitRow };
  };
  // Issues made at the synthetic row, made again at the card's cells.
  const issues: Issue[] = read.issues.map((issue) => {
    const field = issue.field === undefined ? undefined : form.byId.get(issue.field);
    return makeIssue(
      {
        code: issue.code,
        params: issue.params,
        rule: issue.rule,
        severity: issue.severity,
        ...where(issue.field),
        ...(field ? { field: field.id, label: fieldLabel(field, lang) } : {}),
      },
      lang,
    );
  });
  const tableIssues: Issue[] = [];
  // Required fields the card has no place for: said once each, at the card's unit line.
  for (const field of form.fields) {
    if (!field.required || card.cells.has(field.id)) continue;
    const code = field.id === form.def.rollupKey ? 'card.no-unit' : 'card.missing-item';
    tableIssues.push(makeIssue({ code, params: { label: fieldLabel(field, lang) }, field: field.id, row: unitRow }, lang));
  }

  const values = { ...blankRowOf(form), ...read.values };
  const cells: Record<string, string> = {};
  for (const [id, cell] of card.cells) cells[id] = a1(cell.r, cell.c);
  // The card's row, as a table's would be: the first below its header.
  const row = {
    row: headerRow + 2,
    values,
    unreadable: read.unreadable,
    issues: [...issues],
    cells,
    ...(read.unreadableText ? { unreadableText: read.unreadableText } : {}),
  };
  // Items share the value column: a column names a field only where it holds that one alone.
  const fieldColumns: Record<string, number> = {};
  const perColumn = new Map<number, number>();
  for (const cell of card.cells.values()) perColumn.set(cell.c, (perColumn.get(cell.c) ?? 0) + 1);
  for (const [id, cell] of card.cells) if (!cell.fromLine && perColumn.get(cell.c) === 1) fieldColumns[id] = cell.c;
  return {
    sheet: grid.sheet,
    form: form.def.id,
    formVersion: form.def.version,
    headerRows: { top: headerRow + 1, bottom: headerRow + 1 },
    fieldColumns,
    extraColumns: [],
    rows: [row],
    totalRows: [],
    noteRows: [],
    ...(year === undefined ? {} : { year }),
    layout: 'card',
    issues: [...tableIssues, ...issues],
  };
}
