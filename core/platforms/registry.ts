/**
 * Every platform Resonanz supports, as data: one `PlatformInfo` per platform folder. Adding a platform
 * is one folder (`<id>/platform.ts`, `adapter.ts`, `endpoints.ts`) and one line here and in
 * `ADAPTERS` (index.ts); tests/platforms/registry.test.ts checks that nothing else is needed.
 */
import type { PlatformId } from '../model';
import { bluesky } from './bluesky/platform';
import { facebook } from './facebook/platform';
import { google } from './google/platform';
import { instagram } from './instagram/platform';
import { linkedin } from './linkedin/platform';
import { mastodon } from './mastodon/platform';
import { pinterest } from './pinterest/platform';
import type { PlatformInfo } from './platform';
import { reddit } from './reddit/platform';
import { threads } from './threads/platform';
import { tiktok } from './tiktok/platform';
import { x } from './x/platform';
import { xing } from './xing/platform';
import { youtube } from './youtube/platform';

export const PLATFORMS: readonly PlatformInfo[] = [
  x,
  youtube,
  tiktok,
  instagram,
  threads,
  facebook,
  linkedin,
  pinterest,
  xing,
  bluesky,
  mastodon,
  reddit,
  google,
];

const BY_ID = new Map(PLATFORMS.map((p) => [p.id, p]));

/** The platform's info; undefined only for an id no folder registered (a convention test forbids it). */
export function platformInfo(id: PlatformId): PlatformInfo | undefined {
  return BY_ID.get(id);
}

/** The platform's display name ("LinkedIn"), or the id itself when unknown. */
export function platformName(id: string): string {
  return PLATFORMS.find((p) => p.id === id)?.name ?? id;
}

/** Display names by id, for views that look names up in a table. */
export const PLATFORM_NAMES: Readonly<Record<string, string>> = Object.fromEntries(
  PLATFORMS.map((p) => [p.id, p.name]),
);

/**
 * The platform a link's host belongs to (content hosts, link hosts and host patterns, with or
 * without "www."); null for other hosts.
 */
export function platformOfLinkHost(host: string): PlatformId | null {
  const h = host.toLowerCase().replace(/^www\./, '');
  for (const p of PLATFORMS) {
    if (p.hosts.some((known) => known.replace(/^www\./, '') === h) || p.linkHosts?.includes(h)) return p.id;
  }
  for (const p of PLATFORMS) if (p.hostPattern?.test(h)) return p.id;
  return null;
}

/** Every exact host of every platform without "www.", longest first (for finding bare links in text). */
export function allLinkHosts(): string[] {
  const hosts = new Set<string>();
  for (const p of PLATFORMS) {
    for (const h of [...p.hosts, ...(p.linkHosts ?? [])]) hosts.add(h.replace(/^www\./, ''));
  }
  return [...hosts].sort((a, b) => b.length - a.length);
}
