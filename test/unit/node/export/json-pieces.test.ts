import { describe, expect, it } from 'vitest';
import { writeJsonInPieces } from '../../../../src-main/node/export/formats/json-pieces';

async function inPieces(value: unknown, depth?: number): Promise<{ text: string; longest: number }> {
  const parts: string[] = [];
  await writeJsonInPieces(value, async (t) => void parts.push(t), depth);
  return { text: parts.join(''), longest: Math.max(...parts.map((p) => p.length)) };
}

describe('writeJsonInPieces (the JSON document’s long article lines)', () => {
  it('gives JSON.stringify’s text for a long Persian article, in pieces far shorter than the whole', async () => {
    const text = Array.from({ length: 4000 }, (_, i) => `پاراگراف ${i}: «نقل‌قول» با "گیومه"\tو \\ بک‌اسلش 😀`).join('\n');
    const article = {
      path: 'fa/long.txt',
      text,
      layers: { sara: { status: 'done', updated_at: 'T' } },
      split: undefined,
      paragraphs: Array.from({ length: 4000 }, (_, i) => ({ index: i, decisions: i % 2 ? {} : { sara: { labels: ['quote'], note: undefined } } })),
    };
    const { text: written, longest } = await inPieces(article);
    expect(written).toBe(JSON.stringify(article));
    expect(written.length).toBeGreaterThan(200_000);
    expect(longest).toBeLessThan(40_000);
  });

  it('never cuts an emoji in two, wherever its halves fall', async () => {
    // Emoji start at odd and then at even positions, so some pair straddles every piece boundary.
    for (const lead of ['x', 'xy']) {
      const text = `${lead}${'😀'.repeat(30_000)}`;
      expect((await inPieces({ text })).text).toBe(JSON.stringify({ text }));
    }
    // A lone half (bad data) is escaped as JSON.stringify escapes it.
    const lone = `a${'\ud83d'.repeat(20_000)}\udc00b`;
    expect((await inPieces([lone])).text).toBe(JSON.stringify([lone]));
  });

  it('writes arrays’ missing elements as null and leaves out undefined members, as JSON.stringify does', async () => {
    const value = { a: [1, undefined, () => 1, 'x'.repeat(40_000)], b: undefined, c: { d: new Date(0), e: null }, f: [] };
    expect((await inPieces(value, 3)).text).toBe(JSON.stringify(value));
  });
});
