import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accountBaseline, assessPost, isMature } from '../../core/scoring';
import { D, H, likesPost, m, NOW, post, postArb } from './helpers';

// Followers 1000 throughout, so ER (%) = likes / 1000 × 100 = likes / 10.
const usual = [10, 20, 20, 30, 30, 30, 40, 40, 50, 60].map((likes, i) => likesPost(likes, 5 + i));

describe('account baseline', () => {
  it('median and MAD of the engagement rate, by followers', () => {
    const b = accountBaseline(usual, NOW);
    // ER = [1,2,2,3,3,3,4,4,5,6] → median (3+3)/2 = 3
    // |x−3| = [2,1,1,0,0,0,1,1,2,3] → sorted [0,0,0,1,1,1,1,2,2,3] → MAD (1+1)/2 = 1
    expect(b).toMatchObject({
      status: 'ok',
      thin: false,
      n: 10,
      window: 10,
      denominator: 'followers',
      median: 3,
      mad: 1,
    });
    expect(b.scale).toBeCloseTo(1.4826, 12);
  });

  it('a post at 4 × the median with robust z ≈ 6.07 is a breakout', () => {
    const b = accountBaseline(usual, NOW);
    const a = assessPost(likesPost(120, 3), b, NOW); // ER 12 %
    // × median = 12 / 3 = 4; z = (12 − 3) / (1.4826 · 1) = 6.0704…
    expect(a.status).toBe('ok');
    if (a.status !== 'ok') return;
    expect(a.xMedian).toBe(4);
    expect(a.z).toBeCloseTo(9 / 1.4826, 10);
    expect(a.breakout).toBe(true);
  });

  it('above 2 × median but z < 3 is not a breakout', () => {
    const a = assessPost(likesPost(70, 3), accountBaseline(usual, NOW), NOW); // ER 7 %
    // × median = 7/3 = 2.33; z = (7 − 3) / 1.4826 = 2.698 < 3
    if (a.status !== 'ok') throw new Error(a.status);
    expect(a.z).toBeCloseTo(4 / 1.4826, 10);
    expect(a.breakout).toBe(false);
  });

  it('z ≥ 3 but below 2 × median is not a breakout', () => {
    // ER [9.5,10,10,10,10.5,9.5,10,10.5,10,10]: median 10; |x−10| sorted [0×6,0.5×4] → MAD 0
    // → fallback scale 1.253314 · MeanAD = 1.253314 · (4·0.5/10) = 0.2506628
    const tight = [95, 100, 100, 100, 105, 95, 100, 105, 100, 100].map((likes, i) => likesPost(likes, 5 + i));
    const b = accountBaseline(tight, NOW);
    expect(b.median).toBe(10);
    expect(b.mad).toBe(0);
    expect(b.scaleSource).toBe('meanad');
    const a = assessPost(likesPost(130, 3), b, NOW); // ER 13 %: z = 3 / 0.2506628 ≈ 11.97, × median 1.3
    if (a.status !== 'ok') throw new Error(a.status);
    expect(a.z).toBeCloseTo(3 / (1.253314 * 0.2), 9);
    expect(a.xMedian).toBeCloseTo(1.3, 12);
    expect(a.breakout).toBe(false);
  });

  it('MAD = 0 falls back to MeanAD so a clear outlier still gets a finite z', () => {
    // ER [2,2,2,2,2,3,4,10]: median (2+2)/2 = 2; |x−2| = [0,0,0,0,0,1,2,8] → MAD 0
    // MeanAD = 11/8 = 1.375 → scale = 1.253314 · 1.375 = 1.72330675
    const posts = [20, 20, 20, 20, 20, 30, 40, 100].map((likes, i) => likesPost(likes, 5 + i));
    const b = accountBaseline(posts, NOW);
    expect(b).toMatchObject({ n: 8, median: 2, mad: 0, scaleSource: 'meanad' });
    expect(b.scale).toBeCloseTo(1.72330675, 8);
    const a = assessPost(likesPost(80, 2), b, NOW); // ER 8: z = 6 / 1.72330675 = 3.48, × median 4
    if (a.status !== 'ok') throw new Error(a.status);
    expect(a.z).toBeCloseTo(6 / 1.72330675, 8);
    expect(a.breakout).toBe(true);
  });

  it('no spread at all: z is 0 at the median and unknown elsewhere, never a breakout', () => {
    const flat = Array.from({ length: 8 }, (_, i) => likesPost(50, 5 + i));
    const b = accountBaseline(flat, NOW);
    expect(b).toMatchObject({ median: 5, scale: null, scaleSource: 'none' });
    const same = assessPost(likesPost(50, 2), b, NOW);
    const high = assessPost(likesPost(500, 2), b, NOW);
    expect(same.status === 'ok' && same.z).toBe(0);
    expect(high.status === 'ok' && high.z).toBeNull();
    expect(high.status === 'ok' && high.breakout).toBe(false);
  });

  it('with fewer than 8 mature posts the baseline is thin and nothing is called a breakout', () => {
    const b = accountBaseline(usual.slice(0, 7), NOW);
    expect(b).toMatchObject({ status: 'thin', thin: true, n: 7 });
    const a = assessPost(likesPost(1000, 2), b, NOW);
    expect(a.status).toBe('thin');
    expect(a.status === 'thin' && a.breakout).toBe(false);
    // …but the figures are still there, flagged thin
    expect(a.status === 'thin' && a.xMedian).toBeGreaterThan(2);
  });

  it('a median of 0 never calls a breakout (2 × 0 would let every post pass)', () => {
    // raw interactions: 6 posts with 0 and 3 with 1 → median 0, MAD 0, MeanAD 3/9
    const posts = [0, 0, 0, 0, 0, 0, 1, 1, 1].map((likes, i) => likesPost(likes, 5 + i, null));
    const b = accountBaseline(posts, NOW);
    expect(b).toMatchObject({ denominator: 'none', median: 0, n: 9 });
    const a = assessPost(likesPost(5, 2, null), b, NOW);
    expect(a.status === 'ok' && a.xMedian).toBeNull();
    expect(a.status === 'ok' && a.breakout).toBe(false);
  });

  it('uses only the newest 30 mature posts', () => {
    // newest 30: 15 × ER 1 and 15 × ER 2 → median (1+2)/2 = 1.5.
    // Were the 10 older ER-100 posts included, the 40 values' middle pair would be (2, 2) → 2.
    const newest = Array.from({ length: 30 }, (_, i) => likesPost(i % 2 === 0 ? 10 : 20, 2 + i));
    const older = Array.from({ length: 10 }, (_, i) => likesPost(1000, 40 + i));
    const b = accountBaseline([...older, ...newest], NOW);
    expect(b.n).toBe(30);
    expect(b.median).toBe(1.5);
  });

  it('picks one denominator for the majority: views when fewer than half have followers', () => {
    // 10 posts: 4 with followers, 8 with views (2·4 < 10 ≤ 2·8) → views; the 2 without views are left out
    const posts = Array.from({ length: 10 }, (_, i) =>
      post({
        time: NOW - (5 + i) * D,
        metrics: m({ likes: 10, views: i < 8 ? 100 * (i + 1) : null }),
        followers: i >= 6 ? 1000 : null,
      }),
    );
    const b = accountBaseline(posts, NOW);
    expect(b).toMatchObject({ denominator: 'views', window: 10, n: 8 });
    // ER by views = 10 / (100·k) × 100 = 10/k for k = 1…8 → [10,5,3.33,2.5,2,1.67,1.43,1.25]; median (2.5+2)/2
    expect(b.median).toBeCloseTo(2.25, 12);
  });

  it('a post whose metrics were last read before it was 24 h old is stale, not part of the baseline', () => {
    const staleOne = post({
      time: NOW - 5 * D,
      lastSeen: NOW - 5 * D + 2 * H,
      metrics: m({ likes: 1 }),
      followers: 1000,
    });
    expect(isMature(staleOne, NOW)).toBe(false);
    expect(accountBaseline([...usual, staleOne], NOW)).toEqual(accountBaseline(usual, NOW));
    expect(assessPost(staleOne, accountBaseline(usual, NOW), NOW).status).toBe('stale');
  });

  it('a post under 24 h old is judged by velocity, not against the baseline', () => {
    const young = likesPost(1000, 0.5);
    expect(assessPost(young, accountBaseline(usual, NOW), NOW).status).toBe('young');
  });

  it('a post without the baseline denominator cannot be judged against it', () => {
    const a = assessPost(likesPost(100, 3, null), accountBaseline(usual, NOW), NOW);
    expect(a).toMatchObject({ status: 'unknown', reason: 'no-denominator', denominator: 'followers' });
  });

  it('property: the baseline ignores posts younger than 24 h, whatever their numbers', () => {
    const youngArb = postArb(['acme'], { maxAgeDays: 0.99 }).map((p) => ({ ...p, id: `young-${p.id}` }));
    fc.assert(
      fc.property(fc.array(postArb(['acme'])), fc.array(youngArb), (posts, young) => {
        const withYoung = accountBaseline([...posts, ...young.filter((y) => NOW - y.time < D)], NOW);
        expect(withYoung).toEqual(accountBaseline(posts, NOW));
      }),
    );
  });

  it('property: the baseline does not depend on the order of the posts', () => {
    fc.assert(
      fc.property(
        fc
          .uniqueArray(postArb(['acme']), { selector: (p) => p.id })
          .chain((ps) =>
            fc.tuple(
              fc.constant(ps),
              fc.shuffledSubarray(ps, { minLength: ps.length, maxLength: ps.length }),
            ),
          ),
        ([posts, shuffled]) => {
          expect(accountBaseline(shuffled, NOW)).toEqual(accountBaseline(posts, NOW));
        },
      ),
    );
  });

  it('property: posts with no known metric leave the baseline unchanged (null never becomes 0)', () => {
    fc.assert(
      fc.property(fc.array(postArb(['acme'])), fc.integer({ min: 1, max: 20 }), (posts, k) => {
        const blanks = Array.from({ length: k }, (_, i) =>
          post({ id: `blank${i}`, time: NOW - (2 + i) * D }),
        );
        expect(accountBaseline([...posts, ...blanks], NOW)).toEqual(accountBaseline(posts, NOW));
      }),
    );
  });
});
