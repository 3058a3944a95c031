/** Threads (threads.net, threads.com): home feed, profile, post page with its replies, search. */
import type { CommentSnapshot, Metric, PageKind, PostSnapshot, ProfileSnapshot } from '../../model';
import { type ParsedCount, parseCount } from '../../parse/count';
import type { Adapter, EmbeddedData, PageContext, PostFields } from '../adapter';
import { buildPost } from '../adapter';
import { timeOf, visibleText } from '../dom';
import { countBesideIcon, hasIcon, phraseCounts, statementOf } from '../phrase-counts';
import { embeddedThreads, readThreadsJson } from './data';
import {
  ICON_LABELS,
  METRIC_PHRASES,
  POST_PATH,
  PROFILE_PATH,
  PROFILE_PHRASES,
  PROMOTED_LABELS,
  REPOST_WORDS,
  TH,
} from './selectors';

const ZERO: ParsedCount = { value: 0, approx: false };

function pageKind(url: URL): PageKind {
  const path = url.pathname;
  if (path === '/' || path === '/for_you' || path === '/following') return 'feed';
  if (POST_PATH.test(path)) return 'post';
  if (path.startsWith('/search')) return 'search';
  if (PROFILE_PATH.test(path) || /^\/@[^/]+\/(replies|reposts|media)\/?$/.test(path)) return 'profile';
  return 'other';
}

function pathOf(href: string | null): string {
  if (!href) return '';
  try {
    return new URL(href, 'https://www.threads.com').pathname;
  } catch {
    return '';
  }
}

/** Elements of a post that belong to it, not to a quoted post nested inside it. */
function own(root: Element, selector: string): Element[] {
  return [...root.querySelectorAll(selector)].filter((el) => el.parentElement?.closest(TH.post) === root);
}

interface Permalink {
  handle: string;
  code: string;
  link: Element;
}

function permalinkOf(root: Element): Permalink | null {
  const links = own(root, 'a[href*="/post/"]');
  const link = links.find((a) => a.querySelector('time')) ?? links[0];
  const m = link ? POST_PATH.exec(pathOf(link.getAttribute('href'))) : null;
  return link && m ? { handle: m[1]!, code: m[2]!, link } : null;
}

/** The post's text: the longest own text block that is not the author's name, a count or the time. */
function textOf(root: Element, handle: string): string {
  let best = '';
  for (const el of own(root, TH.text)) {
    if (el.closest('a[href^="/@"]') || el.parentElement?.closest(TH.text)) continue;
    const text = visibleText(el);
    if (text.length > best.length && text !== handle && !parseCount(text)) best = text;
  }
  return best;
}

function readCounts(root: Element, page: PageContext): Partial<Record<Metric, ParsedCount | null>> {
  const quoted = [...root.querySelectorAll(TH.post)].filter((el) => el !== root);
  const counts: Partial<Record<Metric, ParsedCount | null>> = phraseCounts(
    root,
    METRIC_PHRASES,
    page.locale,
    {
      // The post's own words ("100 likes already!") are not a count label.
      skip: (el) => quoted.includes(el) || el.matches(TH.text),
    },
  );
  // Icons of a quoted post must not lend their counts: read a copy without the quoted posts.
  const self = quoted.length === 0 ? root : (root.cloneNode(true) as Element);
  if (self !== root) for (const q of self.querySelectorAll(TH.post)) q.remove();
  for (const [metric, labels] of Object.entries(ICON_LABELS) as [Metric, readonly string[]][]) {
    // Threads draws the button without a number when the count is 0 (as X does).
    counts[metric] ??= countBesideIcon(self, labels, page.locale) ?? (hasIcon(self, labels) ? ZERO : null);
  }
  return counts;
}

function repostedBy(root: Element, author: string): string | null {
  for (const a of own(root, 'a[href^="/@"]')) {
    const handle = PROFILE_PATH.exec(pathOf(a.getAttribute('href')))?.[1];
    if (!handle || handle === author) continue;
    const line = visibleText(a.parentElement).toLowerCase();
    if (REPOST_WORDS.some((w) => line.includes(w))) return handle;
  }
  return null;
}

