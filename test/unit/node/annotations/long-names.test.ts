/**
 * Articles whose file names are 217–255 bytes long (a long Persian headline: two bytes a letter)
 * open and save (issue 22 item 7): their label and settings files get a short hashed name, and
 * every reader that lists files maps it back. Shorter names keep their own name.
 */
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { segmentArticle } from '../../../../src-main/core/article';
import { MAX_PLAIN_NAME_BYTES, annotationFilePath } from '../../../../src-main/node/annotations/paths';
import { AnnotationStore, LayerReader } from '../../../../src-main/node/annotations/store';
import { ArticleSettingsStore, emptySettings } from '../../../../src-main/node/articles/settings';
import { annotatedPaths } from '../../../../src-main/node/workspace/annotated';
import { labelUsage } from '../../../../src-main/node/workspace-schema/label-usage';
import { findConflictCopies } from '../../../../src-main/node/annotations/conflict-copies';
import { runCli } from '../../../../src-main/cli/pilcrow';
import { tempDir } from '../temp';

const TEXT = 'تیتر خبر\nوزیر گفت: «آب کافی است.»\n';
/** A headline of `bytes` UTF-8 bytes (Persian letters are two bytes each) plus `.txt`. */
const headline = (bytes: number) => `${'خبر فوری دربارهٔ آب تهران و سدهای استان '.repeat(12)}`.replace(/ /g, '-').slice(0, bytes / 2) + '.txt';

async function workspaceWith(name: string): Promise<{ root: string; paragraphs: ReturnType<typeof segmentArticle>['paragraphs'] }> {
  const root = await tempDir('long');
  await writeFile(join(root, name), TEXT);
  return { root, paragraphs: segmentArticle(TEXT, 'txt').paragraphs };
}

describe('an article with a file name too long to save a label file beside', () => {
  it('is saved again and again under a short hashed label-file name, and read back by every reader', async () => {
    const name = headline(240);
    expect(Buffer.byteLength(name)).toBeGreaterThan(MAX_PLAIN_NAME_BYTES);
    const { root, paragraphs } = await workspaceWith(name);
    const store = new AnnotationStore(root, 'sara');
    await store.setLabels(name, paragraphs[0]!, ['quote']);
    await store.setLabels(name, paragraphs[1]!, ['claim']); // the second save keeps a .bak
    const file = annotationFilePath(root, 'sara', name);
    const files = await readdir(join(root, '.pilcrow', 'annotations', 'sara'));
    expect(files.sort()).toEqual([file.split('/').pop(), `${file.split('/').pop()}.bak`]);
    expect(files[0]).toMatch(/^خبر-فوری.*~[0-9a-f]{16}\.json$/);
    expect(Buffer.byteLength(files[0]!)).toBeLessThanOrEqual(118);

    expect((await new LayerReader(root).readLayer('sara', name))?.paragraphs[paragraphs[1]!.id]?.labels).toEqual(['claim']);
    expect([...(await annotatedPaths(root))]).toEqual([name]);
    expect(await labelUsage(root, 'quote')).toEqual({ paragraphs: 1, articles: 1, annotators: ['sara'] });
    const out: string[] = [];
    expect(await runCli(['export', root, '--format', 'jsonl'], { out: (s) => out.push(s), err: () => {} })).toBe(0);
    expect(out.join('\n').trim().split('\n').map((l) => [JSON.parse(l).article, JSON.parse(l).labels])).toEqual([[name, ['quote']], [name, ['claim']]]);
  });

  it('keeps its settings (encoding, segmentation) under the same kind of short name', async () => {
    const name = headline(250);
    const { root } = await workspaceWith(name);
    const settings = new ArticleSettingsStore(root);
    await settings.write({ ...emptySettings(name), segmentation: 'blocks' });
    await settings.write({ ...emptySettings(name), segmentation: 'lines', updated_at: new Date().toISOString() });
    expect((await new ArticleSettingsStore(root).read(name))?.segmentation).toBe('lines');
    const [stored] = (await readdir(join(root, '.pilcrow', 'articles'))).filter((f) => f.endsWith('.json'));
    expect(stored).toMatch(/~[0-9a-f]{16}\.json$/);
  });

  it('lists a sync tool’s conflict copy of such a file under its article', async () => {
    const name = headline(240);
    const { root, paragraphs } = await workspaceWith(name);
    await new AnnotationStore(root, 'sara').setLabels(name, paragraphs[0]!, ['quote']);
    const file = annotationFilePath(root, 'sara', name);
    const { readFile } = await import('node:fs/promises');
    await writeFile(file.replace(/\.json$/, ' (conflicted copy 2026-12-05).json'), await readFile(file));
    expect((await findConflictCopies(root)).map((c) => c.article)).toEqual([name]);
  });
});

describe('an article whose name fits', () => {
  it('keeps <name>.json, so existing workspaces keep their label files, and saves twice even at the longest such name', async () => {
    const name = `${'ا'.repeat((MAX_PLAIN_NAME_BYTES - 4) / 2)}.txt`;
    expect(Buffer.byteLength(name)).toBe(MAX_PLAIN_NAME_BYTES);
    const { root, paragraphs } = await workspaceWith(name);
    const store = new AnnotationStore(root, 'sara');
    await store.setLabels(name, paragraphs[0]!, ['quote']);
    await store.setLabels(name, paragraphs[1]!, ['claim']);
    expect(await readdir(join(root, '.pilcrow', 'annotations', 'sara'))).toEqual(expect.arrayContaining([`${name}.json`, `${name}.json.bak`]));
    expect(annotationFilePath(root, 'sara', 'fa/news-1.txt')).toBe(join(root, '.pilcrow', 'annotations', 'sara', 'fa', 'news-1.txt.json'));
  });
});

describe('label file paths', () => {
  it('are what path.join makes of the folder, the annotator and the stored name, long or short, in any script', async () => {
    const { stemSegments } = await import('../../../../src-main/node/annotations/paths');
    for (const root of ['/ws', '/ws/', '/a/../ws', 'relative/ws']) {
      for (const article of ['a.txt', 'news/2026/b.md', 'اخبار/خبر ۱.txt', `${'خبر'.repeat(60)}.txt`, 'x/\\y.txt', 'name with spaces.txt']) {
        expect(annotationFilePath(root, 'sara', article)).toBe(join(root, '.pilcrow', 'annotations', 'sara', ...stemSegments(article)) + '.json');
      }
    }
  });
});
