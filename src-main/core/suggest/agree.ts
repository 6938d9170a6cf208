/**
 * One ghost per label: when the learned model and another suggester (a rule, an imported model)
 * offer the same label on a paragraph, the editor sees it once, with the higher score, and a
 * reason that gives both ("… Also learned (0.97): learned from 312 of the team's labels …").
 * A learned ghost no other suggester backs is shown only once its label was learned from
 * `LONE_LEARNED_MIN_EXAMPLES` positives. Applied to what editors see (the app, `pilcrow
 * suggest`), never to what is measured: each suggester keeps its own figures in `suggest-eval`.
 */
import type { Suggestion } from './types';

const LEARNED = 'learned';

/**
 * Positives a label's model must have learned from before its ghosts stand on their own: twice
 * the least it is trained from (core/learn/model.ts MIN_DECIDED). Below it, its held-out
 * calibration rests on a handful of articles, and on the sample workspace (4 articles learned
 * from, 20–29 claims) a third of its lone claim ghosts between 0.69 and 0.82 were wrong on the
 * next article: each costs the editor a key to take back, more than the keys the right ones save
 * (docs/suggestions.md, "Keystrokes"). A young model still backs the rules it agrees with.
 */
export const LONE_LEARNED_MIN_EXAMPLES = 40;

const lone = (s: Suggestion) => s.suggester === LEARNED && s.reason.code === 'learned' && s.reason.examples < LONE_LEARNED_MIN_EXAMPLES;

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
  return out.filter((s) => !lone(s)).sort((a, b) => b.score - a.score);
}

/** `mergeAgreeing` over every paragraph of an article's suggestions. */
export function mergeAgreeingIn(byParagraph: Readonly<Record<string, Suggestion[]>>): Record<string, Suggestion[]> {
  return Object.fromEntries(Object.entries(byParagraph).map(([id, list]) => [id, mergeAgreeing(list)]));
}