function readPost(root: Element, page: PageContext): PostFields | null {
  const permalink = permalinkOf(root);
  if (!permalink) return null;
  const { handle, code, link } = permalink;
  const video = own(root, TH.video).length > 0;
  const images = own(root, TH.image).length > 0;
  const leaves = own(root, 'span, div').filter((el) => el.childElementCount === 0);
  return {
    id: code,
    url: `https://www.threads.com/@${handle}/post/${code}`,
    handle,
    text: textOf(root, handle),
    createdAt: timeOf(link, page),
    counts: readCounts(root, page),
    media: video && images ? 'mixed' : video ? 'video' : images ? 'image' : 'text',
    promoted: leaves.some((el) => PROMOTED_LABELS.includes((el.textContent ?? '').trim())),
    repostedBy: repostedBy(root, handle),
  };
}

/** Outermost post containers; on a post page only the open post and the thread above it (replies are comments). */
function findPosts(root: ParentNode, page: PageContext): Element[] {
  const all = [...root.querySelectorAll(TH.post)].filter((el) => !el.parentElement?.closest(TH.post));
  if (page.kind !== 'post') return all;
  const code = POST_PATH.exec(page.url.pathname)?.[2];
  const at = all.findIndex((el) => permalinkOf(el)?.code === code);
  return at < 0 ? all : all.slice(0, at + 1);
}

function readComments(page: PageContext, posts: readonly PostSnapshot[]): CommentSnapshot[] {
  if (page.kind !== 'post') return [];
  const code = POST_PATH.exec(page.url.pathname)?.[2];
  const open = posts.find((p) => p.id === code);
  if (!open) return [];
  const all = [...page.doc.querySelectorAll(TH.post)].filter((el) => !el.parentElement?.closest(TH.post));
  const at = all.findIndex((el) => permalinkOf(el)?.code === code);
  const out: CommentSnapshot[] = [];
  for (const el of all.slice(at + 1)) {
    const fields = readPost(el, page);
    const reply = fields ? buildPost(fields) : null;
    if (!reply) continue;
    out.push({
      id: reply.id,
      postId: open.id,
      // Threads nests reply chains visually, not in the markup: every reply is read as a direct one.
      parentId: null,
      author: reply.author,
      text: reply.text,
      createdAt: reply.createdAt,
      likes: reply.metrics.likes,
      byPostAuthor: reply.author.handle !== null && reply.author.handle === open.author.handle,
    });
  }
  return out;
}

function readProfile(page: PageContext): ProfileSnapshot | null {
  if (page.kind !== 'profile') return null;
  const handle = /^\/@([^/]+)/.exec(page.url.pathname)?.[1];
  const main = page.doc.querySelector('main') ?? page.doc.body;
  if (!handle || !main) return null;
  // The header's counts, not the "12 Follower" of someone mentioned in a post below it.
  const followers = statementOf(main, PROFILE_PHRASES.followers ?? [], page.locale, (el) =>
    el.matches(TH.post),
  );
  const h1 = main.querySelector('h1');
  if (!h1 && !followers) return null;
  return {
    handle,
    name: visibleText(h1) || null,
    followers: followers?.count.value ?? null,
    following: null,
    posts: null,
  };
}

/** The posts and replies in the page's embedded JSON (exact counts, `taken_at`). */
function readEmbedded(page: PageContext): EmbeddedData {
  return embeddedThreads(page);
}

function readResponse(json: unknown, _url: URL, page: PageContext): EmbeddedData {
  return readThreadsJson([json], page, 'response');
}

export const threadsAdapter: Adapter = {
  id: 'threads',
  version: '1.1.0',
  pageKind,
  findPosts,
  readPost,
  readProfile,
  readComments,
  readEmbedded,
  readResponse,
};
