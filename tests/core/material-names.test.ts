/**
 * What a name says of the material it holds: a unit's file by its name, or a sheet of the open
 * workbook by its own (no extension, and often numbered: `2.二号桥数据汇总表`). Only a short
 * ASCII extension is cut; what follows any other dot is part of the name.
 */
import { materialHintOf, stem } from '../../src/core/notice/materials';

test.each([
  ['大王庄/活动总结.docx', '活动总结'],
  ['附件2.数据汇总表.xlsx', '附件2.数据汇总表'],
  ['数据汇总表.XLSX', '数据汇总表'],
  ['report.2024', 'report'],
  ['.DS_Store', '.DS_Store'],
  ['本工作簿/2.二号桥数据汇总表', '2.二号桥数据汇总表'],
  ['1.大王庄', '1.大王庄'],
  ['典型经验', '典型经验'],
])('stem(%j) is %j', (name, expected) => {
  expect(stem(name)).toBe(expected);
});

test.each([
  ['本工作簿/2.二号桥数据汇总表', 'activity-summary'],
  ['本工作簿/附件2.知识竞赛活动情况表', 'quiz-results'],
  ['附件2.数据汇总表.xlsx', 'activity-summary'],
  ['河东区/3.典型经验.xls', 'typical-experience'],
  ['1.大王庄', undefined],
])('a return named %j is looked at first as %j', (name, material) => {
  expect(materialHintOf(name)).toBe(material);
});
