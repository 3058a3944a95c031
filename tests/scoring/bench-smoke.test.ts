import { describe, expect, it } from 'vitest';
import { summarizeSet } from '../../core/scoring';
import { benchScoring, naiveSummarize, syntheticPosts } from '../bench/scoring.bench';

describe('scoring benchmark (smoke, no timing thresholds)', () => {
  it('runs on 2,000 posts and reports a positive median for every benchmark', () => {
    const rows = benchScoring({ posts: 2_000, accounts: 10, runs: 3 });
    expect(rows.map((r) => r.bench)).toEqual([
      'scoring.summarizeSet',
      'scoring.summarizeSet.naive-filter-sort',
      'scoring.statsByAccount.from-scratch',
      'scoring.addOrUpdatePost.x1000',
    ]);
    for (const r of rows) {
      expect(Number.isFinite(r.median_ms)).toBe(true);
      expect(r.median_ms).toBeGreaterThan(0);
      expect(r.n).toBeGreaterThan(0);
    }
  });

  it('the naive reference and summarizeSet agree on the benchmark data', () => {
    const now = Date.UTC(2025, 5, 16, 12);
    const posts = syntheticPosts(3_000, 5, now);
    const handles = ['acct0', 'acct1', 'acct2', 'acct3', 'acct4'];
    const window = { from: now - 90 * 86_400_000, to: now };
    const fast = summarizeSet(
      { members: handles.map((handle) => ({ platform: 'x', handle })) },
      posts,
      window,
      now,
      {
        denominator: 'followers',
      },
    );
    const naive = naiveSummarize(handles, posts, window, now);
    fast.accounts.forEach((row, i) => {
      const ref = naive[i]!;
      expect(row.posts).toBe(ref.posts);
      expect(row.medianInteractions.value).toBe(ref.medianInteractions);
      expect(row.medianEr.value).toBeCloseTo(ref.medianErFollowers!, 9);
      expect(row.breakouts.count).toBe(ref.breakouts);
      expect(row.shareOfVoice.value).toBeCloseTo(ref.share!, 9);
    });
    expect(fast.accounts.some((r) => r.posts > 0)).toBe(true);
  });
});
