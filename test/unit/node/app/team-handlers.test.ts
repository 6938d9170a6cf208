import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TeamProgressView, TeamQueueView } from '../../../../src-main/shared/contract/team';
import type { AppState } from '../../../../src-main/shared/views';
import { runPilcrow } from '../../../support/run-cli';
import { sampleCopy } from '../temp';
import { openHandlerApp } from './handler-app';

describe('team.queue and team.progress', () => {
  it("give this editor's queue as article ids in queue order, and everyone's progress", async () => {
    const { workspace, userData } = await sampleCopy();
    const order = ['fa/rail-isfahan.txt', 'en/library-hours.md', 'fa/water-tehran.txt'];
    for (const article of order) await runPilcrow('assign', workspace, '--article', article, '--annotators', 'sara');
    await runPilcrow('assign', workspace, '--article', 'en/harbour-wind.txt', '--annotators', 'omid');
    const app = await openHandlerApp({ workspace, userData, annotator: 'sara' });
    const state = await app.call<AppState>('app.init');
    const idOf = new Map(state.workspace!.articles.map((a) => [a.path, a.id]));
    expect((await app.call<TeamQueueView>('team.queue')).queue).toEqual(order.map((p) => idOf.get(p)));
    const progress = await app.call<TeamProgressView>('team.progress');
    expect(progress.me).toBe('sara');
    expect(progress.annotators.map((a) => [a.annotator, a.assigned])).toEqual([['omid', 1], ['sara', 3]]);
    expect(progress.unassigned).toBe(1);
    app.session.close();
  });

  it('refuse a damaged assignment file by name and leave it as it is', async () => {
    const { workspace, userData } = await sampleCopy();
    await runPilcrow('assign', workspace, '--annotators', 'sara');
    const file = join(workspace, '.pilcrow', 'assignments', 'sara.jsonl');
    await writeFile(file, '{"version":1,"annotator":"omid"}\n');
    const app = await openHandlerApp({ workspace, userData, annotator: 'sara' });
    await app.call('app.init');
    for (const channel of ['team.queue', 'team.progress']) {
      await expect(app.call(channel)).rejects.toThrow('assignments-unreadable: .pilcrow/assignments/sara.jsonl was not read and was left as it is: line 1 names annotator "omid" but the file is sara\'s');
    }
    expect(await readFile(file, 'utf8')).toBe('{"version":1,"annotator":"omid"}\n');
    app.session.close();
  });

  it('team.assign deals the articles out as pilcrow assign does, and names an option it cannot meet', async () => {
    const { workspace, userData } = await sampleCopy();
    const app = await openHandlerApp({ workspace, userData, annotator: 'sara' });
    await app.call('app.init');
    const result = await app.call<TeamProgressView & { assigned: number }>('team.assign', { annotators: ['sara', 'omid'], perArticle: 2, overlap: 0.4, seed: 3, onlyUnassigned: false });
    expect(result.assigned).toBe(5);
    expect(result.annotators.map((a) => a.assigned).reduce((s, n) => s + n, 0)).toBe(7);
    expect(await readFile(join(workspace, '.pilcrow', 'assignments', 'sara.jsonl'), 'utf8')).toMatch(/^\{"version":1,"annotator":"sara"\}\n/);
    // The same as the command line with the same options: the files do not change.
    const before = await readFile(join(workspace, '.pilcrow', 'assignments', 'omid.jsonl'), 'utf8');
    expect((await runPilcrow('assign', workspace, '--annotators', 'sara,omid', '--overlap', '40%', '--seed', '3')).out).toContain('nothing changed on disk');
    expect(await readFile(join(workspace, '.pilcrow', 'assignments', 'omid.jsonl'), 'utf8')).toBe(before);
    await expect(app.call('team.assign', { annotators: ['sara'], perArticle: 2, overlap: 0.2, seed: 1, onlyUnassigned: false })).rejects.toThrow('bad-assignment: --per-article 2 needs at least 2 annotators');
    app.session.close();
  });
});
