/**
 * The roster (单位名单) of a roll-up: a file chosen, or (in Excel) a sheet of the workbook or a
 * new blank one; under it, what was chosen and how many units it lists, or why it cannot be one.
 */
import { useRef } from 'react';
import { Button, Field, makeStyles, tokens } from '@fluentui/react-components';
import type { Lang } from '../../core/definitions/types';
import { downloadBytes } from '../fileIO';
import type { RosterCheck } from '../rollup/checkRoster';
import type { RollupFile } from '../rollup/protocol';
import { OneFileInput, SheetSelect } from './SheetPick';
import { panelStrings } from './strings';

export type RosterChoice =
  /** A file: checked when chosen (`check` once read). */
  | { kind: 'file'; file: RollupFile; check?: RosterCheck }
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
        validationState={
          (roster?.kind === 'sheet' && roster.problem !== undefined) || (roster?.kind === 'file' && roster.check?.problem !== undefined)
            ? 'warning'
            : 'none'
        }
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
          {!onCreateSheet && (
            <Button size="small" onClick={() => void downloadBlankRoster(lang, t.blankRosterName)}>
              {t.downloadRoster}
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

/** The blank roster (the same columns as the sheet Excel users get), made when asked for. */
async function downloadBlankRoster(lang: Lang, name: string): Promise<void> {
  const { writeRosterTemplateWorkbook } = await import('../../files/writeRosterTemplate');
  downloadBytes(name, await writeRosterTemplateWorkbook(lang));
}

/** What the roster field says under it: the file, the sheet and its units, or the columns wanted. */
function rosterHint(roster: RosterChoice | undefined, t: (typeof panelStrings)[Lang]['rollup']): string {
  if (!roster) return t.rosterHint;
  if (roster.kind === 'file') {
    const { file, check } = roster;
    if (!check) return t.rosterChecking(file.name);
    return check.problem !== undefined
      ? t.rosterFileProblem(file.name, check.problem)
      : t.rosterFromFile(file.name, check.units, check.levels);
  }
  if (roster.problem !== undefined) return t.rosterSheetEmpty(roster.sheet, roster.problem);
  return roster.units === undefined ? roster.sheet : t.rosterFromSheet(roster.sheet, roster.units);
}
