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
}

export type PageSort = 'page' | 'interactions' | 'xMedian' | 'velocity' | 'engagement';
export const PAGE_SORTS: readonly PageSort[] = ['page', 'interactions', 'xMedian', 'velocity', 'engagement'];

/** The key baselines are stored under (platform + normalised handle). */
export function baselineKey(post: { platform: string; authorKey: string }): string {
  return accountKey(post.platform, post.authorKey);
}

/** Rows for the posts of a page; `baselines` (by baselineKey) may be null while loading. */
export function pageRows(
  posts: readonly StoredPost[],
  baselines: ReadonlyMap<string, Baseline> | null,
  now: number,
): PageRow[] {
  return posts.map((post, position) => {
    const rate = engagementRate(post);
    const baseline = post.authorKey ? baselines?.get(baselineKey(post)) : undefined;
    const assessment = baseline ? assessPost(post, baseline, now) : null;
    const judged = assessment?.status === 'ok' || assessment?.status === 'thin';
    return {
      post,
      position,
      interactions: interactions(post.metrics),
      rate: rate && rate.denominator !== 'none' ? rate : null,
      assessment,
      xMedian: judged ? assessment.xMedian : null,
      breakout: judged ? assessment.breakout : false,
      velocity: post.createdAt ? velocitySinceCreated(post.metrics, post.time, post.lastSeen) : null,
      // Without a posting time, `time` is when the post was first seen: its age is unknown.
      young: post.createdAt !== null && isYoung(post, now),
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
