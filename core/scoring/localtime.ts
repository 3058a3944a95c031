/**
 * Weekday and hour of a moment in an IANA time zone, via Intl (pure: same input, same output).
 * Intl formatting costs microseconds, so a per-call memo keyed by 15-minute UTC slot is offered:
 * every current zone's offset is a multiple of 15 min and changes on a 15-min UTC boundary, so all
 * moments in one slot share weekday and hour.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

const WEEKDAY_INDEX: Readonly<Record<string, number>> = {
  Mon: 0,
  Tue: 1,
  Wed: 2,
  Thu: 3,
  Fri: 4,
  Sat: 5,
  Sun: 6,
};

const SLOT_MS = 15 * 60_000;

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    // en-US short weekday names are stable identifiers; h23 avoids "24" at midnight in some engines.
    f = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', hour: 'numeric', hourCycle: 'h23' });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Weekday (0 = Monday … 6 = Sunday) and hour (0–23) of epoch-ms `t` in `timeZone`; throws RangeError for an unknown zone. */
export function localWeekdayHour(t: number, timeZone: string): { weekday: number; hour: number } {
  let weekday = -1;
  let hour = -1;
  for (const part of formatterFor(timeZone).formatToParts(t)) {
    if (part.type === 'weekday') weekday = WEEKDAY_INDEX[part.value] ?? -1;
    else if (part.type === 'hour') hour = Number(part.value) % 24;
  }
  if (weekday < 0 || !(hour >= 0)) throw new RangeError(`cannot read weekday/hour in ${timeZone}`);
  return { weekday, hour };
}

/** A memoised `t → weekday × 24 + hour` for one zone (0 … 167, Monday 00 h first); use within one call. */
export function cellIndexer(timeZone: string): (t: number) => number {
  formatterFor(timeZone); // fail fast on an unknown zone, even with no posts
  const memo = new Map<number, number>();
  return (t: number) => {
    const slot = Math.floor(t / SLOT_MS);
    let cell = memo.get(slot);
    if (cell === undefined) {
      const { weekday, hour } = localWeekdayHour(t, timeZone);
      cell = weekday * 24 + hour;
      memo.set(slot, cell);
    }
    return cell;
  };
}
