/**
 * The gateway's round trips, played on the Excel test double: shared by the tests and by
 * `scripts/bench-excel.ts` (`npm run bench` prints the sync counts).
 */
import { compileForm, type CompiledForm } from '../../src/core/definitions/compile';
import { shippedForm } from '../../src/core/definitions/shipped';
import { markPlan } from '../../src/core/plan/markPlan';
import { rollupSheetsPlan } from '../../src/core/plan/rollupSheetsPlan';
import { templatePlan } from '../../src/core/plan/templatePlan';
import type { MarkPlan, RollupSheetsPlan, SheetSnapshot } from '../../src/core/plan/types';
import { rollUp } from '../../src/core/rollup/rollup';
import { locateTable } from '../../src/core/table/locate';
import { validateTable, type TableReport } from '../../src/core/validate/table';
import { validateGrids } from '../../src/core/validate/workbook';
import type { CellValue } from '../../src/core/values/types';
import { createOfficeGateway, type GatewayOptions } from '../../src/excel/officeGateway';
import { snapshotGrid } from '../../src/excel/snapshotGrid';
import { activityRow, labelsOf } from '../helpers/workbooks';
import { FakeExcel, type DoubleOptions } from './excelDouble';

export const activity: CompiledForm = compileForm(shippedForm('activity-summary')!);
export const SHEET = '各单位报送';
const ids = activity.fields.map((f) => f.id);

/**
 * A returned activity table of `count` unit rows under a title line: every 10th row says
 * 若干 for 开展宣传活动 (an error), every 7th writes 1,200 with a separator (a warning),
 * every 13th has a broken phone number (an error).
 */
export function returnedTable(count: number): CellValue[][] {
  const rows: CellValue[][] = [['2024年女职工维权行动月活动数据汇总表'], labelsOf('activity-summary')];
  for (let i = 1; i <= count; i++) {
    const overrides: Record<string, CellValue> = { unitName: `第${i}基层工会` };
    if (i % 10 === 0) overrides.publicityEvents = '若干';
    if (i % 7 === 0) overrides.publicityParticipants = '1,200';
    if (i % 13 === 0) overrides.contactPhone = '12345';
    rows.push(activityRow(overrides, ids).map((v) => v ?? ''));
  }
  return rows;
}

/** A workbook holding the returned table (active), as a unit sends it back. */
export function workbookWithTable(count: number, options: DoubleOptions = {}): FakeExcel {
  const fake = new FakeExcel(options);
  const sheet = fake.model.addSheet(SHEET);
  sheet.setValues('A1', returnedTable(count));
  fake.model.active = SHEET;
  return fake;
}

export interface ValidateRun {
  snapshot: SheetSnapshot;
  report: TableReport;
  plan: MarkPlan;
  /** Syncs of the read, of applying the marks, and in all. */
  readSyncs: number;
  applySyncs: number;
  syncs: number;
}

/** Validation as the pane does it: snapshot (gateway) → grid, locate, validate, plan (core) → marks (gateway). */
export async function validateOnce(fake: FakeExcel, options: GatewayOptions = {}): Promise<ValidateRun> {
  const gateway = createOfficeGateway({ host: fake.host(), ...options });
  const before = fake.syncs;
  const snapshot = await gateway.readActiveSheet();
  const readSyncs = fake.syncs - before;
  const grid = snapshotGrid(snapshot);
  const table = locateTable(grid, [activity])!;
  const report = validateTable(grid, table, { today: '2024-03-25' });
  const plan = markPlan(report);
  const beforeApply = fake.syncs;
  await gateway.applyMarks(plan);
  return { snapshot, report, plan, readSyncs, applySyncs: fake.syncs - beforeApply, syncs: fake.syncs - before };
}

/** Syncs of building the activity template in an empty workbook. */
export async function templateSyncs(rows?: number): Promise<{ fake: FakeExcel; syncs: number }> {
  const fake = new FakeExcel();
  fake.model.addSheet('Sheet1');
  const gateway = createOfficeGateway({ host: fake.host() });
  await gateway.createTemplate(templatePlan(activity, 2024, rows));
  return { fake, syncs: fake.syncs };
}

/** The activity roll-up of one returned file (第1区.xlsx, 5 units) as the pane plans its sheets. */
export function rollupPlan(): RollupSheetsPlan {
  const report = validateGrids('第1区.xlsx', [{ sheet: 'Sheet1', rows: returnedTable(5), typed: true }], [activity], {
    today: '2024-03-25',
  });
  const result = rollUp([{ file: '第1区.xlsx', report }], {
    form: activity,
    forms: [activity],
    unit: '河东区总工会',
    createdAt: '2024-03-26T02:30:00.000Z',
  });
  return rollupSheetsPlan(result, activity, 'zh-CN');
}
