/**
 * What the learned model sees of a paragraph, as hashed features (hashing.ts):
 *   - its words and word pairs, and character 4-grams inside words, all on the Persian-aware
 *     search key (core/search-key.ts), so «می‌گوید», «می گوید» and «ميگويد» are one word here
 *     too; digits become 0, so figures generalise;
 *   - its place: the title, the first lines, the last lines, after the end marker, the closing
 *     lines, and a tenth of the article;
 *   - its length and shape: word count, a question, quotation marks, figures, a link, a colon;
 *   - how often the line recurs, across the workspace and across its site (repetition.ts);
 *   - what the rule suggesters saw (their reason codes, whatever their threshold): the model
 *     learns how far to trust each cue on this workspace's text;
 *   - the paragraphs beside it: an end marker, a short or recurring line, a rule's label;
 *   - page-structure evidence of saved web pages, when a reader supplies it (`evidence`);
 *   - the labels of the paragraphs beside it where they are decided (added at training and
 *     scoring time, see `decidedNeighbourIndex`).
 * With `names`, every feature's readable form is kept too, so a score can be explained.
 */
import { articleCues, paragraphContexts, type ParagraphContext } from '../suggest/context';
import { endsLikeSentence, hasLink, isQuestion } from '../suggest/cues';
import { suggestAd } from '../suggest/ad-cues';
import { suggestClaim } from '../suggest/claim-cues';
import { suggestQuote } from '../suggest/quote-cues';
import { suggestBoilerplate } from '../suggest/repeated';
import { lineKey, RepetitionIndex, type LineCounts } from '../suggest/repetition';
import type { RuleCode } from '../suggest/reasons';
import type { SuggestArticle, Suggestion } from '../suggest/types';
import type { PageEvidence } from '../page/types';
import { NO_CHECKPOINT, type Checkpoint } from './checkpoint';
import { hashFeature, hashSlice, pairHead, pairTail } from './hashing';
import type { MatrixBuilder } from './matrix';

/** Bump when what a feature means changes: a stored model of another version is retrained. */
export const FEATURE_VERSION = 2;

/** Feature groups: hashed apart, and read back by kind when a score is explained. */
export const GROUP = {
  word: 1,
  pair: 2,
  chars: 3,
  place: 4,
  length: 5,
  shape: 6,
  repeats: 7,
  site: 8,
  rule: 9,
  evidence: 10,
  nearby: 11,
  decided: 12,
} as const;
export type Group = (typeof GROUP)[keyof typeof GROUP];

/** Text features (groups 1–3) share one norm per group: a long paragraph does not outvote a short one. */
const TEXT_GROUPS: ReadonlySet<number> = new Set([GROUP.word, GROUP.pair, GROUP.chars]);
/** Words read per paragraph: past this, a paragraph says nothing new about what it is. */
const MAX_TOKENS = 160;
const GRAM = 4;

/**
 * Articles carry the saved page's structure (`evidence`, from the HTML reader, core/page/) where
 * they are saved pages; the model learns from it there and works without it elsewhere.
 */
export interface FeatureArticle extends SuggestArticle {
  /** The site the article comes from; defaults to its top folder (siteOf). */
  site?: string;
}

/**
 * A paragraph's page evidence as short names an editor can read in a reason: where it sits
 * against the main text ("main-text", "after-article"), the region the page names ("nav",
 * "footer"), the class/id words of furniture and ads ("share", "advert"), and "link-dense" when
 * most of its words are links.
 */
export function evidenceNames(e: PageEvidence | undefined): string[] {
  if (!e) return [];
  const names = [e.place === 'main' ? 'main-text' : `${e.place}-article`];
  if (e.region) names.push(e.region);
  if (e.word) names.push(e.word);
  if (e.ad) names.push(e.ad);
  if (e.words > 0 && e.links * 2 >= e.words) names.push('link-dense');
  return names;
}

