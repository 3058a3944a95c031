/**
 * Bundled by esbuild into a page in real Chromium (not fake-indexeddb): the worker's storage and
 * scoring code, exposed on `window.__bench` for tests/bench/db.bench.test.ts.
 */
import { storeCapture } from '../../core/db/capture';
import { ResonanzDb } from '../../core/db/schema';
import { loadSetSummary } from '../../core/db/set-summary';
import { emptyMetrics, type PageExtraction, type PostSnapshot, type StoredPost } from '../../core/model';
import {
  accountBaseline,
  bestTimeGrid,
  formatLift,
  hashtagLift,
  postsPerWeek,
  statsByAccount,
  statsSnapshot,
  summarizeSet,
} from '../../core/scoring/index';
import { postsOfAccount, ScoreCache } from '../../core/worker/scores';

const DAY = 86_400_000;
const NOW = Date.parse('2026-11-01T12:00:00Z');
const MEDIA = ['text', 'image', 'video', 'link'] as const;

function snapshot(i: number, account: number, round: number): PostSnapshot {
  return {
    id: `${1_900_000_000_000_000_000n + BigInt(i)}`,
    url: null,
    author: { handle: `brand${account}`, name: `Brand ${account}` },
    text: `Post ${i} #tag${i % 7}`,
    createdAt: new Date(NOW - ((i * 7_919) % (365 * DAY))).toISOString(),
    metrics: {
      ...emptyMetrics(),
      likes: 10 + ((i * 31) % 500) + round,
      comments: (i * 7) % 50,
      shares: (i * 3) % 20,
    },
    approx: [],
    media: MEDIA[i % 4]!,
    hashtags: [`tag${i % 7}`],
    mentions: [],
    links: [],
    promoted: false,
    repostedBy: null,
  };
}

function page(posts: PostSnapshot[], account: number): PageExtraction {
  return {
    platform: 'x',
    url: `https://x.com/brand${account}`,
    kind: 'profile',
    profile: {
      handle: `brand${account}`,
      name: null,
      followers: 10_000 * (account + 1),
      following: null,
      posts: null,
    },
    posts,
    comments: [],
    health: { candidates: posts.length, extracted: posts.length, missing: {} },
  };
}

function stored(i: number, account: number): StoredPost {
  const s = snapshot(i, account, 0);
  const time = Date.parse(s.createdAt!);
  return {
    ...s,
    platform: 'x',
    authorKey: `brand${account}`,
    time,
    firstSeen: time,
    lastSeen: time + 2 * DAY,
    followersAtCapture: 10_000 * (account + 1),
  };
}

async function fresh(name: string): Promise<ResonanzDb> {
  await new ResonanzDb(name).delete();
  const db = new ResonanzDb(name);
  await db.open();
  return db;
}

const members = Array.from({ length: 10 }, (_, a) => ({ platform: 'x', handle: `brand${a}` }));
const window90 = { from: NOW - 90 * DAY, to: NOW };

/**
 * The browser's own floor, without Dexie or any of our logic: plain IndexedDB put/getAll, one
 * transaction per batch, on the same rows. Every figure above is reported as a ratio to it.
 */
function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}
function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}
async function rawOpen(name: string, create = false): Promise<IDBDatabase> {
  if (create) await request(indexedDB.deleteDatabase(name) as unknown as IDBRequest<unknown>);
  const open = indexedDB.open(name, create ? 1 : undefined);
  if (create)
    open.onupgradeneeded = () => {
      open.result.createObjectStore('posts', { keyPath: ['platform', 'id'] });
      open.result.createObjectStore('observations', { keyPath: ['platform', 'id', 'at'] });
    };
  return request(open);
}

