import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyMetrics } from '../../core/model';
import { chooseDenominator, engagementRate, erFollowers, erViews, rateWith } from '../../core/scoring';
import { m, metricsArb } from './helpers';

describe('engagement rate', () => {
  it('by followers: 30 interactions / 2,000 followers × 100 = 1.5 %', () => {
    const metrics = m({ likes: 25, comments: 5 });
    expect(erFollowers(metrics, 2000)).toBeCloseTo(1.5, 12);
  });

  it('by views: 30 interactions / 600 views × 100 = 5 %', () => {
    expect(erViews(m({ likes: 25, comments: 5, views: 600 }))).toBeCloseTo(5, 12);
  });

  it('zero or unknown denominators give no rate rather than Infinity or 0', () => {
    expect(erFollowers(m({ likes: 3 }), 0)).toBeNull();
    expect(erFollowers(m({ likes: 3 }), null)).toBeNull();
    expect(erViews(m({ likes: 3, views: 0 }))).toBeNull();
    expect(erViews(m({ likes: 3 }))).toBeNull();
  });

  it('prefers followers, then views, then raw interactions — and always says which', () => {
    const metrics = m({ likes: 10, views: 200 });
    expect(engagementRate({ metrics }, 500)).toEqual({ value: 2, denominator: 'followers' }); // 10/500·100
    expect(engagementRate({ metrics }, null)).toEqual({ value: 5, denominator: 'views' }); // 10/200·100
    expect(engagementRate({ metrics: m({ likes: 10 }) }, null)).toEqual({ value: 10, denominator: 'none' });
  });

  it("uses the post's followersAtCapture unless followers are passed", () => {
    const p = { metrics: m({ likes: 10 }), followersAtCapture: 1000 };
    expect(engagementRate(p)).toEqual({ value: 1, denominator: 'followers' });
    expect(engagementRate(p, null)).toEqual({ value: 10, denominator: 'none' });
    expect(rateWith(p, 'followers')).toBe(1);
    expect(rateWith(p, 'views')).toBeNull();
  });

  it('a post with no known interaction has no engagement rate, whatever the denominators', () => {
    expect(engagementRate({ metrics: m({ views: 100 }) }, 1000)).toBeNull();
    expect(engagementRate({ metrics: emptyMetrics() })).toBeNull();
  });

  it('property: a rate is null exactly when interactions are unknown, and never negative', () => {
    fc.assert(
      fc.property(metricsArb, fc.option(fc.nat({ max: 100_000 }), { nil: null }), (metrics, followers) => {
        const r = engagementRate({ metrics }, followers);
        const allUnknown = [
          metrics.likes,
          metrics.comments,
          metrics.shares,
          metrics.quotes,
          metrics.saves,
        ].every((x) => x === null);
        expect(r === null).toBe(allUnknown);
        if (r) expect(r.value).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('one denominator for a group: followers if at least half have it, else views if half do, else raw', () => {
    expect(chooseDenominator(5, 10, 10)).toBe('followers'); // 2·5 ≥ 10
    expect(chooseDenominator(4, 5, 10)).toBe('views'); // 2·4 < 10, 2·5 ≥ 10
    expect(chooseDenominator(4, 4, 10)).toBe('none');
    expect(chooseDenominator(0, 0, 0)).toBe('none');
  });
});
