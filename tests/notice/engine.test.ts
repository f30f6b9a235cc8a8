/**
 * The whole notice from a mixed inbox: spreadsheets sorted to their forms, documents and
 * photos attributed by folder and file names, each roster unit × material, the cross-form
 * warnings and the reminder list.
 */
import * as fs from 'fs';
import * as path from 'path';
import { compileForm } from '../../src/core/definitions/compile';
import { shippedForms } from '../../src/core/definitions/shipped';
import { correctionTexts, remindersText } from '../../src/core/notice/corrections';
import { MATERIAL_IDS } from '../../src/core/notice/materials';
import type { NoticeResult } from '../../src/core/notice/types';
import { rollUpNotice, type NoticeSource } from '../../src/files/rollupNotice';
import { readRosterFile, rollUpFiles } from '../../src/files/rollupFiles';
import { activityRow, labelsOf, tempDir, writeCsv, writeXlsx } from '../helpers/workbooks';
import { experienceRow, quizRow, ROSTER_ROWS } from './helpers';

const forms = shippedForms.map(compileForm);
const day = (iso: string) => Date.parse(iso + 'T08:00:00Z');

function inbox(dir: string): { sources: NoticeSource[]; others: Map<string, number> } {
  const sources: NoticeSource[] = [];
  const others = new Map<string, number>();
  const sheet = (within: string, rows: unknown[][], modified = day('2024-03-20')) => {
    const file = path.join(dir, within);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    writeXlsx(file, [{ name: 'Sheet1', rows: rows as never }]);
    sources.push({ file: within, within, modified, size: fs.statSync(file).size, bytes: () => new Uint8Array(fs.readFileSync(file)) });
  };
  // Documents and photos are never read: asking for their bytes fails the test.
  const named = (within: string, modified = day('2024-03-20'), size = 1000) => {
    others.set(within, 0);
    sources.push({
      file: within,
      within,
      modified,
      size,
      bytes: () => {
        others.set(within, 1);
        throw new Error('read ' + within);
      },
    });
  };
  // 大王庄: a folder of its own, everything; its summary's figures disagree with its quiz table and photos.
  sheet('大王庄街道总工会/数据汇总表.xlsx', [
    labelsOf('activity-summary'),
    activityRow({ unitName: '大王庄街道总工会', parentUnit: '', quizParticipants: 350, photos: 3, experiences: 1 }),
  ]);
  sheet('大王庄街道总工会/知识竞赛.xlsx', [labelsOf('quiz-results'), quizRow({ participants: 300 })]);
  sheet('大王庄街道总工会/典型经验.xlsx', [labelsOf('typical-experience'), experienceRow({ attachment: '大王庄经验材料.docx' })]);
  named('大王庄街道总工会/活动总结.docx');
  named('大王庄街道总工会/IMG_0001.jpg');
  named('大王庄街道总工会/IMG_0002.jpg');
  // 二号桥: flat files with its alias in the names, its summary table late (deadline 03-22).
  sheet('二号桥数据汇总表.xlsx', [
    labelsOf('activity-summary'),
    activityRow({ unitName: '二号桥街道总工会', parentUnit: '', photos: 1, fillDate: '2024-03-25' }),
  ]);
  named('二号桥活动总结.pdf', day('2024-03-21'));
  named('二号桥-现场照片1.JPG', day('2024-03-21'));
  // 第一热电厂: only a broken table.
  fs.writeFileSync(path.join(dir, 'broken.xlsx'), Buffer.from('PK\u0003\u0004 not really a workbook'));
  sources.push({
    file: '第一热电厂数据汇总表.xlsx',
    within: '第一热电厂数据汇总表.xlsx',
    modified: day('2024-03-20'),
    bytes: () => new Uint8Array(fs.readFileSync(path.join(dir, 'broken.xlsx'))),
  });
  // Files nobody can be sure of.
  named('大王庄和二号桥合影.jpg');
  named('活动照片.png');
  named('ÎÄ¼þ╗π▒¿.docx');
  named('大王庄街道总工会/会议通知.docx');
  named('二号桥活动总结视频.mp4', day('2024-03-21'), 2 * 1024 ** 3);
  named('教育系统材料.zip');
  return { sources, others };
}