const raw = {
  /** Ingest's writes (a post and an observation per post, 50 per transaction, three rounds). */
  async ingest(n: number): Promise<{ ms: number }> {
    const db = await rawOpen('bench-raw', true);
    const t = performance.now();
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < n; i += 50) {
        const tx = db.transaction(['posts', 'observations'], 'readwrite');
        const posts = tx.objectStore('posts');
        const observations = tx.objectStore('observations');
        for (let k = i; k < Math.min(n, i + 50); k++) {
          const row = { ...stored(k, k % 10), lastSeen: NOW + round };
          posts.put(row);
          observations.put({ platform: 'x', id: row.id, at: NOW + round, metrics: row.metrics });
        }
        await done(tx);
      }
    }
    const ms = performance.now() - t;
    db.close();
    return { ms };
  },
  /** The account view's read: one account's 90 days through the same index, no scoring. */
  async accountView(): Promise<{ ms: number; posts: number }> {
    const db = await rawOpen('bench-big');
    const t = performance.now();
    const tx = db.transaction('posts', 'readonly');
    const posts = await request(
      tx
        .objectStore('posts')
        .index('[platform+authorKey+time]')
        .getAll(IDBKeyRange.bound(['x', 'brand3', NOW - 90 * DAY], ['x', 'brand3', NOW])),
    );
    const ms = performance.now() - t;
    db.close();
    return { ms, posts: posts.length };
  },
  /** A capture batch's writes: 50 posts and 50 observations in one transaction. */
  async captureBatch(runs: number): Promise<{ ms: number[] }> {
    const db = await rawOpen('bench-big');
    const ms: number[] = [];
    for (let r = 0; r < runs; r++) {
      const t = performance.now();
      const tx = db.transaction(['posts', 'observations'], 'readwrite');
      for (let k = 0; k < 50; k++) {
        const row = stored(3 + 20 * (k + 50 * r), 3);
        tx.objectStore('posts').put({ ...row, lastSeen: NOW + 3_000 + r });
        tx.objectStore('observations').put({
          platform: 'x',
          id: row.id,
          at: NOW + 3_000 + r,
          metrics: row.metrics,
        });
      }
      await done(tx);
      ms.push(performance.now() - t);
    }
    db.close();
    return { ms };
  },
};

