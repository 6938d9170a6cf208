/**
 * The figures docs/suggestions.md reports, recomputed: each table in the doc between
 * `<!-- eval:NAME -->` markers must equal what the suggesters score now against the hand
 * labels (`reference`), so the doc cannot drift from the code.
 */
import { cp, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateWorkspace, type WorkspaceEvaluation } from '../../../../src-main/node/suggest/evaluate-workspace';
import { suggestWorkspace } from '../../../../src-main/node/suggest/suggest-workspace';
import { Workspace } from '../../../../src-main/node/workspace/workspace';
import { sampleCopy } from '../temp';
import { hasSeedArticle, SEED_ARTICLE } from '../../../support/seed-article';
import { runLearnJob } from '../../../../src-main/node/learn/jobs';
import { defaultSuggestSettings } from '../../../../src-main/core/suggest/types';
import { learnedTable } from '../../../bench/learned-table';

const DOC = resolve(import.meta.dirname, '../../../../docs/suggestions.md');
const SEED = SEED_ARTICLE;
const SEED_REFERENCE = resolve(import.meta.dirname, '../../../fixtures/suggest/reference');
const SEED_PATH = 'fa/seed-news-fa.txt';

const f = (v: number | null) => (v === null ? '—' : v.toFixed(3));

function table(r: WorkspaceEvaluation): string {
  const rows = ['| suggester | label | precision | recall | F1 | tp / fp / fn |', '|---|---|---|---|---|---|'];
  for (const [suggester, perLabel] of Object.entries(r.suggesters)) {
    for (const [label, s] of Object.entries(perLabel)) rows.push(`| ${suggester} | ${label} | ${f(s.precision)} | ${f(s.recall)} | ${f(s.f1)} | ${s.tp} / ${s.fp} / ${s.fn} |`);
  }
  return [`${r.items} paragraphs in ${r.articles} article${r.articles === 1 ? '' : 's'}, thresholds ${Object.values(r.thresholds).join(' / ')} (quote / claim / boilerplate / ad).`, '', ...rows].join('\n');
}

async function docBlock(name: string): Promise<string> {
  const doc = await readFile(DOC, 'utf8');
  const found = new RegExp(`<!-- eval:${name} -->\\n([\\s\\S]*?)\\n<!-- /eval:${name} -->`).exec(doc);
  if (!found) throw new Error(`docs/suggestions.md has no <!-- eval:${name} --> block`);
  return found[1]!.trim();
}

/** The sample with its reference layer, plus the real seed article (beside the project) and our hand labels for it (a test fixture). */
async function sampleWithSeed(): Promise<string> {
  const { workspace } = await sampleCopy({ reference: true });
  await cp(SEED, join(workspace, SEED_PATH));
  await cp(SEED_REFERENCE, join(workspace, '.pilcrow', 'annotations', 'reference'), { recursive: true });
  return workspace;
}

describe('suggestions measured against the hand-labelled reference', () => {
  it('on the bundled sample: the figures in docs/suggestions.md, and boilerplate meets P ≥ 0.9 at R ≥ 0.7', async () => {
    const { workspace } = await sampleCopy({ reference: true });
    const report = await evaluateWorkspace(await Workspace.open(workspace), 'reference');
    expect(report.items).toBe(73);
    expect(table(report)).toBe(await docBlock('sample'));
    const boilerplate = report.suggesters.repeated!.boilerplate!;
    expect(boilerplate.precision).toBeGreaterThanOrEqual(0.9);
    expect(boilerplate.recall).toBeGreaterThanOrEqual(0.7);
  });

  it.skipIf(!hasSeedArticle)('on the sample plus the real seed article, and on the seed article alone: the figures in docs/suggestions.md', async () => {
    const ws = await Workspace.open(await sampleWithSeed());
    const all = await evaluateWorkspace(ws, 'reference');
    expect(all.items).toBe(100);
    expect(table(all)).toBe(await docBlock('sample-and-seed'));
    const seedOnly = await evaluateWorkspace(ws, 'reference', { articles: [SEED_PATH] });
    expect(seedOnly.items).toBe(27);
    expect(table(seedOnly)).toBe(await docBlock('seed'));
  });

  it('explains each true boilerplate suggestion on the sample by one cue: the counts in docs/suggestions.md', async () => {
    const { workspace } = await sampleCopy({ reference: true });
    const ws = await Workspace.open(workspace);
    const result = await suggestWorkspace(ws);
    const counts = { marker: 0, recurring: 0, navigation: 0, title: 0 };
    for (const shown of result.byArticle.values()) {
      for (const s of Object.values(shown).flat()) {
        if (s.suggester !== 'repeated') continue;
        if (s.reason.code === 'end-marker') counts.marker += 1;
        else if (s.reason.code.startsWith('repeated-')) counts.recurring += 1;
        else if (s.reason.code === 'title-repeated') counts.title += 1;
        else counts.navigation += 1;
      }
    }
    expect(`end markers ${counts.marker}, recurring lines ${counts.recurring}, navigation words after the marker ${counts.navigation}, titles printed twice ${counts.title}`).toBe(await docBlock('cues'));
  });

  it('cross-validates the learned suggester on the sample by article: the figures in docs/suggestions.md (npm run eval:learned writes them)', async () => {
    const { workspace } = await sampleCopy({ reference: true });
    const result = await runLearnJob({ kind: 'evaluate', root: workspace, labels: ['quote', 'claim', 'boilerplate', 'ad'], against: 'reference', folds: 5, seed: 1, settings: defaultSuggestSettings() });
    if (result.kind !== 'evaluate') throw new Error('not an evaluation');
    expect(learnedTable(result.report)).toBe(await learnedBlock('sample'));
  });
});

async function learnedBlock(name: string): Promise<string> {
  const doc = await readFile(DOC, 'utf8');
  const found = new RegExp(`<!-- learned:${name} -->\\n([\\s\\S]*?)\\n<!-- /learned:${name} -->`).exec(doc);
  if (!found) throw new Error(`docs/suggestions.md has no <!-- learned:${name} --> block`);
  return found[1]!;
}
