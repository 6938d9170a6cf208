/**
 * The two sides of a file git left mid-merge: `ours` takes every conflict's first part, `theirs`
 * its last (a diff3 base part between `|||||||` and `=======` is dropped), the lines outside the
 * conflicts go to both. Null when the markers do not pair up.
 */
export function conflictSides(text: string): { ours: string; theirs: string } | null {
  const ours: string[] = [];
  const theirs: string[] = [];
  let part: 'both' | 'ours' | 'base' | 'theirs' = 'both';
  for (const line of text.split('\n')) {
    if (/^<{7}(?: |$)/.test(line)) {
      if (part !== 'both') return null;
      part = 'ours';
    } else if (/^\|{7}(?: |$)/.test(line)) {
      if (part !== 'ours') return null;
      part = 'base';
    } else if (/^={7}$/.test(line)) {
      if (part !== 'ours' && part !== 'base') return null;
      part = 'theirs';
    } else if (/^>{7}(?: |$)/.test(line)) {
      if (part !== 'theirs') return null;
      part = 'both';
    } else {
      if (part === 'both' || part === 'ours') ours.push(line);
      if (part === 'both' || part === 'theirs') theirs.push(line);
    }
  }
  return part === 'both' ? { ours: ours.join('\n'), theirs: theirs.join('\n') } : null;
}
