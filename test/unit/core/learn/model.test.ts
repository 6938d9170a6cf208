import { describe, expect, it } from 'vitest';
import { buildDataset } from '../../../../src-main/core/learn/dataset';
import { evaluateLearned, foldPlan } from '../../../../src-main/core/learn/evaluate';
import { foldsOf, trainModel, MIN_DECIDED } from '../../../../src-main/core/learn/model';
import { defaultSuggestSettings } from '../../../../src-main/core/suggest/types';
import type { ArticleLayers } from '../../../../src-main/core/learn/targets';
import { article } from '../suggest/helpers';
import { LABELS, layerOf, siteInMemory, siteInput } from './helpers';

const SITE = siteInMemory(24);

describe('training the workspace model', () => {
  it('is deterministic given a seed: the same decisions and seed give the same weights, bit for bit; another seed does not', () => {
    const data = buildDataset(siteInput(SITE, 12));
    const a = trainModel(data, { seed: 7 });
    const b = trainModel(buildDataset(siteInput(SITE, 12)), { seed: 7 });
    const c = trainModel(data, { seed: 8 });
    expect(Buffer.from(a.weights.buffer).equals(Buffer.from(b.weights.buffer))).toBe(true);
    expect(a.labels.map((l) => l.platt)).toEqual(b.labels.map((l) => l.platt));
    expect(Buffer.from(a.weights.buffer).equals(Buffer.from(c.weights.buffer))).toBe(false);
  });

  it(`learns a label only from ${MIN_DECIDED} decided paragraphs with it and ${MIN_DECIDED} without, and says how many each has`, () => {
    const trained = trainModel(buildDataset(siteInput(SITE, 3)), { seed: 1 });
    const counts = Object.fromEntries([...trained.labels.map((l) => [l.name, l.positives]), ...trained.skipped.map((s) => [s.name, s.positives])]);
    for (const l of trained.labels) expect(l.positives).toBeGreaterThanOrEqual(MIN_DECIDED);
    for (const s of trained.skipped) expect(s.positives < MIN_DECIDED || s.negatives < MIN_DECIDED).toBe(true);
    expect(trained.skipped.map((s) => s.name)).toContain('ad');
    expect(Object.keys(counts).sort()).toEqual([...LABELS].sort());
  });

  it('learns nothing and calibrates nothing from a single article: held-out paragraphs need a second one', () => {
    const one = siteInMemory(1);
    const long = { ...one, articles: [article('one.txt', Array.from({ length: 60 }, (_, i) => (i % 2 ? `او گفت که کار ${i} تمام است` : `ساختمان شماره ${i} ساخته شد`)))] };
    const layers = new Map<string, ArticleLayers>([['one.txt', { gold: null, editors: [layerOf(long.articles[0]!, (i) => (i % 2 ? ['quote'] : []))] }]]);
    const trained = trainModel(buildDataset({ articles: long.articles, layers, labels: LABELS }), { seed: 1 });
    expect(trained.labels).toEqual([]);
    expect(trained.skipped.find((s) => s.name === 'quote')?.positives).toBe(30);
  });

  it('learns a rare label despite the imbalance (class-balanced): ads are a few percent of paragraphs', () => {
    const site = siteInMemory(40);
    const data = buildDataset(siteInput(site, 40));
    const ad = trainModel(data, { seed: 1 }).labels.find((l) => l.name === 'ad')!;
    expect(ad.positives / (ad.positives + ad.negatives)).toBeLessThan(0.1);
    expect(ad.heldOut.recall).toBeGreaterThan(0.8);
  });

  it('deals articles into folds by a seeded hash of their path: each in exactly one, the same for the same seed', () => {
    const paths = Array.from({ length: 23 }, (_, i) => `a/${i}.txt`);
    const folds = foldsOf(paths, 5, 3);
    expect(new Set(folds).size).toBe(5);
    for (let f = 0; f < 5; f++) expect(folds.filter((x) => x === f).length).toBeGreaterThanOrEqual(4);
    expect(Array.from(foldsOf(paths, 5, 3))).toEqual(Array.from(folds));
    expect(Array.from(foldsOf(paths, 5, 4))).not.toEqual(Array.from(folds));
  });
});

describe('cross-validation by article', () => {
  it('never learns from a paragraph of an article it is tested on: each scored article is tested once, and trained on in no fold that tests it', () => {
    const paths = Array.from({ length: 17 }, (_, i) => `a/${i}.txt`);
    const scored = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
    const plan = foldPlan(paths, scored, 5, 2);
    expect(plan).toHaveLength(5);
    expect(plan.flatMap((f) => f.test).sort((x, y) => x - y)).toEqual(scored);
    for (const { test, train } of plan) {
      expect(test.filter((a) => train.includes(a))).toEqual([]);
      // Articles decided only by other layers (13–16) train in every fold.
      expect([...test, ...train].sort((x, y) => x - y)).toEqual(paths.map((_, a) => a));
    }
  });

  it('reports the learned suggester beside the rules on the same paragraphs, and a learning curve that ends on every training article', () => {
    const site = siteInMemory(30);
    const input = siteInput(site, 30);
    const truth = new Map(site.articles.map((a) => [a.path, input.layers.get(a.path)!.editors[0]!] as const));
    const report = evaluateLearned(input, { against: 'editor', truth, folds: 3, seed: 1, settings: defaultSuggestSettings() });
    expect(report.folds).toBe(3);
    expect(report.articles).toBe(30);
    const total = (s: { tp: number; fn: number }) => s.tp + s.fn;
    for (const label of LABELS) expect(total(report.learned[label]!)).toBe(total(report.rules[label]!));
    expect(report.curve.map((p) => p.articles)).toEqual([5, 10, 20]);
    expect(report.curve.at(-1)!.all).toBe(true);
    expect(report.learned.boilerplate!.f1!).toBeGreaterThan(report.rules.boilerplate!.f1!);
  });
});
