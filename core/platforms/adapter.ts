/**
 * What a platform adapter is, and the machinery every adapter shares: building a post from the
 * fields an adapter read, tallying extraction health, de-duplicating, validating. An adapter itself
 * is mostly data (selectors, label phrases) plus the few functions below.
 */
import {
  CommentSnapshot as CommentSchema,
  type CommentSnapshot,
  METRICS,
  type MediaKind,
  type Metric,
  type Metrics,
  type PageKind,
  type PlatformId,
  PostSnapshot as PostSchema,
  type PostSnapshot,
  ProfileSnapshot as ProfileSchema,
  type ProfileSnapshot,
  type RawItem,
} from '../model';
import type { ParsedCount } from '../parse/count';
import { collapseWhitespace, extractHashtags, extractLinks, extractMentions } from '../parse/text';

/** Everything an adapter may know about the page it reads. */
export interface PageContext {
  doc: Document;
  url: URL;
  /** The page's UI language (`<html lang>`), used to read ambiguous numbers. */
  locale: string | null;
  /** The time the page is read, for relative times ("vor 3 Std."). */
  now: Date;
  kind: PageKind;
}

/** What an adapter returns for one post element; the shared builder fills in the rest. */
export interface PostFields {
  id: string | null;
  url?: string | null;
  handle?: string | null;
  name?: string | null;
  text?: string | null;
  createdAt?: string | null;
  /** Per metric: the count read, or null/undefined when the page does not show it. */
  counts?: Partial<Record<Metric, ParsedCount | null>>;
  media?: MediaKind;
  hashtags?: string[];
  mentions?: string[];
  links?: string[];
  promoted?: boolean;
  repostedBy?: string | null;
}

/** What the page-data readers (embedded JSON, JSON-LD, API responses) return. */
export interface EmbeddedData {
  posts?: PostSnapshot[];
  profile?: ProfileSnapshot | null;
  comments?: CommentSnapshot[];
  /** The platform's raw objects behind `posts`/`comments`, for research exports (4CAT). */
  raw?: RawItem[];
}

/**
 * A post-carrying endpoint of the platform's own API. The page-world hook hands over a JSON
 * response only when its URL matches one of the platform's endpoints: never messages,
 * notifications, settings or anything private. Kept as data in `<platform>/endpoints.ts`.
 */
export interface Endpoint {
  /** A short name, for health and tests ("UserTweets"). */
  name: string;
  /** Matched against the response URL's pathname (and search, when `query` is given). */
  path: RegExp;
  query?: RegExp;
  /**
   * Matched against the response URL's hostname. Without it, only the page's own site answers
   * (x.com, api.x.com for a page on x.com): a platform whose API lives elsewhere (Bluesky's app
   * views and personal data servers) says so here.
   */
  host?: RegExp;
  /**
   * For generic GraphQL endpoints that serve everything from one path (Facebook, Instagram,
   * Threads): matched against the query's name as the page sent it (`x-fb-friendly-name` header or
   * `fb_api_req_friendly_name` form field). When set, a request without a readable name never matches.
   */
  operation?: RegExp;
  /** Larger responses are dropped (characters of text; default `DEFAULT_MAX_CHARS` in endpoints.ts). */
  maxBytes?: number;
}

export interface Adapter {
  id: PlatformId;
  /** Bumped whenever what the adapter reads changes; recorded with every research capture. */
  version: string;
  /** For platforms that share their hosts with other services (Google): only these pages are read. */
  reads?(url: URL): boolean;
  /** For platforms that run on any host (Mastodon): recognise the page by its markup. */
  recognize?(doc: Document): boolean;
  pageKind(url: URL, doc: Document): PageKind;
  /** Elements that look like posts, in page order, below `root`. */
  findPosts(root: ParentNode, page: PageContext): Element[];
  /** Reads one post element; null when it is not a post after all (e.g. a placeholder). */
  readPost(el: Element, page: PageContext): PostFields | null;
  readProfile?(page: PageContext): ProfileSnapshot | null;
  readComments?(page: PageContext, posts: readonly PostSnapshot[]): CommentSnapshot[];
  /** The page's embedded data (JSON in the HTML): exact ids, times and counts, reconciled with the DOM. */
  readEmbedded?(page: PageContext): EmbeddedData;
  /** Reads one JSON response of an allowlisted endpoint (see `Endpoint`) that the page fetched. */
  readResponse?(json: unknown, responseUrl: URL, page: PageContext): EmbeddedData;
}

/**
 * The largest count believed. No post has 10^12 of anything (the most-watched videos have ~2·10^10
 * views), so a larger number is a misread (or a page lying) and is read as "not shown".
 */
