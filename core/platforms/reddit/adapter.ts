/**
 * Reddit: subreddit and home feeds, search, user pages and post pages with their comments, in today's
 * "shreddit" design, on old.reddit.com, and (cheaply) in the 2018–2023 React design. likes = score.
 * Post ids are base36 without "t3_", comment ids without "t1_".
 */
import type { CommentSnapshot, MediaKind, Metric, PageKind, PostSnapshot } from '../../model';
import type { ParsedCount } from '../../parse/count';
import { countInLabel, parseCount } from '../../parse/count';
import { collapseWhitespace } from '../../parse/text';
import { parseTime } from '../../parse/time';
import type { Adapter, EmbeddedData, PageContext, PostFields } from '../adapter';
import { buildPost, cleanHandle } from '../adapter';
import { absoluteUrl, blockText, first, timeOf, visibleText } from '../dom';
import { readListing } from './json';

import { MEDIA_BY_POST_TYPE, PROMOTED_WORDS, REDDIT, SEARCH_PATHS, USER_PATHS } from './selectors';

const ORIGIN = 'https://www.reddit.com';
const POST_PATH = /\/comments\/([a-z0-9]+)(?:\/|$)/i;
const CANDIDATES = [REDDIT.shreddit.post, REDDIT.classic.post, REDDIT.old.post].join(', ');

function pageKind(url: URL): PageKind {
  if (POST_PATH.test(url.pathname)) return 'post';
  const [head] = url.pathname.split('/').filter(Boolean);
  if (!head || head === 'r' || head === 'best' || head === 'hot' || head === 'new' || head === 'top')
    return 'feed';
  if (SEARCH_PATHS.has(head)) return 'search';
  if (USER_PATHS.has(head)) return 'profile';
  return 'other';
}

/** "t3_awx46q" → "awx46q"; anything that is not a base36 id (ad tokens, placeholders) → null. */
function baseId(fullname: string | null | undefined, prefix: 't3' | 't1'): string | null {
  const id = fullname?.trim().replace(new RegExp(`^${prefix}_`), '') ?? '';
  return /^[a-z0-9]{2,16}$/i.test(id) ? id.toLowerCase() : null;
}

/** A machine timestamp from an attribute; only ISO dates and epochs, never words like "gestern". */
function attrTime(value: string | null, page: PageContext): string | null {
  return value && /^\d{4}-\d{2}-\d{2}T|^\d{9,13}$/.test(value.trim()) ? parseTime(value, page.now) : null;
}

/**
 * A count from an attribute ("1659"). Reddit scores can fall below zero, which a count cannot
 * express: a negative score is reported as unknown rather than as a made-up 0.
 */
function exact(value: string | null | undefined): ParsedCount | null {
  return value && /^\d+$/.test(value.trim()) ? { value: Number(value), approx: false } : null;
}

function pagePostId(page: PageContext): string | null {
  return POST_PATH.exec(page.url.pathname)?.[1]?.toLowerCase() ?? null;
}

/** `<meta>` content; some saved pages carry it in a `value` attribute instead. */
function metaValue(doc: Document, key: string): string | null {
  const el = doc.querySelector(`meta[property="${key}"], meta[name="${key}"]`);
  const value = el?.getAttribute('content') ?? el?.getAttribute('value');
  return value ? collapseWhitespace(value) : null;
}

function isPromotedLabel(root: Element): boolean {
  for (const span of root.querySelectorAll('span')) {
    if (
      span.childElementCount === 0 &&
      PROMOTED_WORDS.includes((span.textContent ?? '').trim().toLowerCase())
    )
      return true;
  }
  return false;
}

function joinText(...parts: string[]): string {
  return parts.filter(Boolean).join(' ');
}

// ─── shreddit (today's design) ─────────────────────────────────────────────────────────────────────

