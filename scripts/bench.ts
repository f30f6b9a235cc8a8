/**
 * `npm run bench`: the performance targets of the issues, measured as ratios within one run
 * (these machines are noisy; absolute times are printed for context only).
 */
import { spawnSync } from 'child_process';
import * as path from 'path';
import { compileForm } from '../src/core/definitions/compile';
import { shippedForm } from '../src/core/definitions/shipped';
import type { Grid } from '../src/core/table/grid';
import { locateTable } from '../src/core/table/locate';
import { readDataRow, rowChecker, tableColumns, validateTable } from '../src/core/validate/table';
import type { CellValue } from '../src/core/values/types';
import { benchBrowser } from './bench-browser';
import { benchExcel } from './bench-excel';
import { benchPaneSize } from './bench-pane';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Runs `fn` `rounds` times after a warm-up and returns the median in milliseconds. */
function time(fn: () => void, rounds = 7): number {
  fn();
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

function activityGrid(rowCount: number): { grid: Grid; objects: Record<string, unknown>[] } {
  const form = compileForm(shippedForm('activity-summary')!);
  const header = form.fields.map((f) => f.label);
  const rows: CellValue[][] = [header];
  const objects: Record<string, unknown>[] = [];
  for (let i = 0; i < rowCount; i++) {
    const object: Record<string, unknown> = {};
    const row = form.fields.map((field) => {
      let value: CellValue;
      switch (field.def.type) {
        case 'int':
          // Totals three times their parts, so that every cross-field rule holds.
          value = (10 + (i % 7)) * (field.id === 'contractsInForce' || field.id === 'contractEnterprises' ? 3 : 1);
          break;
        case 'enum':
          value = field.schema.enum![i % field.schema.enum!.length]!;
          break;
        case 'phone':
          value = '13812345678';
          break;
        case 'email':
          value = `unit${i}@example.com`;
          break;
        case 'date':
          value = '2024-03-20';
          break;
        default:
          value = field.id === 'unitName' ? `第${i + 1}基层工会` : field.id === 'contactPerson' ? '孔迪' : '';
      }
      if (value !== '') object[field.id] = value;
      return value;
    });
    rows.push(row);
    objects.push(object);
  }
  return { grid: { sheet: 'bench', rows, typed: true }, objects };
}

function benchValidation(): void {
  const rowCount = 10_000;
  const form = compileForm(shippedForm('activity-summary')!);
  const { grid, objects } = activityGrid(rowCount);
  const located = locateTable(grid, [form])!;
  const columns = tableColumns(grid, located, 2024, 'zh-CN');
  const checker = rowChecker(form, columns, 'zh-CN', '2024-03-25');
  // The values already read from their cells, once, outside the timing.
  const readRows = () => grid.rows.slice(1).map((raw, i) => readDataRow(columns, raw, i + 1, 'zh-CN'));
  const read = readRows();
  let issues = 0;
  const checkStage = time(() => {
    issues = 0;
    for (let i = 0; i < read.length; i++) {
      const row = read[i]!;
      row.issues.length = 0;
      checker.check(row, grid.rows[i + 1]!);
      issues += row.issues.length;
    }
  });
  const bare = time(() => {
    for (const row of read) form.validateRow(row.present);
  });
  const whole = time(() => {
    validateTable(grid, located, { today: '2024-03-25' });
  });
  const bareObjects = time(() => {
    for (const object of objects) form.validateRow(object);
  });
  console.log(`validation: ${rowCount} activity-summary rows, ${issues} issues`);
  console.log(`  values already read: schema + cross-field rules   ${checkStage.toFixed(1)} ms`);
  console.log(`  bare Ajv loop, same compiled validator, same rows  ${bare.toFixed(1)} ms`);
  console.log(`  ratio ${(checkStage / bare).toFixed(2)}×  (target ≤ 2×)`);
  console.log(
    `  whole table from raw cells (read + check + 合计/notes) ${whole.toFixed(1)} ms = ${(whole / bareObjects).toFixed(2)}× the bare Ajv loop (for information)`,
  );
}

/**
 * The roll-up bench in a process of its own: its memory figures (peak RSS, heap growth) are
 * then the roll-up's, not those of the benches that ran before it in this one.
 */
function benchRollupApart(): void {
  const tsx = path.join(__dirname, '../node_modules/tsx/dist/cli.mjs');
  const run = spawnSync(process.execPath, [tsx, path.join(__dirname, 'bench-rollup.ts')], { stdio: 'inherit' });
  if (run.status !== 0) throw new Error(`bench-rollup exited with ${run.status ?? run.signal}`);
}

/** The whole notice against the three single-form roll-ups, in a process of its own as well. */
function benchNoticeApart(): void {
  const tsx = path.join(__dirname, '../node_modules/tsx/dist/cli.mjs');
  const run = spawnSync(process.execPath, [tsx, path.join(__dirname, 'bench-notice.ts')], { stdio: 'inherit' });
  if (run.status !== 0) throw new Error(`bench-notice exited with ${run.status ?? run.signal}`);
}

/** Vertical cards against one-row tables (scripts/bench-card.ts), in a process of its own like the roll-up. */
function benchCardsApart(): void {
  const tsx = path.join(__dirname, '../node_modules/tsx/dist/cli.mjs');
  const run = spawnSync(process.execPath, [tsx, path.join(__dirname, 'bench-card.ts')], { stdio: 'inherit' });
  if (run.status !== 0) throw new Error(`bench-card exited with ${run.status ?? run.signal}`);
}

async function main(): Promise<void> {
  benchValidation();
  console.log('');
  benchRollupApart();
  console.log('');
  benchNoticeApart();
  benchCardsApart();
  console.log('');
  await benchExcel();
  console.log('');
  await benchBrowser();
  console.log('');
  benchPaneSize();
}

void main();
