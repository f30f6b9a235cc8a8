/**
 * Telling the locator which form a roll-up expects only makes it faster: the table found is
 * the same as without, on generated tables of every form and on headers naming every field.
 */
import fc from 'fast-check';
import { locateTable } from '../../src/core/table/locate';
import type { Grid } from '../../src/core/table/grid';
import { buildTable, cellArb, compiledForms, tableCaseArb } from '../fuzz/targets';

const forms = compiledForms();

/** What a located table says, without the form object (compared by id). */
function found(grid: Grid, expected?: number) {
  const located = locateTable(grid, forms, expected === undefined ? undefined : forms[expected]);
  return located && { ...located, form: located.form.def.id };
}

describe('locateTable with the expected form', () => {
  it('finds the same table as without, whichever form is expected', () => {
    fc.assert(
      fc.property(tableCaseArb, (t) => {
        const grid = buildTable(t);
        const plain = found(grid);
        for (let e = 0; e < forms.length; e++) expect(found(grid, e)).toEqual(plain);
      }),
      { numRuns: 300 },
    );
  });

  it('a header naming every field of a form: the same table, with the other forms passed over', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: forms.length - 1 }),
        fc.array(fc.array(cellArb, { maxLength: 45 }), { maxLength: 6 }),
        fc.boolean(),
        (f, body, otherLabels) => {
          const form = forms[f]!;
          const labels = form.fields.map((field) => field.label);
          // Another form's labels tacked on the end: more columns matched, for a form that is not whole.
          if (otherLabels) labels.push(...forms[(f + 1) % forms.length]!.fields.map((field) => field.label));
          const grid: Grid = { sheet: 'S', rows: [['2024年汇总表'], labels, ...body], merges: [], typed: true };
          const plain = found(grid);
          expect(plain?.form).toBeDefined();
          for (let e = 0; e < forms.length; e++) expect(found(grid, e)).toEqual(plain);
        },
      ),
      { numRuns: 200 },
    );
  });
});
