/**
 * Instagram: home feed, profile (header and post grid), post and reel pages with their comments; the
 * logged-out server HTML through its meta description ("298K likes, 553 comments - willyrex on …").
 */
import type { CommentSnapshot, Metric, PageKind, PostSnapshot, ProfileSnapshot } from '../../model';
import { type ParsedCount, parseCount } from '../../parse/count';
import { parseTime } from '../../parse/time';
import type { Adapter, EmbeddedData, PageContext, PostFields } from '../adapter';
import { buildPost } from '../adapter';
import { meta, timeOf, visibleText } from '../dom';
import { countBesideIcon, countInPhrase, hasIcon, phraseCounts, statementOf } from '../phrase-counts';
import { embeddedMedia, readInstagramJson } from './data';
import {
  COMMENT_PATH,
  ICON_LABELS,
  IG,
  META_DATE_WORDS,
  METRIC_PHRASES,
  POST_PATH,
  PROFILE_PATH,
  PROFILE_PHRASES,
  PROMOTED_LABELS,
  REELS_AUTHOR_PATH,
  RESERVED_PATHS,
} from './selectors';

const ORIGIN = 'https://www.instagram.com';

function pageKind(url: URL): PageKind {
  const parts = url.pathname.split('/').filter(Boolean);
  const head = parts[0]?.toLowerCase();
  if (!head) return 'feed';
  if (POST_PATH.test(url.pathname)) return 'post';
  if (head === 'explore') return 'search';
  if (head === 'reels') return 'feed';
  if (RESERVED_PATHS.has(head)) return 'other';
  return 'profile';
}

function pathOf(href: string | null, base: URL): string {
  // "#" (a tagged-users or menu button) names the page itself, not a post in it.
  if (!href || href.startsWith('#')) return '';
  try {
    return new URL(href, base).pathname;
  } catch {
    return '';
  }
}

/** The post's permalink: the link around its `<time>` first, else the first post link. */
function permalinkOf(
  root: Element,
  page: PageContext,
): { code: string; kind: string; time: Element | null } | null {
  const links = [...root.querySelectorAll('a[href]')].filter((a) =>
    POST_PATH.test(pathOf(a.getAttribute('href'), page.url)),
  );
  const own = links.filter((a) => !COMMENT_PATH.test(pathOf(a.getAttribute('href'), page.url)));
  const timed = own.find((a) => a.querySelector('time')) ?? own[0] ?? null;
  const match = timed ? POST_PATH.exec(pathOf(timed.getAttribute('href'), page.url)) : null;
  if (!match) return null;
  return {
    code: match[2]!,
    kind: match[1]!.startsWith('reel') ? 'reel' : match[1]!,
    time: timed?.querySelector('time') ? timed : null,
  };
}

function handleOf(a: Element, page: PageContext): string | null {
  const m = PROFILE_PATH.exec(pathOf(a.getAttribute('href'), page.url));
  return m && !RESERVED_PATHS.has(m[1]!.toLowerCase()) ? m[1]! : null;
}

/** True when `b` comes after `a` in document order. */
function follows(b: Node, a: Node): boolean {
  return (a.compareDocumentPosition(b) & 4) !== 0;
}

/** The post's picture or video (not an avatar, whose alt names a profile picture). */
function mediaOf(root: Element): Element | null {
  const video = root.querySelector(IG.video);
  if (video) return video;
  return (
    [...root.querySelectorAll('img')].find(
      (img) => !/profil|profile|avatar/i.test(img.getAttribute('alt') ?? ''),
    ) ?? null
  );
}

/** The caption: the post page's `<h1>`, else the first text span after the media, next to an author link. */
function captionOf(root: Element, handle: string | null, media: Element | null): Element | null {
  const h1 = root.querySelector('h1');
  if (h1) return h1;
  for (const span of root.querySelectorAll('span[dir="auto"]')) {
    if (span.closest('a') || span.closest('ul')) continue;
    if (media && !follows(span, media)) continue;
    const text = visibleText(span);
    if (!text || text === handle) continue;
    let box: Element | null = span.parentElement;
    for (let i = 0; box && i < 4; i++, box = box.parentElement) {
      if (handle && box.querySelector(`a[href="/${handle}/"], a[href="/${handle}"]`)) return span;
    }
  }
  return null;
}

/**
 * Comment rows below `root`: for each comment permalink, the largest ancestor that holds no other
 * comment and none of the post's own controls (its comment/share icons, the `liked_by` link, its
 * video). A comment's "7 curtidas" is then never read as the post's likes.
 */
