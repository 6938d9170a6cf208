import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../src-main/cli/pilcrow';
import { segmentArticle } from '../../../src-main/core/article';
import { annotationFilePath } from '../../../src-main/node/annotations/paths';
import type { AnnotationFile } from '../../../src-main/node/annotations/schema';
import { sampleCopy } from '../node/temp';

const ARTICLE = 'fa/water-tehran.txt';
const at = '2026-11-27T10:00:00.000Z';

async function paragraphIds(workspace: string): Promise<string[]> {
  return segmentArticle(await readFile(join(workspace, ARTICLE), 'utf8'), 'txt').paragraphs.map((p) => p.id);
}

/** Writes an annotator's layer file directly, in the documented on-disk format. */
async function layer(workspace: string, annotator: string, decisions: (string[] | null)[], status: 'in_progress' | 'done' = 'in_progress') {
  const ids = await paragraphIds(workspace);
  const file: AnnotationFile = { version: 1, article: ARTICLE, annotator, updated_at: at, status, paragraphs: {}, orphans: [] };
  decisions.forEach((labels, index) => {
    if (labels) file.paragraphs[ids[index]!] = { index, labels, updated_at: at };
  });
  const path = annotationFilePath(workspace, annotator, ARTICLE);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, JSON.stringify(file));
}

async function agreement(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(['agreement', ...argv], { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('pilcrow agreement', () => {
  it("computes Cohen's kappa 2/3 for a hand-checked pair: 3 of 4 agree, marginals 1/1/1/1 vs 1/1/2/0", async () => {
    const { workspace } = await sampleCopy();
    await layer(workspace, 'sara', [['quote'], ['claim'], [], ['ad']]);
    await layer(workspace, 'omid', [['quote'], ['claim'], [], []]);
    const { code, out } = await agreement(workspace, '--json');
    expect(code).toBe(0);
    const report = JSON.parse(out);
    expect(report).toMatchObject({ annotators: ['omid', 'sara'], items: 4, percent_agreement: 0.75 });
    expect(report.pairwise).toHaveLength(1);
    expect(report.pairwise[0].cohen_kappa).toBeCloseTo(2 / 3, 10);
  });

  it('prints every figure of the documented shape for three annotators, nulls with reasons', async () => {
    const { workspace } = await sampleCopy();
    await layer(workspace, 'sara', [['quote'], ['claim'], ['boilerplate'], ['ad'], ['quote', 'claim']]);
    await layer(workspace, 'omid', [['quote'], ['claim'], ['boilerplate'], [], ['quote']]);
    await layer(workspace, 'neda', [['quote'], ['claim'], ['ad'], ['ad'], ['quote', 'claim']]);
    const report = JSON.parse((await agreement(workspace, '--json')).out);
    expect(Object.keys(report)).toEqual(expect.arrayContaining(['annotators', 'items', 'percent_agreement', 'krippendorff_alpha', 'fleiss_kappa', 'pairwise', 'per_label']));
    expect(report.annotators).toEqual(['neda', 'omid', 'sara']);
    expect(report.items).toBe(5);
    expect(report.pairwise.map((p: { a: string; b: string }) => `${p.a}-${p.b}`)).toEqual(['neda-omid', 'neda-sara', 'omid-sara']);
    expect(Object.keys(report.per_label)).toEqual(['quote', 'claim', 'boilerplate', 'ad']);
    // "quote" is present for some paragraphs and absent for others, so its alpha is defined.
    expect(typeof report.per_label.quote.krippendorff_alpha).toBe('number');
    for (const value of [report.percent_agreement, report.krippendorff_alpha, report.fleiss_kappa]) expect(Number.isFinite(value)).toBe(true);
  });

  it('counts untouched paragraphs of an article marked done as "none"', async () => {
    const { workspace } = await sampleCopy();
    await layer(workspace, 'sara', [['quote']], 'done');
    await layer(workspace, 'omid', [['quote'], [], []]);
    const report = JSON.parse((await agreement(workspace, '--json')).out);
    expect(report.items).toBe(3);
    expect(report.percent_agreement).toBe(1);
    expect(report.krippendorff_alpha).toBe(1);
  });

  it('restricts to --annotators and explains unknown or too few annotators in one line', async () => {
    const { workspace } = await sampleCopy();
    await layer(workspace, 'sara', [['quote']]);
    await layer(workspace, 'omid', [['quote']]);
    await layer(workspace, 'neda', [['claim']]);
    expect(JSON.parse((await agreement(workspace, '--annotators', 'sara,omid', '--json')).out).annotators).toEqual(['sara', 'omid']);
    const unknown = await agreement(workspace, '--annotators', 'sara,zed');
    expect(unknown.code).toBe(1);
    expect(unknown.err).toMatch(/^pilcrow: no layer for annotator\(s\) zed in .*; annotators here: neda, omid, sara$/);
    expect((await agreement(workspace, '--annotators', 'sara')).err).toMatch(/needs at least two annotators/);
  });

  it('adds precision, recall and F1 against the gold layer when one exists', async () => {
    const { workspace } = await sampleCopy();
    await layer(workspace, 'sara', [['quote'], ['claim'], []]);
    await layer(workspace, 'omid', [['quote'], [], ['claim']]);
    await layer(workspace, 'gold', [['quote'], ['claim'], []]);
    const report = JSON.parse((await agreement(workspace, '--json')).out);
    expect(report.annotators).toEqual(['omid', 'sara']);
    const omid = report.gold.find((g: { annotator: string }) => g.annotator === 'omid');
    expect(omid.per_label.claim).toMatchObject({ tp: 0, fp: 1, fn: 1 });
    expect(report.gold.find((g: { annotator: string }) => g.annotator === 'sara').micro.f1).toBe(1);
  });

  it('prints a readable table without --json', async () => {
    const { workspace } = await sampleCopy();
    await layer(workspace, 'sara', [['quote'], ['claim']]);
    await layer(workspace, 'omid', [['quote'], ['claim']]);
    const { out } = await agreement(workspace);
    expect(out).toContain('omid, sara: 2 paragraphs decided by two or more');
    expect(out).toMatch(/percent agreement\s+1\.000/);
  });
});
