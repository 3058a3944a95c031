/**
 * Reads for the side panel's account and comparison views. Everything goes through an index
 * (`[platform+authorKey+time]`, `[platform+handle+at]`, `time`), so a view costs what the account or
 * window holds, not what the whole history holds.
 */
import type { AccountObservation, PlatformId, StoredAccount, StoredComment, StoredPost } from '../model';
import { interactions } from '../scoring/interactions';
import { isMature } from '../scoring/maturity';
import { BASELINE_WINDOW, MATURE_AGE_MS } from '../scoring/thresholds';
import { accountKey } from './capture';
import type { ResonanzDb } from './schema';

/** One account, as the views and sets name it. */
export interface AccountRef {
  platform: PlatformId;
  handle: string;
}

/** Every stored post of one account, oldest first. */
export function accountPosts(db: ResonanzDb, ref: AccountRef): Promise<StoredPost[]> {
  const key = accountKey(ref.handle);
  return db.posts
    .where('[platform+authorKey+time]')
    .between([ref.platform, key, -Infinity], [ref.platform, key, Infinity], true, true)
    .toArray();
}

/** An account's posts with time in [from, to), oldest first. */
export function accountPostsBetween(
  db: ResonanzDb,
  ref: AccountRef,
  from: number,
  to: number,
): Promise<StoredPost[]> {
  const key = accountKey(ref.handle);
  return db.posts
    .where('[platform+authorKey+time]')
    .between([ref.platform, key, from], [ref.platform, key, to], true, false)
    .toArray();
}

/**
 * The posts an account baseline at `now` needs: the newest BASELINE_WINDOW mature posts with known
 * interactions, walked newest first, so an account with 50,000 stored posts costs about 30 reads.
 */
export function baselinePosts(db: ResonanzDb, ref: AccountRef, now: number): Promise<StoredPost[]> {
  const key = accountKey(ref.handle);
  return db.posts
    .where('[platform+authorKey+time]')
    .between([ref.platform, key, -Infinity], [ref.platform, key, now - MATURE_AGE_MS], true, true)
    .reverse()
    .filter((p) => isMature(p, now) && interactions(p.metrics) !== null)
    .limit(BASELINE_WINDOW)
    .toArray();
}

/** The newest 30 mature posts of an account with a view count (the views baseline of views-first platforms). */
export function viewsBaselinePosts(db: ResonanzDb, ref: AccountRef, now: number): Promise<StoredPost[]> {
  const key = accountKey(ref.handle);
  return db.posts
    .where('[platform+authorKey+time]')
    .between([ref.platform, key, -Infinity], [ref.platform, key, now - MATURE_AGE_MS], true, true)
    .reverse()
    .filter((p) => isMature(p, now) && p.metrics.views !== null)
    .limit(BASELINE_WINDOW)
    .toArray();
}

/** Follower counts over time, oldest first. */
export function accountHistory(db: ResonanzDb, ref: AccountRef): Promise<AccountObservation[]> {
  const key = accountKey(ref.handle);
  return db.accountObservations
    .where('[platform+handle+at]')
    .between([ref.platform, key, -Infinity], [ref.platform, key, Infinity], true, true)
    .toArray();
}

/** The comments under an account's posts: a place's reviews and the owner's answers (Google). */
export function accountComments(db: ResonanzDb, ref: AccountRef): Promise<StoredComment[]> {
  return db.comments
    .where('[platform+postAuthorKey]')
    .equals([ref.platform, accountKey(ref.handle)])
    .toArray();
}

/** The stored account rows of `refs` (missing ones left out). */
export async function accountsOf(db: ResonanzDb, refs: readonly AccountRef[]): Promise<StoredAccount[]> {
  const rows = await db.accounts.bulkGet(
    refs.map((r) => [r.platform, accountKey(r.handle)] as [PlatformId, string]),
  );
  return rows.filter((a): a is StoredAccount => a !== undefined);
}

/**
 * What a competitive-set summary over [from, now) needs per member: the posts in the window plus the
 * member's baseline posts from before it (summarizeSet judges breakouts against the newest 30 mature
 * posts, which may predate a 7-day window).
 */
export async function setPosts(
  db: ResonanzDb,
  members: readonly AccountRef[],
  from: number,
  now: number,
): Promise<StoredPost[]> {
  const parts = await Promise.all(
    members.map(async (m) => {
      const [inWindow, baseline] = await Promise.all([
        accountPostsBetween(db, m, from, Infinity),
        baselinePosts(db, m, now),
      ]);
      const ids = new Set(inWindow.map((p) => p.id));
      return [...inWindow, ...baseline.filter((p) => !ids.has(p.id))];
    }),
  );
  return parts.flat();
}

/** Every stored post (any author) with time in [from, to), for mention share; by the `time` index. */
export function postsBetween(db: ResonanzDb, from: number, to: number): Promise<StoredPost[]> {
  return db.posts.where('time').between(from, to, true, false).toArray();
}
