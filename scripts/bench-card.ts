/**
 * `npx tsx scripts/bench-card.ts` (also run by `npm run bench`): a vertical card is read as fast
 * as a one-row table. Both kinds of return hold the same unit's figures as real .xlsx bytes
 * (SheetJS); each set is rolled up alone and with a quarter of its returns as cards, in
 * interleaved rounds, and the ratios are printed (absolute times only for context).
 */
import * as XLSX from '@e965/xlsx';
import { compileForm } from '../src/core/definitions/compile';
import { shippedForms } from '../src/core/definitions/shipped';
import type { CellValue } from '../src/core/values/types';
import { rollUpFiles, type SourceFile } from '../src/files/rollupFiles';

const TODAY = '2024-03-25';
const forms = shippedForms.map(compileForm);
const form = forms.find((f) => f.def.id === 'activity-summary')!;
const COUNT = 400;

function xlsx(rows: CellValue[][]): Uint8Array {
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), '活动数据');
  return new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer);
}

function values(i: number): Record<string, CellValue> {
  const out: Record<string, CellValue> = {};
  for (const field of form.fields) {
    const t = field.def.type;
    out[field.id] = t === 'int' || t === 'number' ? 0 : null;
  }
  return {
    ...out,
    unitName: `第${i + 1}基层工会`,
    unitLevel: '基层工会',
    publicityEvents: 3 + (i % 5),
    publicityParticipants: 100,
    contractsInForce: 0,
    contactPerson: '张三',
    contactPhone: '13812345678',
    fillDate: '2024-03-20',
  };
}

function table(i: number): Uint8Array {
  const v = values(i);
  return xlsx([['2024年维权行动月活动数据汇总表'], form.fields.map((f) => f.label), form.fields.map((f) => v[f.id] ?? null)]);
}

function card(i: number): Uint8Array {
  const v = values(i);
  const lines = new Set(['unitName', 'fillDate', 'contactPerson', 'contactPhone']);
  const rows: CellValue[][] = [
    ['2024年维权行动月活动数据汇总表'],
    [`填报单位（盖章）：${v.unitName}    填表日期：2024年3月20日`],
    ['序号', '指标', '数量', '备注'],
  ];
  form.fields.filter((f) => !lines.has(f.id)).forEach((f, n) => rows.push([n + 1, f.label, v[f.id] ?? null]));
  rows.push([`填表人：${v.contactPerson}    联系电话：${v.contactPhone}`]);
  return xlsx(rows);
}

function median(xs: number[]): number {
  return [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
}

function run(files: readonly SourceFile[]): number {
  const start = performance.now();
  const result = rollUpFiles(files, { form, forms, lang: 'zh-CN', today: TODAY });
  const ms = performance.now() - start;
  if (result.files.some((f) => f.status !== 'accepted')) throw new Error('a return was not accepted');
  return ms;
}

const tables = Array.from({ length: COUNT }, (_, i) => ({ name: `t${i}.xlsx`, bytes: table(i) }));
const cards = Array.from({ length: COUNT }, (_, i) => ({ name: `c${i}.xlsx`, bytes: card(i) }));
const quarter = tables.map((t, i) => (i % 4 === 0 ? cards[i]! : t));
const times = { tables: [] as number[], cards: [] as number[], quarter: [] as number[] };
// Warm-up: each set once whole, so that no kind is timed while the JIT still compiles its path.
const ROUNDS = 9;
run(tables);
run(cards);
for (let round = 0; round < ROUNDS; round++) {
  times.tables.push(run(tables));
  times.cards.push(run(cards));
  times.quarter.push(run(quarter));
}
const t = median(times.tables);
const c = median(times.cards);
const q = median(times.quarter);
console.log(
  `cards: ${COUNT} one-row tables ${t.toFixed(0)} ms; ${COUNT} cards ${c.toFixed(0)} ms; a quarter as cards ${q.toFixed(0)} ms (median of ${ROUNDS} interleaved rounds)`,
);
// The target is the roll-up with a quarter of its returns as cards; cards alone, for information.
console.log(
  `cards: a quarter as cards / all tables ratio ${(q / t).toFixed(2)}× (target ≤ 1.2×: ${q / t <= 1.2 ? 'met' : 'MISSED'}); cards alone / tables ${(c / t).toFixed(2)}×`,
);
