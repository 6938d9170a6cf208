/**
 * The page-structure suggester, for saved web pages: every paragraph outside the article's main
 * text (core/page/main-text.ts) is offered as boilerplate, or as an ad when the page marks its
 * block as one, with the evidence in the reason: where it stands (before the article's first
 * paragraph, after its last, or cut out of it) and what the page says (its navigation, header,
 * footer, a sidebar, a form; a class word such as "share"; a list of links). Scores are evidence
 * strengths (types.ts): outside the main text 0.7, cut out of it 0.6; a named region +0.15, a
 * class word +0.1, a list of links +0.1, at most 0.95. Ads: 0.8 outside, 0.7 cut out.
 */
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

export function suggestFromPage(e: PageEvidence | undefined): Suggestion | null {
  if (!e || e.place === 'main') return null;
  const place = e.place;
  const clues = cluesOf(e);
  const outside = place !== 'inside';
  if (e.ad) {
    const reason: SuggestionReason = { code: 'page-ad', place, ad: e.ad, ...clues };
    return { label: 'ad', score: outside ? 0.8 : 0.7, suggester: SUGGESTER, reason };
  }
  let score = outside ? 0.7 : 0.6;
  if (clues.region) score += 0.15;
  if (clues.word) score += 0.1;
  if (clues.links !== undefined) score += 0.1;
  return { label: 'boilerplate', score: Math.min(0.95, Math.round(score * 100) / 100), suggester: SUGGESTER, reason: { code: 'page-outside', place, ...clues } };
}
