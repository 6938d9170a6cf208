import { spawnSync } from 'node:child_process';
import { mkdir, readFile, stat, symlink, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { englishText } from '../../../../src-main/shared/messages';
import type { ReplyView, ReviewArticle } from '../../../../src-main/shared/contract/review';
import type { AppState } from '../../../../src-main/shared/views';
import { writeLayer } from '../../../support/layers';
import { openHandlerApp } from '../app/handler-app';
import { sampleCopy } from '../temp';
import { commitAll, Editor, git, gitStatus, hasGit, sharedWorkspace } from '../team/git-team';

const ARTICLE = 'fa/water-tehran.txt';

async function setup(annotator = 'lead') {
  const { workspace, userData } = await sampleCopy();
  await writeLayer(workspace, 'sara', ARTICLE, [['claim'], ['quote']]);
  await writeLayer(workspace, 'omid', ARTICLE, [['claim'], ['claim']]);
  const { call } = await openHandlerApp({ workspace, userData, annotator });
  const state = await call<AppState>('app.init');
  const articleId = state.workspace!.articles.find((a) => a.path === ARTICLE)!.id;
  const review = () => call<ReviewArticle>('review.article', { articleId, annotators: ['sara', 'omid'] });
  const ids = (await review()).paragraphs.map((p) => p.id);
  const dir = join(workspace, '.pilcrow', 'replies');
  return { workspace, call, articleId, review, ids, dir };
}

const line = (o: object) => JSON.stringify(o);

describe('replies in Review', () => {
  it('keeps a reply in the author’s own file, one line each, and shows the thread oldest first with author and whose note it answers', async () => {
    const { call, articleId, review, ids, dir } = await setup();
    // sara's reply, written on her machine earlier (a +03:30 time that is before the lead's).
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'sara.jsonl'), `${line({ version: 1, annotator: 'sara' })}\n${line({ id: 'r00000001aa', article: ARTICLE, paragraph: ids[1], re: 'omid', text: 'نقل قول است، نه ادعا', at: '2026-12-05T12:00:00+03:30' })}\n`);
    const thread = await call<ReplyView[]>('review.reply', { articleId, paragraphId: ids[1], re: 'sara', text: 'Agreed — taking quote.' });
    expect(thread.map((r) => [r.author, r.re, r.text])).toEqual([
      ['sara', 'omid', 'نقل قول است، نه ادعا'],
      ['lead', 'sara', 'Agreed — taking quote.'],
    ]);
    await call('review.reply', { articleId, paragraphId: ids[0], re: null, text: 'Second line\nof a reply' });
    const own = (await readFile(join(dir, 'lead.jsonl'), 'utf8')).split('\n');
    expect(own).toHaveLength(4); // header, two replies, the final newline
    expect(JSON.parse(own[0]!)).toEqual({ version: 1, annotator: 'lead' });
    expect(JSON.parse(own[2]!)).toMatchObject({ article: ARTICLE, paragraph: ids[0], text: 'Second line\nof a reply' });
    expect(JSON.parse(own[2]!)).not.toHaveProperty('re');
    expect(await readFile(join(dir, '.gitattributes'), 'utf8')).toContain('*.jsonl merge=union');
    const paragraphs = (await review()).paragraphs;
    expect(paragraphs[0]!.replies.map((r) => r.text)).toEqual(['Second line\nof a reply']);
    expect(paragraphs[1]!.replies.map((r) => r.author)).toEqual(['sara', 'lead']);
    expect(paragraphs[2]!.replies).toEqual([]);
  });

  it('names a teammate’s bad replies file with its line, shows the other files’ replies and leaves it byte for byte', async () => {
    const { call, articleId, review, ids, dir } = await setup();
    await call('review.reply', { articleId, paragraphId: ids[0], re: null, text: 'mine' });
    const bad = `${line({ version: 1, annotator: 'omid' })}\n${line({ id: 'r00000002bb', article: ARTICLE, paragraph: ids[0], text: 'fine', at: '2026-12-05T10:00:00Z' })}\n${line({ id: 'r00000003cc', article: '../../etc/passwd', paragraph: ids[0], text: 'x', at: '2026-12-05T10:00:00Z' })}\n`;
    await writeFile(join(dir, 'omid.jsonl'), bad);
    await writeFile(join(dir, 'neda.jsonl'), `${line({ version: 1, annotator: 'sara' })}\n`);
    await writeFile(join(dir, 'reza.jsonl'), `${line({ version: 1, annotator: 'reza' })}\n${line({ id: 'r00000004dd', article: ARTICLE, paragraph: ids[0], text: ' \n ', at: '2026-12-05T10:00:00Z' })}\n`);
    const result = await review();
    expect(result.paragraphs[0]!.replies.map((r) => r.text)).toEqual(['mine']);
    expect(result.problems.map((p) => englishText(p))).toEqual([
      expect.stringMatching(/^\.pilcrow\/replies\/neda\.jsonl, line 1: its header names another annotator than the file\. Its replies are not shown and the file was left as it is/),
      expect.stringMatching(/^\.pilcrow\/replies\/omid\.jsonl, line 3: it is not a reply/),
      expect.stringMatching(/^\.pilcrow\/replies\/reza\.jsonl, line 2: it is not a reply/),
    ]);
    expect(await readFile(join(dir, 'omid.jsonl'), 'utf8')).toBe(bad);
  });

  it('refuses a link or a named pipe in a teammate’s place without reading through it, and a file over 16 MB', async () => {
    const { workspace, review, dir } = await setup();
    await mkdir(dir, { recursive: true });
    const secret = join(workspace, '..', 'secret.jsonl');
    await writeFile(secret, `${line({ version: 1, annotator: 'sara' })}\n`);
    await symlink(secret, join(dir, 'sara.jsonl'));
    const fifo = spawnSync('mkfifo', [join(dir, 'omid.jsonl')]).status === 0;
    await writeFile(join(dir, 'reza.jsonl'), '');
    await truncate(join(dir, 'reza.jsonl'), 17 * 1024 * 1024);
    const said = (await review()).problems.map((p) => englishText(p));
    expect(said).toContain('.pilcrow/replies/sara.jsonl: it is a link; Pilcrow follows no link in .pilcrow/. Its replies are not shown and the file was left as it is; restore it from git (git checkout -- .pilcrow/replies/sara.jsonl) or ask its author.');
    if (fifo) expect(said).toContainEqual(expect.stringMatching(/^\.pilcrow\/replies\/omid\.jsonl: it is not a regular file/));
    expect(said).toContainEqual(expect.stringMatching(/^\.pilcrow\/replies\/reza\.jsonl: it is larger than 16 MB/));
    expect((await stat(join(dir, 'reza.jsonl'))).size).toBe(17 * 1024 * 1024);
  });

  it('will not write over its own file when it cannot read it, and counts a line git kept twice once', async () => {
    const { call, articleId, review, ids, dir } = await setup('sara');
    await mkdir(dir, { recursive: true });
    const reply = line({ id: 'r00000005ee', article: ARTICLE, paragraph: ids[0], text: 'once', at: '2026-12-05T10:00:00Z' });
    await writeFile(join(dir, 'sara.jsonl'), `${line({ version: 1, annotator: 'sara' })}\n${reply}\n${reply}\n`);
    expect((await review()).paragraphs[0]!.replies.map((r) => r.text)).toEqual(['once']);
    const conflicted = `${line({ version: 1, annotator: 'sara' })}\n<<<<<<< HEAD\n${reply}\n=======\n>>>>>>> theirs\n`;
    await writeFile(join(dir, 'sara.jsonl'), conflicted);
    await expect(call('review.reply', { articleId, paragraphId: ids[0], re: null, text: 'more' })).rejects.toThrow(/sara\.jsonl, line 2: git left a conflict marker there/);
    expect(await readFile(join(dir, 'sara.jsonl'), 'utf8')).toBe(conflicted);
    await expect(call('review.reply', { articleId, paragraphId: ids[0], re: null, text: '   ' })).rejects.toThrow(/empty reply/);
    await expect(call('review.reply', { articleId, paragraphId: ids[0], re: null, text: 'x'.repeat(10_001) })).rejects.toThrow();
  });
});

