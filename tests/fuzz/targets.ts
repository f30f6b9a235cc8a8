/**
 * Fuzz targets: the value parser, the table locator (with the table and workbook checks that
 * run on what it finds) and the file readers, as fast-check properties parameterised by
 * number of runs and seed.
 *
 * Each target generates an input, runs the code under test on it and checks what the spec
 * promises for any input: nothing throws, every result has the documented shape, a count is
 * never guessed (`/work/shared/spec/forms.md`, "Values as units really write them"), every
 * issue has a message and a real A1 cell, `Object.prototype` is left alone, and each case
 * ends within a time budget.
 *
 * `runTarget` runs one target in this thread and keeps going after a failure, so that a run
 * reports how many cases failed and how many distinct ways (each then shrunk by fast-check
 * to a small counterexample). `runIsolated` runs targets in a worker thread under a
 * watchdog, so that a case that never ends (an endless loop, a catastrophic regex) is
 * reported as a hang with its input instead of stalling the run. `scripts/fuzz.ts` and
 * `tests/fuzz/fuzz-slice.test.ts` both use it.
 */
import fc from 'fast-check';
import * as XLSX from '@e965/xlsx';
import { unzipSync, zipSync } from 'fflate';
import * as fs from 'fs';
import iconv from 'iconv-lite';
import * as path from 'path';
import { Worker, isMainThread, parentPort, workerData } from 'worker_threads';
import { compileForm, type CompiledField, type CompiledForm } from '../../src/core/definitions/compile';
import { shippedForms } from '../../src/core/definitions/shipped';
import type { FieldType, Lang } from '../../src/core/definitions/types';
import { catalogue, type IssueCode, type IssueParams } from '../../src/core/issues/catalogue';
import type { Issue } from '../../src/core/issues/issue';
import type { Grid, Merge } from '../../src/core/table/grid';
import { locateTable, rankForms, type LocatedTable } from '../../src/core/table/locate';
import type { TableReport } from '../../src/core/validate/table';
import { NO_TABLE_CODES, validateGrids } from '../../src/core/validate/workbook';
import { KNOWN_UNITS, parseCell, type CellValue, type ParseResult, type ValueContext } from '../../src/core/values';
import { META_SHEET } from '../../src/core/meta/records';
import { readWorkbook, type ReadResult } from '../../src/files/readWorkbook';

// ─────────────────────────────────────────────────────────────────────────────────────────
// Failures: a crash is an exception from the code under test; a violation is a broken promise.
// ─────────────────────────────────────────────────────────────────────────────────────────

