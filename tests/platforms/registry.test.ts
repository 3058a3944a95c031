/** The adapter registry: every platform has exactly one adapter, its hosts, and a real-page or fixture test. */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PLATFORM_IDS } from '../../core/model';
import { builtInMatchPatterns, PLATFORM_HOSTS, platformForHost } from '../../core/platforms/hosts';
import { ADAPTERS, adapterFor } from '../../core/platforms/index';

describe('adapter registry', () => {
  it('has unique adapter ids, each a known platform with an adapter file and a test', () => {
    const ids = ADAPTERS.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      expect(PLATFORM_IDS).toContain(id);
      expect(existsSync(resolve(import.meta.dirname, '../../core/platforms', id, 'adapter.ts'))).toBe(true);
      expect(existsSync(join(import.meta.dirname, `${id}.test.ts`)), `tests/platforms/${id}.test.ts`).toBe(
        true,
      );
    }
  });

  it('gives every host to exactly one platform, with valid match patterns', () => {
    const seen = new Map<string, string>();
    for (const [id, hosts] of Object.entries(PLATFORM_HOSTS)) {
      for (const host of hosts) {
        expect(seen.get(host), `${host} listed twice`).toBeUndefined();
        seen.set(host, id);
        expect(platformForHost(host)).toBe(id);
      }
    }
    for (const pattern of builtInMatchPatterns()) expect(pattern).toMatch(/^https:\/\/[a-z0-9.-]+\/\*$/);
  });

  it('picks the adapter by host and refuses unknown sites', () => {
    expect(adapterFor(new URL('https://twitter.com/home'))?.id).toBe('x');
    expect(adapterFor(new URL('https://example.org/'))).toBeNull();
  });
});
