/**
 * The boilerplate suggester, "repeated across the workspace": end markers; lines that recur in
 * many articles (repetition.ts); and, after the end marker, short lines that read like the site's
 * navigation. Scores are evidence strengths (types.ts): 0.5 and above is offered by default.
 */
import type { ParagraphContext } from './context';
import { lineKind } from './line-kind';
import type { Suggestion } from './types';

const SUGGESTER = 'repeated';
const LABEL = 'boilerplate';

const make = (score: number, reason: string): Suggestion => ({ label: LABEL, score, suggester: SUGGESTER, reason });

export function suggestBoilerplate(p: ParagraphContext, title: string): Suggestion | null {
  if (p.isMarker) return make(0.95, 'An end-of-story marker: the site\'s text, not the story\'s.');
  if (!p.inFooter && (p.repeats < p.recurrence || p.index === 0)) return null;
  const kind = lineKind(p.text, p.cue);
  // Businesses and paid lines belong to the ad suggester, however often they repeat.
  if (kind.kind === 'sponsor' || kind.kind === 'commercial') return null;
  const where = p.footerByMarker ? 'after the end marker' : 'in the closing lines';
  const repeated = `The same line is in ${p.repeats} of ${p.articles} articles`;
  if (p.repeats >= p.recurrence) {
    if (p.inFooter) {
      if (kind.kind === 'navigation') return make(0.95, `${repeated}, ${where}, and reads like site navigation ("${kind.word}").`);
      // A bare name that recurs in footers is as often a standing sponsor as a site link.
      if (kind.kind === 'name') return make(0.45, `${repeated}, ${where}; but it reads like a name, which may be a sponsor.`);
      return make(0.8, `${repeated}, ${where}.`);
    }
    // The title of a story filed twice recurs too: it is the story, not the site.
    if (p.index === 0 || p.text === title) return null;
    if (p.short) return make(0.8, `${repeated}: a short standing line, such as navigation.`);
    return make(0.4, `${repeated}, but inside the story: perhaps the same story filed twice.`);
  }
  if (p.inFooter && kind.kind === 'navigation') {
    return make(p.footerByMarker ? 0.75 : 0.6, `A short line ${where} that reads like site navigation ("${kind.word}").`);
  }
  return null;
}
