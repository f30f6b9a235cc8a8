/**
 * The roster (单位名单): the units a level expects a return from, read from a sheet or a
 * .csv/.xlsx file, and how a unit named in a return is matched to it.
 *
 * Matching is exact, on a key that folds the ways people write one name — full-/half-width
 * forms, spaces, brackets, the women-workers' department suffixes (女职委 …) — and on the
 * roster's aliases folded the same way. Anything looser is only a suggestion for a person
 * to confirm, never a match. Pure: no I/O, never throws.
 */
import type { Lang } from '../definitions/types';
import { messageFor, type IssueCode, type IssueParams } from '../issues/catalogue';
import { makeIssue, type Issue } from '../issues/issue';
import { a1, cellText, isBlank, type Grid } from '../table/grid';
import { classifyRows } from '../table/rows';
import { foldKey, foldUnitName } from '../text/fold';
import { parseCell } from '../values';
import { impossibleDate } from '../values/date';
import type { Roster, RosterUnit } from './types';

// ── The key of a unit name ──

/** The department a return is often signed by, at the end of the union's name. */
const DEPARTMENTS = '女职工委员会|女职委|女职工部|女工部';
const DEPARTMENT_SUFFIX = new RegExp(`(?:\\((?:${DEPARTMENTS})\\)|(?:${DEPARTMENTS}))$`);

/**
 * The key a unit name is matched by: half-width, no white space, one kind of bracket, lower
 * case, and without a department suffix at the end — `河东区总工会 女职工委员会`,
 * `河东区总工会（女职委）` and `河东区总工会` are one unit. A 工会 before the suffix is kept.
 */
export function unitKey(name: string): string {
  const folded = foldUnitName(name);
  const stripped = folded.replace(DEPARTMENT_SUFFIX, '');
  // A name that is nothing but a department keeps it: an empty key would match nothing.
  return stripped === '' ? folded : stripped;
}

// ── Reading the roster sheet ──

/** How far down the header may be: a title line and a unit/date line rarely take more. */
const HEADER_SEARCH_ROWS = 10;

type Role = 'name' | 'level' | 'parent' | 'alias' | 'deadline' | 'contact' | 'phone';

/** A header cell's key: folded (`foldKey`), brackets dropped, so `单位名称（全称）` meets `单位名称全称`. */
function headerKey(text: string): string {
  return foldKey(text).replace(/[()]/g, '');
}

/** Header keys → the column's role. */
const STRONG_NAME = new Set(['单位名称', '单位全称', '单位名称全称', '工会名称', '工会全称', '单位工会名称', '工会单位名称', '单位名']);
const WEAK_NAME = new Set(['单位', '名称', '全称']);
const HEADERS: Record<Exclude<Role, 'name'>, ReadonlySet<string>> = {
  level: new Set(['单位层级', '层级', '单位级别', '级别', '层次']),
  parent: new Set(['上级单位', '上级单位名称', '上级工会', '上级', '所属上级', '上级主管单位']),
  alias: new Set(['别名', '单位别名', '简称', '单位简称', '别称', '曾用名', '其他名称']),
  deadline: new Set(['截止日期', '截止时间', '报送截止日期', '报送截止时间', '截止']),
  // Who to chase, for the whole notice's reminder list (optional columns).
  contact: new Set(['联系人', '联系人姓名', '经办人']),
  phone: new Set(['联系电话', '电话', '手机', '手机号', '手机号码', '联系方式']),
};

interface Header {
  /** 0-based header row. */
  r: number;
  columns: Partial<Record<Role, number>>;
  /** The header cells as written, for messages. */
  labels: Partial<Record<Role, string>>;
}

function roleOf(key: string): { role: Role; strong: boolean } | undefined {
  if (STRONG_NAME.has(key)) return { role: 'name', strong: true };
  if (WEAK_NAME.has(key)) return { role: 'name', strong: false };
  for (const role of ['level', 'parent', 'alias', 'deadline', 'contact', 'phone'] as const)
    if (HEADERS[role].has(key)) return { role, strong: true };
  return undefined;
}

/**
 * The header row: among the first rows, the one naming the most roster columns, a 单位名称
 * column required. A cell with a colon (`单位：`) is a label with its value beside it, as in
 * the unit line above a table, never a header.
 */
