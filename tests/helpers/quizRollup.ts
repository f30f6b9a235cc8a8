/**
 * The quiz roll-up both the file writer's and the open workbook's tests build their sheets from:
 * three counted rows, one superseded, a rejected file, three issues.
 */
import { compileForm, type CompiledForm } from '../../src/core/definitions/compile';
import { shippedForm } from '../../src/core/definitions/shipped';
import { makeIssue, type Issue } from '../../src/core/issues/issue';
import type { RollupResult, RollupRow } from '../../src/core/rollup/types';

const quiz: CompiledForm = compileForm(shippedForm('quiz-results')!);

export function row(partial: Partial<RollupRow> & Pick<RollupRow, 'unit' | 'file' | 'values'>): RollupRow {
  return { notOnRoster: false, sheet: '知识竞赛情况', row: 5, status: 'counted', unreadable: [], errors: 0, warnings: 0, ...partial };
}

export function quizValues(unit: string, over: Record<string, string | number | null>): RollupRow['values'] {
  return {
    unitName: unit,
    competitionName: '女职工权益保护法律法规知识竞赛',
    organisation: '本级组织',
    format: '线上答题',
    startDate: '2024-03-01',
    endDate: '2024-03-08',
    sessions: 1,
    participants: 10,
    femaleParticipants: 5,
    contactPerson: '张敏',
    contactPhone: '022-23456789',
    fillDate: '2024-03-15',
    ...over,
  };
}

export function quizRollup(): RollupResult {
  const notInteger: Issue = {
    ...makeIssue(
      { code: 'value.not-integer', params: { value: '若干' }, cell: 'G5', row: 5, field: 'sessions', label: '竞赛场次（场）' },
      'zh-CN',
    ),
    file: '和平区.xlsx',
    sheet: '知识竞赛情况',
  };
  const spaces: Issue = {
    ...makeIssue(
      {
        code: 'value.spaces',
        params: { value: ' 022-23456789 ', parsed: '022-23456789' },
        cell: 'P5',
        row: 5,
        field: 'contactPhone',
        label: '联系电话',
      },
      'zh-CN',
    ),
    file: '河东区.xlsx',
    sheet: '知识竞赛情况',
  };
  const otherForm: Issue = {
    ...makeIssue({ code: 'file.other-form', params: { form: '维权行动月活动数据汇总表' } }, 'zh-CN'),
    file: '其他表.xlsx',
  };
  return {
    form: 'quiz-results',
    formVersion: quiz.def.version,
    // 女职工参赛率 over the two units that gave 本单位女职工人数: (60 + 20) / (120 + 40).
    totals: { sessions: 5, participants: 180, femaleParticipants: 95, femaleWorkers: 160, femaleRate: 80 / 160, femaleShare: 95 / 180 },
    coverage: { femaleRate: { given: 2, of: 3 } },
    rows: [
      row({
        unit: '河东区总工会',
        rosterUnit: '河东区总工会',
        file: '河东区.xlsx',
        // A unit's text that looks like a formula stays text.
        values: quizValues('河东区总工会', {
          competitionName: '=1+1',
          contactPerson: '@SUM(A1)',
          sessions: 2,
          participants: 100,
          femaleParticipants: 60,
          femaleWorkers: 120,
          fillDate: '2024-03-20',
        }),
        warnings: 1,
        date: '2024-03-20',
      }),
      row({
        unit: '和平区总工会',
        rosterUnit: '和平区总工会',
        file: '和平区.xlsx',
        values: quizValues('和平区总工会', {
          sessions: '若干',
          participants: 50,
          femaleParticipants: 20,
          femaleWorkers: 40,
          fillDate: '2024-03-21',
        }),
        unreadable: ['sessions'],
        errors: 1,
        date: '2024-03-21',
      }),
      row({
        unit: '滨海新区某公司工会',
        notOnRoster: true,
        file: '滨海.xlsx',
        values: quizValues('滨海新区某公司工会', {
          sessions: 3,
          participants: 30,
          femaleParticipants: 15,
          competitionName: '+86 知识竞赛',
          contactPerson: '-',
        }),
        date: '2024-03-15',
      }),
      row({
        unit: '和平区总工会',
        rosterUnit: '和平区总工会',
        file: '和平区（旧）.xlsx',
        status: 'superseded',
        supersededBy: { file: '和平区.xlsx', sheet: '知识竞赛情况', row: 5 },
        values: quizValues('和平区总工会', { sessions: 9, participants: 999, femaleParticipants: 111, fillDate: '2024-03-10' }),
        date: '2024-03-10',
      }),
    ],
    files: [
      { file: '河东区.xlsx', status: 'accepted', rows: 1 },
      { file: '和平区.xlsx', status: 'accepted', rows: 1 },
      { file: '和平区（旧）.xlsx', status: 'accepted', rows: 1 },
      { file: '滨海.xlsx', status: 'accepted', rows: 1 },
      {
        file: '其他表.xlsx',
        status: 'rejected',
        code: 'file.other-form',
        reason: '不是知识竞赛活动情况表，而是“维权行动月活动数据汇总表”',
        otherForm: 'activity-summary',
        rows: 0,
      },
    ],
    units: [
      {
        unit: '河东区总工会',
        level: '区（市）县总工会',
        parent: '天津市总工会',
        status: 'reported',
        deadline: '2024-03-25',
        files: ['河东区.xlsx'],
        date: '2024-03-20',
        errors: 0,
        warnings: 1,
        superseded: 0,
      },
      {
        unit: '和平区总工会',
        level: '区（市）县总工会',
        parent: '天津市总工会',
        status: 'late',
        deadline: '2024-03-18',
        files: ['和平区.xlsx'],
        date: '2024-03-21',
        errors: 1,
        warnings: 0,
        superseded: 1,
      },
      {
        unit: '河西区总工会',
        level: '区（市）县总工会',
        parent: '天津市总工会',
        status: 'missing',
        deadline: '2024-03-25',
        files: [],
        errors: 0,
        warnings: 0,
        superseded: 0,
      },
    ],
    issues: [spaces, notInteger, otherForm],
    meta: {
      generator: 'huizong',
      form: 'quiz-results',
      formVersion: quiz.def.version,
      unit: '天津市总工会',
      level: '市总工会',
      createdAt: '2024-03-26T02:30:00.000Z',
    },
  };
}

