/**
 * The example district (`examples/河东区-2024/`): the committed folder is exactly what
 * `scripts/make-examples.ts` makes, and each return gets from Huizong what 说明.md says it
 * is there to show.
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { compileForm, shippedForms } from '../../src/core';
import type { WorkbookReport } from '../../src/core/validate/workbook';
import { checkFile } from '../../src/files/checkFile';
import { readRosterFile, rollUpFiles } from '../../src/files/rollupFiles';
import { EXAMPLE_FOLDER, NEVER_RETURNED, RETURNS, ROSTER, makeExamples } from '../../scripts/make-examples';
import { tempDir } from '../helpers/workbooks';

const committed = resolve(__dirname, '..', '..', EXAMPLE_FOLDER);
const forms = shippedForms.map(compileForm);
/** A day after every 填表日期 of the examples: dates may not lie after the day of the check. */
const TODAY = '2024-03-28';

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else out.push(relative(dir, path).split('\\').join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

let fresh: string;
const reports = new Map<string, WorkbookReport>();

beforeAll(() => {
  fresh = tempDir('huizong-examples-');
  makeExamples(fresh);
  for (const ret of RETURNS) {
    const bytes = new Uint8Array(readFileSync(join(fresh, 'returns', ret.file)));
    reports.set(ret.file, checkFile(ret.file, bytes, forms, { today: TODAY }));
  }
});

afterAll(() => rmSync(fresh, { recursive: true, force: true }));

function report(file: string): WorkbookReport {
  const found = reports.get(file);
  if (!found) throw new Error(`no example ${file}`);
  return found;
}

/** Every issue as `severity code cell`, in sheet order. */
const issuesOf = (file: string) => report(file).issues.map((i) => [i.severity, i.code, i.cell ?? ''].join(' '));
const onlyRow = (file: string) => {
  const rows = report(file).tables.flatMap((t) => t.rows);
  expect(rows).toHaveLength(1);
  return rows[0]!;
};

describe('the committed examples', () => {
  test('are what the script makes: the same files, byte for byte (run `npx tsx scripts/make-examples.ts` after changing it)', () => {
    const expected = filesUnder(fresh);
    expect(filesUnder(committed)).toEqual(expected);
    const stale = expected.filter((file) => !readFileSync(join(committed, file)).equals(readFileSync(join(fresh, file))));
    expect(stale).toEqual([]);
  });

  test('are made the same way twice', () => {
    const again = tempDir('huizong-examples-');
    try {
      makeExamples(again);
      for (const file of filesUnder(fresh)) expect(readFileSync(join(again, file)).equals(readFileSync(join(fresh, file)))).toBe(true);
    } finally {
      rmSync(again, { recursive: true, force: true });
    }
  });

  test('说明.md names every return and the roll-up command', () => {
    const readme = readFileSync(join(fresh, '说明.md'), 'utf8');
    for (const ret of RETURNS) expect(readme).toContain(`returns/${ret.file}`);
    expect(readme).toContain('npm run -s huizong -- rollup examples/河东区-2024/returns --form activity-summary');
    expect(readme).toContain('## English');
  });

  test('the roster is UTF-8 with a BOM and lists every unit with its deadline', () => {
    const bytes = readFileSync(join(fresh, '单位名单.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const roster = readRosterFile({ name: '单位名单.csv', bytes: new Uint8Array(bytes) }, 'zh-CN');
    expect(roster.issues).toEqual([]);
    expect(roster.units.map((u) => u.name)).toEqual(ROSTER.map((u) => u.name));
    expect(roster.units.find((u) => u.name === '天津市第一热电厂工会')?.deadline).toBe('2024-03-22');
    expect(roster.units.find((u) => u.name === '大王庄街道总工会')?.aliases).toEqual(['大王庄街工会', '大王庄街道工会']);
  });
});

describe('each return, checked', () => {
  test('大王庄: title lines, notes below, values as typed — read, with warnings only', () => {
    const file = '大王庄街道总工会-数据汇总表.xlsx';
    expect(issuesOf(file)).toEqual([
      'warning value.approximate E4',
      'warning value.thousands G4',
      'warning value.full-width I4',
      'warning value.unit-written I4',
      'warning value.wan S4',
    ]);
    const table = report(file).tables[0]!;
    expect(table.headerRows).toEqual({ top: 3, bottom: 3 });
    expect(table.noteRows).toEqual([6, 7]);
    const row = onlyRow(file);
    expect(row.values).toMatchObject({ unitName: '大王庄街道工会', publicityParticipants: 500, materialsDistributed: 1200, trainingParticipants: 120, contractEmployees: 12000, fillDate: '2024-03-20' });
  });

  test('大直沽: a two-row merged header, every field found', () => {
    const file = '附件2 大直沽街道维权行动月数据汇总表.xlsx';
    expect(issuesOf(file)).toEqual([]);
    const table = report(file).tables[0]!;
    expect(table.headerRows).toEqual({ top: 3, bottom: 4 });
    expect(Object.keys(table.fieldColumns)).toHaveLength(forms.find((f) => f.def.id === 'activity-summary')!.fields.length);
    expect(onlyRow(file).values).toMatchObject({ fillDate: '2024-03-21', mediaReports: null });
  });

  test('知识竞赛情况表: a table of the quiz form, not of the activity summary', () => {
    const file = '知识竞赛情况表.xlsx';
    expect(report(file).tables.map((t) => t.form)).toEqual(['quiz-results']);
    expect(issuesOf(file)).toEqual([]);
  });

  test('二号桥 (.xls): columns moved, an extra 序号 column, blank rows', () => {
    const file = '二号桥街道总工会.xls';
    expect(issuesOf(file)).toEqual(['warning table.extra-column A3']);
    expect(report(file).tables[0]!.extraColumns).toEqual([{ column: 0, header: '序号' }]);
    const row = onlyRow(file);
    expect(row.row).toBe(5);
    expect(row.values).toMatchObject({ unitName: '二号桥街总工会', fillDate: '2024-03-19', casesFemale: null });
  });

  test('教育系统: three schools and a correct 合计 row', () => {
    const file = '河东区教育系统工会汇总表.xlsx';
    expect(issuesOf(file)).toEqual([]);
    const table = report(file).tables[0]!;
    expect(table.rows.map((r) => r.values.parentUnit)).toEqual(['河东区教育系统工会', '河东区教育系统工会', '河东区教育系统工会']);
    expect(table.totalRows.map((r) => r.row)).toEqual([7]);
  });

  test('卫健系统: a 合计 row that does not add up, flagged on its cell', () => {
    const file = '卫健系统工会 数据汇总.xlsx';
    expect(issuesOf(file)).toEqual(['warning table.total-mismatch E7']);
    expect(report(file).tables[0]!.rows).toHaveLength(3);
  });

  test('中山门 (GB18030 .csv): 若干 is an error on its cell and left out; 3月20日 takes the year', () => {
    const file = '中山门街道总工会.csv';
    expect(issuesOf(file)).toEqual(['error value.not-integer E4', 'warning value.date-year-assumed AK4']);
    const row = onlyRow(file);
    expect(row.unreadable).toEqual(['publicityParticipants']);
    expect(row.values).toMatchObject({ unitName: '中山门街道总工会', publicityParticipants: null, quizFemale: null, fillDate: '2024-03-20' });
  });

  test('富民路: the first return breaks AS-R07, the corrected one is clean and dated later', () => {
    expect(issuesOf('富民路街道总工会.xlsx')).toEqual(['error rule.sum N4']);
    expect(report('富民路街道总工会.xlsx').issues[0]!.rule).toBe('AS-R07');
    expect(issuesOf('富民路街道总工会（更正）.xlsx')).toEqual([]);
    expect(onlyRow('富民路街道总工会.xlsx').values.fillDate).toBe('2024-03-18');
    expect(onlyRow('富民路街道总工会（更正）.xlsx').values.fillDate).toBe('2024-03-21');
  });

  test('唐家口: a landline without its area code, — in a required cell', () => {
    expect(issuesOf('唐家口街道总工会数据汇总表.xlsx')).toEqual(['error schema.required-placeholder M4', 'error value.phone AI4']);
  });

  test('第一热电厂 and 向阳楼: clean tables (late, and mistyped, only against the roster)', () => {
    expect(issuesOf('第一热电厂工会.xlsx')).toEqual([]);
    expect(onlyRow('第一热电厂工会.xlsx').values.fillDate).toBe('2024-03-24');
    expect(issuesOf('向阳楼街道总工会.xlsx')).toEqual([]);
    expect(onlyRow('向阳楼街道总工会.xlsx').values.unitName).toBe('向阳路街道总工会');
  });

  test('损坏的文件: unreadable, with the reason', () => {
    const file = '损坏的文件.xlsx';
    expect(issuesOf(file)).toEqual(['error file.truncated ']);
    expect(report(file).tables).toEqual([]);
  });
});

describe('the district roll-up', () => {
  test('reports who is late, missing, superseded and not on the roster', () => {
    const dir = join(fresh, 'returns');
    const files = RETURNS.map((ret, i) => ({ name: ret.file, bytes: new Uint8Array(readFileSync(join(dir, ret.file))), modified: i }));
    const roster = readRosterFile({ name: '单位名单.csv', bytes: new Uint8Array(readFileSync(join(fresh, '单位名单.csv'))) }, 'zh-CN');
    const activity = forms.find((f) => f.def.id === 'activity-summary')!;
    const result = rollUpFiles(files, { form: activity, forms, roster, deadline: '2024-03-25', unit: '河东区总工会', today: TODAY, lang: 'zh-CN' });

    const status = Object.fromEntries(result.units.map((u) => [u.unit, u.status]));
    expect(Object.keys(status).filter((u) => status[u] === 'missing').sort()).toEqual(['春华街道总工会', '向阳楼街道总工会', ...NEVER_RETURNED].sort());
    expect(Object.keys(status).filter((u) => status[u] === 'late')).toEqual(['天津市第一热电厂工会']);
    expect(Object.values(status).filter((s) => s === 'reported')).toHaveLength(8);

    const rejected = Object.fromEntries(result.files.filter((f) => f.status === 'rejected').map((f) => [f.file, f.code]));
    expect(rejected).toEqual({ '知识竞赛情况表.xlsx': 'file.other-form', '损坏的文件.xlsx': 'file.truncated' });
    expect(result.rows.filter((r) => r.status === 'superseded').map((r) => r.file)).toEqual(['富民路街道总工会.xlsx']);
    expect(result.rows.filter((r) => r.notOnRoster).map((r) => r.unit)).toEqual(['向阳路街道总工会']);
    // 8 one-unit returns (富民路 once, its corrected file) and the 3 + 3 rows of the two system unions.
    expect(result.rows.filter((r) => r.status === 'counted')).toHaveLength(14);
  });
});
