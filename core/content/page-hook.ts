/**
 * The page-world hook: wraps the page's `fetch` and `XMLHttpRequest` so that the JSON a page's own
 * scripts load from an allowlisted, post-carrying endpoint (see core/platforms/endpoints.ts) is
 * handed to the isolated content script. It runs in the page's MAIN world at document_start, so it
 * imports nothing but the allowlist, and it never changes what the page sees: the same response
 * objects and promises, the same errors, the same timing (the copy is read after the page got its
 * response), and nothing it does can throw into the page.
 *
 * Hand-over: a `CustomEvent` named PAGE_DATA_EVENT on the document, whose detail is one string —
 * `<response URL>\n<query name or ''>\n<response text>` (a string crosses between the worlds in
 * Chrome and Firefox alike; an object would not). The page can dispatch the same event: the
 * isolated side treats it as page input (validates, caps, checks the allowlist again).
 *
 * Until the isolated side says it is listening (READY_EVENT, detail 'on' or 'off'), responses are
 * kept in a small buffer; 'off' (capture switched off, or a platform without a response reader)
 * makes every wrapper a plain pass-through.
 */
import type { PlatformId } from '../model';
import { matchEndpoint, maxChars } from '../platforms/endpoints';

export const PAGE_DATA_EVENT = 'resonanz:page-data';
export const READY_EVENT = 'resonanz:page-data-ready';
/** Responses kept while the isolated side is not listening yet (the first feed page arrives early). */
const BUFFER_ITEMS = 40;
const BUFFER_CHARS = 24_000_000;
/** Where Facebook-style GraphQL requests name their query. */
const NAME_HEADER = 'x-fb-friendly-name';
const NAME_FIELD = 'fb_api_req_friendly_name';
const KEEP_MEASURES = 2_000;
/** The hook's time goes on the page's timeline only in development and the benchmarks' `trace` build. */
const TRACE = import.meta.env?.DEV === true || import.meta.env?.MODE === 'trace';

type Mode = 'buffer' | 'on' | 'off';
type FetchArgs = [input: RequestInfo | URL, init?: RequestInit];

/** What the hook needs of the page's window (a fake one in tests). */
export interface HookWindow {
  fetch: typeof fetch;
  XMLHttpRequest: typeof XMLHttpRequest;
  document: Document;
  location: { href: string };
  CustomEvent: typeof CustomEvent;
  performance?: {
    now(): number;
    measure?(name: string, options: { start: number }): unknown;
    clearMeasures?(name: string): void;
  };
}

