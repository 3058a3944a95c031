/** Pinterest: home feed, search, boards and profiles (pin grids), the pin page (closeup) and its page state. */
import type { Metric, PageKind, PostSnapshot, ProfileSnapshot, RawItem } from '../../model';
import type { ParsedCount } from '../../parse/count';
import { parseTime } from '../../parse/time';
import type { Adapter, EmbeddedData, PageContext, PostFields } from '../adapter';
import { buildPost } from '../adapter';
import { countOf, first, jsonLd, visibleText } from '../dom';
import { phraseCounts, statementOf } from '../phrase-counts';
import { embeddedPins, pinFields, readPins } from './pins';
import {
  METRIC_PHRASES,
  PIN,
  PIN_PATH,
  PROFILE_PATH,
  PROFILE_PHRASES,
  PROMOTED,
  RESERVED_PATHS,
} from './selectors';

const ORIGIN = 'https://www.pinterest.com';

function pinIdOf(href: string | null | undefined): string | null {
  return (href ? PIN_PATH.exec(href) : null)?.[1] ?? null;
}

function pathOf(href: string | null, base: URL): string {
  try {
    return href ? new URL(href, base).pathname : '';
  } catch {
    return '';
  }
}

function pageKind(url: URL): PageKind {
  const parts = url.pathname.split('/').filter(Boolean);
  const head = parts[0]?.toLowerCase();
  if (!head || head === 'ideas' || head === 'today' || head === 'homefeed') return 'feed';
  if (head === 'pin' && parts[1]) return 'post';
  if (head === 'search') return 'search';
  if (RESERVED_PATHS.has(head)) return 'other';
  // "/<user>/" is a profile; "/<user>/<board>/" a board, a feed of pins.
  if (PROFILE_PATH.test(url.pathname)) return 'profile';
  return 'feed';
}

function findPosts(root: ParentNode, page: PageContext): Element[] {
  const tiles = [...root.querySelectorAll(PIN.tile)].filter((el) => !el.parentElement?.closest(PIN.tile));
  if (page.kind !== 'post') return tiles;
  const closeup = root.querySelector(PIN.closeup);
  // The open pin first; the "more like this" grid below it is made of other pins.
  return closeup ? [closeup, ...tiles.filter((t) => !closeup.contains(t))] : tiles;
}

/** The pinner or creator: the first of the author hooks that links to a profile (`/<user>/`). */
function authorOf(root: Element, page: PageContext): { handle: string | null; name: string | null } {
  for (const selector of PIN.author) {
    for (const link of root.querySelectorAll(selector)) {
      const m = PROFILE_PATH.exec(pathOf(link.getAttribute('href'), page.url));
      if (!m || RESERVED_PATHS.has(m[1]!.toLowerCase())) continue;
      const name = visibleText(first(root, PIN.authorName)) || visibleText(link);
      return { handle: m[1]!, name: name || null };
    }
  }
  return { handle: null, name: visibleText(first(root, PIN.authorName)) || null };
}

function readPost(root: Element, page: PageContext): PostFields | null {
  const closeup = root.matches(PIN.closeup);
  // Grid cards name their pin in a test attribute (2025: `data-test-pin-id`); else the first pin link.
  const tagged =
    root.getAttribute('data-test-pin-id') ??
    root.querySelector('[data-test-pin-id]')?.getAttribute('data-test-pin-id');
  const id = closeup
    ? pinIdOf(page.url.pathname)
    : tagged && /^\d{3,25}$/.test(tagged)
      ? tagged
      : ([...root.querySelectorAll('a[href*="/pin/"]')]
          .map((a) => pinIdOf(a.getAttribute('href')))
          .find((x) => x) ?? null);
  const titleEl = first(root, PIN.title);
  const descriptionEl = first(root, PIN.description);
  const text = [visibleText(titleEl), visibleText(descriptionEl)].filter((t) => t).join(' ');
  const counts: Partial<Record<Metric, ParsedCount | null>> = phraseCounts(
    root,
    METRIC_PHRASES,
    page.locale,
    {
      skip: (el) => el === titleEl || el === descriptionEl,
    },
  );
  counts.likes = countOf(root.querySelector(PIN.reactions), page.locale) ?? counts.likes ?? null;
  const author = authorOf(root, page);
  const leaves = [...root.querySelectorAll('div, span, a')].filter((el) => el.childElementCount === 0);
  const fromDom: PostFields = {
    id,
    url: id ? `${ORIGIN}/pin/${id}/` : null,
    handle: author.handle,
    name: author.name,
    text,
    counts,
    media: root.querySelector(PIN.video) ? 'video' : root.querySelector('img') ? 'image' : 'text',
    promoted: leaves.some((el) => PROMOTED.test((el.textContent ?? '').trim())),
  };
  const pin = id ? pinsOf(page.doc).get(id) : undefined;
  return pin ? withPageData(fromDom, pinFields(pin)) : fromDom;
}

/**
 * A tile or closeup completed by the page's own pin object: its exact counts win over the shown
 * (often abbreviated or absent) ones; its pinner and time fill what the DOM lacks. Logged-out pin
 * pages stream the closeup in hidden React segments whose parts only the page's scripts assemble, so
 * without this the DOM reader found the pin but not its pinner or counts.
 */
