/** X (Twitter): timeline, profile, status and search pages; logged-out status pages via Open Graph. */
import type { Metric, PageKind, PostSnapshot, ProfileSnapshot } from '../../model';
import type { ParsedCount } from '../../parse/count';
import { countInLabel } from '../../parse/count';
import { parseTime } from '../../parse/time';
import type { Adapter, EmbeddedData, PageContext, PostFields } from '../adapter';
import { buildPost } from '../adapter';
import { absoluteUrl, countOf, first, labelOf, meta, timeOf, visibleText } from '../dom';
import { readTweets, readUser } from './graphql';
import { timeFromStatusId } from './ids';
import { METRIC_WORDS, POSTS_WORDS, PROMOTED_LABELS, REPOST_WORDS, RESERVED_PATHS, X } from './selectors';

const STATUS_PATH = /^\/([A-Za-z0-9_]{1,15})\/status(?:es)?\/(\d{5,25})/;

function pageKind(url: URL): PageKind {
  const parts = url.pathname.split('/').filter(Boolean);
  const head = parts[0]?.toLowerCase();
  if (!head || head === 'home') return 'feed';
  if (head === 'search' || head === 'hashtag' || head === 'explore') return 'search';
  if (STATUS_PATH.test(url.pathname)) return 'post';
  if (head === 'i' || RESERVED_PATHS.has(head)) return 'other';
  return 'profile';
}

/**
 * A post's parts, found in one pass: elements by `data-testid` and status links, leaving out those
 * of a quoted post inside it. Reading a post then costs one query instead of one per field.
 */
interface Parts {
  byId: Map<string, Element[]>;
  statusLinks: Element[];
  hasVideoTag: boolean;
}

function partsOf(article: Element): Parts {
  const quoted: Element[] = [];
  const all = article.querySelectorAll('[data-testid], a[href*="/status/"], video');
  for (const el of all) {
    if (el.getAttribute('data-testid') !== X.ids.userName) continue;
    const block = el.closest(X.quoted);
    if (block && block !== article && article.contains(block) && !quoted.includes(block)) quoted.push(block);
  }
  const parts: Parts = { byId: new Map(), statusLinks: [], hasVideoTag: false };
  for (const el of all) {
    if (quoted.some((block) => block.contains(el))) continue;
    const id = el.getAttribute('data-testid');
    if (id) {
      const list = parts.byId.get(id);
      if (list) list.push(el);
      else parts.byId.set(id, [el]);
    }
    if (el.tagName === 'A' && (el.getAttribute('href') ?? '').includes('/status/'))
      parts.statusLinks.push(el);
    if (el.tagName === 'VIDEO') parts.hasVideoTag = true;
  }
  return parts;
}

function part(parts: Parts, ...ids: readonly string[]): Element | null {
  for (const id of ids) {
    const found = parts.byId.get(id)?.[0];
    if (found) return found;
  }
  return null;
}

const LABEL_PARTS = /[,،、，]\s*|\s+(?:und|and|et|y|e|en|i|ve)\s+/;

/** The metric a label part names, by the words of every UI language X ships. */
function metricOf(part: string): keyof typeof METRIC_WORDS | undefined {
  const lower = part.toLowerCase();
  return (Object.keys(METRIC_WORDS) as (keyof typeof METRIC_WORDS)[]).find((m) =>
    METRIC_WORDS[m].some((word) => lower.includes(word)),
  );
}

/** Reads the one metrics label ("48 replies, 152 reposts, …"); X leaves a count out when it is 0. */
function countsFromGroup(
  label: string,
  locale: string | null,
): Partial<Record<Metric, ParsedCount | null>> | null {
  const counts: Partial<Record<Metric, ParsedCount | null>> = {};
  let understood = 0;
  let numbered = 0;
  for (const part of label.split(LABEL_PARTS)) {
    const count = countInLabel(part, locale);
    if (count) numbered++;
    const metric = metricOf(part);
    if (metric && count) {
      counts[metric] = count;
      understood++;
    }
  }
  // Some part with a number in words we do not know: the label is not understood.
  if (understood < numbered || (understood === 0 && label.trim() !== '')) return null;
  // Zero is shown by omission: a metric X always offers but left out of the label is 0.
  for (const metric of ['comments', 'shares', 'likes', 'saves'] as const) {
    counts[metric] ??= { value: 0, approx: false };
  }
  return counts;
}

