/**
 * LinkedIn: feed, member and company pages (with their post lists), single posts with comments, content
 * search; the public company page; LinkedIn's own feed JSON where a page embeds it in `<code>` elements.
 */
import type { CommentSnapshot, Metric, PageKind, PostSnapshot, ProfileSnapshot, RawItem } from '../../model';
import { type ParsedCount, parseCount } from '../../parse/count';
import { parseTime } from '../../parse/time';
import type { Adapter, EmbeddedData, PageContext, PostFields } from '../adapter';
import { buildPost } from '../adapter';
import { countOf, first, meta, visibleText } from '../dom';
import { countInPhrase, phraseCounts, statementOf } from '../phrase-counts';
import { commentActivity, isCard2026, keyUrns } from './cards2026';
import {
  AGE_LINE,
  ALT_NAME,
  HEADER_WORDS,
  LI,
  METRIC_PHRASES,
  POST_URN,
  PROFILE_PHRASES,
  PROMOTED_LABELS,
  REACTOR_OTHERS,
  REPOST_WORDS,
} from './selectors';
import { urnTime } from './urn';
import { activitiesByShare, documents, readVoyagerDocuments, responseDocuments } from './voyager';

const ORIGIN = 'https://www.linkedin.com';
const ZERO: ParsedCount = { value: 0, approx: false };

