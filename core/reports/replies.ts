/**
 * The reply queue: comments under the own accounts' posts that the account has not answered,
 * most urgent first, with each account's response rate and median response time.
 *
 * In the queue: a stored comment whose post author (`postAuthorKey`) is an account with role 'own',
 * that is not by the post author (`byPostAuthor`), and that no answer by the post author was seen
 * to (`answeredAt` null — set by capture when a reply by the post's author to it is on the page).
 *
 * Order (PRIORITY_RANK, lowest first), from the offline analysis:
 *   0 attack or crisis (analysis priority 'urgent') · 1 complaint · 2 question · 3 purchase interest
 *   · 4 other · 5 praise · 6 spam (never needs a reply; shown last so nothing is hidden)
 * Reviews (a star rating, Google) rank by their stars before their text: 1–2 stars with complaints,
 * 3 stars with "other", 4–5 stars with praise; an attack or crisis in the text still goes first.
 * Within a rank the comment waiting longest comes first, then the more urgent triage. A comment's time is its createdAt as the
 * page showed it; when the page showed none it is null (shown as "—"), never the moment Resonanz
 * first saw it, and such comments follow the timed ones (in the order they were seen).
 *
 * One definition of "waiting" everywhere (`isUnanswered`): the title's count, the filters' counts
 * and the list are the same set. Comments older than QUEUE_MAX_AGE_MS are still waiting: they are
 * listed after the recent ones (`stale`), not dropped from the count.
 */
import type { PlatformId, StoredAccount, StoredComment } from '../model';
import type { Analysis } from '../replies/analyze';
import { type ResponseStats, responseStats } from '../scoring/response';

export type QueueKind = 'urgent' | 'complaint' | 'question' | 'purchase' | 'other' | 'praise' | 'spam';

export const PRIORITY_RANK: Record<QueueKind, number> = {
  urgent: 0,
  complaint: 1,
  question: 2,
  purchase: 3,
  other: 4,
  praise: 5,
  spam: 6,
};

/** Comments older than this are listed after the recent ones (still counted as waiting). */
export const QUEUE_MAX_AGE_MS = 30 * 24 * 3_600_000;

export interface QueueItem {
  comment: StoredComment;
  analysis: Analysis;
  kind: QueueKind;
  /** When the comment was written, as the page showed it (epoch ms); null when not shown. */
  time: number | null;
  /** now − time; null when the time is unknown. */
  ageMs: number | null;
  /** Older than QUEUE_MAX_AGE_MS: listed after the recent ones. */
  stale: boolean;
}

export interface AccountResponse {
  platform: StoredAccount['platform'];
  handle: string;
  /** The account's name where known (a place's name: its id is no handle anyone reads). */
  name: string | null;
  stats: ResponseStats;
}

/** Narrows the queue to one own account and/or one post (the page the comments are under). */
export interface QueueFilter {
  account?: { platform: PlatformId; handle: string } | null;
  post?: { platform: PlatformId; postId: string } | null;
}

/** A choice in a filter: what it selects and how many comments wait there. */
export interface FilterCount<T> {
  value: T;
  waiting: number;
}

export interface ReplyQueue {
  /** Every waiting comment that passes the filter: recent ones first by priority, then the stale ones. */
  items: QueueItem[];
  /** How many of `items` are stale (older than QUEUE_MAX_AGE_MS). */
  older: number;
  accounts: AccountResponse[];
  /** Waiting comments per own account and per post, before the filter (for the filter's choices). */
  byAccount: FilterCount<{ platform: PlatformId; handle: string; name: string | null }>[];
  byPost: FilterCount<{ platform: PlatformId; postId: string; postAuthorKey: string }>[];
}

/** Which queue group an analysed comment falls in. */
export function queueKind(analysis: Analysis): QueueKind {
  const has = (i: Analysis['intents'][number]) => analysis.intents.includes(i);
  if (analysis.priority === 'urgent') return 'urgent';
  if (has('spam')) return 'spam';
  // An attack the engine is not sure enough about for "urgent" is read as an angry complaint.
  if (has('complaint') || has('attack')) return 'complaint';
  if (has('question')) return 'question';
  if (has('purchase')) return 'purchase';
  if (has('praise')) return 'praise';
  return 'other';
}

