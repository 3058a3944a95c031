/**
 * Dates with a clock time as apps print them in the reader's own time zone: "January 27, 2026 at
 * 1:28 AM", "12:55 AM · Jan 27, 2026", "27. Januar 2026 um 01:28", "Oct 28, 2024, 08:20 PM".
 *
 * TODO(parse): `parseTime` reads the date part of these but not a date and a time together; this
 * small reader splits the clock time off, lets `parseTime` read the date, and joins the two in the
 * browser's zone (the zone the page printed them in). It belongs in core/parse/time.ts; Bluesky and
 * Mastodon both use it until it moves there.
 */
import { parseTime } from '../../parse/time';

const CLOCK = /(\d{1,2})[:.](\d{2})(?:[:.]\d{2})?(?:\s*([AaPp])\.?\s*[Mm]\.?)?(?!\d)/;
/** Words that join a date and a time ("at", "um", "à", "a las", "alle", "om", "às", "kl."). */
const JOINERS = /(?:^|\s)(?:at|um|à|a|las|alle|om|às|kl|klo|godz|o)\.?(?=\s|$)/giu;

/** A date with a clock time, read as local time, as ISO UTC; null when it has no full date and time. */
export function localDateTime(label: string, now: Date, locale: string | null): string | null {
  const clock = CLOCK.exec(label);
  if (!clock) return null;
  const datePart = label
    .replace(clock[0], ' ')
    .replace(/[·•|,]/g, ' ')
    .replace(JOINERS, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const day = parseTime(datePart, now, locale);
  if (!day || !/\d{4}/.test(datePart)) return null;
  let hours = Number(clock[1]);
  const minutes = Number(clock[2]);
  const half = clock[3]?.toLowerCase();
  if (half === 'p' && hours < 12) hours += 12;
  if (half === 'a' && hours === 12) hours = 0;
  if (hours > 23 || minutes > 59) return null;
  const d = new Date(day);
  const local = new Date(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), hours, minutes);
  return Number.isNaN(local.getTime()) ? null : local.toISOString();
}