function pageKind(url: URL): PageKind {
  const path = url.pathname;
  if (/^\/feed\/update\//.test(path) || /^\/posts\//.test(path)) return 'post';
  if (/^\/feed\/?$/.test(path) || path === '/') return 'feed';
  if (/^\/search\//.test(path)) return 'search';
  if (/^\/(in|company|school|showcase)\/[^/]+/.test(path)) return 'profile';
  return 'other';
}

/** Country subdomains (uk., de.) serve public pages too; they are not in the host list, so recognise the markup. */
function recognize(doc: Document): boolean {
  const own = meta(doc, 'og:url') ?? doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? '';
  return (
    /^https:\/\/([a-z]{2,3}\.)?linkedin\.com\//.test(own) &&
    meta(doc, 'al:android:package') === 'com.linkedin.android'
  );
}

/** A list item (a profile's Featured or Activity carousel) linking to exactly one activity: a post card. */
function isLinkedCard(li: Element): boolean {
  const urns = new Set(
    [...li.querySelectorAll('a[href*="/feed/update/urn:li:activity:"]')].map(
      (a) => /urn:li:activity:(\d+)/.exec(a.getAttribute('href') ?? '')?.[1],
    ),
  );
  return urns.size === 1;
}

function findPosts(root: ParentNode): Element[] {
  const all = [
    ...root.querySelectorAll(LI.post),
    ...[...root.querySelectorAll('div[role="listitem"]')].filter(isCard2026),
    ...[...root.querySelectorAll('li')].filter(isLinkedCard),
  ];
  return all.filter((el) => !all.some((outer) => outer !== el && outer.contains(el)));
}

/** The post's urn: on the card, inside it, in any attribute, or in a link to it. */
function urnOf(card: Element): { type: string; digits: string } | null {
  const direct = ['data-activity-urn', 'data-urn', 'data-id'].map((a) => card.getAttribute(a) ?? '');
  for (const el of [card, ...card.querySelectorAll('[data-urn], [data-id]')]) {
    if (el !== card && el.closest(LI.comments)) continue;
    direct.push(el.getAttribute('data-urn') ?? '', el.getAttribute('data-id') ?? '');
  }
  for (const value of direct) {
    const m = POST_URN.exec(value);
    if (m && !value.startsWith('urn:li:comment')) return { type: m[1]!, digits: m[2]! };
  }
  // The 2026 feed: the card's comment tools name its activity (or only its ugcPost); its comments name the activity.
  const keyed = keyUrns(card);
  const activity = keyed.find((u) => u.type === 'activity');
  if (activity) return activity;
  const commented = commentActivity(card);
  if (commented) return { type: 'activity', digits: commented };
  for (const a of card.querySelectorAll('a[href*="urn:li:"], a[href*="-activity-"]')) {
    const href = decoded(a.getAttribute('href') ?? '');
    const m = POST_URN.exec(href) ?? /-activity-(\d{10,})-/.exec(href);
    if (m) return m.length === 3 ? { type: m[1]!, digits: m[2]! } : { type: 'activity', digits: m[1]! };
  }
  return keyed[0] ?? null;
}

/**
 * A card of the server-driven feed without any urn: the opaque per-post key of its `componentkey`, marked
 * `sdui:` so it is never mistaken for a LinkedIn urn. Whether the key survives a reload is not known.
 */
function cardKey(card: Element): string | null {
  const key = card.getAttribute('componentkey');
  if (!key?.startsWith('update-card-focus')) return null;
  const id = key.slice('update-card-focus'.length).replace(/FeedType_.*$/, '');
  return id ? `sdui:${id}` : null;
}

/** `decodeURIComponent` that keeps malformed input as it is instead of throwing. */
function decoded(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** The slug of a member, company, school or showcase page link. */
function handleOf(href: string | null | undefined): string | null {
  if (!href) return null;
  const m =
    /linkedin\.com\/(?:in|company|school|showcase)\/([^/?#]+)|^\/(?:in|company|school|showcase)\/([^/?#]+)/.exec(
      href,
    );
  const slug = m?.[1] ?? m?.[2];
  return slug ? decoded(slug) : null;
}

/** Header lines ("Anna reposted this", "Ben gefällt das") whose links name someone other than the author. */
function headerLines(card: Element, textEl: Element | null): Element[] {
  const lines = [...card.querySelectorAll(LI.header)];
  for (const el of card.querySelectorAll('p, span, div')) {
    if (textEl?.contains(el) || el.closest(LI.comments)) continue;
    const text = visibleText(el).toLowerCase();
    if (text.length < 120 && HEADER_WORDS.some((w) => text.includes(w)) && el.querySelector('a[href]'))
      lines.push(el);
  }
  return lines;
}

/**
 * The 2026 card's author: the last member or company link before the post's text (the lines above it
 * name who reacted, commented, reposted or follows the author; the author's own lockup comes last).
 */
function author2026(card: Element, textEl: Element | null): { handle: string | null; name: string | null } {
  const links = [
    ...card.querySelectorAll(
      'a[href*="/in/"], a[href*="/company/"], a[href*="/school/"], a[href*="/showcase/"]',
    ),
  ].filter((a) => !textEl?.contains(a) && (!textEl || (a.compareDocumentPosition(textEl) & 4) !== 0));
  const last = links.at(-1);
  const handle = handleOf(last?.getAttribute('href'));
  if (!handle) return { handle: null, name: null };
  const name = links
    .filter((a) => handleOf(a.getAttribute('href')) === handle)
    .map((a) => nameIn(visibleText(a)))
    .filter((t) => t && !/\d/.test(t))
    // The avatar's alt ("View Anna’s profile, open to work") is longer than the name line ("Anna").
    .sort((a, b) => a.length - b.length)[0];
  return { handle, name: name || null };
}

function authorOf(card: Element, headers: Element[]): { handle: string | null; name: string | null } {
  const outside = (a: Element) => !headers.some((h) => h.contains(a)) && !a.closest(LI.comments);
  const links = [
    ...LI.actorLink.flatMap((s) => [...card.querySelectorAll(s)]),
    ...card.querySelectorAll(
      'a[href*="/in/"], a[href*="/company/"], a[href*="/school/"], a[href*="/showcase/"]',
    ),
  ].filter(outside);
  const handle = links.map((a) => handleOf(a.getAttribute('href'))).find((h) => h) ?? null;
  const named = first(card, LI.actorName);
  const label = links
    .map((a) => a.getAttribute('aria-label') ?? '')
    .find((l) => /^View (?:profile|organization page) for /.test(l));
  const texts = links
    .filter((a) => handleOf(a.getAttribute('href')) === handle)
    .map((a) => nameIn(visibleText(a)));
  const name =
    (named && outside(named) ? visibleText(named) : '') ||
    label?.replace(/^View (?:profile|organization page) for /, '') ||
    texts.find((t) => t);
  return { handle, name: name || null };
}

/** A name from an avatar's alt text ("View Anna’s profile", "View company: Acme") or a name line ("Anna • 2nd"). */
function nameIn(text: string): string {
  const alt = ALT_NAME.map((re) => re.exec(text)?.[1]).find((n) => n);
  return (alt ?? text).replace(/\s*•.*$/, '').trim();
}

function repostedBy(headers: Element[]): string | null {
  for (const line of headers) {
    const text = visibleText(line).toLowerCase();
    if (!REPOST_WORDS.some((w) => text.includes(w))) continue;
    const handle = [...line.querySelectorAll('a[href]')]
      .map((a) => handleOf(a.getAttribute('href')))
      .find((h) => h);
    if (handle) return handle;
  }
  return null;
}

function ageOf(card: Element, textEl: Element | null, page: PageContext): string | null {
  const candidates = [
    ...card.querySelectorAll(`${LI.subDescription} span[aria-hidden="true"], ${LI.subDescription}, time`),
    ...[...card.querySelectorAll('p, span')].filter(
      (el) => el.childElementCount === 0 && /•/.test(el.textContent ?? ''),
    ),
    // 2026: "20h • " and the visibility icon share one paragraph.
    ...[...card.querySelectorAll('p, span')].filter(
      (el) => el.childElementCount > 0 && /•/.test(ownText(el)),
    ),
  ];
  for (const el of candidates) {
    if (textEl?.contains(el) || el.closest(LI.comments)) continue;
    const m = AGE_LINE.exec(el.childElementCount > 0 ? ownText(el) : visibleText(el));
    const at = m ? parseTime(m[1]!, page.now, page.locale) : null;
    if (at) return at;
  }
  return null;
}

/** The text of an element's own text nodes, not its children's. */
function ownText(el: Element): string {
  let text = '';
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 3) text += n.nodeValue ?? '';
  return text;
}

function readCounts(
  card: Element,
  textEl: Element | null,
  page: PageContext,
): Partial<Record<Metric, ParsedCount | null>> {
  const counts: Partial<Record<Metric, ParsedCount | null>> = phraseCounts(
    card,
    METRIC_PHRASES,
    page.locale,
    {
      skip: (el) => el === textEl || el.matches(LI.comments),
    },
  );
  const exact = (selector: string, attr: string) =>
    parseCount(card.querySelector(selector)?.getAttribute(attr) ?? '');
  counts.likes =
    exact(LI.numReactions, 'data-num-reactions') ??
    countOf(card.querySelector(LI.reactionsCount), page.locale) ??
    counts.likes ??
    reactorsPlusOne(card, textEl, page) ??
    null;
  counts.comments = exact(LI.numComments, 'data-num-comments') ?? counts.comments ?? null;
  // Both renderings leave a count out when it is 0 (and the bar out when all are).
  if (card.querySelector(LI.countsBar)) {
    for (const metric of ['likes', 'comments', 'shares'] as const) counts[metric] ??= ZERO;
  } else if (card.querySelector(`${LI.numReactions}, ${LI.numComments}`)) {
    for (const metric of ['likes', 'comments'] as const) counts[metric] ??= ZERO;
  }
  return counts;
}

/**
 * "Anna and 29 others reacted": the named reactor plus the others, i.e. 30 reactions. The 2026 feed
 * writes its reaction count only this way (a visually hidden span and the visible line).
 */
function reactorsPlusOne(card: Element, textEl: Element | null, page: PageContext): ParsedCount | null {
  const others = phraseCounts(card, { likes: REACTOR_OTHERS }, page.locale, {
    skip: (el) => el === textEl || el.matches(LI.comments),
  }).likes;
  return others ? { value: others.value + 1, approx: others.approx } : null;
}

function mediaOf(card: Element): PostFields['media'] {
  if (card.querySelector(LI.poll)) return 'poll';
  if (card.querySelector(LI.video)) return 'video';
  if (card.querySelector(`${LI.image}, ${LI.document}`)) return 'image';
  if (card.querySelector(LI.article)) return 'link';
  return 'text';
}

function isPromoted(card: Element, textEl: Element | null): boolean {
  for (const el of card.querySelectorAll('span, p, div, a')) {
    if (el.childElementCount > 0 || textEl?.contains(el) || el.closest(LI.comments)) continue;
    const text = (el.textContent ?? '').trim();
    if (text.length < 60 && PROMOTED_LABELS.some((w) => new RegExp(`(^|\\s|•)${w}(\\s|•|$)`).test(text)))
      return true;
  }
  return false;
}

function readPost(card: Element, page: PageContext): PostFields | null {
  const urn = urnOf(card);
  const textEl = first(card, LI.text);
  const headers = headerLines(card, textEl);
  const reposter = repostedBy(headers);
  const author = isCard2026(card) ? author2026(card, textEl) : authorOf(card, headers);
  // A card that names only its ugcPost (2026) gets its activity from the page's data when the data has it.
  const activity =
    urn && urn.type !== 'activity'
      ? activitiesByShare(embeddedDocuments(page.doc)).get(urn.digits)
      : undefined;
  if (activity && urn) Object.assign(urn, { type: 'activity', digits: activity });
  const id = urn ? `urn:li:${urn.type}:${urn.digits}` : cardKey(card);
  // The time shown is the content's: a repost's own activity is younger than the post it shares.
  const attributed = POST_URN.exec(card.getAttribute('data-attributed-urn') ?? '')?.[2];
  // Only an activity id is made when the post is published; a ugcPost id when it was drafted (a
  // scheduled post's is days older than the post), so its time is the shown age's, the id's the fallback.
  const createdAt =
    urnTime(attributed) ??
    (urn?.type === 'activity' && !reposter ? urnTime(urn.digits) : null) ??
    ageOf(card, textEl, page) ??
    (urn && !reposter ? urnTime(urn.digits) : null);
  const link = urn
    ? [...(card.parentElement ?? card).querySelectorAll('a[href]')].find((a) =>
        (a.getAttribute('href') ?? '').includes(urn.digits),
      )
    : undefined;
  const href = link?.getAttribute('href');
  return {
    id,
    url: href?.startsWith('https://')
      ? href.split('?')[0]!
      : urn
        ? `${ORIGIN}/feed/update/urn:li:${urn.type}:${urn.digits}/`
        : null,
    handle: author.handle,
    name: author.name,
    text: visibleText(textEl),
    createdAt,
    counts: readCounts(card, textEl, page),
    media: mediaOf(card),
    promoted: isPromoted(card, textEl),
    repostedBy: reposter,
  };
}

/**
 * The 2026 feed's comments: `componentkey="replaceableComment_urn:li:comment:(urn:li:activity:X,Y)"`
 * (the key repeats on nested wrappers: the outermost is the comment), the text in its
 * `expandable-text-box`, the author its first member or company link. The comment id carries its time.
 */
function readComments2026(page: PageContext, posts: readonly PostSnapshot[]): CommentSnapshot[] {
  const out: CommentSnapshot[] = [];
  for (const el of page.doc.querySelectorAll('[componentkey^="replaceableComment_urn:li:comment:"]')) {
    const key = el.getAttribute('componentkey') ?? '';
    let outer = el.parentElement?.closest('[componentkey^="replaceableComment_"]') ?? null;
    while (outer && outer.getAttribute('componentkey') !== key)
      outer = outer.parentElement?.closest('[componentkey^="replaceableComment_"]') ?? null;
    if (outer) continue;
    const id = key.slice('replaceableComment_'.length);
    const m = /^urn:li:comment:\(urn:li:(activity|ugcPost|share):(\d+),(\d+)\)$/.exec(id);
    if (!m || out.some((c) => c.id === id)) continue;
    const postId = `urn:li:${m[1]}:${m[2]}`;
    const author = el.querySelector('a[href*="/in/"], a[href*="/company/"]');
    const handle = handleOf(author?.getAttribute('href'));
    let parent = el.parentElement?.closest('[componentkey^="replaceableComment_urn:li:comment:"]') ?? null;
    while (parent && parent.getAttribute('componentkey') === key)
      parent = parent.parentElement?.closest('[componentkey^="replaceableComment_urn:li:comment:"]') ?? null;
    const likes = phraseCounts(el, { likes: METRIC_PHRASES.likes ?? [] }, page.locale).likes;
    out.push({
      id,
      postId,
      parentId: parent
        ? (parent.getAttribute('componentkey') ?? '').slice('replaceableComment_'.length)
        : null,
      author: {
        handle,
        name:
          [...el.querySelectorAll('a[href*="/in/"], a[href*="/company/"]')]
            .map((a) => nameIn(visibleText(a)))
            .filter((t) => t && !/\d/.test(t))
            .sort((a, b) => a.length - b.length)[0] ?? null,
      },
      text: visibleText(el.querySelector('[data-testid="expandable-text-box"]')),
      createdAt: urnTime(m[3]),
      likes: likes?.value ?? null,
      byPostAuthor: handle !== null && handle === posts.find((p) => p.id === postId)?.author.handle,
    });
  }
  return out;
}

function readComments(page: PageContext, posts: readonly PostSnapshot[]): CommentSnapshot[] {
  const cards = findPosts(page.doc);
  const out: CommentSnapshot[] = [...readGuestComments(page, posts), ...readComments2026(page, posts)];
  for (const el of page.doc.querySelectorAll(LI.comment)) {
    const id = el.getAttribute('data-id') ?? '';
    const m = /urn:li:comment:\((?:urn:li:)?(activity|ugcPost|share):(\d+),(\d+)\)/.exec(id);
    if (!m) continue;
    const card = cards.find((c) => c.contains(el));
    const cardUrn = card ? urnOf(card) : null;
    const postId = cardUrn
      ? `urn:li:${cardUrn.type}:${cardUrn.digits}`
      : page.kind === 'post'
        ? (posts[0]?.id ?? null)
        : `urn:li:${m[1]}:${m[2]}`;
    if (!postId) continue;
    const post = posts.find((p) => p.id === postId);
    const nested = [...el.querySelectorAll(LI.comment)];
    const own = (x: Element) => !nested.some((n) => n.contains(x));
    const link = [...el.querySelectorAll('a[href*="/in/"], a[href*="/company/"]')].find(own);
    const handle = handleOf(link?.getAttribute('href'));
    const nameEl = LI.commentName.map((s) => [...el.querySelectorAll(s)].find(own)).find((x) => x);
    const textEl = LI.commentText.map((s) => [...el.querySelectorAll(s)].find(own)).find((x) => x) ?? null;
    const likes = phraseCounts(el, { likes: METRIC_PHRASES.likes ?? [] }, page.locale, {
      skip: (x) => x === textEl || nested.includes(x),
    }).likes;
    out.push({
      id,
      postId,
      parentId: el.parentElement?.closest(LI.comment)?.getAttribute('data-id') ?? null,
      author: { handle, name: visibleText(nameEl ?? link ?? null) || null },
      text: visibleText(textEl),
      createdAt: urnTime(m[3]),
      likes: likes?.value ?? null,
      byPostAuthor: handle !== null && handle === post?.author.handle,
    });
  }
  return out;
}

/**
 * The guest post view's comments (`section.comment`): the comment urn sits on its report link
 * (`data-semaphore-content-urn`), the count in `.comment__reactions-count` — twice, the hidden copy
 * being what the count would become with the reader's own reaction, so only the shown one is read.
 * The comment id carries its time.
 */
function readGuestComments(page: PageContext, posts: readonly PostSnapshot[]): CommentSnapshot[] {
  const out: CommentSnapshot[] = [];
  const seen = new Set<string>();
  for (const marker of page.doc.querySelectorAll('[data-semaphore-content-urn^="urn:li:comment:"]')) {
    const id = marker.getAttribute('data-semaphore-content-urn') ?? '';
    const m = /^urn:li:comment:\(urn:li:(activity|ugcPost|share):(\d+),(\d+)\)$/.exec(id);
    const box = marker.closest('section.comment, .comment');
    if (!m || !box || seen.has(id)) continue;
    seen.add(id);
    const named = `urn:li:${m[1]}:${m[2]}`;
    const postId = posts.some((p) => p.id === named)
      ? named
      : page.kind === 'post'
        ? (posts[0]?.id ?? named)
        : named;
    const author =
      box.querySelector('a.comment__author') ?? box.querySelector('a[href*="/in/"], a[href*="/company/"]');
    const handle = handleOf(author?.getAttribute('href'));
    const textEl = box.querySelector('.comment__text, [class*="attributed-text-segment-list__content"]');
    const shown = [...box.querySelectorAll('.comment__reactions-count')].find(
      (el) => !el.classList.contains('hidden'),
    );
    const likes = shown
      ? (countInPhrase(visibleText(shown), METRIC_PHRASES.likes ?? [], page.locale)?.count.value ?? null)
      : null;
    const parentBox = box.parentElement?.closest('section.comment, .comment');
    const parentUrn = parentBox
      ?.querySelector('[data-semaphore-content-urn^="urn:li:comment:"]')
      ?.getAttribute('data-semaphore-content-urn');
    const post = posts.find((p) => p.id === postId);
    out.push({
      id,
      postId,
      parentId: parentUrn ?? null,
      author: { handle, name: visibleText(author) || null },
      text: visibleText(textEl),
      createdAt: urnTime(m[3]),
      likes,
      byPostAuthor: handle !== null && handle === post?.author.handle,
    });
  }
  return out;
}

function readProfile(page: PageContext): ProfileSnapshot | null {
  if (page.kind !== 'profile') return null;
  const handle = handleOf(page.url.pathname);
  const root = page.doc.querySelector('main') ?? page.doc.body;
  if (!handle || !root) return null;
  const followers = statementOf(root, PROFILE_PHRASES.followers ?? [], page.locale, (el) =>
    el.matches(LI.post),
  );
  const name = root.querySelector('h1');
  if (!followers && !name) return null;
  return {
    handle,
    name: visibleText(name) || null,
    followers: followers?.count.value ?? null,
    following: null,
    posts: null,
  };
}

/** Posts and their raw updates (4CAT's LinkedIn items) from voyager documents. */
function fromVoyager(
  docs: Parameters<typeof readVoyagerDocuments>[0],
  source: RawItem['source'],
): EmbeddedData {
  const posts: PostSnapshot[] = [];
  const raw: RawItem[] = [];
  for (const read of readVoyagerDocuments(docs)) {
    const post = buildPost(read.fields);
    if (!post || posts.some((p) => p.id === post.id)) continue;
    posts.push(post);
    raw.push({ id: post.id, kind: 'post', source, data: read.raw });
  }
  return { posts, raw };
}

/** The page's voyager documents, parsed once per document until its `<code>` elements change. */
const embeddedCache = new WeakMap<Document, { texts: string[]; docs: ReturnType<typeof documents> }>();
function embeddedDocuments(doc: Document): ReturnType<typeof documents> {
  const texts = [...doc.querySelectorAll('code')].map((c) => c.textContent ?? '');
  const hit = embeddedCache.get(doc);
  if (hit && hit.texts.length === texts.length && hit.texts.every((t, i) => t === texts[i])) return hit.docs;
  const docs = documents(doc);
  embeddedCache.set(doc, { texts, docs });
  return docs;
}

function readResponse(json: unknown, _url: URL, _page: PageContext): EmbeddedData {
  return fromVoyager(responseDocuments(json), 'response');
}

/** The public page's meta description ("Audiense | 5,750 followers on LinkedIn."), and embedded feed JSON. */
function readEmbedded(page: PageContext): EmbeddedData {
  const out: EmbeddedData = {};
  const { posts, raw } = fromVoyager(embeddedDocuments(page.doc), 'embedded');
  if (posts && posts.length > 0) {
    out.posts = posts;
    out.raw = raw;
  }
  const handle = handleOf(page.url.pathname);
  const ogUrl = meta(page.doc, 'og:url') ?? '';
  if (page.kind === 'profile' && handle && handleOf(ogUrl) === handle) {
    const description = meta(page.doc, 'og:description') ?? meta(page.doc, 'description') ?? '';
    const m = /^(.*?) \| (.*?) on LinkedIn/.exec(description);
    const followers = m
      ? (countInPhrase(m[2]!, PROFILE_PHRASES.followers ?? [], page.locale)?.count.value ?? null)
      : null;
    if (m) out.profile = { handle, name: m[1] || null, followers, following: null, posts: null };
  }
  return out;
}

export const linkedinAdapter: Adapter = {
  id: 'linkedin',
  version: '1.1.0',
  recognize,
  pageKind,
  findPosts,
  readPost,
  readProfile,
  readComments,
  readEmbedded,
  readResponse,
};
