/**
 * Bluesky (bsky.app): home and custom feeds, profiles, search, and post threads (the open post and
 * the posts above it as posts, the replies below it as comments). Server-rendered post pages that
 * have not drawn the thread yet are read from their meta tags, which carry exact counts.
 */
import type { CommentSnapshot, Metric, PageKind, PostSnapshot, ProfileSnapshot } from '../../model';
import type { ParsedCount } from '../../parse/count';
import { countInLabel } from '../../parse/count';
import { parseDateTime, parseTime } from '../../parse/time';
import type { Adapter, EmbeddedData, PageContext, PostFields } from '../adapter';
import { buildPost, cleanHandle } from '../adapter';
import { absoluteUrl, countOf, labelOf, meta, visibleText } from '../dom';
import { timeFromRkey } from './ids';
import { BSKY, FEED_PATHS, POSTS_WORDS, REPOSTED_BY, SEARCH_PATHS } from './selectors';
import { readXrpc } from './xrpc';

const ORIGIN = 'https://bsky.app';
const ORIGIN_URL = new URL(ORIGIN);
const POST_PATH = /^\/profile\/([^/]+)\/post\/([A-Za-z0-9]+)\/?$/;
const PROFILE_PATH = /^\/profile\/([^/]+)\/?/;
const TESTID_PREFIX = /^(?:feedItem|postThreadItem)-by-/;
/** Direction marks Bluesky wraps names and handles in (U+202A…U+202E, U+2066…U+2069, LRM/RLM). */
const BIDI = /[\u202a-\u202e\u2066-\u2069\u200e\u200f]/g;

