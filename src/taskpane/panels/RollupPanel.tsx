/**
 * 汇总: returned files (chosen or dropped) rolled up with one click, in a worker with a
 * progress bar and 取消. The result is written into the open workbook (in Excel) or offered
 * as an .xlsx download (in a browser).
 */
import { useRef, useState, type DragEvent } from 'react';
import {
  Body1,
  Button,
  Caption1,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Text,
  makeStyles,
  shorthands,
  tokens,
} from '@fluentui/react-components';
import type { FormDefinition, Lang } from '../../core/definitions/types';
import type { RollupResult } from '../../core/rollup/types';
import { RETURN_ACCEPT, downloadBytes, loadExamples, readChosenFiles } from '../fileIO';
import type { RollupFile } from '../rollup/protocol';
import { RollupCancelled, startRollup, type RollupRun } from '../rollup/startRollup';
import { IssueList } from './IssueList';
import { panelStrings } from './strings';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  drop: {
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingVerticalL,
    textAlign: 'center',
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    alignItems: 'center',
  },
  dropActive: { ...shorthands.borderColor(tokens.colorBrandStroke1), backgroundColor: tokens.colorBrandBackground2 },
  row: { display: 'flex', columnGap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
  hidden: { display: 'none' },
  counts: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(110px, 1fr))', gap: tokens.spacingVerticalS },
  count: { display: 'flex', flexDirection: 'column' },
  muted: { color: tokens.colorNeutralForeground3 },
});

type RunState =
  | { kind: 'idle' }
  | { kind: 'running'; index: number; total: number; file: string }
  | { kind: 'done'; result: RollupResult; workbook?: Uint8Array }
  | { kind: 'failed'; message: string };

export interface RollupPanelProps {
  lang: Lang;
  definitions: FormDefinition[];
  formId: string;
  /** In Excel: writes the three result sheets into the open workbook. */
  writeToWorkbook?: (result: RollupResult) => Promise<void>;
  /** In Excel: selects an issue's cell in 问题清单. */
  selectIssue?: (index: number) => void;
}