/** Whether a count shown on a button (perhaps "1.2K") is the label's exact `value`. */
function sameCount(shown: ParsedCount, value: number): boolean {
  return shown.approx ? Math.abs(shown.value - value) <= shown.value * 0.05 + 1 : shown.value === value;
}

/**
 * The label in a UI language whose words we do not know: its numbers are the replies, reposts,
 * likes, bookmarks and views in that order, each left out at 0. Those the buttons and the analytics
 * link show are matched and removed; the one left over is the bookmarks (which the bookmark button
 * does not show), so "28 书签" is not lost.
 */
function countsByElimination(
  label: string,
  known: Partial<Record<Metric, ParsedCount | null>>,
  locale: string | null,
): ParsedCount | null {
  const numbers = label
    .split(LABEL_PARTS)
    .map((part) => countInLabel(part, locale)?.value)
    .filter((n): n is number => n !== undefined);
  for (const metric of ['comments', 'shares', 'likes', 'views'] as const) {
    const shown = known[metric];
    if (!shown || shown.value === 0) continue;
    const at = numbers.findIndex((n) => sameCount(shown, n));
    if (at < 0) return null; // the label and the buttons disagree: do not guess
    numbers.splice(at, 1);
  }
  if (numbers.length === 0) return { value: 0, approx: false };
  return numbers.length === 1 ? { value: numbers[0]!, approx: false } : null;
}

function readCounts(
  article: Element,
  parts: Parts,
  locale: string | null,
): Partial<Record<Metric, ParsedCount | null>> {
  // Quoted posts carry no action bar, so the first one in the article is the outer post's.
  const group = article.querySelector(X.metricsGroup);
  const label = group ? (labelOf(group) ?? '') : '';
  const fromGroup = group ? countsFromGroup(label, locale) : null;
  // The label is there but in words we do not know: an empty button is then not known to be 0.
  const unread = group !== null && fromGroup === null && /\d/.test(label);
  const counts: Partial<Record<Metric, ParsedCount | null>> = { ...fromGroup };
  for (const [metric, ids] of Object.entries(X.buttons) as [Metric, readonly string[]][]) {
    const button = counts[metric] ? null : part(parts, ...ids);
    // A button with no number means 0: X hides these counts at zero.
    if (button) counts[metric] = countOf(button, locale) ?? (unread ? null : { value: 0, approx: false });
  }
  if (!counts.views) {
    const analytics = parts.statusLinks.find((a) => a.getAttribute('href')?.endsWith('/analytics'));
    counts.views = countOf(analytics ?? null, locale);
  }
  if (unread && !counts.saves) counts.saves = countsByElimination(label, counts, locale);
  return counts;
}

function media(parts: Parts): PostFields['media'] {
  const kinds: PostFields['media'][] = [];
  const video = parts.hasVideoTag || part(parts, ...X.ids.video) !== null;
  if (video) kinds.push('video');
  else if (part(parts, X.ids.photo)) kinds.push('image');
  if (part(parts, X.ids.poll)) kinds.push('poll');
  if (kinds.length === 0 && part(parts, X.ids.card)) kinds.push('link');
  if (kinds.length > 1) return 'mixed';
  return kinds[0] ?? 'text';
}

