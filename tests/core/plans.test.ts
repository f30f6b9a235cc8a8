/**
 * The pure plans behind the Excel adapter: the template sheet, the marks of a validation,
 * the row written from the entry form, and the snapshot turned into a grid.
 */
import * as XLSX from '@e965/xlsx';
import { compileForm } from '../../src/core/definitions/compile';
import { shippedForm } from '../../src/core/definitions/shipped';
import {
  chunkAreas,
  compressCells,
  expandAreas,
  markPlan,
  MARK_TITLES,
  promptGroups,
  rowWritePlan,
  shiftCell,
} from '../../src/core/plan/markPlan';
import { templatePlan, tableName, PROMPT_LIMIT } from '../../src/core/plan/templatePlan';
import { columnName, type Grid } from '../../src/core/table/grid';
import { locateTable } from '../../src/core/table/locate';
import { validateTable } from '../../src/core/validate/table';
import type { CellValue } from '../../src/core/values/types';
import { isDateFormat, serialToDate, snapshotGrid } from '../../src/excel/snapshotGrid';
import { writeTemplateWorkbook } from '../../src/files/writeTemplate';
import { activityRow, labelsOf } from '../helpers/workbooks';

const activity = compileForm(shippedForm('activity-summary')!);
const quiz = compileForm(shippedForm('quiz-results')!);
const experience = compileForm(shippedForm('typical-experience')!);
const letterOf = (form: typeof activity, id: string) => columnName(form.fields.findIndex((f) => f.id === id));

