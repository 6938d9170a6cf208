/**
 * The boilerplate suggester, "repeated across the workspace": end markers; lines that recur in
 * many articles (repetition.ts); and, after the end marker, short lines that read like the site's
 * navigation. Scores are evidence strengths (types.ts): 0.5 and above is offered by default.
 */
import type { PageEvidence } from '../page/types';
import type { ParagraphContext } from './context';
import { LISTED_NAME, lineKind } from './line-kind';
import type { SuggestionReason } from './reasons';
import type { Suggestion } from './types';

const SUGGESTER = 'repeated';
const LABEL = 'boilerplate';

const make = (score: number, reason: SuggestionReason): Suggestion => ({ label: LABEL, score, suggester: SUGGESTER, reason });

/**
 * The share of the workspace's articles a short line outside the footer must be in to be the
 * site's own line when it stands alone: short lines are few words, so in a large workspace a
 * common one («Photo», "Conclusion", a bare number) turns up in a few articles by chance, while a
 * site's standing line is in most of that site's articles.
 */
const STANDING_SHARE = 0.1;

/**
 * The share of the articles a short line must be in when a saved page's structure puts it in the
 * article's main text (core/page/main-text.ts): the page itself says it is the story's, so only
 * a line of most of the articles (a site's own placeholder, printed in every story) overrules
 * it. A common short line of a workspace of many sites ("Twitter", "Sports", a bare "2") recurs,
 * with a neighbour that recurs as commonly, in a few pages that share nothing else.
 */
const MAIN_TEXT_SHARE = 0.5;

/**
 * A recurring short line outside the footer is the site's template when it recurs with its
 * neighbours or in a tenth of the articles (in half of them, when a saved page puts it in its
 * article's text), and the story around it is not itself a copy.
 */
function standsInTemplate(p: ParagraphContext, page: PageEvidence | undefined): boolean {
  if (p.storyRecurs) return false;
  if (page?.place === 'main') return p.repeats >= p.articles * MAIN_TEXT_SHARE;
  return p.recurringNeighbour || p.repeats >= p.articles * STANDING_SHARE;
}

/** `page`: the paragraph's evidence on a saved page (core/page/types.ts), when it is one. */
export function suggestBoilerplate(p: ParagraphContext, title: string, page?: PageEvidence): Suggestion | null {
  if (p.isMarker) return make(0.95, { code: 'end-marker' });
  if (p.titleCopy) return make(0.9, { code: 'title-repeated' });
  if (!p.inFooter && (p.repeats < p.recurrence || p.index === 0)) return null;
  const kind = p.listedName ? LISTED_NAME : lineKind(p.text, p.cue);
  // Businesses and paid lines belong to the ad suggester, however often they repeat.
  if (kind.kind === 'sponsor' || kind.kind === 'commercial') return null;
  const place = p.footerByMarker ? 'after-marker' : 'closing-lines';
  const recurs = { repeats: p.repeats, articles: p.articles };
  if (p.repeats >= p.recurrence) {
    if (p.inFooter) {
      if (kind.kind === 'navigation') return make(0.95, { code: 'repeated-navigation', place, word: kind.word, ...recurs });
      // A bare name that recurs in footers is as often a standing sponsor as a site link.
      if (kind.kind === 'name') return make(0.45, { code: 'repeated-name', place, ...recurs });
      return make(0.8, { code: 'repeated-footer', place, ...recurs });
    }
    // The title of a story filed twice recurs too: it is the story, not the site.
    if (p.index === 0 || p.text === title) return null;
    if (p.short && standsInTemplate(p, page)) return make(0.8, { code: 'repeated-short', ...recurs });
    return make(0.4, { code: 'repeated-in-story', ...recurs });
  }
  if (p.inFooter && kind.kind === 'navigation') {
    return make(p.footerByMarker ? 0.75 : 0.6, { code: 'navigation', place, word: kind.word });
  }
  return null;
}
