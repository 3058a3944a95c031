/**
 * "Send to 4CAT": uploads one platform's NDJSON to a 4CAT server as Zeeschuimer does, then follows
 * the import until 4CAT has mapped it. Verified in digitalmethodsinitiative/4cat
 * (webtool/views/api_tool.py, webtool/views/access.py) and digitalmethodsinitiative/zeeschuimer
 * (popup/interface.js):
 *
 * - `POST {server}/api/import-dataset/` with the NDJSON as the raw body and the header
 *   `X-Zeeschuimer-Platform: <module id>`; 4CAT takes the part before the first dot as the data
 *   source (`twitter.com` → `twitter`) and answers 404 "Unknown platform or source format" when that
 *   data source is not enabled there. `?pseudonymise=pseudonymise|anonymise` queues 4CAT's own
 *   author-info remover before anything else can read the dataset. Answer: `{status, key, url}`
 *   (url relative). Rate-limited to 5 per minute (429).
 * - Authentication: an access token (4CAT: Settings → Access tokens) in the `Authorization` header
 *   (raw token, no scheme), which 4CAT's request loader reads; without a valid one, 4CAT redirects to
 *   its login page (Zeeschuimer detects that by the response URL) or answers 401/403.
 * - `GET {server}/api/check-query/?key=…` until `done`: `{status (HTML), rows, progress (0–100),
 *   done, url (absolute), datasource}`; 403 when the token's user cannot see the dataset.
 *
 * Pure: fetch and the clock are passed in; nothing here reads storage or extension APIs.
 */
import { z } from 'zod';

/** Where the server URL and token live (storage.local, trusted contexts only; see core/worker/secrets). */
export const FourcatServer = z.object({
  /** The server's origin, e.g. https://4cat.example.org (no path: 4CAT's API is at the root). */
  url: z.string().min(1).max(500),
  token: z.string().trim().min(1).max(1_000),
});
export type FourcatServer = z.infer<typeof FourcatServer>;

/**
 * The origin of a 4CAT server from what a user typed ("4cat.example.org", "https://…/results/"),
 * or null when it is not https:// (or http:// to this machine, as for a local 4CAT in Docker).
 */
export function normaliseServerUrl(input: string): string | null {
  let text = input.trim();
  if (!text) return null;
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) {
    const local = /^(localhost|127\.0\.0\.1)(:\d+)?(\/|$)/i.test(text);
    text = `${local ? 'http' : 'https'}://${text}`;
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.username || url.password) return null;
  if (url.protocol === 'https:') return url.origin;
  if (url.protocol === 'http:' && ['localhost', '127.0.0.1'].includes(url.hostname)) return url.origin;
  return null;
}

/** The host permission the server needs (match patterns carry no port). */
export function serverPermission(origin: string): string {
  const url = new URL(origin);
  return `${url.protocol}//${url.hostname}/*`;
}

export type FourcatPseudonymise = 'none' | 'pseudonymise' | 'anonymise';

/** What the upload is doing, for the progress line. */
export type UploadEvent =
  | { phase: 'uploading'; attempt: number }
  | { phase: 'waiting'; reason: 'rate-limit' | 'network'; seconds: number }
  | { phase: 'processing'; key: string; progress: number | null; status: string; rows: number | null };

export type UploadError =
  /** 401/403 or a redirect to the login page: the token is wrong, expired or lacks rights. */
  | 'auth'
  /** 404 on upload: the server has no such data source enabled (or it is no 4CAT). */
  | 'not-enabled'
  /** Still rate-limited after every retry. */
  | 'rate-limit'
  /** The server could not be reached (before the upload arrived: nothing was created). */
  | 'network'
  /** The upload arrived, but the server stopped answering while 4CAT processed it: check again. */
  | 'lost-while-processing'
  /** Another HTTP status, or an answer that is not 4CAT's. */
  | 'server'
  | 'aborted';

export type UploadResult =
  | { ok: true; key: string; rows: number; url: string; datasource: string | null }
  | { ok: false; error: UploadError; status?: number; detail?: string; key?: string; url?: string };

