/**
 * A form's cross-field rules, compiled once into checks on one row's values. A broken rule
 * flags the row but excludes nothing: both values are valid, and only a person can tell
 * which one is wrong (spec). Table-wide rules (`unique`) are checked over all rows.
 */
import type { CompiledForm, CompiledField } from '../definitions/compile';
import { fieldLabel } from '../definitions/compile';
import type { CompareRule, CrossFieldRule, Lang, UniqueRule } from '../definitions/types';
import type { IssueInit } from '../issues/issue';
import { foldKey } from '../text/fold';

export type RowValues = Record<string, number | string | boolean | null | undefined>;

/** A rule's finding on one row: which field it is shown on, and the message. */
export type RuleFinding = Omit<IssueInit, 'cell' | 'row'> & { field: string };

export type RowCheck = (values: RowValues) => RuleFinding | undefined;

export interface CompiledRules {
  row: RowCheck[];
  table: UniqueRule[];
}

/** A label quoted as each language quotes. */
export function quote(text: string, lang: Lang): string {
  return lang === 'en' ? `"${text}"` : `“${text}”`;
}

const present = (v: RowValues[string]): boolean => v !== null && v !== undefined && v !== '';

function field(form: CompiledForm, id: string): CompiledField {
  const found = form.byId.get(id);
  if (!found) throw new Error(`rule names unknown field ${id}`);
  return found;
}

function compareCheck(form: CompiledForm, rule: CompareRule, lang: Lang): RowCheck {
  const left = field(form, rule.field);
  const right = field(form, rule.other);
  // Dates are earlier or later, not fewer or more.
  const dates = left.def.type === 'date';
  const code =
    rule.op === '<='
      ? dates
        ? 'rule.date-after'
        : 'rule.not-more-than'
      : rule.op === '>='
        ? dates
          ? 'rule.date-before'
          : 'rule.not-less-than'
        : 'rule.not-equal';
  const holds =
    rule.op === '<='
      ? (a: number | string, b: number | string) => a <= b
      : rule.op === '>='
        ? (a: number | string, b: number | string) => a >= b
        : (a: number | string, b: number | string) => a === b;
  return (values) => {
    const a = values[left.id];
    const b = values[right.id];
    if (!present(a) || !present(b) || typeof a === 'boolean' || typeof b === 'boolean') return undefined;
    if (holds(a as number | string, b as number | string)) return undefined;
    return {
      code,
      field: left.id,
      label: fieldLabel(left, lang),
      rule: rule.id,
      severity: rule.severity ?? 'error',
      params: { value: String(a), otherLabel: fieldLabel(right, lang), otherValue: String(b) },
    };
  };
}

function compileRowRule(form: CompiledForm, rule: Exclude<CrossFieldRule, UniqueRule>, lang: Lang, today: string): RowCheck {
  switch (rule.kind) {
    case 'compare':
      return compareCheck(form, rule, lang);
    case 'sum': {
      const total = field(form, rule.total);
      const parts = rule.parts.map((id) => field(form, id));
      const partsLabel = parts.map((p) => quote(fieldLabel(p, lang), lang)).join(lang === 'en' ? ', ' : '、');
      return (values) => {
        const t = values[total.id];
        if (typeof t !== 'number') return undefined;
        let sum = 0;
        for (const part of parts) {
          const v = values[part.id];
          if (typeof v !== 'number') return undefined;
          sum += v;
        }
        if (sum === t) return undefined;
        return {
          code: 'rule.sum',
          field: total.id,
          label: fieldLabel(total, lang),
          rule: rule.id,
          severity: rule.severity ?? 'error',
          params: { value: t, parts: partsLabel, sum },
        };
      };
    }
    case 'requiredWhen': {
      const target = field(form, rule.field);
      const when = field(form, rule.when.field);
      return (values) => {
        if (values[when.id] !== rule.when.equals || present(values[target.id])) return undefined;
        return {
          code: 'rule.required-when',
          field: target.id,
          label: fieldLabel(target, lang),
          rule: rule.id,
          severity: rule.severity ?? 'error',
          params: { whenLabel: fieldLabel(when, lang), whenValue: rule.when.equals },
        };
      };
    }
    case 'notAfterToday': {
      const target = field(form, rule.field);
      return (values) => {
        const v = values[target.id];
        if (typeof v !== 'string' || v <= today) return undefined;
        return {
          code: 'rule.date-in-future',
          field: target.id,
          label: fieldLabel(target, lang),
          rule: rule.id,
          severity: rule.severity ?? 'error',
          params: { value: v, today },
        };
      };
    }
  }
}

export function compileRules(form: CompiledForm, lang: Lang, today: string): CompiledRules {
  const compiled: CompiledRules = { row: [], table: [] };
  for (const rule of form.def.rules ?? []) {
    if (rule.kind === 'unique') compiled.table.push(rule);
    else compiled.row.push(compileRowRule(form, rule, lang, today));
  }
  return compiled;
}

export interface KeyedRow {
  /** 1-based sheet row. */
  row: number;
  values: RowValues;
}

/** Rows repeating an earlier row's `rule.fields` (compared as folded text), each with the row it repeats. */
export function findDuplicates(rule: UniqueRule, rows: readonly KeyedRow[]): { row: KeyedRow; first: KeyedRow }[] {
  const seen = new Map<string, KeyedRow>();
  const found: { row: KeyedRow; first: KeyedRow }[] = [];
  for (const row of rows) {
    const parts = rule.fields.map((id) => row.values[id]);
    if (parts.some((p) => !present(p))) continue;
    const key = parts.map((p) => foldKey(String(p))).join('\u0000');
    const first = seen.get(key);
    if (first) found.push({ row, first });
    else seen.set(key, row);
  }
  return found;
}
