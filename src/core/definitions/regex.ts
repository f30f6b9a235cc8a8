/**
 * A small reader for the regular expressions a form definition may carry (JSON Schema
 * `pattern`, `patternProperties`): source text → syntax tree, in the `u` mode Ajv uses.
 *
 * Two things are built on the tree: the load-time check that names patterns which could make
 * a backtracking engine hang (`safePattern.ts`), and the engine that actually runs them,
 * which cannot hang whatever the pattern (`safeRegExp.ts`). Only the features a cell format
 * needs are read; back-references and look-arounds are refused here, because matching them
 * needs backtracking.
 */

export type Range = readonly [number, number];

const MAX_CODE_POINT = 0x10ffff;

/** The characters (code points) one position of a pattern accepts. */
export class CharSet {
  /**
   * @param ranges sorted or not, inclusive code-point ranges
   * @param props single-character tests for `\p{…}`/`\P{…}`, whose members are not listed
   * @param negated `[^…]`
   */
  constructor(
    readonly ranges: readonly Range[],
    readonly props: readonly RegExp[] = [],
    readonly negated = false,
  ) {}

  has(cp: number): boolean {
    let inside = false;
    for (const [lo, hi] of this.ranges) {
      if (cp >= lo && cp <= hi) {
        inside = true;
        break;
      }
    }
    if (!inside && this.props.length > 0) {
      const ch = String.fromCodePoint(cp);
      inside = this.props.some((p) => p.test(ch));
    }
    return inside !== this.negated;
  }
}

/** Sorted, merged ranges. */
function normalize(ranges: readonly Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [lo, hi] of sorted) {
    const last = out[out.length - 1];
    if (last && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
    else out.push([lo, hi]);
  }
  return out;
}

export function complement(ranges: readonly Range[]): Range[] {
  const out: Range[] = [];
  let next = 0;
  for (const [lo, hi] of normalize(ranges)) {
    if (lo > next) out.push([next, lo - 1]);
    next = hi + 1;
  }
  if (next <= MAX_CODE_POINT) out.push([next, MAX_CODE_POINT]);
  return out;
}

const DIGIT: Range[] = [[0x30, 0x39]];
const WORD: Range[] = [
  [0x30, 0x39],
  [0x41, 0x5a],
  [0x5f, 0x5f],
  [0x61, 0x7a],
];
/** What `\s` matches in JavaScript. */
const SPACE: Range[] = [
  [0x09, 0x0d],
  [0x20, 0x20],
  [0xa0, 0xa0],
  [0x1680, 0x1680],
  [0x2000, 0x200a],
  [0x2028, 0x2029],
  [0x202f, 0x202f],
  [0x205f, 0x205f],
  [0x3000, 0x3000],
  [0xfeff, 0xfeff],
];
/** `.` without the `s` flag: anything but a line end. */
const DOT = new CharSet(
  complement([
    [0x0a, 0x0a],
    [0x0d, 0x0d],
    [0x2028, 0x2029],
  ]),
);

export const isWordChar = (cp: number | undefined): boolean => cp !== undefined && WORD.some(([lo, hi]) => cp >= lo && cp <= hi);

/** True when some character is in both sets. Exact, except `\p{…}` beyond ASCII, which is assumed to overlap. */
export function overlaps(a: CharSet, b: CharSet): boolean {
  for (let cp = 0; cp < 0x80; cp++) if (a.has(cp) && b.has(cp)) return true;
  const beyond = (s: CharSet): Range[] | 'unknown' => {
    if (s.props.length > 0) return 'unknown';
    const exact = s.negated ? complement(s.ranges) : normalize(s.ranges);
    return exact.filter(([, hi]) => hi >= 0x80).map(([lo, hi]): Range => [Math.max(lo, 0x80), hi]);
  };
  const ra = beyond(a);
  const rb = beyond(b);
  if (ra === 'unknown' || rb === 'unknown') return (ra === 'unknown' || ra.length > 0) && (rb === 'unknown' || rb.length > 0);
  return ra.some(([alo, ahi]) => rb.some(([blo, bhi]) => alo <= bhi && blo <= ahi));
}

export type Assertion = 'start' | 'end' | 'word-boundary' | 'not-word-boundary';

export type Node =
  | { kind: 'chars'; set: CharSet }
  | { kind: 'assert'; what: Assertion }
  | { kind: 'group'; alternatives: Node[][] }
  | { kind: 'repeat'; body: Node; min: number; max: number };

/** Why a pattern cannot be read; `safePattern.ts` turns it into words for the user. */
export type Unsupported = 'syntax' | 'backreference' | 'lookaround';

export class UnsupportedPattern extends Error {
  constructor(readonly reason: Unsupported) {
    super(reason);
  }
}

/**
 * Reads `source` as JavaScript reads it with the `u` flag. Throws `UnsupportedPattern` for
 * invalid syntax, back-references and look-arounds.
 */
