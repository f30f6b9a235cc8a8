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
  /**
   * The day the roll-up was made, `YYYY-MM-DD`, where it was made: the day the next level up
   * counts it as that level's return (not its units' dates).
   */
  createdDay?: string;
  /**
   * The activity's year where the run was told it (the deadline's, the roster's, --year):
   * the year in 汇总's title when the rows' dates do not say it. Never the clock's.
   */
  year?: number;
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
  /** Field id → 0-based column in its sheet (shared by the rows of a table), to name a value's cell. */
  fieldColumns?: Readonly<Record<string, number>>;
  /** Values far from their peers or from last year: warnings, never changed or left out. */
  outliers?: OutlierFlag[];
  /**
   * Where the row was first typed, when it came inside a roll-up from the level below (`file`,
   * `sheet`, `row` above are then that roll-up's).
   */
  origin?: RowOrigin;
}

/** Where a row was typed: the unit's own file, sheet and row. */
export interface RowOrigin {
  file: string;
  sheet: string;
  row?: number;
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

export interface RatioCoverage {
  /** Counted rows that gave the denominator. */
  given: number;
  /** Counted rows. */
  of: number;
}

export interface RollupResult {
  form: string;
  formVersion: string;
  /** Sums over counted rows of every summed field, plus computed fields. */
  totals: Record<string, number>;
  /** For a ratio taken over the units that gave its denominator: how many of the counted rows did. */
  coverage?: Record<string, RatioCoverage>;
  /** This year beside last year, where last year's roll-up was given. */
  lastYear?: LastYearComparison;
  rows: RollupRow[];
  files: FileVerdict[];
  units: UnitStatus[];
  issues: Issue[];
  meta: RollupMeta;
}

/** Why a value was flagged, kept on its row for the roll-up sheet's 说明. */
export interface OutlierFlag {
  field: string;
  kind: 'peers' | 'last-year';
  /** The peers' median, or last year's value. */
  reference: number;
  /** How many peers the median is of (peers only). */
  peers?: number;
}

/** What the comparison needs of last year, taken from last year's roll-up (or table) once read. */
export interface LastYearData {
  /** The file it came from. */
  file: string;
  /** Each unit's counted values last year. */
  units: { unit: string; values: RowValues }[];
  /** Fields last year's table had a column for. */
  fields: string[];
}

export interface YearPair {
  thisYear: number | null;
  lastYear: number | null;
  /** thisYear − lastYear, where both were given. */
  change: number | null;
}

export type LastYearUnitStatus = 'both' | 'new' | 'gone';

export interface LastYearUnit {
  unit: string;
  /** new: no row last year; gone: a row last year, none this year. */
  status: LastYearUnitStatus;
  values: Record<string, YearPair>;
}

export interface LastYearComparison {
  file: string;
  /** The indicators compared (summed whole numbers last year's table had). */
  fields: string[];
  /** Indicators of this year's form that last year's table did not have. */
  notCompared: string[];
  units: LastYearUnit[];
  total: Record<string, YearPair>;
}
