/**
 * The whole notice in one roll-up (spec "The whole notice"): any mix of files in, each
 * spreadsheet's tables taken by the single-form roll-up of their form, documents and photos
 * attributed to roster units by their names, and for each roster unit × requested material
 * received | late | rejected | missing, the cross-form warnings and the reminder list.
 *
 * Pure: spreadsheets arrive already read and checked (`ReturnInput`), documents and photos as
 * names, sizes and times only. Fed one file at a time, so the inbox never sits in memory; the
 * result does not depend on the order files arrive in.
 */
import { formTitle, type CompiledForm } from '../definitions/compile';
import type { Lang } from '../definitions/types';
import type { IssueCode, IssueParams } from '../issues/catalogue';
import { makeIssue, type Issue } from '../issues/issue';
import { startRollup, type ReturnInput, type RollupBuilder } from '../rollup/rollup';
import type { Roster, RosterUnit, RollupResult, RollupRow } from '../rollup/types';
import { foldKey } from '../text/fold';
import { attributorFor, type Attribution } from './attribute';
import { crossFormIssues, rowsByUnit } from './crossForm';
import {
  FORM_MATERIALS,
  baseName,
  extensionOf,
  fileKind,
  isActivityReportName,
  isMaterialId,
  looksGarbled,
  materialHintOf,
  materialLabel,
  stem,
  type MaterialId,
} from './materials';
import { activityYear, dayOfTime } from '../rollup/dates';
import { remindersFor } from './reminders';
import type { ListingProblem, MaterialCell, NoticeEntry, NoticeFileLine, NoticeResult, UnitMaterials } from './types';

export interface NoticeOptions {
  /** What this notice asked for. */
  materials: readonly MaterialId[];
  /** Every known form: the requested ones are rolled up, the others named when a file is one. */
  forms: readonly CompiledForm[];
  roster?: Roster;
  /** Deadline for units without their own, `YYYY-MM-DD`. */
  deadline?: string;
  unit?: string;
  level?: string;
  lang?: Lang;
  createdAt?: string;
  /** The activity's year where the deadline and roster do not say it (`--year`). */
  year?: number;
}

export interface NoticeBuilder {
  /** A spreadsheet, read and checked. */
  addSpreadsheet(entry: NoticeEntry, input: ReturnInput): void;
  /** Anything else: known by its name, size and time only. */
  addFile(entry: NoticeEntry): void;
  /** A folder or file the listing could not take in. */
  addProblem(problem: ListingProblem): void;
  finish(): NoticeResult;
}

/** A rejected spreadsheet waiting for the end: its unit and material are told by its name. */
interface Rejected {
  entry: NoticeEntry;
  code: IssueCode;
  reason: string;
  material: MaterialId | null;
}

/** The ways an attachment may be written: with or without its extension, folded. */
function nameKeys(name: string): string[] {
  const base = baseName(name.trim());
  return [...new Set([foldKey(base), foldKey(stem(base))])].filter((k) => k !== '');
}

