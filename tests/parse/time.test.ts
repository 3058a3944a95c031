import { describe, expect, it } from 'vitest';
import { parseTime } from '../../core/parse';
import { parseDateTime } from '../../core/parse/time';

/** Saturday 15 June 2024, 10:00 UTC. */
const NOW = new Date('2024-06-15T10:00:00.000Z');
const ago = (minutes: number) => new Date(NOW.getTime() - minutes * 60_000).toISOString();
const HOUR = 60;
const DAY = 24 * HOUR;

describe('parseTime: machine times', () => {
  it.each([
    ['2024-03-12T10:00:00.000Z', '2024-03-12T10:00:00.000Z'],
    ['2024-03-12T10:00:00Z', '2024-03-12T10:00:00.000Z'],
    ['2024-03-12T10:00:00+02:00', '2024-03-12T08:00:00.000Z'],
    ['2024-03-12T10:00:00-0530', '2024-03-12T15:30:00.000Z'],
    ['2024-03-12T10:00:00.123456Z', '2024-03-12T10:00:00.123Z'],
    ['2024-03-12 10:00', '2024-03-12T10:00:00.000Z'],
    ['2024-03-12T10:00:00', '2024-03-12T10:00:00.000Z'],
  ])('reads the <time datetime> value %s', (text, iso) => {
    expect(parseTime(text, NOW)).toBe(iso);
  });

  it('reads epoch seconds and milliseconds', () => {
    expect(parseTime('1710237600', NOW)).toBe('2024-03-12T10:00:00.000Z');
    expect(parseTime('1710237600000', NOW)).toBe('2024-03-12T10:00:00.000Z');
    expect(parseTime('1710237600.5', NOW)).toBe('2024-03-12T10:00:00.500Z');
  });

  it('rejects impossible machine times', () => {
    expect(parseTime('2024-02-30T10:00:00Z', NOW)).toBeNull();
    expect(parseTime('2024-03-12T25:00:00Z', NOW)).toBeNull();
    expect(parseTime('17102376000', NOW)).toBeNull(); // 11 digits: seconds or milliseconds?
  });
});

describe('parseTime: relative times', () => {
  it.each([
    ['vor 3 Std.', 3 * HOUR],
    ['vor 3 Stunden', 3 * HOUR],
    ['vor 1 Stunde', HOUR],
    ['vor einer Stunde', HOUR],
    ['vor 2 Tagen', 2 * DAY],
    ['vor einem Tag', DAY],
    ['vor 5 Minuten', 5],
    ['vor 5 Min.', 5],
    ['vor 30 Sekunden', 0.5],
    ['vor 3 Wochen', 21 * DAY],
    ['vor 2 T.', 2 * DAY],
    ['3 Std.', 3 * HOUR],
    ['5 Min.', 5],
    ['2 T.', 2 * DAY],
    ['2 Tg.', 2 * DAY],
    ['1 W.', 7 * DAY],
    ['3h', 3 * HOUR],
    ['2d', 2 * DAY],
    ['5m', 5],
    ['1w', 7 * DAY],
    ['45s', 0.75],
    ['3 hours ago', 3 * HOUR],
    ['3 hr. ago', 3 * HOUR],
    ['3h ago', 3 * HOUR],
    ['2 days ago', 2 * DAY],
    ['an hour ago', HOUR],
    ['a day ago', DAY],
    ['5 minutes ago', 5],
    ['yesterday', DAY],
    ['gestern', DAY],
    ['vorgestern', 2 * DAY],
    ['just now', 0],
    ['gerade eben', 0],
    ['Jetzt', 0],
    ['now', 0],
    ['il y a 3 heures', 3 * HOUR],
    ['il y a un jour', DAY],
    ['hier', DAY],
    ['hace 2 días', 2 * DAY],
    ['hace una hora', HOUR],
    ['3 ore fa', 3 * HOUR],
    ['2 giorni fa', 2 * DAY],
    ['2 dagen geleden', 2 * DAY],
    ['3 uur geleden', 3 * HOUR],
    ['há 3 horas', 3 * HOUR],
    ['3 godziny temu', 3 * HOUR],
    ['3 saat önce', 3 * HOUR],
    ['3 時間前', 3 * HOUR],
    ['3時間前', 3 * HOUR],
  ])('reads %j as that long before now', (text, minutes) => {
    expect(parseTime(text, NOW)).toBe(ago(minutes));
  });

  it('counts months and years back on the calendar', () => {
    expect(parseTime('vor 2 Monaten', NOW)).toBe('2024-04-15T10:00:00.000Z');
    expect(parseTime('3mo', NOW)).toBe('2024-03-15T10:00:00.000Z');
    expect(parseTime('1 year ago', NOW)).toBe('2023-06-15T10:00:00.000Z');
    expect(parseTime('vor 1 Jahr', NOW)).toBe('2023-06-15T10:00:00.000Z');
    expect(parseTime('1y', NOW)).toBe('2023-06-15T10:00:00.000Z');
  });

  it('reads "J." as German Jahr and "j" as French jour, and lets the hint decide', () => {
    expect(parseTime('1 J.', NOW)).toBe('2023-06-15T10:00:00.000Z');
    expect(parseTime('2 j', NOW)).toBe(ago(2 * DAY));
    expect(parseTime('2 j', NOW, 'de')).toBe('2022-06-15T10:00:00.000Z');
    expect(parseTime('2 J', NOW, 'fr')).toBe(ago(2 * DAY));
  });
});

