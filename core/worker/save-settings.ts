/**
 * The `saveSettings` message: the side panel's settings are validated whole (schema, and a time zone
 * the browser knows) and written to extension storage, where the worker and content scripts read them.
 */
import type { PanelMessages, RequestOf } from '../messages';
import type { Settings } from '../settings';

type P = typeof PanelMessages;

/** Whether `zone` is an IANA time zone this browser can format in. */
export function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The handler; `write` stores the settings (browser.storage.local in the extension, a fake in tests). */
export function saveSettingsHandler(write: ((settings: Settings) => Promise<void>) | undefined) {
  return async (request: RequestOf<P, 'saveSettings'>) => {
    if (!write) return { ok: false as const, error: 'settings storage is not available', retry: false };
    const { settings } = request;
    if (settings.timeZone !== null && !isKnownTimeZone(settings.timeZone))
      return { ok: false as const, error: `unknown time zone: ${settings.timeZone}`, retry: false };
    // Brand terms: trimmed, without duplicates (case-insensitive), so mention share counts each once.
    const seen = new Set<string>();
    const brandTerms = settings.brandTerms
      .map((term) => term.trim())
      .filter((term) => {
        const key = term.toLowerCase();
        if (!term || seen.has(key)) return false;
        seen.add(key);
        return true;
      });
    await write({ ...settings, brandTerms });
    return { ok: true as const };
  };
}
