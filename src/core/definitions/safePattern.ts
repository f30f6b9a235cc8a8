/**
 * The load-time check on a definition's regular expressions (`pattern`, `patternProperties`).
 *
 * Huizong runs patterns with its own engine, which cannot hang (`safeRegExp.ts`), but the
 * same schema also reaches JavaScript's backtracking RegExp (JSON Forms in the task pane,
 * other tools the definition is shared with), where `^(a+)+$` on a 30-character cell takes
 * minutes. So patterns of the shapes that backtrack catastrophically are refused at load,
 * with the reason and a fix in the user's words:
 *
 * - a repeated group that contains a part of varying length which its neighbour can also
 *   match — `(a+)+`, `(\d+)*`, `(-?\d+)*` — unless every varying part is closed by a fixed
 *   character it cannot match, as in `(\.\d+)*` or `(、[一-龥]+)*`;
 * - a repeated group whose alternatives can start with the same character — `(x|x)*`;
 * - a repeated group that can match nothing — `(a*)*`;
 * - back-references and look-arounds, which need backtracking to match at all;
 * - very long patterns and very large counts (`{5000}`).
 *
 * The rules are deliberately simple and sometimes refuse a pattern that is in fact harmless;
 * the message then says how to write it in the accepted form.
 */
import { overlaps, parsePattern, UnsupportedPattern, type CharSet, type Node } from './regex';
import { PatternTooComplex, SafeRegExp } from './safeRegExp';
import type { Lang } from './types';

/** Longest pattern source accepted; cell formats are far shorter. */
export const MAX_PATTERN_LENGTH = 200;
/** Largest number in `{n}` / `{n,m}`. */
export const MAX_REPEAT_COUNT = 100;

export type PatternRisk =
  | 'too-long'
  | 'syntax'
  | 'backreference'
  | 'lookaround'
  | 'nested-repeat'
  | 'overlapping-alternatives'
  | 'empty-repeat'
  | 'big-count'
  | 'too-complex';

/** What a piece of pattern can match: lengths, and which characters it starts with and uses. */
interface Shape {
  min: number;
  max: number;
  first: CharSet[];
  chars: CharSet[];
}

const anyOverlap = (a: readonly CharSet[], b: readonly CharSet[]) => a.some((x) => b.some((y) => overlaps(x, y)));

class Risky extends Error {
  constructor(readonly risk: PatternRisk) {
    super(risk);
  }
}

function sequenceShape(nodes: readonly Node[], repeated: boolean): Shape {
  const shape: Shape = { min: 0, max: 0, first: [], chars: [] };
  let open = true; // every piece so far can match nothing: the next one may start the match
  for (const node of nodes) {
    const s = nodeShape(node, repeated);
    shape.min += s.min;
    shape.max += s.max;
    if (open) shape.first.push(...s.first);
    shape.chars.push(...s.chars);
    if (s.min > 0) open = false;
  }
  return shape;
}

// Shapes are asked for again while checking repeated groups: remembered, so that nesting
// does not multiply the work.
const shapes = [new WeakMap<Node, Shape>(), new WeakMap<Node, Shape>()] as const;

/** Shapes `node`, throwing `Risky` for what the module comment lists. `repeated`: inside a repeated group. */
function nodeShape(node: Node, repeated: boolean): Shape {
  const cache = shapes[repeated ? 1 : 0];
  let shape = cache.get(node);
  if (!shape) {
    shape = computeShape(node, repeated);
    cache.set(node, shape);
  }
  return shape;
}

function computeShape(node: Node, repeated: boolean): Shape {
  switch (node.kind) {
    case 'chars':
      return { min: 1, max: 1, first: [node.set], chars: [node.set] };
    case 'assert':
      return { min: 0, max: 0, first: [], chars: [] };
    case 'group': {
      const shapes = node.alternatives.map((alt) => sequenceShape(alt, repeated));
      if (repeated) {
        for (let a = 0; a < shapes.length; a++) {
          for (let b = a + 1; b < shapes.length; b++)
            if (anyOverlap(shapes[a]!.first, shapes[b]!.first)) throw new Risky('overlapping-alternatives');
        }
      }
      return {
        min: Math.min(...shapes.map((s) => s.min)),
        max: Math.max(...shapes.map((s) => s.max)),
        first: shapes.flatMap((s) => s.first),
        chars: shapes.flatMap((s) => s.chars),
      };
    }
    case 'repeat': {
      if (node.min > MAX_REPEAT_COUNT || (node.max !== Infinity && node.max > MAX_REPEAT_COUNT)) throw new Risky('big-count');
      const many = node.max > 1;
      const body = nodeShape(node.body, repeated || many);
      if (many && node.body.kind === 'group') checkRepeatedGroup(node.body, body);
      return {
        min: body.min * node.min,
        max: body.max === 0 ? 0 : body.max * node.max,
        first: node.max > 0 ? body.first : [],
        chars: body.chars,
      };
    }
  }
}

/**
 * A group repeated more than once is safe when each repetition can be cut out of the text
 * only one way: it cannot be empty, and every part of varying length is followed (in the
 * same repetition, or at the start of the next) by a required piece that starts with a
 * character the varying part cannot match.
 */
