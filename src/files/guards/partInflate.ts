/** Parts inflated within their declared sizes and the limits, sizes and CRC-32 checked. */
import { Inflate, inflateSync } from 'fflate';
import { ElementCounter } from './elementCounter';
import { Refused, bytesText, countText, refuse, tooManyCells, type Limits } from './verdicts';
import type { ZipEntry } from './zipDirectory';

/** CRC-32 (the zip one), for telling corrupt parts from good ones. */
const CRC_TABLES = (() => {
  const t = new Int32Array(4 * 256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  for (let n = 0; n < 256; n++)
    for (let k = 1; k < 4; k++) t[k * 256 + n] = (t[(k - 1) * 256 + n]! >>> 8) ^ t[t[(k - 1) * 256 + n]! & 0xff]!;
  return t;
})();

/** CRC-32 continued over `data`, four bytes a step. */
function crcUpdate(crc: number, data: Uint8Array): number {
  const t = CRC_TABLES;
  let c = ~crc;
  let i = 0;
  for (const end = data.length - 3; i < end; i += 4) {
    c ^= data[i]! | (data[i + 1]! << 8) | (data[i + 2]! << 16) | (data[i + 3]! << 24);
    c = t[768 + (c & 0xff)]! ^ t[512 + ((c >>> 8) & 0xff)]! ^ t[256 + ((c >>> 16) & 0xff)]! ^ t[c >>> 24]!;
  }
  for (; i < data.length; i++) c = t[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}

const CHUNK = 16 * 1024; // compressed bytes per push: at most ~16.5 MB out at a time

/**
 * A part whose compressed bytes are at most this is inflated in one call into a buffer of its
 * declared size: deflate expands at most ~1032:1, so even a lying size costs ≤ ~70 MB of work.
 * Larger parts are streamed with a running count instead, and not kept.
 */
const WHOLE_INFLATE_MAX_COMPRESSED = 64 * 1024;

/**
 * One part inflated, never past its declared size (nor the part limit), and its size and
 * CRC-32 checked. Compressed bytes of up to 64 KB are inflated in one call, whose work is
 * bounded by deflate's ~1032:1 even when the size lies; larger ones in chunks, stopping at the lie.
 */
export function inflatePart(b: Uint8Array, e: ZipEntry, lim: Limits): Uint8Array {
  const cap = Math.min(e.usz, lim.maxPartBytes);
  const data = b.subarray(e.dataStart, e.dataStart + e.csz);
  let whole: Uint8Array;
  if (e.method === 0) whole = data;
  else if (data.length === 0) whole = data;
  else if (data.length <= WHOLE_INFLATE_MAX_COMPRESSED) {
    try {
      // One byte more than declared, so that a part longer than it says shows as such.
      whole = inflateSync(data, { out: new Uint8Array(cap + 1) });
    } catch {
      // Out of room past the declared size, or a broken stream: which, overDeclared finds out.
      overDeclared(b, e, lim);
    }
  } else {
    const out = new Uint8Array(cap);
    let size = 0;
    // Past the declared size, the rest is only counted, to tell a bomb from damage.
    const inflate = new Inflate((chunk) => {
      if (size + chunk.length <= cap) out.set(chunk, size);
      size += chunk.length;
    });
    const stop = stopCounting(e, lim);
    try {
      for (let at = 0; at < data.length && !(size > cap && size > stop); at += CHUNK)
        inflate.push(data.subarray(at, at + CHUNK), at + CHUNK >= data.length);
    } catch {
      if (size <= cap) refuse('file.corrupt-part', { part: e.name });
    }
    if (size > cap) pastDeclared(e, lim, size);
    whole = out.subarray(0, size);
  }
  if (whole.length > cap) overDeclared(b, e, lim);
  if (whole.length !== e.usz || (e.localUsz !== 0 && whole.length !== e.localUsz)) refuse('file.corrupt-part', { part: e.name });
  if (crcUpdate(0, whole) !== e.crc) refuse('file.corrupt-checksum', { part: e.name });
  return whole;
}

/**
 * A part that inflates to more than its header says: a bomb that lies about its size, or a
 * damaged stream (one flipped bit can make a few KB inflate to garbage longer than declared).
 * Told apart by counting on, until it is past the ratio no real part reaches (a bomb) or the
 * part limit; a stream that ends or breaks before is damage.
 */
const stopCounting = (e: ZipEntry, lim: Limits) =>
  Math.min(lim.maxPartBytes, Math.max(lim.ratioMinBytes, lim.maxRatio * Math.max(e.csz, 1)));

function pastDeclared(e: ZipEntry, lim: Limits, size: number): never {
  if (size > lim.maxPartBytes) refuse('file.part-too-large', { part: e.name, limit: bytesText(lim.maxPartBytes) });
  if (size > stopCounting(e, lim))
    refuse('file.zip-bomb', { part: e.name, ratio: Math.round(size / Math.max(e.csz, 1)), limit: lim.maxRatio });
  return refuse('file.corrupt-part', { part: e.name });
}

/** `pastDeclared` for a part inflated in one call: inflated again, counting only. */
function overDeclared(b: Uint8Array, e: ZipEntry, lim: Limits): never {
  const data = b.subarray(e.dataStart, e.dataStart + e.csz);
  const stop = stopCounting(e, lim);
  let size = 0;
  const inflate = new Inflate((chunk) => {
    size += chunk.length;
  });
  try {
    for (let at = 0; at < data.length && size <= stop; at += CHUNK) inflate.push(data.subarray(at, at + CHUNK), at + CHUNK >= data.length);
  } catch {
    // A stream that breaks down is damaged, whatever it inflated to before.
  }
  return pastDeclared(e, lim, size);
}

/**
 * Every part inflated once and dropped: actual sizes, CRCs and elements checked —
 * what SheetJS needs, since it inflates and parses every part.
 */
export function verifyParts(b: Uint8Array, entries: ZipEntry[], lim: Limits): void {
  const counter = new ElementCounter();
  let total = 0;
  for (const e of entries) {
    counter.reset();
    const cap = Math.min(e.usz, lim.maxPartBytes);
    let size = 0;
    let crc = 0;
    const take = (data: Uint8Array) => {
      size += data.length;
      if (size > cap) return; // only counted from here on: see pastDeclared
      if (total + size > lim.maxTotalBytes) refuse('file.total-too-large', { limit: bytesText(lim.maxTotalBytes) });
      crc = crcUpdate(crc, data);
      counter.push(data);
      if (counter.items > lim.maxCells) tooManyCells(counter.items, lim, counter.largestHyperlink);
    };
    const data = b.subarray(e.dataStart, e.dataStart + e.csz);
    if (e.method === 0) {
      take(data);
      if (size > cap) refuse('file.corrupt-part', { part: e.name });
    } else if (data.length <= WHOLE_INFLATE_MAX_COMPRESSED) {
      take(inflatePart(b, e, lim));
    } else {
      const inflate = new Inflate((chunk) => take(chunk));
      const stop = stopCounting(e, lim);
      try {
        for (let at = 0; at < data.length && !(size > cap && size > stop); at += CHUNK)
          inflate.push(data.subarray(at, at + CHUNK), at + CHUNK >= data.length);
      } catch (error) {
        if (error instanceof Refused) throw error;
        if (size <= cap) refuse('file.corrupt-part', { part: e.name });
      }
      if (size > cap) pastDeclared(e, lim, size);
    }
    if (size !== e.usz || (e.localUsz !== 0 && size !== e.localUsz)) refuse('file.corrupt-part', { part: e.name });
    if (crc !== e.crc) refuse('file.corrupt-checksum', { part: e.name });
    total += size;
  }
  if (counter.declaredCells > lim.maxDeclaredCells) {
    refuse('file.declared-too-large', { count: countText(counter.declaredCells), limit: countText(lim.maxDeclaredCells) });
  }
}
