/**
 * The whole notice as sheets (pure), for the .xlsx writer (`src/files/writeNotice.ts`) and the
 * task pane alike: each requested form's 汇总 and 报送情况 (the single-form plan, renamed per
 * form), then
 *
 *   报送材料  title, a line of counts, then one row per roster unit: 单位名称, 单位层级, 截止日期,
 *             and per material two columns, 状态 (已收到 green, 逾期 amber, 退回 orange,
 *             未报送 red) and 日期; below, per material, how many units are in each status.
 *   催报名单  one row per unit with anything missing: 单位名称, 缺报材料, 截止日期, 联系人,
 *             联系电话, 催报消息 (ready to send).
 *   问题清单  every issue of every form, the file list's and the cross-form checks.
 *
 * A fixed set of sheets whatever the number of units: an applier writes each with the same
 * few batched calls as the single-form sheets.
 */
import type { CompiledForm } from '../definitions/compile';
import { fieldLabel } from '../definitions/compile';
import type { Lang } from '../definitions/types';
import { materialLabel, type MaterialId } from '../notice/materials';
import type { MaterialStatus, NoticeResult } from '../notice/types';
import type { RollupResult } from '../rollup/types';
import { a1, columnName } from '../table/grid';
import { compressCells } from './markPlan';
import { ISSUE_HEIGHT_ROWS, ISSUE_LINE_POINTS, issueListSheet, unitsOfIssues, wrappedLines } from './issueListSheet';
import { rollupSheetsPlan } from './rollupSheetsPlan';
import { DATE_FORMAT, fileNames, INT_FORMAT, isoToSerial, localTime, prefixText, ROLLUP_COLORS } from './rollupSheetsShared';
import type { RollupSheetPlan, RollupSheetRole, SheetPlanValue } from './types';

export type NoticeSheetRole = RollupSheetRole | 'materials' | 'reminders';

export interface NoticeSheetPlan extends Omit<RollupSheetPlan, 'role'> {
  role: NoticeSheetRole;
  /** The form a 汇总 / 报送情况 sheet belongs to. */
  form?: string;
}

export interface NoticeSheetsPlan {
  sheets: NoticeSheetPlan[];
}

export const NOTICE_SHEET_NAMES = { materials: '报送材料', reminders: '催报名单' } as const;

export const MATERIAL_COLORS: Record<MaterialStatus, string> = {
  received: ROLLUP_COLORS.reported,
  late: ROLLUP_COLORS.late,
  rejected: '#F8CBAD',
  missing: ROLLUP_COLORS.missing,
};

const TEXTS = {
  'zh-CN': {
    materialsTitle: (unit: string) => `${unit}报送材料情况`,
    counts: (units: number, complete: number, chase: number, created: string) =>
      `名单 ${units} 个单位：材料齐全 ${complete} 个，需催报 ${chase} 个。生成时间：${created}`,
    unitHeaders: ['单位名称', '单位层级', '截止日期'],
    status: { received: '已收到', late: '逾期', rejected: '退回', missing: '未报送' } as Record<MaterialStatus, string>,
    statusHeader: '状态',
    dateHeader: '日期',
    photos: (n: number) => `已收到（${n}张）`,
    totals: '合计',
    remindersTitle: '催报名单',
    reminderHeaders: ['单位名称', '缺报材料', '截止日期', '联系人', '联系电话', '催报消息'],
    none: '各单位材料齐全，无需催报。',
    list: '、',
    sheet: (kind: string, material: string) => `${kind}-${material}`,
    rows: '汇总',
    statusSheet: '报送情况',
  },
  en: {
    materialsTitle: (unit: string) => `${unit}Materials received`,
    counts: (units: number, complete: number, chase: number, created: string) =>
      `Roster of ${units} units: ${complete} complete, ${chase} to remind. Made: ${created}`,
    unitHeaders: ['Unit', 'Level', 'Deadline'],
    status: { received: 'Received', late: 'Late', rejected: 'Rejected', missing: 'Missing' } as Record<MaterialStatus, string>,
    statusHeader: 'Status',
    dateHeader: 'Date',
    photos: (n: number) => `Received (${n})`,
    totals: 'Total',
    remindersTitle: 'Reminder list',
    reminderHeaders: ['Unit', 'Missing', 'Deadline', 'Contact', 'Phone', 'Message'],
    none: 'Every unit has sent everything: nobody to remind.',
    list: ', ',
    sheet: (kind: string, material: string) => `${kind}-${material}`,
    rows: '汇总',
    statusSheet: '报送情况',
  },
};