/** The code under test threw. */
export class Crash extends Error {
  constructor(
    readonly where: string,
    readonly error: unknown,
  ) {
    super(`${where} threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
  }
}

/** The code under test returned, but broke a promise of the spec. `id` names the promise. */
export class Violation extends Error {
  constructor(
    readonly id: string,
    detail: string,
  ) {
    super(`[${id}] ${detail}`);
  }
}

function expect_(condition: unknown, id: string, detail: () => string): asserts condition {
  if (!condition) throw new Violation(id, detail());
}

/** Time spent in the code under test during the current case (checks excluded). */
interface Clock {
  ms: number;
}

function call<R>(clock: Clock, where: string, fn: () => R): R {
  const start = performance.now();
  try {
    return fn();
  } catch (error) {
    throw new Crash(where, error);
  } finally {
    clock.ms += performance.now() - start;
  }
}

const show = (value: unknown, max = 300): string => {
  let text: string;
  try {
    text = fc.stringify(value);
  } catch {
    text = String(value);
  }
  return text.length > max ? `${text.slice(0, max)}… (${text.length} chars)` : text;
};

// ─────────────────────────────────────────────────────────────────────────────────────────
// Shared invariants
// ─────────────────────────────────────────────────────────────────────────────────────────

const PROTOTYPES: [string, object][] = [
  ['Object.prototype', Object.prototype],
  ['Array.prototype', Array.prototype],
  ['Function.prototype', Function.prototype],
  ['Map.prototype', Map.prototype],
  ['Set.prototype', Set.prototype],
  ['String.prototype', String.prototype],
  ['Number.prototype', Number.prototype],
  ['Date.prototype', Date.prototype],
  ['RegExp.prototype', RegExp.prototype],
];

function prototypeSnapshot(): Map<string, unknown>[] {
  return PROTOTYPES.map(([, proto]) => {
    const props = new Map<string, unknown>();
    for (const key of Reflect.ownKeys(proto)) {
      const descriptor = Object.getOwnPropertyDescriptor(proto, key)!;
      props.set(String(key), 'value' in descriptor ? descriptor.value : descriptor.get);
    }
    return props;
  });
}

const PROTOTYPES_BEFORE = prototypeSnapshot();

/** No prototype gained, lost or changed a property; `{}` has no `polluted`. */
export function checkNoPollution(): void {
  expect_(({} as Record<string, unknown>).polluted === undefined, 'no-pollution', () => '({}).polluted is defined after the case');
  expect_(({} as object).constructor === Object, 'no-pollution', () => '({}).constructor is no longer Object');
  const now = prototypeSnapshot();
  for (let i = 0; i < PROTOTYPES.length; i++) {
    const before = PROTOTYPES_BEFORE[i]!;
    const after = now[i]!;
    for (const [key, value] of after) {
      expect_(before.has(key) && before.get(key) === value, 'no-pollution', () => `${PROTOTYPES[i]![0]}.${key} was added or replaced`);
    }
    expect_(before.size === after.size, 'no-pollution', () => `${PROTOTYPES[i]![0]} lost a property`);
  }
}

const SLOT = /\{(\w+)\}/g;

/** Every `{slot}` of the code's templates (both languages) has a param: no message shows a raw slot. */
function checkParamsFill(code: IssueCode, params: IssueParams, id: string): void {
  const entry = catalogue[code];
  expect_(entry !== undefined, id, () => `unknown issue code ${show(code)}`);
  for (const template of [entry['zh-CN'], entry.en]) {
    for (const [, name] of template.matchAll(SLOT)) {
      // A slot the entry fills itself (`literal`: words the user types, the same in both languages) needs no param.
      const filled =
        Object.prototype.hasOwnProperty.call(params, name!) ||
        (entry.literal !== undefined && Object.prototype.hasOwnProperty.call(entry.literal, name!));
      expect_(filled, id, () => `${code}: param {${name}} missing from ${show(params)}`);
    }
  }
  for (const [key, value] of Object.entries(params)) {
    expect_(
      typeof value === 'string' || (typeof value === 'number' && !Number.isNaN(value)),
      id,
      () => `${code}: param ${key} is ${show(value)}`,
    );
  }
}

const A1 = /^([A-Z]{1,3})([1-9]\d{0,6})$/;

/** 0-based row and column of an A1 address, or undefined where it is not one. */
export function decodeA1(cell: string): { r: number; c: number } | undefined {
  const m = A1.exec(cell);
  if (!m) return undefined;
  let c = 0;
  for (const ch of m[1]!) c = c * 26 + (ch.charCodeAt(0) - 64);
  return { r: Number(m[2]) - 1, c: c - 1 };
}

interface GridBounds {
  rows: number;
  width: number;
}

function boundsOf(grids: readonly Grid[]): Map<string, GridBounds> {
  const bounds = new Map<string, GridBounds>();
  for (const grid of grids) {
    let width = 0;
    for (const row of grid.rows) width = Math.max(width, row?.length ?? 0);
    const seen = bounds.get(grid.sheet);
    bounds.set(grid.sheet, { rows: Math.max(grid.rows.length, seen?.rows ?? 0), width: Math.max(width, seen?.width ?? 0) });
  }
  return bounds;
}

/** Every issue: a known code and severity, a message, complete params, a real A1 cell inside its sheet. */
function checkIssue(issue: Issue, bounds: GridBounds | undefined, lang: Lang): void {
  const id = 'issue-shape';
  expect_(issue !== null && typeof issue === 'object', id, () => `issue is ${show(issue)}`);
  expect_(typeof issue.message === 'string' && issue.message.trim() !== '', id, () => `issue without a message: ${show(issue)}`);
  expect_(issue.severity === 'error' || issue.severity === 'warning', id, () => `severity ${show(issue.severity)}`);
  expect_(typeof issue.rule === 'string' && issue.rule !== '', id, () => `rule ${show(issue.rule)}`);
  checkParamsFill(issue.code, issue.params, id);
  if (issue.cell !== undefined) {
    const at = typeof issue.cell === 'string' ? decodeA1(issue.cell) : undefined;
    expect_(at !== undefined, 'issue-cell', () => `${issue.code}: cell ${show(issue.cell)} is not an A1 address`);
    expect_(
      issue.message.startsWith(issue.cell),
      'issue-cell',
      () => `${issue.code}: message does not start with its cell ${issue.cell}: ${show(issue.message)}`,
    );
    if (bounds) {
      expect_(
        at.r < Math.max(bounds.rows, 1) && at.c < Math.max(bounds.width, 1),
        'issue-cell',
        () => `${issue.code}: cell ${issue.cell} lies outside the sheet (${bounds.rows} rows × ${bounds.width} columns)`,
      );
    }
    if (issue.row !== undefined)
      expect_(issue.row === at.r + 1, 'issue-cell', () => `${issue.code}: cell ${issue.cell} but row ${issue.row}`);
  }
  if (issue.row !== undefined) {
    expect_(Number.isSafeInteger(issue.row) && issue.row >= 1, 'issue-row', () => `${issue.code}: row ${show(issue.row)}`);
    if (bounds)
      expect_(issue.row <= bounds.rows + 1, 'issue-row', () => `${issue.code}: row ${issue.row} beyond the sheet's ${bounds.rows} rows`);
  }
  // `undefined`, `NaN`, `[object …]` in a message are fine only where the person typed them.
  let own = issue.message;
  for (const value of [...Object.values(issue.params), issue.sheet ?? '', issue.file ?? ''])
    if (String(value) !== '') own = own.split(String(value)).join('');
  expect_(!/undefined|\bNaN\b|\[object /.test(own), 'issue-message', () => `${issue.code} (${lang}): ${show(issue.message)}`);
}

// ─────────────────────────────────────────────────────────────────────────────────────────
// The value parser
// ─────────────────────────────────────────────────────────────────────────────────────────

const FIELD_TYPES: FieldType[] = ['int', 'number', 'date', 'enum', 'phone', 'email', 'boolean', 'text'];

let formsCache: CompiledForm[] | undefined;
export function compiledForms(): CompiledForm[] {
  return (formsCache ??= shippedForms.map(compileForm));
}

const FORM_UNITS = [
  ...new Set(
    shippedForms.flatMap((form) =>
      Object.values(form.fields)
        .map((f) => f.unit)
        .filter((u): u is string => typeof u === 'string'),
    ),
  ),
];
const UNITS = [...new Set([...FORM_UNITS, ...KNOWN_UNITS])];
const FORM_OPTIONS: string[][] = shippedForms.flatMap((form) =>
  Object.values(form.schema.properties).flatMap((p) => (p.enum ? [p.enum as string[]] : [])),
);

/** One parse: the same check whatever made the input. */
interface ParseCase {
  raw: CellValue;
  ctx: ValueContext;
}

const FULL_WIDTH = /[\uff01-\uff5e]/g;
/** Full-width ASCII to half-width, the ideographic space to a space (as a person reads it). */
export function halfWidth(text: string): string {
  return text.replace(FULL_WIDTH, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

const toFullWidth = (text: string): string => text.replace(/[!-~]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The spec's "not reported" words: dashes, a slash (any width). */
const PLACEHOLDER = /^(?:[-－—–―─]+|[/／])$/;

const acceptedCache = new Map<string, RegExp>();
/**
 * Every way the spec lets a count or amount be written, on half-width trimmed text:
 * `约`/`大约` (approximate), the figure with thousands separators, decimals, `万`, `余`/`多`,
 * the field's own unit (or its first character: `人` in a `人次` field), `左右`.
 */
function acceptedNumber(unit: string | undefined): RegExp {
  const key = unit ?? '\u0000';
  let re = acceptedCache.get(key);
  if (!re) {
    const units = unit
      ? [...new Set([unit, ...[...unit].map((_, i) => unit.slice(0, i + 1))])].sort((a, b) => b.length - a.length).map(escapeRegExp)
      : [];
    const unitPart = units.length ? `(?:${units.join('|')})?` : '';
    re = new RegExp(`^(?:约|大约)?\\s*(\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.(\\d+))?\\s*(万)?\\s*(?:余|多)?\\s*${unitPart}\\s*(?:左右)?$`);
    acceptedCache.set(key, re);
  }
  return re;
}

type Expected = { kind: 'blank' } | { kind: 'number'; value: number } | { kind: 'error' };

/** What the spec says a count/amount written as `raw` reads as, worked out on the decimal text. */
export function specNumber(raw: string, integer: boolean, unit: string | undefined): Expected {
  const trimmed = raw.trim();
  if (trimmed === '' || PLACEHOLDER.test(trimmed)) return { kind: 'blank' };
  const text = halfWidth(trimmed);
  if (text === '无') return { kind: 'number', value: 0 };
  // The parser refuses written figures over 40 characters (no count is written that long, and
  // the patterns must not meet long runs of spaces); so does this model, for the same reason.
  if (text.length > 40) return { kind: 'error' };
  const m = acceptedNumber(unit).exec(text);
  if (!m) return { kind: 'error' };
  const whole = m[1]!.replace(/,/g, '').replace(/^0+(?=\d)/, '');
  let decimals = m[2] ?? '';
  let intPart = whole;
  if (m[3] !== undefined) {
    const padded = decimals.padEnd(4, '0');
    intPart = `${whole}${padded.slice(0, 4)}`.replace(/^0+(?=\d)/, '');
    decimals = padded.slice(4);
  }
  const fraction = decimals.replace(/0+$/, '');
  if (integer) {
    if (fraction !== '') return { kind: 'error' };
    const value = Number(intPart);
    return Number.isSafeInteger(value) ? { kind: 'number', value } : { kind: 'error' };
  }
  const value = Number(fraction ? `${intPart}.${fraction}` : intPart);
  return Number.isFinite(value) ? { kind: 'number', value } : { kind: 'error' };
}

/** A real calendar day in `YYYY-MM-DD`. */
function isCalendarDay(iso: unknown): iso is string {
  if (typeof iso !== 'string') return false;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d);
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

const isoOf = (y: number, m: number, d: number) =>
  `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** Excel's 1900 system, from the spec's "Excel serial numbers": the day of a serial, or null. */
function excelSerialDay(serial: number): string | null {
  if (!Number.isFinite(serial)) return null;
  const day = Math.floor(serial);
  if (day < 1 || day > 2958465 || day === 60) return null;
  // 1900-02-29 never was; Excel counts it, so serials after it start a day earlier.
  const ms = (day < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30)) + day * 86_400_000;
  const date = new Date(ms);
  return isoOf(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/** What the spec says a date written as `raw` reads as, for the forms it lists; undefined: not listed. */
function specDate(raw: string, year: number | undefined): Expected | { kind: 'date'; value: string } | undefined {
  const trimmed = raw.trim();
  if (trimmed === '' || PLACEHOLDER.test(trimmed)) return { kind: 'blank' };
  const text = halfWidth(trimmed);
  // Years before 1000 are no return's; what they read as is left to the implementation.
  const day = (y: number, m: number, d: number) => {
    if (y < 1000) return undefined;
    const iso = isoOf(y, m, d);
    return isCalendarDay(iso) ? { kind: 'date' as const, value: iso } : { kind: 'error' as const };
  };
  let m = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/.exec(text);
  if (m) return day(Number(m[1]), Number(m[3]), Number(m[4]));
  m = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/.exec(text);
  if (m) return day(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})月(\d{1,2})日$/.exec(text);
  if (m) return year === undefined ? { kind: 'error' } : day(year, Number(m[1]), Number(m[2]));
  return undefined;
}

/** Checks one parse against the spec; throws a Violation naming the broken promise. */
export function checkParse(raw: CellValue, ctx: ValueContext, result: ParseResult): void {
  const input = () => `parseCell(${show(raw)}, ${show(ctx)}) = ${show(result, 600)}`;
  expect_(result !== null && typeof result === 'object' && typeof result.ok === 'boolean', 'parse-shape', input);
  if (!result.ok) {
    expect_(typeof result.code === 'string' && result.code.startsWith('value.'), 'parse-shape', () => `failure code: ${input()}`);
    expect_(
      result.params !== null && typeof result.params === 'object' && typeof result.params.value === 'string',
      'parse-shape',
      () => `failure params: ${input()}`,
    );
    checkParamsFill(result.code, result.params, 'parse-message');
  } else {
    expect_(Array.isArray(result.notes), 'parse-shape', () => `notes: ${input()}`);
    for (const note of result.notes) {
      expect_(
        note &&
          typeof note.code === 'string' &&
          note.code.startsWith('value.') &&
          catalogue[note.code as IssueCode]?.severity === 'warning',
        'parse-shape',
        () => `note ${show(note)}: ${input()}`,
      );
      checkParamsFill(note.code, note.params, 'parse-message');
    }
    if (result.placeholder !== undefined)
      expect_(result.value === null && typeof result.placeholder === 'string', 'parse-shape', () => `placeholder with a value: ${input()}`);
  }
  const value = result.ok ? result.value : undefined;
  switch (ctx.type) {
    case 'int':
    case 'number':
      checkCount(raw, ctx, result, input);
      break;
    case 'date':
      checkDate(raw, ctx, result, input);
      break;
    case 'enum':
      if (result.ok)
        expect_(
          value === null || (typeof value === 'string' && (ctx.options ?? []).includes(value)),
          'parse-enum',
          () => `an enum value outside its options: ${input()}`,
        );
      break;
    case 'boolean':
      if (result.ok) expect_(value === null || typeof value === 'boolean', 'parse-type', () => `boolean: ${input()}`);
      if (result.ok && value !== null)
        expect_(typeof raw !== 'object' || raw === null, 'parse-boolean', () => `a date read as yes/no: ${input()}`);
      break;
    case 'text':
      if (result.ok) expect_(value === null || typeof value === 'string', 'parse-type', () => `text: ${input()}`);
      if (result.ok && typeof raw === 'string')
        expect_(value === null || value === raw.trim(), 'parse-text', () => `text not kept as typed: ${input()}`);
      break;
    case 'phone':
      if (result.ok)
        expect_(
          value === null || (typeof value === 'string' && (halfWidth(value).match(/\d/g) ?? []).length >= 7),
          'parse-phone',
          () => `a phone number with fewer than 7 digits: ${input()}`,
        );
      break;
    case 'email':
      if (result.ok)
        expect_(
          value === null || (typeof value === 'string' && value.includes('@')),
          'parse-email',
          () => `an e-mail address without @: ${input()}`,
        );
      break;
  }
}

function checkCount(raw: CellValue, ctx: ValueContext, result: ParseResult, input: () => string): void {
  const integer = ctx.type === 'int';
  if (result.ok && result.value !== null) {
    const v = result.value;
    expect_(typeof v === 'number', 'count-type', () => `not a number: ${input()}`);
    expect_(Number.isFinite(v) && v >= 0 && !Object.is(v, -0), 'count-finite', () => `not finite and ≥ 0: ${input()}`);
    if (integer) expect_(Number.isSafeInteger(v), 'count-integer', () => `an int field read a non-integer: ${input()}`);
  }
  if (raw === null || raw === undefined) {
    expect_(result.ok && result.value === null, 'count-blank', () => `a blank cell is not "not reported": ${input()}`);
    return;
  }
  if (typeof raw === 'boolean' || raw instanceof Date) {
    expect_(!result.ok, 'count-not-guessed', () => `a ${typeof raw === 'boolean' ? 'yes/no' : 'date'} cell read as a count: ${input()}`);
    return;
  }
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw) || raw < 0) {
      expect_(!result.ok, 'count-not-guessed', () => `a negative or non-finite number read as a count: ${input()}`);
      return;
    }
    if (integer && Number.isSafeInteger(raw))
      expect_(result.ok && result.value === raw, 'count-clean', () => `a clean count not read: ${input()}`);
    if (!integer) expect_(result.ok && result.value === raw, 'count-clean', () => `a clean amount not read: ${input()}`);
    if (result.ok && typeof result.value === 'number') {
      // Formula noise (12.000000000000002) may be read as what Excel shows; nothing more.
      expect_(
        Math.abs(result.value - raw) <= 1e-9 * Math.max(1, raw),
        'count-not-guessed',
        () => `a number read as another number: ${input()}`,
      );
    }
    return;
  }
  const expected = specNumber(raw, integer, ctx.unit);
  switch (expected.kind) {
    case 'blank':
      expect_(result.ok && result.value === null, 'count-blank', () => `not read as "not reported": ${input()}`);
      break;
    case 'number':
      expect_(result.ok && result.value === expected.value, 'count-accepted', () => `the spec reads ${expected.value}: ${input()}`);
      break;
    case 'error':
      // "an error, and the value is left out of every total (never guessed)"
      expect_(!result.ok, 'count-not-guessed', () => `the spec says error: ${input()}`);
      break;
  }
}

function checkDate(raw: CellValue, ctx: ValueContext, result: ParseResult, input: () => string): void {
  if (result.ok && result.value !== null) expect_(isCalendarDay(result.value), 'date-real', () => `not a calendar day: ${input()}`);
  if (raw === null || raw === undefined) {
    expect_(result.ok && result.value === null, 'date-blank', () => `blank: ${input()}`);
  } else if (typeof raw === 'boolean') {
    expect_(!result.ok, 'date-not-guessed', () => `yes/no read as a date: ${input()}`);
  } else if (raw instanceof Date) {
    const t = raw.getTime();
    const year = new Date(t).getUTCFullYear();
    const expected = Number.isNaN(t) || year < 1000 || year > 9999 ? null : isoOf(year, raw.getUTCMonth() + 1, raw.getUTCDate());
    expect_(
      expected === null ? !result.ok : result.ok && result.value === expected,
      'date-cell',
      () => `expected ${expected ?? 'an error'}: ${input()}`,
    );
  } else if (typeof raw === 'number') {
    const expected = excelSerialDay(raw);
    expect_(
      expected === null ? !result.ok : result.ok && result.value === expected,
      'date-serial',
      () => `expected ${expected ?? 'an error'}: ${input()}`,
    );
  } else {
    const expected = specDate(raw, ctx.year);
    if (expected === undefined) {
      // Not one of the spec's forms (maybe a tolerated variant): a date read must come from the text's own numbers.
      if (result.ok && typeof result.value === 'string') {
        const numbers = (halfWidth(raw).match(/\d+/g) ?? []).map(Number);
        const [y, m, d] = result.value.split('-').map(Number) as [number, number, number];
        const digitsOnly = /^\s*\d+\s*$/.test(halfWidth(raw));
        const written =
          (numbers[0] === y && numbers[1] === m && numbers[2] === d) ||
          (ctx.year === y && numbers[0] === m && numbers[1] === d && result.notes.some((n) => n.code === 'value.date-year-assumed'));
        expect_(digitsOnly || written, 'date-not-guessed', () => `a date not written in the text: ${input()}`);
      }
    } else if (expected.kind === 'blank') {
      expect_(result.ok && result.value === null, 'date-blank', () => `not "not reported": ${input()}`);
    } else if (expected.kind === 'date') {
      expect_(result.ok && result.value === expected.value, 'date-accepted', () => `the spec reads ${expected.value}: ${input()}`);
    } else {
      expect_(!result.ok, 'date-not-guessed', () => `the spec says error: ${input()}`);
    }
  }
}

// ── Cell values as units type them ──

const CJK = [...'约余多万人场份次家项件张篇个支名位年月日号无合计小注若干很左右至到大一二三十百千零两是否男女工会区街道填表说明'];
const DIGITS = [...'0123456789'];
const FW_DIGITS = [...'０１２３４５６７８９'];
const PUNCT = [...'—–―─-－/／，,.。、~～〜:：;；()（）【】[]*+%@#"\'“”‐−'];
const SPACES = [' ', '\u3000', '\t', '\n', '\r', '\u00a0', '\ufeff', '\u200b', '\u2003'];
const LETTERS = [...'eExXabcABCＡｅ'];
/** The spec's tokens and the ways its examples are written, whole. */
const TOKENS = [
  '约',
  '大约',
  '余',
  '多',
  '万',
  '人',
  '人次',
  '场',
  '场次',
  '份',
  '—',
  '——',
  '/',
  '，',
  ',',
  '年',
  '月',
  '日',
  '左右',
  '无',
  '合计',
  '-',
  '.',
  '1,200',
  '１２０',
  '120人',
  '12场',
  '5份',
  '1.2万',
  '约500',
  '500余',
  '500多',
  '12.0',
  '100-120',
  '若干',
  '很多',
  '12人',
  '2024',
  '3月20日',
  '2024-03-20',
  '2024/3/20',
  '2024.3.20',
  '2024年3月20日',
  '45371',
  '138-1234-5678',
  '022-24316934',
  'a@b.cn',
  '是',
  '否',
  '√',
  '×',
  '__proto__',
  'constructor',
  'prototype',
  'e5',
  'Infinity',
  'NaN',
  '0x1F',
  '1e21',
  '9007199254740993',
  '0.1',
  '-0',
  '−5',
  '－５',
];
const ALPHABET = [...CJK, ...DIGITS, ...FW_DIGITS, ...PUNCT, ...SPACES, ...LETTERS];

/** A short string as units type it: CJK, digits (both widths), punctuation and the spec's tokens. */
const typedString = fc
  .array(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...ALPHABET) }, { weight: 1, arbitrary: fc.constantFrom(...TOKENS) }), {
    maxLength: 10,
  })
  .map((parts) => parts.join(''));

/** Long runs (up to Excel's 32,767 characters) for regexes that backtrack. */
const longString = fc
  .tuple(
    fc.constantFrom('', '约', '1', '１', '2024'),
    fc.constantFrom(...TOKENS, ...ALPHABET, '1 ', '1,', '1-', 'a.', 'a-', '1.', '人 ', ' '),
    fc.integer({ min: 100, max: 16_000 }),
    fc.constantFrom('', 'x', '-', '人', '1', '@', '万', '日'),
  )
  .map(([head, unit, times, tail]) => (head + unit.repeat(times)).slice(0, 32_000) + tail);

const NUMBER_EDGES = [
  0,
  -0,
  1,
  -1,
  0.5,
  12.5,
  12.000000000000002,
  11.999999999999998,
  59,
  60,
  61,
  45371,
  45371.75,
  2958465,
  2958466,
  32874,
  69762,
  Number.MAX_SAFE_INTEGER,
  Number.MAX_SAFE_INTEGER + 1,
  2 ** 53 + 2,
  1e15,
  1e16,
  1e21,
  1e-7,
  1e-300,
  Number.MIN_VALUE,
  -Number.MIN_VALUE,
  Number.MAX_VALUE,
  -Number.MAX_VALUE,
  NaN,
  Infinity,
  -Infinity,
  13812345678,
  2 ** 31,
  2 ** 32,
  -(2 ** 31),
];

const numberCell: fc.Arbitrary<number> = fc.oneof(
  { weight: 3, arbitrary: fc.nat({ max: 100_000 }) },
  { weight: 2, arbitrary: fc.double() },
  { weight: 2, arbitrary: fc.constantFrom(...NUMBER_EDGES) },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true }) },
  { weight: 1, arbitrary: fc.tuple(fc.nat({ max: 2 ** 40 }), fc.integer({ min: 1, max: 7 })).map(([n, k]) => n + k / 8) },
);

const INVALID_DATE = new Date(NaN);
const dateCell: fc.Arbitrary<Date> = fc.oneof(
  fc.date({ noInvalidDate: false }),
  fc.constant(INVALID_DATE),
  fc.integer({ min: -8.64e15, max: 8.64e15 }).map((ms) => new Date(ms)),
  fc
    .tuple(fc.integer({ min: 1899, max: 2100 }), fc.nat({ max: 11 }), fc.integer({ min: 1, max: 31 }))
    .map(([y, m, d]) => new Date(Date.UTC(y, m, d))),
);

/** Any cell a reader may hand over. */
export const cellArb: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 6, arbitrary: typedString },
  { weight: 4, arbitrary: numberCell },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }) },
  { weight: 1, arbitrary: longString },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: dateCell },
  { weight: 1, arbitrary: fc.constantFrom<CellValue>(null, undefined, '', ' ', '\u3000', '—', '/', '－', '无') },
);

const realContexts: ValueContext[] = shippedForms.flatMap((form) => compileForm(form).fields.map((f) => ({ ...f.value })));

export const contextArb: fc.Arbitrary<ValueContext> = fc.oneof(
  fc
    .record({
      real: fc.constantFrom(...realContexts),
      typed: fc.boolean(),
      year: fc.option(fc.integer({ min: 1000, max: 9999 }), { nil: undefined }),
    })
    .map(({ real, typed, year }) => {
      const ctx: ValueContext = { ...real, typed };
      if (year !== undefined) ctx.year = year;
      return ctx;
    }),
  fc
    .record({
      type: fc.constantFrom(...FIELD_TYPES),
      unit: fc.option(fc.constantFrom(...UNITS), { nil: undefined }),
      options: fc.option(
        fc.oneof(
          fc.constantFrom(...FORM_OPTIONS),
          fc.array(fc.oneof(typedString, fc.constantFrom('__proto__', 'constructor', 'toString')), { maxLength: 5 }),
        ),
        { nil: undefined },
      ),
      year: fc.option(fc.integer({ min: 1000, max: 9999 }), { nil: undefined }),
      typed: fc.boolean(),
    })
    .map(({ type, unit, options, year, typed }) => {
      const ctx: ValueContext = { type, typed };
      if (unit !== undefined) ctx.unit = unit;
      if (options !== undefined) ctx.options = options;
      if (year !== undefined) ctx.year = year;
      return ctx;
    }),
);

function runParse({ raw, ctx }: ParseCase, clock: Clock): void {
  const result = call(clock, 'parseCell', () => parseCell(raw, ctx));
  checkParse(raw, ctx, result);
}

// ── Inputs the spec calls errors: words, ranges, negatives, fractions, another unit ──

interface ErrorCase extends ParseCase {
  category: string;
}

const WORD_CHARS = [...'约余多万人场份次年月日左右若干很一二三十百千零两是否大概不详未统计，,—/.、~()（）%+eE ①Ⅻ٣²', '\u3000'];
const WORD_TOKENS = [
  '若干',
  '很多',
  '约',
  '余',
  '多',
  '万',
  '人次',
  '场次',
  '——',
  '十二',
  '三百',
  '一千二',
  'NaN',
  'Infinity',
  'null',
  'undefined',
  '无无',
  '未统计',
  '不详',
  '__proto__',
  '约数',
  '见附件',
];
const wordString = fc
  .array(fc.oneof(fc.constantFrom(...WORD_CHARS), fc.constantFrom(...WORD_TOKENS)), { minLength: 1, maxLength: 8 })
  .map((parts) => parts.join(''))
  .filter((s) => halfWidth(s).trim() !== '无');

const digitsArb = fc.oneof(fc.nat({ max: 999 }), fc.nat({ max: 9_999_999 })).map(String);
const positiveDigits = fc.integer({ min: 1, max: 9_999_999 }).map(String);

/** A figure dressed as units dress them: `约`, `万`, a unit, full-width digits. */
const dressed = (digits: fc.Arbitrary<string>) =>
  fc
    .record({
      digits,
      about: fc.boolean(),
      wan: fc.boolean(),
      unit: fc.option(fc.constantFrom(...UNITS), { nil: undefined }),
      wide: fc.boolean(),
    })
    .map(({ digits: d, about, wan, unit, wide }) => {
      const text = `${about ? '约' : ''}${wide ? toFullWidth(d) : d}${wan ? '万' : ''}${unit ?? ''}`;
      return text;
    });

const RANGE_SEPARATORS = ['-', '~', '～', '〜', '至', '到', '—', '–', '―', '－', ' - ', '--', '——', ' 至 ', '‐', '−'];
const NEGATIVE_SIGNS = ['-', '−', '－', '—', '–', '负', '(', ' -', '- '];

const countCtx = (types: FieldType[]) =>
  fc
    .record({ type: fc.constantFrom(...types), unit: fc.option(fc.constantFrom(...UNITS), { nil: undefined }), typed: fc.boolean() })
    .map(({ type, unit, typed }) => {
      const ctx: ValueContext = { type, typed };
      if (unit !== undefined) ctx.unit = unit;
      return ctx;
    });

const sharesNoCharWith = (a: string, b: string) => ![...a].some((ch) => b.includes(ch));

export const errorCaseArb: fc.Arbitrary<ErrorCase> = fc.oneof(
  fc.record({ category: fc.constant('words'), raw: wordString, ctx: countCtx(['int', 'number']) }),
  fc.record({
    category: fc.constant('range'),
    raw: fc.tuple(dressed(digitsArb), fc.constantFrom(...RANGE_SEPARATORS), dressed(digitsArb)).map(([a, sep, b]) => a + sep + b),
    ctx: countCtx(['int', 'number']),
  }),
  fc.record({
    category: fc.constant('negative'),
    raw: fc.oneof(
      fc
        .tuple(fc.constantFrom(...NEGATIVE_SIGNS), dressed(positiveDigits))
        .map(([sign, text]) => (sign === '(' ? `(${text})` : sign + text)),
      fc.oneof(fc.integer({ min: -1e9, max: -1 }), fc.double({ max: -Number.MIN_VALUE, noNaN: true })),
    ),
    ctx: countCtx(['int', 'number']),
  }),
  fc.record({
    category: fc.constant('fraction'),
    raw: fc.oneof(
      fc.tuple(fc.nat({ max: 999_999 }), fc.stringMatching(/^\d{0,5}[1-9]$/)).map(([n, d]) => `${n}.${d}`),
      fc.tuple(fc.nat({ max: 9_999 }), fc.stringMatching(/^\d{4}\d{0,3}[1-9]$/)).map(([n, d]) => `${n}.${d}万`),
      fc.tuple(fc.nat({ max: 2 ** 40 }), fc.integer({ min: 1, max: 7 })).map(([n, k]) => n + k / 8),
    ),
    ctx: countCtx(['int']),
  }),
  fc
    .record({
      category: fc.constant('wrong-unit'),
      pair: fc.tuple(fc.constantFrom(...UNITS), fc.constantFrom(...UNITS)).filter(([own, other]) => sharesNoCharWith(own, other)),
      digits: digitsArb,
      typed: fc.boolean(),
      type: fc.constantFrom<FieldType>('int', 'number'),
    })
    .map(({ category, pair: [own, other], digits, typed, type }) => ({
      category,
      raw: `${digits}${other}`,
      ctx: { type, typed, unit: own },
    })),
  fc.record({
    category: fc.constant('not-a-number'),
    raw: fc.oneof<fc.Arbitrary<CellValue>[]>(fc.boolean(), dateCell, fc.constantFrom(NaN, Infinity, -Infinity)),
    ctx: countCtx(['int', 'number']),
  }),
  fc.record({
    category: fc.constant('too-big'),
    raw: fc.oneof<fc.Arbitrary<CellValue>[]>(
      fc.stringMatching(/^[1-9]\d{16,24}$/).filter((s) => Number(s) > Number.MAX_SAFE_INTEGER),
      fc.constantFrom(2 ** 53, 1e21, Number.MAX_VALUE, 2 ** 64),
    ),
    ctx: countCtx(['int']),
  }),
);

function runErrorCase(input: ErrorCase, clock: Clock): void {
  const result = call(clock, 'parseCell', () => parseCell(input.raw, input.ctx));
  checkParse(input.raw, input.ctx, result);
  // "never returns a number for an input the spec says is an error"
  expect_(
    !(result.ok && typeof result.value === 'number'),
    `never-a-number:${input.category}`,
    () => `parseCell(${show(input.raw)}, ${show(input.ctx)}) = ${show(result)}`,
  );
  if (input.category !== 'words')
    expect_(!result.ok, `is-an-error:${input.category}`, () => `parseCell(${show(input.raw)}, ${show(input.ctx)}) = ${show(result)}`);
}

// ── The accepted writings read back exactly, with the warnings naming the fix ──

interface AcceptedCase {
  raw: CellValue;
  ctx: ValueContext;
  value: number;
  notes: IssueCode[];
}

const countContexts = realContexts.filter((c) => c.type === 'int');

export const acceptedCaseArb: fc.Arbitrary<AcceptedCase> = fc
  .record({
    n: fc.oneof(
      fc.nat({ max: 1000 }),
      fc.nat({ max: 10_000_000 }),
      fc.constantFrom(0, 1, 999, 1000, 1200, 12_000, 123_456_789, Number.MAX_SAFE_INTEGER),
    ),
    field: fc.constantFrom(...countContexts),
    amount: fc.boolean(),
    typed: fc.boolean(),
    wide: fc.boolean(),
    thousands: fc.constantFrom('', ',', '，'),
    spaces: fc.constantFrom('', ' ', '  ', '\u3000', '\t'),
    unit: fc.constantFrom('', 'own', 'short'),
    approx: fc.constantFrom('', '约', '大约', '余', '多', '左右'),
    float: fc.constantFrom('', '.0', '.00'),
    wan: fc.boolean(),
    decimals: fc.stringMatching(/^\d{0,3}[1-9]$/),
    asNumber: fc.boolean(),
  })
  .map((g) => {
    const ctx: ValueContext = { type: g.amount ? 'number' : 'int', typed: g.typed };
    if (g.field.unit !== undefined) ctx.unit = g.field.unit;
    const notes = new Set<IssueCode>();
    if (g.asNumber) return { raw: g.n, ctx, value: g.n, notes: [] };
    let value = g.n;
    let figure: string;
    const group = (digits: string) => (g.thousands && digits.length > 3 ? digits.replace(/\B(?=(\d{3})+$)/g, g.thousands) : digits);
    if (g.wan && g.n < 1e11) {
      const whole = Math.floor(g.n / 10_000);
      const rest = String(g.n % 10_000)
        .padStart(4, '0')
        .replace(/0+$/, '');
      figure = `${group(String(whole))}${rest ? `.${rest}` : ''}万`;
      notes.add('value.wan');
    } else if (g.amount && g.float !== '') {
      figure = `${group(String(g.n))}.${g.decimals}`;
      value = Number(`${g.n}.${g.decimals}`);
    } else {
      figure = `${group(String(g.n))}${g.float}`;
      if (g.float && !g.amount) notes.add('value.whole-float');
    }
    if (figure.includes(',') || figure.includes('，')) notes.add('value.thousands');
    if (g.wide) figure = toFullWidth(figure);
    if (g.wide && /[０-９]/.test(figure)) notes.add('value.full-width');
    const unit = ctx.unit === undefined || g.unit === '' ? '' : g.unit === 'own' ? ctx.unit : [...ctx.unit][0]!;
    if (unit) notes.add('value.unit-written');
    let text: string;
    if (g.approx === '约' || g.approx === '大约') text = `${g.approx}${figure}${unit}`;
    else if (g.approx === '左右') text = `${figure}${unit}左右`;
    else if (g.approx) text = `${figure}${g.approx}${unit}`;
    else text = `${figure}${unit}`;
    if (g.approx) notes.add('value.approximate');
    const raw = `${g.spaces}${text}${g.spaces}`;
    if (g.spaces) notes.add('value.spaces');
    if (g.typed && /^\d+(?:\.\d+)?$/.test(raw.trim())) notes.add('value.number-as-text');
    return { raw, ctx, value, notes: [...notes].sort() };
  });

function runAccepted(input: AcceptedCase, clock: Clock): void {
  const result = call(clock, 'parseCell', () => parseCell(input.raw, input.ctx));
  checkParse(input.raw, input.ctx, result);
  const detail = () =>
    `parseCell(${show(input.raw)}, ${show(input.ctx)}) = ${show(result, 800)}; expected ${input.value} with notes ${show(input.notes)}`;
  expect_(result.ok && result.value === input.value, 'accepted-value', detail);
  const codes = [...new Set(result.notes.map((n) => n.code))].sort();
  expect_(codes.join() === input.notes.join(), 'accepted-notes', detail);
}

// ─────────────────────────────────────────────────────────────────────────────────────────
// The table locator, the table check and the workbook check
// ─────────────────────────────────────────────────────────────────────────────────────────

/** mulberry32: the grid bodies are drawn from a seed (cheap for 2,400 cells a case). */
class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

const LABELS: string[] = [
  ...new Set(
    shippedForms.flatMap((form) =>
      Object.entries(form.schema.properties).flatMap(([id, p]) => [p.title ?? id, ...(form.fields[id]?.aliases ?? [])]),
    ),
  ),
];
/** `开展宣传活动（场次）` → group `开展宣传活动`, part `场次`, as two-row headers split them. */
const SPLITS: [string, string][] = LABELS.flatMap((label) => {
  const m = /^(.+?)[（(](.+)[)）]$/.exec(label);
  return m ? [[m[1]!, m[2]!] as [string, string], [m[1]!, `（${m[2]}）`] as [string, string]] : [];
});
const SPECIAL_HEADERS = [
  '__proto__',
  'constructor',
  'prototype',
  'hasOwnProperty',
  'toString',
  'valueOf',
  '__defineGetter__',
  '__lookupGetter__',
  'polluted',
  '__proto__.polluted',
  'constructor.prototype.polluted',
  '合计',
  '小计',
  '总计',
  '注：',
  '注：本表数据截至3月31日',
  '填表人：张三',
  '序号',
  '备注',
  '说明：',
  '',
  ' ',
];
const TITLES = [
  '2024年河东区女职工维权行动月活动情况汇总表',
  '填报单位：河东区总工会',
  '填报日期：2024年3月20日',
  '附件2',
  '（盖章）',
  '单位：人、场次',
  '2023 年',
  '1999年',
  '3024年',
];

function mutateLabel(label: string, how: number, extra: number): string {
  switch (how % 12) {
    case 0:
      return label;
    case 1:
      return toFullWidth(label);
    case 2:
      return label.replace(/（/g, '(').replace(/）/g, ')');
    case 3:
      return `*${label}`;
    case 4:
      return `${label}：`;
    case 5:
      return label.split('').join(extra % 2 ? ' ' : '\n');
    case 6:
      return label.slice(0, Math.max(0, label.length - 1 - (extra % 3)));
    case 7:
      return label + label.slice(-1);
    case 8:
      return `${label}${SPECIAL_HEADERS[extra % SPECIAL_HEADERS.length]}`;
    case 9:
      return label.replace(/[（(]/g, '【').replace(/[)）]/g, '】');
    case 10:
      return ` ${label}\u3000`;
    default:
      return label.toLowerCase().toUpperCase();
  }
}

const labelArb = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...LABELS) },
  { weight: 3, arbitrary: fc.tuple(fc.constantFrom(...LABELS), fc.nat(), fc.nat()).map(([l, how, extra]) => mutateLabel(l, how, extra)) },
  { weight: 2, arbitrary: fc.constantFrom(...SPECIAL_HEADERS) },
  { weight: 1, arbitrary: fc.constantFrom(...SPLITS.flat()) },
  { weight: 2, arbitrary: cellArb },
);

const COORD_EDGES = [
  -1,
  -0,
  0,
  1,
  2,
  29,
  30,
  31,
  59,
  60,
  61,
  1e9,
  -1e9,
  2 ** 31 - 1,
  2 ** 32,
  Number.MAX_SAFE_INTEGER,
  1048575,
  16383,
  0.5,
  NaN,
  Infinity,
  -Infinity,
];
const coordArb = fc.oneof({ weight: 8, arbitrary: fc.nat({ max: 64 }) }, { weight: 1, arbitrary: fc.constantFrom(...COORD_EDGES) });
export const mergeArb: fc.Arbitrary<Merge> = fc
  .tuple(coordArb, coordArb, coordArb, coordArb, fc.constantFrom('free', 'ordered', 'row', 'column'))
  .map(([r1, c1, r2, c2, shape]) => {
    if (shape === 'ordered') return { s: { r: Math.min(r1, r2), c: Math.min(c1, c2) }, e: { r: Math.max(r1, r2), c: Math.max(c1, c2) } };
    if (shape === 'row') return { s: { r: r1, c: c1 }, e: { r: r1, c: c2 } };
    if (shape === 'column') return { s: { r: r1, c: c1 }, e: { r: r2, c: c1 } };
    return { s: { r: r1, c: c1 }, e: { r: r2, c: c2 } };
  });

const MS_EDGES = [
  NaN,
  8.64e15,
  -8.64e15,
  0,
  Date.UTC(2024, 2, 20),
  Date.UTC(9999, 11, 31),
  Date.UTC(10000, 0, 1),
  Date.UTC(999, 0, 1),
  -62198755200000,
];
const BODY_TOKENS = [
  ...TOKENS,
  ...LABELS.slice(0, 40),
  '合计',
  '小计',
  '合 计',
  '注：',
  '注1',
  '填表人：',
  '说明：以上数据',
  '河东区总工会',
  '区（市）县总工会',
  '街道总工会',
  '基层工会',
];

/** A cell drawn from the seed: mostly what tables hold, sometimes anything. */
function randomCell(rng: Rng): CellValue {
  const k = rng.int(100);
  if (k < 22) return null;
  if (k < 24) return undefined;
  if (k < 42) return rng.int(rng.chance(0.8) ? 1000 : 1e7);
  if (k < 46) return rng.pick(NUMBER_EDGES);
  if (k < 48) return (rng.next() - 0.5) * 10 ** rng.int(12);
  if (k < 64) return rng.pick(BODY_TOKENS);
  if (k < 78) {
    let text = '';
    for (let n = rng.int(10); n > 0; n--) text += rng.pick(ALPHABET);
    return text;
  }
  if (k < 84) return rng.pick(LABELS);
  if (k < 88) return new Date(Date.UTC(1990 + rng.int(50), rng.int(12), 1 + rng.int(31)));
  if (k < 89) return new Date(rng.pick(MS_EDGES.filter((ms) => !Number.isNaN(ms))));
  if (k < 91) return rng.chance(0.5);
  if (k < 94) return '';
  if (k < 97) return rng.pick(SPECIAL_HEADERS);
  return String(rng.int(1e6));
}

export interface GridCase {
  sheet: string;
  typed: boolean;
  height: number;
  width: number;
  ragged: boolean;
  holes: boolean;
  body: number;
  headerAt: number;
  header: CellValue[][];
  merges: Merge[];
  /** One Invalid Date cell somewhere: a Date object a reader could hand over. */
  invalidDate: { r: number; c: number } | null;
  extraSheets: number;
  forms: number[];
  lang: Lang;
  year?: number;
  today: string;
}

const SHEET_NAMES = [
  'Sheet1',
  '汇总表',
  '__proto__',
  'constructor',
  'prototype',
  '',
  ' ',
  'toString',
  '_huizong',
  '附件2 维权行动月',
  'a'.repeat(31),
];
const TODAYS = ['2024-03-31', '2024-01-01', '2023-12-31', '2030-06-15', '1999-12-31'];
const formIndexes = fc.subarray([0, 1, 2], { minLength: 0 });

export const gridCaseArb: fc.Arbitrary<GridCase> = fc
  .record({
    sheet: fc.oneof(fc.constantFrom(...SHEET_NAMES), typedString),
    typed: fc.boolean(),
    height: fc.nat({ max: 60 }),
    width: fc.nat({ max: 40 }),
    ragged: fc.boolean(),
    holes: fc.boolean(),
    body: fc.integer(),
    headerAt: fc.nat({ max: 35 }),
    header: fc.array(fc.array(labelArb, { maxLength: 40 }), { maxLength: 3 }),
    merges: fc.array(mergeArb, { maxLength: 12 }),
    invalidDate: fc.oneof(
      { weight: 19, arbitrary: fc.constant(null) },
      { weight: 1, arbitrary: fc.record({ r: fc.nat({ max: 40 }), c: fc.nat({ max: 40 }) }) },
    ),
    extraSheets: fc.nat({ max: 2 }),
    forms: fc.oneof({ weight: 6, arbitrary: fc.constant<number[]>([0, 1, 2]) }, { weight: 1, arbitrary: formIndexes }),
    lang: fc.constantFrom<Lang>('zh-CN', 'en'),
    year: fc.option(fc.integer({ min: 1990, max: 2100 }), { nil: undefined }),
    today: fc.constantFrom(...TODAYS),
  })
  .map((g) => {
    const out: GridCase = { ...g };
    if (g.year === undefined) delete out.year;
    return out;
  });

/** The grid a case describes (deterministic: the body comes from its seed). */
export function buildGrid(g: GridCase, variant = 0): Grid {
  const rng = new Rng(g.body + variant * 7919);
  const rows: CellValue[][] = [];
  const height = Math.max(g.height, g.header.length ? g.headerAt + g.header.length : 0);
  for (let r = 0; r < height; r++) {
    const width = g.ragged ? rng.int(g.width + 1) : g.width;
    const row: CellValue[] = [];
    for (let c = 0; c < width; c++) row.push(randomCell(rng));
    if (g.holes && rng.chance(0.2)) {
      row.length += rng.int(5);
      if (row.length > 0) delete row[rng.int(row.length)];
    }
    rows.push(row);
  }
  if (variant === 0) {
    g.header.forEach((header, i) => {
      rows[g.headerAt + i] = [...header];
    });
    if (g.invalidDate && rows.length > 0) {
      const row = rows[g.invalidDate.r % rows.length]!;
      row[g.invalidDate.c] = new Date(NaN);
    }
  }
  return { sheet: variant === 0 ? g.sheet : `${g.sheet}${variant}`, rows, merges: g.merges, typed: g.typed };
}

/** A table as units send it: title lines, a 1- or 2-row header of real labels, data, 合计 and notes. */
export interface TableCase {
  form: number;
  titles: number[];
  depth: 1 | 2;
  columns: { label: number; how: number; extra: number; kind: 'own' | 'other' | 'special' | 'split' | 'blank' | 'cell'; cell: CellValue }[];
  dataRows: number;
  body: number;
  messy: number;
  total: boolean;
  notes: boolean;
  blankRows: boolean;
  realMerges: boolean;
  merges: Merge[];
  typed: boolean;
  lang: Lang;
  today: string;
  sheet: string;
}

export const tableCaseArb: fc.Arbitrary<TableCase> = fc.record({
  form: fc.nat({ max: 2 }),
  titles: fc.array(fc.nat({ max: TITLES.length - 1 }), { maxLength: 3 }),
  depth: fc.constantFrom<1 | 2>(1, 2),
  columns: fc.array(
    fc.record({
      label: fc.nat(),
      how: fc.oneof({ weight: 4, arbitrary: fc.constant(0) }, { weight: 3, arbitrary: fc.nat({ max: 11 }) }),
      extra: fc.nat(),
      kind: fc.oneof(
        { weight: 12, arbitrary: fc.constant<'own'>('own') },
        { weight: 2, arbitrary: fc.constant<'other'>('other') },
        { weight: 2, arbitrary: fc.constant<'special'>('special') },
        { weight: 3, arbitrary: fc.constant<'split'>('split') },
        { weight: 1, arbitrary: fc.constant<'blank'>('blank') },
        { weight: 1, arbitrary: fc.constant<'cell'>('cell') },
      ),
      cell: cellArb,
    }),
    { maxLength: 40 },
  ),
  dataRows: fc.nat({ max: 40 }),
  body: fc.integer(),
  messy: fc.integer({ min: 0, max: 100 }),
  total: fc.boolean(),
  notes: fc.boolean(),
  blankRows: fc.boolean(),
  realMerges: fc.boolean(),
  merges: fc.array(mergeArb, { maxLength: 4 }),
  typed: fc.boolean(),
  lang: fc.constantFrom<Lang>('zh-CN', 'en'),
  today: fc.constantFrom(...TODAYS),
  sheet: fc.constantFrom(...SHEET_NAMES),
});

/** A cell as a unit fills a field of this type: clean mostly, messy at `messy` percent. */
function fieldCell(rng: Rng, type: FieldType | undefined, messy: number, options: readonly string[] | undefined): CellValue {
  if (rng.int(100) < messy) return randomCell(rng);
  switch (type) {
    case 'int':
      return rng.chance(0.8) ? rng.int(1000) : rng.pick(['1,200', '１２０', '约500', '12场', '0', '无', '—', '', '12.0']);
    case 'date':
      return rng.chance(0.5)
        ? new Date(Date.UTC(2024, rng.int(12), 1 + rng.int(28)))
        : rng.pick(['2024-03-20', '2024/3/20', '3月20日', '2024年3月20日', 45371]);
    case 'enum':
      return options && options.length ? rng.pick(options) : '是';
    case 'phone':
      return rng.pick(['022-24316934', '13812345678', 13812345678, '（022）24316934']);
    case 'email':
      return rng.pick(['hdq@163.com', 'ａ@ｂ.ｃｎ', 'x@y']);
    case 'boolean':
      return rng.pick([true, false, '是', '否']);
    default:
      return rng.pick(['河东区总工会', '向阳楼街道总工会', '张三', '备注', '']);
  }
}

export function buildTable(t: TableCase): Grid {
  const forms = compiledForms();
  const form = forms[t.form % forms.length]!;
  const other = forms[(t.form + 1) % forms.length]!;
  const rng = new Rng(t.body);
  const rows: CellValue[][] = [];
  const merges: Merge[] = [];
  const width = Math.max(1, t.columns.length);
  for (const title of t.titles) {
    if (t.realMerges) merges.push({ s: { r: rows.length, c: 0 }, e: { r: rows.length, c: width - 1 } });
    rows.push([TITLES[title]!]);
  }
  const top = rows.length;
  const upper: CellValue[] = [];
  const lower: CellValue[] = [];
  const fields: (CompiledField | undefined)[] = [];
  t.columns.forEach((col, c) => {
    let field: CompiledField | undefined;
    let label: CellValue;
    let group: string | undefined;
    switch (col.kind) {
      case 'own': {
        field = form.fields[col.label % form.fields.length]!;
        const names = [field.label, ...(field.def.aliases ?? [])];
        label = mutateLabel(names[col.extra % names.length]!, col.how, col.extra);
        break;
      }
      case 'other': {
        const f = other.fields[col.label % other.fields.length]!;
        label = mutateLabel(f.label, col.how, col.extra);
        break;
      }
      case 'special':
        label = SPECIAL_HEADERS[col.label % SPECIAL_HEADERS.length]!;
        break;
      case 'split': {
        field = form.fields[col.label % form.fields.length]!;
        const m = /^(.+?)[（(](.+)[)）]$/.exec(field.label);
        if (m) {
          group = m[1]!;
          label = col.how % 2 ? `（${m[2]}）` : m[2]!;
        } else label = field.label;
        break;
      }
      case 'blank':
        label = col.how % 2 ? '' : null;
        break;
      default:
        label = col.cell;
    }
    fields.push(field);
    if (t.depth === 1) upper.push(group ? `${group}${label}` : label);
    else if (group !== undefined) {
      upper.push(group);
      lower.push(label);
    } else {
      upper.push(label);
      lower.push(t.realMerges ? null : label);
      if (t.realMerges) merges.push({ s: { r: top, c }, e: { r: top + 1, c } });
    }
  });
  if (t.depth === 2 && t.realMerges) {
    // Groups merged across the columns that share them, as Excel templates do.
    for (let c = 0; c < upper.length;) {
      let end = c;
      while (end + 1 < upper.length && lower[c] !== null && lower[end + 1] !== null && upper[end + 1] === upper[c]) end++;
      if (end > c) {
        merges.push({ s: { r: top, c }, e: { r: top, c: end } });
        for (let k = c + 1; k <= end; k++) upper[k] = null;
      }
      c = end + 1;
    }
  }
  rows.push(upper);
  if (t.depth === 2) rows.push(lower);
  for (let i = 0; i < t.dataRows; i++) {
    if (t.blankRows && rng.chance(0.1)) {
      rows.push([]);
      continue;
    }
    rows.push(fields.map((f) => fieldCell(rng, f?.def.type, t.messy, f?.schema.enum as string[] | undefined)));
  }
  if (t.total) rows.push(fields.map((f, c) => (c === 0 ? '合计' : f?.def.type === 'int' ? rng.int(5000) : null)));
  if (t.notes) rows.push(['注：本表数据截至2024年3月31日'], ['填表人：张三', '', '联系电话：', 13812345678]);
  merges.push(...t.merges);
  return { sheet: t.sheet, rows, merges, typed: t.typed };
}

/** Checks one located table: sane rows, columns in the header, distinct columns per field. */
function checkLocated(grid: Grid, located: LocatedTable | undefined, forms: readonly CompiledForm[]): void {
  if (!located) return;
  const id = 'locate-shape';
  expect_(forms.includes(located.form), id, () => 'located a form that was not offered');
  expect_(Number.isSafeInteger(located.headerTop) && located.headerTop >= 0, id, () => `headerTop ${located.headerTop}`);
  expect_(
    located.headerBottom === located.headerTop || located.headerBottom === located.headerTop + 1,
    id,
    () => `header rows ${located.headerTop}–${located.headerBottom}`,
  );
  expect_(located.headerBottom < grid.rows.length, id, () => `header row ${located.headerBottom} beyond ${grid.rows.length} rows`);
  expect_(located.dataStart === located.headerBottom + 1, id, () => `dataStart ${located.dataStart}`);
  let headerWidth = 0;
  for (let r = located.headerTop; r <= located.headerBottom; r++) headerWidth = Math.max(headerWidth, grid.rows[r]?.length ?? 0);
  const used = new Set<number>();
  for (const [field, column] of located.fieldColumns) {
    expect_(located.form.byId.has(field), id, () => `unknown field ${field}`);
    expect_(
      Number.isSafeInteger(column) && column >= 0 && column < headerWidth,
      id,
      () => `field ${field} at column ${column}, header width ${headerWidth}`,
    );
    expect_(!used.has(column), id, () => `two fields at column ${column}`);
    used.add(column);
  }
  expect_(
    located.matched === located.fieldColumns.size && located.requiredMatched <= located.matched,
    id,
    () => `matched ${located.matched}/${located.requiredMatched}`,
  );
  for (const col of located.columns) {
    expect_(
      Number.isSafeInteger(col.column) && col.column >= 0 && col.column < headerWidth,
      id,
      () => `column ${col.column} outside the header`,
    );
    expect_(typeof col.header === 'string' && col.header !== '', id, () => `column ${col.column} without a header`);
    if (col.duplicateOf !== undefined)
      expect_(
        [...located.fieldColumns.values()].includes(col.duplicateOf),
        id,
        () => `duplicateOf ${col.duplicateOf} is no field's column`,
      );
  }
  if (located.year !== undefined)
    expect_(Number.isSafeInteger(located.year) && located.year >= 1900 && located.year <= 2099, id, () => `title year ${located.year}`);
}

function checkValue(type: FieldType, value: unknown, options: readonly unknown[] | undefined): boolean {
  if (value === null) return true;
  switch (type) {
    case 'int':
      return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) && value >= 0;
    case 'date':
      return isCalendarDay(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'enum':
      return typeof value === 'string' && (options ?? []).includes(value);
    default:
      return typeof value === 'string';
  }
}

function checkTableReport(grid: Grid, form: CompiledForm, report: TableReport, lang: Lang): void {
  const id = 'table-report';
  const bounds = boundsOf([grid]).get(grid.sheet);
  const headerBottom = report.headerRows.bottom - 1;
  expect_(
    report.headerRows.top >= 1 && report.headerRows.top <= report.headerRows.bottom && report.headerRows.bottom <= grid.rows.length,
    id,
    () => `header rows ${show(report.headerRows)} of ${grid.rows.length}`,
  );
  for (const [fieldId, column] of Object.entries(report.fieldColumns)) {
    expect_(
      form.byId.has(fieldId) && Number.isSafeInteger(column) && column >= 0 && column < (bounds?.width ?? 0),
      id,
      () => `field ${fieldId} at column ${column}`,
    );
  }
  const seen = new Set<number>();
  for (const row of [...report.rows, ...report.totalRows]) {
    expect_(Number.isSafeInteger(row.row) && row.row > headerBottom + 1 && row.row <= grid.rows.length, id, () => `row ${row.row}`);
    expect_(!seen.has(row.row), id, () => `row ${row.row} reported twice`);
    seen.add(row.row);
    for (const [fieldId, value] of Object.entries(row.values)) {
      const field = form.byId.get(fieldId);
      expect_(field !== undefined, id, () => `row ${row.row}: unknown field ${fieldId}`);
      expect_(
        checkValue(field.def.type, value, field.schema.enum),
        'row-values',
        () => `row ${row.row} ${fieldId} (${field.def.type}) = ${show(value)}`,
      );
    }
    for (const fieldId of row.unreadable)
      expect_(row.values[fieldId] === null, 'row-values', () => `unreadable ${fieldId} has a value ${show(row.values[fieldId])}`);
  }
  for (const issue of report.issues) checkIssue(issue, bounds, lang);
}

/**
 * The workbook check over the grids (which locates and checks each sheet's table), then the
 * locator and the ranking on one of the sheets (`pick`), the located table compared with the
 * one the workbook check found there, and the locator with a single form.
 */
function runGridPipeline(
  grids: Grid[],
  forms: CompiledForm[],
  options: { lang: Lang; today: string; year?: number },
  clock: Clock,
  pick: number,
): void {
  const file = '河东区/报表.xlsx';
  const report = call(clock, 'validateGrids', () => validateGrids(file, grids, forms, options));
  const bounds = boundsOf(grids);
  const sheets = new Set(grids.map((g) => g.sheet));
  for (const issue of report.issues) {
    expect_(issue.file === file, 'workbook-report', () => `issue without its file: ${show(issue)}`);
    if (issue.sheet !== undefined) expect_(sheets.has(issue.sheet), 'workbook-report', () => `issue names sheet ${show(issue.sheet)}`);
    checkIssue(issue, issue.sheet !== undefined ? bounds.get(issue.sheet) : undefined, options.lang);
  }
  if (report.tables.length === 0)
    expect_(
      report.issues.length >= 1 && report.issues.every((i) => NO_TABLE_CODES.has(i.code)),
      'workbook-report',
      () => `no table but ${show(report.issues.map((i) => i.code))}`,
    );
  expect_(report.tables.length <= grids.length, 'workbook-report', () => `${report.tables.length} tables in ${grids.length} sheets`);
  // Tables come in sheet order, one per sheet at most.
  const tableOf = new Map<Grid, TableReport>();
  let next = 0;
  for (const table of report.tables) {
    while (next < grids.length && grids[next]!.sheet !== table.sheet) next++;
    expect_(next < grids.length, 'workbook-report', () => `table for sheet ${show(table.sheet)} out of order`);
    const form = forms.find((f) => f.def.id === table.form);
    expect_(form !== undefined, 'workbook-report', () => `table of unknown form ${show(table.form)}`);
    checkTableReport(grids[next]!, form, table, options.lang);
    tableOf.set(grids[next]!, table);
    next++;
  }
  checkNoPollution();
  if (grids.length === 0) return;

  const grid = grids[pick % grids.length]!;
  const ranked = call(clock, 'rankForms', () => rankForms(grid, forms));
  expect_(
    Array.isArray(ranked) && ranked.length === forms.length,
    'rank-shape',
    () => `rankForms gave ${ranked?.length} for ${forms.length} forms`,
  );
  for (const score of ranked) {
    expect_(
      Number.isSafeInteger(score.matched) &&
        score.matched >= 0 &&
        score.requiredMatched >= 0 &&
        score.requiredMatched <= score.matched &&
        score.matched <= score.form.fields.length,
      'rank-shape',
      () => `score ${score.matched}/${score.requiredMatched}`,
    );
  }
  const located = call(clock, 'locateTable', () => locateTable(grid, forms));
  checkLocated(grid, located, forms);
  const table = tableOf.get(grid);
  expect_(
    (located === undefined) === (table === undefined),
    'locate-consistent',
    () => `locateTable ${located ? 'found' : 'found no'} table, validateGrids ${table ? 'found' : 'found none'}`,
  );
  if (located && table) {
    expect_(
      located.form.def.id === table.form && located.headerTop + 1 === table.headerRows.top,
      'locate-consistent',
      () =>
        `locateTable: ${located.form.def.id} at row ${located.headerTop + 1}; validateGrids: ${table.form} at row ${table.headerRows.top}`,
    );
  }
  if (forms.length > 0) {
    // "With one form given, that form or nothing."
    const form = forms[pick % forms.length]!;
    const alone = call(clock, 'locateTable', () => locateTable(grid, [form]));
    expect_(alone === undefined || alone.form === form, 'locate-shape', () => 'one form offered, another found');
    checkLocated(grid, alone, [form]);
  }
  checkNoPollution();
}

function runGridCase(g: GridCase, clock: Clock): void {
  const all = compiledForms();
  const forms = g.forms.map((i) => all[i]!);
  const grids = [buildGrid(g)];
  for (let v = 1; v <= g.extraSheets; v++) grids.push(buildGrid(g, v));
  const options: { lang: Lang; today: string; year?: number } = { lang: g.lang, today: g.today };
  if (g.year !== undefined) options.year = g.year;
  runGridPipeline(grids, forms, options, clock, g.body >>> 0);
}

function runTableCase(t: TableCase, clock: Clock): void {
  const grid = buildTable(t);
  runGridPipeline([grid], compiledForms(), { lang: t.lang, today: t.today }, clock, t.body >>> 0);
}

// ─────────────────────────────────────────────────────────────────────────────────────────
// The file readers
// ─────────────────────────────────────────────────────────────────────────────────────────

export interface SeedFile {
  name: string;
  bytes: Uint8Array;
}

const EXAMPLES = path.resolve(__dirname, '../../examples/河东区-2024/returns');
const EXAMPLE_FILES = ['向阳楼街道总工会.xlsx', '二号桥街道总工会.xls', '中山门街道总工会.csv', '知识竞赛情况表.xlsx'];

let seedCache: SeedFile[] | undefined;

/** Valid files to mutate: made with SheetJS the ways returns arrive, and real returns from the examples. */
export function seedFiles(): SeedFile[] {
  if (seedCache) return seedCache;
  const forms = compiledForms();
  const seeds: SeedFile[] = [];
  const book = (sheets: { name: string; rows: CellValue[][]; merges?: string[]; hidden?: boolean }[]) => {
    const wb = XLSX.utils.book_new();
    for (const sheet of sheets) {
      const ws = XLSX.utils.aoa_to_sheet(sheet.rows as unknown[][], { cellDates: true });
      if (sheet.merges) ws['!merges'] = sheet.merges.map((m) => XLSX.utils.decode_range(m));
      XLSX.utils.book_append_sheet(wb, ws, sheet.name);
    }
    wb.Workbook = { Sheets: sheets.map((s) => ({ name: s.name, Hidden: s.hidden ? 2 : 0 })) } as XLSX.WorkBook['Workbook'];
    return wb;
  };
  const rowsOf = (form: CompiledForm, n: number): CellValue[][] => {
    const rng = new Rng(n * 31 + 7);
    const rows: CellValue[][] = [];
    for (let i = 0; i < n; i++) rows.push(form.fields.map((f) => fieldCell(rng, f.def.type, 10, f.schema.enum as string[] | undefined)));
    return rows;
  };
  const activity = forms[0]!;
  const groups = activity.fields.map((f) => /^(.+?)（(.+)）$/.exec(f.label));
  const write = (wb: XLSX.WorkBook, bookType: XLSX.BookType) =>
    new Uint8Array(XLSX.write(wb, { type: 'array', bookType, cellDates: true }) as ArrayBuffer);
  seeds.push({
    name: '河东区总工会.xlsx',
    bytes: write(
      book([
        {
          name: '汇总表',
          rows: [
            [TITLES[0]!],
            ['填报单位：河东区总工会', null, null, '2024年3月20日'],
            groups.map((m, i) => (m ? m[1]! : activity.fields[i]!.label)),
            groups.map((m) => (m ? m[2]! : null)),
            ...rowsOf(activity, 4),
            ['合计', null, null, 12, 1200],
            ['注：本表数据截至3月31日'],
            ['填表人：孔迪'],
          ],
          merges: ['A1:H1', 'A3:A4', 'B3:B4', 'D3:E3'],
        },
        {
          name: META_SHEET,
          rows: [
            ['form', 'activity-summary'],
            ['version', '1.0.0'],
            ['kind', 'template'],
            ['__proto__', 'polluted'],
          ],
          hidden: true,
        },
        { name: '说明', rows: [['填表说明'], ['1. 请按模板填写']] },
      ]),
      'xlsx',
    ),
  });
  const quiz = forms[1]!;
  seeds.push({
    name: '知识竞赛.xls',
    bytes: write(
      book([{ name: 'Sheet1', rows: [['2024年知识竞赛情况表'], quiz.fields.map((f) => f.label), ...rowsOf(quiz, 3)], merges: ['A1:F1'] }]),
      'biff8',
    ),
  });
  const typical = forms[2]!;
  const csvText = [typical.fields.map((f) => f.label), ...rowsOf(typical, 3)]
    .map((row) =>
      row
        .map((v) =>
          v instanceof Date ? v.toISOString().slice(0, 10) : v === null || v === undefined ? '' : `"${String(v).replace(/"/g, '""')}"`,
        )
        .join(','),
    )
    .join('\r\n');
  seeds.push({ name: '典型经验.csv', bytes: new Uint8Array(Buffer.from(`\ufeff${csvText}\r\n`, 'utf8')) });
  seeds.push({ name: '典型经验-gbk.csv', bytes: new Uint8Array(iconv.encode(csvText, 'gb18030')) });
  for (const file of EXAMPLE_FILES) {
    const full = path.join(EXAMPLES, file);
    if (fs.existsSync(full)) seeds.push({ name: file, bytes: new Uint8Array(fs.readFileSync(full)) });
  }
  return (seedCache = seeds);
}

type ZipField = 'flags' | 'method' | 'crc' | 'csize' | 'usize' | 'nameLen' | 'extraLen' | 'offset' | 'entries' | 'cdSize' | 'cdOffset';
const XML_EDITS = [
  'cellRef',
  'rangeRef',
  'addMerge',
  'value',
  'type',
  'numFmt',
  'entity',
  'deleteSlice',
  'dupSlice',
  'sheetName',
  'hidden',
  'date1904',
  'sstIndex',
  'dimension',
  'bigRow',
  'style',
] as const;
type XmlEdit = (typeof XML_EDITS)[number];

export type Mutation =
  | { op: 'flip'; at: number; xor: number }
  | { op: 'truncate'; at: number }
  | { op: 'insert'; at: number; bytes: number[] }
  | { op: 'token'; at: number; token: number }
  | { op: 'delete'; at: number; len: number }
  | { op: 'dup'; at: number; len: number; to: number }
  | { op: 'zipField'; entry: number; field: ZipField; central: boolean; value: number }
  | { op: 'xml'; entry: number; edit: XmlEdit; at: number; pick: number }
  | { op: 'entry'; entry: number; how: 'drop' | 'rename' | 'empty' | 'garbage' | 'swap'; pick: number };

const INSERT_TOKENS = [
  '"',
  '""',
  '\r\n',
  '\n',
  '\r',
  ',',
  '\ufeff',
  '\u0000',
  '=cmd|',
  '<table><tr><td>',
  'ID;P',
  'PK\u0003\u0004',
  '2024-02-30',
  '1e400',
  '合计',
  '注：',
  '__proto__',
  '\ud800',
  '<',
  '&amp;',
  '&#0;',
  ']]>',
  '<![CDATA[',
  '\\',
  ';',
  '\t',
];

const unitInterval = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });
export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constant<'flip'>('flip'), at: unitInterval, xor: fc.integer({ min: 1, max: 255 }) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant<'truncate'>('truncate'), at: unitInterval }) },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant<'insert'>('insert'),
      at: unitInterval,
      bytes: fc.array(fc.nat({ max: 255 }), { minLength: 1, maxLength: 32 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ op: fc.constant<'token'>('token'), at: unitInterval, token: fc.nat({ max: INSERT_TOKENS.length - 1 }) }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant<'delete'>('delete'), at: unitInterval, len: fc.nat({ max: 4096 }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant<'dup'>('dup'), at: unitInterval, len: fc.nat({ max: 4096 }), to: unitInterval }) },
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constant<'zipField'>('zipField'),
      entry: fc.nat({ max: 30 }),
      field: fc.constantFrom<ZipField>(
        'flags',
        'method',
        'crc',
        'csize',
        'usize',
        'nameLen',
        'extraLen',
        'offset',
        'entries',
        'cdSize',
        'cdOffset',
      ),
      central: fc.boolean(),
      value: fc.oneof(fc.constantFrom(0, 1, 8, 9, 12, 14, 99, 0xffff, 0x7fffffff, 0xffffffff, 0x10000), fc.nat()),
    }),
  },
  {
    weight: 5,
    arbitrary: fc.record({
      op: fc.constant<'xml'>('xml'),
      entry: fc.nat({ max: 30 }),
      edit: fc.constantFrom(...XML_EDITS),
      at: unitInterval,
      pick: fc.nat(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant<'entry'>('entry'),
      entry: fc.nat({ max: 30 }),
      how: fc.constantFrom<'drop' | 'rename' | 'empty' | 'garbage' | 'swap'>('drop', 'rename', 'empty', 'garbage', 'swap'),
      pick: fc.nat(),
    }),
  },
);

