/**
 * A roll-up run's state for the pane: idle → running (with progress) → done or failed, and
 * 取消 — which stops this run in the worker (never the whole notice running beside it), or,
 * pressed while the workbook is still being read before the worker starts, stops the run as
 * soon as that read ends.
 */
import { useRef, useState } from 'react';
import type { RollupResult } from '../../core/rollup/types';
import type { RollupRequest } from './protocol';
import { RollupCancelled, startRollup, type RollupRun } from './startRollup';

export type RunState =
  | { kind: 'idle' }
  | { kind: 'running'; index: number; total: number; file: string }
  | { kind: 'done'; result: RollupResult; workbook?: Uint8Array }
  | { kind: 'failed'; message: string }
  /** 取消 pressed: said, so the person knows the click took. */
  | { kind: 'cancelled' };

export interface RollupSteps {
  /** Files and sheets to take, for the progress bar until the worker reports. */
  total: number;
  /** What must be read before the worker starts (the workbook's sheets); a failure ends the run with `prepareFailed`. */
  prepare: () => Promise<RollupRequest>;
  prepareFailed: (error: unknown) => string;
  /** After the result is in (writing it into the workbook); a failure ends the run with `failed`. */
  after?: (result: RollupResult) => Promise<void>;
  failed: (error: unknown) => string;
}

export function useRollupRun(): {
  state: RunState;
  execute: (steps: RollupSteps) => Promise<void>;
  cancel: () => void;
  /** Back to idle: the last run's result or message is gone (清空). */
  reset: () => void;
} {
  const [state, setState] = useState<RunState>({ kind: 'idle' });
  const run = useRef<RollupRun | undefined>(undefined);
  /** 取消 pressed while the workbook's sheets were still being read, before the worker started. */
  const cancelledEarly = useRef(false);

  const execute = async (steps: RollupSteps): Promise<void> => {
    cancelledEarly.current = false;
    setState({ kind: 'running', index: 0, total: steps.total, file: '' });
    let request: RollupRequest;
    try {
      request = await steps.prepare();
    } catch (error) {
      setState({ kind: 'failed', message: steps.prepareFailed(error) });
      return;
    }
    if (cancelledEarly.current) {
      setState({ kind: 'cancelled' });
      return;
    }
    const current = startRollup(request, (p) => setState({ kind: 'running', index: p.index, total: p.total, file: p.file }));
    run.current = current;
    try {
      const done = await current.done;
      setState(done.workbook ? { kind: 'done', result: done.result, workbook: done.workbook } : { kind: 'done', result: done.result });
      await steps.after?.(done.result);
    } catch (error) {
      if (error instanceof RollupCancelled) setState({ kind: 'cancelled' });
      else setState({ kind: 'failed', message: steps.failed(error) });
    } finally {
      run.current = undefined;
    }
  };

  const cancel = () => {
    if (run.current) run.current.cancel();
    else cancelledEarly.current = true;
  };

  const reset = () => {
    if (!run.current) setState({ kind: 'idle' });
  };

  return { state, execute, cancel, reset };
}
