/** A zip opened for lazy reading, each part checked as it is inflated. */
import { ElementCounter, MIN_ELEMENT_BYTES, mentionsHyperlink } from './elementCounter';
import { checkKind } from './packageKind';
import { inflatePart, verifyParts } from './partInflate';
import { GuardRefusal, fileTooLarge, limitsWith, tooManyCells, verdictOf, type GuardVerdict, type Limits } from './verdicts';
import { checkDeclared, walkZip, type ZipEntry } from './zipDirectory';

/** The zip's directory, with the checks that need no inflating: structure, declared sizes, kind. */
function openZip(b: Uint8Array, lim: Limits): ZipEntry[] {
  const entries = walkZip(b, lim);
  checkDeclared(entries, lim);
  checkKind(b, entries, lim);
  return entries;
}

/** A part as stored: its compression, CRC and sizes (`what`), and its compressed bytes. */
export interface StoredPart {
  what: string;
  data: Uint8Array;
}

/**
 * An .xlsx/.xlsm whose directory passed the guards, its parts inflated only when asked for,
 * each checked as it is (size, CRC). A lean reader needs four or five of a dozen parts; what
 * it never reads cannot harm it. `verifyAll` is the full check, before a reader that
 * inflates and parses every part (SheetJS).
 */
export interface CheckedZip {
  /** Part names, as in the zip. */
  readonly names: ReadonlySet<string>;
  /** The part's bytes, checked; undefined if there is none. Throws `GuardRefusal`. */
  part(name: string): Uint8Array | undefined;
  /** The part as stored (compressed), not inflated: see `StoredPart`. */
  stored(name: string): StoredPart | undefined;
  verifyAll(): GuardVerdict;
}

/** Opens a zip's directory for lazy, checked reading; a refusal if the directory fails the guards. */
export function openCheckedZip(
  bytes: Uint8Array,
  limits: Partial<Limits> = {},
): { ok: true; zip: CheckedZip } | Extract<GuardVerdict, { ok: false }> {
  const lim = limitsWith(limits);
  let entries: ZipEntry[] = [];
  const opened = verdictOf(() => {
    fileTooLarge(bytes, lim);
    entries = openZip(bytes, lim);
  });
  if (!opened.ok) return opened;
  const byName = new Map(entries.map((e) => [e.name, e]));
  let elements: ElementCounter | undefined; // most returns never need one
  const uncounted: Uint8Array[] = [];
  let inflated = 0;
  /**
   * The same cell limit as before SheetJS, on what the lean reader reads: counted once the
   * parts read so far could hold that many elements, or when a sheet has hyperlinks (one
   * tag may stand for a whole sheet's cells). Most returns are never counted at all.
   */
  const count = (name: string, part: Uint8Array) => {
    inflated += part.length;
    uncounted.push(part);
    const linked = name.toLowerCase().startsWith('xl/worksheets/') && mentionsHyperlink(part);
    if (!linked && inflated / MIN_ELEMENT_BYTES <= lim.maxCells) return;
    elements ??= new ElementCounter();
    for (const data of uncounted.splice(0)) {
      elements.reset();
      elements.push(data);
    }
    if (elements.items > lim.maxCells) tooManyCells(elements.items, lim, elements.largestHyperlink);
  };
  const zip: CheckedZip = {
    names: new Set(byName.keys()),
    part(name) {
      const entry = byName.get(name);
      if (!entry) return undefined;
      let out: Uint8Array | undefined;
      const verdict = verdictOf(() => {
        out = inflatePart(bytes, entry, lim);
        count(name, out);
      });
      if (!verdict.ok) throw new GuardRefusal(verdict);
      return out;
    },
    stored(name) {
      const entry = byName.get(name);
      if (!entry) return undefined;
      // What decides the inflated part and its checks: equal ones mean an equal part, checked
      // the same way when first inflated.
      return {
        what: `${entry.method}:${entry.crc}:${entry.usz}:${entry.localUsz}`,
        data: bytes.subarray(entry.dataStart, entry.dataStart + entry.csz),
      };
    },
    verifyAll: () => verdictOf(() => verifyParts(bytes, entries, lim)),
  };
  return { ok: true, zip };
}

export function inspectZip(b: Uint8Array, lim: Limits): void {
  verifyParts(b, openZip(b, lim), lim);
}
