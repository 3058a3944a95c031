/**
 * Cadence: posts per week. Resonanz only knows the posts the user has seen, so this is a lower bound
 * on how often an account posts — the panel must say so.
 */
import { CADENCE_MIN_POSTS, CADENCE_MIN_WINDOW_MS, WEEK } from './thresholds';

/** A half-open time range [from, to) in epoch ms. */
export interface TimeWindow {
  from: number;
  to: number;
}

/** Posts per week over a window, with the number of posts it rests on. */
export interface Cadence {
  /** Posts per week; null for an empty or inverted window. */
  value: number | null;
  /** Posts seen in the window. */
  n: number;
  /** Window length in weeks. */
  weeks: number;
  thin: boolean;
}

/** Internal: whether t lies in [from, to). */
export function inWindow(t: number, w: TimeWindow): boolean {
  return t >= w.from && t < w.to;
}

/** Cadence from a post count and a window (shared by postsPerWeek, summaries and accumulators). */
export function cadenceOf(n: number, window: TimeWindow): Cadence {
  const span = window.to - window.from;
  const weeks = span > 0 ? span / WEEK : 0;
  return {
    value: weeks > 0 ? n / weeks : null,
    n,
    weeks,
    thin: n < CADENCE_MIN_POSTS || span < CADENCE_MIN_WINDOW_MS,
  };
}

/** Posts per week among `posts` (one account's) whose time falls in [from, to). */
export function postsPerWeek(posts: readonly { time: number }[], window: TimeWindow): Cadence {
  let n = 0;
  for (const p of posts) if (inWindow(p.time, window)) n++;
  return cadenceOf(n, window);
}
