import { describe, expect, it } from 'vitest';
import { bestTimeGrid, cellIndexer, localWeekdayHour } from '../../core/scoring';
import { m, NOW, post } from './helpers';

const at = (iso: string, likes: number, extra = {}) =>
  post({ time: Date.parse(iso), lastSeen: NOW, metrics: m({ likes }), followers: 100, ...extra });

describe('best time', () => {
  it('reads weekday and hour in the given time zone, across daylight saving time', () => {
    // 2025-01-13 08:30 UTC = Monday 09:30 CET (UTC+1); 2025-06-02 07:30 UTC = Monday 09:30 CEST (UTC+2)
    expect(localWeekdayHour(Date.parse('2025-01-13T08:30:00Z'), 'Europe/Berlin')).toEqual({
      weekday: 0,
      hour: 9,
    });
    expect(localWeekdayHour(Date.parse('2025-06-02T07:30:00Z'), 'Europe/Berlin')).toEqual({
      weekday: 0,
      hour: 9,
    });
    // Sunday 22:30 UTC is already Monday 00:30 in Berlin in summer
    expect(localWeekdayHour(Date.parse('2025-06-01T22:30:00Z'), 'Europe/Berlin')).toEqual({
      weekday: 0,
      hour: 0,
    });
    expect(localWeekdayHour(Date.parse('2025-06-01T22:30:00Z'), 'UTC')).toEqual({ weekday: 6, hour: 22 });
  });

  it('the memo is exact in half-hour zones (India, UTC+5:30)', () => {
    const cell = cellIndexer('Asia/Kolkata');
    // 03:15 UTC = 08:45 IST, 03:45 UTC = 09:15 IST, same UTC hour, different local hours
    expect(cell(Date.parse('2025-06-02T03:15:00Z'))).toBe(8);
    expect(cell(Date.parse('2025-06-02T03:45:00Z'))).toBe(9);
    expect(cell(Date.parse('2025-06-02T03:29:59Z'))).toBe(8);
  });

  it('an unknown time zone is an error, not a silent UTC', () => {
    expect(() => bestTimeGrid([], 'Mars/Olympus', NOW)).toThrow(RangeError);
  });

  it('median engagement per weekday × hour; cells with fewer than 3 posts stay empty', () => {
    const posts = [
      // Monday 09 h Berlin (winter and summer): ER 1, 2, 3 % → median 2
      at('2025-01-13T08:10:00Z', 1),
      at('2025-06-02T07:20:00Z', 2),
      at('2025-05-26T07:50:00Z', 3),
      // Tuesday 10 h Berlin: only 2 posts → n 2, value null
      at('2025-06-03T08:00:00Z', 50),
      at('2025-06-10T08:05:00Z', 70),
      // not counted: unknown createdAt (its time is when it was seen), and a young post
      at('2025-06-09T07:15:00Z', 9, { dated: false }),
      at('2025-06-16T07:00:00Z', 9),
    ];
    const g = bestTimeGrid(posts, 'Europe/Berlin', NOW);
    expect(g.cells).toHaveLength(168);
    expect(g.denominator).toBe('followers');
    expect(g.cells[0 * 24 + 9]).toEqual({ weekday: 0, hour: 9, value: 2, n: 3 });
    expect(g.cells[1 * 24 + 10]).toEqual({ weekday: 1, hour: 10, value: null, n: 2 });
    expect(g.n).toBe(5);
    expect(g.thin).toBe(false);
    expect(g.cells.filter((c) => c.n > 0)).toHaveLength(2);
  });

  it('a grid with no cell of 3 posts is thin', () => {
    const g = bestTimeGrid([at('2025-06-03T08:00:00Z', 5)], 'Europe/Berlin', NOW);
    expect(g.thin).toBe(true);
    expect(g.cells.every((c) => c.value === null)).toBe(true);
  });
});
