/**
 * A long infinite-scroll session on a routed X timeline (real captured post markup, fresh ids): the
 * page appends posts continuously and removes the oldest, as virtualised feeds do, while we sample
 * the page's JS heap (the content script's isolated world shares the renderer's heap), its DOM node
 * and event-listener counts, and collect its long tasks and the content script's own work slices
 * (`resonanz:read` measures). Used by the 60-second CI test and the 30-minute soak.
 */
import type { CDPSession, Page } from 'playwright-core';
import { xFeed, xPost } from '../bench/feeds';
import { launch } from './harness';

export interface Sample {
  atMs: number;
  /** Posts the feed had appended when the sample was taken. */
  posts: number;
  heapUsed: number;
  nodes: number;
  listeners: number;
  documents: number;
}

export interface LongSessionFigures {
  capture: boolean;
  durationMs: number;
  postsAppended: number;
  /** After a forced garbage collection, once warmed up and at the end. */
  start: Sample;
  end: Sample;
  peakHeapUsed: number;
  samples: Sample[];
  longTasks: { count: number; maxMs: number; totalMs: number };
  /** Long tasks during which the content script was running one of its slices. */
  longTasksWithExtension: number;
  /**
   * From a Chromium trace of the page's main thread (when `traceMs` > 0): tasks by thread time (what
   * the task itself cost, without the time the OS gave other processes), the extension's own time in
   * each (its outermost JavaScript calls from its scripts), and its share of the main thread.
   */
  trace: {
    tracedMs: number;
    tasks: number;
    tasksOver50Cpu: number;
    extensionTasks: number;
    /** Tasks in which the extension's own code took over 50 ms of thread time. */
    extensionTasksOver50Cpu: number;
    /** Tasks over 50 ms of thread time that ran some extension code (a page task whose mutation observer callback was ours counts). */
    longTasksWithExtensionCode: number;
    /** The most thread time the extension's own code took in one task, and that task's wall time. */
    extensionMaxTaskCpuMs: number;
    extensionMaxTaskWallMs: number;
    extensionCpuMs: number;
  } | null;
  reads: {
    count: number;
    maxMs: number;
    over50: number;
    slowest: { atMs: number; ms: number; posts: number }[];
  };
  postsStored: number | null;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function sample(cdp: CDPSession, t0: number, page: Page): Promise<Sample> {
  const posts = await page.evaluate(() => (window as unknown as { __appended?: number }).__appended ?? 0);
  const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  const counters = (await cdp.send('Memory.getDOMCounters')) as {
    documents: number;
    nodes: number;
    jsEventListeners: number;
  };
  return {
    atMs: Date.now() - t0,
    posts,
    heapUsed: heap.usedSize,
    nodes: counters.nodes,
    listeners: counters.jsEventListeners,
    documents: counters.documents,
  };
}

async function settledSample(cdp: CDPSession, t0: number, page: Page): Promise<Sample> {
  // Twice: the first collection can leave finalisers' garbage for the second.
  await cdp.send('HeapProfiler.collectGarbage');
  await sleep(200);
  await cdp.send('HeapProfiler.collectGarbage');
  return sample(cdp, t0, page);
}

/** Installs the feed driver and the long-task observer in the page world. */
async function startFeed(
  page: Page,
  opts: { everyMs: number; perStep: number; keep: number; first: number },
) {
  // Post i's markup, with its id left to fill in (ids as tests/bench/feeds.ts gives them).
  const templates = [0, 1, 2].map((i) =>
    xPost(i).replaceAll(String(1_990_000_000_000_000_000n + BigInt(i)), '__ID__'),
  );
  await page.evaluate(
    ({ templates, everyMs, perStep, keep, first }) => {
      const w = window as unknown as Record<string, unknown>;
      // Bounded bookkeeping only (this page's heap is what is measured): long tasks (few), the content
      // script's slices as running figures, the slowest five, and the last 200 for overlap checks.
      const tasks: { start: number; duration: number }[] = [];
      const reads = {
        count: 0,
        over50: 0,
        slowest: [] as { start: number; duration: number; posts: number }[],
      };
      const recent: { start: number; duration: number }[] = [];
      let overlaps = 0;
      const overlapping = (t: { start: number; duration: number }) =>
        recent.some((r) => r.start < t.start + t.duration && r.start + r.duration > t.start);
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) {
          const task = { start: e.startTime, duration: e.duration };
          tasks.push(task);
          if (overlapping(task)) overlaps++;
        }
      }).observe({ type: 'longtask', buffered: true });
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) {
          if (e.name !== 'resonanz:read') continue;
          const read = {
            start: e.startTime,
            duration: e.duration,
            posts: ((e as PerformanceMeasure).detail as { posts?: number } | null)?.posts ?? -1,
          };
          reads.count++;
          if (read.duration > 50) reads.over50++;
          recent.push(read);
          if (recent.length > 200) recent.shift();
          reads.slowest.push(read);
          reads.slowest.sort((a, b) => b.duration - a.duration);
          reads.slowest.length = Math.min(reads.slowest.length, 5);
        }
      }).observe({ type: 'measure', buffered: true });
      w.__longTasks = tasks;
      w.__reads = reads;
      w.__overlaps = () => overlaps;
      let next = first;
      const section = document.querySelector('section')!;
      w.__feed = setInterval(() => {
        let html = '';
        for (let k = 0; k < perStep; k++, next++)
          html += templates[next % 3]!.replaceAll(
            '__ID__',
            String(1_990_000_000_000_000_000n + BigInt(next)),
          );
        section.insertAdjacentHTML('beforeend', html);
        while (section.children.length > keep) section.firstElementChild!.remove();
        window.scrollTo(0, document.body.scrollHeight);
        w.__appended = next;
      }, everyMs);
    },
    { templates, ...opts },
  );
}

