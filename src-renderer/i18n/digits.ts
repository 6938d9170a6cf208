/** Numbers in the UI's digits: Persian digits (۰–۹) in the Persian UI, ASCII otherwise. */
export function formatNumber(locale: 'en' | 'fa', n: number): string {
  return locale === 'fa' ? n.toLocaleString('fa-IR', { useGrouping: false }) : String(n);
}
