/**
 * 整个通知: a whole folder of everything units sent (dropped or chosen), the materials this
 * notice asked for ticked, and at a glance who sent what (click a cell for its files), the
 * reminder list with a copy button per unit and for all, and for each unit whose returns have
 * errors a 退回修改 text. In Excel, the sheets of this workbook ticked above are returns too.
 * The workbook (报送材料, 催报名单, each form's 汇总, 问题清单) is written into the open workbook
 * or offered as a download. Documents and photos are never read: only their names, sizes and times.
 */
import { useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import {
  Body1,
  Button,
  Caption1,
  Checkbox,
  Field,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { compileForm, type CompiledForm } from '../../core/definitions/compile';
import type { FormDefinition, Lang } from '../../core/definitions/types';
import { correctionTexts, remindersText } from '../../core/notice/corrections';
import { MATERIAL_IDS, fileKind, materialLabel, type MaterialId } from '../../core/notice/materials';
import type { ListingProblem, NoticeResult } from '../../core/notice/types';
import type { Roster } from '../../core/rollup/types';
import { MATERIAL_COLORS } from '../../core/plan/noticeSheetsPlan';
import { messageFor } from '../../core/issues/catalogue';
import { errorText } from '../../excel/officeErrors';
import { downloadBytes } from '../fileIO';
import type { NoticeFile, RollupFile, WorkbookGrid } from '../rollup/protocol';
import { listDropped, type DroppedFile } from '../rollup/dropEntries';
import { RollupCancelled, startNoticeRun, type NoticeRun } from '../rollup/startRollup';
import { NOTICE_TEXTS as TEXTS } from './noticeStrings';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    paddingTop: tokens.spacingVerticalM,
  },
  drop: {
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingVerticalM,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    alignItems: 'center',
  },
  row: { display: 'flex', columnGap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
  hidden: { display: 'none' },
  table: { borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200, width: '100%' },
  cell: { border: `1px solid ${tokens.colorNeutralStroke2}`, padding: '2px 4px', textAlign: 'center', cursor: 'pointer' },
  scroll: { overflowX: 'auto' },
  unitCell: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: '2px 4px',
    backgroundColor: tokens.colorNeutralBackground3,
    whiteSpace: 'nowrap',
  },
  head: { border: `1px solid ${tokens.colorNeutralStroke2}`, padding: '2px 4px', backgroundColor: tokens.colorNeutralBackground3 },
  card: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingVerticalS,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
  },
  message: { whiteSpace: 'pre-wrap' },
});

export interface NoticeSectionProps {
  lang: Lang;
  definitions: FormDefinition[];
  /** The roster chosen above, as a file … */
  rosterFile?: RollupFile;
  /** … or as this sheet of the open workbook (Excel). */
  rosterSheet?: string;
  /** In Excel: the sheets of this workbook ticked above (units' tables), each taken as a return. */
  workbookSheets?: readonly string[];
  /**
   * In Excel: the ticked sheets and the roster sheet, read in one go as they are when the run
   * starts (one read of the workbook, whatever their number and rows).
   */
  readWorkbook?: () => Promise<{ sheets: WorkbookGrid[]; roster?: Roster }>;
  deadline?: string;
  unit?: string;
  /** In Excel: writes the whole notice's sheets into the open workbook (else only the download). */
  writeToWorkbook?: (result: NoticeResult, forms: CompiledForm[], unit?: string) => Promise<void>;
  /** In Excel: the ticked materials kept on the workbook's `_huizong`, read when the pane opens. */
  rememberMaterials?: { read(): Promise<MaterialId[] | undefined>; write(materials: readonly MaterialId[]): Promise<void> };
}

