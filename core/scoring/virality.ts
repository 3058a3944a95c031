/**
 * Virality: how much of a post's engagement is people passing it on. Shares carry a post beyond the
 * author's followers, so a high share of shares signals reach the follower count does not explain.
 */
import type { Metrics } from '../model';
import type { Denominator } from './engagement';
import { interactions } from './interactions';
import { isMature, type Timed } from './maturity';
import { median } from './stats';
import { MEDIAN_MIN_N } from './thresholds';

/** shares / interactions × 100; null when shares are not shown or there are no interactions. */
export function virality(metrics: Metrics): number | null {
  const i = interactions(metrics);
  if (metrics.shares === null || i === null || i === 0) return null;
  return (metrics.shares / i) * 100;
}

/** An account's median virality over its mature posts, with n. */
export interface AccountVirality {
  value: number | null;
  n: number;
  thin: boolean;
  /** Virality is a share of interactions, whatever the reach: always 'none'. */
  denominator: Denominator;
}

/** Median virality (percent) over the mature posts where it is known. */
export function accountVirality(
  posts: readonly (Timed & { metrics: Metrics })[],
  now: number,
): AccountVirality {
  const values: number[] = [];
  for (const p of posts) {
    if (!isMature(p, now)) continue;
    const v = virality(p.metrics);
    if (v !== null) values.push(v);
  }
  return { value: median(values), n: values.length, thin: values.length < MEDIAN_MIN_N, denominator: 'none' };
}
