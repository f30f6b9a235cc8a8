/**
 * A roster file as the pane shows it the moment it is chosen: how many units it lists and at
 * which levels, or why it cannot be the roster (a unit's return picked by mistake, no 单位名称
 * column, unreadable). Loaded when a roster is first chosen: the readers stay out of the
 * pane's first script.
 */
import type { CompiledForm } from '../../core/definitions/compile';
import type { Lang } from '../../core/definitions/types';
import type { Roster } from '../../core/rollup/types';
import { rosterFromRead } from '../../files/checkReturn';
import type { RollupFile } from './protocol';
import { readInWorker } from './readInWorker';

export interface RosterCheck {
  units: number;
  /** Units per 单位层级, in the roster's order of first appearance ('' for none given). */
  levels: { level: string; units: number }[];
  /** Why it cannot serve as the roster; undefined when it lists units. */
  problem?: string;
}

/** The counts and the first problem of a roster as parsed (a file's, or a sheet's). */
export function summarizeRoster(roster: Roster | undefined, noUnits: string): RosterCheck {
  const units = roster?.units ?? [];
  const levels = new Map<string, number>();
  for (const unit of units) levels.set(unit.level ?? '', (levels.get(unit.level ?? '') ?? 0) + 1);
  const check: RosterCheck = { units: units.length, levels: [...levels].map(([level, n]) => ({ level, units: n })) };
  if (units.length === 0)
    check.problem = roster?.issues.find((i) => i.severity === 'error')?.message ?? roster?.issues[0]?.message ?? noUnits;
  return check;
}

export async function checkRosterFile(file: RollupFile, forms: readonly CompiledForm[], lang: Lang, noUnits: string): Promise<RosterCheck> {
  // A copy: the roll-up hands the file's own bytes to the worker later.
  const copy = { ...file, bytes: file.bytes.slice() };
  return summarizeRoster(rosterFromRead(copy, await readInWorker(copy), lang, forms), noUnits);
}
