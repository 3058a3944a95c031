/**
 * Mastodon, on any instance: timelines (home, local, federated, lists, hashtags), profiles, and status
 * pages (the open status and the ones above it as posts, the replies below it as comments).
 *
 * Handles are the `acct` Mastodon itself shows on the instance being browsed: "user" for an account
 * of that instance, "user@instance" for everyone else. Status ids are that instance's ids (each
 * instance numbers the statuses it knows about itself).
 */
import type { CommentSnapshot, Metric, PageKind, PostSnapshot, ProfileSnapshot } from '../../model';
import type { ParsedCount } from '../../parse/count';
import { countInLabel, parseCount } from '../../parse/count';
import { parseTime } from '../../parse/time';
import type { Adapter, EmbeddedData, PageContext, PostFields } from '../adapter';
import { buildPost } from '../adapter';
import { absoluteUrl, blockText, jsonLd, labelOf, meta, timeOf, visibleText } from '../dom';
import { readStatuses } from './api';
import { BOOSTED_WORDS, BUTTONS, FEED_PATHS, MASTODON, PROFILE_WORDS, SEARCH_PATHS } from './selectors';

/** "/@user/123", "/@user@host/123"; older and advanced layouts prefix "/web" or "/deck". */
const STATUS_PATH = /^\/@([^/]+)\/([A-Za-z0-9]+)\/?$/;
const PROFILE_PATH = /^\/@([^/]+)/;

function appPath(url: URL): string {
  let path = url.pathname;
  try {
    path = decodeURIComponent(path);
  } catch {
    // A malformed escape stays as it is.
  }
  return path.replace(/^\/(?:deck|web)(?=\/)/, '');
}

function safeAppPath(href: string | null, base: URL): string {
  try {
    return appPath(new URL(href ?? '', base));
  } catch {
    return '';
  }
}

function pageKind(url: URL): PageKind {
  const path = appPath(url);
  if (STATUS_PATH.test(path)) return 'post';
  if (PROFILE_PATH.test(path)) return 'profile';
  const head = path.split('/')[1] ?? '';
  if (FEED_PATHS.has(head)) return 'feed';
  if (SEARCH_PATHS.has(head)) return 'search';
  return 'other';
}

// ─── The instance and its initial state ────────────────────────────────────────────────────────────

interface StateAccount {
  acct?: unknown;
  display_name?: unknown;
  followers_count?: unknown;
  following_count?: unknown;
  statuses_count?: unknown;
}
interface InitialState {
  domain: string | null;
  accounts: StateAccount[];
}

const states = new WeakMap<Document, InitialState>();

/** `<script id="initial-state">`: the instance's domain and the accounts it ships with the page. */
function initialState(doc: Document): InitialState {
  const cached = states.get(doc);
  if (cached) return cached;
  let state: InitialState = { domain: null, accounts: [] };
  try {
    const json = JSON.parse(doc.querySelector('script#initial-state')?.textContent ?? 'null') as {
      meta?: { domain?: unknown };
      accounts?: Record<string, StateAccount>;
    } | null;
    const domain = json?.meta?.domain;
    state = {
      domain: typeof domain === 'string' ? domain.toLowerCase() : null,
      accounts: json?.accounts && typeof json.accounts === 'object' ? Object.values(json.accounts) : [],
    };
  } catch {
    // No or broken state: the page's host stands in for the instance's domain.
  }
  states.set(doc, state);
  return state;
}

function localDomain(page: PageContext): string {
  return initialState(page.doc).domain ?? page.url.hostname.toLowerCase();
}

/** "@anna@social.example" → "anna" on social.example itself, "anna@social.example" elsewhere. */
function acct(raw: string | null | undefined, page: PageContext): string | null {
  const handle = raw?.trim().replace(/^@/, '');
  if (!handle) return null;
  const [user, host] = handle.split('@');
  if (!user) return null;
  return host && host.toLowerCase() !== localDomain(page) ? `${user}@${host}` : user;
}