/** What quizRollup() reads as on the roll-up's sheets, whichever writes them (the plan for Excel, the .xlsx). */
export const quizSheets = {
  /** 报送情况's header row. */
  statusHeader: ['单位名称', '单位层级', '上级单位', '状态', '报送文件', '填表日期', '截止日期', '错误数', '警告数', '被替代的版本数'],
  /** 报送情况's units, the roster's then one not on it: [单位名称, 状态]. */
  unitStatuses: [
    ['河东区总工会', '已报送'],
    ['和平区总工会', '逾期'],
    ['河西区总工会', '未报送'],
    ['滨海新区某公司工会', '不在名单'],
  ],
  /** 问题清单's header row. */
  issuesHeader: ['单位', '文件', '工作表', '单元格', '字段', '严重程度', '规则', '说明'],
  /** 汇总's header row in English after the fields' labels (which stay Chinese): the computed columns, then where each row came from. */
  rowsHeaderTailEn: ['Women workers taking part', 'Share of women among participants', 'Source file', 'Sheet', 'Row', 'Notes'],
  /** 报送情况's statuses of unitStatuses, in English. */
  unitStatusesEn: ['Reported', 'Late', 'Missing', 'Not on the roster'],
  /** 问题清单's second issue (和平区's 竞赛场次) up to 严重程度: its 规则 is blank and its 说明 the issue's message. */
  notIntegerIssue: ['和平区总工会', '和平区.xlsx', '知识竞赛情况', 'G5', '竞赛场次（场）', '错误'],
};
