/**
 * Content-script registration at run time, for hosts the manifest does not list: user-added Mastodon
 * instances and platforms the user switches on (Google reviews). Chrome's `scripting` API (its
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
export interface RegistrationApis {
  scripting?: ScriptingApi;
  contentScripts?: FirefoxContentScriptsApi;
  permissions: PermissionsApi;
}

/** Registered content scripts by id, over whichever API this browser offers. */
export interface ContentScripts {
  has(id: string): Promise<boolean>;
  register(id: string, matches: string[]): Promise<void>;
  unregister(id: string): Promise<void>;
  /** Whether the user granted every one of these origins. */
  permitted(origins: string[]): Promise<boolean>;
}

/** `script` is the built content script's path. */
export function browserScripts(api: RegistrationApis, script: string): ContentScripts {
  const firefox = new Map<string, { unregister(): Promise<void> }>();
  return {
    async has(id) {
      if (api.scripting) return (await api.scripting.getRegisteredContentScripts({ ids: [id] })).length > 0;
      return firefox.has(id);
    },
    async register(id, matches) {
      if (api.scripting) {
        await api.scripting.registerContentScripts([{ id, matches, js: [script], runAt: 'document_idle' }]);
      } else if (api.contentScripts) {
        firefox.set(
          id,
          await api.contentScripts.register({ matches, js: [{ file: script }], runAt: 'document_idle' }),
        );
      }
    },
    async unregister(id) {
      if (api.scripting) {
        const known = await api.scripting.getRegisteredContentScripts({ ids: [id] });
        if (known.length) await api.scripting.unregisterContentScripts({ ids: [id] });
      } else {
        await firefox.get(id)?.unregister();
        firefox.delete(id);
      }
    },
    permitted: (origins) => api.permissions.contains({ origins }),
  };
}

const idOf = (host: string) => `mastodon:${host}`;

/** The Mastodon instance registrar over `browserScripts`. */
export function browserRegistrar(api: RegistrationApis, script: string): ScriptRegistrar {
  const scripts = browserScripts(api, script);
  return {
    has: (host) => scripts.has(idOf(host)),
    register: (host) => scripts.register(idOf(host), [instancePattern(host)]),
    unregister: (host) => scripts.unregister(idOf(host)),
    permitted: (host) => scripts.permitted([instancePattern(host)]),
  };
}