export function NoticeSection({
  lang,
  definitions,
  rosterFile,
  rosterSheet,
  workbookSheets,
  readWorkbook,
  deadline,
  unit,
  writeToWorkbook,
  rememberMaterials,
}: NoticeSectionProps) {
  const styles = useStyles();
  const t = TEXTS[lang];
  const forms = useMemo(() => definitions.map(compileForm), [definitions]);
  const [entries, setEntries] = useState<DroppedFile[]>([]);
  const [problems, setProblems] = useState<ListingProblem[]>([]);
  const [materials, setMaterials] = useState<MaterialId[]>([...MATERIAL_IDS]);
  const [result, setResult] = useState<NoticeResult | undefined>();
  const [workbookBytes, setWorkbookBytes] = useState<Uint8Array | undefined>();
  const [progress, setProgress] = useState<{ index: number; total: number } | undefined>();
  const [failure, setFailure] = useState<string | undefined>();
  const current = useRef<NoticeRun | undefined>(undefined);
  const running = progress !== undefined;
  const [writeState, setWriteState] = useState<{ ok: true } | { ok: false; text: string } | undefined>();
  const [copied, setCopied] = useState<string | undefined>();
  const [shown, setShown] = useState<{ unit: string; material: MaterialId } | undefined>();
  const folderInput = useRef<HTMLInputElement>(null);
  useEffect(() => {
    let live = true;
    // Not remembered, or unreadable: the five stay ticked, as in a browser.
    rememberMaterials
      ?.read()
      .then((saved) => live && saved && setMaterials(saved))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [rememberMaterials]);
  const tick = (m: MaterialId, checked: boolean) => {
    const next = checked ? MATERIAL_IDS.filter((id) => id === m || materials.includes(id)) : materials.filter((id) => id !== m);
    setMaterials(next);
    // Remembering is a convenience: a failure (the user typing in a cell) leaves the ticks as they are on screen.
    void rememberMaterials?.write(next).catch(() => undefined);
  };
  const filesInput = useRef<HTMLInputElement>(null);
  const sheetCount = workbookSheets?.length ?? 0;

  const take = (listed: { files: DroppedFile[]; problems: ListingProblem[] }) => {
    setEntries(listed.files);
    setProblems(listed.problems);
    setResult(undefined);
    setWorkbookBytes(undefined);
  };
  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    void listDropped(event.dataTransfer.items, event.dataTransfer.files).then(take);
  };

  const run = async () => {
    setProgress({ index: 0, total: entries.length + sheetCount });
    // The last run's matrix is out of date, and redrawing it at every file would slow the page.
    setResult(undefined);
    setWorkbookBytes(undefined);
    setFailure(undefined);
    setWriteState(undefined);
    let ran = false;
    try {
      // Only spreadsheets bring their content (a File: the worker reads it); a document or a
      // photo gives its name, size and time.
      const files: NoticeFile[] = entries.map(({ file, path }) => ({
        file: path,
        within: path,
        size: file.size,
        modified: file.lastModified,
        ...(fileKind(file.name) === 'spreadsheet' ? { content: file } : {}),
      }));
      // The ticked sheets and the roster sheet as they are now (filled in since they were picked).
      const fromWorkbook = readWorkbook ? await readWorkbook() : { sheets: [] };
      const rosterParsed = rosterFile ? undefined : fromWorkbook.roster;
      const started = startNoticeRun(
        {
          files,
          ...(fromWorkbook.sheets.length ? { sheets: fromWorkbook.sheets } : {}),
          problems,
          materials,
          definitions,
          lang,
          workbook: writeToWorkbook === undefined,
          // A copy: the worker takes the bytes over, and the pane keeps the roster for a second run.
          ...(rosterFile ? { roster: { ...rosterFile, bytes: rosterFile.bytes.slice() } } : {}),
          ...(rosterParsed ? { rosterParsed } : {}),
          ...(deadline ? { deadline } : {}),
          ...(unit ? { unit } : {}),
        },
        (p) => setProgress({ index: p.index, total: p.total }),
      );
      current.current = started;
      ran = true;
      const done = await started.done;
      setResult(done.result);
      setWorkbookBytes(done.workbook);
      setProgress(undefined);
      if (writeToWorkbook) {
        try {
          await writeToWorkbook(done.result, forms, unit);
          setWriteState({ ok: true });
        } catch (error) {
          // The gateway put the workbook back, or says what is left: the catalogue's words.
          setWriteState({ ok: false, text: `${t.writeFailed}${errorText(error, lang)}` });
        }
      }
    } catch (error) {
      if (error instanceof RollupCancelled) return;
      // Reading the sheets: Excel's refusal, in the catalogue's words. The run itself: its
      // failure is the engine's or a library's words (the worker's console has them): what to do instead.
      setFailure(`${t.failed}${ran ? messageFor('rollup.failed', {}, lang) : errorText(error, lang)}`);
    } finally {
      current.current = undefined;
      setProgress(undefined);
    }
  };

  const fileName = lang === 'en' ? 'notice-rollup.xlsx' : '通知汇总.xlsx';
  // In Excel the workbook is not made by the run: when writing into this workbook was refused
  // (a protected workbook…), it is made here, on demand, for the download instead.
  const downloadInstead = async (shown: NoticeResult) => {
    try {
      const { writeNoticeWorkbook } = await import('../../files/writeNotice');
      const bytes = await writeNoticeWorkbook(shown, forms, { lang, ...(unit ? { unit } : {}) });
      setWorkbookBytes(bytes);
      downloadBytes(fileName, bytes);
    } catch (error) {
      console.error(error);
      setFailure(`${t.failed}${messageFor('rollup.failed', {}, lang)}`);
    }
  };

  const copy = async (key: string, text: string) => {
    await navigator.clipboard.writeText(text);
    setCopied(key);
  };
  const corrections = useMemo(() => (result ? correctionTexts(result, lang) : []), [result, lang]);
  // Warnings only, and found nowhere else in the pane: the figures a unit gives about its other materials.
  const crossForm = result?.issues.filter((i) => i.code.startsWith('cross-form.')) ?? [];
  const unplaced = result?.files.filter((f) => f.status === 'unattributed' || f.status === 'unclassified' || f.status === 'skipped') ?? [];
  const shownFiles = shown && result?.units.find((u) => u.unit === shown.unit)?.items[shown.material]?.files;

  return (
    <section className={styles.root} aria-label={t.heading}>
      <Subtitle2>{t.heading}</Subtitle2>
      <div className={styles.drop} onDragOver={(e) => e.preventDefault()} onDrop={onDrop} data-testid="notice-drop">
        <Caption1>{t.hint}</Caption1>
        <div className={styles.row}>
          <Button onClick={() => folderInput.current?.click()}>{t.chooseFolder}</Button>
          <Button onClick={() => filesInput.current?.click()}>{t.chooseFiles}</Button>
        </div>
        <input
          ref={folderInput}
          className={styles.hidden}
          type="file"
          multiple
          data-testid="notice-folder-input"
          {...({ webkitdirectory: '' } as Record<string, string>)}
          onChange={(e) => void listDropped(null, e.target.files).then(take)}
        />
        <input
          ref={filesInput}
          className={styles.hidden}
          type="file"
          multiple
          onChange={(e) => void listDropped(null, e.target.files).then(take)}
        />
        {entries.length > 0 && <Body1>{t.chosen(entries.length)}</Body1>}
      </div>
      <div className={styles.row} role="group" aria-label={t.materials}>
        <Caption1>{t.materials}</Caption1>
        {MATERIAL_IDS.map((m) => (
          <Checkbox
            key={m}
            label={materialLabel(m, lang)}
            checked={materials.includes(m)}
            onChange={(_, data) => tick(m, data.checked === true)}
          />
        ))}
      </div>
      {workbookSheets && <Caption1 data-testid="notice-sheets">{sheetCount ? t.sheets(workbookSheets) : t.noSheets}</Caption1>}
      {!rosterFile && rosterSheet === undefined && <Caption1>{t.needRoster}</Caption1>}
      <div className={styles.row}>
        <Button
          appearance="primary"
          disabled={running || entries.length + sheetCount === 0 || materials.length === 0}
          onClick={() => void run()}
        >
          {running ? t.running : t.run}
        </Button>
        {running && <Button onClick={() => current.current?.cancel()}>{t.cancel}</Button>}
        {result && workbookBytes && <Button onClick={() => downloadBytes(fileName, workbookBytes)}>{t.download}</Button>}
        {result && !workbookBytes && writeState?.ok === false && (
          <Button onClick={() => void downloadInstead(result)}>{t.downloadInstead}</Button>
        )}
      </div>
      {progress && (
        <Field validationMessage={t.progress(progress.index, progress.total)} validationState="none">
          <ProgressBar value={progress.total ? progress.index / progress.total : undefined} />
        </Field>
      )}
      {failure && (
        <MessageBar intent="error">
          <MessageBarBody>{failure}</MessageBarBody>
        </MessageBar>
      )}
      {writeState && (
        <Body1 role="status" data-testid="notice-written">
          {writeState.ok ? t.written : writeState.text}
        </Body1>
      )}

      {result && result.units.length > 0 && (
        <div className={styles.scroll}>
          <table className={styles.table} data-testid="notice-matrix">
            <thead>
              <tr>
                <th className={styles.head}>{t.unit}</th>
                {result.materials.map((m) => (
                  <th key={m} className={styles.head}>
                    {materialLabel(m, lang)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {result.units.map((u) => (
                <tr key={u.unit}>
                  <td className={styles.unitCell}>{u.unit}</td>
                  {result.materials.map((m) => {
                    const cell = u.items[m];
                    if (!cell) return <td key={m} className={styles.cell} />;
                    return (
                      <td
                        key={m}
                        className={styles.cell}
                        style={{ backgroundColor: MATERIAL_COLORS[cell.status] }}
                        title={cell.reason ?? cell.date ?? ''}
                        onClick={() => setShown({ unit: u.unit, material: m })}
                      >
                        {t.status[cell.status]}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {shown && (
        <Caption1 data-testid="notice-cell-files">
          {t.filesOf(shown.unit, materialLabel(shown.material, lang))}
          {shownFiles && shownFiles.length ? shownFiles.join(lang === 'en' ? ', ' : '、') : t.noFiles}
        </Caption1>
      )}

      {result && result.reminders.length > 0 && (
        <>
          <div className={styles.row}>
            <Subtitle2>{t.reminders(result.reminders.length)}</Subtitle2>
            <Button size="small" onClick={() => void copy('all', remindersText(result))}>
              {copied === 'all' ? t.copied : t.copyAll}
            </Button>
          </div>
          {result.reminders.map((r) => (
            <div key={r.unit} className={styles.card} data-testid="notice-reminder">
              <div className={styles.row}>
                <Text weight="semibold">{r.unit}</Text>
                {r.contact && <Caption1>{r.contact}</Caption1>}
                {r.phone && <Caption1>{r.phone}</Caption1>}
                <Button size="small" onClick={() => void copy(`r:${r.unit}`, r.message)}>
                  {copied === `r:${r.unit}` ? t.copied : t.copy}
                </Button>
              </div>
              <Caption1 className={styles.message}>{r.message}</Caption1>
            </div>
          ))}
        </>
      )}

      {corrections.length > 0 && (
        <>
          <Subtitle2>{t.corrections(corrections.length)}</Subtitle2>
          {corrections.map((c) => (
            <div key={c.unit} className={styles.card} data-testid="notice-correction">
              <div className={styles.row}>
                <Text weight="semibold">{c.unit}</Text>
                <Button size="small" onClick={() => void copy(`c:${c.unit}`, c.message)}>
                  {copied === `c:${c.unit}` ? t.copied : t.copy}
                </Button>
              </div>
              <Caption1 className={styles.message}>{c.message}</Caption1>
            </div>
          ))}
        </>
      )}

      {crossForm.length > 0 && (
        <MessageBar intent="warning" data-testid="notice-cross-form">
          <MessageBarBody>
            <Text weight="semibold">{t.crossForm(crossForm.length)}</Text>
            {crossForm.map((issue, i) => (
              <div key={i}>
                {[issue.file, issue.cell].filter(Boolean).join(' ')}
                {t.sep}
                {issue.message}
              </div>
            ))}
          </MessageBarBody>
        </MessageBar>
      )}

      {unplaced.length > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>
            <Text weight="semibold">{t.unplaced(unplaced.length)}</Text>
            {unplaced.map((f) => (
              <div key={f.file}>
                {f.file}
                {t.sep}
                {f.reason}
              </div>
            ))}
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