const STATUSES: readonly MaterialStatus[] = ['received', 'late', 'rejected', 'missing'];
const TITLE_ROW = 1;
const HEADER_TOP = 4;

function area(c1: number, r1: number, c2 = c1, r2 = r1): string {
  const from = `${columnName(c1)}${r1}`;
  const to = `${columnName(c2)}${r2}`;
  return from === to ? from : `${from}:${to}`;
}

function blank(width: number): SheetPlanValue[] {
  return Array.from({ length: width }, () => '');
}

function materialsSheet(result: NoticeResult, lang: Lang, unitName: string): NoticeSheetPlan {
  const t = TEXTS[lang];
  const materials = result.materials;
  const width = 3 + materials.length * 2;
  const last = width - 1;
  const values: SheetPlanValue[][] = [];
  const title = blank(width);
  title[0] = t.materialsTitle(unitName);
  values.push(title);
  const counts = blank(width);
  const complete = result.units.length - result.reminders.length;
  counts[0] = t.counts(result.units.length, complete, result.reminders.length, localTime(result.createdAt));
  values.push(counts);
  // Two header rows: each material over its 状态 and 日期.
  const groups = blank(width);
  const subs = blank(width);
  t.unitHeaders.forEach((h, i) => (groups[i] = h));
  const merges = [area(0, 1, last, 1), area(0, 2, last, 2), area(0, 3, 0, 4), area(1, 3, 1, 4), area(2, 3, 2, 4)];
  materials.forEach((m, i) => {
    const c = 3 + i * 2;
    groups[c] = materialLabel(m, lang);
    subs[c] = t.statusHeader;
    subs[c + 1] = t.dateHeader;
    merges.push(area(c, 3, c + 1, 3));
  });
  values.push(groups, subs);

  const fills = new Map<string, string[]>();
  const fill = (color: string, address: string) => {
    const list = fills.get(color) ?? [];
    list.push(address);
    fills.set(color, list);
  };
  const first = HEADER_TOP + 1;
  result.units.forEach((unit, n) => {
    const r = first + n;
    const row = blank(width);
    row[0] = unit.unit;
    row[1] = unit.level ?? '';
    row[2] = isoToSerial(unit.deadline) ?? unit.deadline ?? '';
    materials.forEach((m, i) => {
      const cell = unit.items[m];
      if (!cell) return;
      const c = 3 + i * 2;
      row[c] =
        m === 'photos' && cell.count !== undefined && cell.status !== 'missing' && cell.status !== 'rejected'
          ? cell.status === 'late'
            ? `${t.status.late}（${cell.count}）`
            : t.photos(cell.count)
          : t.status[cell.status];
      row[c + 1] = isoToSerial(cell.date) ?? cell.date ?? '';
      fill(MATERIAL_COLORS[cell.status], a1(r - 1, c));
    });
    values.push(row);
  });
  const lastUnitRow = first + result.units.length - 1;
  // Totals per material: how many units in each status.
  const totalsTop = lastUnitRow + 1;
  STATUSES.forEach((status, k) => {
    const row = blank(width);
    row[0] = k === 0 ? t.totals : '';
    row[2] = t.status[status];
    materials.forEach((m, i) => {
      row[3 + i * 2] = result.units.filter((u) => u.items[m]?.status === status).length;
    });
    values.push(row);
    fill(MATERIAL_COLORS[status], a1(totalsTop + k - 1, 2));
  });
  const lastRow = totalsTop + STATUSES.length - 1;
  merges.push(area(0, totalsTop, 1, lastRow));
  const dateColumns = [2, ...materials.map((_, i) => 4 + i * 2)];
  return {
    role: 'materials',
    name: NOTICE_SHEET_NAMES.materials,
    values,
    textPrefixed: prefixText(values),
    widths: [30, 16, 12, ...materials.flatMap(() => [13, 12])],
    numberFormats: result.units.length
      ? [
          { format: DATE_FORMAT, areas: dateColumns.map((c) => area(c, first, c, lastUnitRow)) },
          { format: INT_FORMAT, areas: [area(3, totalsTop, last, lastRow)] },
        ]
      : [],
    titleRow: TITLE_ROW,
    headerRows: [3, 4],
    merges,
    freeze: { rows: HEADER_TOP, columns: 1 },
    fills: [...fills].map(([color, cells]) => ({ color, areas: compressCells(cells) })),
    fonts: [
      { areas: [area(0, 1)], bold: true, size: 16 },
      { areas: [area(0, totalsTop, last, lastRow)], bold: true },
    ],
    centred: [area(1, first, last, lastRow)],
    wrap: [],
    borders: [area(0, 3, last, lastRow)],
    rowHeights: [{ row: 1, points: 28 }],
    printTitleRows: '$3:$4',
  };
}

