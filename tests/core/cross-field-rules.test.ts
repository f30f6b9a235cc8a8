/**
 * Every cross-field rule of the three shipped forms (forms/*.json `rules`), driven through the
 * engine as a returned table would be: a header row of canonical labels, then data rows.
 *
 * Per rule: a row that breaks it (exactly one issue, with its rule id, severity, cell and full
 * message), a row that keeps it, and the boundary. Spec (/work/shared/spec/forms.md): a broken
 * cross-field rule flags the row but excludes nothing; only an unreadable value is left out,
 * and then the rule on it is not checked.
 */
import {
  compileForm,
  locateTable,
  shippedForms,
  validateTable,
  type CellValue,
  type CompiledForm,
  type Grid,
  type Issue,
  type Lang,
  type TableReport,
} from '../../src/core';

const TODAY = '2024-03-25';
const forms: CompiledForm[] = shippedForms.map(compileForm);

type FormId = 'activity-summary' | 'quiz-results' | 'typical-experience';
type Row = Record<string, CellValue>;

/** A valid row per form: every field filled (optional ones too), all rules kept with room to spare. */
const BASELINE: Record<FormId, Row> = {
  'activity-summary': {
    unitName: '河东区总工会',
    unitLevel: '区（市）县总工会',
    parentUnit: '天津市总工会',
    publicityEvents: 12,
    publicityParticipants: 1200,
    publicityFemale: 800,
    materialsDistributed: 3000,
    trainingSessions: 5,
    trainingParticipants: 300,
    quizSessions: 2,
    quizParticipants: 500,
    quizFemale: 320,
    contractsNew: 10,
    contractsInForce: 60,
    contractsSingle: 40,
    contractsRegional: 12,
    contractsIndustry: 8,
    contractEnterprises: 150,
    contractEmployees: 20000,
    contractFemale: 9000,
    complianceChecks: 30,
    inspections: 15,
    inspectedEmployers: 40,
    inspectedFemale: 5000,
    problemsFound: 20,
    problemsRectified: 18,
    rectificationNotices: 6,
    casesHandled: 5,
    casesClosed: 4,
    casesFemale: 7,
    photos: 30,
    experiences: 3,
    mediaReports: 8,
    contactPerson: '王芳',
    contactPhone: '13812345678',
    contactEmail: 'wangfang@example.com',
    fillDate: '2024-03-20',
    notes: '数据截至3月20日',
  },
  'quiz-results': {
    unitName: '河东区总工会',
    competitionName: '女职工权益保护法律法规知识竞赛',
    organisation: '本级组织',
    format: '线上答题',
    startDate: '2024-03-01',
    endDate: '2024-03-15',
    sessions: 3,
    participatingUnits: 25,
    teams: 30,
    participants: 1500,
    femaleParticipants: 900,
    femaleWorkers: 2000,
    papersIssued: 1600,
    papersValid: 1500,
    winners: 120,
    contactPerson: '李娜',
    contactPhone: '022-24316934',
    fillDate: '2024-03-20',
  },
  'typical-experience': {
    unitName: '河东区总工会',
    title: '河东区推进区域性女职工专项集体合同全覆盖',
    category: '区域性女职工专项集体合同',
    summary: '河东区总工会以街道为单位推动签订区域性女职工专项集体合同，覆盖辖区中小企业。',
    caseFacts: null,
    unionAction: null,
    outcome: null,
    attachment: '河东区典型经验.docx',
    contactPerson: '张敏',
    contactPhone: '13912345678',
    submitDate: '2024-03-20',
  },
};

const CASE_CATEGORY = '参与调查处理侵权典型个案';
/** A typical-experience row of the case category with the three case fields filled. */
const CASE_ROW: Row = {
  title: '某企业以怀孕为由辞退女职工案',
  category: CASE_CATEGORY,
  caseFacts: '某企业以女职工怀孕为由解除其劳动合同。',
  unionAction: '区总工会法律援助律师介入调查，与企业协商。',
  outcome: '企业撤销解除决定并补发工资。',
};

function formOf(id: FormId): CompiledForm {
  const form = forms.find((f) => f.def.id === id);
  if (!form) throw new Error(`form ${id} is not shipped`);
  return form;
}

/** The form's field ids in schema order: the template's column order. */
function fieldIds(id: FormId): string[] {
  return Object.keys(formOf(id).def.schema.properties);
}

/** A grid with the canonical labels as header (row 1) and one data row per override (rows 2…). */
function gridOf(id: FormId, overrides: Row[]): Grid {
  const ids = fieldIds(id);
  const header = ids.map((f) => formOf(id).def.schema.properties[f]!.title!);
  const rows = overrides.map((o) => {
    const row = { ...BASELINE[id], ...o };
    return ids.map((f) => (row[f] === undefined ? null : row[f]));
  });
  return { sheet: 'Sheet1', rows: [header, ...rows], typed: true };
}

function check(id: FormId, overrides: Row[] = [{}], lang?: Lang): TableReport {
  const grid = gridOf(id, overrides);
  const table = locateTable(grid, forms);
  if (!table) throw new Error(`no table located for ${id}`);
  // The activity year, as a roll-up takes it from its deadline: 3月26日 is read in it.
  const report = validateTable(grid, table, lang ? { today: TODAY, year: 2024, lang } : { today: TODAY, year: 2024 });
  expect(report.form).toBe(id);
  expect(report.rows).toHaveLength(overrides.length);
  return report;
}

