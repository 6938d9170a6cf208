/**
 * The one way the UI gets its words, in English or Persian: `i18n.m` is the catalogue (en.ts,
 * fa.ts and the feature tables they include, such as article-tools.ts and export-import.ts),
 * `i18n.said` writes what main sent as a message code, and num/fixed/percent/when format numbers
 * and times. The Persian table must have exactly the English keys and signatures, or the build
 * fails. Not translated: workspace data (label names and hints, article text, file names) and
 * key caps.
 */
import { en, type Messages } from './en';
import { fa } from './fa';
import { formatFixed, formatNumber, formatPercent, formatWhen } from './digits';
import { englishText, isMainMessage, type MainMessage } from '../../src-main/shared/messages';
import { persianText } from './main-messages-fa';
import { isolatedName, showBidiControls } from '../../src-main/shared/visible-name';

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

  /**
   * What main said (shared/messages) in the UI's language: names from files isolated
   * (U+2068 … U+2069) so a Latin path keeps a Persian sentence right to left, and every bidi
   * control in main's texts shown, never applied. Anything else main sent is shown as text.
   */
  said(message: MainMessage | string): string {
    if (typeof message === 'string' || !isMainMessage(message)) return showBidiControls(String(message));
    const visible = Object.fromEntries(Object.entries(message).map(([k, v]) => [k, typeof v === 'string' && k !== 'code' ? showBidiControls(v) : v])) as MainMessage;
    return this.locale === 'fa' ? persianText(visible, isolatedName) : englishText(visible, isolatedName);
  }

  /** An instant as local date and time, in the UI's calendar and digits. */
  when(iso: string): string {
    return formatWhen(this.locale, iso);
  }

  /** A share (0.795) as a percentage in the UI's digits: «79.5%», «۷۹٫۵٪». */
  percent(share: number, digits = 1): string {
    return formatPercent(this.locale, share, digits);
  }
}

export const i18n = new I18n();
