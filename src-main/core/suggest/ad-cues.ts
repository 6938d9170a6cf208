/**
 * The ad suggester: lines marked as paid anywhere; in the footer, kinds of business, links and
 * bare names (news sites print their sponsors as a list of names, see
 * ../shared/fixtures/seed-news-fa.txt); elsewhere, short lines selling something with a link.
 */
import type { ParagraphContext } from './context';
import { findPhrase, hasLink, wordCount } from './cues';
import { LISTED_NAME, lineKind, sponsorPrefix } from './line-kind';
import { COMMERCIAL_WORDS } from './site-words';
import type { SuggestionReason } from './reasons';
import type { Suggestion } from './types';

const SUGGESTER = 'ad-cues';
const LABEL = 'ad';

const make = (score: number, reason: SuggestionReason): Suggestion => ({ label: LABEL, score, suggester: SUGGESTER, reason });

export function suggestAd(p: ParagraphContext): Suggestion | null {
  if (p.isMarker) return null;
  const sponsor = sponsorPrefix(p.cue);
  if (sponsor) return make(0.95, { code: 'paid', phrase: sponsor });
  if (p.inFooter) {
    const kind = p.listedName ? LISTED_NAME : lineKind(p.text, p.cue);
    const sure = p.footerByMarker ? 0 : 0.1;
    const place = p.footerByMarker ? 'after-marker' : 'closing-lines';
    if (kind.kind === 'commercial') return make(0.9 - sure, { code: 'footer-business', place, word: kind.word });
    if (kind.kind === 'link') return make(0.7 - sure, { code: 'footer-link', place });
    if (kind.kind === 'name') return make(0.6 - sure / 2, { code: 'footer-name', place });
    return null;
  }
  if (wordCount(p.cue) <= 12 && hasLink(p.cue)) {
    const selling = findPhrase(p.cue, COMMERCIAL_WORDS);
    if (selling) return make(0.7, { code: 'selling-link', phrase: selling });
  }
  return null;
}
