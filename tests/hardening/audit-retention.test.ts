/** Retention, second audit (issue 17): one run at a time, paged by a cursor, never disabled by a stored date. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type RetentionStats, thinIfDue, thinObservations } from '../../core/db/retention';
import { ResonanzDb } from '../../core/db/schema';
import { emptyMetrics } from '../../core/model';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 0, 31, 12);
let db: ResonanzDb;
let n = 0;
beforeEach(async () => {
  db = new ResonanzDb(`audit-retention-${n++}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

/** Four readings a day of two posts over `days` days ending `endDaysAgo` days before NOW. */
async function history(days: number, endDaysAgo: number) {
  const rows = [];
  for (let d = 0; d < days; d++)
    for (const id of ['1', '2'])
      for (let r = 0; r < 4; r++)
        rows.push({
          platform: 'x' as const,
          id,
          at: NOW - (endDaysAgo + d) * DAY + r * 3_600_000,
          metrics: { ...emptyMetrics(), likes: d * 10 + r },
        });
  await db.observations.bulkPut(rows);
  return rows.length;
}

describe('retention runs', () => {
  it('five concurrent calls thin once (they did five full scans)', async () => {
    await history(20, 40);
    const where = vi.spyOn(db.observations, 'where');
    const results = await Promise.all(Array.from({ length: 5 }, () => thinIfDue(db, 30, NOW)));
    expect(results.filter((r) => r !== null)).toEqual([20 * 2 * 3]);
    const scans = where.mock.calls.length;
    where.mockClear();
    await thinIfDue(db, 30, NOW + 2 * DAY);
    // A later run reads only what became old since (a day or two), not the history again.
    expect(where.mock.calls.length).toBeLessThan(scans);
  });

  it('reads a day at a time from a cursor: a second run does not load what is thinned already', async () => {
    await history(60, 31);
    const first: RetentionStats = { read: 0, pages: 0 };
    expect(await thinObservations(db, 30, NOW, first)).toBe(60 * 2 * 3);
    expect(first.read).toBe(60 * 2 * 4);
    expect(first.pages).toBeGreaterThanOrEqual(60);
    const second: RetentionStats = { read: 0, pages: 0 };
    expect(await thinObservations(db, 30, NOW + DAY, second)).toBe(0);
    // Only the day at the old cutoff is read again (its readings were kept whole), not sixty days.
    expect(second.read).toBeLessThanOrEqual(2 * 4);
    expect(await db.observations.count()).toBe(60 * 2);
  });

  it('a last-run date in the future (a restored 9e15) does not switch thinning off', async () => {
    await history(5, 40);
    await db.meta.put({ key: 'lastRetentionRun', value: 9e15 });
    expect(await thinIfDue(db, 30, NOW)).toBe(5 * 2 * 3);
  });
});