describe('parseTime: dates', () => {
  it.each([
    ['Mar 5, 2024', '2024-03-05T12:00:00.000Z'],
    ['March 5, 2024', '2024-03-05T12:00:00.000Z'],
    ['March 5th, 2024', '2024-03-05T12:00:00.000Z'],
    ['5 Mar 2024', '2024-03-05T12:00:00.000Z'],
    ['5. März 2024', '2024-03-05T12:00:00.000Z'],
    ['5. Jan. 2023', '2023-01-05T12:00:00.000Z'],
    ['12.03.2024', '2024-03-12T12:00:00.000Z'],
    ['12.3.2024', '2024-03-12T12:00:00.000Z'],
    ['12.03.24', '2024-03-12T12:00:00.000Z'],
    ['2024-03-12', '2024-03-12T12:00:00.000Z'],
    ['2024/03/12', '2024-03-12T12:00:00.000Z'],
    ['12-03-2024', '2024-03-12T12:00:00.000Z'],
    ['5 mars 2024', '2024-03-05T12:00:00.000Z'],
    ['1er mars 2024', '2024-03-01T12:00:00.000Z'],
    ['5 de marzo de 2024', '2024-03-05T12:00:00.000Z'],
    ['5 de mar. de 2024', '2024-03-05T12:00:00.000Z'],
    ['5 marzo 2024', '2024-03-05T12:00:00.000Z'],
    ['5 maart 2024', '2024-03-05T12:00:00.000Z'],
    ['5 marca 2024', '2024-03-05T12:00:00.000Z'],
    ['5 Mart 2024', '2024-03-05T12:00:00.000Z'],
    ['2024年3月5日', '2024-03-05T12:00:00.000Z'],
    ['2024년 3월 5일', '2024-03-05T12:00:00.000Z'],
  ])('reads the date %j (at noon UTC, so the calendar day survives any time zone)', (text, iso) => {
    expect(parseTime(text, NOW)).toBe(iso);
  });

  it.each([
    ['Mar 5', '2024-03-05T12:00:00.000Z'],
    ['5. März', '2024-03-05T12:00:00.000Z'],
    ['5 mars', '2024-03-05T12:00:00.000Z'],
    ['12.03.', '2024-03-12T12:00:00.000Z'],
    ['3月5日', '2024-03-05T12:00:00.000Z'],
    ['Jun 16', '2024-06-16T12:00:00.000Z'], // already 16 June in UTC+14
    ['Jun 17', '2023-06-17T12:00:00.000Z'],
    ['Dec 24', '2023-12-24T12:00:00.000Z'],
    ['24. Dezember', '2023-12-24T12:00:00.000Z'],
  ])('places the year-less date %j in the most recent year that is not in the future', (text, iso) => {
    expect(parseTime(text, NOW)).toBe(iso);
  });

  it('places 29 February without a year in the last leap year', () => {
    expect(parseTime('Feb 29', new Date('2025-06-01T00:00:00Z'))).toBe('2024-02-29T12:00:00.000Z');
  });

  it('reads slashed dates in the order of the hinted locale, and only unambiguous ones without a hint', () => {
    expect(parseTime('03/05/2024', NOW, 'en-US')).toBe('2024-03-05T12:00:00.000Z');
    expect(parseTime('03/05/2024', NOW, 'en')).toBe('2024-03-05T12:00:00.000Z');
    expect(parseTime('03/05/2024', NOW, 'en-GB')).toBe('2024-05-03T12:00:00.000Z');
    expect(parseTime('03/05/2024', NOW, 'fr')).toBe('2024-05-03T12:00:00.000Z');
    expect(parseTime('03/05/2024', NOW)).toBeNull();
    expect(parseTime('13/05/2024', NOW)).toBe('2024-05-13T12:00:00.000Z');
    expect(parseTime('05/13/2024', NOW)).toBe('2024-05-13T12:00:00.000Z');
  });

  it('rejects dates that do not exist', () => {
    expect(parseTime('31.02.2024', NOW)).toBeNull();
    expect(parseTime('Feb 30, 2024', NOW)).toBeNull();
    expect(parseTime('2024-13-01', NOW)).toBeNull();
    expect(parseTime('32. März', NOW)).toBeNull();
  });
});