export interface UploadOptions {
  server: FourcatServer;
  /** Zeeschuimer module id of the platform (`twitter.com`, `threads.net`…). */
  platform: string;
  body: Blob | string;
  pseudonymise?: FourcatPseudonymise;
  fetch?: typeof fetch;
  /** Waits (tests pass a fake clock). */
  sleep?: (ms: number) => Promise<void>;
  onEvent?: (event: UploadEvent) => void;
  signal?: AbortSignal;
  /** 429s waited out before giving up. Default 3. */
  rateLimitRetries?: number;
  /** Seconds to wait on a 429 without Retry-After. Default 60 (4CAT allows 5 uploads a minute). */
  rateLimitWaitSeconds?: number;
  /** Between status checks. Default 1000 ms (as Zeeschuimer). */
  pollIntervalMs?: number;
  /** Failed status checks in a row before giving up (the dataset exists; check again later). Default 5. */
  pollFailures?: number;
  /** Status checks before giving up on a dataset that never finishes. Default 3600 (an hour). */
  maxPolls?: number;
}

const ImportAnswer = z.object({
  key: z.string().min(1),
  url: z.string().optional(),
  status: z.string().optional(),
});
const CheckAnswer = z.object({
  done: z.boolean(),
  status: z.string().nullish(),
  rows: z.number().nullish(),
  progress: z.number().nullish(),
  url: z.string().nullish(),
  datasource: z.string().nullish(),
});

