/**
 * YouTube's first-load data (`ytInitialData`, `ytInitialPlayerResponse`): what server HTML holds before
 * the page renders. A rendered page keeps its first load's data after in-app navigation, so the data
 * is used only when it describes the URL being read.
 */
import type { CommentSnapshot, PostSnapshot, ProfileSnapshot } from '../../model';
import { countInLabel, type ParsedCount, parseCount } from '../../parse/count';
import { extractHashtags } from '../../parse/text';
import { parseTime } from '../../parse/time';
import type { EmbeddedData, PageContext } from '../adapter';
import { buildPost, cleanHandle } from '../adapter';
import { type Json, obj } from '../page-json';
import { objectEnd } from '../script-json';
import { channelFromUrl, channelOf, videoIdOf } from './ids';
import { countBefore, timeFromText, viewsIn } from './phrases';
import { WORDS } from './selectors';

/** The object assigned to `name` in one of the page's scripts (`var ytInitialData = {…};`). */
export function initialData(doc: Document, name: string): Json | null {
  for (const script of doc.querySelectorAll('script:not([src])')) {
    const source = script.textContent ?? '';
    const at = source.indexOf(name);
    if (at < 0) continue;
    const start = source.indexOf('{', at);
    const end = start < 0 ? -1 : objectEnd(source, start);
    if (end < 0) continue;
    try {
      const value: unknown = JSON.parse(source.slice(start, end));
      if (value && typeof value === 'object') return value as Json;
    } catch {
      // Not JSON after all (a script that only mentions the name): keep looking.
    }
  }
  return null;
}

/** Follows a path of keys; null when any step is missing. */
function at(value: unknown, ...path: string[]): unknown {
  let node: unknown = value;
  for (const key of path) node = obj(node)?.[key];
  return node ?? null;
}

/** The display text of a YouTube text object: `simpleText`, `runs`, or an attributed string's `content`. */
function text(value: unknown): string {
  const o = obj(value);
  if (!o) return typeof value === 'string' ? value : '';
  if (typeof o.simpleText === 'string') return o.simpleText;
  if (typeof o.content === 'string') return o.content;
  if (Array.isArray(o.runs)) return o.runs.map((r) => String(obj(r)?.text ?? '')).join('');
  return '';
}

function label(value: unknown): string {
  const l = at(value, 'accessibility', 'accessibilityData', 'label');
  return typeof l === 'string' ? l : '';
}

/** Every object stored under one of `keys`, in document order (not descending into matches). */
function collect(root: unknown, keys: readonly string[]): [string, Json][] {
  const found: [string, Json][] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        const o = obj(value);
        if (o && keys.includes(key)) found.push([key, o]);
        else walk(value);
      }
    }
  };
  walk(root);
  return found;
}

function findOne(root: unknown, key: string): Json | null {
  return collect(root, [key])[0]?.[1] ?? null;
}

/** The first string in `root` under `key` that contains a digit (labels such as "… 7373 personas"). */
function labelWithNumber(root: unknown, keys: readonly string[]): string | null {
  let hit: string | null = null;
  const walk = (node: unknown) => {
    if (hit) return;
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (typeof value === 'string' && keys.includes(key) && /\d/.test(value)) hit ??= value;
        else walk(value);
      }
    }
  };
  walk(root);
  return hit;
}

interface Owner {
  handle: string | null;
  name: string | null;
}

/** The channel a byline (runs with a browse endpoint) names. */
function bylineOwner(value: unknown): Owner | null {
  const runs = obj(value)?.runs;
  const run = obj(Array.isArray(runs) ? runs[0] : null);
  if (!run) return null;
  const endpoint = obj(run.navigationEndpoint);
  const href =
    at(endpoint, 'browseEndpoint', 'canonicalBaseUrl') ??
    at(endpoint, 'commandMetadata', 'webCommandMetadata', 'url');
  const name = typeof run.text === 'string' ? run.text : '';
  return { handle: cleanHandle(channelOf(typeof href === 'string' ? href : null)), name: name || null };
}

const VIDEO_RENDERERS = [
  'videoRenderer',
  'gridVideoRenderer',
  'compactVideoRenderer',
  'reelItemRenderer',
  'lockupViewModel',
] as const;

function best(counts: (ParsedCount | null)[]): ParsedCount | null {
  return counts.find((c) => c && !c.approx) ?? counts.find((c) => c) ?? null;
}