describe('parseTime: not a time', () => {
  it.each([
    [''],
    ['   '],
    ['hello'],
    ['3'],
    ['2024'],
    ['12.5'],
    ['Like'],
    ['3 apples ago'],
    ['in 3 Tagen'],
    ['vor 3 und 4 Stunden'],
    ['1.2K'],
    ['Mar'],
  ])('returns null for %j', (text) => {
    expect(parseTime(text, NOW)).toBeNull();
  });

  it('returns null when now is not a valid date', () => {
    expect(parseTime('3h', new Date(Number.NaN))).toBeNull();
  });
});

describe('parseTime: a date with a clock time, in the reader’s zone', () => {
  /** The instant a browser in this process's time zone means by that local date and time. */
  const local = (y: number, m: number, d: number, h: number, min: number) =>
    new Date(y, m - 1, d, h, min).toISOString();
  // "now" as the reader's local noon, so "yesterday" and "today" are the same days in every zone
  const now = new Date(2024, 5, 15, 12, 0);

  it.each([
    ['Yesterday at 10:41 AM', 'en', local(2024, 6, 14, 10, 41)],
    ['Gestern um 14:05', 'de', local(2024, 6, 14, 14, 5)],
    ['Today at 8:00', 'en', local(2024, 6, 15, 8, 0)],
    ['heute um 9:30 Uhr', 'de', local(2024, 6, 15, 9, 30)],
    ['March 3 at 5:05 PM', 'en', local(2024, 3, 3, 17, 5)],
    ['3. März um 17:05', 'de', local(2024, 3, 3, 17, 5)],
    ['November 20, 2023 at 9:15 PM', 'en', local(2023, 11, 20, 21, 15)],
    ['20. November 2023 um 21:15', 'de', local(2023, 11, 20, 21, 15)],
    ['12:55 AM · Jan 27, 2024', 'en', local(2024, 1, 27, 0, 55)],
    ['12:30 PM · Jan 27, 2024', 'en', local(2024, 1, 27, 12, 30)],
    ['Oct 28, 2023, 08:20 PM', 'en', local(2023, 10, 28, 20, 20)],
    ['5. März 2024, 14:05', 'de', local(2024, 3, 5, 14, 5)],
    ['12.03.2024 14:05', 'de', local(2024, 3, 12, 14, 5)],
    ['5. März 2024, 14 Uhr', 'de', local(2024, 3, 5, 14, 0)],
  ])('%j (%s)', (text, locale, expected) => {
    expect(parseTime(text, now, locale)).toBe(expected);
  });

  it('reads nothing from a clock time alone, an impossible one, or a relative time with a clock', () => {
    expect(parseTime('3:45', now)).toBeNull();
    expect(parseTime('14:05', now, 'de')).toBeNull();
    expect(parseTime('March 3 at 25:05', now, 'en')).toBeNull();
    expect(parseTime('March 3 at 13:05 PM', now, 'en')).toBeNull();
    expect(parseTime('vor 3 Std. 14:05', now, 'de')).toBeNull();
    expect(parseTime('Video 3:45', now, 'en')).toBeNull();
  });

  it('parseDateTime reads only a date with a clock time', () => {
    expect(parseDateTime('Jan 27, 2024 at 1:28 AM', now, 'en')).toBe(local(2024, 1, 27, 1, 28));
    expect(parseDateTime('Jan 27, 2024', now, 'en')).toBeNull();
    expect(parseDateTime('3h', now, 'en')).toBeNull();
  });
});
