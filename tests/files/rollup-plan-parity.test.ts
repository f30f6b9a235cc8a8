/**
 * The .xlsx roll-up and the in-Excel plan are one thing written two ways: the writer takes
 * every cell from the plan. Checked on the example district (unreadable values written back as
 * typed, phone numbers and dates typed as text, a superseded version, rejected files), in both
 * languages: the same texts and numbers cell for cell — text Excel needs a `'` prefix for is
 * stored without it, as a string — and the same fills, number formats, merges and notes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { compileForm, type CompiledForm } from '../../src/core/definitions/compile';
import { shippedForm, shippedForms } from '../../src/core/definitions/shipped';
import type { Lang } from '../../src/core/definitions/types';
import { expandAreas } from '../../src/core/plan/markPlan';
import { rollupSheetsPlan } from '../../src/core/plan/rollupSheetsPlan';
import type { RollupSheetPlan, SheetPlanValue } from '../../src/core/plan/types';
import type { RollupResult } from '../../src/core/rollup/types';
import { a1 } from '../../src/core/table/grid';
import { readRosterFile, rollUpFiles } from '../../src/files/rollupFiles';
import { writeRollupWorkbook } from '../../src/files/writeRollup';

const activity: CompiledForm = compileForm(shippedForm('activity-summary')!);
const forms = shippedForms.map(compileForm);
const district = resolve(__dirname, '..', '..', 'examples', '河东区-2024');

function districtResult(lang: Lang): RollupResult {
  const dir = join(district, 'returns');
  const files = readdirSync(dir)
    .sort()
    .map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(dir, name))) }));
  const roster = readRosterFile({ name: '单位名单.csv', bytes: new Uint8Array(readFileSync(join(district, '单位名单.csv'))) }, lang);
  const result = rollUpFiles(files, {
    form: activity,
    forms,
    lang,
    roster,
    deadline: '2024-03-25',
    unit: '河东区总工会',
    today: '2024-03-28',
    createdAt: '2024-03-26T02:30:00.000Z',
  });
  // Text that needs Excel's prefix, and text that itself begins with an apostrophe.
  const first = result.rows.find((row) => row.status === 'counted')!;
  first.values = { ...first.values, contactPerson: '=HYPERLINK("http://x")', notes: "'引号开头的备注" };
  return result;
}

type XlsxCell = XLSX.CellObject & { s?: { fgColor?: { rgb?: string } } };

/** Every address of a sheet plan's grid with its value. */
function planCells(sheet: RollupSheetPlan): [string, SheetPlanValue][] {
  return sheet.values.flatMap((row, r) => row.map((value, c): [string, SheetPlanValue] => [a1(r, c), value]));
}

describe.each(['zh-CN', 'en'] as const)('the .xlsx roll-up is the plan, written to a file (%s)', (lang) => {
  let result: RollupResult;
  let book: XLSX.WorkBook;
  let sheets: RollupSheetPlan[];

  beforeAll(async () => {
    result = districtResult(lang);
    sheets = rollupSheetsPlan(result, activity, lang).sheets;
    book = XLSX.read(await writeRollupWorkbook(result, activity, { lang }), { cellStyles: true, cellNF: true });
  });

  it('has the example district’s awkward cells to compare', () => {
    const rows = sheets[0]!;
    expect(rows.values.flat()).toContain('若干');
    expect(rows.values.flat()).toContain(`'=HYPERLINK("http://x")`);
    expect(rows.textPrefixed!.length).toBeGreaterThan(0);
    expect(rows.notes!.length).toBeGreaterThan(0);
  });

  it('carries the same cell texts and numbers, the text prefix stored as a plain string', () => {
    expect(book.SheetNames.slice(0, 3)).toEqual(sheets.map((s) => s.name));
    for (const sheet of sheets) {
      const xlsx = book.Sheets[sheet.name]!;
      const prefixed = new Set(expandAreas(sheet.textPrefixed ?? []));
      const expected: [string, SheetPlanValue][] = [];
      const actual: [string, unknown][] = [];
      for (const [address, value] of planCells(sheet)) {
        const cell = xlsx[address] as XlsxCell | undefined;
        if (prefixed.has(address)) {
          expect([sheet.name, address, String(value)[0]]).toEqual([sheet.name, address, "'"]);
          expected.push([address, String(value).slice(1)]);
        } else expected.push([address, value]);
        actual.push([address, cell?.v === undefined ? '' : cell.v]);
        if (typeof value === 'string' && value) expect([sheet.name, address, cell?.t]).toEqual([sheet.name, address, 's']);
        if (cell?.f) throw new Error(`${sheet.name}!${address} is a formula`);
      }
      expect([sheet.name, actual]).toEqual([sheet.name, expected]);
      // Nothing outside the plan's grid.
      const range = XLSX.utils.decode_range(xlsx['!ref']!);
      expect([sheet.name, range.e.r + 1, range.e.c + 1]).toEqual([sheet.name, sheet.values.length, sheet.widths.length]);
    }
  });

  it('keeps a text that begins with an apostrophe as it is, and one that looks like a formula as text', () => {
    const sheet = book.Sheets['汇总']!;
    const texts = Object.values(sheet)
      .filter((c): c is XLSX.CellObject => typeof c === 'object' && c !== null && 'v' in c)
      .map((c) => c.v);
    expect(texts).toContain("'引号开头的备注");
    expect(texts).toContain('=HYPERLINK("http://x")');
    expect(texts).toContain('若干');
  });

  it('has the same fills, number formats, merges and notes', () => {
    for (const sheet of sheets) {
      const xlsx = book.Sheets[sheet.name]!;
      for (const fill of sheet.fills)
        for (const address of expandAreas(fill.areas)) {
          const rgb = (xlsx[address] as XlsxCell | undefined)?.s?.fgColor?.rgb;
          expect([sheet.name, address, rgb]).toEqual([sheet.name, address, fill.color.slice(1)]);
        }
      for (const { format, areas } of sheet.numberFormats)
        for (const address of expandAreas(areas)) {
          const cell = xlsx[address] as XlsxCell | undefined;
          if (cell?.t === 'n') expect([sheet.name, address, cell.z]).toEqual([sheet.name, address, format]);
        }
      const merges = (xlsx['!merges'] ?? []).map((m) => XLSX.utils.encode_range(m)).sort();
      expect([sheet.name, merges]).toEqual([sheet.name, [...sheet.merges].sort()]);
      const notes = Object.entries(xlsx)
        .filter(([address, cell]) => !address.startsWith('!') && (cell as XLSX.CellObject).c?.length)
        .map(([address, cell]) => [address, (cell as XLSX.CellObject).c!.map((c) => c.t).join('')])
        .sort();
      const planned = (sheet.notes ?? []).map((n) => [n.address, n.text]).sort();
      expect([sheet.name, notes]).toEqual([sheet.name, planned]);
    }
  });
});
