/**
 * Storing what a page showed: one transaction per batch, a new observation only when a count
 * changed, and nothing else touched. Replaying a batch (a retry after the worker died) is a no-op.
 */
import {
  type AccountObservation,
  METRICS,
  type Metrics,
  type Observation,
  type PageExtraction,
  type PostSnapshot,
  type StoredAccount,
  type StoredComment,
  type StoredPost,
} from '../model';
import { type RecordingContext, recordSeen } from './collections';
import { accountKey } from './keys';
import type { ResonanzDb } from './schema';

/** Batch ids remembered per tab: a content script retries only its unacknowledged batches, a handful. */
const REMEMBERED_BATCHES = 100;

export interface CaptureResult {
  stored: number;
  /** The stored posts, in the batch's order (the caller scores them). */
  posts: StoredPost[];
  /** Items added to or updated in the running research collection (0 when none records). */
  recorded: number;
}

export { accountKey };

/**
 * Writes one capture batch; `tabId` records what the tab shows for the side panel. With `research`,
 * the batch is also recorded in the running research collection, in the same transaction.
 */
export async function storeCapture(
  db: ResonanzDb,
  extraction: PageExtraction,
  options: {
    now: number;
    tabId?: number | null;
    /** The batch's id: a batch this tab already stored (a retry, a replay) changes nothing. */
    batchId?: string;
    complete: boolean;
    research?: RecordingContext;
  },
): Promise<CaptureResult> {
  const { now } = options;
  const { platform } = extraction;
  return db.transaction(
    'rw',
    [
      ...[db.posts, db.observations, db.accounts, db.accountObservations, db.comments, db.tabs],
      ...(options.research ? [db.collections, db.collectionItems] : []),
    ],
    async () => {
      const tabId = options.tabId ?? null;
      const previous = tabId === null ? undefined : await db.tabs.get(tabId);
      if (options.batchId && previous?.batchIds?.includes(options.batchId)) {
        const stored = await db.posts.bulkGet(
          extraction.posts.map((p) => [platform, p.id] as [typeof platform, string]),
        );
        const posts = stored.filter((p): p is StoredPost => p !== undefined);
        return { stored: posts.length, posts, recorded: 0 };
      }
      const profile = extraction.profile;
      let profileAccount: StoredAccount | null = null;
      if (profile) profileAccount = await storeProfile(db, extraction, now);

      const keys = extraction.posts.map((p) => [platform, p.id] as [typeof platform, string]);
      const existing = await db.posts.bulkGet(keys);
      const authorKeys = [
        ...new Set(extraction.posts.map((p) => accountKey(p.author.handle)).filter(Boolean)),
      ];
      const accounts = await db.accounts.bulkGet(
        authorKeys.map((h) => [platform, h] as [typeof platform, string]),
      );
      const followersOf = new Map(accounts.filter((a) => a).map((a) => [a!.handle, a!.followers]));

      const rows: StoredPost[] = [];
      const observations: Observation[] = [];
      extraction.posts.forEach((snapshot, i) => {
        const before = existing[i];
        const row = mergePost(snapshot, before, {
          platform,
          now,
          followers: followersOf.get(accountKey(snapshot.author.handle)) ?? null,
        });
        rows.push(row);
        if (!before || !sameMetrics(before.metrics, row.metrics)) {
          observations.push({ platform, id: row.id, at: now, metrics: row.metrics, approx: row.approx });
        }
      });
      await db.posts.bulkPut(rows);
      if (observations.length) await db.observations.bulkPut(observations);
      await storeComments(db, extraction, now);

      let pageOrder = extraction.posts.map((p) => p.id);
      if (tabId !== null) {
        const sameUrl = previous?.url === extraction.url;
        const ids = extraction.posts.map((p) => p.id);
        const postIds = options.complete || !sameUrl ? ids : mergeOrder(previous?.postIds ?? [], ids);
        pageOrder = postIds;
        await db.tabs.put({
          tabId,
          url: extraction.url,
          platform,
          kind: extraction.kind,
          postIds,
          profileHandle: profileAccount?.handle ?? (sameUrl ? (previous?.profileHandle ?? null) : null),
          health: extraction.health,
          updatedAt: now,
          batchIds: options.batchId
            ? [...(previous?.batchIds ?? []), options.batchId].slice(-REMEMBERED_BATCHES)
            : (previous?.batchIds ?? []),
        });
      }
      const recorded = options.research
        ? await recordSeen(db, extraction, { now, postOrder: pageOrder, context: options.research })
        : 0;
      return { stored: rows.length, posts: rows, recorded };
    },
  );
}