function findHeader(grid: Grid): Header | undefined {
  let best: { header: Header; score: number } | undefined;
  const last = Math.min(HEADER_SEARCH_ROWS, grid.rows.length);
  for (let r = 0; r < last; r++) {
    const row = grid.rows[r] ?? [];
    const header: Header = { r, columns: {}, labels: {} };
    let weakName: { c: number; text: string } | undefined;
    let strongName = false;
    for (let c = 0; c < row.length; c++) {
      const text = cellText(row[c]);
      if (text === '' || /[:：]/.test(text)) continue;
      const found = roleOf(headerKey(text));
      if (!found) continue;
      if (found.role === 'name' && !found.strong) {
        weakName ??= { c, text };
        continue;
      }
      if (header.columns[found.role] !== undefined) continue;
      header.columns[found.role] = c;
      header.labels[found.role] = text;
      if (found.role === 'name') strongName = true;
    }
    if (header.columns.name === undefined && weakName) {
      header.columns.name = weakName.c;
      header.labels.name = weakName.text;
    }
    if (header.columns.name === undefined) continue;
    const score = Object.keys(header.columns).length * 2 + (strongName ? 1 : 0);
    if (!best || score > best.score) best = { header, score };
  }
  return best?.header;
}

/** Aliases as written in one cell: separated by 、 ; ； , ， or line breaks. */
function splitAliases(text: string): string[] {
  return text
    .split(/[、;；,，\n\r]+/)
    .map((alias) => alias.trim())
    .filter((alias) => alias !== '');
}

/**
 * Reads a roster sheet: a header row within the first 10 rows with 单位名称 (required),
 * 单位层级, 上级单位, 别名 and 截止日期, one unit per row below. Blank rows, note lines and
 * 合计 lines are skipped; a repeated unit keeps its first row; a deadline that is not a date
 * is reported and the unit kept without one; an alias that is another unit's name or alias
 * is reported and not used.
 */
export function parseRoster(grid: Grid, source: string, lang: Lang): Roster {
  const issues: Issue[] = [];
  const report = (init: { code: IssueCode; params?: IssueParams; cell?: string; row?: number; label?: string }, row?: number): void => {
    const issue = makeIssue(init, lang);
    // A row named in the message itself is kept out of its prefix, and still set for sorting.
    if (row !== undefined) issue.row = row;
    if (source !== grid.sheet) issue.file = source;
    issue.sheet = grid.sheet;
    issues.push(issue);
  };

  const header = findHeader(grid);
  if (!header) {
    report({ code: 'roster.no-name-column' });
    return { source, units: [], issues };
  }
  const { columns, labels } = header;

  const units: RosterUnit[] = [];
  const byKey = new Map<string, RosterUnit>();
  /** The cell each unit's aliases were written in (A1), for messages. */
  const aliasCells = new Map<RosterUnit, string>();

  for (const { r, kind } of classifyRows(grid, header.r + 1)) {
    if (kind !== 'data') continue;
    const row = grid.rows[r] ?? [];
    const text = (role: Role): string => {
      const c = columns[role];
      return c === undefined ? '' : cellText(row[c]);
    };
    const name = text('name');
    const key = name === '' ? '' : unitKey(name);
    if (key === '') {
      // A numbered template row left empty says nothing; a row with other details does.
      const told = (['level', 'parent', 'alias', 'deadline'] as const).some((role) => text(role) !== '');
      if (told) report({ code: 'roster.blank-name', row: r + 1 });
      continue;
    }
    const first = byKey.get(key);
    if (first) {
      report({ code: 'roster.duplicate', params: { name: first.name, otherName: name, firstRow: first.row, row: r + 1 } }, r + 1);
      continue;
    }

    const unit: RosterUnit = { name, aliases: [], row: r + 1 };
    const level = text('level');
    if (level) unit.level = level;
    const parent = text('parent');
    if (parent) unit.parent = parent;
    const contact = text('contact');
    if (contact) unit.contact = contact;
    const phone = text('phone');
    if (phone) unit.phone = phone;

    const seen = new Set([key]);
    for (const alias of splitAliases(text('alias'))) {
      const aliasKey = unitKey(alias);
      if (aliasKey === '' || seen.has(aliasKey)) continue;
      seen.add(aliasKey);
      unit.aliases.push(alias);
    }
    if (unit.aliases.length > 0) aliasCells.set(unit, a1(r, columns.alias!));

    const deadlineCol = columns.deadline;
    if (deadlineCol !== undefined && !isBlank(row[deadlineCol])) {
      const parsed = parseCell(row[deadlineCol], { type: 'date', typed: grid.typed });
      if (parsed.ok) {
        if (typeof parsed.value === 'string') unit.deadline = parsed.value;
      } else {
        const value = cellText(row[deadlineCol]);
        const impossible = impossibleDate(value);
        if (impossible)
          report({
            code: 'roster.impossible-deadline',
            params: { reason: messageFor(impossible.code, impossible.params, lang) },
            cell: a1(r, deadlineCol),
            label: labels.deadline!,
          });
        else report({ code: 'roster.bad-deadline', params: { value }, cell: a1(r, deadlineCol), label: labels.deadline! });
      }
    }

    byKey.set(key, unit);
    units.push(unit);
  }

  // Aliases last, so that an alias is checked against every name, above it or below.
  const aliasOwners = new Map<string, RosterUnit>();
  for (const unit of units) {
    const kept: string[] = [];
    for (const alias of unit.aliases) {
      const aliasKey = unitKey(alias);
      const other = byKey.get(aliasKey) ?? aliasOwners.get(aliasKey);
      if (other && other !== unit) {
        report({
          code: 'roster.alias-clash',
          params: { alias, other: other.name, otherRow: other.row, name: unit.name },
          cell: aliasCells.get(unit)!,
          label: labels.alias!,
        });
        continue;
      }
      aliasOwners.set(aliasKey, unit);
      kept.push(alias);
    }
    unit.aliases = kept;
  }

  if (units.length === 0) report({ code: 'roster.empty' });
  return { source, units, issues };
}

