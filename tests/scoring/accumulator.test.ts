import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StoredPost } from '../../core/model';
import {
  type AccountStats,
  accountBaseline,
  addOrUpdatePost,
  emptyAccountStats,
  removePost,
  shareOfVoice,
  statsBaseline,
  statsByAccount,
  statsCadence,
  statsFromPosts,
  statsShareOfVoice,
  weekIndex,
  weekStart,
} from '../../core/scoring';
import { D, H, likesPost, m, NOW, post, postArb } from './helpers';

/** Everything observable about an accumulator, in a canonical order. */
function snapshot(s: AccountStats) {
  return {
    account: [s.platform, s.handle],
    now: s.now,
    entries: [...s.entries.values()].sort((a, b) => (a.id < b.id ? -1 : 1)),
    window: s.window.map((e) => e.id),
    pending: s.pending.map((e) => e.id).sort(),
    matureCount: s.matureCount,
    weeks: [...s.weeks.entries()].sort((a, b) => a[0] - b[0]),
    baseline: statsBaseline(s),
  };
}

const lastVersions = (posts: StoredPost[]) => [...new Map(posts.map((p) => [p.id, p])).values()];

describe('AccountStats accumulator', () => {
  it('weeks start on Monday 00:00 UTC', () => {
    const w = weekIndex(NOW); // NOW is Monday 12:00 UTC
    expect(weekStart(w)).toBe(Date.UTC(2025, 5, 16));
    expect(weekIndex(Date.UTC(2025, 5, 15, 23, 59))).toBe(w - 1);
  });

  it('keeps per-week post counts and interaction sums, and replaces a post on update', () => {
    const s = emptyAccountStats();
    addOrUpdatePost(s, post({ id: '1', time: NOW - 2 * D, metrics: m({ likes: 10 }) }), NOW); // week w−1 (Sat)
    addOrUpdatePost(s, post({ id: '2', time: NOW - 3 * D, metrics: m({ likes: 5 }) }), NOW); // w−1 (Fri)
    addOrUpdatePost(s, post({ id: '3', time: NOW - 3 * D }), NOW); // w−1, no known metric
    addOrUpdatePost(s, post({ id: '1', time: NOW - 2 * D, metrics: m({ likes: 25 }) }), NOW); // update: 10 → 25
    const w = weekIndex(NOW) - 1;
    // posts 3; interactions 25 + 5 = 30 over the 2 posts that have any
    expect(s.weeks.get(w)).toEqual({ posts: 3, interactions: 30, n: 2 });
    expect(statsCadence(s, w, w + 1)).toMatchObject({ value: 3, n: 3, weeks: 1 });
  });

  it('its baseline equals accountBaseline over the same posts', () => {
    const posts = [10, 20, 20, 30, 30, 30, 40, 40, 50, 60].map((l, i) => likesPost(l, 5 + i));
    const s = statsFromPosts(posts, NOW);
    expect(statsBaseline(s)).toEqual(accountBaseline(posts, NOW));
    expect(statsBaseline(s)).toMatchObject({ median: 3, mad: 1, n: 10 });
  });

  it('a fresh count for a recent post is an O(30) in-place update, not a rebuild', () => {
    const posts = Array.from({ length: 50 }, (_, i) => likesPost(10 + i, 2 + i));
    const s = statsFromPosts(posts, NOW);
    addOrUpdatePost(s, { ...posts[0]!, metrics: m({ likes: 999 }) }, NOW);
    addOrUpdatePost(s, likesPost(7, 1.5), NOW); // a new, newest mature post
    expect(s.rebuilds).toBe(0);
    expect(s.window).toHaveLength(30);
  });

  it('a post turning 24 h old joins the baseline as the clock moves', () => {
    const s = emptyAccountStats();
    // metrics read at 30 h of age, but "now" given as 20 h after creation (clock skew between contexts)
    const p = post({
      id: 'p',
      time: NOW - 20 * H,
      lastSeen: NOW + 10 * H,
      metrics: m({ likes: 4 }),
      followers: 100,
    });
    addOrUpdatePost(s, p, NOW);
    expect(s.window).toHaveLength(0);
    expect(s.pending).toHaveLength(1);
    removePost(s, 'nothing', NOW + 5 * H);
    expect(s.window.map((e) => e.id)).toEqual(['p']);
  });

  it('refuses a post of another account', () => {
    const s = statsFromPosts([post({ handle: 'acme' })], NOW);
    expect(() => addOrUpdatePost(s, post({ handle: 'rival' }), NOW)).toThrow(/rival/);
  });

  const scenarios = [
    { name: 'sparse, wandering clock', ids: 45, minOps: 0, ops: 150, settled: false, monotone: false },
    { name: 'dense, wandering clock', ids: 90, minOps: 120, ops: 300, settled: true, monotone: false },
    // A clock that only moves forward never takes the rebuild-on-rewind path, which would mask bugs.
    { name: 'dense, clock moving forward', ids: 90, minOps: 120, ops: 300, settled: true, monotone: true },
  ];
  for (const sc of scenarios) {
    it(`property: built incrementally in any order (with updates and removals) equals built from scratch — ${sc.name}`, () => {
      const op = fc.oneof(
        {
          weight: 5,
          arbitrary: postArb(['acme'], { ids: sc.ids, settled: sc.settled }).map((p) => ({ add: p })),
        },
        {
          weight: 1,
          arbitrary: fc.integer({ min: 0, max: sc.ids - 1 }).map((i) => ({ remove: `acme-${i}` })),
        },
      );
      let fullWindows = 0;
      fc.assert(
        fc.property(
          fc.array(op, { minLength: sc.minOps, maxLength: sc.ops }),
          fc.array(fc.integer({ min: -3 * D, max: 3 * D }), { minLength: 1 }),
          (ops, clock) => {
            const s = emptyAccountStats();
            const live = new Map<string, StoredPost>();
            ops.forEach((o, i) => {
              const now = sc.monotone
                ? NOW - 3 * D + Math.floor((3 * D * i) / ops.length)
                : NOW + clock[i % clock.length]!; // wanders, sometimes backwards
              if ('add' in o) {
                addOrUpdatePost(s, o.add, now);
                live.set(o.add.id, o.add);
              } else {
                removePost(s, o.remove, now);
                live.delete(o.remove);
              }
            });
            if (s.platform === null) return;
            removePost(s, '∅', NOW); // bring the clock to NOW
            if (s.window.length === 30) fullWindows++;
            const scratch = statsFromPosts([...live.values()], NOW);
            expect(snapshot(s)).toEqual({ ...snapshot(scratch), account: snapshot(s).account });
            expect(statsBaseline(s)).toEqual(accountBaseline([...live.values()], NOW));
          },
        ),
      );
      // guard against a generator that never exercises the full-window paths
      if (sc.settled) expect(fullWindows).toBeGreaterThan(10);
    });
  }

  it('property: statsFromPosts does not depend on input order (last version of each id wins)', () => {
    fc.assert(
      fc.property(fc.array(postArb(['acme'], { ids: 30 }), { maxLength: 80 }), (posts) => {
        const latest = lastVersions(posts);
        const reversed = [...latest].reverse();
        expect(snapshot(statsFromPosts(posts, NOW))).toEqual(snapshot(statsFromPosts(reversed, NOW)));
      }),
    );
  });

  it('property: share of voice from week buckets equals shareOfVoice over the same whole weeks', () => {
    fc.assert(
      fc.property(fc.array(postArb(['a', 'b', 'c'], { maxAgeDays: 30 }), { maxLength: 100 }), (raw) => {
        const posts = lastVersions(raw);
        const byAccount = statsByAccount(posts, NOW);
        const members = ['a', 'b', 'c'].map((handle) => ({ platform: 'x', handle }));
        const stats = members.map((mb) => byAccount.get(`x\u0000${mb.handle}`) ?? emptyAccountStats());
        const to = weekIndex(NOW) + 1;
        const from = to - 4;
        const fromStats = statsShareOfVoice(stats, from, to);
        const direct = shareOfVoice(posts, members, { from: weekStart(from), to: weekStart(to) });
        expect(fromStats.total).toBe(direct.total);
        fromStats.rows.forEach((r, i) => {
          expect(r.interactions).toBe(direct.rows[i]?.interactions);
          expect(r.share).toBe(direct.rows[i]?.share);
        });
      }),
    );
  });
});
