import { describe, expect, it } from 'vitest';
import { AssignmentFileError, parseAssignmentFile } from '../../../../src-main/node/workspace/assignments';

const file = (...lines: string[]) => new TextEncoder().encode(`${['{"version":1,"annotator":"sara"}', ...lines].join('\n')}\n`);
const parse = (...lines: string[]) => parseAssignmentFile('.pilcrow/assignments/sara.jsonl', 'sara', file(...lines));

describe('assignment file lines', () => {
  it('reads lines as Pilcrow writes them, and lines with a field it does not know', () => {
    expect(parse('{"article":"news/a.txt","queue":2}', '{"article":"news/b.txt","queue":1,"overlap":true}', '{"article":"news/c.txt","queue":3,"note":"by hand"}')).toEqual([
      { article: 'news/a.txt', queue: 2, overlap: false },
      { article: 'news/b.txt', queue: 1, overlap: true },
      { article: 'news/c.txt', queue: 3, overlap: false },
    ]);
  });

  it.each([
    ['a queue of 0', '{"article":"news/a.txt","queue":0}'],
    ['a queue that is not a whole number', '{"article":"news/a.txt","queue":1.5}'],
    ['a queue past 1e9', '{"article":"news/a.txt","queue":1000000001}'],
    ['a queue as text', '{"article":"news/a.txt","queue":"1"}'],
    ['overlap that is not true or false', '{"article":"news/a.txt","queue":1,"overlap":"yes"}'],
    ['an absolute path', '{"article":"/etc/passwd","queue":1}'],
    ['a path out of the workspace', '{"article":"news/../../secret.txt","queue":1}'],
    ['a Windows path', '{"article":"news\\\\a.txt","queue":1}'],
    ['an empty path', '{"article":"","queue":1}'],
    ['a path with an empty folder', '{"article":"news//a.txt","queue":1}'],
    ['no article', '{"queue":1}'],
    ['an array', '["news/a.txt",1]'],
  ])('refuses %s with the line and what it should be', (_, bad) => {
    const run = () => parse('{"article":"news/ok.txt","queue":1}', bad);
    expect(run).toThrow(AssignmentFileError);
    expect(run).toThrow('line 3 should be {"article":"folder/file.txt","queue":N}');
  });
});
