/** How the Replies view words times: ages ("vor 3 Std." / "3 hours ago") and durations ("2 Std. 5 Min."). */
import { lang } from '../../i18n';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "vor 5 Minuten" / "5 minutes ago", in the UI language. */
export function formatAge(ms: number): string {
  const format = new Intl.RelativeTimeFormat(lang.value, { numeric: 'auto' });
  if (ms < HOUR) return format.format(-Math.max(0, Math.round(ms / MINUTE)), 'minute');
  if (ms < 2 * DAY) return format.format(-Math.round(ms / HOUR), 'hour');
  return format.format(-Math.round(ms / DAY), 'day');
}

function unit(value: number, name: 'minute' | 'hour' | 'day'): string {
  return new Intl.NumberFormat(lang.value, { style: 'unit', unit: name, unitDisplay: 'short' }).format(value);
}

/** A duration in its two largest units ("1 Tg., 4 Std." / "3 hr, 20 min"); null → null. */
export function formatDuration(ms: number | null): string | null {
  if (ms === null || !Number.isFinite(ms)) return null;
  const days = Math.floor(ms / DAY);
  const hours = Math.floor((ms % DAY) / HOUR);
  const minutes = Math.round((ms % HOUR) / MINUTE);
  if (days > 0) return hours > 0 ? `${unit(days, 'day')} ${unit(hours, 'hour')}` : unit(days, 'day');
  if (hours > 0)
    return minutes > 0 ? `${unit(hours, 'hour')} ${unit(minutes, 'minute')}` : unit(hours, 'hour');
  return unit(minutes, 'minute');
}
