/**
 * The page-structure suggester, for saved web pages: every paragraph outside the article's main
 * text (core/page/main-text.ts) is offered as boilerplate, or as an ad when the page marks its
 * block as one, with the evidence in the reason: where it stands (before the article's first
 * paragraph, after its last, or cut out of it) and what the page says (its navigation, header,
 * footer, a sidebar, a form; a class word such as "share"; a list of links). Scores are evidence
 * strengths (types.ts): outside the main text 0.7, cut out of it 0.6; a named region +0.15, a
 * class word +0.1, a list of links +0.1, at most 0.95. Ads: 0.8 outside, 0.7 cut out.
 * A short stretch cut out between two of the article's paragraphs on one weak clue or none is
 * offered under the threshold (0.45): see BRIEF_CUT.
 */
import { isShareWord } from '../page/class-words';
import type { PageEvidence } from '../page/types';
import type { PageClues, SuggestionReason } from './reasons';
import type { Suggestion } from './types';

const SUGGESTER = 'page-structure';

/** A line counts as a list of links when at least half its words are in links. */
export function isLinkList(e: Pick<PageEvidence, 'words' | 'links'>): boolean {
  return e.words > 0 && e.links * 2 >= e.words;
}

function cluesOf(e: PageEvidence): PageClues {
  const clues: PageClues = {};
  if (e.region && e.tag) {
    clues.region = e.region;
    clues.tag = e.tag;
  }
  if (e.word) clues.word = e.word;
  if (isLinkList(e)) {
    clues.links = e.links;
    clues.words = e.words;
  }
  return clues;
}

/**
 * The most paragraphs a stretch cut out between two of the article's paragraphs may hold to be
 * read as the article's own when nothing but a class word says otherwise. One or two lines there
 * (a photo's caption, a subhead, a pull quote, a dateline under the byline) are as often the
 * story's as the page's, and a class word alone ("widget", "newsletter") is weak: wrapping such
 * a line as boilerplate would fold it away with the furniture. A named region, an ad, a share bar
 * or a line of links is evidence enough, and so is a longer stretch (a player's controls, a list
 * of teasers).
 */
const BRIEF_CUT = 2;
const BRIEF_CUT_SCORE = 0.45;

function isBriefCut(e: PageEvidence, clues: PageClues): boolean {
  return e.place === 'inside' && (e.cutRun ?? Infinity) <= BRIEF_CUT && !clues.region && clues.links === undefined && !(clues.word && isShareWord(clues.word));
}

export function suggestFromPage(e: PageEvidence | undefined): Suggestion | null {
  if (!e || e.place === 'main') return null;
  const place = e.place;
  const clues = cluesOf(e);
  const outside = place !== 'inside';
  if (e.ad) {
    const reason: SuggestionReason = { code: 'page-ad', place, ad: e.ad, ...clues };
    return { label: 'ad', score: outside ? 0.8 : 0.7, suggester: SUGGESTER, reason };
  }
  if (isBriefCut(e, clues)) return { label: 'boilerplate', score: BRIEF_CUT_SCORE, suggester: SUGGESTER, reason: { code: 'page-outside', place, ...clues } };
  let score = outside ? 0.7 : 0.6;
  if (clues.region) score += 0.15;
  if (clues.word) score += 0.1;
  if (clues.links !== undefined) score += 0.1;
  return { label: 'boilerplate', score: Math.min(0.95, Math.round(score * 100) / 100), suggester: SUGGESTER, reason: { code: 'page-outside', place, ...clues } };
}