/** One video of a list (feed, search, channel grid, sidebar), or null for playlists and other items. */
function listVideo(kind: string, r: Json, page: PageContext, owner: Owner | null): PostSnapshot | null {
  if (kind === 'lockupViewModel') return lockupVideo(r, page, owner);
  const id = typeof r.videoId === 'string' ? r.videoId : null;
  const by = bylineOwner(r.ownerText ?? r.shortBylineText ?? r.longBylineText) ?? owner;
  const views = best(
    [label(r.title), label(r.headline), text(r.viewCountText), text(r.shortViewCountText)].map((t) =>
      viewsIn(t, page.locale),
    ),
  );
  return buildPost({
    id,
    url: id ? `https://www.youtube.com/${kind === 'reelItemRenderer' ? 'shorts/' : 'watch?v='}${id}` : null,
    handle: by?.handle,
    name: by?.name,
    text: text(r.title) || text(r.headline),
    createdAt: timeFromText(text(r.publishedTimeText), page),
    counts: { views },
    media: 'video',
  });
}

/** The 2025 lockup: title and metadata rows as attributed strings. */
function lockupVideo(r: Json, page: PageContext, owner: Owner | null): PostSnapshot | null {
  if (r.contentType !== 'LOCKUP_CONTENT_TYPE_VIDEO' || typeof r.contentId !== 'string') return null;
  const meta = at(r, 'metadata', 'lockupMetadataViewModel');
  const parts = collect(at(meta, 'metadata'), ['text']).map(([, t]) => text(t));
  const views = best(parts.map((p) => viewsIn(p, page.locale)));
  const createdAt =
    parts.map((p) => (viewsIn(p, page.locale) ? null : timeFromText(p, page))).find(Boolean) ?? null;
  return buildPost({
    id: r.contentId,
    url: `https://www.youtube.com/watch?v=${r.contentId}`,
    handle: owner?.handle,
    name: owner?.name ?? parts[0] ?? null,
    text: text(at(meta, 'title')),
    createdAt,
    counts: { views },
    media: 'video',
  });
}

function listVideos(root: unknown, page: PageContext, owner: Owner | null): PostSnapshot[] {
  return collect(root, VIDEO_RENDERERS)
    .map(([kind, r]) => listVideo(kind, r, page, owner))
    .filter((p): p is PostSnapshot => p !== null);
}

function watchData(data: Json, player: Json | null, page: PageContext): EmbeddedData {
  const id = videoIdOf(page.url.href);
  if (!id || at(data, 'currentVideoEndpoint', 'watchEndpoint', 'videoId') !== id) return {};
  const results = at(data, 'contents', 'twoColumnWatchNextResults');
  const primary = findOne(at(results, 'results'), 'videoPrimaryInfoRenderer');
  const secondary = findOne(at(results, 'results'), 'videoSecondaryInfoRenderer');
  if (!primary) return {};
  const ownerRenderer = obj(at(secondary, 'owner', 'videoOwnerRenderer'));
  const owner = bylineOwner(ownerRenderer?.title);
  const likeLabel = labelWithNumber(at(primary, 'videoActions'), ['accessibilityText', 'label']);
  const likeTitle = labelWithNumber(at(primary, 'videoActions'), ['title']);
  const commentCount = findOne(at(results, 'results'), 'commentsEntryPointHeaderRenderer');
  const samePlayer = at(player, 'videoDetails', 'videoId') === id;
  const published = samePlayer ? at(player, 'microformat', 'playerMicroformatRenderer', 'publishDate') : null;
  const title = text(primary.title);
  const description = text(secondary?.attributedDescription ?? secondary?.description);
  const main = buildPost({
    id,
    url: `https://www.youtube.com/watch?v=${id}`,
    handle: owner?.handle,
    name: owner?.name,
    text: title,
    createdAt:
      (typeof published === 'string' ? parseTime(published, page.now, page.locale) : null) ??
      timeFromText(text(primary.dateText), page),
    counts: {
      views: viewsIn(text(at(primary, 'viewCount', 'videoViewCountRenderer', 'viewCount')), page.locale),
      likes: best([
        likeLabel ? countInLabel(likeLabel, page.locale) : null,
        likeTitle ? parseCount(likeTitle, page.locale) : null,
      ]),
      comments: commentCount ? parseCount(text(commentCount.commentCount), page.locale) : null,
    },
    media: 'video',
    hashtags: extractHashtags(`${title} ${description}`),
  });
  const related = listVideos(
    at(data, 'contents', 'twoColumnWatchNextResults', 'secondaryResults'),
    page,
    null,
  );
  const subscribers = label(ownerRenderer?.subscriberCountText) || text(ownerRenderer?.subscriberCountText);
  const profile: ProfileSnapshot | null = owner?.handle
    ? {
        handle: owner.handle,
        name: owner.name,
        followers: countBefore(subscribers, WORDS.subscribers, page.locale)?.value ?? null,
        following: null,
        posts: null,
      }
    : null;
  return { posts: main ? [main, ...related] : related, profile };
}

