/**
 * Round trip (issue #6): template → filled → validated → rolled up at the district → the
 * district's roll-up workbook sent on as a return → rolled up at the city.
 *
 * For each shipped form, a generated city (one or two districts, each a few units' returns):
 *   - the blank template is the real one (`writeTemplateWorkbook`, as `huizong template`);
 *   - each return is that template loaded with exceljs and filled in its data rows, so its
 *     title, unit/date line, grouped header with ＊ marks, formats and validations stay; the
 *     values are written the way units write them (full-width digits, `120人`, `1,200`,
 *     `约500`, `1.2万`, numbers as text, blank optional cells, dates in every accepted
 *     spelling, the unit's name with a department suffix, blank rows, note rows);
 *   - the returns are rolled up at the district (`rollUpFiles`, with a roster of the units)
 *     and the roll-up workbook written (`writeRollupWorkbook`);
 *   - those workbooks are rolled up at the city (`rollUpFiles` again).
 * The library path writes the returns with exceljs only. A few fixed samples per form
 * (OFFICE_CASES) also go through LibreOffice: their returns saved as .xlsx and as .xls, and
 * their district roll-ups opened and saved again, before the city reads them — two soffice
 * runs for the whole file (tests/helpers/libreofficeBatch.ts converts many files per run).
 *
 * Expected values come from the generated data (a model built here), never from the engine:
 *   - every return validates without an error; each messy int cell has a warning, each clean
 *     one has no issue at all;
 *   - every row is read back as generated (ints, dates, options, texts);
 *   - district totals = the model's sums, field by field, computed ratios included;
 *   - city totals = the sum of the district totals (ratios recomputed from the summed parts)
 *     = the model's sums over the whole city, exactly; the city sees no issue at all;
 *   - every unit's row (typical-experience: every entry) arrives at the city exactly once.
 */
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { Workbook, type Worksheet } from 'exceljs';
import { compileForm, type CompiledField, type CompiledForm } from '../../src/core/definitions/compile';
import { shippedForm, shippedForms } from '../../src/core/definitions/shipped';
import type { CrossFieldRule } from '../../src/core/definitions/types';
import type { Issue } from '../../src/core/issues/issue';
import { parseRoster } from '../../src/core/rollup/roster';
import type { Roster, RollupResult, RollupRow } from '../../src/core/rollup/types';
import { columnName } from '../../src/core/table/grid';
import type { CellValue } from '../../src/core/values/types';
import { rollUpFiles, type SourceFile } from '../../src/files/rollupFiles';
import { writeRollupWorkbook } from '../../src/files/writeRollup';
import { writeTemplateWorkbook } from '../../src/files/writeTemplate';
import { describeWithOffice } from '../helpers/libreoffice';
import { convertManyWithLibreOffice } from '../helpers/libreofficeBatch';
import { tempDir } from '../helpers/workbooks';

const forms = shippedForms.map(compileForm);
const FORM_IDS = ['activity-summary', 'quiz-results', 'typical-experience'] as const;
type FormId = (typeof FORM_IDS)[number];

const YEAR = 2024;
const TODAY = '2024-03-31';
const DISTRICT_DEADLINE = '2024-03-25';
const CITY_DEADLINE = '2024-03-29';
/** Every generated date lies in March, on or before this day (so no return is late). */
const LAST_DAY = 25;
const CITY = '天津市总工会';
const DISTRICTS = [
  { name: '河东区总工会', short: '河东区' },
  { name: '河西区总工会', short: '河西区' },
] as const;

/**
 * fast-check runs per form on the library path (about 0.1–0.3 s each on an idle machine, the
 * activity summary, 38 columns, being the slowest). HUIZONG_ROUND_TRIP_RUNS=n sets every
 * form's runs, for longer local runs; HUIZONG_ROUND_TRIP_SEED=n replays a reported seed.
 */
const RUNS: Record<FormId, number> = (() => {
  const override = Number(process.env.HUIZONG_ROUND_TRIP_RUNS);
  if (Number.isInteger(override) && override > 0)
    return { 'activity-summary': override, 'quiz-results': override, 'typical-experience': override };
  return { 'activity-summary': 25, 'quiz-results': 40, 'typical-experience': 40 };
})();
/** Cases per form that also go through LibreOffice. */
const OFFICE_CASES = 2;
const SEED = 20240308;

// ── The template, once per form, and a way to fill it ──

interface Template {
  form: CompiledForm;
  /** The template loaded once; each return is written from it and its cells reset afterwards. */
  book: Workbook;
  /** Fills take turns on the one loaded template. */
  queue: Promise<unknown>;
  sheet: Worksheet;
  unitLine: CellValue;
  headerRow: number;
  firstDataRow: number;
  lastDataRow: number;
}

const templates = new Map<FormId, Promise<Template>>();

