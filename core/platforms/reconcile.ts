/**
 * Reconciling the two readers of a page: the DOM says which posts the user sees (and anchors the
 * badge); the page's own data (embedded JSON, API responses) supplies exact ids, times and counts.
 * Merged per canonical id: an exact value beats an abbreviated one, between two exact values the
 * page's data wins, and every field on which the two disagree is counted in health. Posts the page
 * loaded but did not render are kept, flagged `seenOnScreen: false`. Pure: no DOM, no extension APIs.
 */
import {
  type CommentSnapshot,
  METRICS,
  type Metric,
  type Metrics,
  type PostSnapshot,
  type ProfileSnapshot,
  type RawItem,
} from '../model';
import { type EmbeddedData, saneComments, sanePost, saneProfile, uniqueById } from './adapter';

/** What the page's data said about a page, held to the contract (see `collectPageData`). */
export interface PageData {
  posts: PostSnapshot[];
  profile: ProfileSnapshot | null;
  comments: CommentSnapshot[];
  raw: RawItem[];
}

/** What both readers say together. `disagreements` counts, per field, the items the two disagreed on. */
export interface Reconciled extends PageData {
  disagreements: Record<string, number>;
}

/** The most raw items one extraction carries (the contract's limit). */
export const MAX_RAW_ITEMS = 5_000;

/** Page data an adapter returned, held to the contract: posts, profile and comments that do not fit are left out. */
export function collectPageData(data: EmbeddedData | null | undefined): PageData {
  return {
    posts: uniqueById((data?.posts ?? []).map(sanePost).filter((p): p is PostSnapshot => p !== null)),
    profile: saneProfile(data?.profile),
    comments: uniqueById(saneComments(data?.comments ?? [])),
    raw: (data?.raw ?? []).slice(0, MAX_RAW_ITEMS),
  };
}

/**
 * Merges what the DOM read with what the page's data holds (see the module comment). `now` is when
 * the page was read (a relative time's rounding is not a disagreement); `pageUrl` marks the post
 * whose id the address names (a post page) as seen even when only the data has it.
 */
export function reconcile(
  dom: {
    posts: readonly PostSnapshot[];
    profile: ProfileSnapshot | null;
    comments: readonly CommentSnapshot[];
  },
  data: PageData,
  context: { pageUrl: URL; now: Date },
): Reconciled {
  const tally = new Map<string, number>();
  const note = (fields: readonly string[]) => {
    for (const field of fields) tally.set(field, (tally.get(field) ?? 0) + 1);
  };
  const dataPosts = new Map(data.posts.map((p) => [p.id, p]));
  const posts: PostSnapshot[] = [];
  const onScreen = new Set<string>();
  for (const post of dom.posts) {
    onScreen.add(post.id);
    const exact = dataPosts.get(post.id);
    if (!exact) {
      posts.push(post);
      continue;
    }
    const merged = mergePost(post, exact, context.now);
    note(merged.disagreed);
    posts.push(merged.post);
  }
  for (const post of data.posts) if (!onScreen.has(post.id)) posts.push(dataOnly(post, context.pageUrl));

  const dataComments = new Map(data.comments.map((c) => [c.id, c]));
  const comments: CommentSnapshot[] = [];
  const shown = new Set<string>();
  for (const comment of dom.comments) {
    shown.add(comment.id);
    const exact = dataComments.get(comment.id);
    if (!exact) {
      comments.push(comment);
      continue;
    }
    const merged = mergeComment(comment, exact, context.now);
    note(merged.disagreed.map((f) => `comment.${f}`));
    comments.push(merged.comment);
  }
  for (const comment of data.comments) if (!shown.has(comment.id)) comments.push(comment);

  let profile = dom.profile ?? data.profile;
  if (dom.profile && data.profile && sameHandle(dom.profile.handle, data.profile.handle)) {
    const merged = mergeProfile(dom.profile, data.profile);
    note(merged.disagreed.map((f) => `profile.${f}`));
    profile = merged.profile;
  }
  return {
    posts,
    profile,
    comments,
    raw: uniqueRaw(data.raw),
    disagreements: Object.fromEntries(tally),
  };
}

