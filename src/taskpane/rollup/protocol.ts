/** Messages between the pane and the roll-up worker. Plain data only: it crosses threads. */
import type { FormDefinition, Lang } from '../../core/definitions/types';
import type { SourceForms } from '../../core/definitions/proposeForm';
import type { MaterialId } from '../../core/notice/materials';
import type { ListingProblem, NoticeEntry, NoticeResult } from '../../core/notice/types';
import type { Roster, RollupResult } from '../../core/rollup/types';
import type { Grid } from '../../core/table/grid';

export interface RollupFile {
  name: string;
  bytes: Uint8Array;
  modified?: number;
}

/** A sheet of the open workbook (a unit's table pasted or inserted there), already read. */
export interface WorkbookGrid {
  /** The source name the roll-up gives it: `本工作簿/Sheet名` (see workbookSourceName). */
  name: string;
  grid: Grid;
}

/**
 * How a sheet of the open workbook is named among the roll-up's sources (in 问题清单, the
 * pane's issue list, 报送情况): never mistaken for a file, whose name has no slash.
 */
export function workbookSourceName(sheet: string, lang: Lang): string {
  return `${lang === 'en' ? 'This workbook' : '本工作簿'}/${sheet}`;
}

export interface RollupRequest {
  type?: 'rollup';
  /** Set by the pane on the way to its worker, and on every message answering it. */
  id?: number;
  files: RollupFile[];
  /** Sheets of the open workbook rolled up with the files (Excel only). */
  sheets?: WorkbookGrid[];
  /** The roster as a file, read in the worker … */
  roster?: RollupFile;
  /** … or already read from a sheet of the open workbook (Excel only). */
  rosterParsed?: Roster;
  /** Last year's roll-up of the form, to compare with (同比): a file, read in the worker … */
  lastYear?: RollupFile;
  /** … or a sheet of the open workbook, already read (Excel only). */
  lastYearSheet?: WorkbookGrid;
  /** Every known definition (shipped and the user's), and the id of the one to roll up. */
  definitions: FormDefinition[];
  form: string;
  deadline?: string;
  unit?: string;
  lang: Lang;
  /** Also write the roll-up workbook (.xlsx bytes) in the worker. */
  workbook: boolean;
}

/** Which forms the chosen files hold, read from their labels: to propose the form. */
export interface PeekRequest {
  type: 'peek';
  id?: number;
  /** The files looked at (the pane sends the first PEEK_FILES of those chosen). */
  files: RollupFile[];
  definitions: FormDefinition[];
}

/**
 * An inbox entry of the whole notice: its path, size and time; a spreadsheet also brings its
 * content, as a Blob (a File) the worker reads itself. Documents and photos bring none: they
 * are never read, and a Blob crossing threads is a handle, not a copy.
 */
export interface NoticeFile extends NoticeEntry {
  content?: Blob;
}

/** The whole notice: everything units sent, the materials this notice asked for. */
export interface NoticeRequest {
  type: 'notice';
  id?: number;
  files: NoticeFile[];
  /** Folders and files the listing could not take (empty, unreadable). */
  problems: ListingProblem[];
  /** Sheets of the open workbook taken as returns with the files (Excel only), named 本工作簿/Sheet名. */
  sheets?: WorkbookGrid[];
  materials: MaterialId[];
  roster?: RollupFile;
  rosterParsed?: Roster;
  definitions: FormDefinition[];
  deadline?: string;
  unit?: string;
  lang: Lang;
  /** Also write the whole notice's workbook (.xlsx bytes) in the worker. */
  workbook: boolean;
}

/**
 * 取消 of one run while another request is in flight in the same worker: that run stops
 * before its next file, and the others go on (alone there, the run's worker is ended instead).
 */
export interface CancelRequest {
  type: 'cancel';
  /** The id of the run to stop. */
  id: number;
}

export type WorkerRequest = RollupRequest | PeekRequest | NoticeRequest | CancelRequest;

export type RollupMessage =
  | { type: 'progress'; index: number; total: number; file: string }
  | { type: 'done'; result: RollupResult; workbook?: Uint8Array }
  | { type: 'failed'; message: string };

export type NoticeMessage =
  | { type: 'progress'; index: number; total: number; file: string }
  | { type: 'notice-done'; result: NoticeResult; workbook?: Uint8Array }
  | { type: 'failed'; message: string };

/** A failed peek says nothing more: its failure is never shown (see performPeek). */
export type PeekMessage = { type: 'peeked'; sources: SourceForms[] } | { type: 'failed' };