function template(id: FormId): Promise<Template> {
  let made = templates.get(id);
  if (!made) {
    made = (async () => {
      const form = compileForm(shippedForm(id)!);
      const bytes = await writeTemplateWorkbook(form, { lang: 'zh-CN', year: YEAR });
      const book = new Workbook();
      await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
      const sheet = book.getWorksheet(form.def.sheet.name);
      if (!sheet) throw new Error(`the template of ${id} has no sheet ${form.def.sheet.name}`);
      const meta = book.getWorksheet('_huizong');
      const metaValue = (key: string) => {
        for (let r = 1; r <= 20; r++) if (meta?.getCell(r, 1).value === key) return Number(meta.getCell(r, 2).value);
        throw new Error(`the template's _huizong sheet has no ${key}`);
      };
      return {
        form,
        book,
        sheet,
        queue: Promise.resolve(),
        unitLine: sheet.getCell(2, 1).value as CellValue,
        headerRow: metaValue('headerRow'),
        firstDataRow: metaValue('firstDataRow'),
        lastDataRow: metaValue('lastDataRow'),
      };
    })();
    templates.set(id, made);
  }
  return made;
}

// ── What is generated ──

/** One field's cell: what is written, and what it must read as. */
interface CellSpec {
  raw: CellValue;
  /** int: the number, or null for not reported; date: `YYYY-MM-DD` or null; enum/text: the string or null. */
  expect: number | string | null;
  /** int only: true → a warning must name this cell; false → no issue may; undefined → either. */
  messy?: boolean;
}

interface RowSpec {
  /** The unit as the roster names it. */
  unit: string;
  /** typical-experience: the entry's title. */
  title?: string;
  cells: Record<string, CellSpec>;
}

interface FileSpec {
  name: string;
  rows: RowSpec[];
  /** Blank rows before each data row (the first has none). */
  gaps: number[];
  unitLine?: string;
  note?: string;
}

interface DistrictSpec {
  name: string;
  units: string[];
  files: FileSpec[];
}

interface CitySpec {
  districts: DistrictSpec[];
}

const FULL = '０１２３４５６７８９';
const fullWidth = (n: number) => [...String(n)].map((d) => FULL[Number(d)]).join('');
const iso = (day: number) => `${YEAR}-03-${String(day).padStart(2, '0')}`;
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

const UNIT_SUFFIXES = [
  '大王庄街道总工会',
  '二号桥街道总工会',
  '教育系统工会',
  '第一热电厂工会',
  '实验小学工会',
  '中心医院工会',
  '春华街道总工会',
  '建设银行支行工会',
];
const PEOPLE = ['张丽', '王芳', '孔迪', '李静', '刘  洋'];
const PHONES = ['13812345678', '022-24316934', '022-24316934-123', '0311-87654321', '138 1234 5678', '15900001111'];
const EMAILS = ['hdqzghkong@163.com', 'nvgong_hx@tj.gov.cn'];
const TITLES = [
  '以专项集体合同护航女职工权益',
  '“法律明白人”进企业',
  '一起孕期调岗纠纷的化解',
  '线上线下结合的普法竞赛',
  '区域性协商的探索',
];
const TEXTS: Record<string, string[]> = {
  competitionName: ['2024年女职工权益保护法律法规知识竞赛', '“巾帼学法”线上答题', '女职工维权知识竞答'],
  summary: [
    '通过集体协商为女职工争取孕期、哺乳期特殊保护。',
    '组织女职工学习《女职工劳动保护特别规定》，覆盖全区企业。',
    '=1+1 不是公式，是摘要',
  ],
  caseFacts: ['某公司以孕期为由调岗降薪。', '女职工产假期间被解除劳动合同。'],
  unionAction: ['工会介入协调，提供法律援助。', '工会约谈企业负责人并督促整改。'],
  outcome: ['企业恢复原岗位并补发工资。', '双方达成调解协议。'],
  attachment: ['典型经验全文.docx', '=HYPERLINK("x")', '+86 附件.doc'],
  notes: ['数据截至3月20日', '=SUM(A1:A3)', '@备注', '含下属单位'],
};

/** A value from a list, by a generated index. */
const pick = <T>(list: readonly T[], n: number): T => list[n % list.length]!;

/** The own-unit spellings an int field accepts after the number (`人` also in a `人次` field). */
function ownUnits(field: CompiledField): string[] {
  const unit = field.def.unit;
  if (!unit) return [];
  return unit.length > 1 ? [unit, unit[0]!] : [unit];
}

