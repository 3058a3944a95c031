/** Retention thins old observations to one per post per day and never touches a post's latest state. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { thinIfDue, thinObservations } from '../../core/db/retention';
import { ResonanzDb } from '../../core/db/schema';
import { emptyMetrics } from '../../core/model';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 0, 31, 12);
let db: ResonanzDb;
let n = 0;
beforeEach(async () => {
  db = new ResonanzDb(`retention-${n++}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

const obs = (id: string, at: number, likes: number) => ({
  platform: 'x' as const,
  id,
  at,
  metrics: { ...emptyMetrics(), likes },
});

describe('retention', () => {
  it('keeps the last reading of each old day, and every recent reading', async () => {
    const oldDay = NOW - 40 * DAY;
    await db.observations.bulkPut([
      obs('1', oldDay + 1_000, 1),
      obs('1', oldDay + 2_000, 2),
      obs('1', oldDay + 3_000, 3), // last of that day: kept
      obs('1', oldDay + DAY, 4), // the next day's only reading: kept
      obs('1', NOW - DAY, 5), // recent: kept
      obs('1', NOW - DAY + 1, 6), // recent: kept
    ]);
    await db.posts.put({
      platform: 'x',
      id: '1',
      url: null,
      author: { handle: 'a', name: null },
      text: '',
      createdAt: null,
      metrics: { ...emptyMetrics(), likes: 6 },
      approx: [],
      media: 'text',
      hashtags: [],
      mentions: [],
      links: [],
      promoted: false,
      repostedBy: null,
      authorKey: 'a',
      time: oldDay,
      firstSeen: oldDay,
      lastSeen: NOW,
      followersAtCapture: null,
    });
    expect(await thinObservations(db, 30, NOW)).toBe(2);
    expect((await db.observations.toArray()).map((o) => o.metrics.likes)).toEqual([3, 4, 5, 6]);
    expect((await db.posts.get(['x', '1']))?.metrics.likes).toBe(6);
  });

  it('keeps everything when retention is 0 (forever), and runs at most once a day', async () => {
    await db.observations.bulkPut([obs('1', 1, 1), obs('1', 2, 2)]);
    expect(await thinObservations(db, 0, NOW)).toBe(0);
    expect(await thinIfDue(db, 30, NOW)).toBe(1);
    expect(await thinIfDue(db, 30, NOW + 1_000)).toBeNull();
  });
});
