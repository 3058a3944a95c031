import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyMetrics } from '../../core/model';
import { interactions, interactionsOver, knownInteractionMask, LIKES, SHARES } from '../../core/scoring';
import { m, metricsArb } from './helpers';

describe('interactions', () => {
  it('a post with no known metric has no interactions, not zero', () => {
    expect(interactions(emptyMetrics())).toBeNull();
  });

  it('views alone are reach, not interaction', () => {
    expect(interactions(m({ views: 10_000 }))).toBeNull();
  });

  it('sums likes, comments, shares, quotes and saves over the known ones', () => {
    // 12 + 3 + 0 (shares known as 0) + 2 = 17; quotes and views unknown, not counted
    expect(interactions(m({ likes: 12, comments: 3, shares: 0, saves: 2, views: 999 }))).toBe(17);
  });

  it('a known zero is a real zero', () => {
    expect(interactions(m({ likes: 0 }))).toBe(0);
  });

  it('property: null exactly when all five are unknown, else the sum of the known ones (null never becomes 0)', () => {
    fc.assert(
      fc.property(metricsArb, (metrics) => {
        const parts = [metrics.likes, metrics.comments, metrics.shares, metrics.quotes, metrics.saves];
        const known = parts.filter((x): x is number => x !== null);
        const got = interactions(metrics);
        if (known.length === 0) expect(got).toBeNull();
        else expect(got).toBe(known.reduce((a, b) => a + b, 0));
      }),
    );
  });

  it('interactionsOver counts only the masked metrics, and is unknown if a masked one is unknown', () => {
    const metrics = m({ likes: 5, shares: 7, comments: 100 });
    expect(knownInteractionMask(metrics)).toBe(LIKES | SHARES | 2);
    expect(interactionsOver(metrics, LIKES | SHARES)).toBe(12); // 5 + 7
    expect(interactionsOver(m({ likes: 5 }), LIKES | SHARES)).toBeNull();
    expect(interactionsOver(metrics, 0)).toBeNull();
  });
});
