import { describe, expect, it } from 'vitest';
import { accountVirality, postsPerWeek, virality } from '../../core/scoring';
import { D, m, NOW, post } from './helpers';

describe('virality', () => {
  it('shares relative to interactions: 5 shares of 20 interactions = 25 %', () => {
    expect(virality(m({ likes: 15, shares: 5, comments: 0 }))).toBe(25);
  });

  it('unknown shares give unknown virality, not 0 %', () => {
    expect(virality(m({ likes: 15 }))).toBeNull();
  });

  it('a post with no interactions has no virality', () => {
    expect(virality(m({ likes: 0, shares: 0 }))).toBeNull();
  });

  it("an account's virality is the median over its mature posts that show shares", () => {
    const posts = [
      post({ time: NOW - 3 * D, metrics: m({ likes: 9, shares: 1 }) }), // 10 %
      post({ time: NOW - 4 * D, metrics: m({ likes: 8, shares: 2 }) }), // 20 %
      post({ time: NOW - 5 * D, metrics: m({ likes: 6, shares: 4 }) }), // 40 %
      post({ time: NOW - 6 * D, metrics: m({ likes: 6 }) }), // shares unknown: left out
      post({ time: NOW - 2 * 3_600_000, metrics: m({ likes: 0, shares: 9 }) }), // young: left out
    ];
    expect(accountVirality(posts, NOW)).toEqual({ value: 20, n: 3, thin: true, denominator: 'none' });
  });
});

describe('cadence', () => {
  const window = { from: NOW - 14 * D, to: NOW };

  it('6 posts in a 14-day window = 3 posts per week', () => {
    const posts = [1, 2, 4, 7, 9, 13].map((d) => post({ time: NOW - d * D }));
    expect(postsPerWeek(posts, window)).toEqual({ value: 3, n: 6, weeks: 2, thin: false });
  });

  it('the window includes its start and excludes its end', () => {
    const posts = [post({ time: NOW - 14 * D }), post({ time: NOW })];
    expect(postsPerWeek(posts, window).n).toBe(1);
  });

  it('few posts or a short window are flagged thin', () => {
    expect(postsPerWeek([post({ time: NOW - D })], window)).toMatchObject({ value: 0.5, n: 1, thin: true });
    const short = { from: NOW - 3 * D, to: NOW };
    const posts = [0.5, 1, 1.5, 2, 2.5].map((d) => post({ time: NOW - d * D }));
    // 5 posts in 3/7 week = 11.67 /week, but a 3-day window is too short to call a cadence
    expect(postsPerWeek(posts, short)).toMatchObject({ n: 5, thin: true });
    expect(postsPerWeek(posts, short).value).toBeCloseTo(35 / 3, 12);
  });

  it('an empty window has no cadence', () => {
    expect(postsPerWeek([], { from: NOW, to: NOW }).value).toBeNull();
  });
});
