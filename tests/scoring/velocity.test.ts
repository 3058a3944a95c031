import { describe, expect, it } from 'vitest';
import {
  compareYoungPost,
  createdAtMs,
  earlyVelocity,
  groupReadings,
  typicalEarlyVelocity,
  velocitySeries,
  velocitySinceCreated,
} from '../../core/scoring';
import { H, MIN, m, NOW } from './helpers';

const T0 = NOW - 10 * H;

describe('velocity', () => {
  const readings = [
    { at: T0 + 5 * H, metrics: m({ likes: 50, comments: 10 }) },
    { at: T0 + 1 * H, metrics: m({ likes: 10 }) },
    { at: T0 + 3 * H, metrics: m({ likes: 30, comments: 4 }) },
  ];

  it('gain per hour between consecutive readings, over the metrics both readings know', () => {
    const steps = velocitySeries(readings);
    // 1 h → 3 h: only likes known in both: (30 − 10) / 2 h = 10 /h
    //   (the plain totals 34 − 10 would wrongly count 4 comments as gained: 12 /h)
    // 3 h → 5 h: likes + comments: (60 − 34) / 2 h = 13 /h
    expect(steps).toEqual([
      { from: T0 + H, to: T0 + 3 * H, gained: 20, perHour: 10 },
      { from: T0 + 3 * H, to: T0 + 5 * H, gained: 26, perHour: 13 },
    ]);
  });

  it('losses show as negative velocity rather than being hidden', () => {
    const steps = velocitySeries([
      { at: T0, metrics: m({ likes: 10 }) },
      { at: T0 + 2 * H, metrics: m({ likes: 6 }) },
    ]);
    expect(steps[0]?.perHour).toBe(-2); // (6 − 10) / 2
  });

  it('readings sharing no metric, or at the same moment, give no step', () => {
    expect(
      velocitySeries([
        { at: T0, metrics: m({ likes: 10 }) },
        { at: T0 + H, metrics: m({ comments: 3 }) },
        { at: T0 + H, metrics: m({ comments: 5 }) },
      ]),
    ).toEqual([]);
  });

  it('since creation: 60 interactions after 5 h = 12 per hour', () => {
    expect(velocitySinceCreated(m({ likes: 50, comments: 10 }), T0, T0 + 5 * H)).toBe(12);
    expect(velocitySinceCreated(m({ likes: 50 }), null, T0)).toBeNull();
    expect(velocitySinceCreated(m({}), T0, T0 + H)).toBeNull();
  });

  it('createdAt is parsed from ISO, and a missing one is unknown', () => {
    expect(createdAtMs({ createdAt: '2025-06-16T12:00:00.000Z' })).toBe(NOW);
    expect(createdAtMs({ createdAt: null })).toBeNull();
  });

  it('early velocity uses the latest reading in the first 24 h, skipping ones under 15 minutes old', () => {
    const e = earlyVelocity(
      [
        { at: T0 + 5 * MIN, metrics: m({ likes: 100 }) }, // too early: 100 / (1/12 h) would be 1200 /h
        { at: T0 + 4 * H, metrics: m({ likes: 40 }) },
        { at: T0 + 30 * H, metrics: m({ likes: 90 }) }, // after 24 h
      ],
      T0,
    );
    expect(e).toEqual({ perHour: 10, ageMs: 4 * H }); // 40 / 4 h
  });

  it('matched to an age, it takes the reading closest to that age within a factor of 2', () => {
    const rs = [
      { at: T0 + 1 * H, metrics: m({ likes: 12 }) },
      { at: T0 + 3 * H, metrics: m({ likes: 30 }) },
      { at: T0 + 20 * H, metrics: m({ likes: 100 }) },
    ];
    expect(earlyVelocity(rs, T0, 2.5 * H)).toEqual({ perHour: 10, ageMs: 3 * H }); // |3−2.5| < |1−2.5|
    expect(earlyVelocity(rs, T0, 9 * H)).toBeNull(); // window [4.5 h, 18 h]: 3 h and 20 h both outside
    expect(earlyVelocity(rs, T0, 11 * H)).toEqual({ perHour: 5, ageMs: 20 * H }); // window [5.5 h, 22 h]: 100 / 20 h
  });

  it('a young post is compared with the median early velocity of the other posts at a similar age', () => {
    // Five other posts read at 2 h with 10, 20, 30, 40, 50 interactions → 5, 10, 15, 20, 25 /h → median 15
    const others = [10, 20, 30, 40, 50].map((likes, i) => {
      const created = NOW - (10 + i) * 24 * H;
      return { createdAt: created, readings: [{ at: created + 2 * H, metrics: m({ likes }) }] };
    });
    // A sixth whose only early reading is at 20 h: outside [1 h, 4 h], so not a yardstick for a 2 h post
    const created6 = NOW - 20 * 24 * H;
    others.push({ createdAt: created6, readings: [{ at: created6 + 20 * H, metrics: m({ likes: 1 }) }] });

    const created = NOW - 3 * H;
    const young = {
      createdAt: new Date(created).toISOString(),
      metrics: m({ likes: 60 }),
      lastSeen: created + 2 * H,
    };
    const c = compareYoungPost(young, others, NOW);
    // 60 interactions / 2 h = 30 /h; 30 / 15 = 2 × typical
    expect(c).toMatchObject({ status: 'ok', thin: false, perHour: 30, ageMs: 2 * H, ratio: 2 });
    if (c.status !== 'ok') return;
    expect(c.typical).toEqual({ value: 15, n: 5, thin: false, atAgeMs: 2 * H });
  });

  it('with fewer than 5 comparable posts the typical velocity is thin', () => {
    const created = NOW - 30 * H;
    const t = typicalEarlyVelocity([
      { createdAt: created, readings: [{ at: created + H, metrics: m({ likes: 3 }) }] },
    ]);
    expect(t).toEqual({ value: 3, n: 1, thin: true, atAgeMs: null });
  });

  it('a post 24 h or older is not young: use the baseline', () => {
    const old = { createdAt: new Date(NOW - 25 * H).toISOString(), metrics: m({ likes: 1 }), lastSeen: NOW };
    expect(compareYoungPost(old, [], NOW)).toEqual({ status: 'mature' });
  });

  it('a young post without a creation time or read in its first minutes cannot be paced', () => {
    expect(compareYoungPost({ createdAt: null, metrics: m({ likes: 1 }), lastSeen: NOW }, [], NOW)).toEqual({
      status: 'unknown',
      reason: 'no-created-at',
    });
    const justNow = {
      createdAt: new Date(NOW - 5 * MIN).toISOString(),
      metrics: m({ likes: 1 }),
      lastSeen: NOW,
    };
    expect(compareYoungPost(justNow, [], NOW)).toEqual({ status: 'unknown', reason: 'too-early' });
  });

  it('observation rows group by post id', () => {
    const rows = [
      { id: 'a', at: 1, metrics: m({}) },
      { id: 'b', at: 2, metrics: m({}) },
      { id: 'a', at: 3, metrics: m({}) },
    ];
    const g = groupReadings(rows);
    expect(g.get('a')?.map((r) => r.at)).toEqual([1, 3]);
    expect(g.get('b')?.length).toBe(1);
  });
});
