/**
 * The roll-up's use of the open workbook, on the Office.js double: listing the sheets, reading
 * one sheet and many sheets (ONE sync whatever their number and rows), creating a blank
 * 单位名单 sheet (≤ 2 syncs, never over a sheet of the user's), a roll-up of sheets pasted
 * into the workbook whose issues select their cells there, and the whole notice taking such
 * sheets as returns (syncs flat in sheets and rows).
 */
import * as fs from 'fs';
import * as path from 'path';
import { shippedForms } from '../../src/core/definitions/shipped';
import { rosterSheetPlan } from '../../src/core/plan/rosterSheetPlan';
import { createOfficeGateway } from '../../src/excel/officeGateway';
import { excelActions } from '../../src/taskpane/excelActions';
import { compileForm } from '../../src/core/definitions/compile';
import { performNotice } from '../../src/taskpane/rollup/performNotice';
import { performRollup } from '../../src/taskpane/rollup/performRollup';
import { rollupCandidates } from '../../src/taskpane/rollup/workbookSources';
import type { NoticeMessage, RollupMessage } from '../../src/taskpane/rollup/protocol';
import { activityRow, idsOf, labelsOf } from '../helpers/workbooks';
import { FakeExcel, type DoubleOptions } from './excelDouble';
import { expectWithin19 } from './requirementSets';
import { activity, returnedTable } from './scenarios';

/** A workbook with `count` units' tables pasted in, `rows` unit rows each, the first one at B3. */
function workbookWithSheets(count: number, rows: number, options: DoubleOptions = {}): { fake: FakeExcel; names: string[] } {
  const fake = new FakeExcel(options);
  const names: string[] = [];
  for (let i = 1; i <= count; i++) {
    const name = `单位${i}`;
    fake.model.addSheet(name).setValues(i === 1 ? 'B3' : 'A1', returnedTable(rows));
    names.push(name);
  }
  return { fake, names };
}

const gatewayOn = (fake: FakeExcel) => createOfficeGateway({ host: fake.host(), debounce: { delayMs: 0 } });

describe('listSheets', () => {
  test('the sheets in tab order with their visibility, in 1 sync; the roll-up sheets Huizong wrote are told by their record', async () => {
    const { fake } = workbookWithSheets(2, 3);
    fake.model.addSheet('隐藏的表').visibility = 'Hidden';
    const mine = fake.model.addSheet('问题清单');
    mine.setValues('A1', [['我自己的问题清单']]);
    const gateway = gatewayOn(fake);
    fake.resetCounts();
    expect(await gateway.listSheets()).toEqual([
      { name: '单位1', visible: true },
      { name: '单位2', visible: true },
      { name: '隐藏的表', visible: false },
      { name: '问题清单', visible: true },
    ]);
    expect(fake.syncs).toBe(1);

    // After a roll-up is written, its three sheets (and the very hidden _huizong) are known as ours.
    const actions = excelActions(gateway);
    await actions.writeRollup((await rollUpSheets(actions, ['单位1'])).result, activity, 'zh-CN');
    fake.resetCounts();
    const listed = await gateway.listSheets();
    expect(fake.syncs).toBe(1);
    expect(listed.filter((s) => s.rollup)).toEqual([
      { name: '汇总', visible: true, rollup: 'rows' },
      { name: '报送情况', visible: true, rollup: 'status' },
      { name: '问题清单(2)', visible: true, rollup: 'issues' },
    ]);
    // The user's own 问题清单 is not ours.
    expect(listed.find((s) => s.name === '问题清单')).toEqual({ name: '问题清单', visible: true });
    expect(listed.find((s) => s.name === '_huizong')).toEqual({ name: '_huizong', visible: false });
    expectWithin19(fake);
  });
});

