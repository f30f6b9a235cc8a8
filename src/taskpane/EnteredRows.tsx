/**
 * The rows saved outside Excel, listed under the entry form: each by its unit and 填表日期, each
 * removable, and all of them offered as one CSV named by the unit and the form.
 */
import { Button, Caption1, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { formTitle, type CompiledForm } from '../core/definitions/compile';
import type { Lang } from '../core/definitions/types';
import { csvName, type EnteredRow } from './enteredRows';
import { downloadBytes, rowsAsCsv } from './fileIO';

interface RowsTexts {
  heading: (n: number, form: string) => string;
  remove: string;
  removeLabel: (n: number, unit: string) => string;
  noUnit: string;
  download: (n: number) => string;
  kept: string;
}

const texts: Record<Lang, RowsTexts> = {
  'zh-CN': {
    heading: (n, form) => `已保存的 ${n} 行（${form}）`,
    remove: '删除',
    removeLabel: (n, unit) => `删除第 ${n} 行（${unit}）`,
    noUnit: '（未填单位）',
    download: (n) => `下载这 ${n} 行（CSV）`,
    kept: '这些行保存在本浏览器中，换表或重新打开后仍在；下载的 CSV 可交给上级或在 Excel、WPS 中打开。',
  },
  en: {
    heading: (n, form) => `${n} row${n === 1 ? '' : 's'} saved (${form})`,
    remove: 'Delete',
    removeLabel: (n, unit) => `Delete row ${n} (${unit})`,
    noUnit: '(no unit)',
    download: (n) => `Download these ${n} row${n === 1 ? '' : 's'} (CSV)`,
    kept: 'These rows are kept in this browser across forms and reloads; the CSV can be sent on or opened in Excel or WPS.',
  },
};

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  list: { margin: 0, padding: 0, listStyleType: 'none', display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  item: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalS },
  unit: { flexGrow: 1, overflowWrap: 'anywhere' },
  note: { color: tokens.colorNeutralForeground3 },
});

export interface EnteredRowsProps {
  form: CompiledForm;
  lang: Lang;
  rows: readonly EnteredRow[];
  onRemove: (index: number) => void;
}

export function EnteredRows({ form, lang, rows, onRemove }: EnteredRowsProps) {
  const styles = useStyles();
  const t = texts[lang];
  if (rows.length === 0) return null;
  const key = form.def.rollupKey;
  return (
    <section className={styles.root} aria-label={t.heading(rows.length, formTitle(form, lang))}>
      <Subtitle2 as="h2">{t.heading(rows.length, formTitle(form, lang))}</Subtitle2>
      <ol className={styles.list}>
        {rows.map((row, index) => {
          const unit = typeof row[key] === 'string' && row[key] ? (row[key] as string) : t.noUnit;
          const date = typeof row.fillDate === 'string' ? row.fillDate : '';
          return (
            <li key={index} className={styles.item}>
              <span className={styles.unit}>
                {index + 1}. {unit}
                {date ? ` · ${date}` : ''}
              </span>
              <Button size="small" appearance="subtle" aria-label={t.removeLabel(index + 1, unit)} onClick={() => onRemove(index)}>
                {t.remove}
              </Button>
            </li>
          );
        })}
      </ol>
      <div>
        <Button appearance="primary" onClick={() => downloadBytes(csvName(form, rows, lang), rowsAsCsv(form, rows), 'text/csv')}>
          {t.download(rows.length)}
        </Button>
      </div>
      <Caption1 className={styles.note}>{t.kept}</Caption1>
    </section>
  );
}