/** How an int is written: clean, or messy in one of the accepted ways. */
function intCell(field: CompiledField, n: number, how: number): CellSpec {
  const r = how % 100;
  if (r < 40) return { raw: n, expect: n, messy: false };
  if (r < 47) return { raw: fullWidth(n), expect: n, messy: true };
  if (r < 54 && ownUnits(field).length) return { raw: `${n}${pick(ownUnits(field), r)}`, expect: n, messy: true };
  if (r < 60) return { raw: String(n), expect: n, messy: true };
  if (r < 64) return { raw: ` ${n} `, expect: n, messy: true };
  if (r < 69 && n >= 1000) return { raw: n.toLocaleString('en-US'), expect: n, messy: true };
  if (r < 74) return { raw: pick(['约#', '#余', '#多'], r).replace('#', String(n)), expect: n, messy: true };
  if (r < 78) return { raw: `${n}.0`, expect: n, messy: true };
  if (r < 82 && n > 0 && n % 1000 === 0) return { raw: `${n / 10000}万`, expect: n, messy: true };
  if (r < 86 && n === 0) return { raw: '无', expect: 0 };
  return { raw: n, expect: n, messy: false };
}

/** How a date is written: a date cell, an Excel serial in a date cell, or one of the accepted texts. */
function dateCell(day: number, how: number): CellSpec {
  const raws: CellValue[] = [
    new Date(Date.UTC(YEAR, 2, day)),
    (Date.UTC(YEAR, 2, day) - EXCEL_EPOCH) / 86_400_000,
    iso(day),
    `${YEAR}/3/${day}`,
    `${YEAR}.3.${day}`,
    `${YEAR}年3月${day}日`,
    `3月${day}日`,
  ];
  return { raw: pick(raws, how), expect: iso(day) };
}

/** An option, now and then with half-width brackets (read as the option, with a warning). */
function enumCell(options: readonly string[], n: number, how: number): CellSpec {
  const option = pick(options, n);
  const raw = how % 5 === 0 && option.includes('（') ? option.replace('（', '(').replace('）', ')') : option;
  return { raw, expect: option };
}

/** Random numbers for one row, turned into cells by `makeRow` (which knows the form). */
interface RowSeed {
  nums: number[];
  hows: number[];
  blanks: boolean[];
  variant: number;
}

function rowSeedArb(form: CompiledForm): fc.Arbitrary<RowSeed> {
  const n = form.fields.length;
  return fc.record({
    nums: fc.array(fc.noShrink(fc.nat(5000)), { minLength: n, maxLength: n }),
    hows: fc.array(fc.nat(99), { minLength: n, maxLength: n }),
    blanks: fc.array(
      fc.nat(5).map((k) => k === 0),
      { minLength: n, maxLength: n },
    ),
    variant: fc.nat(7),
  });
}

/**
 * A row valid for every cross-field rule of the form, derived from the rules themselves:
 * compare rules clamp (dates are compared as days), a sum rule splits its total into its
 * parts, requiredWhen fills its field; optional fields are left blank now and then.
 */
function makeRow(form: CompiledForm, district: DistrictSpec, unit: string, entry: number, seed: RowSeed): RowSpec {
  const rules = (form.def.rules ?? []) as CrossFieldRule[];
  const idx = (id: string) => form.byId.get(id)!.index;
  const num: Record<string, number> = {};
  for (const f of form.fields) {
    const n = seed.nums[f.index]!;
    if (f.def.type === 'int') num[f.id] = seed.hows[f.index]! % 100 >= 78 && seed.hows[f.index]! % 100 < 82 ? ((n % 50) + 1) * 1000 : n;
    if (f.def.type === 'date') num[f.id] = (n % LAST_DAY) + 1;
  }
  for (const rule of rules) {
    if (rule.kind !== 'compare' || num[rule.field] === undefined || num[rule.other] === undefined) continue;
    if (rule.op === '<=') num[rule.field] = Math.min(num[rule.field]!, num[rule.other]!);
    else if (rule.op === '>=') num[rule.field] = Math.max(num[rule.field]!, num[rule.other]!);
    else num[rule.field] = num[rule.other]!;
  }
  for (const rule of rules) {
    if (rule.kind !== 'sum') continue;
    let left = num[rule.total]!;
    rule.parts.forEach((part, i) => {
      const share = i === rule.parts.length - 1 ? left : seed.nums[idx(part)]! % (left + 1);
      num[part] = share;
      left -= share;
    });
  }
  const needed = new Set(form.fields.filter((f) => f.required).map((f) => f.id));
  const cells: Record<string, CellSpec> = {};
  const enums: Record<string, string> = {};
  for (const f of form.fields) if (f.def.type === 'enum') enums[f.id] = pick(f.schema.enum ?? [], seed.nums[f.index]!);
  for (const rule of rules) if (rule.kind === 'requiredWhen' && enums[rule.when.field] === rule.when.equals) needed.add(rule.field);

  let title: string | undefined;
  for (const f of form.fields) {
    const how = seed.hows[f.index]!;
    const blank = !needed.has(f.id) && seed.blanks[f.index]!;
    if (f.id === form.def.rollupKey) {
      const written = [unit, unit, unit, `${unit}女职委`, `${unit}（女职工委员会）`, `${unit}女工部`];
      cells[f.id] = { raw: pick(written, seed.variant), expect: unit };
      continue;
    }
    if (f.id === 'title' && form.def.kind === 'list') {
      // Unique within the unit; other units may use the same title (and must stay apart).
      title = `${pick(TITLES, entry)}（${entry + 1}）`;
      cells[f.id] = { raw: title, expect: title };
      continue;
    }
    if (blank) {
      cells[f.id] = f.def.type === 'int' ? { raw: null, expect: null, messy: false } : { raw: null, expect: null };
      continue;
    }
    switch (f.def.type) {
      case 'int':
        cells[f.id] = intCell(f, num[f.id]!, how);
        break;
      case 'date':
        cells[f.id] = dateCell(num[f.id]!, how);
        break;
      case 'enum':
        cells[f.id] = enumCell(f.schema.enum ?? [], seed.nums[f.index]!, how);
        break;
      case 'phone':
        cells[f.id] = { raw: pick(PHONES, how), expect: null };
        break;
      case 'email':
        cells[f.id] = { raw: pick(EMAILS, how), expect: pick(EMAILS, how) };
        break;
      default: {
        const text =
          f.id === 'parentUnit'
            ? district.name
            : f.id === 'contactPerson'
              ? pick(PEOPLE, how)
              : pick(TEXTS[f.id] ?? [`${f.label}${how}`], how);
        cells[f.id] = { raw: text, expect: text.trim() };
      }
    }
  }
  return title === undefined ? { unit, cells } : { unit, title, cells };
}