describe('templatePlan', () => {
  const plan = templatePlan(activity, 2024);

  it('lays out title, unit line, groups and the header as the .xlsx template does', () => {
    expect(plan.sheetName).toBe('活动数据汇总');
    expect(plan.titleRow).toBe(1);
    expect(plan.title).toBe('2024年女职工维权行动月活动数据汇总表');
    expect(plan.unitLine.row).toBe(2);
    expect(plan.unitLine.text).toMatch(/^填报单位：\s+填报日期：$/);
    expect(plan.groups!.row).toBe(3);
    expect(plan.groups!.cells[0]).toEqual({ from: 'A3', to: 'C3', label: '基本信息' });
    expect(plan.groups!.cells[1]).toEqual({ from: 'D3', to: 'G3', label: '宣传活动' });
    // Groups cover consecutive columns without overlap.
    const covered = plan.groups!.cells.flatMap((g) => expandAreas([`${g.from}:${g.to}`]));
    expect(new Set(covered).size).toBe(covered.length);
    expect(plan.header.row).toBe(4);
    expect(plan.header.range).toBe('A4:AL4');
    expect(plan.header.labels).toEqual(activity.fields.map((f) => (f.required ? `＊${f.label}` : f.label)));
    expect(plan.header.labels[0]).toBe('＊填报单位');
    expect(plan.header.required.filter(Boolean)).toHaveLength(activity.fields.filter((f) => f.required).length);
  });

  it('puts the table over header and data rows, with a name Excel accepts', () => {
    expect(plan.table).toEqual({ range: 'A4:AL204', name: 'HZ_activity_summary' });
    expect(tableName('typical-experience')).toBe('HZ_typical_experience');
    expect(templatePlan(activity, 2024, 10).table.range).toBe('A4:AL14');
    expect(plan.freeze).toEqual({ rows: 4, columns: 1 });
  });

  it('gives columns their width and number format', () => {
    expect(plan.columns).toHaveLength(38);
    expect(plan.columns[0]).toEqual({ letter: 'A', width: 30, numberFormat: '@' });
    expect(plan.columns.find((c) => c.letter === letterOf(activity, 'publicityEvents'))!.numberFormat).toBe('#,##0');
    expect(plan.columns.find((c) => c.letter === letterOf(activity, 'fillDate'))!.numberFormat).toBe('yyyy-mm-dd');
    expect(plan.columns.find((c) => c.letter === letterOf(activity, 'unitLevel'))!.numberFormat).toBeUndefined();
  });

  it('has one validation per column: lists, whole numbers, dates, text lengths, with prompts and Chinese stop alerts', () => {
    expect(plan.validations).toHaveLength(38);
    const of = (id: string) => plan.validations.find((v) => v.range.startsWith(`${letterOf(activity, id)}5:`))!;
    expect(of('unitLevel')).toMatchObject({ range: 'B5:B204', kind: 'list', options: activity.byId.get('unitLevel')!.schema.enum });
    expect(of('unitLevel').error!.message).toContain('请从下拉列表中选择');
    expect(of('publicityEvents')).toMatchObject({ kind: 'wholeNumber', min: 0, error: { title: '输入有误' } });
    expect(of('publicityEvents').error!.message).toBe('请填写不小于0的整数，不要带单位或文字；没有的填0，未统计的留空。');
    expect(of('fillDate')).toMatchObject({ kind: 'date', from: '2000-01-01', to: '2099-12-31' });
    expect(of('unitName')).toMatchObject({ kind: 'none' });
    expect(of('unitName').error).toBeUndefined();
    expect(of('unitName').prompt).toEqual({ title: '填报单位', message: activity.def.fields.unitName!.help!['zh-CN'] });
    for (const v of plan.validations) {
      expect(v.prompt!.message.length).toBeLessThanOrEqual(PROMPT_LIMIT);
      expect(v.prompt!.title.length).toBeLessThanOrEqual(32);
    }
    const title = templatePlan(experience, 2024).validations.find((v) => v.range.startsWith(`${letterOf(experience, 'title')}5:`))!;
    expect(title).toMatchObject({ kind: 'textLength', max: 60 });
    expect(title.error!.message).toContain('不能超过60个字');
  });

  it('stores the template metadata', () => {
    expect(plan.meta).toEqual({
      generator: 'huizong',
      kind: 'template',
      form: 'activity-summary',
      formVersion: activity.def.version,
      year: '2024',
      sheet: '活动数据汇总',
      headerRow: '4',
      firstDataRow: '5',
      lastDataRow: '204',
    });
  });

  it('says in its prompts and alerts exactly what the exceljs template says', async () => {
    const bytes = await writeTemplateWorkbook(quiz, { lang: 'zh-CN', year: 2024 });
    const cfb = XLSX.CFB.read(bytes, { type: 'buffer' });
    const index = (cfb.FullPaths as string[]).findIndex((p) => p.endsWith('/xl/worksheets/sheet1.xml'));
    const xml = Buffer.from(cfb.FileIndex[index]!.content as Uint8Array).toString('utf8');
    const unescape = (s: string) =>
      s
        .replace(/&quot;/g, '"')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&amp;/g, '&');
    const written = new Map<string, Record<string, string>>();
    for (const m of xml.matchAll(/<dataValidation ([^>]*?)(?:\/>|>)/g)) {
      const attrs = Object.fromEntries([...m[1]!.matchAll(/(\w+)="([^"]*)"/g)].map((a) => [a[1]!, unescape(a[2]!)]));
      written.set(attrs.sqref!, attrs);
    }
    for (const v of templatePlan(quiz, 2024).validations) {
      const attrs = written.get(v.range)!;
      expect(attrs).toBeDefined();
      expect(v.prompt).toEqual({ title: attrs.promptTitle, message: attrs.prompt });
      if (v.error) expect(v.error).toEqual({ title: attrs.errorTitle, message: attrs.error });
      else expect(attrs.error).toBeUndefined();
    }
    const book = XLSX.read(bytes);
    const rows = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets[quiz.def.sheet.name]!, { header: 1, blankrows: true, defval: null });
    expect(rows[3]).toEqual(templatePlan(quiz, 2024).header.labels);
  });
});

/** A returned activity table: title, unit line, header, rows, a 合计 row and a note. */
function activityGrid(rows: CellValue[][], extra: CellValue[][] = []): Grid {
  return {
    sheet: '活动数据汇总',
    rows: [['2024年女职工维权行动月活动数据汇总表'], ['填报单位：河东区总工会'], labelsOf('activity-summary'), ...rows, ...extra],
    typed: true,
  };
}

function report(grid: Grid) {
  const table = locateTable(grid, [activity])!;
  return { table, report: validateTable(grid, table, { today: '2024-03-25' }) };
}

