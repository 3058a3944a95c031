/**
 * Best time to post: median engagement per weekday × hour in the user's time zone. With a few hundred
 * posts most of the 168 cells hold 0–2 posts; those stay empty rather than show one lucky post.
 */
import type { Denominator, RatedPost } from './engagement';
import { cellIndexer } from './localtime';
import type { Timed } from './maturity';
import { matureSeries } from './series';
import { median } from './stats';
import { BEST_TIME_MIN_N } from './thresholds';

/** What best time needs from a post: only posts with a known createdAt have a known hour. */
export interface BestTimePost extends RatedPost, Timed {
  createdAt: string | null;
}

/** One weekday × hour cell. */
export interface BestTimeCell {
  /** 0 = Monday … 6 = Sunday. */
  weekday: number;
  hour: number;
  /** Median engagement (series denominator); null when n < BEST_TIME_MIN_N — shown empty. */
  value: number | null;
  n: number;
}

/** The 7 × 24 grid (Monday 00 h first), with the denominator every cell uses. */
export interface BestTimeGrid {
  timeZone: string;
  denominator: Denominator;
  cells: BestTimeCell[];
  /** Posts placed in the grid. */
  n: number;
  /** No cell has enough posts to show a value. */
  thin: boolean;
}

/** Median engagement per weekday × hour (in `timeZone`) of the mature posts with a known creation time. */
export function bestTimeGrid(
  posts: readonly BestTimePost[],
  timeZone: string,
  now: number,
  options: { denominator?: Denominator } = {},
): BestTimeGrid {
  // time falls back to firstSeen when createdAt is unknown: that is when the user looked, not when
  // the account posted, so such posts cannot say anything about posting times.
  const dated = posts.filter((p) => p.createdAt !== null);
  const series = matureSeries(dated, now, options.denominator);
  const cellOf = cellIndexer(timeZone);
  const buckets: number[][] = Array.from({ length: 168 }, () => []);
  for (const { post, value } of series.items) buckets[cellOf(post.time)]!.push(value);
  let shown = 0;
  const cells = buckets.map((values, i) => {
    const n = values.length;
    const value = n >= BEST_TIME_MIN_N ? median(values) : null;
    if (value !== null) shown++;
    return { weekday: Math.floor(i / 24), hour: i % 24, value, n };
  });
  return { timeZone, denominator: series.denominator, cells, n: series.items.length, thin: shown === 0 };
}
