/**
 * Worker death in CI: 50 stops of the service worker while a 200-post X timeline is captured and
 * grows. Every post is stored exactly once, with one observation each. (tests/soak runs 1,000 stops
 * over 2,000 posts.)
 */
import { describe, expect, it } from 'vitest';
import { runWorkerDeath } from './worker-death';

describe('the service worker dies while a feed is captured', () => {
  it('loses nothing and duplicates nothing over 50 stops and 200 posts', async () => {
    const figures = await runWorkerDeath({ posts: 200, stops: 50, seed: 20_261_122, log: console.log });
    console.log(`[hardening] worker death: ${JSON.stringify(figures)}`);
    expect(figures.stops).toBe(50);
    expect(figures.stopsWhileRunning).toBeGreaterThan(10);
    expect(figures.lost).toBe(0);
    expect(figures.rows).toBe(200);
    expect(figures.distinctIds).toBe(200);
    expect(figures.observations).toBe(200);
    expect(figures.duplicatedObservations).toBe(0);
  }, 180_000);
});
