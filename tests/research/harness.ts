/**
 * A worker wired like background.ts (the same `createDataSide`), on a fake-indexeddb database: content-script captures and
 * side-panel messages both go through `route`, with a clock the test moves and a recorded badge.
 */
import { ResonanzDb } from '../../core/db/schema';
import {
  type CommentSnapshot,
  emptyMetrics,
  type Metrics,
  type PageExtraction,
  type PostSnapshot,
} from '../../core/model';
import { Settings } from '../../core/settings';
import type { BadgeState, createResearch } from '../../core/worker/collections';
import { createDataSide } from '../../core/worker/data-side';
import { type Reply, route, type Sender, type WorkerDeps } from '../../core/worker/router';

export const ORIGIN = 'chrome-extension://resonanz-test/';
export const EXTENSION_VERSION = '9.8.7';
let counter = 0;

export interface Worker {
  db: ResonanzDb;
  clock: { now: number };
  badges: BadgeState[];
  research: ReturnType<typeof createResearch>;
  /** A capture batch from a content script in tab `tabId`. */
  capture(
    extraction: PageExtraction,
    options?: { tabId?: number; uiLanguage?: string | null; complete?: boolean },
  ): Promise<Reply>;
  /** A privileged message from the side panel. */
  panel(message: object): Promise<Reply>;
  /** Any message sent by a content script (a page), e.g. one trying a privileged command. */
  fromPage(message: object): Promise<Reply>;
  /** A message from the panel opened in a tab of its own (pop-out, tests). */
  panelInTab(message: object): Promise<Reply>;
  /** Any message with the sender the browser would report (tab URL, incognito, …). */
  raw(message: object, sender: Sender): Promise<Reply>;
  close(): Promise<void>;
}

export async function startWorker(
  name = `research-${counter++}`,
  extra: Partial<WorkerDeps> = {},
): Promise<Worker> {
  const db = new ResonanzDb(name);
  await db.open();
  const clock = { now: Date.UTC(2025, 9, 21, 12, 0, 0) };
  const badges: BadgeState[] = [];
  const { scores, research, panel } = createDataSide({
    db: async () => db,
    now: () => clock.now,
    setBadge: async (state) => {
      badges.push(state);
    },
    sendToTab: async () => undefined,
    log: () => {},
  });
  const deps: WorkerDeps = {
    db: async () => db,
    settings: async () => Settings.parse({ retentionDays: 0 }),
    extensionId: 'resonanz-test',
    extensionOrigin: ORIGIN,
    now: () => clock.now,
    scores,
    log: () => {},
    extensionVersion: EXTENSION_VERSION,
    captureBlocked: research.captureBlocked,
    panel,
    ...extra,
  };
  let batch = 0;
  return {
    db,
    clock,
    badges,
    research,
    capture: (extraction, options = {}) =>
      route(
        {
          type: 'capture',
          batchId: `b${batch++}`,
          complete: options.complete ?? true,
          extraction,
          uiLanguage: options.uiLanguage === undefined ? 'en' : options.uiLanguage,
        },
        { id: 'resonanz-test', tab: { id: options.tabId ?? 1, url: extraction.url } },
        deps,
      ),
    panel: (message) => route(message, { id: 'resonanz-test', url: `${ORIGIN}sidepanel.html` }, deps),
    fromPage: (message) =>
      route(
        message,
        { id: 'resonanz-test', url: 'https://x.com/home', tab: { id: 1, url: 'https://x.com/home' } },
        deps,
      ),
    panelInTab: (message) =>
      route(
        message,
        {
          id: 'resonanz-test',
          url: `${ORIGIN}sidepanel.html`,
          tab: { id: 9, url: `${ORIGIN}sidepanel.html` },
        },
        deps,
      ),
    raw: (message, sender) => route(message, sender, deps),
    close: () => db.delete(),
  };
}

export function post(id: string, overrides: Partial<PostSnapshot> = {}): PostSnapshot {
  return {
    id,
    url: `https://x.com/acme/status/${id}`,
    author: { handle: 'acme', name: 'Acme GmbH' },
    text: `Post ${id}`,
    createdAt: '2025-10-20T08:00:00.000Z',
    metrics: { ...emptyMetrics(), likes: 10, comments: 2 },
    approx: [],
    media: 'text',
    hashtags: [],
    mentions: [],
    links: [],
    promoted: false,
    repostedBy: null,
    ...overrides,
  };
}

export function comment(
  id: string,
  postId: string,
  overrides: Partial<CommentSnapshot> = {},
): CommentSnapshot {
  return {
    id,
    postId,
    parentId: null,
    author: { handle: 'fan', name: 'A Fan' },
    text: `Comment ${id}`,
    createdAt: '2025-10-20T09:00:00.000Z',
    likes: 1,
    byPostAuthor: false,
    ...overrides,
  };
}

export function page(posts: PostSnapshot[], overrides: Partial<PageExtraction> = {}): PageExtraction {
  return {
    platform: 'x',
    url: 'https://x.com/home',
    kind: 'feed',
    profile: null,
    posts,
    comments: [],
    health: { candidates: posts.length, extracted: posts.length, missing: {} },
    ...overrides,
  };
}

export function withLikes(p: PostSnapshot, likes: number): PostSnapshot {
  const metrics: Metrics = { ...p.metrics, likes };
  return { ...p, metrics };
}

/** The answer of a privileged message, asserting it was accepted. */
export function accepted<T extends Reply>(reply: T): T & { ok: true } {
  if (!reply.ok) throw new Error(`refused: ${(reply as { error: string }).error}`);
  return reply as T & { ok: true };
}
