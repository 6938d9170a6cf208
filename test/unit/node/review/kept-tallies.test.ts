/**
 * Agreement tallies kept per article, in memory and in user data (issue 8): whatever changed
 * between two calls or two sessions, the report equals one computed from scratch by the CLI's
 * path, and only articles whose files changed are read again.
 */
import { createHash } from 'node:crypto';
import { appendFile, copyFile, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { annotationFilePath } from '../../../../src-main/node/annotations/paths';
import { LayerReader } from '../../../../src-main/node/annotations/store';
import { agreementCacheOf } from '../../../../src-main/node/review/agreement-cache';
import { workspaceAgreement } from '../../../../src-main/node/review/agreement-report';
import { Workspace } from '../../../../src-main/node/workspace/workspace';
import type { WorkspaceAgreement } from '../../../../src-main/shared/contract/review';
import { DEFAULT_LABELS } from '../../../../src-main/shared/labels';
import { writeLayer } from '../../../support/layers';
import { openHandlerApp, type HandlerApp } from '../app/handler-app';
import { sampleCopy } from '../temp';

const SEMNAN = 'fa/school-semnan.txt';
const HARBOUR = 'en/harbour-wind.txt';
const TEAM = ['omid', 'neda'];

afterEach(() => vi.restoreAllMocks());

async function setup() {
  const { workspace, userData } = await sampleCopy();
  await writeLayer(workspace, 'omid', SEMNAN, [['claim'], ['quote'], ['ad']]);
  await writeLayer(workspace, 'neda', SEMNAN, [['claim'], ['claim'], ['ad']]);
  await writeLayer(workspace, 'omid', HARBOUR, [['quote'], [], ['claim']]);
  await writeLayer(workspace, 'neda', HARBOUR, [['quote'], ['ad'], null], 'done');
  await writeLayer(workspace, 'mina', HARBOUR, [['quote'], [], ['claim']]);
  return { workspace, userData };
}

/** A new session on the workspace, as the app starts: the list answered, the rest reading in the background. */
async function open(workspace: string, userData: string): Promise<HandlerApp> {
  const app = await openHandlerApp({ workspace, userData, annotator: 'sara' });
  await app.call('app.init');
  return app;
}

const agreement = (app: HandlerApp, annotators = TEAM) => app.call<WorkspaceAgreement>('review.agreement', { annotators });

/** Ends a session once its tallies are on disk. */
async function close(app: HandlerApp): Promise<void> {
  await agreementCacheOf(app.session, 'test').whenSaved();
  app.session.close();
}

/** The report from scratch: every article and layer read, nothing kept (the CLI's path). */
async function uncached(workspace: string, annotators = TEAM): Promise<WorkspaceAgreement> {
  const ws = await Workspace.open(workspace);
  return workspaceAgreement(ws, new LayerReader(ws.root), DEFAULT_LABELS.map((l) => l.name), annotators);
}

/** Runs `change` between a session that kept its tallies and a fresh one; both of their reports must equal the uncached one. */
async function afterChange(change: (workspace: string, userData: string) => Promise<unknown>, annotators = TEAM) {
  const { workspace, userData } = await setup();
  const before = await open(workspace, userData);
  await agreement(before, annotators);
  await close(before);
  await change(workspace, userData);
  const expected = await uncached(workspace, annotators);
  const fresh = await open(workspace, userData);
  expect(await agreement(fresh, annotators)).toEqual(expected);
  // The same session again (tallies in memory): still the uncached report.
  expect(await agreement(fresh, annotators)).toEqual(expected);
  await close(fresh);
  return expected;
}

describe('agreement tallies kept between calls and sessions', () => {
  it('reads no layer file in a new session when nothing changed', async () => {
    const { workspace, userData } = await setup();
    const first = await open(workspace, userData);
    const report = await agreement(first);
    await close(first);
    const reads = vi.spyOn(LayerReader.prototype, 'readLayer');
    const second = await open(workspace, userData);
    expect(await agreement(second)).toEqual(report);
    expect(reads).not.toHaveBeenCalled();
    await close(second);
  });

  it("reads only the changed article's layers again after a teammate's file changed", async () => {
    const { workspace, userData } = await setup();
    const first = await open(workspace, userData);
    await agreement(first);
    await close(first);
    await writeLayer(workspace, 'neda', SEMNAN, [['claim'], ['quote'], ['ad']]);
    const expected = await uncached(workspace);
    const reads = vi.spyOn(LayerReader.prototype, 'readLayer');
    const second = await open(workspace, userData);
    expect(await agreement(second)).toEqual(expected);
    expect(new Set(reads.mock.calls.filter(([annotator]) => TEAM.includes(annotator)).map(([, path]) => path))).toEqual(new Set([SEMNAN]));
    await close(second);
  });

  it("counts a teammate's changed layer", async () => {
    const report = await afterChange((ws) => writeLayer(ws, 'neda', SEMNAN, [['claim'], ['quote'], ['ad']]));
    expect(report.per_article.find((a) => a.article === SEMNAN)?.percent_agreement).toBe(1);
  });

  // Same inode, same size: only the times tell this file changed (an in-place write always moves
  // the change time, so no test can leave both times alone; this one fails on dev/ino/size alone).
  it('counts a layer rewritten in place to the same size', async () => {
    const report = await afterChange(async (ws) => {
      const file = annotationFilePath(ws, 'neda', SEMNAN);
      const before = await stat(file);
      const text = await readFile(file, 'utf8');
      // "claim" → "quote" on the second paragraph keeps the byte count.
      const changed = text.replace(/"labels": \[\s*"claim"\s*\]([\s\S]*?)"labels": \[\s*"claim"\s*\]/, '"labels": ["claim"]$1"labels": ["quote"]');
      expect(changed).not.toBe(text);
      await writeFile(file, changed.padEnd(text.length, ' '));
      const after = await stat(file);
      expect([after.ino, after.size]).toEqual([before.ino, before.size]);
    });
    expect(report.per_article.find((a) => a.article === SEMNAN)?.percent_agreement).toBe(1);
  });

  it('counts a layer added and a layer deleted', async () => {
    await afterChange(async (ws) => {
      await writeLayer(ws, 'omid', 'fa/water-tehran.txt', [['quote'], ['quote']]);
      await writeLayer(ws, 'neda', 'fa/water-tehran.txt', [['quote'], ['ad']]);
      await rm(annotationFilePath(ws, 'omid', HARBOUR));
    });
  });

  it('counts a damaged layer as no layer (it is set aside, as everywhere)', async () => {
    const report = await afterChange((ws) => writeFile(annotationFilePath(ws, 'neda', SEMNAN), '{"version": 1, "paragr'));
    expect(report.per_article.map((a) => a.article)).not.toContain(SEMNAN);
  });

  it("follows a changed article's paragraphs", async () => {
    await afterChange((ws) => appendFile(join(ws, HARBOUR), '\n\nA paragraph added by a teammate at the end.\n'));
    const { workspace, userData } = await setup();
    const before = await open(workspace, userData);
    const first = await agreement(before);
    await close(before);
    // The first paragraph's text (and id) changes: its labels no longer apply.
    const text = await readFile(join(workspace, SEMNAN), 'utf8');
    await writeFile(join(workspace, SEMNAN), `Rewritten. ${text}`);
    const fresh = await open(workspace, userData);
    const report = await agreement(fresh);
    expect(report).toEqual(await uncached(workspace));
    expect(report.items).toBeLessThan(first.items);
    await close(fresh);
  });

  it('lists a labelled article whose file is gone among the skipped at the next call', async () => {
    const { workspace, userData } = await setup();
    const app = await open(workspace, userData);
    await agreement(app);
    // A teammate's layer for an article this workspace does not have (renamed on their side).
    await copyFile(annotationFilePath(workspace, 'omid', SEMNAN), annotationFilePath(workspace, 'omid', 'fa/gone.txt'));
    await app.call('workspace.refresh');
    const report = await agreement(app);
    expect(report.skipped.map((s) => s.path)).toContain('fa/gone.txt');
    expect(report).toEqual(await uncached(workspace));
    await close(app);
  });

  it('gives each choice of annotators its own report', async () => {
    const { workspace, userData } = await setup();
    const app = await open(workspace, userData);
    expect(await agreement(app, ['omid', 'neda'])).toEqual(await uncached(workspace, ['omid', 'neda']));
    expect(await agreement(app, ['omid', 'mina'])).toEqual(await uncached(workspace, ['omid', 'mina']));
    expect(await agreement(app, ['omid', 'neda', 'mina'])).toEqual(await uncached(workspace, ['omid', 'neda', 'mina']));
    await close(app);
    await afterChange(async () => undefined, ['neda', 'mina']);
  });

  it('ignores a damaged or older kept-tallies file, and writes a good one again', async () => {
    // "overall":[min, max, [m, units…: 97 units in the first article's tally, were it believed.
    const damage = async (userData: string, edit: (text: string) => string) => {
      const dir = join(userData, 'agreement');
      const [name] = await readdir(dir);
      const file = join(dir, name as string);
      await writeFile(file, edit(await readFile(file, 'utf8')));
      return file;
    };
    const expected = await afterChange((_, userData) => damage(userData, (text) => text.replace(/("overall":\[\d+,\d+,\[\d+,)\d+/, '$197')));
    // An older version's file with other tallies but a good checksum: only the version rules it out.
    await afterChange((_, userData) =>
      damage(userData, (text) => {
        const newline = text.indexOf('\n');
        const body = text.slice(newline + 1).replace(/("overall":\[\d+,\d+,\[\d+,)\d+/, '$197');
        const header = { ...JSON.parse(text.slice(0, newline)), version: 0, sha256: createHash('sha256').update(body).digest('hex') };
        return `${JSON.stringify(header)}\n${body}`;
      }),
    );
    await afterChange((_, userData) => damage(userData, (text) => text.slice(0, text.length / 2)));
    const { workspace, userData } = await setup();
    const app = await open(workspace, userData);
    await agreement(app);
    await close(app);
    const file = await damage(userData, () => 'not json at all');
    const again = await open(workspace, userData);
    expect(await agreement(again)).toEqual(expected);
    await close(again);
    expect((await readFile(file, 'utf8')).startsWith('{"format":"pilcrow-agreement-tallies"')).toBe(true);
  });
});