/** A district: some units, each unit's row(s) in one of up to two files. */
function districtArb(form: CompiledForm, district: (typeof DISTRICTS)[number]): fc.Arbitrary<DistrictSpec> {
  const entriesPerUnit = form.def.kind === 'list' ? 3 : 1;
  const unitArb = fc.record({
    file: fc.nat(1),
    entries: fc.array(rowSeedArb(form), { minLength: 1, maxLength: entriesPerUnit }),
  });
  const fileExtras = fc.record({
    gaps: fc.array(
      fc.nat(5).map((k) => (k === 0 ? 1 : 0)),
      { minLength: 12, maxLength: 12 },
    ),
    unitLine: fc.boolean(),
    note: fc.nat(3),
  });
  return fc
    .tuple(
      fc.uniqueArray(fc.nat(UNIT_SUFFIXES.length - 1), { minLength: 1, maxLength: 4 }),
      fc.array(unitArb, { minLength: 4, maxLength: 4 }),
      fc.array(fileExtras, { minLength: 2, maxLength: 2 }),
    )
    .map(([which, units, extras]) => {
      const spec: DistrictSpec = { name: district.name, units: which.map((i) => `${district.short}${UNIT_SUFFIXES[i]}`), files: [] };
      const byFile = new Map<number, RowSpec[]>();
      spec.units.forEach((unit, u) => {
        const { file, entries } = units[u]!;
        const rows = byFile.get(file) ?? [];
        entries.forEach((seed, e) => rows.push(makeRow(form, spec, unit, e, seed)));
        byFile.set(file, rows);
      });
      for (const [file, rows] of [...byFile.entries()].sort((a, b) => a[0] - b[0])) {
        const extra = extras[file]!;
        const first = rows[0]!;
        const fillDate = Object.values(first.cells).find((c) => typeof c.expect === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(c.expect));
        spec.files.push({
          name: `${district.short}-${file + 1}.xlsx`,
          rows,
          gaps: rows.map((_, i) => (i === 0 ? 0 : extra.gaps[i]!)),
          ...(extra.unitLine ? { unitLine: `填报单位：${first.unit}          填报日期：${fillDate?.expect ?? ''}` } : {}),
          ...(extra.note === 0
            ? { note: '注：本表数据由各单位如实填报。' }
            : extra.note === 1
              ? { note: `填表人：${pick(PEOPLE, rows.length)}` }
              : {}),
        });
      }
      return spec;
    });
}

function cityArb(form: CompiledForm): fc.Arbitrary<CitySpec> {
  return fc.oneof(
    districtArb(form, DISTRICTS[0]).map((d) => ({ districts: [d] })),
    fc.tuple(districtArb(form, DISTRICTS[0]), districtArb(form, DISTRICTS[1])).map(([a, b]) => ({ districts: [a, b] })),
  );
}

// ── Filling the template ──

