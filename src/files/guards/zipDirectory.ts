/** A zip's directory walked and checked before anything is inflated: structure, names, declared sizes. */
import * as littleEndian from './bytes';
import { bytesText, countText, notSpreadsheet, refuse, truncated, unsupportedZip, type Limits } from './verdicts';

// Taken once: under tsx (the CLI) an imported name is a getter call at every use, and these
// are read per header field.
const { latin1, u16, u32 } = littleEndian;

export interface ZipEntry {
  name: string;
  /** The name in lower case: OPC compares part names letter case aside. */
  key: string;
  flags: number;
  method: number;
  crc: number;
  /** Sizes as the central directory gives them (after ZIP64 extras, as SheetJS reads them). */
  csz: number;
  usz: number;
  /** The uncompressed size SheetJS will allocate: the local header's, 0 meaning "grow". */
  localUsz: number;
  offset: number;
  dataStart: number;
}

const NO_SIZES: { usz?: number; csz?: number } = Object.freeze({});

/** ZIP64 extra field as SheetJS reads it: usz then csz, 8 bytes each, whatever the header says. */
function zip64Sizes(b: Uint8Array, start: number, end: number): { usz?: number; csz?: number } {
  if (start === end) return NO_SIZES;
  for (let p = start; p + 4 <= end;) {
    const id = u16(b, p);
    const size = u16(b, p + 2);
    if (id === 0x0001) {
      const at = (q: number) => (q + 8 <= end ? u32(b, q) + u32(b, q + 4) * 2 ** 32 : 0);
      return { usz: at(p + 4) || undefined, csz: at(p + 12) || undefined };
    }
    p += 4 + size;
  }
  return NO_SIZES;
}

/** Whether b[p, p + length) and b[q, q + length) hold the same bytes. */
function sameBytesAt(b: Uint8Array, p: number, q: number, length: number): boolean {
  for (let i = 0; i < length; i++) if (b[p + i] !== b[q + i]) return false;
  return true;
}

export function walkZip(b: Uint8Array, lim: Limits): ZipEntry[] {
  // End of central directory: the last signature within a comment's reach of the end.
  let eocd = -1;
  for (let p = b.length - 22; p >= 0 && p >= b.length - 22 - 0xffff; p--) {
    if (b[p] === 0x50 && b[p + 1] === 0x4b && b[p + 2] === 0x05 && b[p + 3] === 0x06) {
      eocd = p;
      break;
    }
  }
  if (eocd < 0) truncated(b);
  const count = u16(b, eocd + 8);
  const total = u16(b, eocd + 10);
  const cdOffset = u32(b, eocd + 16);
  if (u16(b, eocd + 4) !== 0 || u16(b, eocd + 6) !== 0 || count !== total) unsupportedZip('split');
  if (count === 0xffff || cdOffset === 0xffffffff) unsupportedZip('zip64');
  if (count > lim.maxEntries) refuse('file.too-many-parts', { count: countText(count), limit: countText(lim.maxEntries) });
  if (count === 0) notSpreadsheet('emptyZip');
  if (cdOffset > eocd) truncated(b);

  const entries: ZipEntry[] = [];
  const seen = new Set<string>();
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > eocd || u32(b, p) !== 0x02014b50) refuse('file.corrupt');
    const nameLength = u16(b, p + 28);
    const extraLength = u16(b, p + 30);
    const next = p + 46 + nameLength + extraLength + u16(b, p + 32);
    if (next > eocd) refuse('file.corrupt');
    const cdExtra = zip64Sizes(b, p + 46 + nameLength, p + 46 + nameLength + extraLength);
    const stored = latin1(b, p + 46, nameLength);
    // Some export tools write `xl\workbook.xml`; Excel reads it as `xl/workbook.xml`.
    const name = stored.indexOf('\\') < 0 ? stored : stored.replace(/\\/g, '/');
    const offset = u32(b, p + 42);
    const csz = cdExtra.csz ?? u32(b, p + 20);
    const usz = cdExtra.usz ?? u32(b, p + 24);

    // Two parts of one name (letter case aside, as OPC compares them): one reader takes the
    // first, another the last, and a crafted file shows a person one table and the roll-up another.
    const key = name.toLowerCase();
    if (seen.has(key)) refuse('file.duplicate-part', { part: name });
    seen.add(key);

    // The local header, which SheetJS trusts over the central directory.
    if (offset + 30 > b.length) truncated(b);
    if (u32(b, offset) !== 0x04034b50) refuse('file.corrupt');
    const flags = u16(b, offset + 6);
    const method = u16(b, offset + 8);
    const localNameLength = u16(b, offset + 26);
    const localExtraLength = u16(b, offset + 28);
    const dataStart = offset + 30 + localNameLength + localExtraLength;
    if (dataStart > b.length) truncated(b);
    let localCsz = u32(b, offset + 18);
    let localUsz = u32(b, offset + 22);
    if (localExtraLength > 0) {
      const localExtra = zip64Sizes(b, offset + 30 + localNameLength, dataStart);
      localUsz = cdExtra.usz ?? localExtra.usz ?? localUsz;
      localCsz = cdExtra.csz ?? localExtra.csz ?? localCsz;
    }
    if (flags & 0x2041) refuse('file.zip-encrypted');
    if (method !== 0 && method !== 8) unsupportedZip('method');
    if (localNameLength !== nameLength || !sameBytesAt(b, offset + 30, p + 46, nameLength) || method !== u16(b, p + 10))
      refuse('file.corrupt');
    // Without a data descriptor the two headers must agree (SheetJS throws otherwise).
    if (!(flags & 8) && (localCsz !== csz || localUsz !== usz)) refuse('file.corrupt');
    if (dataStart + csz > b.length) truncated(b);
    entries.push({ name, key, flags, method, crc: u32(b, p + 16), csz, usz, localUsz, offset, dataStart });
    p = next;
  }
  return entries;
}

