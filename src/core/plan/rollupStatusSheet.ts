/** 报送情况: the counts line, the units table with each status coloured, then the files table. */
import { formTitle, type CompiledForm } from '../definitions/compile';
import type { Lang } from '../definitions/types';
import { summarizeRollup } from '../rollup/summary';
import type { RollupResult, UnitStatusKind } from '../rollup/types';
import {
  area,
  blankRow,
  Cells,
  DATE_FORMAT,
  fileNames,
  INT_FORMAT,
  isoToSerial,
  printFooter,
  ROLLUP_COLORS,
  rollupSheet,
  STATUS_COLUMNS,
  STATUS_TABLE_TOP,
  text,
  TEXTS,
  type Texts,
} from './rollupSheetsShared';
import type { RollupSheetPlan, SheetPlanValue } from './types';

interface UnitLine {
  unit: string;
  level?: string;
  parent?: string;
  status: UnitStatusKind | 'notOnRoster';
  files: string[];
  date?: string;
  deadline?: string;
  errors: number;
  warnings: number;
  superseded: number;
}

/** The units of rows not on the roster; without a roster (`everyUnit`), every unit that reported. */
function notOnRosterLines(result: RollupResult, everyUnit = false): UnitLine[] {
  const lines = new Map<string, UnitLine>();
  for (const row of result.rows) {
    if (!row.notOnRoster && !everyUnit) continue;
    let line = lines.get(row.unit);
    if (!line) {
      line = { unit: row.unit, status: everyUnit ? 'reported' : 'notOnRoster', files: [], errors: 0, warnings: 0, superseded: 0 };
      lines.set(row.unit, line);
    }
    if (row.status === 'superseded') {
      line.superseded++;
      continue;
    }
    if (!line.files.includes(row.file)) line.files.push(row.file);
    line.errors += row.errors;
    line.warnings += row.warnings;
    if (row.date && (!line.date || row.date > line.date)) line.date = row.date;
    const level = row.values.unitLevel;
    const parent = row.values.parentUnit;
    if (line.level === undefined && typeof level === 'string' && level) line.level = level;
    if (line.parent === undefined && typeof parent === 'string' && parent) line.parent = parent;
  }
  return [...lines.values()];
}

const STATUS_FILL: Record<UnitStatusKind | 'notOnRoster', string> = {
  reported: ROLLUP_COLORS.reported,
  late: ROLLUP_COLORS.late,
  missing: ROLLUP_COLORS.missing,
  notOnRoster: ROLLUP_COLORS.notOnRoster,
};

export function statusSheet(result: RollupResult, form: CompiledForm, lang: Lang): RollupSheetPlan {
  const t: Texts = TEXTS[lang];
  const width = STATUS_COLUMNS;
  const last = width - 1;
  const roster: UnitLine[] = result.units.map((u) => ({ ...u }));
  // No roster: nobody is expected, so the table lists the units that did report.
  const withoutRoster = result.units.length === 0;
  const outside = notOnRosterLines(result, withoutRoster);
  const summary = summarizeRollup(result);
  const nameOf = fileNames(result.files.map((f) => f.file));

  const values: SheetPlanValue[][] = [];
  const title = blankRow(width);
  title[0] = t.statusTitle(formTitle(form, lang));
  values.push(title);
  const counts = blankRow(width);
  counts[0] = withoutRoster
    ? t.countsWithoutRoster(outside.length)
    : t.counts({
        expected: summary.units.total,
        reported: summary.units.reported,
        late: summary.units.late,
        missing: summary.units.missing,
        notOnRoster: outside.length,
      });
  values.push(counts);
  values.push(blankRow(width));
  values.push([...t.unitHeaders]);

  const cells = new Cells();
  let r = STATUS_TABLE_TOP + 1;
  const lines = [...roster, ...outside];
  for (const line of lines) {
    values.push([
      line.unit,
      text(line.level),
      text(line.parent),
      t.status[line.status],
      line.files.map(nameOf).join(t.list),
      isoToSerial(line.date) ?? text(line.date),
      isoToSerial(line.deadline) ?? text(line.deadline),
      line.errors,
      line.warnings,
      line.superseded,
    ]);
    cells.add(STATUS_FILL[line.status], `D${r}`);
    r++;
  }
  const unitsEnd = r - 1;
  const merges = [area(0, 1, last, 1), area(0, 2, last, 2)];
  const numberFormats: { format: string; areas: string[] }[] = [];
  if (lines.length) {
    numberFormats.push({ format: DATE_FORMAT, areas: [area(5, STATUS_TABLE_TOP + 1, 6, unitsEnd)] });
    numberFormats.push({ format: INT_FORMAT, areas: [area(7, STATUS_TABLE_TOP + 1, 9, unitsEnd)] });
  }

  // The files.
  values.push(blankRow(width));
  r++;
  const filesTitleRow = r++;
  const filesTitle = blankRow(width);
  filesTitle[0] = t.filesTitle(summary.files, summary.accepted, summary.rejected);
  values.push(filesTitle);
  merges.push(area(0, filesTitleRow, last, filesTitleRow));
  const fileHeaderRow = r++;
  const fileHeader = blankRow(width);
  t.fileHeaders.forEach((label, i) => (fileHeader[i] = label));
  values.push(fileHeader);
  // The reason may be long: it runs across the remaining columns.
  merges.push(area(3, fileHeaderRow, last, fileHeaderRow));
  for (const file of result.files) {
    const reason = file.status === 'rejected' ? (file.reason ?? '') : file.rollupOf ? t.rollupOf(file.rollupOf.unit) : '';
    const row = blankRow(width);
    row[0] = nameOf(file.file);
    row[1] = file.status === 'accepted' ? t.accepted : t.rejected;
    row[2] = file.rows;
    row[3] = reason;
    values.push(row);
    merges.push(area(3, r, last, r));
    if (file.status === 'rejected') cells.add(ROLLUP_COLORS.rejected, `B${r}`);
    r++;
  }
  const filesEnd = r - 1;
  if (result.files.length) numberFormats.push({ format: INT_FORMAT, areas: [area(2, fileHeaderRow + 1, 2, filesEnd)] });

  const wrap: string[] = [];
  if (lines.length) wrap.push(area(4, STATUS_TABLE_TOP + 1, 4, unitsEnd));
  if (result.files.length) wrap.push(area(3, fileHeaderRow + 1, last, filesEnd));
  return rollupSheet('status', values, {
    widths: [30, 18, 24, 12, 36, 12, 12, 8, 8, 14],
    numberFormats,
    titleRow: 1,
    headerRows: [STATUS_TABLE_TOP, fileHeaderRow],
    merges,
    freeze: { rows: STATUS_TABLE_TOP, columns: 1 },
    fills: cells.fills(),
    fonts: [
      { areas: [area(0, 1)], bold: true, size: 16 },
      { areas: [area(0, 2), area(0, filesTitleRow)], bold: true },
    ],
    centred: lines.length ? [area(3, STATUS_TABLE_TOP + 1, 3, unitsEnd)] : [],
    wrap,
    borders: [area(0, STATUS_TABLE_TOP, last, unitsEnd), area(0, fileHeaderRow, last, filesEnd)],
    rowHeights: [{ row: 1, points: 30 }],
    printTitleRows: `$${STATUS_TABLE_TOP}:$${STATUS_TABLE_TOP}`,
    print: { paper: 'A3', orientation: 'landscape', titleColumns: '$A:$A', footer: printFooter(result, lang) },
  });
}