function commentRows(root: Element, page: PageContext): Element[] {
  const links = [...root.querySelectorAll('a[href]')].filter((a) =>
    COMMENT_PATH.test(pathOf(a.getAttribute('href'), page.url)),
  );
  const idOf = (a: Element) =>
    COMMENT_PATH.exec(pathOf(a.getAttribute('href'), page.url))
      ?.slice(2)
      .join('/');
  const postLevel = (el: Element) =>
    el.querySelector('a[href*="/liked_by/"], video, h1') !== null ||
    hasIcon(el, ICON_LABELS.comments ?? []) ||
    hasIcon(el, ICON_LABELS.shares ?? []);
  const rows = new Set<Element>();
  for (const link of links) {
    const id = idOf(link);
    let row: Element = link;
    for (let up = link.parentElement; up && up !== root; up = up.parentElement) {
      const others = links.some((l) => l !== link && idOf(l) !== id && up.contains(l));
      if (others || postLevel(up)) break;
      row = up;
    }
    rows.add(row);
  }
  return [...rows];
}

/** The like count of the post's own like control: its `liked_by` link, else the number beside its like icon. */
function likesOf(root: Element, rows: readonly Element[], page: PageContext): ParsedCount | null {
  const inRow = (el: Element) => rows.some((r) => r.contains(el));
  for (const a of root.querySelectorAll('a[href*="/liked_by/"]')) {
    if (inRow(a)) continue;
    const text = visibleText(a);
    const found =
      countInPhrase(text, METRIC_PHRASES.likes ?? [], page.locale)?.count ?? parseCount(text, page.locale);
    if (found) return found;
  }
  return besideOwnIcon(root, ICON_LABELS.likes ?? [], inRow, page);
}

/** The number beside one of the post's own icons (not a comment row's). */
function besideOwnIcon(
  root: Element,
  labels: readonly string[],
  inRow: (el: Element) => boolean,
  page: PageContext,
): ParsedCount | null {
  for (const icon of root.querySelectorAll('svg[aria-label], [role="img"][aria-label]')) {
    if (inRow(icon)) continue;
    let box: Element = icon;
    for (let i = 0; i < 4 && box.parentElement && box.parentElement !== root; i++) box = box.parentElement;
    const count = countBesideIcon(box, labels, page.locale);
    if (count) return count;
  }
  return null;
}

function readCounts(
  root: Element,
  skip: Element[],
  page: PageContext,
): Partial<Record<Metric, ParsedCount | null>> {
  const rows = commentRows(root, page);
  const inRow = (el: Element) => rows.some((r) => r.contains(el));
  const counts: Partial<Record<Metric, ParsedCount | null>> = phraseCounts(
    root,
    METRIC_PHRASES,
    page.locale,
    { skip: (el) => skip.includes(el) || rows.includes(el) },
  );
  const likes = likesOf(root, rows, page);
  if (likes) counts.likes = likes;
  for (const metric of ['comments', 'shares'] as const) {
    counts[metric] ??= besideOwnIcon(root, ICON_LABELS[metric] ?? [], inRow, page);
  }
  return counts;
}

function isPromoted(root: Element, media: Element | null): boolean {
  for (const el of root.querySelectorAll('span, a, div')) {
    if (el.childElementCount > 0 || (media && follows(el, media))) continue;
    if (PROMOTED_LABELS.includes((el.textContent ?? '').trim())) return true;
  }
  return false;
}

/** The page's data for a post: exact counts (they win over "1.3M"), the time, the author. */
function withData(fields: PostFields, page: PageContext): PostFields {
  const data = embeddedMedia(page).posts.find((p) => p.id === fields.id);
  if (!data) return fields;
  const counts = { ...fields.counts };
  for (const metric of ['likes', 'comments', 'views', 'shares'] as const) {
    const exact = data.metrics[metric];
    if (exact !== null) counts[metric] = { value: exact, approx: false };
  }
  return {
    ...fields,
    url: data.url ?? fields.url,
    handle: fields.handle ?? data.author.handle,
    name: fields.name ?? data.author.name,
    // The data's caption is whole; the visible one may be cut ("… more") or pick up the header's words.
    text: data.text || fields.text,
    createdAt: data.createdAt ?? fields.createdAt,
    counts,
    media: data.media,
  };
}

/**
 * A reel in the reels viewer: no permalink at all, only the author's `/<user>/reels/` link, the
 * caption and the counts beside the like and comment icons. Its shortcode comes from the page's data
 * (the author's reel whose caption matches); without data it cannot be named and is not read.
 */