/** Sheet rows (1-based) of a file's data rows. */
function sheetRows(tpl: Template, file: FileSpec): number[] {
  let r = tpl.firstDataRow - 1;
  const rows = file.rows.map((_, i) => (r += 1 + file.gaps[i]!));
  if (r + 2 > tpl.lastDataRow) throw new Error(`${file.name}: ${r + 2} rows do not fit the template`);
  return rows;
}

function fill(tpl: Template, file: FileSpec): Promise<Uint8Array> {
  const turn = tpl.queue.then(() => fillNow(tpl, file));
  tpl.queue = turn.catch(() => undefined);
  return turn;
}

async function fillNow(tpl: Template, file: FileSpec): Promise<Uint8Array> {
  const { sheet, form } = tpl;
  const rows = sheetRows(tpl, file);
  const touched: [number, number][] = [];
  const put = (r: number, c: number, value: CellValue) => {
    if (value === null || value === undefined) return;
    sheet.getCell(r, c).value = value as never;
    touched.push([r, c]);
  };
  file.rows.forEach((row, i) => {
    for (const f of form.fields) put(rows[i]!, f.index + 1, row.cells[f.id]!.raw);
  });
  if (file.note) put(rows[rows.length - 1]! + 2, 1, file.note);
  if (file.unitLine) sheet.getCell(2, 1).value = file.unitLine;
  try {
    return new Uint8Array(await tpl.book.xlsx.writeBuffer());
  } finally {
    for (const [r, c] of touched) sheet.getCell(r, c).value = null;
    sheet.getCell(2, 1).value = tpl.unitLine as never;
  }
}

// ── The model ──

function modelTotals(form: CompiledForm, rows: readonly RowSpec[]): Record<string, number> {
  const totals: Record<string, number> = {};
  for (const f of form.fields) {
    if (f.def.rollup !== 'sum') continue;
    totals[f.id] = rows.reduce(
      (sum, row) => sum + (typeof row.cells[f.id]!.expect === 'number' ? (row.cells[f.id]!.expect as number) : 0),
      0,
    );
  }
  for (const c of form.def.computed ?? []) {
    // 女职工参赛率: over the units that gave their women workers only.
    const over = c.onlyWhereDenominatorGiven ? rows.filter((row) => typeof row.cells[c.denominator]!.expect === 'number') : rows;
    const part = (id: string) =>
      over.reduce((sum, row) => sum + (typeof row.cells[id]!.expect === 'number' ? (row.cells[id]!.expect as number) : 0), 0);
    if (part(c.denominator) > 0) totals[c.id] = part(c.numerator) / part(c.denominator);
  }
  return totals;
}

/** A ratio over the units that gave its base cannot be had from the parts' totals: left out where they are added. */
function withoutRestricted(form: CompiledForm, totals: Record<string, number>): Record<string, number> {
  const out = { ...totals };
  for (const c of form.def.computed ?? []) if (c.onlyWhereDenominatorGiven) delete out[c.id];
  return out;
}

/** The city's totals from the districts': sums added, ratios recomputed from the added parts. */
function addTotals(form: CompiledForm, parts: readonly Record<string, number>[]): Record<string, number> {
  const totals: Record<string, number> = {};
  for (const f of form.fields) if (f.def.rollup === 'sum') totals[f.id] = parts.reduce((sum, t) => sum + t[f.id]!, 0);
  for (const c of form.def.computed ?? []) if (totals[c.denominator]! > 0) totals[c.id] = totals[c.numerator]! / totals[c.denominator]!;
  return totals;
}

const issueText = (i: Issue) => `${i.file ?? ''} ${i.sheet ?? ''} ${i.severity} ${i.code}: ${i.message}`;
const entryKey = (unit: string, title: string | undefined) => (title === undefined ? unit : `${unit} / ${title}`);
const CREATED_AT = '2024-03-26T08:00:00.000Z';

function rosterOf(rows: CellValue[][]): Roster {
  const roster = parseRoster(
    { sheet: '单位名单', typed: true, rows: [['单位名称', '单位层级', '上级单位', '别名', '截止日期'], ...rows] },
    '单位名单.xlsx',
    'zh-CN',
  );
  expect(roster.issues).toEqual([]);
  return roster;
}

/** A value as the engine holds it, for comparison with the model. */
function held(value: RollupRow['values'][string]): number | string | null {
  if (value === undefined || value === null || value === '') return null;
  return typeof value === 'string' ? value.trim() : (value as number | string);
}

type Bytes = (district: DistrictSpec, file: FileSpec) => Promise<SourceFile>;
type Passed = (district: DistrictSpec, rollup: Uint8Array) => Promise<Uint8Array>;

interface Outcome {
  districts: RollupResult[];
  city: RollupResult;
  rollups: Uint8Array[];
}

/**
 * The whole round trip for one generated city; throws (with the first difference) where the
 * engine and the model disagree. `returnOf` gives a return's bytes (exceljs or LibreOffice),
 * `passOn` what the district sends to the city (its roll-up as written, or re-saved).
 */
