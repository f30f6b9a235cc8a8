/**
 * The "peek" before a roll-up: which forms the chosen files hold, told by their labels (the
 * same `locateTable` the roll-up uses), so that the pane can propose the form. Runs in the
 * worker; a file that cannot be read holds no form. Never throws.
 */
import { formsOfGrids, type SourceForms } from '../../core/definitions/proposeForm';
import { compiledForms } from './compiledForms';
import type { PeekMessage, PeekRequest } from './protocol';
import { readInWorker } from './readInWorker';

export async function performPeek(request: PeekRequest, post: (message: PeekMessage) => void): Promise<void> {
  try {
    const forms = compiledForms(request.definitions);
    const sources: SourceForms[] = [];
    for (const file of request.files) {
      const read = await readInWorker(file);
      sources.push({ source: file.name, forms: read.ok ? formsOfGrids(read.grids, forms) : [] });
    }
    post({ type: 'peeked', sources });
    // While the person looks at the proposal: the row checks of the forms found, compiled now
    // (the worker is kept), so that the roll-up does not wait for them.
    const found = new Set(sources.flatMap((s) => s.forms));
    try {
      for (const form of forms) if (found.has(form.def.id)) form.validateRow({});
    } catch {
      // A form that cannot be compiled says so when the roll-up uses it.
    }
  } catch (error) {
    // The engine's or a library's own words are for the console only: the pane proposes
    // nothing and the person picks the form, as for files of no known form.
    console.error(error);
    post({ type: 'failed' });
  }
}
