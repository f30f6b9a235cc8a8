/**
 * Property tests of the roll-up engine, driven in memory: a generated district — returns of
 * the activity summary with columns in any order, units from a small pool (so the same unit
 * comes back twice), counts written clean, messy-but-accepted, unreadable or not at all, a
 * 合计 row now and then — checked by `validateGrids` and rolled up by `rollUp`.
 *
 * Expected results come from a model built here from the generated cells (what each cell
 * should read as, which row should win for each unit), not from the engine's own output.
 */
import fc from 'fast-check';
import { compileForm, type CompiledField } from '../../src/core/definitions/compile';
import { shippedForms } from '../../src/core/definitions/shipped';
import type { Issue } from '../../src/core/issues/issue';
import { rollUp, type ReturnInput } from '../../src/core/rollup/rollup';
import { parseRoster, unitKey } from '../../src/core/rollup/roster';
import type { Roster, RollupResult, RollupRow } from '../../src/core/rollup/types';
import { a1, type Grid } from '../../src/core/table/grid';
import { validateGrids } from '../../src/core/validate/workbook';
import type { CellValue } from '../../src/core/values/types';

const forms = shippedForms.map(compileForm);
const form = forms.find((f) => f.def.id === 'activity-summary')!;
const TODAY = '2024-03-31';
const CREATED_AT = '2024-03-31T12:00:00.000Z';

/** Runs per property: the whole file stays well under 20 s. */
const RUNS = 75;
const RUNS_CHEAP = 200;

const allFields = form.fields;
const intFields = allFields.filter((f) => f.def.type === 'int');
const sumFields = allFields.filter((f) => f.def.rollup === 'sum');

// ── The unit pool ──

interface Variant {
  /** As written in the 填报单位 cell. */
  name: CellValue;
  /** The unit it means ('' for a row that names none). */
  canon: string;
  /** True when the name folds to the canonical name's key (suffix, spaces, brackets). */
  folds: boolean;
}

const CANON = ['河东区总工会', '河西区总工会', '大王庄街道总工会', '天津港（集团）有限公司工会', '东丽区总工会'] as const;

const VARIANTS: Variant[] = [
  { name: '河东区总工会', canon: '河东区总工会', folds: true },
  { name: '河东区总工会女职委', canon: '河东区总工会', folds: true },
  { name: '河东区　总工会', canon: '河东区总工会', folds: true },
  { name: '河东总工会', canon: '河东区总工会', folds: false },
  { name: '河西区总工会', canon: '河西区总工会', folds: true },
  { name: '河西区总工会（女职工委员会）', canon: '河西区总工会', folds: true },
  { name: '大王庄街道总工会', canon: '大王庄街道总工会', folds: true },
  { name: '大王庄街道工会', canon: '大王庄街道总工会', folds: false },
  { name: '天津港（集团）有限公司工会', canon: '天津港（集团）有限公司工会', folds: true },
  { name: '天津港(集团)有限公司工会', canon: '天津港（集团）有限公司工会', folds: true },
  { name: '东丽区总工会', canon: '东丽区总工会', folds: true },
];
const BLANK_VARIANTS: Variant[] = [
  { name: null, canon: '', folds: true },
  { name: '—', canon: '', folds: true },
];
/** The alias a roster may list for a canonical unit: the variant that does not fold to it. */
const ALIAS_OF: Record<string, string | undefined> = { 河东区总工会: '河东总工会', 大王庄街道总工会: '大王庄街道工会' };

// ── What is generated ──

/** One cell and what it should read as: a number, not reported (null), or unreadable. */
interface CellSpec {
  raw: CellValue;
  expect: number | null | 'bad';
}

interface DateSpec {
  raw: CellValue;
  iso?: string;
}

interface RowSpec {
  unit: Variant;
  parent: string;
  level: string;
  person: string;
  phone: string;
  date: DateSpec;
  /** One cell per int field (only those with a column are written). */
  ints: CellSpec[];
}

interface FileSpec {
  file: string;
  modified?: number;
  sheet: string;
  typed: boolean;
  /** Field ids, in column order. */
  columns: string[];
  rows: RowSpec[];
  total?: { label: string; off: number };
}

interface RosterSpec {
  units: { canon: string; alias: boolean; deadline?: string; parent?: string }[];
}

interface District {
  files: FileSpec[];
  roster?: RosterSpec;
}

const FULL = '０１２３４５６７８９';
const fullWidth = (n: number) => [...String(n)].map((d) => FULL[Number(d)]).join('');
const withCommas = (n: number) => n.toLocaleString('en-US');