async function roundTrip(
  form: CompiledForm,
  city: CitySpec,
  returnOf: Bytes,
  passOn: Passed = async (_, b) => b,
  sentExt = '.xlsx',
): Promise<Outcome> {
  const tpl = await template(form.def.id as FormId);
  const districtResults: RollupResult[] = [];
  const rollups: Uint8Array[] = [];
  const sent: SourceFile[] = [];
  for (const district of city.districts) {
    const files: SourceFile[] = [];
    for (const file of district.files) files.push(await returnOf(district, file));
    const roster = rosterOf(district.units.map((u) => [u, '基层工会', district.name, '', '']));
    const result = rollUpFiles(files, {
      form,
      forms,
      roster,
      deadline: DISTRICT_DEADLINE,
      unit: district.name,
      level: '区（市）县总工会',
      lang: 'zh-CN',
      createdAt: CREATED_AT,
      today: TODAY,
    });
    const where = `${form.def.id} at ${district.name}`;

    // Every return accepted, validated without an error.
    expect([where, result.files.map((f) => [f.file, f.status, f.reason ?? ''])]).toEqual([
      where,
      files.map((f) => [f.name, 'accepted', '']),
    ]);
    expect([where, result.issues.filter((i) => i.severity === 'error').map(issueText)]).toEqual([where, []]);

    // Each int cell: messy → a warning at that cell; clean → no issue there.
    const generatedRows = district.files.flatMap((file, n) =>
      sheetRows(tpl, file).map((r, i) => ({ file: files[n]!.name, sheetRow: r, row: file.rows[i]! })),
    );
    const problems: string[] = [];
    for (const { file, sheetRow, row } of generatedRows) {
      for (const f of form.fields) {
        const cell = row.cells[f.id]!;
        if (cell.messy === undefined) continue;
        const at = `${columnName(f.index)}${sheetRow}`;
        const here = result.issues.filter((i) => i.file === file && i.cell === at);
        if (cell.messy && !here.some((i) => i.severity === 'warning'))
          problems.push(`${file} ${at} ${JSON.stringify(cell.raw)}: no warning`);
        if (!cell.messy && here.length) problems.push(`${file} ${at} ${JSON.stringify(cell.raw)}: ${here.map(issueText).join('; ')}`);
      }
    }
    expect([where, problems]).toEqual([where, []]);

    // Every row read back as generated, counted once, named as the roster names it (phone
    // numbers aside: the validator may normalise them; that they are valid is checked above).
    const byPlace = new Map(result.rows.map((r) => [`${r.file}#${r.row}`, r]));
    expect([where, result.rows.length]).toEqual([where, generatedRows.length]);
    for (const { file, sheetRow, row } of generatedRows) {
      const got = byPlace.get(`${file}#${sheetRow}`);
      const want = Object.fromEntries(form.fields.filter((f) => f.def.type !== 'phone').map((f) => [f.id, row.cells[f.id]!.expect]));
      const have = got
        ? Object.fromEntries(form.fields.filter((f) => f.def.type !== 'phone').map((f) => [f.id, held(got.values[f.id])]))
        : undefined;
      expect([where, file, sheetRow, got?.status, got?.unit, have]).toEqual([where, file, sheetRow, 'counted', row.unit, want]);
    }
    expect([where, result.units.map((u) => [u.unit, u.status])]).toEqual([where, district.units.map((u) => [u, 'reported'])]);

    // The district's totals are the model's sums.
    const rows = district.files.flatMap((f) => f.rows);
    expect([where, result.totals]).toEqual([where, modelTotals(form, rows)]);

    const bytes = await writeRollupWorkbook(result, form, { lang: 'zh-CN' });
    districtResults.push(result);
    rollups.push(bytes);
    sent.push({ name: `${district.name}汇总${sentExt}`, bytes: await passOn(district, bytes) });
  }

  // The city: each district's roll-up is its return.
  const roster = rosterOf(city.districts.map((d) => [d.name, '区（市）县总工会', CITY, '', '']));
  const result = rollUpFiles(sent, {
    form,
    forms,
    roster,
    deadline: CITY_DEADLINE,
    unit: CITY,
    level: '市总工会',
    lang: 'zh-CN',
    createdAt: CREATED_AT,
    today: TODAY,
  });
  const where = `${form.def.id} at ${CITY}`;
  expect([where, result.files.map((f) => [f.file, f.status, f.rollupOf?.unit ?? f.reason ?? ''])]).toEqual([
    where,
    sent.map((s, i) => [s.name, 'accepted', city.districts[i]!.name]),
  ]);
  // Generated figures are not peers of each other: outlier warnings are tested in outliers.test.ts.
  expect([where, result.issues.filter((i) => !i.code.startsWith('outlier.')).map(issueText)]).toEqual([where, []]);
  expect([where, result.units.map((u) => [u.unit, u.status])]).toEqual([where, city.districts.map((d) => [d.name, 'reported'])]);

  // Totals: the sum of the districts' = the model's, field by field, ratios included.
  expect([where, withoutRestricted(form, result.totals)]).toEqual([
    where,
    withoutRestricted(
      form,
      addTotals(
        form,
        districtResults.map((r) => r.totals),
      ),
    ),
  ]);
  expect([where, result.totals]).toEqual([
    where,
    modelTotals(
      form,
      city.districts.flatMap((d) => d.files.flatMap((f) => f.rows)),
    ),
  ]);

  // Every unit (every entry) arrives once, with the values the district counted.
  const titleOf = (r: RollupRow) => (form.def.kind === 'list' ? String(r.values.title ?? '') : undefined);
  const arrived = result.rows.map((r) => [entryKey(r.unit, titleOf(r)), r.status]).sort();
  const expected = city.districts.flatMap((d) => d.files.flatMap((f) => f.rows.map((r) => [entryKey(r.unit, r.title), 'counted']))).sort();
  expect([where, arrived]).toEqual([where, expected]);
  const districtRows = new Map(districtResults.flatMap((d) => d.rows.map((r) => [entryKey(r.unit, titleOf(r)), r])));
  for (const row of result.rows) {
    const from = districtRows.get(entryKey(row.unit, titleOf(row)))!;
    const values = (r: RollupRow) =>
      Object.fromEntries(form.fields.filter((f) => f.def.type !== 'phone').map((f) => [f.id, held(r.values[f.id])]));
    expect([where, row.unit, values(row)]).toEqual([where, row.unit, values(from)]);
  }
  return { districts: districtResults, city: result, rollups };
}

