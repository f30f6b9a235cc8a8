/** The whole notice's data: every file, every roster unit × requested material, the reminders. */
import type { IssueCode } from '../issues/catalogue';
import type { Issue } from '../issues/issue';
import type { RollupResult } from '../rollup/types';
import type { MaterialId } from './materials';

/** One entry of the inbox as listed: only its name, size and time are known. */
export interface NoticeEntry {
  /** The path as given (or the name as chosen in a browser), shown to the user. */
  file: string;
  /** The path inside the folder that was given or dropped: its folder names attribute it. Defaults to `file`. */
  within?: string;
  size?: number;
  /** Last modified, ms since 1970. */
  modified?: number;
}

/** Something found while listing the inbox that is not a file to take in. */
export interface ListingProblem {
  file: string;
  code: Extract<IssueCode, `notice.${string}`> | 'file.unreadable';
  params?: Record<string, string | number>;
}

export type NoticeFileStatus = 'accepted' | 'rejected' | 'unattributed' | 'unclassified' | 'not-requested' | 'skipped';

export interface NoticeFileLine {
  file: string;
  /** The roster unit it belongs to, when exactly one. */
  unit: string | null;
  material: MaterialId | null;
  status: NoticeFileStatus;
  code?: IssueCode;
  reason: string | null;
  /** The file's own day (`YYYY-MM-DD`), for documents and photos. */
  date?: string;
}

export type MaterialStatus = 'received' | 'late' | 'rejected' | 'missing';

export interface MaterialCell {
  status: MaterialStatus;
  /** The day it came in: the table's date, or the file's time for a document or photo. */
  date?: string;
  files: string[];
  /** For `rejected`: why the only file of it was. */
  reason?: string;
  /** Photos: how many. */
  count?: number;
}

export interface UnitMaterials {
  unit: string;
  level?: string;
  deadline?: string;
  contact?: string;
  phone?: string;
  items: Partial<Record<MaterialId, MaterialCell>>;
}

export interface Reminder {
  unit: string;
  /** Missing, and rejected (to be sent again). */
  missing: MaterialId[];
  deadline?: string;
  contact?: string;
  phone?: string;
  /** Ready to paste into a WeChat group or an SMS. */
  message: string;
}

export interface NoticeResult {
  materials: MaterialId[];
  /** Each requested form's own roll-up, as `--form` gives it. */
  forms: Partial<Record<MaterialId, RollupResult>>;
  units: UnitMaterials[];
  reminders: Reminder[];
  files: NoticeFileLine[];
  /** The roster's issues, every form's, the file list's and the cross-form checks. */
  issues: Issue[];
  createdAt: string;
}