function ownUnits(field: CompiledField): string[] {
  const unit = field.def.unit;
  if (!unit) return [];
  const out = [unit];
  if (unit.length > 1) out.push(unit[0]!);
  return out;
}

const KNOWN = ['人', '人次', '场', '场次', '次', '份', '家', '项', '件', '张', '篇'];

/** Numbers do not shrink (the way a cell is written does): shrinking stays quick. */
function cellArb(field: CompiledField): fc.Arbitrary<CellSpec> {
  const own = ownUnits(field);
  const other = KNOWN.filter((u) => !(field.def.unit ?? '').startsWith(u));
  const clean = fc.noShrink(fc.nat(5000)).map((n): CellSpec => ({ raw: n, expect: n }));
  const messy = fc.oneof(
    fc.noShrink(fc.nat(3000)).map((n): CellSpec => ({ raw: fullWidth(n), expect: n })),
    fc
      .tuple(fc.noShrink(fc.nat(3000)), fc.constantFrom(...(own.length ? own : [''])))
      .map(([n, u]): CellSpec => ({ raw: `${n}${u}`, expect: n })),
    fc.noShrink(fc.integer({ min: 1000, max: 99999 })).map((n): CellSpec => ({ raw: withCommas(n), expect: n })),
    fc
      .tuple(fc.noShrink(fc.nat(3000)), fc.constantFrom('约#', '#余', '#多', '大约#', '#左右'))
      .map(([n, w]): CellSpec => ({ raw: w.replace('#', String(n)), expect: n })),
    fc.noShrink(fc.integer({ min: 1, max: 99 })).map((k): CellSpec => ({ raw: `${k / 10}万`, expect: k * 1000 })),
    fc.noShrink(fc.nat(3000)).map((n): CellSpec => ({ raw: `${n}.0`, expect: n })),
    fc.noShrink(fc.nat(3000)).map((n): CellSpec => ({ raw: ` ${n} `, expect: n })),
    fc.noShrink(fc.nat(3000)).map((n): CellSpec => ({ raw: String(n), expect: n })),
    fc.constant<CellSpec>({ raw: '无', expect: 0 }),
  );
  const bad = fc.oneof(
    fc.constantFrom<CellSpec>(
      { raw: '若干', expect: 'bad' },
      { raw: '很多', expect: 'bad' },
      { raw: '-5', expect: 'bad' },
      { raw: '12.5', expect: 'bad' },
      { raw: '100-120', expect: 'bad' },
      { raw: '100~120', expect: 'bad' },
      { raw: '1.23456万', expect: 'bad' },
      { raw: '12,00', expect: 'bad' },
      { raw: -5, expect: 'bad' },
      { raw: 12.5, expect: 'bad' },
    ),
    fc
      .tuple(fc.noShrink(fc.integer({ min: 1, max: 500 })), fc.constantFrom(...other))
      .map(([n, u]): CellSpec => ({ raw: `${n}${u}`, expect: 'bad' })),
  );
  const blank = fc.constantFrom<CellSpec>(
    { raw: null, expect: null },
    { raw: '', expect: null },
    { raw: '—', expect: null },
    { raw: '-', expect: null },
    { raw: '/', expect: null },
    { raw: '  ', expect: null },
  );
  return fc.oneof(
    { arbitrary: clean, weight: 5 },
    { arbitrary: messy, weight: 3 },
    { arbitrary: bad, weight: 2 },
    { arbitrary: blank, weight: 2 },
  );
}

const MARCH_1_SERIAL = (Date.UTC(2024, 2, 1) - Date.UTC(1899, 11, 30)) / 86_400_000;
const iso = (d: number) => `2024-03-${String(d).padStart(2, '0')}`;

const dateArb: fc.Arbitrary<DateSpec> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.tuple(fc.integer({ min: 1, max: 30 }), fc.nat(5)).map(([d, how]): DateSpec => {
      const raws: CellValue[] = [iso(d), `2024/3/${d}`, `2024.3.${d}`, `2024年3月${d}日`, `3月${d}日`, MARCH_1_SERIAL + d - 1];
      return { raw: raws[how]!, iso: iso(d) };
    }),
  },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 30 }).map((d): DateSpec => ({ raw: new Date(Date.UTC(2024, 2, d)), iso: iso(d) })) },
  { weight: 1, arbitrary: fc.constantFrom<DateSpec>({ raw: null }, { raw: '三月中旬' }, { raw: '2024-02-30' }) },
);

const variantArb = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom(...VARIANTS) },
  { weight: 1, arbitrary: fc.constantFrom(...BLANK_VARIANTS) },
);

