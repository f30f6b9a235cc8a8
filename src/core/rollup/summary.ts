/** The counts a roll-up is told by — files, rows, issues, roster units — worked out once for the pane, the CLI and the status sheet. */
import { countBySeverity } from '../issues/issue';
import type { RollupResult, UnitStatusKind } from './types';

export interface RollupSummary {
  files: number;
  accepted: number;
  rejected: number;
  /** Rows counted in the totals. */
  rows: number;
  superseded: number;
  errors: number;
  warnings: number;
  /** Roster units, by status; all zero without a roster. */
  units: Record<UnitStatusKind, number> & { total: number };
  /** Units named by counted rows that are not on the roster (nor under a unit on it). */
  notOnRoster: number;
}

export function summarizeRollup(result: RollupResult): RollupSummary {
  const accepted = result.files.filter((f) => f.status === 'accepted').length;
  let rows = 0;
  let superseded = 0;
  const outside = new Set<string>();
  for (const row of result.rows) {
    if (row.status === 'counted') {
      rows++;
      if (row.notOnRoster) outside.add(row.unit);
    } else superseded++;
  }
  const units = { total: result.units.length, reported: 0, late: 0, missing: 0 };
  for (const unit of result.units) units[unit.status]++;
  return {
    files: result.files.length,
    accepted,
    rejected: result.files.length - accepted,
    rows,
    superseded,
    ...countBySeverity(result.issues),
    units,
    notOnRoster: outside.size,
  };
}