function readReelUnit(root: Element, page: PageContext): PostFields | null {
  const authorLink = [...root.querySelectorAll('a[href]')].find((a) =>
    REELS_AUTHOR_PATH.test(pathOf(a.getAttribute('href'), page.url)),
  );
  const handle = authorLink
    ? REELS_AUTHOR_PATH.exec(pathOf(authorLink.getAttribute('href'), page.url))![1]!
    : null;
  if (!handle) return null;
  const caption = [...root.querySelectorAll('span[dir="auto"], h1')]
    .map((el) => visibleText(el))
    .find((t) => t.length > 0 && t !== handle && !/^[•·]$/.test(t));
  const candidates = embeddedMedia(page).posts.filter((p) => p.author.handle === handle);
  const key = (t: string) => t.replace(/….*$/, '').trim().slice(0, 60).toLowerCase();
  const match =
    candidates.length === 1
      ? candidates[0]
      : candidates.find((p) => caption && p.text && key(p.text).startsWith(key(caption)));
  if (!match) return null;
  return withData(
    {
      id: match.id,
      url: match.url,
      handle,
      text: caption ?? '',
      counts: readCounts(root, [], page),
      media: 'video',
    },
    page,
  );
}

function readPost(root: Element, page: PageContext): PostFields | null {
  const link = permalinkOf(root, page);
  if (!link) return readReelUnit(root, page);
  const author =
    [...root.querySelectorAll('a[href]')].map((a) => handleOf(a, page)).find((h) => h !== null) ?? null;
  const media = mediaOf(root);
  const caption = captionOf(root, author, media);
  const comments = page.kind === 'post' ? [...root.querySelectorAll('ul')] : [];
  const video = root.querySelector(IG.video) !== null || link.kind === 'reel';
  return withData(
    {
      id: link.code,
      url: `${ORIGIN}/${link.kind === 'reel' ? 'reel' : 'p'}/${link.code}/`,
      handle: author,
      text: caption ? visibleText(caption) : '',
      createdAt: link.time ? timeOf(link.time, page) : null,
      counts: readCounts(root, [...(caption ? [caption] : []), ...comments], page),
      media: video ? 'video' : media ? 'image' : 'text',
      promoted: !link.time && isPromoted(root, media),
    },
    page,
  );
}

function findPosts(root: ParentNode, page: PageContext): Element[] {
  const articles = [...root.querySelectorAll(IG.post)].filter((a) => !a.parentElement?.closest(IG.post));
  if (articles.length === 0 && page.kind !== 'profile') {
    const reels = reelUnits(page);
    if (reels.length > 0) return reels;
  }
  if (page.kind === 'post' && articles.length === 0) {
    const main = page.doc.querySelector(IG.postPageRoot);
    return main && permalinkOf(main, page) ? [main] : [];
  }
  if (page.kind !== 'profile') return articles;
  // The profile grid: one tile per post, links without counts (those appear only on hover).
  const tiles = [...page.doc.querySelectorAll('main a[href]')].filter(
    (a) => POST_PATH.test(pathOf(a.getAttribute('href'), page.url)) && !a.closest(IG.post),
  );
  return [...articles, ...tiles];
}

/** The reels viewer's units: per author link `/<user>/reels/`, the largest ancestor holding only that reel. */
function reelUnits(page: PageContext): Element[] {
  const main = page.doc.querySelector('main') ?? page.doc.body;
  if (!main) return [];
  const authors = [...main.querySelectorAll('a[href]')].filter((a) =>
    REELS_AUTHOR_PATH.test(pathOf(a.getAttribute('href'), page.url)),
  );
  if (authors.length === 0 || main.querySelector('a[href*="/liked_by/"]')) return [];
  const units: Element[] = [];
  for (const author of authors) {
    let unit: Element = author;
    for (let up = author.parentElement; up && up !== main; up = up.parentElement) {
      if (authors.some((other) => other !== author && up.contains(other))) break;
      unit = up;
    }
    if (!units.includes(unit)) units.push(unit);
  }
  return units;
}

function readTile(tile: Element, page: PageContext): PostFields | null {
  const match = POST_PATH.exec(pathOf(tile.getAttribute('href'), page.url));
  if (!match) return null;
  const parts = page.url.pathname.split('/').filter(Boolean);
  const reel =
    match[1]!.startsWith('reel') ||
    tile.querySelector('svg[aria-label="Clip"], svg[aria-label="Reel"]') !== null;
  return {
    id: match[2]!,
    url: `${ORIGIN}/${reel ? 'reel' : 'p'}/${match[2]}/`,
    // The posts and reels tabs show the account's own posts; the tagged tab shows other people's.
    handle: parts[1] === 'tagged' ? null : (parts[0] ?? null),
    counts: { ...readCounts(tile, [], page), ...hoverCounts(tile, page) },
    media: reel ? 'video' : 'image',
  };
}