describe('the whole notice', () => {
  const dir = tempDir('huizong-notice-');
  const { sources, others } = inbox(dir);
  const roster = readRosterFile(
    {
      name: '单位名单.csv',
      bytes: () => new Uint8Array(fs.readFileSync(writeCsv(path.join(dir, '单位名单.csv'), ROSTER_ROWS, 'utf8-bom'))),
    },
    'zh-CN',
  );
  let result: NoticeResult;
  beforeAll(() => {
    result = rollUpNotice(sources, [{ file: 'empty-folder', code: 'notice.folder-empty' }], {
      materials: [...MATERIAL_IDS],
      forms,
      roster,
      deadline: '2024-03-31',
      createdAt: '2024-04-01T00:00:00Z',
    });
  });
  const cell = (unit: string, material: string) =>
    result.units.find((u) => u.unit === unit)?.items[material as never] as
      { status: string; date?: string; reason?: string; count?: number } | undefined;
  const line = (file: string) => result.files.find((f) => f.file === file);

  test('documents and photos are known by their names: none is read', () => {
    expect([...others.values()].every((read) => read === 0)).toBe(true);
  });

  test('each roster unit × material: received, late, rejected or missing', () => {
    expect(result.units.map((u) => u.unit)).toEqual(ROSTER_ROWS.slice(1).map((r) => r[0]));
    for (const m of MATERIAL_IDS) expect(cell('大王庄街道总工会', m)?.status).toBe('received');
    expect(cell('大王庄街道总工会', 'photos')?.count).toBe(2);
    expect(cell('二号桥街道总工会', 'activity-summary')).toMatchObject({ status: 'late', date: '2024-03-25' });
    expect(cell('二号桥街道总工会', 'activity-report')).toMatchObject({ status: 'received', date: '2024-03-21' });
    expect(cell('二号桥街道总工会', 'photos')?.count).toBe(1);
    expect(cell('二号桥街道总工会', 'quiz-results')?.status).toBe('missing');
    expect(cell('天津市第一热电厂工会', 'activity-summary')?.status).toBe('rejected');
    expect(cell('天津市第一热电厂工会', 'activity-summary')?.reason).toBeTruthy();
    for (const m of MATERIAL_IDS) expect(cell('河东区教育系统工会', m)?.status).toBe('missing');
  });

  test('files naming several units, none, or garbled are listed, never guessed', () => {
    expect(line('大王庄和二号桥合影.jpg')).toMatchObject({ status: 'unattributed', unit: null, code: 'notice.several-units' });
    expect(line('大王庄和二号桥合影.jpg')?.reason).toContain('大王庄街道总工会');
    expect(line('活动照片.png')).toMatchObject({ status: 'unattributed', code: 'notice.no-unit' });
    expect(line('ÎÄ¼þ╗π▒¿.docx')).toMatchObject({ code: 'notice.unclassified-document' });
    expect(line('大王庄街道总工会/会议通知.docx')).toMatchObject({ status: 'unclassified', unit: '大王庄街道总工会' });
    expect(line('二号桥活动总结视频.mp4')).toMatchObject({ status: 'unclassified', code: 'notice.unclassified-other' });
    expect(line('教育系统材料.zip')).toMatchObject({ status: 'unclassified', code: 'notice.archive' });
    expect(line('empty-folder')).toMatchObject({ status: 'skipped', code: 'notice.folder-empty' });
    expect(line('大王庄街道总工会/活动总结.docx')).toMatchObject({
      status: 'accepted',
      unit: '大王庄街道总工会',
      material: 'activity-report',
    });
    expect(line('大王庄街道总工会/数据汇总表.xlsx')).toMatchObject({
      status: 'accepted',
      unit: '大王庄街道总工会',
      material: 'activity-summary',
    });
    expect(line('第一热电厂数据汇总表.xlsx')).toMatchObject({
      status: 'rejected',
      unit: '天津市第一热电厂工会',
      material: 'activity-summary',
    });
  });

  test('cross-form warnings name the unit', () => {
    const cross = result.issues.filter((i) => i.code.startsWith('cross-form.'));
    const codes = cross.map((i) => i.code).sort();
    expect(codes).toEqual(['cross-form.attachment-missing', 'cross-form.photo-count', 'cross-form.quiz-participants']);
    for (const issue of cross) {
      expect(issue.severity).toBe('warning');
      expect(issue.message).toContain('大王庄街道总工会');
    }
    expect(cross.find((i) => i.code === 'cross-form.quiz-participants')?.message).toMatch(/350.*300/);
    // Where to look: the summary's own cell (header in row 1, the unit's row 2).
    const column = String.fromCharCode(65 + labelsOf('activity-summary').indexOf('知识竞赛参赛人数（人）'));
    expect(cross.find((i) => i.code === 'cross-form.quiz-participants')).toMatchObject({
      file: '大王庄街道总工会/数据汇总表.xlsx',
      cell: `${column}2`,
    });
    expect(cross.find((i) => i.code === 'cross-form.attachment-missing')?.message).toContain('大王庄经验材料.docx');
  });

  test('the reminder list: who misses what, with contact and a message ready to send', () => {
    expect(result.reminders.map((r) => r.unit)).toEqual(['二号桥街道总工会', '河东区教育系统工会', '天津市第一热电厂工会']);
    const erhaoqiao = result.reminders[0]!;
    expect(erhaoqiao).toMatchObject({
      missing: ['quiz-results', 'typical-experience'],
      deadline: '2024-03-22',
      contact: '李娜',
      phone: '13800000002',
    });
    expect(erhaoqiao.message).toContain('李娜');
    expect(erhaoqiao.message).toContain('知识竞赛活动情况表');
    expect(erhaoqiao.message).toContain('2024-03-22');
    const plant = result.reminders[2]!;
    expect(plant.missing).toContain('activity-summary');
    expect(plant.message).toContain('数据汇总表（已收到的文件无法采用：文件不完整');
    expect(plant.message).toContain('请重新下载或重新保存后报送）');
  });

  test('an attachment named in a typical experience claims its document', () => {
    const again = rollUpNotice([...sources, { file: '大王庄经验材料.docx', size: 10, bytes: () => new Uint8Array() }], [], {
      materials: [...MATERIAL_IDS],
      forms,
      roster,
      createdAt: '2024-04-01T00:00:00Z',
    });
    expect(again.files.find((f) => f.file === '大王庄经验材料.docx')).toMatchObject({
      status: 'accepted',
      unit: '大王庄街道总工会',
      material: 'typical-experience',
    });
    expect(again.issues.some((i) => i.code === 'cross-form.attachment-missing')).toBe(false);
  });

  test('only what the notice asked for is a material; the rest is listed as not requested', () => {
    const narrow = rollUpNotice(sources, [], {
      materials: ['activity-summary', 'activity-report'],
      forms,
      roster,
      createdAt: '2024-04-01T00:00:00Z',
    });
    expect(narrow.materials).toEqual(['activity-summary', 'activity-report']);
    expect(Object.keys(narrow.units[0]!.items)).toEqual(['activity-summary', 'activity-report']);
    expect(narrow.files.find((f) => f.file === '大王庄街道总工会/知识竞赛.xlsx')).toMatchObject({ status: 'not-requested' });
    expect(narrow.files.find((f) => f.file === '大王庄街道总工会/IMG_0001.jpg')).toMatchObject({ status: 'not-requested' });
    expect(Object.keys(narrow.forms)).toEqual(['activity-summary']);
  });

  test('a table is taken by its own form, whatever its name suggests', () => {
    const file = path.join(dir, 'misnamed.xlsx');
    writeXlsx(file, [
      { name: 'Sheet1', rows: [labelsOf('activity-summary'), activityRow({ unitName: '河东区教育系统工会', parentUnit: '' })] },
    ]);
    const misnamed = rollUpNotice([{ file: '教育系统知识竞赛.xlsx', bytes: () => new Uint8Array(fs.readFileSync(file)) }], [], {
      materials: [...MATERIAL_IDS],
      forms,
      roster,
      createdAt: '2024-04-01T00:00:00Z',
    });
    expect(misnamed.files[0]).toMatchObject({ status: 'accepted', material: 'activity-summary', unit: '河东区教育系统工会' });
    expect(misnamed.units.find((u) => u.unit === '河东区教育系统工会')?.items['activity-summary']?.status).toBe('received');
  });

  test('English messages with lang en', () => {
    const en = rollUpNotice(sources, [], { materials: [...MATERIAL_IDS], forms, roster, lang: 'en', createdAt: '2024-04-01T00:00:00Z' });
    expect(en.reminders[0]?.message).toMatch(/^Dear 李娜, Hello! .*quiz activity table/);
  });
});

