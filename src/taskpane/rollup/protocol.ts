/** Messages between the pane and the roll-up worker. Plain data only: it crosses threads. */
import type { FormDefinition, Lang } from '../../core/definitions/types';
import type { RollupResult } from '../../core/rollup/types';

export interface RollupFile {
  name: string;
  bytes: Uint8Array;
  modified?: number;
}

export interface RollupRequest {
  files: RollupFile[];
  roster?: RollupFile;
  /** Every known definition (shipped and the user's), and the id of the one to roll up. */
  definitions: FormDefinition[];
  form: string;
  deadline?: string;
  unit?: string;
  lang: Lang;
  /** Also write the roll-up workbook (.xlsx bytes) in the worker. */
  workbook: boolean;
}

export type RollupMessage =
  | { type: 'progress'; index: number; total: number; file: string }
  | { type: 'done'; result: RollupResult; workbook?: Uint8Array }
  | { type: 'failed'; message: string };
