/**
 * Worker death, full size: 1,000 stops of the service worker while a 2,000-post X timeline is
 * captured and grows (SOAK_POSTS / SOAK_STOPS / SOAK_SEED change it). Run by `npm run soak`.
 */
import { describe, expect, it } from 'vitest';
import { runWorkerDeath } from '../e2e/worker-death';

const posts = Number(process.env.SOAK_POSTS ?? 2_000);
const stops = Number(process.env.SOAK_STOPS ?? 1_000);

describe('the service worker dies again and again while a long feed is captured', () => {
  it(`loses nothing and duplicates nothing over ${stops} stops and ${posts} posts`, async () => {
    const figures = await runWorkerDeath({
      posts,
      stops,
      seed: Number(process.env.SOAK_SEED ?? 7),
      drainTimeoutMs: 180_000,
      log: console.log,
    });
    console.log(`[soak] worker death: ${JSON.stringify(figures)}`);
    expect(figures.stops).toBe(stops);
    expect(figures.lost).toBe(0);
    expect(figures.rows).toBe(posts);
    expect(figures.distinctIds).toBe(posts);
    expect(figures.observations).toBe(posts);
    expect(figures.duplicatedObservations).toBe(0);
  });
});
