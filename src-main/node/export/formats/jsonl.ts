/** JSONL: one record per line (paragraph × layer, or one resolved record per paragraph), UTF-8, LF. */
import type { TextSink } from '../sink';
import type { FormatWriter } from '../types';

/**
 * Records are serialised and handed to the sink a few hundred at a time: a 10,000-paragraph
 * article's lines never exist all at once, so its text dies young instead of filling the heap.
 */
const BATCH = 256;

export function jsonlWriter(sink: TextSink): FormatWriter {
  return {
    begin: async () => {},
    article: async (_article, built) => {
      for (let i = 0; i < built.records.length; i += BATCH) {
        let lines = '';
        for (const r of built.records.slice(i, i + BATCH)) lines += `${JSON.stringify(r)}\n`;
        await sink.write(lines);
      }
    },
    end: () => sink.commit(),
    abort: () => sink.abort(),
  };
}
