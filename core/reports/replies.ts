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
 * Within a rank the comment waiting longest comes first (time = createdAt, else firstSeen).
 */
import type { StoredAccount, StoredComment } from '../model';
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

/** Comments older than this are left out of the queue (and counted, so the view can say so). */
export const QUEUE_MAX_AGE_MS = 30 * 24 * 3_600_000;

export interface QueueItem {
  comment: StoredComment;
  analysis: Analysis;
  kind: QueueKind;
  /** When the comment was written (createdAt), else when it was first seen: epoch ms. */
  time: number;
  /** now − time. */
  ageMs: number;
}

export interface AccountResponse {
  platform: StoredAccount['platform'];
  handle: string;
  stats: ResponseStats;
}

export interface ReplyQueue {
  items: QueueItem[];
  /** Unanswered comments left out for being older than QUEUE_MAX_AGE_MS. */
  older: number;
  accounts: AccountResponse[];
}

/** Which queue group an analysed comment falls in. */
export function queueKind(analysis: Analysis): QueueKind {
  const has = (i: Analysis['intents'][number]) => analysis.intents.includes(i);
  if (has('attack') || analysis.priority === 'urgent') return 'urgent';
  if (has('spam')) return 'spam';
  if (has('complaint')) return 'complaint';
  if (has('question')) return 'question';
  if (has('purchase')) return 'purchase';
  if (has('praise')) return 'praise';
  return 'other';
}

/** When a comment was written, else first seen (epoch ms). */
export function commentTime(comment: Pick<StoredComment, 'createdAt' | 'firstSeen'>): number {
  const created = comment.createdAt ? Date.parse(comment.createdAt) : Number.NaN;
  return Number.isNaN(created) ? comment.firstSeen : created;
}

/** Whether a comment still waits for the account's answer. */
export function isUnanswered(comment: StoredComment): boolean {
  return comment.answeredAt === null && !comment.byPostAuthor;
}

/**
 * The queue over the comments under own accounts' posts. `analyze` is analyzeComment (passed in so
 * the panel can cache it per comment).
 */
export function buildQueue(
  comments: readonly StoredComment[],
  own: readonly Pick<StoredAccount, 'platform' | 'handle'>[],
  analyze: (comment: StoredComment) => Analysis,
  now: number,
): ReplyQueue {
  const owners = new Set(own.map((a) => `${a.platform}\u0000${a.handle.toLowerCase()}`));
  const mine = comments.filter((c) => owners.has(`${c.platform}\u0000${c.postAuthorKey}`));
  const items: QueueItem[] = [];
  let older = 0;
  for (const comment of mine) {
    if (!isUnanswered(comment)) continue;
    const time = commentTime(comment);
    if (now - time > QUEUE_MAX_AGE_MS) {
      older++;
      continue;
    }
    const analysis = analyze(comment);
    items.push({ comment, analysis, kind: queueKind(analysis), time, ageMs: Math.max(0, now - time) });
  }
  items.sort(
    (a, b) =>
      PRIORITY_RANK[a.kind] - PRIORITY_RANK[b.kind] ||
      a.time - b.time ||
      a.comment.id.localeCompare(b.comment.id),
  );
  const accounts = own.map((a) => ({
    platform: a.platform,
    handle: a.handle,
    stats: responseStats(
      mine.filter((c) => c.platform === a.platform && c.postAuthorKey === a.handle.toLowerCase()),
      [a],
    ),
  }));
  return { items, older, accounts };
}

/** The key a comment is remembered and cached under. */
export function commentKey(comment: Pick<StoredComment, 'platform' | 'id'>): string {
  return `${comment.platform}:${comment.id}`;
}
