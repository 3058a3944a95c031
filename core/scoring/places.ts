/**
 * Figures for places (Google reviews): a place is an account, its reviews are comments with a star
 * rating. What a local business compares: the average rating and how it moves, the number of
 * reviews and how fast new ones come, and how many of them the owner answers, and how fast.
 */
import { type ResponseComment, type ResponseStats, responseStats } from './response';

const DAY = 86_400_000;
/** A month, for "reviews per month": the mean Gregorian month. */
const MONTH = 30.436875 * DAY;
/** Review counts seen less than this far apart give no velocity worth showing. */
const MIN_SPAN = 7 * DAY;

/** What place figures read from an account observation (AccountObservation has it). */
export interface PlaceObservation {
  at: number;
  rating?: number | null | undefined;
  reviews?: number | null | undefined;
}

export interface PlaceFigures {
  rating: number | null;
  reviews: number | null;
  /** New reviews per month, from the place's review count seen at two times at least a week apart. */
  reviewsPerMonth: number | null;
  /** The days between the two counts the velocity comes from (its sample). */
  velocitySpanDays: number | null;
  /** Average rating over time, one point per change seen. */
  ratingTrend: { at: number; rating: number }[];
  response: ResponseStats;
}

/** The place's figures from its observations (any order) and the reviews stored for it. */
export function placeFigures(
  place: { platform: string; handle: string },
  observations: readonly PlaceObservation[],
  reviews: readonly ResponseComment[],
): PlaceFigures {
  const seen = [...observations].sort((a, b) => a.at - b.at);
  const counted = seen.filter(
    (o): o is PlaceObservation & { reviews: number } => typeof o.reviews === 'number',
  );
  const first = counted[0];
  const last = counted.at(-1);
  const span = first && last ? last.at - first.at : 0;
  const rated = seen.filter((o): o is PlaceObservation & { rating: number } => typeof o.rating === 'number');
  return {
    rating: rated.at(-1)?.rating ?? null,
    reviews: last?.reviews ?? null,
    reviewsPerMonth:
      first && last && span >= MIN_SPAN ? Math.max(0, last.reviews - first.reviews) / (span / MONTH) : null,
    velocitySpanDays: span >= MIN_SPAN ? Math.round(span / DAY) : null,
    ratingTrend: rated.map((o) => ({ at: o.at, rating: o.rating })),
    response: responseStats(reviews, [place]),
  };
}
