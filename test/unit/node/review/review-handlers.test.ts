import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { englishText } from '../../../../src-main/shared/messages';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { annotationFilePath } from '../../../../src-main/node/annotations/paths';
import type { AnnotationFile } from '../../../../src-main/node/annotations/schema';
import type { ReviewArticle, ReviewParagraph } from '../../../../src-main/shared/contract/review';
import type { AppState } from '../../../../src-main/shared/views';
import { openHandlerApp } from '../app/handler-app';
import { sampleCopy } from '../temp';

const ARTICLE = 'fa/school-semnan.txt';

async function setup() {
  const { workspace, userData } = await sampleCopy();
  const { call } = await openHandlerApp({ workspace, userData, annotator: 'reviewer' });
  const state = await call<AppState>('app.init');
  const articleId = state.workspace!.articles.find((a) => a.path === ARTICLE)!.id;
  const opened = await call<{ paragraphs: { id: string }[] }>('article.open', { articleId });
  const ids = opened.paragraphs.map((p) => p.id);
  const layer = async (annotator: string, decisions: (string[] | null)[]) => {
    const file: AnnotationFile = { version: 1, article: ARTICLE, annotator, updated_at: '2026-11-27T09:00:00.000Z', status: 'in_progress', paragraphs: {}, orphans: [] };
    decisions.forEach((labels, index) => labels && (file.paragraphs[ids[index]!] = { index, labels, updated_at: file.updated_at }));
    const path = annotationFilePath(workspace, annotator, ARTICLE);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, JSON.stringify(file));
  };
  return { workspace, call, articleId, ids, layer };
}

