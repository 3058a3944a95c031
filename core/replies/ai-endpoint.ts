/**
 * The user's OpenAI-compatible endpoint settings: the schema (zod only, so the message protocol can
 * use it without pulling in the drafting engine), where they are kept, and the URLs derived from them.
 */
import { z } from 'zod';

/** The storage.local key of the endpoint settings (never synced, never in backups or exports). */
export const AI_ENDPOINT_KEY = 'aiEndpoint';

function isAllowedBase(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.username || url.password || url.search || url.hash) return false;
  if (url.protocol === 'https:') return true;
  // Plain http only to a server on this machine (Ollama, LM Studio, llama.cpp).
  return url.protocol === 'http:' && ['localhost', '127.0.0.1'].includes(url.hostname);
}

export const AiEndpoint = z.object({
  baseUrl: z.string().trim().min(1).max(500).refine(isAllowedBase, 'https:// (or http:// to this machine)'),
  model: z.string().trim().min(1).max(200),
  /** Empty for local servers that need none. */
  apiKey: z.string().trim().max(1_000),
});
export type AiEndpoint = z.infer<typeof AiEndpoint>;

/**
 * The chat-completions URL: `{base}/v1/chat/completions` for a server's root ("http://localhost:11434"),
 * `{base}/chat/completions` when the base already names the API version ("…/v1", "…/api/v1").
 */
export function chatCompletionsUrl(baseUrl: string): string {
  const base = baseUrl.trim().replace(/\/+$/, '');
  return /\/v\d+(?:beta)?$/.test(base) ? `${base}/chat/completions` : `${base}/v1/chat/completions`;
}

/** The host permission the endpoint needs (any port of its host: match patterns carry none). */
export function endpointPermission(baseUrl: string): string {
  const url = new URL(baseUrl);
  return `${url.protocol}//${url.hostname}/*`;
}
