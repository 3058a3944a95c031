/**
 * When a post's totals can be compared with other posts' totals. Timestamps are epoch ms; `now` is
 * always a parameter so every score is reproducible.
 */
import { MATURE_AGE_MS, YOUNG_AGE_MS } from './thresholds';

/** The timing fields maturity needs (StoredPost has them). */
export interface Timed {
  /** createdAt as epoch ms (or firstSeen when the page showed no time). */
  time: number;
  /** When the stored metrics were last read. */
  lastSeen: number;
}

/**
 * Mature = at least 24 h old at `now` AND its metrics were read at ≥ 24 h of age. The second half
 * matters: a post seen once at 2 h old keeps its 2-hour counts, which are not comparable to totals.
 */
export function isMature(post: Timed, now: number): boolean {
  return now - post.time >= MATURE_AGE_MS && post.lastSeen - post.time >= MATURE_AGE_MS;
}

/** Young = less than 24 h old at `now`: judged by velocity, not by totals. */
export function isYoung(post: { time: number }, now: number): boolean {
  return now - post.time < YOUNG_AGE_MS;
}

/** Canonical account handle: lower-case, without a leading '@' (StoredPost.authorKey convention). */
export function normalizeHandle(handle: string): string {
  return (handle.startsWith('@') ? handle.slice(1) : handle).toLowerCase();
}

/** One string key per account, for maps: "platform\u0000handle" (NUL cannot occur in either part). */
export function accountKey(platform: string, handle: string): string {
  return `${platform}\u0000${normalizeHandle(handle)}`;
}
