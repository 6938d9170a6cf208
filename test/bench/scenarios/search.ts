/**
 * 6. A Persian-aware search over every paragraph of the workspace, against a plain
 * `String.includes` scan of the same texts (which would miss the variant spellings): the
 * `search.query` handler, its first query and later ones. The workspace is as the app holds it
 * once opened (shared-data.ts): the background reading after the list built every paragraph's
 * key (app/list-counts.ts; its time is an `open` figure), so the first query scans keys too.
 * (Core `searchMatches`, which recomputes keys per call, is no longer timed: no app path uses it.)
 * Queries are rare phrases, so no search stops early at the hit limit: each scans everything.
 */
import { dispatch } from '../../../src-main/node/app/dispatch';
import { compare, timed, timeFigure } from '../stats';
import type { Scenario } from '../types';

/** Typed the way an editor types them; the text has other spellings of each. */
const QUERIES = [
  'رئیس جمهور گفت', // the text writes رئیس‌جمهور with ZWNJ
  'کشور بودجه', // legacy spelling in the text: كشور with Arabic kaf
  'دانش آموزان مدرسه',
  'رقم 12', // ASCII digits; the text has Persian ones (این رقم ۱۲…)
];

export const search: Scenario = {
  id: 'search',
  title: 'Persian-aware search over the whole workspace',
  async run(ctx) {
    const { articles, table } = await ctx.loaded();
    const texts = articles.flatMap((a) => a.paragraphs.map((p) => p.text));
    const hits = new Map<string, number>();
    let m = 0;
    let b = 0;
    const includesScan = async () => {
      const q = QUERIES[b++ % QUERIES.length] ?? '';
      let n = 0;
      for (const t of texts) if (t.includes(q)) n++;
      hits.set(`includes ${q}`, n);
    };
    const query = async (q: string) => {
      const envelope = await dispatch(table, 'search.query', { query: q, limit: 1000 });
      if (!envelope.ok) throw new Error(`search.query failed: ${envelope.error.message}`);
      hits.set(`search.query ${q}`, (envelope.result as { hits: unknown[] }).hits.length);
    };
    const cold = await timed(() => query(QUERIES[0] ?? ''));
    const runs = ctx.runs({ small: 1, full: 2 }) * QUERIES.length;
    const handler = await compare(runs, () => query(QUERIES[m++ % QUERIES.length] ?? ''), includesScan);
    ctx.log(`  ${texts.length} paragraphs; hits: ${[...hits].map(([q, n]) => `${q}: ${n}`).join(', ')}`);
    const note = 'baseline: String.includes over the same texts';
    return [
      timeFigure('search.query, first query after opening (keys built in the background)', [cold], handler.baseline, { ms: 200 }, { note }),
      timeFigure(`search.query, later queries (${texts.length} paragraphs)`, handler.measured, handler.baseline, { ms: 200 }, { note }),
    ];
  },
};
