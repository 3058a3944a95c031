/**
 * TikTok: For You / Following feeds, profiles (header and video grid), video pages (the video and its
 * visible comments) and search cards; the embedded page state (state.ts) supplies what the DOM leaves
 * out: the 2022 feed cards' video ids and every video's creation time.
 */
import type { CommentSnapshot, Metric, PageKind, PostSnapshot, ProfileSnapshot } from '../../model';
import { type ParsedCount, parseCount } from '../../parse/count';
import { parseTime } from '../../parse/time';
import type { Adapter, EmbeddedData, PageContext, PostFields } from '../adapter';
import { buildPost, cleanHandle } from '../adapter';
import { countOf, first, visibleText } from '../dom';
import { commentsIn, itemsIn } from './api';
import { AD_WORDS, ALT_SUFFIX, COARSE_TIME, COMMENT, COUNTS, FEED_PATHS, PROFILE, TT } from './selectors';
import { type PageState, readState, type StateItem } from './state';

const POST_PATH = /^\/@([^/]+)\/(video|photo)\/(\d{5,25})/;

/** `decodeURIComponent` that keeps a malformed escape ("%E0") as written instead of throwing. */
function decodePart(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/** The video id and author a TikTok post link names, else null. */
export function postOf(
  href: string | null | undefined,
  base: URL | string = 'https://www.tiktok.com/',
): { handle: string; id: string; photo: boolean } | null {
  if (!href) return null;
  try {
    const m = POST_PATH.exec(new URL(href, base).pathname);
    return m?.[1] && m[3] ? { handle: decodePart(m[1]), id: m[3], photo: m[2] === 'photo' } : null;
  } catch {
    return null;
  }
}

function pageKind(url: URL): PageKind {
  const parts = url.pathname.split('/').filter(Boolean);
  const head = parts[0] ?? '';
  if (POST_PATH.test(url.pathname)) return 'post';
  if (head.startsWith('@')) return 'profile';
  if (head === 'search' || head === 'tag' || head === 'music') return 'search';
  // "/fr", "/de-DE": the For You feed in a chosen language.
  if (FEED_PATHS.has(head) || (parts.length === 1 && /^[a-z]{2}(-[A-Za-z]{2,4})?$/.test(head))) return 'feed';
  return 'other';
}

// ─── Embedded state, read once per page ─────────────────────────────────────────────────────────────

const states = new WeakMap<Document, PageState>();

function stateOf(doc: Document): PageState {
  let state = states.get(doc);
  if (!state) {
    state = readState(doc);
    states.set(doc, state);
  }
  return state;
}

/** Captions compared without any whitespace: the DOM spaces hashtags apart, the state may not. */
const sameText = (a: string, b: string) => a.replace(/\s+/g, '') === b.replace(/\s+/g, '');

/** The state's entry for a card: by id, else by author and caption (2022 feed cards carry no id). */
function stateItem(
  page: PageContext,
  id: string | null,
  handle: string | null,
  desc: string,
): StateItem | null {
  const items = stateOf(page.doc).items;
  if (id) return items.find((i) => i.id === id) ?? null;
  if (!handle) return null;
  const matches = items.filter(
    (i) => i.handle?.toLowerCase() === handle.toLowerCase() && sameText(i.desc, desc),
  );
  return matches.length === 1 ? (matches[0] ?? null) : null;
}

// ─── Posts ─────────────────────────────────────────────────────────────────────────────────────────

/** The element holding the open video on a video page: its caption's nearest block with counts and author. */
function detailRoot(doc: Document): Element | null {
  const desc = first(doc, [TT.desc[0], TT.desc[1]]);
  let withCounts: Element | null = null;
  for (let node = desc?.parentElement ?? null; node; node = node.parentElement) {
    if (!node.querySelector(COUNTS.likes?.join(', ') ?? '')) continue;
    withCounts ??= node;
    if (node.querySelector(TT.authorId.join(', '))) return node;
  }
  return withCounts;
}

/**
 * The upload time a TikTok id encodes: its top 32 bits are Unix seconds (ids since 2018 are
 * snowflakes; they agree with the state's createTime to within seconds). Null for ids outside
 * 2016 to tomorrow, which are not such ids.
 */
export function timeOfId(id: string, now: Date): string | null {
  if (!/^\d{15,25}$/.test(id)) return null;
  const seconds = Number(BigInt(id) >> 32n);
  const ms = seconds * 1000;
  return ms >= Date.UTC(2016, 0, 1) && ms <= now.getTime() + 86_400_000 ? new Date(ms).toISOString() : null;
}

function findPosts(root: ParentNode, page: PageContext): Element[] {
  if (page.kind === 'post') {
    const detail = detailRoot(page.doc);
    return detail && (root === page.doc || root.contains(detail)) ? [detail] : [];
  }
  const cards = [
    ...root.querySelectorAll(`${TT.feedItem}, ${TT.gridItem}`),
    ...[...root.querySelectorAll(TT.searchItem)].map((el) => el.parentElement ?? el),
  ];
  // Document order, each card once, no card inside another.
  const unique = [...new Set(cards)];
  return unique
    .filter((el) => !unique.some((other) => other !== el && other.contains(el)))
    .sort((a, b) => (a.compareDocumentPosition(b) & 4 ? -1 : 1));
}

/** The video id a card shows: player wrapper id, video source, or a permalink outside the caption. */
function idOf(
  card: Element,
  page: PageContext,
): { id: string; handle: string | null; photo: boolean } | null {
  const player = card.querySelector(TT.player) ?? (card.matches(TT.player) ? card : null);
  const fromPlayer = /^xgwrapper-\d+-(\d{5,25})$/.exec(player?.id ?? '')?.[1];
  if (fromPlayer) return { id: fromPlayer, handle: null, photo: false };
  const src = card.querySelector('video[src*="item_id="]')?.getAttribute('src');
  const fromSrc = src ? /[?&]item_id=(\d{5,25})/.exec(src)?.[1] : null;
  if (fromSrc) return { id: fromSrc, handle: null, photo: false };
  // A caption can link to another video ("#duet with @someone"): that is not this post.
  const captions = TT.desc.flatMap((s) => [...card.querySelectorAll(s)]);
  for (const a of card.querySelectorAll(TT.permalink)) {
    if (captions.some((c) => c.contains(a))) continue;
    const post = postOf(a.getAttribute('href'), page.url);
    if (post) return post;
  }
  if (page.kind === 'post' && card.ownerDocument === page.doc) {
    const post = postOf(page.url.href);
    if (post) return post;
  }
  return null;
}

function readCounts(card: Element, locale: string | null): Partial<Record<Metric, ParsedCount | null>> {
  const counts: Partial<Record<Metric, ParsedCount | null>> = {};
  for (const [metric, selectors] of Object.entries(COUNTS) as [Metric, readonly string[]][]) {
    const el = first(card, selectors);
    counts[metric] = el ? countOf(el, locale) : null;
  }
  return counts;
}

/** A shown time; relative ones in weeks or coarser are too vague for a timestamp. */
function timeFromText(text: string, page: PageContext): string | null {
  const s = text.replace(/^\s*·\s*/, '').trim();
  if (!s || COARSE_TIME.test(s)) return null;
  // TODO(parse): "3-12" (month-day, this year) is how TikTok dates this year's videos; parseTime reads
  // only day-first dashed dates, so the year is added here.
  const monthDay = /^(\d{1,2})-(\d{1,2})$/.exec(s);
  if (monthDay) {
    const iso = `${page.now.getUTCFullYear()}-${monthDay[1]?.padStart(2, '0')}-${monthDay[2]?.padStart(2, '0')}`;
    return parseTime(iso, page.now, page.locale);
  }
  return parseTime(s, page.now, page.locale);
}

function isPromoted(card: Element): boolean {
  if (card.querySelector(TT.adLabel)) return true;
  for (const el of card.querySelectorAll('span, div, p')) {
    if (el.childElementCount === 0 && AD_WORDS.includes((el.textContent ?? '').trim())) return true;
  }
  return false;
}

/**
 * Reads one card; `id` is null when neither the card nor the page state shows the video id (2022 feed
 * cards without state): such a card is counted as a candidate and not turned into a post.
 */
export function readCard(card: Element, page: PageContext): PostFields {
  const found = idOf(card, page);
  const authorLink = first(card, TT.authorLink);
  const linkHandle = /^\/@([^/?#]+)/.exec(authorLink?.getAttribute('href') ?? '')?.[1];
  const shownHandle = visibleText(first(card, TT.authorId));
  const pageHandle =
    page.kind === 'profile'
      ? page.url.pathname.split('/')[1]?.slice(1)
      : page.kind === 'post'
        ? postOf(page.url.href)?.handle
        : undefined;
  const handle = cleanHandle(
    found?.handle ?? (linkHandle ? decodePart(linkHandle) : null) ?? (shownHandle || null) ?? pageHandle,
  );
  const nickname = first(card, TT.authorName);
  // "Merveilleux123 · 6d ago": the nickname is the line's first part. A profile's grid shows none.
  const name = nickname
    ? visibleText(nickname).split('·')[0]?.trim() || null
    : page.kind === 'profile' && handle === cleanHandle(pageHandle)
      ? visibleText(page.doc.querySelector(PROFILE.name)) || null
      : null;
  const descEl = first(card, TT.desc);
  const alt = card.matches(TT.gridItem) ? (card.querySelector('img[alt]')?.getAttribute('alt') ?? '') : '';
  const text = descEl ? visibleText(descEl) : alt.replace(ALT_SUFFIX, '');
  const fromState = stateItem(page, found?.id ?? null, handle, text);
  const id = found?.id ?? fromState?.id ?? null;
  const shownTime = card.querySelector(TT.nicknameTime);
  const counts = readCounts(card, page.locale);
  return {
    id,
    url: handle
      ? `https://www.tiktok.com/@${handle}/${found?.photo || fromState?.isPhoto ? 'photo' : 'video'}/${id}`
      : null,
    handle,
    name: name ?? fromState?.name ?? null,
    text,
    createdAt: fromState?.createTime
      ? new Date(fromState.createTime * 1000).toISOString()
      : ((id ? timeOfId(id, page.now) : null) ?? timeFromText(visibleText(shownTime), page)),
    counts,
    media: found?.photo || fromState?.isPhoto || card.querySelector(TT.photo) ? 'image' : 'video',
    promoted: isPromoted(card),
  };
}

function readPost(card: Element, page: PageContext): PostFields | null {
  const fields = readCard(card, page);
  return fields.id ? fields : null;
}

// ─── Profile ───────────────────────────────────────────────────────────────────────────────────────

function readProfile(page: PageContext): ProfileSnapshot | null {
  if (page.kind !== 'profile') return null;
  const fromUrl = decodePart(page.url.pathname.split('/')[1]?.slice(1) ?? '');
  // 2022 shows the handle as the title and the name below it; 2026 the other way round: the handle
  // is whichever the URL names.
  const title = visibleText(page.doc.querySelector(PROFILE.handle));
  const subtitle = visibleText(page.doc.querySelector(PROFILE.name));
  const isUrlHandle = (text: string) =>
    !!fromUrl && cleanHandle(text)?.toLowerCase() === fromUrl.toLowerCase();
  const swapped = !isUrlHandle(title) && isUrlHandle(subtitle);
  const handle = cleanHandle(swapped ? subtitle : title || fromUrl);
  if (!handle) return null;
  const state = stateOf(page.doc).users.find((u) => u.handle.toLowerCase() === handle.toLowerCase());
  const shown = (selector: string) => countOf(page.doc.querySelector(selector), page.locale);
  /** Exact digits from the state beat the page's abbreviated "783.4K". */
  const pick = (dom: ParsedCount | null, exact: number | null | undefined) =>
    dom && !dom.approx ? dom.value : (exact ?? dom?.value ?? null);
  const followers = shown(PROFILE.followers);
  const following = shown(PROFILE.following);
  if (!followers && !following && !state) return null;
  return {
    handle,
    name: (swapped ? title : subtitle) || state?.name || null,
    followers: pick(followers, state?.followers),
    following: pick(following, state?.following),
    posts: state?.posts ?? null,
  };
}

// ─── Comments under the open video ──────────────────────────────────────────────────────────────────

/** The block of one comment: the nearest ancestor with a numeric id (TikTok's comment id). */
function commentBlock(text: Element): { el: Element; id: string } | null {
  let node: Element | null = text;
  for (let depth = 0; node && depth < 8; depth++, node = node.parentElement) {
    if (/^\d{8,25}$/.test(node.id)) return { el: node, id: node.id };
  }
  return null;
}

function readComments(page: PageContext, posts: readonly PostSnapshot[]): CommentSnapshot[] {
  if (page.kind !== 'post') return [];
  const post = postOf(page.url.href);
  if (!post) return [];
  const author = (posts.find((p) => p.id === post.id)?.author.handle ?? post.handle).toLowerCase();
  const comments: CommentSnapshot[] = [];
  for (const level of [1, 2]) {
    for (const text of page.doc.querySelectorAll(COMMENT.text(level))) {
      const block = commentBlock(text);
      if (!block) continue; // no id in the page: not invented
      const nameEl = block.el.querySelector(COMMENT.username(level));
      const link =
        nameEl?.closest('a[href]') ??
        nameEl?.querySelector('a[href]') ??
        block.el.querySelector('a[href^="/@"]');
      const handle = cleanHandle(
        decodePart(/^\/@([^/?#]+)/.exec(link?.getAttribute('href') ?? '')?.[1] ?? ''),
      );
      let parentId: string | null = null;
      if (level === 2) {
        for (let node = block.el.parentElement; node && !parentId; node = node.parentElement) {
          const top = node.querySelector(COMMENT.text(1));
          parentId = top ? (commentBlock(top)?.id ?? null) : null;
        }
      }
      const likes = first(block.el, COMMENT.likes);
      comments.push({
        id: block.id,
        postId: post.id,
        parentId,
        author: { handle, name: visibleText(nameEl) || null },
        text: visibleText(text),
        // The id's timestamp is exact; the shown "1d ago" is not.
        createdAt:
          timeOfId(block.id, page.now) ??
          timeFromText(visibleText(block.el.querySelector(COMMENT.time(level))), page),
        likes: likes ? (parseCount(visibleText(likes), page.locale)?.value ?? null) : null,
        byPostAuthor:
          (!!handle && handle.toLowerCase() === author) || !!block.el.querySelector(COMMENT.creatorBadge),
      });
    }
  }
  // Page order: replies sit under their comment.
  const order = [...page.doc.querySelectorAll(`${COMMENT.text(1)}, ${COMMENT.text(2)}`)].map(
    (t) => commentBlock(t)?.id,
  );
  return comments.sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));
}

// ─── Embedded state as a second source ─────────────────────────────────────────────────────────────

/** A video of the page state or of a response, as a post: time from its id, exact counts where given. */
function videoPost(i: StateItem, page: PageContext): PostSnapshot | null {
  return buildPost({
    id: i.id,
    url: i.handle ? `https://www.tiktok.com/@${i.handle}/${i.isPhoto ? 'photo' : 'video'}/${i.id}` : null,
    handle: i.handle,
    name: i.name,
    text: i.desc,
    // TikTok's own createTime (what 4CAT exports too); the id's time, up to ~10 s earlier (it is
    // made when the upload starts), where the object has none.
    createdAt: i.createTime ? new Date(i.createTime * 1000).toISOString() : timeOfId(i.id, page.now),
    counts: i.counts,
    media: i.isPhoto ? 'image' : 'video',
    promoted: i.isAd,
  });
}

function readEmbedded(page: PageContext): EmbeddedData {
  const state = stateOf(page.doc);
  const fromUrl = postOf(page.url.href);
  const handle = page.kind === 'profile' ? decodePart(page.url.pathname.split('/')[1]?.slice(1) ?? '') : null;
  const wanted = state.items.filter((i) =>
    fromUrl ? i.id === fromUrl.id : handle ? i.handle?.toLowerCase() === handle.toLowerCase() : false,
  );
  const posts = wanted.map((i) => videoPost(i, page)).filter((p): p is PostSnapshot => p !== null);
  const user = handle ? state.users.find((u) => u.handle.toLowerCase() === handle.toLowerCase()) : undefined;
  return {
    posts,
    profile: user ?? null,
    raw: wanted
      .filter((i) => posts.some((p) => p.id === i.id))
      .map((i) => ({ id: i.id, kind: 'post' as const, source: 'embedded' as const, data: i.raw })),
  };
}

/** A response of TikTok's web API: the videos of a list, or the comments of the open video. */
function readResponse(json: unknown, url: URL, page: PageContext): EmbeddedData {
  if (/^\/api\/comment\/list/.test(url.pathname)) {
    return { comments: commentsIn(json, postOf(page.url.href)?.handle ?? null) };
  }
  const items = itemsIn(json);
  const posts = items.map((i) => videoPost(i, page)).filter((p): p is PostSnapshot => p !== null);
  return {
    posts,
    raw: items
      .filter((i) => posts.some((p) => p.id === i.id))
      .map((i) => ({ id: i.id, kind: 'post' as const, source: 'response' as const, data: i.raw })),
  };
}

export const tiktokAdapter: Adapter = {
  id: 'tiktok',
  version: '1.0.0',
  pageKind,
  findPosts,
  readPost,
  readProfile,
  readComments,
  readEmbedded,
  readResponse,
};
