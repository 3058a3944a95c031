/**
 * Response rate and time for own accounts, from the comments seen under their posts. Unseen answers
 * make the rate a lower bound — the panel should say so. The time runs from the comment's own time on
 * the page to the answer's own time on the page (`answerCreatedAt`); `answeredAt` (when Resonanz first
 * saw the answer) is never used as a duration: a thread answered in minutes and opened a year later
 * would read "a year".
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
  /** The answer's own time on the page (epoch ms), when it showed one. */
  answerCreatedAt?: number | null | undefined;
  /** How exact `createdAt` is ("vor 5 Monaten": a month); absent: as exact as the page's timestamp. */
  timePrecision?: string | undefined;
}

/** Times only known to the week or coarser ("vor 5 Monaten") give no response time worth a median. */
const COARSE = new Set(['week', 'month', 'year']);

/** Share of comments answered and the median time to the answer. */
export interface ResponseStats {
  /** Comments by others under the own accounts' posts (in the window). */
  n: number;
  answered: number;
  /** answered / n × 100; null when n = 0. */
  rate: number | null;
  /** Median ms from the comment's createdAt to the answer's createdAt; null when none is timed. */
  medianMs: number | null;
  /** Answered comments where both times are known (the time median's sample). */
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
    // Only both times as the page shows them give a duration; firstSeen and answeredAt can be months
    // after the fact. A negative duration means a clock or parse problem: leave it out, do not clamp.
    const answer = c.answerCreatedAt ?? null;
    const exact = !COARSE.has(c.timePrecision ?? 'exact');
    if (exact && !Number.isNaN(created) && answer !== null && answer >= created) times.push(answer - created);
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
