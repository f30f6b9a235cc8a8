/** A notice-shaped inbox for tests: tables of the three forms, documents and photos, by unit. */
import type { CellValue } from '../../src/core/values/types';
import { idsOf } from '../helpers/workbooks';

export const ROSTER_ROWS: CellValue[][] = [
  ['单位名称', '单位层级', '别名', '截止日期', '联系人', '联系电话'],
  ['大王庄街道总工会', '街道（乡镇）工会', '大王庄', '', '王芳', '13800000001'],
  ['二号桥街道总工会', '街道（乡镇）工会', '二号桥', '2024-03-22', '李娜', '13800000002'],
  ['河东区教育系统工会', '产业（系统）工会', '教育系统', '', '', ''],
  ['天津市第一热电厂工会', '基层工会', '第一热电厂', '', '赵敏', '022-24316934'],
];

export function quizRow(overrides: Record<string, CellValue> = {}): CellValue[] {
  const base: Record<string, CellValue> = {
    unitName: '大王庄街道总工会',
    competitionName: '女职工权益保护法律法规知识竞赛',
    organisation: '本级组织',
    format: '线上答题',
    sessions: 1,
    participatingUnits: 5,
    teams: 0,
    participants: 300,
    femaleParticipants: 200,
    papersIssued: 300,
    papersValid: 290,
    winners: 10,
    contactPerson: '王芳',
    contactPhone: '13800000001',
    fillDate: '2024-03-20',
  };
  return idsOf('quiz-results').map((id) => (id in overrides ? overrides[id]! : (base[id] ?? null)));
}

export function experienceRow(overrides: Record<string, CellValue> = {}): CellValue[] {
  const base: Record<string, CellValue> = {
    unitName: '大王庄街道总工会',
    title: '专项集体合同护航女职工',
    category: '区域性女职工专项集体合同',
    summary: '签订区域性女职工专项集体合同，覆盖辖区企业。',
    contactPerson: '王芳',
    contactPhone: '13800000001',
    submitDate: '2024-03-20',
  };
  return idsOf('typical-experience').map((id) => (id in overrides ? overrides[id]! : (base[id] ?? null)));
}
