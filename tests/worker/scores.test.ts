/** The worker's per-post scores: baselines built once per account, then updated per capture. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { storeCapture } from '../../core/db/capture';
import { ResonanzDb } from '../../core/db/schema';
import { emptyMetrics, type PageExtraction, type PostSnapshot } from '../../core/model';
import { ScoreCache } from '../../core/worker/scores';

const DAY = 86_400_000;
const NOW = Date.parse('2025-11-01T12:00:00Z');
let db: ResonanzDb;
let n = 0;
beforeEach(async () => {
  db = new ResonanzDb(`scores-test-${n++}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

function post(id: string, likes: number, ageDays: number): PostSnapshot {
  return {
    id,
    url: null,
    author: { handle: 'Acme', name: null },
    text: '',
    createdAt: new Date(NOW - ageDays * DAY).toISOString(),
    metrics: { ...emptyMetrics(), likes },
    approx: [],
    media: 'text',
    hashtags: [],
    mentions: [],
    links: [],
    promoted: false,
    repostedBy: null,
  };
}

const page = (posts: PostSnapshot[]): PageExtraction => ({
  platform: 'x',
  url: 'https://x.com/acme',
  kind: 'profile',
  profile: { handle: 'acme', name: null, followers: 1000, following: null, posts: null },
  posts,
  comments: [],
  health: { candidates: posts.length, extracted: posts.length, missing: {} },
});

describe('worker scores', () => {
  it('flags a post far above the account’s usual as a breakout, with × median by followers', async () => {
    // Ten mature posts with 10, 11, …, 19 likes (1.0 %–1.9 % of 1,000 followers) and one with 100
    // likes (10 %). The baseline holds all eleven: sorted 1.0 … 1.9, 10 → median 1.5 %, so the
    // outlier is 10 / 1.5 ≈ 6.7 × median; MAD = 0.3 → z = (10 − 1.5) / (1.4826 · 0.3) ≈ 19.
    const usual = Array.from({ length: 10 }, (_, i) => post(`${100 + i}`, 10 + i, 3 + i));
    const cache = new ScoreCache();
    const stored = await storeCapture(db, page([...usual, post('999', 100, 2)]), {
      now: NOW,
      complete: true,
    });
    const scores = await cache.score(db, stored.posts, NOW);
    expect(scores['999']).toMatchObject({ breakout: true, rate: { value: 10, denominator: 'followers' } });
    expect(scores['999']?.xMedian).toBeCloseTo(10 / 1.5, 5);
    expect(scores['104']).toMatchObject({ breakout: false });
  });

  it('says the baseline is too thin with fewer than eight mature posts, and judges young posts by velocity', async () => {
    const cache = new ScoreCache();
    const young = { ...post('500', 30, 0), createdAt: new Date(NOW - 3 * 3_600_000).toISOString() };
    const stored = await storeCapture(db, page([post('1', 10, 5), post('2', 12, 6), young]), {
      now: NOW,
      complete: true,
    });
    const scores = await cache.score(db, stored.posts, NOW);
    expect(scores['1']).toMatchObject({ thin: true, breakout: false, baselineN: 2 });
    // 30 likes in 3 hours = 10 interactions per hour.
    expect(scores['500']).toMatchObject({ young: true, velocity: 10, xMedian: null });
  });

  it('reads an account’s history from the database once, then updates it per capture', async () => {
    const cache = new ScoreCache();
    const history = Array.from({ length: 9 }, (_, i) => post(`${200 + i}`, 10, 3 + i));
    await storeCapture(db, page(history), { now: NOW, complete: true });
    const later = await storeCapture(db, page([post('300', 10, 2)]), { now: NOW, complete: false });
    const scores = await cache.score(db, later.posts, NOW);
    expect(scores['300']?.baselineN).toBe(10);
  });

  it('gives × median on a first visit from the posts the page loaded, seen on screen or not', async () => {
    // A fresh install: one capture of a profile whose data holds 10 posts, 6 of them loaded but not
    // rendered. All are older than 24 h, so all are mature at once: 10 → × median (n ≥ 8).
    const cache = new ScoreCache();
    const posts = Array.from({ length: 10 }, (_, i) => ({
      ...post(`${400 + i}`, 10 + i, 2 + i),
      ...(i >= 4 ? { seenOnScreen: false } : {}),
    }));
    const stored = await storeCapture(db, page(posts), { now: NOW, complete: true });
    const scores = await cache.score(db, stored.posts, NOW);
    expect(scores['400']).toMatchObject({ thin: false, baselineN: 10 });
    // Likes 10…19 of 1,000 followers → median 1.45 %; post 400 has 1.0 % → 0.69 × median.
    expect(scores['400']?.xMedian).toBeCloseTo(1.0 / 1.45, 5);
  });

  it('shows raw counts with n on a first visit with fewer than eight mature posts (no × median)', async () => {
    const cache = new ScoreCache();
    const four = [post('1', 745, 700), post('2', 748, 400), post('3', 741, 420), post('4', 735, 1800)];
    const stored = await storeCapture(db, page(four), { now: NOW, complete: true });
    const scores = await cache.score(db, stored.posts, NOW);
    expect(scores['1']).toMatchObject({ thin: true, baselineN: 4, xMedian: null, breakout: false });
  });

  it('scores a views-only channel (TikTok grid) by views: × median views and views per hour', async () => {
    const cache = new ScoreCache();
    const grid = Array.from({ length: 12 }, (_, i) => ({
      ...post(`${7000 + i}`, 0, 2 + i),
      metrics: { ...emptyMetrics(), views: i === 0 ? 8000 : 1000 },
    }));
    const stored = await storeCapture(
      db,
      { ...page(grid), platform: 'tiktok', url: 'https://www.tiktok.com/@acme' },
      {
        now: NOW,
        complete: true,
      },
    );
    const scores = await cache.score(db, stored.posts, NOW);
    // 8,000 views against a median of 1,000 → 8×; 8,000 views over 2 days → 8000 / 48 ≈ 166.7/h.
    expect(scores['7000']).toMatchObject({
      viewsFirst: true,
      rate: null,
      views: { xMedian: 8, n: 12, thin: false },
    });
    expect(scores['7000']?.views?.perHour).toBeCloseTo(8000 / 48, 5);
  });

  it('sends the earlier posts of a page again when a later batch moves their baseline', async () => {
    // A profile arrives in two batches: 1 post, then 9 more. The first post was thin (n = 1); after
    // the second batch its badge gets × median (n = 10) without the page being read again.
    const cache = new ScoreCache();
    const first = await storeCapture(db, page([post('600', 10, 2)]), { now: NOW, complete: false });
    expect((await cache.score(db, first.posts, NOW))['600']).toMatchObject({ thin: true, baselineN: 1 });
    const rest = Array.from({ length: 9 }, (_, i) => post(`${601 + i}`, 20, 3 + i));
    const second = await storeCapture(db, page(rest), { now: NOW, complete: false });
    const scores = await cache.score(db, second.posts, NOW);
    expect(scores['600']).toMatchObject({ thin: false, baselineN: 10 });
    // 10 likes against a median of 20 → 0.5 × median.
    expect(scores['600']?.xMedian).toBeCloseTo(0.5, 5);
    // Nothing changed for anyone: nothing is sent again but the batch itself.
    const again = await cache.score(db, [second.posts[0]!], NOW);
    expect(Object.keys(again)).toEqual([second.posts[0]!.id]);
  });
});
