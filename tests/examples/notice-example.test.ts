/**
 * The whole-notice example (`examples/通知收件箱-2024/`): the committed folder is what
 * `scripts/make-notice-example.ts` makes, and the whole notice says of it what 说明.md says.
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { compileForm, shippedForms } from '../../src/core';
import { rollUpNotice } from '../../src/files/rollupNotice';
import { readRosterFile } from '../../src/files/rollupFiles';
import { makeNoticeExample, NOTICE_FOLDER } from '../../scripts/make-notice-example';
import { tempDir } from '../helpers/workbooks';
import { MATERIAL_IDS } from '../../src/core/notice/materials';

const committed = resolve(__dirname, '..', '..', NOTICE_FOLDER);

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
beforeAll(() => {
  fresh = tempDir('huizong-notice-example-');
  makeNoticeExample(fresh);
});
afterAll(() => rmSync(fresh, { recursive: true, force: true }));

test('the committed example is what the script makes, byte for byte', () => {
  const names = filesUnder(fresh);
  expect(filesUnder(committed)).toEqual(names);
  for (const name of names) expect(readFileSync(join(committed, name)).equals(readFileSync(join(fresh, name)))).toBe(true);
});

test('the whole notice of the example: who sent what, who to remind, what cannot be placed', () => {
  const forms = shippedForms.map(compileForm);
  const roster = readRosterFile({ name: '单位名单.csv', bytes: readFileSync(join(fresh, '单位名单.csv')) }, 'zh-CN');
  // Every file dated before the deadlines, as if it came by mail on 03-21.
  const sources = filesUnder(join(fresh, '收件箱')).map((name) => ({ file: name, within: name, size: 100, modified: Date.parse('2024-03-21T08:00:00Z'), bytes: () => new Uint8Array(readFileSync(join(fresh, '收件箱', name))) }));
  const result = rollUpNotice(sources, [], { materials: [...MATERIAL_IDS], forms, roster, createdAt: '2024-03-28T00:00:00Z' });
  const row = (unit: string) => Object.fromEntries(Object.entries(result.units.find((u) => u.unit === unit)!.items).map(([m, c]) => [m, c.status]));
  expect(row('大王庄街道总工会')).toEqual({ 'activity-summary': 'received', 'quiz-results': 'received', 'typical-experience': 'received', 'activity-report': 'received', photos: 'received' });
  expect(row('二号桥街道总工会')['activity-summary']).toBe('late');
  expect(row('唐家口街道总工会')['activity-summary']).toBe('rejected');
  // Its reminder says why the table cannot be used and how to fix it, once.
  const tangjiakou = result.reminders.find((r) => r.unit === '唐家口街道总工会')!.message;
  expect(tangjiakou).toContain('数据汇总表（已收到的文件无法采用：文件不完整');
  expect(tangjiakou.match(/重新/g)).toHaveLength(2);
  expect(tangjiakou).toMatch(/请尽快报送，谢谢！$/);
  expect(row('河东区教育系统工会')).toMatchObject({ 'activity-report': 'received', photos: 'received' });
  expect(result.reminders.find((r) => r.unit === '上杭路街道总工会')?.missing).toEqual([...MATERIAL_IDS]);
  expect(result.reminders.map((r) => r.unit)).not.toContain('大王庄街道总工会');
  const cross = result.issues.filter((i) => i.code.startsWith('cross-form.')).map((i) => `${i.code} ${i.params.unit}`);
  expect(cross.sort()).toEqual(['cross-form.photo-count 大王庄街道总工会', 'cross-form.quiz-participants 天津市第一热电厂工会']);
  const status = (file: string) => result.files.find((f) => f.file === file)?.status;
  expect(status('活动照片.jpg')).toBe('unattributed');
  expect(status('大王庄街道与二号桥街道联合活动合影.jpg')).toBe('unattributed');
  expect(status('大王庄街道总工会/会议签到表.docx')).toBe('unclassified');
  expect(status('二号桥街道总工会/活动视频.mp4')).toBe('unclassified');
  expect(result.files.find((f) => f.file === '大王庄街道总工会/大王庄街道典型经验.docx')).toMatchObject({ status: 'accepted', material: 'typical-experience' });
});