/** The channel header: 2023's c4TabbedHeaderRenderer or 2024's pageHeaderRenderer view model. */
function channelHeader(data: Json, page: PageContext): ProfileSnapshot | null {
  const c4 = obj(at(data, 'header', 'c4TabbedHeaderRenderer'));
  const view = obj(at(data, 'header', 'pageHeaderRenderer', 'content', 'pageHeaderViewModel'));
  let name: string | null = null;
  let pieces: string[] = [];
  let channelId: string | null = null;
  if (c4) {
    name = typeof c4.title === 'string' ? c4.title : text(c4.title);
    pieces = [
      text(c4.channelHandleText),
      label(c4.subscriberCountText) || text(c4.subscriberCountText),
      text(c4.videosCountText),
    ];
    channelId = typeof c4.channelId === 'string' ? c4.channelId : null;
  } else if (view) {
    name = text(at(view, 'title', 'dynamicTextViewModel', 'text'));
    pieces = collect(at(view, 'metadata'), ['text']).map(([, t]) => text(t));
  } else return null;
  const shownHandle = pieces.map((p) => /^@(\S+)$/.exec(p.trim())?.[1]).find(Boolean) ?? null;
  const fromUrl = channelFromUrl(page.url);
  // The data must be this channel's: a rendered page keeps the first channel's data after navigation.
  if (fromUrl && fromUrl !== shownHandle && fromUrl !== channelId) return null;
  const handle = cleanHandle(shownHandle ?? fromUrl);
  if (!handle) return null;
  const count = (words: readonly string[]) =>
    pieces.map((p) => countBefore(p, words, page.locale)).find(Boolean)?.value ?? null;
  return {
    handle,
    name: name || null,
    followers: count(WORDS.subscribers),
    following: null,
    posts: count(WORDS.videos),
  };
}

/** True when the app has rendered a page: then the DOM, not the first-load data, is the page. */
function rendered(doc: Document): boolean {
  return doc.querySelector('ytd-browse, ytd-search, ytd-watch-flexy') !== null;
}

/** Posts, profile and (none: they load later) comments from the first-load data. */
export function readEmbedded(page: PageContext): EmbeddedData {
  const data = initialData(page.doc, 'ytInitialData');
  if (!data) return {};
  if (page.kind === 'post') return watchData(data, initialData(page.doc, 'ytInitialPlayerResponse'), page);
  if (page.kind === 'profile') {
    const profile = channelHeader(data, page);
    if (!profile) return {};
    return {
      profile,
      posts: listVideos(at(data, 'contents'), page, { handle: profile.handle, name: profile.name }),
    };
  }
  if (rendered(page.doc)) return {};
  return { posts: listVideos(at(data, 'contents'), page, null) };
}

/**
 * An InnerTube response the page fetched (`/youtubei/v1/browse`, `search`, `next`): the same
 * renderers as the first-load data. A `next` response for the open video is its watch data; browse
 * and search continuations are lists of videos (on a channel page, the channel's); comment
 * continuations carry the comments as `commentEntityPayload` mutations.
 */
export function readResponse(json: unknown, url: URL, page: PageContext): EmbeddedData {
  const data = obj(json);
  if (!data) return {};
  const comments = commentsIn(data, page);
  if (
    url.pathname.endsWith('/next') &&
    page.kind === 'post' &&
    at(data, 'contents', 'twoColumnWatchNextResults')
  ) {
    return { ...watchData(data, null, page), comments };
  }
  const handle = page.kind === 'profile' ? cleanHandle(channelFromUrl(page.url)) : null;
  const owner = handle && handle.length > 0 && !/^UC[\w-]{22}$/.test(handle) ? { handle, name: null } : null;
  return { posts: listVideos(data, page, owner), comments };
}

/** Comments of a watch page's comment continuation (2024+: `commentEntityPayload` entities). */
function commentsIn(data: Json, page: PageContext): CommentSnapshot[] {
  const postId = videoIdOf(page.url.href);
  if (!postId) return [];
  const out: CommentSnapshot[] = [];
  for (const [, payload] of collect(at(data, 'frameworkUpdates'), ['commentEntityPayload'])) {
    const props = obj(payload.properties);
    const id = typeof props?.commentId === 'string' ? props.commentId : null;
    if (!props || !id) continue;
    const author = obj(payload.author);
    const toolbar = obj(payload.toolbar);
    const shownName = typeof author?.displayName === 'string' ? author.displayName : '';
    const likes =
      typeof toolbar?.likeCountA11y === 'string' ? countInLabel(toolbar.likeCountA11y, page.locale) : null;
    // A reply's id is "<parent id>.<own id>".
    const dot = id.indexOf('.');
    out.push({
      id,
      postId,
      parentId: dot > 0 ? id.slice(0, dot) : null,
      author: { handle: cleanHandle(shownName.startsWith('@') ? shownName : null), name: shownName || null },
      text: text(props.content),
      createdAt: timeFromText(typeof props.publishedTime === 'string' ? props.publishedTime : '', page),
      likes: likes?.value ?? null,
      byPostAuthor: author?.isCreator === true,
    });
  }
  return out;
}
