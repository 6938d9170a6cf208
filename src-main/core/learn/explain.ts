/**
 * Why the model scored a paragraph as it did, in the editor's terms. A linear model's margin is a
 * sum of weight × value over the paragraph's features, so each feature's share is exact; they are
 * gathered back into things an editor knows:
 *   - words: a word's own feature, its character grams and half of each word pair it is in; the
 *     strongest word, joined by its neighbour when that one pulls too («به گزارش»);
 *   - the place in the article, the line's shape and length, how often it recurs, the rules'
 *     cues, page-structure evidence, and the labels of decided paragraphs beside it.
 * Only what pushed towards the label counts; the reason names the strongest words and up to two
 * other cues, each at least a tenth of the push.
 */
import type { LearnedCue, LearnedPlace, LearnedShape, RuleCode } from '../suggest/reasons';
import { GROUP, type FeatureName } from './features';

/** The least share of the total push a cue needs to be named. */
const LEAST_SHARE = 0.1;
const OTHER_CUES = 2;

const PLACES: ReadonlySet<string> = new Set<LearnedPlace>(['title', 'first-lines', 'last-lines', 'after-marker', 'closing-lines']);
const SHAPES: Record<string, LearnedShape> = {
  question: 'question',
  'quotation-marks': 'quotation-marks',
  figures: 'figures',
  link: 'link',
  colon: 'colon',
  'end-marker': 'end-marker',
  'words:1': 'very-short',
  'words:2': 'very-short',
  'words:3': 'very-short',
  'words:4-6': 'short',
  'words:26-50': 'long',
  'words:51+': 'long',
};

/** A feature's cue, or null for features an editor would not recognise (a tenth of the article). */
function cueOfFeature(name: FeatureName): LearnedCue | null {
  switch (name.group) {
    case GROUP.place:
      return PLACES.has(name.text) ? { kind: 'place', place: name.text as LearnedPlace } : null;
    case GROUP.shape:
    case GROUP.length:
      return SHAPES[name.text] ? { kind: 'shape', shape: SHAPES[name.text]! } : null;
    case GROUP.repeats:
      return (name.count ?? 0) >= 2 ? { kind: 'recurs', articles: name.count!, site: false } : null;
    case GROUP.site:
      return { kind: 'recurs', articles: name.count ?? 2, site: true };
    case GROUP.rule:
      return { kind: 'rule', rule: name.text as RuleCode };
    case GROUP.evidence:
      return { kind: 'evidence', name: name.text };
    case GROUP.nearby: {
      // "before:end-marker" is a feature of the paragraph AFTER an end marker.
      const [side, what] = name.text.split(':');
      return what === 'end-marker' ? { kind: 'beside', side: side === 'before' ? 'after' : 'before', what } : null;
    }
    default:
      return null;
  }
}

/** Shapes a rule's cue already says. */
const SAID_BY: Partial<Record<LearnedShape, RuleCode[]>> = {
  figures: ['percentage', 'number-percent', 'figure-statistic', 'number'],
  'quotation-marks': ['quoted-attributed', 'quoted', 'quoted-term'],
  'end-marker': ['end-marker'],
};

function keyOf(c: LearnedCue): string {
  switch (c.kind) {
    case 'words':
      return `w:${c.text}`;
    case 'place':
      return `p:${c.place}`;
    case 'shape':
      return `s:${c.shape}`;
    case 'recurs':
      return `r:${c.site}`;
    case 'rule':
      return `u:${c.rule}`;
    case 'evidence':
      return `e:${c.name}`;
    case 'beside':
      return `b:${c.side}:${c.what}`;
  }
}

/** One paragraph's features as explaining needs them: each entry's group and token, and the names of the others. */
export interface ExplainRow {
  groups: ArrayLike<number>;
  tokens: ArrayLike<number>;
  /** Entry k -> its name, for entries that are not words, pairs or grams. */
  name: (k: number) => FeatureName | undefined;
  /** The paragraph's search-key tokens. */
  words: readonly string[];
}

/**
 * The cues of one paragraph's score for one label. `contributions[k]` is weight × value of the
 * row's k-th feature; `beside` the decided neighbours' pushes.
 */
export function explainScore(row: ExplainRow, contributions: ArrayLike<number>, beside: readonly { side: 'before' | 'after'; label: string; contribution: number }[]): LearnedCue[] {
  const tokens = row.words;
  const tokenPush = new Float64Array(tokens.length);
  const others = new Map<string, { cue: LearnedCue; push: number }>();
  const addOther = (cue: LearnedCue, push: number) => {
    const key = keyOf(cue);
    const slot = others.get(key);
    if (slot) slot.push += push;
    else others.set(key, { cue, push });
  };
  for (let k = 0; k < contributions.length; k++) {
    const push = contributions[k]!;
    if (push === 0) continue;
    const token = row.tokens[k]!;
    if (token >= 0 && token < tokens.length) {
      if (row.groups[k] === GROUP.pair) {
        tokenPush[token] = tokenPush[token]! + push / 2;
        if (token + 1 < tokens.length) tokenPush[token + 1] = tokenPush[token + 1]! + push / 2;
      } else tokenPush[token] = tokenPush[token]! + push;
      continue;
    }
    const name = row.name(k);
    const cue = name ? cueOfFeature(name) : null;
    if (cue) addOther(cue, push);
  }
  for (const b of beside) addOther({ kind: 'beside', side: b.side, what: b.label }, b.contribution);

  let total = 0;
  for (const p of tokenPush) if (p > 0) total += p;
  for (const o of others.values()) if (o.push > 0) total += o.push;
  if (total <= 0) return [];
  const least = total * LEAST_SHARE;

  const cues: LearnedCue[] = [];
  // A letter alone (a desk code «م», an initial) says nothing to an editor: not named as words.
  let best = -1;
  tokenPush.forEach((p, t) => {
    if (p > 0 && tokens[t]!.length > 1 && (best < 0 || p > tokenPush[best]!)) best = t;
  });
  if (best >= 0) {
    // The strongest word, with the neighbour that pulls most too («به گزارش», "according to").
    const pulls = (t: number) => (t >= 0 && t < tokens.length && tokens[t]!.length > 1 ? tokenPush[t]! : -Infinity);
    const left = pulls(best - 1);
    const right = pulls(best + 1);
    const pair = Math.max(left, right) > tokenPush[best]! / 2 ? (left >= right ? [best - 1, best] : [best, best + 1]) : [best];
    const push = pair.reduce((s, t) => s + tokenPush[t]!, 0);
    if (push >= least) cues.push({ kind: 'words', text: pair.map((t) => tokens[t]).join(' ') });
  }
  const ranked = [...others.values()].filter((o) => o.push >= least).sort((a, b) => b.push - a.push);
  const named = new Set<string>();
  for (const o of ranked) {
    if (cues.length - (best >= 0 ? 1 : 0) >= OTHER_CUES) break;
    // "with a percentage" already says "with figures"; a cue a stronger one implies is not repeated.
    if (o.cue.kind === 'shape' && (SAID_BY[o.cue.shape] ?? []).some((rule) => named.has(rule))) continue;
    if (o.cue.kind === 'rule') named.add(o.cue.rule);
    cues.push(o.cue);
  }
  return cues;
}
