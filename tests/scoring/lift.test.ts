import { describe, expect, it } from 'vitest';
import { formatLift, hashtagLift, normalizeHashtag, weekdayLift } from '../../core/scoring';
import { D, m, NOW, post } from './helpers';

// Followers 100, so ER (%) = likes.
const p = (likes: number, hashtags: string[], media: 'video' | 'image', age = 3) =>
  post({ time: NOW - age * D, metrics: m({ likes }), followers: 100, hashtags, media });

const posts = [
  p(4, ['#a'], 'video'),
  p(6, ['A'], 'video'),
  p(8, ['#a', '#b', '#A'], 'video'),
  p(1, ['#b'], 'image'),
  p(2, [], 'image'),
  p(2, [], 'image'),
  p(3, [], 'image'),
  p(5, [], 'image'),
];
// all: [4,6,8,1,2,2,3,5] → sorted [1,2,2,3,4,5,6,8] → account median (3+4)/2 = 3.5

describe('lift', () => {
  it('hashtag lift = median with the tag ÷ account median, n on both sides', () => {
    const l = hashtagLift(posts, NOW);
    expect(l.denominator).toBe('followers');
    expect(l.account).toEqual({ median: 3.5, n: 8, thin: false });
    // #a (spelt "#a", "A", "#A" — one tag, counted once per post): [4,6,8] → 6 → 6 / 3.5
    const a = l.groups.find((g) => g.key === 'a');
    expect(a).toMatchObject({ median: 6, n: 3, thin: false });
    expect(a?.lift).toBeCloseTo(6 / 3.5, 12);
    // #b: [8,1] → 4.5 → 4.5 / 3.5, but only 2 posts: thin
    const b = l.groups.find((g) => g.key === 'b');
    expect(b).toMatchObject({ median: 4.5, n: 2, thin: true });
    expect(b?.lift).toBeCloseTo(4.5 / 3.5, 12);
    expect(l.groups.map((g) => g.key)).toEqual(['a', 'b']); // by n, then tag
  });

  it('format lift per media kind', () => {
    const l = formatLift(posts, NOW);
    // video [4,6,8] → 6; image [1,2,2,3,5] → 2
    expect(l.groups.map((g) => [g.key, g.median, g.n])).toEqual([
      ['image', 2, 5],
      ['video', 6, 3],
    ]);
    expect(l.groups[0]?.lift).toBeCloseTo(2 / 3.5, 12);
  });

  it('with fewer than 8 posts on the account side every group is thin', () => {
    const l = formatLift(posts.slice(0, 6), NOW);
    expect(l.account.thin).toBe(true);
    expect(l.groups.every((g) => g.thin)).toBe(true);
  });

  it('young posts do not count on either side', () => {
    const l = hashtagLift([...posts, p(1000, ['#a'], 'video', 0.5)], NOW);
    expect(l.account.n).toBe(8);
    expect(l.groups.find((g) => g.key === 'a')?.median).toBe(6);
  });

  it('weekday lift in the user time zone (0 = Monday)', () => {
    // 2025-06-09 is a Monday. 22:30 UTC is Tuesday 00:30 in Berlin.
    const mon = (likes: number, d: number) =>
      post({ time: Date.parse('2025-06-09T10:00:00Z') - d * 7 * D, metrics: m({ likes }), followers: 100 });
    const tueBerlin = (likes: number, d: number) =>
      post({ time: Date.parse('2025-06-09T22:30:00Z') - d * 7 * D, metrics: m({ likes }), followers: 100 });
    const ps = [mon(2, 0), mon(4, 1), mon(6, 2), tueBerlin(10, 0), tueBerlin(20, 1)];
    // all [2,4,6,10,20] → 6; Monday [2,4,6] → 4 → 4/6; Tuesday [10,20] → 15 → 15/6
    const l = weekdayLift(ps, 'Europe/Berlin', NOW);
    expect(l.groups.map((g) => [g.key, g.median, g.n])).toEqual([
      ['0', 4, 3],
      ['1', 15, 2],
    ]);
    expect(l.groups[1]?.lift).toBeCloseTo(2.5, 12);
    // in UTC both sets are Mondays
    expect(weekdayLift(ps, 'UTC', NOW).groups.map((g) => [g.key, g.n])).toEqual([['0', 5]]);
  });

  it('hashtags are compared without #, case and Unicode normalisation differences', () => {
    expect(normalizeHashtag('#Öko')).toBe('öko');
    expect(normalizeHashtag('O\u0308ko')).toBe('öko');
  });

  it('an account median of 0 gives no lift rather than Infinity', () => {
    const zeros = Array.from({ length: 8 }, () => p(0, ['#z'], 'image'));
    expect(hashtagLift(zeros, NOW).groups[0]?.lift).toBeNull();
  });
});
