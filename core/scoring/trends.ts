/**
 * Week over week: the last 7 days against the 7 days before. Rolling windows ending at `now` rather
 * than calendar weeks, so Monday morning does not compare a half-empty week with a full one.
 */
import { inWindow, type TimeWindow } from './cadence';
import type { Denominator, RatedPost } from './engagement';
import { interactions } from './interactions';
import { isMature, type Timed } from './maturity';
import { matureSeries } from './series';
import { median, pctChange } from './stats';
import { TREND_MIN_N, WEEK } from './thresholds';

/** A follower count at a moment (AccountObservation rows have this shape). */
export interface FollowerReading {
  at: number;
  followers: number | null;
}

/** One week's figures. Medians use mature posts only (final totals); `posts` counts every post. */
export interface WeekSide {
  window: TimeWindow;
  posts: number;
  medianInteractions: { value: number | null; n: number };
  medianEr: { value: number | null; n: number };
  /** Followers at the end minus followers at the start; null unless both are known. */
  followersChange: number | null;
  thin: boolean;
}

/** This week against last week, with the one denominator both ER medians use. */
export interface WeekOverWeek {
  denominator: Denominator;
  thisWeek: WeekSide;
  lastWeek: WeekSide;
  change: {
    /** Difference in posts. */
    posts: number;
    /** Percentage change of the median interactions; null when last week's is 0 or unknown. */
    medianInteractionsPct: number | null;
    medianErPct: number | null;
    /** This week's follower change minus last week's. */
    followersChange: number | null;
  };
  thin: boolean;
}

/** The latest known follower count at or before `t`; null when none is known by then. */
export function followersAt(history: readonly FollowerReading[], t: number): number | null {
  let bestAt = Number.NEGATIVE_INFINITY;
  let best: number | null = null;
  for (const r of history) {
    if (r.followers === null || r.at > t || r.at < bestAt) continue;
    bestAt = r.at;
    best = r.followers;
  }
  return best;
}

/** Internal: figures of one week. */
function side<T extends RatedPost & Timed>(
  posts: readonly T[],
  history: readonly FollowerReading[],
  window: TimeWindow,
  rated: Map<T, number>,
  now: number,
): WeekSide {
  let count = 0;
  const inter: number[] = [];
  const er: number[] = [];
  for (const p of posts) {
    if (!inWindow(p.time, window)) continue;
    count++;
    if (!isMature(p, now)) continue;
    const x = interactions(p.metrics);
    if (x !== null) inter.push(x);
    const r = rated.get(p);
    if (r !== undefined) er.push(r);
  }
  const start = followersAt(history, window.from);
  const end = followersAt(history, window.to);
  return {
    window,
    posts: count,
    medianInteractions: { value: median(inter), n: inter.length },
    medianEr: { value: median(er), n: er.length },
    followersChange: start !== null && end !== null ? end - start : null,
    thin: inter.length < TREND_MIN_N,
  };
}

/**
 * One account's last 7 days ([now − 7 d, now)) against the 7 days before: posts, median interactions,
 * median ER (one denominator for both weeks) and follower change (from `followerHistory`).
 */
export function weekOverWeek<T extends RatedPost & Timed>(
  posts: readonly T[],
  followerHistory: readonly FollowerReading[],
  now: number,
): WeekOverWeek {
  const thisWindow = { from: now - WEEK, to: now };
  const lastWindow = { from: now - 2 * WEEK, to: now - WEEK };
  const both = posts.filter((p) => p.time >= lastWindow.from && p.time < thisWindow.to);
  const series = matureSeries(both, now);
  const rated = new Map<T, number>();
  for (const { post, value } of series.items) rated.set(post, value);
  const thisWeek = side(both, followerHistory, thisWindow, rated, now);
  const lastWeek = side(both, followerHistory, lastWindow, rated, now);
  return {
    denominator: series.denominator,
    thisWeek,
    lastWeek,
    change: {
      posts: thisWeek.posts - lastWeek.posts,
      medianInteractionsPct: pctChange(lastWeek.medianInteractions.value, thisWeek.medianInteractions.value),
      medianErPct: pctChange(lastWeek.medianEr.value, thisWeek.medianEr.value),
      followersChange:
        thisWeek.followersChange !== null && lastWeek.followersChange !== null
          ? thisWeek.followersChange - lastWeek.followersChange
          : null,
    },
    thin: thisWeek.thin || lastWeek.thin,
  };
}
