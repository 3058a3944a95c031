/**
 * Storage failing the worker: a full disk (QuotaExceededError plain, from Dexie, and wrapped in an
 * AbortError) pauses capture, keeps everything already stored, never half-writes a batch, records the
 * pause where the panel reads it, and resumes on the user's "try again". IndexedDB unavailable (as in
 * Firefox private windows) gives a clear error, and repeated messages do not make the worker spin.
 */
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CAPTURE_PAUSED_KEY } from '../../core/capture-pause';
import { openDb, ResonanzDb, StorageUnavailableError } from '../../core/db/schema';
import { emptyMetrics, type PageExtraction } from '../../core/model';
import { Settings } from '../../core/settings';
import { capturePaused, resumeCapture, route, type WorkerDeps } from '../../core/worker/router';
import { ScoreCache } from '../../core/worker/scores';
import { captureState, type KeyValueStore, lazyDb } from '../../core/worker/storage-state';

const ORIGIN = 'chrome-extension://abc/';
const PANEL = { id: 'abc', url: `${ORIGIN}sidepanel.html` };
const TAB = { id: 'abc', tab: { id: 3, url: 'https://x.com/home' } };

function post(id: string, likes: number) {
  return {
    id,
    url: null,
    author: { handle: 'acme', name: null },
    text: `post ${id}`,
    createdAt: null,
    metrics: { ...emptyMetrics(), likes },
    approx: [],
    media: 'text' as const,
    hashtags: [],
    mentions: [],
    links: [],
    promoted: false,
    repostedBy: null,
  };
}

function capture(ids: string[], batchId = ids.join('-')) {
  const extraction: PageExtraction = {
    platform: 'x',
    url: 'https://x.com/home',
    kind: 'feed',
    profile: null,
    posts: ids.map((id) => post(id, Number(id))),
    comments: [],
    health: { candidates: ids.length, extracted: ids.length, missing: {} },
  };
  return { type: 'capture', batchId, complete: false, extraction };
}

/** A map standing in for `storage.local`. */
function memoryStore(): KeyValueStore & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  return {
    data,
    get: async (key) => (data.has(key) ? { [key]: data.get(key) } : {}),
    set: async (items) => {
      for (const [k, v] of Object.entries(items)) data.set(k, v);
    },
    remove: async (key) => {
      data.delete(key);
    },
  };
}

/** The ways a full disk reaches the worker. */
const QUOTA_ERRORS: [string, () => unknown][] = [
  [
    'DOMException QuotaExceededError',
    () => new DOMException('The quota has been exceeded.', 'QuotaExceededError'),
  ],
  ['Dexie.QuotaExceededError', () => new Dexie.QuotaExceededError('Quota exceeded')],
  [
    'Dexie.AbortError wrapping a QuotaExceededError',
    () => new Dexie.AbortError('Transaction aborted', new DOMException('', 'QuotaExceededError')),
  ],
  [
    'AbortError saying quota (Firefox)',
    () => new DOMException('Quota exceeded during transaction', 'AbortError'),
  ],
  [
    'Error caused by a QuotaExceededError',
    () => new Error('write failed', { cause: new DOMException('', 'QuotaExceededError') }),
  ],
];

let db: ResonanzDb;
let n = 0;
let store: ReturnType<typeof memoryStore>;
const log = vi.fn();

function deps(over: Partial<WorkerDeps> = {}): WorkerDeps {
  const state = captureState({ store, now: () => 5_000, log });
  return {
    db: async () => db,
    settings: async () => Settings.parse({}),
    extensionId: 'abc',
    extensionOrigin: ORIGIN,
    now: () => 1_700_000_000_000,
    scores: new ScoreCache(),
    log,
    onQuota: state.onQuota,
    panel: { ...state.handlers },
    ...over,
  };
}

beforeEach(async () => {
  resumeCapture();
  store = memoryStore();
  log.mockReset();
  db = new ResonanzDb(`hardening-storage-${n++}`);
  await db.open();
});
afterEach(async () => {
  resumeCapture();
  db.close();
  await Dexie.delete(db.name);
});

