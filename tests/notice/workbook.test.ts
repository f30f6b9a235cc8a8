/**
 * The whole notice's workbook: 报送材料 (units × materials, coloured, with totals), 催报名单,
 * each form's 汇总 and the issue list — read back with exceljs, and opened in LibreOffice.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Workbook } from 'exceljs';
import { compileForm } from '../../src/core/definitions/compile';
import { shippedForms } from '../../src/core/definitions/shipped';
import { MATERIAL_IDS } from '../../src/core/notice/materials';
import { MATERIAL_COLORS, noticeSheetsPlan } from '../../src/core/plan/noticeSheetsPlan';
import { rollUpNotice, type NoticeSource } from '../../src/files/rollupNotice';
import { readRosterFile } from '../../src/files/rollupFiles';
import { writeNoticeWorkbook } from '../../src/files/writeNotice';
import { convertWithLibreOffice, describeWithOffice } from '../helpers/libreoffice';
import { activityRow, labelsOf, tempDir, writeCsv, writeXlsx } from '../helpers/workbooks';
import { ROSTER_ROWS } from './helpers';

const forms = shippedForms.map(compileForm);
const dir = tempDir('huizong-notice-book-');

function result() {
  const table = (name: string, unit: string, date: string): NoticeSource => {
    const file = writeXlsx(path.join(dir, name), [
      { name: 'Sheet1', rows: [labelsOf('activity-summary'), activityRow({ unitName: unit, parentUnit: '', photos: 1, fillDate: date })] },
    ]);
    return { file: name, bytes: () => new Uint8Array(fs.readFileSync(file)) };
  };
  const named = (file: string, day: string): NoticeSource => ({
    file,
    size: 10,
    modified: Date.parse(day + 'T08:00:00Z'),
    bytes: () => new Uint8Array(),
  });
  const roster = readRosterFile(
    { name: 'r.csv', bytes: () => new Uint8Array(fs.readFileSync(writeCsv(path.join(dir, 'r.csv'), ROSTER_ROWS, 'utf8-bom'))) },
    'zh-CN',
  );
  return rollUpNotice(
    [
      table('大王庄.xlsx', '大王庄街道总工会', '2024-03-20'),
      table('二号桥.xlsx', '二号桥街道总工会', '2024-03-24'),
      named('大王庄/活动总结.docx', '2024-03-19'),
      named('大王庄/1.jpg', '2024-03-19'),
      named('13800000000.jpg', '2024-03-19'),
    ],
    [],
    { materials: [...MATERIAL_IDS], forms, roster, deadline: '2024-03-25', createdAt: '2024-03-28T09:00:00Z' },
  );
}

const argb = (color: string) => `FF${color.slice(1).toUpperCase()}`;

describe('the whole notice workbook', () => {
  const notice = result();
  const file = path.join(dir, '通知汇总.xlsx');
  let book: Workbook;
  beforeAll(async () => {
    fs.writeFileSync(file, await writeNoticeWorkbook(notice, forms, { lang: 'zh-CN', unit: '河东区总工会' }));
    book = new Workbook();
    await book.xlsx.readFile(file);
  });

  test('sheets: 报送材料, 催报名单, each form’s 汇总 and 报送情况, 问题清单', () => {
    expect(book.worksheets.filter((s) => s.state !== 'veryHidden').map((s) => s.name)).toEqual([
      '报送材料',
      '催报名单',
      '汇总-数据汇总表',
      '报送情况-数据汇总表',
      '汇总-知识竞赛活动情况表',
      '报送情况-知识竞赛活动情况表',
      '汇总-典型经验',
      '报送情况-典型经验',
      '问题清单',
    ]);
  });

  test('报送材料: a row per roster unit, status and date per material, coloured by status, totals below', () => {
    const sheet = book.getWorksheet('报送材料')!;
    expect(sheet.getCell('A1').value).toBe('河东区总工会报送材料情况');
    expect(sheet.getCell('D3').value).toBe('数据汇总表');
    expect([sheet.getCell('D4').value, sheet.getCell('E4').value]).toEqual(['状态', '日期']);
    const row = (unit: string) => (sheet.getColumn(1).values as unknown[]).indexOf(unit);
    const dwz = row('大王庄街道总工会');
    const ehq = row('二号桥街道总工会');
    expect(sheet.getCell(dwz, 4).value).toBe('已收到');
    expect((sheet.getCell(dwz, 4).fill as { fgColor?: { argb?: string } }).fgColor?.argb).toBe(argb(MATERIAL_COLORS.received));
    expect(sheet.getCell(dwz, 5).numFmt).toBe('yyyy-mm-dd');
    expect(sheet.getCell(ehq, 3).value).toEqual(new Date('2024-03-22T00:00:00Z'));
    expect(sheet.getCell(dwz, 12).value).toBe('已收到（1张）');
    const missing = sheet.getCell(row('河东区教育系统工会'), 4);
    expect(missing.value).toBe('未报送');
    expect((missing.fill as { fgColor?: { argb?: string } }).fgColor?.argb).toBe(argb(MATERIAL_COLORS.missing));
    const totals = row('合计');
    expect(sheet.getCell(totals, 3).value).toBe('已收到');
    expect(sheet.getCell(totals, 4).value).toBe(notice.units.filter((u) => u.items['activity-summary']?.status === 'received').length);
    expect(sheet.getCell(totals + 3, 3).value).toBe('未报送');
    expect(sheet.getCell(totals + 3, 4).value).toBe(2);
  });

  test('late has its own colour, apart from received and missing: 二号桥 dated 03-24, its own deadline 03-22', () => {
    const colours = new Set(Object.values(MATERIAL_COLORS));
    expect(colours.size).toBe(4);
    const sheet = book.getWorksheet('报送材料')!;
    const ehq = (sheet.getColumn(1).values as unknown[]).indexOf('二号桥街道总工会');
    expect(sheet.getCell(ehq, 4).value).toBe('逾期');
    expect((sheet.getCell(ehq, 4).fill as { fgColor?: { argb?: string } }).fgColor?.argb).toBe(argb(MATERIAL_COLORS.late));
  });

  test('催报名单: unit, missing, deadline, contact, phone (as text), message', () => {
    const sheet = book.getWorksheet('催报名单')!;
    expect(sheet.getRow(3).values).toEqual([undefined, '单位名称', '缺报材料', '截止日期', '联系人', '联系电话', '催报消息']);
    const first = notice.reminders[0]!;
    expect(sheet.getCell('A4').value).toBe(first.unit);
    expect(sheet.getCell('E4').value).toBe(first.phone);
    expect(sheet.getCell('F4').value).toBe(first.message);
    expect(sheet.rowCount).toBe(3 + notice.reminders.length);
    // Each message wraps over lines: its row is tall enough that printed rows do not overlap.
    notice.reminders.forEach((_, n) => expect(sheet.getRow(4 + n).height).toBeGreaterThanOrEqual(30));
  });

  test('问题清单 holds every issue of the notice, each under its unit first', () => {
    const sheet = book.getWorksheet('问题清单')!;
    expect(sheet.rowCount).toBe(1 + notice.issues.length);
    expect(sheet.getCell('A1').value).toBe('单位');
    const lines = notice.issues.map((_, i) => [sheet.getCell(`A${i + 2}`).value, String(sheet.getCell(`H${i + 2}`).value)]);
    // A unit's own row's issue, and one that names the unit (未报送), under that unit.
    expect(lines).toContainEqual(['二号桥街道总工会', expect.stringMatching(/^“二号桥街道总工会”于 2024-03-24 报送，晚于/)]);
    expect(lines).toContainEqual(['天津市第一热电厂工会', '“天津市第一热电厂工会”未报送']);
    // A file no unit could be told from stays without one.
    expect(lines).toContainEqual([null, expect.stringContaining('不知道是哪个单位报送的')]);
  });

  test('the plan is the same whatever writes it: a fixed set of sheets, however many units', () => {
    const plan = noticeSheetsPlan(notice, forms, 'zh-CN');
    expect(plan.sheets.map((s) => s.role)).toEqual([
      'materials',
      'reminders',
      'rows',
      'status',
      'rows',
      'status',
      'rows',
      'status',
      'issues',
    ]);
  });
});

describeWithOffice('the whole notice workbook in LibreOffice', () => {
  test('opens, with 报送材料 and 催报名单 as written', async () => {
    const file = path.join(dir, '通知汇总-lo.xlsx');
    fs.writeFileSync(file, await writeNoticeWorkbook(result(), forms, { lang: 'zh-CN' }));
    const csv = fs.readFileSync(await convertWithLibreOffice(file, 'csv', path.join(dir, 'csv')), 'utf8');
    // The first sheet as LibreOffice shows it: dates as dates, statuses as written.
    expect(csv).toContain(
      '"大王庄街道总工会","街道（乡镇）工会",2024-03-25,"已收到",2024-03-20,"未报送",,"未报送",,"已收到",2024-03-19,"已收到（1张）",2024-03-19',
    );
    expect(csv).toContain('"二号桥街道总工会","街道（乡镇）工会",2024-03-22,"逾期",2024-03-24');
    expect(csv).toContain('"合计",,"已收到",1,,0,,0,,1,,1,');
  });
});

describe('a notice whose returns do not date their rows', () => {
  it('titles each form’s 汇总 with the deadline’s year, not the day the roll-up was made', () => {
    const file = writeXlsx(path.join(dir, '未写日期.xlsx'), [
      { name: 'Sheet1', rows: [labelsOf('activity-summary'), activityRow({ unitName: '大王庄街道总工会', parentUnit: '', fillDate: '' })] },
    ]);
    const notice = rollUpNotice([{ file: '未写日期.xlsx', bytes: () => new Uint8Array(fs.readFileSync(file)) }], [], {
      materials: ['activity-summary'],
      forms,
      deadline: '2024-03-25',
      createdAt: '2026-01-05T02:00:00Z',
    });
    expect(notice.forms['activity-summary']?.meta.year).toBe(2024);
    const rows = noticeSheetsPlan(notice, forms, 'zh-CN').sheets.find((s) => s.form === 'activity-summary');
    expect(String(rows?.values[0]?.[0])).toMatch(/^'?2024年/);
  });
});
