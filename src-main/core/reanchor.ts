/**
 * Where a saved decision belongs after its article changed on disk (docs/formats.md, "When a
 * file changes"). Paragraph ids are hashes of the text, so:
 * - a paragraph whose text is unchanged keeps its id: its decision stays (`unchanged`), or
 *   follows it to another position (`moved`);
 * - an edited paragraph has a new id: its decision is matched by its stored selector to the
 *   most similar paragraph that no other decision holds (`reanchored`; the caller marks it
 *   "changed — re-check");
 * - a decision that matches nothing well enough is `orphaned`: kept and shown, never dropped.
 */
import type { TextAnchor } from './anchor';
import { searchKey } from './search-key';
import { profileOf, profileOfKey, profileSimilarity, type TextProfile } from './similarity';

/** Text similarity (0–1, see similarity.ts) a re-anchored paragraph needs. */
export const MATCH_THRESHOLD = 0.6;
/** …or this much, when the paragraphs before and after it are also where they were. */
export const MATCH_WITH_CONTEXT = 0.4;
const CONTEXT_AGREES = 0.7;

export interface AnchoredDecision {
  id: string;
  index: number;
  anchor?: TextAnchor;
}

export interface CurrentParagraph {
  id: string;
  index: number;
  anchor: TextAnchor;
}

export type Placement =
  | { kind: 'unchanged'; id: string; index: number }
  | { kind: 'moved'; id: string; from: number; index: number }
  | { kind: 'reanchored'; id: string; to: string; index: number; score: number }
  /** `best`: the most similar paragraph's likeness (0–1), null when no copy of the text was saved to compare; `needed`: the likeness a match needs. */
  | { kind: 'orphaned'; id: string; reason: string; best: number | null; needed: number };

interface Pair {
  decision: number;
  paragraph: CurrentParagraph;
  score: number;
}

/** Places every decision (in input order); earlier decisions win ties for the same id. */
export function reanchor(decisions: readonly AnchoredDecision[], paragraphs: readonly CurrentParagraph[]): Placement[] {
  const byId = new Map(paragraphs.map((p) => [p.id, p]));
  const claimed = new Set<string>();
  const placements: (Placement | undefined)[] = decisions.map((d) => {
    const here = byId.get(d.id);
    if (!here || claimed.has(d.id)) return undefined;
    claimed.add(d.id);
    return here.index === d.index ? { kind: 'unchanged', id: d.id, index: here.index } : { kind: 'moved', id: d.id, from: d.index, index: here.index };
  });

  const open = paragraphs.filter((p) => !claimed.has(p.id));
  const waiting = decisions.some((d, i) => !placements[i] && d.anchor);
  const candidates = waiting ? new CandidateIndex(open) : null;
  const pairs: Pair[] = [];
  const best = new Map<number, number>();
  decisions.forEach((d, i) => {
    if (placements[i] || !d.anchor || !candidates) return;
    const wanted = profileOf(d.anchor.exact);
    for (const c of candidates.near(d.anchor.exact, d.index)) {
      const paragraph = open[c]!;
      const score = profileSimilarity(wanted, candidates.profiles[c]!, MATCH_WITH_CONTEXT);
      best.set(i, Math.max(best.get(i) ?? 0, score));
      if (score >= MATCH_THRESHOLD || (score >= MATCH_WITH_CONTEXT && contextAgrees(d.anchor, paragraph.anchor))) {
        pairs.push({ decision: i, paragraph, score });
      }
    }
  });
  // Best matches first; among equals, the one nearest the decision's old position.
  pairs.sort((a, b) => b.score - a.score || distance(decisions, a) - distance(decisions, b));
  for (const pair of pairs) {
    if (placements[pair.decision] || claimed.has(pair.paragraph.id)) continue;
    claimed.add(pair.paragraph.id);
    const d = decisions[pair.decision]!;
    placements[pair.decision] = { kind: 'reanchored', id: d.id, to: pair.paragraph.id, index: pair.paragraph.index, score: pair.score };
  }

  return decisions.map((d, i) => placements[i] ?? { kind: 'orphaned', id: d.id, reason: orphanReason(d, best.get(i)), best: d.anchor ? (best.get(i) ?? 0) : null, needed: MATCH_THRESHOLD });
}

/** Paragraphs within this many positions of a decision's old place are always compared. */
const WINDOW = 30;
/** A decision is also compared with every paragraph sharing one of its rarest word pairs. */
const RARE_SHINGLES = 12;

/** Consecutive word pairs of the search key: far more telling than trigrams for finding candidates. */
function shingles(key: string): Set<string> {
  const words = key.split(' ').filter(Boolean);
  if (words.length < 2) return new Set(words);
  const out = new Set<string>();
  for (let i = 0; i + 1 < words.length; i++) out.add(`${words[i]} ${words[i + 1]}`);
  return out;
}

/**
 * Which paragraphs are worth comparing with a decision. Comparing every decision with every
 * paragraph took 17 s for 275 changed decisions in a 10,000-paragraph article. An edited
 * paragraph keeps most of its word pairs, so it shares one of the decision's rarest twelve;
 * one that moved far but barely changed does too, and one that stayed put is in the window.
 */
class CandidateIndex {
  readonly profiles: TextProfile[];
  private readonly postings = new Map<string, number[]>();
  private readonly byIndex: number[];

  constructor(private readonly open: readonly CurrentParagraph[]) {
    const keys = open.map((p) => searchKey(p.anchor.exact));
    this.profiles = keys.map(profileOfKey);
    keys.forEach((key, c) => {
      for (const shingle of shingles(key)) {
        const list = this.postings.get(shingle);
        if (list) list.push(c);
        else this.postings.set(shingle, [c]);
      }
    });
    this.byIndex = open.map((_, c) => c).sort((a, b) => open[a]!.index - open[b]!.index);
  }

  near(wantedText: string, index: number): Set<number> {
    const found = new Set<number>();
    const rare = [...shingles(searchKey(wantedText))]
      .map((shingle) => this.postings.get(shingle))
      .filter((list): list is number[] => !!list)
      .sort((a, b) => a.length - b.length)
      .slice(0, RARE_SHINGLES);
    for (const list of rare) for (const c of list) found.add(c);
    let lo = 0;
    let hi = this.byIndex.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.open[this.byIndex[mid]!]!.index < index - WINDOW) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < this.byIndex.length && this.open[this.byIndex[k]!]!.index <= index + WINDOW; k++) found.add(this.byIndex[k]!);
    return found;
  }
}

function distance(decisions: readonly AnchoredDecision[], pair: Pair): number {
  return Math.abs((decisions[pair.decision]?.index ?? 0) - pair.paragraph.index);
}

function contextAgrees(saved: TextAnchor, current: TextAnchor): boolean {
  const near = (a: string, b: string) => a.trim() !== '' && profileSimilarity(profileOf(a), profileOf(b)) >= CONTEXT_AGREES;
  return near(saved.prefix, current.prefix) && near(saved.suffix, current.suffix);
}

function orphanReason(decision: AnchoredDecision, bestScore: number | undefined): string {
  if (!decision.anchor) return 'its paragraph is gone from the file, and no copy of its text was saved to look for it';
  const percent = Math.round((bestScore ?? 0) * 100);
  return `its paragraph is gone from the file (the most similar paragraph now is ${percent}% alike; ${Math.round(MATCH_THRESHOLD * 100)}% is needed)`;
}