export function checkDeclared(entries: ZipEntry[], lim: Limits): void {
  let total = 0;
  for (const e of entries) {
    const declared = Math.max(e.usz, e.localUsz);
    if (declared > lim.maxPartBytes)
      refuse('file.part-too-large', { part: e.name, size: bytesText(declared), limit: bytesText(lim.maxPartBytes) });
    total += declared;
    const ratio = declared / Math.max(e.csz, 1);
    if (declared > lim.ratioMinBytes && ratio > lim.maxRatio)
      refuse('file.zip-bomb', { part: e.name, ratio: Math.round(ratio), limit: lim.maxRatio });
  }
  if (total > lim.maxTotalBytes) refuse('file.total-too-large', { size: bytesText(total), limit: bytesText(lim.maxTotalBytes) });
  // Parts sharing compressed bytes multiply what one stream costs (the "overlapping" zip bomb).
  // Writers list parts in the order they stored them: sorted only when they did not.
  let inOrder = true;
  for (let i = 1; i < entries.length && inOrder; i++) inOrder = entries[i - 1]!.offset <= entries[i]!.offset;
  const byOffset = inOrder ? entries : [...entries].sort((a, c) => a.offset - c.offset);
  for (let i = 1; i < byOffset.length; i++) {
    const before = byOffset[i - 1]!;
    if (byOffset[i]!.offset < before.dataStart + before.csz) refuse('file.zip-overlap', { part: byOffset[i]!.name });
  }
}

/**
 * The zip with `\` in its part names written `/`, as Excel reads them, for a reader that looks
 * parts up by name (SheetJS); the same bytes when no name has one. Only for a zip the guards
 * passed: its directory is known to be sound. Names keep their length, so nothing moves.
 */
export function withSlashNames(bytes: Uint8Array): Uint8Array {
  let eocd = -1;
  for (let p = bytes.length - 22; p >= 0 && p >= bytes.length - 22 - 0xffff; p--) {
    if (u32(bytes, p) === 0x06054b50) {
      eocd = p;
      break;
    }
  }
  if (eocd < 0) return bytes;
  let out: Uint8Array | undefined;
  const fix = (start: number, length: number) => {
    for (let i = start; i < start + length; i++) {
      if (bytes[i] !== 0x5c) continue;
      out ??= bytes.slice();
      out[i] = 0x2f;
    }
  };
  let p = u32(bytes, eocd + 16);
  for (let i = 0; i < u16(bytes, eocd + 8) && p + 46 <= eocd; i++) {
    const nameLength = u16(bytes, p + 28);
    fix(p + 46, nameLength);
    const offset = u32(bytes, p + 42);
    if (offset + 30 <= bytes.length) fix(offset + 30, u16(bytes, offset + 26));
    p += 46 + nameLength + u16(bytes, p + 30) + u16(bytes, p + 32);
  }
  return out ?? bytes;
}
