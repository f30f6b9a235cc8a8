/**
 * 汇总: the counted rows, the 合计 row, superseded rows below a note; cells marked by their issues.
 */
import { fieldLabel, formTitle, type CompiledField, type CompiledForm } from '../definitions/compile';
import { groupOfField } from '../definitions/groups';
import type { ComputedField, Lang } from '../definitions/types';
import type { Severity } from '../issues/catalogue';
import type { Issue } from '../issues/issue';
import type { RollupResult, RollupRow } from '../rollup/types';
import { a1, columnName } from '../table/grid';
import {
  area,
  blankRow,
  Cells,
  DATE_FORMAT,
  fileNames,
  FIRST_DATA_ROW,
  formatRuns,
  HEADER_ROW,
  INT_FORMAT,
  isoToSerial,
  localTime,
  printFooter,
  RATIO_FORMAT,
  ROLLUP_COLORS,
  rollupSheet,
  text,
  TEXTS,
  type Texts,
} from './rollupSheetsShared';
import type { AreaFont, CellNote, RollupSheetPlan, RollupSheetsPlan, SheetPlanValue } from './types';

function fieldValue(field: CompiledField, value: RollupRow['values'][string]): SheetPlanValue {
  if (value === null || value === undefined || value === '') return '';
  switch (field.def.type) {
    case 'int':
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? value : text(value);
    case 'date':
      return isoToSerial(value) ?? text(value);
    case 'boolean':
      return typeof value === 'boolean' ? (value ? '是' : '否') : text(value);
    default:
      return text(value);
  }
}

/** A field's number format on the sheets (none for text). */
export function numberFormatOf(field: CompiledField): string | undefined {
  if (field.def.type === 'int') return INT_FORMAT;
  if (field.def.type === 'date') return DATE_FORMAT;
  return undefined;
}

function ratio(values: RollupRow['values'], computed: ComputedField, unreadable: readonly string[]): number | undefined {
  if (unreadable.includes(computed.numerator) || unreadable.includes(computed.denominator)) return undefined;
  const num = values[computed.numerator];
  const den = values[computed.denominator];
  return typeof num === 'number' && typeof den === 'number' && den > 0 ? num / den : undefined;
}

/** A field as a sentence names it: its label without the unit (and without 本单位, said by 单位 already). */
function baseWords(field: CompiledField, lang: Lang): string {
  if (lang === 'en') return (field.def.labelEn ?? fieldLabel(field, lang)).toLowerCase();
  return field.label.replace(/（[^）]*）$/, '').replace(/^本单位/, '');
}

/**
 * The activity year: the commonest year among the rows' dates (each took its file's title or
 * template record year), else the one the run was told; undefined where neither says.
 */
function activityYear(result: RollupResult): number | undefined {
  const counts = new Map<number, number>();
  for (const row of result.rows) {
    const year = row.date && /^\d{4}/.test(row.date) ? Number(row.date.slice(0, 4)) : undefined;
    if (year) counts.set(year, (counts.get(year) ?? 0) + 1);
  }
  let best: number | undefined;
  for (const [year, n] of counts) if (best === undefined || n > counts.get(best)! || (n === counts.get(best) && year > best)) best = year;
  return best ?? result.meta.year;
}

/**
 * A title with its year put in, or (no year known) a leading `{year}年` left out rather than
 * guessed; a year inside other words (（{year}年度）) cannot be left out cleanly, so undefined.
 */
function withYear(title: string, year: number | undefined): string | undefined {
  if (year !== undefined) return title.replace(/\{year\}/g, String(year));
  const left = title.replace(/^\s*\{year\}\s*年?\s*/, '').trim();
  return left.includes('{year}') ? undefined : left;
}

export function rollupTitle(result: RollupResult, form: CompiledForm, lang: Lang): string {
  const sheetTitle = (lang === 'en' && form.def.sheet.title.en) || form.def.sheet.title['zh-CN'];
  const title = (sheetTitle && withYear(sheetTitle, activityYear(result))) || formTitle(form, lang);
  return TEXTS[lang].rollupTitle(title, result.meta.unit);
}

