/**
 * Which form a set of returned tables is: each source (a file, or a sheet of the open
 * workbook) is read by its labels alone, with the same `locateTable` the roll-up uses, and
 * the form most sources hold is proposed. Sources that hold another form, or none, are named,
 * so that the pane can say where the files disagree. Pure: grids in, form ids out.
 */
import type { CompiledForm } from './compile';
import { locateCard } from '../table/card';
import type { Grid } from '../table/grid';
import { locateTable } from '../table/locate';

/** The forms found in one source, in the order of its sheets (each form once). */
export interface SourceForms {
  source: string;
  forms: string[];
}

export interface FormProposal {
  /** The form most sources hold; undefined when no source holds any. */
  form?: string;
  /** Sources holding the proposed form. */
  matching: string[];
  /** Sources looked at. */
  total: number;
  /** Sources without the proposed form but with another one, by that form (most sources first). */
  others: { form: string; sources: string[] }[];
  /** Sources in which no form was found (not a table of any form, or unreadable). */
  unmatched: string[];
}

/**
 * The forms whose tables are in these grids (a workbook's sheets), in sheet order. A unit may
 * send one workbook with the activity table and the quiz table on two sheets: both count. A
 * sheet with no table may be one unit's return written down the page (a card), as the check reads it.
 */
export function formsOfGrids(grids: readonly Grid[], forms: readonly CompiledForm[]): string[] {
  const found: string[] = [];
  for (const grid of grids) {
    const id = locateTable(grid, forms)?.form.def.id ?? locateCard(grid, forms).card?.form.def.id;
    if (id !== undefined && !found.includes(id)) found.push(id);
  }
  return found;
}

/**
 * The form to propose: the one most sources hold; on a tie, the one earlier in `order` (the
 * pane's list of forms), so that the same files always propose the same form.
 */
export function proposeForm(sources: readonly SourceForms[], order: readonly string[] = []): FormProposal {
  const holders = new Map<string, string[]>();
  for (const source of sources) {
    for (const form of source.forms) holders.set(form, [...(holders.get(form) ?? []), source.source]);
  }
  const rank = (form: string) => {
    const at = order.indexOf(form);
    return at < 0 ? order.length : at;
  };
  const ranked = [...holders.entries()].sort(
    ([a, as], [b, bs]) => bs.length - as.length || rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0),
  );
  const unmatched = sources.filter((s) => s.forms.length === 0).map((s) => s.source);
  const best = ranked[0];
  if (!best) return { matching: [], total: sources.length, others: [], unmatched };

  const [form, matching] = best;
  const others = new Map<string, string[]>();
  for (const source of sources) {
    if (source.forms.length === 0 || source.forms.includes(form)) continue;
    // A source of another form is told by the first form found in it.
    const other = source.forms[0]!;
    others.set(other, [...(others.get(other) ?? []), source.source]);
  }
  return {
    form,
    matching,
    total: sources.length,
    others: [...others.entries()]
      .map(([id, list]) => ({ form: id, sources: list }))
      .sort((a, b) => b.sources.length - a.sources.length || rank(a.form) - rank(b.form)),
    unmatched,
  };
}