// ── Matching names to the roster ──

const MAX_SUGGESTIONS = 3;
/** A key shorter than this (`工会`) is inside too many names to suggest anything. */
const MIN_CONTAINED = 3;
/** A name left after its place is dropped must say more than `总工会` to suggest a unit. */
const MIN_CORE = 4;
/** A leading place: 天津市, 河东区, 滨海新区, 蓟州区, 某某县 … at most a few in a row. */
const PLACE = /^.{1,6}?(?:自治区|省|市|区|县|旗)/;
const MAX_PLACES = 3;

/** The key with 1, 2 … leading places dropped (never the key itself, never empty). */
function withoutPlaces(key: string): string[] {
  const out: string[] = [];
  let rest = key;
  for (let i = 0; i < MAX_PLACES; i++) {
    const place = PLACE.exec(rest);
    if (!place || place[0].length >= rest.length) break;
    rest = rest.slice(place[0].length);
    out.push(rest);
  }
  return out;
}

/** Names shorter than this are too alike (`河东区总工会` / `河西区总工会`) for one character to be a typo. */
const MIN_TYPO = 7;

/** The key with each character in turn blanked (`向阳?街道总工会`); none for a short key. */
function typoForms(key: string): string[] {
  if (key.length < MIN_TYPO) return [];
  const chars = [...key];
  return chars.map((_, i) => [...chars.slice(0, i), '\u0000', ...chars.slice(i + 1)].join(''));
}

/** One key a roster unit is known by: its name's, or one of its aliases'. */
interface Key {
  key: string;
  unit: RosterUnit;
  /** The unit's place in the roster, for a stable order. */
  order: number;
}

interface RosterIndex {
  /** The array and length the index was built from: a changed roster is indexed again. */
  units: readonly RosterUnit[];
  count: number;
  exact: Map<string, RosterUnit>;
  /** Every key, by its text (several units may share one: the first is the exact match). */
  byText: Map<string, Key[]>;
  /** Every key, by each of its forms without leading places. */
  byCore: Map<string, Key[]>;
  /** Every key, by each run of three characters in it, to find keys holding a name. */
  byTrigram: Map<string, Key[]>;
  /** Every key long enough, by each of its forms with one character blanked: one-character typos. */
  byTypo: Map<string, Key[]>;
  longest: number;
  /** Suggestions already worked out, by name key: a roll-up meets the same names often. */
  suggested: Map<string, RosterUnit[]>;
}

const indexes = new WeakMap<Roster, RosterIndex>();

function push(map: Map<string, Key[]>, text: string, key: Key): void {
  const list = map.get(text);
  if (list) list.push(key);
  else map.set(text, [key]);
}

function indexOf(roster: Roster): RosterIndex {
  const cached = indexes.get(roster);
  if (cached && cached.units === roster.units && cached.count === roster.units.length) return cached;
  const index: RosterIndex = {
    units: roster.units,
    count: roster.units.length,
    exact: new Map(),
    byText: new Map(),
    byCore: new Map(),
    byTrigram: new Map(),
    byTypo: new Map(),
    longest: 0,
    suggested: new Map(),
  };
  const add = (unit: RosterUnit, order: number, text: string): void => {
    if (text === '') return;
    if (!index.exact.has(text)) index.exact.set(text, unit);
    const key: Key = { key: text, unit, order };
    push(index.byText, text, key);
    for (const core of withoutPlaces(text)) push(index.byCore, core, key);
    const trigrams = new Set<string>();
    for (let i = 0; i + MIN_CONTAINED <= text.length; i++) trigrams.add(text.slice(i, i + MIN_CONTAINED));
    for (const trigram of trigrams) push(index.byTrigram, trigram, key);
    for (const blanked of typoForms(text)) push(index.byTypo, blanked, key);
    index.longest = Math.max(index.longest, text.length);
  };
  // Names first, first one wins; then aliases, which never take a key a name or an earlier alias has.
  roster.units.forEach((unit, order) => add(unit, order, unitKey(unit.name)));
  roster.units.forEach((unit, order) => {
    for (const alias of unit.aliases) add(unit, order, unitKey(alias));
  });
  indexes.set(roster, index);
  return index;
}

