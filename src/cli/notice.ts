/** `huizong rollup` without `--form`: the whole notice — every material of every unit, and who to chase. */
import { readFileSync } from 'node:fs';
import type { CompiledForm } from '../core/definitions/compile';
import type { Lang } from '../core/definitions/types';
import { materialLabel, type MaterialId } from '../core/notice/materials';
import type { MaterialStatus, NoticeResult } from '../core/notice/types';
import { rollUpNotice, type NoticeSource } from '../files/rollupNotice';
import { readRosterFile } from '../files/rollupFiles';
import { writeNoticeWorkbook } from '../files/writeNotice';
import { writeOut } from './fileFailure';
import type { CliIO } from './io';
import { rollupReport } from './rollup';
import { say } from './strings';
import { walkInbox } from './walkInbox';
import { decryptedInbox, readAsExcelOpens } from './defaultKey';

export interface NoticeArgs {
  inputs: string[];
  materials: MaterialId[];
  forms: CompiledForm[];
  roster?: string;
  deadline?: string;
  unit?: string;
  out: string;
  json: boolean;
  lang: Lang;
  today?: string;
  progress: boolean;
}

/** The JSON report of the whole notice (README, "huizong rollup"). */
export function noticeReport(result: NoticeResult, forms: readonly CompiledForm[]) {
  const reports: Record<string, ReturnType<typeof rollupReport>> = {};
  for (const [id, rollup] of Object.entries(result.forms)) {
    const form = forms.find((f) => f.def.id === id);
    if (rollup && form) reports[id] = rollupReport(rollup, form);
  }
  return {
    forms: reports,
    materials: result.units.map((u) => ({
      unit: u.unit,
      items: Object.fromEntries(Object.entries(u.items).map(([m, cell]) => [m, cell.status])),
    })),
    reminders: result.reminders.map((r) => ({
      unit: r.unit,
      missing: r.missing,
      deadline: r.deadline ?? null,
      contact: r.contact ?? null,
      phone: r.phone ?? null,
      message: r.message,
    })),
    files: result.files.map((f) => ({ file: f.file, unit: f.unit, material: f.material, status: f.status, reason: f.reason })),
    issues: result.issues.map(({ file, sheet, cell, field, severity, rule, message }) => ({
      file: file ?? null,
      sheet: sheet ?? null,
      cell: cell ?? null,
      field: field ?? null,
      severity,
      rule,
      message,
    })),
  };
}

function readBytes(path: Buffer | string): Uint8Array {
  try {
    return new Uint8Array(readFileSync(path));
  } catch {
    // Read as empty: the file is rejected as empty, with its line in the file list.
    return new Uint8Array();
  }
}

export async function runNotice(args: NoticeArgs, io: CliIO): Promise<number> {
  const { lang } = args;
  const listing = walkInbox(args.inputs);
  const decrypted = await decryptedInbox(listing.files.map((f, i) => ({ key: i, name: f.file, path: f.path })));
  const sources: NoticeSource[] = listing.files.map((f, i) => ({
    file: f.file,
    within: f.within,
    ...(f.size !== undefined ? { size: f.size } : {}),
    ...(f.modified !== undefined ? { modified: f.modified } : {}),
    bytes: () => decrypted.get(i) ?? readBytes(f.path),
  }));
  const rosterBytes = args.roster ? ((await readAsExcelOpens(args.roster)) ?? new Uint8Array()) : undefined;
  const roster = args.roster && rosterBytes ? readRosterFile({ name: args.roster, bytes: rosterBytes }, lang, args.forms) : undefined;
  const result = rollUpNotice(
    sources,
    listing.problems,
    {
      materials: args.materials,
      forms: args.forms,
      lang,
      ...(roster ? { roster } : {}),
      ...(args.deadline ? { deadline: args.deadline } : {}),
      ...(args.unit ? { unit: args.unit } : {}),
      ...(args.today ? { today: args.today } : {}),
    },
    args.progress ? ({ index, total, file }) => io.err(`\r${say(lang, 'progress', { index, total, bar: '', file })}\u001b[K`) : undefined,
  );
  if (args.progress) io.err('\n');
  const written = await writeOut(io, lang, args.out, () =>
    writeNoticeWorkbook(result, args.forms, { lang, ...(args.unit ? { unit: args.unit } : {}) }),
  );
  if (args.json) io.out(JSON.stringify(noticeReport(result, args.forms), null, 2));
  // Files by their place in the inbox (收件箱/二号桥街道总工会/…): the folders above say nothing.
  else printNotice(result, lang, io, new Map(listing.files.map((f) => [f.file, f.within])));
  if (written) io.err(say(lang, 'written', { path: args.out }));
  return written ? 0 : 1;
}

function printNotice(result: NoticeResult, lang: Lang, io: CliIO, shown: ReadonlyMap<string, string>): void {
  const by = (status: string) => result.files.filter((f) => f.status === status).length;
  io.out(
    say(lang, 'noticeFiles', {
      files: result.files.length,
      accepted: by('accepted'),
      rejected: by('rejected'),
      unattributed: by('unattributed'),
      unclassified: by('unclassified'),
      other: by('not-requested') + by('skipped'),
    }),
  );
  if (result.units.length > 0) {
    for (const m of result.materials) {
      const count = (s: MaterialStatus) => result.units.filter((u) => u.items[m]?.status === s).length;
      io.out(
        '  ' +
          say(lang, 'noticeMaterial', {
            material: materialLabel(m, lang),
            received: count('received'),
            late: count('late'),
            rejected: count('rejected'),
            missing: count('missing'),
          }),
      );
    }
    io.out(say(lang, 'noticeReminders', { count: result.reminders.length }));
  }
  for (const f of result.files.filter((l) => l.status !== 'accepted' && l.status !== 'not-requested').slice(0, 20))
    io.out(`  ${shown.get(f.file) ?? f.file}：${f.reason ?? ''}`);
  const warnings = result.issues.filter((i) => i.code.startsWith('cross-form.'));
  for (const issue of warnings.slice(0, 20)) io.out(`  ${say(lang, issue.severity)}  ${issue.message}`);
  io.out(say(lang, 'noticeMore'));
}
