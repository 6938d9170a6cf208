import { describe, expect, it } from 'vitest';
import { paceOf, summariseLayer, teamProgress, type ProgressLayer } from '../../../../src-main/core/team/progress';

const t0 = Date.parse('2026-12-01T09:00:00Z');
const minute = 60_000;

describe('paceOf', () => {
  it('leaves out a pause longer than 10 minutes: 60 decisions a minute apart, an hour away, 60 more', () => {
    const times = [...Array.from({ length: 60 }, (_, i) => t0 + i * minute), ...Array.from({ length: 60 }, (_, i) => t0 + 3 * 3600_000 + i * minute)];
    const pace = paceOf(times);
    // 59 timed decisions per 59-minute stretch: 60 an hour, not 120 over three hours.
    expect(pace.perHour).toBe(60);
    expect(pace.activeMs).toBe(118 * minute);
  });

  it('counts a 10-minute gap as work and an 11-minute one as a pause', () => {
    expect(paceOf([t0, t0 + 10 * minute]).activeMs).toBe(10 * minute);
    expect(paceOf([t0, t0 + 11 * minute]).activeMs).toBe(0);
  });

  it('gives no pace before a minute of timed work', () => {
    expect(paceOf([t0]).perHour).toBeNull();
    expect(paceOf([t0, t0 + 30_000]).perHour).toBeNull();
  });
});

function layer(status: 'in_progress' | 'done', decisions: Record<string, { labels: string[]; at: number; via?: string }>): ProgressLayer {
  return { status, paragraphs: Object.fromEntries(Object.entries(decisions).map(([id, d]) => [id, { labels: d.labels, updated_at: new Date(d.at).toISOString(), ...(d.via ? { via: d.via } : {}) }])) };
}

describe('teamProgress', () => {
  it('counts done, in progress, not started, decisions per day and agreement on the shared article', () => {
    const layers: Record<string, ProgressLayer> = {
      'sara/a': layer('done', { p1: { labels: ['quote'], at: t0 }, p2: { labels: ['claim'], at: t0 + minute }, p3: { labels: [], at: t0 + 2 * minute, via: 'done' } }),
      'sara/b': layer('in_progress', { p4: { labels: ['ad'], at: t0 + 86_400_000 } }),
      'omid/a': layer('in_progress', { p1: { labels: ['quote'], at: t0 }, p2: { labels: ['quote'], at: t0 + minute } }),
    };
    const progress = teamProgress({
      articles: ['a', 'b', 'c', 'd'],
      assignments: { sara: [{ article: 'a', queue: 1, overlap: true }, { article: 'b', queue: 2, overlap: false }, { article: 'c', queue: 3, overlap: false }], omid: [{ article: 'a', queue: 1, overlap: true }] },
      layer: (who, article) => {
        const found = layers[`${who}/${article}`];
        return found && summariseLayer(found, article === 'a');
      },
      labels: ['quote', 'claim', 'ad'],
    });
    const sara = progress.annotators.find((a) => a.annotator === 'sara')!;
    expect(sara).toMatchObject({ assigned: 3, done: 1, in_progress: 1, not_started: 1, paragraphs_decided: 4, next: 'b', last_active: new Date(t0 + 86_400_000).toISOString() });
    expect(sara.overlap).toMatchObject({ articles: 1, paragraphs: 2, percent_agreement: 0.5 });
    // omid has p1 and p2 (agreeing on p1 only); sara's p3 is hers alone.
    expect(progress.overlap.paragraphs).toBe(2);
    expect(progress.unassigned).toBe(1);
    // "Mark done"'s fill is a decision but no work to time or chart.
    expect(progress.per_day).toEqual([
      { day: '2026-12-01', counts: { sara: 2, omid: 2 } },
      { day: '2026-12-02', counts: { sara: 1 } },
    ]);
  });
});
