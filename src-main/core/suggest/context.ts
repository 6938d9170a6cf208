/** What a suggester knows about one paragraph: its text cues, its place, and how often it recurs. */
import { cue, findPhrase, wordCount, type Cued } from './cues';
import { CUE_LIMIT, isOverCueLimit, overLimitCue } from './cue-limit';
import { isEndMarker, isShortLine, layoutOf, SENTENCE_WORDS } from './layout';
import { lineKind, type LineKind } from './line-kind';
import { ATTRIBUTIONS, SAYING_VERBS } from './speech-words';
import { lineKeyOf, recurrenceThreshold, type LineCounts } from './repetition';
import type { SuggestArticle } from './types';

export interface ParagraphContext {
  text: string;
  cue: Cued;
  index: number;
  /** Paragraphs in the article. */
  paragraphs: number;
  isMarker: boolean;
  /** After the end marker, or among the short lines that close the story (layout.ts). */
  inFooter: boolean;
  /** Whether it is after an end marker (surer) rather than among the closing short lines. */
  footerByMarker: boolean;
  /** A line of at most six words that does not end like a sentence. */
  short: boolean;
  /** Articles of the workspace carrying this line (this one included), and how many there are. */
  repeats: number;
  articles: number;
  /** Articles a line must be in to count as recurring (repetition.ts). */
  recurrence: number;
  /**
   * Whether a paragraph next to it (not the title) recurs too: a site's template repeats as a
   * block (a menu, a header), where a common short line that turns up in a few articles by chance
   * («Photo», "Conclusion", "2") stands alone between the story's own paragraphs.
   */
  recurringNeighbour: boolean;
  /**
   * Whether all of the article's running text (its lines longer than short ones) recurs too: the
   * same story filed again, whose recurring lines are the story's, not the site's.
   */
  storyRecurs: boolean;
  /**
   * The title printed a second time near the top (a scraped page's <title> and its headline):
   * the page's furniture, not the story's text, so it is boilerplate and nothing else.
   */
  titleCopy: boolean;
  /**
   * The title only: the attribution or verb of saying («با بیان اینکه», "said") after which the
   * lead repeats most of the title's words, so the headline is that person's words; else null.
   */
  headlineEcho: string | null;
  /**
   * A footer line of a sponsor list that merely contains a section word («شهر خبر», between
   * «رازی» and «فونیکس»): read as a name, not as navigation.
   */
  listedName: boolean;
}

/** How far down a scraped page prints its title again (title, maybe a date or kicker, the title). */
const TITLE_COPY_WITHIN = 3;
/**
 * The most words a first paragraph has to be a title. Headlines run to about fifteen words; a
 * file that starts with a paragraph of the story has no title line, and the same passage printed
 * again below it is the story's (a saved page without a headline, whose text repeats a passage).
 */
const TITLE_MAX_WORDS = 30;
/** The share of the title's words the lead must repeat after its attribution. */
const ECHO_SHARE = 0.6;

export interface ArticleCues {
  cues: Cued[];
  lineKeys: number[];
}

/** Every paragraph's cues; one over `limit` (cue-limit.ts) is not read. */
export function articleCues(article: SuggestArticle, limit = CUE_LIMIT): ArticleCues {
  const over = article.paragraphs.map((p) => isOverCueLimit(p.text, limit));
  const cues = article.paragraphs.map((p, i) => (over[i] ? overLimitCue() : cue(p.text)));
  // A paragraph the cues did not read matches no other line: a key no hash gives (hash53 ≥ 0).
  return { cues, lineKeys: cues.map((c, i) => (over[i] ? -1 - i : lineKeyOf(c.key))) };
}