export function parsePattern(source: string): Node[][] {
  try {
    new RegExp(source, 'u');
  } catch {
    throw new UnsupportedPattern('syntax');
  }
  // The source is known to be valid from here on, which keeps the reader short.
  const cps = Array.from(source);
  let i = 0;
  const peek = (ahead = 0): string | undefined => cps[i + ahead];
  const take = (): string => cps[i++] ?? '';

  function alternation(): Node[][] {
    const alternatives = [sequence()];
    while (peek() === '|') {
      i++;
      alternatives.push(sequence());
    }
    return alternatives;
  }

  function sequence(): Node[] {
    const nodes: Node[] = [];
    while (i < cps.length && peek() !== '|' && peek() !== ')') {
      const node = atom();
      nodes.push(node.kind === 'assert' ? node : quantified(node));
    }
    return nodes;
  }

  function quantified(body: Node): Node {
    let min: number;
    let max: number;
    const c = peek();
    if (c === '*') [min, max] = [0, Infinity];
    else if (c === '+') [min, max] = [1, Infinity];
    else if (c === '?') [min, max] = [0, 1];
    else if (c === '{') {
      const match = /^\{(\d+)(,(\d*))?\}/.exec(cps.slice(i, i + 40).join(''));
      if (!match) return body;
      min = Number(match[1]);
      max = match[2] === undefined ? min : match[3] === '' ? Infinity : Number(match[3]);
      i += match[0].length - 1;
    } else return body;
    i++;
    if (peek() === '?') i++; // lazy: the same strings match, so it makes no difference to a test
    return { kind: 'repeat', body, min, max };
  }

  function atom(): Node {
    const c = take();
    if (c === '^') return { kind: 'assert', what: 'start' };
    if (c === '$') return { kind: 'assert', what: 'end' };
    if (c === '.') return { kind: 'chars', set: DOT };
    if (c === '[') return { kind: 'chars', set: charClass() };
    if (c === '(') {
      if (peek() === '?') {
        const next = peek(1);
        if (next === '=' || next === '!' || (next === '<' && (peek(2) === '=' || peek(2) === '!')))
          throw new UnsupportedPattern('lookaround');
        if (next === ':') i += 2;
        else if (next === '<') {
          while (take() !== '>' && i < cps.length) {
            /* skip the group's name */
          }
        } else throw new UnsupportedPattern('syntax');
      }
      const alternatives = alternation();
      i++; // ')'
      return { kind: 'group', alternatives };
    }
    if (c === '\\') {
      const e = peek();
      if (e === 'b' || e === 'B') {
        i++;
        return { kind: 'assert', what: e === 'b' ? 'word-boundary' : 'not-word-boundary' };
      }
      if (e === 'k' || (e !== undefined && e >= '1' && e <= '9')) throw new UnsupportedPattern('backreference');
      return { kind: 'chars', set: escape() };
    }
    return { kind: 'chars', set: new CharSet([[c.codePointAt(0)!, c.codePointAt(0)!]]) };
  }

  /** After a backslash: a class escape (`\d`, `\p{…}`) or one character. */
  function escape(inClass = false): CharSet {
    const e = take();
    switch (e) {
      case 'd':
        return new CharSet(DIGIT);
      case 'D':
        return new CharSet(complement(DIGIT));
      case 'w':
        return new CharSet(WORD);
      case 'W':
        return new CharSet(complement(WORD));
      case 's':
        return new CharSet(SPACE);
      case 'S':
        return new CharSet(complement(SPACE));
      case 'p':
      case 'P': {
        let body = '';
        i++; // '{'
        while (peek() !== '}') body += take();
        i++;
        return new CharSet([], [new RegExp(`^\\${e}{${body}}$`, 'u')]);
      }
      default: {
        const cp = escapedChar(e, inClass);
        return new CharSet([[cp, cp]]);
      }
    }
  }

  function escapedChar(e: string, inClass: boolean): number {
    const hex = (length: number) => {
      const text = cps.slice(i, i + length).join('');
      i += length;
      return parseInt(text, 16);
    };
    switch (e) {
      case 't':
        return 0x09;
      case 'n':
        return 0x0a;
      case 'v':
        return 0x0b;
      case 'f':
        return 0x0c;
      case 'r':
        return 0x0d;
      case '0':
        return 0;
      case 'b':
        return inClass ? 0x08 : 0x62;
      case 'c':
        return take().charCodeAt(0) % 32;
      case 'x':
        return hex(2);
      case 'u': {
        if (peek() === '{') {
          i++;
          let text = '';
          while (peek() !== '}') text += take();
          i++;
          return parseInt(text, 16);
        }
        const unit = hex(4);
        // A surrogate pair written as two escapes is one character in `u` mode.
        if (unit >= 0xd800 && unit <= 0xdbff && peek() === '\\' && peek(1) === 'u' && peek(2) !== '{') {
          const low = parseInt(cps.slice(i + 2, i + 6).join(''), 16);
          if (low >= 0xdc00 && low <= 0xdfff) {
            i += 6;
            return (unit - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
          }
        }
        return unit;
      }
      default:
        return e.codePointAt(0)!; // `\.`, `\-`, `\/` …: the character itself
    }
  }

  function charClass(): CharSet {
    const negated = peek() === '^';
    if (negated) i++;
    const ranges: Range[] = [];
    const props: RegExp[] = [];
    while (peek() !== ']') {
      const low = classAtom();
      if (peek() === '-' && peek(1) !== ']' && low.single !== undefined) {
        i++;
        const high = classAtom();
        ranges.push([low.single, high.single ?? low.single]);
        continue;
      }
      ranges.push(...low.set.ranges);
      props.push(...low.set.props);
    }
    i++; // ']'
    return new CharSet(normalize(ranges), props, negated);
  }

  function classAtom(): { set: CharSet; single?: number } {
    const c = take();
    if (c !== '\\') {
      const cp = c.codePointAt(0)!;
      return { set: new CharSet([[cp, cp]]), single: cp };
    }
    const set = escape(true);
    const only = set.props.length === 0 && set.ranges.length === 1 && set.ranges[0]![0] === set.ranges[0]![1];
    return only ? { set, single: set.ranges[0]![0] } : { set };
  }

  return alternation();
}
