/** JSONL: one record per line (paragraph × layer, or one resolved record per paragraph), UTF-8, LF. */
import type { TextSink } from '../sink';
import type { FormatWriter } from '../types';

/**
 * Lines are handed to the sink about this many characters at a time: a 10,000-paragraph
 * article's lines never exist all at once, and no batch reaches V8's large-object size (128 KB,
 * i.e. 64 K characters of Persian text): a large string is allocated in the old generation and
 * stays in RSS until a full collection, where a smaller one dies young. (256 records at a time,
 * ~150 K characters, put ~40% of a small-scale export's promoted bytes there.)
 */
const BATCH_CHARS = 16 * 1024;

export function jsonlWriter(sink: TextSink): FormatWriter {
  return {
    begin: async () => {},
    article: async (_article, built) => {
      let lines = '';
      for (const r of built.records) {
        lines += `${JSON.stringify(r)}\n`;
        if (lines.length < BATCH_CHARS) continue;
        await sink.write(lines);
        lines = '';
      }
      if (lines) await sink.write(lines);
    },
    end: () => sink.commit(),
    abort: () => sink.abort(),
  };
}
