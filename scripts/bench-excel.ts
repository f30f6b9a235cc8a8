/**
 * `npx tsx scripts/bench-excel.ts` (and `npm run bench`, once wired in): the Excel round trips
 * — `context.sync()` calls — of building a template and of validating 10 and 10,000 rows,
 * counted on the Excel test double (tests/excel/excelDouble.ts). Excel itself does not run
 * here: the counts are those of the gateway's code paths, and the sizes are the double's
 * estimate of each batch's request and response (UTF-8 JSON of what is sent and loaded).
 */
import { rollupSheetsPlan } from '../src/core/plan/rollupSheetsPlan';
import { rollUp, type ReturnInput } from '../src/core/rollup/rollup';
import { validateGrids } from '../src/core/validate/workbook';
import { createOfficeGateway, REQUEST_BUDGET } from '../src/excel/officeGateway';
import { FakeExcel } from '../tests/excel/excelDouble';
import { activity, returnedTable, templateSyncs, validateOnce, workbookWithTable } from '../tests/excel/scenarios';

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;

function largest(fake: FakeExcel): string {
  const request = Math.max(0, ...fake.batches.map((b) => b.requestBytes));
  const response = Math.max(0, ...fake.batches.map((b) => b.responseBytes));
  return `largest request ${kb(request)}, largest response ${kb(response)}`;
}

export async function benchExcel(): Promise<void> {
  console.log('Excel round trips (context.sync calls), on the test double:');
  const template = await templateSyncs();
  console.log(`  template (200 rows)            ${template.syncs} syncs   (target ≤ 2)   ${largest(template.fake)}`);
  const big = await templateSyncs(10_000);
  console.log(`  template (10,000 rows)         ${big.syncs} syncs   (target ≤ 2)   ${largest(big.fake)}`);
  const counts: number[] = [];
  const recheck: number[] = [];
  for (const rows of [10, 10_000]) {
    const fake = workbookWithTable(rows);
    const started = performance.now();
    const run = await validateOnce(fake);
    const ms = performance.now() - started;
    counts.push(run.syncs);
    const marked = run.plan.cells.error.length + run.plan.cells.warning.length;
    console.log(
      `  validate ${String(rows).padStart(6)} rows           ${run.syncs} syncs   (target ≤ 3: read ${run.readSyncs} + clear/apply ${run.applySyncs})   ` +
        `${marked} cells marked, ${largest(fake)}, ${ms.toFixed(0)} ms in the double`,
    );
    // Checked again, as after each edit: the earlier marks (and their names) read back first.
    fake.resetCounts();
    const again = await validateOnce(fake);
    recheck.push(again.syncs);
    console.log(
      `  validate again ${String(rows).padStart(6)} rows     ${again.syncs} syncs   (target ≤ 3: read ${again.readSyncs} + clear/apply ${again.applySyncs})   ${largest(fake)}`,
    );
  }
  console.log(`  same count at 10 and 10,000 rows: ${counts[0] === counts[1] && recheck[0] === recheck[1] ? 'met' : 'MISSED'}`);
  await benchRollupSheets();
  console.log(`  (a batch is sent early once it holds ${kb(REQUEST_BUDGET)}: each further ~4 MB of commands would add one sync)`);
}

/** 10 district returns of `rows` unit rows each (returnedTable's errors and warnings), rolled up without a roster. */
function districtRollup(files: number, rows: number) {
  const inputs: ReturnInput[] = [];
  for (let f = 1; f <= files; f++) {
    const district = `第${f}区`;
    const table = returnedTable(rows).map((row, i) => (i >= 2 ? [`${district}${row[0]}`, ...row.slice(1)] : row));
    const file = `${district}.xlsx`;
    inputs.push({
      file,
      report: validateGrids(file, [{ sheet: 'Sheet1', rows: table, typed: true }], [activity], { today: '2024-03-25' }),
    });
  }
  return rollUp(inputs, { form: activity, forms: [activity], unit: '河东区总工会', createdAt: '2024-03-26T02:30:00.000Z' });
}

/** The roll-up written into the workbook (汇总, 报送情况, 问题清单 and the chart): syncs at 10 and 10,000 rows. */
export async function benchRollupSheets(): Promise<void> {
  const counts: number[] = [];
  for (const [files, rows] of [
    [10, 1],
    [10, 1_000],
  ] as const) {
    const result = districtRollup(files, rows);
    const plan = rollupSheetsPlan(result, activity, 'zh-CN');
    const fake = new FakeExcel();
    fake.model.addSheet('Sheet1');
    const started = performance.now();
    await createOfficeGateway({ host: fake.host() }).writeRollupSheets(plan);
    const ms = performance.now() - started;
    counts.push(fake.syncs);
    const requests = fake.batches.map((b) => kb(b.requestBytes)).join(' + ');
    console.log(
      `  roll-up sheets ${String(files * rows).padStart(6)} rows        ${fake.syncs} syncs   (target ≤ 4)   ` +
        `${files} files, ${result.issues.length} issues, requests ${requests}, ${ms.toFixed(0)} ms in the double`,
    );
  }
  console.log(`  roll-up within 4 syncs at 10 and 10,000 rows: ${counts.every((n) => n <= 4) ? 'met' : 'MISSED'}`);
}

if (require.main === module) void benchExcel();
