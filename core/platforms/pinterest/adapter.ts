/** Pinterest: home feed, search, boards and profiles (pin grids), the pin page (closeup) and its page state. */
import type { Metric, PageKind, PostSnapshot, ProfileSnapshot } from '../../model';
import type { ParsedCount } from '../../parse/count';
import { parseTime } from '../../parse/time';
import type { Adapter, EmbeddedData, PageContext, PostFields } from '../adapter';
import { buildPost } from '../adapter';
import { countOf, first, visibleText } from '../dom';
import { phraseCounts, statementOf } from '../phrase-counts';
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
  const id = closeup
    ? pinIdOf(page.url.pathname)
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
  return {
    id,
    url: id ? `${ORIGIN}/pin/${id}/` : null,
    handle: author.handle,
    name: author.name,
    text,
    counts,
    media: root.querySelector(PIN.video) ? 'video' : root.querySelector('img') ? 'image' : 'text',
    promoted: leaves.some((el) => PROMOTED.test((el.textContent ?? '').trim())),
  };
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

type Json = Record<string, unknown>;

/** The object describing pin `id` anywhere in the page state (a pin has `pinner` or `aggregated_pin_data`). */
function findPin(value: unknown, id: string, depth = 0): Json | null {
  if (!value || typeof value !== 'object' || depth > 12) return null;
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = findPin(item, id, depth + 1);
      if (found) return found;
    }
    return null;
  }
  const obj = value as Json;
  if (String(obj.id) === id && ('pinner' in obj || 'aggregated_pin_data' in obj)) return obj;
  for (const child of Object.values(obj)) {
    const found = findPin(child, id, depth + 1);
    if (found) return found;
  }
  return null;
}

const count = (value: unknown): ParsedCount | null =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? { value, approx: false } : null;

/** A logged-out pin page: the pin's counts and date in the server-rendered page state. */
function readEmbedded(page: PageContext): EmbeddedData {
  const id = page.kind === 'post' ? pinIdOf(page.url.pathname) : null;
  if (!id) return {};
  for (const script of page.doc.querySelectorAll(PIN.state)) {
    let state: unknown;
    try {
      state = JSON.parse(script.textContent ?? '');
    } catch {
      continue;
    }
    const pin = findPin(state, id);
    if (!pin) continue;
    const pinner = (pin.pinner ?? {}) as Json;
    const aggregated = (pin.aggregated_pin_data ?? {}) as Json;
    const stats = (aggregated.aggregated_stats ?? {}) as Json;
    const reactions =
      pin.reaction_counts && typeof pin.reaction_counts === 'object'
        ? Object.values(pin.reaction_counts as Json)
        : [];
    const likes =
      reactions.every((n) => typeof n === 'number') && reactions.length > 0
        ? (reactions as number[]).reduce((a, b) => a + b, 0)
        : null;
    const created = typeof pin.created_at === 'string' ? Date.parse(pin.created_at) : Number.NaN;
    const text = [pin.title ?? pin.grid_title, pin.description ?? pin.closeup_unified_description]
      .filter((t): t is string => typeof t === 'string' && t.trim() !== '')
      .join(' ');
    const post = buildPost({
      id,
      url: `${ORIGIN}/pin/${id}/`,
      handle: typeof pinner.username === 'string' ? pinner.username : null,
      name: typeof pinner.full_name === 'string' ? pinner.full_name : null,
      text,
      createdAt: Number.isNaN(created) ? null : parseTime(new Date(created).toISOString(), page.now),
      counts: {
        likes: count(likes),
        saves: count(stats.saves),
        comments: count(pin.comment_count ?? aggregated.comment_count),
      },
      media: pin.videos ? 'video' : 'image',
      promoted: pin.is_promoted === true,
    });
    return post ? { posts: [post] satisfies PostSnapshot[] } : {};
  }
  return {};
}

export const pinterestAdapter: Adapter = {
  id: 'pinterest',
  version: '1.0.0',
  pageKind,
  findPosts,
  readPost,
  readProfile,
  readEmbedded,
};
