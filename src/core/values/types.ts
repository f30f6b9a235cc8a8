import type { FieldType } from '../definitions/types';
import type { IssueCode, IssueParams } from '../issues/catalogue';

/** A cell as a reader gives it: what a person sees, typed where the file has types. */
export type CellValue = string | number | boolean | Date | null | undefined;

/** A value was read, but the way it was written deserves a word (a warning). */
export interface ValueNote {
  code: IssueCode;
  params: IssueParams;
}

export type ParseResult =
  | {
      ok: true;
      /** int/number: a number; date: `YYYY-MM-DD`; others: a string; null = not reported. */
      value: number | string | boolean | null;
      notes: readonly ValueNote[];
      /** When the cell said "not reported" in words (`—`, `/`, `-`): what it said. */
      placeholder?: string;
    }
  | { ok: false; code: IssueCode; params: IssueParams };

export interface ValueContext {
  type: FieldType;
  /** The field's own unit (人, 人次, 场次, 份 …). */
  unit?: string;
  /** The enum's options, canonical spelling. */
  options?: readonly string[];
  /** The year of the activity, for dates written without one (`3月20日`). */
  year?: number;
  /** False for sources where every cell is text (CSV): no "stored as text" notes then. */
  typed: boolean;
}
