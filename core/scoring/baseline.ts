/**
 * The account baseline: what "usual" engagement is for one account, and how far a post is from it.
 * Median and MAD rather than mean and SD, because one viral post would otherwise raise the bar for
 * every later post.
 */
import {
  chooseDenominator,
  type Denominator,
  figureFor,
  type PostFigures,
  postFigures,
  type RatedPost,
} from './engagement';
import { isMature, isYoung, type Timed } from './maturity';
import { median, robustScale, type ScaleSource } from './stats';
import { BASELINE_WINDOW, BREAKOUT_MIN_N, BREAKOUT_MIN_X_MEDIAN, BREAKOUT_MIN_Z } from './thresholds';

/** What the baseline needs from a post (StoredPost has all of it). */
export interface BaselinePost extends RatedPost, Timed {
  id: string;
}

/** An account's usual engagement over its newest mature posts, with one denominator. */
export interface Baseline {
  /** 'thin' when fewer than BREAKOUT_MIN_N posts: figures are shown, breakouts are not called. */
  status: 'ok' | 'thin';
  thin: boolean;
  /** Posts the median and MAD were computed over (mature, within the window, with the denominator). */
  n: number;
  /** Mature posts with known interactions in the window (≤ BASELINE_WINDOW), before the denominator filter. */
  window: number;
  denominator: Denominator;
  median: number | null;
  /** Unscaled median absolute deviation. */
  mad: number | null;
  /** Divisor of the robust z (1.4826·MAD, or 1.253314·MeanAD when MAD = 0); null when there is no spread. */
  scale: number | null;
  scaleSource: ScaleSource;
}

/** Internal: total order on posts by (time, id) so "the newest 30" is the same set in any input order. */
export function compareTimeId(a: { time: number; id: string }, b: { time: number; id: string }): number {
  if (a.time !== b.time) return a.time - b.time;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Internal: keep `buf` (ascending by time, id) as the `limit` newest items seen; O(limit) per call.
 * Returns false when the item is older than everything kept in a full buffer.
 */
export function keepNewest<T extends { time: number; id: string }>(
  buf: T[],
  item: T,
  limit: number,
): boolean {
  if (buf.length >= limit) {
    if (compareTimeId(item, buf[0]!) <= 0) return false;
    buf.shift();
  }
  let i = buf.length;
  while (i > 0 && compareTimeId(buf[i - 1]!, item) > 0) i--;
  buf.splice(i, 0, item);
  return true;
}

/** Baseline over already-selected window figures (≤ 30 mature posts with known interactions). */
export function baselineFromFigures(window: readonly PostFigures[]): Baseline {
  let withF = 0;
  let withV = 0;
  for (const fig of window) {
    if (!Number.isNaN(fig.f)) withF++;
    if (!Number.isNaN(fig.v)) withV++;
  }
  const denominator = chooseDenominator(withF, withV, window.length);
  const values: number[] = [];
  for (const fig of window) {
    const x = figureFor(fig, denominator);
    if (!Number.isNaN(x)) values.push(x);
  }
  const n = values.length;
  const med = median(values);
  const spread = med === null ? null : robustScale(values, med);
  const thin = n < BREAKOUT_MIN_N;
  return {
    status: thin ? 'thin' : 'ok',
    thin,
    n,
    window: window.length,
    denominator,
    median: med,
    mad: spread?.mad ?? null,
    scale: spread && spread.scale > 0 ? spread.scale : null,
    scaleSource: spread?.source ?? 'none',
  };
}

/**
 * Baseline of one account's posts at `now`: median and MAD of the engagement rate over its newest 30
 * mature posts with known interactions; posts lacking the chosen denominator are left out (see `window`).
 */
export function accountBaseline(posts: readonly BaselinePost[], now: number): Baseline {
  const newest: (PostFigures & { time: number; id: string })[] = [];
  for (const p of posts) {
    if (!isMature(p, now)) continue;
    // Cheap reject first: once 30 are kept, most posts are older than all of them.
    if (newest.length >= BASELINE_WINDOW && compareTimeId(p, newest[0]!) <= 0) continue;
    const fig = postFigures(p);
    if (Number.isNaN(fig.inter)) continue;
    keepNewest(newest, { inter: fig.inter, f: fig.f, v: fig.v, time: p.time, id: p.id }, BASELINE_WINDOW);
  }
  return baselineFromFigures(newest);
}

/** How one post compares with its account's baseline. */
export type PostAssessment =
  /** Under 24 h old: compare by velocity (see velocity.ts), not by totals. */
  | { status: 'young'; n: number; thin: boolean }
  /** Old enough, but its metrics were last read before it was 24 h old: the totals are not final. */
  | { status: 'stale'; n: number; thin: boolean }
  /** No interaction metric known, or not the baseline's denominator (e.g. no follower count). */
  | {
      status: 'unknown';
      reason: 'no-interactions' | 'no-denominator';
      denominator: Denominator;
      n: number;
      thin: boolean;
    }
  | {
      status: 'ok' | 'thin';
      n: number;
      thin: boolean;
      denominator: Denominator;
      value: number;
      median: number | null;
      /** value / median; null when the median is 0 or unknown. */
      xMedian: number | null;
      /** (value − median) / scale; null when the baseline has no spread and value ≠ median. */
      z: number | null;
      /** z ≥ 3 and ≥ 2 × median (median > 0), with ≥ 8 posts in the baseline. */
      breakout: boolean;
    };

/** Internal: the verdict for a figure already expressed in the baseline's denominator. */
export function judge(
  value: number,
  b: Baseline,
): { xMedian: number | null; z: number | null; breakout: boolean } {
  const med = b.median;
  const xMedian = med !== null && med > 0 ? value / med : null;
  let z: number | null = null;
  if (med !== null) {
    if (b.scale !== null) z = (value - med) / b.scale;
    else if (value === med) z = 0;
  }
  // A median of 0 makes "2 × median" meaningless (any post would pass), so no breakout is called.
  const breakout =
    !b.thin &&
    med !== null &&
    med > 0 &&
    z !== null &&
    z >= BREAKOUT_MIN_Z &&
    value >= BREAKOUT_MIN_X_MEDIAN * med;
  return { xMedian, z, breakout };
}

/** Compare a post with an account baseline at `now`: × median, robust z, breakout — or why not. */
export function assessPost(post: BaselinePost, baseline: Baseline, now: number): PostAssessment {
  const { n, thin, denominator } = baseline;
  if (isYoung(post, now)) return { status: 'young', n, thin };
  if (!isMature(post, now)) return { status: 'stale', n, thin };
  const fig = postFigures(post);
  if (Number.isNaN(fig.inter)) return { status: 'unknown', reason: 'no-interactions', denominator, n, thin };
  const value = figureFor(fig, denominator);
  if (Number.isNaN(value)) return { status: 'unknown', reason: 'no-denominator', denominator, n, thin };
  const v = judge(value, baseline);
  return {
    status: thin ? 'thin' : 'ok',
    n,
    thin,
    denominator,
    value,
    median: baseline.median,
    ...v,
  };
}
