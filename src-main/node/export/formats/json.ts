/**
 * The JSON document: the manifest's fields, then `articles` (text, file facts, each chosen
 * layer's decision per paragraph), then `records` (exactly the JSONL records), then
 * `orphaned_labels`, `skipped` and `counts`. One array element per line, so a large export stays
 * readable with line tools. Records are spooled to a scratch file while articles are written.
 * An article's line is written in pieces (json-pieces.ts): a long article's never exists whole.
 */
import type { TextSink } from '../sink';
import type { FormatWriter } from '../types';
import { writeJsonInPieces } from './json-pieces';
import { ScratchFile } from './scratch';

export function jsonWriter(sink: TextSink, scratchNear: string): FormatWriter {
  let scratch: ScratchFile | null = null;
  let articles = 0;
  let records = 0;
  return {
    async begin(manifest) {
      scratch = await ScratchFile.create(scratchNear);
      const head = JSON.stringify(manifest, null, 2);
      await sink.write(`${head.slice(0, head.lastIndexOf('}')).trimEnd()},\n  "articles": [`);
    },
    async article(article, built) {
      await sink.write(`${articles++ ? ',' : ''}\n    `);
      await writeJsonInPieces({ ...article, paragraphs: built.paragraphs }, (text) => sink.write(text));
      for (const r of built.records) await scratch!.write(`${records++ ? ',' : ''}\n    ${JSON.stringify(r)}`);
    },
    async end(summary) {
      await sink.write(`${articles ? '\n  ' : ''}],\n  "records": [`);
      await scratch!.drainTo((chunk) => sink.writeBytes(chunk));
      await sink.write(`${records ? '\n  ' : ''}],\n`);
      const tail = [
        `  "orphaned_labels": ${list(summary.orphaned_labels)}`,
        `  "skipped": ${list(summary.skipped)}`,
        `  "counts": ${JSON.stringify(summary.counts)}`,
      ];
      await sink.write(`${tail.join(',\n')}\n}\n`);
      await sink.commit();
    },
    async abort() {
      await scratch?.remove();
      await sink.abort();
    },
  };
}

function list(items: readonly unknown[]): string {
  return items.length ? `[\n${items.map((i) => `    ${JSON.stringify(i)}`).join(',\n')}\n  ]` : '[]';
}
