/** Attribution by names: the nearest name mentioning a roster unit decides; several or none is never guessed. */
import { attributorFor } from '../../src/core/notice/attribute';
import { isHousekeepingFile } from '../../src/core/notice/materials';
import type { Roster } from '../../src/core/rollup/types';

const roster: Roster = {
  source: 'test',
  issues: [],
  units: [
    { name: '河东区总工会', aliases: [], row: 2 },
    { name: '河东区总工会机关工会', aliases: ['机关工会'], row: 3 },
    { name: '大王庄街道总工会', aliases: ['大王庄'], row: 4 },
    { name: '二号桥街道总工会', aliases: [], row: 5 },
  ],
};
const who = (path: string) => {
  const found = attributorFor(roster).attribute(path);
  return found.kind === 'unit' ? found.unit.name : found.kind === 'several' ? found.units.map((u) => u.name).sort() : null;
};

test('a name inside a longer name at the same place is the longer unit only', () => {
  expect(who('河东区总工会机关工会活动总结.docx')).toBe('河东区总工会机关工会');
  expect(who('河东区总工会活动总结.docx')).toBe('河东区总工会');
});

test('full-width, spaces and the department suffix fold as the roster folds', () => {
  expect(who('二号桥街道总工会 女职委／总结.pdf')).toBe('二号桥街道总工会');
  expect(who('大王庄 街道总工会（女职委）.jpg')).toBe('大王庄街道总工会');
});

test('the file name decides before its folder; a folder decides when the name says nothing', () => {
  expect(who('大王庄街道总工会/二号桥街道总工会活动总结.docx')).toBe('二号桥街道总工会');
  expect(who('大王庄街道总工会/照片/IMG_0001.jpg')).toBe('大王庄街道总工会');
  expect(who('收件箱\\大王庄\\总结.doc')).toBe('大王庄街道总工会');
});

test('two units in the nearest name, or none anywhere: not attributed', () => {
  expect(who('大王庄与二号桥街道总工会合影.jpg')).toEqual(['二号桥街道总工会', '大王庄街道总工会']);
  expect(who('收件箱/活动照片/IMG_0001.jpg')).toBeNull();
});

test('files no unit sent are not materials: lock files, macOS zip copies, folder housekeeping', () => {
  for (const name of [
    '~$活动总结.docx',
    '__MACOSX/大王庄街道总工会/._活动总结.docx',
    '大王庄/._IMG_1.jpg',
    '大王庄/.DS_Store',
    '大王庄\\Thumbs.db',
    'desktop.ini',
  ])
    expect(isHousekeepingFile(name)).toBe(true);
  for (const name of ['大王庄/活动总结.docx', 'MACOSX活动总结.docx', '大王庄/IMG_1.jpg']) expect(isHousekeepingFile(name)).toBe(false);
});

test('a sheet of the open workbook is attributed by its name, a dot in it included', () => {
  expect(who('本工作簿/二号桥街道总工会')).toBe('二号桥街道总工会');
  expect(who('本工作簿/1.大王庄')).toBe('大王庄街道总工会');
  expect(who('This workbook/2.二号桥街道总工会')).toBe('二号桥街道总工会');
  expect(who('本工作簿/Sheet1')).toBeNull();
});
