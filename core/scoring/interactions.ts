/**
 * Interactions: the numerator of every engagement figure. A metric the page did not show is null and
 * stays out of the sum; it is never counted as 0 (DESIGN: "Never guess 0").
 */
import type { Metrics } from '../model';

/** Bit per interaction metric, so two readings can be compared over the metrics both of them know. */
export const LIKES = 1;
export const COMMENTS = 2;
export const SHARES = 4;
export const QUOTES = 8;
export const SAVES = 16;

/** likes + comments + shares + quotes + saves over the known metrics; null if none is known. Views are reach, not interaction. */
export function interactions(metrics: Metrics): number | null {
  let sum = 0;
  let known = false;
  // Unrolled on purpose: this runs once per post per summary (100k posts).
  if (metrics.likes !== null) {
    sum += metrics.likes;
    known = true;
  }
  if (metrics.comments !== null) {
    sum += metrics.comments;
    known = true;
  }
  if (metrics.shares !== null) {
    sum += metrics.shares;
    known = true;
  }
  if (metrics.quotes !== null) {
    sum += metrics.quotes;
    known = true;
  }
  if (metrics.saves !== null) {
    sum += metrics.saves;
    known = true;
  }
  return known ? sum : null;
}

/** Bit mask of the interaction metrics that are known in `metrics`. */
export function knownInteractionMask(metrics: Metrics): number {
  return (
    (metrics.likes !== null ? LIKES : 0) |
    (metrics.comments !== null ? COMMENTS : 0) |
    (metrics.shares !== null ? SHARES : 0) |
    (metrics.quotes !== null ? QUOTES : 0) |
    (metrics.saves !== null ? SAVES : 0)
  );
}

/**
 * Interactions over only the metrics in `mask` (which must all be known); null if mask is empty.
 * Velocity subtracts two readings: if one shows likes only and the next likes + comments, the plain
 * totals would count every comment as "gained" in that interval.
 */
export function interactionsOver(metrics: Metrics, mask: number): number | null {
  if (mask === 0) return null;
  let sum = 0;
  // A masked metric that is unknown makes the whole figure unknown rather than silently 0.
  for (const [bit, value] of [
    [LIKES, metrics.likes],
    [COMMENTS, metrics.comments],
    [SHARES, metrics.shares],
    [QUOTES, metrics.quotes],
    [SAVES, metrics.saves],
  ] as const) {
    if (mask & bit) {
      if (value === null) return null;
      sum += value;
    }
  }
  return sum;
}
