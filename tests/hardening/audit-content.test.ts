/**
 * The content-script findings of the second audit (issue 17): a post page with more comments than
 * one message may carry, a worker that keeps refusing (paused capture), and traces a page can read.
 */
import { describe, expect, it, vi } from 'vitest';
import { CaptureLoop, type CaptureLoopOptions, MAX_OUTBOX } from '../../core/content/capture-loop';
import { ContentMessages } from '../../core/messages';
import type { CommentSnapshot } from '../../core/model';
import type { Adapter } from '../../core/platforms/adapter';
import { xAdapter } from '../../core/platforms/x/adapter';

type Send = CaptureLoopOptions['send'];

function tweet(id: string, likes: number): string {
  return `<article data-testid="tweet"><div data-testid="User-Name"><a href="/acme"><span>Acme</span></a></div>
    <a href="/acme/status/${id}"><time datetime="2025-10-01T10:00:00.000Z">1. Okt.</time></a>
    <div data-testid="tweetText">Post ${id}</div>
    <div role="group" aria-label="${likes} likes"><button data-testid="like" aria-label="${likes} Likes. Like">${likes}</button></div></article>`;
}

function run(adapter: Adapter, send: Send, url = 'https://x.com/acme/status/10001') {
  const tasks: (() => void)[] = [];
  const loop = new CaptureLoop({
    adapter,
    doc: document,
    url: () => url,
    send,
    idle: (task) => tasks.push(task),
    setTimer: () => {},
    sliceMs: 10_000,
  });
  const runIdle = () => {
    while (tasks.length) tasks.shift()?.();
  };
  return { loop, runIdle, settle: () => new Promise((r) => setTimeout(r, 0)) };
}

const comment = (i: number): CommentSnapshot => ({
  id: `c${i}`,
  postId: '10001',
  parentId: null,
  author: { handle: `fan${i}`, name: null },
  text: `Comment ${i}`,
  createdAt: null,
  likes: null,
  byPostAuthor: false,
});

describe('the capture loop under load', () => {
  it('splits 20,001 comments into batches the worker accepts, posts included', async () => {
    document.body.innerHTML = `<main>${tweet('10001', 1)}</main>`;
    const all = Array.from({ length: 20_001 }, (_, i) => comment(i));
    const adapter: Adapter = { ...xAdapter, pageKind: () => 'post', readComments: () => all };
    const batches: unknown[] = [];
    const send = vi.fn<Send>(async (request) => {
      batches.push(request);
      return { ok: true, stored: 0, scores: {}, paused: false };
    });
    const { loop, runIdle, settle } = run(adapter, send);
    loop.start();
    runIdle();
    for (let i = 0; i < 30; i++) await settle();
    const parsed = batches.map((b) => ContentMessages.capture.request.safeParse(b));
    expect(parsed.every((p) => p.success)).toBe(true);
    const ok = parsed.flatMap((p) => (p.success ? [p.data] : []));
    expect(ok.flatMap((b) => b.extraction.posts.map((p) => p.id))).toEqual(['10001']);
    expect(new Set(ok.flatMap((b) => b.extraction.comments.map((c) => c.id))).size).toBe(20_001);
    expect(new Set(ok.map((b) => b.batchId)).size).toBe(ok.length);
    loop.stop();
  });

  it('keeps at most MAX_OUTBOX batches while the worker refuses them (capture paused)', async () => {
    document.body.innerHTML = '<main></main>';
    const send = vi.fn<Send>(async () => ({
      ok: false,
      error: 'storage is full: capture paused',
      retry: true,
    }));
    const { loop, runIdle, settle } = run(xAdapter, send, 'https://x.com/home');
    loop.start();
    runIdle();
    await settle();
    const main = document.querySelector('main')!;
    for (let i = 0; i < MAX_OUTBOX + 50; i++) {
      main.insertAdjacentHTML('beforeend', tweet(String(20_000 + i), i));
      await settle();
      runIdle();
      await settle();
    }
    expect(loop.pending).toBeGreaterThan(MAX_OUTBOX / 2);
    expect(loop.pending).toBeLessThanOrEqual(MAX_OUTBOX);
    loop.stop();
  }, 60_000);
});