describe('退回修改 and the reminder text', () => {
  const dir = tempDir('huizong-corrections-');
  const roster = readRosterFile(
    { name: 'r.csv', bytes: () => new Uint8Array(fs.readFileSync(writeCsv(path.join(dir, 'r.csv'), ROSTER_ROWS, 'utf8-bom'))) },
    'zh-CN',
  );
  const bad = writeXlsx(path.join(dir, 'bad.xlsx'), [
    {
      name: 'Sheet1',
      rows: [labelsOf('activity-summary'), activityRow({ unitName: '大王庄街道总工会', parentUnit: '', publicityEvents: '若干' })],
    },
  ]);
  const good = writeXlsx(path.join(dir, 'good.xlsx'), [
    { name: 'Sheet1', rows: [labelsOf('activity-summary'), activityRow({ unitName: '二号桥街道总工会', parentUnit: '' })] },
  ]);
  const result = rollUpNotice(
    [
      { file: '大王庄/数据汇总表.xlsx', bytes: () => new Uint8Array(fs.readFileSync(bad)) },
      { file: '二号桥/数据汇总表.xlsx', bytes: () => new Uint8Array(fs.readFileSync(good)) },
    ],
    [],
    { materials: ['activity-summary'], forms, roster, deadline: '2099-01-01', createdAt: '2024-04-01T00:00:00Z' },
  );

  test('a unit whose return has errors gets a text naming each cell and what to fix', () => {
    const texts = correctionTexts(result, 'zh-CN');
    expect(texts.map((t) => t.unit)).toEqual(['大王庄街道总工会']);
    expect(texts[0]!.message).toMatch(/^王芳同志，您好！大王庄街道总工会报送的材料中有以下问题/);
    expect(texts[0]!.message).toContain('1. 数据汇总表.xlsx（工作表“Sheet1”）D2');
    expect(texts[0]!.message).toContain('若干');
  });

  test('the reminder list as one text, unit and phone above each message', () => {
    const text = remindersText(result);
    expect(text).toContain('【河东区教育系统工会】');
    expect(text).toContain('【天津市第一热电厂工会 022-24316934】');
    expect(text.split('\n\n')).toHaveLength(result.reminders.length);
  });
});

