/**
 * Engagement rate, always with the denominator it was computed with: published figures by followers
 * and by views differ by 2–35×, so a bare percentage would invite wrong comparisons.
 */
import type { Metrics } from '../model';
import { interactions } from './interactions';

/** What an engagement figure was divided by; 'none' means raw interactions (not a percentage). */
export type Denominator = 'followers' | 'views' | 'none';

/** Denominators from best to worst: followers compare across posts of one account, views vary per post. */
export const DENOMINATORS: readonly Denominator[] = ['followers', 'views', 'none'];

/** An engagement figure and what it is relative to. Percent for followers/views, a count for 'none'. */
export interface Rate {
  value: number;
  denominator: Denominator;
}

/** What engagement needs from a post: its metrics, and optionally the author's followers at capture. */
export interface RatedPost {
  metrics: Metrics;
  followersAtCapture?: number | null;
}

/** interactions / followers × 100; null when interactions are unknown or followers unknown or 0. */
export function erFollowers(metrics: Metrics, followers: number | null | undefined): number | null {
  const i = interactions(metrics);
  // 0 followers cannot be divided by; treat it like unknown rather than report Infinity.
  if (i === null || followers === null || followers === undefined || !(followers > 0)) return null;
  return (i / followers) * 100;
}

/** interactions / views × 100; null when interactions or views are unknown, or views are 0. */
export function erViews(metrics: Metrics): number | null {
  const i = interactions(metrics);
  const v = metrics.views;
  if (i === null || v === null || !(v > 0)) return null;
  return (i / v) * 100;
}

/**
 * Engagement rate by followers where known, else by views, else raw interactions; null only when no
 * interaction metric is known. `followers` defaults to the post's `followersAtCapture`.
 */
export function engagementRate(post: RatedPost, followers?: number | null): Rate | null {
  const f = followers === undefined ? (post.followersAtCapture ?? null) : followers;
  const byFollowers = erFollowers(post.metrics, f);
  if (byFollowers !== null) return { value: byFollowers, denominator: 'followers' };
  const byViews = erViews(post.metrics);
  if (byViews !== null) return { value: byViews, denominator: 'views' };
  const raw = interactions(post.metrics);
  return raw === null ? null : { value: raw, denominator: 'none' };
}

/** The post's engagement with one given denominator (followers from the post); null if not computable. */
export function rateWith(
  post: RatedPost,
  denominator: Denominator,
  followers?: number | null,
): number | null {
  if (denominator === 'followers') {
    return erFollowers(post.metrics, followers === undefined ? (post.followersAtCapture ?? null) : followers);
  }
  if (denominator === 'views') return erViews(post.metrics);
  return interactions(post.metrics);
}

/**
 * The one denominator a group of posts is judged by: followers if at least half of the posts with
 * known interactions have it, else views if at least half have views, else raw interactions.
 * Mixing denominators inside one median would compare percent-of-followers with percent-of-views.
 */
export function chooseDenominator(
  withFollowers: number,
  withViews: number,
  withInteractions: number,
): Denominator {
  if (withInteractions > 0 && 2 * withFollowers >= withInteractions) return 'followers';
  if (withInteractions > 0 && 2 * withViews >= withInteractions) return 'views';
  return 'none';
}

/** Internal: a post's three candidate figures, NaN where unknown (compact for typed arrays). */
export interface PostFigures {
  inter: number;
  f: number;
  v: number;
}

/** Internal: interactions, ER by followers and ER by views of a post, NaN where unknown. */
export function postFigures(post: RatedPost): PostFigures {
  const i = interactions(post.metrics);
  if (i === null) return { inter: Number.NaN, f: Number.NaN, v: Number.NaN };
  const fol = post.followersAtCapture;
  const views = post.metrics.views;
  return {
    inter: i,
    f: fol !== null && fol !== undefined && fol > 0 ? (i / fol) * 100 : Number.NaN,
    v: views !== null && views > 0 ? (i / views) * 100 : Number.NaN,
  };
}

/** Internal: pick the figure for a denominator out of PostFigures (NaN if unknown). */
export function figureFor(fig: PostFigures, denominator: Denominator): number {
  return denominator === 'followers' ? fig.f : denominator === 'views' ? fig.v : fig.inter;
}
