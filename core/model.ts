/**
 * The one source of truth for data shapes: zod schemas, and the TypeScript types inferred from them.
 * Everything that crosses a boundary (page → worker, worker → panel, file → database) is parsed with
 * these schemas first.
 */
import { z } from 'zod';

// Extension pages forbid eval (MV3 CSP): tell zod not to try compiling validators with `new Function`.
z.config({ jitless: true });

export const PLATFORM_IDS = [
  'x',
  'instagram',
  'facebook',
  'linkedin',
  'youtube',
  'tiktok',
  'threads',
  'bluesky',
  'mastodon',
  'reddit',
  'pinterest',
  'xing',
  'google',
] as const;
export const PlatformId = z.enum(PLATFORM_IDS);
export type PlatformId = z.infer<typeof PlatformId>;

export const METRICS = ['likes', 'comments', 'shares', 'quotes', 'views', 'saves'] as const;
export const Metric = z.enum(METRICS);
export type Metric = z.infer<typeof Metric>;

/** A count as read from a page: a non-negative safe integer, or null when the page does not show it. */
export const Count = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER).nullable();
export type Count = z.infer<typeof Count>;

export const Metrics = z.object({
  likes: Count,
  comments: Count,
  shares: Count,
  quotes: Count,
  views: Count,
  saves: Count,
});
export type Metrics = z.infer<typeof Metrics>;

export const PageKind = z.enum(['feed', 'profile', 'post', 'search', 'other']);
export type PageKind = z.infer<typeof PageKind>;

export const MediaKind = z.enum(['text', 'image', 'video', 'link', 'poll', 'mixed']);
export type MediaKind = z.infer<typeof MediaKind>;

/** ISO 8601 UTC timestamp ("2025-10-21T14:03:00.000Z"). */
export const IsoTime = z.iso.datetime({ offset: true });

const Text = z.string().max(100_000);
/** Hashtags, mentions or links in one post. */
const MAX_TAGS = 1_000;
/** Fields named in one health tally (a post has about twenty). */
const FieldTally = z
  .record(z.string().max(200), z.number().int().nonnegative())
  .refine((tally) => Object.keys(tally).length <= 200, 'too many fields');
const ShortText = z.string().max(2_000);

export const Author = z.object({ handle: ShortText.nullable(), name: ShortText.nullable() });
export type Author = z.infer<typeof Author>;

/**
 * An http(s) address: what a permalink or a post's link may be. Pages (and backup files) can carry
 * `javascript:` or `data:` URLs; the extension's pages render these fields as links, so nothing else
 * gets in.
 */