/** The site an article belongs to, when nothing better is known: its top folder («isna/…»). */
export function siteOf(article: Pick<FeatureArticle, 'path' | 'site'>): string {
  if (article.site !== undefined) return article.site;
  const slash = article.path.indexOf('/');
  return slash > 0 ? article.path.slice(0, slash) : '';
}

/** One feature's readable form, for explaining a score (explain.ts). */
export interface FeatureName {
  group: Group;
  /** The feature's own text: a word, a pair, a gram, or a tag such as `first-lines`. */
  text: string;
  /** For text features, the token it came from (a pair: its first token). */
  token?: number;
  /** For recurrence: in how many articles the line is. */
  count?: number;
}

/** How often every line recurs, across the workspace and within each site. */
export interface FeatureIndexes {
  workspace: LineCounts;
  sites: ReadonlyMap<string, LineCounts>;
}

export function featureIndexes(articles: readonly FeatureArticle[], checkpoint: Checkpoint = NO_CHECKPOINT): { workspace: RepetitionIndex; sites: Map<string, RepetitionIndex> } {
  const workspace = new RepetitionIndex();
  const sites = new Map<string, RepetitionIndex>();
  for (const a of articles) {
    checkpoint();
    const keys = a.paragraphs.map((p) => lineKey(p.text));
    workspace.set(a.path, keys);
    const site = siteOf(a);
    let index = sites.get(site);
    if (!index) sites.set(site, (index = new RepetitionIndex()));
    index.set(a.path, keys);
  }
  return { workspace, sites };
}

/** The rule suggesters' findings on one paragraph, whatever their score (the model weighs them itself). */
export function ruleFindings(p: ParagraphContext, title: string, page?: PageEvidence): Suggestion[] {
  return [suggestBoilerplate(p, title, page), suggestAd(p), suggestQuote(p), suggestClaim(p)].filter((s): s is Suggestion => s !== null);
}

/** Index of the "paragraph beside is decided as …" feature (`what`: a label, or `none`). */
export function decidedNeighbourIndex(side: 'before' | 'after', what: string): number {
  return hashFeature(GROUP.decided, `${side}:${what}`);
}

/** The readable name of a decided-neighbour feature (explain.ts). */
export function decidedNeighbourName(side: 'before' | 'after', what: string): FeatureName {
  return { group: GROUP.decided, text: `${side}:${what}` };
}

/** Scratch rows, reused: one paragraph's features before they go into the matrix. */
let scratchIndices: Uint32Array = new Uint32Array(4096);
let scratchValues: Float32Array = new Float32Array(4096);
let scratchGroups: Uint8Array = new Uint8Array(4096);

/**
 * What explaining a score needs of each row, kept cheaply while the rows are made: every entry's
 * group and token (typed arrays, as the matrix), and names only for the few entries that are not
 * words, pairs or grams (a place, a rule's code, how often the line recurs).
 */
export class FeatureTrace {
  /** Each entry's group and token (-1: not a word's), in matrix order; `size` of them are set. */
  groups = new Uint8Array(1024);
  tokens = new Int32Array(1024);
  size = 0;
  /**
   * The names of the non-text entries, in matrix order: a row's words, pairs and grams come first,
   * then its named entries, each with a name. `firstNamed[r]` is row r's first named entry and
   * `firstName[r]` where its names start here.
   */
  readonly names: FeatureName[] = [];
  readonly firstNamed: number[] = [];
  readonly firstName: number[] = [];
  /** Each paragraph's search-key tokens, by row. */
  readonly words: string[][] = [];

  /** The name of matrix entry `entry` of row `row`; undefined for a word, pair or gram. */
  nameOf(row: number, entry: number): FeatureName | undefined {
    const first = this.firstNamed[row]!;
    return entry < first ? undefined : this.names[this.firstName[row]! + entry - first];
  }

  push(group: number, token: number): void {
    if (this.size === this.groups.length) {
      const groups = new Uint8Array(this.size * 2);
      groups.set(this.groups);
      this.groups = groups;
      const tokens = new Int32Array(this.size * 2);
      tokens.set(this.tokens);
      this.tokens = tokens;
    }
    this.groups[this.size] = group;
    this.tokens[this.size] = token;
    this.size += 1;
  }
}

