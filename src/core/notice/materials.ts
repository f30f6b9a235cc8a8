/**
 * The materials a notice may ask each unit for (spec "The whole notice"), and what kind of
 * file a name is. A file's kind is told by its extension only: documents and photos are
 * never opened, so a 2 GB video named 活动总结.mp4 costs its name.
 */
import type { Lang } from '../definitions/types';

export const MATERIAL_IDS = ['activity-summary', 'quiz-results', 'typical-experience', 'activity-report', 'photos'] as const;
export type MaterialId = (typeof MATERIAL_IDS)[number];

/** Materials that are tables of a form (the id is the form's id); the rest are files. */
export const FORM_MATERIALS: readonly MaterialId[] = ['activity-summary', 'quiz-results', 'typical-experience'];

const LABELS: Record<MaterialId, Record<Lang, string>> = {
  'activity-summary': { 'zh-CN': '数据汇总表', en: 'activity data summary' },
  'quiz-results': { 'zh-CN': '知识竞赛活动情况表', en: 'quiz activity table' },
  'typical-experience': { 'zh-CN': '典型经验', en: 'typical experiences' },
  'activity-report': { 'zh-CN': '活动总结', en: 'activity report' },
  photos: { 'zh-CN': '图片', en: 'photos' },
};

export function isMaterialId(id: string): id is MaterialId {
  return (MATERIAL_IDS as readonly string[]).includes(id);
}

export function materialLabel(id: MaterialId, lang: Lang): string {
  return LABELS[id][lang];
}

export type FileKind = 'spreadsheet' | 'document' | 'photo' | 'archive' | 'other';

const KINDS: Record<Exclude<FileKind, 'other'>, ReadonlySet<string>> = {
  spreadsheet: new Set(['xlsx', 'xlsm', 'xls', 'csv']),
  document: new Set(['doc', 'docx', 'wps', 'pdf', 'odt', 'txt']),
  photo: new Set(['jpg', 'jpeg', 'png', 'heic', 'gif', 'bmp', 'webp']),
  archive: new Set(['zip', 'rar', '7z', 'tar', 'gz']),
};

/** The last path segment (either slash). */
export function baseName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}

/** Lower-case extension without the dot, '' when there is none. */
export function extensionOf(name: string): string {
  const base = baseName(name);
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot + 1).toLowerCase();
}

/**
 * A name without its folders and extension. Only a short ASCII extension is one: in
 * `2.二号桥数据汇总表` — a sheet of the open workbook, or a file saved without its extension —
 * what follows the dot is the name itself.
 */
export function stem(name: string): string {
  return baseName(name).replace(/\.[A-Za-z0-9]{1,5}$/, '');
}

/**
 * Files no unit sent: Office's lock files (`~$活动总结.docx`), the copies macOS zips carry
 * (`__MACOSX/…/._活动总结.docx`, which would otherwise count as the unit's report) and folder
 * housekeeping (`.DS_Store`, `Thumbs.db`, `desktop.ini`).
 */
export function isHousekeepingFile(name: string): boolean {
  const base = baseName(name);
  return (
    base.startsWith('~$') ||
    base.startsWith('._') ||
    /^(\.ds_store|thumbs\.db|desktop\.ini)$/i.test(base) ||
    /(^|[\\/])__MACOSX([\\/]|$)/.test(name)
  );
}

export function fileKind(name: string): FileKind {
  const ext = extensionOf(name);
  for (const kind of ['spreadsheet', 'document', 'photo', 'archive'] as const) if (KINDS[kind].has(ext)) return kind;
  return 'other';
}

/** A document is an activity report when its name says 总结 (spec); anything else is not told by its name. */
export function isActivityReportName(name: string): boolean {
  return stem(name).includes('总结');
}

/**
 * Words in a spreadsheet's name that say which form it was meant to be: used only to say
 * which material a file that could not be read was for, never to read a table.
 */
const SPREADSHEET_HINTS: [MaterialId, RegExp][] = [
  ['quiz-results', /竞赛/],
  ['typical-experience', /典型经验|经验/],
  ['activity-summary', /数据汇总|汇总表|数据表|附件2/],
];

export function materialHintOf(name: string): MaterialId | undefined {
  const s = stem(name);
  return SPREADSHEET_HINTS.find(([, pattern]) => pattern.test(s))?.[0];
}

/**
 * Names decoded in the wrong code page: U+FFFD where bytes were not UTF-8, or runs of Latin-1
 * letters where GBK bytes were read as CP437/Latin-1 by an old zip tool (`╗╣╬─` / `ÎÄ¼þ`).
 */
export function looksGarbled(name: string): boolean {
  return /\ufffd/.test(name) || /[\u00c0-\u00ff\u2500-\u257f]{2,}/.test(name);
}
