/**
 * The roll-up's data: the roster a level expects, what each returned file and row became,
 * each roster unit's status, and the totals. Pure data, shared by the engine, the workbook
 * writer, the CLI's JSON report and the task pane.
 */
import type { IssueCode } from '../issues/catalogue';
import type { Issue } from '../issues/issue';
import type { RowValues } from '../rules/crossField';

/** One unit a level expects a return from (单位名单). */
export interface RosterUnit {
  name: string;
  level?: string;
  parent?: string;
  aliases: string[];
  /** That unit's own deadline, `YYYY-MM-DD`. */
  deadline?: string;
  /** 1-based row in the roster sheet. */
  row: number;
  /** 联系人 and 联系电话 (optional columns), for the reminder list. */
  contact?: string;
  phone?: string;
}

export interface Roster {
  /** Where the roster came from (file name or sheet), for messages. */
  source: string;
  units: RosterUnit[];
  issues: Issue[];
}

/** Identifies a workbook Huizong wrote as a roll-up, so the next level takes it as a return. */
export interface RollupMeta {
  generator: 'huizong';
  form: string;
  formVersion: string;
  /** The unit that made the roll-up (e.g. 河东区总工会). */
  unit?: string;
  level?: string;
  createdAt: string;
}

export type RowStatus = 'counted' | 'superseded';

export interface RollupRow {
  /** The unit: the roster's name for it where the row names a roster unit, else as the row names it. */
  unit: string;
  /** How the row named the unit, where that differs from `unit` (an alias, a suffix, full-width). */
  namedAs?: string;
  /** The roster unit the row reports for (itself, or the roster unit it lies under). */
  rosterUnit?: string;
  /** True when neither the unit nor a unit above it is on the roster. */
  notOnRoster: boolean;
  file: string;
  sheet: string;
  /** 1-based sheet row. */
  row: number;
  status: RowStatus;
  /** Why a superseded row lost: the file and row of the one that won. */
  supersededBy?: { file: string; sheet: string; row: number };
  values: RowValues;
  /** Fields whose cells could not be read: left out of the totals. */
  unreadable: string[];
  /** What those cells said, written back as typed in the roll-up workbook. */
  unreadableText?: Record<string, string>;
  errors: number;
  warnings: number;
  /** The 填表日期 / 报送日期 of the row, `YYYY-MM-DD`. */
  date?: string;
}

export type FileStatus = 'accepted' | 'rejected';

export interface FileVerdict {
  file: string;
  status: FileStatus;
  code?: IssueCode;
  /** Why it was rejected, in the users' words. */
  reason?: string;
  /** For a file of another form: that form's id. */
  otherForm?: string;
  /** Set when the file is a roll-up made by Huizong at the level below. */
  rollupOf?: RollupMeta;
  rows: number;
}

export type UnitStatusKind = 'reported' | 'late' | 'missing';

export interface UnitStatus {
  unit: string;
  level?: string;
  parent?: string;
  status: UnitStatusKind;
  deadline?: string;
  /** Files holding the unit's counted rows. */
  files: string[];
  date?: string;
  errors: number;
  warnings: number;
  superseded: number;
}

export interface RollupResult {
  form: string;
  formVersion: string;
  /** Sums over counted rows of every summed field, plus computed fields. */
  totals: Record<string, number>;
  rows: RollupRow[];
  files: FileVerdict[];
  units: UnitStatus[];
  issues: Issue[];
  meta: RollupMeta;
}
