/**
 * Rule scores made into precisions for one workspace (docs/suggestions.md): "a 0.9 ghost is right 9 times in
 * 10" on the paragraphs this team decided. A rule's score is an evidence strength set by hand
 * (types.ts); here each rule's score levels (0.95, 0.9, 0.75 …) are counted against the team's
 * decisions (learn/targets.ts: gold, else an agreed majority, else each editor weighted 1/k) and
 * replaced by the share of them that was right, kept monotone in the hand-set order by isotonic
 * regression (pool adjacent violators), because a stronger cue must never score below a weaker
 * one of the same rule.
 *
 * Few decisions must not swing a score: every level starts with PRIOR_WEIGHT pseudo-decisions
 * right at its hand-set score, so with nothing decided a score is the hand-set one, with four
 * decided it is halfway, and with forty it is the measured share. The learned suggester's scores
 * are probabilities already (learn/calibrate.ts) and are left as they are.
 */
import type { Target } from '../learn/targets';
import { BUILTIN_SUGGESTER_NAMES, type Suggestion } from './types';

/** How many decided paragraphs the hand-set score counts as. */
export const PRIOR_WEIGHT = 4;

/** One score level of one rule for one label, counted over decided paragraphs. */
export interface CalibrationCount {
  suggester: string;
  label: string;
  /** The rule's hand-set score. */
  raw: number;
  /** Decided paragraphs it was offered on (weighted: 1, or 1/k for one of k disagreeing editors). */
  decided: number;
  /** Of those, how many carry the label. */
  right: number;
}

const keyOf = (suggester: string, label: string, raw: number) => `${suggester}\u0000${label}\u0000${raw}`;

/** Whether a suggester's scores are hand-set (the built-in rules), so calibrated here. */
export function isRule(suggester: string): boolean {
  return (BUILTIN_SUGGESTER_NAMES as readonly string[]).includes(suggester);
}

/**
 * One article's counts: each rule suggestion (all of them, under the shown threshold too) on a
 * paragraph the team decided, against what they decided. `suggestions` by paragraph index.
 */
export function countArticle(suggestions: ReadonlyMap<number, readonly Suggestion[]>, targets: readonly Target[]): CalibrationCount[] {
  const counts = new Map<string, CalibrationCount>();
  for (const target of targets) {
    for (const s of suggestions.get(target.paragraph) ?? []) {
      if (!isRule(s.suggester)) continue;
      const key = keyOf(s.suggester, s.label, s.score);
      let count = counts.get(key);
      if (!count) counts.set(key, (count = { suggester: s.suggester, label: s.label, raw: s.score, decided: 0, right: 0 }));
      count.decided += target.weight;
      if (target.labels.includes(s.label)) count.right += target.weight;
    }
  }
  return [...counts.values()];
}

/** Counts of several articles added up (order does not matter). */
export function mergeCounts(parts: Iterable<readonly CalibrationCount[]>): CalibrationCount[] {
  const merged = new Map<string, CalibrationCount>();
  for (const part of parts) {
    for (const c of part) {
      const key = keyOf(c.suggester, c.label, c.raw);
      const seen = merged.get(key);
      if (seen) {
        seen.decided += c.decided;
        seen.right += c.right;
      } else merged.set(key, { ...c });
    }
  }
  return [...merged.values()];
}

interface Block {
  weight: number;
  rate: number;
  /** The raw scores pooled into this block. */
  raws: number[];
}

/** Weighted isotonic regression, non-decreasing, of levels sorted by raw score (pool adjacent violators). */
function isotonic(levels: readonly { raw: number; rate: number; weight: number }[]): Map<number, number> {
  const blocks: Block[] = [];
  for (const l of levels) {
    blocks.push({ weight: l.weight, rate: l.rate, raws: [l.raw] });
    while (blocks.length > 1 && blocks[blocks.length - 2]!.rate > blocks[blocks.length - 1]!.rate) {
      const b = blocks.pop()!;
      const a = blocks.pop()!;
      const weight = a.weight + b.weight;
      blocks.push({ weight, rate: (a.rate * a.weight + b.rate * b.weight) / weight, raws: [...a.raws, ...b.raws] });
    }
  }
  const out = new Map<number, number>();
  for (const b of blocks) for (const raw of b.raws) out.set(raw, b.rate);
  return out;
}

