/**
 * 校验: in Excel, the active sheet checked in place (cells marked, issues listed by row,
 * a click selects the cell, 清除标记 removes only our marks); in a browser, chosen files
 * checked and their issues listed by file.
 */
import { useEffect, useRef, useState } from 'react';
import { Button, MessageBar, MessageBarBody, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import type { CompiledForm } from '../../core/definitions/compile';
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
});

export type { SheetCheck };

export interface ValidatePanelProps {
  lang: Lang;
  forms: CompiledForm[];
  /** In Excel: check the active sheet and mark it. */
  checkSheet?: () => Promise<SheetCheck>;
  clearMarks?: () => Promise<void>;
  selectCell?: (issue: Issue) => void;
  /** In Excel: results of the re-checks that edits trigger after the first check. */
  onRecheck?: (listener: (check: SheetCheck) => void) => () => void;
}

export function ValidatePanel({ lang, forms, checkSheet, clearMarks, selectCell, onRecheck }: ValidatePanelProps) {
  const styles = useStyles();
  const t = panelStrings[lang].validate;
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<SheetCheck | undefined>();
  const [fileIssues, setFileIssues] = useState<Issue[] | undefined>();
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
      setFileIssues(files.flatMap((f) => checkFile(f.name, f.bytes, forms, { lang }).issues));
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
          <Button disabled={busy} onClick={() => void act(async () => {
            await clearMarks();
            setResult(undefined);
          })}>
            {t.clear}
          </Button>
        )}
        <Button appearance={checkSheet ? 'secondary' : 'primary'} disabled={busy} onClick={() => input.current?.click()}>
          {t.checkFiles}
        </Button>
        <input ref={input} className={styles.hidden} type="file" multiple accept={RETURN_ACCEPT} data-testid="check-input" onChange={(e) => void checkFiles(e.target.files)} />
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
          <IssueList lang={lang} issues={result.issues} groupBy="row" {...(selectCell ? { onSelect: (issue: Issue) => selectCell(issue) } : {})} />
        </>
      )}
      {fileIssues && <IssueList lang={lang} issues={fileIssues} groupBy="file" />}
    </section>
  );
}
