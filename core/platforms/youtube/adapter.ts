/**
 * YouTube: home feed, search results, watch pages (the video, its channel and visible comments),
 * channel pages and Shorts; server HTML (first load) through its `ytInitialData`, see embedded.ts.
 */
import type { PageKind, ProfileSnapshot } from '../../model';
import { countInLabel, type ParsedCount } from '../../parse/count';
import { extractHashtags } from '../../parse/text';
import { parseTime } from '../../parse/time';
import type { Adapter, PageContext, PostFields } from '../adapter';
import { cleanHandle } from '../adapter';
import { absoluteUrl, first, jsonLd, labelOf, visibleText } from '../dom';
import { readComments } from './comments';
import { readEmbedded, readResponse } from './embedded';
import { channelFromUrl, channelOf, VIDEO_ID, videoIdOf } from './ids';
import {
  activePage,
  bestCount,
  countOnButton,
  firstShown,
  hiddenWithin,
  watchRoot,
  withinPage,
} from './page';
import { countBefore, hasWord, timeFromText, viewsIn } from './phrases';
import { CHANNEL, PAGES, RESERVED_PATHS, SHORTS, T, TILE, WATCH, WORDS } from './selectors';

function pageKind(url: URL): PageKind {
  const head = url.pathname.split('/').filter(Boolean)[0]?.toLowerCase();
  if (!head) return 'feed';
  if (head === 'watch' || head === 'shorts' || head === 'live') return 'post';
  if (head === 'results' || head === 'hashtag') return 'search';
  if (head === 'feed') return 'feed';
  if (head.startsWith('@') || head === 'channel' || head === 'c' || head === 'user') return 'profile';
  return RESERVED_PATHS.has(head) ? 'other' : 'profile';
}

function findPosts(root: ParentNode, page: PageContext): Element[] {
  const scope = activePage(page);
  if (!scope) return [];
  const found: Element[] = [];
  if (page.kind === 'post') {
    const main = page.url.pathname.startsWith('/shorts/')
      ? scope.querySelector(SHORTS.active)
      : watchRoot(scope);
    if (main && (root === page.doc || root.contains(main))) found.push(main);
  }
  for (const tile of root.querySelectorAll(TILE)) {
    if (!withinPage(tile, scope) || hiddenWithin(tile, scope)) continue;
    const outer = tile.parentElement?.closest(TILE);
    if (outer && withinPage(outer, scope)) continue; // the lockup inside a rich item is the same tile
    if (!isPostTile(tile)) continue;
    found.push(tile);
  }
  return found;
}

// ─── Tiles: feeds, search, channel grids, sidebar ──────────────────────────────────────────────────

/**
 * Playlists, mixes and display ads look like tiles but are not posts. Any other tile is a candidate,
 * also one whose video link cannot be found: that is how a markup change shows up in the health count.
 */
function isPostTile(tile: Element): boolean {
  if (tile.querySelector(T.collection)) return false;
  const links = [...tile.querySelectorAll('a[href]')].map((a) => a.getAttribute('href') ?? '');
  if (links.some((href) => /[?&]start_radio=1|^\/playlist\?/.test(href))) return false;
  return !(tile.querySelector(T.ad) && !tileLink(tile));
}

function tileLink(tile: Element): Element | null {
  for (const selector of T.videoLink) {
    for (const a of tile.querySelectorAll(selector)) {
      const href = a.getAttribute('href');
      if (videoIdOf(href) && !/[?&]start_radio=1/.test(href ?? '')) return a;
    }
  }
  return null;
}

/** The text pieces of a tile's metadata line, each once. */
function metadataPieces(tile: Element): Element[] {
  const seen = new Set<Element>();
  for (const selector of T.metadataText) for (const el of tile.querySelectorAll(selector)) seen.add(el);
  return [...seen].sort((a, b) => (a.compareDocumentPosition(b) & 4 ? -1 : 1));
}

function isPromoted(tile: Element): boolean {
  if (tile.closest(T.ad)) return true;
  const words: readonly string[] = WORDS.ad;
  return [...tile.querySelectorAll(T.badge)].some((b) => words.includes(visibleText(b).toLowerCase()));
}

