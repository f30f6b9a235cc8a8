/**
 * 汇总: returned files (chosen or dropped) rolled up with one click, in a worker with a
 * progress bar and 取消. The result is written into the open workbook (in Excel) or offered
 * as an .xlsx download (in a browser).
 *
 * The form is proposed from the chosen files' headers (and selected; the person may choose
 * another). In Excel, units' tables pasted into this workbook can be ticked and rolled up with
 * the files, and the roster can be a sheet of the workbook (or a new blank one).
 */
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import {
  Body1,
  Button,
  Caption1,
  Checkbox,
  Field,
  Input,
  Label,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  makeStyles,
  shorthands,
  tokens,
  useId,
} from '@fluentui/react-components';
import { compileForm } from '../../core/definitions/compile';
import { formsOfGrids, type SourceForms } from '../../core/definitions/proposeForm';
import type { FormDefinition, Lang } from '../../core/definitions/types';
import type { Roster, RollupResult } from '../../core/rollup/types';
import type { WorkbookSheet } from '../../excel/gateway';
import { RETURN_ACCEPT, downloadBytes, loadExamples, readChosenFiles } from '../fileIO';
import type { RollupFile, WorkbookGrid } from '../rollup/protocol';
import type { RosterCheck } from '../rollup/checkRoster';
import { releaseWorker } from '../rollup/startRollup';
import { useRollupRun } from '../rollup/useRollupRun';
import { useLastYear, type LastYearWorkbook } from '../rollup/useLastYear';
import { useFormProposal } from '../rollup/useFormProposal';
import { rollupCandidates, rosterCandidates } from '../rollup/workbookSources';
import { IssueList } from './IssueList';
import { LastYearPicker, comparisonWritten } from './LastYearPicker';
import { TraceNote } from './TraceNote';
import { NoticeSection, type NoticeSectionProps } from './NoticeSection';
import { RosterPicker, type RosterChoice } from './RosterPicker';
import { RollupSummary } from './RollupSummary';
import { ProposalBar } from './ProposalBar';
import { panelStrings } from './strings';
import { errorText } from '../../excel/officeErrors';
import { messageFor } from '../../core/issues/catalogue';

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
  muted: { color: tokens.colorNeutralForeground3 },
  sheets: { display: 'flex', flexDirection: 'column' },
  outcome: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, ':empty': { display: 'none' } },
});

/** Waits this long after the last tick before reading the ticked sheets to propose the form. */
const SHEET_PEEK_DELAY_MS = 300;

export interface RollupPanelProps {
  lang: Lang;
  definitions: FormDefinition[];
  formId: string;
  /** In Excel: writes the three result sheets into the open workbook. */
  writeToWorkbook?: (result: RollupResult) => Promise<void>;
  /** In Excel: writes the whole notice into the open workbook. */
  writeNoticeToWorkbook?: NoticeSectionProps['writeToWorkbook'];
  rememberMaterials?: NoticeSectionProps['rememberMaterials'];
  /** In Excel: selects an issue's cell (in the workbook's sheet it came from, else in 问题清单). */
  selectIssue?: (index: number) => void;
  /** Selects a form in the pane's form list (the proposed one). */
  onSelectForm?: (formId: string) => void;
  /** In Excel: this workbook's sheets, as units' tables to roll up and as the roster. */
  workbook?: WorkbookAccess;
}

export interface WorkbookAccess {
  listSheets(): Promise<WorkbookSheet[]>;
  /** The ticked sheets' grids and the roster sheet (parsed), read in one go. */
  readSources(sheets: readonly string[], rosterSheet: string | undefined): Promise<{ sheets: WorkbookGrid[]; roster?: Roster }>;
  /** Adds a blank 单位名单 sheet; gives the name it got. */
  createRosterSheet(): Promise<string>;
  /** Last year's sheet (同比) as `_huizong` remembers it. */
  rememberLastYear?: LastYearWorkbook['rememberLastYear'];
}