export function startNotice(options: NoticeOptions): NoticeBuilder {
  const lang = options.lang ?? 'zh-CN';
  const createdAt = options.createdAt ?? new Date().toISOString();
  const roster = options.roster;
  const attributor = roster ? attributorFor(roster) : undefined;
  const requested = MATERIALS_IN_ORDER.filter((m) => options.materials.includes(m));
  const builders = new Map<string, RollupBuilder>();
  // Each form's 汇总 title takes the notice's year, as a single-form roll-up's does.
  const year = activityYear(options);
  for (const material of requested) {
    if (!FORM_MATERIALS.includes(material)) continue;
    const form = options.forms.find((f) => f.def.id === material);
    if (!form) continue;
    builders.set(
      material,
      startRollup({
        form,
        forms: options.forms,
        lang,
        createdAt,
        ...(roster ? { roster } : {}),
        ...(options.deadline ? { deadline: options.deadline } : {}),
        ...(options.unit ? { unit: options.unit } : {}),
        ...(options.level ? { level: options.level } : {}),
        ...(year !== undefined ? { year } : {}),
      }),
    );
  }

  const lines: NoticeFileLine[] = [];
  const issues: Issue[] = [];
  const rejected: Rejected[] = [];
  /** Documents and photos, decided at the end (an attachment is known once the tables are in). */
  const others: NoticeEntry[] = [];
  /** Every file's name keys, to find a typical experience's attachment. */
  const received = new Set<string>();

  const fileIssue = (file: string, code: IssueCode, params: IssueParams = {}): Issue => {
    const issue = makeIssue({ code, params }, lang);
    issue.file = file;
    issues.push(issue);
    return issue;
  };
  const attribute = (entry: NoticeEntry): Attribution => (attributor ? attributor.attribute(entry.within ?? entry.file) : { kind: 'none' });
  const formName = (id: string): string => {
    if (isMaterialId(id)) return materialLabel(id, lang);
    const form = options.forms.find((f) => f.def.id === id);
    return form ? formTitle(form, lang) : id;
  };

  function addSpreadsheet(entry: NoticeEntry, input: ReturnInput): void {
    for (const key of nameKeys(entry.file)) received.add(key);
    const report = input.report;
    if (input.failure || !report) {
      const failure = input.failure ?? { code: 'file.unreadable' as const, params: { detail: '' } };
      const issue = fileIssue(entry.file, failure.code, failure.params);
      rejected.push({ entry, code: failure.code, reason: issue.message, material: materialHintOf(entry.file) ?? null });
      return;
    }
    const formsHere = [...new Set(report.tables.map((t) => t.form))];
    if (formsHere.length === 0) {
      const notFound = report.issues.find((i) => i.code === 'table.not-found');
      const issue = notFound ? { ...notFound, file: entry.file } : makeIssue({ code: 'file.empty', params: {} }, lang);
      issue.file = entry.file;
      issues.push(issue);
      rejected.push({ entry, code: issue.code, reason: issue.message, material: materialHintOf(entry.file) ?? null });
      return;
    }
    const taken = formsHere.filter((id) => builders.has(id));
    for (const id of taken) builders.get(id)!.add(input);
    for (const id of formsHere.filter((f) => !builders.has(f))) {
      const issue = fileIssue(entry.file, 'notice.not-requested', { material: formName(id) });
      lines.push({
        file: entry.file,
        unit: null,
        material: isMaterialId(id) ? id : null,
        status: 'not-requested',
        code: issue.code,
        reason: issue.message,
      });
    }
  }

  function addFile(entry: NoticeEntry): void {
    for (const key of nameKeys(entry.file)) received.add(key);
    others.push(entry);
  }

  function addProblem(problem: ListingProblem): void {
    const issue = fileIssue(problem.file, problem.code, problem.params ?? {});
    lines.push({ file: problem.file, unit: null, material: null, status: 'skipped', code: issue.code, reason: issue.message });
  }

  /** The line of a file that names no unit, or several: why it was not attributed. */
  function unattributed(entry: NoticeEntry, how: Attribution, material: MaterialId | null): NoticeFileLine {
    let issue: Issue;
    if (how.kind === 'several')
      issue = fileIssue(entry.file, 'notice.several-units', {
        name: how.name,
        units: how.units.map((u) => u.name).join(lang === 'en' ? ', ' : '、'),
      });
    else if (looksGarbled(entry.within ?? entry.file)) issue = fileIssue(entry.file, 'notice.garbled-name');
    else issue = fileIssue(entry.file, 'notice.no-unit');
    return { file: entry.file, unit: null, material, status: 'unattributed', code: issue.code, reason: issue.message };
  }

  function finish(): NoticeResult {
    if (!roster) issues.unshift(makeIssue({ code: 'notice.no-roster' }, lang));
    const forms: Partial<Record<MaterialId, RollupResult>> = {};
    for (const [id, builder] of builders) forms[id as MaterialId] = builder.finish();

    // What each form's roll-up made of the files it took.
    const rejectedByUnit = new Map<string, { reason: string; file: string }>();
    const cellKey = (unit: string, material: MaterialId) => `${material}\u0000${unit}`;
    for (const [id, result] of Object.entries(forms) as [MaterialId, RollupResult][]) {
      const unitsOf = new Map<string, Set<string>>();
      for (const row of result.rows) {
        if (row.status !== 'counted' || !row.rosterUnit) continue;
        const set = unitsOf.get(row.file) ?? new Set<string>();
        set.add(row.rosterUnit);
        unitsOf.set(row.file, set);
      }
      for (const verdict of result.files) {
        if (verdict.status === 'accepted') {
          const units = [...(unitsOf.get(verdict.file) ?? [])];
          lines.push({ file: verdict.file, unit: units.length === 1 ? units[0]! : null, material: id, status: 'accepted', reason: null });
        } else {
          rejected.push({
            entry: { file: verdict.file },
            code: verdict.code ?? 'file.unreadable',
            reason: verdict.reason ?? '',
            material: id,
          });
        }
      }
      issues.push(...result.issues);
    }
    for (const r of rejected) {
      const how = attribute(r.entry);
      const unit = how.kind === 'unit' ? how.unit.name : null;
      lines.push({ file: r.entry.file, unit, material: r.material, status: 'rejected', code: r.code, reason: r.reason });
      if (unit && r.material && !rejectedByUnit.has(cellKey(unit, r.material)))
        rejectedByUnit.set(cellKey(unit, r.material), { reason: r.reason, file: r.entry.file });
    }

    // Typical experiences' attachments, by name, to find the documents that are theirs.
    const experienceRows = (forms['typical-experience']?.rows ?? []).filter((r) => r.status === 'counted');
    const attachmentOwner = new Map<string, RollupRow>();
    for (const row of experienceRows)
      for (const name of attachmentsOf(row)) for (const key of nameKeys(name)) if (!attachmentOwner.has(key)) attachmentOwner.set(key, row);

    // Documents and photos: by their names only.
    const byUnit = new Map<string, { files: string[]; dates: string[] }>();
    const take = (unit: RosterUnit, material: MaterialId, entry: NoticeEntry) => {
      const key = cellKey(unit.name, material);
      const seen = byUnit.get(key) ?? { files: [], dates: [] };
      seen.files.push(entry.file);
      const date = dayOfTime(entry.modified);
      if (date) seen.dates.push(date);
      byUnit.set(key, seen);
    };
    for (const entry of others) {
      const kind = fileKind(entry.file);
      const date = dayOfTime(entry.modified);
      const dated = date ? { date } : {};
      if (kind === 'archive' || kind === 'other') {
        const issue = fileIssue(entry.file, kind === 'archive' ? 'notice.archive' : 'notice.unclassified-other', {
          extension: extensionOf(entry.file) || '?',
        });
        lines.push({
          file: entry.file,
          unit: null,
          material: null,
          status: 'unclassified',
          code: issue.code,
          reason: issue.message,
          ...dated,
        });
        continue;
      }
      let material: MaterialId | null = null;
      let owner: RollupRow | undefined;
      if (kind === 'photo') material = 'photos';
      else if (isActivityReportName(entry.file)) material = 'activity-report';
      else {
        owner = nameKeys(entry.file)
          .map((k) => attachmentOwner.get(k))
          .find(Boolean);
        if (owner) material = 'typical-experience';
      }
      if (!material) {
        const issue = fileIssue(entry.file, 'notice.unclassified-document');
        const how = attribute(entry);
        lines.push({
          file: entry.file,
          unit: how.kind === 'unit' ? how.unit.name : null,
          material: null,
          status: 'unclassified',
          code: issue.code,
          reason: issue.message,
          ...dated,
        });
        continue;
      }
      if (!requested.includes(material)) {
        const issue = fileIssue(entry.file, 'notice.not-requested', { material: materialLabel(material, lang) });
        lines.push({ file: entry.file, unit: null, material, status: 'not-requested', code: issue.code, reason: issue.message, ...dated });
        continue;
      }
      const how = attribute(entry);
      const ownerUnit = owner?.rosterUnit ? roster?.units.find((u) => u.name === owner!.rosterUnit) : undefined;
      const unit = how.kind === 'unit' ? how.unit : ownerUnit;
      if (!unit) {
        lines.push({ ...unattributed(entry, how, material), ...dated });
        continue;
      }
      if (entry.size === 0) {
        const issue = fileIssue(entry.file, 'file.empty');
        lines.push({ file: entry.file, unit: unit.name, material, status: 'rejected', code: issue.code, reason: issue.message, ...dated });
        if (!rejectedByUnit.has(cellKey(unit.name, material)))
          rejectedByUnit.set(cellKey(unit.name, material), { reason: issue.message, file: entry.file });
        continue;
      }
      lines.push({ file: entry.file, unit: unit.name, material, status: 'accepted', reason: null, ...dated });
      if (material !== 'typical-experience') take(unit, material, entry);
    }

    // Each roster unit × each requested material.
    const statusOf = new Map<MaterialId, Map<string, RollupResult['units'][number]>>();
    for (const [id, result] of Object.entries(forms) as [MaterialId, RollupResult][])
      statusOf.set(id, new Map(result.units.map((u) => [u.unit, u])));
    const units: UnitMaterials[] = (roster?.units ?? []).map((unit) => {
      const deadline = unit.deadline ?? options.deadline;
      const items: UnitMaterials['items'] = {};
      for (const material of requested) {
        let cell: MaterialCell;
        if (FORM_MATERIALS.includes(material)) {
          const status = statusOf.get(material)?.get(unit.name);
          if (status && status.status !== 'missing') {
            cell = { status: status.status === 'late' ? 'late' : 'received', files: status.files };
            if (status.date) cell.date = status.date;
          } else cell = { status: 'missing', files: [] };
        } else {
          const seen = byUnit.get(cellKey(unit.name, material));
          if (seen) {
            // The first copy that came in dates the material: a later version does not make it late.
            const date = [...seen.dates].sort()[0];
            cell = { status: deadline && date && date > deadline ? 'late' : 'received', files: seen.files.sort() };
            if (date) cell.date = date;
            if (material === 'photos') cell.count = seen.files.length;
          } else cell = { status: 'missing', files: [] };
        }
        const refused = rejectedByUnit.get(cellKey(unit.name, material));
        if (cell.status === 'missing' && refused) cell = { status: 'rejected', files: [refused.file], reason: refused.reason };
        items[material] = cell;
      }
      const out: UnitMaterials = { unit: unit.name, items };
      if (unit.level) out.level = unit.level;
      if (deadline) out.deadline = deadline;
      if (unit.contact) out.contact = unit.contact;
      if (unit.phone) out.phone = unit.phone;
      return out;
    });

    // Cross-checks between one unit's materials.
    const summaryRows = rowsByUnit(forms['activity-summary']);
    const quizRows = rowsByUnit(forms['quiz-results']);
    const experienceByUnit = rowsByUnit(forms['typical-experience']);
    for (const unit of units) {
      const photos = unit.items.photos;
      issues.push(
        ...crossFormIssues(
          {
            unit: unit.unit,
            summary: summaryRows.get(unit.unit) ?? [],
            quiz: quizRows.get(unit.unit) ?? [],
            experiences: experienceByUnit.get(unit.unit) ?? [],
            ...(photos ? { photos: photos.count ?? 0 } : {}),
          },
          lang,
        ),
      );
    }
    for (const row of experienceRows) {
      for (const attachment of attachmentsOf(row)) {
        if (nameKeys(attachment).some((k) => received.has(k))) continue;
        const issue = makeIssue(
          {
            code: 'cross-form.attachment-missing',
            field: 'attachment',
            params: { unit: row.rosterUnit ?? row.unit, title: String(row.values.title ?? ''), attachment },
          },
          lang,
        );
        issue.file = row.file;
        issue.sheet = row.sheet;
        issue.row = row.row;
        issues.push(issue);
      }
    }

    lines.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
    return {
      materials: requested,
      forms,
      units,
      reminders: remindersFor(units, requested, lang),
      files: lines,
      issues: [...(roster?.issues ?? []), ...issues],
      createdAt,
    };
  }

  return { addSpreadsheet, addFile, addProblem, finish };
}

/** The materials in the order the spec lists them, whatever order they were asked in. */
const MATERIALS_IN_ORDER: readonly MaterialId[] = ['activity-summary', 'quiz-results', 'typical-experience', 'activity-report', 'photos'];

/** A typical experience's 附件文件名: one or several names. */
function attachmentsOf(row: RollupRow): string[] {
  const value = row.values.attachment;
  if (typeof value !== 'string') return [];
  return value
    .split(/[、;；,，\n]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '' && !/^(无|没有|none|n\/a|-|—)$/i.test(s));
}
