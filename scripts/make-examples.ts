/**
 * `npx tsx scripts/make-examples.ts`: writes `examples/河东区-2024/` — one small district's
 * returns of the activity-summary form as they really arrive (title lines, merged headers,
 * 合计 rows, `约500`, a GB18030 .csv, an .xls, a broken file, the wrong form …), its roster
 * and a 说明.md naming what is wrong with each file on purpose.
 *
 * Deterministic: fixed names, numbers (a seeded generator), dates and file contents, so that
 * running it again gives the same bytes. `tests/examples/examples.test.ts` checks that the
 * committed folder is what this script makes, and what Huizong says about each file.
 */
import * as XLSX from '@e965/xlsx';
import iconv from 'iconv-lite';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { shippedForm } from '../src/core/definitions/shipped';
import { makeNoticeExample, NOTICE_FOLDER } from './make-notice-example';

/** The district, its folder and its deadline. */
export const DISTRICT = '河东区总工会';
export const EXAMPLE_FOLDER = join('examples', '河东区-2024');
export const DEADLINE = '2024-03-25';
export const ROLLUP_COMMAND =
  'npm run -s huizong -- rollup examples/河东区-2024/returns --form activity-summary --roster examples/河东区-2024/单位名单.csv --deadline 2024-03-25 --unit 河东区总工会 --out 河东区汇总.xlsx';

const TITLE = '2024年女职工维权行动月活动数据汇总表';

// ── Cells ──

/** A real date cell (an Excel serial number with a date format), `YYYY-MM-DD`. */
interface DateCell {
  date: string;
  format?: string;
}
type Cell = string | number | null | DateCell;

const isDateCell = (cell: Cell): cell is DateCell => typeof cell === 'object' && cell !== null;

function serial(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;
}

function toSheetCell(cell: Cell): XLSX.CellObject | string | number | null {
  if (isDateCell(cell)) return { t: 'n', v: serial(cell.date), z: cell.format ?? 'yyyy-mm-dd' };
  return cell;
}

function cellText(cell: Cell): string {
  if (cell === null) return '';
  if (isDateCell(cell)) return cell.date;
  return String(cell);
}

// ── Labels of the forms (the schema titles are the column headers) ──

function labelsOf(formId: string): Record<string, string> {
  const form = shippedForm(formId);
  if (!form) throw new Error(`no shipped form ${formId}`);
  const out: Record<string, string> = {};
  for (const [id, property] of Object.entries(form.schema.properties)) out[id] = property.title ?? id;
  return out;
}

const AS = labelsOf('activity-summary');
const QR = labelsOf('quiz-results');
const AS_IDS = Object.keys(AS);
const INT_IDS = AS_IDS.filter((id) => shippedForm('activity-summary')!.fields[id]?.type === 'int');

// ── Numbers: plausible, consistent with every rule, the same on every run ──

/** mulberry32, seeded from the unit's name (FNV-1a). */
function seeded(seed: string): () => number {
  let h = 2166136261;
  for (const ch of seed) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 16777619);
  }
  let a = h >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Size = 'street' | 'grassroots';

/** Every int of the activity-summary form for one unit, consistent with AS-R01 … AS-R11. */
function figures(unit: string, size: Size): Record<string, number> {
  const r = seeded(unit);
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const share = (n: number, lo: number, hi: number) => Math.round((n * int(lo, hi)) / 100);
  const big = size === 'street' ? 3 : 1;
  const publicityEvents = int(2, 6) * big;
  const publicityParticipants = publicityEvents * int(30, 90);
  const trainingSessions = int(1, 2) * big;
  const quizSessions = int(0, 2);
  const quizParticipants = quizSessions * int(40, 120);
  const contractsInForce = size === 'street' ? int(8, 30) : 1;
  const contractsSingle = size === 'street' ? int(2, Math.floor(contractsInForce / 2)) : 1;
  const contractsRegional = contractsInForce - contractsSingle - (size === 'street' ? int(0, 2) : 0);
  const contractEnterprises = size === 'street' ? contractsInForce + int(contractsInForce, contractsInForce * 4) : 1;
  const contractEmployees = size === 'street' ? contractEnterprises * int(25, 120) : int(300, 1500);
  const inspections = int(1, 4) * big;
  const inspectedEmployers = size === 'street' ? inspections * int(1, 3) : 1;
  const problemsFound = int(0, 6);
  const casesHandled = size === 'street' ? int(0, 3) : int(0, 1);
  return {
    publicityEvents,
    publicityParticipants,
    publicityFemale: share(publicityParticipants, 50, 80),
    materialsDistributed: publicityParticipants * int(1, 3),
    trainingSessions,
    trainingParticipants: trainingSessions * int(20, 60),
    quizSessions,
    quizParticipants,
    quizFemale: share(quizParticipants, 50, 80),
    contractsNew: int(0, Math.min(4, contractsInForce)),
    contractsInForce,
    contractsSingle,
    contractsRegional,
    contractsIndustry: contractsInForce - contractsSingle - contractsRegional,
    contractEnterprises,
    contractEmployees,
    contractFemale: share(contractEmployees, 30, 60),
    complianceChecks: int(0, contractEnterprises),
    inspections,
    inspectedEmployers,
    inspectedFemale: inspectedEmployers * int(10, 60),
    problemsFound,
    problemsRectified: int(0, problemsFound),
    rectificationNotices: int(0, problemsFound),
    casesHandled,
    casesClosed: int(0, casesHandled),
    casesFemale: casesHandled * int(1, 3),
    photos: int(4, 30),
    experiences: int(0, 2),
    mediaReports: int(0, 4),
  };
}