function rowArb(namedOnly: boolean): fc.Arbitrary<RowSpec> {
  return fc.record({
    unit: namedOnly ? fc.constantFrom(...VARIANTS) : variantArb,
    parent: fc.constantFrom('', '', '河东区总工会', '东丽区总工会女职委'),
    level: fc.constantFrom('基层工会', '区（市）县总工会', '街道（乡镇）工会', ''),
    person: fc.constantFrom('张丽', '王芳', ''),
    phone: fc.constantFrom('13812345678', '022-24316934', ''),
    date: dateArb,
    ints: fc.tuple(...intFields.map(cellArb)),
  });
}

const FILE_NAMES = ['a.xlsx', 'b.xlsx', 'c.xls', 'd.csv', '河东/e.xlsx', '河西/f.xlsx', 'g.xlsm', 'h.xlsx'];

/** Columns: every required field, optional ones at random, in a random order. */
const columnsArb = fc
  .tuple(
    fc.array(fc.boolean(), { minLength: allFields.length, maxLength: allFields.length }),
    fc.array(fc.nat(1000), { minLength: allFields.length, maxLength: allFields.length }),
  )
  .map(([take, order]) =>
    allFields
      .map((f, i) => ({ id: f.id, keep: f.required || take[i], key: order[i]!, i }))
      .filter((c) => c.keep)
      .sort((x, y) => x.key - y.key || x.i - y.i)
      .map((c) => c.id),
  );

function fileArb(namedOnly: boolean, names: readonly string[] = FILE_NAMES): fc.Arbitrary<FileSpec> {
  return fc.record(
    {
      file: fc.constantFrom(...names),
      modified: fc.option(fc.constantFrom(1_000, 2_000, 3_000), { nil: undefined }),
      sheet: fc.constantFrom('Sheet1', '活动数据汇总'),
      typed: fc.boolean(),
      columns: columnsArb,
      rows: fc.array(rowArb(namedOnly), { minLength: 1, maxLength: 4 }),
      total: fc.option(fc.record({ label: fc.constantFrom('合计', '小计', '合 计'), off: fc.constantFrom(0, 0, 0, 7) }), {
        nil: undefined,
      }),
    },
    { requiredKeys: ['file', 'sheet', 'typed', 'columns', 'rows'] },
  );
}

const rosterArb: fc.Arbitrary<RosterSpec> = fc
  .tuple(
    ...CANON.map((canon) =>
      fc.option(
        fc.record(
          {
            canon: fc.constant<string>(canon),
            alias: fc.boolean(),
            deadline: fc.option(fc.constantFrom('2024-03-10', '2024-03-20'), { nil: undefined }),
          },
          { requiredKeys: ['canon', 'alias'] },
        ),
        { nil: undefined },
      ),
    ),
  )
  .map((units): RosterSpec => ({ units: units.flatMap((u) => (u === undefined ? [] : [u])) }))
  .filter((spec) => spec.units.length > 0);

interface DistrictOptions {
  /** Every row names a unit. */
  namedOnly?: boolean;
  /** Where a table has a 合计 row, its 填报单位 column comes first, so the label leads the row. */
  totalLabelFirst?: boolean;
}

const MAX_FILES = 5;

function districtArb(opts: DistrictOptions = {}): fc.Arbitrary<District> {
  return fc
    .record({
      files: fc.uniqueArray(fileArb(opts.namedOnly ?? false), { minLength: 1, maxLength: MAX_FILES, selector: (f) => f.file }),
      roster: fc.option(rosterArb, { nil: undefined, freq: 2 }),
    })
    .map(({ files, roster }) => ({
      roster,
      files: opts.totalLabelFirst
        ? files.map((f) => (f.total ? { ...f, columns: ['unitName', ...f.columns.filter((id) => id !== 'unitName')] } : f))
        : files,
    }));
}

// ── From specs to grids and inputs ──

function rowCell(row: RowSpec, id: string): CellValue {
  const k = intFields.findIndex((f) => f.id === id);
  if (k >= 0) return row.ints[k]!.raw;
  switch (id) {
    case 'unitName':
      return row.unit.name;
    case 'unitLevel':
      return row.level;
    case 'parentUnit':
      return row.parent;
    case 'contactPerson':
      return row.person;
    case 'contactPhone':
      return row.phone;
    case 'fillDate':
      return row.date.raw;
    default:
      return null;
  }
}

function asCsv(value: CellValue): CellValue {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value);
}

