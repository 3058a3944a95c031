/**
 * Response rate and time for own accounts, from the comments seen under their posts. `answeredAt` is
 * when an answer was first *seen*, so the time is an upper bound and unseen answers make the rate a
 * lower bound — the panel should say so.
 */
import type { TimeWindow } from './cadence';
import { accountKey } from './maturity';
import type { Member } from './sov';
import { median } from './stats';
import { RESPONSE_MIN_N } from './thresholds';

/** What response figures read from a comment (StoredComment has it). */
export interface ResponseComment {
  platform: string;
  postAuthorKey: string;
  byPostAuthor: boolean;
  createdAt: string | null;
  firstSeen: number;
  answeredAt: number | null;
}

/** Share of comments answered and the median time to the answer. */
export interface ResponseStats {
  /** Comments by others under the own accounts' posts (in the window). */
  n: number;
  answered: number;
  /** answered / n × 100; null when n = 0. */
  rate: number | null;
  /** Median ms from the comment's createdAt to the answer being seen; null when none is timed. */
  medianMs: number | null;
  /** Answered comments with a known createdAt (the time median's sample). */
  timedN: number;
  thin: boolean;
}

/**
 * Response rate and median response time over comments under the `own` accounts' posts, excluding the
 * accounts' own comments. The window filters on createdAt (firstSeen when unknown).
 */
export function responseStats(
  comments: readonly ResponseComment[],
  own: readonly Member[],
  window?: TimeWindow,
): ResponseStats {
  const owners = new Set(own.map((m) => accountKey(m.platform, m.handle)));
  let n = 0;
  let answered = 0;
  const times: number[] = [];
  for (const c of comments) {
    if (c.byPostAuthor || !owners.has(accountKey(c.platform, c.postAuthorKey))) continue;
    const created = c.createdAt === null ? Number.NaN : Date.parse(c.createdAt);
    const t = Number.isNaN(created) ? c.firstSeen : created;
    if (window && !(t >= window.from && t < window.to)) continue;
    n++;
    if (c.answeredAt === null) continue;
    answered++;
    // Only a known createdAt gives a duration; firstSeen could be hours after the comment was written.
    // A negative duration means a clock or parse problem: leave it out rather than clamp it to 0.
    if (!Number.isNaN(created) && c.answeredAt >= created) times.push(c.answeredAt - created);
  }
  return {
    n,
    answered,
    rate: n > 0 ? (answered / n) * 100 : null,
    medianMs: median(times),
    timedN: times.length,
    thin: n < RESPONSE_MIN_N,
  };
}