interface UnitData {
  unitName: string;
  unitLevel: string;
  parentUnit: string;
  contactPerson: string;
  contactPhone: string;
  contactEmail: string;
  fillDate: Cell;
  notes?: string;
  size: Size;
  /** Cells written other than the generated figures: how the unit really typed them. */
  as?: Record<string, Cell>;
}

/** One activity-summary row by field id. */
function activityValues(unit: UnitData, figuresOf = unit.unitName): Record<string, Cell> {
  return {
    ...figures(figuresOf, unit.size),
    unitName: unit.unitName,
    unitLevel: unit.unitLevel,
    parentUnit: unit.parentUnit,
    contactPerson: unit.contactPerson,
    contactPhone: unit.contactPhone,
    contactEmail: unit.contactEmail,
    fillDate: unit.fillDate,
    notes: unit.notes ?? null,
    ...unit.as,
  };
}

const pick = (values: Record<string, Cell>, ids: readonly string[]): Cell[] => ids.map((id) => values[id] ?? null);

/** The 合计 row of detail rows, with the sums as a person would (or would not) add them. */
function totalRow(rows: Record<string, Cell>[], ids: readonly string[], typo: Record<string, number> = {}): Cell[] {
  return ids.map((id, i) => {
    if (i === 0) return '合计';
    if (!INT_IDS.includes(id)) return null;
    const sum = rows.reduce((n, row) => n + (typeof row[id] === 'number' ? (row[id] as number) : 0), 0);
    return sum + (typo[id] ?? 0);
  });
}

// ── Sheets and files ──

interface SheetSpec {
  name: string;
  rows: Cell[][];
  merges?: string[];
  /** Column widths in characters. */
  widths?: number[];
}

function worksheet(spec: SheetSpec): XLSX.WorkSheet {
  const ws = XLSX.utils.aoa_to_sheet(spec.rows.map((row) => row.map(toSheetCell)));
  if (spec.merges) ws['!merges'] = spec.merges.map((m) => XLSX.utils.decode_range(m));
  if (spec.widths) ws['!cols'] = spec.widths.map((wch) => ({ wch }));
  return ws;
}

/**
 * The number formats SheetJS starts with, as this module finds them. SheetJS adds every
 * custom format it meets (`yyyy-mm-dd` …) to a table shared by all the workbooks it writes
 * afterwards; each workbook starts from this copy instead, so that a file's bytes do not
 * depend on which files were written before it.
 */
const STARTING_FORMATS: Record<number, string> = { ...(XLSX.SSF.get_table() as Record<number, string>) };

function workbookBytes(sheets: SheetSpec[], bookType: 'xlsx' | 'biff8'): Uint8Array {
  const book = XLSX.utils.book_new();
  (book as XLSX.WorkBook & { SSF?: Record<number, string> }).SSF = { ...STARTING_FORMATS };
  for (const sheet of sheets) XLSX.utils.book_append_sheet(book, worksheet(sheet), sheet.name);
  return new Uint8Array(XLSX.write(book, { type: 'buffer', bookType, compression: bookType === 'xlsx' }) as Buffer);
}

