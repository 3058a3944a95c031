/**
 * The content script's engine: reads the page on load, then only the posts that appeared or
 * changed (MutationObserver, batched at idle time), and hands batches to `send`. Unsent batches are
 * kept and retried with back-off, so a worker that was stopped mid-batch loses nothing. Free of
 * extension APIs: the entrypoint passes `send`, tests pass a fake.
 *
 * It runs the same two readers as `extractPage`: the DOM reader, and the page's own data (the
 * embedded JSON, read on every full read, plus the responses the page-world hook hands over through
 * `addPageData`), reconciled per post id as in reconcile.ts. Posts only the data has are sent
 * flagged `seenOnScreen: false`, once, after a short grace in which the page may still render them.
 */

import type { z } from 'zod';
import type { ContentMessages, ErrorResponse } from '../messages';
import type { CommentSnapshot, PageExtraction, PostSnapshot } from '../model';
import { countInLabel } from '../parse/count';
import { parseTime } from '../parse/time';
import { type Adapter, type EmbeddedData, type PageContext, tallyMissing } from '../platforms/adapter';
import { pageContext, readCommentsOf, readEmbeddedOf, readPosts, readProfileOf } from '../platforms/index';
import {
  collectPageData,
  combineData,
  dataOnly,
  mergePost,
  mergeProfile,
  type PageData,
  reconcile,
} from '../platforms/reconcile';
import type { PageDataStats } from './page-data';

type CaptureRequest = z.infer<typeof ContentMessages.capture.request>;
type CaptureResponse = z.infer<typeof ContentMessages.capture.response>;

export interface CaptureLoopOptions {
  adapter: Adapter;
  doc: Document;
  /** The page's current URL (it changes on in-app navigation). */
  url: () => string;
  send: (request: CaptureRequest) => Promise<CaptureResponse | ErrorResponse | undefined>;
  /** Runs `task` when the page is idle (requestIdleCallback in the browser). */
  idle?: (task: () => void) => void;
  /** Told about every post element read, with its snapshot (the overlay badges hook in here). */
  onPosts?: (read: readonly { el: Element; post: PostSnapshot }[]) => void;
  /** Scores the worker computed for the posts of a batch (the badges show them). */
  onScores?: (scores: CaptureResponse['scores']) => void;
  /** Nodes the loop itself adds to posts (the overlay's badges): their insertion is not a change. */
  ignore?: (node: Node) => boolean;
  /** Longest stretch of reading before yielding to the page (default SLICE_MS). */
  sliceMs?: number;
  /** Largest number of posts in one message. */
  batchSize?: number;
  /** How many sent posts are remembered (default REMEMBER_SENT). */
  rememberSent?: number;
  now?: () => Date;
  setTimer?: (fn: () => void, ms: number) => unknown;
  /** How the page's own responses fared (the page-data receiver's counters), for health. */
  pageDataStats?: () => PageDataStats;
  /** Wait before a post only the page's data has is sent as not seen (default DATA_GRACE_MS). */
  dataGraceMs?: number;
}

const RETRY_MS = [250, 1_000, 4_000, 15_000, 60_000];
/** `resonanz:read` measures left on the page's timeline before they are cleared (benchmarks read them). */
const KEEP_MEASURES = 2_000;
/**
 * On a post page, comments are re-read at most this often when no post changed, so a reply that
 * appears under a comment (the account answering) reaches the worker without a post changing.
 */
const COMMENTS_EVERY_MS = 1_000;
/**
 * Posts whose last sent state is remembered, so re-reading an unchanged post sends nothing. A post
 * forgotten and seen again is sent again, which the worker stores as a no-op.
 */
const REMEMBER_SENT = 5_000;
/** Longest stretch of reading before yielding to the page (well under the 50 ms long-task mark, with room for one slow post). */
const SLICE_MS = 8;
/**
 * Comments in one message: a post page with more than the schema allows per message (20,000) made
 * the worker refuse the whole batch, posts included; more are sent in batches of their own.
 */
export const COMMENTS_PER_BATCH = 1_000;
/**
 * Batches kept while the worker does not take them (capture paused, storage full). Beyond this the
 * oldest are dropped and their posts forgotten as sent, so they go out again when next read: an
 * endless feed cannot grow the page's memory while capture waits.
 */
export const MAX_OUTBOX = 100;
/**
 * Whether reads are put on the page's performance timeline (`resonanz:read`, with the number of posts
 * read): a trace any page script can see, so only in development, tests, and the `trace` build the
 * benchmarks and soaks measure (`wxt build --mode trace`); never in the production build.
 */
