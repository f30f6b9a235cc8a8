/** The package around the sheets: the workbook part, its relationships, parts parsed once. */
import { strFromU8, unzipSync } from 'fflate';
import type { StoredPart } from '../guards';
import { closeOf, findStart, nextTag } from './xmlTags';
import { decodeText, prepare } from './xmlText';
import { unsupported } from './xlsxUnsupported';

export interface SheetEntry {
  name: string;
  state: string | undefined;
  rid: string;
}

export const WORKBOOK_PART = 'xl/workbook.xml';
export const WORKBOOK_RELS = 'xl/_rels/workbook.xml.rels';
const SHEET_ATTRS = ['name', 'state', 'id'];
const sheetValues: (string | undefined)[] = [undefined, undefined, undefined];
const WBPR_ATTRS = ['date1904'];
const wbprValues: (string | undefined)[] = [undefined];

export function readWorkbookPart(xml: string): { sheets: SheetEntry[]; date1904: boolean } {
  xml = prepare(xml, WORKBOOK_PART);
  if (xml.indexOf('purl.oclc.org/ooxml') >= 0) unsupported('Strict Open XML workbook');
  if (xml.indexOf('http://schemas.openxmlformats.org/spreadsheetml/2006/main') < 0)
    unsupported('xl/workbook.xml is not in the SpreadsheetML namespace');
  const root = findStart(xml, 'workbook', 0);
  if (!root) unsupported('no <workbook> in xl/workbook.xml');
  let date1904 = false;
  const pr = findStart(xml, 'workbookPr', root.end, WBPR_ATTRS, wbprValues);
  if (pr) date1904 = wbprValues[0] === '1' || wbprValues[0] === 'true';
  const sheets: SheetEntry[] = [];
  const list = findStart(xml, 'sheets', root.end);
  if (list && !list.selfClosing) {
    const close = closeOf(xml, list, WORKBOOK_PART);
    for (
      let tag = nextTag(xml, list.end, SHEET_ATTRS, sheetValues);
      tag && tag.start < close;
      tag = nextTag(xml, tag.end, SHEET_ATTRS, sheetValues)
    ) {
      if (tag.closing || tag.local !== 'sheet') continue;
      const [name, state, rid] = sheetValues;
      if (name === undefined || rid === undefined) unsupported('<sheet> without name or r:id');
      sheets.push({ name: decodeText(name, false), state, rid });
    }
  }
  if (sheets.length === 0) unsupported('no <sheet> in xl/workbook.xml');
  return { sheets, date1904 };
}

interface Relationship {
  type: string;
  target: string;
}

const REL_ATTRS = ['Id', 'Type', 'Target', 'TargetMode'];
const relValues: (string | undefined)[] = [undefined, undefined, undefined, undefined];

export function readRels(xml: string, part: string): Map<string, Relationship> {
  xml = prepare(xml, part);
  const rels = new Map<string, Relationship>();
  for (let tag = nextTag(xml, 0, REL_ATTRS, relValues); tag; tag = nextTag(xml, tag.end, REL_ATTRS, relValues)) {
    if (tag.closing || tag.local !== 'Relationship') continue;
    const [id, type, target, mode] = relValues;
    if (id === undefined || type === undefined || target === undefined) unsupported(`${part}: <Relationship> without Id, Type or Target`);
    if (mode === 'External') continue;
    rels.set(decodeText(id, false), { type: decodeText(type, false), target: decodeText(target, false) });
  }
  return rels;
}

/** A relationship's target as a zip path: absolute (`/xl/…`) or relative to xl/. */
export function resolveTarget(target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = ['xl'];
  for (const step of target.split('/')) {
    if (step === '..') parts.pop();
    else if (step !== '.' && step !== '') parts.push(step);
  }
  return parts.join('/');
}

const REL_TYPES = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';

/** The relationship's type (`worksheet`, `styles` …) if it is a Transitional one, else its whole URI. */
export const relType = (rel: Relationship) => (rel.type.startsWith(REL_TYPES) ? rel.type.slice(REL_TYPES.length) : rel.type);

/**
 * A zip's parts, inflated when asked for. The guards' `CheckedZip` is one (each part size-
 * and CRC-checked as it is inflated); `partsOf` makes one of bare bytes.
 */
export interface PartSource {
  /** Whether the zip has a part of this name. */
  has(name: string): boolean;
  part(name: string): Uint8Array | undefined;
  /** The part as stored in the zip, for recognising one seen before without inflating it. */
  stored?(name: string): StoredPart | undefined;
}

/**
 * Parts that are the same in every return made from one template (the workbook, its
 * relationships, the styles), parsed once: recognised by how they are stored and by their
 * compressed bytes, compared in full, so a part is reused only where it is byte for byte the
 * one parsed (and checked) before.
 */
const seenParts = new Map<string, { data: Uint8Array; value: unknown }[]>();
const SEEN_PARTS_MAX = 256;

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The part parsed by `parse`, or as parsed before from the same stored part. */
export function parsedPart<T>(source: PartSource, name: string, parse: (xml: string) => T): T | undefined {
  const stored = source.stored?.(name);
  const key = stored && `${name}\u0000${stored.what}\u0000${stored.data.length}`;
  if (stored && key) {
    for (const seen of seenParts.get(key) ?? []) if (sameBytes(seen.data, stored.data)) return seen.value as T;
  }
  const bytes = source.part(name);
  if (bytes === undefined) return undefined;
  const value = parse(strFromU8(bytes));
  if (stored && key) {
    if (seenParts.size >= SEEN_PARTS_MAX) seenParts.clear();
    // A copy: the cache does not keep the file's own buffer alive.
    seenParts.set(key, [...(seenParts.get(key) ?? []).slice(-3), { data: stored.data.slice(), value }]);
  }
  return value;
}

/** Every part of a zip at once, unchecked beyond what fflate checks: for bytes known to be fine. */
export function partsOf(bytes: Uint8Array): PartSource {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch (error) {
    return unsupported(`zip: ${error instanceof Error ? error.message : String(error)}`);
  }
  // Own keys only: a rels target such as `/constructor` must not find Object's prototype.
  const has = (name: string) => Object.hasOwn(files, name);
  return { has, part: (name) => (has(name) ? files[name] : undefined) };
}