function withPageData(dom: PostFields, data: PostFields): PostFields {
  const counts: Partial<Record<Metric, ParsedCount | null>> = { ...dom.counts };
  for (const [metric, value] of Object.entries(data.counts ?? {}) as [Metric, ParsedCount | null][])
    if (value) counts[metric] = value;
  return {
    ...dom,
    handle: dom.handle ?? data.handle,
    name: dom.name ?? data.name,
    text: dom.text || data.text,
    createdAt: data.createdAt ?? dom.createdAt,
    counts,
    promoted: dom.promoted || data.promoted,
  };
}

/** The page's embedded pins by id, read once per document (and again when scripts were added). */
const pinCache = new WeakMap<Document, { scripts: number; pins: Map<string, Record<string, unknown>> }>();
function pinsOf(doc: Document): Map<string, Record<string, unknown>> {
  const scripts = doc.scripts?.length ?? 0;
  const cached = pinCache.get(doc);
  if (cached && cached.scripts === scripts) return cached.pins;
  const pins = embeddedPins(doc);
  pinCache.set(doc, { scripts, pins });
  return pins;
}

function readProfile(page: PageContext): ProfileSnapshot | null {
  if (page.kind !== 'profile') return null;
  const handle = PROFILE_PATH.exec(page.url.pathname)?.[1];
  const root =
    page.doc.querySelector('[data-test-id="profile-header"]') ??
    page.doc.querySelector('main, [role="main"]') ??
    page.doc.body;
  if (!handle || !root) return null;
  const skip = (el: Element) => el.matches(PIN.tile);
  const followers = statementOf(root, PROFILE_PHRASES.followers ?? [], page.locale, skip);
  const following = statementOf(root, PROFILE_PHRASES.following ?? [], page.locale, skip);
  const name = root.querySelector('h1');
  if (!followers && !name) return null;
  return {
    handle,
    name: visibleText(name) || null,
    followers: followers?.count.value ?? null,
    following: following?.count.value ?? null,
    posts: null,
  };
}

/** Posts from pin objects (the open pin first on a pin page), with their raw objects. */
function postsFrom(fields: PostFields[], raw: RawItem[], page: PageContext): EmbeddedData {
  const open = page.kind === 'post' ? pinIdOf(page.url.pathname) : null;
  const posts = fields
    .map((f) => buildPost({ ...f, createdAt: f.createdAt ? parseTime(f.createdAt, page.now) : null }))
    .filter((p): p is PostSnapshot => p !== null)
    // Only the open pin is known to be on screen; the DOM reader says which others are.
    .map((p) => (p.id === open ? p : { ...p, seenOnScreen: false }))
    .sort((a, b) => Number(b.id === open) - Number(a.id === open));
  return { posts, raw: raw.filter((r) => posts.some((p) => p.id === r.id)) };
}

/** Every pin the page embeds (server state and Relay responses), with exact counts and times. */
function readEmbedded(page: PageContext): EmbeddedData {
  const fields: PostFields[] = [];
  const raw: RawItem[] = [];
  for (const [id, pin] of pinsOf(page.doc)) {
    fields.push(pinFields(pin));
    raw.push({ id, kind: 'post', source: 'embedded', data: pin });
  }
  const data = postsFrom(fields, raw, page);
  const open = page.kind === 'post' ? pinIdOf(page.url.pathname) : null;
  if (open && !data.posts?.some((p) => p.id === open)) {
    // Thin server HTML (an HTTP dump): the pin's JSON-LD still names its saves, time and pinner.
    const post = buildPost(jsonLdPin(page, open));
    if (post) data.posts = [post, ...(data.posts ?? [])];
  }
  return data;
}

/** A pin page's JSON-LD `SocialMediaPosting`: pinner, time, and the saves it counts. */
function jsonLdPin(page: PageContext, id: string): PostFields {
  const item = jsonLd(page.doc).find((o) => o['@type'] === 'SocialMediaPosting');
  if (!item) return { id: null };
  const author = (item.author ?? {}) as Record<string, unknown>;
  const stats = Array.isArray(item.interactionStatistic) ? item.interactionStatistic : [];
  const saves = stats.find((s) => /save/i.test(String((s as Record<string, unknown>)?.description ?? '')));
  const count = (saves as Record<string, unknown> | undefined)?.userInteractionCount;
  const published = typeof item.datePublished === 'string' ? item.datePublished : null;
  return {
    id,
    url: `${ORIGIN}/pin/${id}/`,
    handle: typeof author.alternateName === 'string' ? author.alternateName : null,
    name: typeof author.name === 'string' ? author.name : null,
    text: typeof item.headline === 'string' ? item.headline : '',
    createdAt: published ? parseTime(published, page.now) : null,
    counts: {
      saves:
        typeof count === 'number' && Number.isSafeInteger(count) ? { value: count, approx: false } : null,
    },
    media: 'image',
  };
}

/** A resource response the page fetched (search, home feed, boards, related pins). */
function readResponse(json: unknown, _url: URL, page: PageContext): EmbeddedData {
  const { fields, raw } = readPins(json, 'response');
  return postsFrom(fields, raw, page);
}

export const pinterestAdapter: Adapter = {
  id: 'pinterest',
  version: '1.0.0',
  pageKind,
  findPosts,
  readPost,
  readProfile,
  readEmbedded,
  readResponse,
};
