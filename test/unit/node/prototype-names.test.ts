/**
 * Labels and annotators named like Object.prototype's members (issue 22 item 7): counted and
 * shown as any other name. A `{}` accumulator turned the count of `constructor` into
 * "function Object() { [native code] }1" and lost `__proto__` altogether.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPilcrow as cli } from '../../support/run-cli';
import { progressOf } from '../../../src-main/node/annotations/decision-ops';
import { LayerReader } from '../../../src-main/node/annotations/store';
import { thresholdOf } from '../../../src-main/core/suggest/types';
import { WorkspaceSchemaStore } from '../../../src-main/node/workspace-schema/schema-store';
import { SuggestSettingsStore } from '../../../src-main/node/suggest/settings-store';
import { tallied, tallyOf, EMPTY_TALLY } from '../../../src-renderer/state/decision-logic';
import { FA, fixtureWorkspace, paragraphsOf, T1, writeLayer } from './export/fixture';
import { tempDir } from './temp';
import { queueOf } from '../../../src-main/node/team/team';

const NAMES = ['constructor', 'toString', '__proto__'];

async function workspaceWithPrototypeLabels(): Promise<string> {
  const root = await fixtureWorkspace();
  const schema = await WorkspaceSchemaStore.open(root);
  for (const name of NAMES) await schema.edit({ op: 'add', label: { name, color: '#118844', key: '', description: '' } });
  const fa = paragraphsOf(FA);
  await writeLayer(root, {
    article: 'fa/water 😀.txt',
    annotator: '__proto__',
    paragraphs: {
      [fa[0]!.id]: { index: 0, labels: ['constructor', '__proto__'], updated_at: T1, suggested_by: JSON.parse('{"__proto__": "rules"}') },
      [fa[1]!.id]: { index: 1, labels: ['toString', 'constructor'], updated_at: T1 },
    },
  });
  return root;
}

describe('names like constructor, toString and __proto__', () => {
  it('are counted as labels and annotators by pilcrow stats', async () => {
    const root = await workspaceWithPrototypeLabels();
    const stats = JSON.parse((await cli('stats', root, '--json')).out);
    expect(stats.labels).toMatchObject({ constructor: 2, toString: 1, ['__proto__']: 1, quote: 3 });
    expect(Object.keys(stats.annotators)).toContain('__proto__');
    expect(stats.annotators['__proto__'].labels).toMatchObject({ constructor: 2, toString: 1, ['__proto__']: 1 });
    expect((await cli('stats', root)).out).not.toContain('function');
  });

  it('are counted per label and per annotator in an export', async () => {
    const root = await workspaceWithPrototypeLabels();
    const out = join(await tempDir('proto'), 'labels.json');
    const run = await cli('export', root, '--out', out);
    expect(run.err).not.toMatch(/^pilcrow:/m);
    expect(run.code).toBe(0);
    const doc = JSON.parse(await readFile(out, 'utf8'));
    expect(doc.counts.per_label).toMatchObject({ constructor: 2, toString: 1, ['__proto__']: 1 });
    expect(doc.counts.per_annotator).toMatchObject({ ['__proto__']: 2 });
  });

  it('are counted in an article’s progress, and a label’s suggestion provenance survives a read', async () => {
    const root = await workspaceWithPrototypeLabels();
    const layer = (await new LayerReader(root).readLayer('__proto__', 'fa/water 😀.txt'))!;
    const progress = progressOf(paragraphsOf(FA), layer);
    expect({ ...progress.labelCounts }).toEqual({ constructor: 2, toString: 1, ['__proto__']: 1 });
    expect(Object.keys(layer.paragraphs[paragraphsOf(FA)[0]!.id]!.suggested_by!)).toEqual(['__proto__']);
  });

  it('are tallied in the window as the editor labels', () => {
    const tally = tallyOf([{ labels: ['constructor', 'toString'] }, { labels: ['__proto__'] }]);
    expect({ ...tally.byLabel }).toEqual({ constructor: 1, toString: 1, ['__proto__']: 1 });
    const more = tallied(EMPTY_TALLY, { labels: ['constructor'] }, 1);
    expect(more.byLabel['constructor']).toBe(1);
  });

  it('take the default suggestion threshold unless suggest.json sets one, which is read even for __proto__', async () => {
    expect(thresholdOf({ enabled: {}, thresholds: {} }, 'constructor')).toBe(thresholdOf({ enabled: {}, thresholds: {} }, 'quote'));
    const root = await tempDir('proto-settings');
    await mkdir(join(root, '.pilcrow'), { recursive: true });
    await writeFile(join(root, '.pilcrow', 'suggest.json'), '{"version": 1, "enabled": {}, "thresholds": {"__proto__": 0.25, "toString": 0.5}}');
    const settings = await new SuggestSettingsStore(root).read();
    expect(thresholdOf(settings, '__proto__')).toBe(0.25);
    expect(thresholdOf(settings, 'toString')).toBe(0.5);
  });

  it('are annotators with queues of their own: constructor has an empty one, __proto__ its assigned articles', async () => {
    const root = await tempDir('proto-queue');
    await mkdir(join(root, '.pilcrow', 'assignments'), { recursive: true });
    await writeFile(join(root, 'a.txt'), 'One.\n');
    await writeFile(join(root, '.pilcrow', 'assignments', '__proto__.jsonl'), '{"version":1,"annotator":"__proto__"}\n{"article":"a.txt","queue":1}\n');
    expect(await queueOf(root, 'constructor')).toEqual([]);
    expect(await queueOf(root, 'toString')).toEqual([]);
    expect(await queueOf(root, '__proto__')).toEqual(['a.txt']);
  });
});
