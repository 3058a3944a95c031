/**
 * Stored rows (+ the collection item's provenance) → ExportRecord. Pure: the worker reads the rows
 * from Dexie and hands them here one item at a time.
 *
 * Which counts are exported:
 * - 'first'   — the reading in effect when the collection first saw the item;
 * - 'last'    — the reading in effect when the collection last saw it (not a later one made outside
 *               the collection);
 * - 'history' — every stored reading from the one in effect at first sighting to the one in effect at
 *               last sighting; `metrics` then holds the last of them.
 * Observation rows are written only when a count changed, so "in effect at t" is the latest row at or
 * before t.
 */
import {
  type Collection,
  type CollectionItem,
  emptyMetrics,
  METRICS,
  type Metrics,
  type Observation,
  type StoredAccount,
  type StoredComment,
  type StoredPost,
} from '../model';
import {
  type ApproxFlags,
  type ExportRecord,
  emptyApprox,
  type MetricHistoryPoint,
  type MetricSnapshot,
} from './record';

export type CollectionRef = Pick<Collection, 'id' | 'name'>;

export interface PostExportInput {
  post: StoredPost;
  /** The post's observation rows, any order (other posts' rows are ignored). */
  observations?: readonly Observation[];
  item: CollectionItem;
  collection: CollectionRef;
  snapshot: MetricSnapshot;
}

export function postToExportRecord(input: PostExportInput): ExportRecord {
  const { post, item, collection, snapshot } = input;
  const rows: MetricHistoryPoint[] = (input.observations ?? [])
    .filter((o) => o.platform === post.platform && o.id === post.id)
    .map((o) => ({ at: o.at, metrics: o.metrics }))
    .sort((a, b) => a.at - b.at);
  if (rows.length === 0) rows.push({ at: post.lastSeen, metrics: post.metrics });

  const firstIdx = indexInEffectAt(rows, item.first.seenAt);
  const lastIdx = Math.max(firstIdx, indexInEffectAt(rows, item.last.seenAt));
  const chosen = snapshot === 'first' ? rows[firstIdx]! : rows[lastIdx]!;

  return {
    type: 'post',
    platform: post.platform,
    id: post.id,
    threadId: post.id,
    parentId: null,
    url: post.url,
    author: { handle: post.author.handle, name: post.author.name },
    text: post.text,
    createdAt: post.createdAt,
    metrics: { ...chosen.metrics },
    approx: approxFor(chosen.metrics, post),
    metricSnapshot: snapshot,
    history:
      snapshot === 'history'
        ? rows.slice(firstIdx, lastIdx + 1).map((r) => ({ at: r.at, metrics: { ...r.metrics } }))
        : null,
    media: post.media,
    hashtags: [...post.hashtags],
    mentions: [...post.mentions],
    links: [...post.links],
    promoted: post.promoted,
    repostedBy: post.repostedBy,
    byPostAuthor: null,
    profile: null,
    first: { ...item.first },
    last: { ...item.last },
    timesSeen: item.timesSeen,
    collection: { id: collection.id, name: collection.name },
  };
}

export interface CommentExportInput {
  comment: StoredComment;
  item: CollectionItem;
  collection: CollectionRef;
}

/** Comments carry one count (likes), stored without history or an abbreviation flag. */
export function commentToExportRecord({ comment, item, collection }: CommentExportInput): ExportRecord {
  const metrics = emptyMetrics();
  metrics.likes = comment.likes;
  return {
    type: 'comment',
    platform: comment.platform,
    id: comment.id,
    threadId: comment.postId,
    parentId: comment.parentId,
    url: null,
    author: { handle: comment.author.handle, name: comment.author.name },
    text: comment.text,
    createdAt: comment.createdAt,
    metrics,
    approx: emptyApprox(),
    metricSnapshot: 'last',
    history: null,
    media: null,
    hashtags: [],
    mentions: [],
    links: [],
    promoted: null,
    repostedBy: null,
    byPostAuthor: comment.byPostAuthor,
    profile: null,
    first: { ...item.first },
    last: { ...item.last },
    timesSeen: item.timesSeen,
    collection: { id: collection.id, name: collection.name },
  };
}

export interface ProfileExportInput {
  account: StoredAccount;
  item: CollectionItem;
  collection: CollectionRef;
}

export function profileToExportRecord({ account, item, collection }: ProfileExportInput): ExportRecord {
  return {
    type: 'profile',
    platform: account.platform,
    id: account.handle,
    threadId: account.handle,
    parentId: null,
    url: null,
    author: { handle: account.handle, name: account.name },
    text: '',
    createdAt: null,
    metrics: emptyMetrics(),
    approx: emptyApprox(),
    metricSnapshot: 'last',
    history: null,
    media: null,
    hashtags: [],
    mentions: [],
    links: [],
    promoted: null,
    repostedBy: null,
    byPostAuthor: null,
    profile: { followers: account.followers, following: account.following, posts: account.posts },
    first: { ...item.first },
    last: { ...item.last },
    timesSeen: item.timesSeen,
    collection: { id: collection.id, name: collection.name },
  };
}

/** Index of the latest row at or before `t`; the earliest row when every row is later (clock skew). */
function indexInEffectAt(rows: readonly MetricHistoryPoint[], t: number): number {
  let found = 0;
  for (let i = 0; i < rows.length; i++) {
    if (rows[i]!.at <= t) found = i;
    else break;
  }
  return found;
}

/**
 * The store keeps the abbreviation flag of the latest reading only. It applies to an exported value
 * when that value equals the latest one; otherwise the flag is unknown (null). A metric with no value
 * has no reading, so no flag either.
 */
function approxFor(metrics: Metrics, post: StoredPost): ApproxFlags {
  const flags = emptyApprox();
  for (const m of METRICS) {
    const value = metrics[m];
    if (value === null) continue;
    flags[m] = value === post.metrics[m] ? post.approx.includes(m) : null;
  }
  return flags;
}
