/**
 * Synthetic history for real-browser tests: rows written straight into the extension's IndexedDB from
 * its service worker (raw IndexedDB puts in batches, as readStore reads). Used where a test needs
 * more history than a fixture page holds — 90 days of an account, or 100,000 posts for a benchmark.
 * Everything here is made up and deterministic; tests say so where they use it.
 */
import type { AccountObservation, MediaKind, StoredPost } from '../../core/model';
import type { Session } from './harness';

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** Writes `rows` into `store` in batches of `batch`, one transaction per batch. */
export async function putRows(session: Session, store: string, rows: readonly object[], batch = 2_000) {
  for (let i = 0; i < rows.length; i += batch) {
    await session.worker.evaluate(
      ([name, part]) =>
        new Promise<void>((done, fail) => {
          const open = indexedDB.open('resonanz');
          open.onerror = () => fail(open.error);
          open.onsuccess = () => {
            const db = open.result;
            const tx = db.transaction(name, 'readwrite');
            const os = tx.objectStore(name);
            for (const row of part) os.put(row);
            tx.oncomplete = () => {
              db.close();
              done();
            };
            tx.onerror = () => fail(tx.error);
          };
        }),
      [store, rows.slice(i, i + batch)] as const,
    );
  }
}

/** A small deterministic pseudo-random sequence (mulberry32). */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * `n` posts of one account over the last `days` days before `now`: mostly at a few habitual hours,
 * videos doing about twice as well as the rest, one tagged campaign, and every metric read once the
 * post was a day old (so the posts are mature).
 */
export function historyPosts(opts: {
  handle: string;
  n: number;
  now: number;
  days: number;
  followers: number;
  /** Median interactions per post (before the format effect). */
  typical: number;
  seed: number;
}): StoredPost[] {
  const rnd = random(opts.seed);
  const hours = [8, 12, 17];
  const media: MediaKind[] = ['text', 'image', 'video', 'image', 'text', 'link'];
  return Array.from({ length: opts.n }, (_, i) => {
    const day = Math.floor(((i + 0.5) / opts.n) * opts.days) + 1;
    const base = Math.floor((opts.now - day * DAY) / DAY) * DAY;
    const time = base + hours[i % hours.length]! * HOUR + Math.floor(rnd() * 40) * 60_000;
    const kind = media[i % media.length]!;
    const effect = kind === 'video' ? 2.2 : kind === 'link' ? 0.6 : 1;
    const spike = i === 5 ? 6 : 1;
    const likes = Math.round(opts.typical * effect * spike * (0.7 + rnd() * 0.6));
    const id = String(1_960_000_000_000_000_000n + BigInt(opts.seed) * 100_000n + BigInt(i));
    return {
      id,
      url: `https://x.com/${opts.handle}/status/${id}`,
      author: { handle: opts.handle, name: null },
      text: `Synthetischer Beitrag ${i + 1} von @${opts.handle}`,
      createdAt: new Date(time).toISOString(),
      metrics: {
        likes,
        comments: Math.round(likes * 0.08),
        shares: Math.round(likes * 0.12),
        quotes: null,
        views: likes * 40,
        saves: null,
      },
      approx: [],
      media: kind,
      hashtags: i % 4 === 0 ? ['Nachhaltigkeit'] : [],
      mentions: [],
      links: [],
      promoted: false,
      repostedBy: null,
      platform: 'x',
      authorKey: opts.handle.toLowerCase(),
      time,
      firstSeen: time + HOUR,
      lastSeen: Math.min(opts.now, time + 2 * DAY),
      followersAtCapture: opts.followers,
    } satisfies StoredPost;
  });
}

/** Weekly follower readings over `weeks` weeks, growing by about `growth` a week. */
export function followerHistory(opts: {
  handle: string;
  now: number;
  weeks: number;
  followers: number;
  growth: number;
}): AccountObservation[] {
  return Array.from({ length: opts.weeks }, (_, k) => ({
    platform: 'x' as const,
    handle: opts.handle.toLowerCase(),
    at: opts.now - (opts.weeks - k) * 7 * DAY,
    followers: opts.followers - (opts.weeks - k) * opts.growth,
    following: 321,
    posts: null,
  }));
}

/**
 * Seeds `total` posts spread over `accounts` accounts, generated inside the service worker (so 100,000
 * rows never cross the DevTools protocol), `batch` per transaction.
 */
export async function seedBulk(
  session: Session,
  total: number,
  accounts: number,
  now: number,
  batch = 5_000,
) {
  for (let start = 0; start < total; start += batch) {
    await session.worker.evaluate(
      ([from, count, accountCount, at]) =>
        new Promise<void>((done, fail) => {
          const open = indexedDB.open('resonanz');
          open.onerror = () => fail(open.error);
          open.onsuccess = () => {
            const db = open.result;
            const tx = db.transaction('posts', 'readwrite');
            const os = tx.objectStore('posts');
            const day = 86_400_000;
            for (let i = from; i < from + count; i++) {
              const account = i % accountCount;
              const time = at - (1 + ((i * 7_919) % 365)) * day - (i % 24) * 3_600_000;
              const likes = 10 + ((i * 31) % 500);
              os.put({
                id: String(1_900_000_000_000_000_000n + BigInt(i)),
                url: null,
                author: { handle: `brand${account}`, name: `Brand ${account}` },
                text: `Post ${i} #tag${i % 7}`,
                createdAt: new Date(time).toISOString(),
                metrics: {
                  likes,
                  comments: (i * 7) % 50,
                  shares: (i * 3) % 20,
                  quotes: null,
                  views: null,
                  saves: null,
                },
                approx: [],
                media: ['text', 'image', 'video', 'link'][i % 4],
                hashtags: [`tag${i % 7}`],
                mentions: [],
                links: [],
                promoted: false,
                repostedBy: null,
                platform: 'x',
                authorKey: `brand${account}`,
                time,
                firstSeen: time,
                lastSeen: time + 2 * day,
                followersAtCapture: 10_000 * (account + 1),
              });
            }
            tx.oncomplete = () => {
              db.close();
              done();
            };
            tx.onerror = () => fail(tx.error);
          };
        }),
      [start, Math.min(batch, total - start), accounts, now] as const,
    );
  }
}
