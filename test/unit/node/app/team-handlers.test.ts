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
});
