/**
 * 同比: this year beside last year, as a sheet of the roll-up (pure plan, written by the same
 * writers as the other sheets). One line per unit and indicator, the totals first; units new
 * this year or gone since marked; a unit and indicator given in neither year left out.
 */
import { fieldLabel, formTitle, type CompiledForm } from '../definitions/compile';
import type { Lang } from '../definitions/types';
import type { LastYearComparison, YearPair } from '../rollup/types';
import { columnName } from '../table/grid';
import type { RollupSheetPlan, SheetPlanValue } from './types';

export const COMPARISON_SHEET_NAME = '同比';

const TEXTS = {
  'zh-CN': {
    title: (form: string) => `${form}同比`,
    info: (file: string, n: number, notCompared: string) =>
      `去年：${file}；比较 ${n} 项指标${notCompared ? `；去年表中没有、不作比较的指标：${notCompared}` : ''}`,
    headers: ['单位名称', '同比情况', '指标', '今年', '去年', '增减', '增减幅度'],
    total: '合计',
    status: { both: '', new: '今年新增', gone: '去年有、今年未报' },
    list: '、',
  },
  en: {
    title: (form: string) => `${form}: this year against last year`,
    info: (file: string, n: number, notCompared: string) =>
      `Last year: ${file}; ${n} indicators compared${notCompared ? `; not in last year's table, not compared: ${notCompared}` : ''}`,
    headers: ['Unit', 'Compared', 'Indicator', 'This year', 'Last year', 'Change', 'Change %'],
    total: 'Total',
    status: { both: '', new: 'New this year', gone: 'Reported last year, not this year' },
    list: ', ',
  },
} as const;

const WIDTH = 7;
const HEADER_ROW = 3;

function cell(c: number, r: number): string {
  return `${columnName(c)}${r}`;
}

function span(c1: number, r1: number, c2: number, r2: number): string {
  return `${cell(c1, r1)}:${cell(c2, r2)}`;
}

function line(unit: string, status: string, label: string, pair: YearPair): SheetPlanValue[] {
  const rate = pair.change !== null && pair.lastYear !== null && pair.lastYear > 0 ? pair.change / pair.lastYear : '';
  return [unit, status, label, pair.thisYear ?? '', pair.lastYear ?? '', pair.change ?? '', rate];
}

/** The 同比 sheet; `textPrefixed` is left for the caller to fill as for the other sheets. */
export function comparisonSheet(comparison: LastYearComparison, form: CompiledForm, lang: Lang): RollupSheetPlan {
  const t = TEXTS[lang];
  const label = (id: string) => {
    const field = form.byId.get(id);
    return field ? fieldLabel(field, lang) : id;
  };
  const values: SheetPlanValue[][] = [];
  const blank = () => Array.from({ length: WIDTH }, (): SheetPlanValue => '');
  const titleRow = blank();
  titleRow[0] = t.title(formTitle(form, lang));
  values.push(titleRow);
  const info = blank();
  info[0] = t.info(comparison.file, comparison.fields.length, comparison.notCompared.map(label).join(t.list));
  values.push(info);
  values.push([...t.headers]);
  for (const id of comparison.fields)
    values.push(line(t.total, '', label(id), comparison.total[id] ?? { thisYear: null, lastYear: null, change: null }));
  const totalEnd = values.length;
  for (const unit of comparison.units) {
    for (const id of comparison.fields) {
      const pair = unit.values[id];
      if (!pair || (pair.thisYear === null && pair.lastYear === null)) continue;
      values.push(line(unit.unit, t.status[unit.status], label(id), pair));
    }
  }
  const lastRow = Math.max(HEADER_ROW, values.length);
  const first = HEADER_ROW + 1;
  const totalFill = totalEnd >= first ? [{ color: '#F2F2F2', areas: [span(0, first, WIDTH - 1, totalEnd)] }] : [];
  return {
    role: 'comparison',
    name: COMPARISON_SHEET_NAME,
    values,
    textPrefixed: [],
    widths: [30, 18, 30, 12, 12, 12, 12],
    numberFormats:
      lastRow > HEADER_ROW
        ? [
            { format: '#,##0', areas: [span(3, first, 5, lastRow)] },
            { format: '0.0%', areas: [span(6, first, 6, lastRow)] },
          ]
        : [],
    titleRow: 1,
    headerRows: [HEADER_ROW],
    merges: [span(0, 1, WIDTH - 1, 1), span(0, 2, WIDTH - 1, 2)],
    freeze: { rows: HEADER_ROW, columns: 1 },
    fills: totalFill,
    fonts: [
      { areas: [cell(0, 1)], bold: true, size: 16 },
      ...(totalEnd >= first ? [{ areas: [span(0, first, WIDTH - 1, totalEnd)], bold: true }] : []),
    ],
    centred: [],
    wrap: [],
    borders: [span(0, HEADER_ROW, WIDTH - 1, lastRow)],
    rowHeights: [],
    autoFilter: span(0, HEADER_ROW, WIDTH - 1, lastRow),
  };
}