describe('markPlan', () => {
  const grid = activityGrid([
    activityRow({ unitName: '甲工会', publicityEvents: '若干' }),
    activityRow({ unitName: '乙工会', publicityParticipants: '1,200' }),
    activityRow({ unitName: '丙工会', publicityEvents: '若干', publicityFemale: 5000 }),
  ]);
  const { report: result } = report(grid);
  const plan = markPlan(result);
  const events = letterOf(activity, 'publicityEvents');
  const participants = letterOf(activity, 'publicityParticipants');
  const female = letterOf(activity, 'publicityFemale');

  it('marks errors and warnings by cell', () => {
    expect(plan.sheet).toBe('活动数据汇总');
    expect(plan.cells.error).toEqual(expect.arrayContaining([`${events}4`, `${events}6`, `${female}6`]));
    expect(plan.cells.warning).toContain(`${participants}5`);
    expect(plan.cells.error).not.toContain(`${participants}5`);
    // Every issue with a cell is marked, and each cell once.
    const marked = [...plan.cells.error, ...plan.cells.warning];
    expect(new Set(marked).size).toBe(marked.length);
    for (const issue of result.issues) if (issue.cell) expect(marked).toContain(issue.cell);
  });

  it('gives each cell its messages without the cell in front, capped for a prompt', () => {
    const message = plan.messages.find((m) => m.address === `${events}4`)!;
    expect(message.text).not.toMatch(/^[A-Z]+\d+/);
    expect(message.text).toContain('开展宣传活动（场次）');
    expect(message.text).toContain('若干');
    for (const m of plan.messages) expect(m.text.length).toBeLessThanOrEqual(255);
    // A cell with two issues shows both, one per line.
    const both = markPlan({
      ...result,
      issues: [...result.issues, { ...result.issues.find((i) => i.cell === `${events}4`)!, message: `${events}4 另一条` }],
    });
    expect(both.messages.find((m) => m.address === `${events}4`)!.text.split('\n')).toHaveLength(2);
    const long = markPlan({ ...result, issues: [{ ...result.issues.find((i) => i.cell === `${events}4`)!, message: '长'.repeat(400) }] });
    expect(long.messages[0]!.text).toHaveLength(255);
    expect(long.messages[0]!.text.endsWith('…')).toBe(true);
  });

  it('names the field prompts to put back on clearing', () => {
    expect(plan.fieldPrompts).toEqual(
      expect.arrayContaining([
        { column: events, title: '开展宣传活动（场次）', message: activity.def.fields.publicityEvents!.help!['zh-CN'] },
      ]),
    );
  });

  it('moves addresses by the origin when the report was computed on the bare used range', () => {
    const shifted = markPlan(result, 'C3');
    expect(shifted.cells.error).toContain(shiftCell(`${events}4`, 2, 2));
    expect(shifted.fieldPrompts!.map((p) => p.column)).toContain(
      columnName(activity.fields.findIndex((f) => f.id === 'publicityEvents') + 2),
    );
  });

  it('groups prompts by column and text, so that a column saying the same is one command', () => {
    const groups = promptGroups(plan);
    const wordy = groups.find((g) => g.areas.some((a) => a.startsWith(events)))!;
    expect(wordy.severity).toBe('error');
    expect(wordy.title).toBe(MARK_TITLES.error);
    expect(wordy.areas).toEqual([`${events}4`, `${events}6`]);
    for (const g of groups) expect(new Set(g.areas.map((a) => a.replace(/\d.*$/, ''))).size).toBe(1);
  });
});

describe('address helpers', () => {
  it('folds single cells into vertical runs', () => {
    expect(compressCells(['D5', 'D6', 'D7', 'F2', 'D9', 'AA10', 'AA11'])).toEqual(['D5:D7', 'D9', 'F2', 'AA10:AA11']);
    expect(expandAreas(['D5:D7', 'F2'])).toEqual(['D5', 'D6', 'D7', 'F2']);
  });

  it('cuts area lists into getRanges addresses within the limits', () => {
    const areas = Array.from({ length: 5000 }, (_, i) => `AB${i * 2 + 5}`);
    const chunks = chunkAreas(areas, { chars: 1500, areas: 200 });
    for (const chunk of chunks) {
      expect(chunk.length).toBeLessThanOrEqual(1500);
      expect(chunk.split(',').length).toBeLessThanOrEqual(200);
    }
    expect(chunks.join(',').split(',')).toEqual(areas);
    expect(chunkAreas([])).toEqual([]);
  });
});

