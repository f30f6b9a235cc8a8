/**
 * The engine that runs a definition's patterns: a Thompson automaton stepped over the text
 * one character at a time (a "Pike VM"), so testing a cell costs at most
 * (characters × states) steps, whatever the pattern. JavaScript's own RegExp backtracks and
 * can take minutes on `^(a+)+$`; this cannot. It answers the same yes/no as RegExp#test with
 * the `u` flag for every pattern `parsePattern` accepts (no back-references, no look-arounds).
 *
 * Handed to Ajv as `code.regExp`, so every `pattern` and `patternProperties` in a schema
 * compiled by `createSafeAjv` runs here.
 */
import Ajv, { type Options } from 'ajv';
import addFormats from 'ajv-formats';
import { isWordChar, parsePattern, UnsupportedPattern, type Assertion, type CharSet, type Node } from './regex';

/** Counted repeats are written out state by state; past this the pattern is refused as too complex. */
export const MAX_STATES = 500;

/** Ajv's types for `code.regExp` (not exported from its package root). */
type RegExpEngine = NonNullable<NonNullable<Options['code']>['regExp']>;
type RegExpLike = ReturnType<RegExpEngine>;

type State =
  | { op: 'char'; set: CharSet; out: number }
  | { op: 'split'; out: number; out2: number }
  | { op: 'assert'; what: Assertion; out: number }
  | { op: 'match' };

export class PatternTooComplex extends Error {
  constructor() {
    super('pattern too complex');
  }
}

function compile(alternatives: Node[][]): { states: State[]; start: number } {
  const states: State[] = [{ op: 'match' }];
  const add = (state: State): number => {
    if (states.length >= MAX_STATES) throw new PatternTooComplex();
    states.push(state);
    return states.length - 1;
  };
  // Built back to front: each piece is compiled knowing the state that follows it.
  const sequence = (nodes: readonly Node[], next: number): number => {
    let cur = next;
    for (let k = nodes.length - 1; k >= 0; k--) cur = node(nodes[k]!, cur);
    return cur;
  };
  const alternation = (alts: readonly Node[][], next: number): number => {
    let cur = sequence(alts[alts.length - 1]!, next);
    for (let k = alts.length - 2; k >= 0; k--) cur = add({ op: 'split', out: sequence(alts[k]!, next), out2: cur });
    return cur;
  };
  const node = (n: Node, next: number): number => {
    switch (n.kind) {
      case 'chars':
        return add({ op: 'char', set: n.set, out: next });
      case 'assert':
        return add({ op: 'assert', what: n.what, out: next });
      case 'group':
        return alternation(n.alternatives, next);
      case 'repeat': {
        let cur: number;
        if (n.max === Infinity) {
          const loop = add({ op: 'split', out: -1, out2: next });
          (states[loop] as { out: number }).out = node(n.body, loop);
          cur = loop;
        } else {
          cur = next;
          for (let k = n.min; k < n.max; k++) cur = add({ op: 'split', out: node(n.body, cur), out2: next });
        }
        for (let k = 0; k < n.min; k++) cur = node(n.body, cur);
        return cur;
      }
    }
  };
  const start = alternation(alternatives, 0);
  return { states, start };
}

/** A compiled pattern with RegExp's `test`, in time linear in the text. */
export class SafeRegExp implements RegExpLike {
  private readonly states: State[];
  private readonly start: number;
  // Reused between calls: which states are already in the current list, by generation.
  private readonly mark: Int32Array;
  private generation = 0;

  /** Throws `UnsupportedPattern` or `PatternTooComplex`. */
  constructor(readonly source: string) {
    ({ states: this.states, start: this.start } = compile(parsePattern(source)));
    this.mark = new Int32Array(this.states.length);
  }

  test(text: string): boolean {
    const cps = Array.from(text, (ch) => ch.codePointAt(0)!);
    const n = cps.length;
    let list: number[] = [];
    const stack: number[] = [];
    // Adds `from` and every state reachable from it without reading a character at `pos`.
    const close = (from: number, pos: number, into: number[]): boolean => {
      stack.push(from);
      while (stack.length > 0) {
        const s = stack.pop()!;
        if (this.mark[s] === this.generation) continue;
        this.mark[s] = this.generation;
        const state = this.states[s]!;
        if (state.op === 'match') {
          stack.length = 0;
          return true;
        }
        if (state.op === 'char') into.push(s);
        else if (state.op === 'split') stack.push(state.out2, state.out);
        else if (holds(state.what, cps, pos)) stack.push(state.out);
      }
      return false;
    };
    this.nextGeneration();
    if (close(this.start, 0, list)) return true;
    for (let pos = 0; pos < n; pos++) {
      this.nextGeneration();
      const next: number[] = [];
      for (const s of list) {
        const state = this.states[s] as { set: CharSet; out: number };
        if (state.set.has(cps[pos]!) && close(state.out, pos + 1, next)) return true;
      }
      // RegExp#test finds a match starting anywhere: a new attempt starts at every position.
      if (close(this.start, pos + 1, next)) return true;
      list = next;
    }
    return false;
  }

  private nextGeneration(): void {
    if (++this.generation > 0x3fffffff) {
      this.mark.fill(0);
      this.generation = 1;
    }
  }

  /** Ajv keys compiled patterns by this text: it must differ between patterns. */
  toString(): string {
    return `/${this.source}/u`;
  }
}

function holds(what: Assertion, cps: readonly number[], pos: number): boolean {
  switch (what) {
    case 'start':
      return pos === 0;
    case 'end':
      return pos === cps.length;
    case 'word-boundary':
      return isWordChar(cps[pos - 1]) !== isWordChar(cps[pos]);
    case 'not-word-boundary':
      return isWordChar(cps[pos - 1]) === isWordChar(cps[pos]);
  }
}

/** Ajv's `code.regExp`: patterns it cannot run safely make compiling the schema fail. */
export const safeRegExp: RegExpEngine = Object.assign(
  (pattern: string): RegExpLike => {
    try {
      return new SafeRegExp(pattern);
    } catch (error) {
      const why = error instanceof UnsupportedPattern ? error.reason : 'too complex';
      throw new Error(`pattern "${pattern}" cannot be used (${why})`, { cause: error });
    }
  },
  // Only read when Ajv writes stand-alone code, which Huizong never does.
  { code: 'require("huizong/safeRegExp").safeRegExp' },
);

/** JSON Forms' Ajv (formats included) with every pattern run by `SafeRegExp`. */
export function createSafeAjv(options: Options = {}): Ajv {
  const ajv = new Ajv({ ...JSON_FORMS_AJV, ...options, code: { ...options.code, regExp: safeRegExp } });
  addFormats(ajv);
  return ajv;
}

/**
 * The options JSON Forms' `createAjv` gives Ajv (a test holds the two the same). Ajv is made
 * here rather than by `createAjv`: importing that brings the whole of JSON Forms' core and
 * lodash into the roll-up worker, which loads it with every roll-up and uses none of it.
 */
export const JSON_FORMS_AJV: Options = { allErrors: true, verbose: true, strict: false, addUsedSchema: false };