/** Installs the hook for `platform` on `win`; returns a function that makes it a pass-through. */
export function installPageHook(win: HookWindow, platform: PlatformId): () => void {
  let mode: Mode = 'buffer';
  const buffer: string[] = [];
  let buffered = 0;

  const hand = (detail: string) => {
    if (mode === 'off') return;
    if (mode === 'buffer') {
      if (buffer.length >= BUFFER_ITEMS || buffered + detail.length > BUFFER_CHARS) return;
      buffer.push(detail);
      buffered += detail.length;
      return;
    }
    try {
      win.document.dispatchEvent(new win.CustomEvent(PAGE_DATA_EVENT, { detail }));
    } catch {
      // A listener that throws (the page's own, for this event name) stays its own problem.
    }
  };

  const onReady = (event: Event) => {
    const detail = (event as CustomEvent<unknown>).detail;
    if (detail !== 'on' && detail !== 'off') return;
    mode = detail;
    const queued = buffer.splice(0);
    buffered = 0;
    if (mode === 'on') for (const item of queued) hand(item);
  };
  win.document.addEventListener(READY_EVENT, onReady);

  /** The allowlisted endpoint's size cap for a request, or null when its response is not read. */
  const allowed = (url: string, operation: string | null): { url: string; cap: number } | null => {
    if (mode === 'off') return null;
    const pageUrl = new URL(win.location.href);
    const responseUrl = new URL(url, pageUrl);
    const endpoint = matchEndpoint(platform, responseUrl, pageUrl, operation);
    return endpoint ? { url: responseUrl.href, cap: maxChars(endpoint) } : null;
  };

  const deliver = (url: string, operation: string | null, text: string, cap: number) => {
    if (text.length === 0 || text.length > cap) return;
    hand(`${url}\n${operation ?? ''}\n${text}`);
  };

  // The hook's own time on the page's timeline (trace builds only), like the capture loop's
  // `resonanz:read`; cleared now and then so a long session does not pile them up.
  let measures = 0;
  const measure = (start: number) => {
    if (!TRACE) return;
    try {
      win.performance?.measure?.('resonanz:hook', { start });
      if (++measures >= KEEP_MEASURES) {
        win.performance?.clearMeasures?.('resonanz:hook');
        measures = 0;
      }
    } catch {
      // A page that replaced `performance` loses the measure, nothing else.
    }
  };

  // ─── fetch ───
  const originalFetch = win.fetch;
  const hookedFetch = function fetch(this: unknown, ...args: FetchArgs): Promise<Response> {
    const result: Promise<Response> = Reflect.apply(originalFetch, this, args);
    try {
      const start = win.performance?.now() ?? 0;
      const watched = allowed(requestUrl(args[0]), fetchOperation(args[0], args[1]));
      if (watched) {
        const [input, init] = args;
        result.then(
          (response) => {
            try {
              if (!response.ok || tooLong(response.headers.get('content-length'), watched.cap)) return;
              const readStart = win.performance?.now() ?? 0;
              response
                .clone()
                .text()
                .then(
                  (text) => {
                    const handStart = win.performance?.now() ?? 0;
                    deliver(watched.url, fetchOperation(input, init), text, watched.cap);
                    measure(handStart);
                  },
                  () => {},
                );
              measure(readStart);
            } catch {
              // A body the page already read, or a page that replaced Response: the page is unaffected.
            }
          },
          () => {},
        );
      }
      measure(start);
    } catch {
      // The page's own request goes on exactly as without the hook.
    }
    return result;
  };
  win.fetch = hookedFetch;

  // ─── XMLHttpRequest ───
  const proto = win.XMLHttpRequest.prototype;
  const { open, send, setRequestHeader } = proto;
  const requests = new WeakMap<XMLHttpRequest, { url: string; operation: string | null }>();
  proto.open = function (this: XMLHttpRequest, ...args: unknown[]) {
    try {
      requests.set(this, { url: String(args[1]), operation: null });
    } catch {
      // Never in the page's way.
    }
    return Reflect.apply(open, this, args);
  } as typeof proto.open;
  proto.setRequestHeader = function (this: XMLHttpRequest, name: string, value: string) {
    try {
      const request = requests.get(this);
      if (request && name.toLowerCase() === NAME_HEADER) request.operation = value;
    } catch {
      // Never in the page's way.
    }
    return Reflect.apply(setRequestHeader, this, [name, value]);
  };
  proto.send = function (this: XMLHttpRequest, body?: Document | XMLHttpRequestBodyInit | null) {
    try {
      const start = win.performance?.now() ?? 0;
      const request = requests.get(this);
      const operation = request ? (request.operation ?? bodyOperation(body)) : null;
      const watched = request ? allowed(request.url, operation) : null;
      if (watched) {
        this.addEventListener('load', () => {
          try {
            const readStart = win.performance?.now() ?? 0;
            if (this.status < 200 || this.status > 299) return;
            const type = this.responseType;
            const text =
              type === '' || type === 'text'
                ? this.responseText
                : type === 'json' && this.response !== null
                  ? JSON.stringify(this.response)
                  : '';
            deliver(this.responseURL || watched.url, operation, text, watched.cap);
            measure(readStart);
          } catch {
            // Never in the page's way.
          }
        });
      }
      measure(start);
    } catch {
      // Never in the page's way.
    }
    return Reflect.apply(send, this, [body]);
  };

  return () => {
    mode = 'off';
    buffer.length = 0;
  };
}

function requestUrl(input: unknown): string {
  if (typeof input === 'string') return input;
  if (input instanceof URL) return input.href;
  const url = (input as { url?: unknown } | null)?.url;
  return typeof url === 'string' ? url : String(input);
}

/** The GraphQL query's name a fetch carries (header or form field), if any. */
function fetchOperation(input: unknown, init: RequestInit | undefined): string | null {
  const header = headerOf(init?.headers) ?? headerOf((input as { headers?: unknown } | null)?.headers);
  return header ?? bodyOperation(init?.body);
}

function headerOf(headers: unknown): string | null {
  if (!headers) return null;
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(NAME_HEADER);
  if (Array.isArray(headers)) {
    const pair = headers.find((h) => Array.isArray(h) && String(h[0]).toLowerCase() === NAME_HEADER);
    return pair ? String(pair[1]) : null;
  }
  for (const [name, value] of Object.entries(headers as Record<string, unknown>))
    if (name.toLowerCase() === NAME_HEADER) return String(value);
  return null;
}

function bodyOperation(body: unknown): string | null {
  if (typeof body === 'string') {
    if (!body.includes(NAME_FIELD)) return null;
    return new URLSearchParams(body).get(NAME_FIELD);
  }
  if (body instanceof URLSearchParams) return body.get(NAME_FIELD);
  if (typeof FormData !== 'undefined' && body instanceof FormData) {
    const value = body.get(NAME_FIELD);
    return typeof value === 'string' ? value : null;
  }
  return null;
}

function tooLong(contentLength: string | null, cap: number): boolean {
  const length = contentLength ? Number(contentLength) : Number.NaN;
  // Content-Length counts (maybe compressed) bytes; UTF-8 spends at most three per character, so
  // more than three bytes per allowed character is over the cap for sure. The text is checked again.
  return Number.isFinite(length) && length > cap * 3;
}