/** Where a waiting comment stands: reviews by their stars (an attack in the text still first). */
export function queueRank(kind: QueueKind, rating: number | null | undefined): number {
  if (rating === null || rating === undefined || kind === 'urgent') return PRIORITY_RANK[kind];
  if (rating <= 2) return PRIORITY_RANK.complaint;
  return rating === 3 ? PRIORITY_RANK.other : PRIORITY_RANK.praise;
}

/** When a comment was written, as the page showed it (epoch ms); null when the page did not show it. */
export function commentTime(comment: Pick<StoredComment, 'createdAt'>): number | null {
  const created = comment.createdAt ? Date.parse(comment.createdAt) : Number.NaN;
  return Number.isNaN(created) ? null : created;
}

/** Whether a comment still waits for the account's answer: the one definition the whole view uses. */
export function isUnanswered(comment: StoredComment): boolean {
  return comment.answeredAt === null && !comment.byPostAuthor;
}

const ownKey = (platform: string, handle: string) => `${platform}\u0000${handle.toLowerCase()}`;

/**
 * The queue over the comments under own accounts' posts. `analyze` is analyzeComment (passed in so
 * the panel can cache it per comment).
 */
export function buildQueue(
  comments: readonly StoredComment[],
  own: readonly (Pick<StoredAccount, 'platform' | 'handle'> & { name?: string | null })[],
  analyze: (comment: StoredComment) => Analysis,
  now: number,
  filter: QueueFilter = {},
): ReplyQueue {
  const owners = new Set(own.map((a) => ownKey(a.platform, a.handle)));
  const mine = comments.filter((c) => owners.has(ownKey(c.platform, c.postAuthorKey)));
  const waiting = mine.filter(isUnanswered);
  const byAccount = own.map((a) => ({
    value: { platform: a.platform, handle: a.handle, name: a.name ?? null },
    waiting: waiting.filter((c) => ownKey(c.platform, c.postAuthorKey) === ownKey(a.platform, a.handle))
      .length,
  }));
  const posts = new Map<string, ReplyQueue['byPost'][number]>();
  for (const c of waiting) {
    const key = `${c.platform}\u0000${c.postId}`;
    const row = posts.get(key) ?? {
      value: { platform: c.platform, postId: c.postId, postAuthorKey: c.postAuthorKey },
      waiting: 0,
    };
    row.waiting++;
    posts.set(key, row);
  }
  const { account, post } = filter;
  const items: QueueItem[] = [];
  for (const comment of waiting) {
    if (
      account &&
      ownKey(comment.platform, comment.postAuthorKey) !== ownKey(account.platform, account.handle)
    )
      continue;
    if (post && (comment.platform !== post.platform || comment.postId !== post.postId)) continue;
    const time = commentTime(comment);
    const ageMs = time === null ? null : Math.max(0, now - time);
    const analysis = analyze(comment);
    items.push({
      comment,
      analysis,
      kind: queueKind(analysis),
      time,
      ageMs,
      stale: ageMs !== null && ageMs > QUEUE_MAX_AGE_MS,
    });
  }
  items.sort(
    (a, b) =>
      Number(a.stale) - Number(b.stale) ||
      queueRank(a.kind, a.comment.rating) - queueRank(b.kind, b.comment.rating) ||
      // Timed comments by their page time; untimed ones after them, in the order they were seen.
      Number(a.time === null) - Number(b.time === null) ||
      (a.time ?? a.comment.firstSeen) - (b.time ?? b.comment.firstSeen) ||
      PRIORITY_RANK[a.kind] - PRIORITY_RANK[b.kind] ||
      a.comment.id.localeCompare(b.comment.id),
  );
  const accounts = own.map((a) => ({
    platform: a.platform,
    handle: a.handle,
    name: a.name ?? null,
    stats: responseStats(
      mine.filter((c) => c.platform === a.platform && c.postAuthorKey === a.handle.toLowerCase()),
      [a],
    ),
  }));
  return {
    items,
    older: items.filter((i) => i.stale).length,
    accounts,
    byAccount,
    byPost: [...posts.values()].sort((a, b) => b.waiting - a.waiting),
  };
}

/** The key a comment is remembered and cached under. */
export function commentKey(comment: Pick<StoredComment, 'platform' | 'id'>): string {
  return `${comment.platform}:${comment.id}`;
}
