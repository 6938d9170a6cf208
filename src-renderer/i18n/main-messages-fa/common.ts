/** Helpers of the Persian sentences of main's messages. */
import { formatNumber } from '../digits';

/** A number in Persian digits. */
export const n = (value: number) => formatNumber('fa', value);

/** «از ۱۴:۰۲ روز ۲۰۲۶-۱۱-۲۷ (UTC)» from a lock's ISO time, or nothing. */
export function sinceFa(since: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(since);
  return match ? ` از ساعت ${toFaDigits(match[2]!)} روز ${toFaDigits(match[1]!)} (UTC)` : '';
}

/** ASCII digits in a string as Persian digits. */
export function toFaDigits(text: string): string {
  return text.replace(/[0-9]/g, (d) => String.fromCharCode(0x06f0 + Number(d)));
}

/** «⁨a⁩، ⁨b⁩ و ⁨c⁩» */
export function listFa(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join('، ')} و ${items[items.length - 1]}`;
}
