import { Suspense, lazy, useEffect, useMemo, useRef, useState } from 'react';
import {
  Button,
  Caption1,
  Dropdown,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Option,
  Spinner,
  Tab,
  TabList,
  Text,
  Title3,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { compileForm, formTitle } from '../core/definitions/compile';
import { loadDefinition } from '../core/definitions/load';
import { shippedForms } from '../core/definitions/shipped';
import type { FormDefinition, Lang } from '../core/definitions/types';
import { detectHost, langFromTag, type HostInfo } from '../excel/host';
import type { ExcelActions } from './excelActions';
import { EnteredRows } from './EnteredRows';
import { useEnteredRows } from './enteredRows';
import { RollupPanel } from './panels/RollupPanel';
import { panelStrings } from './panels/strings';
import { TemplatePanel } from './panels/TemplatePanel';
import { ValidatePanel } from './panels/ValidatePanel';
import { strings } from './strings';

// JSON Forms and the entry renderers load when the 填写 tab is first opened.
const EntryForm = lazy(() => import('./EntryForm').then((m) => ({ default: m.EntryForm })));

/** How long to wait for Office.onReady before treating the pane as running outside Excel. */
const HOST_TIMEOUT_MS = 3000;

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`,
    // Narrow as a task pane; in a wide browser window, wide enough for the tables.
    maxWidth: '1100px',
    margin: '0 auto',
  },
  header: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS },
  title: { margin: 0 },
  subtitle: { color: tokens.colorNeutralForeground3 },
  formRow: { display: 'flex', columnGap: tokens.spacingHorizontalS, alignItems: 'end', flexWrap: 'wrap' },
  grow: { flexGrow: 1, minWidth: '200px' },
  hidden: { display: 'none' },
  meta: { color: tokens.colorNeutralForeground3 },
});

type TabId = 'template' | 'entry' | 'validate' | 'rollup';

export interface AppProps {
  /** How the host is found; tests pass their own. */
  detect?: () => Promise<HostInfo>;
  /** Excel's side of the pane, once Excel is detected; tests pass a double. */
  connectExcel?: () => Promise<ExcelActions>;
}

async function officeActions(): Promise<ExcelActions> {
  const { createExcelActions } = await import('./excelActions');
  return createExcelActions();
}

export function App({ detect = () => detectHost(HOST_TIMEOUT_MS), connectExcel = officeActions }: AppProps) {
  const styles = useStyles();
  const [host, setHost] = useState<HostInfo | null>(null);
  const [excel, setExcel] = useState<ExcelActions | undefined>();
  const [definitions, setDefinitions] = useState<FormDefinition[]>([...shippedForms]);
  const [formId, setFormId] = useState(shippedForms[0]!.id);
  const [tab, setTab] = useState<TabId>('template');
  const [definitionProblem, setDefinitionProblem] = useState<string[] | undefined>();
  const [entryNotice, setEntryNotice] = useState<string | undefined>();
  // In Excel: the data row being edited (read from the selection), else a new row is appended.
  const [editing, setEditing] = useState<{ row: number; data: Record<string, unknown> } | undefined>();
  const definitionInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    let live = true;
    detect()
      .then(async (info) => {
        if (!live) return;
        setHost(info);
        if (info.inExcel) {
          const actions = await connectExcel();
          if (live) setExcel(actions);
        }
      })
      .catch(() => live && setHost({ inExcel: false, lang: langFromTag(navigator.language) }));
    return () => {
      live = false;
    };
    // Once, on mount: what host this is does not change while the pane is open.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const lang: Lang = host?.lang ?? langFromTag(typeof navigator === 'undefined' ? undefined : navigator.language);
  const t = strings[lang];
  const p = panelStrings[lang];
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const forms = useMemo(() => definitions.map(compileForm), [definitions]);
  // Stable while the workbook stays the same: the notice section reads the ticks once.
  const rememberMaterials = useMemo(
    () => (excel ? { read: excel.readNoticeMaterials, write: excel.writeNoticeMaterials } : undefined),
    [excel],
  );
  // The roll-up's access to this workbook's sheets: one object per connection, so that the
  // panel lists the sheets once, not on every render.
  const workbook = useMemo(
    () =>
      excel && {
        listSheets: () => excel.listSheets(),
        readSources: (sheets: readonly string[], rosterSheet: string | undefined) => excel.readWorkbookSources(sheets, rosterSheet, lang),
        createRosterSheet: () => excel.createRosterSheet(lang),
        rememberLastYear: { read: excel.readLastYearSheet, write: excel.writeLastYearSheet },
      },
    [excel, lang],
  );
  const form = forms.find((f) => f.def.id === formId) ?? forms[0]!;
  // Outside Excel, rows entered are kept per form (across form switches and reloads) and
  // offered as a CSV that Huizong and Excel read.
  const entered = useEnteredRows(form.def.id);
  useEffect(() => {
    setEntryNotice(undefined);
    setEditing(undefined);
  }, [formId]);

  const openDefinition = async (file: File | undefined) => {
    if (!file) return;
    const loaded = loadDefinition(await file.text(), lang);
    if (!loaded.ok) {
      setDefinitionProblem([`${file.name}`, ...loaded.issues.map((i) => i.message)]);
      return;
    }
    setDefinitionProblem(undefined);
    setDefinitions((current) => [...current.filter((d) => d.id !== loaded.definition.id), loaded.definition]);
    setFormId(loaded.definition.id);
  };

  return (
    <main className={styles.root}>
      <header className={styles.header}>
        <Title3 as="h1" className={styles.title}>
          {t.appTitle}
        </Title3>
        <Text className={styles.subtitle}>{t.appSubtitle}</Text>
      </header>

      {host === null ? (
        <Spinner size="tiny" labelPosition="after" label={t.detecting} />
      ) : (
        !host.inExcel && (
          // A note, not a warning: the browser is the supported way for WPS and old-Office users.
          <MessageBar intent="info">
            <MessageBarBody>
              <MessageBarTitle>{t.noExcelTitle}</MessageBarTitle>
              {t.noExcelBody}
            </MessageBarBody>
          </MessageBar>
        )
      )}

      <div className={styles.formRow}>
        <Field label={t.formsHeading} className={styles.grow}>
          <Dropdown
            value={formTitle(form, lang)}
            selectedOptions={[form.def.id]}
            onOptionSelect={(_, d) => d.optionValue && setFormId(d.optionValue)}
            data-testid="form-picker"
          >
            {forms.map((f) => (
              <Option key={f.def.id} value={f.def.id} text={formTitle(f, lang)}>
                {formTitle(f, lang)}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Button onClick={() => definitionInput.current?.click()}>{t.openDefinition}</Button>
        <input
          ref={definitionInput}
          className={styles.hidden}
          type="file"
          accept=".json"
          data-testid="definition-input"
          onChange={(e) => void openDefinition(e.target.files?.[0])}
        />
      </div>
      <Caption1 className={styles.meta}>{t.formMeta(form.def.id, form.def.version, form.fields.length)}</Caption1>
      {definitionProblem && (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>{t.definitionBroken}</MessageBarTitle>
            {definitionProblem.map((line) => (
              <div key={line}>{line}</div>
            ))}
          </MessageBarBody>
        </MessageBar>
      )}

      <TabList selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as TabId)}>
        <Tab value="template">{p.tabs.template}</Tab>
        <Tab value="entry">{p.tabs.entry}</Tab>
        <Tab value="validate">{p.tabs.validate}</Tab>
        <Tab value="rollup">{p.tabs.rollup}</Tab>
      </TabList>

      {tab === 'template' && (
        <TemplatePanel
          lang={lang}
          form={form}
          {...(excel
            ? {
                createInSheet: (year: number) => excel.createTemplate(form, year),
                openAsWorkbook: (bytes: Uint8Array) => excel.openWorkbook(bytes),
              }
            : {})}
        />
      )}
      {tab === 'entry' && (
        <>
          {!excel && (
            <MessageBar intent="info">
              <MessageBarBody>{t.entryNeedsExcel}</MessageBarBody>
            </MessageBar>
          )}
          {entryNotice && (
            <MessageBar intent="success">
              <MessageBarBody>{entryNotice}</MessageBarBody>
            </MessageBar>
          )}
          {excel && (
            <div className={styles.formRow}>
              <Button
                onClick={() =>
                  void excel.readSelectedRow(form, forms).then((selected) => {
                    setEditing(selected);
                    setEntryNotice(selected ? t.editingRow(selected.row) : t.noSelectedRow);
                  })
                }
              >
                {t.editSelected}
              </Button>
              {editing && (
                <Button appearance="subtle" onClick={() => setEditing(undefined)}>
                  {t.newRow}
                </Button>
              )}
            </div>
          )}
          <Suspense fallback={<Spinner size="tiny" />}>
            <EntryForm
              key={`${form.def.id}:${editing?.row ?? 'new'}`}
              form={form}
              lang={lang}
              {...(editing ? { initialData: editing.data } : {})}
              onSave={async (data) => {
                if (!excel) {
                  entered.add(data);
                  setEntryNotice(t.rowKept);
                  return;
                }
                // A refusal goes on to the form, which says it in the user's words.
                const saved = await excel.saveRow(form, forms, data, editing?.row);
                setEntryNotice(saved ? p.entry.saved : p.entry.noTable);
                setEditing(undefined);
              }}
            />
          </Suspense>
          {!excel && <EnteredRows form={form} lang={lang} rows={entered.rows} onRemove={entered.remove} />}
        </>
      )}
      {tab === 'validate' && (
        <ValidatePanel
          lang={lang}
          forms={forms}
          form={form}
          {...(excel
            ? {
                checkSheet: () => excel.checkSheet(forms, lang),
                clearMarks: () => excel.clearMarks(),
                selectCell: (issue) => void excel.selectCell(issue),
                onRecheck: excel.onRecheck,
              }
            : {})}
        />
      )}
      {tab === 'rollup' && (
        <RollupPanel
          lang={lang}
          definitions={definitions}
          formId={form.def.id}
          onSelectForm={setFormId}
          {...(excel && workbook
            ? {
                writeToWorkbook: (result) => excel.writeRollup(result, form, lang),
                writeNoticeToWorkbook: (result, forms, unit) => excel.writeNotice(result, forms, lang, unit),
                ...(rememberMaterials ? { rememberMaterials } : {}),
                selectIssue: (index: number) => void excel.selectRollupIssue(index).catch(() => undefined),
                workbook,
              }
            : {})}
        />
      )}
    </main>
  );
}
