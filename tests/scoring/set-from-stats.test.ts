/** The competitive-set table from stored aggregates agrees with the table computed from the posts. */
import { describe, expect, it } from 'vitest';
import {
  statsFromPosts,
  statsSnapshot,
  summarizeSet,
  summarizeSetFromStats,
  weekStart,
} from '../../core/scoring/index';
import { D, m, NOW, post } from './helpers';

describe('competitive set from maintained aggregates', () => {
  // Three accounts, 12 mature posts each inside two whole UTC weeks, followers known: every
  // figure is then defined the same way in both computations (≤ 30 posts = the whole baseline).
  const weekOf = (t: number) => Math.floor((t - 4 * D) / (7 * D));
  const to = weekStart(weekOf(NOW - 2 * D)); // start of the week before NOW's week
  const from = to - 14 * D;
  const accounts = ['alpha', 'beta', 'gamma'];
  const posts = accounts.flatMap((handle, a) =>
    Array.from({ length: 12 }, (_, i) =>
      post({
        id: `${handle}-${i}`,
        handle,
        time: from + i * D + 3_600_000,
        lastSeen: NOW,
        metrics: m({ likes: 10 * (a + 1) + i, comments: i % 3 }),
        followers: 1_000 * (a + 1),
      }),
    ),
  );
  const members = accounts.map((handle) => ({ platform: 'x', handle }));
  const window = { from, to };

  it('gives the same posts, share of voice and median engagement as the posts themselves', () => {
    const fromPosts = summarizeSet({ members }, posts, window, NOW);
    const snapshots = accounts.map((handle) =>
      statsSnapshot(
        statsFromPosts(
          posts.filter((p) => p.authorKey === handle),
          NOW,
        ),
      ),
    );
    const fromStats = summarizeSetFromStats({ members }, snapshots, window, NOW);
    for (const [i, row] of fromStats.accounts.entries()) {
      const expected = fromPosts.accounts[i]!;
      expect(row.posts).toBe(expected.posts);
      expect(row.shareOfVoice.value).toBeCloseTo(expected.shareOfVoice.value!, 9);
      expect(row.medianEr.value).toBeCloseTo(expected.medianEr.value!, 9);
      expect(row.medianEr.denominator).toBe('followers');
    }
    // Hand check for alpha: likes 10…21 plus comments (0,1,2,0,1,2,…) → interactions 10,12,14,13,15,17,16,18,20,19,21,23;
    // sum = 198; beta adds 10 likes each (sum 318) and gamma 20 (sum 438): alpha's share = 198 / 954.
    expect(fromStats.accounts[0]!.shareOfVoice.value).toBeCloseTo((198 / 954) * 100, 9);
  });

  it('keeps a member with no aggregates in the table, with nothing known', () => {
    const table = summarizeSetFromStats(
      { members: [...members, { platform: 'x', handle: 'newcomer' }] },
      [],
      window,
      NOW,
    );
    expect(table.accounts.at(-1)).toMatchObject({ handle: 'newcomer', posts: 0, medianEr: { value: null } });
  });
});