const TRACE = import.meta.env?.DEV === true || import.meta.env?.MODE === 'trace';
/**
 * A post a response brought is sent as "not seen on screen" only after this long without the page
 * rendering it: a feed renders what it fetched within moments, and one write beats two.
 */
const DATA_GRACE_MS = 1_500;
/** Posts and comments of the page's data kept for reconciling (the most recent ones). */
const REMEMBER_DATA = 3_000;
/** Raw items per batch (research exports); the rest follow in later batches. */
const RAW_PER_BATCH = 200;
/** Raw items already sent, remembered so a re-read does not send them again. */
const REMEMBER_RAW = 5_000;

export class CaptureLoop {
  private readonly known = new Map<Element, PostSnapshot | null>();
  /** A hash of each post as last sent, for the REMEMBER_SENT posts sent most recently. */
  private readonly lastSent = new Map<string, number>();
  private readonly dirty = new Set<Element>();
  private readonly outbox: CaptureRequest[] = [];
  private readonly queue: Element[] = [];
  private readonly queued = new Set<Element>();
  private resetNext = false;
  private candidates = 0;
  private observer: MutationObserver | null = null;
  private scheduled = false;
  private flushing = false;
  private retry = 0;
  private currentUrl = '';
  private stopped = false;
  /** `resonanz:read` measures on the page's timeline since it was last cleared. */
  private measures = 0;
  /** What the comments looked like when last sent (ids, texts, threading, authorship). */
  private commentsSignature = '';
  private commentsReadAt = Number.NEGATIVE_INFINITY;
  private commentsTimer = false;
  /**
   * The page's own data per post id: when it arrived (performance.now()), and whether it changed
   * since it was last looked at for sending (only those are considered, not all of them every read).
   */
  private readonly dataPosts = new Map<string, { post: PostSnapshot; at: number; pending: boolean }>();
  private readonly dataComments = new Map<string, CommentSnapshot>();
  private dataProfile: PageData['profile'] = null;
  private readonly rawOut = new Map<string, PageData['raw'][number]>();
  private readonly rawSent = new Set<string>();
  /** Per post id, the fields on which the DOM and the data disagreed (health counts posts per field). */
  private readonly disagreed = new Map<string, Set<string>>();
  private dataTimer = false;
  private dataChanged = false;

  constructor(private readonly options: CaptureLoopOptions) {}

