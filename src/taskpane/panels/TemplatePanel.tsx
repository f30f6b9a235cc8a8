/**
 * 模板: the chosen form's template — as a new sheet of this workbook (in Excel), or as an
 * .xlsx for units without the add-in (opened as a new workbook in Excel, downloaded in a browser).
 */
import { useState } from 'react';
import { Button, Field, MessageBar, MessageBarBody, Radio, RadioGroup, SpinButton, makeStyles, tokens } from '@fluentui/react-components';
import type { CompiledForm } from '../../core/definitions/compile';
import type { Lang } from '../../core/definitions/types';
import { downloadBytes } from '../fileIO';
import { panelStrings } from './strings';
import { errorText } from '../../excel/officeErrors';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  row: { display: 'flex', columnGap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

export interface TemplatePanelProps {
  lang: Lang;
  form: CompiledForm;
  /** In Excel: adds the template as a sheet of the open workbook. */
  createInSheet?: (year: number) => Promise<void>;
  /** In Excel: opens the .xlsx template as a new workbook (Excel.createWorkbook). */
  openAsWorkbook?: (bytes: Uint8Array) => Promise<void>;
}

export function TemplatePanel({ lang, form, createInSheet, openAsWorkbook }: TemplatePanelProps) {
  const styles = useStyles();
  const t = panelStrings[lang].template;
  const [year, setYear] = useState(new Date().getFullYear());
  const [message, setMessage] = useState<{ intent: 'success' | 'error'; text: string } | undefined>();
  const [busy, setBusy] = useState(false);
  // A card is for a form each unit returns once (per-unit); a list form has many rows a unit.
  const cardable = form.def.kind === 'per-unit';
  const [chosen, setLayout] = useState<'table' | 'card'>('table');
  const layout = cardable ? chosen : 'table';

  const act = async (work: () => Promise<string>) => {
    setBusy(true);
    setMessage(undefined);
    try {
      setMessage({ intent: 'success', text: await work() });
    } catch (error) {
      setMessage({ intent: 'error', text: `${t.failed}${errorText(error, lang)}` });
    } finally {
      setBusy(false);
    }
  };

  const templateFile = async () => {
    // exceljs loads only when a template file is asked for.
    if (layout === 'card') {
      const { writeCardTemplateWorkbook } = await import('../../files/writeCardTemplate');
      return writeCardTemplateWorkbook(form, { lang, year });
    }
    const { writeTemplateWorkbook } = await import('../../files/writeTemplate');
    return writeTemplateWorkbook(form, { lang, year });
  };
  const fileName = `${form.def.sheet.title['zh-CN'].replace('{year}', String(year))}${layout === 'card' ? '（单位填报）' : ''}.xlsx`;

  return (
    <section className={styles.root} aria-label={t.heading}>
      <Field label={t.year}>
        <SpinButton value={year} min={1990} max={2100} onChange={(_, d) => setYear(Number(d.value ?? d.displayValue ?? year) || year)} />
      </Field>
      {cardable && (
        <Field label={t.layout} hint={layout === 'card' ? t.layoutCardHint : t.layoutTableHint}>
          <RadioGroup layout="horizontal" value={layout} onChange={(_, d) => setLayout(d.value === 'card' ? 'card' : 'table')}>
            <Radio value="table" label={t.layoutTable} />
            <Radio value="card" label={t.layoutCard} />
          </RadioGroup>
        </Field>
      )}
      <div className={styles.row}>
        {createInSheet && layout === 'table' && (
          <Button appearance="primary" disabled={busy} onClick={() => void act(async () => (await createInSheet(year), t.created))}>
            {t.createSheet}
          </Button>
        )}
        {openAsWorkbook ? (
          <Button disabled={busy} onClick={() => void act(async () => (await openAsWorkbook(await templateFile()), t.opened))}>
            {t.openWorkbook}
          </Button>
        ) : (
          <Button
            appearance="primary"
            disabled={busy}
            onClick={() => void act(async () => (downloadBytes(fileName, await templateFile()), t.downloaded))}
          >
            {t.download}
          </Button>
        )}
      </div>
      {message && (
        <MessageBar intent={message.intent}>
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
