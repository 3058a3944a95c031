import { describe, expect, it } from 'vitest';
import { platformInfo } from '../../core/platforms/registry';
import { Settings } from '../../core/settings';
import { originsOf, syncOptionalPlatforms } from '../../core/worker/optional-platforms';
import type { ContentScripts } from '../../core/worker/registrar';

function fakeScripts(granted: boolean) {
  const registered = new Map<string, string[]>();
  const scripts: ContentScripts = {
    has: async (id) => registered.has(id),
    register: async (id, matches) => void registered.set(id, matches),
    unregister: async (id) => void registered.delete(id),
    permitted: async () => granted,
  };
  return { scripts, registered };
}

describe('Google reviews are read only when the user switched them on and the browser granted Maps', () => {
  it('is off on a fresh install: no script runs on any Google page', async () => {
    const { scripts, registered } = fakeScripts(true);
    expect(await syncOptionalPlatforms(scripts, Settings.parse({}))).toEqual([]);
    expect(registered.size).toBe(0);
  });

  it('registers the content script for Maps pages only once switched on and permitted', async () => {
    const { scripts, registered } = fakeScripts(true);
    const on = Settings.parse({ platforms: { google: true } });
    expect(await syncOptionalPlatforms(scripts, on)).toEqual(['google']);
    const matches = registered.get('platform:google') ?? [];
    expect(matches).toContain('https://www.google.de/maps/*');
    expect(matches.every((m) => /^https:\/\/www\.google\.[a-z.]+\/maps\/\*$/.test(m))).toBe(true);
  });

  it('stops when the permission is revoked in the browser, or the switch goes off', async () => {
    const granted = fakeScripts(true);
    await syncOptionalPlatforms(granted.scripts, Settings.parse({ platforms: { google: true } }));
    await syncOptionalPlatforms(granted.scripts, Settings.parse({ platforms: { google: false } }));
    expect(granted.registered.size).toBe(0);
    const revoked = fakeScripts(false);
    expect(
      await syncOptionalPlatforms(revoked.scripts, Settings.parse({ platforms: { google: true } })),
    ).toEqual([]);
    expect(revoked.registered.size).toBe(0);
  });

  it('asks for Google domains as origins (hosts, not paths: browsers grant hosts)', () => {
    const google = platformInfo('google');
    expect(google && originsOf(google)).toContain('https://www.google.com/*');
  });
});
