/**
 * The storage.local keys that hold secrets (an API key, an access token). They must be readable by
 * the extension's own pages and worker only, never by content scripts (which run in web pages): the
 * entrypoint restricts these keys, and nothing writes them from a content script.
 */
import { AI_ENDPOINT_KEY } from '../replies/ai-endpoint';

/** The 4CAT server URL and access token for "Send to 4CAT" (schema: FourcatServer in core/export/fourcat). */
export const FOURCAT_SERVER_KEY = 'fourcatServer';

/** Every storage.local key holding a secret. */
export const SECRET_STORAGE_KEYS = [AI_ENDPOINT_KEY, FOURCAT_SERVER_KEY] as const;