describe('review handlers', () => {
  it('shows each annotator side by side with agree, disagree and missing states and the majority', async () => {
    const { call, articleId, layer } = await setup();
    await layer('sara', [['claim'], ['quote'], ['ad']]);
    await layer('omid', [['claim'], ['claim'], ['ad']]);
    await layer('neda', [['claim'], ['quote'], null]);
    const review = await call<ReviewArticle>('review.article', { articleId, annotators: ['sara', 'omid', 'neda'] });
    expect(review.paragraphs.slice(0, 4).map((p) => p.state)).toEqual(['agree', 'disagree', 'missing', 'missing']);
    expect(review.paragraphs[1]).toMatchObject({ decisions: { sara: ['quote'], omid: ['claim'], neda: ['quote'] }, majority: ['quote'], gold: null });
    expect((await call<{ annotators: string[] }>('review.annotators')).annotators).toEqual(['neda', 'omid', 'sara']);
  });

  it('shows the notes and flags teammates left beside their decisions, and nothing for those who left none', async () => {
    const { workspace, call, articleId, layer } = await setup();
    await layer('sara', [['claim'], ['quote']]);
    await layer('omid', [['claim'], ['claim']]);
    const path = annotationFilePath(workspace, 'sara', ARTICLE);
    const file = JSON.parse(await readFile(path, 'utf8')) as AnnotationFile;
    const [first, second] = Object.values(file.paragraphs);
    first!.note = 'عدد ۳۰ درصد را با گزارش رسمی بسنجید';
    second!.flagged = true;
    second!.note = '   ';
    await writeFile(path, JSON.stringify(file));
    const review = await call<ReviewArticle>('review.article', { articleId, annotators: ['sara', 'omid'] });
    expect(review.paragraphs.slice(0, 3).map((p) => p.remarks)).toEqual([{ sara: { note: 'عدد ۳۰ درصد را با گزارش رسمی بسنجید' } }, { sara: { flagged: true } }, {}]);
  });

  it('offers no majority for a lone vote: one of the two chosen decided', async () => {
    const { call, articleId, layer } = await setup();
    await layer('sara', [['claim'], ['quote']]);
    await layer('omid', [null, ['quote']]);
    const review = await call<ReviewArticle>('review.article', { articleId, annotators: ['sara', 'omid'] });
    expect(review.paragraphs.slice(0, 2).map((p) => [p.state, p.majority])).toEqual([['missing', null], ['agree', ['quote']]]);
  });

  it('counts a label a teammate’s file lists twice once, names the file, and leaves the file as it is', async () => {
    const { workspace, call, articleId, layer } = await setup();
    await layer('sara', [['claim', 'claim'], ['quote', 'ad', 'quote']]);
    await layer('omid', [['claim'], ['quote', 'ad']]);
    const before = await readFile(annotationFilePath(workspace, 'sara', ARTICLE), 'utf8');
    const review = await call<ReviewArticle>('review.article', { articleId, annotators: ['sara', 'omid'] });
    expect(review.paragraphs.slice(0, 2).map((p) => [p.decisions.sara, p.state])).toEqual([[['claim'], 'agree'], [['quote', 'ad'], 'agree']]);
    expect(review.problems.map((p) => englishText(p))).toEqual([`sara's label file for ${ARTICLE} lists "claim", "quote" more than once on 2 paragraphs; each label is counted once (the file is left as it is).`]);
    expect(await readFile(annotationFilePath(workspace, 'sara', ARTICLE), 'utf8')).toBe(before);
  });

  it('adjudicates to gold with reviewer, time and whose answer was taken, in the gold layer file', async () => {
    const { workspace, call, articleId, ids, layer } = await setup();
    await layer('sara', [['claim'], ['quote']]);
    await layer('omid', [['claim'], ['claim']]);
    const gold = await call<ReviewParagraph>('review.setGold', { articleId, paragraphId: ids[1], labels: ['quote'], took: 'annotator:sara' });
    expect(gold).toMatchObject({ state: 'adjudicated', gold: { labels: ['quote'], took: 'annotator:sara', reviewer: 'reviewer' } });
    const file = JSON.parse(await readFile(annotationFilePath(workspace, 'gold', ARTICLE), 'utf8'));
    expect(file.paragraphs[ids[1]!]).toMatchObject({ labels: ['quote'], reviewer: 'reviewer', took: 'annotator:sara' });
    const cleared = await call<ReviewParagraph>('review.setGold', { articleId, paragraphId: ids[1], labels: null, took: 'new' });
    expect(cleared.gold).toBeNull();
  });

  it('accepts every paragraph where all chosen annotators agree, once', async () => {
    const { call, articleId, layer } = await setup();
    await layer('sara', [['claim'], ['quote'], [], ['ad']]);
    await layer('omid', [['claim'], ['claim'], [], ['ad']]);
    expect(await call('review.acceptAgreed', { annotators: ['sara', 'omid'] })).toEqual({ accepted: 3, articles: 1 });
    expect(await call('review.acceptAgreed', { articleId, annotators: ['sara', 'omid'] })).toEqual({ accepted: 0, articles: 0 });
    const review = await call<ReviewArticle>('review.article', { articleId, annotators: ['sara', 'omid'] });
    expect(review.paragraphs.slice(0, 4).map((p) => p.gold?.took ?? p.state)).toEqual(['agreed', 'disagree', 'agreed', 'agreed']);
  });

  it('computes agreement for the chosen annotators and refuses unknown ones', async () => {
    const { call, layer } = await setup();
    await layer('sara', [['claim'], ['quote']]);
    await layer('omid', [['claim'], ['quote']]);
    const report = await call<{ items: number; percent_agreement: number }>('review.agreement', { annotators: ['sara', 'omid'] });
    expect(report).toMatchObject({ items: 2, percent_agreement: 1 });
    await expect(call('review.article', { articleId: 'a00000000000', annotators: ['zed'] })).rejects.toThrow(/unknown-article|unknown-annotator/);
    await expect(call('review.agreement', { annotators: ['sara', 'zed'] })).rejects.toThrow(/agreement-choice: no layer for annotator\(s\) zed/);
  });
});
