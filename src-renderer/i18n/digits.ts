/** Numbers in the UI's digits: Persian digits (۰–۹) in the Persian UI, ASCII otherwise. */
export function formatNumber(locale: 'en' | 'fa', n: number): string {
  return locale === 'fa' ? n.toLocaleString('fa-IR', { useGrouping: false }) : String(n);
}

/** A number with `digits` decimals, in the UI's digits and decimal sign («۰٫۸۵» in Persian). */
export function formatFixed(locale: 'en' | 'fa', n: number, digits: number): string {
  return locale === 'fa' ? n.toLocaleString('fa-IR', { minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: false }) : n.toFixed(digits);
}

/** A share (0.795) as a percentage with up to `digits` decimals: «79.5%», in Persian «۷۹٫۵٪». */
export function formatPercent(locale: 'en' | 'fa', share: number, digits = 1): string {
  return share.toLocaleString(locale === 'fa' ? 'fa-IR' : 'en-US', { style: 'percent', minimumFractionDigits: 0, maximumFractionDigits: digits, useGrouping: false });
}

/** An instant (ISO 8601) as this machine's local date and time: the Persian calendar and digits in the Persian UI. */
export function formatWhen(locale: 'en' | 'fa', iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(locale === 'fa' ? 'fa-IR' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}
