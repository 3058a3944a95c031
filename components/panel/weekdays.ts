/** Weekday names in the UI language (0 = Monday), from Intl rather than the message catalogue. */
import { lang } from '../i18n';

// 2024-01-01 was a Monday.
const MONDAY = Date.UTC(2024, 0, 1, 12);
const cache = new Map<string, string[]>();

/** The name of weekday `index` (0 = Monday … 6 = Sunday), short ("Mo") or long ("Montag"). */
export function weekdayName(index: number, width: 'short' | 'long'): string {
  const key = `${lang.value}:${width}`;
  let names = cache.get(key);
  if (!names) {
    const f = new Intl.DateTimeFormat(lang.value, { weekday: width, timeZone: 'UTC' });
    names = Array.from({ length: 7 }, (_, i) => f.format(MONDAY + i * 86_400_000));
    cache.set(key, names);
  }
  return names[index] ?? '';
}
