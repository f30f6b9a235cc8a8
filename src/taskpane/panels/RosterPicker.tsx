/**
 * The roster (单位名单) of a roll-up: a file chosen, or (in Excel) a sheet of the workbook or a
 * new blank one; under it, what was chosen and how many units it lists, or why it cannot be one.
 */
import { useRef } from 'react';
import { Button, Field, makeStyles, tokens } from '@fluentui/react-components';
import type { Lang } from '../../core/definitions/types';
import type { RollupFile } from '../rollup/protocol';
import { OneFileInput, SheetSelect } from './SheetPick';
import { panelStrings } from './strings';

export type RosterChoice =
  | { kind: 'file'; file: RollupFile }
  /** A sheet of this workbook: read again when the roll-up starts (it may have been edited). */
  | { kind: 'sheet'; sheet: string; units?: number; problem?: string };

const useStyles = makeStyles({
  row: { display: 'flex', columnGap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
});

export interface RosterPickerProps {
  lang: Lang;
  roster: RosterChoice | undefined;
  /** The workbook's sheets that could be the roster (Excel only). */
  sheets: readonly string[] | undefined;
  onChooseFile: (file: RollupFile | undefined) => void;
  onChooseSheet: (sheet: string) => void;
  /** Adds a blank 单位名单 sheet (Excel only). */
  onCreateSheet?: () => void;
  onRemove: () => void;
}

export function RosterPicker({ lang, roster, sheets, onChooseFile, onChooseSheet, onCreateSheet, onRemove }: RosterPickerProps) {
  const styles = useStyles();
  const t = panelStrings[lang].rollup;
  const input = useRef<HTMLInputElement>(null);
  const rosterSheet = roster?.kind === 'sheet' ? roster.sheet : undefined;
  return (
    <>
      <Field
        label={t.roster}
        hint={rosterHint(roster, t)}
        validationState={roster?.kind === 'sheet' && roster.problem !== undefined ? 'warning' : 'none'}
      >
        <div className={styles.row}>
          <Button size="small" onClick={() => input.current?.click()}>
            {t.chooseRoster}
          </Button>
          {onCreateSheet && (
            <Button size="small" onClick={onCreateSheet}>
              {t.newRosterSheet}
            </Button>
          )}
          {roster && (
            <Button size="small" appearance="subtle" onClick={onRemove}>
              {t.remove}
            </Button>
          )}
        </div>
      </Field>
      {sheets && (
        <SheetSelect
          label={t.rosterSheet}
          value={rosterSheet}
          sheets={sheets}
          none={t.rosterSheetNone}
          onChange={onChooseSheet}
          testId="roster-sheet"
        />
      )}
      <OneFileInput inputRef={input} testId="roster-input" onChoose={onChooseFile} />
    </>
  );
}

/** What the roster field says under it: the file, the sheet and its units, or the columns wanted. */
function rosterHint(roster: RosterChoice | undefined, t: (typeof panelStrings)[Lang]['rollup']): string {
  if (!roster) return t.rosterHint;
  if (roster.kind === 'file') return roster.file.name;
  if (roster.problem !== undefined) return t.rosterSheetEmpty(roster.sheet, roster.problem);
  return roster.units === undefined ? roster.sheet : t.rosterFromSheet(roster.sheet, roster.units);
}
