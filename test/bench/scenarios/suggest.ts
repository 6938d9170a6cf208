/**
 * 8. Suggestions for the whole workspace (issue 9: "the bench reports suggestion time for the
 * 10k-article workspace"): `suggestWorkspace` — every article's lines counted across the
 * workspace, the four built-in suggesters run on every paragraph, thresholds applied — against
 * a bare baseline in the same run: reading every article from the same cache and building each
 * paragraph's compact search key, the normalisation the repetition count needs anyway.
 * Articles are already read (ctx.loaded()), as in the app after the list has loaded.
 */
import { compactKey } from '../../../src-main/core/search-key';
import { defaultSuggestSettings } from '../../../src-main/core/suggest/types';
import { suggestionRows, suggestWorkspace } from '../../../src-main/node/suggest/suggest-workspace';
import { compare, timeFigure } from '../stats';
import type { Scenario } from '../types';

export const suggest: Scenario = {
  id: 'suggest',
  title: 'Suggestions for the whole workspace',
  async run(ctx) {
    const { workspace, session } = await ctx.loaded();
    const labels = session.labels.map((l) => l.name);
    let paragraphs = 0;
    let suggestions = 0;
    const keys = async () => {
      let n = 0;
      let length = 0;
      for (const entry of await workspace.entries()) {
        if (!entry.ok) continue;
        for (const p of entry.article.paragraphs) {
          length += compactKey(p.text).length;
          n++;
        }
      }
      paragraphs = n;
      if (length === 0) throw new Error('the bench workspace has no text');
    };
    const run = async () => {
      const result = await suggestWorkspace(workspace, { settings: defaultSuggestSettings(), labels });
      suggestions = suggestionRows(result).length;
    };
    const { measured, baseline } = await compare(ctx.runs({ small: 2, full: 3 }), run, keys);
    const perParagraph = measured.length && paragraphs ? (measured.reduce((a, b) => a + b, 0) / measured.length / paragraphs) * 1000 : 0;
    ctx.log(`  ${paragraphs} paragraphs, ${suggestions} suggestions at the default thresholds, ${perParagraph.toFixed(1)} µs a paragraph`);
    return [
      timeFigure(`suggestWorkspace (${paragraphs} paragraphs, ${suggestions} suggestions)`, measured, baseline, {}, { note: 'baseline: every article read from the cache and every paragraph\'s compact search key built' }),
    ];
  },
};