/** Runs of consecutive columns (0-based) sharing one non-empty group label. */
export function groupRuns(labels: readonly (string | undefined)[]): { label: string; from: number; to: number }[] {
  const runs: { label: string; from: number; to: number }[] = [];
  labels.forEach((label, c) => {
    if (!label) return;
    const last = runs[runs.length - 1];
    if (last && last.label === label && last.to === c - 1) last.to = c;
    else runs.push({ label, from: c, to: c });
  });
  return runs;
}

// ── Marks on 汇总 ───────────────────────────────────────────────────────────────────────

/** A marked cell: the worst severity of its issues, and their messages (its note in the .xlsx). */
interface Mark {
  severity: Severity;
  messages: string[];
}

function rowKey(file: string | undefined, sheet: string | undefined, row: number): string {
  return `${file ?? ''}\u0000${sheet ?? ''}\u0000${row}`;
}

function issueRow(issue: Issue): number | undefined {
  if (issue.row !== undefined) return issue.row;
  const match = issue.cell ? /^[A-Z]+(\d+)$/i.exec(issue.cell) : null;
  return match ? Number(match[1]) : undefined;
}

function collectMarks(issues: readonly Issue[]): Map<string, Map<string, Mark>> {
  const marks = new Map<string, Map<string, Mark>>();
  for (const issue of issues) {
    const row = issueRow(issue);
    if (row === undefined || issue.file === undefined) continue;
    const key = rowKey(issue.file, issue.sheet, row);
    let byField = marks.get(key);
    if (!byField) marks.set(key, (byField = new Map()));
    const field = issue.field ?? '';
    const mark = byField.get(field);
    if (!mark) byField.set(field, { severity: issue.severity, messages: [issue.message] });
    else {
      if (issue.severity === 'error') mark.severity = 'error';
      mark.messages.push(issue.message);
    }
  }
  return marks;
}

/** Both marks as one: the worse severity, a's messages then b's. */
function worse(a: Mark | undefined, b: Mark | undefined): Mark | undefined {
  if (!a) return b;
  if (!b) return a;
  return { severity: a.severity === 'error' || b.severity === 'error' ? 'error' : 'warning', messages: [...a.messages, ...b.messages] };
}

function mergeMarks(a: Map<string, Mark> | undefined, b: Map<string, Mark> | undefined): Map<string, Mark> | undefined {
  if (!a || !b) return a ?? b;
  const out = new Map(a);
  for (const [field, mark] of b) out.set(field, worse(out.get(field), mark)!);
  return out;
}

// ── 汇总 ────────────────────────────────────────────────────────────────────────────────

export interface RowsSheet {
  sheet: RollupSheetPlan;
  layout: RollupSheetsPlan['layout'];
  keyColumn: number;
  counted: number;
}

