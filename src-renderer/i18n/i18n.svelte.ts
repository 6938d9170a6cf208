/**
 * Every string the UI shows comes from here, in English or Persian. Messages are typed: the
 * Persian table must have exactly the English keys and signatures, or the build fails.
 */
import { en, type Messages } from './en';
import { fa } from './fa';
import { formatFixed, formatNumber, formatPercent } from './digits';

export type Locale = 'en' | 'fa';

class I18n {
  locale = $state<Locale>('en');

  get m(): Messages {
    return this.locale === 'fa' ? fa : en;
  }

  get dir(): 'rtl' | 'ltr' {
    return this.locale === 'fa' ? 'rtl' : 'ltr';
  }

  /** A number in the UI's digits (Persian digits in the Persian UI). */
  num(n: number): string {
    return formatNumber(this.locale, n);
  }

  /** A number with `digits` decimals, in the UI's digits. */
  fixed(n: number, digits: number): string {
    return formatFixed(this.locale, n, digits);
  }

  /** A share (0.795) as a percentage in the UI's digits: «79.5%», «۷۹٫۵٪». */
  percent(share: number, digits = 1): string {
    return formatPercent(this.locale, share, digits);
  }
}

export const i18n = new I18n();