class Row {
  size = 0;
  names: FeatureName[] | null = null;
  trace: FeatureTrace | null = null;
  /** Entries of the matrix before this row (for the trace's entry numbers). */
  base = 0;

  add(group: Group, text: string, value = 1, extra?: Omit<FeatureName, 'group' | 'text'>): void {
    const known = namedFeature(group, text);
    this.put(known.index, group, value, extra?.token ?? -1);
    if (this.names || (this.trace && !TEXT_GROUPS.has(group))) {
      const name: FeatureName = extra ? { group, text, ...extra } : known.name;
      this.names?.push(name);
      this.trace?.names.push(name);
    }
  }

  /**
   * A word, pair or gram already hashed: no string and no object is made for it (there are a
   * hundred of them a paragraph). Its readable form, for `names`, is made only when asked for.
   */
  addText(index: number, group: Group, token: number, text: string | null): void {
    this.put(index, group, 1, token);
    if (this.names) this.names.push({ group, text: text ?? '', token });
  }

  private put(index: number, group: Group, value: number, token: number): void {
    if (this.size === scratchIndices.length) {
      const grown = (a: Uint32Array | Float32Array | Uint8Array) => {
        const b = new (a.constructor as new (n: number) => typeof a)(a.length * 2);
        b.set(a);
        return b;
      };
      scratchIndices = grown(scratchIndices) as Uint32Array;
      scratchValues = grown(scratchValues) as Float32Array;
      scratchGroups = grown(scratchGroups) as Uint8Array;
    }
    scratchIndices[this.size] = index;
    scratchValues[this.size] = value;
    scratchGroups[this.size] = group;
    this.trace?.push(group, token);
    this.size += 1;
  }

  /** Scales each text group to unit length, so every paragraph's words weigh the same in all. */
  normalise(): void {
    const counts = [0, 0, 0, 0];
    for (let k = 0; k < this.size; k++) {
      const g = scratchGroups[k]!;
      if (g <= GROUP.chars) counts[g] = counts[g]! + 1;
    }
    const scale = counts.map((n) => (n > 0 ? 1 / Math.sqrt(n) : 1));
    for (let k = 0; k < this.size; k++) {
      const g = scratchGroups[k]!;
      if (g <= GROUP.chars) scratchValues[k] = scratchValues[k]! * scale[g]!;
    }
  }
}

const wordForm = (token: string) => (/\d/.test(token) ? token.replace(/\d+(?:[.,/٫٬]\d+)*/g, '0') : token);

/** What hashing one word gives: the same for every paragraph it is in. */
interface TokenHashes {
  /** The word as a feature (figures as 0). */
  form: string;
  word: number;
  /** Its half of the pair it starts (hashing.ts `pairHead`). */
  pairHead: number;
  /** Its character grams of `_form_` (the whole of it when that is GRAM long or less); none for a figure. */
  grams: Uint32Array;
}

/**
 * Words recur (a newsroom writes a few tens of thousands of them), so each is hashed once and
 * kept: the features of 50,000 paragraphs then cost a map lookup a word, not a regular
 * expression, a padded string and a dozen hashes. Bounded: emptied when full.
 */
const tokenCache = new Map<string, TokenHashes>();
const TOKEN_CACHE_LIMIT = 1 << 17;
const NO_GRAMS = new Uint32Array(0);

function tokenHashes(token: string): TokenHashes {
  const known = tokenCache.get(token);
  if (known) return known;
  const form = wordForm(token);
  let grams = NO_GRAMS;
  if (form !== '0') {
    const padded = `_${form}_`;
    if (padded.length <= GRAM) grams = Uint32Array.of(hashFeature(GROUP.chars, padded));
    else {
      grams = new Uint32Array(padded.length - GRAM + 1);
      for (let c = 0; c < grams.length; c++) grams[c] = hashSlice(GROUP.chars, padded, c, c + GRAM);
    }
  }
  const hashes: TokenHashes = { form, word: hashFeature(GROUP.word, form), pairHead: pairHead(GROUP.pair, form), grams };
  if (tokenCache.size >= TOKEN_CACHE_LIMIT) tokenCache.clear();
  tokenCache.set(token, hashes);
  return hashes;
}