/** The sum a 合计 row states: the readable detail values (plus `off` now and then). */
function totalCell(spec: FileSpec, id: string): CellValue {
  const k = intFields.findIndex((f) => f.id === id);
  if (k < 0) return id === 'unitName' ? spec.total!.label : null;
  let sum = 0;
  for (const row of spec.rows) {
    const e = row.ints[k]!.expect;
    if (typeof e === 'number') sum += e;
  }
  return sum + spec.total!.off;
}

function gridOf(spec: FileSpec): Grid {
  const label = (id: string) => form.byId.get(id)!.label;
  const rows: CellValue[][] = [spec.columns.map(label)];
  for (const row of spec.rows) rows.push(spec.columns.map((id) => rowCell(row, id)));
  if (spec.total) rows.push(spec.columns.map((id) => totalCell(spec, id)));
  return { sheet: spec.sheet, typed: spec.typed, rows: spec.typed ? rows : rows.map((r) => r.map(asCsv)) };
}

function inputOf(spec: FileSpec, file = spec.file, modified = spec.modified): ReturnInput {
  const input: ReturnInput = { file, report: validateGrids(file, [gridOf(spec)], forms, { today: TODAY, year: 2024 }) };
  if (modified !== undefined) input.modified = modified;
  return input;
}

function rosterGrid(spec: RosterSpec): Grid {
  const rows: CellValue[][] = [['单位名称', '单位层级', '上级单位', '别名', '截止日期']];
  for (const unit of spec.units)
    rows.push([unit.canon, '区（市）县总工会', '天津市总工会', unit.alias ? (ALIAS_OF[unit.canon] ?? '') : '', unit.deadline ?? '']);
  return { sheet: '单位名单', typed: true, rows };
}

function rosterOf(spec: RosterSpec | undefined): Roster | undefined {
  return spec ? parseRoster(rosterGrid(spec), 'roster.xlsx', 'zh-CN') : undefined;
}

/** A row as the returns made it: without the outlier warnings, which depend on the other units. */
function withoutOutliers(row: RollupRow): RollupRow {
  const { outliers, ...rest } = row;
  return { ...rest, warnings: row.warnings - (outliers?.length ?? 0) };
}

function run(inputs: readonly ReturnInput[], roster: Roster | undefined): RollupResult {
  return rollUp(inputs, { form, forms, createdAt: CREATED_AT, ...(roster ? { roster, deadline: '2024-03-25' } : {}) });
}

// ── The model ──

function isBlankCell(value: CellValue): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

/** The key the unit is deduplicated by: canonical when the name folds to it or is a listed alias. */
function modelKey(variant: Variant, roster: RosterSpec | undefined): string {
  if (variant.canon === '') return '';
  if (variant.folds) return 'unit:' + variant.canon;
  if (roster?.units.some((u) => u.canon === variant.canon && u.alias && ALIAS_OF[u.canon] === variant.name)) return 'unit:' + variant.canon;
  return 'name:' + String(variant.name);
}

interface ModelRow {
  spec: FileSpec;
  row: RowSpec;
  /** 1-based sheet row. */
  sheetRow: number;
  key: string;
  counted: boolean;
}

/** Data rows that hold anything, with the winner of each unit picked by the spec's tie rules. */
function model(district: District, extra: FileSpec[] = []): ModelRow[] {
  const out: ModelRow[] = [];
  for (const spec of [...district.files, ...extra]) {
    spec.rows.forEach((row, i) => {
      const cells = spec.columns.map((id) => rowCell(row, id));
      if (cells.every(isBlankCell)) return;
      out.push({ spec, row, sheetRow: i + 2, key: modelKey(row.unit, district.roster), counted: true });
    });
  }
  const later = (a: ModelRow, b: ModelRow): boolean => {
    const da = a.spec.columns.includes('fillDate') ? (a.row.date.iso ?? '') : '';
    const db = b.spec.columns.includes('fillDate') ? (b.row.date.iso ?? '') : '';
    if (da !== db) return da > db;
    const ma = a.spec.modified ?? 0;
    const mb = b.spec.modified ?? 0;
    if (ma !== mb) return ma > mb;
    if (a.spec.file !== b.spec.file) return a.spec.file > b.spec.file;
    return a.sheetRow > b.sheetRow;
  };
  const best = new Map<string, ModelRow>();
  for (const m of out) {
    if (m.key === '') continue;
    const seen = best.get(m.key);
    if (!seen || later(m, seen)) best.set(m.key, m);
  }
  for (const m of out) if (m.key !== '') m.counted = best.get(m.key) === m;
  return out;
}

