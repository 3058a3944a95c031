/**
 * Secrets out of the page's reach, second audit (issue 17): the AI endpoint key and the 4CAT token
 * were in storage.local, which content scripts can read (and the content script listened to
 * storage.onChanged). Now: secrets live in the extension origin's IndexedDB, storage.local is
 * restricted to trusted contexts where the browser can (Chrome), keys left in storage.local by an
 * older version are moved out, and the content script gets its badge settings by message only.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { AI_ENDPOINT_KEY } from '../../core/replies/ai-endpoint';
import {
  FOURCAT_SERVER_KEY,
  migrateSecrets,
  openSecretStore,
  restrictStorage,
  SECRET_STORAGE_KEYS,
} from '../../core/worker/secrets';

const ROOT = join(import.meta.dirname, '../..');
const endpoint = { baseUrl: 'https://ai.example', model: 'm', apiKey: 'sk-secret' };

describe('the secret store', () => {
  it('lists the AI endpoint and the 4CAT server as secrets', () => {
    expect(SECRET_STORAGE_KEYS).toContain(AI_ENDPOINT_KEY);
    expect(SECRET_STORAGE_KEYS).toContain(FOURCAT_SERVER_KEY);
  });

  it('keeps secrets in IndexedDB, not in extension storage', async () => {
    const store = openSecretStore(`secrets-${Math.random()}`);
    await store.set(AI_ENDPOINT_KEY, endpoint);
    expect(await store.get(AI_ENDPOINT_KEY)).toEqual(endpoint);
    await store.remove(AI_ENDPOINT_KEY);
    expect(await store.get(AI_ENDPOINT_KEY)).toBeUndefined();
  });

  it('refuses keys that are not listed as secrets', async () => {
    const store = openSecretStore(`secrets-${Math.random()}`);
    await expect(store.set('settings' as never, {})).rejects.toThrow();
  });

  it('moves secrets an older version left in storage.local out of it', async () => {
    const local: Record<string, unknown> = {
      [AI_ENDPOINT_KEY]: endpoint,
      [FOURCAT_SERVER_KEY]: { url: 'https://4cat.example', token: 't' },
      settings: { badges: true },
    };
    const area = {
      get: async (keys: string[]) =>
        Object.fromEntries(keys.filter((k) => k in local).map((k) => [k, local[k]])),
      remove: async (keys: string[]) => {
        for (const k of keys) delete local[k];
      },
    };
    const store = openSecretStore(`secrets-${Math.random()}`);
    await migrateSecrets(area, store);
    expect(Object.keys(local)).toEqual(['settings']);
    expect(await store.get(AI_ENDPOINT_KEY)).toEqual(endpoint);
    expect(await store.get(FOURCAT_SERVER_KEY)).toEqual({ url: 'https://4cat.example', token: 't' });
  });

  it('restricts storage.local to trusted contexts where the browser can (Chrome)', async () => {
    const setAccessLevel = vi.fn(async () => {});
    await restrictStorage({ storage: { local: { setAccessLevel } } });
    expect(setAccessLevel).toHaveBeenCalledWith({ accessLevel: 'TRUSTED_CONTEXTS' });
    // Firefox has no setAccessLevel: nothing to call, nothing thrown (secrets are not there anyway).
    await expect(restrictStorage({ storage: { local: {} } })).resolves.toBeUndefined();
  });
});

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

describe('where secrets and extension storage are touched', () => {
  it('no secret key is read or written through storage.local anywhere', () => {
    for (const file of [
      ...files(join(ROOT, 'core')),
      ...files(join(ROOT, 'components')),
      ...files(join(ROOT, 'entrypoints')),
    ]) {
      const source = readFileSync(file, 'utf8');
      expect(source, relative(ROOT, file)).not.toMatch(
        /storage\.local\.(get|set|remove)\([^)]*(AI_ENDPOINT_KEY|FOURCAT_SERVER_KEY|aiEndpoint|fourcatServer)/,
      );
    }
  });

  it('the content script and what it runs in the page never touch extension storage', () => {
    const sources = [
      join(ROOT, 'entrypoints/content/index.ts'),
      ...files(join(ROOT, 'core/content')),
      ...files(join(ROOT, 'components/overlay')),
    ];
    for (const file of sources)
      expect(readFileSync(file, 'utf8'), relative(ROOT, file)).not.toMatch(
        /storage\.(local|sync|session|onChanged)/,
      );
  });
});
