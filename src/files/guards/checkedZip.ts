/** A zip opened for lazy reading, each part checked as it is inflated. */
import { ElementCounter, MIN_ELEMENT_BYTES, mentionsHyperlink } from './elementCounter';
import { checkKind } from './packageKind';
import { inflatePart, verifyParts } from './partInflate';
import {
  DEFAULT_LIMITS,
  GuardRefusal,
  fileTooLarge,
  limitsWith,
  refusalOf,
  tooManyCells,
  verdictOf,
  type GuardVerdict,
  type Limits,
} from './verdicts';
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
  /** Whether the zip has a part of this name (as in the zip). */
  has(name: string): boolean;
  /** The part's bytes, checked; undefined if there is none. Throws `GuardRefusal`. */
  part(name: string): Uint8Array | undefined;
  /** The part as stored (compressed), not inflated: see `StoredPart`. */
  stored(name: string): StoredPart | undefined;
  verifyAll(): GuardVerdict;
}

/** Most callers give no limits of their own: the defaults, not copied per file. */
const NO_LIMITS: Partial<Limits> = Object.freeze({});

/** Opens a zip's directory for lazy, checked reading; a refusal if the directory fails the guards. */
export function openCheckedZip(
  bytes: Uint8Array,
  limits: Partial<Limits> = NO_LIMITS,
): { ok: true; zip: CheckedZip } | Extract<GuardVerdict, { ok: false }> {
  const lim: Limits = limits === NO_LIMITS ? DEFAULT_LIMITS : limitsWith(limits);
  let entries: ZipEntry[];
  try {
    fileTooLarge(bytes, lim);
    entries = openZip(bytes, lim);
  } catch (error) {
    return refusalOf(error);
  }
  return { ok: true, zip: new LazyZip(bytes, entries, lim) };
}

/** A class, not an object of closures: one is made per file read. */
class LazyZip implements CheckedZip {
  private readonly byName = new Map<string, ZipEntry>();
  private elements: ElementCounter | undefined; // most returns never need one
  private readonly uncounted: Uint8Array[] = [];
  private inflated = 0;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly entries: ZipEntry[],
    private readonly lim: Limits,
  ) {
    for (const e of entries) this.byName.set(e.name, e);
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  part(name: string): Uint8Array | undefined {
    const entry = this.byName.get(name);
    if (!entry) return undefined;
    try {
      const out = inflatePart(this.bytes, entry, this.lim);
      this.count(name, out);
      return out;
    } catch (error) {
      throw new GuardRefusal(refusalOf(error));
    }
  }

  stored(name: string): StoredPart | undefined {
    const entry = this.byName.get(name);
    if (!entry) return undefined;
    // What decides the inflated part and its checks: equal ones mean an equal part, checked
    // the same way when first inflated.
    return {
      what: `${entry.method}:${entry.crc}:${entry.usz}:${entry.localUsz}`,
      data: this.bytes.subarray(entry.dataStart, entry.dataStart + entry.csz),
    };
  }

  verifyAll(): GuardVerdict {
    return verdictOf(() => verifyParts(this.bytes, this.entries, this.lim));
  }

  /**
   * The same cell limit as before SheetJS, on what the lean reader reads: counted once the
   * parts read so far could hold that many elements, or when a sheet has hyperlinks (one
   * tag may stand for a whole sheet's cells). Most returns are never counted at all.
   */
  private count(name: string, part: Uint8Array): void {
    const lim = this.lim;
    this.inflated += part.length;
    this.uncounted.push(part);
    const linked = name.toLowerCase().startsWith('xl/worksheets/') && mentionsHyperlink(part);
    if (!linked && this.inflated / MIN_ELEMENT_BYTES <= lim.maxCells) return;
    const elements = (this.elements ??= new ElementCounter());
    for (const data of this.uncounted.splice(0)) {
      elements.reset();
      elements.push(data);
    }
    if (elements.items > lim.maxCells) tooManyCells(elements.items, lim, elements.largestHyperlink);
  }
}

export function inspectZip(b: Uint8Array, lim: Limits): void {
  verifyParts(b, openZip(b, lim), lim);
}