const EXTREME_REFS = [
  'XFD1048576',
  'A1048576',
  'XFD1',
  'A0',
  'A-1',
  'ZZZZ1',
  'A99999999',
  'AAAAAAAA1',
  '',
  '1',
  'A',
  '$A$1',
  'a1',
  'R1C1',
  'A1:B2',
  '__proto__',
];
const EXTREME_RANGES = [
  'A1:XFD1048576',
  'B2:A1',
  '1:B2',
  'A1:A99999999',
  ':',
  'A0:B1',
  'A1',
  'XFD1048576:XFD1048576',
  'A1:AAAAAAA1',
  'A1:B2 C3:D4',
  '__proto__',
];
const WEIRD_VALUES = [
  'NaN',
  '1e400',
  '-1e400',
  '-0',
  '',
  'abc',
  '99999999999999999999',
  '-1',
  '2958466',
  '60',
  '0.5',
  '1e-320',
  '0x10',
  'Infinity',
  '45371',
  '-45371',
  '9e15',
  '&lt;',
  '__proto__',
];
const WEIRD_TYPES = ['s', 'str', 'inlineStr', 'b', 'e', 'n', 'd', 'z', 'x', ''];
const WEIRD_FORMATS = [
  'yyyy-mm-dd',
  '[h]:mm:ss',
  'e',
  '@',
  '0.00E+00',
  'B2yyyy-mm-dd',
  '[$-F800]dddd\\,\\ mmmm\\ dd\\,\\ yyyy',
  '"',
  'yyyy"年"m"月"d"日"',
  'mm:ss.0',
  '[<0]"neg";yyyy',
  'ge.m.d',
  '[DBNum1]yyyy',
  ';;;',
  'General',
  'A/P',
];
const WEIRD_NAMES = ['__proto__', 'constructor', '', '_huizong', 'x'.repeat(300), '/', 'Sheet1', 'toString', '汇总表'];

