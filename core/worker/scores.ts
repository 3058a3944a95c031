/**
 * Per-post scores the worker answers captures with (the badges show them): engagement rate with its
 * denominator, × account median, breakout, and for young posts velocity. Each account's running
 * statistics are loaded from IndexedDB once (one index range) and then updated per capture, so a
 * capture costs O(posts in the batch), never a rescan of the history.
 */
import type { ResonanzDb } from '../db/schema';
import type { PostScore } from '../messages';
import type { PlatformId, StoredPost } from '../model';
import {
  type AccountStats,
  addOrUpdatePost,
  assessPost,
  emptyAccountStats,
  engagementRate,
  statsBaseline,
  statsFromPosts,
  statsSnapshot,
  statsViewsBaseline,
  velocitySinceCreated,
} from '../scoring/index';
import { assessViews, leadsWithViews, type ViewsBaseline } from '../scoring/views';

/** Accounts kept in memory; the least recently used is dropped beyond this. */
const MAX_ACCOUNTS = 300;
/** Posts per account whose badges may still be on screen (re-scored when the baseline moves). */
const RECENT_PER_ACCOUNT = 200;

export class ScoreCache {
  private readonly stats = new Map<string, AccountStats>();
  /**
   * The newest posts scored per account, with the score last sent. A profile page arrives in several
   * batches (rendered first, the rest as it loads): posts of the first batch were scored against a
   * baseline of a few posts, so when a later batch moves the baseline their changed scores are sent
   * again, and the badges on screen catch up without a reload.
   */
  private readonly recent = new Map<string, Map<string, { post: StoredPost; sent: string }>>();

  /** Updates the accounts of `posts` and scores each post. */
  async score(db: ResonanzDb, posts: readonly StoredPost[], now: number): Promise<Record<string, PostScore>> {
    const byAccount = new Map<string, StoredPost[]>();
    for (const post of posts) {
      const key = `${post.platform}\u0000${post.authorKey}`;
      const list = byAccount.get(key);
      if (list) list.push(post);
      else byAccount.set(key, [post]);
    }
    const scores: Record<string, PostScore> = {};
    for (const [key, list] of byAccount) {
      const first = list[0]!;
      const stats = await this.load(db, key, first.platform, first.authorKey, now);
      for (const post of list) addOrUpdatePost(stats, post, now);
      const baseline = statsBaseline(stats);
      // The views baseline costs O(posts of the account): only where some post of the batch has views.
      let recent = this.recent.get(key);
      if (!recent) {
        recent = new Map();
        this.recent.set(key, recent);
      }
      for (const post of list) {
        recent.delete(post.id);
        recent.set(post.id, { post, sent: '' });
        if (recent.size > RECENT_PER_ACCOUNT) recent.delete(recent.keys().next().value!);
      }
      const withViews = [...recent.values()].some((r) => r.post.metrics.views !== null);
      const views = withViews ? statsViewsBaseline(stats) : null;
      for (const entry of recent.values()) {
        const score = scorePost(entry.post, baseline, now, views);
        const text = JSON.stringify(score);
        if (text === entry.sent) continue;
        entry.sent = text;
        scores[entry.post.id] = score;
      }
      if (first.authorKey) {
        // Kept current for the competitive-set table, which then reads one row per member.
        await db.accountStats.put({
          ...statsSnapshot(stats),
          platform: first.platform,
          handle: first.authorKey,
          updatedAt: now,
        });
      }
    }
    return scores;
  }

  /** Forgets everything (after erase or restore). */
  clear(): void {
    this.stats.clear();
    this.recent.clear();
  }

  private async load(db: ResonanzDb, key: string, platform: PlatformId, authorKey: string, now: number) {
    const cached = this.stats.get(key);
    if (cached) {
      // Re-insert to mark as recently used.
      this.stats.delete(key);
      this.stats.set(key, cached);
      return cached;
    }
    const stats = authorKey
      ? statsFromPosts(await postsOfAccount(db, platform, authorKey), now)
      : emptyAccountStats();
    this.stats.set(key, stats);
    if (this.stats.size > MAX_ACCOUNTS) {
      const oldest = this.stats.keys().next().value!;
      this.stats.delete(oldest);
      this.recent.delete(oldest);
    }
    return stats;
  }
}

/** Every stored post of one account, by the `[platform+authorKey+time]` index. */
export function postsOfAccount(
  db: ResonanzDb,
  platform: PlatformId,
  authorKey: string,
): Promise<StoredPost[]> {
  return db.posts
    .where('[platform+authorKey+time]')
    .between([platform, authorKey, -Infinity], [platform, authorKey, Infinity])
    .toArray();
}

/**
 * The badge's view of one post against its account's baseline. × median needs ≥ 8 mature posts
 * (BREAKOUT_MIN_N); below that the badge shows the raw counts and the baseline's n.
 */
export function scorePost(
  post: StoredPost,
  baseline: ReturnType<typeof statsBaseline>,
  now: number,
  views: ViewsBaseline | null = null,
): PostScore {
  const rate = engagementRate(post);
  const assessment = assessPost(post, baseline, now);
  const judged = assessment.status === 'ok';
  const v = views ? assessViews(post, views, now) : null;
  return {
    rate: rate && rate.denominator !== 'none' ? { value: rate.value, denominator: rate.denominator } : null,
    xMedian: judged ? assessment.xMedian : null,
    breakout: judged ? assessment.breakout : false,
    young: assessment.status === 'young',
    velocity:
      assessment.status === 'young' ? velocitySinceCreated(post.metrics, post.time, post.lastSeen) : null,
    baselineN: baseline.n,
    thin: baseline.thin,
    viewsFirst: leadsWithViews(post),
    views: v ? { perHour: v.perHour, xMedian: v.xMedian, n: v.n, thin: v.thin } : null,
  };
}
