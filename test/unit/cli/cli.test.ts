import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPilcrow as run } from '../../support/run-cli';
import { AnnotationStore } from '../../../src-main/node/annotations/store';
import { segmentArticle } from '../../../src-main/core/article';
import { sampleCopy, tempDir } from '../node/temp';
import { NEWS_ARTICLE } from '../../support/seed-article';

const NEWS = NEWS_ARTICLE;

describe('pilcrow segment', () => {
  it('prints a news article as its 22 paragraphs whose code-point offsets slice the text', async () => {
    const { code, out } = await run('segment', NEWS, '--json');
    expect(code).toBe(0);
    const doc = JSON.parse(out);
    expect(doc).toMatchObject({ file: NEWS, format: 'txt', encoding: 'utf-8' });
    expect(doc.paragraphs).toHaveLength(22);
    const points = [...doc.text];
    for (const p of doc.paragraphs) expect(points.slice(p.start, p.end).join('')).toBe(p.text);
    expect(Object.keys(doc.paragraphs[0])).toEqual(['index', 'id', 'text', 'start', 'end']);
  });

  it('reports a missing file and a binary file in one line each with exit code 1', async () => {
    const dir = await tempDir();
    const missing = await run('segment', join(dir, 'nope.txt'), '--json');
    expect(missing).toMatchObject({ code: 1, out: '' });
    expect(missing.err).toBe(`pilcrow: ${join(dir, 'nope.txt')}: no such file`);
    const binary = join(dir, 'blob.txt');
    await writeFile(binary, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0x13, 0, 0xff, 0]));
    const bad = await run('segment', binary);
    expect(bad.code).toBe(1);
    expect(bad.err.split('\n')).toHaveLength(1);
    expect(bad.err).toMatch(/binary/i);
  });

  it('explains unknown commands and wrong arguments without a stack trace', async () => {
    expect(await run('frobnicate')).toMatchObject({ code: 1, err: 'pilcrow: unknown command "frobnicate"; run pilcrow --help' });
    expect((await run('segment')).err).toBe('pilcrow: segment takes exactly one FILE; run pilcrow --help');
    expect((await run('segment', NEWS, '--bogus')).err).toMatch(/^pilcrow: Unknown option '--bogus'/);
    expect((await run('--help')).out).toContain('pilcrow segment FILE');
  });
});

describe('pilcrow export', () => {
  it('writes what the app exports, with every annotator’s labels', async () => {
    const { workspace, root } = await sampleCopy();
    const text = await readFile(join(workspace, 'fa', 'water-tehran.txt'), 'utf8');
    const [, , lead] = segmentArticle(text, 'txt').paragraphs;
    await new AnnotationStore(workspace, 'sara').setLabels('fa/water-tehran.txt', lead!, ['claim']);
    await new AnnotationStore(workspace, 'omid').setLabels('fa/water-tehran.txt', lead!, ['claim', 'quote']);
    const out = join(root, 'export.json');
    const result = await run('export', workspace, '--out', out);
    expect(result.code).toBe(0);
    expect(result.err).toContain(`wrote 2 records from 1 article to ${out}`);
    const doc = JSON.parse(await readFile(out, 'utf8'));
    expect(doc.annotators).toEqual(['omid', 'sara']);
    expect(doc.records.map((r: { annotator: string; labels: string[] }) => [r.annotator, r.labels])).toEqual([
      ['omid', ['claim', 'quote']],
      ['sara', ['claim']],
    ]);
  });

  it('names a workspace folder that does not exist', async () => {
    const result = await run('export', '/nonexistent/ws');
    expect(result).toMatchObject({ code: 1, err: 'pilcrow: cannot open workspace /nonexistent/ws: the folder does not exist or cannot be read' });
  });
});
