/**
 * What a platform adapter is, and the machinery every adapter shares: building a post from the
 * fields an adapter read, tallying extraction health, de-duplicating, validating. An adapter itself
 * is mostly data (selectors, label phrases) plus the few functions below.
 */
import {
  type CommentSnapshot,
  METRICS,
  type MediaKind,
  type Metric,
  type Metrics,
  type PageKind,
  type PlatformId,
  PostSnapshot as PostSchema,
  type PostSnapshot,
  type ProfileSnapshot,
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

/** What the embedded-data readers (JSON-LD, Open Graph, initial state) return. */
export interface EmbeddedData {
  posts?: PostSnapshot[];
  profile?: ProfileSnapshot | null;
  comments?: CommentSnapshot[];
}

export interface Adapter {
  id: PlatformId;
  /** Bumped whenever what the adapter reads changes; recorded with every research capture. */
  version: string;
  /** For platforms that run on any host (Mastodon): recognise the page by its markup. */
  recognize?(doc: Document): boolean;
  pageKind(url: URL, doc: Document): PageKind;
  /** Elements that look like posts, in page order, below `root`. */
  findPosts(root: ParentNode, page: PageContext): Element[];
  /** Reads one post element; null when it is not a post after all (e.g. a placeholder). */
  readPost(el: Element, page: PageContext): PostFields | null;
  readProfile?(page: PageContext): ProfileSnapshot | null;
  readComments?(page: PageContext, posts: readonly PostSnapshot[]): CommentSnapshot[];
  /** A second source behind the same contract, used when the DOM yields no posts. */
  readEmbedded?(page: PageContext): EmbeddedData;
}

/** Turns the fields an adapter read into a contract-conforming post, or null when it has no id. */
export function buildPost(fields: PostFields): PostSnapshot | null {
  if (!fields.id) return null;
  const text = collapseWhitespace(fields.text ?? '');
  const metrics = {} as Metrics;
  const approx: Metric[] = [];
  for (const metric of METRICS) {
    const read = fields.counts?.[metric] ?? null;
    metrics[metric] = read ? read.value : null;
    if (read?.approx) approx.push(metric);
  }
  const candidate: PostSnapshot = {
    id: fields.id,
    url: fields.url ?? null,
    author: { handle: cleanHandle(fields.handle), name: cleanName(fields.name) },
    text,
    createdAt: fields.createdAt ?? null,
    metrics,
    approx,
    media: fields.media ?? 'text',
    hashtags: fields.hashtags ?? extractHashtags(text),
    mentions: fields.mentions ?? extractMentions(text),
    links: fields.links ?? extractLinks(text),
    promoted: fields.promoted ?? false,
    repostedBy: cleanHandle(fields.repostedBy),
  };
  const parsed = PostSchema.safeParse(candidate);
  return parsed.success ? parsed.data : null;
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