export async function runLongSession(options: {
  durationMs: number;
  /** False: the same session with Resonanz's capture switched off for X (the baseline). */
  capture: boolean;
  everyMs?: number;
  perStep?: number;
  keep?: number;
  sampleEveryMs?: number;
  /** Trace the main thread for this long from the start of measuring (0: no trace). */
  traceMs?: number;
  /** Collect garbage before every sample (the soak compares samples far apart). */
  collectEverySample?: boolean;
  warmupMs?: number;
  log?: (line: string) => void;
}): Promise<LongSessionFigures> {
  const session = await launch();
  try {
    if (!options.capture)
      await session.worker.evaluate(
        () =>
          new Promise<void>((done) =>
            (
              globalThis as unknown as {
                chrome: { storage: { local: { set(o: object, cb: () => void): void } } };
              }
            ).chrome.storage.local.set({ settings: { platforms: { x: false } } }, done),
          ),
      );
    const first = 20;
    await session.context.route('https://x.com/**', (route) =>
      route.fulfill({ body: xFeed(first), contentType: 'text/html; charset=utf-8' }),
    );
    const page = await session.context.newPage();
    await page.goto('https://x.com/home');
    const cdp = await session.context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await startFeed(page, {
      everyMs: options.everyMs ?? 250,
      perStep: options.perStep ?? 2,
      keep: options.keep ?? 60,
      first,
    });

    const t0 = Date.now();
    await sleep(options.warmupMs ?? 8_000);
    const start = await settledSample(cdp, t0, page);
    const browser = session.context.browser();
    const traceMs = options.traceMs ?? 0;
    let tracing = false;
    if (traceMs > 0 && browser) {
      await browser.startTracing(page, {
        categories: ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline'],
      });
      tracing = true;
    }
    const traceUntil = Date.now() + traceMs;
    let trace: LongSessionFigures['trace'] = null;
    const stopTrace = async () => {
      if (!tracing || !browser) return;
      tracing = false;
      trace = analyseTrace(
        JSON.parse((await browser.stopTracing()).toString()),
        session.extensionId,
        traceMs,
      );
    };
    const samples: Sample[] = [start];
    const until = t0 + options.durationMs;
    while (Date.now() < until) {
      await sleep(Math.min(options.sampleEveryMs ?? 5_000, Math.max(0, until - Date.now())));
      if (tracing && Date.now() >= traceUntil) await stopTrace();
      samples.push(
        options.collectEverySample ? await settledSample(cdp, t0, page) : await sample(cdp, t0, page),
      );
      if (samples.length % 12 === 0)
        options.log?.(
          `[long-session] ${Math.round((Date.now() - t0) / 1000)} s, heap ${samples.at(-1)!.heapUsed}`,
        );
    }
    const postsAppended = await page.evaluate(() => {
      const w = window as unknown as { __feed: number; __appended: number };
      clearInterval(w.__feed);
      return w.__appended;
    });
    await sleep(2_000); // the last batches are read and sent
    await stopTrace();
    const end = await settledSample(cdp, t0, page);
    samples.push(end);

    const timeline = await page.evaluate(() => {
      const w = window as unknown as {
        __longTasks: { start: number; duration: number }[];
        __reads: {
          count: number;
          over50: number;
          slowest: { start: number; duration: number; posts: number }[];
        };
        __overlaps: () => number;
      };
      return { tasks: w.__longTasks, reads: w.__reads, overlaps: w.__overlaps() };
    });
    const overlaps = timeline.overlaps;
    let postsStored: number | null = null;
    if (options.capture) {
      const reader = await session.context.newPage();
      await reader.goto(`chrome-extension://${session.extensionId}/manifest.json`);
      postsStored = await reader.evaluate(
        () =>
          new Promise<number>((done) => {
            const open = indexedDB.open('resonanz');
            open.onupgradeneeded = () => open.transaction?.abort();
            open.onerror = () => done(0);
            open.onsuccess = () => {
              const request = open.result.transaction('posts').objectStore('posts').count();
              request.onsuccess = () => {
                open.result.close();
                done(request.result);
              };
            };
          }),
      );
    }
    return {
      capture: options.capture,
      durationMs: options.durationMs,
      postsAppended,
      start,
      end,
      peakHeapUsed: Math.max(...samples.map((s) => s.heapUsed)),
      samples,
      longTasks: {
        count: timeline.tasks.length,
        maxMs: Math.round(Math.max(0, ...timeline.tasks.map((t) => t.duration))),
        totalMs: Math.round(timeline.tasks.reduce((a, t) => a + t.duration, 0)),
      },
      longTasksWithExtension: overlaps,
      trace,
      reads: {
        count: timeline.reads.count,
        maxMs: Math.round((timeline.reads.slowest[0]?.duration ?? 0) * 10) / 10,
        over50: timeline.reads.over50,
        slowest: timeline.reads.slowest.map((r) => ({
          atMs: Math.round(r.start),
          ms: Math.round(r.duration * 10) / 10,
          posts: r.posts,
        })),
      },
      postsStored,
    };
  } finally {
    await session.close();
  }
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string; data?: { url?: string } };
}

