/**
 * 校验: in Excel, the active sheet checked in place (cells marked, issues listed by row,
 * a click selects the cell, 清除标记 removes only our marks); in a browser, chosen files
 * checked and their issues listed by file.
 */
import { useEffect, useRef, useState } from 'react';
import { Badge, Button, MessageBar, MessageBarBody, Spinner, Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import { formTitle, type CompiledForm } from '../../core/definitions/compile';
import { countBySeverity } from '../../core/issues/issue';
import type { WorkbookReport } from '../../core/validate/workbook';
import type { Lang } from '../../core/definitions/types';
import type { Issue } from '../../core/issues/issue';
import { RETURN_ACCEPT, readChosenFiles } from '../fileIO';
import { IssueList } from './IssueList';
import { panelStrings } from './strings';
import { errorText } from '../../excel/officeErrors';
import type { SheetCheck } from '../sheetCheck';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  row: { display: 'flex', columnGap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  hidden: { display: 'none' },
  files: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  fileName: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
});

/** What one chosen file was read as: per sheet the form and its rows, and its issue counts. */
export function FileLines({
  lang,
  reports,
  forms,
  chosen,
}: {
  lang: Lang;
  reports: readonly WorkbookReport[];
  forms: readonly CompiledForm[];
  chosen?: CompiledForm | undefined;
}) {
  const styles = useStyles();
  const t = panelStrings[lang].validate;
  const titleOf = (id: string) => {
    const found = forms.find((f) => f.def.id === id);
    return found ? formTitle(found, lang) : id;
  };
  return (
    <section aria-label={t.filesHeading(reports.length)}>
      <Subtitle2 as="h3">{t.filesHeading(reports.length)}</Subtitle2>
      <ul className={styles.files}>
        {reports.map((report, i) => {
          const { errors, warnings } = countBySeverity(report.issues);
          return (
            <li key={`${report.file}-${i}`}>
              <Text className={styles.fileName}>{report.file}</Text>
              {'：'}
              {report.tables.length === 0
                ? t.fileNothing
                : report.tables
                    .map((table) => t.fileRead(table.sheet, titleOf(table.form), table.rows.length, table.layout === 'card'))
                    .join('；')}
              {'；'}
              {t.fileCounts(errors, warnings)}
              {chosen && report.tables.some((table) => table.form !== chosen.def.id) && (
                <>
                  {' '}
                  <Badge color="warning" appearance="tint">
                    {t.otherForm(formTitle(chosen, lang))}
                  </Badge>
                </>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

export type { SheetCheck };

export interface ValidatePanelProps {
  lang: Lang;
  forms: CompiledForm[];
  /** The form chosen at the top of the pane: files are checked for it, and told when they are another. */
  form?: CompiledForm;
  /** In Excel: check the active sheet and mark it. */
  checkSheet?: () => Promise<SheetCheck>;
  clearMarks?: () => Promise<void>;
  selectCell?: (issue: Issue) => void;
  /** In Excel: results of the re-checks that edits trigger after the first check. */
  onRecheck?: (listener: (check: SheetCheck) => void) => () => void;
}

export function ValidatePanel({ lang, forms, form, checkSheet, clearMarks, selectCell, onRecheck }: ValidatePanelProps) {
  const styles = useStyles();
  const t = panelStrings[lang].validate;
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<SheetCheck | undefined>();
  const [fileReports, setFileReports] = useState<WorkbookReport[] | undefined>();
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => onRecheck?.(setResult), [onRecheck]);

  const act = async (work: () => Promise<void>) => {
    setBusy(true);
    try {
      await work();
    } catch (error) {
      setResult({ ok: false, message: errorText(error, lang) });
    } finally {
      setBusy(false);
    }
  };

  const checkFiles = (list: FileList | null) =>
    act(async () => {
      const files = await readChosenFiles(list);
      // SheetJS loads only when files are checked: the pane's first load stays small.
      const { checkFile } = await import('../../files/checkFile');
      setFileReports(files.map((f) => checkFile(f.name, f.bytes, forms, { lang, ...(form ? { expected: form } : {}) })));
    });

  return (
    <section className={styles.root} aria-label={t.heading}>
      <div className={styles.row}>
        {checkSheet && (
          <Button appearance="primary" disabled={busy} onClick={() => void act(async () => setResult(await checkSheet()))}>
            {t.checkSheet}
          </Button>
        )}
        {clearMarks && (
          <Button
            disabled={busy}
            onClick={() =>
              void act(async () => {
                await clearMarks();
                setResult(undefined);
              })
            }
          >
            {t.clear}
          </Button>
        )}
        <Button appearance={checkSheet ? 'secondary' : 'primary'} disabled={busy} onClick={() => input.current?.click()}>
          {t.checkFiles}
        </Button>
        <input
          ref={input}
          className={styles.hidden}
          type="file"
          multiple
          accept={RETURN_ACCEPT}
          data-testid="check-input"
          onChange={(e) => void checkFiles(e.target.files)}
        />
      </div>
      {busy && <Spinner size="tiny" label={t.working} labelPosition="after" />}
      {result && !result.ok && (
        <MessageBar intent="warning">
          <MessageBarBody>{result.message}</MessageBarBody>
        </MessageBar>
      )}
      {result?.ok && (
        <>
          <MessageBar intent={result.issues.some((i) => i.severity === 'error') ? 'error' : 'success'}>
            <MessageBarBody>{result.summary}</MessageBarBody>
          </MessageBar>
          <IssueList
            lang={lang}
            issues={result.issues}
            groupBy="row"
            {...(selectCell ? { onSelect: (issue: Issue) => selectCell(issue) } : {})}
          />
        </>
      )}
      {fileReports && <FileLines lang={lang} reports={fileReports} forms={forms} chosen={form} />}
      {fileReports && <IssueList lang={lang} issues={fileReports.flatMap((r) => r.issues)} groupBy="file" />}
    </section>
  );
}