test('a date written without its year is of the notice’s year, as in the single-form roll-up', () => {
  const dir = tempDir('huizong-notice-year-');
  const file = writeXlsx(path.join(dir, 't.xlsx'), [
    {
      name: 'Sheet1',
      rows: [labelsOf('activity-summary'), activityRow({ unitName: '大王庄街道总工会', parentUnit: '', fillDate: '3月20日' })],
    },
  ]);
  const sources = [{ file: '大王庄/数据汇总表.xlsx', bytes: () => new Uint8Array(fs.readFileSync(file)) }];
  const options = { materials: ['activity-summary' as const], forms, createdAt: '2024-04-01T00:00:00Z', today: '2024-04-01' };
  const single = rollUpFiles([{ name: '大王庄/数据汇总表.xlsx', bytes: sources[0]!.bytes }], {
    form: forms.find((f) => f.def.id === 'activity-summary')!,
    forms,
    deadline: '2024-03-25',
    today: '2024-04-01',
  });
  const notice = rollUpNotice(sources, [], { ...options, deadline: '2024-03-25' });
  expect(single.rows[0]!.date).toBe('2024-03-20');
  expect(notice.forms['activity-summary']!.rows[0]!.date).toBe('2024-03-20');
  expect(notice.issues.filter((i) => i.field === 'fillDate')).toEqual(single.issues.filter((i) => i.field === 'fillDate'));
});