describe.skipIf(!hasGit)('replies through git', () => {
  it('merges two editors replying on the same paragraph without a conflict, and both see the whole thread', async () => {
    const { clones } = await sharedWorkspace(['sara', 'omid']);
    const sara = await Editor.open('sara', clones.sara!);
    const omid = await Editor.open('omid', clones.omid!);
    await sara.label('fa/a.txt', { 0: ['quote'] });
    await omid.label('fa/a.txt', { 0: ['claim'] });
    const paragraph = (await sara.open('fa/a.txt')).paragraphs[0]!.id;
    const reply = (editor: Editor, text: string) => editor.app.call('review.reply', { articleId: editor.idOf('fa/a.txt'), paragraphId: paragraph, re: null, text });
    await reply(sara, 'It is a quote: «…» marks it.');
    commitAll(clones.sara!, 'sara');
    git(clones.sara!, 'push', '-q', 'origin', 'HEAD:main');
    await reply(omid, 'The verb says claim.');
    await reply(omid, 'Second thought: both.');
    commitAll(clones.omid!, 'omid');
    const pull = gitStatus(clones.omid!, 'pull', '-q', '--no-edit', 'origin', 'main');
    expect(pull.status, pull.out).toBe(0);
    const thread = await omid.app.call<ReviewArticle>('review.article', { articleId: omid.idOf('fa/a.txt'), annotators: ['sara', 'omid'] });
    expect(thread.paragraphs[0]!.replies.map((r) => `${r.author}: ${r.text}`)).toEqual(['sara: It is a quote: «…» marks it.', 'omid: The verb says claim.', 'omid: Second thought: both.']);
    sara.close();
    omid.close();
  });
});
