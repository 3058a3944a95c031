/**
 * The long session, full length: 30 minutes of infinite scroll on an X timeline with capture on
 * (SOAK_MINUTES changes it), then the same session with capture off for a third of the time, as the
 * baseline for long tasks. The main thread is traced for the first 3 minutes: no task running the
 * content script's code may take 50 ms of thread time. Memory must be flat once the content script's bounded memories are full
 * (5,000 posts, reached after about 10 minutes): between the sample at a third of the session and the
 * end (both after forced GC) the heap grows by less than 1 MB — a leak of even 100 bytes per post
 * read would add 1.3 MB over the remaining 13,000 posts.
 */
import { describe, expect, it } from 'vitest';
import { runLongSession, type Sample } from '../e2e/long-session';

const minutes = Number(process.env.SOAK_MINUTES ?? 30);

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
      `[soak] heap samples (s, MB): ${JSON.stringify(on.samples.map((s) => [Math.round(s.atMs / 1000), Math.round(s.heapUsed / 1e4) / 100]))}`,
    );
    console.log(`[soak] long session, capture off: ${JSON.stringify(brief(off))}`);
    // The sample nearest a third of the way in, against the end (both collected).
    const third = on.samples.reduce((best, s) =>
      Math.abs(s.atMs - (minutes * 60_000) / 3) < Math.abs(best.atMs - (minutes * 60_000) / 3) ? s : best,
    );
    expect(on.end.heapUsed - third.heapUsed).toBeLessThan(1_000_000);
    expect(on.end.listeners).toBeLessThanOrEqual(on.start.listeners + 100);
    expect(on.end.nodes).toBeLessThan(on.start.nodes * 1.2);
    expect(on.trace?.extensionTasks).toBeGreaterThan(100);
    expect(on.trace?.extensionTasksOver50Cpu).toBe(0);
    expect(on.postsStored).toBe(on.postsAppended);
  });
});