function readTile(tile: Element, page: PageContext): PostFields | null {
  const link = tileLink(tile);
  const id = videoIdOf(link?.getAttribute('href'), page.url);
  if (!id) return null;
  const titleEl = first(tile, T.title);
  const title = visibleText(titleEl) || titleEl?.getAttribute('title') || link?.getAttribute('title') || '';
  const channel = first(tile, T.channelLink);
  let handle = channelOf(channel?.getAttribute('href'), page.url);
  let name =
    visibleText(channel) || channel?.getAttribute('title') || visibleText(first(tile, T.channelName)) || null;
  if (!channel && page.kind === 'profile') {
    // A channel's own grid leaves the channel out of each tile.
    const owner = pageOwner(page);
    handle = owner?.handle ?? null;
    name = owner?.name ?? null;
  }
  // Exact views sit in the title's aria-label ("… 38.900.894 Aufrufe"); the line shows "38 Mio. Aufrufe".
  const labels = [link, titleEl, ...tile.querySelectorAll('[aria-label]')].map((el) => labelOf(el) ?? '');
  let views: ParsedCount | null = null;
  for (const label of labels) {
    views = viewsIn(label, page.locale);
    if (views) break;
  }
  let createdAt: string | null = null;
  for (const [i, piece] of metadataPieces(tile).entries()) {
    const text = visibleText(piece);
    const shown = viewsIn(text, page.locale);
    if (shown) {
      if (!views || (views.approx && !shown.approx)) views = shown;
      continue;
    }
    const time = timeFromText(labelOf(piece) ?? '', page) ?? timeFromText(text, page);
    // The watch sidebar's lockups name the channel as plain text in the first piece.
    if (i === 0 && !name && !handle && !time && !hasWord(text, WORDS.watching)) name = text || null;
    createdAt ??= time;
  }
  return {
    id,
    url: `https://www.youtube.com/${link?.getAttribute('href')?.includes('/shorts/') ? `shorts/${id}` : `watch?v=${id}`}`,
    handle,
    name,
    text: title,
    createdAt,
    counts: { views },
    media: 'video',
    promoted: isPromoted(tile),
  };
}

// ─── The watch page ─────────────────────────────────────────────────────────────────────────────────

/** The watch page's upload time from its JSON-LD VideoObject (premieres and streams: their start). */
function uploadTime(page: PageContext, id: string): string | null {
  for (const item of jsonLd(page.doc)) {
    if (item['@type'] !== 'VideoObject' || !String(item.embedUrl ?? item.url ?? '').includes(id)) continue;
    const events = Array.isArray(item.publication) ? item.publication : [item.publication];
    const start = events.find((e) => e && typeof e === 'object')?.startDate;
    const date =
      typeof start === 'string' ? start : typeof item.uploadDate === 'string' ? item.uploadDate : null;
    if (date) return parseTime(date, page.now, page.locale);
  }
  const meta = page.doc.querySelector('meta[itemprop="datePublished"], meta[itemprop="uploadDate"]');
  return meta ? parseTime(meta.getAttribute('content') ?? '', page.now, page.locale) : null;
}

function watchVideoId(flexy: Element, page: PageContext): string | null {
  const fromUrl = videoIdOf(page.url.href);
  const fromPage = flexy.getAttribute('video-id');
  // Mid-navigation the page still shows the previous video: better nothing than its numbers.
  if (fromUrl && fromPage && fromUrl !== fromPage) return null;
  return fromUrl ?? (fromPage && VIDEO_ID.test(fromPage) ? fromPage : null);
}

function ownerOf(root: Element): { handle: string | null; name: string | null; el: Element | null } {
  const owner = firstShown(root, WATCH.owner);
  const link = owner ? first(owner, WATCH.channelLink) : null;
  return { handle: channelOf(link?.getAttribute('href')), name: visibleText(link) || null, el: owner };
}

function readWatch(flexy: Element, page: PageContext): PostFields | null {
  const id = watchVideoId(flexy, page);
  if (!id) return null;
  const main = flexy.querySelector('#primary, #columns') ?? flexy;
  const title = visibleText(firstShown(main, WATCH.title));
  const owner = ownerOf(main);
  const views = bestCount(
    WATCH.views
      .flatMap((s) => [...main.querySelectorAll(s)])
      .map((el) => viewsIn(labelOf(el) ?? visibleText(el), page.locale)),
  );
  const likeBox = firstShown(main, WATCH.like);
  const commentsHeader = firstShown(flexy, WATCH.commentsCount);
  let createdAt = uploadTime(page, id);
  if (!createdAt) {
    for (const el of WATCH.date.flatMap((s) => [...main.querySelectorAll(s)])) {
      createdAt = timeFromText(labelOf(el) ?? visibleText(el), page);
      if (createdAt) break;
    }
  }
  const description = firstShown(main, WATCH.description);
  return {
    id,
    url: `https://www.youtube.com/watch?v=${id}`,
    handle: owner.handle,
    name: owner.name,
    text: title,
    createdAt,
    counts: {
      views,
      likes: countOnButton(likeBox, page.locale),
      comments: commentsHeader ? countInLabel(visibleText(commentsHeader), page.locale) : null,
    },
    media: 'video',
    hashtags: extractHashtags(`${title} ${visibleText(description)}`),
    links: description ? descriptionLinks(description, page.url) : [],
  };
}

