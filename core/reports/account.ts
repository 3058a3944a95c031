/**
 * The account view's figures, from one account's stored posts and follower history: every figure
 * comes from core/scoring and carries its sample size and, for engagement, its denominator.
 */

import type { AccountObservation, PlatformId, StoredAccount, StoredPost } from '../model';
import { weekIndex, weekStart } from '../scoring/accumulator';
import { accountBaseline, assessPost, type Baseline } from '../scoring/baseline';
import { benchmarksFor, type IndustryBenchmark } from '../scoring/benchmarks';
import { type BestTimeGrid, bestTimeGrid } from '../scoring/besttime';
import { type Cadence, postsPerWeek } from '../scoring/cadence';
import type { Denominator } from '../scoring/engagement';
import { formatLift, hashtagLift, type Lift } from '../scoring/lift';
import { isMature } from '../scoring/maturity';
import { matureSeries } from '../scoring/series';
import { median } from '../scoring/stats';
import { DAY, MEDIAN_MIN_N, TREND_MIN_N } from '../scoring/thresholds';
import { viewsBaseline, viewsPerHour } from '../scoring/views';

/** Weeks shown in the engagement trend. */
export const TREND_WEEKS = 26;
/** Posts listed as top posts. */
export const TOP_POSTS = 5;
/** The cadence window: the last 28 days (four whole weeks). */
export const CADENCE_DAYS = 28;

export interface AccountReportInput {
  platform: PlatformId;
  account: StoredAccount | null;
  posts: readonly StoredPost[];
  history: readonly AccountObservation[];
  now: number;
  timeZone: string;
}

/** One point of a time series: epoch ms and a value (null = unknown, drawn as a gap). */
export interface Point {
  t: number;
  value: number | null;
  n: number;
}

export interface TopPost {
  post: StoredPost;
  value: number;
  xMedian: number | null;
  breakout: boolean;
}

export interface AccountReport {
  /**
   * Views, where the account's posts show them (YouTube, TikTok, reels): the median views of its
   * newest 30 mature posts with n, and the median views per hour since publishing; null without views.
   */
  views: { median: number | null; n: number; thin: boolean; perHour: number | null } | null;
  /** Posts stored for the account, and how many are mature (final totals). */
  posts: number;
  mature: number;
  /** Fewer mature posts than the breakout minimum: say the sample is thin. */
  thin: boolean;
  baseline: Baseline;
  followers: { latest: number | null; series: Point[]; change: number | null };
  /** Median engagement of the mature posts (one denominator) and the weekly medians. */
  engagement: {
    denominator: Denominator;
    median: number | null;
    n: number;
    thin: boolean;
    weekly: Point[];
    /** Weeks with at least TREND_MIN_N posts: fewer makes the line an anecdote. */
    weeksShown: number;
  };
  cadence: Cadence;
  bestTime: BestTimeGrid;
  topPosts: TopPost[];
  formats: Lift;
  hashtags: Lift;
  /** Published figures for the platform; `comparable` when their denominator is the account's. */
  benchmarks: { benchmark: IndustryBenchmark; comparable: boolean }[];
}

/** Computes every figure of the account view at `now`. */
export function accountReport(input: AccountReportInput): AccountReport {
  const { posts, now } = input;
  const baseline = accountBaseline(posts, now);
  const mature = posts.reduce((n, p) => n + (isMature(p, now) ? 1 : 0), 0);

  // Followers: the history rows with a count, plus the account row's latest if it is newer.
  const series: Point[] = input.history
    .filter((h) => h.followers !== null)
    .map((h) => ({ t: h.at, value: h.followers, n: 1 }))
    .sort((a, b) => a.t - b.t);
  const latest = input.account?.followers ?? series.at(-1)?.value ?? null;
  const first = series[0]?.value ?? null;
  const last = series.at(-1)?.value ?? null;

  // Engagement: one denominator for every post (the one most posts have), medians per UTC week.
  const rated = matureSeries(posts, now);
  const values = rated.items.map((i) => i.value);
  const byWeek = new Map<number, number[]>();
  for (const { post, value } of rated.items) {
    const w = weekIndex(post.time);
    const list = byWeek.get(w);
    if (list) list.push(value);
    else byWeek.set(w, [value]);
  }
  const lastWeek = weekIndex(now);
  const weekly: Point[] = [];
  let weeksShown = 0;
  for (let w = lastWeek - TREND_WEEKS + 1; w <= lastWeek; w++) {
    const list = byWeek.get(w) ?? [];
    const enough = list.length >= TREND_MIN_N;
    if (enough) weeksShown++;
    weekly.push({ t: weekStart(w), value: enough ? median(list) : null, n: list.length });
  }
  // Leading weeks with no posts at all say nothing: start at the first week with a post.
  while (weekly.length > 1 && weekly[0]!.n === 0) weekly.shift();

  const medianValue = median(values);
  const top = [...rated.items]
    .sort((a, b) => b.value - a.value || b.post.time - a.post.time)
    .slice(0, TOP_POSTS)
    .map(({ post, value }): TopPost => {
      const a = assessPost(post, baseline, now);
      const judged = a.status === 'ok' || a.status === 'thin';
      return {
        post,
        value,
        xMedian: judged && a.denominator === rated.denominator ? a.xMedian : null,
        breakout: judged ? a.breakout : false,
      };
    });

  const benchmarkDenominator = rated.denominator === 'none' ? null : rated.denominator;
  const vb = viewsBaseline(posts, now);
  const perHour: number[] = [];
  for (const p of posts) {
    if (p.createdAt === null || !isMature(p, now)) continue;
    const v = viewsPerHour(p.metrics.views, p.time, p.lastSeen);
    if (v !== null) perHour.push(v);
  }
  return {
    views: posts.some((p) => p.metrics.views !== null)
      ? { median: vb.median, n: vb.n, thin: vb.thin, perHour: median(perHour) }
      : null,
    posts: posts.length,
    mature,
    thin: baseline.thin,
    baseline,
    followers: {
      latest,
      series,
      change: series.length >= 2 && first !== null && last !== null ? last - first : null,
    },
    engagement: {
      denominator: rated.denominator,
      median: medianValue,
      n: values.length,
      thin: values.length < MEDIAN_MIN_N,
      weekly,
      weeksShown,
    },
    cadence: postsPerWeek(posts, { from: now - CADENCE_DAYS * DAY, to: now }),
    bestTime: bestTimeGrid(posts, input.timeZone, now),
    topPosts: top,
    formats: formatLift(posts, now),
    hashtags: hashtagLift(posts, now),
    benchmarks: benchmarksFor(input.platform).map((benchmark) => ({
      benchmark,
      comparable: benchmark.denominator === benchmarkDenominator,
    })),
  };
}

/** Whether a lift group can be stated as a finding (enough posts on both sides, a ratio known). */
export function liftIsFinding(
  group: { n: number; lift: number | null; thin: boolean },
  account: { n: number },
): boolean {
  // group.thin already covers a thin account side (lift.ts); a group that is every post compares with itself.
  return !group.thin && group.lift !== null && account.n - group.n > 0;
}

/** The three best weekday × hour cells (by median engagement), for the heatmap's text summary. */
export function bestSlots(grid: BestTimeGrid, count = 3) {
  return grid.cells
    .filter((c) => c.value !== null)
    .sort((a, b) => b.value! - a.value! || b.n - a.n)
    .slice(0, count);
}
