/**
 * Two leads assign articles on their own clones and push (real git, docs/teams.md,
 * "Assignments"): one file per annotator, one line per article sorted by path, so assignments of
 * different articles merge without a conflict and the merged files read as both leads meant.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAssignments } from '../../../../src-main/node/workspace/assignments';
import { runPilcrow } from '../../../support/run-cli';
import { tempDir } from '../temp';
import { git, gitStatus, hasGit, sharedWorkspace } from './git-team';

/** Both leads commit what they assigned; the first pushes, the second pulls (a merge), which must succeed. */
function commitBothThenPull(one: string, two: string): void {
  for (const clone of [one, two]) {
    git(clone, 'add', '-A');
    git(clone, 'commit', '-q', '-m', 'assign');
  }
  git(one, 'push', '-q', 'origin', 'HEAD:main');
  const pull = gitStatus(two, 'pull', '-q', '--no-edit', 'origin', 'main');
  expect(pull.status, pull.out).toBe(0);
}

describe.skipIf(!hasGit)('assignments through git', () => {
  it('merges two leads assigning different articles, to the same annotator and to another, without a conflict', async () => {
    const { clones } = await sharedWorkspace(['lead1', 'lead2']);
    const [one, two] = [clones.lead1!, clones.lead2!];
    // A first assignment everyone has: fa/b.txt to sara.
    expect((await runPilcrow('assign', one, '--article', 'fa/b.txt', '--annotators', 'sara')).code).toBe(0);
    git(one, 'add', '-A');
    git(one, 'commit', '-q', '-m', 'assign b');
    git(one, 'push', '-q', 'origin', 'HEAD:main');
    git(two, 'pull', '-q', 'origin', 'main');
    // Then, apart: lead 1 gives en/c.txt to sara; lead 2 gives fa/a.txt to sara and to omid.
    expect((await runPilcrow('assign', one, '--article', 'en/c.txt', '--annotators', 'sara')).code).toBe(0);
    expect((await runPilcrow('assign', two, '--article', 'fa/a.txt', '--annotators', 'sara,omid')).code).toBe(0);
    commitBothThenPull(one, two);
    expect(await readFile(join(two, '.pilcrow', 'assignments', 'sara.jsonl'), 'utf8')).not.toContain('<<<<<<<');
    const { assignments } = await readAssignments(two);
    expect(assignments.sara!.map((i) => i.article).sort()).toEqual(['en/c.txt', 'fa/a.txt', 'fa/b.txt']);
    expect(assignments.omid!.map((i) => i.article)).toEqual(['fa/a.txt']);
    expect((await runPilcrow('progress', two, '--user-data', await tempDir('git-assign-user'), '--json')).code).toBe(0);
  });

  it('keeps every assignment of two leads who make their first assignments at the same moment', async () => {
    const { clones } = await sharedWorkspace(['lead1', 'lead2']);
    const [one, two] = [clones.lead1!, clones.lead2!];
    // Neither clone has .pilcrow/ yet: both create the same files (the .gitattributes, sara's list) at once.
    expect((await runPilcrow('assign', one, '--annotators', 'sara,omid', '--seed', '1')).code).toBe(0);
    expect((await runPilcrow('assign', two, '--annotators', 'sara,reza', '--per-article', '2', '--seed', '2')).code).toBe(0);
    const mine = (await readAssignments(one)).assignments;
    const theirs = (await readAssignments(two)).assignments;
    expect(Object.keys(mine).sort()).toEqual(['omid', 'sara']);
    expect(theirs.sara!.map((i) => i.article).sort()).toEqual(['en/c.txt', 'fa/a.txt', 'fa/b.txt']);
    commitBothThenPull(one, two);
    expect(git(two, 'status', '--porcelain')).toBe('');
    for (const name of ['sara', 'omid', 'reza']) expect(await readFile(join(two, '.pilcrow', 'assignments', `${name}.jsonl`), 'utf8')).not.toContain('<<<<<<<');
    const merged = (await readAssignments(two)).assignments;
    expect(Object.keys(merged).sort()).toEqual(['omid', 'reza', 'sara']);
    for (const side of [mine, theirs]) {
      for (const [name, items] of Object.entries(side)) {
        const now = new Set(merged[name]!.map((i) => i.article));
        for (const i of items) expect(now.has(i.article), `${name}: ${i.article}`).toBe(true);
      }
    }
    // Pushed back, the first lead's clone reads the same lists.
    git(two, 'push', '-q', 'origin', 'HEAD:main');
    git(one, 'pull', '-q', '--no-edit', 'origin', 'main');
    expect((await readAssignments(one)).assignments).toEqual(merged);
    const progress = await runPilcrow('progress', two, '--user-data', await tempDir('git-assign-user'), '--json');
    expect(progress.code, progress.err).toBe(0);
    expect(JSON.parse(progress.out).unassigned).toBe(0);
  });
});