/** The account a profile link points at: "/@anna" or "https://other.example/@anna". */
function acctFromHref(href: string | null, page: PageContext): string | null {
  if (!href) return null;
  try {
    const url = new URL(href, page.url);
    const user = /^\/@([^/@]+)(?:@([^/]+))?\/?$/.exec(decodeURIComponent(url.pathname));
    if (!user) return null;
    const host = user[2] ?? (url.host === page.url.host ? null : url.host);
    return acct(host ? `${user[1]}@${host}` : user[1], page);
  } catch {
    return null;
  }
}

/**
 * A mention link's account: its text ("@anna", or "@anna@other.example" for non-Mastodon servers)
 * with the link's host added when the text has none, so a remote "@anna" is "anna@its.host".
 */
function mentionAcct(link: Element, page: PageContext): string | null {
  const text = visibleText(link).replace(/^@/, '');
  if (!text) return null;
  if (text.includes('@')) return acct(text, page);
  try {
    return acct(`${text}@${new URL(link.getAttribute('href') ?? '', page.url).host}`, page);
  } catch {
    return acct(text, page);
  }
}

function recognize(doc: Document): boolean {
  try {
    return !!(
      doc.querySelector('#mastodon, meta[name="application-name"][content="Mastodon" i]') ||
      (doc.querySelector('script#initial-state') && doc.body?.classList.contains('app-body'))
    );
  } catch {
    return false;
  }
}

// ─── Statuses ──────────────────────────────────────────────────────────────────────────────────────

const STATUSLIKE = `${MASTODON.status}, ${MASTODON.detailed}`;

/** True when `el` belongs to `status` itself, not to a status quoted inside it. */
function isOwn(el: Element, status: Element): boolean {
  const host = el.closest(STATUSLIKE);
  return host === status || host === null;
}

function own(status: Element, selector: string): Element[] {
  return [...status.querySelectorAll(selector)].filter((el) => isOwn(el, status));
}

function ownFirst(status: Element, selector: string): Element | null {
  return own(status, selector)[0] ?? null;
}

function statusElements(root: ParentNode): Element[] {
  return [...root.querySelectorAll(STATUSLIKE)].filter(
    (el) => !el.matches(MASTODON.quote) && !el.parentElement?.closest(STATUSLIKE),
  );
}

function findPosts(root: ParentNode, page: PageContext): Element[] {
  const all = statusElements(root);
  if (page.kind !== 'post') return all;
  const open = all.findIndex((el) => el.matches(MASTODON.detailed));
  return open >= 0 ? all.slice(0, open + 1) : all;
}

/** The count beside an action-bar button; null when the UI does not show it ("1+" is not a count). */
function buttonCount(
  status: Element,
  metric: keyof typeof BUTTONS,
  locale: string | null,
): ParsedCount | null {
  const bar = ownFirst(status, MASTODON.actionBar);
  const { icon, words } = BUTTONS[metric];
  const button = [...(bar?.querySelectorAll('button, a') ?? [])].find(
    (b) =>
      b.matches(icon) ||
      b.querySelector(icon) !== null ||
      words.some((w) => (labelOf(b) ?? '').toLowerCase().includes(w)),
  );
  const counter = button?.querySelector(MASTODON.counter);
  const text = visibleText(counter ?? null);
  if (!counter || text.endsWith('+')) return null;
  return parseCount(text, locale) ?? countInLabel(text, locale);
}

type Counts = Partial<Record<Metric, ParsedCount | null>>;

function readCounts(status: Element, detailed: boolean, locale: string | null): Counts {
  const counts: Counts = {
    comments: buttonCount(status, 'comments', locale),
    shares: buttonCount(status, 'shares', locale),
    likes: buttonCount(status, 'likes', locale),
  };
  if (detailed) {
    for (const [metric, selector] of Object.entries(MASTODON.detailedCounts) as [Metric, string][]) {
      const text = visibleText(ownFirst(status, selector));
      counts[metric] = parseCount(text, locale) ?? counts[metric] ?? null;
    }
  }
  return counts;
}

/** The status page's JSON-LD (`SocialMediaPosting`), when it describes the status with this id. */
function seoPosting(page: PageContext, id: string): Record<string, unknown> | null {
  return (
    jsonLd(page.doc).find(
      (o) =>
        o['@type'] === 'SocialMediaPosting' &&
        typeof o.url === 'string' &&
        o.url.replace(/\/$/, '').endsWith(`/${id}`),
    ) ?? null
  );
}