describe('a full disk', () => {
  it.each(QUOTA_ERRORS)(
    '%s pauses capture, keeps what is stored, and resumes on "try again"',
    async (_, make) => {
      expect((await route(capture(['1', '2']), TAB, deps())).ok).toBe(true);
      const stored = await db.posts.toArray();

      // The disk fills: the next batch's transaction fails with this variant.
      const full = vi.spyOn(db, 'transaction').mockImplementation((() => Promise.reject(make())) as never);
      const reply = await route(capture(['3']), TAB, deps());
      expect(reply).toEqual({ ok: false, error: 'storage is full: capture paused', retry: true });
      expect(capturePaused()).toBe(true);
      expect(store.data.get(CAPTURE_PAUSED_KEY)).toEqual({ reason: 'quota', at: 5_000 });

      // Paused: batches are turned away (to be retried by the page) without touching the database.
      full.mockClear();
      const waiting = await route(capture(['4']), TAB, deps());
      expect(waiting).toMatchObject({ ok: false, retry: true });
      expect(full).not.toHaveBeenCalled();
      full.mockRestore();
      expect(await db.posts.toArray()).toEqual(stored);

      // Only an extension page may resume; a content script cannot.
      expect((await route({ type: 'resumeCapture' }, TAB, deps())).ok).toBe(false);
      expect(capturePaused()).toBe(true);
      expect(await route({ type: 'resumeCapture' }, PANEL, deps())).toEqual({ ok: true });
      expect(capturePaused()).toBe(false);
      expect(store.data.has(CAPTURE_PAUSED_KEY)).toBe(false);

      // The retried batches go through, exactly once each.
      expect((await route(capture(['3']), TAB, deps())).ok).toBe(true);
      expect((await route(capture(['4']), TAB, deps())).ok).toBe(true);
      expect((await db.posts.toArray()).map((p) => p.id).sort()).toEqual(['1', '2', '3', '4']);
    },
  );

  it('never half-writes: a batch that fails midway leaves no post, observation or tab row of it', async () => {
    await route(capture(['1']), TAB, deps());
    // Everything a capture writes (the daily retention run records itself in `meta` on its own time).
    const rowsOf = () => Promise.all(db.tables.filter((t) => t.name !== 'meta').map((t) => t.toArray()));
    const before = await rowsOf();
    // Posts are written first, observations after: the quota error strikes between the two.
    const spy = vi
      .spyOn(db.observations, 'bulkPut')
      .mockImplementation((() => Promise.reject(new DOMException('', 'QuotaExceededError'))) as never);
    const reply = await route(capture(['1', '2', '3'], 'b2'), TAB, deps());
    spy.mockRestore();
    expect(reply).toMatchObject({ ok: false, retry: true });
    expect(await rowsOf()).toEqual(before);
    expect(await db.posts.count()).toBe(1);
  });

  it('does not pause for errors that are not about space', async () => {
    vi.spyOn(db, 'transaction').mockImplementation((() =>
      Promise.reject(new Error('disk on fire'))) as never);
    const reply = await route(capture(['1']), TAB, deps());
    expect(reply).toMatchObject({ ok: false, retry: true });
    expect(capturePaused()).toBe(false);
    expect(store.data.size).toBe(0);
  });

  it('a restarted worker finds the pause it recorded', async () => {
    await store.set({ [CAPTURE_PAUSED_KEY]: { reason: 'quota', at: 1 } });
    await captureState({ store, now: () => 2, log }).restore();
    expect(capturePaused()).toBe(true);
    resumeCapture();
    await store.set({ [CAPTURE_PAUSED_KEY]: 'garbage' });
    await captureState({ store, now: () => 2, log }).restore();
    expect(capturePaused()).toBe(false);
  });
});

describe('IndexedDB unavailable (Firefox private windows)', () => {
  /** An IndexedDB whose every open fails the way Firefox's private windows fail. */
  const broken = {
    open: () => {
      throw new DOMException(
        'A mutation operation was attempted on a database that did not allow mutations.',
        'InvalidStateError',
      );
    },
    deleteDatabase: () => {
      throw new DOMException('', 'InvalidStateError');
    },
    databases: async () => [],
    cmp: (a: number, b: number) => a - b,
  } as unknown as IDBFactory;
  const unavailable = (name: string) => new ResonanzDb(name, { indexedDB: broken, IDBKeyRange });

  it('is a StorageUnavailableError with a message the panel can show', async () => {
    const error = await openDb('hardening-private', unavailable).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageUnavailableError);
    expect(String((error as Error).message)).toMatch(/not available/);
  });

  it('is tried again with back-off, not on every message: 1,000 captures cost a handful of opens', async () => {
    let clock = 0;
    const open = vi.fn(() => openDb('hardening-private', unavailable));
    const getDb = lazyDb(open, { now: () => clock, firstDelayMs: 1_000, maxDelayMs: 8_000 });
    const replies = [];
    for (let i = 0; i < 1_000; i++) {
      replies.push(await route(capture([String(i)]), TAB, deps({ db: getDb })));
      clock += 10; // 1,000 messages over 10 s
    }
    expect(replies.every((r) => r.ok === false && r.retry === true)).toBe(true);
    expect(String((replies[0] as { error: string }).error)).toMatch(/not available/);
    // Opens at 0, 1 s, 3 s (1+2), 7 s (3+4): back-off doubles.
    expect(open).toHaveBeenCalledTimes(4);
    expect(capturePaused()).toBe(false);
  });

  it('keeps a database that opened, and opens again after a failure once the wait is over', async () => {
    let clock = 0;
    let fail = true;
    const good = new ResonanzDb(`hardening-lazy-${n++}`);
    const open = vi.fn(async () => {
      if (fail) throw new StorageUnavailableError(null);
      await good.open();
      return good;
    });
    const getDb = lazyDb(open, { now: () => clock });
    await expect(getDb()).rejects.toBeInstanceOf(StorageUnavailableError);
    fail = false;
    await expect(getDb()).rejects.toBeInstanceOf(StorageUnavailableError); // still waiting
    clock = 1_000;
    expect(await getDb()).toBe(good);
    expect(await getDb()).toBe(good);
    expect(open).toHaveBeenCalledTimes(2);
    await good.delete();
  });
});