describe('rowWritePlan', () => {
  const total = [
    '合计',
    ...activityRow()
      .slice(1)
      .map((v) => (typeof v === 'number' ? v * 2 : null)),
  ];

  it('appends below the last data row, in a row inserted above a 合计 line that follows at once', () => {
    const grid = activityGrid(
      [activityRow({ unitName: '甲工会' }), activityRow({ unitName: '乙工会' })],
      [total, ['注：本表由区总工会汇总']],
    );
    const { table } = report(grid);
    const plan = rowWritePlan(grid, table, { unitName: '丙工会', publicityEvents: 3, fillDate: '2024-03-21' });
    expect(plan.range).toBe('A6:AL6');
    expect(plan.insert).toBe(true);
    expect(plan.values).toHaveLength(38);
    expect(plan.values[0]).toBe('丙工会');
    expect(plan.values[activity.fields.findIndex((f) => f.id === 'publicityEvents')]).toBe(3);
    expect(plan.values[activity.fields.findIndex((f) => f.id === 'fillDate')]).toBe('2024-03-21');
    expect(plan.values[activity.fields.findIndex((f) => f.id === 'notes')]).toBe('');
  });

  it('uses the blank row after the data where there is one', () => {
    const grid = activityGrid([activityRow({ unitName: '甲工会' })], [[], total]);
    const plan = rowWritePlan(grid, report(grid).table, { unitName: '乙工会' });
    expect(plan.range).toBe('A5:AL5');
    expect(plan.insert).toBeUndefined();
    const empty = activityGrid([]);
    expect(rowWritePlan(empty, locateTable(empty, [activity])!, { unitName: '甲' }).range).toBe('A4:AL4');
  });

  it('updates an existing row, keeping columns that hold no field', () => {
    const labels = labelsOf('activity-summary');
    const grid: Grid = {
      sheet: 's',
      rows: [
        [...labels.slice(0, 3), '自填列', ...labels.slice(3)],
        [...activityRow().slice(0, 3), '保留', ...activityRow().slice(3)],
      ],
      typed: true,
    };
    const table = locateTable(grid, [activity])!;
    const plan = rowWritePlan(grid, table, { unitName: '甲', contactPerson: '=HYPERLINK("x")' }, { row: 2 });
    expect(plan.range).toBe('A2:AM2');
    expect(plan.values[3]).toBe('保留');
    expect(plan.values[0]).toBe('甲');
    // Text that Excel would take for a formula is written as text.
    expect(plan.values[table.fieldColumns.get('contactPerson')!]).toBe(`'=HYPERLINK("x")`);
    expect(() => rowWritePlan(grid, table, {}, { row: 1 })).toThrow();
  });
});

describe('snapshotGrid', () => {
  it('puts cells at their sheet addresses and dates where the format shows a date', () => {
    const grid = snapshotGrid({
      sheet: '表',
      origin: 'B3',
      values: [
        ['名称', '日期', '人数', ''],
        ['甲', 45371, 12, ''],
        ['', '', '', ''],
      ],
      numberFormats: [
        ['General', 'General', 'General', 'General'],
        ['@', 'yyyy"年"m"月"d"日"', '#,##0', 'General'],
      ],
    });
    expect(grid.rows).toHaveLength(5);
    expect(grid.rows[0]).toEqual([]);
    expect(grid.rows[2]).toEqual([null, '名称', '日期', '人数']);
    expect(grid.rows[3]![2]).toEqual(new Date(Date.UTC(2024, 2, 20)));
    expect(grid.rows[3]![3]).toBe(12);
    expect(grid.rows[4]).toEqual([]);
    expect(grid.typed).toBe(true);
  });

  it('tells date formats from others', () => {
    for (const f of [
      'yyyy-mm-dd',
      'm/d/yyyy',
      'yyyy/m/d',
      'd-mmm-yy',
      '[$-804]yyyy"年"m"月"d"日";@',
      '[DBNum1][$-804]yyyy"年"m"月"d"日',
      'mmm-yy',
      'yyyy-mm-dd hh:mm',
    ]) {
      expect([f, isDateFormat(f)]).toEqual([f, true]);
    }
    for (const f of [
      'General',
      '0',
      '#,##0',
      '0.00%',
      '@',
      '"人"0',
      '0.00E+00',
      'h:mm',
      '[h]:mm:ss',
      '#,##0"场"',
      '[DBNum1][$-804]G/通用格式',
      '[Red]0.00',
    ]) {
      expect([f, isDateFormat(f)]).toEqual([f, false]);
    }
    expect(serialToDate(60)).toBeUndefined();
    expect(serialToDate(1)).toEqual(new Date(Date.UTC(1900, 0, 1)));
  });

  it('reads back the same report as the file reader gives for the same table', () => {
    const values = [labelsOf('activity-summary'), activityRow({ unitName: '甲工会', fillDate: 45371 })];
    const formats = values.map((row) =>
      row.map((_, c) => (c === activity.fields.findIndex((f) => f.id === 'fillDate') ? 'yyyy-mm-dd' : 'General')),
    );
    const grid = snapshotGrid({ sheet: 's', origin: 'A1', values: values.map((r) => r.map((v) => v ?? '')), numberFormats: formats });
    const table = locateTable(grid, [activity])!;
    const result = validateTable(grid, table, { today: '2024-03-25' });
    expect(result.rows[0]!.values.fillDate).toBe('2024-03-20');
    expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });
});