function clampIndex(at: number, length: number): number {
  return Math.min(length, Math.max(0, Math.floor(at * (length + 1))));
}

function replaceNth(text: string, re: RegExp, n: number, fn: (match: string) => string): string {
  const matches = [...text.matchAll(re)];
  if (matches.length === 0) return text;
  const m = matches[n % matches.length]!;
  return text.slice(0, m.index!) + fn(m[0]) + text.slice(m.index! + m[0].length);
}

function editXml(xml: string, edit: XmlEdit, at: number, pick: number): string {
  const choose = <T>(items: readonly T[]) => items[pick % items.length]!;
  switch (edit) {
    case 'cellRef':
      return replaceNth(xml, / r="[^"]*"/g, pick, () => ` r="${choose(EXTREME_REFS)}"`);
    case 'rangeRef':
      return replaceNth(xml, / ref="[^"]*"/g, pick, () => ` ref="${choose(EXTREME_RANGES)}"`);
    case 'addMerge':
      return xml.replace(/<\/sheetData>/, `</sheetData><mergeCells count="1"><mergeCell ref="${choose(EXTREME_RANGES)}"/></mergeCells>`);
    case 'value':
      return replaceNth(xml, /<v>[^<]*<\/v>/g, pick, () => `<v>${choose(WEIRD_VALUES)}</v>`);
    case 'type':
      return replaceNth(xml, / t="[^"]*"/g, pick, () => ` t="${choose(WEIRD_TYPES)}"`);
    case 'numFmt':
      return xml.includes('formatCode=')
        ? replaceNth(xml, /formatCode="[^"]*"/g, pick, () => `formatCode="${choose(WEIRD_FORMATS).replace(/"/g, '&quot;')}"`)
        : xml.replace(
            /<styleSheet([^>]*)>/,
            `<styleSheet$1><numFmts count="1"><numFmt numFmtId="${164 + (pick % 3)}" formatCode="${choose(WEIRD_FORMATS).replace(/"/g, '&quot;')}"/></numFmts>`,
          );
    case 'style':
      return replaceNth(xml, / s="[^"]*"/g, pick, () => ` s="${choose(['0', '1', '14', '99999', '-1', 'x'])}"`);
    case 'entity': {
      const doctype =
        '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>';
      const withDoctype = xml.replace(/^(<\?xml[^>]*\?>)?/, (decl) => `${decl}${doctype}`);
      return replaceNth(withDoctype, /<t[^>]*>[^<]*<\/t>/g, pick, () => '<t>&d;&d;&d;</t>');
    }
    case 'deleteSlice': {
      const i = clampIndex(at, xml.length);
      return xml.slice(0, i) + xml.slice(i + 1 + (pick % 200));
    }
    case 'dupSlice': {
      const i = clampIndex(at, xml.length);
      const piece = xml.slice(i, i + 1 + (pick % 500));
      return xml.slice(0, i) + piece.repeat(2 + (pick % 50)) + xml.slice(i);
    }
    case 'sheetName':
      return replaceNth(xml, /<sheet [^>]*name="[^"]*"/g, pick, (m) => m.replace(/name="[^"]*"/, `name="${choose(WEIRD_NAMES)}"`));
    case 'hidden':
      return replaceNth(xml, /<sheet /g, pick, () => `<sheet state="${choose(['veryHidden', 'hidden', 'visible', 'x'])}" `);
    case 'date1904':
      return xml.replace(/<workbookPr[^>]*\/>|<workbook([^>]*)>/, (m) =>
        m.startsWith('<workbookPr') ? '<workbookPr date1904="1"/>' : `${m}<workbookPr date1904="1"/>`,
      );
    case 'sstIndex':
      return replaceNth(xml, /<c ([^>]*)t="s"([^>]*)><v>[^<]*<\/v>/g, pick, (m) =>
        m.replace(/<v>[^<]*<\/v>/, `<v>${choose(['99999999', '-1', '4294967296', 'x', ''])}</v>`),
      );
    case 'dimension':
      return xml.replace(/<dimension ref="[^"]*"\/>/, `<dimension ref="${choose(EXTREME_RANGES)}"/>`);
    case 'bigRow': {
      const ref = choose(['XFD1048576', 'A1048576', 'XFD1', 'XFD3', 'AA100000', 'A60']);
      const row = /\d+$/.exec(ref)![0];
      return xml.replace(/<\/sheetData>/, `<row r="${row}"><c r="${ref}" t="inlineStr"><is><t>__proto__</t></is></c></row></sheetData>`);
    }
  }
}