/** The latest known state: a count the page does not show now keeps its last known value. */
export function mergePost(
  snapshot: PostSnapshot,
  before: StoredPost | undefined,
  ctx: { platform: StoredPost['platform']; now: number; followers: number | null },
): StoredPost {
  const metrics = { ...snapshot.metrics };
  const approx = new Set(snapshot.approx);
  if (before) {
    for (const metric of METRICS) {
      if (metrics[metric] === null && before.metrics[metric] !== null) {
        metrics[metric] = before.metrics[metric];
        if (before.approx.includes(metric)) approx.add(metric);
      }
    }
  }
  const createdAt = snapshot.createdAt ?? before?.createdAt ?? null;
  const firstSeen = before?.firstSeen ?? ctx.now;
  // Seen on screen once, seen for good: a later sighting only in the page's data never takes it back.
  const { seenOnScreen: _snapshotSeen, ...rest } = snapshot;
  const unseen = snapshot.seenOnScreen === false && (!before || before.seenOnScreen === false);
  // A partial re-read (a card without its header, a collapsed post) keeps what was known, as counts do:
  // a post that lost its author would drop out of its account's views.
  const author = {
    handle: snapshot.author.handle || before?.author.handle || null,
    name: snapshot.author.name || before?.author.name || null,
  };
  return {
    ...rest,
    ...(unseen ? { seenOnScreen: false } : {}),
    url: snapshot.url ?? before?.url ?? null,
    author,
    text: snapshot.text || before?.text || '',
    metrics,
    approx: METRICS.filter((m) => approx.has(m)),
    createdAt,
    platform: ctx.platform,
    authorKey: accountKey(author.handle),
    time: createdAt ? Date.parse(createdAt) : firstSeen,
    firstSeen,
    lastSeen: ctx.now,
    followersAtCapture: ctx.followers ?? before?.followersAtCapture ?? null,
  };
}

function sameMetrics(a: Metrics, b: Metrics): boolean {
  return METRICS.every((m) => a[m] === b[m]);
}

/** Appends ids not yet listed, keeping the page order already known. */
function mergeOrder(known: readonly string[], added: readonly string[]): string[] {
  const seen = new Set(known);
  return [...known, ...added.filter((id) => !seen.has(id))];
}

async function storeProfile(db: ResonanzDb, extraction: PageExtraction, now: number): Promise<StoredAccount> {
  const profile = extraction.profile!;
  const key = [extraction.platform, accountKey(profile.handle)] as [typeof extraction.platform, string];
  const before = await db.accounts.get(key);
  const account: StoredAccount = {
    platform: extraction.platform,
    handle: key[1],
    name: profile.name ?? before?.name ?? null,
    role: before?.role ?? null,
    followers: profile.followers ?? before?.followers ?? null,
    following: profile.following ?? before?.following ?? null,
    posts: profile.posts ?? before?.posts ?? null,
    lastSeen: now,
    ...(profile.place || before?.place ? { place: profile.place ?? before?.place } : {}),
  };
  await db.accounts.put(account);
  const changed =
    !before ||
    before.followers !== account.followers ||
    before.following !== account.following ||
    before.posts !== account.posts ||
    before.place?.rating !== account.place?.rating ||
    before.place?.reviews !== account.place?.reviews;
  if (changed) {
    const row: AccountObservation = {
      platform: account.platform,
      handle: account.handle,
      at: now,
      followers: account.followers,
      following: account.following,
      posts: account.posts,
      ...(account.place ? { rating: account.place.rating, reviews: account.place.reviews } : {}),
    };
    await db.accountObservations.put(row);
  }
  return account;
}

