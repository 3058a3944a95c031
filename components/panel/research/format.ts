/** Dates in the Research view, in the UI language ("21.10.2025, 14:03" / "Oct 21, 2025, 2:03 PM"). */
import { lang } from '../../i18n';

const formats = new Map<string, Intl.DateTimeFormat>();

export function formatDateTime(ms: number): string {
  let format = formats.get(lang.value);
  if (!format) {
    format = new Intl.DateTimeFormat(lang.value, { dateStyle: 'medium', timeStyle: 'short' });
    formats.set(lang.value, format);
  }
  return format.format(ms);
}