function checkRepeatedGroup(group: Extract<Node, { kind: 'group' }>, shape: Shape): void {
  if (shape.min === 0) throw new Risky('empty-repeat');
  if (shape.min === shape.max) return;
  if (group.alternatives.length > 1) {
    // Alternatives starting differently (checked in nodeShape) are fine if each has a fixed length.
    for (const alt of group.alternatives) {
      const s = sequenceShape(alt, true);
      if (s.min !== s.max) throw new Risky('nested-repeat');
    }
    return;
  }
  const terms = group.alternatives[0]!.filter((n) => n.kind !== 'assert');
  const termShapes = terms.map((n) => nodeShape(n, true));
  for (let k = 0; k < terms.length; k++) {
    const term = terms[k]!;
    const s = termShapes[k]!;
    if (s.min === s.max) continue;
    // A varying part must be a single character class repeated, like `\d+` or `[a-z]{2,5}`.
    if (term.kind !== 'repeat' || term.body.kind !== 'chars') throw new Risky('nested-repeat');
    // The last part is followed by the first part of the next repetition.
    const after = termShapes[(k + 1) % terms.length]!;
    if (after.min === 0 || anyOverlap(after.first, s.chars)) throw new Risky('nested-repeat');
  }
}

/** Why `source` is refused as a pattern, or null when it may be used. */
export function patternRisk(source: string): PatternRisk | null {
  if ([...source].length > MAX_PATTERN_LENGTH) return 'too-long';
  try {
    sequenceShapeOfAlternation(parsePattern(source));
    new SafeRegExp(source); // the engine's own limit on size once counts are written out
    return null;
  } catch (error) {
    if (error instanceof Risky) return error.risk;
    if (error instanceof UnsupportedPattern) return error.reason;
    if (error instanceof PatternTooComplex) return 'too-complex';
    throw error;
  }
}

function sequenceShapeOfAlternation(alternatives: Node[][]): void {
  nodeShape({ kind: 'group', alternatives }, false);
}

const reasons: Record<PatternRisk, { zh: string; en: string }> = {
  'too-long': {
    zh: `超过${MAX_PATTERN_LENGTH}个字符，请改短`,
    en: `it is longer than ${MAX_PATTERN_LENGTH} characters. Please shorten it`,
  },
  syntax: {
    zh: '不是有效的正则表达式（按 JavaScript 的 u 模式读取），请检查括号、方括号和反斜杠',
    en: 'it is not a valid regular expression (read as JavaScript with the u flag). Please check brackets and backslashes',
  },
  backreference: {
    zh: '用了反向引用（如 \\1、\\k<名称>），请改为直接写出要匹配的内容',
    en: 'it uses a back-reference (such as \\1 or \\k<name>). Please write out what should match instead',
  },
  lookaround: {
    zh: '用了前后查找（如 (?=…)、(?!…)、(?<=…)、(?<!…)），请去掉，改用几条简单的规则',
    en: 'it uses a look-around (such as (?=…), (?!…), (?<=…) or (?<!…)). Please remove it and use simpler rules',
  },
  'nested-repeat': {
    zh: '括号整体重复，括号里又有长短可变的部分（如 (a+)+、(\\d+)*、(-?\\d+)*），同一段文字有太多种拆法；请去掉外层重复，或让括号里每个可变部分后面紧跟一个它不包含的固定字符，如 (-\\d+)*',
    en: 'a repeated group contains a part of varying length (such as (a+)+, (\\d+)* or (-?\\d+)*), so the same text can be split in too many ways. Please drop the outer repeat, or follow each varying part by a fixed character it cannot match, as in (-\\d+)*',
  },
  'overlapping-alternatives': {
    zh: '重复的括号里有几个选择可以用同一个字符开头（如 (x|x)*、(a|ab)+），请合并这些选择或让它们的开头各不相同',
    en: 'a repeated group has alternatives that can start with the same character (such as (x|x)* or (a|ab)+). Please merge them or make each start differently',
  },
  'empty-repeat': {
    zh: '重复的括号里的内容可以是空的（如 (a*)*、(a?)+），请让括号里至少有一个必填的字符',
    en: 'a repeated group can match nothing (such as (a*)* or (a?)+). Please make at least one character in it required',
  },
  'big-count': {
    zh: `重复次数超过${MAX_REPEAT_COUNT}（如 {5000}），请改小，长度限制请用 maxLength`,
    en: `a repeat count is more than ${MAX_REPEAT_COUNT} (such as {5000}). Please make it smaller and use maxLength for lengths`,
  },
  'too-complex': {
    zh: '展开后太复杂（重复次数相乘太大），请简化',
    en: 'it is too complex once its repeat counts are multiplied out. Please simplify it',
  },
};

/**
 * The detail of a `definition.invalid` issue for a refused pattern, e.g.
 * `字段“联系人”的格式规则（pattern）写法可能让校验卡死：……`. `label` names the field when known.
 */
export function describePatternRisk(risk: PatternRisk, pattern: string, lang: Lang, label?: string): string {
  const reason = reasons[risk];
  const cps = [...pattern];
  const source = cps.length > 60 ? cps.slice(0, 60).join('') + '…' : pattern;
  if (lang === 'en') {
    const what = label ? `The format rule (pattern) "${source}" of field "${label}"` : `The pattern "${source}"`;
    return risk === 'syntax' || risk === 'too-long'
      ? `${what} cannot be used: ${reason.en}`
      : `${what} could make checking hang: ${reason.en}`;
  }
  const what = label ? `字段“${label}”的格式规则（pattern）“${source}”` : `格式规则（pattern）“${source}”`;
  return risk === 'syntax' || risk === 'too-long' ? `${what}无法使用：${reason.zh}` : `${what}写法可能让校验卡死：${reason.zh}`;
}
