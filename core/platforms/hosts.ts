/**
 * Where each platform lives. Used by the manifest (host permissions, content-script matches) and by
 * the registry to pick an adapter for a URL, so the two can never disagree.
 */
import type { PlatformId } from '../model';

export const PLATFORM_HOSTS: Record<PlatformId, readonly string[]> = {
  x: ['x.com', 'twitter.com', 'mobile.twitter.com', 'mobile.x.com'],
  instagram: ['www.instagram.com', 'instagram.com'],
  facebook: ['www.facebook.com', 'web.facebook.com', 'm.facebook.com', 'mbasic.facebook.com'],
  linkedin: ['www.linkedin.com', 'linkedin.com'],
  youtube: ['www.youtube.com', 'm.youtube.com', 'youtube.com'],
  tiktok: ['www.tiktok.com', 'tiktok.com'],
  threads: ['www.threads.net', 'threads.net', 'www.threads.com', 'threads.com'],
  bluesky: ['bsky.app'],
  // Any instance works (recognised by markup, permission asked per instance); these are built in.
  mastodon: ['mastodon.social', 'mastodon.online', 'chaos.social', 'fosstodon.org'],
  reddit: ['www.reddit.com', 'reddit.com', 'old.reddit.com', 'new.reddit.com', 'sh.reddit.com'],
  pinterest: ['www.pinterest.com', 'pinterest.com', 'www.pinterest.de', 'de.pinterest.com', 'pinterest.de'],
  xing: ['www.xing.com', 'xing.com'],
};

/** Match patterns (`https://host/*`) for every built-in platform host. */
export function builtInMatchPatterns(): string[] {
  return Object.values(PLATFORM_HOSTS).flatMap((hosts) => hosts.map((h) => `https://${h}/*`));
}

/** The platform a hostname belongs to, if it is one of the built-in hosts. */
export function platformForHost(hostname: string): PlatformId | null {
  const host = hostname.toLowerCase();
  for (const [id, hosts] of Object.entries(PLATFORM_HOSTS) as [PlatformId, readonly string[]][]) {
    if (hosts.includes(host)) return id;
  }
  return null;
}
