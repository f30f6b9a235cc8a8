/**
 * 退回修改: for each roster unit whose returns have errors, a text ready to send back listing
 * each cell and what to fix; and the whole reminder list as one text to paste into a WeChat
 * group or an SMS. Pure; the pane's copy buttons and the CLI use the same texts.
 */
import type { Lang } from '../definitions/types';
import { messageFor } from '../issues/catalogue';
import type { Issue } from '../issues/issue';
import { fileNames } from '../text/fileName';
import type { NoticeResult } from './types';

export interface CorrectionText {
  unit: string;
  /** The errors, in file order. */
  issues: Issue[];
  message: string;
}

/** Each roster unit with errors in the rows counted for it, and the text to send it back. */
export function correctionTexts(result: NoticeResult, lang: Lang): CorrectionText[] {
  // The unit of a row: file + sheet + row → the roster unit it counts for.
  const unitOf = new Map<string, string>();
  for (const rollup of Object.values(result.forms)) {
    for (const row of rollup?.rows ?? []) if (row.rosterUnit) unitOf.set(`${row.file}\u0000${row.sheet}\u0000${row.row}`, row.rosterUnit);
  }
  const byUnit = new Map<string, Issue[]>();
  for (const issue of result.issues) {
    if (issue.severity !== 'error' || issue.file === undefined || issue.sheet === undefined) continue;
    // A cell's issue is known by its address (D7 → row 7), a row's by its row.
    const row = issue.row ?? (issue.cell ? Number(/\d+$/.exec(issue.cell)?.[0]) : undefined);
    if (row === undefined || !Number.isFinite(row)) continue;
    const unit = unitOf.get(`${issue.file}\u0000${issue.sheet}\u0000${row}`);
    if (!unit) continue;
    const list = byUnit.get(unit) ?? [];
    list.push(issue);
    byUnit.set(unit, list);
  }
  const out: CorrectionText[] = [];
  for (const unit of result.units) {
    const issues = byUnit.get(unit.unit);
    if (!issues) continue;
    // The text goes to this unit: its files need telling apart from each other only, not from other units'.
    const nameOf = fileNames(issues.map((issue) => issue.file!));
    const items = issues
      .map((issue, i) =>
        messageFor('notice.correction-item', { n: i + 1, file: nameOf(issue.file!), sheet: issue.sheet!, message: issue.message }, lang),
      )
      .join('\n');
    const greeting = unit.contact ? (lang === 'en' ? `Dear ${unit.contact}, ` : `${unit.contact}同志，`) : '';
    out.push({ unit: unit.unit, issues, message: messageFor('notice.correction', { greeting, unit: unit.unit, items }, lang) });
  }
  return out;
}

/** The whole reminder list as one text: a paragraph per unit, its phone beside its name. */
export function remindersText(result: NoticeResult): string {
  return result.reminders.map((r) => `【${r.unit}${r.phone ? ' ' + r.phone : ''}】\n${r.message}`).join('\n\n');
}
