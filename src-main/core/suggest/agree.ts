/**
 * One ghost per label: when the learned model and another suggester (a rule, an imported model)
 * offer the same label on a paragraph, the editor sees it once, with the higher score, and a
 * reason that gives both ("… Also learned (0.97): learned from 312 of the team's labels …").
 * Applied to what editors see (the app, `pilcrow suggest`), never to what is measured: each
 * suggester keeps its own figures in `suggest-eval`.
 */
import type { Suggestion } from './types';

const LEARNED = 'learned';

export function mergeAgreeing(suggestions: readonly Suggestion[]): Suggestion[] {
  const out: Suggestion[] = [];
  for (const s of suggestions) {
    const twin = out.findIndex((o) => o.label === s.label && (o.suggester === LEARNED) !== (s.suggester === LEARNED) && o.reason.code !== 'agreed');
    if (twin < 0) {
      out.push(s);
      continue;
    }
    const other = out[twin]!;
    const [first, second] = other.score >= s.score ? [other, s] : [s, other];
    out[twin] = { ...first, reason: { code: 'agreed', first: first.reason, other: { suggester: second.suggester, score: second.score, reason: second.reason } } };
  }
  return out.sort((a, b) => b.score - a.score);
}

/** `mergeAgreeing` over every paragraph of an article's suggestions. */
export function mergeAgreeingIn(byParagraph: Readonly<Record<string, Suggestion[]>>): Record<string, Suggestion[]> {
  return Object.fromEntries(Object.entries(byParagraph).map(([id, list]) => [id, mergeAgreeing(list)]));
}
