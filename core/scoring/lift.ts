/**
 * Lift: how posts with some property (a hashtag, a format, a weekday) do compared with the account's
 * usual — median with ÷ account median. Medians, so one viral post does not make its hashtag a "winner";
 * n on both sides, because a lift over 2 posts is an anecdote.
 */
import type { MediaKind } from '../model';
import type { Denominator, RatedPost } from './engagement';
import { cellIndexer } from './localtime';
import type { Timed } from './maturity';
import { matureSeries } from './series';
import { median } from './stats';
import { LIFT_ACCOUNT_MIN_N, LIFT_MIN_N } from './thresholds';

/** One group (a hashtag, a format, a weekday) against the account. */
export interface LiftGroup {
  key: string;
  /** Median engagement of the group's posts (lift denominator). */
  median: number | null;
  n: number;
  /** group median / account median; null when the account median is 0 or unknown. */
  lift: number | null;
  /** n < LIFT_MIN_N, or the account side is thin. */
  thin: boolean;
}

/** Lifts of every group, with the account side they are relative to. */
export interface Lift {
  denominator: Denominator;
  account: { median: number | null; n: number; thin: boolean };
  groups: LiftGroup[];
}

/** Internal: lift of groups given each post's group keys (a post counts once per distinct key). */
function liftBy<T extends RatedPost & Timed>(
  posts: readonly T[],
  now: number,
  keysOf: (post: T) => Iterable<string>,
  denominator: Denominator | undefined,
  order: (a: LiftGroup, b: LiftGroup) => number,
): Lift {
  const series = matureSeries(posts, now, denominator);
  const all: number[] = [];
  const byKey = new Map<string, number[]>();
  for (const { post, value } of series.items) {
    all.push(value);
    for (const key of new Set(keysOf(post))) {
      const list = byKey.get(key);
      if (list) list.push(value);
      else byKey.set(key, [value]);
    }
  }
  const accountMedian = median(all);
  const accountThin = all.length < LIFT_ACCOUNT_MIN_N;
  const groups: LiftGroup[] = [];
  for (const [key, values] of byKey) {
    const m = median(values);
    groups.push({
      key,
      median: m,
      n: values.length,
      lift: m !== null && accountMedian !== null && accountMedian > 0 ? m / accountMedian : null,
      thin: values.length < LIFT_MIN_N || accountThin,
    });
  }
  groups.sort(order);
  return {
    denominator: series.denominator,
    account: { median: accountMedian, n: all.length, thin: accountThin },
    groups,
  };
}

const byNThenKey = (a: LiftGroup, b: LiftGroup) => b.n - a.n || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/** Canonical hashtag: NFC, lower-case, without '#', so "#Öko", "#öko" and "öko" are one tag. */
export function normalizeHashtag(tag: string): string {
  return tag.normalize('NFC').replace(/^#+/, '').toLowerCase();
}

/** Lift per hashtag over the mature posts (groups sorted by n, then tag). */
export function hashtagLift<T extends RatedPost & Timed & { hashtags: readonly string[] }>(
  posts: readonly T[],
  now: number,
  options: { denominator?: Denominator } = {},
): Lift {
  return liftBy(
    posts,
    now,
    (p) => p.hashtags.map(normalizeHashtag).filter((t) => t.length > 0),
    options.denominator,
    byNThenKey,
  );
}

/** Lift per format (video / image / text / link / poll / mixed) over the mature posts. */
export function formatLift<T extends RatedPost & Timed & { media: MediaKind }>(
  posts: readonly T[],
  now: number,
  options: { denominator?: Denominator } = {},
): Lift {
  return liftBy(posts, now, (p) => [p.media], options.denominator, byNThenKey);
}

/**
 * Lift per posting weekday in `timeZone`; keys "0" (Monday) … "6" (Sunday), in weekday order. Posts
 * without a known createdAt are left out: their time is when the user saw them.
 */
export function weekdayLift<T extends RatedPost & Timed & { createdAt: string | null }>(
  posts: readonly T[],
  timeZone: string,
  now: number,
  options: { denominator?: Denominator } = {},
): Lift {
  const cellOf = cellIndexer(timeZone);
  return liftBy(
    posts.filter((p) => p.createdAt !== null),
    now,
    (p) => [String(Math.floor(cellOf(p.time) / 24))],
    options.denominator,
    (a, b) => Number(a.key) - Number(b.key),
  );
}