/**
 * The grid tile's hover overlay: a list of two numbers, each beside an unlabelled icon, always likes
 * then comments (language-free: the overlay has no words). Read only when exactly that is there.
 */
function hoverCounts(tile: Element, page: PageContext): Partial<Record<Metric, ParsedCount>> {
  const items = [...tile.querySelectorAll('ul > li')];
  if (items.length !== 2) return {};
  const [likes, comments] = items.map((li) => parseCount(visibleText(li), page.locale));
  return likes && comments ? { likes, comments } : {};
}

function readAny(el: Element, page: PageContext): PostFields | null {
  return el.tagName === 'A' ? readTile(el, page) : readPost(el, page);
}

/** The profile header; a `title` with exact digits beats the abbreviated "12,3 Tsd. Follower". */
function readProfile(page: PageContext): ProfileSnapshot | null {
  if (page.kind !== 'profile') return null;
  const handle = page.url.pathname.split('/').filter(Boolean)[0];
  const header = page.doc.querySelector(IG.profileHeader);
  if (!handle || !header) return null;
  const stats: Record<'followers' | 'following' | 'posts', number | null> = {
    followers: null,
    following: null,
    posts: null,
  };
  for (const key of Object.keys(stats) as (keyof typeof stats)[]) {
    stats[key] = statementOf(header, PROFILE_PHRASES[key] ?? [], page.locale)?.count.value ?? null;
  }
  if (stats.followers === null && stats.following === null && stats.posts === null) return null;
  return { handle, name: profileName(header, handle), ...stats };
}

/** The full name shown in the header: a text span that is neither the handle, a stat nor a button. */
function profileName(header: Element, handle: string): string | null {
  for (const span of header.querySelectorAll('span[dir="auto"], h1')) {
    if (span.closest('a, button, [role="button"], li')) continue;
    const text = visibleText(span);
    if (text && text !== handle && !/\d/.test(text)) return text;
  }
  return null;
}

/** The comments shown, with the data's exact times and like counts; the data's comments the DOM lacks are added. */
function readComments(page: PageContext, posts: readonly PostSnapshot[]): CommentSnapshot[] {
  const shown = readDomComments(page, posts);
  const data = embeddedMedia(page).comments.filter((c) => posts.some((p) => p.id === c.postId));
  const byId = new Map(data.map((c) => [c.id, c]));
  const merged = shown.map((c) => {
    const exact = byId.get(c.id);
    return exact ? { ...c, createdAt: exact.createdAt ?? c.createdAt, likes: exact.likes ?? c.likes } : c;
  });
  const seen = new Set(merged.map((c) => c.id));
  return [...merged, ...data.filter((c) => !seen.has(c.id))];
}

function readDomComments(page: PageContext, posts: readonly PostSnapshot[]): CommentSnapshot[] {
  const post = posts[0];
  if (page.kind !== 'post' || !post) return [];
  const out: CommentSnapshot[] = [];
  for (const li of page.doc.querySelectorAll(IG.comment)) {
    const link = [...li.querySelectorAll('a[href]')].find((a) =>
      COMMENT_PATH.test(a.getAttribute('href') ?? ''),
    );
    // A link inside a nested reply belongs to that reply's own row.
    if (!link || link.closest('li') !== li) continue;
    const m = COMMENT_PATH.exec(link.getAttribute('href') ?? '')!;
    if (m[1] !== post.id) continue;
    const id = m[3] ?? m[2]!;
    const nested: Element[] = [...li.querySelectorAll('ul')];
    const inRow = (el: Element) => !nested.some((ul) => ul.contains(el));
    const author =
      [...li.querySelectorAll('a[href]')]
        .filter(inRow)
        .map((a) => handleOf(a, page))
        .find((h) => h !== null) ?? null;
    const textEl = [...li.querySelectorAll('span[dir="auto"]')].find(
      (s) => inRow(s) && !s.closest('a') && visibleText(s) !== author,
    );
    const parentRow = li.parentElement?.closest('li');
    const parentLink = parentRow
      ? [...parentRow.querySelectorAll('a[href]')].find((a) =>
          COMMENT_PATH.test(a.getAttribute('href') ?? ''),
        )
      : null;
    const likes = phraseCounts(li, { likes: METRIC_PHRASES.likes }, page.locale, {
      skip: (el) => nested.includes(el) || el === textEl,
    }).likes;
    out.push({
      id,
      postId: post.id,
      parentId: m[3]
        ? m[2]!
        : parentLink
          ? (COMMENT_PATH.exec(parentLink.getAttribute('href') ?? '')?.[2] ?? null)
          : null,
      author: { handle: author, name: null },
      text: visibleText(textEl ?? null),
      createdAt: timeOf(link, page),
      // No number is shown for a comment without likes; absent is reported as unknown, not 0.
      likes: likes?.value ?? null,
      byPostAuthor: author !== null && author === post.author.handle,
    });
  }
  return out;
}