export function RollupPanel({ lang, definitions, formId, writeToWorkbook, selectIssue }: RollupPanelProps) {
  const styles = useStyles();
  const t = panelStrings[lang].rollup;
  const [files, setFiles] = useState<RollupFile[]>([]);
  const [roster, setRoster] = useState<RollupFile | undefined>();
  const [deadline, setDeadline] = useState('');
  const [unit, setUnit] = useState('');
  const [dragging, setDragging] = useState(false);
  const [state, setState] = useState<RunState>({ kind: 'idle' });
  const [notice, setNotice] = useState<string | undefined>();
  const run = useRef<RollupRun | undefined>(undefined);
  const fileInput = useRef<HTMLInputElement>(null);
  const rosterInput = useRef<HTMLInputElement>(null);

  const addFiles = async (list: FileList | null) => {
    const chosen = await readChosenFiles(list);
    setFiles((current) => [...current.filter((f) => !chosen.some((c) => c.name === f.name)), ...chosen]);
  };
  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    void addFiles(event.dataTransfer.files);
  };
  const useExamples = async () => {
    try {
      const examples = await loadExamples();
      setFiles(examples.returns);
      setRoster(examples.roster);
      setDeadline('2024-03-25');
      setUnit('河东区总工会');
    } catch (error) {
      setNotice(`${t.examplesFailed}${error instanceof Error ? error.message : String(error)}`);
    }
  };

  const start = async () => {
    setNotice(undefined);
    setState({ kind: 'running', index: 0, total: files.length, file: '' });
    // The worker takes the bytes over; keep our own copies for a second run.
    const copy = (f: RollupFile): RollupFile => ({ ...f, bytes: f.bytes.slice() });
    const current = startRollup(
      {
        files: files.map(copy),
        ...(roster ? { roster: copy(roster) } : {}),
        definitions,
        form: formId,
        lang,
        workbook: writeToWorkbook === undefined,
        ...(deadline ? { deadline } : {}),
        ...(unit ? { unit } : {}),
      },
      (p) => setState({ kind: 'running', index: p.index, total: p.total, file: p.file }),
    );
    run.current = current;
    try {
      const done = await current.done;
      setState(done.workbook ? { kind: 'done', result: done.result, workbook: done.workbook } : { kind: 'done', result: done.result });
      if (writeToWorkbook) {
        await writeToWorkbook(done.result);
        setNotice(t.written);
      }
    } catch (error) {
      if (error instanceof RollupCancelled) setState({ kind: 'idle' });
      else setState({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    } finally {
      run.current = undefined;
    }
  };

  const result = state.kind === 'done' ? state.result : undefined;
  const by = (status: string) => result?.units.filter((u) => u.status === status).length ?? 0;

  return (
    <section className={styles.root} aria-label={t.heading}>
      <div
        className={`${styles.drop} ${dragging ? styles.dropActive : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        data-testid="drop-zone"
      >
        <Body1>{t.dropHere}</Body1>
        <div className={styles.row}>
          <Button appearance="primary" onClick={() => fileInput.current?.click()}>
            {t.chooseFiles}
          </Button>
          {typeof HUIZONG_EXAMPLES !== 'undefined' && HUIZONG_EXAMPLES.length > 0 && <Button onClick={() => void useExamples()}>{t.examples}</Button>}
          {files.length > 0 && <Button appearance="subtle" onClick={() => setFiles([])}>{t.clearFiles}</Button>}
        </div>
        <input ref={fileInput} className={styles.hidden} type="file" multiple accept={RETURN_ACCEPT} data-testid="returns-input" onChange={(e) => void addFiles(e.target.files)} />
        <Caption1 className={styles.muted}>{files.length > 0 ? t.chosen(files.length) : t.formats}</Caption1>
      </div>

      <Field label={t.roster} hint={roster ? roster.name : t.rosterHint}>
        <div className={styles.row}>
          <Button size="small" onClick={() => rosterInput.current?.click()}>{t.chooseRoster}</Button>
          {roster && <Button size="small" appearance="subtle" onClick={() => setRoster(undefined)}>{t.remove}</Button>}
        </div>
      </Field>
      <input ref={rosterInput} className={styles.hidden} type="file" accept={RETURN_ACCEPT} data-testid="roster-input" onChange={(e) => void readChosenFiles(e.target.files).then(([f]) => setRoster(f))} />
      <div className={styles.row}>
        <Field label={t.deadline}>
          <Input type="date" value={deadline} onChange={(_, d) => setDeadline(d.value)} />
        </Field>
        <Field label={t.unit}>
          <Input value={unit} placeholder={t.unitPlaceholder} onChange={(_, d) => setUnit(d.value)} />
        </Field>
      </div>

      <div className={styles.row}>
        <Button appearance="primary" disabled={files.length === 0 || state.kind === 'running'} onClick={() => void start()}>
          {t.start}
        </Button>
        {state.kind === 'running' && <Button onClick={() => run.current?.cancel()}>{t.cancel}</Button>}
        {state.kind === 'done' && state.workbook && (
          <Button onClick={() => downloadBytes(t.fileName(unit), state.workbook!)}>{t.download}</Button>
        )}
      </div>

      {state.kind === 'running' && (
        <Field validationMessage={state.total ? t.progress(state.index, state.total, state.file) : t.starting} validationState="none">
          <ProgressBar value={state.total ? state.index / state.total : undefined} />
        </Field>
      )}
      {state.kind === 'failed' && (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>{t.failed}</MessageBarTitle>
            {state.message}
          </MessageBarBody>
        </MessageBar>
      )}
      {notice && (
        <MessageBar intent="success">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}

      {result && (
        <>
          <div className={styles.counts} data-testid="rollup-counts">
            {[
              [t.accepted, result.files.filter((f) => f.status === 'accepted').length],
              [t.rejected, result.files.filter((f) => f.status === 'rejected').length],
              [t.rowsCounted, result.rows.filter((r) => r.status === 'counted').length],
              ...(result.units.length
                ? [[t.reported, by('reported')], [t.late, by('late')], [t.missing, by('missing')], [t.notOnRoster, new Set(result.rows.filter((r) => r.notOnRoster && r.status === 'counted').map((r) => r.unit)).size]]
                : []),
            ].map(([label, value]) => (
              <div key={String(label)} className={styles.count}>
                <Text size={600} weight="semibold">{value}</Text>
                <Caption1>{label}</Caption1>
              </div>
            ))}
          </div>
          {result.files
            .filter((f) => f.status === 'rejected')
            .map((f) => (
              <MessageBar key={f.file} intent="warning">
                <MessageBarBody>
                  <MessageBarTitle>{f.file}</MessageBarTitle>
                  {f.reason}
                </MessageBarBody>
              </MessageBar>
            ))}
          <IssueList lang={lang} issues={result.issues} groupBy="file" {...(selectIssue ? { onSelect: (_, index) => selectIssue(index) } : {})} />
        </>
      )}
    </section>
  );
}