describe('readSheet and readSheets', () => {
  test('one sheet: its values from where they start, in 1 sync; an empty sheet reads as empty', async () => {
    const { fake } = workbookWithSheets(1, 5);
    fake.model.addSheet('空白');
    const gateway = gatewayOn(fake);
    fake.resetCounts();
    const snapshot = await gateway.readSheet('单位1');
    expect(fake.syncs).toBe(1);
    expect(snapshot.sheet).toBe('单位1');
    expect(snapshot.origin).toBe('B3');
    expect(snapshot.values[0]![0]).toBe('2024年女职工维权行动月活动数据汇总表');
    expect(snapshot.values[2]![0]).toBe('第1基层工会');
    expect(snapshot.numberFormats).toBeUndefined();
    fake.resetCounts();
    expect(await gateway.readSheet('空白')).toEqual({ sheet: '空白', values: [], origin: 'A1' });
    expect(fake.syncs).toBe(1);
    expectWithin19(fake);
  });

  test('N sheets in ONE sync: the count grows neither with the sheets nor with their rows', async () => {
    const counts: number[] = [];
    for (const [sheets, rows] of [
      [1, 10],
      [8, 10],
      [8, 1000],
      [1, 5000],
      [30, 100],
    ] as const) {
      const { fake, names } = workbookWithSheets(sheets, rows);
      const gateway = gatewayOn(fake);
      fake.resetCounts();
      const read = await gateway.readSheets(names);
      counts.push(fake.syncs);
      expect(read.map((s) => s.sheet)).toEqual(names);
      expect(read.every((s) => s.values.length === rows + 2)).toBe(true);
      // Every used range loaded in that one batch.
      expect(fake.batches).toHaveLength(1);
      expect(fake.batches[0]!.commands.filter((c) => c.api === 'Range.load(address,values)')).toHaveLength(sheets);
      expectWithin19(fake);
    }
    expect(counts).toEqual([1, 1, 1, 1, 1]);
  });

  test('too large for one response (Excel on the web: 5 MB): packed reads of ≤ 60,000 cells, growing with the cells, not the sheets', async () => {
    // 8 sheets of 3,000 rows × 38 columns: 5.4 MB in one response, over the limit.
    const { fake, names } = workbookWithSheets(8, 3000);
    const gateway = gatewayOn(fake);
    fake.resetCounts();
    const read = await gateway.readSheets(names);
    expect(read.map((s) => [s.sheet, s.values.length])).toEqual(names.map((n) => [n, 3002]));
    expect(read[0]!.origin).toBe('B3');
    expect(read[0]!.values[0]![0]).toBe('2024年女职工维权行动月活动数据汇总表');
    expect(read[7]!.values[3001]![0]).toBe('第3000基层工会');
    // The refused read, the sizes, then ⌈8 × 3,002 × 38 / 60,000⌉ + a few partly filled syncs.
    expect(fake.syncs).toBeLessThanOrEqual(2 + Math.ceil((8 * 3002 * 38) / 60_000) + 8);
    expect(fake.syncs).toBeLessThan(2 + 8 * 3);
    expectWithin19(fake);
  });
});

describe('新建空白单位名单表', () => {
  test('a 单位名单 sheet with the roster header, widths, a level list and a frozen header, in ≤ 2 syncs', async () => {
    const fake = new FakeExcel();
    fake.model.addSheet('Sheet1');
    const gateway = gatewayOn(fake);
    const name = await gateway.createRosterSheet(rosterSheetPlan('zh-CN'));
    expect(name).toBe('单位名单');
    expect(fake.syncs).toBeLessThanOrEqual(2);
    const sheet = fake.model.sheet('单位名单')!;
    expect(['A1', 'B1', 'C1', 'D1', 'E1'].map((a) => sheet.value(a))).toEqual(['单位名称', '单位层级', '上级单位', '别名', '截止日期']);
    expect(sheet.frozen).toBe('rows:1');
    expect(sheet.columnWidths.get('A')).toBeGreaterThan(sheet.columnWidths.get('E')!);
    expect(sheet.validation('B2')?.rule).toEqual({
      list: { inCellDropDown: true, source: '基层工会,街道（乡镇）工会,区（市）县总工会,产业（系统）工会,市总直属基层工会,市总工会' },
    });
    expect(sheet.validation('B301')?.rule).toBeDefined();
    expect(sheet.validation('E2')?.rule).toMatchObject({ date: { operator: 'Between' } });
    expect(sheet.validation('A2')?.prompt).toMatchObject({ showPrompt: true, title: '单位名称' });
    expect(sheet.style('A1')['font.bold']).toBe(true);
    expect(fake.model.active).toBe('单位名单');
    expect(sheet.selected).toBe('A2');
    expectWithin19(fake);
  });

  test("never over an existing sheet: the user's 单位名单 stays, the new one is 单位名单(2)", async () => {
    const fake = new FakeExcel();
    fake.model.addSheet('单位名单').setValues('A1', [['我的名单'], ['某某工会']]);
    const actions = excelActions(gatewayOn(fake));
    expect(await actions.createRosterSheet('zh-CN')).toBe('单位名单(2)');
    expect(fake.syncs).toBeLessThanOrEqual(2);
    expect(fake.model.sheet('单位名单')!.value('A2')).toBe('某某工会');
    expect(fake.model.sheet('单位名单(2)')!.value('A1')).toBe('单位名称');
    expect(await actions.createRosterSheet('zh-CN')).toBe('单位名单(3)');
  });
});

