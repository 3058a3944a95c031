/**
 * Content-script registration for user-added Mastodon instances: Chrome's `scripting` API (its
 * registrations persist), or Firefox MV2's `contentScripts.register` (re-registered at each start).
 */
import type { ScriptRegistrar } from './instances';
import { instancePattern } from './instances';

interface ScriptingApi {
  getRegisteredContentScripts(filter?: { ids?: string[] }): Promise<{ id: string }[]>;
  registerContentScripts(
    scripts: { id: string; matches: string[]; js: string[]; runAt: 'document_idle' }[],
  ): Promise<void>;
  unregisterContentScripts(filter: { ids: string[] }): Promise<void>;
}
interface FirefoxContentScriptsApi {
  register(options: {
    matches: string[];
    js: { file: string }[];
    runAt: 'document_idle';
  }): Promise<{ unregister(): Promise<void> }>;
}
interface PermissionsApi {
  contains(permissions: { origins: string[] }): Promise<boolean>;
}

const idOf = (host: string) => `mastodon:${host}`;

/** A registrar over whichever API this browser offers; `script` is the built content script's path. */
export function browserRegistrar(
  api: { scripting?: ScriptingApi; contentScripts?: FirefoxContentScriptsApi; permissions: PermissionsApi },
  script: string,
): ScriptRegistrar {
  const firefox = new Map<string, { unregister(): Promise<void> }>();
  return {
    async has(host) {
      if (api.scripting)
        return (await api.scripting.getRegisteredContentScripts({ ids: [idOf(host)] })).length > 0;
      return firefox.has(host);
    },
    async register(host) {
      const matches = [instancePattern(host)];
      if (api.scripting) {
        await api.scripting.registerContentScripts([
          { id: idOf(host), matches, js: [script], runAt: 'document_idle' },
        ]);
      } else if (api.contentScripts) {
        firefox.set(
          host,
          await api.contentScripts.register({ matches, js: [{ file: script }], runAt: 'document_idle' }),
        );
      }
    },
    async unregister(host) {
      if (api.scripting) {
        const known = await api.scripting.getRegisteredContentScripts({ ids: [idOf(host)] });
        if (known.length) await api.scripting.unregisterContentScripts({ ids: [idOf(host)] });
      } else {
        await firefox.get(host)?.unregister();
        firefox.delete(host);
      }
    },
    permitted: (host) => api.permissions.contains({ origins: [instancePattern(host)] }),
  };
}
