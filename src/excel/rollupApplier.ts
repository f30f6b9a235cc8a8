/**
 * The applier of 写入汇总: the roll-up's (or the notice's) sheets written in place of the
 * earlier run's, recorded on `_huizong`, put back whole should a batch fail.
 */
import { readRollupSheetsRecord, withRollupRecord, type RollupSheetsRecord } from '../core/meta/records';
import type { NoticeSheetsPlan } from '../core/plan/noticeSheetsPlan';
import type { RollupSheetNames, RollupSheetRole, RollupSheetsPlan } from '../core/plan/types';
import { Batch } from './batch';
import { uniqueName } from './layout';
import { metaKeys, metaPairs, PartlyWritten, putBack, syncWithMeta, writeMeta } from './meta';
import { queueProtection, refuseProtected } from './protection';
import { queueRollupChart, queueRollupSheet, VALUES_BLOCK } from './rollupSheets';

/** The roles of the single-form roll-up's sheets, whose names the writer hands back; the notice's 报送材料 and 催报名单 are not. */
export function isRollupRole(role: string): role is RollupSheetRole {
  return role === 'rows' || role === 'status' || role === 'issues' || role === 'comparison';
}

/**
 * 3 syncs (see rollupSheets.ts), one more per further ~4 MB of commands: at most 4 for
 * 10,000 activity rows, the requests sized by `budget`, range areas by `limit`; `printable`
 * says whether the host has the page setup (asked as each sheet is written).
 */
export async function writeRollup(
  context: Excel.RequestContext,
  plan: RollupSheetsPlan | NoticeSheetsPlan,
  budget: number,
  limit: { chars: number; areas: number },
  printable: () => boolean,
): Promise<RollupSheetNames> {
  const { main, meta } = await syncWithMeta(
    context,
    () => {
      const collection = context.workbook.worksheets;
      collection.load('items/name,items/id');
      return { sheets: collection, protection: queueProtection(context) };
    },
    metaKeys,
  );
  // Refused before anything is written where the workbook's structure is protected.
  refuseProtected(main.protection, undefined, true);
  const sheets = main.sheets;
  const pairs = metaPairs(meta);
  const record = readRollupSheetsRecord(pairs);
  const before = sheets.items.map((s) => ({ id: s.id, name: s.name }));
  const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
  const ours = sheets.items.filter((sheet) => record?.sheets.some((r) => r.id === sheet.id && same(r.name, sheet.name)));

  // Ours out of the way, the new ones in, ours gone; the new sheets' ids.
  const taken = sheets.items.map((sheet) => sheet.name);
  const free = new Set(ours.map((sheet) => sheet.name.toLowerCase()));
  const unavailable = taken.filter((name) => !free.has(name.toLowerCase()));
  ours.forEach((sheet, i) => {
    const temporary = uniqueName(`~huizong-old-${i + 1}`, [...taken, ...unavailable], 31, (base, n) => `${base}-${n}`);
    unavailable.push(temporary);
    sheet.name = temporary;
  });
  const names = {} as RollupSheetNames;
  // By index in the plan: the whole notice repeats 汇总 / 报送情况 once per form.
  const given: string[] = [];
  try {
    const added: Excel.Worksheet[] = [];
    for (const sheetPlan of plan.sheets) {
      const name = uniqueName(sheetPlan.name, unavailable, 31, (base, n) => `${base}(${n})`);
      unavailable.push(name);
      given.push(name);
      if (isRollupRole(sheetPlan.role)) names[sheetPlan.role] ??= name;
      const sheet = context.workbook.worksheets.add(name);
      sheet.load('id');
      added.push(sheet);
    }
    await context.sync();

    // The record first, then the sheets and the chart.
    const batch = new Batch(context, budget);
    const written: RollupSheetsRecord = {
      v: 1,
      sheets: plan.sheets.map((p, i) => ({ role: p.role, name: given[i] ?? p.name, id: added[i]?.id ?? '' })),
    };
    await writeMeta(batch, meta, withRollupRecord(pairs, written));
    const blockBytes = Math.max(1024, Math.min(VALUES_BLOCK, Math.floor(budget / 4)));
    for (const [i, sheetPlan] of plan.sheets.entries()) {
      const sheet = added[i];
      if (sheet) await queueRollupSheet(batch, sheet, sheetPlan, limit, blockBytes, printable());
    }
    const chart = 'chart' in plan ? plan.chart : undefined;
    if (chart) {
      const onAt = plan.sheets.findIndex((p) => p.role === chart.on);
      const dataAt = plan.sheets.findIndex((p) => p.role === chart.dataSheet);
      const chartOn = added[onAt];
      const chartData = added[dataAt];
      const dataPlan = plan.sheets[dataAt];
      if (chartOn && chartData && dataPlan) await queueRollupChart(batch, chartOn, chartData, chart, dataPlan.values);
    }
    // Ours go last, once the new ones are whole (the workbook never runs out of visible sheets).
    for (const sheet of ours) sheet.delete();
    const first =
      added[
        Math.max(
          0,
          plan.sheets.findIndex((p) => p.role === 'rows'),
        )
      ];
    if (first) {
      first.activate();
      first.getRange('select' in plan ? plan.select : 'A1').select();
    }
    await batch.sync();
  } catch (error) {
    const undo = { meta, sheets: before };
    if (!(await putBack(context, undo)))
      throw new PartlyWritten(
        'rollup',
        {
          sheets: given.map((n) => `“${n}”`).join(''),
        },
        error,
      );
    throw error;
  }
  return names;
}
