/**
 * The isolated side of the page-world hook (page-hook.ts): receives the responses the hook handed
 * over, and reads each with the platform's `readResponse`. Everything arriving here is page input
 * (the page can dispatch the same event), so it is validated with zod, capped again, checked
 * against the allowlist again, parsed without trusting it, and work happens at idle time, never
 * inside the page's own event dispatch. Unreadable responses are counted, never thrown.
 */
import { z } from 'zod';
import type { EmbeddedData } from '../platforms/adapter';
import { DEFAULT_MAX_CHARS, matchEndpoint, maxChars } from '../platforms/endpoints';
import { type Adapter, pageContext } from '../platforms/index';
import { PAGE_DATA_EVENT, READY_EVENT } from './page-hook';

/** One hand-over: `<url>\n<query name>\n<text>`, at most the largest cap plus room for the address. */
const HandOver = z.string().max(DEFAULT_MAX_CHARS + 10_000);
/** Responses waiting to be read; more arriving before the page is idle are dropped (and counted). */
const QUEUE = 64;
/** Reads go on the page's timeline only in development and the benchmarks' `trace` build (see capture-loop.ts). */
const TRACE = import.meta.env?.DEV === true || import.meta.env?.MODE === 'trace';
/** JSON that some platforms put before a response so it cannot be run as a script. */
const GUARD = /^\s*(?:for\s*\(\s*;\s*;\s*\)\s*;|while\s*\(\s*1\s*\)\s*;|\)\]\}',?)/;

/** How the page's own responses fared: read, or not (not JSON, too large, or the reader failed). */
export interface PageDataStats {
  read: number;
  failed: number;
}

export interface PageDataOptions {
  adapter: Adapter;
  doc: Document;
  url: () => string;
  /** The data read from one response (posts, comments, profile, raw items). */
  onData: (data: EmbeddedData) => void;
  /** Runs `task` when the page is idle. */
  idle?: (task: () => void) => void;
  now?: () => Date;
}

export class PageDataReceiver {
  readonly stats: PageDataStats = { read: 0, failed: 0 };
  private readonly queue: string[] = [];
  private scheduled = false;
  private listening = false;

  constructor(private readonly options: PageDataOptions) {}

  private readonly onEvent = (event: Event) => {
    const detail = HandOver.safeParse((event as CustomEvent<unknown>).detail);
    if (!detail.success || this.queue.length >= QUEUE) {
      this.stats.failed++;
      return;
    }
    this.queue.push(detail.data);
    this.schedule();
  };

  /** Starts listening, and tells the hook to hand over (or to stand down when `capture` is false). */
  start(capture: boolean): void {
    const on = capture && typeof this.options.adapter.readResponse === 'function';
    if (on && !this.listening) {
      this.options.doc.addEventListener(PAGE_DATA_EVENT, this.onEvent);
      this.listening = true;
    }
    const View = this.options.doc.defaultView?.CustomEvent ?? CustomEvent;
    this.options.doc.dispatchEvent(new View(READY_EVENT, { detail: on ? 'on' : 'off' }));
  }

  stop(): void {
    this.options.doc.removeEventListener(PAGE_DATA_EVENT, this.onEvent);
    this.listening = false;
    this.queue.length = 0;
    const View = this.options.doc.defaultView?.CustomEvent ?? CustomEvent;
    this.options.doc.dispatchEvent(new View(READY_EVENT, { detail: 'off' }));
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    (this.options.idle ?? ((task) => setTimeout(task, 0)))(() => {
      this.scheduled = false;
      // One response per idle moment: a 2 MB feed page is one task, never several at once.
      const next = this.queue.shift();
      if (next !== undefined) this.read(next);
      if (this.queue.length) this.schedule();
    });
  }

  /** Reads one hand-over; exported behaviour for tests through the event only. */
  private read(detail: string): void {
    const started = performance.now();
    const data = readHandOver(this.options, detail);
    if (data) {
      this.stats.read++;
      this.options.onData(data);
    } else this.stats.failed++;
    if (TRACE) performance.measure?.('resonanz:page-data', { start: started });
  }
}

/** The data in one hand-over, or null when it is malformed, not allowlisted, not JSON or unreadable. */
export function readHandOver(
  options: Pick<PageDataOptions, 'adapter' | 'doc' | 'url' | 'now'>,
  detail: string,
): EmbeddedData | null {
  const { adapter } = options;
  if (!adapter.readResponse) return null;
  const first = detail.indexOf('\n');
  const second = first < 0 ? -1 : detail.indexOf('\n', first + 1);
  if (second < 0) return null;
  let responseUrl: URL;
  let pageUrl: URL;
  try {
    responseUrl = new URL(detail.slice(0, first));
    pageUrl = new URL(options.url());
  } catch {
    return null;
  }
  const operation = detail.slice(first + 1, second) || null;
  const endpoint = matchEndpoint(adapter.id, responseUrl, pageUrl, operation);
  const text = detail.slice(second + 1);
  if (!endpoint || text.length > maxChars(endpoint)) return null;
  const documents = parseDocuments(text);
  if (!documents.length) return null;
  const page = pageContext(adapter, options.doc, pageUrl, options.now?.() ?? new Date());
  const out: Required<EmbeddedData> = { posts: [], comments: [], profile: null, raw: [] };
  let readAny = false;
  for (const json of documents) {
    try {
      const data = adapter.readResponse(json, responseUrl, page);
      out.posts.push(...(data.posts ?? []));
      out.comments.push(...(data.comments ?? []));
      out.raw.push(...(data.raw ?? []));
      out.profile = data.profile ?? out.profile;
      readAny = true;
    } catch {
      // One document the reader cannot read does not cost the others.
    }
  }
  return readAny ? out : null;
}

/**
 * The JSON documents of a response: one, or one per line (Facebook streams a query's parts as
 * newline-separated documents), after the anti-script guard some platforms put in front.
 */
function parseDocuments(text: string): unknown[] {
  const body = text.replace(GUARD, '');
  try {
    return [JSON.parse(body)];
  } catch {
    const documents: unknown[] = [];
    for (const line of body.split('\n')) {
      if (!line.trim()) continue;
      try {
        documents.push(JSON.parse(line));
      } catch {
        return [];
      }
    }
    return documents;
  }
}
