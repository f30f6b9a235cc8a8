import type { Issue } from '../core/issues/issue';

/** What checking the active sheet found: its issues, or why there was nothing to check. */
export type SheetCheck = { ok: true; issues: Issue[]; summary: string } | { ok: false; message: string };
