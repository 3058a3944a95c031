/**
 * "This page" rows: each post on the tab with interactions, engagement rate (with its denominator),
 * × its account's median, velocity and the breakout verdict — the same definitions the badges use.
 */
import type { StoredPost } from '../model';
import { assessPost, type Baseline, type PostAssessment } from '../scoring/baseline';
import { engagementRate, type Rate } from '../scoring/engagement';
import { interactions } from '../scoring/interactions';
import { accountKey, isYoung } from '../scoring/maturity';
import { velocitySinceCreated } from '../scoring/velocity';
import { assessViews, leadsWithViews, type ViewsAssessment, type ViewsBaseline } from '../scoring/views';

/** An account's engagement baseline and, where its posts show views, its views baseline. */
export type PageBaseline = Baseline & { views?: ViewsBaseline };

/** One row of the page table. */
export interface PageRow {
  post: StoredPost;
  /** Position on the page (0-based), for the "page order" sort. */
  position: number;
  interactions: number | null;
  /** Engagement rate by followers or views; null when neither denominator is known. */
  rate: Rate | null;
  /** null while the account baselines are still loading. */
  assessment: PostAssessment | null;
  xMedian: number | null;
  breakout: boolean;
  /** Interactions per hour between posting and the last reading; null without a creation time. */
  velocity: number | null;
  /** Under 24 h old: judged by velocity, not by totals. */
  young: boolean;
  /** YouTube, TikTok, Shorts, Reels: views lead. */
  viewsFirst: boolean;
  /** Views, views/h and × the account's median views; null when the page shows no views. */
  views: ViewsAssessment | null;
}

export type PageSort = 'page' | 'interactions' | 'views' | 'xMedian' | 'velocity' | 'engagement';
export const PAGE_SORTS: readonly PageSort[] = [
  'page',
  'interactions',
  'views',
  'xMedian',
  'velocity',
  'engagement',
];

/** The key baselines are stored under (platform + normalised handle). */
export function baselineKey(post: { platform: string; authorKey: string }): string {
  return accountKey(post.platform, post.authorKey);
}

/**
 * Rows for the posts of a page; `baselines` (by baselineKey) may be null while loading. × median is
 * given only against a baseline of ≥ 8 mature posts (BREAKOUT_MIN_N); below that the row keeps its
 * raw counts and the assessment says how thin the baseline is. Views-first rows (YouTube, TikTok,
 * Shorts, Reels) take × median from the account's median views, and their velocity is views/h.
 */
export function pageRows(
  posts: readonly StoredPost[],
  baselines: ReadonlyMap<string, PageBaseline> | null,
  now: number,
): PageRow[] {
  return posts.map((post, position) => {
    const rate = engagementRate(post);
    const baseline = post.authorKey ? baselines?.get(baselineKey(post)) : undefined;
    const assessment = baseline ? assessPost(post, baseline, now) : null;
    const judged = assessment?.status === 'ok';
    const views = baseline?.views ? assessViews(post, baseline.views, now) : null;
    const viewsFirst = leadsWithViews(post);
    const byViews = viewsFirst && views !== null;
    const velocity = post.createdAt ? velocitySinceCreated(post.metrics, post.time, post.lastSeen) : null;
    return {
      post,
      position,
      interactions: interactions(post.metrics),
      rate: rate && rate.denominator !== 'none' ? rate : null,
      assessment,
      xMedian: byViews ? views.xMedian : judged ? assessment.xMedian : null,
      breakout: judged ? assessment.breakout : false,
      velocity: byViews ? views.perHour : velocity,
      // Without a posting time, `time` is when the post was first seen: its age is unknown.
      young: post.createdAt !== null && isYoung(post, now),
      viewsFirst,
      views,
    };
  });
}

/**
 * Rows sorted by `key`, highest first; unknown values last; ties keep page order. Engagement rates
 * by followers come before rates by views: the two are not on one scale, so they are not interleaved.
 */
export function sortRows(rows: readonly PageRow[], key: PageSort): PageRow[] {
  if (key === 'page') return [...rows].sort((a, b) => a.position - b.position);
  const value = (r: PageRow): number | null =>
    key === 'interactions'
      ? r.interactions
      : key === 'views'
        ? r.post.metrics.views
        : key === 'xMedian'
          ? r.xMedian
          : key === 'velocity'
            ? r.velocity
            : (r.rate?.value ?? null);
  const group = (r: PageRow) => (key === 'engagement' && r.rate?.denominator === 'views' ? 1 : 0);
  return [...rows].sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    if (va === null || vb === null) return va === vb ? a.position - b.position : va === null ? 1 : -1;
    return group(a) - group(b) || vb - va || a.position - b.position;
  });
}