function csvField(cell: Cell): string {
  const text = cellText(cell);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV as Excel on Chinese Windows saves it: CRLF, GB18030 (or UTF-8 with a BOM). */
function csvBytes(rows: Cell[][], encoding: 'gb18030' | 'utf8-bom'): Uint8Array {
  const text = rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
  return new Uint8Array(encoding === 'gb18030' ? iconv.encode(text, 'gb18030') : Buffer.from('\uFEFF' + text, 'utf8'));
}

const col = (index: number) => XLSX.utils.encode_col(index);
const widthsFor = (header: readonly string[]) => header.map((h) => Math.max(8, Math.min(24, [...h].length * 2)));

/**
 * The usual shape of a return: a title row and a unit/date line above a one-row header,
 * the rows, and note lines below.
 */
function usualSheet(unitLine: string, header: string[], rows: Cell[][], notes: string[], name = 'Sheet1'): SheetSpec {
  const last = col(header.length - 1);
  return {
    name,
    rows: [[TITLE], [unitLine], header, ...rows, [], ...notes.map((n) => [n])],
    merges: [`A1:${last}1`, `A2:${last}2`],
    widths: widthsFor(header),
  };
}

const unitLine = (unit: string, date: string) => `填报单位（盖章）：${unit}　　　　　　　　填表日期：${date}`;
const NOTE_PERIOD = '注：1.统计时间为2024年3月1日至3月20日；2.人数按人次统计；3.请于3月25日前报区总工会女职工部。';

// ── The district ──

export interface RosterEntry {
  name: string;
  level: string;
  aliases?: string[];
  deadline?: string;
}

export const ROSTER: RosterEntry[] = [
  { name: '大王庄街道总工会', level: '街道（乡镇）工会', aliases: ['大王庄街工会', '大王庄街道工会'] },
  { name: '大直沽街道总工会', level: '街道（乡镇）工会' },
  { name: '中山门街道总工会', level: '街道（乡镇）工会' },
  { name: '富民路街道总工会', level: '街道（乡镇）工会' },
  { name: '二号桥街道总工会', level: '街道（乡镇）工会', aliases: ['二号桥街总工会'] },
  { name: '春华街道总工会', level: '街道（乡镇）工会' },
  { name: '唐家口街道总工会', level: '街道（乡镇）工会' },
  { name: '向阳楼街道总工会', level: '街道（乡镇）工会' },
  { name: '鲁山道街道总工会', level: '街道（乡镇）工会' },
  { name: '上杭路街道总工会', level: '街道（乡镇）工会' },
  { name: '天津市第一热电厂工会', level: '基层工会', aliases: ['第一热电厂工会'], deadline: '2024-03-22' },
  { name: '河东区教育系统工会', level: '产业（系统）工会', aliases: ['区教育工会', '河东区教育工会'] },
  { name: '河东区卫生健康系统工会', level: '产业（系统）工会', aliases: ['区卫健系统工会'] },
];

function rosterCsv(): Uint8Array {
  const rows: Cell[][] = [['单位名称', '单位层级', '上级单位', '别名', '截止日期']];
  for (const unit of ROSTER) rows.push([unit.name, unit.level, DISTRICT, (unit.aliases ?? []).join('、'), unit.deadline ?? DEADLINE]);
  return csvBytes(rows, 'utf8-bom');
}

const STREET = '街道（乡镇）工会';
const GRASSROOTS = '基层工会';

/** A street union's row; `mailbox` is the part of its (invented) e-mail address before the @. */
function street(
  mailbox: string,
  unitName: string,
  contactPerson: string,
  contactPhone: string,
  fillDate: Cell,
  as?: Record<string, Cell>,
): UnitData {
  return {
    unitName,
    unitLevel: STREET,
    parentUnit: DISTRICT,
    contactPerson,
    contactPhone,
    contactEmail: `${mailbox}@example.com`,
    fillDate,
    size: 'street',
    ...(as ? { as } : {}),
  };
}

/** One file in `returns/`, how it is made, and what is wrong with it on purpose. */
export interface ExampleReturn {
  file: string;
  /** The unit it comes from, as the roster names it. */
  from: string;
  /** What is wrong with it on purpose (zh-CN), for 说明.md. */
  problems: string[];
  /** What Huizong should make of it in the roll-up (zh-CN), for 说明.md. */
  outcome: string;
  bytes: () => Uint8Array;
}

const canonical = (ids: readonly string[] = AS_IDS) => ids.map((id) => AS[id]!);

/** 大王庄: the usual table, typed the usual way. */
function dawangzhuang(): Uint8Array {
  const unit = street(
    'dwz-ngh',
    '大王庄街道工会',
    '王静',
    '13820150321',
    { date: '2024-03-20' },
    {
      publicityParticipants: '约500',
      publicityFemale: 320,
      trainingParticipants: '１２０人',
      materialsDistributed: '1,200',
      contractEmployees: '1.2万',
      contractFemale: 5600,
    },
  );
  const values = activityValues(unit, '大王庄街道总工会');
  return workbookBytes(
    [
      usualSheet(
        unitLine('大王庄街道总工会', '2024年3月20日'),
        canonical(),
        [pick(values, AS_IDS)],
        [NOTE_PERIOD, '填表人：王静　　审核人：李红　　联系电话：13820150321'],
        '活动数据汇总',
      ),
    ],
    'xlsx',
  );
}

/** 大直沽: a two-row header, groups merged across, single columns merged down. */
function dazhigu(): Uint8Array {
  const groups: { group?: string; parts: { id: string; text: string }[] }[] = [
    { parts: [{ id: 'unitName', text: AS.unitName! }] },
    { parts: [{ id: 'unitLevel', text: AS.unitLevel! }] },
    { parts: [{ id: 'parentUnit', text: AS.parentUnit! }] },
    {
      group: '开展宣传活动',
      parts: [
        { id: 'publicityEvents', text: '场次' },
        { id: 'publicityParticipants', text: '参与人数（人次）' },
        { id: 'publicityFemale', text: '其中女职工（人次）' },
        { id: 'materialsDistributed', text: '发放宣传资料（份）' },
      ],
    },
    {
      group: '法律法规培训',
      parts: [
        { id: 'trainingSessions', text: '举办培训（场）' },
        { id: 'trainingParticipants', text: '培训人数（人次）' },
      ],
    },
    {
      group: '知识竞赛',
      parts: [
        { id: 'quizSessions', text: '场次（场）' },
        { id: 'quizParticipants', text: '参赛人数（人）' },
        { id: 'quizFemale', text: '其中女职工（人）' },
      ],
    },
    ...[
      'contractsNew',
      'contractsInForce',
      'contractsSingle',
      'contractsRegional',
      'contractsIndustry',
      'contractEnterprises',
      'contractEmployees',
      'contractFemale',
      'complianceChecks',
    ].map((id) => ({ parts: [{ id, text: AS[id]! }] })),
    {
      group: '女职工劳动保护监督检查',
      parts: ['inspections', 'inspectedEmployers', 'inspectedFemale', 'problemsFound', 'problemsRectified', 'rectificationNotices'].map(
        (id) => ({ id, text: AS[id]! }),
      ),
    },
    {
      group: '参与调查处理侵权案件',
      parts: [
        { id: 'casesHandled', text: '参与调查处理侵权案件（件）' },
        { id: 'casesClosed', text: AS.casesClosed! },
        { id: 'casesFemale', text: AS.casesFemale! },
      ],
    },
    ...['photos', 'experiences', 'mediaReports', 'contactPerson', 'contactPhone', 'contactEmail', 'fillDate', 'notes'].map((id) => ({
      parts: [{ id, text: AS[id]! }],
    })),
  ];
  const top: Cell[] = [];
  const bottom: Cell[] = [];
  const ids: string[] = [];
  const merges: string[] = [];
  for (const { group, parts } of groups) {
    const start = ids.length;
    for (const part of parts) {
      ids.push(part.id);
      top.push(group ?? part.text);
      bottom.push(group ? part.text : null);
    }
    const first = col(start);
    if (group) merges.push(`${first}3:${col(ids.length - 1)}3`);
    else merges.push(`${first}3:${first}4`);
  }
  // A merged area keeps only its first cell's text, as Excel does.
  for (const merge of merges) {
    const range = XLSX.utils.decode_range(merge);
    for (let c = range.s.c + 1; c <= range.e.c; c++) top[c] = null;
  }
  const unit = street(
    'dzg-ngh',
    '大直沽街道总工会',
    '赵丽萍',
    '022-24125566',
    { date: '2024-03-21', format: 'yyyy"年"m"月"d"日"' },
    { mediaReports: '—' },
  );
  const values = activityValues(unit);
  const last = col(ids.length - 1);
  return workbookBytes(
    [
      {
        name: '数据汇总表',
        rows: [
          [TITLE],
          [unitLine('大直沽街道总工会', '2024年3月21日')],
          top,
          bottom,
          pick(values, ids),
          [],
          ['填表人：赵丽萍　　联系电话：022-24125566'],
        ],
        merges: [`A1:${last}1`, `A2:${last}2`, ...merges],
        widths: widthsFor(ids.map((id) => AS[id]!)),
      },
    ],
    'xlsx',
  );
}

/** 大直沽 also sent its quiz table — the wrong form for this roll-up. */
function quizTable(): Uint8Array {
  const ids = Object.keys(QR);
  const values: Record<string, Cell> = {
    unitName: '大直沽街道总工会',
    competitionName: '《女职工劳动保护特别规定》网上知识竞赛',
    organisation: '本级组织',
    format: '线上答题',
    startDate: { date: '2024-03-04' },
    endDate: { date: '2024-03-15' },
    sessions: 1,
    participatingUnits: 46,
    teams: null,
    participants: 1380,
    femaleParticipants: 905,
    papersIssued: 1380,
    papersValid: 1352,
    winners: 60,
    contactPerson: '赵丽萍',
    contactPhone: '022-24125566',
    fillDate: { date: '2024-03-21' },
  };
  const header = ids.map((id) => QR[id]!);
  const last = col(ids.length - 1);
  return workbookBytes(
    [
      {
        name: 'Sheet1',
        rows: [
          ['2024年女职工权益保护法律法规知识竞赛活动情况表'],
          [unitLine('大直沽街道总工会', '2024年3月21日')],
          header,
          pick(values, ids),
        ],
        merges: [`A1:${last}1`, `A2:${last}2`],
        widths: widthsFor(header),
      },
    ],
    'xlsx',
  );
}

/** 二号桥: last year's .xls, columns moved about, a 序号 column, blank rows. */
function erhaoqiao(): Uint8Array {
  const ids = [
    'unitName',
    'contactPerson',
    'contactPhone',
    'fillDate',
    'unitLevel',
    'parentUnit',
    'contractsNew',
    'contractsInForce',
    'contractsSingle',
    'contractsRegional',
    'contractsIndustry',
    'contractEnterprises',
    'contractEmployees',
    'contractFemale',
    'complianceChecks',
    'publicityEvents',
    'publicityParticipants',
    'publicityFemale',
    'materialsDistributed',
    'trainingSessions',
    'trainingParticipants',
    'quizSessions',
    'quizParticipants',
    'quizFemale',
    'inspections',
    'inspectedEmployers',
    'inspectedFemale',
    'problemsFound',
    'problemsRectified',
    'rectificationNotices',
    'casesHandled',
    'casesClosed',
    'casesFemale',
    'photos',
    'experiences',
    'mediaReports',
    'contactEmail',
    'notes',
  ];
  const unit = street('ehq-ngh', '二号桥街总工会', '刘敏', '13602218476', '2024/3/19', { casesFemale: '/', notes: '数据截至3月19日' });
  const values = activityValues(unit, '二号桥街道总工会');
  const header = ['序号', ...canonical(ids)];
  return workbookBytes(
    [usualSheet(unitLine('二号桥街道总工会', '2024年3月19日'), header, [[], [1, ...pick(values, ids)], [], []], ['填表人：刘敏'])],
    'biff8',
  );
}

/** A system union: its schools' rows and a 合计 row. */
function educationSystem(): Uint8Array {
  const schools = ['天津市第五十四中学工会', '河东区第一中心小学工会', '天津市第一〇二中学工会'].map((name, i) =>
    activityValues({
      unitName: name,
      unitLevel: GRASSROOTS,
      parentUnit: '河东区教育系统工会',
      contactPerson: ['孙红', '周雪', '吴丹'][i]!,
      contactPhone: ['13512246801', '13920471155', '022-24351087'][i]!,
      contactEmail: `school${i + 1}@example.com`,
      fillDate: { date: '2024-03-22' },
      size: 'grassroots',
    }),
  );
  const rows = [...schools.map((v) => pick(v, AS_IDS)), totalRow(schools, AS_IDS)];
  return workbookBytes(
    [usualSheet(unitLine('河东区教育系统工会', '2024年3月22日'), canonical(), rows, ['填表人：马晓燕　　联系电话：022-24351000'])],
    'xlsx',
  );
}

/** Another system union, whose 合计 was added up by hand — wrongly in one column. */
function healthSystem(): Uint8Array {
  const units = ['河东区中医医院工会', '河东区妇幼保健计划生育服务中心工会', '河东区疾病预防控制中心工会'].map((name, i) =>
    activityValues({
      unitName: name,
      unitLevel: GRASSROOTS,
      parentUnit: '区卫健系统工会',
      contactPerson: ['郑燕', '冯婷', '陈晓红'][i]!,
      contactPhone: ['13752090318', '13302145562', '15822310974'][i]!,
      contactEmail: `health${i + 1}@example.com`,
      fillDate: { date: '2024-03-23' },
      size: 'grassroots',
    }),
  );
  const rows = [...units.map((v) => pick(v, AS_IDS)), totalRow(units, AS_IDS, { publicityParticipants: 100 })];
  return workbookBytes(
    [
      usualSheet(unitLine('河东区卫生健康系统工会', '2024年3月23日'), canonical(), rows, [
        '注：合计行由系统工会手工填写。',
        '填表人：郑燕',
      ]),
    ],
    'xlsx',
  );
}

/** 中山门: saved as .csv from Excel on Windows (GB18030), `若干` in a required cell. */
function zhongshanmen(): Uint8Array {
  const unit = street('zsm-ngh', '中山门街道总工会', '钱芳', '15900227413', '3月20日', { publicityParticipants: '若干', quizFemale: '—' });
  const values = activityValues(unit);
  return csvBytes([[TITLE], [unitLine('中山门街道总工会', '3月20日')], canonical(), pick(values, AS_IDS), [], ['填表人：钱芳']], 'gb18030');
}

/** 富民路, first return: the three kinds of contract do not add up to those in force. */
function fuminlu(): Uint8Array {
  const unit = street('fml-ngh', '富民路街道总工会', '李娜', '13011326578', { date: '2024-03-18' });
  const values = activityValues(unit);
  values.contractsRegional = (values.contractsRegional as number) + 2;
  return workbookBytes(
    [usualSheet(unitLine('富民路街道总工会', '2024年3月18日'), canonical(), [pick(values, AS_IDS)], ['填表人：李娜'])],
    'xlsx',
  );
}

/** 富民路, corrected: the sum fixed, a later 填表日期, signed by its women workers' committee. */
function fuminluCorrected(): Uint8Array {
  const unit = street(
    'fml-ngh',
    '富民路街道总工会女职委',
    '李娜',
    '13011326578',
    { date: '2024-03-21' },
    { notes: '更正：区域性合同份数' },
  );
  const values = activityValues(unit, '富民路街道总工会');
  return workbookBytes(
    [usualSheet(unitLine('富民路街道总工会（更正）', '2024年3月21日'), canonical(), [pick(values, AS_IDS)], ['填表人：李娜'])],
    'xlsx',
  );
}

/** 唐家口: a landline without its area code, `—` in a required cell. */
function tangjiakou(): Uint8Array {
  const unit = street('tjk-ngh', '唐家口街道总工会', '张玉兰', '24315678', { date: '2024-03-25' }, { contractsNew: '—' });
  const values = activityValues(unit);
  return workbookBytes(
    [
      usualSheet(
        unitLine('唐家口街道总工会', '2024年3月25日'),
        canonical(),
        [pick(values, AS_IDS)],
        [NOTE_PERIOD, '填表人：张玉兰　　联系电话：24315678'],
      ),
    ],
    'xlsx',
  );
}

/** 第一热电厂: a clean table, dated after its own (earlier) deadline. */
function powerPlant(): Uint8Array {
  const values = activityValues({
    unitName: '天津市第一热电厂工会',
    unitLevel: GRASSROOTS,
    parentUnit: DISTRICT,
    contactPerson: '高秀英',
    contactPhone: '022-24728810-8032',
    contactEmail: 'rdcgh@example.com',
    fillDate: { date: '2024-03-24' },
    size: 'grassroots',
  });
  return workbookBytes(
    [usualSheet(unitLine('天津市第一热电厂工会', '2024年3月24日'), canonical(), [pick(values, AS_IDS)], ['填表人：高秀英'])],
    'xlsx',
  );
}

/** 向阳楼: the unit's name mistyped (楼 → 路) in the table. */
function xiangyanglou(): Uint8Array {
  const unit = street('xyl-ngh', '向阳路街道总工会', '杨柳', '18622043917', { date: '2024-03-22' });
  const values = activityValues(unit, '向阳楼街道总工会');
  return workbookBytes(
    [usualSheet(unitLine('向阳路街道总工会', '2024年3月22日'), canonical(), [pick(values, AS_IDS)], ['填表人：杨柳'])],
    'xlsx',
  );
}

/** 春华's return, broken on the way: a real .xlsx cut to half its bytes. */
function broken(): Uint8Array {
  const unit = street('ch-ngh', '春华街道总工会', '黄建华', '13752216604', { date: '2024-03-20' });
  const whole = workbookBytes(
    [usualSheet(unitLine('春华街道总工会', '2024年3月20日'), canonical(), [pick(activityValues(unit), AS_IDS)], ['填表人：黄建华'])],
    'xlsx',
  );
  return whole.slice(0, Math.floor(whole.length / 2));
}

export const RETURNS: ExampleReturn[] = [
  {
    file: '大王庄街道总工会-数据汇总表.xlsx',
    from: '大王庄街道总工会',
    problems: [
      '标题行和“填报单位/填表日期”行在表头之上，表下有“注：”和“填表人：”',
      '单位名称写作别名“大王庄街道工会”',
      '数值写法：`约500`、`１２０人`（全角加单位）、`1,200`、`1.2万`',
    ],
    outcome: '接收；数值照读并给出提示（约数、全角、带单位、千位分隔符、万），无错误',
    bytes: dawangzhuang,
  },
  {
    file: '附件2 大直沽街道维权行动月数据汇总表.xlsx',
    from: '大直沽街道总工会',
    problems: [
      '两行合并表头：“开展宣传活动”“法律法规培训”“知识竞赛”等分组横向合并，其余单列纵向合并',
      '媒体报道填“—”（未填报，选填项）',
      '填表日期为日期单元格（显示为2024年3月21日）',
    ],
    outcome: '接收；无错误',
    bytes: dazhigu,
  },
  {
    file: '知识竞赛情况表.xlsx',
    from: '大直沽街道总工会',
    problems: ['不是本表：大直沽街道一并发来的《知识竞赛活动情况表》'],
    outcome: '拒收，说明这是“知识竞赛活动情况表”；大直沽街道的数据汇总表照常汇总',
    bytes: quizTable,
  },
  {
    file: '二号桥街道总工会.xls',
    from: '二号桥街道总工会',
    problems: [
      'Excel 97-2003 格式（.xls）',
      '列顺序被调整，最前面多了“序号”列',
      '表头下、数据后有空行',
      '填表日期写作文本“2024/3/19”，案件涉及女职工填“/”',
      '单位名称写作别名“二号桥街总工会”',
    ],
    outcome: '接收；提示“序号”列不是本表指标（保留、不汇总）；日期和别名照常识别',
    bytes: erhaoqiao,
  },
  {
    file: '河东区教育系统工会汇总表.xlsx',
    from: '河东区教育系统工会',
    problems: ['系统工会报来所属3个学校工会的行（上级单位为河东区教育系统工会）和一行“合计”'],
    outcome: '接收；3行分别汇总，合计行只核对、不计入；教育系统工会按上级单位算作已报',
    bytes: educationSystem,
  },
  {
    file: '卫健系统工会 数据汇总.xlsx',
    from: '河东区卫生健康系统工会',
    problems: ['3个所属单位的行加一行“合计”，合计中“宣传活动参与人数（人次）”多算了100', '上级单位写作别名“区卫健系统工会”'],
    outcome: '接收；提示合计行与明细行之和不符（汇总按明细行计算，合计行从不计入）',
    bytes: healthSystem,
  },
  {
    file: '中山门街道总工会.csv',
    from: '中山门街道总工会',
    problems: [
      'Windows 下 Excel 另存的 CSV（GB18030 编码）',
      '“宣传活动参与人数（人次）”（必填）填“若干”',
      '其中女职工（人）填“—”',
      '填表日期写作“3月20日”（无年份）',
    ],
    outcome: '接收；“若干”无法读取，报告错误并不计入合计；日期按2024年读取并提示',
    bytes: zhongshanmen,
  },
  {
    file: '富民路街道总工会.xlsx',
    from: '富民路街道总工会',
    problems: ['第一次报送（填表日期2024-03-18）：单独签订、区域性、行业性三项之和不等于有效期内合同份数'],
    outcome: '被更正稿取代，不计入',
    bytes: fuminlu,
  },
  {
    file: '富民路街道总工会（更正）.xlsx',
    from: '富民路街道总工会',
    problems: ['同一单位第二次报送（更正稿，填表日期2024-03-21）', '单位名称写作“富民路街道总工会女职委”'],
    outcome: '接收；填表日期较晚，取代第一次报送',
    bytes: fuminluCorrected,
  },
  {
    file: '唐家口街道总工会数据汇总表.xlsx',
    from: '唐家口街道总工会',
    problems: ['联系电话“24315678”没有区号', '新签女职工专项集体合同（份）（必填）填“—”'],
    outcome: '接收；两处错误需单位更正',
    bytes: tangjiakou,
  },
  {
    file: '第一热电厂工会.xlsx',
    from: '天津市第一热电厂工会',
    problems: ['填表日期2024-03-24，晚于本单位的截止日期2024-03-22（单位名单中单列）'],
    outcome: '接收并汇总；报告逾期',
    bytes: powerPlant,
  },
  {
    file: '向阳楼街道总工会.xlsx',
    from: '向阳楼街道总工会',
    problems: ['表内单位名称误写为“向阳路街道总工会”（单位名单上没有）'],
    outcome: '照常汇总，报告“不在单位名单中”，需人工核对；名称不会被自动纠正，向阳楼街道因此显示未报',
    bytes: xiangyanglou,
  },
  {
    file: '损坏的文件.xlsx',
    from: '春华街道总工会',
    problems: ['春华街道发来的文件在传输中损坏：真实的 .xlsx 只剩前一半字节'],
    outcome: '拒收并说明无法读取；其他文件照常汇总；春华街道显示未报',
    bytes: broken,
  },
];

/** Roster units that send nothing at all. */
export const NEVER_RETURNED = ['鲁山道街道总工会', '上杭路街道总工会'];

function readme(): string {
  const lines: string[] = [];
  lines.push('# 示例：河东区总工会 2024年女职工维权行动月数据汇总');
  lines.push('');
  lines.push('本文件夹由 `npx tsx scripts/make-examples.ts` 生成，请勿手工修改（测试会检查它与脚本生成的结果一致）。');
  lines.push('其中的单位、人名、电话和数字都是虚构的。');
  lines.push('');
  lines.push('`returns/` 里是各单位报回来的《维权行动月活动数据汇总表》，就像真实收到的那样：');
  lines.push('每个文件都有意带着一些常见问题。`单位名单.csv` 是河东区总工会应报单位的名单');
  lines.push(`（截止日期一般为 ${DEADLINE}，天津市第一热电厂工会单列为 2024-03-22）。`);
  lines.push('');
  lines.push('## 汇总命令');
  lines.push('');
  lines.push('在仓库根目录运行：');
  lines.push('');
  lines.push('```sh');
  lines.push(ROLLUP_COMMAND);
  lines.push('```');
  lines.push('');
  lines.push('然后用 Excel 或 WPS 打开 `河东区汇总.xlsx`。');
  lines.push('');
  lines.push('## 各文件及其问题');
  lines.push('');
  lines.push('| 文件 | 报送单位 | 有意设置的问题 | 预期结果 |');
  lines.push('|---|---|---|---|');
  for (const ret of RETURNS) lines.push(`| \`returns/${ret.file}\` | ${ret.from} | ${ret.problems.join('；')} | ${ret.outcome} |`);
  lines.push('');
  lines.push(`从未报送：${NEVER_RETURNED.join('、')}（汇总时显示未报）。`);
  lines.push('因此未报的单位共4个：春华街道（文件损坏）、向阳楼街道（名称写错）、鲁山道街道和上杭路街道。');
  lines.push('');
  lines.push('## English');
  lines.push('');
  lines.push(
    'This folder is made by `npx tsx scripts/make-examples.ts`; do not edit it by hand. It holds the ' +
      'activity-summary returns of one district federation (河东区总工会, Hedong District, Tianjin) as they ' +
      'really arrive, every unit, person, phone number and figure invented: title and unit/date lines above ' +
      'the header, a two-row merged header, reordered columns with an extra 序号 column, blank rows, note rows ' +
      "below the table, system unions returning their members' rows with a 合计 row (one of them wrong), values " +
      'such as `约500`, `１２０人`, `1,200`, `1.2万`, `若干` (unreadable), `—`, a landline without its area code and ' +
      'a date without a year (`3月20日`), one unit returning twice (the corrected file, with a later 填表日期, ' +
      'wins), a name that is not on the roster (a typo), a unit late for its own deadline, two units that never ' +
      'return, a GB18030 .csv, an Excel 97-2003 .xls, a corrupt file and a file of another form (the quiz ' +
      'table). Run the command above from the repository root and open `河东区汇总.xlsx` to see what Huizong ' +
      'makes of them; the table above lists what is wrong with each file on purpose.',
  );
  lines.push('');
  return lines.join('\n');
}

/** Writes the example district into `dir` (emptied first): roster, returns and 说明.md. */
export function makeExamples(dir: string): string[] {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'returns'), { recursive: true });
  const written: string[] = [];
  const write = (name: string, bytes: Uint8Array | string) => {
    writeFileSync(join(dir, name), bytes);
    written.push(name);
  };
  write('单位名单.csv', rosterCsv());
  for (const ret of RETURNS) write(join('returns', ret.file), ret.bytes());
  write('说明.md', readme());
  return written;
}

if (require.main === module) {
  const dir = resolve(__dirname, '..', EXAMPLE_FOLDER);
  const files = makeExamples(dir);
  console.log(`${files.length} files written to ${dir}`);
  const noticeDir = resolve(__dirname, '..', NOTICE_FOLDER);
  const noticeFiles = makeNoticeExample(noticeDir);
  console.log(`${noticeFiles.length} files written to ${noticeDir}`);
}
