/**
 * Crisis alerts on own posts, checked by the worker after each capture that brought comments or
 * posts of an own account. Two kinds (thresholds in ALERT_RULES, the only place they are set):
 *
 * negativeSurge — a sudden rise of negative or attacking comments on one own post:
 *   at least `surgeMinCount` (5) negative comments written in the last `surgeWindowMs` (1 h), and at
 *   least `surgeRateFactor` (3) × the post's previous hourly rate of negative comments (negative
 *   comments written before that hour / hours between the post's time and the start of that hour,
 *   at least 1 h). A post younger than the window has no previous rate (0): the count alone decides.
 *
 * fastSpreadNegative — an own post under 24 h spreading much faster than usual with negative replies:
 *   velocity since posting ≥ `spreadVelocityFactor` (3) × the account's typical early velocity at the
 *   same age (core/scoring compareYoungPost; a thin typical — fewer than 5 other posts with an early
 *   reading — never alerts), and at least `spreadMinNegative` (3) negative comments making up at
 *   least `spreadMinNegativeShare` (25 %) of the post's comments seen.
 *
 * "Negative" = the offline analysis says attack, crisis (priority urgent) or negative sentiment, and
 * not spam. A comment's time is its createdAt; without one, its firstSeen — but only if it was first
 * seen `backlogGraceMs` (5 min) after the post was, else it was already there when Resonanz first
 * looked (backlog) and counts as "before". Comments by the post's author never count.
 *
 * One alert per post and kind (id `kind:platform:postId`): a new one is written and notified once;
 * while it is not dismissed its figures are updated silently; a dismissed one stays dismissed.
 */
import type { Alert, ResonanzDb } from '../db/schema';
import type { PageExtraction, PlatformId, StoredComment, StoredPost } from '../model';
import { analyzeComment } from '../replies/index';
import { alertFigures } from '../reports/alerts';
import { commentTime } from '../reports/replies';
import { HOUR, YOUNG_AGE_MS } from '../scoring/thresholds';
import { compareYoungPost, type PostReadings, type YoungComparison } from '../scoring/velocity';

export const ALERT_RULES = {
  surgeMinCount: 5,
  surgeWindowMs: HOUR,
  surgeRateFactor: 3,
  spreadVelocityFactor: 3,
  spreadMinNegative: 3,
  spreadMinNegativeShare: 0.25,
  backlogGraceMs: 5 * 60_000,
  /** Other posts of the account read for its typical early velocity (newest first). */
  spreadOtherPosts: 30,
} as const;

/** A comment as the rules see it. */
export interface RatedComment {
  /** Epoch ms the comment was written (or appeared), or null when that is unknown (backlog). */
  time: number | null;
  negative: boolean;
}

export interface SurgeResult {
  triggered: boolean;
  /** Negative comments in the last window. */
  recent: number;
  /** Negative comments per hour before the window (0 when the post is younger than the window). */
  previousRate: number;
}

/** The negative-surge rule over one post's comments. `postTime` = the post's createdAt or firstSeen. */
export function negativeSurge(comments: readonly RatedComment[], postTime: number, now: number): SurgeResult {
  const windowStart = now - ALERT_RULES.surgeWindowMs;
  let recent = 0;
  let before = 0;
  for (const c of comments) {
    if (!c.negative) continue;
    if (c.time !== null && c.time > windowStart && c.time <= now) recent++;
    else if (c.time === null || c.time <= windowStart) before++;
  }
  const previousSpan = windowStart - postTime;
  const previousRate = previousSpan > 0 ? before / Math.max(1, previousSpan / HOUR) : 0;
  const triggered =
    recent >= ALERT_RULES.surgeMinCount && recent >= ALERT_RULES.surgeRateFactor * previousRate;
  return { triggered, recent, previousRate };
}

export interface SpreadResult {
  triggered: boolean;
  /** Velocity / typical early velocity; null when it cannot be judged. */
  ratio: number | null;
  negative: number;
  total: number;
}

/** The fast-spread rule: a young post's pace comparison and its comments. */
export function fastSpread(comparison: YoungComparison, comments: readonly RatedComment[]): SpreadResult {
  const negative = comments.filter((c) => c.negative).length;
  const total = comments.length;
  const ratio = comparison.status === 'ok' ? comparison.ratio : null;
  const triggered =
    ratio !== null &&
    ratio >= ALERT_RULES.spreadVelocityFactor &&
    negative >= ALERT_RULES.spreadMinNegative &&
    total > 0 &&
    negative / total >= ALERT_RULES.spreadMinNegativeShare;
  return { triggered, ratio, negative, total };
}

// ─── Applying the rules to the database ─────────────────────────────────────────────────────

const negativeCache = new Map<string, { text: string; negative: boolean }>();
const CACHE_LIMIT = 20_000;

/** Whether the offline analysis calls a comment negative (attack, crisis or negative, not spam). */
export function isNegativeComment(text: string): boolean {
  const a = analyzeComment(text);
  if (a.intents.includes('spam')) return false;
  return a.intents.includes('attack') || a.priority === 'urgent' || a.sentiment === 'negative';
}

function negativeOf(c: StoredComment): boolean {
  const key = `${c.platform}:${c.id}`;
  const cached = negativeCache.get(key);
  if (cached && cached.text === c.text) return cached.negative;
  const negative = isNegativeComment(c.text);
  negativeCache.set(key, { text: c.text, negative });
  if (negativeCache.size > CACHE_LIMIT) negativeCache.delete(negativeCache.keys().next().value!);
  return negative;
}