const SIGNATURES = { local: 0x04034b50, central: 0x02014b50, end: 0x06054b50 };
const FIELD_AT: Record<'local' | 'central', Partial<Record<ZipField, [number, 2 | 4]>>> = {
  local: { flags: [6, 2], method: [8, 2], crc: [14, 4], csize: [18, 4], usize: [22, 4], nameLen: [26, 2], extraLen: [28, 2] },
  central: {
    flags: [8, 2],
    method: [10, 2],
    crc: [16, 4],
    csize: [20, 4],
    usize: [24, 4],
    nameLen: [28, 2],
    extraLen: [30, 2],
    offset: [42, 4],
  },
};
const END_FIELDS: Partial<Record<ZipField, [number, 2 | 4]>> = { entries: [10, 2], cdSize: [12, 4], cdOffset: [16, 4] };

function signatureOffsets(bytes: Uint8Array, signature: number): number[] {
  const offsets: number[] = [];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i + 4 <= bytes.length; i++)
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && view.getUint32(i, true) === signature) offsets.push(i);
  return offsets;
}

function writeField(bytes: Uint8Array, at: number, size: 2 | 4, value: number): Uint8Array {
  if (at + size > bytes.length) return bytes;
  const out = bytes.slice();
  const view = new DataView(out.buffer);
  if (size === 2) view.setUint16(at, value & 0xffff, true);
  else view.setUint32(at, value >>> 0, true);
  return out;
}

