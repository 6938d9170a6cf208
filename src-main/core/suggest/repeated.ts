/**
 * The boilerplate suggester, "repeated across the workspace": end markers; lines that recur in
 * many articles (repetition.ts); and, after the end marker, short lines that read like the site's
 * navigation. Scores are evidence strengths (types.ts): 0.5 and above is offered by default.
 */
import type { ParagraphContext } from './context';
import { LISTED_NAME, lineKind } from './line-kind';
import type { SuggestionReason } from './reasons';
import type { Suggestion } from './types';

const SUGGESTER = 'repeated';
const LABEL = 'boilerplate';

const make = (score: number, reason: SuggestionReason): Suggestion => ({ label: LABEL, score, suggester: SUGGESTER, reason });

export function suggestBoilerplate(p: ParagraphContext, title: string): Suggestion | null {
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
    if (p.short) return make(0.8, { code: 'repeated-short', ...recurs });
    return make(0.4, { code: 'repeated-in-story', ...recurs });
  }
  if (p.inFooter && kind.kind === 'navigation') {
    return make(p.footerByMarker ? 0.75 : 0.6, { code: 'navigation', place, word: kind.word });
  }
  return null;
}
