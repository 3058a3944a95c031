/**
 * The long session, full length: 30 minutes of infinite scroll on an X timeline with capture on
 * (SOAK_MINUTES changes it), then the same session with capture off for a third of the time, as the
 * baseline. Memory must be flat once the content script's bounded memories are full (a hash per sent
 * post and the overlay's scores, each for 5,000 posts): from the first sample after 6,000 posts to
 * the end (both after forced GC) the heap grows by less than 0.5 MB — a leak of even 100 bytes per
 * post read would exceed that over the ~8,000 posts that follow. The main thread is traced for the
 * first 3 minutes: the extension's own code never takes 50 ms of thread time in one task.
 */
import { describe, expect, it } from 'vitest';
import { runLongSession, type Sample } from '../e2e/long-session';

const minutes = Number(process.env.SOAK_MINUTES ?? 30);
/** Posts after which the content script's memories are full (5,000) with a margin. */
const FULL = 6_000;

describe('a very long infinite-scroll session', () => {
  it(`stays flat over ${minutes} minutes`, async () => {
    const on = await runLongSession({
      durationMs: minutes * 60_000,
      capture: true,
      sampleEveryMs: 30_000,
      collectEverySample: true,
      traceMs: 180_000,
      log: console.log,
    });
    const off = await runLongSession({
      durationMs: (minutes / 3) * 60_000,
      capture: false,
      sampleEveryMs: 30_000,
    });
    const brief = ({ samples, ...rest }: { samples: Sample[] }) => rest;
    console.log(`[soak] long session, capture on: ${JSON.stringify(brief(on))}`);
    console.log(
      `[soak] samples (s, posts, heap MB, listeners): ${JSON.stringify(on.samples.map((s) => [Math.round(s.atMs / 1000), s.posts, Math.round(s.heapUsed / 1e4) / 100, s.listeners]))}`,
    );
    console.log(`[soak] long session, capture off: ${JSON.stringify(brief(off))}`);
    const full = on.samples.find((s) => s.posts >= FULL);
    expect(full, `fewer than ${FULL} posts in ${minutes} minutes: too short to judge`).toBeDefined();
    expect(on.postsAppended - (full?.posts ?? 0)).toBeGreaterThan(3_000);
    expect(on.end.heapUsed - (full?.heapUsed ?? 0)).toBeLessThan(500_000);
    expect(on.end.listeners).toBeLessThanOrEqual(on.start.listeners + 100);
    expect(on.end.nodes).toBeLessThan(on.start.nodes * 1.2);
    expect(on.trace?.extensionTasks).toBeGreaterThan(100);
    expect(on.trace?.extensionTasksOver50Cpu).toBe(0);
    expect(on.postsStored).toBe(on.postsAppended);
  });
});