/** The rules' view of a stored comment. */
export function rateComment(c: StoredComment, post: Pick<StoredPost, 'firstSeen'>): RatedComment {
  const appearedLater = c.firstSeen - post.firstSeen >= ALERT_RULES.backlogGraceMs;
  // A comment that appeared on a later visit was written since then: its first sighting bounds it.
  return { time: commentTime(c) ?? (appearedLater ? c.firstSeen : null), negative: negativeOf(c) };
}

async function othersReadings(db: ResonanzDb, post: StoredPost): Promise<PostReadings[]> {
  const others = await db.posts
    .where('[platform+authorKey+time]')
    .between([post.platform, post.authorKey, -Infinity], [post.platform, post.authorKey, Infinity])
    .reverse()
    .filter((p) => p.id !== post.id)
    .limit(ALERT_RULES.spreadOtherPosts)
    .toArray();
  return Promise.all(
    others.map(async (p) => ({
      createdAt: p.createdAt ? Date.parse(p.createdAt) : null,
      readings: await db.observations
        .where('[platform+id+at]')
        .between([p.platform, p.id, -Infinity], [p.platform, p.id, Infinity])
        .toArray(),
    })),
  );
}

export interface AlertDeps {
  now: number;
  /** Raises the browser notification for a new alert. */
  notify?: (alert: Alert, post: StoredPost | null) => Promise<void> | void;
}

/**
 * Checks the own posts a capture touched and writes (and notifies) new alerts. Returns the alerts
 * written or updated.
 */
export async function checkAlerts(
  db: ResonanzDb,
  extraction: PageExtraction,
  deps: AlertDeps,
): Promise<Alert[]> {
  const { platform } = extraction;
  const postIds = new Set([
    ...extraction.posts.map((p) => p.id),
    ...extraction.comments.map((c) => c.postId),
  ]);
  if (postIds.size === 0) return [];
  const own = await db.accounts.where('role').equals('own').toArray();
  const owners = new Set(own.filter((a) => a.platform === platform).map((a) => a.handle));
  if (owners.size === 0) return [];
  const posts = (
    await db.posts.bulkGet([...postIds].map((id) => [platform, id] as [PlatformId, string]))
  ).filter((p): p is StoredPost => p !== undefined && owners.has(p.authorKey));
  const written: Alert[] = [];
  for (const post of posts) {
    const comments = (
      await db.comments.where('[platform+postId]').equals([platform, post.id]).toArray()
    ).filter((c) => !c.byPostAuthor);
    if (comments.length === 0) continue;
    const rated = comments.map((c) => rateComment(c, post));
    const surge = negativeSurge(rated, post.time, deps.now);
    if (surge.triggered) {
      const alert = await upsert(db, {
        id: `negativeSurge:${platform}:${post.id}`,
        at: deps.now,
        platform,
        postId: post.id,
        kind: 'negativeSurge',
        detail: JSON.stringify({ recent: surge.recent, previousRate: round(surge.previousRate) }),
        dismissed: false,
      });
      if (alert) written.push(alert.row);
      if (alert?.isNew) await deps.notify?.(alert.row, post);
    }
    if (deps.now - post.time < YOUNG_AGE_MS && post.createdAt) {
      const comparison = compareYoungPost(post, await othersReadings(db, post), deps.now);
      const spread = fastSpread(comparison, rated);
      if (spread.triggered) {
        const alert = await upsert(db, {
          id: `fastSpreadNegative:${platform}:${post.id}`,
          at: deps.now,
          platform,
          postId: post.id,
          kind: 'fastSpreadNegative',
          detail: JSON.stringify({
            ratio: round(spread.ratio ?? 0),
            negative: spread.negative,
            total: spread.total,
          }),
          dismissed: false,
        });
        if (alert) written.push(alert.row);
        if (alert?.isNew) await deps.notify?.(alert.row, post);
      }
    }
  }
  return written;
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

async function upsert(db: ResonanzDb, row: Alert): Promise<{ row: Alert; isNew: boolean } | null> {
  return db.transaction('rw', db.alerts, async () => {
    const before = await db.alerts.get(row.id);
    if (before?.dismissed) return null;
    if (before) {
      const updated = { ...before, detail: row.detail };
      await db.alerts.put(updated);
      return { row: updated, isNew: false };
    }
    await db.alerts.put(row);
    return { row, isNew: true };
  });
}

/** Dismisses an alert (the side panel's banner); false when there is no such alert. */
export async function dismissAlert(db: ResonanzDb, id: string): Promise<boolean> {
  return db.transaction('rw', db.alerts, async () => {
    const alert = await db.alerts.get(id);
    if (!alert) return false;
    await db.alerts.put({ ...alert, dismissed: true });
    return true;
  });
}

export { alertFigures };

/** The browser notification's text, from the extension's message catalog (`getMessage`). */
export function alertNotification(
  alert: Alert,
  post: Pick<StoredPost, 'authorKey'> | null,
  getMessage: (key: string, substitutions: string[]) => string,
): { title: string; message: string } {
  const figures = alertFigures(alert);
  const account = post?.authorKey ? `@${post.authorKey}` : alert.platform;
  const message =
    alert.kind === 'negativeSurge'
      ? getMessage('alertNotifySurge', [String(figures.recent ?? '?'), account])
      : getMessage('alertNotifySpread', [
          String(figures.ratio ?? '?'),
          String(figures.negative ?? '?'),
          account,
        ]);
  return { title: getMessage('alertNotifyTitle', []), message };
}
