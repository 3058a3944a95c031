/**
 * The platform registry and the extraction contract: `extractPage(doc, url)` reads any supported
 * page into a `PageExtraction`. Real-page conformance tests and outside checks call exactly this.
 */
import type { CommentSnapshot, PageExtraction, PostSnapshot, ProfileSnapshot } from '../model';
import type { Adapter, PageContext } from './adapter';
import { buildPost, saneComments, saneProfile, tallyMissing, uniqueById } from './adapter';
import { blueskyAdapter } from './bluesky/adapter';
import { pageLocale } from './dom';
import { facebookAdapter } from './facebook/adapter';
import { googleAdapter } from './google/adapter';
import { platformForHost } from './hosts';
import { instagramAdapter } from './instagram/adapter';
import { linkedinAdapter } from './linkedin/adapter';
import { mastodonAdapter } from './mastodon/adapter';
import { pinterestAdapter } from './pinterest/adapter';
import { collectPageData, type PageData, reconcile } from './reconcile';
import { redditAdapter } from './reddit/adapter';
import { threadsAdapter } from './threads/adapter';
import { tiktokAdapter } from './tiktok/adapter';
import { xAdapter } from './x/adapter';
import { xingAdapter } from './xing/adapter';
import { youtubeAdapter } from './youtube/adapter';

/** Every adapter, one per platform. A convention test checks ids are unique and each has tests. */
export const ADAPTERS: readonly Adapter[] = [
  xAdapter,
  youtubeAdapter,
  tiktokAdapter,
  instagramAdapter,
  threadsAdapter,
  facebookAdapter,
  linkedinAdapter,
  pinterestAdapter,
  xingAdapter,
  blueskyAdapter,
  mastodonAdapter,
  redditAdapter,
  googleAdapter,
];

/** The adapter for a page: by host for built-in hosts, else by markup (Mastodon on any instance). */
export function adapterFor(url: URL, doc?: Document): Adapter | null {
  const byHost = platformForHost(url.hostname);
  const adapter = ADAPTERS.find((a) => a.id === byHost);
  if (adapter) return adapter.reads && !adapter.reads(url) ? null : adapter;
  return (doc && ADAPTERS.find((a) => a.recognize?.(doc))) || null;
}

/** The context an adapter reads a page with. */
export function pageContext(adapter: Adapter, doc: Document, url: URL, now = new Date()): PageContext {
  return { doc, url, locale: pageLocale(doc), now, kind: adapter.pageKind(url, doc) };
}

/** Reads the given post elements (all of a page, or only those that changed). */
export function readPosts(adapter: Adapter, elements: readonly Element[], page: PageContext): PostSnapshot[] {
  const posts: PostSnapshot[] = [];
  for (const el of elements) {
    let fields: ReturnType<Adapter['readPost']>;
    try {
      fields = adapter.readPost(el, page);
    } catch {
      // One malformed post must not cost the rest of the page; health shows it as not extracted.
      continue;
    }
    const post = fields ? buildPost(fields) : null;
    if (post) posts.push(post);
  }
  return uniqueById(posts);
}

/** Reads a whole page per the extraction contract. Throws for pages no adapter supports. */
export function extractPage(doc: Document, url: string): PageExtraction {
  const parsedUrl = new URL(url);
  const adapter = adapterFor(parsedUrl, doc);
  if (!adapter) throw new Error(`Resonanz has no adapter for ${parsedUrl.hostname}`);
  return extractWith(adapter, doc, parsedUrl);
}

/**
 * `extractPage` with a known adapter and clock. Runs both readers of the page, the DOM reader and
 * the embedded-data reader, and reconciles them (see reconcile.ts): the content script runs the same
 * two readers, so what the tests check is what users run.
 */
export function extractWith(adapter: Adapter, doc: Document, url: URL, now = new Date()): PageExtraction {
  const page = pageContext(adapter, doc, url, now);
  const candidates = adapter.findPosts(doc, page);
  const domPosts = readPosts(adapter, candidates, page);
  const data = readEmbeddedOf(adapter, page);
  // Comments are read against every post either reader found (a post page whose post is only in the data).
  const known = reconcile({ posts: domPosts, profile: null, comments: [] }, data, { pageUrl: url, now });
  const merged = reconcile(
    {
      posts: domPosts,
      profile: readProfileOf(adapter, page),
      comments: uniqueById(readCommentsOf(adapter, page, known.posts)),
    },
    data,
    { pageUrl: url, now },
  );
  return {
    platform: adapter.id,
    url: url.href,
    kind: page.kind,
    profile: merged.profile,
    posts: merged.posts,
    comments: merged.comments,
    health: {
      candidates: candidates.length,
      extracted: merged.posts.length,
      missing: tallyMissing(merged.posts),
      ...(Object.keys(merged.disagreements).length ? { disagreements: merged.disagreements } : {}),
    },
    ...(merged.raw.length ? { raw: merged.raw } : {}),
  };
}

/** The page's embedded data (JSON in the HTML), held to the contract; empty when none or unreadable. */
export function readEmbeddedOf(adapter: Adapter, page: PageContext): PageData {
  return collectPageData(safely(() => adapter.readEmbedded?.(page) ?? null, null));
}

/** The profile of the page, held to the contract (plausible counts); null when none or unreadable. */
export function readProfileOf(adapter: Adapter, page: PageContext): ProfileSnapshot | null {
  return saneProfile(safely(() => adapter.readProfile?.(page) ?? null, null));
}

/** The comments shown for `posts`, each held to the contract; one that does not fit is left out. */
export function readCommentsOf(
  adapter: Adapter,
  page: PageContext,
  posts: readonly PostSnapshot[],
): CommentSnapshot[] {
  return saneComments(safely(() => adapter.readComments?.(page, posts) ?? [], []));
}

function safely<T>(read: () => T, fallback: T): T {
  try {
    return read();
  } catch {
    return fallback;
  }
}

export type { Adapter, PageContext } from './adapter';
export { PLATFORM_HOSTS } from './hosts';