/** A workspace's calibration of the rules: calibrated scores, and what they were measured on. */
export class RuleCalibration {
  private readonly byRule = new Map<string, CalibrationCount[]>();
  private readonly memo = new Map<string, number>();
  /** Decided paragraphs the counts come from (weighted), for "measured on N". */
  readonly decided: number;

  constructor(readonly counts: readonly CalibrationCount[], decided: number) {
    this.decided = decided;
    for (const c of counts) {
      const rule = `${c.suggester}\u0000${c.label}`;
      this.byRule.set(rule, [...(this.byRule.get(rule) ?? []), c]);
    }
  }

  /** The score a rule's suggestion shows: its level's share right here, smoothed and monotone. */
  score(s: Pick<Suggestion, 'suggester' | 'label' | 'score'>): number {
    if (!isRule(s.suggester)) return s.score;
    const key = keyOf(s.suggester, s.label, s.score);
    const known = this.memo.get(key);
    if (known !== undefined) return known;
    const observed = this.byRule.get(`${s.suggester}\u0000${s.label}`) ?? [];
    const levels = observed.some((c) => c.raw === s.score) ? [...observed] : [...observed, { suggester: s.suggester, label: s.label, raw: s.score, decided: 0, right: 0 }];
    levels.sort((a, b) => a.raw - b.raw);
    const fitted = isotonic(levels.map((l) => ({ raw: l.raw, weight: l.decided + PRIOR_WEIGHT, rate: (l.right + PRIOR_WEIGHT * l.raw) / (l.decided + PRIOR_WEIGHT) })));
    for (const [raw, rate] of fitted) this.memo.set(keyOf(s.suggester, s.label, raw), round(rate));
    return this.memo.get(key) ?? s.score;
  }

  /** A suggestion with its calibrated score, and what it was measured on, when it has been measured. */
  apply(s: Suggestion): Suggestion {
    if (!isRule(s.suggester)) return s;
    const level = this.byRule.get(`${s.suggester}\u0000${s.label}`)?.find((c) => c.raw === s.score);
    if (!level) return s;
    return { ...s, score: this.score(s), calibration: { raw: s.score, decided: round(level.decided), right: round(level.right) } };
  }

  /**
   * Per label, what the rules' suggestions scoring at least each calibrated score were measured
   * at: for every calibrated score (highest first), the decided paragraphs offered the label at
   * that score or above and how many of them carry it. The accept-all offer reads it.
   */
  measured(): Record<string, MeasuredLevel[]> {
    const byLabel = new Map<string, { score: number; decided: number; right: number }[]>();
    for (const c of this.counts) {
      if (c.decided <= 0) continue;
      const list = byLabel.get(c.label) ?? [];
      list.push({ score: this.score({ suggester: c.suggester, label: c.label, score: c.raw }), decided: c.decided, right: c.right });
      byLabel.set(c.label, list);
    }
    const out: Record<string, MeasuredLevel[]> = {};
    for (const [label, list] of byLabel) {
      list.sort((a, b) => b.score - a.score);
      const levels: MeasuredLevel[] = [];
      let decided = 0;
      let right = 0;
      for (const l of list) {
        decided += l.decided;
        right += l.right;
        const last = levels[levels.length - 1];
        if (last && last.score === l.score) Object.assign(last, { decided: round(decided), right: round(right) });
        else levels.push({ score: l.score, decided: round(decided), right: round(right) });
      }
      out[label] = levels;
    }
    return out;
  }
}

/** Cumulative counts at a calibrated score: suggestions scoring this or more, on decided paragraphs. */
export interface MeasuredLevel {
  score: number;
  decided: number;
  right: number;
}

const round = (v: number) => Math.round(v * 1000) / 1000;

/** No decisions yet: every score as set by hand. */
export const UNCALIBRATED = new RuleCalibration([], 0);
