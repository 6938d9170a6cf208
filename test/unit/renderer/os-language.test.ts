import { describe, expect, it } from 'vitest';
import { osLanguage } from '../../../src-renderer/features/settings/os-language';

describe('the language a first run starts in', () => {
  it('is Persian on a Persian system, whatever its region or spelling', () => {
    expect(osLanguage(['fa-IR'])).toBe('fa');
    expect(osLanguage(['fa'])).toBe('fa');
    expect(osLanguage(['FA_af', 'en-US'])).toBe('fa');
  });

  it('is English when English comes first or nothing Pilcrow speaks is listed', () => {
    expect(osLanguage(['en-GB', 'fa-IR'])).toBe('en');
    expect(osLanguage(['de-DE', 'fr'])).toBe('en');
    expect(osLanguage([])).toBe('en');
  });
});
