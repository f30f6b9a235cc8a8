/**
 * Rows entered outside Excel, kept per form in the browser's localStorage so that switching
 * form or reloading the pane loses nothing. Storage can be missing or refuse (a file:// page in
 * some browsers, private windows): the rows then live only as long as the pane, as before.
 */
import { useCallback, useEffect, useState } from 'react';
import { formTitle, type CompiledForm } from '../core/definitions/compile';
import type { Lang } from '../core/definitions/types';

export type EnteredRow = Record<string, unknown>;

const KEY_PREFIX = 'huizong.entered.';

export function storageKey(formId: string): string {
  return KEY_PREFIX + formId;
}

function storage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined; // reading localStorage itself throws where it is forbidden
  }
}

export function loadRows(formId: string, store: Storage | undefined = storage()): EnteredRow[] {
  try {
    const text = store?.getItem(storageKey(formId));
    const parsed: unknown = text ? JSON.parse(text) : [];
    return Array.isArray(parsed) ? parsed.filter((r): r is EnteredRow => r !== null && typeof r === 'object' && !Array.isArray(r)) : [];
  } catch {
    return [];
  }
}

export function storeRows(formId: string, rows: readonly EnteredRow[], store: Storage | undefined = storage()): void {
  try {
    if (rows.length === 0) store?.removeItem(storageKey(formId));
    else store?.setItem(storageKey(formId), JSON.stringify(rows));
  } catch {
    // full or forbidden: the rows stay in the pane until it is closed
  }
}

/** Characters Windows and macOS do not allow in a file name (control characters included, on purpose). */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\\/:*?"<>|\u0000-\u001f]/g;

/**
 * The CSV's name: the unit and the form (`河东区总工会-活动数据汇总表.csv`), so that each unit's file
 * is told apart in a district's folder; rows of several units are named by the form and their count.
 */
export function csvName(form: CompiledForm, rows: readonly EnteredRow[], lang: Lang): string {
  const key = form.def.rollupKey;
  const units = [...new Set(rows.map((r) => (typeof r[key] === 'string' ? (r[key] as string).trim() : '')).filter(Boolean))];
  const title = formTitle(form, lang);
  const base =
    units.length === 1 ? `${units[0]}-${title}` : lang === 'en' ? `${title} (${rows.length} rows)` : `${title}（${rows.length}行）`;
  return `${base.replace(UNSAFE, '_')}.csv`;
}

/** The rows entered for one form: kept in storage, added to on 保存, removed one by one. */
export function useEnteredRows(formId: string): { rows: EnteredRow[]; add: (row: EnteredRow) => void; remove: (index: number) => void } {
  const [state, setState] = useState<{ formId: string; rows: EnteredRow[] }>(() => ({ formId, rows: loadRows(formId) }));
  // Another form chosen: its own rows come back.
  const rows = state.formId === formId ? state.rows : loadRows(formId);
  useEffect(() => {
    if (state.formId !== formId) setState({ formId, rows: loadRows(formId) });
  }, [formId, state.formId]);
  const update = useCallback(
    (change: (rows: EnteredRow[]) => EnteredRow[]) =>
      setState((current) => {
        const base = current.formId === formId ? current.rows : loadRows(formId);
        const next = change(base);
        storeRows(formId, next);
        return { formId, rows: next };
      }),
    [formId],
  );
  const add = useCallback((row: EnteredRow) => update((r) => [...r, row]), [update]);
  const remove = useCallback((index: number) => update((r) => r.filter((_, i) => i !== index)), [update]);
  return { rows, add, remove };
}
