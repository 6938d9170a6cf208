import { describe, expect, it } from 'vitest';
import { importRequest, parseLabelMapText as parseLabelMap, sameRequest, type ImportChoices } from '../../../src-renderer/features/export/import-form';

const choices = (over: Partial<ImportChoices> = {}): ImportChoices => ({ annotator: '', format: 'auto', map: '', asGold: false, ...over });

describe('the import dialog’s choices', () => {
  it('reads a label map of old=new pairs split by Latin or Persian commas, and names the first bad part', () => {
    expect(parseLabelMap(' AD=ad ,Quote = quote،ادعا=claim, ')).toEqual({ pairs: [['AD', 'ad'], ['Quote', 'quote'], ['ادعا', 'claim']] });
    expect(parseLabelMap('AD=ad, quote')).toEqual({ bad: 'quote' });
    expect(parseLabelMap('=ad')).toEqual({ bad: '=ad' });
    expect(parseLabelMap('')).toEqual({ pairs: [] });
  });

  it('sends only what was chosen, and nothing while the map is bad', () => {
    expect(importRequest(choices())).toEqual({});
    expect(importRequest(choices({ annotator: ' lena ', format: 'doccano', map: 'AD=ad', asGold: true }))).toEqual({ annotator: 'lena', format: 'doccano', map: [['AD', 'ad']], asGold: true });
    expect(importRequest(choices({ map: 'AD' }))).toBeNull();
  });

  it('treats a preview as current only for the same request', () => {
    const previewed = importRequest(choices({ annotator: 'lena' }));
    expect(sameRequest(importRequest(choices({ annotator: 'lena ' })), previewed)).toBe(true);
    expect(sameRequest(importRequest(choices({ annotator: 'lena', asGold: true })), previewed)).toBe(false);
    expect(sameRequest(null, previewed)).toBe(false);
  });
});
