/** Shared builders for the reply-assistant tests: stored comments, posts and a fresh database. */
import { ResonanzDb } from '../../core/db/schema';
import type { StoredAccount, StoredComment, StoredPost } from '../../core/model';
import { emptyMetrics } from '../../core/model';

export const HOUR = 3_600_000;
export const NOW = Date.parse('2025-11-03T12:00:00.000Z');

let n = 0;
/** A database of its own for each test (fake-indexeddb). */
export function freshDb(): ResonanzDb {
  n++;
  return new ResonanzDb(`replies-ui-${Date.now()}-${n}`);
}

export function comment(id: string, text: string, over: Partial<StoredComment> = {}): StoredComment {
  return {
    id,
    postId: 'p1',
    parentId: null,
    author: { handle: `user_${id}`, name: `User ${id}` },
    text,
    createdAt: new Date(NOW - HOUR).toISOString(),
    likes: null,
    byPostAuthor: false,
    platform: 'youtube',
    postAuthorKey: 'acme',
    firstSeen: NOW - HOUR,
    lastSeen: NOW,
    answeredAt: null,
    ...over,
  };
}

export function account(
  handle: string,
  role: StoredAccount['role'],
  platform: StoredAccount['platform'] = 'youtube',
): StoredAccount {
  return { platform, handle, name: null, role, followers: null, following: null, posts: null, lastSeen: NOW };
}

export function post(id: string, over: Partial<StoredPost> = {}): StoredPost {
  return {
    id,
    url: `https://www.youtube.com/watch?v=${id}`,
    author: { handle: 'acme', name: 'Acme' },
    text: `Post ${id}`,
    createdAt: new Date(NOW - 5 * HOUR).toISOString(),
    metrics: emptyMetrics(),
    approx: [],
    media: 'video',
    hashtags: [],
    mentions: [],
    links: [],
    promoted: false,
    repostedBy: null,
    platform: 'youtube',
    authorKey: 'acme',
    time: NOW - 5 * HOUR,
    firstSeen: NOW - 5 * HOUR,
    lastSeen: NOW,
    followersAtCapture: null,
    ...over,
  };
}
