/**
 * What a long session must not accumulate, checked directly (the browser test measures the effect):
 * idle callbacks and timers leave no listener behind, the capture loop remembers a bounded number of
 * sent posts (5,000 in the extension), and the overlay keeps at most 5,000 scores and one slot per
 * post on the page.
 */
import { describe, expect, it } from 'vitest';
import { Overlay } from '../../components/overlay/overlay';
import { CaptureLoop, type CaptureLoopOptions } from '../../core/content/capture-loop';
import { type Lifetime, scheduler } from '../../core/content/lifetime';
import type { PostScore } from '../../core/messages';
import { xAdapter } from '../../core/platforms/x/adapter';

/** A content-script lifetime that counts the listeners registered on it. */
function lifetime() {
  const listeners = new Set<() => void>();
  const life: Lifetime & { listeners: Set<() => void>; end(): void; valid: boolean } = {
    listeners,
    valid: true,
    get isValid() {
      return this.valid;
    },
    onInvalidated(cb) {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
    end() {
      this.valid = false;
      for (const cb of [...listeners]) cb();
    },
  };
  return life;
}

describe('idle callbacks and timers', () => {
  it('leave no invalidation listener behind once they ran', async () => {
    const life = lifetime();
    const timers = scheduler(life);
    let ran = 0;
    for (let i = 0; i < 2_000; i++) {
      timers.idle(() => ran++, 10);
      timers.setTimer(() => ran++, 1);
    }
    expect(life.listeners.size).toBe(4_000);
    await new Promise((r) => setTimeout(r, 100));
    expect(ran).toBe(4_000);
    expect(life.listeners.size).toBe(0);
  });

  it('do not run after the extension went away', async () => {
    const life = lifetime();
    const timers = scheduler(life);
    let ran = 0;
    timers.idle(() => ran++, 10);
    timers.setTimer(() => ran++, 5);
    life.end();
    await new Promise((r) => setTimeout(r, 50));
    expect(ran).toBe(0);
  });
});

function tweet(id: number): string {
  return `<article data-testid="tweet"><div data-testid="User-Name"><a href="/acme"><span>Acme</span></a></div>
    <a href="/acme/status/${id}"><time datetime="2025-10-01T10:00:00.000Z">1. Okt.</time></a>
    <div data-testid="tweetText">Post ${id}</div>
    <div role="group" aria-label="${id % 97} likes"></div></article>`;
}

describe('the capture loop on an endless feed', () => {
  it('remembers a bounded number of sent posts, and sends a forgotten post again when it returns', async () => {
    document.body.innerHTML = '<main></main>';
    const main = document.querySelector('main')!;
    const sent: string[] = [];
    const tasks: (() => void)[] = [];
    const loop = new CaptureLoop({
      adapter: xAdapter,
      doc: document,
      url: () => 'https://x.com/home',
      send: async (batch) => {
        sent.push(...batch.extraction.posts.map((p) => p.id));
        return { ok: true, stored: batch.extraction.posts.length, scores: {}, paused: false };
      },
      idle: (task) => tasks.push(task),
      setTimer: () => {},
      rememberSent: 500, // 5,000 in the extension; smaller here to keep the test fast
    } satisfies CaptureLoopOptions);
    // Lets the mutation observer report, then runs every idle task the loop queued, until it is done.
    const settle = async () => {
      for (let quiet = 0; quiet < 2; ) {
        await new Promise((r) => setTimeout(r, 0));
        if (tasks.length === 0) quiet++;
        else quiet = 0;
        while (tasks.length) tasks.shift()?.();
      }
    };
    loop.start();
    await settle();
    // 1,000 posts pass through a feed that keeps 50 at a time.
    for (let first = 10_001; first < 11_001; first += 50) {
      main.innerHTML = Array.from({ length: 50 }, (_, k) => tweet(first + k)).join('');
      await settle();
    }
    const remembered = (loop as unknown as { lastSent: Map<string, unknown> }).lastSent;
    const known = (loop as unknown as { known: Map<Element, unknown> }).known;
    expect(new Set(sent).size).toBe(1_000);
    expect(remembered.size).toBe(500);
    expect(known.size).toBe(50);
    // The oldest were forgotten: seen again, they are sent again (the worker stores that as a no-op);
    // recent ones are not.
    sent.length = 0;
    main.innerHTML = tweet(10_001) + tweet(10_999);
    await settle();
    expect(sent).toEqual(['10001']);
    loop.stop();
  }, 60_000);
});

describe('the overlay on an endless feed', () => {
  it('keeps at most 5,000 scores and only the slots of posts on the page', () => {
    document.body.innerHTML = '<main></main>';
    const main = document.querySelector('main')!;
    const overlay = new Overlay(document, true);
    const score: PostScore = {
      rate: null,
      xMedian: 1,
      breakout: false,
      young: false,
      velocity: null,
      baselineN: 10,
      thin: false,
      viewsFirst: false,
      views: null,
    };
    for (let first = 0; first < 6_000; first += 100) {
      main.replaceChildren();
      const read = Array.from({ length: 100 }, (_, k) => {
        const el = document.createElement('article');
        main.append(el);
        const id = String(first + k);
        return {
          el,
          post: {
            id,
            url: null,
            author: { handle: 'acme', name: null },
            text: '',
            createdAt: null,
            metrics: { likes: 1, comments: null, shares: null, quotes: null, views: null, saves: null },
            approx: [],
            media: 'text' as const,
            hashtags: [],
            mentions: [],
            links: [],
            promoted: false,
            repostedBy: null,
          },
        };
      });
      overlay.show(read);
      overlay.scores(Object.fromEntries(read.map((r) => [r.post.id, score])));
    }
    const inside = overlay as unknown as { scoreById: Map<string, PostScore>; slots: Map<string, unknown> };
    expect(inside.scoreById.size).toBe(Overlay.REMEMBER_SCORES);
    expect(inside.scoreById.has('5999')).toBe(true);
    expect(inside.scoreById.has('0')).toBe(false);
    expect(inside.slots.size).toBe(100);
    overlay.remove();
  });
});
