/**
 * Platforms whose hosts are asked for only when the user switches them on (Google reviews: most users
 * never need Google Maps read, and `google.com` is far more than Maps). The side panel asks for the
 * hosts (a user gesture); the worker then registers the content script for the platform's pages
 * alone, and unregisters it when the user switches it off or revokes the permission.
 */
import type { PlatformId } from '../model';
import type { PlatformInfo } from '../platforms/platform';
import { PLATFORMS } from '../platforms/registry';
import type { Settings } from '../settings';
import type { ContentScripts } from './registrar';

/** The origins to ask for when switching the platform on. */
export function originsOf(info: PlatformInfo): string[] {
  return (info.optional?.hosts ?? []).map((host) => `https://${host}/*`);
}

/** Optional platforms are off until the user switches them on (unlike the built-in ones). */
export function optionalPlatformOn(settings: Pick<Settings, 'platforms'>, id: PlatformId): boolean {
  return settings.platforms[id] === true;
}

/** Makes the registered scripts match what is switched on and permitted; returns the active ones. */
export async function syncOptionalPlatforms(
  scripts: ContentScripts,
  settings: Pick<Settings, 'platforms'>,
  platforms: readonly PlatformInfo[] = PLATFORMS,
): Promise<PlatformId[]> {
  const active: PlatformId[] = [];
  for (const info of platforms) {
    if (!info.optional) continue;
    const id = `platform:${info.id}`;
    const on = optionalPlatformOn(settings, info.id) && (await scripts.permitted(originsOf(info)));
    if (!on) {
      if (await scripts.has(id)) await scripts.unregister(id);
      continue;
    }
    if (!(await scripts.has(id))) await scripts.register(id, [...info.optional.matches]);
    active.push(info.id);
  }
  return active;
}
