/**
 * 去年的汇总 (同比) in the 汇总 panel: last year's roll-up of the same form as a file, or in Excel
 * a sheet of the open workbook; under it, what was picked and what it gives (a 同比 sheet and a
 * warning on figures ten times off last year's).
 */
import { useRef } from 'react';
import { Button, Field, makeStyles, tokens } from '@fluentui/react-components';
import type { Lang } from '../../core/definitions/types';
import type { LastYearState } from '../rollup/useLastYear';
import { OneFileInput, SheetSelect } from './SheetPick';

const TEXTS = {
  'zh-CN': {
    label: '去年的汇总（同比，可选）',
    hint: '选择去年同一张表的汇总工作簿：汇总后增加“同比”工作表，与去年相差十倍以上的数会提示核对',
    chooseFile: '选择去年的汇总…',
    sheet: '或用本工作簿中的工作表作去年的汇总',
    none: '（不使用）',
    fromSheet: (sheet: string) => `本工作簿的工作表“${sheet}”`,
    remove: '移除',
    written: '另写入“同比”工作表。',
  },
  en: {
    label: "Last year's roll-up (optional)",
    hint: "Choose last year's roll-up workbook of the same form: the roll-up then gets a sheet comparing the two years, and figures ten times off last year's are flagged",
    chooseFile: "Choose last year's roll-up…",
    sheet: "Or use a sheet of this workbook as last year's",
    none: '(none)',
    fromSheet: (sheet: string) => `Sheet "${sheet}" of this workbook`,
    remove: 'Remove',
    written: 'It also wrote the sheet comparing this year with last year.',
  },
} as const;

/** Said after the roll-up's sheets are written into the workbook, where last year was compared. */
export function comparisonWritten(lang: Lang): string {
  return TEXTS[lang].written;
}

const useStyles = makeStyles({
  row: { display: 'flex', columnGap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
});

export interface LastYearPickerProps {
  lang: Lang;
  state: LastYearState;
  /** The workbook's sheets that could be last year's (Excel only). */
  sheets: readonly string[] | undefined;
}

export function LastYearPicker({ lang, state, sheets }: LastYearPickerProps) {
  const styles = useStyles();
  const t = TEXTS[lang];
  const input = useRef<HTMLInputElement>(null);
  const { choice } = state;
  const sheet = choice?.kind === 'sheet' ? choice.sheet : undefined;
  const hint = !choice ? t.hint : choice.kind === 'file' ? choice.file.name : t.fromSheet(choice.sheet);
  return (
    <>
      <Field label={t.label} hint={hint}>
        <div className={styles.row}>
          <Button size="small" onClick={() => input.current?.click()}>
            {t.chooseFile}
          </Button>
          {choice && (
            <Button size="small" appearance="subtle" onClick={state.remove} aria-label={`${t.remove} ${t.label}`}>
              {t.remove}
            </Button>
          )}
        </div>
      </Field>
      {sheets && (
        <SheetSelect label={t.sheet} value={sheet} sheets={sheets} none={t.none} onChange={state.chooseSheet} testId="last-year-sheet" />
      )}
      <OneFileInput inputRef={input} testId="last-year-input" onChoose={state.chooseFile} />
    </>
  );
}
