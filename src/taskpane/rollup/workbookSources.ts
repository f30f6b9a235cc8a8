/**
 * Which sheets of the open workbook the roll-up panel offers (pure): as units' tables to roll
 * up, every visible sheet but Huizong's own roll-up sheets and the roster; as the roster, any
 * visible sheet but the roll-up's (and the whole notice's).
 */
import { NOTICE_SHEET_NAMES } from '../../core/plan/noticeSheetsPlan';
import { ROLLUP_SHEET_NAMES } from '../../core/plan/rollupSheetsShared';
import type { WorkbookSheet } from '../../excel/gateway';

/** The roll-up's own sheets by their names, for workbooks whose `_huizong` has no record of them. */
const ROLLUP_NAMES = new Set<string>([...Object.values(ROLLUP_SHEET_NAMES), ...Object.values(NOTICE_SHEET_NAMES)]);
/** A roster sheet as the pane creates it: 单位名单, 单位名单(2) … */
const ROSTER_NAME = /^单位名单(\(\d+\))?$/;

function isRollupSheet(sheet: WorkbookSheet): boolean {
  return sheet.rollup !== undefined || ROLLUP_NAMES.has(sheet.name);
}

/** Sheets that may hold a unit's table: visible, not 汇总/报送情况/问题清单, not the roster. */
export function rollupCandidates(sheets: readonly WorkbookSheet[], rosterSheet?: string): string[] {
  return sheets.filter((s) => s.visible && !isRollupSheet(s) && s.name !== rosterSheet && !ROSTER_NAME.test(s.name)).map((s) => s.name);
}

/** Sheets that may hold the roster: visible and not the roll-up's; 单位名单 sheets first. */
export function rosterCandidates(sheets: readonly WorkbookSheet[]): string[] {
  const names = sheets.filter((s) => s.visible && !isRollupSheet(s)).map((s) => s.name);
  return [...names.filter((n) => ROSTER_NAME.test(n)), ...names.filter((n) => !ROSTER_NAME.test(n))];
}
