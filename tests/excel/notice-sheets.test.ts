/**
 * The whole notice written into the open workbook through the gateway, on the Office.js
 * double (./excelDouble.ts; Excel itself is not run here): every sheet of the plan, the
 * per-form 汇总 / 报送情况 repeated by index, the record on _huizong, and the round trips
 * flat in units.
 */
import * as fs from 'fs';
import * as path from 'path';
import { compileForm } from '../../src/core/definitions/compile';
import { shippedForms } from '../../src/core/definitions/shipped';
import { MATERIAL_IDS } from '../../src/core/notice/materials';
import { noticeSheetsPlan } from '../../src/core/plan/noticeSheetsPlan';
import type { CellValue } from '../../src/core/values/types';
import { createOfficeGateway, readRollupSheetsRecord } from '../../src/excel/officeGateway';
import { rollUpNotice, type NoticeSource } from '../../src/files/rollupNotice';
import { readRosterFile } from '../../src/files/rollupFiles';
import { activityRow, labelsOf, tempDir, writeCsv, writeXlsx } from '../helpers/workbooks';
import { FakeExcel } from './excelDouble';

const forms = shippedForms.map(compileForm);
const dir = tempDir('huizong-notice-excel-');

/** `units` roster units; the first sends an activity table and a summary, every unit a photo. */
function planFor(units: number) {
  const rows: CellValue[][] = [['单位名称', '单位层级', '别名', '截止日期', '联系人', '联系电话']];
  for (let i = 1; i <= units; i++)
    rows.push([`第${i}街道总工会`, '街道（乡镇）工会', '', '', `联系人${i}`, `1380000${String(i).padStart(4, '0')}`]);
  const rosterFile = writeCsv(path.join(dir, `r${units}.csv`), rows, 'utf8-bom');
  const roster = readRosterFile({ name: 'r.csv', bytes: () => new Uint8Array(fs.readFileSync(rosterFile)) }, 'zh-CN');
  const table = writeXlsx(path.join(dir, `t${units}.xlsx`), [
    {
      name: 'Sheet1',
      rows: [labelsOf('activity-summary'), activityRow({ unitName: '第1街道总工会', parentUnit: '', photos: 1, fillDate: '2024-03-20' })],
    },
  ]);
  const named = (file: string): NoticeSource => ({
    file,
    size: 10,
    modified: Date.parse('2024-03-19T08:00:00Z'),
    bytes: () => new Uint8Array(),
  });
  const sources: NoticeSource[] = [
    { file: '第1街道总工会/活动表.xlsx', bytes: () => new Uint8Array(fs.readFileSync(table)) },
    named('第1街道总工会/活动总结.docx'),
    ...Array.from({ length: units }, (_, i) => named(`第${i + 1}街道总工会/1.jpg`)),
  ];
  const result = rollUpNotice(sources, [], {
    materials: [...MATERIAL_IDS],
    forms,
    roster,
    deadline: '2024-03-25',
    createdAt: '2024-03-28T09:00:00Z',
  });
  return noticeSheetsPlan(result, forms, 'zh-CN');
}

function workbook(): FakeExcel {
  const fake = new FakeExcel();
  fake.model.addSheet('其他').setValues('A1', [['用户自己的表']]);
  fake.model.active = '其他';
  return fake;
}

function recordOf(fake: FakeExcel) {
  const meta = fake.model.sheet('_huizong')!;
  const pairs: [string, string][] = [];
  for (let r = 1; meta.value(`A${r}`) !== ''; r++) pairs.push([String(meta.value(`A${r}`)), String(meta.value(`B${r}`))]);
  return readRollupSheetsRecord(pairs);
}

describe('writeRollupSheets with the whole notice', () => {
  it('writes every sheet of the plan, each form its own 汇总 / 报送情况, and records them all', async () => {
    const plan = planFor(4);
    const fake = workbook();
    await createOfficeGateway({ host: fake.host() }).writeRollupSheets(plan);
    const names = plan.sheets.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(['报送材料', '催报名单', '问题清单']));
    expect(plan.sheets.filter((s) => s.role === 'rows').length).toBeGreaterThanOrEqual(1);
    for (const sheet of plan.sheets) {
      const written = fake.model.sheet(sheet.name)!;
      expect(written).toBeDefined();
      // A leading ' keeps text as text in Excel and is not part of the value.
      expect(written.value('A1')).toBe(String(sheet.values[0]?.[0] ?? '').replace(/^'/, ''));
    }
    // 催报名单 names a unit that sent only a photo.
    const reminders = fake.model.sheet('催报名单')!;
    const text = JSON.stringify([...reminders.values]);
    expect(text).toContain('第2街道总工会');
    const record = recordOf(fake)!;
    expect(record.sheets.map((s) => s.name)).toEqual(names);
    expect(record.sheets.map((s) => s.role)).toEqual(plan.sheets.map((s) => s.role));
    expect(fake.model.sheet('其他')!.value('A1')).toBe('用户自己的表');
  });

  it('replaces its own notice sheets on a second run, without 报送材料(2)', async () => {
    const fake = workbook();
    const gateway = createOfficeGateway({ host: fake.host() });
    await gateway.writeRollupSheets(planFor(3));
    await gateway.writeRollupSheets(planFor(3));
    expect(fake.model.sheet('报送材料')).toBeDefined();
    expect(fake.model.sheet('报送材料(2)')).toBeUndefined();
  });

  it('takes the same number of syncs for 5 units as for 400', async () => {
    const counts: number[] = [];
    for (const units of [5, 400]) {
      const fake = workbook();
      fake.syncs = 0;
      await createOfficeGateway({ host: fake.host() }).writeRollupSheets(planFor(units));
      counts.push(fake.syncs);
    }
    expect(counts[0]).toBe(3);
    expect(counts[1]).toBe(counts[0]);
  });
});

describe('the ticked materials remembered on _huizong', () => {
  it('are kept beside the record of the notice sheets and read back; 1 sync to read, 2 to write', async () => {
    const fake = workbook();
    const gateway = createOfficeGateway({ host: fake.host() });
    fake.syncs = 0;
    expect(await gateway.readNoticeMaterials()).toBeUndefined();
    expect(fake.syncs).toBe(1);
    fake.syncs = 0;
    await gateway.writeNoticeMaterials(['activity-summary', 'photos']);
    expect(fake.syncs).toBe(2);
    expect(fake.model.sheet('_huizong')!.visibility).toBe('VeryHidden');
    await gateway.writeRollupSheets(planFor(3));
    expect(await gateway.readNoticeMaterials()).toEqual(['activity-summary', 'photos']);
    await gateway.writeNoticeMaterials([]);
    expect(await gateway.readNoticeMaterials()).toEqual([]);
    // The notice sheets' record survived the materials being rewritten.
    expect(recordOf(fake)!.sheets.map((s) => s.name)).toContain('报送材料');
  });
});