export const WebUrl = z
  .string()
  .max(4_000)
  .regex(/^https?:\/\//i);

export const PostSnapshot = z.object({
  id: z.string().min(1).max(300),
  url: WebUrl.nullable(),
  author: Author,
  text: Text,
  createdAt: IsoTime.nullable(),
  metrics: Metrics,
  /** Metrics read from abbreviated text ("1.2K") rather than exact digits. */
  approx: z.array(Metric).max(METRICS.length),
  media: MediaKind,
  // Every array a page can fill is bounded (200,000 hashtags were once accepted and stored); far
  // above anything a platform allows in one post.
  hashtags: z.array(ShortText).max(MAX_TAGS),
  mentions: z.array(ShortText).max(MAX_TAGS),
  links: z.array(WebUrl).max(MAX_TAGS),
  promoted: z.boolean(),
  repostedBy: ShortText.nullable(),
  /**
   * False for a post the page loaded (embedded state or an API response) but never rendered on
   * screen: baselines may use it, research exports say so. Absent or true: seen in the DOM.
   */
  seenOnScreen: z.boolean().optional(),
});
export type PostSnapshot = z.infer<typeof PostSnapshot>;

/** A place's rating as Google shows it (Google reviews: the place is the account). */
export const PlaceSummary = z.object({
  /** Average stars, 1–5 (one decimal as shown). */
  rating: z.number().min(0).max(5).nullable(),
  reviews: Count,
  /** Reviews per star ("1".."5"), when the page shows the histogram. */
  histogram: z.record(z.enum(['1', '2', '3', '4', '5']), Count.unwrap()).nullable(),
});
export type PlaceSummary = z.infer<typeof PlaceSummary>;

export const ProfileSnapshot = z.object({
  handle: ShortText.min(1),
  name: ShortText.nullable(),
  followers: Count,
  following: Count,
  posts: Count,
  place: PlaceSummary.optional(),
});
export type ProfileSnapshot = z.infer<typeof ProfileSnapshot>;

/**
 * How exact a time is: a page that says "vor 5 Monaten" gives a month, not a moment (Google reviews
 * show only such times). Absent: as exact as the page's timestamp.
 */
export const TimePrecision = z.enum(['exact', 'second', 'minute', 'hour', 'day', 'week', 'month', 'year']);
export type TimePrecision = z.infer<typeof TimePrecision>;

export const CommentSnapshot = z.object({
  id: z.string().min(1).max(300),
  postId: z.string().min(1).max(300),
  parentId: z.string().max(300).nullable(),
  author: Author,
  text: Text,
  createdAt: IsoTime.nullable(),
  timePrecision: TimePrecision.optional(),
  likes: Count,
  byPostAuthor: z.boolean(),
  /** A review's star rating, 1–5 (Google reviews). */
  rating: z.number().int().min(1).max(5).nullable().optional(),
  /** What a review platform shows about the reviewer ("Local Guide · 214 reviews · 96 photos"). */
  reviewer: z.object({ reviews: Count, photos: Count, localGuide: z.boolean() }).optional(),
});
export type CommentSnapshot = z.infer<typeof CommentSnapshot>;

export const ExtractionHealth = z.object({
  /** Elements that look like posts. */
  candidates: z.number().int().nonnegative(),
  /** Posts that passed validation and were returned. */
  extracted: z.number().int().nonnegative(),
  /** Per field: how many extracted posts lack it (e.g. `{ createdAt: 2, 'metrics.likes': 5 }`). */
  missing: FieldTally,
  /** Per field: how many posts the DOM and the page's data disagreed on (the page's data won). */
  disagreements: FieldTally.optional(),
  /**
   * The responses of the page's own requests the page-world hook handed over: read, and not read
   * (not JSON, over the size cap, not on the allowlist, or the reader failed).
   */
  pageData: z
    .object({ read: z.number().int().nonnegative(), failed: z.number().int().nonnegative() })
    .optional(),
});
export type ExtractionHealth = z.infer<typeof ExtractionHealth>;

/**
 * A platform's own JSON object for one item (post or comment), exactly as the page loaded it, kept
 * for research exports in Zeeschuimer's envelope (4CAT's importers read these objects).
 */
export const RawItem = z.object({
  /** The canonical id of the post or comment it belongs to (same id as in `posts`/`comments`). */
  id: z.string().min(1).max(300),
  kind: z.enum(['post', 'comment']),
  /** Where it came from: JSON embedded in the HTML, or a response the page's own scripts fetched. */
  source: z.enum(['embedded', 'response']),
  data: z.unknown(),
});
export type RawItem = z.infer<typeof RawItem>;

export const PageExtraction = z.object({
  platform: PlatformId,
  url: z.string().max(4_000),
  kind: PageKind,
  profile: ProfileSnapshot.nullable(),
  posts: z.array(PostSnapshot).max(5_000),
  comments: z.array(CommentSnapshot).max(20_000),
  health: ExtractionHealth,
  /** The platform's own JSON per item, where the page's data supplied it (research exports only). */
  raw: z.array(RawItem).max(5_000).optional(),
});
export type PageExtraction = z.infer<typeof PageExtraction>;

/** A metric vector with every metric unknown: the honest starting point. */
export function emptyMetrics(): Metrics {
  return { likes: null, comments: null, shares: null, quotes: null, views: null, saves: null };
}

// ─── Stored history (IndexedDB rows). Keys are compound: `[platform+id]`, `[platform+handle]`. ───

export const AccountRole = z.enum(['own', 'competitor', 'watch']);
export type AccountRole = z.infer<typeof AccountRole>;

/** Latest known state of a post. `firstSeen`/`lastSeen` are epoch milliseconds. */
export const StoredPost = PostSnapshot.extend({
  platform: PlatformId,
  /** Lower-cased author handle (or '' when unknown): the index the account views read by. */
  authorKey: z.string(),
  /** createdAt as epoch ms, or firstSeen when the page showed no time: the time index. */
  time: z.number(),
  firstSeen: z.number(),
  lastSeen: z.number(),
  /** Author's followers when last seen, so engagement rate by followers needs no join. */
  followersAtCapture: Count,
});
export type StoredPost = z.infer<typeof StoredPost>;

/** A post's metrics at one moment; written only when they changed since the previous row. */
export const Observation = z.object({
  platform: PlatformId,
  id: z.string(),
  at: z.number(),
  metrics: Metrics,
  /** Metrics that were abbreviated on the page at this reading (absent in rows written before 0.2). */
  approx: z.array(Metric).optional(),
});
export type Observation = z.infer<typeof Observation>;

export const StoredAccount = z.object({
  platform: PlatformId,
  /** Lower-cased handle without '@'. */
  handle: z.string().min(1),
  name: z.string().nullable(),
  role: AccountRole.nullable(),
  followers: Count,
  following: Count,
  posts: Count,
  lastSeen: z.number(),
  /** A place's rating, review count and histogram as last seen (Google reviews). */
  place: PlaceSummary.optional(),
});
export type StoredAccount = z.infer<typeof StoredAccount>;

export const AccountObservation = z.object({
  platform: PlatformId,
  handle: z.string(),
  at: z.number(),
  followers: Count,
  following: Count,
  posts: Count,
  /** A place's average rating and review count at that time (Google reviews): the rating's trend. */
  rating: z.number().min(0).max(5).nullable().optional(),
  reviews: Count.optional(),
});
export type AccountObservation = z.infer<typeof AccountObservation>;

export const StoredComment = CommentSnapshot.extend({
  platform: PlatformId,
  /** Handle of the post's author (lower-cased), so the queue can select comments under own posts. */
  postAuthorKey: z.string(),
  firstSeen: z.number(),
  lastSeen: z.number(),
  /** When a reply by the post's author to this comment was first seen (epoch ms), else null. */
  answeredAt: z.number().nullable(),
  /**
   * When that reply was written, read from the page (the answer's own createdAt, epoch ms); null or
   * absent when the page did not show it. Response times are measured to this, never to answeredAt:
   * an answer first seen months after it was written would otherwise count as months late.
   */
  answerCreatedAt: z.number().nullable().optional(),
});
export type StoredComment = z.infer<typeof StoredComment>;

/** An account's maintained aggregates (week buckets, baseline window), written by the worker. */
export const AccountStatsRow = z.object({
  platform: PlatformId,
  handle: z.string(),
  updatedAt: z.number(),
  weeks: z.array(z.tuple([z.number(), z.number(), z.number(), z.number()])),
  window: z.array(
    z.object({
      inter: z.number().nullable(),
      f: z.number().nullable(),
      v: z.number().nullable(),
      time: z.number(),
      id: z.string(),
    }),
  ),
});
export type AccountStatsRow = z.infer<typeof AccountStatsRow>;

export const CompetitiveSet = z.object({
  id: z.string().min(1),
  name: z.string().min(1).max(200),
  members: z.array(z.object({ platform: PlatformId, handle: z.string().min(1) })).max(100),
  createdAt: z.number(),
});
export type CompetitiveSet = z.infer<typeof CompetitiveSet>;

export const Collection = z.object({
  id: z.string().min(1),
  name: z.string().min(1).max(200),
  notes: z.string().max(10_000),
  startedAt: z.number(),
  stoppedAt: z.number().nullable(),
});
export type Collection = z.infer<typeof Collection>;

/** Where and when an item was seen: what research ethics and reproducibility ask for. */
export const Provenance = z.object({
  seenAt: z.number(),
  pageUrl: z.string(),
  platform: PlatformId,
  pageKind: PageKind,
  /** 0-based position of the post in the page's feed when seen. */
  position: z.number().int().nonnegative().nullable(),
  uiLanguage: z.string().nullable(),
  extensionVersion: z.string(),
  adapterVersion: z.string(),
});
export type Provenance = z.infer<typeof Provenance>;

export const CollectionItem = z.object({
  collectionId: z.string(),
  type: z.enum(['post', 'profile', 'comment']),
  platform: PlatformId,
  /** Post id, comment id, or profile handle. */
  itemId: z.string(),
  first: Provenance,
  last: Provenance,
  timesSeen: z.number().int().positive(),
});
export type CollectionItem = z.infer<typeof CollectionItem>;