function modelTotals(rows: ModelRow[]): Record<string, number> {
  const totals: Record<string, number> = {};
  for (const field of sumFields) {
    const k = intFields.indexOf(field);
    let sum = 0;
    for (const m of rows) {
      if (!m.counted || !m.spec.columns.includes(field.id)) continue;
      const e = m.row.ints[k]!.expect;
      if (typeof e === 'number') sum += e;
    }
    totals[field.id] = sum;
  }
  return totals;
}

// ── Comparing results ──

const rowId = (r: { file: string; sheet: string; row: number }) => `${r.file}|${r.sheet}|${r.row}`;
const byRowId = (a: RollupRow, b: RollupRow) => (rowId(a) < rowId(b) ? -1 : rowId(a) > rowId(b) ? 1 : 0);
const issueText = (i: Issue) => [i.file ?? '', i.sheet ?? '', i.cell ?? '', i.row ?? '', i.code, i.message].join('|');

function normal(result: RollupResult) {
  return {
    totals: result.totals,
    rows: [...result.rows].sort(byRowId),
    files: [...result.files].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)),
    units: result.units,
    issues: result.issues.map(issueText).sort(),
    meta: result.meta,
  };
}

function multisetMinus(a: string[], b: string[]): string[] {
  const left = new Map<string, number>();
  for (const x of b) left.set(x, (left.get(x) ?? 0) + 1);
  const out: string[] = [];
  for (const x of a) {
    const n = left.get(x) ?? 0;
    if (n > 0) left.set(x, n - 1);
    else out.push(x);
  }
  return out;
}

/** First problem found, or undefined: conservation of every int cell of every accepted return. */
function conservationProblem(district: District, result: RollupResult): string | undefined {
  const accepted = new Set(result.files.filter((f) => f.status === 'accepted').map((f) => f.file));
  const rows = new Map(result.rows.map((r) => [rowId(r), r]));
  const issuesAt = new Map<string, Issue[]>();
  for (const issue of result.issues) {
    const key = `${issue.file}|${issue.sheet}|${issue.cell ?? ''}|${issue.code === 'rollup.superseded' ? issue.row : ''}`;
    const list = issuesAt.get(key);
    if (list) list.push(issue);
    else issuesAt.set(key, [issue]);
  }
  const modelRows = model(district);
  const hasData = new Set(modelRows.map((m) => m.spec.file));
  for (const spec of district.files) {
    const verdict = result.files.find((f) => f.file === spec.file);
    if (!verdict) return `${spec.file}: no verdict`;
    if (hasData.has(spec.file) !== accepted.has(spec.file))
      return `${spec.file}: ${verdict.status} (${verdict.reason ?? ''}) though it ${hasData.has(spec.file) ? 'has' : 'has no'} data rows`;
  }
  for (const m of modelRows) {
    const { spec } = m;
    if (!accepted.has(spec.file)) continue;
    const got = rows.get(rowId({ file: spec.file, sheet: spec.sheet, row: m.sheetRow }));
    if (!got) return `${spec.file} row ${m.sheetRow} (${String(m.row.unit.name)}): a data row missing from result.rows`;
    for (const field of intFields) {
      const c = spec.columns.indexOf(field.id);
      if (c < 0) continue;
      const cell = m.row.ints[intFields.indexOf(field)]!;
      const where = `${spec.file} ${a1(m.sheetRow - 1, c)} ${field.id} ${JSON.stringify(cell.raw)}`;
      const value = got.values[field.id];
      if (cell.expect === null) {
        if (value !== null && value !== undefined) return `${where}: not reported, read as ${JSON.stringify(value)}`;
        continue;
      }
      const valueIssue = (issuesAt.get(`${spec.file}|${spec.sheet}|${a1(m.sheetRow - 1, c)}|`) ?? []).some(
        (i) => i.code.startsWith('value.') && i.severity === 'error',
      );
      const supersededIssue = (issuesAt.get(`${spec.file}|${spec.sheet}||${m.sheetRow}`) ?? []).length > 0;
      if (cell.expect === 'bad') {
        if (value !== null) return `${where}: unreadable, yet read as ${JSON.stringify(value)}`;
        if (!got.unreadable.includes(field.id)) return `${where}: unreadable, not in row.unreadable`;
        if (!valueIssue) return `${where}: unreadable, no value issue on the cell`;
        continue;
      }
      if (value !== cell.expect) return `${where}: expected ${cell.expect}, read ${JSON.stringify(value)}`;
      const counted = got.status === 'counted' && typeof value === 'number';
      if (!counted && !(got.status === 'superseded' && supersededIssue))
        return `${where}: neither counted nor covered by an issue (status ${got.status})`;
    }
  }
  // Totals: the counted rows' numbers as the engine holds them, and the model's independent sum.
  const expected = modelTotals(modelRows.filter((m) => accepted.has(m.spec.file)));
  for (const field of sumFields) {
    let sum = 0;
    for (const r of result.rows) if (r.status === 'counted' && typeof r.values[field.id] === 'number') sum += r.values[field.id] as number;
    if (result.totals[field.id] !== sum) return `totals.${field.id} = ${result.totals[field.id]}, counted rows sum to ${sum}`;
    if (result.totals[field.id] !== expected[field.id])
      return `totals.${field.id} = ${result.totals[field.id]}, model expects ${expected[field.id]}`;
  }
  // Clean rows, read by hand: a counted row of plain integers holds exactly them.
  for (const m of modelRows) {
    if (!m.counted || !accepted.has(m.spec.file)) continue;
    const clean = m.row.ints.every((c, k) => !m.spec.columns.includes(intFields[k]!.id) || typeof c.raw === 'number' || c.raw === null);
    if (!clean) continue;
    const got = rows.get(rowId({ file: m.spec.file, sheet: m.spec.sheet, row: m.sheetRow }))!;
    if (got.status !== 'counted')
      return `${m.spec.file} row ${m.sheetRow}: the model counts it, the engine has it ${got.status} (by ${JSON.stringify(got.supersededBy)})`;
  }
  for (const m of modelRows) {
    if (!accepted.has(m.spec.file)) continue;
    const got = rows.get(rowId({ file: m.spec.file, sheet: m.spec.sheet, row: m.sheetRow }))!;
    if ((got.status === 'counted') !== m.counted)
      return `${m.spec.file} row ${m.sheetRow} (${String(m.row.unit.name)}): model ${m.counted ? 'counted' : 'superseded'}, engine ${got.status}`;
  }
  return undefined;
}