function readShreddit(el: Element, page: PageContext): PostFields {
  const id = baseId(el.getAttribute('id') ?? el.getAttribute('post-id'), 't3');
  const type = (el.getAttribute('post-type') ?? '').toLowerCase();
  const title = el.getAttribute('post-title') ?? visibleText(el.querySelector(REDDIT.shreddit.title));
  let media: MediaKind = MEDIA_BY_POST_TYPE[type] ?? 'text';
  if (!(type in MEDIA_BY_POST_TYPE)) {
    // Crossposts and other kinds: what the post draws decides.
    if (el.querySelector(REDDIT.shreddit.video)) media = 'video';
    else if (el.querySelector(REDDIT.shreddit.image)) media = 'image';
    else if (el.getAttribute('content-href') && !el.getAttribute('domain')?.startsWith('self.'))
      media = 'link';
  }
  const contentHref = el.getAttribute('content-href');
  return {
    id,
    url: absoluteUrl(el.getAttribute('permalink'), new URL(ORIGIN)),
    handle: el.getAttribute('author'),
    text: joinText(title, blockText(el.querySelector(REDDIT.shreddit.body))),
    createdAt: attrTime(el.getAttribute('created-timestamp'), page),
    counts: { likes: exact(el.getAttribute('score')), comments: exact(el.getAttribute('comment-count')) },
    media,
    links:
      media === 'link' && contentHref
        ? [absoluteUrl(contentHref, page.url)].filter((u) => u !== null)
        : undefined,
    promoted:
      el.localName === 'shreddit-ad-post' ||
      el.hasAttribute('is-promoted') ||
      el.getAttribute('promoted') === 'true',
  };
}

// ─── old.reddit.com ────────────────────────────────────────────────────────────────────────────────

function oldMedia(el: Element): MediaKind {
  const domain = (el.getAttribute('data-domain') ?? '').toLowerCase();
  if (
    el.getAttribute('data-is-gallery') === 'true' ||
    /^(i\.redd\.it|i\.imgur\.com|imgur\.com)$/.test(domain)
  )
    return 'image';
  if (/^(v\.redd\.it|youtube\.com|youtu\.be|www\.youtube\.com)$/.test(domain)) return 'video';
  if (domain.startsWith('self.')) return 'text';
  return domain ? 'link' : 'text';
}

function readOld(el: Element, page: PageContext): PostFields {
  const timestamp = el.getAttribute('data-timestamp');
  const shownScore = el.querySelector(REDDIT.old.score)?.getAttribute('title');
  const media = oldMedia(el);
  const url = el.getAttribute('data-url');
  return {
    id: baseId(el.getAttribute('data-fullname'), 't3'),
    url: absoluteUrl(el.getAttribute('data-permalink'), page.url),
    handle: el.getAttribute('data-author'),
    text: joinText(
      visibleText(el.querySelector(REDDIT.old.title)),
      blockText(el.querySelector(REDDIT.old.body)),
    ),
    createdAt: attrTime(timestamp, page) ?? timeOf(el.querySelector('.tagline'), page),
    counts: {
      likes: exact(shownScore) ?? exact(el.getAttribute('data-score')),
      comments: exact(el.getAttribute('data-comments-count')),
    },
    media,
    links: media === 'link' && url ? [absoluteUrl(url, page.url)].filter((u) => u !== null) : undefined,
    promoted: el.getAttribute('data-promoted') === 'true',
  };
}

// ─── The 2018–2023 React design ────────────────────────────────────────────────────────────────────

/** "83,067 votes and 2,820 comments so far on Reddit": the open post's exact counts. */
function descriptionCounts(page: PageContext): Partial<Record<Metric, ParsedCount>> {
  const text = metaValue(page.doc, 'og:description') ?? '';
  const [votes, comments] = text.split(/\s+(?:and|und)\s+/);
  const counts: Partial<Record<Metric, ParsedCount>> = {};
  const likes = /\b(votes?|stimmen|upvotes?)\b/i.test(votes ?? '') ? countInLabel(votes ?? '', 'en') : null;
  const replies = /\b(comments?|kommentare?)\b/i.test(comments ?? '')
    ? countInLabel(comments ?? '', 'en')
    : null;
  if (likes) counts.likes = likes;
  if (replies) counts.comments = replies;
  return counts;
}

