/** The content script's engine on a live (happy-dom) page: incremental, batched, retried. */
import { describe, expect, it, vi } from 'vitest';
import { CaptureLoop, type CaptureLoopOptions } from '../../core/content/capture-loop';
import { xAdapter } from '../../core/platforms/x/adapter';

function tweet(id: string, likes: number): string {
  return `<article data-testid="tweet"><div data-testid="User-Name"><a href="/acme"><span>Acme</span></a></div>
    <a href="/acme/status/${id}"><time datetime="2025-10-01T10:00:00.000Z">1. Okt.</time></a>
    <div data-testid="tweetText">Post ${id}</div>
    <div role="group" aria-label="${likes} likes"><button data-testid="like" aria-label="${likes} Likes. Like">${likes}</button></div></article>`;
}

type Send = CaptureLoopOptions['send'];
const ok: Awaited<ReturnType<Send>> = { ok: true, stored: 0, scores: {}, paused: false };

function setup(send: Send, extra: Partial<CaptureLoopOptions> = {}) {
  document.body.innerHTML = `<main>${tweet('10001', 1)}${tweet('10002', 2)}</main>`;
  const tasks: (() => void)[] = [];
  const timers: (() => void)[] = [];
  const loop = new CaptureLoop({
    adapter: xAdapter,
    doc: document,
    url: () => 'https://x.com/home',
    send,
    idle: (task) => tasks.push(task),
    setTimer: (fn) => timers.push(fn),
    // One slice reads the whole small page, so batches do not depend on how fast this machine is.
    sliceMs: 10_000,
    ...extra,
  });
  const runIdle = () => {
    while (tasks.length) tasks.shift()?.();
  };
  const settle = () => new Promise((r) => setTimeout(r, 0));
  return { loop, runIdle, settle, timers };
}

describe('the capture loop', () => {
  it('sends the whole page on start, then only posts that appeared or changed', async () => {
    const send = vi.fn<Send>(async () => ok);
    const { loop, runIdle, settle } = setup(send);
    loop.start();
    await settle();
    runIdle(); // the first read may be split into slices that continue when the page is idle
    await settle();
    const first = send.mock.calls.map((c) => c[0]);
    expect(first.flatMap((b) => b.extraction.posts.map((p) => p.id))).toEqual(['10001', '10002']);
    expect(first.map((b) => b.complete)).toEqual([true, ...first.slice(1).map(() => false)]);
    send.mockClear();

    document.querySelector('main')?.insertAdjacentHTML('beforeend', tweet('10003', 3));
    await settle();
    runIdle();
    await settle();
    expect(send).toHaveBeenCalledTimes(1);
    expect(send.mock.calls[0]?.[0].extraction.posts.map((p) => p.id)).toEqual(['10003']);
    expect(send.mock.calls[0]?.[0].complete).toBe(false);
    send.mockClear();

    document.querySelector('[aria-label="1 Likes. Like"]')?.setAttribute('aria-label', '5 Likes. Like');
    document.querySelector('[aria-label="1 likes"]')?.setAttribute('aria-label', '5 likes');
    await settle();
    runIdle();
    await settle();
    expect(send).toHaveBeenCalledTimes(1);
    expect(send.mock.calls[0]?.[0].extraction.posts).toMatchObject([{ id: '10001', metrics: { likes: 5 } }]);
    loop.stop();
  });

  it('keeps a batch the worker did not take and sends it again, with the same id', async () => {
    let fail = true;
    const send = vi.fn<Send>(async () => (fail ? undefined : ok));
    const { loop, runIdle, settle, timers } = setup(send);
    loop.start();
    runIdle();
    await settle();
    expect(loop.pending).toBe(1);
    fail = false;
    timers.shift()?.();
    await settle();
    expect(loop.pending).toBe(0);
    expect(send.mock.calls[1]?.[0].batchId).toBe(send.mock.calls[0]?.[0].batchId);
    loop.stop();
  });

  it('drops a batch the worker refused as invalid instead of retrying forever', async () => {
    const send = vi.fn<Send>(async () => ({ ok: false as const, error: 'invalid', retry: false }));
    const { loop, runIdle, settle } = setup(send);
    loop.start();
    runIdle();
    await settle();
    expect(loop.pending).toBe(0);
    loop.stop();
  });
});

describe("the capture loop with the page's own data", () => {
  const exact = (id: string, likes: number) => ({
    id,
    url: `https://x.com/acme/status/${id}`,
    author: { handle: 'acme', name: 'Acme' },
    text: `Post ${id}`,
    createdAt: '2025-10-01T10:00:00.000Z',
    metrics: { likes, comments: 3, shares: null, quotes: null, views: 4321, saves: null },
    approx: [],
    media: 'text' as const,
    hashtags: [],
    mentions: [],
    links: [],
    promoted: false,
    repostedBy: null,
  });

  it('completes a post on screen with the exact counts, and sends a post only the data has once, flagged', async () => {
    const send = vi.fn<Send>(async () => ok);
    const { loop, runIdle, settle } = setup(send, { dataGraceMs: 0 });
    loop.start();
    runIdle();
    await settle();
    send.mockClear();

    loop.addPageData({ posts: [exact('10001', 1), exact('99999', 7)] });
    runIdle();
    await settle();
    const sent = send.mock.calls.flatMap((c) => c[0].extraction.posts);
    expect(sent.map((p) => [p.id, p.metrics.views, p.seenOnScreen])).toEqual([
      ['10001', 4321, undefined],
      ['99999', 4321, false],
    ]);
    send.mockClear();

    // The same data again changes nothing: nothing is sent twice.
    loop.addPageData({ posts: [exact('10001', 1), exact('99999', 7)] });
    runIdle();
    await settle();
    expect(send.mock.calls.flatMap((c) => c[0].extraction.posts)).toEqual([]);
    loop.stop();
  });
});
