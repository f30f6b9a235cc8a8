/** The XML elements a reader would make objects of, counted over every byte of a part. */

const WHOLE_SHEET = 1_048_576 * 16_384;
const ATTRIBUTES_KEPT = 64 * 1024;

/** The largest range among a tag's `ref` attributes, matched as SheetJS's `parsexmltag` does. */
function largestRef(attributes: string): number {
  let largest = -1;
  for (const m of attributes.matchAll(/\s([^"\s?>/]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^'">\s]+))/g)) {
    let key = m[1]!;
    const colon = key.indexOf(':');
    if (colon >= 0) key = key.slice(colon + 1);
    else if (key.indexOf('_') > 0) key = key.slice(0, key.indexOf('_'));
    if (key.toLowerCase() === 'ref') largest = Math.max(largest, rangeArea(m[2] ?? m[3] ?? m[4] ?? ''));
  }
  return largest;
}

const NAME_MAX = 40;
const enum Tag {
  Other,
  Counted,
  Hyperlink,
  Dimension,
}
/** Whether bytes[from …] spell `lower`, letter case aside. */
function spells(bytes: Uint8Array, from: number, lower: string): boolean {
  for (let i = 0; i < lower.length; i++) if ((bytes[from + i]! | 0x20) !== lower.charCodeAt(i)) return false;
  return true;
}

/** What an element of local name bytes[from, from + length) is to the count. */
function tagAt(bytes: Uint8Array, from: number, length: number): Tag {
  switch (length) {
    case 1:
      return (bytes[from]! | 0x20) === 0x63 ? Tag.Counted : Tag.Other; // c
    case 2:
      return spells(bytes, from, 'si') ? Tag.Counted : Tag.Other;
    case 3:
      return spells(bytes, from, 'row') ? Tag.Counted : Tag.Other;
    case 7:
      return spells(bytes, from, 'comment') ? Tag.Counted : Tag.Other;
    case 9:
      return spells(bytes, from, 'hyperlink') ? Tag.Hyperlink : spells(bytes, from, 'dimension') ? Tag.Dimension : Tag.Other;
    case 15:
      return spells(bytes, from, 'threadedcomment') ? Tag.Counted : Tag.Other;
    default:
      return Tag.Other;
  }
}

/**
 * Counts, chunk by chunk and across chunk edges, the XML elements SheetJS turns into
 * objects, and the cells of hyperlink ranges it visits one by one. Tags end at the first
 * `>`, as SheetJS's own regular expressions end them. Names are compared byte by byte, any
 * namespace prefix and letter case aside: this runs over every byte of every part.
 */
export class ElementCounter {
  items = 0;
  declaredCells = 0;
  largestHyperlink = 0;
  private state = 0; // 0 text, 1 element name, 2 attributes kept, 3 attributes skipped
  private name = new Uint8Array(NAME_MAX);
  private nameLength = 0;
  private localStart = 0;
  private kept = Tag.Other;
  private attributes = new Uint8Array(1024);
  private length = 0;

  /** A new part begins: a tag left open by the last one ends with it. */
  reset(): void {
    this.state = 0;
  }

  push(data: Uint8Array): void {
    let state = this.state;
    const n = data.length;
    let items = 0;
    for (let i = 0; i < n; i++) {
      if (state === 0) {
        // The next tag, and its name read in place: plain loops, which beat a call to the
        // engine's indexOf over the few bytes between one tag and the next.
        while (i < n && data[i] !== 0x3c) i++;
        if (i === n) break;
        const start = i + 1;
        let j = start;
        let local = start;
        let b = 0;
        for (; j < n; j++) {
          b = data[j]!;
          if (b === 0x20 || b === 0x3e || b === 0x2f || b === 0x09 || b === 0x0a || b === 0x0d) break;
          if (j - start === NAME_MAX) break;
          if (b === 0x3a) local = j + 1;
        }
        if (j === n) {
          // The name goes on in the next chunk: byte by byte from here.
          this.nameLength = 0;
          for (let k = start; k < n; k++) this.name[this.nameLength++] = data[k]!;
          this.localStart = local - start;
          state = 1;
          break;
        }
        if (!(b === 0x20 || b === 0x3e || b === 0x2f || b === 0x09 || b === 0x0a || b === 0x0d)) {
          // Longer than any name counted: skipped to its end.
          state = 3;
          i = j - 1;
          continue;
        }
        const tag = j === start ? Tag.Other : tagAt(data, local, j - local);
        if (tag === Tag.Counted) items++;
        i = j;
        if (b === 0x3e) continue;
        if (tag === Tag.Hyperlink || tag === Tag.Dimension) {
          this.kept = tag;
          this.length = 0;
          this.keep(0x20);
          state = 2;
          continue;
        }
        state = 3;
      } else if (state === 3) {
        while (i < n && data[i] !== 0x3e) i++;
        if (i === n) break;
        state = 0;
      } else if (state === 1) {
        const b = data[i]!;
        if (b === 0x20 || b === 0x3e || b === 0x2f || b === 0x09 || b === 0x0a || b === 0x0d) state = this.element(b);
        else if (this.nameLength < NAME_MAX) {
          if (b === 0x3a) this.localStart = this.nameLength + 1;
          this.name[this.nameLength++] = b;
        } else state = 3;
      } else {
        const b = data[i]!;
        if (b === 0x3e) state = this.tagEnd();
        else this.keep(b);
      }
    }
    this.items += items;
    this.state = state;
  }