function readPost(article: Element, page: PageContext): PostFields | null {
  const parts = partsOf(article);
  const header = part(parts, X.ids.userName);
  const timeLink = parts.statusLinks.find((a) => a.querySelector('time'));
  const statusLink = timeLink ?? parts.statusLinks[0] ?? null;
  const path = statusLink ? new URL(statusLink.getAttribute('href') ?? '', page.url).pathname : '';
  const match = STATUS_PATH.exec(path);
  const handleLink = header?.querySelector('a[href^="/"]')?.getAttribute('href') ?? null;
  const handle = match?.[1] ?? handleLink?.slice(1) ?? null;
  const nameEl = header?.querySelector('a span') ?? header;
  const social = part(parts, X.ids.socialContext);
  const socialText = visibleText(social).toLowerCase();
  const reposter = REPOST_WORDS.some((w) => socialText.includes(w))
    ? (social?.closest('a')?.getAttribute('href') ?? social?.querySelector('a')?.getAttribute('href') ?? null)
    : null;
  const textEl = part(parts, X.ids.text);
  return {
    id: match?.[2] ?? null,
    url: match ? absoluteUrl(`/${match[1]}/status/${match[2]}`, page.url) : null,
    handle,
    name: visibleText(nameEl).replace(/@\S+.*$/, '') || null,
    text: visibleText(textEl),
    // The id says when the post was made, to the millisecond; the shown time is the fallback.
    createdAt: timeFromStatusId(match?.[2]) ?? (timeLink ? timeOf(timeLink, page) : null),
    counts: readCounts(article, parts, page.locale),
    media: media(parts),
    links: externalLinks(parts, textEl, page.url),
    promoted: !timeLink && isPromoted(article),
    repostedBy: reposter ? (reposter.replace(/^\//, '').split('/')[0] ?? null) : null,
  };
}

/** Links the post points to: those in its text and its link card, not X's own pages. */
function externalLinks(parts: Parts, textEl: Element | null, base: URL): string[] {
  const card = part(parts, X.ids.card);
  const anchors = [
    ...(textEl?.querySelectorAll('a[href]') ?? []),
    ...(card?.querySelectorAll('a[href]') ?? []),
  ];
  const urls = anchors
    .map((a) => absoluteUrl(a.getAttribute('href'), base))
    .filter((u): u is string => u !== null);
  return [...new Set(urls.filter((u) => new URL(u).origin !== base.origin))];
}

function isPromoted(article: Element): boolean {
  for (const span of article.querySelectorAll('span')) {
    if (span.childElementCount === 0 && PROMOTED_LABELS.includes((span.textContent ?? '').trim()))
      return true;
  }
  return false;
}

function readProfile(page: PageContext): ProfileSnapshot | null {
  if (page.kind !== 'profile') return null;
  const handle = page.url.pathname.split('/').filter(Boolean)[0];
  const header = first(page.doc, [X.profile.name]);
  if (!handle || !header) return null;
  const nameText = visibleText(header.querySelector('span') ?? header);
  const followers = page.doc.querySelector(X.profile.followers);
  const following = page.doc.querySelector(X.profile.following);
  return {
    handle,
    name: nameText.replace(/@\S+.*$/, '').trim() || null,
    followers: countOf(followers, page.locale)?.value ?? null,
    following: countOf(following, page.locale)?.value ?? null,
    posts: postsCount(page),
  };
}

/** The "1,234 posts" line under the name in the profile's top bar. */
function postsCount(page: PageContext): number | null {
  for (const heading of page.doc.querySelectorAll('h2[role="heading"]')) {
    const line = visibleText(heading.nextElementSibling);
    if (POSTS_WORDS.test(line)) return countInLabel(line, page.locale)?.value ?? null;
  }
  return null;
}

/** Logged-out and first-load status pages carry the post only in Open Graph tags. */
function readEmbedded(page: PageContext) {
  const ogUrl =
    meta(page.doc, 'og:url') ?? page.doc.querySelector('link[rel="canonical"]')?.getAttribute('href');
  const path = ogUrl ? safePath(ogUrl) : page.url.pathname;
  const match = STATUS_PATH.exec(path);
  if (!match) return {};
  const title = meta(page.doc, 'og:title') ?? '';
  const name = /^(.*?)\s*\(@/.exec(title)?.[1] ?? null;
  const post = buildPost({
    id: match[2] ?? null,
    url: `https://x.com/${match[1]}/status/${match[2]}`,
    handle: match[1] ?? null,
    name,
    text: meta(page.doc, 'og:description') ?? '',
    media: meta(page.doc, 'og:video')
      ? 'video'
      : meta(page.doc, 'og:image')?.includes('/media/')
        ? 'image'
        : 'text',
  });
  return { posts: post ? [post] : [] };
}

function safePath(href: string): string {
  try {
    return new URL(href).pathname;
  } catch {
    return '';
  }
}

/** A GraphQL response the page fetched: its timeline's posts, or the viewed profile. */
function readResponse(json: unknown, url: URL, page: PageContext): EmbeddedData {
  if (url.pathname.endsWith('/UserByScreenName')) return { profile: readUser(json) };
  const { fields, raw } = readTweets(json);
  const posts = fields
    .map((f) => buildPost({ ...f, createdAt: f.createdAt ? parseTime(f.createdAt, page.now) : null }))
    .filter((p): p is PostSnapshot => p !== null);
  return { posts, raw: raw.filter((r) => posts.some((p) => p.id === r.id)) };
}

export const xAdapter: Adapter = {
  id: 'x',
  version: '1.0.0',
  pageKind,
  findPosts: (root) => [...root.querySelectorAll(X.post)],
  readPost,
  readProfile,
  readEmbedded,
  readResponse,
};