export function RollupPanel({
  lang,
  definitions,
  formId,
  writeToWorkbook,
  writeNoticeToWorkbook,
  rememberMaterials,
  selectIssue,
  onSelectForm,
  workbook,
}: RollupPanelProps) {
  const styles = useStyles();
  const t = panelStrings[lang].rollup;
  const [files, setFiles] = useState<RollupFile[]>([]);
  const [roster, setRoster] = useState<RosterChoice | undefined>();
  const [sheetList, setSheetList] = useState<WorkbookSheet[] | undefined>();
  const [ticked, setTicked] = useState<string[]>([]);
  const [sheetSources, setSheetSources] = useState<SourceForms[]>([]);
  const [sheetProblem, setSheetProblem] = useState<string | undefined>();
  const forms = useMemo(() => definitions.map(compileForm), [definitions]);
  const sheetsLabel = useId('workbook-sheets');
  const proposalState = useFormProposal(files, sheetSources, definitions, onSelectForm);
  const rosterSheet = roster?.kind === 'sheet' ? roster.sheet : undefined;
  const yearSheets = useMemo(() => (sheetList ? rollupCandidates(sheetList, rosterSheet) : undefined), [sheetList, rosterSheet]);
  const lastYear = useLastYear(workbook, yearSheets);
  const lastYearSheet = lastYear.choice?.kind === 'sheet' ? lastYear.choice.sheet : undefined;
  // Last year's sheet is compared with, never rolled up as a unit's table.
  const candidates = useMemo(() => (yearSheets ?? []).filter((name) => name !== lastYearSheet), [yearSheets, lastYearSheet]);
  const rosterSheets = useMemo(() => (sheetList ? rosterCandidates(sheetList) : []), [sheetList]);
  const chosenSheets = useMemo(() => ticked.filter((name) => candidates.includes(name)), [ticked, candidates]);
  const [deadline, setDeadline] = useState('');
  const [unit, setUnit] = useState('');
  const [dragging, setDragging] = useState(false);
  const { state, execute, cancel, reset } = useRollupRun();
  const [notice, setNotice] = useState<string | undefined>();
  const [examplesProblem, setExamplesProblem] = useState<string | undefined>();
  const fileInput = useRef<HTMLInputElement>(null);
  const outcome = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.kind === 'done' || state.kind === 'failed' || state.kind === 'cancelled')
      outcome.current?.scrollIntoView?.({ block: 'start', behavior: 'smooth' });
  }, [state.kind]);

  const addFiles = async (list: FileList | null) => {
    const chosen = await readChosenFiles(list);
    setFiles((current) => [...current.filter((f) => !chosen.some((c) => c.name === f.name)), ...chosen]);
  };
  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    void addFiles(event.dataTransfer.files);
  };
  const applyExamples = async () => {
    setExamplesProblem(undefined);
    try {
      const examples = await loadExamples();
      setFiles(examples.returns);
      void chooseRosterFile(examples.roster);
      setDeadline('2024-03-25');
      setUnit('河东区总工会');
    } catch (error) {
      // Why the fetch failed is the browser's words: for the console, not the pane.
      console.error(error);
      setExamplesProblem(messageFor('pane.examples-unavailable', {}, lang));
    }
  };

  const refreshSheets = useCallback(async () => {
    if (!workbook) return;
    try {
      setSheetList(await workbook.listSheets());
      setSheetProblem(undefined);
    } catch (error) {
      setSheetProblem(`${t.sheetsFailed}${errorText(error, lang)}`);
    }
  }, [workbook, t, lang]);
  useEffect(() => {
    void refreshSheets();
  }, [refreshSheets]);
  // The worker the peeks and roll-ups share lives as long as this panel.
  useEffect(() => releaseWorker, []);

  // The ticked sheets' headers join the files' in proposing the form (read once the ticking
  // stops; by their names, so that listing the sheets again reads nothing).
  const chosenKey = chosenSheets.join('\u0000');
  useEffect(() => {
    if (!workbook || chosenKey === '') {
      setSheetSources((current) => (current.length ? [] : current));
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      workbook.readSources(chosenKey.split('\u0000'), undefined).then(
        ({ sheets }) => live && setSheetSources(sheets.map((s) => ({ source: s.name, forms: formsOfGrids([s.grid], forms) }))),
        (error: unknown) => live && setSheetProblem(`${t.sheetsFailed}${errorText(error, lang)}`),
      );
    }, SHEET_PEEK_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [workbook, chosenKey, forms, t, lang]);

  /** A roster sheet as read: how many units it lists, or why it cannot be a roster. */
  const rosterSheetRead = (sheet: string, parsed: Roster | undefined): RosterChoice => {
    const units = parsed?.units.length ?? 0;
    const problem = units === 0 ? (parsed?.issues[0]?.message ?? t.rosterNoUnits) : undefined;
    return problem === undefined ? { kind: 'sheet', sheet, units } : { kind: 'sheet', sheet, units, problem };
  };

  /** Picks a sheet as the roster and says how many units it lists (or why it cannot be one). */
  const chooseRosterSheet = async (sheet: string) => {
    if (!workbook || !sheet) {
      setRoster(undefined);
      return;
    }
    const pending: RosterChoice = { kind: 'sheet', sheet };
    setRoster(pending);
    // Applied only while this is still the choice: a later pick, a file or 移除 wins over a late read.
    const settle = (settled: RosterChoice) => setRoster((current) => (current === pending ? settled : current));
    try {
      const { roster: parsed } = await workbook.readSources([], sheet);
      settle(rosterSheetRead(sheet, parsed));
    } catch (error) {
      settle({ kind: 'sheet', sheet, problem: errorText(error, lang) });
    }
  };

  /** Picks a roster file and says, once read, how many units it lists by level, or why it cannot be one. */
  const chooseRosterFile = async (file: RollupFile | undefined) => {
    if (!file) return setRoster(undefined);
    const pending: RosterChoice = { kind: 'file', file };
    setRoster(pending);
    let check: RosterCheck;
    try {
      const { checkRosterFile } = await import('../rollup/checkRoster');
      check = await checkRosterFile(file, forms, lang, t.rosterNoUnits);
    } catch (error) {
      // A library's words are no help to the user: they go to the console, for a maintainer.
      console.error(error);
      check = { units: 0, levels: [], problem: messageFor('roster.unreadable', {}, lang) };
    }
    setRoster((current) => (current === pending ? { kind: 'file', file, check } : current));
  };

  const createRosterSheet = async () => {
    if (!workbook) return;
    setNotice(undefined);
    try {
      const name = await workbook.createRosterSheet();
      await refreshSheets();
      setRoster({ kind: 'sheet', sheet: name, units: 0 });
      setNotice(name === '单位名单' ? t.rosterSheetCreated(name) : `${t.rosterSheetKept(name)}${t.rosterSheetCreated(name)}`);
    } catch (error) {
      setSheetProblem(`${t.sheetsFailed}${errorText(error, lang)}`);
    }
  };

  /**
   * The ticked sheets and the roster sheet as they are now: one read of the workbook, for the
   * roll-up and for the whole notice. The picker then says what was read of the roster sheet
   * (filled in since it was picked, or since it was made).
   */
  const readWorkbookNow = async (sheetNames: readonly string[]): Promise<{ sheets: WorkbookGrid[]; roster?: Roster }> => {
    if (!workbook || (sheetNames.length === 0 && rosterSheet === undefined)) return { sheets: [] };
    const read = await workbook.readSources(sheetNames, rosterSheet);
    if (rosterSheet !== undefined) {
      const shown = rosterSheetRead(rosterSheet, read.roster);
      setRoster((current) => (current?.kind === 'sheet' && current.sheet === rosterSheet ? shown : current));
    }
    return read;
  };

  const start = () => {
    setNotice(undefined);
    const sheetNames = chosenSheets;
    // The worker takes the bytes over; keep our own copies for a second run.
    const copy = (f: RollupFile): RollupFile => ({ ...f, bytes: f.bytes.slice() });
    return execute({
      total: files.length + sheetNames.length,
      prepare: async () => {
        const fromWorkbook = await readWorkbookNow(sheetNames);
        return {
          files: files.map(copy),
          ...(fromWorkbook.sheets.length ? { sheets: fromWorkbook.sheets } : {}),
          ...(roster?.kind === 'file' ? { roster: copy(roster.file) } : {}),
          ...(fromWorkbook.roster ? { rosterParsed: fromWorkbook.roster } : {}),
          ...(await lastYear.forRequest()),
          definitions,
          form: formId,
          lang,
          workbook: writeToWorkbook === undefined,
          ...(deadline ? { deadline } : {}),
          ...(unit ? { unit } : {}),
        };
      },
      prepareFailed: (error) => {
        void refreshSheets();
        return `${t.sheetsFailed}${errorText(error, lang)}`;
      },
      ...(writeToWorkbook
        ? {
            after: async (result: RollupResult) => {
              await writeToWorkbook(result);
              setNotice(result.lastYear ? `${t.written}${comparisonWritten(lang)}` : t.written);
              void refreshSheets();
            },
          }
        : {}),
      // The worker's answer, its crash, or Excel refusing the write: what Excel said, else that the roll-up failed.
      failed: (error) => errorText(error, lang, 'rollup.failed'),
    });
  };

  const result = state.kind === 'done' ? state.result : undefined;
  // The issue last clicked, by the result it belongs to: a new roll-up clears it.
  const [traced, setTraced] = useState<{ result: RollupResult; index: number } | undefined>();

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
          {typeof HUIZONG_EXAMPLES !== 'undefined' && HUIZONG_EXAMPLES.length > 0 && (
            <Button onClick={() => void applyExamples()}>{t.examples}</Button>
          )}
          {files.length > 0 && (
            <Button
              appearance="subtle"
              onClick={() => {
                // The files and what was made of them go together.
                setFiles([]);
                setNotice(undefined);
                reset();
              }}
            >
              {t.clearFiles}
            </Button>
          )}
        </div>
        <input
          ref={fileInput}
          className={styles.hidden}
          type="file"
          multiple
          accept={RETURN_ACCEPT}
          data-testid="returns-input"
          onChange={(e) => void addFiles(e.target.files)}
        />
        <Caption1 className={styles.muted}>{files.length > 0 ? t.chosen(files.length) : t.formats}</Caption1>
      </div>
      {examplesProblem && (
        <MessageBar intent="error">
          <MessageBarBody>{examplesProblem}</MessageBarBody>
        </MessageBar>
      )}

      <ProposalBar
        lang={lang}
        state={proposalState}
        definitions={definitions}
        formId={formId}
        {...(onSelectForm ? { onUse: onSelectForm } : {})}
      />

      {workbook && (
        // Not a Field: a Field gives its one id to every checkbox inside it.
        <div className={styles.sheets} role="group" aria-labelledby={sheetsLabel} data-testid="workbook-sheets">
          <Label id={sheetsLabel}>{t.workbookSheets}</Label>
          <Caption1 className={styles.muted}>{candidates.length ? t.workbookSheetsHint : t.noWorkbookSheets}</Caption1>
          {candidates.map((name) => (
            <Checkbox
              key={name}
              label={name}
              checked={ticked.includes(name)}
              onChange={(_, d) =>
                setTicked((current) => (d.checked ? [...current.filter((n) => n !== name), name] : current.filter((n) => n !== name)))
              }
            />
          ))}
          <div className={styles.row}>
            <Button size="small" appearance="subtle" onClick={() => void refreshSheets()}>
              {t.refreshSheets}
            </Button>
          </div>
        </div>
      )}
      {sheetProblem && (
        <MessageBar intent="error">
          <MessageBarBody>{sheetProblem}</MessageBarBody>
        </MessageBar>
      )}

      <RosterPicker
        lang={lang}
        roster={roster}
        sheets={workbook ? rosterSheets : undefined}
        onChooseFile={(file) => void chooseRosterFile(file)}
        onChooseSheet={(sheet) => void chooseRosterSheet(sheet)}
        {...(workbook ? { onCreateSheet: () => void createRosterSheet() } : {})}
        onRemove={() => setRoster(undefined)}
      />
      <LastYearPicker lang={lang} state={lastYear} sheets={yearSheets} />
      <div className={styles.row}>
        <Field label={t.deadline}>
          <Input type="date" value={deadline} onChange={(_, d) => setDeadline(d.value)} />
        </Field>
        <Field label={t.unit}>
          <Input value={unit} placeholder={t.unitPlaceholder} onChange={(_, d) => setUnit(d.value)} />
        </Field>
      </div>

      <div className={styles.row}>
        <Button
          appearance="primary"
          disabled={files.length + chosenSheets.length === 0 || state.kind === 'running'}
          onClick={() => void start()}
        >
          {t.start}
        </Button>
        {state.kind === 'running' && <Button onClick={cancel}>{t.cancel}</Button>}
        {state.kind === 'done' && state.workbook && (
          <Button onClick={() => downloadBytes(t.fileName(unit), state.workbook!)}>{t.download}</Button>
        )}
      </div>

      {/* In a narrow pane the outcome lands below the fold: it is brought into view. */}
      <div ref={outcome} className={styles.outcome} aria-live="polite">
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
        {state.kind === 'cancelled' && (
          <MessageBar intent="info">
            <MessageBarBody>{t.cancelled}</MessageBarBody>
          </MessageBar>
        )}
        {notice && (
          <MessageBar intent="success">
            <MessageBarBody>{notice}</MessageBarBody>
          </MessageBar>
        )}

        {result && (
          <>
            <RollupSummary lang={lang} result={result} />
            <IssueList
              lang={lang}
              issues={result.issues}
              groupBy="file"
              onSelect={(_, index) => {
                setTraced({ result, index });
                selectIssue?.(index);
              }}
              detail={(issue, index) =>
                traced?.result === result && traced.index === index ? <TraceNote lang={lang} result={result} issue={issue} /> : null
              }
            />
          </>
        )}
      </div>
      <NoticeSection
        lang={lang}
        definitions={definitions}
        {...(roster?.kind === 'file' ? { rosterFile: roster.file } : {})}
        {...(workbook
          ? {
              workbookSheets: chosenSheets,
              ...(rosterSheet !== undefined ? { rosterSheet } : {}),
              readWorkbook: () =>
                readWorkbookNow(chosenSheets).catch((error: unknown) => {
                  // A sheet renamed or deleted since it was listed: the list is brought up to date.
                  void refreshSheets();
                  throw error;
                }),
            }
          : {})}
        deadline={deadline}
        unit={unit}
        {...(writeNoticeToWorkbook ? { writeToWorkbook: writeNoticeToWorkbook } : {})}
        {...(rememberMaterials ? { rememberMaterials } : {})}
      />
    </section>
  );
}
