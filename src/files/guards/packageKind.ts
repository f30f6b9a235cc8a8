/** What a zip is, from its own relationships and content types: only OOXML workbooks go on. */
import { inflatePart } from './partInflate';
import { notSpreadsheet, refuse, type Limits } from './verdicts';
import type { ZipEntry } from './zipDirectory';

/** A path inside the package, `..` and `.` resolved, from the root. */
function packagePath(base: string, target: string): string {
  const parts = target.startsWith('/') ? [] : base.split('/').filter(Boolean);
  for (const step of target.replace(/\\/g, '/').split('/')) {
    if (step === '..') parts.pop();
    else if (step !== '.' && step !== '') parts.push(step);
  }
  return parts.join('/');
}

/** The value of an attribute in one tag's text, either quote. */
function attribute(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  return m ? (m[1] ?? m[2]) : undefined;
}

/** Small XML parts read for the kind of the package: only their start matters. */
const KIND_PART_CHARS = 256 * 1024;

/**
 * The package's main part as its own relationships say (`_rels/.rels`, the officeDocument
 * relationship), and that part's content type from `[Content_Types].xml`: Excel finds the
 * workbook this way, wherever it is.
 */
function mainPart(b: Uint8Array, byName: Map<string, ZipEntry>, lim: Limits): { part: string; type: string } | undefined {
  const text = (name: string) => {
    const e = byName.get(name.toLowerCase());
    if (!e) return undefined;
    const data = inflatePart(b, e, lim);
    return new TextDecoder().decode(data.subarray(0, KIND_PART_CHARS));
  };
  const rels = text('_rels/.rels');
  if (rels === undefined) return undefined;
  let part: string | undefined;
  for (const m of rels.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    if (!/\/officeDocument"?$/.test(attribute(m[0], 'Type') ?? '')) continue;
    if (attribute(m[0], 'TargetMode') === 'External') continue;
    const target = attribute(m[0], 'Target');
    if (target) part = packagePath('', target);
    break;
  }
  if (part === undefined) return undefined;
  let type = '';
  const types = text('[Content_Types].xml') ?? '';
  for (const m of types.matchAll(/<(?:\w+:)?Override\b[^>]*>/g)) {
    if (packagePath('', attribute(m[0], 'PartName') ?? '').toLowerCase() === part.toLowerCase())
      type = attribute(m[0], 'ContentType') ?? '';
  }
  return { part, type };
}

/** What a zip holds, told from its relationships and part names: only OOXML workbooks go on. */
export function checkKind(b: Uint8Array, entries: ZipEntry[], lim: Limits): void {
  // The usual package, told by a look at its names: no map built, no part inflated, for most returns.
  let mimetype = false;
  let content = false;
  let types = false;
  let workbook = false;
  for (const e of entries) {
    const key = e.key;
    if (key === 'mimetype') mimetype = true;
    else if (key === 'content.xml') content = true;
    else if (key === '[content_types].xml') types = true;
    else if (key === 'xl/workbook.xml') workbook = true;
  }
  if (mimetype && content) notSpreadsheet('ods');
  if (!types) otherKind(entries);
  // The usual place, as every reader of ours looks first.
  if (!workbook) checkMainPart(b, entries, lim);
}

const hasPrefix = (entries: readonly ZipEntry[], prefix: string) => entries.some((e) => e.key.startsWith(prefix));

/** A zip without a workbook: what it holds instead. */
function otherKind(entries: readonly ZipEntry[]): never {
  return notSpreadsheet(hasPrefix(entries, 'word/') ? 'word' : hasPrefix(entries, 'ppt/') ? 'powerpoint' : 'archive');
}

/** A package without xl/workbook.xml: its main part, where its relationships say it is. */
function checkMainPart(b: Uint8Array, entries: ZipEntry[], lim: Limits): void {
  const byName = new Map(entries.map((e) => [e.key, e]));
  const has = (prefix: string) => hasPrefix(entries, prefix);
  const otherwise = (): never => otherKind(entries);
  const main = mainPart(b, byName, lim);
  if (!main) {
    // No relationship to follow: the usual place, as readers without them look.
    if (byName.has('xl/workbook.bin')) notSpreadsheet('xlsb');
    if (!has('xl/')) otherwise();
    return;
  }
  const type = main.type.toLowerCase();
  const path = main.part.toLowerCase();
  if (type.includes('binary') || path.endsWith('.bin')) notSpreadsheet('xlsb');
  if (type.includes('wordprocessingml')) notSpreadsheet('word');
  if (type.includes('presentationml')) notSpreadsheet('powerpoint');
  const workbook = type.includes('spreadsheetml') || type.includes('ms-excel') || (type === '' && path.endsWith('.xml') && has('xl/'));
  if (!workbook) otherwise();
  // The relationship points at a part the zip does not have: Excel calls it damaged.
  if (!byName.has(path)) refuse('file.corrupt');
}
