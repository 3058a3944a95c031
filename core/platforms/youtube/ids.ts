/** YouTube ids in links: the 11-character video id, and the channel a link or page URL names. */
import { RESERVED_PATHS } from './selectors';

export const VIDEO_ID = /^[A-Za-z0-9_-]{11}$/;

/** The 11-character video id of a watch, Shorts, live, embed or youtu.be link, else null. */
export function videoIdOf(
  href: string | null | undefined,
  base: URL | string = 'https://www.youtube.com/',
): string | null {
  if (!href) return null;
  let url: URL;
  try {
    url = new URL(href, base);
  } catch {
    return null;
  }
  const host = url.hostname.replace(/^(www|m)\./, '');
  let id: string | null | undefined = null;
  if (host === 'youtu.be') id = url.pathname.split('/')[1];
  else if (host === 'youtube.com' || host === 'youtube-nocookie.com') {
    if (url.pathname === '/watch') id = url.searchParams.get('v');
    else id = /^\/(?:shorts|live|embed|v)\/([^/?#]+)/.exec(url.pathname)?.[1];
  }
  return id && VIDEO_ID.test(id) ? id : null;
}

/** The handle a channel link names: "/@name" → "name"; "/channel/UC…", "/c/Name", "/user/Name" → that id or name. */
export function channelOf(
  href: string | null | undefined,
  base: URL | string = 'https://www.youtube.com/',
): string | null {
  if (!href) return null;
  try {
    const path = new URL(href, base).pathname;
    const m = /^\/@([^/]+)/.exec(path) ?? /^\/(?:channel|c|user)\/([^/]+)/.exec(path);
    return m?.[1] ? decodeURIComponent(m[1]) : null;
  } catch {
    return null;
  }
}

/** `decodeURIComponent` that keeps a malformed escape ("%E0") as written instead of throwing. */
function decodePart(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/** The channel a channel-page URL names, as a handle. */
export function channelFromUrl(url: URL): string | null {
  const parts = url.pathname.split('/').filter(Boolean);
  const head = parts[0];
  if (!head) return null;
  if (head.startsWith('@')) return decodePart(head.slice(1));
  if ((head === 'channel' || head === 'c' || head === 'user') && parts[1]) return decodePart(parts[1]);
  return RESERVED_PATHS.has(head.toLowerCase()) ? null : decodePart(head);
}