  private element(terminator: number): number {
    const tag = this.nameLength === 0 ? Tag.Other : tagAt(this.name, this.localStart, this.nameLength - this.localStart);
    if (tag === Tag.Counted) this.items++;
    if (terminator !== 0x3e && (tag === Tag.Hyperlink || tag === Tag.Dimension)) {
      this.kept = tag;
      this.length = 0;
      this.keep(0x20);
      return 2;
    }
    return terminator === 0x3e ? 0 : 3;
  }

  private keep(b: number): void {
    if (this.length === this.attributes.length && this.length < ATTRIBUTES_KEPT) {
      const grown = new Uint8Array(this.length * 2);
      grown.set(this.attributes);
      this.attributes = grown;
    }
    if (this.length < this.attributes.length) this.attributes[this.length] = b;
    this.length++;
  }

  private tagEnd(): number {
    const overflow = this.length > this.attributes.length;
    let text = '';
    for (let i = 0; i < Math.min(this.length, this.attributes.length); i++) text += String.fromCharCode(this.attributes[i]!);
    if (this.kept === Tag.Hyperlink) {
      // A hyperlink tag too long to keep is counted as covering the whole sheet.
      const area = overflow ? WHOLE_SHEET : Math.max(0, largestRef(text));
      this.items += area;
      this.largestHyperlink = Math.max(this.largestHyperlink, area);
    } else this.declaredCells = Math.max(this.declaredCells, largestRef(text));
    return 0;
  }
}

/** Cells in a range as SheetJS's `safe_decode_range` reads it (0 for a backwards range). */
export function rangeArea(range: string): number {
  let i = 0;
  const letters = () => {
    let n = 0;
    for (let cc; i < range.length && (cc = range.charCodeAt(i) - 64) >= 1 && cc <= 26; i++) n = 26 * n + cc;
    return n - 1;
  };
  const digits = () => {
    let n = 0;
    for (let cc; i < range.length && (cc = range.charCodeAt(i) - 48) >= 0 && cc <= 9; i++) n = 10 * n + cc;
    return n - 1;
  };
  const sc = letters();
  const sr = digits();
  let ec = sc;
  let er = sr;
  if (i < range.length && range[i] === ':') {
    i++;
    ec = letters();
    er = digits();
  }
  return Math.max(0, er - sr + 1) * Math.max(0, ec - sc + 1);
}

/** Bytes per counted element at the least (`<c/>`; `<c>` as a lenient parser may take it). */
export const MIN_ELEMENT_BYTES = 3;

/**
 * Does a worksheet mention hyperlinks? SheetJS finds `<hyperlink` in lower case only; `y` is
 * rare in sheet XML (cell references are upper case), so a native byte search finds out fast.
 */
export function mentionsHyperlink(data: Uint8Array): boolean {
  for (let at = data.indexOf(0x79); at >= 0; at = data.indexOf(0x79, at + 1)) {
    // h-y-p-e-r: the `y` is the second letter.
    if (data[at - 1] === 0x68 && data[at + 1] === 0x70 && data[at + 2] === 0x65 && data[at + 3] === 0x72) return true;
  }
  return false;
}