/** Exact counts from the JSON-LD interaction statistics (likes, boosts, replies). */
function seoCounts(posting: Record<string, unknown> | null): Counts {
  const counts: Counts = {};
  const stats = Array.isArray(posting?.interactionStatistic) ? posting.interactionStatistic : [];
  for (const stat of stats as Record<string, unknown>[]) {
    const value = stat?.userInteractionCount;
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) continue;
    const type = String(stat.interactionType ?? '');
    const metric = SEO_ACTIONS.find(([action]) => type.endsWith(action))?.[1];
    if (metric) counts[metric] = { value, approx: false };
  }
  return counts;
}

const SEO_ACTIONS: [string, Metric][] = [
  ['LikeAction', 'likes'],
  ['ShareAction', 'shares'],
  ['ReplyAction', 'comments'],
];

/** The DOM's counts are live; the page's JSON-LD is exact but as of the page load: it fills gaps only. */
function withSeoCounts(counts: Counts, seo: Counts): Counts {
  const merged: Counts = { ...counts };
  for (const [metric, exact] of Object.entries(seo) as [Metric, ParsedCount][]) {
    if (!merged[metric] || merged[metric].approx) merged[metric] = exact;
  }
  return merged;
}

function media(status: Element): PostFields['media'] {
  const has = (selector: string) => own(status, selector).length > 0;
  const kinds: PostFields['media'][] = [];
  // A gallery plays GIFs as <video>: that is an image post, not a video.
  if (own(status, MASTODON.media.video).some((el) => !el.closest(MASTODON.media.image))) kinds.push('video');
  if (has(MASTODON.media.image)) kinds.push('image');
  if (has(MASTODON.media.poll)) kinds.push('poll');
  // Mastodon draws a link card only when the status has no media of its own.
  if (kinds.length === 0 && has(MASTODON.media.link)) kinds.push('link');
  if (kinds.length > 1) return 'mixed';
  return kinds[0] ?? 'text';
}

/** "anna boosted" above the status: the booster's account. */
function boostedBy(status: Element, page: PageContext): string | null {
  const prepend = status.closest(MASTODON.wrapper)?.querySelector(MASTODON.prepend);
  if (!prepend) return null;
  const text = visibleText(prepend).toLowerCase();
  if (!prepend.querySelector('.icon-retweet, .icon-repeat') && !BOOSTED_WORDS.some((w) => text.includes(w)))
    return null;
  return acctFromHref(prepend.querySelector('a[href]')?.getAttribute('href') ?? null, page);
}

function seoTime(posting: Record<string, unknown> | null, page: PageContext): string | null {
  return typeof posting?.datePublished === 'string' ? parseTime(posting.datePublished, page.now) : null;
}

function readStatus(status: Element, page: PageContext): PostFields | null {
  const detailed = status.matches(MASTODON.detailed);
  const timeLink = ownFirst(status, MASTODON.time);
  const href = timeLink?.getAttribute('href') ?? null;
  const permalink = href ? absoluteUrl(href, page.url) : null;
  const path = permalink ? STATUS_PATH.exec(appPath(new URL(permalink))) : null;
  const pagePath = STATUS_PATH.exec(appPath(page.url));
  const id = detailed ? (path?.[2] ?? pagePath?.[2]) : (status.getAttribute('data-id') ?? path?.[2]);
  if (!id || !/^[A-Za-z0-9]+$/.test(id) || id === 'undefined' || id === 'null') return null;
  const author = ownFirst(status, MASTODON.author);
  const handle =
    acct(author?.getAttribute('title'), page) ??
    acct(visibleText(author?.querySelector(MASTODON.account) ?? null), page) ??
    acct(path?.[1], page) ??
    (detailed ? acct(pagePath?.[1], page) : null);
  const textEl = MASTODON.text.map((selector) => ownFirst(status, selector)).find((el) => el) ?? null;
  const tagBar = ownFirst(status, MASTODON.hashtagBar);
  const content = [...(textEl?.querySelectorAll('a[href]') ?? [])];
  const isMention = (a: Element) =>
    a.matches('.mention:not(.hashtag), .u-url') || a.closest('.h-card') !== null;
  return {
    id,
    url: permalink ?? (handle ? absoluteUrl(`/@${handle}/${id}`, page.url) : null),
    handle,
    name: visibleText(author?.querySelector(MASTODON.name) ?? null) || null,
    text: [blockText(textEl), visibleText(tagBar)].filter(Boolean).join(' '),
    createdAt:
      timeOf(timeLink, page) ??
      (detailed ? seoTime(seoPosting(page, id), page) : null) ??
      (timeLink ? parseTime(visibleText(timeLink), page.now, page.locale) : null),
    counts: detailed
      ? withSeoCounts(readCounts(status, true, page.locale), seoCounts(seoPosting(page, id)))
      : readCounts(status, false, page.locale),
    media: media(status),
    mentions: [
      ...new Set(
        content
          .filter(isMention)
          .map((a) => mentionAcct(a, page))
          .filter((h): h is string => !!h),
      ),
    ],
    links: [
      ...new Set(
        content
          .filter((a) => !isMention(a) && !a.matches('.hashtag, [rel~="tag"]'))
          .map((a) => absoluteUrl(a.getAttribute('href'), page.url))
          .filter((h): h is string => !!h),
      ),
    ],
    repostedBy: boostedBy(status, page),
  };
}

