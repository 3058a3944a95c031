/**
 * Internal: the engagement figures of a group of mature posts, all with one denominator — the shared
 * first step of best time, lifts, trends and medians.
 */
import {
  chooseDenominator,
  type Denominator,
  figureFor,
  type PostFigures,
  postFigures,
  type RatedPost,
} from './engagement';
import { isMature, type Timed } from './maturity';

/** A post paired with its engagement figure in the series' denominator. */
export interface Rated<T> {
  post: T;
  value: number;
}

/** A group's figures with the one denominator they share. */
export interface RateSeries<T> {
  denominator: Denominator;
  items: Rated<T>[];
}

/**
 * Mature posts with known interactions, rated with `denominator` if given, else with the best one at
 * least half of them have (followers > views > raw). Posts lacking that denominator are left out.
 */
export function matureSeries<T extends RatedPost & Timed>(
  posts: readonly T[],
  now: number,
  denominator?: Denominator,
): RateSeries<T> {
  const figs: { post: T; fig: PostFigures }[] = [];
  let withF = 0;
  let withV = 0;
  for (const post of posts) {
    if (!isMature(post, now)) continue;
    const fig = postFigures(post);
    if (Number.isNaN(fig.inter)) continue;
    if (!Number.isNaN(fig.f)) withF++;
    if (!Number.isNaN(fig.v)) withV++;
    figs.push({ post, fig });
  }
  const d = denominator ?? chooseDenominator(withF, withV, figs.length);
  const items: Rated<T>[] = [];
  for (const { post, fig } of figs) {
    const value = figureFor(fig, d);
    if (!Number.isNaN(value)) items.push({ post, value });
  }
  return { denominator: d, items };
}