async function storeComments(db: ResonanzDb, extraction: PageExtraction, now: number): Promise<void> {
  if (extraction.comments.length === 0) return;
  const { platform } = extraction;
  const postAuthor = new Map(extraction.posts.map((p) => [p.id, accountKey(p.author.handle)]));
  // Comments can come without their post (a batch of only new comments): the stored post knows its author.
  const unknownPosts = [...new Set(extraction.comments.map((c) => c.postId))].filter(
    (id) => !postAuthor.has(id),
  );
  if (unknownPosts.length) {
    const stored = await db.posts.bulkGet(
      unknownPosts.map((id) => [platform, id] as [typeof platform, string]),
    );
    for (const post of stored) if (post) postAuthor.set(post.id, post.authorKey);
  }
  const keys = extraction.comments.map((c) => [platform, c.id] as [typeof platform, string]);
  const existing = await db.comments.bulkGet(keys);
  // An answer by the post's author (flagged by the adapter, or under the author's handle) marks the
  // comment it replies to as answered.
  const byAuthor = (c: PageExtraction['comments'][number]) =>
    c.byPostAuthor || (!!c.author.handle && accountKey(c.author.handle) === postAuthor.get(c.postId));
  // parentId → the earliest answer's own time on the page (null when no answer shows one).
  const answered = new Map<string, number | null>();
  for (const c of extraction.comments) {
    if (!c.parentId || !byAuthor(c)) continue;
    // An answer dated "vor 5 Monaten" is answered, but its time is no duration to measure.
    const coarse = c.timePrecision === 'week' || c.timePrecision === 'month' || c.timePrecision === 'year';
    const at = c.createdAt && !coarse ? Date.parse(c.createdAt) : Number.NaN;
    const known = Number.isNaN(at) ? null : at;
    const before = answered.get(c.parentId) ?? null;
    answered.set(c.parentId, before === null ? known : known === null ? before : Math.min(before, known));
  }
  /** The answer's time: the earliest one shown, kept from earlier captures when the page no longer shows it. */
  const answerTime = (id: string, before: number | null | undefined): number | null => {
    const seen = answered.get(id) ?? null;
    const kept = before ?? null;
    return seen === null ? kept : kept === null ? seen : Math.min(seen, kept);
  };
  const rows: StoredComment[] = extraction.comments.map((c, i) => {
    const before = existing[i];
    const answerCreatedAt = answerTime(c.id, before?.answerCreatedAt);
    return {
      ...c,
      // A time the page showed once is kept when a later view does not show it; never replaced by
      // the moment Resonanz saw the comment (that is firstSeen, a different thing).
      createdAt: c.createdAt ?? before?.createdAt ?? null,
      platform,
      postAuthorKey: postAuthor.get(c.postId) || before?.postAuthorKey || '',
      firstSeen: before?.firstSeen ?? now,
      lastSeen: now,
      answeredAt: before?.answeredAt ?? (answered.has(c.id) ? now : null),
      ...(answerCreatedAt !== null ? { answerCreatedAt } : {}),
    };
  });
  await db.comments.bulkPut(rows);
  // Answers to comments stored earlier but not on the page now (collapsed threads, later batches).
  const inBatch = new Set(extraction.comments.map((c) => c.id));
  const earlier = [...answered.keys()].filter((id) => !inBatch.has(id));
  if (earlier.length) {
    const parents = await db.comments.bulkGet(
      earlier.map((id) => [platform, id] as [typeof platform, string]),
    );
    const marked = parents
      .filter((c): c is StoredComment => c !== undefined)
      .flatMap((c) => {
        const answerCreatedAt = answerTime(c.id, c.answerCreatedAt);
        if (c.answeredAt !== null && answerCreatedAt === (c.answerCreatedAt ?? null)) return [];
        return [
          {
            ...c,
            answeredAt: c.answeredAt ?? now,
            ...(answerCreatedAt !== null ? { answerCreatedAt } : {}),
          },
        ];
      });
    if (marked.length) await db.comments.bulkPut(marked);
  }
}