export const MAX_COUNT = 10 ** 12;

/** A count as stored: a non-negative safe integer up to MAX_COUNT, else null. */
export function plausibleCount(value: number | null | undefined): number | null {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 && value <= MAX_COUNT
    ? value
    : null;
}

/** An http(s) URL as given, else null: a page's `javascript:` or `data:` link is never kept. */
function webUrl(url: string | null | undefined): string | null {
  return url && /^https?:\/\//i.test(url) ? url : null;
}

/** Turns the fields an adapter read into a contract-conforming post, or null when it has no id. */
export function buildPost(fields: PostFields): PostSnapshot | null {
  if (!fields.id) return null;
  const text = collapseWhitespace(fields.text ?? '');
  const metrics = {} as Metrics;
  const approx: Metric[] = [];
  for (const metric of METRICS) {
    const read = fields.counts?.[metric] ?? null;
    metrics[metric] = plausibleCount(read?.value);
    if (read?.approx && metrics[metric] !== null) approx.push(metric);
  }
  const candidate: PostSnapshot = {
    id: fields.id,
    url: webUrl(fields.url),
    author: { handle: cleanHandle(fields.handle), name: cleanName(fields.name) },
    text,
    createdAt: fields.createdAt ?? null,
    metrics,
    approx,
    media: fields.media ?? 'text',
    hashtags: fields.hashtags ?? extractHashtags(text),
    mentions: fields.mentions ?? extractMentions(text),
    links: (fields.links ?? extractLinks(text)).filter((link) => webUrl(link) !== null),
    promoted: fields.promoted ?? false,
    repostedBy: cleanHandle(fields.repostedBy),
  };
  const parsed = PostSchema.safeParse(candidate);
  return parsed.success ? parsed.data : null;
}

/**
 * A post from embedded page data (or anywhere else not built by `buildPost`) held to the same rules:
 * plausible counts, web links only, the schema; null when it cannot be kept.
 */
export function sanePost(post: PostSnapshot): PostSnapshot | null {
  const metrics = { ...post.metrics };
  for (const metric of METRICS) metrics[metric] = plausibleCount(metrics[metric]);
  const parsed = PostSchema.safeParse({
    ...post,
    url: webUrl(post.url),
    metrics,
    approx: post.approx.filter((m) => metrics[m] !== null),
    links: post.links.filter((link) => webUrl(link) !== null),
  });
  return parsed.success ? parsed.data : null;
}

/** A profile as the contract allows it (plausible counts), or null when it does not fit the schema. */
export function saneProfile(profile: ProfileSnapshot | null | undefined): ProfileSnapshot | null {
  if (!profile) return null;
  const parsed = ProfileSchema.safeParse({
    ...profile,
    followers: plausibleCount(profile.followers),
    following: plausibleCount(profile.following),
    posts: plausibleCount(profile.posts),
  });
  return parsed.success ? parsed.data : null;
}

/** Comments as the contract allows them: one that does not fit (a 100 KB name) is left out, not the batch. */
export function saneComments(comments: readonly CommentSnapshot[]): CommentSnapshot[] {
  const out: CommentSnapshot[] = [];
  for (const comment of comments) {
    const parsed = CommentSchema.safeParse({ ...comment, likes: plausibleCount(comment.likes) });
    if (parsed.success) out.push(parsed.data);
  }
  return out;
}

/** A handle without '@' and surrounding space; null when empty. */
export function cleanHandle(handle: string | null | undefined): string | null {
  const h = handle?.trim().replace(/^@/, '') ?? '';
  return h ? h : null;
}

function cleanName(name: string | null | undefined): string | null {
  const n = collapseWhitespace(name ?? '');
  return n ? n : null;
}

/** Counts, per field, how many posts lack it: what "degraded" is judged by. */
export function tallyMissing(posts: readonly PostSnapshot[]): Record<string, number> {
  const missing: Record<string, number> = {};
  const bump = (key: string) => {
    missing[key] = (missing[key] ?? 0) + 1;
  };
  for (const post of posts) {
    if (!post.author.handle) bump('author.handle');
    if (!post.createdAt) bump('createdAt');
    if (!post.url) bump('url');
    let unknown = 0;
    for (const metric of METRICS) {
      if (post.metrics[metric] !== null) continue;
      bump(`metrics.${metric}`);
      unknown++;
    }
    // A post with no count at all: what "most counts are missing" is judged by.
    if (unknown === METRICS.length) bump('metrics.all');
  }
  return missing;
}

/** Keeps the first post for every id, in page order. */
export function uniqueById<T extends { id: string }>(items: readonly T[]): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    if (seen.has(item.id)) return false;
    seen.add(item.id);
    return true;
  });
}