/** Outside links in a description, unwrapped from YouTube's redirect. */
function descriptionLinks(description: Element, base: URL): string[] {
  const links: string[] = [];
  for (const a of description.querySelectorAll('a[href]')) {
    const href = absoluteUrl(a.getAttribute('href'), base);
    if (!href) continue;
    const url = new URL(href);
    const target =
      url.pathname === '/redirect'
        ? url.searchParams.get('q')
        : url.hostname.endsWith('youtube.com')
          ? null
          : href;
    if (target && !links.includes(target)) links.push(target);
  }
  return links;
}

function readShort(reel: Element, page: PageContext): PostFields | null {
  const id = videoIdOf(page.url.href);
  if (!id) return null;
  const channel = first(reel, SHORTS.channelLink);
  return {
    id,
    url: `https://www.youtube.com/shorts/${id}`,
    handle: channelOf(channel?.getAttribute('href')),
    name: visibleText(channel).replace(/^@/, '') || null,
    text: visibleText(first(reel, SHORTS.title)),
    counts: {
      likes: countOnButton(first(reel, SHORTS.like), page.locale),
      comments: countOnButton(first(reel, SHORTS.comments), page.locale),
    },
    media: 'video',
  };
}

function readPost(el: Element, page: PageContext): PostFields | null {
  if (el.matches(PAGES.watch)) return readWatch(el, page);
  if (el.matches(SHORTS.active)) return readShort(el, page);
  return readTile(el, page);
}

// ─── Channels: the channel page's header, and the uploader on a watch page ─────────────────────────

function readChannelPage(page: PageContext, scope: Element): ProfileSnapshot | null {
  const header = scope.querySelector(CHANNEL.header);
  if (!header) return null;
  const pieces = [
    ...CHANNEL.handle.map((s) => header.querySelector(s)),
    header.querySelector(CHANNEL.subscribers),
    header.querySelector(CHANNEL.videos),
    ...header.querySelectorAll(CHANNEL.metadata),
  ].filter((el): el is Element => el !== null);
  const texts = pieces.map((el) => labelOf(el) ?? visibleText(el));
  const shownHandle = texts.map((t) => /^@(\S+)$/.exec(t.trim())?.[1]).find(Boolean);
  const handle = cleanHandle(shownHandle ?? channelFromUrl(page.url));
  if (!handle) return null;
  const count = (words: readonly string[]) =>
    texts.map((t) => countBefore(t, words, page.locale)).find((c) => c)?.value ?? null;
  return {
    handle,
    name: visibleText(first(header, CHANNEL.name)) || null,
    followers: count(WORDS.subscribers),
    following: null,
    posts: count(WORDS.videos),
  };
}

/** On a watch page: the uploading channel and its subscriber count (YouTube shows no following). */
function readUploader(page: PageContext, flexy: Element): ProfileSnapshot | null {
  const main = flexy.querySelector('#primary, #columns') ?? flexy;
  const owner = ownerOf(main);
  if (!owner.handle || !owner.el) return null;
  const subs = owner.el.querySelector(WATCH.subscribers);
  const text = labelOf(subs) ?? visibleText(subs);
  return {
    handle: owner.handle,
    name: owner.name,
    followers: countBefore(text, WORDS.subscribers, page.locale)?.value ?? null,
    following: null,
    posts: null,
  };
}

const owners = new WeakMap<PageContext, ProfileSnapshot | null>();

/** The channel whose page this is, read once per page. */
function pageOwner(page: PageContext): ProfileSnapshot | null {
  if (!owners.has(page)) owners.set(page, readProfile(page));
  return owners.get(page) ?? null;
}

function readProfile(page: PageContext): ProfileSnapshot | null {
  const scope = activePage(page);
  if (!scope) return null;
  if (page.kind === 'profile') return readChannelPage(page, scope);
  const flexy = page.kind === 'post' ? watchRoot(scope) : null;
  return flexy ? readUploader(page, flexy) : null;
}

export const youtubeAdapter: Adapter = {
  id: 'youtube',
  version: '1.0.0',
  pageKind,
  findPosts,
  readPost,
  readProfile,
  readComments,
  readEmbedded,
  readResponse,
};