function readClassic(el: Element, page: PageContext): PostFields {
  const id = baseId(el.getAttribute('id'), 't3');
  const C = REDDIT.classic;
  const authorLink = el.querySelector(C.author) ?? el.querySelector('a[href^="/user/"]');
  const commentsLink = el.querySelector(C.comments);
  const counts: Partial<Record<Metric, ParsedCount | null>> = {
    likes: parseCount(visibleText(el.querySelector(C.score)), page.locale),
    comments: countInLabel(visibleText(commentsLink), page.locale),
  };
  if (id && id === pagePostId(page)) Object.assign(counts, descriptionCounts(page));
  const media: MediaKind = el.querySelector(C.video)
    ? 'video'
    : el.querySelector(C.image)
      ? 'image'
      : el.querySelector(C.link)
        ? 'link'
        : 'text';
  return {
    id,
    url: absoluteUrl(commentsLink?.getAttribute('href') ?? (id ? `/comments/${id}/` : null), new URL(ORIGIN)),
    handle:
      visibleText(authorLink).replace(/^u\//, '') || authorLink?.getAttribute('href')?.split('/')[2] || null,
    text: joinText(visibleText(first(el, [C.title])), blockText(el.querySelector(C.body))),
    createdAt: parseTime(visibleText(el.querySelector(C.time)), page.now, page.locale),
    counts,
    media,
    promoted: isPromotedLabel(el),
  };
}

// ─── Posts ─────────────────────────────────────────────────────────────────────────────────────────

function findPosts(root: ParentNode): Element[] {
  return [...root.querySelectorAll(CANDIDATES)].filter((el) => !el.parentElement?.closest(CANDIDATES));
}

function readPost(el: Element, page: PageContext): PostFields | null {
  if (el.localName.startsWith('shreddit-')) return readShreddit(el, page);
  if (el.matches(REDDIT.old.post)) return readOld(el, page);
  return readClassic(el, page);
}

// ─── Comments ──────────────────────────────────────────────────────────────────────────────────────

interface RawComment {
  id: string;
  depth: number | null;
  /** The parent as the page names it ("t1_…", "t3_…"), when it does. */
  parent?: string | null;
  handle: string | null;
  text: string;
  createdAt: string | null;
  likes: ParsedCount | null;
}

function shredditComment(el: Element, page: PageContext): RawComment | null {
  const id = baseId(el.getAttribute('thingid'), 't1');
  if (!id) return null;
  const meta = el.querySelector(REDDIT.shreddit.commentMeta);
  const stamp = meta?.querySelector('faceplate-timeago[ts]')?.getAttribute('ts');
  return {
    id,
    depth: Number.parseInt(el.getAttribute('depth') ?? '', 10),
    parent: el.getAttribute('parentid'),
    handle: el.getAttribute('author'),
    text: blockText(el.querySelector(REDDIT.shreddit.commentBody)),
    createdAt: timeOf(meta ?? null, page) ?? attrTime(stamp ?? null, page),
    likes: exact(el.getAttribute('score')),
  };
}

/** The hidden "level 2" before each comment (its depth, 1-based). */
const LEVEL = /^(?:level|ebene|niveau|nivel|livello)\s+(\d+)$/i;

function classicComment(el: Element, page: PageContext): RawComment | null {
  const C = REDDIT.classic;
  const fullname = [...el.classList].find((c) => /^t1_/.test(c)) ?? el.closest('[id^="t1_"]')?.id;
  const id = baseId(fullname, 't1');
  const text = blockText(el.querySelector(C.commentText));
  // Removed and deleted comments show no text: nothing to read or answer.
  if (!id || !text) return null;
  const levelSpan = [...el.querySelectorAll('span')].find((span) => LEVEL.test(visibleText(span)));
  const level = levelSpan ? LEVEL.exec(visibleText(levelSpan))?.[1] : undefined;
  const author = el.querySelector(C.commentAuthor);
  return {
    id,
    depth: level ? Number(level) - 1 : null,
    handle:
      visibleText(el.querySelector('[data-testid="comment_author_link"]')) ||
      author?.getAttribute('href')?.split('/')[2] ||
      null,
    text,
    createdAt: parseTime(visibleText(el.querySelector(C.commentTime)), page.now, page.locale),
    likes: parseCount(visibleText(el.querySelector(`[id="vote-arrows-t1_${id}"] > div`)), page.locale),
  };
}

function oldComment(el: Element, page: PageContext): RawComment | null {
  const id = baseId(el.getAttribute('data-fullname'), 't1');
  const text = blockText(el.querySelector(REDDIT.old.commentText));
  if (!id || !text) return null;
  // Replies are nested inside the comment they answer; a top-level comment answers the post.
  const parent = el.parentElement?.closest(REDDIT.old.comment)?.getAttribute('data-fullname');
  return {
    id,
    depth: null,
    parent: parent ?? `t3_${pagePostId(page) ?? ''}`,
    handle: el.getAttribute('data-author'),
    text,
    createdAt: timeOf(el.querySelector(':scope > .entry .tagline'), page),
    likes: exact(el.querySelector(REDDIT.old.commentScore)?.getAttribute('title')),
  };
}

/** Reads each element into `out`; one odd comment must not cost the others. */
function each(
  elements: Iterable<Element>,
  read: (el: Element) => RawComment | null,
  out: RawComment[],
): void {
  for (const el of elements) {
    try {
      const c = read(el);
      if (c) out.push(c);
    } catch {
      // Skipped: the page shows it, but not in a shape that can be read.
    }
  }
}

/**
 * Comments of the open post in page order. A comment's parent is the one the page names; else the
 * nearest comment above it one level up (threads are drawn depth-first); top-level comments have none.
 */
function readComments(page: PageContext): CommentSnapshot[] {
  const postId = pagePostId(page);
  if (page.kind !== 'post' || !postId) return [];
  const open = findPosts(page.doc).find((el) => {
    try {
      return readPost(el, page)?.id === postId;
    } catch {
      return false;
    }
  });
  const postAuthor = open ? cleanHandle(readPost(open, page)?.handle) : null;
  const raw: RawComment[] = [];
  each(page.doc.querySelectorAll(REDDIT.shreddit.comment), (el) => shredditComment(el, page), raw);
  if (raw.length === 0)
    each(page.doc.querySelectorAll(REDDIT.old.comment), (el) => oldComment(el, page), raw);
  if (raw.length === 0)
    each(page.doc.querySelectorAll(REDDIT.classic.comment), (el) => classicComment(el, page), raw);
  const stack: { id: string; depth: number }[] = [];
  return raw.map((c) => {
    let parentId: string | null = null;
    if (c.parent) parentId = c.parent.startsWith('t1_') ? baseId(c.parent, 't1') : null;
    else if (c.depth !== null && Number.isFinite(c.depth)) {
      while (stack.length > 0 && stack[stack.length - 1]!.depth >= c.depth) stack.pop();
      parentId = c.depth > 0 ? (stack[stack.length - 1]?.id ?? null) : null;
    }
    if (c.depth !== null && Number.isFinite(c.depth)) stack.push({ id: c.id, depth: c.depth });
    const handle = cleanHandle(c.handle === '[deleted]' ? null : c.handle);
    return {
      id: c.id,
      postId,
      parentId,
      author: { handle, name: null },
      text: collapseWhitespace(c.text),
      createdAt: c.createdAt,
      likes: c.likes?.value ?? null,
      byPostAuthor: !!handle && handle === postAuthor,
    };
  });
}

/** Pages whose body is not drawn yet (or saved as <head> only): the post from its meta tags. */
function readEmbedded(page: PageContext): EmbeddedData {
  const ogUrl =
    metaValue(page.doc, 'og:url') ?? page.doc.querySelector('link[rel="canonical"]')?.getAttribute('href');
  let id: string | null = null;
  let url: string | null = null;
  try {
    const parsed = new URL(ogUrl ?? page.url.href, page.url);
    id = POST_PATH.exec(parsed.pathname)?.[1]?.toLowerCase() ?? null;
    url = id ? `${ORIGIN}${parsed.pathname}` : null;
  } catch {
    return {};
  }
  if (!id) return {};
  const title =
    (metaValue(page.doc, 'og:title') ?? '').replace(/^.*?\bReddit:\s*/, '').replace(/^r\/\S+\s+-\s+/, '') ||
    (page.doc.title ?? '').replace(/\s+:\s+r\/\S+\s*$/, '');
  const description = metaValue(page.doc, 'description') ?? '';
  const summary = /\bvotes?\b.*\bcomments?\b/i.test(description) ? '' : description;
  const post = buildPost({
    id,
    url,
    text: joinText(title, summary),
    counts: descriptionCounts(page),
    media: metaValue(page.doc, 'og:video') ? 'video' : 'text',
  });
  return { posts: post ? [post] : [] };
}

/** A JSON listing the page fetched (`….json`): posts with exact scores, and a thread's comments. */
function readResponse(json: unknown, _url: URL, page: PageContext): EmbeddedData {
  const data = readListing(json);
  const posts = data.posts
    .map((f) => buildPost({ ...f, createdAt: f.createdAt ? parseTime(f.createdAt, page.now) : null }))
    .filter((p): p is PostSnapshot => p !== null);
  return { posts, comments: data.comments, raw: data.raw };
}

export const redditAdapter: Adapter = {
  id: 'reddit',
  version: '1.0.0',
  pageKind,
  findPosts: (root) => findPosts(root),
  readPost,
  readComments: (page) => readComments(page),
  readEmbedded,
  readResponse,
};
