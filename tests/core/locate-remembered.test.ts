/**
 * Returns from one template are found once: a sheet whose rows down to the header read as a
 * sheet's found before shares its table. Whatever came before, each sheet gets the table it
 * gets on its own (found without the expected form, which remembers nothing).
 */
import fc from 'fast-check';
import type { Grid, Merge } from '../../src/core/table/grid';
import { locateTable } from '../../src/core/table/locate';
import { validateTable } from '../../src/core/validate/table';
import type { CellValue } from '../../src/core/values/types';
import { compiledForms } from '../fuzz/targets';

const forms = compiledForms();
const activity = forms.find((f) => f.def.id === 'activity-summary')!;
const labels = activity.fields.map((f) => f.label);
const width = labels.length;

function found(grid: Grid, expected?: (typeof forms)[number]) {
  const located = locateTable(grid, forms, expected);
  return located && { ...located, form: located.form.def.id };
}

const sheet = (rows: CellValue[][], merges: Merge[] = []): Grid => ({ sheet: 'S', rows, merges, typed: true });
const titleMerge = (last = width - 1): Merge => ({ s: { r: 0, c: 0 }, e: { r: 0, c: last } });
const dataRow = (name: string, n: number): CellValue[] => [
  name,
  '基层工会',
  '某区总工会',
  ...Array.from({ length: width - 3 }, (_, i) => (i + n) % 9),
];

describe('a header found before', () => {
  it('is the same table for the next return of the template, found at once', () => {
    const first = sheet([['2024年女职工维权行动月活动数据汇总表'], labels, dataRow('甲', 1)], [titleMerge()]);
    const second = sheet([['2024年女职工维权行动月活动数据汇总表'], [...labels], dataRow('乙', 2), dataRow('丙', 3)], [titleMerge()]);
    const a = locateTable(first, forms, activity);
    const b = locateTable(second, forms, activity);
    expect(b).toBe(a);
    expect(found(second, activity)).toEqual(found(second));
  });

  it('is not taken for a sheet that differs above the data: another year, another title merge, a merge reaching past the header', () => {
    const base = sheet([['2024年汇总表'], labels, dataRow('甲', 1)], [titleMerge()]);
    locateTable(base, forms, activity);
    const variants = [
      sheet([['2023年汇总表'], labels, dataRow('甲', 1)], [titleMerge()]),
      sheet([['2024年汇总表'], labels, dataRow('甲', 1)], []),
      sheet([['2024年汇总表'], labels, [...dataRow('甲', 1), '', '', '', '', '多出']], [titleMerge(width + 3)]),
      sheet([['2024年汇总表', ...Array(width - 1).fill(null), '填报单位'], labels, dataRow('甲', 1)], [titleMerge()]),
    ];
    for (const grid of variants) expect(found(grid, activity)).toEqual(found(grid));
    expect(found(variants[0]!, activity)?.year).toBe(2023);
  });

  it('gives every sheet of any sequence the table it gets alone', () => {
    const titles = ['2024年女职工维权行动月活动数据汇总表', '2023年汇总表', '活动数据', ''];
    const headers = [
      labels,
      [...labels].reverse(),
      [...labels, '备注'],
      labels.slice(0, 20),
      labels.map((l, i) => (i === 3 ? `${l} ` : l)),
    ];
    const bodies = [[dataRow('甲', 1)], [dataRow('乙', 2), ['合计']], [], [['注：以上数据截至3月20日']]];
    // Relative to a header on row 1: over the title, past the header, down into the data, across two labels.
    const mergeSets: Merge[][] = [
      [],
      [titleMerge()],
      [titleMerge(width + 2)],
      [{ s: { r: 1, c: 0 }, e: { r: 2, c: 0 } }],
      [{ s: { r: 1, c: 3 }, e: { r: 1, c: 4 } }],
      [{ s: { r: 1, c: 19 }, e: { r: 1, c: 30 } }],
    ];
    const gridArb = fc
      .record({
        title: fc.nat(titles.length - 1),
        header: fc.nat(headers.length - 1),
        body: fc.nat(bodies.length - 1),
        merges: fc.nat(mergeSets.length - 1),
        titleRows: fc.nat(2),
      })
      .map(({ title, header, body, merges, titleRows }) => {
        const top: CellValue[][] = titleRows === 0 ? [] : titleRows === 1 ? [[titles[title]!]] : [[titles[title]!], ['填报单位（盖章）：']];
        const shift = (m: Merge): Merge => ({ s: { r: m.s.r + top.length - 1, c: m.s.c }, e: { r: m.e.r + top.length - 1, c: m.e.c } });
        const sets = mergeSets[merges]!.filter((m) => m.s.r + top.length - 1 >= 0).map(shift);
        return sheet([...top, headers[header]!, ...bodies[body]!], sets);
      });
    fc.assert(
      fc.property(fc.array(gridArb, { minLength: 1, maxLength: 8 }), (grids) => {
        for (const grid of grids) expect(found(grid, activity)).toEqual(found(grid));
      }),
      { numRuns: 300 },
    );
  });
});

describe('a table shared by sheets of one template', () => {
  it('is checked in each run’s language, day and year', () => {
    const ids = activity.fields.map((f) => f.id);
    const row = labels.map((_, c) =>
      ids[c] === 'unitName' ? '甲单位' : ids[c] === 'fillDate' ? '3月30日' : ids[c] === 'contactPhone' ? '12' : null,
    );
    const grid = sheet([['2024年汇总表'], labels, row], [titleMerge()]);
    const located = locateTable(grid, forms, activity)!;
    expect(locateTable(sheet([['2024年汇总表'], labels, row], [titleMerge()]), forms, activity)).toBe(located);
    const zh = validateTable(grid, located, { lang: 'zh-CN', today: '2024-03-25' });
    const en = validateTable(grid, located, { lang: 'en', today: '2024-03-25' });
    const later = validateTable(grid, located, { lang: 'zh-CN', today: '2024-04-30' });
    const messages = (report: typeof zh) => report.issues.map((i) => `${i.field} ${i.message}`);
    expect(messages(zh).find((m) => m.startsWith('unitLevel'))).toMatch(/[\u4e00-\u9fa5]{4}/);
    expect(messages(en)).toContain('fillDate AK3 Date filled in: 2024-03-30 is after today (2024-03-25). Please check the date');
    // 3月30日 lies after the 25th of March, not after the 30th of April.
    const afterToday = (report: typeof zh) => report.issues.some((i) => i.field === 'fillDate' && i.code === 'rule.date-in-future');
    expect(afterToday(zh)).toBe(true);
    expect(afterToday(later)).toBe(false);
    expect(zh.rows[0]!.values.fillDate).toBe('2024-03-30');
  });
});
