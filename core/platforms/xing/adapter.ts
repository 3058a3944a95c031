/**
 * XING: the news feed (start page), member and company pages, single posts. Built without a real capture
 * (see selectors.ts): every field it cannot find stays empty, and posts without a permalink are not read.
 */
import type { Metric, PageKind, ProfileSnapshot } from '../../model';
import type { ParsedCount } from '../../parse/count';
import { parseTime } from '../../parse/time';
import type { Adapter, PageContext, PostFields } from '../adapter';
import { timeOf, visibleText } from '../dom';
import { phraseCounts, statementOf } from '../phrase-counts';
import { AUTHOR_PATH, METRIC_PHRASES, PERMALINKS, PROFILE_PHRASES, PROMOTED_LABELS, XG } from './selectors';

const ORIGIN = 'https://www.xing.com';

/** `decodeURIComponent` that keeps malformed input as it is instead of throwing. */
function decoded(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function postIdOf(path: string): string | null {
  for (const re of PERMALINKS) {
    const m = re.exec(path);
    if (m) return decoded(m[1]!);
  }
  return null;
}

function pathOf(href: string | null, base: URL): string {
  try {
    return href ? new URL(href, base).pathname : '';
  } catch {
    return '';
  }
}

function pageKind(url: URL): PageKind {
  const path = url.pathname;
  if (postIdOf(path)) return 'post';
  if (path === '/' || /^\/(discover\/updates|discover\/your-posts|news|feed)\/?$/.test(path)) return 'feed';
  if (AUTHOR_PATH.test(path) || /^\/pages\/[^/]+\/(news|posts)\/?$/.test(path)) return 'profile';
  if (path.startsWith('/search')) return 'search';
  return 'other';
}

function findPosts(root: ParentNode): Element[] {
  const all = [...root.querySelectorAll(XG.post)];
  return all.filter((el) => !all.some((outer) => outer !== el && outer.contains(el)));
}

/** A time shown as text in the post's header ("vor 5 Stunden", "3 days ago"), before the post's text. */
function relativeTime(root: Element, textEl: Element | null, page: PageContext): string | null {
  for (const el of root.querySelectorAll('span, div, p')) {
    if (
      el.childElementCount > 0 ||
      (textEl && (textEl.contains(el) || (textEl.compareDocumentPosition(el) & 4) !== 0))
    )
      continue;
    const text = visibleText(el);
    const at = text.length <= 30 ? parseTime(text, page.now, page.locale) : null;
    if (at) return at;
  }
  return null;
}

function readPost(root: Element, page: PageContext): PostFields | null {
  const links = [...root.querySelectorAll('a[href]')];
  const permalink =
    links.find((a) => a.querySelector('time') && postIdOf(pathOf(a.getAttribute('href'), page.url))) ??
    links.find((a) => postIdOf(pathOf(a.getAttribute('href'), page.url)));
  const path = permalink ? pathOf(permalink.getAttribute('href'), page.url) : '';
  const authorLink = links.find(
    (a) => AUTHOR_PATH.test(pathOf(a.getAttribute('href'), page.url)) && visibleText(a),
  );
  const textEl =
    XG.text
      .map((s) => [...root.querySelectorAll(s)].find((el) => !el.closest('a') && visibleText(el).length > 0))
      .find((el) => el) ?? null;
  const counts: Partial<Record<Metric, ParsedCount | null>> = phraseCounts(
    root,
    METRIC_PHRASES,
    page.locale,
    {
      skip: (el) => el === textEl,
    },
  );
  const leaves = [...root.querySelectorAll('span, div, p')].filter((el) => el.childElementCount === 0);
  return {
    id: postIdOf(path),
    url: path ? `${ORIGIN}${path}` : null,
    handle: authorLink
      ? decoded(AUTHOR_PATH.exec(pathOf(authorLink.getAttribute('href'), page.url))![1]!)
      : null,
    name: authorLink ? visibleText(authorLink) : null,
    text: visibleText(textEl),
    createdAt: timeOf(root, page) ?? relativeTime(root, textEl, page),
    counts,
    media: root.querySelector('video')
      ? 'video'
      : [...root.querySelectorAll('img')].some(
            (img) => !img.closest('a[href*="/profile/"], a[href*="/pages/"]'),
          )
        ? 'image'
        : 'text',
    promoted: leaves.some((el) => PROMOTED_LABELS.includes((el.textContent ?? '').trim())),
  };
}

function readProfile(page: PageContext): ProfileSnapshot | null {
  if (page.kind !== 'profile') return null;
  const slug = /^\/(?:profile|pages)\/([^/?#]+)/.exec(page.url.pathname)?.[1];
  const root = page.doc.querySelector('main') ?? page.doc.body;
  if (!slug || !root) return null;
  const followers = statementOf(root, PROFILE_PHRASES.followers ?? [], page.locale, (el) =>
    el.matches(XG.post),
  );
  const name = root.querySelector('h1');
  if (!name && !followers) return null;
  return {
    handle: decoded(slug),
    name: visibleText(name) || null,
    followers: followers?.count.value ?? null,
    following: null,
    posts: null,
  };
}

export const xingAdapter: Adapter = {
  id: 'xing',
  version: '1.0.0',
  pageKind,
  findPosts,
  readPost,
  readProfile,
};
