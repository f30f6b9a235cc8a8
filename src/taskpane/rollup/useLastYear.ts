/**
 * Last year's roll-up for the pane's 汇总 (同比): a file chosen, or in Excel a sheet of the open
 * workbook — the sheet remembered on `_huizong` (key `lastYearSheet`), so the next roll-up in
 * this workbook compares with it again. The worker reads either as the CLI reads --last-year.
 */
import { useEffect, useState } from 'react';
import type { RollupFile, RollupRequest, WorkbookGrid } from './protocol';

export type LastYearChoice = { kind: 'file'; file: RollupFile } | { kind: 'sheet'; sheet: string };

/** What the hook needs of the open workbook (Excel only). */
export interface LastYearWorkbook {
  readSources(sheets: readonly string[], rosterSheet: undefined): Promise<{ sheets: WorkbookGrid[] }>;
  rememberLastYear?: { read(): Promise<string | undefined>; write(sheet: string | undefined): Promise<void> };
}

export interface LastYearState {
  choice: LastYearChoice | undefined;
  chooseFile(file: RollupFile | undefined): void;
  /** '' forgets the sheet. */
  chooseSheet(sheet: string): void;
  remove(): void;
  /** Last year as the roll-up request carries it: a copy of the file, or the sheet as it is now. */
  forRequest(): Promise<Pick<RollupRequest, 'lastYear' | 'lastYearSheet'>>;
}

export function useLastYear(workbook: LastYearWorkbook | undefined, sheets: readonly string[] | undefined): LastYearState {
  const [choice, setChoice] = useState<LastYearChoice | undefined>();
  const remember = workbook?.rememberLastYear;

  useEffect(() => {
    let live = true;
    // Not remembered, or unreadable: nothing is picked, as in a browser.
    remember
      ?.read()
      .then((sheet) => live && sheet && setChoice((current) => current ?? { kind: 'sheet', sheet }))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [remember]);

  // A remembered sheet since deleted or renamed is not offered (the record stays until another pick).
  const shown = choice?.kind === 'sheet' && sheets !== undefined && !sheets.includes(choice.sheet) ? undefined : choice;

  // Remembering is a convenience: a failure (the user typing in a cell) leaves the pick as it is on screen.
  const keep = (sheet: string | undefined) => void remember?.write(sheet).catch(() => undefined);

  return {
    choice: shown,
    chooseFile(file) {
      if (!file) return;
      if (choice?.kind === 'sheet') keep(undefined);
      setChoice({ kind: 'file', file });
    },
    chooseSheet(sheet) {
      setChoice(sheet ? { kind: 'sheet', sheet } : undefined);
      keep(sheet || undefined);
    },
    remove() {
      if (choice?.kind === 'sheet') keep(undefined);
      setChoice(undefined);
    },
    async forRequest() {
      if (shown?.kind === 'file') return { lastYear: { ...shown.file, bytes: shown.file.bytes.slice() } };
      if (shown?.kind === 'sheet' && workbook) {
        const [grid] = (await workbook.readSources([shown.sheet], undefined)).sheets;
        return grid ? { lastYearSheet: grid } : {};
      }
      return {};
    },
  };
}
