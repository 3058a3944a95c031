/**
 * Where each platform lives. Used by the manifest (host permissions, content-script matches) and by
 * the registry to pick an adapter for a URL, so the two can never disagree. The hosts themselves are
 * in each platform's folder (`<id>/platform.ts`).
 */
import type { PlatformId } from '../model';
import { PLATFORMS } from './registry';

export const PLATFORM_HOSTS: Readonly<Partial<Record<PlatformId, readonly string[]>>> = Object.fromEntries(
  PLATFORMS.map((p) => [p.id, p.hosts]),
);

/** Match patterns (`https://host/*`) for every built-in platform host. */
export function builtInMatchPatterns(): string[] {
  return PLATFORMS.flatMap((p) => p.hosts.map((h) => `https://${h}/*`));
}

/** The platform a hostname belongs to, if it is one of the built-in hosts. */
export function platformForHost(hostname: string): PlatformId | null {
  const host = hostname.toLowerCase();
  return PLATFORMS.find((p) => p.hosts.includes(host) || p.optional?.hosts.includes(host))?.id ?? null;
}

/**
 * The one platform a page at `url` may be read as: a built-in host's own platform, and on any other
 * https host only Mastodon (the user's own instances; nothing else runs there). Null for anything
 * else. The worker checks every capture against its sender's URL with this, so a page cannot store
 * posts under another platform's name.
 */
export function platformAllowedAt(url: string | undefined): PlatformId | null {
  let parsed: URL;
  try {
    parsed = new URL(url ?? '');
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:') return null;
  return platformForHost(parsed.hostname) ?? 'mastodon';
}