/**
 * Roster units close to a name that matched none, closest first. Tiers, lower is closer:
 * 0 — one is the other with a place in front (`天津市河东区总工会` / `河东区总工会`);
 * 1 — one holds the other (`大王庄街道` / `大王庄街道总工会`), neither shorter than 3;
 * 2 — the same name under another place (`河西区卫生健康委员会工会` / `河东区…`), what is
 *     left without the place at least 4 long (so never just `总工会`);
 * 3 — one character different, in names of at least 7 (a homophone typed for another).
 * Then the smaller difference in length, then roster order.
 */
function suggestionsFor(index: RosterIndex, name: string): RosterUnit[] {
  const cached = index.suggested.get(name);
  if (cached) return cached;
  const best = new Map<RosterUnit, { tier: number; gap: number; order: number }>();
  const consider = (keys: readonly Key[] | undefined, tier: number, holds?: (key: string) => boolean): void => {
    for (const key of keys ?? []) {
      if (key.key === name || (holds && !holds(key.key))) continue;
      const gap = Math.abs(key.key.length - name.length);
      const seen = best.get(key.unit);
      if (!seen || tier < seen.tier || (tier === seen.tier && gap < seen.gap)) best.set(key.unit, { tier, gap, order: key.order });
    }
  };

  const cores = withoutPlaces(name);
  for (const core of cores) consider(index.byText.get(core), 0);
  consider(index.byCore.get(name), 0);

  if (name.length >= MIN_CONTAINED) {
    // Keys inside the name: look up its substrings, no longer than the longest key.
    for (let length = MIN_CONTAINED; length < name.length && length <= index.longest; length++) {
      for (let i = 0; i + length <= name.length; i++) consider(index.byText.get(name.slice(i, i + length)), 1);
    }
    // Keys holding the name: those sharing its rarest run of three, then checked whole.
    let rarest: Key[] | undefined;
    for (let i = 0; i + MIN_CONTAINED <= name.length; i++) {
      const keys = index.byTrigram.get(name.slice(i, i + MIN_CONTAINED));
      if (!keys) {
        rarest = undefined;
        break;
      }
      if (!rarest || keys.length < rarest.length) rarest = keys;
    }
    consider(rarest, 1, (key) => key.includes(name));
  }

  for (const core of cores) if (core.length >= MIN_CORE) consider(index.byCore.get(core), 2);
  // 3 — one character typed wrong (`向阳路街道总工会` / `向阳楼街道总工会`), names of 7 or more.
  for (const blanked of typoForms(name)) consider(index.byTypo.get(blanked), 3);

  const out = [...best.entries()]
    .sort(([, a], [, b]) => a.tier - b.tier || a.gap - b.gap || a.order - b.order)
    .slice(0, MAX_SUGGESTIONS)
    .map(([unit]) => unit);
  index.suggested.set(name, out);
  return out;
}

/**
 * The roster unit a name is, matched exactly on `unitKey` against the roster's names and
 * aliases. Without a match, up to three roster units a person may have meant, closest
 * first — suggestions only, never taken as a match.
 */
export function matchUnit(roster: Roster, name: string): { unit?: RosterUnit; suggestions: RosterUnit[] } {
  const key = unitKey(name);
  if (key === '') return { suggestions: [] };
  const index = indexOf(roster);
  const unit = index.exact.get(key);
  if (unit) return { unit, suggestions: [] };
  return { suggestions: suggestionsFor(index, key).slice() };
}

/**
 * The roster unit a row reports for: the unit the row names when it is on the roster, else
 * its 上级单位 when that is — a district's return lists its grassroots unions, and the
 * district has reported. Exact matches only.
 */
export function rosterUnitFor(roster: Roster, name: string, parent?: string): { unit?: RosterUnit; via?: 'self' | 'parent' } {
  const self = unitKey(name);
  const index = indexOf(roster);
  const unit = self === '' ? undefined : index.exact.get(self);
  if (unit) return { unit, via: 'self' };
  if (parent !== undefined) {
    const above = unitKey(parent);
    const parentUnit = above === '' ? undefined : index.exact.get(above);
    if (parentUnit) return { unit: parentUnit, via: 'parent' };
  }
  return {};
}
