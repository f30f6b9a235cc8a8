/**
 * What a roll-up came to, as both roll-up benches print it (bench-rollup in Node, the bench
 * page in Chromium): no Node or DOM APIs here.
 */
import type { RollupResult } from '../src/core/rollup/types';

export interface RollupCounts {
  accepted: number;
  rejected: number;
  counted: number;
  superseded: number;
  errors: number;
  warnings: number;
}

export function rollupCounts(result: RollupResult): RollupCounts {
  const count = <T>(items: readonly T[], test: (item: T) => boolean) => items.filter(test).length;
  return {
    accepted: count(result.files, (f) => f.status === 'accepted'),
    rejected: count(result.files, (f) => f.status !== 'accepted'),
    counted: count(result.rows, (r) => r.status === 'counted'),
    superseded: count(result.rows, (r) => r.status === 'superseded'),
    errors: count(result.issues, (i) => i.severity === 'error'),
    warnings: count(result.issues, (i) => i.severity !== 'error'),
  };
}