/** The page's data: the media items and comments in its JSON, else the logged-out page's meta description. */
function readEmbedded(page: PageContext): EmbeddedData {
  const data = embeddedMedia(page);
  if (data.posts.length > 0 || data.comments.length > 0) return { ...data, profile: readMetaProfile(page) };
  return readMeta(page);
}

function readMetaProfile(page: PageContext): ProfileSnapshot | null {
  return readMeta(page).profile ?? null;
}

function readResponse(json: unknown, _url: URL, page: PageContext): EmbeddedData {
  return readInstagramJson([json], page, 'response');
}

/** The logged-out page: counts and caption only in the meta description, for the URL it describes. */
function readMeta(page: PageContext): EmbeddedData {
  const ogUrl =
    meta(page.doc, 'og:url') ?? page.doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? null;
  const path = pathOf(ogUrl, page.url);
  // After in-app navigation the head may still describe the first page: only use it for its own URL.
  if (!ogUrl || path.replace(/\/$/, '') !== page.url.pathname.replace(/\/$/, '')) return {};
  const description = meta(page.doc, 'og:description') ?? meta(page.doc, 'description') ?? '';
  const dash = description.indexOf(' - ');
  if (dash < 0) return {};
  const countsPart = description.slice(0, dash).split(/,\s+/);
  const rest = description.slice(dash + 3);
  const post = POST_PATH.exec(path);
  if (post) return { posts: postFromMeta(page, post[2]!, post[1]!, countsPart, rest) };
  const handle = PROFILE_PATH.exec(path)?.[1];
  if (!handle) return {};
  const stat = (key: 'followers' | 'following' | 'posts') =>
    countsPart.map((part) => countInPhrase(part, PROFILE_PHRASES[key] ?? [], page.locale)).find(Boolean)
      ?.count.value ?? null;
  const title = meta(page.doc, 'og:title') ?? '';
  return {
    profile: {
      handle,
      name: /^(.*?)\s*\(@/.exec(title)?.[1] || null,
      followers: stat('followers'),
      following: stat('following'),
      posts: stat('posts'),
    },
  };
}

function postFromMeta(
  page: PageContext,
  code: string,
  kind: string,
  countsPart: string[],
  rest: string,
): PostSnapshot[] {
  const counts: Partial<Record<Metric, ParsedCount>> = {};
  for (const [metric, templates] of Object.entries(METRIC_PHRASES) as [Metric, readonly string[]][]) {
    const found = countsPart.map((part) => countInPhrase(part, templates, page.locale)).find(Boolean);
    if (found) counts[metric] = found.count;
  }
  // "willyrex on May 29, 2021: "caption"." — the caption is everything inside the outer quotes.
  const words = META_DATE_WORDS.join('|');
  const m = new RegExp(`^([A-Za-z0-9._]{1,30}) (?:${words}) (.+?): ["“„«](.*)["”“»]\\.?\\s*$`, 's').exec(
    rest,
  );
  const title = meta(page.doc, 'og:title') ?? '';
  const video =
    meta(page.doc, 'og:type') === 'video' || meta(page.doc, 'medium') === 'video' || kind.startsWith('reel');
  const built = buildPost({
    id: code,
    url: `${ORIGIN}/${kind.startsWith('reel') ? 'reel' : 'p'}/${code}/`,
    handle: m?.[1] ?? null,
    name: /^(.*?) (?:on|auf|en|sur|su|no|op) Instagram/.exec(title)?.[1] ?? null,
    text: m?.[3] ?? '',
    createdAt: m ? parseTime(m[2]!, page.now, page.locale) : null,
    counts,
    media: video ? 'video' : 'image',
  });
  return built ? [built] : [];
}

export const instagramAdapter: Adapter = {
  id: 'instagram',
  version: '1.1.0',
  pageKind,
  findPosts,
  readPost: readAny,
  readProfile,
  readComments,
  readEmbedded,
  readResponse,
};
