/**
 * Entering a row: the form's definition rendered by JSON Forms with our Fluent renderers.
 *
 * Every field is checked as it changes, by Ajv and by the same value and cross-field rules as
 * 校验 (`entryChecker`), so that a saved row never fails 校验 afterwards. A field's message shows
 * once it was left, and every message shows after the first 保存 attempt (then the first field in
 * error gets focus). 保存 hands the row to `onSave` only when no error is found (warnings are
 * shown beside 已保存); where it goes is the caller's business. After a new row is saved the form
 * is cleared, so that a second click cannot save the same row twice.
 */

import { useCallback, useMemo, useRef, useState, type FormEvent } from 'react';
import { Button, MessageBar, MessageBarBody, MessageBarTitle, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import {
  createTranslator,
  getControlPath,
  type JsonFormsCore,
  type JsonFormsI18nState,
  type JsonSchema,
  type Middleware,
  type Translator,
  type UISchemaElement,
} from '@jsonforms/core';
import { JsonForms } from '@jsonforms/react';
import type Ajv from 'ajv';
import type { ErrorObject } from 'ajv';
import { createSafeAjv } from '../core/definitions/safeRegExp';
import { entryChecker, type EntryFinding } from '../core/validate/entry';
import { fieldLabel, formTitle, type CompiledForm } from '../core/definitions/compile';
import type { Lang } from '../core/definitions/types';
import { errorText } from '../excel/officeErrors';
import { RULE_KEYWORD, createErrorTranslator } from './renderers/errors';
import { PATH_ATTRIBUTE, fluentRenderers, type FluentRendererConfig } from './renderers';

/** One row as the form holds it: field id → value (numbers for numeric fields, `YYYY-MM-DD` dates). */
export type EntryData = Record<string, unknown>;

export interface EntryFormProps {
  form: CompiledForm;
  lang: Lang;
  /** The row being edited (the selected row); a new object resets the form to it. */
  initialData?: EntryData;
  /** Called with the row when Ajv finds no error; a returned promise shows 正在保存… and its failure. */
  onSave: (data: EntryData) => void | Promise<unknown>;
  /** Shows a 取消 button. */
  onCancel?: () => void;
  /** Every change (debounced by JSON Forms): the row and its errors (Ajv's and the rules'). */
  onChange?: (data: EntryData, errors: ErrorObject[]) => void;
  /** The day of the check, `YYYY-MM-DD` (填表日期 may not lie after it); today by default. */
  today?: string;
}

/** The rules' errors as JSON Forms shows errors: at the field, one per field, none where Ajv already complains. */
export function ruleErrors(findings: readonly EntryFinding[], ajvErrors: readonly ErrorObject[]): ErrorObject[] {
  const taken = errorPaths(ajvErrors);
  const out: ErrorObject[] = [];
  for (const finding of findings) {
    // Schema findings are Ajv's own, already shown by JSON Forms in the form's words.
    if (finding.severity !== 'error' || finding.code.startsWith('schema.') || taken.has(finding.field)) continue;
    taken.add(finding.field);
    out.push({
      instancePath: `/${finding.field}`,
      schemaPath: `#/${RULE_KEYWORD}`,
      keyword: RULE_KEYWORD,
      params: { code: finding.code },
      message: finding.text,
    });
  }
  return out;
}

const sameErrors = (a: readonly ErrorObject[] | undefined, b: readonly ErrorObject[]): boolean =>
  (a ?? []).length === b.length && b.every((e, i) => e.instancePath === a![i]!.instancePath && e.message === a![i]!.message);

interface EntryTexts {
  save: string;
  clear: string;
  cancel: string;
  saving: string;
  saved: string;
  invalidTitle: (count: number) => string;
  invalidBody: string;
  savedWithWarnings: (count: number) => string;
  failedTitle: string;
}

export const entryTexts: Record<Lang, EntryTexts> = {
  'zh-CN': {
    save: '保存',
    clear: '清空',
    cancel: '取消',
    saving: '正在保存…',
    saved: '已保存',
    invalidTitle: (count) => `还有 ${count} 项需要修改`,
    invalidBody: '请按红字提示修改后再保存。',
    savedWithWarnings: (count) => `已保存，另有 ${count} 处请核对：`,
    failedTitle: '保存失败',
  },
  en: {
    save: 'Save',
    clear: 'Clear',
    cancel: 'Cancel',
    saving: 'Saving…',
    saved: 'Saved',
    invalidTitle: (count) => `${count} field${count === 1 ? '' : 's'} to correct`,
    invalidBody: 'Correct the fields marked in red, then save again.',
    savedWithWarnings: (count) => `Saved. ${count} thing${count === 1 ? '' : 's'} to check:`,
    failedTitle: 'Could not save',
  },
};

/**
 * English names of the groups in the shipped definitions (the definitions give groups a Chinese
 * `label` only). A group may also carry its own `options.labelEn`.
 */
export const groupLabelsEn: Readonly<Record<string, string>> = {
  基本信息: 'Basic information',
  宣传活动: 'Publicity',
  法律法规培训: 'Legal training',
  知识竞赛: 'Knowledge quiz',
  女职工专项集体合同: 'Special collective contracts for women workers',
  监督检查: 'Inspections',
  侵权案件: 'Rights-violation cases',
  报送材料: 'Materials sent',
  填报信息: 'Filled in by',
  竞赛安排: 'Quiz arrangements',
  参赛情况: 'Participation',
  案例内容: 'Case details',
};

/**
 * JSON Forms' `translate` for a form: `<field>.label` → the field's label (its `labelEn` in
 * English), `<field>.description` → the field's help in the language (else the schema
 * description); a group's label → its English name when English. Anything else: the default.
 */
export function formTranslator(form: CompiledForm, lang: Lang): Translator {
  return createTranslator((id, defaultMessage, values) => {
    const dot = id.lastIndexOf('.');
    if (dot > 0) {
      const field = form.byId.get(id.slice(0, dot));
      const key = id.slice(dot + 1);
      if (field && key === 'label') return fieldLabel(field, lang);
      if (field && key === 'description') {
        const help = field.def.help;
        return (lang === 'en' ? help?.en : undefined) ?? help?.['zh-CN'] ?? defaultMessage;
      }
    }
    if (lang === 'en') {
      const labelEn = (values as { uischema?: { options?: { labelEn?: unknown } } } | undefined)?.uischema?.options?.labelEn;
      if (typeof labelEn === 'string') return labelEn;
      if (Object.prototype.hasOwnProperty.call(groupLabelsEn, id)) return groupLabelsEn[id];
    }
    return defaultMessage;
  });
}

/** Blank cells of an existing row (`null`, `''`) are no value to the form, not a wrong one. */
export function entryDataOf(data: EntryData | undefined): EntryData {
  const out: EntryData = {};
  for (const [key, value] of Object.entries(data ?? {})) {
    if (value === null || value === undefined || value === '') continue;
    out[key] = Array.isArray(value)
      ? value.map((item) => (item && typeof item === 'object' && !Array.isArray(item) ? entryDataOf(item as EntryData) : item))
      : value;
  }
  return out;
}

let sharedAjv: Ajv | undefined;
/**
 * One Ajv (with formats) for all entry forms: JSON Forms compiles each schema on it once. Its
 * patterns run on the same linear-time matcher as the validator's, so that a user's form
 * definition cannot hang the pane while someone types.
 */
function entryAjv(): Ajv {
  return (sharedAjv ??= createSafeAjv());
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  footer: {
    position: 'sticky',
    bottom: 0,
    zIndex: 1,
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalS} 0`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
});

type Status = { kind: 'invalid'; count: number } | { kind: 'saved'; warnings: string[] } | { kind: 'failed'; message: string } | null;

/** The fields (control paths) Ajv complains about. */
function errorPaths(errors: readonly ErrorObject[]): Set<string> {
  return new Set(errors.map((e) => getControlPath(e)));
}

export function EntryForm({ form, lang, initialData, onSave, onCancel, onChange, today }: EntryFormProps) {
  const styles = useStyles();
  const t = entryTexts[lang];

  const [seed, setSeed] = useState<EntryData>(() => entryDataOf(initialData));
  const [shownInitial, setShownInitial] = useState(initialData);
  const [generation, setGeneration] = useState(0);
  const [submitted, setSubmitted] = useState(false);
  const [status, setStatus] = useState<Status>(null);
  const [saving, setSaving] = useState(false);

  const reset = (data: EntryData) => {
    setSeed(data);
    setGeneration((g) => g + 1); // a fresh JsonForms: touched marks and typed text go too
    setSubmitted(false);
    setStatus(null);
  };

  if (initialData !== shownInitial) {
    setShownInitial(initialData);
    reset(entryDataOf(initialData));
  }

  const check = useMemo(() => entryChecker(form, { lang, ...(today ? { today } : {}) }), [form, lang, today]);
  const checkRef = useRef(check);
  checkRef.current = check;

  // JSON Forms reports changes debounced; the middleware sees every state at once, so 保存
  // right after typing checks what was typed. It also adds the rules' errors to the state as
  // JSON Forms' additional errors: passed as a prop instead, each change of them would reset
  // the form to its `data` prop.
  const core = useRef<{ data: unknown; errors: ErrorObject[]; findings: EntryFinding[] }>({ data: seed, errors: [], findings: [] });
  const middleware = useCallback<Middleware>((state, action, reducer) => {
    let next = reducer(state, action);
    const data = (next.data ?? {}) as EntryData;
    const findings = core.current.data === next.data && next.data !== undefined ? core.current.findings : checkRef.current(data);
    const ajvErrors = next.errors ?? [];
    const extra = ruleErrors(findings, ajvErrors);
    if (!sameErrors(next.additionalErrors, extra)) next = { ...next, additionalErrors: extra };
    core.current = { data: next.data, errors: [...ajvErrors, ...(next.additionalErrors ?? [])], findings };
    return next;
  }, []);

  const rootRef = useRef<HTMLFormElement>(null);
  const statusRef = useRef<HTMLDivElement>(null);

  const i18n = useMemo<JsonFormsI18nState>(
    () => ({ locale: lang, translate: formTranslator(form, lang), translateError: createErrorTranslator(lang) }),
    [form, lang],
  );
  const config = useMemo<FluentRendererConfig>(() => ({ showErrors: submitted }), [submitted]);

  const savedData = useRef<unknown>(undefined);
  const handleChange = useCallback(
    ({ data }: Pick<JsonFormsCore, 'data' | 'errors'>) => {
      const list = core.current.data === data ? core.current.errors : [];
      setStatus((s) => {
        if (s?.kind === 'invalid') return list.length ? { kind: 'invalid', count: errorPaths(list).size } : null;
        if (s?.kind === 'saved' || s?.kind === 'failed') return data === savedData.current ? s : null;
        return s;
      });
      onChange?.(data as EntryData, list);
    },
    [onChange],
  );

  const save = async (event?: FormEvent) => {
    event?.preventDefault();
    if (saving) return;
    const { data, errors: list, findings } = core.current;
    if (list.length > 0) {
      setSubmitted(true);
      const paths = errorPaths(list);
      setStatus({ kind: 'invalid', count: paths.size });
      const inputs = rootRef.current ? Array.from(rootRef.current.querySelectorAll<HTMLElement>(`[${PATH_ATTRIBUTE}]`)) : [];
      const first = inputs.find((el) => paths.has(el.getAttribute(PATH_ATTRIBUTE) ?? ''));
      (first ?? statusRef.current)?.focus();
      return;
    }
    savedData.current = data;
    const warnings = findings.filter((f) => f.severity !== 'error').map((f) => f.message);
    const saved = () => {
      // A new row is done with: the form starts again empty, so a second 保存 adds nothing twice.
      if (initialData === undefined) {
        const empty: EntryData = {};
        reset(empty);
        // The fresh form reports its empty row once: that is not a change that hides 已保存.
        savedData.current = empty;
      }
      setStatus({ kind: 'saved', warnings });
    };
    const result = onSave(entryDataOf(data as EntryData));
    if (result && typeof (result as Promise<unknown>).then === 'function') {
      setSaving(true);
      try {
        await result;
        saved();
      } catch (err) {
        // Excel's refusal in the user's words; anything else, plain words (its own go to the console).
        setStatus({ kind: 'failed', message: errorText(err, lang) });
      } finally {
        setSaving(false);
      }
    } else {
      saved();
    }
  };

  return (
    <form ref={rootRef} className={styles.root} aria-label={formTitle(form, lang)} noValidate onSubmit={save}>
      <JsonForms
        key={generation}
        schema={form.def.schema as JsonSchema}
        uischema={form.def.uischema as UISchemaElement}
        data={seed}
        renderers={fluentRenderers}
        ajv={entryAjv()}
        i18n={i18n}
        config={config}
        validationMode="ValidateAndShow"
        middleware={middleware}
        onChange={handleChange}
      />
      <div ref={statusRef} tabIndex={-1}>
        {status?.kind === 'invalid' ? (
          <MessageBar intent="error" politeness="assertive">
            <MessageBarBody>
              <MessageBarTitle>{t.invalidTitle(status.count)}</MessageBarTitle>
              {t.invalidBody}
            </MessageBarBody>
          </MessageBar>
        ) : status?.kind === 'saved' ? (
          status.warnings.length > 0 ? (
            <MessageBar intent="warning">
              <MessageBarBody>
                <MessageBarTitle>{t.savedWithWarnings(status.warnings.length)}</MessageBarTitle>
                {status.warnings.map((w) => (
                  <div key={w}>{w}</div>
                ))}
              </MessageBarBody>
            </MessageBar>
          ) : (
            <MessageBar intent="success">
              <MessageBarBody>{t.saved}</MessageBarBody>
            </MessageBar>
          )
        ) : status?.kind === 'failed' ? (
          <MessageBar intent="error" politeness="assertive">
            <MessageBarBody>
              <MessageBarTitle>{t.failedTitle}</MessageBarTitle>
              {status.message}
            </MessageBarBody>
          </MessageBar>
        ) : null}
      </div>
      <div className={styles.footer}>
        <Button type="submit" appearance="primary" disabled={saving}>
          {t.save}
        </Button>
        <Button type="button" disabled={saving} onClick={() => reset({})}>
          {t.clear}
        </Button>
        {onCancel ? (
          <Button type="button" appearance="subtle" disabled={saving} onClick={onCancel}>
            {t.cancel}
          </Button>
        ) : null}
        {saving ? <Spinner size="tiny" labelPosition="after" label={t.saving} /> : null}
      </div>
    </form>
  );
}