export function rowsSheet(result: RollupResult, form: CompiledForm, lang: Lang, title: string): RowsSheet {
  const t: Texts = TEXTS[lang];
  const nameOf = fileNames(result.files.map((f) => f.file));
  const fields = form.fields;
  const computed = form.def.computed ?? [];
  const computedStart = fields.length;
  const sourceStart = computedStart + computed.length;
  const width = sourceStart + 4;
  const last = width - 1;
  const keyIndex = Math.max(
    0,
    fields.findIndex((f) => f.id === form.def.rollupKey),
  );

  const values: SheetPlanValue[][] = [];
  const titleRow = blankRow(width);
  titleRow[0] = title;
  values.push(titleRow);
  const info = blankRow(width);
  info[0] = t.infoLine(result.meta.unit ?? '', localTime(result.meta.createdAt));
  values.push(info);

  const groups = groupOfField(form.def.uischema);
  const groupLabels: (string | undefined)[] = [
    ...fields.map((f) => groups.get(f.id)),
    ...computed.map(() => undefined),
    t.source,
    t.source,
    t.source,
    undefined,
  ];
  const groupRow = blankRow(width);
  const merges: string[] = [area(0, 1, last, 1)];
  for (const run of groupRuns(groupLabels)) {
    groupRow[run.from] = run.label;
    if (run.to > run.from) merges.push(area(run.from, HEADER_ROW - 1, run.to, HEADER_ROW - 1));
  }
  values.push(groupRow);
  values.push([
    // Always the canonical labels: the next level matches the columns by them.
    ...fields.map((f) => f.label),
    ...computed.map((c) => (lang === 'en' && c.label.en) || c.label['zh-CN']),
    t.sourceFile,
    t.sourceSheet,
    t.sourceRow,
    t.remark,
  ]);
  const notes: CellNote[] = [];
  if (lang === 'en') fields.forEach((f, c) => f.def.labelEn && notes.push({ address: a1(HEADER_ROW - 1, c), text: f.def.labelEn }));

  const marks = collectMarks(result.issues);
  const cells = new Cells();
  const rowValues = (row: RollupRow, superseded: boolean): SheetPlanValue[] => {
    // A value that could not be read is written back as the unit typed it.
    const out: SheetPlanValue[] = fields.map((field) => {
      const value = fieldValue(field, row.values[field.id]);
      const typed = row.unreadableText?.[field.id];
      return value === '' && typed ? typed : value;
    });
    for (const c of computed) out.push(ratio(row.values, c, row.unreadable) ?? '');
    const remark = superseded
      ? row.supersededBy
        ? t.supersededBy(nameOf(row.supersededBy.file), row.supersededBy.sheet, row.supersededBy.row)
        : t.superseded
      : [
          row.origin ? t.cameIn(row.file, row.sheet, row.row) : '',
          row.notOnRoster ? t.notOnRoster : '',
          t.rowCounts(row.errors, row.warnings),
          ...(row.outliers ?? []).map((flag) => {
            const field = fields.find((f) => f.id === flag.field);
            return field ? t.outlier(fieldLabel(field, lang), flag) : '';
          }),
        ]
          .filter(Boolean)
          .join(t.remarkJoin);
    // The source is where the figure was typed; a roll-up it came in through is named in 说明.
    const source = row.origin ?? row;
    out.push(
      source.file,
      source.sheet,
      source.row ?? '',
      row.origin && superseded ? [t.cameIn(row.file, row.sheet, row.row), remark].join(t.remarkJoin) : remark,
    );
    return out;
  };
  const markRow = (r: number, row: RollupRow) => {
    // Issues that name no sheet (a CSV's, say) still belong to the file's row.
    const byField = mergeMarks(
      marks.get(rowKey(row.file, row.sheet, row.row)),
      row.sheet ? marks.get(rowKey(row.file, undefined, row.row)) : undefined,
    );
    fields.forEach((field, c) => {
      let mark = byField?.get(field.id);
      // An unreadable value is an error even where its issue sits elsewhere; its own note then says so.
      if (row.unreadable.includes(field.id)) mark = worse({ severity: 'error', messages: mark ? [] : [t.unreadable] }, mark);
      if (c === keyIndex) mark = worse(mark, byField?.get(''));
      if (!mark) return;
      const address = `${columnName(c)}${r}`;
      cells.add(mark.severity === 'error' ? ROLLUP_COLORS.error : ROLLUP_COLORS.warning, address);
      if (mark.messages.length) notes.push({ address, text: mark.messages.join('\n') });
    });
  };

  const counted = result.rows.filter((row) => row.status === 'counted');
  const superseded = result.rows.filter((row) => row.status === 'superseded');
  let r = FIRST_DATA_ROW;
  for (const row of counted) {
    values.push(rowValues(row, false));
    markRow(r, row);
    r++;
  }
  const lastDataRow = counted.length ? r - 1 : undefined;

  // 合计: the engine's sums; text columns stay blank.
  const totalRow = r;
  const total = blankRow(width);
  total[keyIndex] = t.total;
  fields.forEach((field, c) => {
    const sum = result.totals[field.id];
    if (field.def.rollup === 'sum' && typeof sum === 'number' && Number.isFinite(sum)) total[c] = sum;
  });
  computed.forEach((c, i) => {
    const num = result.totals[c.numerator];
    const den = result.totals[c.denominator];
    const value = result.totals[c.id] ?? (typeof num === 'number' && typeof den === 'number' && den > 0 ? num / den : undefined);
    if (typeof value === 'number' && Number.isFinite(value)) total[computedStart + i] = value;
  });
  // A rate over the units that gave its base says how many did (12 个单位中 9 个填报了女职工人数).
  const coverage = computed.flatMap((c) => {
    const cover = result.coverage?.[c.id];
    const base = fields.find((f) => f.id === c.denominator);
    if (!cover || !base) return [];
    const ratioLabel = (lang === 'en' && c.label.en) || c.label['zh-CN'];
    return [t.coverage(ratioLabel, cover.of, cover.given, baseWords(base, lang))];
  });
  if (coverage.length) total[last] = coverage.join(t.remarkJoin);
  values.push(total);
  const tableEnd = totalRow;

  // Superseded rows: below a note line (which ends the table for any reader), never summed.
  const fonts: AreaFont[] = [
    { areas: [area(0, 1)], bold: true, size: 16 },
    { areas: [area(0, totalRow, last, totalRow)], bold: true },
  ];
  const borders = [area(0, HEADER_ROW - 1, last, tableEnd)];
  let lastRow = totalRow;
  if (superseded.length) {
    values.push(blankRow(width));
    const noteRow = totalRow + 2;
    const note = blankRow(width);
    note[0] = t.supersededNote(superseded.length);
    values.push(note);
    merges.push(area(0, noteRow, last, noteRow));
    const first = noteRow + 1;
    for (const row of superseded) values.push(rowValues(row, true));
    lastRow = first + superseded.length - 1;
    fonts.push({ areas: [area(0, noteRow)], color: ROLLUP_COLORS.greyText });
    fonts.push({ areas: [area(0, first, last, lastRow)], color: ROLLUP_COLORS.greyText, italic: true });
    borders.push(area(0, first, last, lastRow));
  }

  const columnFormats: (string | undefined)[] = [
    ...fields.map(numberFormatOf),
    ...computed.map((c) => c.format ?? RATIO_FORMAT),
    undefined,
    undefined,
    undefined,
    undefined,
  ];
  const widths = [
    ...fields.map((field) => field.def.width ?? Math.max(10, Math.min(30, field.label.length * 2))),
    ...computed.map(() => 14),
    28,
    14,
    8,
    30,
  ];
  const sheet = rollupSheet('rows', values, {
    widths,
    numberFormats: formatRuns(columnFormats, FIRST_DATA_ROW, lastRow),
    titleRow: 1,
    headerRows: [HEADER_ROW - 1, HEADER_ROW],
    merges,
    freeze: { rows: HEADER_ROW, columns: 1 },
    fills: [{ color: ROLLUP_COLORS.total, areas: [area(0, totalRow, last, totalRow)] }, ...cells.fills()],
    fonts,
    centred: [area(keyIndex, totalRow)],
    wrap: [],
    borders,
    rowHeights: [
      { row: 1, points: 30 },
      { row: HEADER_ROW, points: 42 },
    ],
    printTitleRows: `$${HEADER_ROW - 1}:$${HEADER_ROW}`,
    notes,
    // The 来源 columns are for finding a row again on screen, not for the leader's signature.
    print: {
      paper: 'A3',
      orientation: 'landscape',
      area: area(0, 1, sourceStart - 1, lastRow),
      titleColumns: `$A:$${columnName(keyIndex)}`,
      footer: printFooter(result, lang),
    },
  });
  const layout: RollupSheetsPlan['layout'] = { headerRow: HEADER_ROW, firstDataRow: FIRST_DATA_ROW, totalRow };
  if (lastDataRow !== undefined) layout.lastDataRow = lastDataRow;
  return { sheet, layout, keyColumn: keyIndex, counted: counted.length };
}
