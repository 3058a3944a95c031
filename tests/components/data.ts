/** Stored rows for component tests; time is fixed (NOW) with vi.setSystemTime. */
import {
  type AccountObservation,
  emptyMetrics,
  type MediaKind,
  type StoredAccount,
  type StoredPost,
} from '../../core/model';

export const H = 3_600_000;
export const D = 24 * H;
/** Monday 2025-06-16 12:00 UTC. */
export const NOW = Date.UTC(2025, 5, 16, 12, 0, 0);

let counter = 0;

/** A post of `handle`, `ageDays` old, read now (so mature when older than a day). */
export function storedPost(spec: {
  handle?: string;
  platform?: StoredPost['platform'];
  ageDays?: number;
  time?: number;
  likes?: number | null;
  comments?: number | null;
  views?: number | null;
  followers?: number | null;
  media?: MediaKind;
  hashtags?: string[];
  text?: string;
  id?: string;
}): StoredPost {
  const handle = spec.handle ?? 'acme';
  const time = spec.time ?? NOW - (spec.ageDays ?? 3) * D;
  const id = spec.id ?? `p${++counter}`;
  return {
    id,
    url: `https://x.com/${handle}/status/${id}`,
    author: { handle, name: null },
    text: spec.text ?? `Post ${id}`,
    createdAt: new Date(time).toISOString(),
    metrics: {
      ...emptyMetrics(),
      likes: spec.likes === undefined ? 10 : spec.likes,
      comments: spec.comments ?? null,
      views: spec.views ?? null,
    },
    approx: [],
    media: spec.media ?? 'text',
    hashtags: spec.hashtags ?? [],
    mentions: [],
    links: [],
    promoted: false,
    repostedBy: null,
    platform: spec.platform ?? 'x',
    authorKey: handle.toLowerCase(),
    time,
    firstSeen: time,
    lastSeen: NOW,
    followersAtCapture: spec.followers === undefined ? 1000 : spec.followers,
  };
}

export function account(handle: string, extra: Partial<StoredAccount> = {}): StoredAccount {
  return {
    platform: 'x',
    handle,
    name: null,
    role: null,
    followers: 1000,
    following: null,
    posts: null,
    lastSeen: NOW,
    ...extra,
  };
}

export function followerReading(handle: string, daysAgo: number, followers: number): AccountObservation {
  return { platform: 'x', handle, at: NOW - daysAgo * D, followers, following: null, posts: null };
}