function isXmlName(name: string): boolean {
  return /\.(xml|rels|vml)$/i.test(name);
}

/** Applies one mutation; a mutation that does not apply (no zip, no such entry) leaves the bytes. */
export function mutate(bytes: Uint8Array, m: Mutation): Uint8Array {
  switch (m.op) {
    case 'flip': {
      if (bytes.length === 0) return bytes;
      const out = bytes.slice();
      const i = Math.min(out.length - 1, Math.floor(m.at * out.length));
      out[i]! ^= m.xor;
      return out;
    }
    case 'truncate':
      return bytes.slice(0, Math.floor(m.at * bytes.length));
    case 'insert':
    case 'token': {
      const i = clampIndex(m.at, bytes.length);
      const piece = m.op === 'insert' ? Uint8Array.from(m.bytes) : new Uint8Array(Buffer.from(INSERT_TOKENS[m.token]!, 'utf8'));
      const out = new Uint8Array(bytes.length + piece.length);
      out.set(bytes.subarray(0, i));
      out.set(piece, i);
      out.set(bytes.subarray(i), i + piece.length);
      return out;
    }
    case 'delete': {
      const i = clampIndex(m.at, bytes.length);
      const out = new Uint8Array(bytes.length - Math.min(m.len, bytes.length - i));
      out.set(bytes.subarray(0, i));
      out.set(bytes.subarray(i + m.len), i);
      return out;
    }
    case 'dup': {
      const i = clampIndex(m.at, bytes.length);
      const piece = bytes.slice(i, i + m.len);
      const to = clampIndex(m.to, bytes.length);
      const out = new Uint8Array(bytes.length + piece.length);
      out.set(bytes.subarray(0, to));
      out.set(piece, to);
      out.set(bytes.subarray(to), to + piece.length);
      return out;
    }
    case 'zipField': {
      const end = END_FIELDS[m.field];
      if (end) {
        const offsets = signatureOffsets(bytes, SIGNATURES.end);
        return offsets.length ? writeField(bytes, offsets[offsets.length - 1]! + end[0], end[1], m.value) : bytes;
      }
      const where = m.central ? 'central' : 'local';
      const field = FIELD_AT[where][m.field];
      const offsets = signatureOffsets(bytes, SIGNATURES[where]);
      if (!field || offsets.length === 0) return bytes;
      return writeField(bytes, offsets[m.entry % offsets.length]! + field[0], field[1], m.value);
    }
    case 'xml':
    case 'entry': {
      let files: Record<string, Uint8Array>;
      try {
        files = unzipSync(bytes);
      } catch {
        return bytes;
      }
      const names = Object.keys(files);
      if (names.length === 0) return bytes;
      if (m.op === 'xml') {
        const xmlNames = names.filter(isXmlName);
        if (xmlNames.length === 0) return bytes;
        // Sheets, shared strings, the workbook and styles hold what a reader interprets.
        const preferred = xmlNames.filter((n) => /worksheets\/|sharedStrings|workbook\.xml$|styles/.test(n));
        const pool = preferred.length && m.entry % 4 !== 0 ? preferred : xmlNames;
        const name = pool[m.entry % pool.length]!;
        files[name] = new Uint8Array(Buffer.from(editXml(Buffer.from(files[name]!).toString('utf8'), m.edit, m.at, m.pick), 'utf8'));
      } else {
        const name = names[m.entry % names.length]!;
        switch (m.how) {
          case 'drop':
            delete files[name];
            break;
          case 'rename':
            files[`${name}${m.pick % 2 ? 'x' : ''}`.replace(/^xl\//, m.pick % 3 ? 'xl/' : 'XL/')] = files[name]!;
            if (m.pick % 2 || !(m.pick % 3)) delete files[name];
            break;
          case 'empty':
            files[name] = new Uint8Array(0);
            break;
          case 'garbage': {
            const rng = new Rng(m.pick);
            files[name] = Uint8Array.from({ length: m.pick % 2048 }, () => rng.int(256));
            break;
          }
          case 'swap': {
            const other = names[m.pick % names.length]!;
            [files[name], files[other]] = [files[other]!, files[name]!];
            break;
          }
        }
      }
      try {
        return zipSync(files, { level: 1 });
      } catch {
        return bytes;
      }
    }
  }
}

export interface MutatedCase {
  seed: number;
  ext: string | null;
  mutations: Mutation[];
}

const EXTENSIONS = ['.xlsx', '.xlsm', '.xls', '.csv', '.XLSX', '.Csv', '.xls.xlsx', '.txt', ''];

export const mutatedCaseArb: fc.Arbitrary<MutatedCase> = fc.record({
  seed: fc.nat(),
  ext: fc.oneof({ weight: 9, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.constantFrom(...EXTENSIONS) }),
  mutations: fc.array(mutationArb, { minLength: 1, maxLength: 5 }),
});

function withExtension(name: string, ext: string | null): string {
  return ext === null ? name : name.replace(/\.[^.]*$/, '') + ext;
}

export function mutatedFile(c: MutatedCase): SeedFile {
  const seeds = seedFiles();
  const seed = seeds[c.seed % seeds.length]!;
  let bytes = seed.bytes;
  for (const m of c.mutations) bytes = mutate(bytes, m);
  return { name: withExtension(seed.name, c.ext), bytes };
}

export interface RandomFileCase {
  ext: string;
  prefix: string;
  body: number[];
  text: string;
}

const PREFIXES = [
  '',
  'PK\u0003\u0004',
  '\u00d0\u00cf\u0011\u00e0\u00a1\u00b1\u001a\u00e1',
  '\u00ef\u00bb\u00bf',
  '<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">',
  '<html><table><tr><td>',
  'ID;PWXL;N;E\n',
  'TABLE\r\n0,1\r\n""\r\n',
  '{\\rtf1',
  '\u0009\u0008\u0010\u0000\u0000\u0006\u0005\u0000',
  '\u0000\u0000\u0002\u0000\u0004\u0004',
  '<?xml version="1.0"?><office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0">',
  'sep=;\n',
  '\u00ff\u00fe',
  '\u00fe\u00ff',
];
const TEXT_TOKENS = [
  '<table>',
  '<tr>',
  '<td>',
  '</td>',
  '<td colspan="99999">',
  '<td rowspan="-1">',
  '<Row>',
  '<Cell ss:MergeAcross="99999">',
  '<Data ss:Type="DateTime">',
  'x</Data>',
  'C;Y1;X1;K"a"\n',
  'C;Y99999999;X1;K1\n',
  'F;P0;DG0G8;M255\n',
  '"',
  ',',
  '\r\n',
  '\n',
  '合计',
  '1e400',
  '2024-02-30',
  '=1+1',
  '&#x0;',
  '&amp;',
  '\u0000',
  '__proto__',
  '4294967296',
];

export const randomFileCaseArb: fc.Arbitrary<RandomFileCase> = fc.record({
  ext: fc.constantFrom(...EXTENSIONS.slice(0, 7)),
  prefix: fc.constantFrom(...PREFIXES),
  body: fc.array(fc.nat({ max: 255 }), { maxLength: 2048 }),
  text: fc.array(fc.constantFrom(...TEXT_TOKENS), { maxLength: 40 }).map((t) => t.join('')),
});

export function randomFile(c: RandomFileCase): SeedFile {
  const prefix = Uint8Array.from([...c.prefix].map((ch) => ch.charCodeAt(0) & 0xff));
  const text = new Uint8Array(Buffer.from(c.text, 'utf8'));
  const bytes = new Uint8Array(prefix.length + text.length + c.body.length);
  bytes.set(prefix);
  bytes.set(text, prefix.length);
  bytes.set(c.body, prefix.length + text.length);
  return { name: `随机${c.ext}`, bytes };
}

function isCellValue(value: unknown): boolean {
  return (
    value === null ||
    value === undefined ||
    typeof value === 'string' ||
    typeof value === 'number' ||
    typeof value === 'boolean' ||
    value instanceof Date
  );
}

function checkRead(file: SeedFile, result: ReadResult): void {
  const id = 'read-shape';
  expect_(result !== null && typeof result === 'object' && typeof result.ok === 'boolean', id, () => `result ${show(result)}`);
  if (!result.ok) {
    // Any whole-file code of the catalogue (the readers may add ones such as file.too-large).
    expect_(
      typeof result.code === 'string' &&
        result.code.startsWith('file.') &&
        Object.prototype.hasOwnProperty.call(catalogue, result.code) &&
        typeof result.detail === 'string',
      id,
      () => `failure ${show(result)}`,
    );
    return;
  }
  expect_(Array.isArray(result.grids), id, () => 'grids is not an array');
  for (const grid of result.grids) {
    expect_(
      typeof grid.sheet === 'string' && Array.isArray(grid.rows) && typeof grid.typed === 'boolean',
      id,
      () => `grid ${show(grid, 200)}`,
    );
    for (let r = 0; r < grid.rows.length; r++) {
      const row = grid.rows[r];
      expect_(Array.isArray(row), id, () => `${grid.sheet} row ${r} is ${show(row)}`);
      for (let c = 0; c < row.length; c++) {
        const value = row[c];
        expect_(isCellValue(value), id, () => `${grid.sheet} ${r},${c} holds ${show(value)}`);
        // A Date that is no day is not a cell value a person can see; the core is entitled to real dates.
        expect_(
          !(value instanceof Date) || !Number.isNaN(value.getTime()),
          'read-invalid-date',
          () => `${file.name}: sheet ${show(grid.sheet)} cell ${r},${c} is an Invalid Date`,
        );
      }
    }
    for (const merge of grid.merges ?? []) expect_(merge && merge.s && merge.e, id, () => `merge ${show(merge)}`);
  }
  if (result.meta)
    for (const [key, value] of Object.entries(result.meta)) expect_(typeof value === 'string', id, () => `meta ${key} = ${show(value)}`);
}

function runReadCase(file: SeedFile, clock: Clock): void {
  const result = call(clock, 'readWorkbook', () => readWorkbook(file.name, file.bytes));
  checkRead(file, result);
  checkNoPollution();
  if (result.ok) runGridPipeline(result.grids, compiledForms(), { lang: 'zh-CN', today: '2024-03-31' }, clock, file.bytes.length);
}

// ─────────────────────────────────────────────────────────────────────────────────────────
// The targets and how they are run
// ─────────────────────────────────────────────────────────────────────────────────────────

export interface Target<T> {
  name: string;
  /** Share of a run's cases (the default 100,000 and the CI slice's 2,000). */
  share: number;
  /** Rough cost of a case in ms, for spreading targets over workers. */
  costMs: number;
  arbitrary: () => fc.Arbitrary<T>;
  run: (input: T, clock: Clock) => void;
  describe: (input: T) => string;
}

function target<T>(t: Target<T>): Target<unknown> {
  return t as unknown as Target<unknown>;
}

const describeFile = (file: SeedFile) => `${show(file.name)} (${file.bytes.length} bytes)`;

export const TARGETS: readonly Target<unknown>[] = [
  target<ParseCase>({
    name: 'parseCell:any',
    share: 0.45,
    costMs: 0.05,
    arbitrary: () => fc.record({ raw: cellArb, ctx: contextArb }),
    run: runParse,
    describe: ({ raw, ctx }) => `parseCell(${show(raw, 2000)}, ${show(ctx)})`,
  }),
  target<ErrorCase>({
    name: 'parseCell:errors',
    share: 0.15,
    costMs: 0.05,
    arbitrary: () => errorCaseArb,
    run: runErrorCase,
    describe: ({ raw, ctx, category }) => `${category}: parseCell(${show(raw)}, ${show(ctx)})`,
  }),
  target<AcceptedCase>({
    name: 'parseCell:accepted',
    share: 0.05,
    costMs: 0.05,
    arbitrary: () => acceptedCaseArb,
    run: runAccepted,
    describe: (c) => `parseCell(${show(c.raw)}, ${show(c.ctx)}) should be ${c.value} with ${show(c.notes)}`,
  }),
  target<GridCase>({
    name: 'locate:grids',
    share: 0.12,
    costMs: 25,
    arbitrary: () => gridCaseArb,
    run: runGridCase,
    describe: (g) => `case ${show(g, 4000)}\ngrid ${show(buildGrid(g), 6000)}`,
  }),
  target<TableCase>({
    name: 'locate:tables',
    share: 0.15,
    costMs: 8,
    arbitrary: () => tableCaseArb,
    run: runTableCase,
    describe: (t) => `case ${show(t, 4000)}\ngrid ${show(buildTable(t), 6000)}`,
  }),
  target<MutatedCase>({
    name: 'read:mutated',
    share: 0.06,
    costMs: 15,
    arbitrary: () => {
      seedFiles();
      return mutatedCaseArb;
    },
    run: (c, clock) => runReadCase(mutatedFile(c), clock),
    describe: (c) =>
      `${describeFile(mutatedFile(c))} from seed ${show(seedFiles()[c.seed % seedFiles().length]!.name)}, mutations ${show(c.mutations, 3000)}`,
  }),
  target<RandomFileCase>({
    name: 'read:random',
    share: 0.02,
    costMs: 2,
    arbitrary: () => randomFileCaseArb,
    run: (c, clock) => runReadCase(randomFile(c), clock),
    describe: (c) => `${describeFile(randomFile(c))}: ${show(c, 3000)}`,
  }),
];

export function targetNamed(name: string): Target<unknown> {
  const found = TARGETS.find((t) => t.name === name);
  if (!found) throw new Error(`no fuzz target ${name} (targets: ${TARGETS.map((t) => t.name).join(', ')})`);
  return found;
}

/** Per-target seed from a run's seed, so that each target draws its own inputs and replays alone. */
export function targetSeed(seed: number, name: string): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193) >>> 0;
  return h | 0;
}