/** The readable form of gram `c` of a word (for `names`). */
function gramName(form: string, c: number): string {
  const padded = `_${form}_`;
  return padded.length <= GRAM ? padded : padded.slice(c, c + GRAM);
}

/** One paragraph's words, reused. */
const scratchTokens: TokenHashes[] = [];
const NO_TOKEN: TokenHashes = { form: '', word: 0, pairHead: 0, grams: NO_GRAMS };

/**
 * The other features (a place, a shape, a rule's code…) come from a small set of names: each
 * one's slot and readable form is made once, not for every paragraph.
 */
const namedFeatures = new Map<Group, Map<string, { index: number; name: FeatureName }>>();

function namedFeature(group: Group, text: string): { index: number; name: FeatureName } {
  let ofGroup = namedFeatures.get(group);
  if (!ofGroup) namedFeatures.set(group, (ofGroup = new Map()));
  let known = ofGroup.get(text);
  if (!known) {
    if (ofGroup.size >= TOKEN_CACHE_LIMIT) ofGroup.clear();
    ofGroup.set(text, (known = { index: hashFeature(group, text), name: Object.freeze({ group, text }) }));
  }
  return known;
}

function wordBucket(words: number): string {
  if (words <= 3) return String(words);
  if (words <= 6) return '4-6';
  if (words <= 12) return '7-12';
  if (words <= 25) return '13-25';
  if (words <= 50) return '26-50';
  return '51+';
}

function countBucket(n: number): string {
  if (n <= 2) return String(n);
  if (n <= 4) return '3-4';
  if (n <= 9) return '5-9';
  if (n <= 49) return '10-49';
  return '50+';
}

function shareBucket(share: number): string {
  if (share < 0.02) return '<2%';
  if (share < 0.1) return '<10%';
  if (share < 0.3) return '<30%';
  if (share < 0.6) return '<60%';
  return '60%+';
}