const withRule = (issues: readonly Issue[], rule: string) => issues.filter((i) => i.rule === rule);
/** English messages compared without caring whether labels are quoted “so” or "so". */

interface Broken {
  rule: string;
  /** What the row changes from the baseline. */
  set: Row;
  /** The field the issue is shown on, and its cell. */
  field: string;
  cell: string;
  code: string;
  severity: 'error' | 'warning';
  message: string;
  /** Values that must still be read, not excluded, despite the broken rule. */
  kept: Row;
}

interface Kept {
  rule: string;
  name: string;
  set: Row;
}

function expectBroken(form: FormId, c: Broken): void {
  const report = check(form, [c.set]);
  const row = report.rows[0]!;
  // Exactly one issue in the whole table, and it is this rule's.
  expect(report.issues).toEqual([
    {
      cell: c.cell,
      row: 2,
      field: c.field,
      severity: c.severity,
      code: c.code,
      rule: c.rule,
      message: c.message,
      params: expect.any(Object),
    },
  ]);
  expect(row.issues).toEqual(report.issues);
  // A broken cross-field rule excludes nothing.
  expect(row.unreadable).toEqual([]);
  for (const [field, value] of Object.entries(c.kept)) expect(row.values[field]).toBe(value);
}

function expectKept(form: FormId, c: Kept): void {
  const report = check(form, [c.set]);
  expect(withRule(report.issues, c.rule)).toEqual([]);
  // The passing rows are built to be clean altogether: no other rule or value issue hides here.
  expect(report.issues).toEqual([]);
}

// ─────────────────────────────────────────────────────────────────────────────
describe('baseline rows are clean (no false positives)', () => {
  test.each(['activity-summary', 'quiz-results', 'typical-experience'] as FormId[])('%s baseline row has no issue at all', (id) => {
    const report = check(id);
    expect(report.issues).toEqual([]);
    expect(report.rows[0]!.issues).toEqual([]);
    expect(report.rows[0]!.unreadable).toEqual([]);
    expect(report.extraColumns).toEqual([]);
  });

  test('typical-experience baseline of the case category (three case fields filled) has no issue', () => {
    const report = check('typical-experience', [CASE_ROW]);
    expect(report.issues).toEqual([]);
  });

  test('every cross-field rule of the shipped forms is covered by this file', () => {
    const shipped = forms.flatMap((f) => (f.def.rules ?? []).map((r) => r.id)).sort();
    expect(shipped).toEqual(COVERED_RULES.slice().sort());
  });
});

const COVERED_RULES = [
  'AS-R01',
  'AS-R02',
  'AS-R03',
  'AS-R04',
  'AS-R05',
  'AS-R06',
  'AS-R07',
  'AS-R08',
  'AS-R09',
  'AS-R10',
  'AS-R11',
  'AS-R12',
  'QR-R01',
  'QR-R02',
  'QR-R03',
  'QR-R04',
  'QR-R05',
  'TE-R01',
  'TE-R02',
  'TE-R03',
  'TE-R04',
];

