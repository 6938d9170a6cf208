/**
 * One export in a fresh process, for its RSS growth (see scenarios/export-json.ts for why).
 * The state before it is the app's after the list loaded: every article read and cached.
 * Usage: export-rss.ts <workspace> json|jsonl|parquet|bare <output file>; prints one JSON line.
 */
import { writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { buildExportDocument } from '../../support/export-document';
import { collectGarbage, RssSampler, toMb } from '../memory';
import { exportViaHandler } from '../scenarios/export-json';
import { loadWorkspace } from '../shared-data';

const [root = '', mode = 'json', file = ''] = process.argv.slice(2);
const loaded = await loadWorkspace(root, dirname(file));
// The bare side starts from the finished document, as in the timed runs.
const prebuilt = mode === 'bare' ? await buildExportDocument(loaded.workspace, loaded.reader, { version: 'bench', labels: loaded.session.labels }) : null;
collectGarbage();
const sampler = await RssSampler.start(5);
const before = await sampler.mark();
const start = performance.now();
if (prebuilt) await writeFile(file, JSON.stringify(prebuilt));
else await exportViaHandler(loaded, mode === 'jsonl' || mode === 'parquet' ? mode : 'json', file);
const ms = performance.now() - start;
const peak = await sampler.stop();
loaded.session.close();
process.stdout.write(`${JSON.stringify({ growth_mb: toMb(peak - before), before_mb: toMb(before), ms })}\n`);
