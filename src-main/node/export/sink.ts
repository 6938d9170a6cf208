/**
 * Where an export's text goes as it is produced: a file written with the durable protocol
 * (temp + fsync + rename, so a cancelled or failed export leaves the target untouched), or a
 * stream such as stdout (the CLI without --out), honouring back-pressure.
 */
import type { Writable } from 'node:stream';
import { AtomicStream, nodeDurableFs, type DurableFs } from '../storage';

export interface TextSink {
  write(text: string): Promise<void>;
  /** Bytes that already are UTF-8 text (a spooled part of the output); the caller may reuse them once this settles. */
  writeBytes(bytes: Uint8Array): Promise<void>;
  /** Makes the output final (the file appears); nothing may be written after. */
  commit(): Promise<void>;
  /** Drops the output: the temp file is removed; a stream just stops. */
  abort(): Promise<void>;
}

export async function fileSink(target: string, fs: DurableFs = nodeDurableFs): Promise<TextSink> {
  const stream = await AtomicStream.open(fs, target);
  return {
    write: (text) => stream.writeText(text),
    writeBytes: (bytes) => stream.write(bytes),
    commit: () => stream.commit(),
    abort: () => stream.abort(),
  };
}

/** Writes to a stream without closing it (stdout stays open for the caller). */
export function streamSink(out: Writable): TextSink {
  let pending = '';
  const send = async (chunk: string | Uint8Array) => {
    if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', resolve));
  };
  const flush = async () => {
    if (!pending) return;
    const chunk = pending;
    pending = '';
    await send(chunk);
  };
  return {
    write: async (text) => {
      pending += text;
      if (pending.length >= 64 * 1024) await flush();
    },
    writeBytes: async (bytes) => {
      await flush();
      // A stream may still hold a chunk after write() returns; the caller's buffer will be refilled.
      await send(Buffer.from(bytes));
    },
    commit: flush,
    abort: async () => {
      pending = '';
    },
  };
}
