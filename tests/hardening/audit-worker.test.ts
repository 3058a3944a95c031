/**
 * The worker-side findings of the second security audit (issue 17), each reproduced as it was found:
 * a capture claiming another platform, incognito tabs, oversized or replayed batches, floods, a
 * partial re-read, and writers racing a restore.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PageExtraction } from '../../core/model';
import { comment, post, startWorker, type Worker } from '../research/harness';

let w: Worker;
beforeEach(async () => {
  w = await startWorker();
});
afterEach(async () => {
  await w.close();
});

const extraction = (over: Partial<PageExtraction> = {}): PageExtraction => ({
  platform: 'x',
  url: 'https://x.com/acme',
  kind: 'profile',
  profile: null,
  posts: [post('1')],
  comments: [],
  health: { candidates: 1, extracted: 1, missing: {} },
  ...over,
});

/** A capture sent from a tab showing `tabUrl` (what the browser says about the sender, not the page). */
const captureFrom = (
  tabUrl: string,
  body: PageExtraction,
  more: { incognito?: boolean; batchId?: string; tabId?: number } = {},
) =>
  w.raw(
    { type: 'capture', batchId: more.batchId ?? crypto.randomUUID(), complete: true, extraction: body },
    {
      id: 'resonanz-test',
      url: tabUrl,
      tab: { id: more.tabId ?? 4, url: tabUrl, ...(more.incognito ? { incognito: true } : {}) },
    },
  );

describe('a capture must come from the platform it claims', () => {
  it('refuses a capture claiming x from another built-in platform’s tab', async () => {
    const reply = await captureFrom('https://www.linkedin.com/feed/', extraction());
    expect(reply.ok).toBe(false);
    expect(await w.db.posts.count()).toBe(0);
  });

  it('on a user-added host accepts only Mastodon (a page there was read as LinkedIn)', async () => {
    const linkedin = extraction({ platform: 'linkedin', url: 'https://social.example.org/@a' });
    expect((await captureFrom('https://social.example.org/@a', linkedin)).ok).toBe(false);
    const mastodon = extraction({ platform: 'mastodon', url: 'https://social.example.org/@a' });
    expect((await captureFrom('https://social.example.org/@a', mastodon)).ok).toBe(true);
    expect(await w.db.posts.count()).toBe(1);
    expect((await w.db.posts.toArray())[0]?.platform).toBe('mastodon');
  });

  it('refuses a capture whose page URL is on another host than the sending tab', async () => {
    const reply = await captureFrom('https://x.com/home', extraction({ url: 'https://evil.example/x' }));
    expect(reply.ok).toBe(false);
  });

  it('accepts the platform’s own captures (twitter.com is X too)', async () => {
    expect(
      (await captureFrom('https://twitter.com/acme', extraction({ url: 'https://twitter.com/acme' }))).ok,
    ).toBe(true);
  });
});

describe('incognito', () => {
  it('writes nothing from an incognito tab to the normal profile’s database', async () => {
    const reply = await captureFrom('https://x.com/acme', extraction({ comments: [comment('c1', '1')] }), {
      incognito: true,
    });
    expect(reply).toMatchObject({ ok: true, stored: 0 });
    expect(await w.db.posts.count()).toBe(0);
    expect(await w.db.comments.count()).toBe(0);
    expect(await w.db.tabs.count()).toBe(0);
    const inserted = await w.raw(
      { type: 'replyInserted', platform: 'x', commentId: 'c1', text: 'Danke!' },
      {
        id: 'resonanz-test',
        url: 'https://x.com/acme',
        tab: { id: 4, url: 'https://x.com/acme', incognito: true },
      },
    );
    expect(inserted.ok).toBe(true);
    expect(await w.db.replyMemory.count()).toBe(0);
  });
});