/** Cases per target for a run of `total` cases, by share; at least one each. */
export function splitCases(total: number, names: readonly string[] = TARGETS.map((t) => t.name)): Map<string, number> {
  const chosen = names.map(targetNamed);
  const shares = chosen.reduce((sum, t) => sum + t.share, 0);
  const split = new Map<string, number>();
  let given = 0;
  chosen.forEach((t, i) => {
    const n = i === chosen.length - 1 ? Math.max(1, total - given) : Math.max(1, Math.round((total * t.share) / shares));
    split.set(t.name, n);
    given += n;
  });
  return split;
}

export interface Finding {
  kind: 'crash' | 'violation' | 'hang';
  signature: string;
  /** Cases that failed this way. */
  count: number;
  /** Index of the first such case (0-based): replay with the same seed and at least index+1 cases. */
  firstIndex: number;
  message: string;
  stack?: string;
  /** The first failing input, then the smallest one fast-check shrank it to. */
  input: string;
  shrunk?: string;
  ms?: number;
}

export interface TargetReport {
  target: string;
  seed: number;
  cases: number;
  crashes: number;
  violations: number;
  hangs: number;
  /** Slowest case: time in the code under test. */
  slowestMs: number;
  timeMs: number;
  findings: Finding[];
  /** Set when the target was stopped before its last case (too many hangs). */
  stopped?: string;
}

/** Counters kept up to date case by case (the watchdog reads them when a worker must be stopped). */
export interface Stats {
  cases: number;
  crashes: number;
  violations: number;
  hangs: number;
  slowestMs: number;
}

export interface RunOptions {
  numRuns: number;
  seed: number;
  /** A case longer than this in the code under test is a hang. */
  hangMs?: number;
  /** Cases before this index are drawn but not run (resuming after a hang). */
  startAt?: number;
  /** Told of every case (for the watchdog): index, and whether fast-check is shrinking. */
  onCase?: (index: number, shrinking: boolean) => void;
  /** Told of the first case of each new way of failing, before any shrinking. */
  onFinding?: (finding: Finding) => void;
  stats?: Stats;
}

export const HANG_MS = 5000;
const MAX_DISTINCT = 5;
const SHRINK_CALLS = 2000;
const SHRINK_MS = 10_000;

function classify(error: unknown): { kind: 'crash' | 'violation'; signature: string; message: string; stack?: string } {
  if (error instanceof Violation) return { kind: 'violation', signature: `violation ${error.id}`, message: error.message };
  if (error instanceof Crash) {
    const inner = error.error;
    const stack = inner instanceof Error ? inner.stack : undefined;
    // The first frame in the project's sources tells crashes apart; messages carry values.
    const frame = stack
      ?.split('\n')
      .find((line) => /[\\/]src[\\/]/.test(line) && !/node_modules/.test(line))
      ?.replace(/^.*?[\\/](src[\\/][^:)]+:\d+).*$/, '$1');
    const name = inner instanceof Error ? inner.name : typeof inner;
    const message = inner instanceof Error ? inner.message : String(inner);
    return {
      kind: 'crash',
      signature: `crash in ${error.where}: ${name}: ${message.replace(/\d+/g, 'N').slice(0, 120)}${frame ? ` at ${frame}` : ''}`,
      message: error.message,
      ...(stack ? { stack } : {}),
    };
  }
  const stack = error instanceof Error ? error.stack : undefined;
  return {
    kind: 'crash',
    signature: `harness error: ${error instanceof Error ? error.message : String(error)}`.slice(0, 160),
    message: String(error),
    ...(stack ? { stack } : {}),
  };
}

/**
 * Runs one target in this thread: every case is run and checked; failures are counted by
 * signature (the run goes on after one), and the first case of each signature is shrunk.
 * A case that never ends blocks this thread: run untrusted targets with `runIsolated`.
 */