/**
 * Replies under the open status, in thread order. Mastodon draws a connecting line (and no
 * "first in thread" mark) when a reply answers the status right above it; any other reply is taken as
 * an answer to the open status (parentId null), which is what most of them are.
 */
function readComments(page: PageContext): CommentSnapshot[] {
  if (page.kind !== 'post') return [];
  const all = statusElements(page.doc);
  const openAt = all.findIndex((el) => el.matches(MASTODON.detailed));
  const openEl = all[openAt];
  const open = openEl ? readStatus(openEl, page) : null;
  if (!open?.id) return [];
  const comments: CommentSnapshot[] = [];
  let previous: string | null = null;
  for (const el of all.slice(openAt + 1)) {
    let post: PostSnapshot | null = null;
    try {
      const fields = readStatus(el, page);
      post = fields ? buildPost(fields) : null;
    } catch {
      // One odd reply must not cost the others.
    }
    if (!post) continue;
    const answersAbove =
      el.querySelector(':scope > .status__line') !== null && !el.matches('.status--first-in-thread');
    comments.push({
      id: post.id,
      postId: open.id,
      parentId: answersAbove && previous ? previous : null,
      author: post.author,
      text: post.text,
      createdAt: post.createdAt,
      likes: post.metrics.likes,
      byPostAuthor: !!post.author.handle && post.author.handle === open.handle,
    });
    previous = post.id;
  }
  return comments;
}

// ─── Profiles ──────────────────────────────────────────────────────────────────────────────────────

function profileHandle(page: PageContext): string | null {
  return page.kind === 'profile' ? acct(PROFILE_PATH.exec(appPath(page.url))?.[1], page) : null;
}

/** Exact numbers sit in each link's title ("1.036"); the visible text may be short ("1,2 Tsd."). */
function linkCount(link: Element, locale: string | null): number | null {
  const title = link.getAttribute('title');
  return (
    (title ? parseCount(title, locale) : null)?.value ??
    countInLabel(visibleText(link), locale)?.value ??
    null
  );
}

function readProfile(page: PageContext): ProfileSnapshot | null {
  const handle = profileHandle(page);
  const header = page.doc.querySelector(MASTODON.profile.header);
  if (!handle || !header) return null;
  const h1 = header.querySelector(MASTODON.profile.name);
  const small = visibleText(h1?.querySelector('small') ?? null);
  const name = visibleText(h1).replace(small, '').trim();
  const profile: ProfileSnapshot = {
    handle,
    name: name || null,
    followers: null,
    following: null,
    posts: null,
  };
  for (const link of header.querySelectorAll(MASTODON.profile.links)) {
    const path = safeAppPath(link.getAttribute('href'), page.url);
    if (path.endsWith('/followers')) profile.followers ??= linkCount(link, page.locale);
    else if (path.endsWith('/following')) profile.following ??= linkCount(link, page.locale);
    else if (acct(PROFILE_PATH.exec(path)?.[1], page) === handle && !path.slice(1).includes('/')) {
      profile.posts ??= linkCount(link, page.locale);
    }
  }
  return profile;
}

