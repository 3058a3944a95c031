/**
 * Facebook's ids and links: which post a link names, whose profile a link is, a permalink without its
 * tracking parameters. Shared by the DOM reader and the page-data reader.
 */
import { RESERVED_PATHS } from './selectors';

export function parse(href: string | null | undefined, base: URL): URL | null {
  if (!href || href === '#') return null;
  try {
    return new URL(href, base);
  } catch {
    return null;
  }
}

/** The post id a link names, or null: `/posts/<id>`, `permalink.php?story_fbid=`, `/photo/?fbid=`, `/reel/<id>`, … */
export function postIdOf(href: string | null | undefined, base: URL): string | null {
  const url = parse(href, base);
  if (!url || !/(^|\.)facebook\.com$/.test(url.hostname)) return null;
  const path = url.pathname;
  const q = url.searchParams;
  const inPath =
    /\/posts\/([\w.-]*\w)/.exec(path) ??
    /\/groups\/[^/]+\/permalink\/(\d+)/.exec(path) ??
    /\/(?:videos|reel)\/(?:[^/]+\/)?(\d{5,})/.exec(path) ??
    /\/photos\/(?:(?:pcb|gm)\.(\d+)|[^/]+\/(\d{5,}))/.exec(path);
  if (inPath) return inPath[1] ?? inPath[2] ?? null;
  if (/^\/(?:permalink|story)\.php$/.test(path)) return q.get('story_fbid');
  if (/^\/photo(?:\.php)?\/?$/.test(path))
    // `set=pcb.<id>` (a post's photo set) and `set=gm.<id>` (a group post's) name the post itself.
    return /^(?:pcb|gm)\.(\d+)/.exec(q.get('set') ?? '')?.[1] ?? q.get('fbid');
  if (/^\/watch\/?$/.test(path)) return q.get('v');
  return null;
}

/** A profile link's handle: the vanity name, or the numeric id of `profile.php?id=` and group member links. */
export function handleOf(href: string | null, base: URL): string | null {
  const url = parse(href, base);
  if (!url || !/(^|\.)facebook\.com$/.test(url.hostname)) return null;
  const parts = url.pathname.split('/').filter(Boolean);
  if (parts[0] === 'profile.php') return url.searchParams.get('id');
  if (parts[0] === 'groups' && parts[2] === 'user') return parts[3] ?? null;
  if (parts[0] === 'people') return parts[2] ?? null;
  const head = parts[0];
  return head && !RESERVED_PATHS.has(head.toLowerCase()) && /^[\w.-]+$/.test(head) ? head : null;
}

/** The permalink without tracking parameters (`__cft__`, `__tn__`, `refid`, `comment_tracking`). */
export function canonical(href: string | null | undefined, base: URL): string | null {
  const url = parse(href, base);
  if (!url) return null;
  const keep = new URLSearchParams();
  for (const key of ['story_fbid', 'id', 'fbid', 'set', 'v']) {
    const value = url.searchParams.get(key);
    if (value) keep.set(key, value);
  }
  url.search = keep.toString();
  url.hash = '';
  if (url.hostname !== 'www.facebook.com' && /(^|\.)facebook\.com$/.test(url.hostname))
    url.hostname = 'www.facebook.com';
  return url.href;
}
