/**
 * Views-first scoring: on YouTube, TikTok, Shorts and Reels the page shows plays before (or instead
 * of) likes, and a TikTok profile grid shows nothing else. There the headline figures are views,
 * views per hour since publishing (vidIQ's "views per hour") and × the channel's median views over
 * its newest 30 mature videos — the same window and maturity rule as the engagement baseline
 * (DESIGN "Scores"), with views in place of the engagement rate.
 */
import type { Metrics } from '../model';
import { compareTimeId, keepNewest } from './baseline';
import { interactions } from './interactions';
import { isMature, isYoung, type Timed } from './maturity';
import { median } from './stats';
import { BASELINE_WINDOW, BREAKOUT_MIN_N, HOUR } from './thresholds';

/** What views scoring reads from a post (StoredPost has it). */
export interface ViewsPost extends Timed {
  id: string;
  platform: string;
  url: string | null;
  metrics: { views: number | null };
  /** null when the page showed no posting time (then `time` is the first sighting). */
  createdAt: string | null;
}

// Where plays are the figure creators and marketers read first. Instagram and Facebook show plays
// only on reels, so there the permalink decides.
const VIEWS_FIRST_PLATFORMS: ReadonlySet<string> = new Set(['youtube', 'tiktok']);
const VIEWS_FIRST_PATH = /\/(?:reels?|shorts)\//;

/** YouTube, TikTok, Shorts and Reels: views are the headline figure. */
export function isViewsFirst(post: { platform: string; url: string | null }): boolean {
  if (VIEWS_FIRST_PLATFORMS.has(post.platform)) return true;
  return post.url !== null && VIEWS_FIRST_PATH.test(post.url);
}

/**
 * Whether a post's headline figure is its views: a views-first platform or format, or a post whose
 * page shows views and no interaction at all (a TikTok profile grid, a YouTube channel's shelf).
 */
export function leadsWithViews(post: { platform: string; url: string | null; metrics: Metrics }): boolean {
  if (post.metrics.views === null) return false;
  return isViewsFirst(post) || interactions(post.metrics) === null;
}

/** A channel's usual views: median over its newest ≤ 30 mature videos with a view count. */
export interface ViewsBaseline {
  n: number;
  median: number | null;
  /** Fewer than 8 videos (BREAKOUT_MIN_N): × median views is not shown, the raw views are. */
  thin: boolean;
}

/** Views baseline from the views of the selected window (already ≤ 30 mature posts). */
export function viewsBaselineFromValues(values: readonly number[]): ViewsBaseline {
  return { n: values.length, median: median(values), thin: values.length < BREAKOUT_MIN_N };
}

/** Views baseline of one account's posts at `now` (newest 30 mature posts with known views). */
export function viewsBaseline(
  posts: readonly (Timed & { id: string; metrics: { views: number | null } })[],
  now: number,
): ViewsBaseline {
  const newest: { time: number; id: string; views: number }[] = [];
  for (const p of posts) {
    const views = p.metrics.views;
    if (views === null || !isMature(p, now)) continue;
    if (newest.length >= BASELINE_WINDOW && compareTimeId(p, newest[0]!) <= 0) continue;
    keepNewest(newest, { time: p.time, id: p.id, views }, BASELINE_WINDOW);
  }
  return viewsBaselineFromValues(newest.map((x) => x.views));
}

/** Views per hour since publishing, as read at `at`; null without views, a posting time or elapsed time. */
export function viewsPerHour(views: number | null, createdAt: number | null, at: number): number | null {
  if (views === null || createdAt === null || !(at > createdAt)) return null;
  return views / ((at - createdAt) / HOUR);
}

/** How a video's views compare with its channel's. */
export interface ViewsAssessment {
  views: number;
  /** Views per hour since publishing (as last read); null without a posting time. */
  perHour: number | null;
  /** views / the channel's median views; null for young or stale videos, a thin baseline or a median of 0. */
  xMedian: number | null;
  /** Under 24 h old: judged by views per hour, not by its total. */
  young: boolean;
  n: number;
  thin: boolean;
}

/** Views, views/h and × median views of one post; null when the page showed no view count. */
export function assessViews(post: ViewsPost, baseline: ViewsBaseline, now: number): ViewsAssessment | null {
  const views = post.metrics.views;
  if (views === null) return null;
  const created = post.createdAt === null ? null : post.time;
  const young = created !== null && isYoung(post, now);
  const comparable = !young && isMature(post, now) && !baseline.thin;
  const med = baseline.median;
  return {
    views,
    perHour: viewsPerHour(views, created, post.lastSeen),
    xMedian: comparable && med !== null && med > 0 ? views / med : null,
    young,
    n: baseline.n,
    thin: baseline.thin,
  };
}
