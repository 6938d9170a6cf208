/**
 * The editor's own splits and merges, kept as a per-article list and re-applied on top of the
 * format's segmentation every time the article is read. Each edit names its place by the text
 * around it (not by an offset alone), so it survives edits elsewhere in the file; `at` (UTF-16
 * offset when it was made) only picks the nearest place when the same text occurs twice.
 */
import { SaidError, type MainMessage } from '../shared/messages';
import { trimmedBlock, type Block } from './segment';

export type SegmentEdit =
  /** Cut a paragraph where `before` ends and `after` begins. */
  | { kind: 'split'; at: number; before: string; after: string }
  /** Join the paragraph ending with `end` to the next one, which starts with `start`. */
  | { kind: 'merge'; at: number; end: string; start: string };

const CONTEXT = 24;

export class EditError extends SaidError {}

export function splitEdit(text: string, block: Block, offsetInBlock: number): SegmentEdit {
  const at = block.start + offsetInBlock;
  const head = trimmedBlock(text, block.start, at);
  const tail = trimmedBlock(text, at, block.end);
  if (offsetInBlock <= 0 || at >= block.end || !head || !tail) {
    throw new EditError({ code: 'split-needs-caret' });
  }
  return { kind: 'split', at, before: text.slice(Math.max(block.start, at - CONTEXT), at), after: text.slice(at, Math.min(block.end, at + CONTEXT)) };
}

export function mergeEdit(text: string, blocks: readonly Block[], index: number): SegmentEdit {
  const first = blocks[index];
  const second = blocks[index + 1];
  if (!first || !second) throw new EditError({ code: 'merge-needs-next' });
  return {
    kind: 'merge',
    at: first.end,
    end: text.slice(Math.max(first.start, first.end - CONTEXT), first.end),
    start: text.slice(second.start, Math.min(second.end, second.start + CONTEXT)),
  };
}

/** Applies the edits in order; an edit whose place is gone from the text is returned in `failed`. */
export function applyEdits(text: string, blocks: readonly Block[], edits: readonly SegmentEdit[]): { blocks: Block[]; failed: SegmentEdit[] } {
  let current = [...blocks];
  const failed: SegmentEdit[] = [];
  for (const edit of edits) {
    const next = edit.kind === 'split' ? applySplit(text, current, edit) : applyMerge(text, current, edit);
    if (next) current = next;
    else failed.push(edit);
  }
  return { blocks: current, failed };
}

function applySplit(text: string, blocks: Block[], edit: Extract<SegmentEdit, { kind: 'split' }>): Block[] | null {
  const needle = edit.before + edit.after;
  let best: { i: number; at: number } | null = null;
  for (let found = text.indexOf(needle); found >= 0; found = text.indexOf(needle, found + 1)) {
    const at = found + edit.before.length;
    const i = blocks.findIndex((b) => b.start < at && at < b.end);
    const block = blocks[i];
    if (!block || !trimmedBlock(text, block.start, at) || !trimmedBlock(text, at, block.end)) continue;
    if (!best || Math.abs(at - edit.at) < Math.abs(best.at - edit.at)) best = { i, at };
  }
  if (!best) return null;
  const block = blocks[best.i]!;
  const halves = [trimmedBlock(text, block.start, best.at), trimmedBlock(text, best.at, block.end)].filter((b): b is Block => b !== null);
  return [...blocks.slice(0, best.i), ...halves, ...blocks.slice(best.i + 1)];
}

function applyMerge(text: string, blocks: Block[], edit: Extract<SegmentEdit, { kind: 'merge' }>): Block[] | null {
  let best = -1;
  for (let i = 0; i + 1 < blocks.length; i++) {
    const first = blocks[i]!;
    const second = blocks[i + 1]!;
    if (!text.slice(first.start, first.end).endsWith(edit.end) || !text.slice(second.start, second.end).startsWith(edit.start)) continue;
    if (best < 0 || Math.abs(first.end - edit.at) < Math.abs(blocks[best]!.end - edit.at)) best = i;
  }
  if (best < 0) return null;
  const merged = { start: blocks[best]!.start, end: blocks[best + 1]!.end };
  return [...blocks.slice(0, best), merged, ...blocks.slice(best + 2)];
}

/** One line for the editor about an edit that no longer fits the file. */
export function describeFailedEdit(edit: SegmentEdit): MainMessage {
  const where = edit.kind === 'split' ? `«…${edit.before}|${edit.after}…»` : `«…${edit.end}» + «${edit.start}…»`;
  return { code: 'edit-no-longer-fits', kind: edit.kind, where };
}