const libraryReturn: Bytes = async (_district, file) => {
  const tpl = await template(formOfFile.get(file)!);
  return { name: file.name, bytes: await fill(tpl, file) };
};
/** The form of each generated file (set by the property before the round trip). */
const formOfFile = new WeakMap<FileSpec, FormId>();

function tag(id: FormId, city: CitySpec): CitySpec {
  for (const d of city.districts) for (const f of d.files) formOfFile.set(f, id);
  return city;
}

// ── The properties ──

const timings: string[] = [];
afterAll(() => {
  if (timings.length) console.log(`round trip:\n  ${timings.join('\n  ')}`);
});

describe('round trip: template → returns → district roll-up → city roll-up', () => {
  it('the generator makes rows the model can vouch for (no rule kind it does not know)', () => {
    for (const id of FORM_IDS) {
      const form = compileForm(shippedForm(id)!);
      for (const rule of (form.def.rules ?? []) as CrossFieldRule[])
        expect([id, rule.id, ['compare', 'sum', 'requiredWhen', 'notAfterToday', 'unique'].includes(rule.kind)]).toEqual([
          id,
          rule.id,
          true,
        ]);
      // Dates compared by a rule are days of March; every such rule compares two dates or two ints.
      for (const rule of (form.def.rules ?? []) as CrossFieldRule[]) {
        if (rule.kind === 'compare') expect(form.byId.get(rule.field)!.def.type).toBe(form.byId.get(rule.other)!.def.type);
      }
    }
  });

  it('a filled template keeps its title, unit/date line, header, validations and metadata', async () => {
    const tpl = await template('quiz-results');
    const [city] = fc.sample(cityArb(tpl.form), { seed: SEED, numRuns: 1 });
    const file = city!.districts[0]!.files[0]!;
    const bytes = await fill(tpl, file);
    const book = new Workbook();
    await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet(tpl.form.def.sheet.name)!;
    expect(sheet.getCell(1, 1).value).toBe(`${YEAR}年女职工权益保护法律法规知识竞赛活动情况表`);
    expect(String(sheet.getCell(tpl.headerRow, 1).text)).toBe('＊单位名称');
    const validations = (sheet as unknown as { dataValidations: { model: Record<string, unknown> } }).dataValidations.model;
    expect(Object.keys(validations).length).toBeGreaterThanOrEqual(tpl.form.fields.length);
    expect(book.getWorksheet('_huizong')?.state).toBe('veryHidden');
    // …and the template object itself is left blank for the next return.
    expect(tpl.sheet.getCell(tpl.firstDataRow, 1).value).toBeNull();
  });

  for (const id of FORM_IDS) {
    it(`${id}: the city's totals are the districts' totals, which are the units' values (library path)`, async () => {
      const form = (await template(id)).form;
      const started = Date.now();
      let runs = 0;
      let files = 0;
      await fc.assert(
        fc.asyncProperty(cityArb(form), async (city) => {
          runs++;
          files += city.districts.reduce((n, d) => n + d.files.length, 0);
          await roundTrip(form, tag(id, city), libraryReturn);
        }),
        { numRuns: RUNS[id], seed: Number(process.env.HUIZONG_ROUND_TRIP_SEED ?? Date.now() % 2 ** 31) },
      );
      // Without a failure every planned run ran.
      expect(runs).toBe(RUNS[id]);
      timings.push(`${id}: ${RUNS[id]} runs (${runs} with shrinking), ${files} returns, ${((Date.now() - started) / 1000).toFixed(1)} s`);
    });
  }
});