/**
 * Main-thread tasks of renderer processes, by thread time; a task runs extension code when a
 * JavaScript call inside it comes from the extension's scripts (its content script).
 */
export function analyseTrace(
  trace: { traceEvents: TraceEvent[] },
  extensionId: string,
  tracedMs: number,
): NonNullable<LongSessionFigures['trace']> {
  const events = trace.traceEvents;
  const mainThreads = new Set(
    events
      .filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const onMain = (e: TraceEvent) => e.ph === 'X' && mainThreads.has(`${e.pid}:${e.tid}`);
  const tasks = events.filter((e) => e.name === 'RunTask' && onMain(e)).sort((a, b) => a.ts - b.ts);
  const ours = `chrome-extension://${extensionId}/`;
  const calls = events
    .filter((e) => e.name === 'FunctionCall' && onMain(e) && (e.args?.data?.url ?? '').startsWith(ours))
    .sort((a, b) => a.ts - b.ts);
  let extensionTasks = 0;
  let extensionTasksOver50Cpu = 0;
  let longTasksWithExtensionCode = 0;
  let extensionMaxTaskCpuMs = 0;
  let extensionMaxTaskWallMs = 0;
  let i = 0;
  for (const task of tasks) {
    const end = task.ts + (task.dur ?? 0);
    while (i < calls.length && calls[i]!.ts < task.ts) i++;
    // The extension's own time in this task: its outermost calls' thread time.
    let ownUs = 0;
    let has = false;
    let until = Number.NEGATIVE_INFINITY;
    for (let j = i; j < calls.length && calls[j]!.ts <= end; j++) {
      const call = calls[j]!;
      if (call.pid !== task.pid || call.tid !== task.tid || call.ts < until) continue;
      has = true;
      ownUs += call.tdur ?? call.dur ?? 0;
      until = call.ts + (call.dur ?? 0);
    }
    if (!has) continue;
    extensionTasks++;
    const own = ownUs / 1000;
    if (own > 50) extensionTasksOver50Cpu++;
    if ((task.tdur ?? task.dur ?? 0) > 50_000) longTasksWithExtensionCode++;
    if (own > extensionMaxTaskCpuMs) {
      extensionMaxTaskCpuMs = own;
      extensionMaxTaskWallMs = (task.dur ?? 0) / 1000;
    }
  }
  // Outermost extension calls only (nested calls would count twice).
  let extensionCpuUs = 0;
  let until = Number.NEGATIVE_INFINITY;
  for (const call of calls) {
    if (call.ts < until) continue;
    extensionCpuUs += call.tdur ?? call.dur ?? 0;
    until = call.ts + (call.dur ?? 0);
  }
  return {
    tracedMs,
    tasks: tasks.length,
    tasksOver50Cpu: tasks.filter((t) => (t.tdur ?? t.dur ?? 0) > 50_000).length,
    extensionTasks,
    extensionTasksOver50Cpu,
    longTasksWithExtensionCode,
    extensionMaxTaskCpuMs: Math.round(extensionMaxTaskCpuMs * 10) / 10,
    extensionMaxTaskWallMs: Math.round(extensionMaxTaskWallMs * 10) / 10,
    extensionCpuMs: Math.round(extensionCpuUs / 1000),
  };
}
