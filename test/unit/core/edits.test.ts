import { describe, expect, it } from 'vitest';
import { applyEdits, EditError, mergeEdit, splitEdit } from '../../../src-main/core/edits';
import { segmentByLine } from '../../../src-main/core/segment';

const texts = (text: string, blocks: { start: number; end: number }[]) => blocks.map((b) => text.slice(b.start, b.end));

const TEXT = 'تیتر خبر\nجمله‌ی اول خبر. جمله‌ی دوم خبر.\nپانویس سایت';

describe('split and merge edits', () => {
  it('splits a paragraph at the caret and trims both halves', () => {
    const blocks = segmentByLine(TEXT);
    const caret = TEXT.slice(blocks[1]!.start, blocks[1]!.end).indexOf(' جمله‌ی دوم');
    const edit = splitEdit(TEXT, blocks[1]!, caret);
    const { blocks: after, failed } = applyEdits(TEXT, blocks, [edit]);
    expect(failed).toEqual([]);
    expect(texts(TEXT, after)).toEqual(['تیتر خبر', 'جمله‌ی اول خبر.', 'جمله‌ی دوم خبر.', 'پانویس سایت']);
  });

  it('refuses a split at the edge of a paragraph or in its surrounding space', () => {
    const blocks = segmentByLine(TEXT);
    expect(() => splitEdit(TEXT, blocks[1]!, 0)).toThrow(EditError);
    expect(() => splitEdit(TEXT, blocks[1]!, blocks[1]!.end - blocks[1]!.start)).toThrow(/caret inside the paragraph/);
  });

  it('merges a paragraph with the next one into one range over the original text', () => {
    const blocks = segmentByLine(TEXT);
    const { blocks: after } = applyEdits(TEXT, blocks, [mergeEdit(TEXT, blocks, 1)]);
    expect(texts(TEXT, after)).toEqual(['تیتر خبر', 'جمله‌ی اول خبر. جمله‌ی دوم خبر.\nپانویس سایت']);
    expect(() => mergeEdit(TEXT, blocks, 2)).toThrow(/no next paragraph/);
  });

  it('finds its place again after text was inserted before it', () => {
    const blocks = segmentByLine(TEXT);
    const split = splitEdit(TEXT, blocks[1]!, 16);
    // Edits are made one after another, each on the paragraphs the previous one left.
    const edits = [split, mergeEdit(TEXT, applyEdits(TEXT, blocks, [split]).blocks, 0)];
    const changed = `خبر تازه‌ای در بالا\n${TEXT}`;
    const { blocks: after, failed } = applyEdits(changed, segmentByLine(changed), edits);
    expect(failed).toEqual([]);
    expect(texts(changed, after)).toEqual(['خبر تازه‌ای در بالا', 'تیتر خبر\nجمله‌ی اول خبر.', 'جمله‌ی دوم خبر.', 'پانویس سایت']);
  });

  it('picks the occurrence nearest where the edit was made when the same text repeats', () => {
    const text = 'a b c\nx\na b c';
    const blocks = segmentByLine(text);
    const edit = splitEdit(text, blocks[2]!, 1);
    const { blocks: after } = applyEdits(text, blocks, [edit]);
    expect(texts(text, after)).toEqual(['a b c', 'x', 'a', 'b c']);
  });

  it('reports an edit whose text is gone instead of applying it somewhere else', () => {
    const blocks = segmentByLine(TEXT);
    const edit = splitEdit(TEXT, blocks[1]!, 16);
    const rewritten = 'تیتر خبر\nمتنی کاملا دیگر\nپانویس سایت';
    const { blocks: after, failed } = applyEdits(rewritten, segmentByLine(rewritten), [edit]);
    expect(failed).toEqual([edit]);
    expect(after).toHaveLength(3);
  });
});