describeWithOffice('round trip through LibreOffice: returns saved as .xlsx and .xls, roll-ups re-saved', () => {
  let dir = '';
  interface OfficeCase {
    id: FormId;
    city: CitySpec;
    /** Return → its path as exceljs wrote it. */
    paths: Map<FileSpec, string>;
    /** District name → its roll-up as writeRollupWorkbook wrote it (from the library's returns). */
    rollups: Map<string, string>;
  }
  const cases: OfficeCase[] = [];
  /** Path as written → path as LibreOffice saved it. */
  const saved = { xlsx: new Map<string, string>(), xls: new Map<string, string>() };
  let started = 0;
  let counts = { returns: 0, rollups: 0 };

  beforeAll(async () => {
    started = Date.now();
    dir = tempDir('huizong-round-trip-');
    const returns: string[] = [];
    const rollups: string[] = [];
    fs.mkdirSync(path.join(dir, 'in'), { recursive: true });
    for (const id of FORM_IDS) {
      const tpl = await template(id);
      // Fixed samples: the same files on every run, so a LibreOffice difference is reproducible.
      const cities = fc.sample(cityArb(tpl.form), { seed: SEED + FORM_IDS.indexOf(id), numRuns: OFFICE_CASES });
      for (const [n, city] of cities.entries()) {
        const c: OfficeCase = { id, city: tag(id, city), paths: new Map(), rollups: new Map() };
        for (const district of city.districts) {
          for (const file of district.files) {
            const p = path.join(dir, 'in', `${id}-${n}-${file.name}`);
            fs.writeFileSync(p, await fill(tpl, file));
            c.paths.set(file, p);
            returns.push(p);
          }
        }
        // The library path of the same city gives the roll-ups that LibreOffice will re-save.
        const outcome = await roundTrip(tpl.form, city, libraryReturn);
        city.districts.forEach((d, i) => {
          const p = path.join(dir, 'in', `${id}-${n}-${d.name}汇总.xlsx`);
          fs.writeFileSync(p, outcome.rollups[i]!);
          c.rollups.set(d.name, p);
          rollups.push(p);
        });
        cases.push(c);
      }
    }
    // Two soffice runs in all: everything to .xlsx, everything to .xls.
    const all = [...returns, ...rollups];
    for (const ext of ['xlsx', 'xls'] as const) {
      const outs = await convertManyWithLibreOffice(all, ext, path.join(dir, ext));
      all.forEach((p, i) => saved[ext].set(p, outs[i]!));
    }
    counts = { returns: returns.length, rollups: rollups.length };
  });

  afterAll(() => {
    timings.push(
      `LibreOffice: ${cases.length} cities, ${counts.returns} returns and ${counts.rollups} district roll-ups saved as .xlsx and .xls, ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  const officeReturn =
    (c: OfficeCase, ext: (district: number, file: number) => 'xlsx' | 'xls'): Bytes =>
    async (district, file) => {
      const p = saved[ext(c.city.districts.indexOf(district), district.files.indexOf(file))].get(c.paths.get(file)!)!;
      return { name: path.basename(p), bytes: new Uint8Array(fs.readFileSync(p)) };
    };

  for (const [label, ext] of [
    ['.xlsx', () => 'xlsx' as const],
    ['.xls (and .xlsx in the second district)', (d: number) => (d === 0 ? ('xls' as const) : ('xlsx' as const))],
  ] as const) {
    it(`returns saved by LibreOffice as ${label} round-trip like the library's`, async () => {
      expect(cases.length).toBe(FORM_IDS.length * OFFICE_CASES);
      for (const c of cases) await roundTrip(compileForm(shippedForm(c.id)!), c.city, officeReturn(c, ext));
    });
  }

  for (const ext of ['xlsx', 'xls'] as const) {
    it(`a district roll-up opened and saved again in LibreOffice as .${ext} still counts as the district at the city`, async () => {
      for (const c of cases) {
        const resaved: Passed = async (d) => new Uint8Array(fs.readFileSync(saved[ext].get(c.rollups.get(d.name)!)!));
        await roundTrip(compileForm(shippedForm(c.id)!), c.city, libraryReturn, resaved, `.${ext}`);
      }
    });
  }
});