/** 4CAT's status is Markdown rendered to HTML; shown as plain text. */
export function plainStatus(html: string | null | undefined): string {
  return (html ?? '')
    .replace(/<[^>]*>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

class Aborted extends Error {}

/** A redirect (to 4CAT's login page) or 401/403: the token did not authenticate. */
function isAuthFailure(response: Response): boolean {
  if (response.type === 'opaqueredirect') return true;
  if (response.status >= 300 && response.status < 400) return true;
  return response.status === 401 || response.status === 403;
}

async function detailOf(response: Response): Promise<string> {
  const text = await response.text().catch(() => '');
  try {
    const json = JSON.parse(text) as { message?: unknown; error?: unknown };
    const message = json.message ?? json.error;
    if (typeof message === 'string') return message.slice(0, 300);
  } catch {
    // not JSON: 4CAT's HTML error page or another server
  }
  return plainStatus(text).slice(0, 300);
}

function retryAfterSeconds(response: Response, fallback: number): number {
  const header = response.headers.get('Retry-After');
  if (header === null) return fallback;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds, 600);
  const at = Date.parse(header);
  return Number.isFinite(at) ? Math.min(Math.max(0, Math.ceil((at - Date.now()) / 1000)), 600) : fallback;
}

/** Uploads one platform's NDJSON and follows 4CAT's import to the end. Never throws. */
export async function uploadTo4cat(options: UploadOptions): Promise<UploadResult> {
  const doFetch = options.fetch ?? fetch;
  const sleep = options.sleep ?? defaultSleep;
  const signal = options.signal;
  const check = () => {
    if (signal?.aborted) throw new Aborted();
  };
  const headers = { Authorization: options.server.token.trim() };
  const origin = options.server.url;
  try {
    const mode = options.pseudonymise ?? 'none';
    const query = mode === 'none' ? '' : `?pseudonymise=${mode}`;
    let key: string | null = null;
    let datasetUrl: string | undefined;
    for (let attempt = 1; key === null; attempt++) {
      check();
      options.onEvent?.({ phase: 'uploading', attempt });
      let response: Response;
      try {
        response = await doFetch(`${origin}/api/import-dataset/${query}`, {
          method: 'POST',
          headers: {
            ...headers,
            'X-Zeeschuimer-Platform': options.platform,
            'Content-Type': 'application/x-ndjson',
          },
          body: options.body,
          // A redirect goes to the login page: never follow it with the token.
          redirect: 'manual',
          credentials: 'omit',
          signal,
        });
      } catch (error) {
        if (signal?.aborted) throw new Aborted();
        // Nothing arrived, or we cannot know: no retry, so a dataset is never created twice.
        return { ok: false, error: 'network', detail: (error as Error)?.message };
      }
      if (isAuthFailure(response)) return { ok: false, error: 'auth', status: response.status };
      if (response.status === 404)
        return { ok: false, error: 'not-enabled', status: 404, detail: await detailOf(response) };
      if (response.status === 429) {
        if (attempt > (options.rateLimitRetries ?? 3)) return { ok: false, error: 'rate-limit', status: 429 };
        const seconds = retryAfterSeconds(response, options.rateLimitWaitSeconds ?? 60);
        options.onEvent?.({ phase: 'waiting', reason: 'rate-limit', seconds });
        await sleep(seconds * 1000);
        continue;
      }
      if (!response.ok)
        return { ok: false, error: 'server', status: response.status, detail: await detailOf(response) };
      const parsed = ImportAnswer.safeParse(await response.json().catch(() => null));
      if (!parsed.success)
        return { ok: false, error: 'server', status: response.status, detail: 'not a 4CAT answer' };
      key = parsed.data.key;
      datasetUrl = parsed.data.url ? new URL(parsed.data.url, origin).href : undefined;
    }
    return await follow(key, datasetUrl, options, doFetch, sleep, headers);
  } catch (error) {
    if (error instanceof Aborted) return { ok: false, error: 'aborted' };
    return { ok: false, error: 'server', detail: (error as Error)?.message };
  }
}

/**
 * Follows a dataset 4CAT is importing until it is done (also to resume after the connection was
 * lost while it processed: call with the key from the failed result). Never throws.
 */
export async function followImport(
  key: string,
  options: Omit<UploadOptions, 'body' | 'platform' | 'pseudonymise' | 'rateLimitRetries'>,
): Promise<UploadResult> {
  try {
    return await follow(key, undefined, options, options.fetch ?? fetch, options.sleep ?? defaultSleep, {
      Authorization: options.server.token.trim(),
    });
  } catch (error) {
    if (error instanceof Aborted) return { ok: false, error: 'aborted' };
    return { ok: false, error: 'server', detail: (error as Error)?.message };
  }
}

async function follow(
  key: string,
  datasetUrl: string | undefined,
  options: Pick<
    UploadOptions,
    'server' | 'onEvent' | 'signal' | 'pollIntervalMs' | 'pollFailures' | 'maxPolls'
  >,
  doFetch: typeof fetch,
  sleep: (ms: number) => Promise<void>,
  headers: Record<string, string>,
): Promise<UploadResult> {
  const origin = options.server.url;
  const interval = options.pollIntervalMs ?? 1000;
  let failures = 0;
  const lost = (detail?: string): UploadResult => ({
    ok: false,
    error: 'lost-while-processing',
    key,
    ...(datasetUrl ? { url: datasetUrl } : {}),
    ...(detail ? { detail } : {}),
  });
  for (let poll = 0; poll < (options.maxPolls ?? 3600); poll++) {
    if (options.signal?.aborted) throw new Aborted();
    let response: Response;
    try {
      response = await doFetch(`${origin}/api/check-query/?key=${encodeURIComponent(key)}`, {
        headers,
        redirect: 'manual',
        credentials: 'omit',
        signal: options.signal,
      });
    } catch (error) {
      if (options.signal?.aborted) throw new Aborted();
      failures += 1;
      if (failures >= (options.pollFailures ?? 5)) return lost((error as Error)?.message);
      const seconds = Math.min(30, 2 ** failures);
      options.onEvent?.({ phase: 'waiting', reason: 'network', seconds });
      await sleep(seconds * 1000);
      continue;
    }
    if (isAuthFailure(response)) return { ok: false, error: 'auth', status: response.status, key };
    if (response.status === 429) {
      const seconds = retryAfterSeconds(response, 5);
      options.onEvent?.({ phase: 'waiting', reason: 'rate-limit', seconds });
      await sleep(seconds * 1000);
      continue;
    }
    if (!response.ok) {
      failures += 1;
      if (failures >= (options.pollFailures ?? 5)) return lost(`HTTP ${response.status}`);
      await sleep(interval);
      continue;
    }
    const parsed = CheckAnswer.safeParse(await response.json().catch(() => null));
    if (!parsed.success)
      return { ok: false, error: 'server', status: response.status, detail: 'not a 4CAT answer', key };
    failures = 0;
    const answer = parsed.data;
    if (answer.url) datasetUrl = new URL(answer.url, origin).href;
    if (answer.done)
      return {
        ok: true,
        key,
        rows: answer.rows ?? 0,
        url: datasetUrl ?? `${origin}/results/${encodeURIComponent(key)}/`,
        datasource: answer.datasource ?? null,
      };
    options.onEvent?.({
      phase: 'processing',
      key,
      progress: answer.progress ?? null,
      status: plainStatus(answer.status),
      rows: answer.rows ?? null,
    });
    await sleep(interval);
  }
  return lost('4CAT did not finish in time');
}
