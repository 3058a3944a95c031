import { describe, expect, it } from 'vitest';
import { placeFigures } from '../../core/scoring/places';

const DAY = 86_400_000;
const T0 = Date.parse('2026-01-01T00:00:00Z');
const PLACE = { platform: 'google', handle: '0x1:0x2' };
const review = (id: string, created: number, answer: number | null, precision?: string) => ({
  platform: 'google',
  postAuthorKey: '0x1:0x2',
  byPostAuthor: false,
  createdAt: new Date(created).toISOString(),
  firstSeen: created,
  answeredAt: answer === null ? null : answer,
  answerCreatedAt: answer,
  ...(precision ? { timePrecision: precision } : {}),
  id,
});

describe('place figures (Google reviews)', () => {
  it('reads reviews per month from two counts a month apart, and the rating as it moved', () => {
    const figures = placeFigures(
      PLACE,
      [
        { at: T0 + 61 * DAY, rating: 4.2, reviews: 130 },
        { at: T0, rating: 4.4, reviews: 100 },
        { at: T0 + 30 * DAY, rating: 4.3, reviews: 112 },
      ],
      [],
    );
    expect(figures.rating).toBe(4.2);
    expect(figures.reviews).toBe(130);
    expect(figures.reviewsPerMonth).toBeCloseTo(30 / (61 / 30.436875), 5);
    expect(figures.velocitySpanDays).toBe(61);
    expect(figures.ratingTrend.map((p) => p.rating)).toEqual([4.4, 4.3, 4.2]);
  });

  it('gives no velocity from one visit or two visits the same week', () => {
    expect(placeFigures(PLACE, [{ at: T0, rating: 5, reviews: 30 }], []).reviewsPerMonth).toBeNull();
    expect(
      placeFigures(
        PLACE,
        [
          { at: T0, reviews: 30 },
          { at: T0 + 3 * DAY, reviews: 31 },
        ],
        [],
      ).reviewsPerMonth,
    ).toBeNull();
  });

  it('answers the response rate from every review and the time only from dates exact to the day', () => {
    const figures = placeFigures(
      PLACE,
      [],
      [
        review('a', T0, T0 + 2 * DAY, 'day'),
        review('b', T0, T0 + 4 * DAY, 'day'),
        review('c', T0, T0 + 90 * DAY, 'month'),
        review('d', T0, null, 'day'),
      ],
    );
    expect(figures.response).toMatchObject({ n: 4, answered: 3, rate: 75, timedN: 2, medianMs: 3 * DAY });
  });
});