// ─────────────────────────────────────────────────────────────────────────────
describe('activity-summary (AS-R01 … AS-R12)', () => {
  const IN_FORCE = '有效期内女职工专项集体合同（份）';
  const broken: Broken[] = [
    {
      rule: 'AS-R01',
      set: { publicityFemale: 1201 },
      field: 'publicityFemale',
      cell: 'F2',
      code: 'rule.not-more-than',
      severity: 'error',
      message: 'F2 其中女职工（人次）：1201，不应大于“宣传活动参与人数（人次）”（1200），请核对',
      kept: { publicityFemale: 1201, publicityParticipants: 1200 },
    },
    {
      rule: 'AS-R02',
      set: { quizFemale: 501 },
      field: 'quizFemale',
      cell: 'L2',
      code: 'rule.not-more-than',
      severity: 'error',
      message: 'L2 其中女职工（人）：501，不应大于“知识竞赛参赛人数（人）”（500），请核对',
      kept: { quizFemale: 501, quizParticipants: 500 },
    },
    {
      rule: 'AS-R03',
      set: { contractsNew: 61 },
      field: 'contractsNew',
      cell: 'M2',
      code: 'rule.not-more-than',
      severity: 'error',
      message: `M2 新签女职工专项集体合同（份）：61，不应大于“${IN_FORCE}”（60），请核对`,
      kept: { contractsNew: 61, contractsInForce: 60 },
    },
    // The other two parts are left blank so that the sum rule (AS-R07) is not checked.
    {
      rule: 'AS-R04',
      set: { contractsSingle: 61, contractsRegional: null, contractsIndustry: null },
      field: 'contractsSingle',
      cell: 'O2',
      code: 'rule.not-more-than',
      severity: 'error',
      message: `O2 其中单独签订（份）：61，不应大于“${IN_FORCE}”（60），请核对`,
      kept: { contractsSingle: 61, contractsInForce: 60 },
    },
    {
      rule: 'AS-R05',
      set: { contractsRegional: 61, contractsSingle: null, contractsIndustry: null },
      field: 'contractsRegional',
      cell: 'P2',
      code: 'rule.not-more-than',
      severity: 'error',
      message: `P2 其中区域性（份）：61，不应大于“${IN_FORCE}”（60），请核对`,
      kept: { contractsRegional: 61, contractsInForce: 60 },
    },
    {
      rule: 'AS-R06',
      set: { contractsIndustry: 61, contractsSingle: null, contractsRegional: null },
      field: 'contractsIndustry',
      cell: 'Q2',
      code: 'rule.not-more-than',
      severity: 'error',
      message: `Q2 其中行业性（份）：61，不应大于“${IN_FORCE}”（60），请核对`,
      kept: { contractsIndustry: 61, contractsInForce: 60 },
    },
    {
      rule: 'AS-R07',
      set: { contractsSingle: 41 },
      field: 'contractsInForce',
      cell: 'N2',
      code: 'rule.sum',
      severity: 'error',
      message: `N2 ${IN_FORCE}：60，但“其中单独签订（份）”、“其中区域性（份）”、“其中行业性（份）”之和为61，两者应相等，请核对`,
      kept: { contractsInForce: 60, contractsSingle: 41, contractsRegional: 12, contractsIndustry: 8 },
    },
    {
      rule: 'AS-R07',
      set: { contractsIndustry: 7 },
      field: 'contractsInForce',
      cell: 'N2',
      code: 'rule.sum',
      severity: 'error',
      message: `N2 ${IN_FORCE}：60，但“其中单独签订（份）”、“其中区域性（份）”、“其中行业性（份）”之和为59，两者应相等，请核对`,
      kept: { contractsInForce: 60, contractsSingle: 40, contractsRegional: 12, contractsIndustry: 7 },
    },
    {
      rule: 'AS-R08',
      set: { contractEnterprises: 59 },
      field: 'contractEnterprises',
      cell: 'R2',
      code: 'rule.not-less-than',
      severity: 'warning',
      message: `R2 覆盖企业（家）：59，少于“${IN_FORCE}”（60），请核对`,
      kept: { contractEnterprises: 59, contractsInForce: 60 },
    },
    {
      rule: 'AS-R09',
      set: { contractFemale: 20001 },
      field: 'contractFemale',
      cell: 'T2',
      code: 'rule.not-more-than',
      severity: 'error',
      message: 'T2 覆盖女职工（人）：20001，不应大于“覆盖职工（人）”（20000），请核对',
      kept: { contractFemale: 20001, contractEmployees: 20000 },
    },
    {
      rule: 'AS-R10',
      set: { problemsRectified: 21 },
      field: 'problemsRectified',
      cell: 'Z2',
      code: 'rule.not-more-than',
      severity: 'error',
      message: 'Z2 已整改（项）：21，不应大于“发现问题（项）”（20），请核对',
      kept: { problemsRectified: 21, problemsFound: 20 },
    },
    {
      rule: 'AS-R11',
      set: { casesClosed: 6 },
      field: 'casesClosed',
      cell: 'AC2',
      code: 'rule.not-more-than',
      severity: 'error',
      message: 'AC2 已结案（件）：6，不应大于“参与调查处理侵权案件（件）”（5），请核对',
      kept: { casesClosed: 6, casesHandled: 5 },
    },
    {
      rule: 'AS-R12',
      set: { fillDate: '2024-03-26' },
      field: 'fillDate',
      cell: 'AK2',
      code: 'rule.date-in-future',
      severity: 'error',
      message: 'AK2 填表日期：2024-03-26晚于今天（2024-03-25），请核对日期',
      kept: { fillDate: '2024-03-26' },
    },
    {
      rule: 'AS-R12',
      set: { fillDate: '2024年4月1日' },
      field: 'fillDate',
      cell: 'AK2',
      code: 'rule.date-in-future',
      severity: 'error',
      message: 'AK2 填表日期：2024-04-01晚于今天（2024-03-25），请核对日期',
      kept: { fillDate: '2024-04-01' },
    },
  ];

  test.each(broken.map((c) => [c.rule, JSON.stringify(c.set), c] as const))('%s broken by %s: one issue, values kept', (_, __, c) => {
    expectBroken('activity-summary', c);
  });

  const kept: Kept[] = [
    { rule: 'AS-R01', name: 'below', set: { publicityFemale: 1199 } },
    { rule: 'AS-R01', name: 'equal (boundary)', set: { publicityFemale: 1200 } },
    { rule: 'AS-R02', name: 'equal (boundary)', set: { quizFemale: 500 } },
    { rule: 'AS-R02', name: 'zero of zero', set: { quizFemale: 0, quizParticipants: 0 } },
    { rule: 'AS-R03', name: 'equal (boundary)', set: { contractsNew: 60 } },
    {
      rule: 'AS-R04',
      name: 'equal (boundary), other parts blank',
      set: { contractsSingle: 60, contractsRegional: null, contractsIndustry: null },
    },
    {
      rule: 'AS-R05',
      name: 'equal (boundary), other parts blank',
      set: { contractsRegional: 60, contractsSingle: null, contractsIndustry: null },
    },
    {
      rule: 'AS-R06',
      name: 'equal (boundary), other parts blank',
      set: { contractsIndustry: 60, contractsSingle: null, contractsRegional: null },
    },
    { rule: 'AS-R06', name: 'equal (boundary), other parts 0', set: { contractsIndustry: 60, contractsSingle: 0, contractsRegional: 0 } },
    { rule: 'AS-R07', name: 'parts add up (baseline 40+12+8=60)', set: {} },
    {
      rule: 'AS-R07',
      name: 'all zero',
      set: { contractsNew: 0, contractsInForce: 0, contractsSingle: 0, contractsRegional: 0, contractsIndustry: 0, contractEnterprises: 0 },
    },
    { rule: 'AS-R07', name: '无 counts as zero', set: { contractsSingle: 48, contractsRegional: 12, contractsIndustry: '无' } },
    { rule: 'AS-R08', name: 'equal (boundary)', set: { contractEnterprises: 60 } },
    { rule: 'AS-R08', name: 'more', set: { contractEnterprises: 61 } },
    { rule: 'AS-R09', name: 'equal (boundary)', set: { contractFemale: 20000 } },
    { rule: 'AS-R10', name: 'equal (boundary)', set: { problemsRectified: 20 } },
    { rule: 'AS-R11', name: 'equal (boundary)', set: { casesClosed: 5 } },
    { rule: 'AS-R12', name: 'on today (boundary)', set: { fillDate: TODAY } },
    { rule: 'AS-R12', name: 'on today, written 2024年3月25日', set: { fillDate: '2024年3月25日' } },
    { rule: 'AS-R12', name: 'on today, as a date cell', set: { fillDate: new Date(Date.UTC(2024, 2, 25)) } },
    { rule: 'AS-R12', name: 'before today', set: { fillDate: '2024-03-24' } },
  ];

  test.each(kept.map((c) => [c.rule, c.name, c] as const))('%s kept: %s', (_, __, c) => {
    expectKept('activity-summary', c);
  });

  test('AS-R12 uses the `today` option, not the clock: the same date is in the future for an earlier roll-up day', () => {
    const grid = gridOf('activity-summary', [{ fillDate: '2024-03-20' }]);
    const table = locateTable(grid, forms)!;
    const report = validateTable(grid, table, { today: '2024-03-19' });
    expect(withRule(report.issues, 'AS-R12')).toEqual([
      expect.objectContaining({ cell: 'AK2', severity: 'error', message: 'AK2 填表日期：2024-03-20晚于今天（2024-03-19），请核对日期' }),
    ]);
  });

  test('AS-R12 flags a date cell after today', () => {
    const report = check('activity-summary', [{ fillDate: new Date(Date.UTC(2024, 2, 26)) }]);
    expect(report.issues).toEqual([
      expect.objectContaining({ rule: 'AS-R12', cell: 'AK2', message: 'AK2 填表日期：2024-03-26晚于今天（2024-03-25），请核对日期' }),
    ]);
  });

  test.each([
    ['an Excel serial number (45377 = 2024-03-26)', 45377],
    ['3月26日 (the activity year assumed)', '3月26日'],
    ['a date-time text', '2024-03-26 10:00'],
  ] as const)('AS-R12 flags %s after today', (_, fillDate) => {
    const report = check('activity-summary', [{ fillDate }]);
    expect(withRule(report.issues, 'AS-R12')).toEqual([
      expect.objectContaining({ cell: 'AK2', severity: 'error', message: 'AK2 填表日期：2024-03-26晚于今天（2024-03-25），请核对日期' }),
    ]);
    expect(report.issues.filter((i) => i.severity === 'error')).toHaveLength(1);
  });

  test('AS-R08 is a warning: the row is flagged but has no error', () => {
    const report = check('activity-summary', [{ contractEnterprises: 0 }]);
    expect(report.issues.map((i) => [i.rule, i.severity])).toEqual([['AS-R08', 'warning']]);
    expect(report.rows[0]!.values.contractEnterprises).toBe(0);
  });

  test('a row may break several rules at once: each is reported once, on its own cell', () => {
    const report = check('activity-summary', [{ publicityFemale: 1300, quizFemale: 600, casesClosed: 9 }]);
    expect(report.issues.map((i) => [i.rule, i.cell])).toEqual([
      ['AS-R01', 'F2'],
      ['AS-R02', 'L2'],
      ['AS-R11', 'AC2'],
    ]);
  });

  test('rules are checked row by row: only the breaking row is flagged', () => {
    const report = check('activity-summary', [{}, { unitName: '河西区总工会', problemsRectified: 25 }, { unitName: '南开区总工会' }]);
    expect(report.issues.map((i) => [i.rule, i.cell, i.row])).toEqual([['AS-R10', 'Z3', 3]]);
    expect(report.rows.map((r) => r.issues.length)).toEqual([0, 1, 0]);
  });

  describe('the sum rule (AS-R07) is checked only when the total and all three parts are present', () => {
    test.each([
      ['contractsSingle', { contractsSingle: null, contractsRegional: 12, contractsIndustry: 7 }],
      ['contractsRegional', { contractsSingle: 41, contractsRegional: null, contractsIndustry: 8 }],
      ['contractsIndustry', { contractsSingle: 41, contractsRegional: 12, contractsIndustry: null }],
    ] as const)('%s blank: the parts given do not add up, yet no AS-R07', (_, set) => {
      const report = check('activity-summary', [set]);
      expect(withRule(report.issues, 'AS-R07')).toEqual([]);
      expect(report.issues).toEqual([]);
    });

    test('a part written as the not-reported placeholder “—” is blank: no AS-R07', () => {
      const report = check('activity-summary', [{ contractsSingle: 41, contractsRegional: '—' }]);
      expect(report.issues).toEqual([]);
      expect(report.rows[0]!.values.contractsRegional).toBeNull();
    });

    test('total blank (a required field): only the required-field error, no rule that needs the total', () => {
      const report = check('activity-summary', [{ contractsInForce: null, contractsSingle: 41 }]);
      expect(report.issues).toEqual([
        {
          cell: 'N2',
          row: 2,
          field: 'contractsInForce',
          severity: 'error',
          code: 'schema.required',
          rule: 'schema.required',
          message: 'N2 有效期内女职工专项集体合同（份）：本项必填，请填写',
          params: {},
        },
      ]);
      for (const rule of ['AS-R03', 'AS-R04', 'AS-R05', 'AS-R06', 'AS-R07', 'AS-R08']) expect(withRule(report.issues, rule)).toEqual([]);
      expect(report.rows[0]!.values).toMatchObject({ contractsSingle: 41, contractsRegional: 12, contractsIndustry: 8 });
    });
  });

  test('a compare rule with one side not reported is not checked (optional total blank)', () => {
    const report = check('activity-summary', [{ problemsFound: null, problemsRectified: 18 }]);
    expect(report.issues).toEqual([]);
    expect(report.rows[0]!.values.problemsRectified).toBe(18);
  });

  describe('an unreadable value: the value error is reported, the rule on it is not checked', () => {
    test('AS-R01, the “of which” side unreadable (若干)', () => {
      const report = check('activity-summary', [{ publicityFemale: '若干' }]);
      expect(report.issues).toEqual([
        {
          cell: 'F2',
          row: 2,
          field: 'publicityFemale',
          severity: 'error',
          code: 'value.not-integer',
          rule: 'value.not-integer',
          message: 'F2 其中女职工（人次）：“若干”不是整数，请填写不小于0的整数',
          params: { value: '若干' },
        },
      ]);
      expect(withRule(report.issues, 'AS-R01')).toEqual([]);
      const row = report.rows[0]!;
      expect(row.values.publicityFemale).toBeNull();
      expect(row.unreadable).toEqual(['publicityFemale']);
      expect(row.values.publicityParticipants).toBe(1200);
    });

    test('AS-R01, the total side unreadable (若干) while the part is huge: still no AS-R01', () => {
      const report = check('activity-summary', [{ publicityParticipants: '若干', publicityFemale: 99999 }]);
      expect(report.issues.map((i) => [i.rule, i.cell, i.message])).toEqual([
        ['value.not-integer', 'E2', 'E2 宣传活动参与人数（人次）：“若干”不是整数，请填写不小于0的整数'],
      ]);
      expect(report.rows[0]!.values.publicityFemale).toBe(99999);
      expect(report.rows[0]!.unreadable).toEqual(['publicityParticipants']);
    });

    test('AS-R07, a part unreadable (a range): no sum check, the other parts kept', () => {
      const report = check('activity-summary', [{ contractsSingle: 41, contractsRegional: '10-12' }]);
      expect(report.issues.map((i) => [i.rule, i.cell, i.severity, i.message])).toEqual([
        ['value.range', 'P2', 'error', 'P2 其中区域性（份）：“10-12”是一个范围，请填写一个确切的数'],
      ]);
      expect(report.rows[0]!.values).toMatchObject({
        contractsSingle: 41,
        contractsRegional: null,
        contractsIndustry: 8,
        contractsInForce: 60,
      });
    });

    test('AS-R08 (warning), the total unreadable (wrong unit): no AS-R08', () => {
      const report = check('activity-summary', [{ contractsInForce: '60人', contractEnterprises: 1 }]);
      expect(withRule(report.issues, 'AS-R08')).toEqual([]);
      expect(report.issues.map((i) => [i.rule, i.cell])).toEqual([['value.wrong-unit', 'N2']]);
    });

    test('AS-R12, the date unreadable: the date error only', () => {
      const report = check('activity-summary', [{ fillDate: '明天' }]);
      expect(report.issues.map((i) => [i.rule, i.cell, i.message])).toEqual([
        ['value.date', 'AK2', 'AK2 填表日期：“明天”不是有效日期，请按 2024-03-20 的格式填写'],
      ]);
    });
  });

  test('a value read with a warning (approximate) still takes part in the rule', () => {
    const report = check('activity-summary', [{ publicityFemale: '约1300' }]);
    expect(report.issues.map((i) => [i.rule, i.cell, i.severity])).toEqual([
      ['value.approximate', 'F2', 'warning'],
      ['AS-R01', 'F2', 'error'],
    ]);
    expect(withRule(report.issues, 'AS-R01')[0]!.message).toBe(
      'F2 其中女职工（人次）：1300，不应大于“宣传活动参与人数（人次）”（1200），请核对',
    );
  });

  test('English: the message and both labels in English', () => {
    const report = check('activity-summary', [{ publicityFemale: 1201 }], 'en');
    expect(report.issues).toEqual([
      expect.objectContaining({
        rule: 'AS-R01',
        cell: 'F2',
        severity: 'error',
        message:
          'F2 of which women (person-times): 1201 should not be more than "Publicity participants (person-times)" (1200). Please check',
      }),
    ]);
  });

  test('English: the sum rule names its parts in English', () => {
    const report = check('activity-summary', [{ contractsSingle: 41 }], 'en');
    expect(report.issues.map((i) => i.message)).toEqual([
      'N2 Special collective contracts in force: 60, but "of which single-employer", "of which regional", "of which industry-wide" add up to 61; they should be equal. Please check',
    ]);
  });
});

