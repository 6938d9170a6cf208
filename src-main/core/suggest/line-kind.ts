/**
 * What a short line around a story is: paid content, a link to the site's own sections, a kind of
 * business, a link, a bare name, or a sentence. The boilerplate and ad suggesters share this, so
 * a footer line is never offered as both: navigation is boilerplate, businesses are ads.
 */
import { findPhrase, hasLink, startsWithPhrase, wordCount, endsLikeSentence, type Cued } from './cues';
import { COMMERCIAL_WORDS, NAVIGATION_PREFIXES, NAVIGATION_WORDS, SPONSOR_PREFIXES } from './site-words';

export type LineKind =
  | { kind: 'sponsor'; word: string }
  | { kind: 'navigation'; word: string }
  | { kind: 'commercial'; word: string }
  | { kind: 'link' }
  | { kind: 'name' }
  | { kind: 'sentence' };

/** What a sponsor's name in a list of them is, whatever its words (context.ts `listedName`). */
export const LISTED_NAME: LineKind = { kind: 'name' };

/** Sponsor lists print bare names: a business name rarely runs past four words. */
const NAME_WORDS = 4;

/** «تبلیغات: خرید اقساطی» labels a paid line; «تبلیغات» alone is the site's "advertise" link. */
export function sponsorPrefix(c: Cued): string | null {
  const sponsor = startsWithPhrase(c, SPONSOR_PREFIXES);
  return sponsor && wordCount(c) > sponsor.split(' ').length ? sponsor : null;
}

/** Explicit labels first ("Sponsored:", "Related:"), then words; a business word outranks a section word. */
export function lineKind(text: string, c: Cued): LineKind {
  const sponsor = sponsorPrefix(c);
  if (sponsor) return { kind: 'sponsor', word: sponsor };
  const related = startsWithPhrase(c, NAVIGATION_PREFIXES);
  if (related) return { kind: 'navigation', word: related };
  const commercial = findPhrase(c, COMMERCIAL_WORDS);
  if (commercial) return { kind: 'commercial', word: commercial };
  const navigation = findPhrase(c, NAVIGATION_WORDS);
  if (navigation) return { kind: 'navigation', word: navigation };
  if (hasLink(c)) return { kind: 'link' };
  if (wordCount(c) > 0 && wordCount(c) <= NAME_WORDS && !endsLikeSentence(text)) return { kind: 'name' };
  return { kind: 'sentence' };
}