function remindersSheet(result: NoticeResult, lang: Lang): NoticeSheetPlan {
  const t = TEXTS[lang];
  const width = t.reminderHeaders.length;
  const last = width - 1;
  const values: SheetPlanValue[][] = [];
  const title = blank(width);
  title[0] = t.remindersTitle;
  values.push(title);
  const note = blank(width);
  if (result.reminders.length === 0) note[0] = t.none;
  values.push(note);
  values.push([...t.reminderHeaders]);
  for (const reminder of result.reminders) {
    values.push([
      reminder.unit,
      reminder.missing.map((m) => materialLabel(m as MaterialId, lang)).join(t.list),
      isoToSerial(reminder.deadline) ?? reminder.deadline ?? '',
      reminder.contact ?? '',
      reminder.phone ?? '',
      reminder.message,
    ]);
  }
  const first = 4;
  const lastRow = Math.max(3, 3 + result.reminders.length);
  const widths = [28, 30, 12, 10, 16, 80];
  // A message (or a long list of what is missing) wraps: its row needs the height, or printed rows overlap.
  const rowHeights = values.slice(first - 1, first - 1 + ISSUE_HEIGHT_ROWS).flatMap((row, n) => {
    const lines = Math.max(wrappedLines(String(row[1]), widths[1]!), wrappedLines(String(row[5]), widths[5]!));
    return lines > 1 ? [{ row: first + n, points: lines * ISSUE_LINE_POINTS + 3 }] : [];
  });
  return {
    role: 'reminders',
    name: NOTICE_SHEET_NAMES.reminders,
    values,
    textPrefixed: prefixText(values),
    widths,
    numberFormats: result.reminders.length ? [{ format: DATE_FORMAT, areas: [area(2, first, 2, lastRow)] }] : [],
    titleRow: TITLE_ROW,
    headerRows: [3],
    merges: [area(0, 1, last, 1), area(0, 2, last, 2)],
    freeze: { rows: 3 },
    fills: [],
    fonts: [{ areas: [area(0, 1)], bold: true, size: 16 }],
    centred: result.reminders.length ? [area(2, first, 4, lastRow)] : [],
    wrap: result.reminders.length ? [area(1, first, 1, lastRow), area(5, first, 5, lastRow)] : [],
    borders: [area(0, 3, last, lastRow)],
    rowHeights: [{ row: 1, points: 28 }, ...rowHeights],
    autoFilter: area(0, 3, last, lastRow),
    printTitleRows: '$3:$3',
  };
}

export function noticeSheetsPlan(
  result: NoticeResult,
  forms: readonly CompiledForm[],
  lang: Lang,
  options: { unit?: string } = {},
): NoticeSheetsPlan {
  const t = TEXTS[lang];
  const sheets: NoticeSheetPlan[] = [materialsSheet(result, lang, options.unit ?? ''), remindersSheet(result, lang)];
  for (const material of result.materials) {
    const rollup = result.forms[material];
    const form = forms.find((f) => f.def.id === material);
    if (!rollup || !form) continue;
    const plan = rollupSheetsPlan(rollup, form, lang);
    const label = materialLabel(material, lang);
    for (const sheet of plan.sheets) {
      if (sheet.role === 'issues') continue;
      const kind = sheet.role === 'rows' ? t.rows : t.statusSheet;
      sheets.push({ ...sheet, name: t.sheet(kind, label).slice(0, 31), form: material });
    }
  }
  const issues = issueListSheet(
    result.issues,
    (id) => {
      for (const form of forms) {
        const field = form.byId.get(id);
        if (field) return fieldLabel(field, lang);
      }
      return undefined;
    },
    lang,
    unitsOfIssues(
      Object.values(result.forms).filter((r): r is RollupResult => r !== undefined),
      new Map(result.files.flatMap((f) => (f.unit ? [[f.file, f.unit] as const] : []))),
    ),
    fileNames(result.files.map((f) => f.file)),
  );
  sheets.push(issues);
  return { sheets };
}
