import { describe, expect, it } from 'vitest';
import { searchKey } from '../../../../src-main/core/search-key';
import * as site from '../../../../src-main/core/suggest/site-words';
import * as speech from '../../../../src-main/core/suggest/speech-words';

describe('suggester word lists', () => {
  const lists = { ...site, ...speech } as Record<string, unknown>;
  for (const [name, list] of Object.entries(lists)) {
    if (!Array.isArray(list)) continue;
    it(`${name} is written in search-key form, so it matches what the suggesters compare`, () => {
      expect((list as string[]).filter((w) => searchKey(w) !== w || w.includes('/'))).toEqual([]);
    });
  }
});
