/**
 * The roll-up's sheets as a plan for the open workbook (pure): the same content as the .xlsx
 * writer's three sheets, values Excel will keep as they are, status and error fills as
 * compressed areas, and the chart of the main indicators.
 */
import * as XLSX from '@e965/xlsx';
import { compileForm, type CompiledForm } from '../../src/core/definitions/compile';
import { shippedForm } from '../../src/core/definitions/shipped';
import { expandAreas } from '../../src/core/plan/markPlan';
import { CHART_MAX_UNITS, excelText, isoToSerial, issueCell, ROLLUP_COLORS, rollupSheetsPlan } from '../../src/core/plan/rollupSheetsPlan';
import type { RollupSheetPlan, RollupSheetsPlan } from '../../src/core/plan/types';
import type { RollupResult, RollupRow } from '../../src/core/rollup/types';
import { columnName } from '../../src/core/table/grid';
import { writeRollupWorkbook } from '../../src/files/writeRollup';
import { quizRollup as fixture, quizSheets, quizValues, row } from '../helpers/quizRollup';
import { makeIssue } from '../../src/core/issues/issue';

const quiz: CompiledForm = compileForm(shippedForm('quiz-results')!);
const activity: CompiledForm = compileForm(shippedForm('activity-summary')!);

/** An activity roll-up of `n` counted rows (no roster, no issues). */
function activityResult(n: number): RollupResult {
  const rows: RollupRow[] = Array.from({ length: n }, (_, i) =>
    row({
      unit: `第${i + 1}基层工会`,
      file: `第${i + 1}.xlsx`,
      sheet: 'Sheet1',
      row: 3,
      values: { unitName: `第${i + 1}基层工会`, publicityEvents: i + 1, publicityParticipants: 100 * (i + 1), contractsNew: 2 },
    }),
  );
  return {
    form: 'activity-summary',
    formVersion: activity.def.version,
    totals: { publicityEvents: (n * (n + 1)) / 2 },
    rows,
    files: rows.map((r) => ({ file: r.file, status: 'accepted' as const, rows: 1 })),
    units: [],
    issues: [],
    meta: { generator: 'huizong', form: 'activity-summary', formVersion: activity.def.version, createdAt: '2024-03-26T02:30:00.000Z' },
  };
}

const sheetOf = (plan: RollupSheetsPlan, role: RollupSheetPlan['role']) => plan.sheets.find((s) => s.role === role)!;
const fillAt = (sheet: RollupSheetPlan, cell: string) => sheet.fills.find((f) => expandAreas(f.areas).includes(cell))?.color;
const col = (form: CompiledForm, id: string) => form.fields.findIndex((f) => f.id === id);