/** Reads the sheets (and roster sheet) as the pane does, and rolls them up in the worker's code. */
async function rollUpSheets(actions: ReturnType<typeof excelActions>, sheets: string[], rosterSheet?: string) {
  const sources = await actions.readWorkbookSources(sheets, rosterSheet, 'zh-CN');
  const messages: RollupMessage[] = [];
  await performRollup(
    {
      files: [],
      sheets: sources.sheets,
      ...(sources.roster ? { rosterParsed: sources.roster } : {}),
      definitions: [...shippedForms],
      form: 'activity-summary',
      lang: 'zh-CN',
      workbook: false,
      deadline: '2024-03-25',
    },
    (m) => messages.push(m),
  );
  const done = messages.find((m) => m.type === 'done');
  if (!done || done.type !== 'done') throw new Error(JSON.stringify(messages.at(-1)));
  return { sources, result: done.result, progress: messages.filter((m) => m.type === 'progress') };
}

describe('roll-up of sheets of this workbook', () => {
  test('ticked sheets and the roster sheet in one read, rolled up as 本工作簿/…; an issue selects its cell in that sheet', async () => {
    const { fake, names } = workbookWithSheets(3, 12);
    fake.model.addSheet('单位名单').setValues('A1', [
      ['单位名称', '单位层级', '上级单位', '别名', '截止日期'],
      ['第1基层工会', '基层工会', '河东区总工会', '', ''],
      ['春华街道总工会', '街道（乡镇）工会', '河东区总工会', '', '2024年3月32日'],
    ]);
    const actions = excelActions(gatewayOn(fake));
    fake.resetCounts();
    const { sources, result, progress } = await rollUpSheets(actions, names, '单位名单');
    expect(fake.syncs).toBe(1);
    expect(sources.sheets.map((s) => s.name)).toEqual(['本工作簿/单位1', '本工作簿/单位2', '本工作簿/单位3']);
    expect(sources.roster?.units.map((u) => u.name)).toEqual(['第1基层工会', '春华街道总工会']);
    expect(progress).toHaveLength(3);

    expect(result.files.map((f) => [f.file, f.status, f.rows])).toEqual(names.map((n) => [`本工作簿/${n}`, 'accepted', 12]));
    // The same 12 units on three sheets: counted once, the others superseded.
    expect(result.rows.filter((r) => r.status === 'counted')).toHaveLength(12);
    expect(result.units.find((u) => u.unit === '第1基层工会')?.status).toBe('reported');
    expect(result.units.find((u) => u.unit === '春华街道总工会')?.status).toBe('missing');

    await actions.writeRollup(result, activity, 'zh-CN');
    // 若干 in 开展宣传活动 of the 10th unit: on 单位1, pasted at B3, that is E14.
    const index = result.issues.findIndex((i) => i.file === '本工作簿/单位1' && i.message.includes('若干'));
    expect(result.issues[index]).toMatchObject({ sheet: '单位1', cell: 'E14' });
    fake.resetCounts();
    await actions.selectRollupIssue(index);
    expect(fake.syncs).toBe(1);
    expect(fake.model.active).toBe('单位1');
    expect(fake.model.sheet('单位1')!.selected).toBe('E14');

    // The roster sheet's own problem selects its cell too.
    const deadline = result.issues.findIndex((i) => i.code === 'roster.impossible-deadline');
    expect(result.issues[deadline]).toMatchObject({ file: '本工作簿/单位名单', sheet: '单位名单', cell: 'E3' });
    await actions.selectRollupIssue(deadline);
    expect(fake.model.sheet('单位名单')!.selected).toBe('E3');

    // An issue about no sheet of this workbook (a missing unit) still goes to its row in 问题清单.
    const missing = result.issues.findIndex((i) => i.code === 'rollup.missing');
    await actions.selectRollupIssue(missing);
    expect(fake.model.active).toBe('问题清单');
    expectWithin19(fake);
  });

  test('mixed with chosen files: one roll-up, each source named as it came', async () => {
    const examples = path.resolve(__dirname, '../../examples/河东区-2024/returns');
    const file = '向阳楼街道总工会.xlsx';
    const { fake } = workbookWithSheets(1, 3);
    const actions = excelActions(gatewayOn(fake));
    const sources = await actions.readWorkbookSources(['单位1'], undefined, 'zh-CN');
    const messages: RollupMessage[] = [];
    await performRollup(
      {
        files: [{ name: file, bytes: new Uint8Array(fs.readFileSync(path.join(examples, file))) }],
        sheets: sources.sheets,
        definitions: [...shippedForms],
        form: 'activity-summary',
        lang: 'zh-CN',
        workbook: false,
      },
      (m) => messages.push(m),
    );
    const done = messages.find((m) => m.type === 'done');
    expect(done?.type).toBe('done');
    if (done?.type !== 'done') return;
    expect(done.result.files.map((f) => [f.file, f.status]).sort()).toEqual(
      [
        ['本工作簿/单位1', 'accepted'],
        [file, 'accepted'],
      ].sort(),
    );
    expect(messages.filter((m) => m.type === 'progress').map((m) => m.type === 'progress' && `${m.index}/${m.total} ${m.file}`)).toEqual([
      `1/2 ${file}`,
      '2/2 本工作簿/单位1',
    ]);
  });
});

