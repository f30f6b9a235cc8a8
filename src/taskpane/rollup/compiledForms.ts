/**
 * The forms as the worker compiles them, kept by the definitions' text: the pane keeps its
 * worker, and a roll-up run again (a corrected file added) or after a peek finds its forms,
 * and the row validator compiled at the first row, ready. Requests bring fresh copies of the
 * definitions (they cross threads), so their text, not the objects, is what is compared.
 */
import { compileForm, type CompiledForm } from '../../core/definitions/compile';
import type { FormDefinition } from '../../core/definitions/types';

const byText = new Map<string, CompiledForm[]>();
/** The shipped forms and a user's own or two: more kinds than this in one pane session are not kept. */
const KEPT = 8;

export function compiledForms(definitions: readonly FormDefinition[]): CompiledForm[] {
  const text = JSON.stringify(definitions);
  let forms = byText.get(text);
  if (!forms) {
    forms = definitions.map(compileForm);
    if (byText.size >= KEPT) byText.clear();
    byText.set(text, forms);
  }
  return forms;
}
