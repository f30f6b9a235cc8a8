/**
 * `npx tsx scripts/bench-excel.ts` (and `npm run bench`, once wired in): the Excel round trips
 * — `context.sync()` calls — of building a template and of validating 10 and 10,000 rows,
 * counted on the Excel test double (tests/excel/excelDouble.ts). Excel itself does not run
 * here: the counts are those of the gateway's code paths, and the sizes are the double's
 * estimate of each batch's request and response (UTF-8 JSON of what is sent and loaded).
 */
import { REQUEST_BUDGET } from '../src/excel/officeGateway';
import type { FakeExcel } from '../tests/excel/excelDouble';
import { templateSyncs, validateOnce, workbookWithTable } from '../tests/excel/scenarios';

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
  }
  console.log(`  same count at 10 and 10,000 rows: ${counts[0] === counts[1] ? 'met' : 'MISSED'}`);
  console.log(`  (a batch is sent early once it holds ${kb(REQUEST_BUDGET)}: each further ~4 MB of commands would add one sync)`);
}

if (require.main === module) void benchExcel();