// ─────────────────────────────────────────────────────────────────────────────
describe('quiz-results (QR-R01 … QR-R05)', () => {
  const broken: Broken[] = [
    {
      rule: 'QR-R01',
      set: { femaleParticipants: 1501 },
      field: 'femaleParticipants',
      cell: 'K2',
      code: 'rule.not-more-than',
      severity: 'error',
      message: 'K2 其中女职工（人）：1501，不应大于“参赛人数（人）”（1500），请核对',
      kept: { femaleParticipants: 1501, participants: 1500 },
    },
    {
      rule: 'QR-R02',
      set: { papersValid: 1601 },
      field: 'papersValid',
      cell: 'N2',
      code: 'rule.not-more-than',
      severity: 'error',
      message: 'N2 有效答卷（份）：1601，不应大于“发放试卷（份）”（1600），请核对',
      kept: { papersValid: 1601, papersIssued: 1600 },
    },
    {
      rule: 'QR-R03',
      set: { winners: 1501 },
      field: 'winners',
      cell: 'O2',
      code: 'rule.not-more-than',
      severity: 'error',
      message: 'O2 获奖人数（人）：1501，不应大于“参赛人数（人）”（1500），请核对',
      kept: { winners: 1501, participants: 1500 },
    },
    {
      // A warning only: staff of other units may take part in a unit's quiz.
      rule: 'QR-R05',
      set: { femaleParticipants: 900, femaleWorkers: 899 },
      field: 'femaleParticipants',
      cell: 'K2',
      code: 'rule.not-more-than',
      severity: 'warning',
      message: 'K2 其中女职工（人）：900，不应大于“本单位女职工人数（人）”（899），请核对',
      kept: { femaleParticipants: 900, femaleWorkers: 899 },
    },
    {
      rule: 'QR-R04',
      set: { endDate: '2024-02-29' },
      field: 'endDate',
      cell: 'F2',
      code: 'rule.date-before',
      severity: 'error',
      message: 'F2 结束日期：2024-02-29，早于“开始日期”（2024-03-01），请核对日期',
      kept: { endDate: '2024-02-29', startDate: '2024-03-01' },
    },
    {
      rule: 'QR-R04',
      set: { startDate: '2024/3/10', endDate: '2024年3月9日' },
      field: 'endDate',
      cell: 'F2',
      code: 'rule.date-before',
      severity: 'error',
      message: 'F2 结束日期：2024-03-09，早于“开始日期”（2024-03-10），请核对日期',
      kept: { endDate: '2024-03-09', startDate: '2024-03-10' },
    },
  ];

  test.each(broken.map((c) => [c.rule, JSON.stringify(c.set), c] as const))('%s broken by %s: one issue, values kept', (_, __, c) => {
    expectBroken('quiz-results', c);
  });

  const kept: Kept[] = [
    { rule: 'QR-R01', name: 'equal (boundary)', set: { femaleParticipants: 1500 } },
    { rule: 'QR-R02', name: 'equal (boundary)', set: { papersValid: 1600 } },
    { rule: 'QR-R02', name: 'papersIssued blank: not checked', set: { papersIssued: null, papersValid: 1700 } },
    { rule: 'QR-R03', name: 'equal (boundary)', set: { winners: 1500 } },
    { rule: 'QR-R05', name: 'equal (boundary)', set: { femaleParticipants: 900, femaleWorkers: 900 } },
    { rule: 'QR-R05', name: 'femaleWorkers blank (a return from the old template): not checked', set: { femaleWorkers: null } },
    { rule: 'QR-R04', name: 'same day (boundary)', set: { startDate: '2024-03-10', endDate: '2024-03-10' } },
    { rule: 'QR-R04', name: 'same day written two ways', set: { startDate: '2024.3.10', endDate: new Date(Date.UTC(2024, 2, 10)) } },
    { rule: 'QR-R04', name: 'end after start across a month', set: { startDate: '2024-02-28', endDate: '2024-03-01' } },
    { rule: 'QR-R04', name: 'startDate blank: not checked', set: { startDate: null, endDate: '2024-01-01' } },
  ];

  test.each(kept.map((c) => [c.rule, c.name, c] as const))('%s kept: %s', (_, __, c) => {
    expectKept('quiz-results', c);
  });

  test('QR-R04, the end date unreadable: the date error only, no rule issue', () => {
    const report = check('quiz-results', [{ endDate: '下周' }]);
    expect(report.issues.map((i) => [i.rule, i.cell, i.severity, i.message])).toEqual([
      ['value.date', 'F2', 'error', 'F2 结束日期：“下周”不是有效日期，请按 2024-03-20 的格式填写'],
    ]);
    expect(report.rows[0]!.values.endDate).toBeNull();
    expect(report.rows[0]!.values.startDate).toBe('2024-03-01');
  });

  test('QR-R01, participants unreadable (很多): value error only', () => {
    const report = check('quiz-results', [{ participants: '很多', femaleParticipants: 99999, femaleWorkers: 99999, winners: 99999 }]);
    expect(report.issues.map((i) => [i.rule, i.cell])).toEqual([['value.not-integer', 'J2']]);
  });

  test('English: QR-R01 with the English labels', () => {
    const report = check('quiz-results', [{ femaleParticipants: 1501 }], 'en');
    expect(report.issues.map((i) => [i.rule, i.message])).toEqual([
      ['QR-R01', 'K2 of which women: 1501 should not be more than "Participants" (1500). Please check'],
    ]);
  });
});