/**
 * What the page carries besides the drawn UI: the initial state's accounts (usually the signed-in
 * user, with exact counts), the server's profile description ("280 Posts, 138 Following, 1.04K
 * Followers · …"), and a status page's JSON-LD and Open Graph tags.
 */
function readEmbedded(page: PageContext): EmbeddedData {
  return { profile: embeddedProfile(page), posts: embeddedPosts(page) };
}

function embeddedProfile(page: PageContext): ProfileSnapshot | null {
  const handle = profileHandle(page);
  if (!handle) return null;
  const count = (n: unknown) => (typeof n === 'number' && Number.isSafeInteger(n) && n >= 0 ? n : null);
  const account = initialState(page.doc).accounts.find(
    (a) => typeof a.acct === 'string' && acct(a.acct, page) === handle,
  );
  if (account) {
    return {
      handle,
      name: typeof account.display_name === 'string' && account.display_name ? account.display_name : null,
      followers: count(account.followers_count),
      following: count(account.following_count),
      posts: count(account.statuses_count),
    };
  }
  const stats =
    (meta(page.doc, 'description') ?? meta(page.doc, 'og:description') ?? '').split(' · ')[0] ?? '';
  const profile: ProfileSnapshot = { handle, name: null, followers: null, following: null, posts: null };
  for (const part of stats.split(/,\s+/)) {
    const field = (Object.keys(PROFILE_WORDS) as (keyof typeof PROFILE_WORDS)[]).find((f) =>
      PROFILE_WORDS[f].test(part),
    );
    if (field) profile[field] ??= countInLabel(part, page.locale)?.value ?? null;
  }
  if (profile.followers === null && profile.following === null && profile.posts === null) return null;
  profile.name = /^(.*?)\s*\(@[^)]*\)\s*$/.exec(meta(page.doc, 'og:title') ?? '')?.[1] ?? null;
  return profile;
}

function embeddedPosts(page: PageContext): PostSnapshot[] {
  const status = page.kind === 'post' ? STATUS_PATH.exec(appPath(page.url)) : null;
  const id = status?.[2];
  if (!status || !id) return [];
  const posting = seoPosting(page, id);
  const author = (posting?.author ?? {}) as Record<string, unknown>;
  const text = meta(page.doc, 'og:description') ?? (typeof posting?.text === 'string' ? posting.text : '');
  const published = meta(page.doc, 'og:published_time') ?? meta(page.doc, 'article:published_time');
  if (!posting && !text) return [];
  const post = buildPost({
    id,
    url: page.url.href,
    handle: acct(status[1], page),
    name:
      (typeof author.name === 'string' ? author.name : null) ??
      /^(.*?)\s*\(@[^)]*\)\s*$/.exec(meta(page.doc, 'og:title') ?? '')?.[1] ??
      null,
    text,
    createdAt: seoTime(posting, page) ?? (published ? parseTime(published, page.now) : null),
    counts: seoCounts(posting),
    media: posting?.video ? 'video' : posting?.image ? 'image' : posting?.sharedContent ? 'link' : 'text',
  });
  return post ? [post] : [];
}

/** A REST response the instance's web app fetched: statuses with exact counts, a thread's replies. */
function readResponse(json: unknown, _url: URL, page: PageContext): EmbeddedData {
  const status = page.kind === 'post' ? STATUS_PATH.exec(appPath(page.url)) : null;
  const open = status?.[2] ? { id: status[2], handle: acct(status[1], page) } : null;
  const data = readStatuses(json, page.url.origin, (raw) => acct(raw, page), open);
  const posts = data.posts
    .map((f) => buildPost({ ...f, createdAt: f.createdAt ? parseTime(f.createdAt, page.now) : null }))
    .filter((p): p is PostSnapshot => p !== null);
  return { posts, comments: data.comments, raw: data.raw };
}

export const mastodonAdapter: Adapter = {
  id: 'mastodon',
  version: '1.0.0',
  recognize,
  pageKind,
  findPosts,
  readPost: readStatus,
  readProfile,
  readComments: (page) => readComments(page),
  readEmbedded,
  readResponse,
};