/**
 * A post only the page's data has. Unseen, unless its reader knows it is on screen (it set
 * `seenOnScreen: true`) or the page's address names it (the post of a post page, where the DOM
 * reader found no post element): then it is seen, like a DOM post.
 */
export function dataOnly(post: PostSnapshot, pageUrl: URL): PostSnapshot {
  const { seenOnScreen, ...rest } = post;
  if (seenOnScreen === true || addressNames(pageUrl, post.id)) return rest;
  return { ...rest, seenOnScreen: false };
}

/** True when `id` is a whole path segment or a query value of the page's address. */
function addressNames(pageUrl: URL, id: string): boolean {
  if (pageUrl.pathname.split('/').some((segment) => safeDecode(segment) === id)) return true;
  for (const value of pageUrl.searchParams.values()) if (value === id) return true;
  return false;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * One post as both readers saw it. Ids, times and counts: the exact value (the data's, unless the
 * data's count is abbreviated and the DOM's is not). What is on screen (text, author, media):
 * the DOM's, the data filling gaps. `disagreed` names the fields that did not agree.
 */
export function mergePost(
  dom: PostSnapshot,
  data: PostSnapshot,
  now: Date,
): { post: PostSnapshot; disagreed: string[] } {
  const disagreed: string[] = [];
  const metrics: Metrics = { ...dom.metrics };
  const approx: Metric[] = [];
  for (const metric of METRICS) {
    const chosen = pickCount(
      { value: dom.metrics[metric], approx: dom.approx.includes(metric) },
      { value: data.metrics[metric], approx: data.approx.includes(metric) },
    );
    metrics[metric] = chosen.value;
    if (chosen.approx) approx.push(metric);
    if (chosen.disagree) disagreed.push(`metrics.${metric}`);
  }
  if (timesDisagree(dom.createdAt, data.createdAt, now)) disagreed.push('createdAt');
  const { seenOnScreen: _domSeen, ...seen } = dom;
  return {
    post: {
      ...seen,
      url: dom.url ?? data.url,
      author: { handle: dom.author.handle ?? data.author.handle, name: dom.author.name ?? data.author.name },
      text: dom.text || data.text,
      createdAt: data.createdAt ?? dom.createdAt,
      metrics,
      approx,
      media: dom.media !== 'text' ? dom.media : data.media,
      hashtags: union(dom.hashtags, data.hashtags),
      mentions: union(dom.mentions, data.mentions),
      links: union(dom.links, data.links),
      promoted: dom.promoted || data.promoted,
      repostedBy: dom.repostedBy ?? data.repostedBy,
    },
    disagreed,
  };
}

/**
 * Two readings of the page's data for one post (embedded, then a response, or two responses): the
 * later one wins where it has a value, and a sighting on screen is never lost.
 */
export function combineData(earlier: PostSnapshot, later: PostSnapshot): PostSnapshot {
  const metrics = { ...later.metrics };
  const approx = new Set(later.approx);
  for (const metric of METRICS) {
    if (metrics[metric] !== null) continue;
    metrics[metric] = earlier.metrics[metric];
    if (earlier.approx.includes(metric)) approx.add(metric);
  }
  const seen = earlier.seenOnScreen === true || later.seenOnScreen === true;
  const { seenOnScreen: _later, ...rest } = later;
  return {
    ...rest,
    url: later.url ?? earlier.url,
    author: {
      handle: later.author.handle ?? earlier.author.handle,
      name: later.author.name ?? earlier.author.name,
    },
    text: later.text || earlier.text,
    createdAt: later.createdAt ?? earlier.createdAt,
    metrics,
    approx: METRICS.filter((m) => approx.has(m)),
    media: later.media !== 'text' ? later.media : earlier.media,
    hashtags: union(later.hashtags, earlier.hashtags),
    mentions: union(later.mentions, earlier.mentions),
    links: union(later.links, earlier.links),
    repostedBy: later.repostedBy ?? earlier.repostedBy,
    ...(seen ? { seenOnScreen: true } : {}),
  };
}

/** One comment as both readers saw it: exact likes, time, thread position from the data; text and author from the DOM. */
export function mergeComment(
  dom: CommentSnapshot,
  data: CommentSnapshot,
  now: Date,
): { comment: CommentSnapshot; disagreed: string[] } {
  const disagreed: string[] = [];
  const likes = pickCount(
    { value: dom.likes, approx: dom.likes !== null && trailingZeros(dom.likes) > 0 },
    { value: data.likes, approx: false },
  );
  if (likes.disagree) disagreed.push('likes');
  if (timesDisagree(dom.createdAt, data.createdAt, now)) disagreed.push('createdAt');
  return {
    comment: {
      ...dom,
      postId: data.postId || dom.postId,
      parentId: data.parentId ?? dom.parentId,
      author: { handle: dom.author.handle ?? data.author.handle, name: dom.author.name ?? data.author.name },
      text: dom.text || data.text,
      createdAt: data.createdAt ?? dom.createdAt,
      likes: likes.value,
      byPostAuthor: dom.byPostAuthor || data.byPostAuthor,
    },
    disagreed,
  };
}

/** The page's profile: counts from the data where it has them (a DOM count may be "1.2M"). */
export function mergeProfile(
  dom: ProfileSnapshot,
  data: ProfileSnapshot,
): { profile: ProfileSnapshot; disagreed: string[] } {
  const disagreed: string[] = [];
  const pick = (field: 'followers' | 'following' | 'posts') => {
    const d = dom[field];
    const chosen = pickCount(
      { value: d, approx: d !== null && trailingZeros(d) > 0 },
      { value: data[field], approx: false },
    );
    if (chosen.disagree) disagreed.push(field);
    return chosen.value;
  };
  return {
    profile: {
      handle: dom.handle,
      name: dom.name ?? data.name,
      followers: pick('followers'),
      following: pick('following'),
      posts: pick('posts'),
    },
    disagreed,
  };
}

interface Reading {
  value: number | null;
  approx: boolean;
}

/**
 * The count to keep: never one neither reader had (null stays null: never guess 0); an exact count
 * before an abbreviated one; the page's data when both are exact or both abbreviated. They disagree
 * when the abbreviation cannot stand for the other value ("1.2K" stands for 1,150–1,299; exact
 * digits only for themselves).
 */
function pickCount(dom: Reading, data: Reading): Reading & { disagree: boolean } {
  if (data.value === null) return { ...dom, disagree: false };
  if (dom.value === null) return { ...data, disagree: false };
  const chosen = data.approx && !dom.approx ? dom : data;
  const tolerance = Math.max(1, dom.approx ? unitOf(dom.value) : 1, data.approx ? unitOf(data.value) : 1);
  return { ...chosen, disagree: Math.abs(dom.value - data.value) >= tolerance };
}

/** The unit an abbreviated count was rounded to: 1,200 ("1.2K") → 100; 3,000,000 ("3M") → 1,000,000. */
function unitOf(value: number): number {
  return 10 ** trailingZeros(value);
}

function trailingZeros(value: number): number {
  if (value === 0) return 0;
  let zeros = 0;
  for (let v = value; v % 10 === 0; v /= 10) zeros++;
  return zeros;
}

/**
 * Times disagree when they are more than a minute apart and further than a relative display's
 * rounding can explain ("3 h" stands for 3–4 hours ago: up to half the post's age).
 */
function timesDisagree(dom: string | null, data: string | null, now: Date): boolean {
  if (!dom || !data) return false;
  const a = Date.parse(dom);
  const b = Date.parse(data);
  if (Number.isNaN(a) || Number.isNaN(b)) return false;
  const age = Math.max(0, now.getTime() - b);
  return Math.abs(a - b) > Math.max(60_000, age / 2);
}

function sameHandle(a: string, b: string): boolean {
  return a.replace(/^@/, '').toLowerCase() === b.replace(/^@/, '').toLowerCase();
}

function union(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])];
}

/** Raw items without repeats (one per kind and id, the later one winning), at most MAX_RAW_ITEMS. */
function uniqueRaw(items: readonly RawItem[]): RawItem[] {
  const byKey = new Map<string, RawItem>();
  for (const item of items) byKey.set(`${item.kind}:${item.id}`, item);
  return [...byKey.values()].slice(0, MAX_RAW_ITEMS);
}
