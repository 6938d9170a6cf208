/** JSONL: one record per line (paragraph × layer, or one resolved record per paragraph), UTF-8, LF. */
import type { TextSink } from '../sink';
import type { FormatWriter } from '../types';

export function jsonlWriter(sink: TextSink): FormatWriter {
  return {
    begin: async () => {},
    article: async (_article, built) => {
      if (built.records.length === 0) return;
      await sink.write(built.records.map((r) => JSON.stringify(r)).join('\n') + '\n');
    },
    end: () => sink.commit(),
    abort: () => sink.abort(),
  };
}
