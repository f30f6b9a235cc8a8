/**
 * The "peek" before a roll-up: which forms the chosen files hold, told by their labels (the
 * same `locateTable` the roll-up uses), so that the pane can propose the form. Runs in the
 * worker; a file that cannot be read holds no form. Never throws.
 */
import { compileForm } from '../../core/definitions/compile';
import { formsOfGrids, type SourceForms } from '../../core/definitions/proposeForm';
import { readWorkbook } from '../../files/readWorkbook';
import type { PeekMessage, PeekRequest } from './protocol';

export function performPeek(request: PeekRequest, post: (message: PeekMessage) => void): void {
  try {
    const forms = request.definitions.map(compileForm);
    const sources: SourceForms[] = request.files.map((file) => {
      const read = readWorkbook(file.name, file.bytes);
      return { source: file.name, forms: read.ok ? formsOfGrids(read.grids, forms) : [] };
    });
    post({ type: 'peeked', sources });
  } catch (error) {
    post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
}
