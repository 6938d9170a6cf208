/**
 * A bidi control in a file name (issue 22 item 7, issue 21 item 4): `invoice-\u202Efdp.txt`
 * displays as `invoice-txt.pdf`. The CLI never prints one raw: text output shows ⟨RLO⟩,
 * --json output escapes it (`\u202e`, the same string once parsed), export data stays exact.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPilcrow as run } from '../../support/run-cli';
import { AnnotationStore } from '../../../src-main/node/annotations/store';
import { segmentArticle } from '../../../src-main/core/article';
import { tempDir } from '../node/temp';

const SPOOF = 'invoice-\u202Efdp.txt';
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

describe('names with bidi controls in the CLI', () => {
  it('shows the control visibly in messages, escapes it in JSON, and keeps export data exact', async () => {
    const root = await tempDir('bidi');
    await mkdir(root, { recursive: true });
    await writeFile(join(root, SPOOF), 'Pay now\nor later\n');
    await writeFile(join(root, 'broken-\u202Egnp.txt'), Buffer.from([0, 1, 2, 0, 0xff]));
    const [first] = segmentArticle('Pay now\nor later\n', 'txt').paragraphs;
    await new AnnotationStore(root, 'sara').setLabels(SPOOF, first!, ['ad']);

    const text = await run('stats', root);
    expect(text.err).toContain('skipped broken-⟨RLO⟩gnp.txt');
    expect(text.out + text.err).not.toMatch(BIDI);

    const json = await run('stats', root, '--json');
    expect(json.out).not.toMatch(BIDI);
    expect(json.out).toContain('broken-\\u202egnp.txt');
    expect(JSON.parse(json.out).skipped[0].path).toBe('broken-\u202Egnp.txt');

    const exported = await run('export', root, '--format', 'jsonl');
    expect(JSON.parse(exported.out).article).toBe(SPOOF);
    expect(exported.err).not.toMatch(BIDI);
  });
});