/** Contexts for every paragraph of an article; `index` already holds the article's lines. */
export function paragraphContexts(article: SuggestArticle, cues: ArticleCues, index: LineCounts): ParagraphContext[] {
  const layout = layoutOf(article.paragraphs, cues.cues);
  const articles = Math.max(index.articles, 1);
  const recurrence = recurrenceThreshold(articles);
  const titleKey = cues.lineKeys[0];
  const headline = cues.cues[0] !== undefined && wordCount(cues.cues[0]) <= TITLE_MAX_WORDS;
  const isTitleCopy = (i: number) => headline && i > 0 && i <= TITLE_COPY_WITHIN && cues.lineKeys[i] === titleKey && wordCount(cues.cues[i]!) > 0;
  const footerKinds = footerLineKinds(article, cues.cues, layout.footerStart);
  const recurs = cues.lineKeys.map((key, i) => i > 0 && wordCount(cues.cues[i]!) > 0 && index.count(key) >= recurrence);
  const running = article.paragraphs.flatMap((p, i) => (i > 0 && !isShortLine(p.text, cues.cues[i]!) ? [recurs[i]] : []));
  const storyRecurs = running.length > 0 && running.every(Boolean);
  return article.paragraphs.map((p, i) => {
    const c = cues.cues[i]!;
    const afterMarker = layout.footerStart !== null && i >= layout.footerStart;
    const closing = layout.closingStart !== null && i >= layout.closingStart && i < (layout.marker ?? Infinity);
    return {
      text: p.text,
      cue: c,
      index: i,
      paragraphs: article.paragraphs.length,
      isMarker: layout.marker === i || (i > 0 && isEndMarker(c)),
      inFooter: afterMarker || closing,
      footerByMarker: afterMarker,
      short: isShortLine(p.text, c),
      repeats: Math.max(index.count(cues.lineKeys[i]!), 1),
      articles,
      recurrence,
      recurringNeighbour: recurs[i - 1] === true || recurs[i + 1] === true,
      storyRecurs,
      titleCopy: isTitleCopy(i),
      headlineEcho: i === 0 ? headlineEchoOf(cues.cues, isTitleCopy) : null,
      listedName: isListedName(footerKinds, cues.cues, i),
    };
  });
}

/** The kinds of the lines after the end marker (lineKind), by index; empty without a footer. */
function footerLineKinds(article: SuggestArticle, cues: readonly Cued[], footerStart: number | null): Map<number, LineKind> {
  const kinds = new Map<number, LineKind>();
  if (footerStart === null) return kinds;
  for (let i = footerStart; i < article.paragraphs.length; i++) kinds.set(i, lineKind(article.paragraphs[i]!.text, cues[i]!));
  return kinds;
}

/**
 * A navigation line of two to four words whose section word is not the whole line, standing
 * between bare names (or ending a list of them): a sponsor's name such as «شهر خبر». A line
 * that is only the word («تبلیغات», «اخبار») stays navigation wherever it stands.
 */
function isListedName(kinds: ReadonlyMap<number, LineKind>, cues: readonly Cued[], i: number): boolean {
  const kind = kinds.get(i);
  if (kind?.kind !== 'navigation' || wordCount(cues[i]!) < 2 || wordCount(cues[i]!) > 4) return false;
  const isName = (j: number) => kinds.get(j)?.kind === 'name';
  return isName(i - 1) && (isName(i + 1) || (!kinds.has(i + 1) && isName(i - 2)));
}

/**
 * Whether the lead (the first paragraph of a sentence's length after the title and its copies)
 * attributes the title's words to someone: after an attribution or a verb of saying, it repeats
 * at least 60% of the title's words. Returns that phrase, or null.
 */
function headlineEchoOf(cues: readonly Cued[], isTitleCopy: (i: number) => boolean): string | null {
  const title = cues[0];
  if (!title || wordCount(title) < 3) return null;
  let lead = 1;
  while (lead < cues.length && (isTitleCopy(lead) || wordCount(cues[lead]!) < SENTENCE_WORDS) && lead <= TITLE_COPY_WITHIN + 1) lead++;
  const c = cues[lead];
  if (!c) return null;
  const phrase = findPhrase(c, ATTRIBUTIONS) ?? findPhrase(c, SAYING_VERBS);
  if (!phrase) return null;
  const words = phrase.split(' ');
  const at = c.tokens.findIndex((_, k) => words.every((w, j) => c.tokens[k + j] === w));
  if (at < 0) return null;
  const after = new Set(c.tokens.slice(at + words.length, at + words.length + 3 * title.tokens.length));
  const echoed = title.tokens.filter((t) => after.has(t)).length;
  return echoed / title.tokens.length >= ECHO_SHARE ? phrase : null;
}
