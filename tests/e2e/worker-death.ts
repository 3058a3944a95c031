/**
 * Worker death, the scenario: an X timeline (real captured post markup, fresh status ids) grows in
 * steps while the content script captures it, and the extension's service worker is stopped through
 * the DevTools protocol at random moments — before, during and after the messages carrying batches.
 * Afterwards every post must be stored exactly once, with exactly one observation (its counts never
 * change). Used by the CI test (tests/e2e) and the soak (tests/soak) with different sizes.
 */
import type { CDPSession, Page } from 'playwright-core';
import { xFeed, xPost } from '../bench/feeds';
import { launch, type Session } from './harness';

export interface WorkerDeathFigures {
  posts: number;
  stops: number;
  /** Stops that found the worker running (woken by a capture message); the rest found it stopped already. */
  stopsWhileRunning: number;
  rows: number;
  distinctIds: number;
  observations: number;
  lost: number;
  duplicatedObservations: number;
  /** From the last stop until every post was stored. */
  drainMs: number;
  elapsedMs: number;
}

/** A small deterministic pseudo-random sequence (mulberry32). */
export function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Post keys and observation keys, read with raw IndexedDB from an extension page (survives worker stops). */
export async function storedKeys(reader: Page): Promise<{ posts: string[]; observations: string[] }> {
  return reader.evaluate(
    () =>
      new Promise<{ posts: string[]; observations: string[] }>((done, fail) => {
        const open = indexedDB.open('resonanz');
        // Never create the database from here: the extension does that.
        open.onupgradeneeded = () => open.transaction?.abort();
        open.onerror = () => done({ posts: [], observations: [] });
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('posts')) {
            db.close();
            done({ posts: [], observations: [] });
            return;
          }
          const tx = db.transaction(['posts', 'observations']);
          const posts = tx.objectStore('posts').getAllKeys();
          const observations = tx.objectStore('observations').getAllKeys();
          tx.oncomplete = () => {
            db.close();
            const key = (k: IDBValidKey) => (Array.isArray(k) ? k.map(String).join('|') : String(k));
            done({ posts: posts.result.map(key), observations: observations.result.map(key) });
          };
          tx.onerror = () => fail(tx.error);
        };
      }),
  );
}

/** The extension page used to read the database: its manifest, shown as a document of the extension. */
export async function extensionReader(session: Session): Promise<Page> {
  const reader = await session.context.newPage();
  await reader.goto(`chrome-extension://${session.extensionId}/manifest.json`);
  return reader;
}

/** Stops the extension's service worker (every worker of the profile) via the DevTools protocol. */
export async function workerStopper(page: Page): Promise<{ stop(): Promise<void>; running(): boolean }> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  let status = 'running';
  cdp.on('ServiceWorker.workerVersionUpdated', (event) => {
    for (const v of event.versions) if (v.scriptURL.endsWith('/background.js')) status = v.runningStatus;
  });
  await cdp.send('ServiceWorker.enable');
  return {
    async stop() {
      await cdp.send('ServiceWorker.stopAllWorkers');
    },
    running: () => status === 'running' || status === 'starting',
  };
}

export async function runWorkerDeath(options: {
  posts: number;
  stops: number;
  seed: number;
  /** Posts appended per step, at most. */
  maxStep?: number;
  /** How long to wait for the backlog after the last stop. */
  drainTimeoutMs?: number;
  log?: (line: string) => void;
}): Promise<WorkerDeathFigures> {
  const rand = random(options.seed);
  const started = Date.now();
  const session = await launch();
  try {
    const initial = Math.min(10, options.posts);
    await session.context.route('https://x.com/**', (route) =>
      route.fulfill({ body: xFeed(initial), contentType: 'text/html; charset=utf-8' }),
    );
    const page = await session.context.newPage();
    await page.goto('https://x.com/home');
    const reader = await extensionReader(session);
    const stopper = await workerStopper(page);

    // Stops spread over the appends (several per step when there are more stops than steps), each at
    // a random moment in the 0–700 ms in which the new posts are read, batched and sent.
    let appended = initial;
    let stops = 0;
    let whileRunning = 0;
    const maxStep = options.maxStep ?? 8;
    const steps = Math.ceil((options.posts - initial) / ((maxStep + 1) / 2));
    const stopsPerStep = Math.max(1, options.stops / Math.max(1, steps));
    let owed = 0;
    while (appended < options.posts || stops < options.stops) {
      if (appended < options.posts) {
        const count = Math.min(options.posts - appended, 1 + Math.floor(rand() * maxStep));
        const cells = Array.from({ length: count }, (_, k) => xPost(appended + k));
        await page.evaluate((html) => {
          document.querySelector('section')?.insertAdjacentHTML('beforeend', html.join(''));
        }, cells);
        appended += count;
        owed += stopsPerStep;
      } else owed = Math.max(owed, 1);
      while (owed >= 1 && stops < options.stops) {
        await sleep(rand() * 700);
        if (stopper.running()) whileRunning++;
        await stopper.stop();
        stops++;
        owed--;
      }
      if (stops % 50 === 0)
        options.log?.(`[worker-death] ${appended}/${options.posts} posts, ${stops} stops`);
    }

    const lastStop = Date.now();
    const deadline = lastStop + (options.drainTimeoutMs ?? 90_000);
    let keys = await storedKeys(reader);
    while (new Set(keys.posts).size < options.posts && Date.now() < deadline) {
      await sleep(250);
      keys = await storedKeys(reader);
    }
    const drainMs = Date.now() - lastStop;
    // A little longer: a late duplicate write would show up now.
    await sleep(1_000);
    keys = await storedKeys(reader);

    // The ids xPost gives post i (tests/bench/feeds.ts).
    const expected = Array.from(
      { length: options.posts },
      (_, i) => `x|${1_990_000_000_000_000_000n + BigInt(i)}`,
    );
    const stored = new Set(keys.posts);
    const perPost = new Map<string, number>();
    for (const k of keys.observations) {
      const id = k.split('|').slice(0, 2).join('|');
      perPost.set(id, (perPost.get(id) ?? 0) + 1);
    }
    return {
      posts: options.posts,
      stops,
      stopsWhileRunning: whileRunning,
      rows: keys.posts.length,
      distinctIds: stored.size,
      observations: keys.observations.length,
      lost: expected.filter((id) => !stored.has(id)).length,
      duplicatedObservations: [...perPost.values()].filter((c) => c > 1).length,
      drainMs,
      elapsedMs: Date.now() - started,
    };
  } finally {
    await session.close();
  }
}