export function runTarget(name: string, options: RunOptions): TargetReport {
  const t = targetNamed(name);
  const hangMs = options.hangMs ?? HANG_MS;
  const startAt = options.startAt ?? 0;
  const arbitrary = t.arbitrary();
  const started = performance.now();
  const findings = new Map<string, Finding>();
  const stats: Stats = options.stats ?? { cases: 0, crashes: 0, violations: 0, hangs: 0, slowestMs: 0 };
  let index = 0;
  const found = (finding: Finding) => {
    findings.set(finding.signature, finding);
    options.onFinding?.(finding);
  };
  fc.check(
    fc.property(arbitrary, (input) => {
      const i = index++;
      if (i < startAt) return true;
      options.onCase?.(i, false);
      const clock: Clock = { ms: 0 };
      let failure: ReturnType<typeof classify> | undefined;
      try {
        t.run(input, clock);
      } catch (error) {
        failure = classify(error);
      }
      stats.cases++;
      stats.slowestMs = Math.max(stats.slowestMs, clock.ms);
      if (clock.ms > hangMs) {
        stats.hangs++;
        const key = `hang: a case ran over ${hangMs} ms`;
        const seen = findings.get(key);
        if (seen) seen.count++;
        else
          found({
            kind: 'hang',
            signature: key,
            count: 1,
            firstIndex: i,
            message: `a case took ${Math.round(clock.ms)} ms (budget ${hangMs} ms)`,
            input: t.describe(input),
            ms: clock.ms,
          });
      }
      if (failure) {
        if (failure.kind === 'crash') stats.crashes++;
        else stats.violations++;
        const seen = findings.get(failure.signature);
        if (seen) seen.count++;
        else if (findings.size < MAX_DISTINCT + 1) {
          const finding: Finding = {
            kind: failure.kind,
            signature: failure.signature,
            count: 1,
            firstIndex: i,
            message: failure.message,
            input: t.describe(input),
          };
          if (failure.stack) finding.stack = failure.stack;
          found(finding);
        }
      }
      return true;
    }),
    { numRuns: options.numRuns, seed: options.seed },
  );
  // Shrink the first case of each signature: replay it by path; only the same failure counts.
  for (const finding of findings.values()) {
    if (finding.kind === 'hang') continue;
    let calls = 0;
    const shrinkStart = performance.now();
    const shrunk = fc.check(
      fc.property(arbitrary, (input) => {
        options.onCase?.(calls, true);
        if (calls++ > SHRINK_CALLS || performance.now() - shrinkStart > SHRINK_MS) return true;
        const clock: Clock = { ms: 0 };
        try {
          t.run(input, clock);
        } catch (error) {
          return classify(error).signature !== finding.signature;
        }
        return true;
      }),
      { seed: options.seed, path: String(finding.firstIndex) },
    );
    if (shrunk.failed && shrunk.counterexample) {
      const input = shrunk.counterexample[0];
      finding.shrunk = t.describe(input);
      try {
        t.run(input, { ms: 0 });
      } catch (error) {
        const again = classify(error);
        finding.message = again.message;
        if (again.stack) finding.stack = again.stack;
      }
    }
  }
  return { target: name, seed: options.seed, ...stats, timeMs: performance.now() - started, findings: [...findings.values()] };
}

/** The input of case `index` of a target's run with `seed` (fast-check draws the same sequence). */
export function inputAt(name: string, seed: number, index: number): string {
  const t = targetNamed(name);
  const inputs = fc.sample(t.arbitrary(), { seed, numRuns: index + 1 });
  return t.describe(inputs[index]);
}

// ── Isolated runs: a worker thread per group of targets, under a watchdog ──

export interface Job {
  target: string;
  numRuns: number;
  seed: number;
}

export interface IsolatedOptions {
  hangMs?: number;
  /** No progress for this long: the worker is stopped and its case is a hang. */
  stallMs?: number;
  /** No progress while a worker loads its targets (tsx, SheetJS, the seed files) for this long: a hang. */
  loadMs?: number;
  /** Hangs after which a target is given up (each costs a stall and a new worker). */
  maxHangs?: number;
  onReport?: (report: TargetReport) => void;
}

const WORKER_HEAP_MB = 2048;
/** Shared counters: job, case, shrinking, tick, then the job's Stats. */
const CELL = { job: 0, index: 1, shrinking: 2, tick: 3, cases: 4, crashes: 5, violations: 6, hangs: 7, slowest: 8 } as const;

interface WorkerJob extends Job {
  startAt: number;
}

type FromWorker = { report: TargetReport; job: number } | { finding: Finding; job: number };

/** Worker side: runs the jobs it is given, telling the watchdog of each case through shared memory. */
function workerMain(): void {
  const { jobs, shared, hangMs } = workerData as { jobs: WorkerJob[]; shared: SharedArrayBuffer; hangMs: number };
  const progress = new Int32Array(shared);
  // SheetJS reports odd records on the console; a fuzz run would drown in them.
  for (const method of ['log', 'warn', 'error', 'info', 'debug'] as const) console[method] = () => undefined;
  jobs.forEach((job, j) => {
    Atomics.store(progress, CELL.job, j);
    Atomics.store(progress, CELL.index, -1);
    Atomics.add(progress, CELL.tick, 1);
    const stats: Stats = { cases: 0, crashes: 0, violations: 0, hangs: 0, slowestMs: 0 };
    const report = runTarget(job.target, {
      numRuns: job.numRuns,
      seed: job.seed,
      hangMs,
      startAt: job.startAt,
      stats,
      onCase: (index, shrinking) => {
        Atomics.store(progress, CELL.index, index);
        Atomics.store(progress, CELL.shrinking, shrinking ? 1 : 0);
        Atomics.store(progress, CELL.cases, stats.cases);
        Atomics.store(progress, CELL.crashes, stats.crashes);
        Atomics.store(progress, CELL.violations, stats.violations);
        Atomics.store(progress, CELL.hangs, stats.hangs);
        Atomics.store(progress, CELL.slowest, Math.min(2 ** 31 - 1, Math.ceil(stats.slowestMs)));
        Atomics.add(progress, CELL.tick, 1);
      },
      onFinding: (finding) => parentPort!.postMessage({ finding, job: j } satisfies FromWorker),
    });
    parentPort!.postMessage({ report, job: j } satisfies FromWorker);
  });
}

if (!isMainThread && (workerData as { fuzzWorker?: boolean } | undefined)?.fuzzWorker) workerMain();

/** Two pieces of one target's run (before and after a hang) as one report. */
function mergeReports(a: TargetReport, b: TargetReport): TargetReport {
  const findings = new Map<string, Finding>();
  for (const f of [...a.findings, ...b.findings]) {
    const seen = findings.get(f.signature);
    if (seen) seen.count += f.count;
    else findings.set(f.signature, { ...f });
  }
  const merged: TargetReport = {
    target: a.target,
    seed: a.seed,
    cases: a.cases + b.cases,
    crashes: a.crashes + b.crashes,
    violations: a.violations + b.violations,
    hangs: a.hangs + b.hangs,
    slowestMs: Math.max(a.slowestMs, b.slowestMs),
    timeMs: a.timeMs + b.timeMs,
    findings: [...findings.values()],
  };
  const stopped = b.stopped ?? a.stopped;
  if (stopped) merged.stopped = stopped;
  return merged;
}

/**
 * Runs jobs in order in a worker thread. A worker that stops making progress is stopped; its
 * case is reported as a hang with its input (drawn again here from the seed), and the target
 * goes on from the next case in a new worker, until `maxHangs` hangs give it up.
 */
export async function runIsolated(jobs: readonly Job[], options: IsolatedOptions = {}): Promise<TargetReport[]> {
  const hangMs = options.hangMs ?? HANG_MS;
  const stallMs = options.stallMs ?? Math.max(2 * hangMs, 10_000);
  const maxHangs = options.maxHangs ?? 3;
  const loadMs = options.loadMs ?? Math.max(60_000, stallMs);
  const reports: TargetReport[] = [];
  /** What finished of a target before its worker was stopped. */
  const carried = new Map<string, TargetReport>();
  const publish = (report: TargetReport) => {
    const before = carried.get(report.target);
    carried.delete(report.target);
    const full = before ? mergeReports(before, report) : report;
    reports.push(full);
    options.onReport?.(full);
  };
  let remaining: WorkerJob[] = jobs.map((job) => ({ ...job, startAt: 0 }));
  const tsx = require.resolve('tsx/cjs/api');
  while (remaining.length > 0) {
    const shared = new SharedArrayBuffer(Object.keys(CELL).length * 4);
    const progress = new Int32Array(shared);
    const batch = remaining;
    const started = Date.now();
    const findings = new Map<number, Finding[]>();
    let received = 0;
    const worker = new Worker(`require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(__filename)});`, {
      eval: true,
      workerData: { fuzzWorker: true, jobs: batch, shared, hangMs },
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    });
    const outcome = await new Promise<{ kind: 'done' } | { kind: 'stall' | 'died'; detail: string; ms: number }>((resolve) => {
      let lastTick = -1;
      let since = Date.now();
      let settled = false;
      const finish = (result: { kind: 'done' } | { kind: 'stall' | 'died'; detail: string; ms: number }) => {
        if (settled) return;
        settled = true;
        clearInterval(timer);
        resolve(result);
      };
      const timer = setInterval(() => {
        const tick = Atomics.load(progress, CELL.tick);
        if (tick !== lastTick) {
          lastTick = tick;
          since = Date.now();
          return;
        }
        // Loading (tsx, SheetJS, the seed files) gets loadMs; a case gets stallMs.
        const limit = Atomics.load(progress, CELL.index) < 0 ? loadMs : stallMs;
        const ms = Date.now() - since;
        if (ms > limit) finish({ kind: 'stall', detail: `no progress for ${Math.round(ms / 1000)} s`, ms });
      }, 100);
      worker.on('message', (message: FromWorker) => {
        if ('finding' in message) {
          findings.set(message.job, [...(findings.get(message.job) ?? []), message.finding]);
          return;
        }
        findings.delete(message.job);
        publish(message.report);
        received++;
        if (received === batch.length) finish({ kind: 'done' });
      });
      worker.on('error', (error) =>
        finish({ kind: 'died', detail: error instanceof Error ? `${error.name}: ${error.message}` : String(error), ms: 0 }),
      );
      worker.on('exit', (code) =>
        finish(received === batch.length ? { kind: 'done' } : { kind: 'died', detail: `worker exited with code ${code}`, ms: 0 }),
      );
    });
    await worker.terminate();
    if (outcome.kind === 'done') break;

    // The job that was running when the worker stopped: what it did, then the case it stopped on.
    const j = Atomics.load(progress, CELL.job);
    const index = Atomics.load(progress, CELL.index);
    const shrinking = Atomics.load(progress, CELL.shrinking) === 1;
    const job = batch[j]!;
    let input = '(while loading the target)';
    if (index >= 0 && !shrinking) {
      try {
        input = inputAt(job.target, job.seed, index);
      } catch (error) {
        input = `(could not draw case ${index} again: ${String(error)})`;
      }
    } else if (shrinking) input = `(a candidate while shrinking one of the findings below, call ${index})`;
    const kind = outcome.kind === 'stall' ? 'hang' : 'crash';
    const hung: Finding = {
      kind,
      signature:
        kind === 'hang'
          ? `hang: a case never ended (worker stopped after ${Math.round(stallMs / 1000)} s)`
          : `worker died: ${outcome.detail}`,
      count: 1,
      firstIndex: Math.max(0, index),
      message: kind === 'hang' ? `case #${index} made no progress for ${outcome.ms} ms` : outcome.detail,
      input,
    };
    if (kind === 'hang') hung.ms = outcome.ms;
    const piece: TargetReport = {
      target: job.target,
      seed: job.seed,
      cases: Atomics.load(progress, CELL.cases) + (shrinking ? 0 : 1),
      crashes: Atomics.load(progress, CELL.crashes) + (kind === 'crash' ? 1 : 0),
      violations: Atomics.load(progress, CELL.violations),
      hangs: Atomics.load(progress, CELL.hangs) + (kind === 'hang' ? 1 : 0),
      slowestMs: Math.max(Atomics.load(progress, CELL.slowest), outcome.ms),
      timeMs: Date.now() - started,
      findings: [...(findings.get(j) ?? []), hung],
    };
    const soFar = carried.get(job.target);
    const total = soFar ? mergeReports(soFar, piece) : piece;
    const rest = batch.slice(j + 1);
    const next = index + 1;
    if (!shrinking && index >= 0 && next < job.numRuns && total.hangs + total.crashes < maxHangs) {
      carried.set(job.target, total);
      remaining = [{ ...job, startAt: next }, ...rest];
    } else {
      carried.delete(job.target);
      if (!shrinking && index >= 0 && next < job.numRuns)
        total.stopped = `stopped after ${total.hangs} hang(s) and ${total.crashes} crash(es) at case #${index}, ${job.numRuns - next} cases not run`;
      publish(total);
      remaining = rest;
    }
  }
  return reports;
}

/** Spreads jobs over `parallel` workers by estimated cost and runs them; reports in job order. */
export async function runJobs(jobs: readonly Job[], parallel: number, options: IsolatedOptions = {}): Promise<TargetReport[]> {
  const groups: { jobs: Job[]; cost: number }[] = Array.from({ length: Math.max(1, Math.min(parallel, jobs.length)) }, () => ({
    jobs: [],
    cost: 0,
  }));
  const byCost = [...jobs].sort((a, b) => targetNamed(b.target).costMs * b.numRuns - targetNamed(a.target).costMs * a.numRuns);
  for (const job of byCost) {
    const lightest = groups.reduce((best, g) => (g.cost < best.cost ? g : best));
    lightest.jobs.push(job);
    lightest.cost += targetNamed(job.target).costMs * job.numRuns;
  }
  const results = (await Promise.all(groups.filter((g) => g.jobs.length > 0).map((g) => runIsolated(g.jobs, options)))).flat();
  return jobs.flatMap((job) => results.filter((r) => r.target === job.target));
}

/** A report's findings as text: each one, its first and its shrunk input, how to replay it. */
export function formatFindings(report: TargetReport, replay?: string): string {
  const parts = report.findings.map((f) =>
    [
      `✗ ${report.target}: ${f.kind} — ${f.signature} (${f.count} case${f.count === 1 ? '' : 's'}, first #${f.firstIndex}, target seed ${report.seed})`,
      `  ${f.message}`,
      f.stack ? `  ${f.stack.split('\n').slice(0, 6).join('\n  ')}` : '',
      `  input: ${f.input}`,
      f.shrunk ? `  shrunk: ${f.shrunk}` : '',
      replay ? `  replay: ${replay.replace('{cases}', String(f.firstIndex + 1))}` : '',
    ]
      .filter(Boolean)
      .join('\n'),
  );
  if (report.stopped) parts.push(`✗ ${report.target}: ${report.stopped}`);
  return parts.join('\n\n');
}