describe('limits', () => {
  it('refuses arrays beyond their bound in the capture schema (200,000 hashtags were stored)', () => {
    const many = Array.from({ length: 200_000 }, (_, i) => `#t${i}`);
    expect(PageExtraction.safeParse(extraction({ posts: [post('1', { hashtags: many })] })).success).toBe(
      false,
    );
    expect(PageExtraction.safeParse(extraction({ posts: [post('1', { mentions: many })] })).success).toBe(
      false,
    );
    const links = Array.from({ length: 5_000 }, (_, i) => `https://e.example/${i}`);
    expect(PageExtraction.safeParse(extraction({ posts: [post('1', { links })] })).success).toBe(false);
    const missing = Object.fromEntries(Array.from({ length: 5_000 }, (_, i) => [`f${i}`, 1]));
    expect(
      PageExtraction.safeParse(extraction({ health: { candidates: 1, extracted: 1, missing } })).success,
    ).toBe(false);
  });

  it('a replayed batch (same id) does not count twice in timesSeen', async () => {
    await w.panel({ type: 'startCollection', name: 'S', notes: '' });
    const body = extraction();
    expect((await captureFrom('https://x.com/acme', body, { batchId: 'same' })).ok).toBe(true);
    expect((await captureFrom('https://x.com/acme', body, { batchId: 'same' })).ok).toBe(true);
    const [item] = await w.db.collectionItems.toArray();
    expect(item?.timesSeen).toBe(1);
    expect((await captureFrom('https://x.com/acme', body, { batchId: 'next' })).ok).toBe(true);
    expect((await w.db.collectionItems.toArray())[0]?.timesSeen).toBe(2);
  });

  it('a tab that floods the worker is told to wait; other tabs still get through', async () => {
    const replies = [];
    for (let i = 0; i < 400; i++)
      replies.push(
        await captureFrom('https://x.com/acme', extraction({ posts: [post(String(i))] }), { tabId: 7 }),
      );
    const refused = replies.filter((r) => !r.ok);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused[0]).toMatchObject({ ok: false, retry: true });
    expect(
      (await captureFrom('https://x.com/acme', extraction({ posts: [post('other')] }), { tabId: 8 })).ok,
    ).toBe(true);
  });

  it('all tabs together have a total budget of items per minute', async () => {
    const big = (n: number) =>
      extraction({ posts: Array.from({ length: 2_000 }, (_, i) => post(`${n}-${i}`)) });
    const replies = [];
    for (let tab = 0; tab < 60; tab++)
      replies.push(await captureFrom('https://x.com/acme', big(tab), { tabId: 100 + tab }));
    expect(replies.some((r) => !r.ok && r.retry === true)).toBe(true);
    w.clock.now += 61_000;
    expect((await captureFrom('https://x.com/acme', big(999), { tabId: 999 })).ok).toBe(true);
  }, 120_000);
});

describe('a partial re-read keeps what is known', () => {
  it('a second read without author, URL or text keeps them (the post stays in its account’s views)', async () => {
    await w.capture(extraction());
    const partial = post('1', { url: null, author: { handle: null, name: null }, text: '' });
    await w.capture(extraction({ posts: [partial] }));
    const stored = await w.db.posts.get(['x', '1']);
    expect(stored).toMatchObject({
      url: 'https://x.com/acme/status/1',
      authorKey: 'acme',
      author: { handle: 'acme', name: 'Acme GmbH' },
      text: 'Post 1',
    });
  });
});

describe('no other writer during a restore', () => {
  it('refuses data-changing panel messages and content writes while a restore runs', async () => {
    const header = JSON.stringify({
      format: 'resonanz-backup',
      formatVersion: 1,
      schemaVersion: 1,
      createdAt: 0,
      extensionVersion: 'x',
      tables: [],
    });
    const begun = await w.panel({ type: 'restoreBegin', header });
    expect(begun.ok).toBe(true);
    for (const message of [
      { type: 'createSet', name: 'during restore' },
      { type: 'setAccountRole', platform: 'x', handle: 'acme', role: 'own' },
      { type: 'startCollection', name: 'during restore', notes: '' },
      { type: 'rememberReply', kind: 'inserted', texts: ['hi'] },
    ]) {
      const reply = await w.panel(message);
      expect(reply, message.type).toMatchObject({ ok: false, retry: true });
    }
    const inserted = await captureFromContent({
      type: 'replyInserted',
      platform: 'x',
      commentId: 'c',
      text: 'x',
    });
    expect(inserted).toMatchObject({ ok: false, retry: true });
    expect(await w.db.sets.count()).toBe(0);
    expect(await w.db.replyMemory.count()).toBe(0);
  });
});

const captureFromContent = (message: object) =>
  w.raw(message, {
    id: 'resonanz-test',
    url: 'https://x.com/acme',
    tab: { id: 4, url: 'https://x.com/acme' },
  });