const bench = {
  raw,
  /** Ingest `n` posts three times (metrics change each round → 3 observations each), 50 per batch. */
  async ingest(n: number): Promise<{ ms: number; posts: number; observations: number }> {
    const db = await fresh('bench-ingest');
    const t = performance.now();
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < n; i += 50) {
        const batch = Array.from({ length: Math.min(50, n - i) }, (_, k) =>
          snapshot(i + k, (i + k) % 10, round),
        );
        await storeCapture(db, page(batch, 0), { now: NOW + round, complete: false });
      }
    }
    const ms = performance.now() - t;
    const result = { ms, posts: await db.posts.count(), observations: await db.observations.count() };
    db.close();
    return result;
  },
  /** Naive ingest baseline: one transaction per post. */
  async ingestNaive(n: number): Promise<{ ms: number }> {
    const db = await fresh('bench-ingest-naive');
    const t = performance.now();
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < n; i++)
        await storeCapture(db, page([snapshot(i, i % 10, round)], 0), { now: NOW + round, complete: false });
    }
    const ms = performance.now() - t;
    db.close();
    return { ms };
  },
  /** Seeds `n` posts over 10 accounts (plus 10 unrelated accounts) directly. */
  async seed(n: number): Promise<number> {
    const db = await fresh('bench-big');
    for (let i = 0; i < n; i += 5_000) {
      await db.posts.bulkPut(
        Array.from({ length: Math.min(5_000, n - i) }, (_, k) => stored(i + k, (i + k) % 20)),
      );
    }
    // The worker keeps these aggregates current per capture; seeding writes them once.
    const all = await db.posts.toArray();
    const now = NOW;
    for (const stats of statsByAccount(all, now).values()) {
      await db.accountStats.put({
        ...statsSnapshot(stats),
        platform: 'x',
        handle: stats.handle ?? '',
        updatedAt: now,
      });
    }
    const count = await db.posts.count();
    db.close();
    return count;
  },
  /** Competitive set: members' posts by index, then summarizeSet. */
  async setSummary(): Promise<{ ms: number; posts: number }> {
    const db = new ResonanzDb('bench-big');
    await db.open();
    const t = performance.now();
    const lists = await Promise.all(members.map((m) => postsOfAccount(db, 'x', m.handle)));
    const posts = lists.flat();
    summarizeSet({ members }, posts, window90, NOW);
    const ms = performance.now() - t;
    db.close();
    return { ms, posts: posts.length };
  },
  /** Competitive set from the maintained aggregates (what the Compare view reads). */
  async setSummaryFromStats(): Promise<{ ms: number }> {
    const db = new ResonanzDb('bench-big');
    await db.open();
    const t = performance.now();
    await loadSetSummary(
      db,
      { id: 's', name: 's', createdAt: 0, members: members as { platform: 'x'; handle: string }[] },
      window90,
      NOW,
    );
    const ms = performance.now() - t;
    db.close();
    return { ms };
  },
  /** Naive baseline: full table scan, then one summary per account. */
  async setSummaryNaive(): Promise<{ ms: number }> {
    const db = new ResonanzDb('bench-big');
    await db.open();
    const t = performance.now();
    const all = await db.posts.toArray();
    for (const m of members)
      summarizeSet(
        { members: [m] },
        all.filter((p) => p.authorKey === m.handle),
        window90,
        NOW,
      );
    const ms = performance.now() - t;
    db.close();
    return { ms };
  },
  /** What the Account view needs for one account. */
  async accountView(): Promise<{ ms: number; posts: number }> {
    const db = new ResonanzDb('bench-big');
    await db.open();
    const t = performance.now();
    const posts = await db.posts
      .where('[platform+authorKey+time]')
      .between(['x', 'brand3', NOW - 90 * DAY], ['x', 'brand3', NOW])
      .toArray();
    accountBaseline(posts, NOW);
    bestTimeGrid(posts, 'Europe/Berlin', NOW);
    hashtagLift(posts, NOW);
    formatLift(posts, NOW);
    postsPerWeek(posts, window90);
    const ms = performance.now() - t;
    db.close();
    return { ms, posts: posts.length };
  },
  async accountViewNaive(): Promise<{ ms: number }> {
    const db = new ResonanzDb('bench-big');
    await db.open();
    const t = performance.now();
    const posts = (await db.posts.toArray()).filter(
      (p) => p.authorKey === 'brand3' && p.time >= NOW - 90 * DAY,
    );
    accountBaseline(posts, NOW);
    bestTimeGrid(posts, 'Europe/Berlin', NOW);
    hashtagLift(posts, NOW);
    formatLift(posts, NOW);
    postsPerWeek(posts, window90);
    const ms = performance.now() - t;
    db.close();
    return { ms };
  },
  /** A capture batch of 50 (new metrics for known posts) with scoring, warm worker cache. */
  async captureBatch(runs: number): Promise<{ ms: number[]; naiveMs: number[] }> {
    const db = new ResonanzDb('bench-big');
    await db.open();
    const cache = new ScoreCache();
    // Warm: the worker has seen this account before.
    await cache.score(db, [stored(3, 3)], NOW);
    const ms: number[] = [];
    const naiveMs: number[] = [];
    for (let r = 0; r < runs; r++) {
      const batch = Array.from({ length: 50 }, (_, k) => snapshot(3 + 20 * (k + 50 * r), 3, 100 + r));
      let t = performance.now();
      const result = await storeCapture(db, page(batch, 3), { now: NOW + 1_000 + r, complete: false });
      await cache.score(db, result.posts, NOW);
      ms.push(performance.now() - t);
      t = performance.now();
      const again = await storeCapture(db, page(batch, 3), { now: NOW + 2_000 + r, complete: false });
      statsByAccount(await db.posts.toArray(), NOW); // naive: rescan everything on every capture
      void again;
      naiveMs.push(performance.now() - t);
    }
    db.close();
    return { ms, naiveMs };
  },
};

(window as unknown as { __bench: typeof bench }).__bench = bench;