// ─────────────────────────────────────────────────────────────────────────────
describe('typical-experience (TE-R01 … TE-R04)', () => {
  const REQUIRED_WHEN = `“类别”为“${CASE_CATEGORY}”时必须填写本项`;
  const broken: Broken[] = [
    {
      rule: 'TE-R01',
      set: { ...CASE_ROW, caseFacts: null },
      field: 'caseFacts',
      cell: 'E2',
      code: 'rule.required-when',
      severity: 'error',
      message: `E2 基本案情：${REQUIRED_WHEN}`,
      kept: { category: CASE_CATEGORY, unionAction: CASE_ROW.unionAction!, outcome: CASE_ROW.outcome! },
    },
    {
      rule: 'TE-R02',
      set: { ...CASE_ROW, unionAction: null },
      field: 'unionAction',
      cell: 'F2',
      code: 'rule.required-when',
      severity: 'error',
      message: `F2 工会作为：${REQUIRED_WHEN}`,
      kept: { category: CASE_CATEGORY, caseFacts: CASE_ROW.caseFacts!, outcome: CASE_ROW.outcome! },
    },
    {
      rule: 'TE-R03',
      set: { ...CASE_ROW, outcome: null },
      field: 'outcome',
      cell: 'G2',
      code: 'rule.required-when',
      severity: 'error',
      message: `G2 处理结果：${REQUIRED_WHEN}`,
      kept: { category: CASE_CATEGORY, caseFacts: CASE_ROW.caseFacts!, unionAction: CASE_ROW.unionAction! },
    },
    {
      rule: 'TE-R03',
      set: { ...CASE_ROW, outcome: '   ' },
      field: 'outcome',
      cell: 'G2',
      code: 'rule.required-when',
      severity: 'error',
      message: `G2 处理结果：${REQUIRED_WHEN}`,
      kept: { category: CASE_CATEGORY },
    },
    {
      rule: 'TE-R01',
      set: { ...CASE_ROW, caseFacts: '—' },
      field: 'caseFacts',
      cell: 'E2',
      code: 'rule.required-when',
      severity: 'error',
      message: `E2 基本案情：${REQUIRED_WHEN}`,
      kept: { category: CASE_CATEGORY },
    },
  ];

  test.each(broken.map((c) => [c.rule, JSON.stringify(c.set), c] as const))('%s broken by %s', (_, __, c) => {
    expectBroken('typical-experience', c);
  });

  test('case category with all three case fields blank: TE-R01, TE-R02, TE-R03 each once, in column order', () => {
    const report = check('typical-experience', [{ ...CASE_ROW, caseFacts: null, unionAction: null, outcome: null }]);
    expect(report.issues.map((i) => [i.rule, i.cell, i.severity, i.message])).toEqual([
      ['TE-R01', 'E2', 'error', `E2 基本案情：${REQUIRED_WHEN}`],
      ['TE-R02', 'F2', 'error', `F2 工会作为：${REQUIRED_WHEN}`],
      ['TE-R03', 'G2', 'error', `G2 处理结果：${REQUIRED_WHEN}`],
    ]);
  });

  const otherCategories = (formOf('typical-experience').def.schema.properties.category!.enum ?? []).filter((c) => c !== CASE_CATEGORY);

  test('five other categories exist', () => {
    expect(otherCategories).toEqual([
      '不同类型用人单位女职工专项集体合同',
      '区域性女职工专项集体合同',
      '行业性女职工专项集体合同',
      '普法宣传与知识竞赛',
      '其他',
    ]);
  });

  test.each(otherCategories)('category %s: the three case fields may be blank (no TE-R01/02/03)', (category) => {
    const report = check('typical-experience', [{ category, caseFacts: null, unionAction: null, outcome: null }]);
    for (const rule of ['TE-R01', 'TE-R02', 'TE-R03']) expect(withRule(report.issues, rule)).toEqual([]);
    expect(report.issues).toEqual([]);
  });

  test('the case category written with a stray space is read as the option: the rules apply', () => {
    const report = check('typical-experience', [{ ...CASE_ROW, category: '参与调查处理 侵权典型个案', caseFacts: null }]);
    expect(report.issues.map((i) => [i.rule, i.cell, i.severity])).toEqual([
      ['value.enum-folded', 'C2', 'warning'],
      ['TE-R01', 'E2', 'error'],
    ]);
  });

  test('category not one of the options: the option error only, no TE-R01/02/03 (the category is unknown)', () => {
    const report = check('typical-experience', [{ category: '侵权个案', caseFacts: null, unionAction: null, outcome: null }]);
    expect(report.issues.map((i) => [i.rule, i.cell])).toEqual([['value.not-option', 'C2']]);
    expect(report.rows[0]!.unreadable).toEqual(['category']);
  });

  test('category blank (a required field): only the required-field error, no TE-R01/02/03', () => {
    const report = check('typical-experience', [{ category: null }]);
    expect(report.issues.map((i) => [i.rule, i.cell, i.message])).toEqual([['schema.required', 'C2', 'C2 类别：本项必填，请填写']]);
  });

  describe('TE-R04: (unitName, title) unique within the table', () => {
    const SECOND = { category: '其他', summary: '另一份摘要。', submitDate: '2024-03-22' };

    test('the second row with the same unit and title is flagged on its title cell, naming the first row', () => {
      const report = check('typical-experience', [{}, SECOND]);
      expect(report.rows[0]!.issues).toEqual([]);
      expect(report.issues).toEqual([
        {
          cell: 'B3',
          row: 3,
          field: 'title',
          severity: 'error',
          code: 'rule.duplicate',
          rule: 'TE-R04',
          message: 'B3 标题：与第2行重复（河东区总工会，河东区推进区域性女职工专项集体合同全覆盖），同一单位的“报送单位”和“标题”不能重复',
          params: expect.any(Object),
        },
      ]);
      // Both entries are kept, with their values (listed and flagged, never dropped).
      expect(report.rows.map((r) => [r.values.unitName, r.values.title, r.values.submitDate])).toEqual([
        ['河东区总工会', '河东区推进区域性女职工专项集体合同全覆盖', '2024-03-20'],
        ['河东区总工会', '河东区推进区域性女职工专项集体合同全覆盖', '2024-03-22'],
      ]);
    });

    test('a third repeat also names the first row; a row in between that differs is not flagged', () => {
      const report = check('typical-experience', [{}, { title: '另一篇经验' }, SECOND, SECOND]);
      expect(report.issues.map((i) => [i.rule, i.cell, i.message])).toEqual([
        [
          'TE-R04',
          'B4',
          'B4 标题：与第2行重复（河东区总工会，河东区推进区域性女职工专项集体合同全覆盖），同一单位的“报送单位”和“标题”不能重复',
        ],
        [
          'TE-R04',
          'B5',
          'B5 标题：与第2行重复（河东区总工会，河东区推进区域性女职工专项集体合同全覆盖），同一单位的“报送单位”和“标题”不能重复',
        ],
      ]);
    });

    test('the same title from two units is fine', () => {
      const report = check('typical-experience', [{}, { unitName: '河西区总工会' }]);
      expect(withRule(report.issues, 'TE-R04')).toEqual([]);
      expect(report.issues).toEqual([]);
    });

    test('two titles from one unit are fine', () => {
      const report = check('typical-experience', [{}, { title: '河东区开展女职工权益保护普法宣传' }]);
      expect(report.issues).toEqual([]);
    });

    test('the repeat is found through spacing and full-width differences', () => {
      const report = check('typical-experience', [
        { title: '2024年河东区经验' },
        { unitName: ' 河东区总工会 ', title: '２０２４年 河东区经验' },
      ]);
      expect(report.issues.map((i) => [i.rule, i.cell])).toEqual([['TE-R04', 'B3']]);
    });

    test('English: the duplicate message names both English labels', () => {
      const report = check('typical-experience', [{}, SECOND], 'en');
      expect(report.issues.map((i) => i.message)).toEqual([
        'B3 Title: Repeats row 2 (河东区总工会, 河东区推进区域性女职工专项集体合同全覆盖); "Submitting unit" and "Title" must not repeat within one unit',
      ]);
    });
  });

  describe('schema maxLength: title 60, summary 300 (schema.too-long)', () => {
    const title60 = '女'.repeat(60);
    const summary300 = '工'.repeat(300);

    test('title of 60 characters passes (boundary)', () => {
      expect(check('typical-experience', [{ title: title60 }]).issues).toEqual([]);
    });

    test('title of 61 characters is too long: length and limit in the message', () => {
      const report = check('typical-experience', [{ title: title60 + '权' }]);
      expect(report.issues).toEqual([
        {
          cell: 'B2',
          row: 2,
          field: 'title',
          severity: 'error',
          code: 'schema.too-long',
          rule: 'schema.too-long',
          message: 'B2 标题：共61个字，超过60个字的上限，请精简',
          params: expect.objectContaining({ length: 61, limit: 60 }),
        },
      ]);
      // The text is still read (kept for the list and the person to shorten).
      expect(report.rows[0]!.values.title).toBe(title60 + '权');
    });

    test('summary of 300 characters passes (boundary)', () => {
      expect(check('typical-experience', [{ summary: summary300 }]).issues).toEqual([]);
    });

    test('summary of 301 characters is too long', () => {
      const report = check('typical-experience', [{ summary: summary300 + '会' }]);
      expect(report.issues.map((i) => [i.code, i.rule, i.cell, i.severity, i.message])).toEqual([
        ['schema.too-long', 'schema.too-long', 'D2', 'error', 'D2 摘要：共301个字，超过300个字的上限，请精简'],
      ]);
    });

    test('surrounding spaces do not count towards the limit', () => {
      expect(check('typical-experience', [{ title: `  ${title60}  ` }]).issues).toEqual([]);
    });

    test('English: too-long message', () => {
      const report = check('typical-experience', [{ title: title60 + '权' }], 'en');
      expect(report.issues.map((i) => i.message)).toEqual(['B2 Title: 61 characters, more than the limit of 60. Please shorten it']);
    });
  });
});
