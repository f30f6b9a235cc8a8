/**
 * The form proposed for a roll-up, from the labels of the chosen files (peeked at in the
 * worker) and of the ticked sheets of the workbook (read by the pane). Each new answer
 * selects the proposed form once; the person may choose another one afterwards, and it stays
 * until the files or sheets change again.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { proposeForm, type FormProposal, type SourceForms } from '../../core/definitions/proposeForm';
import type { FormDefinition } from '../../core/definitions/types';
import type { RollupFile } from './protocol';
import { PEEK_FILES, RollupCancelled, startPeek } from './startRollup';

export interface ProposalState {
  /** True while the files are being peeked at. */
  pending: boolean;
  proposal?: FormProposal;
  /** Files looked at, of those chosen (the peek reads the first PEEK_FILES). */
  looked: number;
  chosen: number;
  /** Whether sheets of the workbook are among the sources. */
  withSheets: boolean;
}

export function useFormProposal(
  files: readonly RollupFile[],
  sheetSources: readonly SourceForms[],
  definitions: readonly FormDefinition[],
  onProposal: ((form: string) => void) | undefined,
): ProposalState {
  const [fileSources, setFileSources] = useState<SourceForms[]>([]);
  const [pending, setPending] = useState(false);
  const propose = useRef(onProposal);
  propose.current = onProposal;

  useEffect(() => {
    if (files.length === 0) {
      setFileSources([]);
      setPending(false);
      return;
    }
    setPending(true);
    const run = startPeek({ files: [...files], definitions: [...definitions] });
    let live = true;
    run.done.then(
      (answer) => {
        if (!live) return;
        setFileSources(answer.sources);
        setPending(false);
      },
      (error: unknown) => {
        // A newer choice of files cancelled this one; any other failure just proposes nothing.
        if (!live || error instanceof RollupCancelled) return;
        setFileSources([]);
        setPending(false);
      },
    );
    return () => {
      live = false;
      run.cancel();
    };
  }, [files, definitions]);

  const proposal = useMemo(() => {
    const sources = [...fileSources, ...sheetSources];
    return sources.length
      ? proposeForm(
          sources,
          definitions.map((d) => d.id),
        )
      : undefined;
  }, [fileSources, sheetSources, definitions]);

  // Once per new answer — other sources, or another form proposed for them — never again for
  // the same one (a definition loaded, the language switched): the person's own pick stays.
  const selected = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (!proposal?.form) return;
    const answer = [proposal.form, ...fileSources.map((s) => s.source), ...sheetSources.map((s) => s.source)].join('\u0000');
    if (answer === selected.current) return;
    selected.current = answer;
    propose.current?.(proposal.form);
  }, [proposal, fileSources, sheetSources]);

  return {
    pending,
    ...(proposal ? { proposal } : {}),
    looked: Math.min(files.length, PEEK_FILES),
    chosen: files.length,
    withSheets: sheetSources.length > 0,
  };
}
