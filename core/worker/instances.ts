/**
 * Mastodon runs on thousands of instances, so Resonanz cannot list them all in its manifest. The
 * user adds an instance in Settings; the side panel asks the browser for that one host's permission
 * (a user gesture, in the panel), and the worker then registers the content script there. Nothing is
 * asked for all sites up front.
 */
import { z } from 'zod';

/** A host name the user typed, normalised ("https://Social.Example.de/" → "social.example.de"). */
export const InstanceHost = z
  .string()
  .trim()
  .toLowerCase()
  .transform((value) => value.replace(/^https?:\/\//, '').replace(/\/.*$/, ''))
  .pipe(z.string().regex(/^(?=.{4,253}$)([a-z0-9-]{1,63}\.)+[a-z]{2,63}$/, 'not a host name'));

/** The match pattern the permission and the content script use for an instance. */
export function instancePattern(host: string): string {
  return `https://${host}/*`;
}

/** What registering a content script needs (scripting API in Chrome, contentScripts in Firefox MV2). */
export interface ScriptRegistrar {
  has(host: string): Promise<boolean>;
  register(host: string): Promise<void>;
  unregister(host: string): Promise<void>;
  /** Whether the user granted the host permission. */
  permitted(host: string): Promise<boolean>;
}

/**
 * Makes the registered scripts match the instances the user enabled and permitted; `previous` are
 * hosts enabled before (those no longer listed are unregistered).
 */
export async function syncInstances(
  registrar: ScriptRegistrar,
  hosts: readonly string[],
  previous: readonly string[] = [],
): Promise<string[]> {
  for (const host of previous) if (!hosts.includes(host)) await registrar.unregister(host);
  const active: string[] = [];
  for (const host of hosts) {
    if (!(await registrar.permitted(host))) {
      // The user revoked the permission in the browser: stop running there.
      if (await registrar.has(host)) await registrar.unregister(host);
      continue;
    }
    if (!(await registrar.has(host))) await registrar.register(host);
    active.push(host);
  }
  return active;
}