function pageKind(url: URL): PageKind {
  const path = url.pathname;
  if (/^\/profile\/[^/]+\/post\/[^/]+/.test(path)) return 'post';
  if (/^\/profile\/[^/]+\/(?:feed|lists)\//.test(path)) return 'feed';
  if (PROFILE_PATH.test(path)) return 'profile';
  const head = path.split('/')[1] ?? '';
  if (FEED_PATHS.has(head)) return 'feed';
  if (SEARCH_PATHS.has(head)) return 'search';
  return 'other';
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function clean(text: string): string {
  return text.replace(BIDI, '').trim();
}

function postPath(href: string | null | undefined, base: URL): { handle: string; rkey: string } | null {
  if (!href) return null;
  try {
    const m = POST_PATH.exec(new URL(href, base).pathname);
    return m ? { handle: decode(m[1]!), rkey: m[2]! } : null;
  } catch {
    return null;
  }
}

/**
 * True when `el` belongs to `item` itself rather than to a post embedded in it (a quoted post is a
 * link of its own): the nearest link around `el` is the item, or lies outside it.
 */
function isOwn(el: Element, item: Element): boolean {
  const host = el.parentElement?.closest('a[href], [role="link"]');
  if (!host || host === item || !item.contains(host)) return true;
  // Links to the post's own lists ("/post/<rkey>/liked-by") and to profiles or sites are the item's.
  const href = host.getAttribute('href');
  return href !== null && !POST_PATH.test(safePathname(href));
}

function safePathname(href: string): string {
  try {
    return new URL(href, ORIGIN).pathname;
  } catch {
    return '';
  }
}

function own(item: Element, selector: string): Element[] {
  return [...item.querySelectorAll(selector)].filter((el) => isOwn(el, item));
}

function ownFirst(item: Element, selector: string): Element | null {
  return own(item, selector)[0] ?? null;
}

/** The item's own permalink ("/profile/<handle>/post/<rkey>"), without the /liked-by etc. pages. */
function permalink(item: Element, base: URL): { handle: string; rkey: string; el: Element } | null {
  for (const el of [item, ...own(item, 'a[href*="/post/"]')]) {
    const path = postPath(el.getAttribute('href'), base);
    if (path) return { ...path, el };
  }
  return null;
}

function handleOf(item: Element): string | null {
  const testid = item.getAttribute('data-testid') ?? '';
  return (TESTID_PREFIX.test(testid) && testid.replace(TESTID_PREFIX, '')) || null;
}

/** Screens the app keeps mounted but hidden (react-native-web sets display: none inline). */
const HIDDEN = '[style*="display: none"], [style*="display:none"]';

/** Items of the active screen: not nested in another item, not on a screen the app keeps hidden. */
function items(root: ParentNode, page: PageContext): Element[] {
  const scope =
    page.kind === 'post' ? (root.querySelector('[data-testid="postThreadScreen"]') ?? root) : root;
  return [...scope.querySelectorAll(BSKY.post)].filter(
    (el) => !el.parentElement?.closest(BSKY.post) && !el.closest(HIDDEN),
  );
}

/** The rkey of the page's post (from the address, else Open Graph). */
function pageRkey(page: PageContext): string | null {
  return (
    postPath(page.url.pathname, page.url)?.rkey ?? postPath(meta(page.doc, 'og:url'), page.url)?.rkey ?? null
  );
}

/** Index of the open post in a thread: the item without a permalink of its own, or with the page's rkey. */
function anchorIndex(all: readonly Element[], page: PageContext): number {
  const rkey = pageRkey(page);
  const withoutLink = all.findIndex((item) => !permalink(item, page.url));
  if (withoutLink >= 0) return withoutLink;
  return all.findIndex((item) => permalink(item, page.url)?.rkey === rkey);
}

const anchors = new WeakMap<PageContext, Element | null>();

/** The open post's element on a post page (computed once per page read). */
function anchorOf(page: PageContext): Element | null {
  if (page.kind !== 'post') return null;
  if (!anchors.has(page)) {
    const all = items(page.doc, page);
    anchors.set(page, all[anchorIndex(all, page)] ?? null);
  }
  return anchors.get(page) ?? null;
}

/** On a post page the open post and the posts above it; its replies are comments. */
function findPosts(root: ParentNode, page: PageContext): Element[] {
  const all = items(root, page);
  const anchor = anchorOf(page);
  return anchor && all.includes(anchor) ? all.slice(0, all.indexOf(anchor) + 1) : all;
}

function authorName(item: Element, handle: string | null): string | null {
  const profileLinks = own(item, 'a[href^="/profile/"]').filter(
    (a) => !postPath(a.getAttribute('href'), ORIGIN_URL),
  );
  for (const link of profileLinks) {
    if (handle && decode(link.getAttribute('href') ?? '').replace(/\/$/, '') !== `/profile/${handle}`)
      continue;
    const text = clean(visibleText(link)).replace(/\s*@\S+$/, '');
    if (text && !text.startsWith('@')) return text;
  }
  return null;
}

function repostedBy(item: Element): string | null {
  for (const link of own(item, 'a[href^="/profile/"]')) {
    const label = `${labelOf(link) ?? ''} ${visibleText(link)}`.toLowerCase();
    if (REPOSTED_BY.some((phrase) => label.includes(phrase))) {
      return decode(link.getAttribute('href')?.split('/')[2] ?? '') || null;
    }
  }
  return null;
}

/** The open post's date line ("12:55 AM · Jan 27, 2026"), which is text only, in the reader's zone. */
function anchorTime(item: Element, page: PageContext): string | null {
  for (const el of own(item, 'div[dir="auto"]')) {
    if (el.childElementCount > 0) continue;
    const time = parseDateTime(visibleText(el), page.now, page.locale);
    if (time) return time;
  }
  return null;
}

function linkTime(link: Element, page: PageContext): string | null {
  const label =
    link.getAttribute('aria-label') ?? link.getAttribute('title') ?? link.getAttribute('data-tooltip');
  const relative = visibleText(link).replace(/^·\s*/, '');
  return (
    (label ? parseTime(label, page.now, page.locale) : null) ?? parseTime(relative, page.now, page.locale)
  );
}

type Counts = Partial<Record<Metric, ParsedCount | null>>;

/** Counts from the buttons; on the open post also the line of exact totals under its text. */
function readCounts(item: Element, anchor: boolean, locale: string | null): Counts {
  const reply = ownFirst(item, BSKY.replyBtn);
  const like = ownFirst(item, BSKY.likeBtn);
  // Bluesky draws a count only when it is above zero; with the buttons drawn, no count means 0.
  const drawn = reply !== null && like !== null;
  const zeroIfDrawn = drawn ? { value: 0, approx: false } : null;
  const counts: Counts = {
    comments: countOf(reply, locale),
    likes: countOf(like, locale),
  };
  if (!anchor) {
    // The feed's repost button counts reposts and quotes together.
    counts.shares = countOf(ownFirst(item, BSKY.repostCount), locale) ?? zeroIfDrawn;
    return counts;
  }
  for (const [metric, selector] of Object.entries(BSKY.expanded) as [Metric, string][]) {
    const read = countOf(ownFirst(item, selector), locale) ?? zeroIfDrawn;
    // The like button's label is exact ("Like (3,121 likes)"); the line under the post says "3.1K".
    if (metric === 'likes' && counts.likes && !counts.likes.approx) continue;
    counts[metric] = read;
  }
  return counts;
}

function media(item: Element, textEl: Element | null): PostFields['media'] {
  const external = own(item, 'a[href^="http"]').filter(
    (a) => !(textEl?.contains(a) ?? false) && !a.getAttribute('href')?.startsWith(ORIGIN),
  );
  const inCard = (el: Element) => external.some((card) => card.contains(el));
  const kinds = new Set<PostFields['media']>();
  if (own(item, BSKY.video).some((el) => !inCard(el))) kinds.add('video');
  if (own(item, BSKY.image).some((el) => !inCard(el))) kinds.add('image');
  if (kinds.size === 0 && external.length > 0) kinds.add('link');
  if (kinds.size > 1) return 'mixed';
  return [...kinds][0] ?? 'text';
}

function readPost(item: Element, page: PageContext): PostFields {
  const link = permalink(item, page.url);
  const anchor = item === anchorOf(page);
  const handle = handleOf(item) ?? link?.handle ?? null;
  const rkey = link?.rkey ?? (anchor ? pageRkey(page) : null);
  const textEl = ownFirst(item, BSKY.text);
  const ogUrl = meta(page.doc, 'og:url');
  const published = meta(page.doc, 'article:published_time');
  // The record key says when the post was written, in UTC; the shown time (in the reader's zone) is
  // the fallback for keys that are not TIDs.
  const createdAt =
    timeFromRkey(rkey, page.now) ??
    (anchor
      ? ((published && postPath(ogUrl, page.url)?.rkey === rkey ? parseTime(published, page.now) : null) ??
        anchorTime(item, page))
      : link
        ? linkTime(link.el, page)
        : null);
  const links = textEl
    ? [...textEl.querySelectorAll('a[href^="http"]')]
        .map((a) => absoluteUrl(a.getAttribute('href'), page.url))
        .filter((href): href is string => !!href && !href.startsWith(ORIGIN))
    : [];
  return {
    id: rkey,
    url: rkey && handle ? `${ORIGIN}/profile/${link?.handle ?? handle}/post/${rkey}` : null,
    handle,
    name: authorName(item, handle),
    text: clean(visibleText(textEl)),
    createdAt,
    counts: readCounts(item, anchor, page.locale),
    media: media(item, textEl),
    links: [...new Set(links)],
    repostedBy: repostedBy(item),
  };
}

/** One odd reply must not cost the others. */
function safeBuild(read: () => PostFields): PostSnapshot | null {
  try {
    return buildPost(read());
  } catch {
    return null;
  }
}

/**
 * Replies below the open post. A reply drawn with a line from the item above answers that item; one
 * without answers the open post (parentId null).
 */
function readComments(page: PageContext): CommentSnapshot[] {
  if (page.kind !== 'post') return [];
  const all = items(page.doc, page);
  const anchorEl = anchorOf(page);
  if (!anchorEl || !all.includes(anchorEl)) return [];
  const anchor = readPost(anchorEl, page);
  if (!anchor.id) return [];
  const comments: CommentSnapshot[] = [];
  let previous: string | null = null;
  for (const el of all.slice(all.indexOf(anchorEl) + 1)) {
    const post = safeBuild(() => readPost(el, page));
    if (!post) continue;
    const repliesToAbove = el.firstElementChild?.firstElementChild?.firstElementChild != null;
    comments.push({
      id: post.id,
      postId: anchor.id,
      parentId: repliesToAbove && previous ? previous : null,
      author: post.author,
      text: post.text,
      createdAt: post.createdAt,
      likes: post.metrics.likes,
      byPostAuthor: !!post.author.handle && post.author.handle === cleanHandle(anchor.handle),
    });
    previous = post.id;
  }
  return comments;
}

function readProfile(page: PageContext): ProfileSnapshot | null {
  if (page.kind !== 'profile') return null;
  const raw = PROFILE_PATH.exec(page.url.pathname)?.[1];
  const handle = raw ? decode(raw) : null;
  const nameEl = page.doc.querySelector(BSKY.profile.name);
  const followers = page.doc.querySelector(BSKY.profile.followers);
  const following = page.doc.querySelector(BSKY.profile.following);
  if (!handle || (!nameEl && !followers)) return null;
  return {
    handle,
    name: clean(visibleText(nameEl)) || null,
    followers: countOf(followers, page.locale)?.value ?? null,
    following: countOf(following, page.locale)?.value ?? null,
    posts: postsCount(following, page.locale),
  };
}

/** "1,234 posts" sits beside the follower links, without a test id of its own. */
function postsCount(following: Element | null, locale: string | null): number | null {
  for (const el of following?.parentElement?.children ?? []) {
    if (el === following || el.querySelector(BSKY.profile.followers)) continue;
    const text = visibleText(el);
    if (POSTS_WORDS.test(text)) return countInLabel(text, locale)?.value ?? null;
  }
  return null;
}

/** Server-rendered post pages: Open Graph text and the exact counts Bluesky puts in twitter:label/value. */
function readEmbedded(page: PageContext): EmbeddedData {
  const path = postPath(meta(page.doc, 'og:url'), page.url) ?? postPath(page.url.pathname, page.url);
  if (!path) return {};
  const values = new Map<string, string>();
  for (let i = 1; i <= 8; i++) {
    const label = meta(page.doc, `twitter:label${i}`);
    const value = meta(page.doc, `twitter:value${i}`);
    if (label && value) values.set(label.toLowerCase(), value);
  }
  const exact = (key: string): ParsedCount | null => {
    const value = values.get(key);
    return value && /^\d+$/.test(value) ? { value: Number(value), approx: false } : null;
  };
  const image = meta(page.doc, 'og:image') ?? '';
  const published = meta(page.doc, 'article:published_time') ?? values.get('posted at') ?? '';
  const post = buildPost({
    id: path.rkey,
    url: `${ORIGIN}/profile/${path.handle}/post/${path.rkey}`,
    handle: meta(page.doc, 'profile:username') ?? path.handle,
    name: /^(.*?)\s*\(@[^)]*\)\s*$/.exec(meta(page.doc, 'og:title') ?? '')?.[1] ?? null,
    text: meta(page.doc, 'og:description') ?? '',
    createdAt: timeFromRkey(path.rkey, page.now) ?? parseTime(published, page.now),
    counts: { likes: exact('likes'), comments: exact('replies'), shares: exact('reposts') },
    media: image.includes('/img/feed_') ? 'image' : 'text',
  });
  return { posts: post ? [post] : [] };
}

/** A feed or thread response of Bluesky's API that the page fetched. */
function readResponse(json: unknown, _url: URL, page: PageContext): EmbeddedData {
  const data = readXrpc(json);
  const posts = data.posts
    .map((f) => buildPost({ ...f, createdAt: f.createdAt ? parseTime(f.createdAt, page.now) : null }))
    .filter((p): p is PostSnapshot => p !== null);
  return { posts, comments: data.comments, raw: data.raw };
}

export const blueskyAdapter: Adapter = {
  id: 'bluesky',
  version: '1.0.0',
  pageKind,
  findPosts,
  readPost,
  readProfile,
  readComments: (page) => readComments(page),
  readEmbedded,
  readResponse,
};