const QUOTE_MARKS = /[«»“”„"]/u;

/** The best rule label on a paragraph (score ≥ 0.5), for its neighbours' features. */
function ruleLabel(findings: readonly Suggestion[]): string | null {
  let best: Suggestion | null = null;
  for (const s of findings) if (s.score >= 0.5 && (!best || s.score > best.score)) best = s;
  return best?.label ?? null;
}

export interface ArticleFeatureInfo {
  /** The rule suggesters' findings per paragraph (unfiltered). */
  findings: Suggestion[][];
}

/**
 * Adds one row per paragraph of `article` to `matrix`, in paragraph order. With `names`, pushes
 * each row's feature names, in the row's order; with `trace`, what explaining a score needs.
 */
export function articleFeatures(article: FeatureArticle, indexes: FeatureIndexes, matrix: MatrixBuilder, names?: FeatureName[][], trace?: FeatureTrace): ArticleFeatureInfo {
  const cues = articleCues(article);
  const contexts = paragraphContexts(article, cues, indexes.workspace);
  const title = article.paragraphs[0]?.text ?? '';
  const findings = contexts.map((p) => ruleFindings(p, title, article.evidence?.[p.index]));
  const site = indexes.sites.get(siteOf(article));
  const siteArticles = site && site.articles >= 2 && site.articles < indexes.workspace.articles ? site.articles : 0;
  const n = contexts.length;
  const row = new Row();
  row.trace = trace ?? null;
  for (let i = 0; i < n; i++) {
    const p = contexts[i]!;
    row.size = 0;
    row.base = matrix.entries;
    row.names = names ? [] : null;
    trace?.words.push(p.cue.tokens);
    // Words, pairs and character grams, hashed once per distinct word (tokenHashes).
    const named = row.names !== null;
    const count = Math.min(p.cue.tokens.length, MAX_TOKENS);
    while (scratchTokens.length < count) scratchTokens.push(NO_TOKEN);
    for (let t = 0; t < count; t++) scratchTokens[t] = tokenHashes(p.cue.tokens[t]!);
    for (let t = 0; t < count; t++) {
      const token = scratchTokens[t]!;
      const word = token.form;
      row.addText(token.word, GROUP.word, t, word);
      if (t + 1 < count) {
        const next = scratchTokens[t + 1]!.form;
        row.addText(pairTail(token.pairHead, next), GROUP.pair, t, named ? `${word} ${next}` : null);
      }
      const grams = token.grams;
      for (let c = 0; c < grams.length; c++) row.addText(grams[c]!, GROUP.chars, t, named ? gramName(word, c) : null);
    }
    if (trace) {
      trace.firstNamed.push(row.base + row.size);
      trace.firstName.push(trace.names.length);
    }
    // Place in the article.
    if (i === 0) row.add(GROUP.place, 'title');
    else if (i <= 3) row.add(GROUP.place, 'first-lines');
    if (i >= n - 3 && i > 0) row.add(GROUP.place, 'last-lines');
    if (p.footerByMarker) row.add(GROUP.place, 'after-marker');
    else if (p.inFooter) row.add(GROUP.place, 'closing-lines');
    row.add(GROUP.place, `tenth:${Math.floor((10 * i) / Math.max(n, 1))}`);
    // Length and shape.
    const words = p.cue.tokens.length;
    row.add(GROUP.length, `words:${wordBucket(words)}`);
    if (p.isMarker) row.add(GROUP.shape, 'end-marker');
    if (isQuestion(p.text)) row.add(GROUP.shape, 'question');
    if (QUOTE_MARKS.test(p.text)) row.add(GROUP.shape, 'quotation-marks');
    if (/\d/.test(p.cue.key)) row.add(GROUP.shape, 'figures');
    if (hasLink(p.cue)) row.add(GROUP.shape, 'link');
    if (/[:：]\s*$/u.test(p.text)) row.add(GROUP.shape, 'colon');
    row.add(GROUP.shape, endsLikeSentence(p.text) ? 'sentence-end' : 'no-sentence-end');
    // Recurrence across the workspace and the site.
    row.add(GROUP.repeats, `count:${countBucket(p.repeats)}`, 1, { count: p.repeats });
    if (p.repeats >= 2) row.add(GROUP.repeats, `share:${shareBucket(p.repeats / p.articles)}`, 1, { count: p.repeats });
    if (p.repeats >= p.recurrence) row.add(GROUP.repeats, 'recurs', 1, { count: p.repeats });
    if (siteArticles > 0) {
      const inSite = Math.max(site!.count(cues.lineKeys[i]!), 1);
      if (inSite >= 2) row.add(GROUP.site, `share:${shareBucket(inSite / siteArticles)}`, 1, { count: inSite });
    }
    // What the rules saw.
    for (const s of findings[i]!) row.add(GROUP.rule, s.reason.code as RuleCode);
    // The page's structure, when the reader knows it.
    for (const name of evidenceNames(article.evidence?.[i])) row.add(GROUP.evidence, name);
    // The paragraphs beside it, as text.
    for (const [side, j] of [['before', i - 1], ['after', i + 1]] as const) {
      const q = contexts[j];
      if (!q) {
        row.add(GROUP.nearby, `${side}:edge`);
        continue;
      }
      if (q.isMarker) row.add(GROUP.nearby, `${side}:end-marker`);
      if (q.short) row.add(GROUP.nearby, `${side}:short`);
      if (q.repeats >= q.recurrence) row.add(GROUP.nearby, `${side}:recurs`);
      const label = ruleLabel(findings[j]!);
      if (label) row.add(GROUP.nearby, `${side}:rule:${label}`);
    }
    row.normalise();
    matrix.add(scratchIndices, scratchValues, row.size);
    if (names && row.names) names.push(row.names);
  }
  return { findings };
}