  /** Reads the whole page and starts watching it. */
  start(): void {
    this.stopped = false;
    this.currentUrl = this.options.url();
    // Build the count and time parsers' tables in an idle moment of their own, not in the first read.
    const idle = this.options.idle ?? ((task: () => void) => setTimeout(task, 0));
    idle(() => {
      warmParsers(this.options.doc);
      idle(() => this.scan(true));
    });
    const Observer = this.options.doc.defaultView?.MutationObserver ?? globalThis.MutationObserver;
    this.observer = new Observer((records) => this.onMutations(records));
    this.observer.observe(this.options.doc.documentElement, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
      attributeFilter: ['aria-label', 'datetime', 'href', 'title'],
    });
  }

  /** Stops watching; queued batches stay in the outbox until `start` runs again. */
  stop(): void {
    this.stopped = true;
    this.observer?.disconnect();
    this.observer = null;
  }

  /** In-app navigation: forget the old page and read the new one whole. */
  navigated(): void {
    if (this.options.url() === this.currentUrl) return;
    this.currentUrl = this.options.url();
    this.known.clear();
    this.dirty.clear();
    this.disagreed.clear();
    this.scan(true);
  }

  /**
   * Data the page loaded (a response the hook handed over, read by the adapter): exact values for
   * posts on screen (re-read and reconciled), and posts the page did not render yet.
   */
  addPageData(data: EmbeddedData): void {
    this.ingest(collectPageData(data), performance.now());
    this.schedule();
  }

  private ingest(data: PageData, at: number): void {
    for (const post of data.posts) {
      const before = this.dataPosts.get(post.id);
      this.dataPosts.delete(post.id);
      this.dataPosts.set(post.id, {
        post: before ? combineData(before.post, post) : post,
        at: before?.at ?? at,
        pending: true,
      });
      if (this.dataPosts.size > REMEMBER_DATA) this.dataPosts.delete(this.dataPosts.keys().next().value!);
    }
    for (const comment of data.comments) {
      this.dataComments.delete(comment.id);
      this.dataComments.set(comment.id, comment);
      if (this.dataComments.size > REMEMBER_DATA)
        this.dataComments.delete(this.dataComments.keys().next().value!);
    }
    if (data.profile) this.dataProfile = data.profile;
    for (const item of data.raw) {
      const key = `${item.kind}:${item.id}`;
      if (this.rawSent.has(key)) continue;
      this.rawOut.set(key, item);
    }
    if (data.comments.length || data.profile || data.raw.length) this.dataChanged = true;
    // Posts on screen that the data now completes are read again (and reconciled).
    const ids = new Set(data.posts.map((p) => p.id));
    if (ids.size) for (const [el, post] of this.known) if (post && ids.has(post.id)) this.dirty.add(el);
  }

  /** Number of batches not yet acknowledged by the worker. */
  get pending(): number {
    return this.outbox.length;
  }

  private onMutations(records: readonly MutationRecord[]): void {
    const ignore = this.options.ignore;
    for (const record of records) {
      // Our own badges going in or out are not a change of the post.
      if (
        ignore &&
        [...record.addedNodes, ...record.removedNodes].every(ignore) &&
        record.type === 'childList'
      )
        continue;
      // Walk up to the post that contains the change, if it is one we know.
      for (let node: Node | null = record.target; node; node = node.parentNode) {
        if (this.known.has(node as Element)) {
          this.dirty.add(node as Element);
          break;
        }
      }
    }
    this.schedule();
  }

  private schedule(): void {
    if (this.scheduled || this.stopped) return;
    this.scheduled = true;
    const run = () => {
      this.scheduled = false;
      if (this.options.url() !== this.currentUrl) this.navigated();
      else this.scan(false);
    };
    (this.options.idle ?? ((task) => setTimeout(task, 50)))(run);
  }

  /** Finds new and changed posts (all of them when `complete`) and queues them for reading. */
  private scan(complete: boolean): void {
    const { adapter, doc } = this.options;
    const page = pageContext(adapter, doc, new URL(this.options.url()), this.options.now?.() ?? new Date());
    // The embedded data belongs to the document as it is now, as in `extractPage`.
    if (complete) this.ingest(readEmbeddedOf(adapter, page), Number.NEGATIVE_INFINITY);
    const candidates = adapter.findPosts(doc, page);
    const present = new Set(candidates);
    for (const el of [...this.known.keys()]) if (!present.has(el)) this.known.delete(el);
    this.candidates = candidates.length;
    if (complete) {
      this.queue.length = 0;
      this.queued.clear();
      this.resetNext = true;
    }
    for (const el of candidates) {
      if ((complete || !this.known.has(el) || this.dirty.has(el)) && !this.queued.has(el)) {
        this.queue.push(el);
        this.queued.add(el);
      }
    }
    this.dirty.clear();
    this.pump();
  }

  /**
   * Reads queued posts for at most SLICE_MS, sends what changed, and continues at the next idle
   * moment: a 1,000-post feed never blocks the page in one long task.
   */
  private pump(): void {
    if (this.stopped) return;
    const { adapter, doc } = this.options;
    const url = new URL(this.options.url());
    const page = pageContext(adapter, doc, url, this.options.now?.() ?? new Date());
    const started = performance.now();
    const read: { el: Element; post: PostSnapshot }[] = [];
    const slice = this.options.sliceMs ?? SLICE_MS;
    while (this.queue.length && performance.now() - started < slice) {
      const el = this.queue.shift()!;
      this.queued.delete(el);
      if (!el.isConnected) continue;
      const post = this.withData(readPosts(adapter, [el], page)[0] ?? null, page);
      this.known.set(el, post);
      if (post) read.push({ el, post });
    }
    if (read.length) this.options.onPosts?.(read);
    const unseen = this.queue.length ? [] : this.dataOnlyPosts(page);
    const changed = [...read.map((r) => r.post), ...unseen].filter((post) => {
      const signature = hash(JSON.stringify(post));
      if (this.lastSent.get(post.id) === signature) return false;
      // Most recently sent last; an infinite feed would otherwise grow this map without end.
      this.lastSent.delete(post.id);
      this.lastSent.set(post.id, signature);
      if (this.lastSent.size > (this.options.rememberSent ?? REMEMBER_SENT))
        this.lastSent.delete(this.lastSent.keys().next().value!);
      return true;
    });
    const reset = this.resetNext && this.queue.length === 0 ? true : this.resetNext && changed.length > 0;
    const dataChanged = this.dataChanged && this.queue.length === 0;
    if (dataChanged) this.dataChanged = false;
    const comments =
      changed.length || reset || dataChanged
        ? this.readComments(page)
        : this.queue.length
          ? null
          : this.commentsIfDue(page);
    if (changed.length || reset || comments || dataChanged)
      this.enqueueBatches(page, changed, reset, comments ?? []);
    if (reset) this.resetNext = false;
    // Visible to the browser's performance tools (and to the benchmarks), in development builds only.
    if (TRACE) performance.measure?.('resonanz:read', { start: started, detail: { posts: read.length } });
    // The page's timeline keeps every measure until cleared: a long session would pile them up.
    if (TRACE && ++this.measures >= KEEP_MEASURES) {
      performance.clearMeasures?.('resonanz:read');
      this.measures = 0;
    }
    if (this.queue.length) (this.options.idle ?? ((task) => setTimeout(task, 0)))(() => this.pump());
  }

  /** A post read from the DOM, completed by the page's data for the same id (exact values win). */
  private withData(post: PostSnapshot | null, page: PageContext): PostSnapshot | null {
    const data = post ? this.dataPosts.get(post.id) : undefined;
    if (!post || !data) return post;
    const merged = mergePost(post, data.post, page.now);
    if (merged.disagreed.length) this.disagreed.set(post.id, new Set(merged.disagreed));
    else this.disagreed.delete(post.id);
    return merged.post;
  }

  /**
   * Posts of the page's data that no post element on the page shows, flagged as not seen (or seen,
   * when the address names them), once their grace has passed; a timer comes back for the rest.
   */
  private dataOnlyPosts(page: PageContext): PostSnapshot[] {
    if (this.dataPosts.size === 0) return [];
    const onScreen = new Set<string>();
    for (const post of this.known.values()) if (post) onScreen.add(post.id);
    const now = performance.now();
    const out: PostSnapshot[] = [];
    let waiting = Number.POSITIVE_INFINITY;
    for (const [id, entry] of this.dataPosts) {
      if (!entry.pending) continue;
      if (onScreen.has(id)) {
        // Read with the DOM post (ingest marked its element for a re-read).
        entry.pending = false;
        continue;
      }
      const due = entry.at + (this.options.dataGraceMs ?? DATA_GRACE_MS) - now;
      if (due > 0) waiting = Math.min(waiting, due);
      else {
        entry.pending = false;
        out.push(dataOnly(entry.post, page.url));
      }
    }
    if (waiting !== Number.POSITIVE_INFINITY && !this.dataTimer) {
      this.dataTimer = true;
      (this.options.setTimer ?? setTimeout)(() => {
        this.dataTimer = false;
        this.schedule();
      }, waiting);
    }
    return out;
  }

  /** Every visible comment, read against all posts known on the page, with the page's data's comments. */
  private readComments(page: PageContext): CommentSnapshot[] {
    const { adapter } = this.options;
    const posts = [...this.known.values()].filter((p): p is PostSnapshot => p !== null);
    for (const [id, { post }] of this.dataPosts) if (!posts.some((p) => p.id === id)) posts.push(post);
    this.commentsReadAt = performance.now();
    const dom = readCommentsOf(adapter, page, posts);
    const comments = this.dataComments.size
      ? reconcile(
          { posts: [], profile: null, comments: dom },
          { posts: [], profile: null, comments: [...this.dataComments.values()], raw: [] },
          { pageUrl: page.url, now: page.now },
        ).comments
      : dom;
    this.commentsSignature = signatureOf(comments);
    return comments;
  }

  /** The comments when they changed since last sent (post pages only, at most every COMMENTS_EVERY_MS). */
  private commentsIfDue(page: PageContext): CommentSnapshot[] | null {
    if (page.kind !== 'post' || !this.options.adapter.readComments) return null;
    const wait = this.commentsReadAt + COMMENTS_EVERY_MS - performance.now();
    if (wait > 0) {
      if (!this.commentsTimer) {
        this.commentsTimer = true;
        (this.options.setTimer ?? setTimeout)(() => {
          this.commentsTimer = false;
          this.schedule();
        }, wait);
      }
      return null;
    }
    const before = this.commentsSignature;
    const comments = this.readComments(page);
    return this.commentsSignature !== before && comments.length > 0 ? comments : null;
  }

  private enqueueBatches(
    page: PageContext,
    changed: PostSnapshot[],
    reset: boolean,
    comments: CommentSnapshot[],
  ): void {
    const { adapter } = this.options;
    const profile = this.profileOf(page);
    const all = [...this.known.values()].filter((p): p is PostSnapshot => p !== null);
    const health = this.health(all);
    const size = this.options.batchSize ?? 100;
    const commentBatches = Math.ceil(comments.length / COMMENTS_PER_BATCH);
    const raw = [...this.rawOut.entries()];
    const rawBatches = Math.ceil(raw.length / RAW_PER_BATCH);
    const batches = Math.max(1, Math.ceil(changed.length / size), commentBatches, rawBatches);
    for (let b = 0; b < batches; b++) {
      const rawBatch = raw.splice(0, RAW_PER_BATCH);
      for (const [key] of rawBatch) {
        this.rawOut.delete(key);
        this.rawSent.add(key);
        if (this.rawSent.size > REMEMBER_RAW) this.rawSent.delete(this.rawSent.values().next().value!);
      }
      const extraction: PageExtraction = {
        platform: adapter.id,
        url: page.url.href,
        kind: page.kind,
        profile,
        posts: changed.slice(b * size, (b + 1) * size),
        comments: comments.slice(b * COMMENTS_PER_BATCH, (b + 1) * COMMENTS_PER_BATCH),
        health,
        ...(rawBatch.length ? { raw: rawBatch.map(([, item]) => item) } : {}),
      };
      this.outbox.push({
        type: 'capture',
        // Random, so ids never repeat across page loads: the worker stores a batch id once per tab.
        batchId: crypto.randomUUID(),
        // Only the first batch after a full read replaces what the tab shows; the rest append.
        complete: reset && b === 0,
        extraction,
        uiLanguage: this.options.doc.documentElement?.lang || null,
      });
    }
    this.bound();
    void this.flush();
  }

  /** Drops the oldest waiting batches beyond MAX_OUTBOX (never the one being sent). */
  private bound(): void {
    while (this.outbox.length > MAX_OUTBOX) {
      const [dropped] = this.outbox.splice(this.flushing ? 1 : 0, 1);
      for (const post of dropped?.extraction.posts ?? []) this.lastSent.delete(post.id);
      if (dropped?.extraction.comments.length) this.commentsSignature = '';
    }
  }

  /** The page's profile: the DOM's, with exact counts from the page's data for the same account. */
  private profileOf(page: PageContext): PageExtraction['profile'] {
    const dom = readProfileOf(this.options.adapter, page);
    const data = this.dataProfile;
    if (!dom || !data) return dom ?? data;
    if (dom.handle.toLowerCase() !== data.handle.toLowerCase()) return dom;
    return mergeProfile(dom, data).profile;
  }

  /** Health of the page as read so far, with the DOM/data disagreements and the page's responses. */
  private health(all: readonly PostSnapshot[]): PageExtraction['health'] {
    const disagreements: Record<string, number> = {};
    for (const fields of this.disagreed.values())
      for (const field of fields) disagreements[field] = (disagreements[field] ?? 0) + 1;
    const stats = this.options.pageDataStats?.();
    return {
      candidates: this.candidates,
      extracted: all.length,
      missing: tallyMissing(all),
      ...(Object.keys(disagreements).length ? { disagreements } : {}),
      ...(stats && stats.read + stats.failed > 0 ? { pageData: { ...stats } } : {}),
    };
  }

  /** Sends queued batches in order; on failure waits and tries again, keeping the batch. */
  private async flush(): Promise<void> {
    if (this.flushing) return;
    this.flushing = true;
    try {
      while (this.outbox.length && !this.stopped) {
        const batch = this.outbox[0]!;
        let response: Awaited<ReturnType<CaptureLoopOptions['send']>>;
        try {
          response = await this.options.send(batch);
        } catch {
          response = undefined;
        }
        if (response && !response.ok && !response.retry) {
          // The worker refused the batch for good (it was invalid): sending it again cannot help.
          this.outbox.shift();
          continue;
        }
        if (!response?.ok) {
          const delay = RETRY_MS[Math.min(this.retry++, RETRY_MS.length - 1)]!;
          (this.options.setTimer ?? setTimeout)(() => void this.flush(), delay);
          return;
        }
        this.retry = 0;
        this.outbox.shift();
        if (Object.keys(response.scores).length) this.options.onScores?.(response.scores);
      }
    } finally {
      this.flushing = false;
    }
  }
}

/** A 53-bit hash of a string (cyrb53): a post's signature costs 8 bytes instead of its JSON. */
function hash(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4_294_967_296 * (2_097_151 & h2) + (h1 >>> 0);
}

function warmParsers(doc: Document): void {
  const locale = doc.documentElement?.getAttribute('lang') ?? null;
  countInLabel('1 K', locale);
  parseTime('1h', new Date(), locale);
}

/** Comments compared without their times: relative times ("vor 5 Stunden") move with the clock. */
function signatureOf(comments: readonly CommentSnapshot[]): string {
  return JSON.stringify(comments.map((c) => [c.id, c.parentId, c.text, c.byPostAuthor, c.author.handle]));
}