describe('the whole notice takes sheets of this workbook', () => {
  /** The roster: 大王庄, 二号桥, 教育系统, and 第1…200基层工会 (whose rows the larger workbooks hold). */
  const roster = [
    ['单位名称', '单位层级', '别名', '截止日期', '联系人', '联系电话'],
    ['大王庄街道总工会', '街道（乡镇）工会', '大王庄', '', '王芳', '13800000001'],
    ['二号桥街道总工会', '街道（乡镇）工会', '二号桥', '', '李娜', '13800000002'],
    ['河东区教育系统工会', '产业（系统）工会', '教育系统', '', '张丽', '022-24310001'],
    ...Array.from({ length: 200 }, (_, i) => [`第${i + 1}基层工会`, '基层工会', '', '', '', '']),
  ];
  const ids = idsOf('activity-summary');
  /** 大王庄's table pasted on a sheet named for no unit, 二号桥's sheet with no table, `extra` more sheets of `rows` units' rows each. */
  function noticeWorkbook(extra: number, rows: number, unread = '二号桥数据汇总表'): { fake: FakeExcel; names: string[] } {
    const fake = new FakeExcel();
    fake.model.addSheet('单位名单').setValues('A1', roster);
    fake.model
      .addSheet('Sheet1')
      .setValues('B2', [labelsOf('activity-summary'), activityRow({ unitName: '大王庄街道总工会', parentUnit: '' })]);
    fake.model.addSheet(unread).setValues('A1', [['数据下周补报']]);
    const names = ['Sheet1', unread];
    for (let s = 1; s <= extra; s++) {
      const units = Array.from({ length: rows }, (_, i) => activityRow({ unitName: `第${((s * rows + i) % 200) + 1}基层工会` }, ids));
      fake.model.addSheet(`其他${s}`).setValues('A1', [labelsOf('activity-summary'), ...units.map((r) => r.map((v) => v ?? ''))]);
      names.push(`其他${s}`);
    }
    return { fake, names };
  }

  async function noticeOf(fake: FakeExcel, names: string[]) {
    const actions = excelActions(gatewayOn(fake));
    fake.resetCounts();
    const sources = await actions.readWorkbookSources(names, '单位名单', 'zh-CN');
    const reads = fake.syncs;
    const messages: NoticeMessage[] = [];
    await performNotice(
      {
        type: 'notice',
        files: [{ file: '收件箱/教育系统工会 活动总结.docx', within: '收件箱/教育系统工会 活动总结.docx', size: 10 }],
        sheets: sources.sheets,
        problems: [],
        materials: ['activity-summary', 'activity-report'],
        ...(sources.roster ? { rosterParsed: sources.roster } : {}),
        definitions: [...shippedForms],
        deadline: '2099-12-31',
        lang: 'zh-CN',
        workbook: false,
      },
      (m) => messages.push(m),
    );
    const done = messages.find((m) => m.type === 'notice-done');
    if (done?.type !== 'notice-done') throw new Error(JSON.stringify(messages.at(-1)));
    fake.resetCounts();
    await actions.writeNotice(done.result, [...shippedForms].map(compileForm), 'zh-CN');
    return { result: done.result, reads, writes: fake.syncs, progress: messages.filter((m) => m.type === 'progress') };
  }

  test('each ticked sheet is a return: placed by the units its rows name, a rejected one by the sheet name', async () => {
    const { fake, names } = noticeWorkbook(0, 0);
    const { result, reads, progress } = await noticeOf(fake, names);
    expect(reads).toBe(1);
    expect(progress.map((p) => p.type === 'progress' && `${p.index}/${p.total} ${p.file}`)).toEqual([
      '2/3 本工作簿/Sheet1',
      '3/3 本工作簿/二号桥数据汇总表',
      '3/3 ',
    ]);
    const status = (unit: string) =>
      Object.fromEntries(Object.entries(result.units.find((u) => u.unit === unit)!.items).map(([m, c]) => [m, [c!.status, c!.files]]));
    expect(status('大王庄街道总工会')).toEqual({
      'activity-summary': ['received', ['本工作簿/Sheet1']],
      'activity-report': ['missing', []],
    });
    expect(status('二号桥街道总工会')).toEqual({
      'activity-summary': ['rejected', ['本工作簿/二号桥数据汇总表']],
      'activity-report': ['missing', []],
    });
    expect(status('河东区教育系统工会')['activity-report']![0]).toBe('received');
    expect(result.files.find((f) => f.file === '本工作簿/Sheet1')).toMatchObject({ unit: '大王庄街道总工会', status: 'accepted' });
    expect(result.files.find((f) => f.file === '本工作簿/二号桥数据汇总表')).toMatchObject({
      unit: '二号桥街道总工会',
      status: 'rejected',
    });
    // Written into the workbook: 大王庄's row in 报送材料 says received, the user's sheets stay.
    expect(fake.model.sheet('Sheet1')!.value('B3')).toBe('大王庄街道总工会');
    expect(fake.model.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(['报送材料', '催报名单', '汇总-数据汇总表']));
    // Listed again, the notice's own sheets are not offered as units' tables.
    expect(rollupCandidates(await gatewayOn(fake).listSheets())).toEqual(['Sheet1', '二号桥数据汇总表']);
  });

  test('a rejected sheet numbered as people number them (2.二号桥数据汇总表) is still that unit’s 数据汇总表', async () => {
    const { fake, names } = noticeWorkbook(0, 0, '2.二号桥数据汇总表');
    const { result } = await noticeOf(fake, names);
    expect(result.units.find((u) => u.unit === '二号桥街道总工会')!.items['activity-summary']).toMatchObject({
      status: 'rejected',
      files: ['本工作簿/2.二号桥数据汇总表'],
    });
  });

  test('the same syncs for 2 sheets as for 40 sheets of 200 rows: one to read them, a fixed number to write', async () => {
    const few = noticeWorkbook(0, 0);
    const small = await noticeOf(few.fake, few.names);
    const big = noticeWorkbook(38, 200);
    const large = await noticeOf(big.fake, big.names);
    expect(large.progress).toHaveLength(41);
    expect(large.result.forms['activity-summary']!.rows.length).toBeGreaterThan(200);
    expect([large.reads, large.writes]).toEqual([small.reads, small.writes]);
    expect(large.reads).toBe(1);
    expectWithin19(big.fake);
  });
});