describe('rollupSheetsPlan: 汇总', () => {
  const plan = rollupSheetsPlan(fixture(), quiz, 'zh-CN');
  const rows = sheetOf(plan, 'rows');
  const labels = quiz.fields.map((f) => f.label);
  const width = labels.length + 2 + 4;

  it('names the sheets in order and records the layout', () => {
    expect(plan.sheets.map((s) => [s.role, s.name])).toEqual([
      ['rows', '汇总'],
      ['status', '报送情况'],
      ['issues', '问题清单'],
    ]);
    expect(plan.layout).toEqual({ headerRow: 4, firstDataRow: 5, lastDataRow: 7, totalRow: 8 });
    expect(plan.select).toBe('A5');
    for (const sheet of plan.sheets) for (const values of sheet.values) expect(values).toHaveLength(sheet.widths.length);
  });

  it('title, info line, groups over their fields, the Chinese labels and source columns', () => {
    // The title starts with a digit: written with the text prefix.
    expect(rows.values[0]![0]).toBe(`'${quiz.def.sheet.title['zh-CN'].replace('{year}', '2024')}（天津市总工会汇总）`);
    expect(String(rows.values[1]![0])).toMatch(/^汇总单位：天津市总工会\s+生成时间：2024-03-2\d \d\d:\d\d$/);
    expect(rows.values[2]![0]).toBe('基本信息');
    expect(rows.values[3]).toEqual([...labels, '女职工参赛率', '女职工占参赛人数比例', '来源文件', '工作表', '行号', '说明']);
    expect(rows.merges).toEqual(expect.arrayContaining([`A1:${columnName(width - 1)}1`, 'A3:D3']));
    expect(rows.titleRow).toBe(1);
    expect(rows.headerRows).toEqual([3, 4]);
    expect(rows.freeze).toEqual({ rows: 4, columns: 1 });
  });

  it("titles the year from the rows' dates, else the year the run was told, never the clock's", () => {
    const undated = fixture();
    undated.rows = undated.rows.map(({ date: _date, ...rest }) => rest);
    const title = (result: RollupResult) => String(sheetOf(rollupSheetsPlan(result, quiz, 'zh-CN'), 'rows').values[0]![0]);
    // Rows dated 2024, a roll-up stamped in 2026: the activity was in 2024.
    const stamped = fixture();
    stamped.meta = { ...stamped.meta, createdAt: '2026-01-05T02:00:00.000Z' };
    expect(title(stamped)).toMatch(/^'?2024年/);
    expect(title({ ...undated, meta: { ...undated.meta, year: 2023 } })).toMatch(/^'?2023年/);
    // Nothing says the year: the title leaves it out rather than guess it.
    const unknown = title({ ...undated, meta: { ...undated.meta, createdAt: '2026-01-05T02:00:00.000Z' } });
    expect(unknown).not.toMatch(/\d{4}|\{year\}/);
    expect(unknown).toContain(quiz.def.sheet.title['zh-CN'].replace('{year}年', ''));
  });

  it('one row per counted row with its source, then 合计 with the totals, superseded rows below a 注 line', () => {
    const data = rows.values.slice(4, 7);
    expect(data.map((r) => r[0])).toEqual(['河东区总工会', '和平区总工会', '滨海新区某公司工会']);
    expect(data[0]!.slice(labels.length + 2)).toEqual(['河东区.xlsx', '知识竞赛情况', 5, '警告1个']);
    expect(data[1]![labels.length + 5]).toBe('错误1个');
    expect(data[2]![labels.length + 5]).toBe('不在单位名单');
    expect(data[0]![col(quiz, 'participants')]).toBe(100);
    // 女职工参赛率 = 60 / 120 women workers; 女职工占参赛人数比例 = 60 / 100 participants.
    expect(data[0]![labels.length]).toBeCloseTo(0.5, 10);
    expect(data[0]![labels.length + 1]).toBeCloseTo(0.6, 10);
    // A unit without 本单位女职工人数 has no rate of its own.
    expect(data[2]![labels.length]).toBe('');
    // Unreadable: written as typed, as text, no ratio from it … the ratio is still there (participants read).
    expect(data[1]![col(quiz, 'sessions')]).toBe('若干');
    const total = rows.values[7]!;
    expect(total[0]).toBe('合计');
    expect(total[col(quiz, 'sessions')]).toBe(5);
    expect(total[col(quiz, 'participants')]).toBe(180);
    expect(total[labels.length]).toBeCloseTo(80 / 160, 10);
    expect(total[labels.length + 1]).toBeCloseTo(95 / 180, 10);
    expect(total[labels.length + 5]).toBe('女职工参赛率：3 个单位中 2 个填报了女职工人数');
    expect(total[col(quiz, 'competitionName')]).toBe('');
    expect(rows.values[8]!.every((v) => v === '')).toBe(true);
    expect(String(rows.values[9]![0])).toMatch(/^注：以下1行已被/);
    expect(rows.merges).toContain(`A10:${columnName(width - 1)}10`);
    expect(rows.values[10]![col(quiz, 'participants')]).toBe(999);
    expect(rows.values[10]![labels.length + 5]).toBe('已被更正版本替代：和平区.xlsx 知识竞赛情况 第5行');
    expect(rows.values).toHaveLength(11);
    expect(rows.fonts).toContainEqual({ areas: [`A11:${columnName(width - 1)}11`], color: ROLLUP_COLORS.greyText, italic: true });
    expect(fillAt(rows, 'A8')).toBe(ROLLUP_COLORS.total);
  });

  it('dates as serials, formats by column over the rows below the header', () => {
    expect(rows.values[4]![col(quiz, 'fillDate')]).toBe(45371);
    expect(isoToSerial('2024-03-20')).toBe(45371);
    expect(isoToSerial('2024-02-30')).toBeUndefined();
    // Excel's 1900 system: 1900-01-01 is 1, its fictitious 1900-02-29 is 60; nothing before 1900.
    expect(isoToSerial('1900-01-01')).toBe(1);
    expect(isoToSerial('1900-02-28')).toBe(59);
    expect(isoToSerial('1900-03-01')).toBe(61);
    expect(isoToSerial('1899-12-31')).toBeUndefined();
    const formatAt = (cell: string) => rows.numberFormats.find((f) => f.areas.some((a) => expandAreas([a]).includes(cell)))?.format;
    expect(formatAt(`${columnName(col(quiz, 'participants'))}5`)).toBe('#,##0');
    expect(formatAt(`${columnName(col(quiz, 'participants'))}11`)).toBe('#,##0');
    expect(formatAt(`${columnName(col(quiz, 'fillDate'))}8`)).toBe('yyyy-mm-dd');
    expect(formatAt(`${columnName(labels.length)}6`)).toBe('0.0%');
    expect(formatAt('A5')).toBeUndefined();
    expect(formatAt(`${columnName(col(quiz, 'participants'))}4`)).toBeUndefined();
    // Runs of columns, not cells: a handful of areas.
    expect(rows.numberFormats.flatMap((f) => f.areas).length).toBeLessThan(8);
  });

  it('marks error cells light red and warnings amber, from issues matching file, sheet, row and field', () => {
    expect(fillAt(rows, `${columnName(col(quiz, 'sessions'))}6`)).toBe(ROLLUP_COLORS.error);
    expect(fillAt(rows, `${columnName(col(quiz, 'contactPhone'))}5`)).toBe(ROLLUP_COLORS.warning);
    expect(fillAt(rows, `${columnName(col(quiz, 'sessions'))}5`)).toBeUndefined();
    // Never on superseded rows.
    expect(fillAt(rows, `${columnName(col(quiz, 'sessions'))}11`)).toBeUndefined();
  });

  it('writes an unreadable value back as the unit typed it', () => {
    const result = fixture();
    result.rows[1]!.values = { ...result.rows[1]!.values, sessions: null };
    result.rows[1]!.unreadableText = { sessions: '约3场' };
    const sheet = sheetOf(rollupSheetsPlan(result, quiz, 'zh-CN'), 'rows');
    expect(sheet.values[5]![col(quiz, 'sessions')]).toBe('约3场');
    expect(fillAt(sheet, `${columnName(col(quiz, 'sessions'))}6`)).toBe(ROLLUP_COLORS.error);
  });

  it('keeps text that Excel would take for a formula, number or date as text', () => {
    const at = (r: number, id: string) => rows.values[r]![col(quiz, id)];
    expect(at(4, 'competitionName')).toBe("'=1+1");
    expect(at(4, 'contactPerson')).toBe("'@SUM(A1)");
    expect(at(6, 'competitionName')).toBe("'+86 知识竞赛");
    expect(at(6, 'contactPerson')).toBe("'-");
    expect(at(4, 'contactPhone')).toBe("'022-23456789");
    expect(excelText('13812345678')).toBe("'13812345678");
    expect(excelText('3月20日')).toBe("'3月20日");
    expect(excelText('#N/A')).toBe("'#N/A");
    expect(excelText('TRUE')).toBe("'TRUE");
    expect(excelText('河东区总工会')).toBe('河东区总工会');
    expect(excelText(null)).toBe('');
    for (const sheet of plan.sheets)
      for (const values of sheet.values) for (const v of values) if (typeof v === 'string') expect(v).not.toMatch(/^[=+\-@]/);
  });
});

describe('rollupSheetsPlan: 报送情况 and 问题清单', () => {
  const plan = rollupSheetsPlan(fixture(), quiz, 'zh-CN');
  const status = sheetOf(plan, 'status');
  const issues = sheetOf(plan, 'issues');

  it('报送情况: counts on top, each status in Chinese and coloured, then the files', () => {
    expect(status.values[0]![0]).toBe(`${quiz.def.title['zh-CN']}报送情况`);
    expect(status.values[1]![0]).toBe('应报 3，已报送 1，逾期 1，未报送 1，不在名单 1');
    expect(status.values[3]).toEqual(quizSheets.statusHeader);
    expect(status.values.slice(4, 8).map((r) => [r[0], r[3]])).toEqual(quizSheets.unitStatuses);
    expect(status.values[5]!.slice(4)).toEqual(['和平区.xlsx', isoToSerial('2024-03-21'), isoToSerial('2024-03-18'), 1, 0, 1]);
    expect(status.fills).toEqual(
      expect.arrayContaining([
        { color: '#C6EFCE', areas: ['D5'] },
        { color: '#FFEB9C', areas: ['D6'] },
        { color: '#FFC7CE', areas: ['B16', 'D7'] },
        { color: '#E7E6E6', areas: ['D8'] },
      ]),
    );
    expect(status.values[9]![0]).toBe('收到的文件：共 5 个，已接收 4，已拒收 1');
    expect(status.values[10]!.slice(0, 4)).toEqual(['文件', '结果', '数据行数', '原因']);
    expect(status.values[15]!.slice(0, 4)).toEqual(['其他表.xlsx', '已拒收', 0, '不是知识竞赛活动情况表，而是“维权行动月活动数据汇总表”']);
    expect(status.headerRows).toEqual([4, 11]);
    expect(status.merges).toEqual(expect.arrayContaining(['A1:J1', 'A2:J2', 'A10:J10', 'D11:J11', 'D16:J16']));
    expect(status.numberFormats).toContainEqual({ format: 'yyyy-mm-dd', areas: ['F5:G8'] });
  });

  it('folds a status shared by neighbouring units into one area', () => {
    const result = fixture();
    result.units = result.units.map((u) => ({ ...u, status: 'missing' as const }));
    const s = sheetOf(rollupSheetsPlan(result, quiz, 'zh-CN'), 'status');
    expect(s.fills.find((f) => f.color === '#FFC7CE')!.areas).toEqual(['B16', 'D5:D7']);
  });

  it('问题清单: one row per issue, field label and severity in Chinese, severity coloured, autofilter', () => {
    expect(issues.values[0]).toEqual(quizSheets.issuesHeader);
    expect(issues.values).toHaveLength(4);
    expect(issues.values[2]).toEqual([...quizSheets.notIntegerIssue, '', fixture().issues[1]!.message]);
    expect(issues.values[1]!.slice(0, 1).concat(issues.values[1]!.slice(4, 6))).toEqual(['河东区总工会', '联系电话', '警告']);
    expect(issues.values[3]!.slice(0, 6)).toEqual(['', '其他表.xlsx', '', '', '', '错误']);
    expect(fillAt(issues, 'F2')).toBe('#FFEB9C');
    expect(fillAt(issues, 'F3')).toBe('#FFC7CE');
    expect(issues.autoFilter).toBe('A1:H4');
    expect(issues.freeze).toEqual({ rows: 1 });
  });

  it("问题清单's 单位: a system union's file of its units' rows is that union's (its 合计 row's issue)", () => {
    const result = fixture();
    const file = '卫健系统.xlsx';
    result.rows.push(
      row({ unit: '第一医院工会', file, row: 5, values: quizValues('第一医院工会', { parentUnit: '卫健系统工会' }) }),
      row({ unit: '第二医院工会', file, row: 6, values: quizValues('第二医院工会', { parentUnit: '卫健系统工会' }) }),
    );
    const issue = makeIssue({ code: 'table.total-mismatch', cell: 'G7', params: { total: 9, sum: 8 } }, 'zh-CN');
    result.issues = [{ ...issue, file, sheet: '知识竞赛情况' }];
    const line = sheetOf(rollupSheetsPlan(result, quiz, 'zh-CN'), 'issues').values[1]!;
    expect(line.slice(0, 2)).toEqual(['卫健系统工会', file]);
  });

  it('issueCell: the line of issue #index on 问题清单', () => {
    expect(issueCell(0)).toEqual({ sheet: '问题清单', address: 'A2:H2' });
    expect(issueCell(1)).toEqual({ sheet: '问题清单', address: 'A3:H3' });
    expect(issueCell(5, '问题清单(2)')).toEqual({ sheet: '问题清单(2)', address: 'A7:H7' });
    // The line it points at is that issue's.
    expect(issues.values[Number(/\d+$/.exec(issueCell(1).address)![0]) - 1]![7]).toBe(fixture().issues[1]!.message);
    expect(() => issueCell(-1)).toThrow(RangeError);
    expect(() => issueCell(1.5)).toThrow(RangeError);
  });

  it('English: headers and statuses follow lang; sheet names and field labels stay Chinese', () => {
    const en = rollupSheetsPlan(fixture(), quiz, 'en', { title: 'Custom title' });
    expect(en.sheets.map((s) => s.name)).toEqual(['汇总', '报送情况', '问题清单']);
    const rows = sheetOf(en, 'rows');
    expect(rows.values[0]![0]).toBe('Custom title');
    expect(rows.values[3]).toEqual([...quiz.fields.map((f) => f.label), ...quizSheets.rowsHeaderTailEn]);
    expect(
      sheetOf(en, 'status')
        .values.slice(4, 8)
        .map((r) => r[3]),
    ).toEqual(quizSheets.unitStatusesEn);
    expect(sheetOf(en, 'issues').values[0]![0]).toBe('Unit');
    expect(sheetOf(en, 'issues').values[2]!.slice(4, 6)).toEqual(['Sessions', 'Error']);
  });
});

describe('rollupSheetsPlan: the chart', () => {
  it('charts 开展宣传活动, 宣传活动参与人数 and 新签女职工专项集体合同 by unit from 汇总, on 报送情况', () => {
    const plan = rollupSheetsPlan(activityResult(10), activity, 'zh-CN');
    const letter = (id: string) => columnName(col(activity, id));
    expect(plan.chart).toEqual({
      on: 'status',
      dataSheet: 'rows',
      type: 'ColumnClustered',
      title: `${activity.def.title['zh-CN']}主要指标（按单位）`,
      categories: 'A5:A14',
      series: [
        { field: 'publicityEvents', name: '开展宣传活动（场次）', values: `${letter('publicityEvents')}5:${letter('publicityEvents')}14` },
        {
          field: 'publicityParticipants',
          name: '宣传活动参与人数（人次）',
          values: `${letter('publicityParticipants')}5:${letter('publicityParticipants')}14`,
        },
        { field: 'contractsNew', name: '新签女职工专项集体合同（份）', values: `${letter('contractsNew')}5:${letter('contractsNew')}14` },
      ],
      source: `A4:A14,D4:E14,${letter('contractsNew')}4:${letter('contractsNew')}14`,
      from: 'L4',
      to: 'T22',
      units: 10,
    });
    // The series' cells hold the indicators of the counted rows.
    const rows = sheetOf(plan, 'rows');
    expect(rows.values[3]![col(activity, 'publicityEvents')]).toBe('开展宣传活动（场次）');
    expect(rows.values[4]![col(activity, 'publicityEvents')]).toBe(1);
    expect(rows.values[13]![0]).toBe('第10基层工会');
    expect(rows.values[14]![0]).toBe('合计');
  });

  it('turns to bars for many units and charts the first ones only', () => {
    const plan = rollupSheetsPlan(activityResult(10_000), activity, 'zh-CN');
    expect(plan.chart!.type).toBe('BarClustered');
    expect(plan.chart!.units).toBe(CHART_MAX_UNITS);
    expect(plan.chart!.categories).toBe(`A5:A${4 + CHART_MAX_UNITS}`);
    expect(plan.chart!.title).toContain(`前${CHART_MAX_UNITS}个`);
    expect(sheetOf(plan, 'rows').values).toHaveLength(4 + 10_000 + 1);
  });

  it('has no chart without counted rows or without summed indicators', () => {
    expect(rollupSheetsPlan(activityResult(0), activity, 'zh-CN').chart).toBeUndefined();
    const typical = compileForm(shippedForm('typical-experience')!);
    const result = { ...activityResult(3), form: 'typical-experience' };
    expect(rollupSheetsPlan(result, typical, 'zh-CN').chart).toBeUndefined();
  });
});

describe('rollupSheetsPlan: the same content as the .xlsx roll-up', () => {
  /** The plan's cells as a reader sees them: the text prefix dropped, blanks null. */
  const asRead = (sheet: RollupSheetPlan) => {
    const grid = sheet.values.map((r) => r.map((v) => (v === '' ? null : typeof v === 'string' && v.startsWith("'") ? v.slice(1) : v)));
    while (grid.length && grid[grid.length - 1]!.every((v) => v === null)) grid.pop();
    return grid.map((r) => {
      const out = [...r];
      while (out.length && out[out.length - 1] === null) out.pop();
      return out;
    });
  };
  const xlsxGrid = (book: XLSX.WorkBook, name: string) =>
    XLSX.utils.sheet_to_json<unknown[]>(book.Sheets[name]!, { header: 1, blankrows: true, defval: null, raw: true }).map((r) => {
      const out = [...r];
      while (out.length && out[out.length - 1] === null) out.pop();
      return out;
    });

  it.each([
    ['quiz-results', 'zh-CN'],
    ['quiz-results', 'en'],
    ['activity-summary', 'zh-CN'],
  ] as const)('%s (%s): every sheet cell for cell', async (formId, lang) => {
    const form = formId === 'quiz-results' ? quiz : activity;
    const result = formId === 'quiz-results' ? fixture() : activityResult(12);
    const plan = rollupSheetsPlan(result, form, lang);
    const book = XLSX.read(await writeRollupWorkbook(result, form, { lang }));
    for (const sheet of plan.sheets) {
      const expected = xlsxGrid(book, sheet.name);
      const actual = asRead(sheet);
      expect([sheet.name, actual.length]).toEqual([sheet.name, expected.length]);
      actual.forEach((r, i) => {
        const e = expected[i]!;
        expect([
          sheet.name,
          i + 1,
          r.map((v, j) => (typeof v === 'number' && typeof e[j] === 'number' ? Number((v as number).toFixed(9)) : v)),
        ]).toEqual([sheet.name, i + 1, e.map((v) => (typeof v === 'number' ? Number(v.toFixed(9)) : v))]);
      });
    }
  });
});

describe('the title’s year', () => {
  const titleOf = (result: RollupResult) => String(sheetOf(rollupSheetsPlan(result, activity, 'zh-CN'), 'rows').values[0]![0]);
  const undated = (meta: Partial<RollupResult['meta']>): RollupResult => {
    const result = activityResult(2);
    return { ...result, meta: { ...result.meta, ...meta } };
  };

  it('is the year the run was told where no row is dated; the day it was made is no activity year', () => {
    expect(titleOf(undated({ createdDay: '2023-03-26', year: 2024 }))).toMatch(/^'?2024年/);
    const unknown = titleOf(undated({ createdDay: '2023-03-26' }));
    expect(unknown).not.toMatch(/\d{4}年/);
    expect(unknown).toContain(activity.def.sheet.title['zh-CN'].replace('{year}年', ''));
  });

  it('falls back to the form’s own title where the year sits inside other words', () => {
    const inside = {
      ...activity,
      def: { ...activity.def, sheet: { ...activity.def.sheet, title: { 'zh-CN': '女职工工作（{year}年度）' } } },
    };
    const title = String(sheetOf(rollupSheetsPlan(undated({}), inside, 'zh-CN'), 'rows').values[0]![0]);
    expect(title).not.toContain('（度）');
    expect(title).toContain(activity.def.title['zh-CN']);
  });
});