/** A failing property stops shrinking after a few seconds and reports the smallest input found by then. */
const params = (numRuns: number) => ({ numRuns, interruptAfterTimeLimit: 4_000, markInterruptAsFailure: false });

// ── The properties ──

describe('roll-up properties', () => {
  it('the unit pool folds as the model assumes', () => {
    for (const v of VARIANTS) expect([v.name, unitKey(String(v.name)) === unitKey(v.canon)]).toEqual([v.name, v.folds]);
    for (const spec of [{ units: CANON.map((canon) => ({ canon, alias: true })) }]) {
      const roster = rosterOf(spec)!;
      expect(roster.issues).toEqual([]);
      expect(roster.units.map((u) => u.name)).toEqual([...CANON]);
    }
  });

  /**
   * Fails at the time of writing: a 合计 row whose label stands in the 填报单位 column, with
   * count columns before it, is read as a unit named 合计 and summed (classifyRow only looks
   * at the row's first two non-blank cells). 1b is the same property with the label first.
   */
  it('1. conservation: every int cell is counted or covered by an issue, and the totals are the model sums', () => {
    fc.assert(
      fc.property(districtArb(), (district) => {
        const inputs = district.files.map((f) => inputOf(f));
        const result = run(inputs, rosterOf(district.roster));
        const problem = conservationProblem(district, result);
        if (problem) throw new Error(problem);
      }),
      params(RUNS),
    );
  });

  it('1b. conservation, where every 合计 row has its label in the first column', () => {
    fc.assert(
      fc.property(districtArb({ totalLabelFirst: true }), (district) => {
        const inputs = district.files.map((f) => inputOf(f));
        const result = run(inputs, rosterOf(district.roster));
        const problem = conservationProblem(district, result);
        if (problem) throw new Error(problem);
      }),
      params(RUNS),
    );
  });

  it('2. order independence: shuffled inputs give the same result', () => {
    const sortKeys = fc.array(fc.nat(100), { minLength: MAX_FILES, maxLength: MAX_FILES });
    fc.assert(
      fc.property(districtArb(), sortKeys, (district, keys) => {
        const inputs = district.files.map((f) => inputOf(f));
        const order = [...inputs.keys()].sort((x, y) => keys[x]! - keys[y]! || y - x);
        const roster = rosterOf(district.roster);
        const a = run(inputs, roster);
        const b = run(
          order.map((i) => inputs[i]!),
          roster,
        );
        expect(normal(b)).toEqual(normal(a));
      }),
      params(RUNS),
    );
  });

  it('3a. idempotence: the same inputs twice give the same result', () => {
    fc.assert(
      fc.property(districtArb(), (district) => {
        const inputs = district.files.map((f) => inputOf(f));
        const roster = rosterOf(district.roster);
        const a = run(inputs, roster);
        const b = run(inputs, roster);
        expect(b).toEqual(a);
      }),
      params(RUNS),
    );
  });

  /**
   * The copy is named the way Windows and WPS name copies, so that no other file sorts
   * between it and the original: with a third file tied on date and modified time, the path
   * order alone (the last tie rule) would otherwise decide between it and the copy.
   */
  const copyArb = (namedOnly: boolean) =>
    fc.tuple(districtArb({ namedOnly }), fc.nat(MAX_FILES - 1), fc.constantFrom(' (1)', '(2)', '_副本', '_2'));
  const copyName = (file: string, suffix: string) => file.replace(/(\.[a-z]+)$/, `${suffix}$1`);

  const copyProperty = ([district, which, suffix]: [District, number, string]) => {
    const inputs = district.files.map((f) => inputOf(f));
    const roster = rosterOf(district.roster);
    const before = run(inputs, roster);
    const original = district.files[which % district.files.length]!;
    const copy = inputOf(original, copyName(original.file, suffix), original.modified);
    const after = run([...inputs, copy], roster);
    expect(after.totals).toEqual(before.totals);
  };

  /**
   * Fails at the time of writing: rows that name no unit are never superseded, so a copy of
   * a file holding one counts it twice. 3c is the same property with every row named.
   */
  it('3b. an exact copy of one file under another name leaves the totals alone', () => {
    fc.assert(fc.property(copyArb(false), copyProperty), params(RUNS));
  });

  it('3c. the same, when every row names its unit', () => {
    fc.assert(fc.property(copyArb(true), copyProperty), params(RUNS));
  });

  it('4. a corrected file changes only its unit', () => {
    const arb = fc.tuple(
      districtArb(),
      fc.constantFrom(...VARIANTS.filter((v) => v.folds)),
      fc.tuple(...intFields.map(() => fc.nat(5000))),
      fc.constantFrom('zz-更正.xlsx', '00-更正.xlsx'),
    );
    fc.assert(
      fc.property(arb, ([district, variant, numbers, name]) => {
        const inputs = district.files.map((f) => inputOf(f));
        const roster = rosterOf(district.roster);
        const before = run(inputs, roster);
        const fix: FileSpec = {
          file: name,
          modified: 9_000,
          sheet: 'Sheet1',
          typed: true,
          columns: allFields.map((f) => f.id),
          rows: [
            {
              unit: variant,
              parent: '',
              level: '基层工会',
              person: '张丽',
              phone: '13812345678',
              date: { raw: TODAY, iso: TODAY },
              ints: numbers.map((n) => ({ raw: n, expect: n })),
            },
          ],
        };
        const after = run([...inputs, inputOf(fix)], roster);
        const key = modelKey(variant, district.roster);
        const keyOf = new Map(model(district).map((m) => [rowId({ file: m.spec.file, sheet: m.spec.sheet, row: m.sheetRow }), m.key]));

        // Every other row is as it was; the unit's rows are all superseded by the new one.
        const afterRows = new Map(after.rows.map((r) => [rowId(r), r]));
        const oldCounted = before.rows.filter((r) => r.status === 'counted' && keyOf.get(rowId(r)) === key);
        expect(oldCounted.length).toBeLessThanOrEqual(1);
        for (const old of before.rows) {
          const now = afterRows.get(rowId(old));
          expect(now).toBeDefined();
          // Outlier warnings compare a unit with its peers: a corrected figure may move them; nothing else moves.
          if (keyOf.get(rowId(old)) !== key) expect(withoutOutliers(now!)).toEqual(withoutOutliers(old));
          else {
            expect(now!.status).toBe('superseded');
            expect(now!.supersededBy).toEqual({ file: name, sheet: 'Sheet1', row: 2 });
            expect(withoutOutliers({ ...now!, status: old.status, supersededBy: old.supersededBy } as RollupRow)).toEqual(
              withoutOutliers(old),
            );
          }
        }
        const added = after.rows.filter((r) => r.file === name);
        expect(added.map((r) => r.status)).toEqual(['counted']);
        expect(after.rows.length).toBe(before.rows.length + 1);
        expect(after.files.filter((f) => f.file !== name)).toEqual(before.files);

        // The totals move by exactly the difference.
        for (const field of sumFields) {
          const k = intFields.indexOf(field);
          const old = oldCounted[0]?.values[field.id];
          expect([field.id, after.totals[field.id]! - before.totals[field.id]!]).toEqual([
            field.id,
            numbers[k]! - (typeof old === 'number' ? old : 0),
          ]);
        }

        // New issues concern the new file or the unit's rows; none about other rows is lost or
        // added, but for outliers against peers: the corrected figures move the peers' median.
        const unitRows = new Set(before.rows.filter((r) => keyOf.get(rowId(r)) === key).map(rowId));
        const concernsUnit = (i: Issue) =>
          i.file === name ||
          i.code === 'outlier.peers' ||
          (i.row !== undefined &&
            unitRows.has(rowId({ file: i.file ?? '', sheet: i.sheet ?? '', row: i.row })) &&
            (i.code === 'rollup.superseded' || i.code === 'rollup.not-on-roster')) ||
          ((i.code === 'rollup.missing' || i.code === 'rollup.late') && roster !== undefined);
        const added2 = multisetMinus(after.issues.map(issueText), before.issues.map(issueText));
        const lost = multisetMinus(before.issues.map(issueText), after.issues.map(issueText));
        const afterByText = new Map(after.issues.map((i) => [issueText(i), i]));
        const beforeByText = new Map(before.issues.map((i) => [issueText(i), i]));
        for (const t of added2) expect([t, concernsUnit(afterByText.get(t)!)]).toEqual([t, true]);
        for (const t of lost) expect([t, concernsUnit(beforeByText.get(t)!)]).toEqual([t, true]);
      }),
      params(RUNS),
    );
  });

  // ── 5. Never throws ──

  const junkCell: fc.Arbitrary<CellValue> = fc.oneof(
    fc.constant(null),
    fc.constant(undefined),
    fc.string({ maxLength: 8 }),
    fc.constantFrom(
      '合计',
      '注：',
      '填表人：',
      '若干',
      '—',
      '填报单位',
      '填表日期',
      '联系电话',
      '单位名称',
      '１２０',
      '1.2万',
      '约500',
      '100-120',
    ),
    fc.double(),
    fc.integer(),
    fc.boolean(),
    fc.date({ noInvalidDate: false }),
  );
  const junkGrid: fc.Arbitrary<Grid> = fc.record({
    sheet: fc.constantFrom('Sheet1', '单位名单', ''),
    typed: fc.boolean(),
    rows: fc.array(fc.array(junkCell, { maxLength: 8 }), { maxLength: 6 }),
  });
  const badCell = fc.constantFrom<CellSpec>(
    { raw: '若干', expect: 'bad' },
    { raw: '-5', expect: 'bad' },
    { raw: '100-120', expect: 'bad' },
    { raw: 12.5, expect: 'bad' },
  );
  /** Every int cell unreadable (and the 合计 row's too). */
  const unreadableFile: fc.Arbitrary<FileSpec> = fc.tuple(fileArb(false, ['bad.xlsx']), badCell).map(([spec, cell]) => ({
    ...spec,
    rows: spec.rows.map((row) => ({ ...row, ints: row.ints.map(() => cell) })),
  }));

  it('5. rollUp never throws: empty lists, junk grids, no header, all-unreadable values, failures', () => {
    const inputArb: fc.Arbitrary<ReturnInput> = fc.oneof(
      fc
        .tuple(fc.constantFrom('x.xlsx', 'y.csv', ''), fc.array(junkGrid, { maxLength: 2 }))
        .map(([file, grids]) => ({ file, report: validateGrids(file, grids, forms, { today: TODAY }) })),
      unreadableFile.map((spec) => inputOf(spec)),
      fileArb(false, ['ok.xlsx']).map((spec) => inputOf(spec)),
      fc.constantFrom<ReturnInput>(
        { file: 'broken.xlsx' },
        { file: 'enc.xlsx', failure: { code: 'file.unreadable', params: { detail: 'encrypted' } } },
      ),
      fc.constant<ReturnInput>({ file: 'empty.xlsx', report: { file: 'empty.xlsx', tables: [], issues: [] } }),
    );
    fc.assert(
      fc.property(
        fc.array(inputArb, { maxLength: 4 }),
        fc.option(junkGrid, { nil: undefined }),
        fc.constantFrom<'zh-CN' | 'en'>('zh-CN', 'en'),
        (inputs, rosterSheet, lang) => {
          const roster = rosterSheet ? parseRoster(rosterSheet, 'roster.xlsx', lang) : undefined;
          const result = rollUp(inputs, { form, forms, createdAt: CREATED_AT, lang, ...(roster ? { roster } : {}) });
          for (const v of Object.values(result.totals)) expect(Number.isFinite(v)).toBe(true);
          expect(result.files.length).toBe(inputs.length);
        },
      ),
      params(RUNS_CHEAP),
    );
    expect(() => rollUp([], { form, forms, createdAt: CREATED_AT })).not.toThrow();
  });
});
